//! "Remove" asks first, in the page: removing a choice deletes its plan and check-ins.

use genie_core::model::ChoiceId;
use leptos::prelude::*;

use super::plan::plan_heading_id;
use crate::i18n::*;
use crate::session::Session;
use crate::ui::components::AskFirst;

/// The "Remove" button of one plan and the question it asks before removing anything.
#[component]
pub fn RemovePlan(id: ChoiceId, name: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let remove = Callback::new(move |()| {
        let gone = name.get_untracked();
        state.remove_choice(id);
        state.announce(t_string!(i18n, suggest.removed, name = gone));
    });
    view! {
        <AskFirst
            start=Signal::derive(move || t_string!(i18n, suggest.remove).to_string())
            start_class="button danger"
            described_by=plan_heading_id(id)
            question_id=format!("plan-{}-remove-question", id.0)
            question=Signal::derive(move || t_string!(i18n, suggest.remove_ask, name = name.get()))
            yes=Signal::derive(move || t_string!(i18n, suggest.remove_yes).to_string())
            yes_class="button danger solid"
            on_yes=remove
            no=Signal::derive(move || t_string!(i18n, suggest.remove_no).to_string())
            box_class="confirm-erase"
            question_class="warning"
            test_id="remove-confirm"
        />
    }
}
