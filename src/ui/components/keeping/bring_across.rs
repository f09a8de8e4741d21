//! The installed app's first start: an offer to open the copy saved in the browser, because a
//! Home Screen app keeps its own information apart from the browser's. One file choice and one
//! "replace" bring the work across (the restore section under "Your data" does the work).

use genie_core::keeping::offer_bring_across;
use leptos::prelude::*;

use super::{progress, Keeping};
use crate::i18n::*;
use crate::platform::install;
use crate::session::Session;
use crate::ui::page_loader;

/// Shown on the welcome page of an installed app that has nothing stored yet, until the person
/// starts afresh. Decided once the browser's facts are known, and then kept, so the restore's
/// own result stays on screen after the work has come across.
#[component]
pub fn BringAcross() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let keeping = Keeping::expect();
    let shown = RwSignal::new(false);
    let decided = StoredValue::new(false);
    Effect::new(move |_| {
        let Some(facts) = keeping.facts.get() else {
            return;
        };
        if decided.get_value() || !state.is_ready() {
            return;
        }
        decided.set_value(true);
        let offered = install::bring_across_offered();
        shown.set(offer_bring_across(facts, progress(state), offered));
    });
    let fresh = move |_| {
        install::set_bring_across_offered();
        shown.set(false);
    };
    view! {
        <Show when=move || shown.get()>
            <section class="notice bring-across" aria-labelledby="bring-across-title" data-testid="bring-across">
                <h2 id="bring-across-title">{t!(i18n, keeping.across_title)}</h2>
                <p>{t!(i18n, keeping.across_body)}</p>
                {page_loader::deferred(
                    page_loader::fetch_restore_code,
                    page_loader::restore_section,
                    || ().into_any(),
                )}
                <button type="button" class="button" on:click=fresh>
                    {t!(i18n, keeping.across_fresh)}
                </button>
            </section>
        </Show>
    }
}
