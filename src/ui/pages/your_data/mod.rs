//! "Your data": the person owns what they put into Genie. Keep it (ask the browser to keep it,
//! save a backup), move it (restore a backup), share a summary, give a de-identified copy to a
//! study, or delete it all. The language choice is here too, the app's one setting.

mod backup;
mod erase;
mod keep;
mod research;
mod restore;

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::components::{KeepingHelp, LanguageChoice, PageHeading};
use crate::ui::route::Route;
pub use restore::RestoreSection;

/// One section per thing the person can do with their data.
#[component]
pub fn YourDataPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeading>{t!(i18n, data.title)}</PageHeading>
        <p class="lead">{t!(i18n, data.intro)}</p>
        <section class="data-section">
            <LanguageChoice />
        </section>
        <keep::KeepSection />
        <KeepingHelp />
        <backup::BackupSection />
        <restore::RestoreSection />
        <section class="data-section" aria-labelledby="share-title">
            <h2 id="share-title">{t!(i18n, data.share_title)}</h2>
            <p>{t!(i18n, data.share_intro)}</p>
            <a class="button" href=Route::ShareSummary.href()>{t!(i18n, data.share_open)}</a>
        </section>
        <section class="data-section" aria-labelledby="give-title">
            <h2 id="give-title">{t!(i18n, handover.data_title)}</h2>
            <p>{t!(i18n, handover.data_intro)}</p>
            <a class="button" href=Route::HandOver.href()>{t!(i18n, handover.data_open)}</a>
        </section>
        <research::ResearchSection />
        <erase::EraseSection />
    }
}

/// A result line that screen readers announce politely when it changes. Always in the page,
/// so the announcement is not lost.
#[component]
fn StatusLine(#[prop(into)] text: Signal<String>, test_id: &'static str) -> impl IntoView {
    view! {
        <p class="result" role="status" data-testid=test_id>{move || text.get()}</p>
    }
}

/// A problem line, announced at once when it appears. `id` lets a field point at it.
#[component]
fn ProblemLine(
    #[prop(into)] text: Signal<String>,
    test_id: &'static str,
    #[prop(optional)] id: Option<&'static str>,
) -> impl IntoView {
    view! {
        <p class="problem" role="alert" id=id data-testid=test_id>{move || text.get()}</p>
    }
}
