//! Saving a backup file, plain or protected with a passphrase.

use genie_core::backup::{self, ExportError};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{ProblemLine, StatusLine};
use crate::i18n::*;
use crate::platform::{self, crypto};

/// Shortest passphrase accepted, in characters.
const MIN_PASSPHRASE: usize = 8;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    Working { protecting: bool },
    Saved { file: String, left_out: bool },
    Nothing,
    Short,
    Mismatch,
    CryptoUnavailable,
    Failed,
}

#[component]
pub fn BackupSection() -> impl IntoView {
    let i18n = use_i18n();
    let state = crate::session::Session::expect();
    let keeping = crate::ui::components::Keeping::expect();
    let protect = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let busy = move || matches!(outcome.get(), Some(Outcome::Working { .. }));

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy() {
            return;
        }
        let protect = protect.get_untracked();
        let secret = passphrase.get_untracked();
        if protect {
            if secret.chars().count() < MIN_PASSPHRASE {
                outcome.set(Some(Outcome::Short));
                return;
            }
            if secret != again.get_untracked() {
                outcome.set(Some(Outcome::Mismatch));
                return;
            }
        }
        outcome.set(Some(Outcome::Working {
            protecting: protect,
        }));
        spawn_local(async move {
            let result = make(state, protect, &secret).await;
            if result
                .as_ref()
                .is_ok_and(|o| matches!(o, Outcome::Saved { .. }))
            {
                passphrase.try_set(String::new());
                again.try_set(String::new());
                // The safety net says when the last copy was saved.
                keeping.copy_saved();
            }
            outcome.try_set(Some(result.unwrap_or_else(|problem| problem)));
        });
    };

    let status = move || {
        let locale = i18n.get_locale();
        match outcome.get() {
            Some(Outcome::Working { protecting: false }) => {
                td_string!(locale, data.backup_working).to_string()
            }
            Some(Outcome::Working { protecting: true }) => {
                td_string!(locale, data.backup_protecting).to_string()
            }
            Some(Outcome::Saved { file, left_out }) => {
                let mut text = td_string!(locale, data.backup_saved, file = file);
                if left_out {
                    text.push(' ');
                    text.push_str(td_string!(locale, data.backup_left_out));
                }
                text
            }
            _ => String::new(),
        }
    };
    let problem = move || {
        let locale = i18n.get_locale();
        match outcome.get() {
            Some(Outcome::Nothing) => td_string!(locale, data.backup_nothing),
            Some(Outcome::Short) => td_string!(locale, data.passphrase_short),
            Some(Outcome::Mismatch) => td_string!(locale, data.passphrase_mismatch),
            Some(Outcome::CryptoUnavailable) => td_string!(locale, data.crypto_unavailable),
            Some(Outcome::Failed) => td_string!(locale, data.backup_failed),
            _ => "",
        }
        .to_string()
    };

    view! {
        <section class="data-section" aria-labelledby="backup-title">
            <h2 id="backup-title">{t!(i18n, data.backup_title)}</h2>
            <p>{t!(i18n, data.backup_intro)}</p>
            <form class="stack" on:submit=save>
                <label class="choice">
                    <input
                        type="checkbox"
                        name="protect"
                        prop:checked=move || protect.get()
                        on:change=move |ev| protect.set(event_target_checked(&ev))
                    />
                    <span>
                        {t!(i18n, data.protect_label)}
                        <span class="choice-hint">{t!(i18n, data.protect_hint)}</span>
                    </span>
                </label>
                <Show when=move || protect.get()>
                    <div class="field">
                        <label for="backup-passphrase">{t!(i18n, data.passphrase_label)}</label>
                        <p class="hint" id="backup-passphrase-hint">{t!(i18n, data.passphrase_hint)}</p>
                        <input
                            id="backup-passphrase"
                            type="password"
                            autocomplete="new-password"
                            aria-describedby="backup-passphrase-hint"
                            prop:value=move || passphrase.get()
                            on:input=move |ev| passphrase.set(event_target_value(&ev))
                        />
                    </div>
                    <div class="field">
                        <label for="backup-passphrase-again">{t!(i18n, data.passphrase_again_label)}</label>
                        <input
                            id="backup-passphrase-again"
                            type="password"
                            autocomplete="new-password"
                            prop:value=move || again.get()
                            on:input=move |ev| again.set(event_target_value(&ev))
                        />
                    </div>
                </Show>
                <button type="submit" class="button primary" disabled=busy>
                    {t!(i18n, data.backup_save)}
                </button>
            </form>
            <StatusLine text=Signal::derive(status) test_id="backup-result" />
            <ProblemLine text=Signal::derive(problem) test_id="backup-problem" />
        </section>
    }
}

/// Makes the backup, protects it if asked, and hands the file to the browser.
async fn make(
    state: crate::session::Session,
    protect: bool,
    passphrase: &str,
) -> Result<Outcome, Outcome> {
    let export = state.make_backup().await.map_err(|error| match error {
        ExportError::Store(_) | ExportError::SelfCheck(_) => Outcome::Failed,
    })?;
    if export.contents.is_empty() {
        return Err(Outcome::Nothing);
    }
    let at = platform::now();
    let text = if protect {
        crypto::encrypt(&export.text, passphrase)
            .await
            .map_err(|error| match error {
                crypto::CryptoError::Unavailable => Outcome::CryptoUnavailable,
                _ => Outcome::Failed,
            })?
            .to_json()
    } else {
        export.text
    };
    let file = backup::file_name(at, protect);
    platform::save_file(&text, "application/json", &file);
    Ok(Outcome::Saved {
        file,
        left_out: !export.left_out.is_empty(),
    })
}
