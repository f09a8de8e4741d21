//! Giving the session to another device. Each press of "Make the codes" makes a fresh
//! one-time code and encrypts a fresh backup with it: the QR codes (one link each, shown one
//! at a time with "Code 1 of 3") and the protected file carry the same data. On a supporter's
//! device the supporter then checks the names the phone shows and erases this device.

use genie_core::backup::{self, ExportError};
use genie_core::handover::{self, Arrived, Code, Frame, QrPicture, CODE_LEN, PART_DATA};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::*;
use crate::platform::{self, compress, crypto, handover as kept, ShareOutcome};
use crate::session::Session;
use crate::ui::components::{AskFirst, PageHeading};
use crate::ui::handover_state::Supporter;
use crate::ui::route::Route;

/// A hand-over ready to give.
#[derive(Debug, Clone, PartialEq)]
struct Made {
    code: Code,
    codes: Vec<QrPicture>,
    arrived: Arrived,
    /// The same backup in the ordinary encrypted wrapper, for the file.
    file_text: String,
    file_name: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Idle,
    Making,
    Ready(Box<Made>),
    Nothing,
    Failed,
    CryptoUnavailable,
    Erasing,
    EraseFailed,
}

#[derive(Debug, Clone, PartialEq)]
enum FileSent {
    Shared,
    Saved(String),
}

#[component]
pub fn HandOverPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let supporter = Supporter::expect();
    let step = RwSignal::new(Step::Idle);
    let showing = RwSignal::new(0usize);
    let file_sent = RwSignal::new(None::<FileSent>);

    let make_codes = move |_| {
        if step.get_untracked() == Step::Making {
            return;
        }
        step.set(Step::Making);
        file_sent.set(None);
        showing.set(0);
        spawn_local(async move {
            let next = make(state)
                .await
                .map_or_else(|s| s, |m| Step::Ready(Box::new(m)));
            step.try_set(next);
        });
    };

    let erase = Callback::new(move |()| {
        step.set(Step::Erasing);
        spawn_local(async move {
            match state.erase_everything().await {
                Ok(()) => platform::reload_at(&Route::Erased { expired: false }.href()),
                Err(_) => {
                    step.try_set(Step::EraseFailed);
                }
            }
        });
    });

    let send_file = move |_| {
        let Step::Ready(made) = step.get_untracked() else {
            return;
        };
        spawn_local(async move {
            let outcome =
                platform::share_file(&made.file_text, "application/json", &made.file_name).await;
            file_sent.try_set(match outcome {
                ShareOutcome::Shared => Some(FileSent::Shared),
                ShareOutcome::Cancelled => None,
                ShareOutcome::Unavailable => Some(FileSent::Saved(made.file_name.clone())),
            });
        });
    };

    let status = move || {
        let locale = i18n.get_locale();
        match step.get() {
            Step::Making => td_string!(locale, handover.making),
            Step::Erasing => td_string!(locale, handover.erasing),
            _ => "",
        }
        .to_string()
    };
    let problem = move || {
        let locale = i18n.get_locale();
        match step.get() {
            Step::Nothing => td_string!(locale, handover.nothing),
            Step::Failed => td_string!(locale, handover.make_failed),
            Step::CryptoUnavailable => td_string!(locale, data.crypto_unavailable),
            Step::EraseFailed => td_string!(locale, data.erase_failed),
            _ => "",
        }
        .to_string()
    };
    let file_status = move || {
        let locale = i18n.get_locale();
        match file_sent.get() {
            Some(FileSent::Shared) => td_string!(locale, handover.file_shared).to_string(),
            Some(FileSent::Saved(file)) => td_string!(locale, handover.file_saved, file = file),
            None => String::new(),
        }
    };
    let busy = move || matches!(step.get(), Step::Making | Step::Erasing);
    let ready = move || matches!(step.get(), Step::Ready(_));

    let codes = move || {
        let Step::Ready(made) = step.get() else {
            return ().into_any();
        };
        let count = made.codes.len();
        let index = showing.get().min(count.saturating_sub(1));
        let Some(picture) = made.codes.get(index).cloned() else {
            return ().into_any();
        };
        let locale = i18n.get_locale();
        let (shown, total) = (index + 1, count);
        let label = td_string!(locale, handover.qr_label, index = shown, count = total);
        let view_box = format!("0 0 {0} {0}", picture.size);
        let size = picture.size.to_string();
        view! {
            <section class="handover-codes" aria-labelledby="handover-code-of">
                <p>{t!(i18n, handover.step_scan)}</p>
                <h2 id="handover-code-of" data-testid="handover-code-of">
                    {td_string!(locale, handover.code_of, index = shown, count = total)}
                </h2>
                <svg
                    class="handover-qr"
                    data-testid="handover-qr"
                    viewBox=view_box
                    role="img"
                    aria-label=label
                    shape-rendering="crispEdges"
                >
                    <rect width=size.clone() height=size fill="#ffffff" />
                    <path d=picture.path fill="#000000" />
                </svg>
                <div class="actions">
                    <button
                        type="button"
                        class="button"
                        disabled=move || showing.get() == 0
                        on:click=move |_| showing.update(|i| *i = i.saturating_sub(1))
                    >
                        {t!(i18n, handover.previous)}
                    </button>
                    <button
                        type="button"
                        class="button primary"
                        disabled=move || { showing.get() + 1 >= count }
                        on:click=move |_| showing.update(|i| *i = (*i + 1).min(count - 1))
                    >
                        {t!(i18n, handover.next)}
                    </button>
                </div>
                <p>{t!(i18n, handover.step_type)}</p>
                <p class="handover-code">
                    <span class="visually-hidden">{t!(i18n, handover.code_label)} ": "</span>
                    <strong data-testid="handover-code">{made.code.display()}</strong>
                </p>
                <p class="hint">{t!(i18n, handover.code_note)}</p>
                <h2>{t!(i18n, handover.file_title)}</h2>
                <p>{t!(i18n, handover.file_intro)}</p>
                <button type="button" class="button" on:click=send_file>
                    {t!(i18n, handover.file_send)}
                </button>
                <p class="result" role="status" data-testid="handover-file-result">{file_status}</p>
            </section>
        }
        .into_any()
    };

    let check = move || {
        let Step::Ready(made) = step.get() else {
            return ().into_any();
        };
        if !supporter.is_open() {
            return view! { <p>{t!(i18n, handover.keep_own)}</p> }.into_any();
        }
        let locale = i18n.get_locale();
        let names = if made.arrived.members.is_empty() {
            td_string!(locale, handover.check_no_names).to_string()
        } else {
            td_string!(
                locale,
                handover.check_names,
                names = made
                    .arrived
                    .members
                    .join(td_string!(locale, list_separator))
            )
        };
        view! {
            <section class="handover-check" aria-labelledby="handover-check-title">
                <h2 id="handover-check-title">{t!(i18n, handover.step_check)}</h2>
                <p data-testid="handover-names">{names}</p>
                <AskFirst
                    start=Signal::derive(move || t_string!(i18n, handover.confirm_start).to_string())
                    start_class="button primary"
                    question_id="handover-confirm-question".to_string()
                    question=Signal::derive(move || t_string!(i18n, handover.confirm_question).to_string())
                    yes=Signal::derive(move || t_string!(i18n, handover.confirm_yes).to_string())
                    yes_class="button danger solid"
                    on_yes=erase
                    no=Signal::derive(move || t_string!(i18n, handover.confirm_no).to_string())
                    box_class="confirm-erase"
                    question_class="warning"
                    test_id="handover-confirm"
                />
            </section>
        }
        .into_any()
    };

    view! {
        <PageHeading>{t!(i18n, handover.give_title)}</PageHeading>
        <p class="lead">
            {move || {
                if supporter.is_open() {
                    t_string!(i18n, handover.give_intro)
                } else {
                    t_string!(i18n, handover.give_other_intro)
                }
            }}
        </p>
        <p>
            <a href=Route::SupporterGuide.href() data-testid="guide-link">{t!(i18n, guide.open_link)}</a>
        </p>
        <button type="button" class="button primary" disabled=busy on:click=make_codes>
            {move || {
                if ready() {
                    t_string!(i18n, handover.make_again)
                } else {
                    t_string!(i18n, handover.make)
                }
            }}
        </button>
        <p class="result" role="status" data-testid="handover-status">{status}</p>
        <p class="problem" role="alert" data-testid="handover-problem">{problem}</p>
        {codes}
        {check}
        <Show when=move || supporter.is_open()>
            <section class="data-section danger-zone" aria-labelledby="handover-stop-title">
                <h2 id="handover-stop-title">{t!(i18n, handover.stop_title)}</h2>
                <p>{t!(i18n, handover.stop_intro)}</p>
                <AskFirst
                    start=Signal::derive(move || t_string!(i18n, handover.stop_start).to_string())
                    start_class="button danger"
                    question_id="handover-stop-question".to_string()
                    question=Signal::derive(move || t_string!(i18n, handover.stop_question).to_string())
                    yes=Signal::derive(move || t_string!(i18n, handover.stop_yes).to_string())
                    yes_class="button danger solid"
                    on_yes=erase
                    no=Signal::derive(move || t_string!(i18n, handover.confirm_no).to_string())
                    box_class="confirm-erase"
                    question_class="warning"
                    test_id="handover-stop"
                />
            </section>
        </Show>
    }
}

/// Makes a fresh code and everything it opens: the backup compressed and encrypted into QR
/// codes, and the same backup in the ordinary protected file.
async fn make(state: Session) -> Result<Made, Step> {
    let export = state.make_backup().await.map_err(|error| match error {
        ExportError::Store(_) | ExportError::SelfCheck(_) => Step::Failed,
    })?;
    if export.contents.is_empty() {
        return Err(Step::Nothing);
    }
    let unavailable = |error: crypto::CryptoError| match error {
        crypto::CryptoError::Unavailable => Step::CryptoUnavailable,
        _ => Step::Failed,
    };
    let code = Code::from_random(crypto::random::<CODE_LEN>().map_err(unavailable)?);
    let (compressed, plain) = match compress::deflate_raw(export.text.as_bytes()).await {
        Some(bytes) => (true, bytes),
        None => (false, export.text.as_bytes().to_vec()),
    };
    // The codes and the file share one salt, so they share one id: either, once taken in,
    // uses both.
    let [sealed, file] = crypto::seal_each([&plain, export.text.as_bytes()], code.secret())
        .await
        .map_err(unavailable)?;
    let frame = Frame { compressed, sealed };
    let site = kept::site_address();
    let codes = handover::split(&frame, PART_DATA)
        .ok_or(Step::Failed)?
        .iter()
        .map(|part| handover::qr_picture(&format!("{site}#{}", part.fragment())))
        .collect::<Option<Vec<_>>>()
        .ok_or(Step::Failed)?;
    let file_text = file.to_handover_json();
    Ok(Made {
        arrived: handover::arrived(&export.contents),
        code,
        codes,
        file_text,
        file_name: backup::file_name(platform::now(), true),
    })
}
