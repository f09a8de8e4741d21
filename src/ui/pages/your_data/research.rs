//! The de-identified research export, made only when the person asks, and saved as one zip.

use genie_core::research;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{ProblemLine, StatusLine};
use crate::i18n::*;
use crate::platform;
use crate::session::Session;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    Saved(String),
    Nothing,
    Failed,
}

#[component]
pub fn ResearchSection() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let outcome = RwSignal::new(None::<Outcome>);
    let save = move |_| {
        outcome.set(None);
        spawn_local(async move {
            let result = match state.stored_waves().await {
                Err(_) => Outcome::Failed,
                Ok(waves) if waves.iter().all(|w| w.network.members.is_empty()) => Outcome::Nothing,
                Ok(waves) => {
                    let at = platform::now();
                    let name = research::zip_name(at);
                    let archive = research::export(&waves).zip(at);
                    platform::save_bytes(&archive, "application/zip", &name);
                    Outcome::Saved(name)
                }
            };
            outcome.try_set(Some(result));
        });
    };
    let status = move || match outcome.get() {
        Some(Outcome::Saved(file)) => t_string!(i18n, data.research_saved, file = file),
        _ => String::new(),
    };
    let problem = move || {
        match outcome.get() {
            Some(Outcome::Nothing) => t_string!(i18n, data.research_nothing),
            Some(Outcome::Failed) => t_string!(i18n, data.research_failed),
            _ => "",
        }
        .to_string()
    };
    view! {
        <section class="data-section" aria-labelledby="research-title">
            <h2 id="research-title">{t!(i18n, data.research_title)}</h2>
            <p>{t!(i18n, data.research_intro)}</p>
            <p>{t!(i18n, data.research_what)}</p>
            <p>{t!(i18n, data.research_how)}</p>
            <button type="button" class="button" on:click=save>{t!(i18n, data.research_save)}</button>
            <StatusLine text=Signal::derive(status) test_id="research-result" />
            <ProblemLine text=Signal::derive(problem) test_id="research-problem" />
        </section>
    }
}
