//! Taking in a hand-over: how many codes are read, then the one-time code, then what arrived
//! (the names to show the supporter), kept only on the person's "yes". A wrong code, a used
//! hand-over or a damaged code each say so and change nothing; after a few wrong codes in a
//! row, each further try waits a while ([`genie_core::handover::Attempts`]), kept across
//! reloads.

use genie_core::backup::{self, Backup, BackupError};
use genie_core::handover::{self, Arrived, Code, FrameError, WaitWords};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::*;
use crate::platform::{self, crypto, handover as kept};
use crate::session::Session;
use crate::ui::components::PageHeading;
use crate::ui::handover_state::{Inbox, Refused};
use crate::ui::route::Route;

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Gathering,
    Opening,
    Preview {
        id: String,
        backup: Box<Backup>,
        arrived: Arrived,
    },
    Keeping,
    Kept(Arrived),
    NotNow,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Problem {
    Refused(Refused),
    BadCode,
    WrongCode,
    /// Too many wrong codes in a row: milliseconds to wait before the next try.
    Wait(i64),
    Damaged,
    Newer,
    CryptoUnavailable,
    KeepFailed,
}

const PROBLEM_ID: &str = "receive-problem";

#[component]
pub fn ReceivePage() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let inbox = Inbox::expect();
    let step = RwSignal::new(Step::Gathering);
    let problem = RwSignal::new(
        inbox
            .refused
            .get_untracked()
            .map(Problem::Refused)
            .or_else(|| waiting(inbox).map(Problem::Wait)),
    );
    let typed = RwSignal::new(String::new());
    // A code read in this tab after the page was drawn says its own problem.
    Effect::new(move |_| {
        if let Some(refused) = inbox.refused.get() {
            problem.set(Some(Problem::Refused(refused)));
        }
    });

    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if step.get_untracked() == Step::Opening {
            return;
        }
        let Some(gathered) = inbox.gathered.get_untracked() else {
            return;
        };
        let code = match Code::parse(&typed.get_untracked()) {
            Ok(code) => code,
            Err(_) => {
                problem.set(Some(Problem::BadCode));
                return;
            }
        };
        let attempts = kept::attempts().for_id(&gathered.id);
        let left = attempts.wait_left(platform::now());
        if left > 0 {
            problem.set(Some(Problem::Wait(left)));
            return;
        }
        problem.set(None);
        step.set(Step::Opening);
        spawn_local(async move {
            match open_handover(&gathered, &code).await {
                Ok((id, backup)) => {
                    kept::forget_attempts();
                    typed.try_set(String::new());
                    let arrived = handover::arrived(&backup.contents);
                    step.try_set(Step::Preview {
                        id,
                        backup: Box::new(backup),
                        arrived,
                    });
                }
                Err(Problem::WrongCode) => {
                    let now = platform::now();
                    let next = kept::attempts().wrong(&gathered.id, now);
                    kept::keep_attempts(&next);
                    let left = next.wait_left(now);
                    step.try_set(Step::Gathering);
                    problem.try_set(Some(if left > 0 {
                        Problem::Wait(left)
                    } else {
                        Problem::WrongCode
                    }));
                }
                Err(error) => {
                    step.try_set(Step::Gathering);
                    problem.try_set(Some(error));
                }
            }
        });
    };

    let keep = move |_| {
        let Step::Preview {
            id,
            backup,
            arrived,
        } = step.get_untracked()
        else {
            return;
        };
        step.set(Step::Keeping);
        spawn_local(async move {
            // Another tab may have taken it in meanwhile.
            if kept::used().contains(&id) {
                step.try_set(Step::Gathering);
                problem.try_set(Some(Problem::Refused(Refused::Used)));
                return;
            }
            match state.restore_backup(&backup).await {
                Ok(()) => {
                    inbox.finish(&id);
                    step.try_set(Step::Kept(arrived));
                }
                Err(_) => {
                    step.try_set(Step::Preview {
                        id,
                        backup,
                        arrived,
                    });
                    problem.try_set(Some(Problem::KeepFailed));
                }
            }
        });
    };

    let problem_text = move || {
        let locale = i18n.get_locale();
        match problem.get() {
            Some(Problem::Wait(ms)) => {
                return match handover::wait_words(ms) {
                    WaitWords::Seconds(count) => {
                        td_string!(locale, handover.wait_seconds, count = count)
                    }
                    WaitWords::Minutes(count) => {
                        td_string!(locale, handover.wait_minutes, count = count)
                    }
                };
            }
            None => "",
            Some(Problem::Refused(Refused::Used)) => td_string!(locale, handover.used),
            Some(Problem::Refused(Refused::Damaged)) | Some(Problem::Damaged) => {
                td_string!(locale, handover.damaged)
            }
            Some(Problem::Refused(Refused::Newer)) | Some(Problem::Newer) => {
                td_string!(locale, handover.newer)
            }
            Some(Problem::Refused(Refused::Mismatch)) => td_string!(locale, handover.mismatch),
            Some(Problem::BadCode) => td_string!(locale, handover.bad_code),
            Some(Problem::WrongCode) => td_string!(locale, handover.wrong_code),
            Some(Problem::CryptoUnavailable) => td_string!(locale, data.crypto_unavailable),
            Some(Problem::KeepFailed) => td_string!(locale, handover.keep_failed),
        }
        .to_string()
    };
    let status = move || {
        let locale = i18n.get_locale();
        match step.get() {
            Step::Opening => td_string!(locale, handover.opening).to_string(),
            Step::Keeping => td_string!(locale, handover.keeping).to_string(),
            Step::Kept(_) => td_string!(locale, handover.kept).to_string(),
            Step::NotNow => td_string!(locale, handover.not_now).to_string(),
            _ => String::new(),
        }
    };
    let code_problem = move || {
        matches!(
            problem.get(),
            Some(Problem::BadCode) | Some(Problem::WrongCode) | Some(Problem::Wait(_))
        )
    };

    let stage = move || {
        let locale = i18n.get_locale();
        match step.get() {
            Step::Gathering | Step::Opening | Step::NotNow => {
                let Some(gathered) = inbox.gathered.get() else {
                    return view! { <p data-testid="receive-progress">{td_string!(locale, handover.none)}</p> }
                        .into_any();
                };
                let progress = td_string!(
                    locale,
                    handover.progress,
                    received = gathered.received(),
                    count = gathered.count
                );
                if !gathered.is_complete() {
                    return view! {
                        <p class="lead" data-testid="receive-progress">{progress}</p>
                        <p>{td_string!(locale, handover.scan_next)}</p>
                    }
                    .into_any();
                }
                view! {
                    <p class="lead" data-testid="receive-progress">{progress}</p>
                    <form class="stack" on:submit=open>
                        <div class="field">
                            <label for="receive-code">{t!(i18n, handover.code_label)}</label>
                            <p class="hint" id="receive-code-hint">{t!(i18n, handover.code_prompt)}</p>
                            <input
                                id="receive-code"
                                type="text"
                                autocomplete="off"
                                autocapitalize="characters"
                                spellcheck="false"
                                aria-describedby=move || {
                                    if code_problem() {
                                        format!("receive-code-hint {PROBLEM_ID}")
                                    } else {
                                        "receive-code-hint".to_string()
                                    }
                                }
                                aria-invalid=move || code_problem().then_some("true")
                                prop:value=move || typed.get()
                                on:input=move |ev| typed.set(event_target_value(&ev))
                            />
                        </div>
                        <button
                            type="submit"
                            class="button primary"
                            disabled=move || step.get() == Step::Opening
                        >
                            {t!(i18n, handover.open)}
                        </button>
                    </form>
                }
                .into_any()
            }
            Step::Preview { arrived, .. } => view! {
                <ArrivedList arrived=arrived />
                <h2>{t!(i18n, handover.keep_question)}</h2>
                <p>{t!(i18n, handover.keep_warning)}</p>
                <div class="actions">
                    <button type="button" class="button primary" on:click=keep>
                        {t!(i18n, handover.keep_yes)}
                    </button>
                    <button type="button" class="button" on:click=move |_| step.set(Step::NotNow)>
                        {t!(i18n, handover.keep_no)}
                    </button>
                </div>
            }
            .into_any(),
            Step::Kept(arrived) => view! {
                <ArrivedList arrived=arrived />
                <a class="button primary" href=Route::Network { list: false }.href()>
                    {t!(i18n, data.restore_see_map)}
                </a>
            }
            .into_any(),
            _ => ().into_any(),
        }
    };

    view! {
        <PageHeading>{t!(i18n, handover.receive_title)}</PageHeading>
        {stage}
        <p class="result" role="status" data-testid="receive-result">{status}</p>
        <p class="problem" role="alert" id=PROBLEM_ID data-testid="receive-problem">{problem_text}</p>
    }
}

/// The wait still asked of this device for the hand-over being gathered, if any.
fn waiting(inbox: Inbox) -> Option<i64> {
    let gathered = inbox.gathered.get_untracked()?;
    let left = kept::attempts()
        .for_id(&gathered.id)
        .wait_left(platform::now());
    (left > 0).then_some(left)
}

/// What arrived, in the words the supporter checks against their own screen.
#[component]
fn ArrivedList(arrived: Arrived) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale();
    let separator = td_string!(locale, list_separator);
    let answer = if arrived.about_you {
        td_string!(locale, data.preview_included)
    } else {
        td_string!(locale, data.preview_not_included)
    };
    let members = if arrived.members.is_empty() {
        td_string!(locale, handover.arrived_no_members).to_string()
    } else {
        td_string!(
            locale,
            handover.arrived_members,
            names = arrived.members.join(separator)
        )
    };
    let choices = (!arrived.choices.is_empty()).then(|| {
        td_string!(
            locale,
            handover.arrived_choices,
            names = arrived.choices.join(separator)
        )
    });
    view! {
        <section class="restore-preview" aria-labelledby="arrived-title" data-testid="receive-arrived">
            <h2 id="arrived-title">{t!(i18n, handover.arrived_title)}</h2>
            <ul>
                <li>{td_string!(locale, handover.arrived_about, answer = answer)}</li>
                <li data-testid="receive-names">{members}</li>
                {choices.map(|text| view! { <li>{text}</li> })}
            </ul>
        </section>
    }
}

/// Puts the codes together and opens them with the code: nothing is stored here.
async fn open_handover(
    gathered: &genie_core::handover::Gathered,
    code: &Code,
) -> Result<(String, Backup), Problem> {
    let frame = match gathered.assemble() {
        Some(Ok(frame)) => frame,
        Some(Err(FrameError::Newer)) => return Err(Problem::Newer),
        _ => return Err(Problem::Damaged),
    };
    let id = frame.id();
    if kept::used().contains(&id) {
        return Err(Problem::Refused(Refused::Used));
    }
    let plain = crypto::open(&frame.sealed, code.secret())
        .await
        .map_err(|error| match error {
            crypto::CryptoError::WrongPassphrase => Problem::WrongCode,
            crypto::CryptoError::Unavailable => Problem::CryptoUnavailable,
            _ => Problem::Damaged,
        })?;
    // Unpacked here rather than by the browser, so a phone without DecompressionStream
    // takes in what a newer tablet compressed.
    let plain = if frame.compressed {
        handover::inflate(&plain).map_err(|_| Problem::Damaged)?
    } else {
        plain
    };
    let text = String::from_utf8(plain).map_err(|_| Problem::Damaged)?;
    let backup = backup::parse(&text).map_err(|error| match error {
        BackupError::Newer { .. } => Problem::Newer,
        _ => Problem::Damaged,
    })?;
    Ok((id, backup))
}
