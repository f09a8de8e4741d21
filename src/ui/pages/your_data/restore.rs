//! Bringing back a backup: read the file, ask for the passphrase if it is protected, show what
//! is in it, and replace what is on the device only when the person says so. Every problem has
//! its own words, and none of them changes anything.

use genie_core::backup::{
    self, Backup, BackupError, Encrypted, EncryptedError, FileKind, RestoreError,
};
use genie_core::handover::{self, Code};
use genie_core::store::StoreError;
use leptos::html::H3;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{ProblemLine, StatusLine};
use crate::i18n::*;
use crate::platform::{self, crypto, handover as kept, ReadFileError};
use crate::session::Session;
use crate::ui::labels::date_locale;
use crate::ui::route::Route;

/// No backup comes near this; a larger file is refused before it is read.
const MAX_FILE_BYTES: f64 = 50.0 * 1024.0 * 1024.0;

/// Where the person is in bringing back a backup.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Idle,
    Reading,
    Passphrase(Encrypted),
    Opening(Encrypted),
    Preview(Box<Backup>),
    Applying,
    Done,
    Cancelled,
}

/// What went wrong, in the person's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Problem {
    NotABackup,
    Damaged,
    Newer,
    Empty,
    WrongPassphrase,
    TooBig,
    UnreadableFile,
    CryptoUnavailable,
    DeviceUnreadable,
    Full,
    DeviceNewer,
    Failed,
    /// A hand-over's file this device has already taken in (or whose codes it has).
    HandoverUsed,
}

/// What a file turned out to be.
enum Found {
    Plain(Backup),
    /// With the hand-over's id when it is a hand-over's file.
    Encrypted(Encrypted, Option<String>),
}

/// Reads a file's text as a backup, without changing anything.
fn read_backup(text: &str) -> Result<Found, Problem> {
    match backup::detect(text) {
        FileKind::NotABackup => Err(Problem::NotABackup),
        FileKind::Plain => backup::parse(text)
            .map(Found::Plain)
            .map_err(backup_problem),
        FileKind::Encrypted => {
            let wrapper = Encrypted::parse(text).map_err(encrypted_problem)?;
            // A hand-over works once: its id comes from the salt, which the code is bound to,
            // so a used one is refused whether or not it still carries the mark.
            let id = handover::id_of(&wrapper);
            if kept::used().contains(&id) {
                return Err(Problem::HandoverUsed);
            }
            let id = Encrypted::is_handover_text(text).then_some(id);
            Ok(Found::Encrypted(wrapper, id))
        }
    }
}

fn backup_problem(error: BackupError) -> Problem {
    match error {
        BackupError::NotABackup(_) => Problem::NotABackup,
        BackupError::Newer { .. } => Problem::Newer,
        BackupError::Empty => Problem::Empty,
        // Encrypted inside encrypted is not something Genie writes.
        BackupError::Encrypted | BackupError::Truncated | BackupError::Damaged { .. } => {
            Problem::Damaged
        }
    }
}

fn encrypted_problem(error: EncryptedError) -> Problem {
    match error {
        EncryptedError::NotABackup(_) => Problem::NotABackup,
        EncryptedError::Newer { .. } => Problem::Newer,
        EncryptedError::Plain
        | EncryptedError::Truncated
        | EncryptedError::Syntax { .. }
        | EncryptedError::Damaged { .. } => Problem::Damaged,
    }
}

fn restore_problem(error: RestoreError) -> Problem {
    match error {
        RestoreError::Backup(error) => backup_problem(error),
        RestoreError::ExistingUnreadable { .. } => Problem::DeviceUnreadable,
        RestoreError::Store(StoreError::Full) => Problem::Full,
        RestoreError::Store(StoreError::NewerDatabase) => Problem::DeviceNewer,
        RestoreError::Store(_) => Problem::Failed,
    }
}

fn problem_words(problem: Problem, locale: Locale) -> &'static str {
    match problem {
        Problem::NotABackup => td_string!(locale, data.error_not_a_backup),
        Problem::Damaged => td_string!(locale, data.error_damaged),
        Problem::Newer => td_string!(locale, data.error_newer),
        Problem::Empty => td_string!(locale, data.error_empty),
        Problem::WrongPassphrase => td_string!(locale, data.error_wrong_passphrase),
        Problem::TooBig => td_string!(locale, data.error_too_big),
        Problem::UnreadableFile => td_string!(locale, data.error_unreadable_file),
        Problem::CryptoUnavailable => td_string!(locale, data.crypto_unavailable),
        Problem::DeviceUnreadable => td_string!(locale, data.error_device_unreadable),
        Problem::Full => td_string!(locale, data.error_full),
        Problem::DeviceNewer => td_string!(locale, data.error_device_newer),
        Problem::Failed => td_string!(locale, data.error_restore_failed),
        Problem::HandoverUsed => td_string!(locale, data.error_handover_used),
    }
}

/// The id of the restore problem line, which the passphrase field points at.
const PROBLEM_ID: &str = "restore-problem";

#[component]
pub fn RestoreSection() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let step = RwSignal::new(Step::Idle);
    let problem = RwSignal::new(None::<Problem>);
    let passphrase = RwSignal::new(String::new());
    // The id of the hand-over file being opened, remembered once it is kept.
    let handover_id = RwSignal::new(None::<String>);

    let found = move |result: Result<Found, Problem>| match result {
        Ok(Found::Plain(backup)) => step.set(Step::Preview(Box::new(backup))),
        Ok(Found::Encrypted(wrapper, id)) => {
            handover_id.set(id);
            step.set(Step::Passphrase(wrapper));
        }
        Err(error) => {
            step.set(Step::Idle);
            problem.set(Some(error));
        }
    };

    let on_file = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // Let the same file be chosen again after a problem is fixed.
        input.set_value("");
        problem.set(None);
        passphrase.set(String::new());
        handover_id.set(None);
        step.set(Step::Reading);
        spawn_local(async move {
            let result = match platform::read_text(&file, MAX_FILE_BYTES).await {
                Ok(text) => read_backup(&text),
                Err(ReadFileError::TooBig) => Err(Problem::TooBig),
                Err(ReadFileError::Unreadable) => Err(Problem::UnreadableFile),
            };
            found(result);
        });
    };

    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Step::Passphrase(wrapper) = step.get_untracked() else {
            return;
        };
        let secret = passphrase.get_untracked();
        problem.set(None);
        step.set(Step::Opening(wrapper.clone()));
        spawn_local(async move {
            let mut result = crypto::decrypt(&wrapper, &secret).await;
            // A file handed over from another device opens with its one-time code, typed
            // with or without the dash, in any case.
            if result == Err(crypto::CryptoError::WrongPassphrase) {
                if let Ok(code) = Code::parse(&secret) {
                    if code.secret() != secret {
                        result = crypto::decrypt(&wrapper, code.secret()).await;
                    }
                }
            }
            match result {
                Ok(text) => {
                    passphrase.try_set(String::new());
                    found(
                        backup::parse(&text)
                            .map(Found::Plain)
                            .map_err(backup_problem),
                    );
                }
                Err(error) => {
                    step.try_set(Step::Passphrase(wrapper));
                    problem.try_set(Some(match error {
                        crypto::CryptoError::WrongPassphrase => Problem::WrongPassphrase,
                        crypto::CryptoError::NotText => Problem::Damaged,
                        crypto::CryptoError::Unavailable => Problem::CryptoUnavailable,
                        crypto::CryptoError::Failed => Problem::Failed,
                    }));
                }
            }
        });
    };

    let replace = move |_| {
        let Step::Preview(backup) = step.get_untracked() else {
            return;
        };
        let id = handover_id.get_untracked();
        // Another tab may have taken in the same hand-over meanwhile.
        if id.as_ref().is_some_and(|id| kept::used().contains(id)) {
            step.set(Step::Idle);
            problem.set(Some(Problem::HandoverUsed));
            return;
        }
        step.set(Step::Applying);
        spawn_local(async move {
            match state.restore_backup(&backup).await {
                Ok(()) => {
                    if let Some(id) = id {
                        kept::mark_used(&id);
                    }
                    step.try_set(Step::Done);
                }
                Err(error) => {
                    step.try_set(Step::Idle);
                    problem.try_set(Some(restore_problem(error)));
                }
            }
        });
    };
    let cancel = move |_| step.set(Step::Cancelled);

    let status = move || {
        let locale = i18n.get_locale();
        match step.get() {
            Step::Reading => td_string!(locale, data.restore_reading),
            Step::Opening(_) => td_string!(locale, data.restore_opening),
            Step::Applying => td_string!(locale, data.restore_applying),
            Step::Done => td_string!(locale, data.restore_done),
            Step::Cancelled => td_string!(locale, data.restore_cancelled),
            _ => "",
        }
        .to_string()
    };
    let problem_text = move || {
        problem
            .get()
            .map(|p| problem_words(p, i18n.get_locale()).to_string())
            .unwrap_or_default()
    };
    // While the passphrase was wrong, the field says so and points at the message.
    let wrong_passphrase = move || problem.get() == Some(Problem::WrongPassphrase);
    let busy = move || {
        matches!(
            step.get(),
            Step::Reading | Step::Opening(_) | Step::Applying
        )
    };

    let stage = move || match step.get() {
        Step::Passphrase(_) | Step::Opening(_) => view! {
            <form class="stack restore-passphrase" on:submit=open>
                <p>{t!(i18n, data.restore_passphrase_intro)}</p>
                <div class="field">
                    <label for="restore-passphrase">{t!(i18n, data.passphrase_label)}</label>
                    <input
                        id="restore-passphrase"
                        type="password"
                        autocomplete="current-password"
                        aria-invalid=move || wrong_passphrase().then_some("true")
                        aria-describedby=move || wrong_passphrase().then_some(PROBLEM_ID)
                        prop:value=move || passphrase.get()
                        on:input=move |ev| passphrase.set(event_target_value(&ev))
                    />
                </div>
                <button type="submit" class="button primary" disabled=busy>
                    {t!(i18n, data.restore_open)}
                </button>
            </form>
        }
        .into_any(),
        Step::Preview(backup) => view! {
            <Preview backup=*backup />
            <div class="actions">
                <button type="button" class="button primary" on:click=replace>
                    {t!(i18n, data.replace_yes)}
                </button>
                <button type="button" class="button" on:click=cancel>
                    {t!(i18n, data.replace_no)}
                </button>
            </div>
        }
        .into_any(),
        Step::Done => view! {
            <a class="button" href=Route::Network { list: true }.href()>
                {t!(i18n, data.restore_see_map)}
            </a>
        }
        .into_any(),
        _ => ().into_any(),
    };

    view! {
        <section class="data-section" aria-labelledby="restore-title">
            <h2 id="restore-title">{t!(i18n, data.restore_title)}</h2>
            <p>{t!(i18n, data.restore_intro)}</p>
            <label class="button file-button" class:disabled=busy>
                {t!(i18n, data.restore_choose)}
                <input
                    class="visually-hidden"
                    type="file"
                    accept=".json,application/json,text/plain"
                    data-testid="restore-file"
                    disabled=busy
                    on:change=on_file
                />
            </label>
            {stage}
            <StatusLine text=Signal::derive(status) test_id="restore-result" />
            <ProblemLine text=Signal::derive(problem_text) test_id="restore-problem" id=PROBLEM_ID />
        </section>
    }
}

/// What a backup holds, before the person decides.
#[component]
fn Preview(backup: Backup) -> impl IntoView {
    let i18n = use_i18n();
    let heading = NodeRef::<H3>::new();
    // Take the person (and their screen reader) to the question that needs an answer.
    Effect::new(move |_| {
        if let Some(h3) = heading.get() {
            let _ = h3.focus();
        }
    });
    let summary = backup.summary();
    let locale = i18n.get_locale();
    let date = platform::local_date(summary.exported_at, date_locale(locale));
    let answer = if summary.profile {
        td_string!(locale, data.preview_included)
    } else {
        td_string!(locale, data.preview_not_included)
    };
    view! {
        <section class="restore-preview" aria-labelledby="preview-title" data-testid="restore-preview">
            <h3 id="preview-title">{t!(i18n, data.preview_title)}</h3>
            <ul>
                <li>{td_string!(locale, data.preview_made, date = date)}</li>
                <li>{td_string!(locale, data.preview_about, answer = answer)}</li>
                <li>{td_string!(locale, data.preview_maps, count = summary.waves)}</li>
                <li>{td_string!(locale, data.preview_choices, count = summary.choices)}</li>
            </ul>
            <h3 node_ref=heading tabindex="-1">{t!(i18n, data.replace_question)}</h3>
            <p>{t!(i18n, data.replace_warning)}</p>
        </section>
    }
}
