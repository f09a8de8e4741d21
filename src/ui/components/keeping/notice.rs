//! The notice about keeping the person's work (shown once there is something to lose, until
//! put away) and the same advice under "Your data", where it can always be read again.

use genie_core::keeping::{notice_due, Advice, Remedy, Risk};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::pictures::{AddPicture, HomeScreenPicture, SharePicture};
use super::safety_net::{LastCopyLine, SaveCopyButton};
use super::{progress, Keeping};
use crate::i18n::*;
use crate::platform::storage::{self, Durability};
use crate::session::{Session, StorageHealth};
use crate::ui::page_loader;

/// The title and first sentence for a risk.
fn risk_words(risk: Risk, locale: Locale) -> (&'static str, &'static str) {
    match risk {
        Risk::SevenDays => (
            td_string!(locale, keeping.seven_days_title),
            td_string!(locale, keeping.seven_days_body),
        ),
        Risk::SpaceRunsShort => (
            td_string!(locale, keeping.space_title),
            td_string!(locale, keeping.space_body),
        ),
        Risk::Unknown | Risk::Kept => (
            td_string!(locale, keeping.unknown_title),
            td_string!(locale, keeping.unknown_body),
        ),
    }
}

/// Above every page once the person has started, while their work is at risk and until they
/// put it away. Storage that does not work at all has its own notice instead.
#[component]
pub fn KeepingNotice() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let keeping = Keeping::expect();
    let advice = Memo::new(move |_| {
        let advice = keeping.advice()?;
        let ok = state.health.get() == StorageHealth::Ok;
        (ok && notice_due(&advice, progress(state), keeping.dismissed.get())).then_some(advice)
    });
    move || {
        let advice = advice.get()?;
        let locale = i18n.get_locale();
        let (title, _) = risk_words(advice.risk, locale);
        Some(view! {
            <section class="notice keeping-notice" aria-labelledby="keeping-title" data-testid="keeping-notice">
                <h2 id="keeping-title">{title}</h2>
                {page_loader::deferred(
                    page_loader::fetch_advice_code,
                    move || page_loader::advice_body(advice.clone()),
                    || ().into_any(),
                )}
                <p class="hint">{t!(i18n, keeping.hidden_hint)}</p>
                <button type="button" class="button" on:click=move |_| keeping.set_dismissed(true)>
                    {t!(i18n, keeping.hide)}
                </button>
            </section>
        })
    }
}

/// The same advice under "Your data", always there, put away or not.
#[component]
pub fn KeepingHelp() -> impl IntoView {
    let i18n = use_i18n();
    let keeping = Keeping::expect();
    let body = move || match keeping.advice() {
        None => ().into_any(),
        Some(advice) if !advice.at_risk() => {
            view! { <p>{t!(i18n, keeping.help_kept)}</p> }.into_any()
        }
        Some(advice) => {
            let (title, _) = risk_words(advice.risk, i18n.get_locale());
            view! {
                <p><strong>{title}</strong></p>
                <AdviceBody advice=advice />
            }
            .into_any()
        }
    };
    view! {
        <section class="data-section" aria-labelledby="keeping-help-title" data-testid="keeping-help">
            <h2 id="keeping-help-title">{t!(i18n, keeping.help_title)}</h2>
            {body}
        </section>
    }
}

/// What happens in this browser and each way out, most lasting first.
#[component]
pub fn AdviceBody(advice: Advice) -> impl IntoView {
    let i18n = use_i18n();
    let (_, body) = risk_words(advice.risk, i18n.get_locale());
    let steps = advice.remedies.contains(&Remedy::HomeScreenSteps);
    let remedies = advice
        .remedies
        .iter()
        .map(|remedy| match remedy {
            Remedy::HomeScreenSteps => view! { <HomeScreenSteps /> }.into_any(),
            Remedy::InstallPrompt => view! { <InstallOffer /> }.into_any(),
            Remedy::AskToKeep => view! { <AskToKeep /> }.into_any(),
            // With the Home Screen steps, saving a copy is their first step.
            Remedy::SaveCopies if steps => view! { <LastCopyLine /> }.into_any(),
            Remedy::SaveCopies => view! {
                <p>{t!(i18n, keeping.copies_body)}</p>
                <LastCopyLine />
                <SaveCopyButton test_id="notice-copy-result" />
            }
            .into_any(),
        })
        .collect_view();
    view! {
        <p>{body}</p>
        {steps.then(|| view! { <p>{t!(i18n, keeping.seven_days_fix)}</p> })}
        {remedies}
    }
}

/// Adding Genie to an iPhone's Home Screen, step by step, with pictures.
#[component]
fn HomeScreenSteps() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h3>{t!(i18n, keeping.steps_title)}</h3>
        <ol class="home-screen-steps" data-testid="home-screen-steps">
            <li>
                <p>{t!(i18n, keeping.step_copy)}</p>
                <SaveCopyButton test_id="steps-copy-result" />
            </li>
            <li><p>{t!(i18n, keeping.step_share)}</p><SharePicture /></li>
            <li><p>{t!(i18n, keeping.step_add)}</p><AddPicture /></li>
            <li><p>{t!(i18n, keeping.step_confirm)}</p><HomeScreenPicture /></li>
            <li><p>{t!(i18n, keeping.step_open)}</p></li>
        </ol>
    }
}

/// The browser's own install prompt, where it offers one (Chromium on Android and desktop).
#[component]
fn InstallOffer() -> impl IntoView {
    let i18n = use_i18n();
    let keeping = Keeping::expect();
    view! {
        <p>{t!(i18n, keeping.install_body)}</p>
        <button type="button" class="button primary" on:click=move |_| keeping.install()>
            {t!(i18n, keeping.install)}
        </button>
    }
}

/// Asks the browser to keep the data; the answer (or none, in time) is said plainly.
#[component]
fn AskToKeep() -> impl IntoView {
    let i18n = use_i18n();
    let keeping = Keeping::expect();
    let answer = RwSignal::new(None::<Durability>);
    let ask = move |_| {
        spawn_local(async move {
            let got = storage::ask_to_keep().await;
            answer.try_set(Some(got));
            if got == Durability::Kept {
                keeping.refresh();
            }
        });
    };
    let result = move || match answer.get() {
        None => String::new(),
        Some(Durability::Kept) => t_string!(i18n, keeping.ask_granted).to_string(),
        Some(_) => t_string!(i18n, keeping.ask_refused).to_string(),
    };
    view! {
        <p>{t!(i18n, keeping.ask_body)}</p>
        <button type="button" class="button" on:click=ask>{t!(i18n, keeping.ask)}</button>
        <p class="result" role="status" data-testid="keeping-ask-result">{result}</p>
    }
}
