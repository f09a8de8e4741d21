//! "Tried before": choices stopped after a check-in. Read-only (their plans are done with);
//! they no longer count towards the three, and the entry can be chosen again from the list.
//! What was wrong with the entry can still be noted, for the area team.

use genie_core::model::{ChoiceId, Tried};
use leptos::prelude::*;

use super::plan::EntryNoteForm;
use crate::i18n::*;
use crate::platform;
use crate::session::Session;
use crate::ui::labels::date_locale;

#[component]
pub fn TriedBefore() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let ids = move || {
        state.choices.with(|cs| {
            cs.iter()
                .filter(|c| !c.is_active())
                .map(|c| c.id)
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || !ids().is_empty()>
            <section class="tried" aria-labelledby="tried-title" data-testid="tried-before">
                <h3 id="tried-title">{t!(i18n, suggest.tried_title)}</h3>
                <p class="hint">{t!(i18n, suggest.tried_hint)}</p>
                <ul>
                    <For each=ids key=|id| *id let:id>
                        <TriedItem id=id />
                    </For>
                </ul>
            </section>
        </Show>
    }
}

/// One stopped choice: its name and its last check-in.
#[component]
fn TriedItem(id: ChoiceId) -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let name = move || {
        state.choices.with(|cs| {
            cs.iter()
                .find(|c| c.id == id)
                .map(|c| c.resource_name.clone())
                .unwrap_or_default()
        })
    };
    let last = move || {
        let check_in = state.choices.with(|cs| {
            cs.iter()
                .find(|c| c.id == id)
                .and_then(|c| c.check_ins.last().cloned())
        })?;
        let date = platform::local_date(check_in.at, date_locale(i18n.get_locale()));
        let what = match check_in.tried {
            Tried::Yes => t_string!(i18n, check_in.tried_yes),
            Tried::NotYet => t_string!(i18n, check_in.tried_not_yet),
            Tried::No => t_string!(i18n, check_in.tried_no),
        };
        Some(
            view! { <p class="hint">{t_string!(i18n, check_in.last, date = date, what = what)}</p> },
        )
    };
    view! {
        <li data-choice=id.0>
            <p class="tried-name" dir="auto">{name}</p>
            {last}
            <EntryNoteForm id=id />
        </li>
    }
}
