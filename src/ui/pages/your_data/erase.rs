//! Deleting everything Genie keeps on this device, after a clear second "yes".

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{ProblemLine, StatusLine};
use crate::i18n::*;
use crate::platform;
use crate::session::Session;
use crate::ui::components::AskFirst;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// "Delete everything", which asks first.
    Idle,
    Working,
    Failed,
}

#[component]
pub fn EraseSection() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let step = RwSignal::new(Step::Idle);
    let erase = Callback::new(move |()| {
        step.set(Step::Working);
        spawn_local(async move {
            match state.erase_everything().await {
                Ok(()) => platform::reload_page(true),
                Err(_) => {
                    step.try_set(Step::Failed);
                }
            }
        });
    });
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
    let stage = move || match step.get() {
        Step::Idle => view! {
            <AskFirst
                start=Signal::derive(move || t_string!(i18n, data.erase_start).to_string())
                start_class="button danger"
                question_id="erase-question".to_string()
                question=Signal::derive(move || t_string!(i18n, data.erase_confirm).to_string())
                yes=Signal::derive(move || t_string!(i18n, data.erase_yes).to_string())
                yes_class="button danger solid"
                on_yes=erase
                no=Signal::derive(move || t_string!(i18n, data.erase_no).to_string())
                box_class="confirm-erase"
                question_class="warning"
                test_id="erase-confirm"
            />
        }
        .into_any(),
        Step::Working => ().into_any(),
        Step::Failed => view! {
            <button type="button" class="button" on:click=move |_| platform::reload_page(false)>
                {t!(i18n, data.reload)}
            </button>
        }
        .into_any(),
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
