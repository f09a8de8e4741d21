//! The safety net where the work stays at risk: a copy offered at the end of a session and
//! when a reminder is due, and a plain line saying when the last copy was saved.

use genie_core::keeping::{last_copy, offer_copy, LastCopy};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{progress, save_copy, CopyProblem, Keeping};
use crate::i18n::*;
use crate::platform;
use crate::session::{Session, StorageHealth};
use crate::ui::labels::date_locale;

/// "Save a copy before you go", shown only while the work is at risk and there is some.
#[component]
pub fn SafetyNet() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let keeping = Keeping::expect();
    let shown = move || {
        let ok = state.health.get() == StorageHealth::Ok;
        ok && keeping
            .advice()
            .is_some_and(|advice| offer_copy(&advice, progress(state)))
    };
    view! {
        <Show when=shown>
            <section class="notice safety-net" aria-labelledby="safety-net-title" data-testid="safety-net">
                <h2 id="safety-net-title">{t!(i18n, keeping.net_title)}</h2>
                <p>{t!(i18n, keeping.net_body)}</p>
                <LastCopyLine />
                <SaveCopyButton test_id="net-copy-result" />
            </section>
        </Show>
    }
}

/// When the last copy was saved, in words.
#[component]
pub fn LastCopyLine() -> impl IntoView {
    let i18n = use_i18n();
    let keeping = Keeping::expect();
    let words = move || {
        let saved = keeping.last_copy.get();
        let locale = i18n.get_locale();
        match last_copy(saved, platform::now().0) {
            LastCopy::Never => td_string!(locale, keeping.last_never).to_string(),
            LastCopy::DaysAgo { days: 0, .. } => td_string!(locale, keeping.last_today).to_string(),
            LastCopy::DaysAgo { stale, .. } => {
                let at = genie_core::model::Timestamp(saved.unwrap_or_default());
                let date = platform::local_date(at, date_locale(locale));
                if stale {
                    td_string!(locale, keeping.last_stale, date = date)
                } else {
                    td_string!(locale, keeping.last_on, date = date)
                }
            }
        }
    };
    view! { <p data-testid="last-copy">{words}</p> }
}

/// Saves a plain backup with one press and says where it went.
#[component]
pub fn SaveCopyButton(test_id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let keeping = Keeping::expect();
    let outcome = RwSignal::new(None::<Result<String, CopyProblem>>);
    let busy = RwSignal::new(false);
    let save = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        spawn_local(async move {
            let result = save_copy(state, keeping).await;
            outcome.try_set(Some(result));
            busy.try_set(false);
        });
    };
    let words = move || {
        let locale = i18n.get_locale();
        match outcome.get() {
            None => String::new(),
            Some(Ok(file)) => td_string!(locale, data.backup_saved, file = file),
            Some(Err(CopyProblem::Nothing)) => td_string!(locale, data.backup_nothing).to_string(),
            Some(Err(CopyProblem::Failed)) => td_string!(locale, data.backup_failed).to_string(),
        }
    };
    view! {
        <button type="button" class="button primary" disabled=move || busy.get() on:click=save>
            {t!(i18n, keeping.save_now)}
        </button>
        <p class="result" role="status" data-testid=test_id>{words}</p>
    }
}
