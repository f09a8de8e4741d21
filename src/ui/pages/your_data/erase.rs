//! Deleting everything Genie keeps on this device, after a clear second "yes".

use leptos::html::{Button, P};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{ProblemLine, StatusLine};
use crate::i18n::*;
use crate::platform;
use crate::ui::state::AppState;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Idle,
    Confirming,
    Working,
    Failed,
}

#[component]
pub fn EraseSection() -> impl IntoView {
    let i18n = use_i18n();
    let state = AppState::expect();
    let step = RwSignal::new(Step::Idle);
    let question = NodeRef::<P>::new();
    let start_button = NodeRef::<Button>::new();
    // Focus moves to the question when it appears (so a screen reader reads it), and back to
    // "Delete everything" after "No" or Escape, so keyboard users stay where they were.
    Effect::new(move |_| {
        if let Some(p) = question.get() {
            let _ = p.focus();
        }
    });
    let keep = move || {
        step.set(Step::Idle);
        request_animation_frame(move || {
            if let Some(button) = start_button.get_untracked() {
                let _ = button.focus();
            }
        });
    };
    let erase = move |_| {
        step.set(Step::Working);
        spawn_local(async move {
            match state.erase_everything().await {
                Ok(()) => platform::reload_page(true),
                Err(_) => {
                    step.try_set(Step::Failed);
                }
            }
        });
    };
    let status = move || {
        if step.get() == Step::Working {
            t_string!(i18n, data.erase_working).to_string()
        } else {
            String::new()
        }
    };
    let problem = move || {
        if step.get() == Step::Failed {
            t_string!(i18n, data.erase_failed).to_string()
        } else {
            String::new()
        }
    };
    let stage = move || {
        match step.get() {
        Step::Idle => view! {
            <button
                type="button"
                class="button danger"
                node_ref=start_button
                on:click=move |_| step.set(Step::Confirming)
            >
                {t!(i18n, data.erase_start)}
            </button>
        }
        .into_any(),
        Step::Confirming => view! {
            <div
                class="confirm-erase"
                data-testid="erase-confirm"
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        keep();
                    }
                }
            >
                <p node_ref=question tabindex="-1" class="warning">{t!(i18n, data.erase_confirm)}</p>
                <div class="actions">
                    <button type="button" class="button danger solid" on:click=erase>
                        {t!(i18n, data.erase_yes)}
                    </button>
                    <button type="button" class="button" on:click=move |_| keep()>
                        {t!(i18n, data.erase_no)}
                    </button>
                </div>
            </div>
        }
        .into_any(),
        Step::Working => ().into_any(),
        Step::Failed => view! {
            <button type="button" class="button" on:click=move |_| platform::reload_page(false)>
                {t!(i18n, data.reload)}
            </button>
        }
        .into_any(),
    }
    };
    view! {
        <section class="data-section danger-zone" aria-labelledby="erase-title">
            <h2 id="erase-title">{t!(i18n, data.erase_title)}</h2>
            <p>{t!(i18n, data.erase_intro)}</p>
            {stage}
            <StatusLine text=Signal::derive(status) test_id="erase-result" />
            <ProblemLine text=Signal::derive(problem) test_id="erase-problem" />
        </section>
    }
}
