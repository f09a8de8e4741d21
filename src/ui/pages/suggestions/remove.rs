//! "Remove" asks first, in the page: removing a choice deletes its plan and check-ins.

use genie_core::model::ChoiceId;
use leptos::html::{Button, P};
use leptos::prelude::*;

use super::plan::plan_heading_id;
use crate::i18n::*;
use crate::ui::state::AppState;

/// The "Remove" button of one plan and the question it asks before removing anything.
/// Focus moves to the question when it appears (so a screen reader reads it), and back to
/// "Remove" after "No" or Escape, so keyboard users stay where they were.
#[component]
pub fn RemovePlan(id: ChoiceId, name: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let state = AppState::expect();
    let asking = RwSignal::new(false);
    let remove_button = NodeRef::<Button>::new();
    let question = NodeRef::<P>::new();
    let question_id = format!("plan-{}-remove-question", id.0);
    let ask = move |_| {
        asking.set(true);
        request_animation_frame(move || {
            if let Some(p) = question.get_untracked() {
                let _ = p.focus();
            }
        });
    };
    let keep = move || {
        asking.set(false);
        request_animation_frame(move || {
            if let Some(button) = remove_button.get_untracked() {
                let _ = button.focus();
            }
        });
    };
    let remove = move |_| {
        let gone = name.get_untracked();
        state.remove_choice(id);
        state.announce(t_string!(i18n, suggest.removed, name = gone));
    };
    view! {
        <Show
            when=move || asking.get()
            fallback=move || view! {
                <button
                    type="button"
                    class="button danger"
                    aria-describedby=plan_heading_id(id)
                    node_ref=remove_button
                    on:click=ask
                >
                    {t!(i18n, suggest.remove)}
                </button>
            }
        >
            <div
                class="confirm-erase"
                role="group"
                aria-labelledby=question_id.clone()
                data-testid="remove-confirm"
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        keep();
                    }
                }
            >
                <p id=question_id.clone() node_ref=question tabindex="-1" class="warning" dir="auto">
                    {move || t_string!(i18n, suggest.remove_ask, name = name.get())}
                </p>
                <div class="actions">
                    <button type="button" class="button danger solid" on:click=remove>
                        {t!(i18n, suggest.remove_yes)}
                    </button>
                    <button type="button" class="button" on:click=move |_| keep()>
                        {t!(i18n, suggest.remove_no)}
                    </button>
                </div>
            </div>
        </Show>
    }
}
