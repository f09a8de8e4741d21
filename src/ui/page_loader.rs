//! Which page the address names, with each page's code fetched when it is first shown.
//!
//! A first visit needs only the welcome page. Every other page is a split point: the release
//! build cuts its code (and whatever only it uses) out of the app's first download into a file
//! of its own (`scripts/split-app.mjs`), which the page fetches the first time it is shown and
//! the service worker keeps for offline use. After that a page's code is in memory and showing
//! it again waits for nothing. Without the `split-pages` feature (unit tests, which have no such
//! files) the same functions are plain `async` ones that are ready at once.
//!
//! A few rarely shown parts of the first pages are split points too: the notice about keeping
//! one's work safe, and opening a saved copy in a newly installed app. Both pages and parts are
//! drawn through `deferred`.
//!
//! Fetching can fail (offline before the files were kept): that is a `CodeMissing`, shown as a
//! translated notice with a way to try again, never a crash. Work outside the pages is split
//! the same way through [`crate::on_demand`].

use genie_core::keeping::Advice;
use genie_core::model::MemberId;
use std::future::Future;

use futures::FutureExt;
use leptos::prelude::*;
use leptos::task::spawn_local;
#[cfg(feature = "split-pages")]
use leptos::wasm_split::wasm_split;

use super::components::keeping::AdviceBody;
use super::pages::*;
use super::route::Route;
use crate::i18n::*;
use crate::on_demand::CodeMissing;

/// Shown in place of a page whose code could not be fetched; `retry` asks again.
#[component]
pub fn PageUnavailable(retry: RwSignal<u32>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="notice" role="alert" data-testid="page-unavailable">
            <p>{t!(i18n, page_unavailable)}</p>
            <button type="button" class="button primary" on:click=move |_| retry.update(|n| *n += 1)>
                {t!(i18n, page_retry)}
            </button>
        </section>
    }
}

/// The page for `route`: ready at once when its code is here, else once it has been fetched.
pub async fn page(route: Route) -> Result<AnyView, CodeMissing> {
    match route {
        // The first page of a first visit, and the page after an expired supporter session:
        // both part of the first download.
        Route::Welcome => Ok(view! { <WelcomePage /> }.into_any()),
        Route::Erased { expired } => Ok(view! { <ErasedPage expired=expired /> }.into_any()),
        Route::AboutYou => about_you().await,
        Route::Network { list } => network(list).await,
        Route::Member(id) => member(id).await,
        Route::Summary => summary().await,
        Route::Preferences => preferences().await,
        Route::Suggestions => suggestions().await,
        Route::OverTime => over_time().await,
        Route::Privacy => privacy().await,
        Route::YourData => your_data().await,
        Route::ShareSummary => share_summary().await,
        Route::HandOver => hand_over().await,
        Route::Receive => receive().await,
        Route::SupporterGuide => supporter_guide().await,
    }
}

/// Draws what `load` gives (a page, or a rare part of one) at once when its code is here;
/// otherwise shows `waiting`, fetches the code with `fetch`, and then draws it; if the code
/// cannot be fetched, the notice with "Try again".
///
/// Drawing always happens here, in the place's own reactive scope, never in a task that waits
/// for the code: a place redrawn meanwhile (another page asked for, another language) must not
/// get a view built for a scope that is gone.
pub fn deferred<Fetch, Fetching, Load, Part, Waiting>(
    fetch: Fetch,
    load: Load,
    waiting: Waiting,
) -> impl IntoView
where
    Fetch: Fn() -> Fetching + Send + Sync + 'static,
    Fetching: Future<Output = Result<(), CodeMissing>> + 'static,
    Load: Fn() -> Part + Send + Sync + 'static,
    Part: Future<Output = Result<AnyView, CodeMissing>>,
    Waiting: Fn() -> AnyView + Send + Sync + 'static,
{
    // Each "Try again" is a new attempt; `failed` names the attempt whose fetch failed.
    let attempt = RwSignal::new(0_u32);
    let failed = RwSignal::new(None::<u32>);
    let arrived = RwSignal::new(0_u32);
    move || {
        let now = attempt.get();
        arrived.track();
        if failed.get() == Some(now) {
            return view! { <PageUnavailable retry=attempt /> }.into_any();
        }
        match load().now_or_never() {
            Some(Ok(view)) => view,
            Some(Err(CodeMissing)) => view! { <PageUnavailable retry=attempt /> }.into_any(),
            None => {
                let fetching = fetch();
                spawn_local(async move {
                    // `try_`: the place may be gone by the time the code is here.
                    match fetching.await {
                        Ok(()) => {
                            arrived.try_update(|n| *n += 1);
                        }
                        Err(CodeMissing) => {
                            failed.try_set(Some(now));
                        }
                    }
                });
                waiting()
            }
        }
    }
}

/// Fetches the code of the page `route` names (nothing for the pages of the first load). Each
/// split point has its own loader: it must be this page's, even when its group's file is here.
pub async fn fetch_code(route: Route) -> Result<(), CodeMissing> {
    match route {
        Route::Welcome | Route::Erased { .. } => (),
        Route::AboutYou => preload_about_you().await?,
        Route::Network { .. } => preload_network().await?,
        Route::Member(_) => preload_member().await?,
        Route::Summary => preload_summary().await?,
        Route::Preferences => preload_preferences().await?,
        Route::Suggestions => preload_suggestions().await?,
        Route::OverTime => preload_over_time().await?,
        Route::ShareSummary => preload_share_summary().await?,
        Route::YourData => preload_your_data().await?,
        Route::Privacy => preload_privacy().await?,
        Route::HandOver => preload_hand_over().await?,
        Route::Receive => preload_receive().await?,
        Route::SupporterGuide => preload_supporter_guide().await?,
    }
    Ok(())
}

/// Fetches the code of the notice about keeping one's work.
pub async fn fetch_advice_code() -> Result<(), CodeMissing> {
    Ok(preload_advice_body().await?)
}

/// Fetches the code of opening a saved copy.
pub async fn fetch_restore_code() -> Result<(), CodeMissing> {
    Ok(preload_restore_section().await?)
}

/// Fetches every page's code without showing it, a group at a time in the order a first
/// session goes, so that later pages open at once and work offline even before the service
/// worker has kept the files. A failure is left for `page` to report if that page is asked for.
pub async fn fetch_all() {
    // The first page is drawn before anything else is asked for.
    crate::platform::after_paint().await;
    let _ = preload_about_you().await;
    // Reading saved answers: this tab reads again when shown again, when another tab has
    // saved, and after a restore; the next visit's first page needs it too.
    let _ = crate::session::fetch_code().await;
    let _ = preload_advice_body().await;
    let _ = preload_network().await;
    let _ = preload_summary().await;
    let _ = preload_your_data().await;
    let _ = preload_hand_over().await;
}

/// Declares a page as a split point in `$group`: pages of one group share one file, fetched
/// together. `$name` shows the page; `$preload` only fetches its code (and readies this page's
/// own loader: each split point has one, even when its group's file is already here).
macro_rules! split_page {
    ($group:ident: $name:ident + $preload:ident, ($($arg:ident: $ty:ty),*), $view:expr) => {
        #[cfg(feature = "split-pages")]
        #[wasm_split($group, wasm_split_path = ::leptos::wasm_split, fallible, preload($preload))]
        pub(crate) fn $name($($arg: $ty),*) -> Result<AnyView, CodeMissing> {
            Ok($view.into_any())
        }

        #[cfg(not(feature = "split-pages"))]
        pub(crate) async fn $name($($arg: $ty),*) -> Result<AnyView, CodeMissing> {
            Ok($view.into_any())
        }

        #[cfg(not(feature = "split-pages"))]
        async fn $preload() -> Result<(), ::leptos::wasm_split::SplitLoaderError> {
            Ok(())
        }
    };
}

// The first step on its own, as it is the first asked for.
split_page!(about_you: about_you + preload_about_you, (), view! { <AboutYouPage /> });
// The map and a member's page.
split_page!(network: network + preload_network, (list: bool), view! { <NetworkPage list=list /> });
split_page!(network: member + preload_member, (id: MemberId), view! { <MemberPage id=id /> });
// The rest of a first session: what the map says, preferences, suggestions.
split_page!(session: summary + preload_summary, (), view! { <SummaryPage /> });
split_page!(session: preferences + preload_preferences, (), view! { <PreferencesPage /> });
split_page!(session: suggestions + preload_suggestions, (), view! { <SuggestionsPage /> });
// Coming back later, and the person's data.
split_page!(later: over_time + preload_over_time, (), view! { <OverTimePage /> });
split_page!(later: share_summary + preload_share_summary, (), view! { <ShareSummaryPage /> });
split_page!(later: your_data + preload_your_data, (), view! { <YourDataPage /> });
split_page!(later: privacy + preload_privacy, (), view! { <PrivacyPage /> });
// Rare parts of the first pages: keeping one's work safe, and a saved copy opened in a newly
// installed app.
split_page!(keeping: advice_body + preload_advice_body, (advice: Advice), view! { <AdviceBody advice=advice /> });
split_page!(keeping: restore_section + preload_restore_section, (), view! { <RestoreSection /> });
// Giving a session to another device.
split_page!(handover: hand_over + preload_hand_over, (), view! { <HandOverPage /> });
split_page!(handover: receive + preload_receive, (), view! { <ReceivePage /> });
split_page!(handover: supporter_guide + preload_supporter_guide, (), view! { <SupporterGuidePage /> });
