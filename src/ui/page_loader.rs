//! Which page the address names, with each page's code fetched when it is first shown.
//!
//! A first visit needs only the welcome page. Every other page is a split point: the release
//! build cuts its code (and whatever only it uses) out of the app's first download into a file
//! of its own (`scripts/split-app.mjs`), which the page fetches the first time it is shown and
//! the service worker keeps for offline use. After that a page's code is in memory and showing
//! it again waits for nothing. Without the `split-pages` feature (unit tests, which have no such
//! files) the same functions are plain `async` ones that are ready at once.
//!
//! A few rarely shown parts of the first pages are split points too (`deferred`): the notice
//! about keeping one's work safe, and opening a saved copy in a newly installed app.
//!
//! Fetching can fail (offline before the files were kept): that is a `PageMissing`, shown as a
//! translated notice with a way to try again, never a crash.

use genie_core::keeping::Advice;
use genie_core::model::MemberId;
use leptos::prelude::*;
#[cfg(feature = "split-pages")]
use leptos::wasm_split::wasm_split;
use leptos::wasm_split::SplitLoaderError;

use super::components::keeping::AdviceBody;
use super::pages::*;
use super::route::Route;
use crate::i18n::*;

/// A page's code could not be fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageMissing;

impl From<SplitLoaderError> for PageMissing {
    fn from(_: SplitLoaderError) -> Self {
        PageMissing
    }
}

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

/// The page for `route`: at once when its code is here, else once it has been fetched.
pub async fn page(route: Route) -> Result<AnyView, PageMissing> {
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

/// A part of a page whose code is fetched on first use, as a page's is: nothing while it comes,
/// the notice with "Try again" if it cannot come.
pub fn deferred<Load, Part>(load: Load) -> impl IntoView
where
    Load: Fn() -> Part + Clone + Send + Sync + 'static,
    Part: std::future::Future<Output = Result<AnyView, PageMissing>> + Send + 'static,
{
    let retry = RwSignal::new(0_u32);
    view! {
        <Suspense fallback=|| ()>
            {move || {
                retry.track();
                let part = load();
                Suspend::new(async move {
                    match part.await {
                        Ok(view) => view,
                        Err(PageMissing) => view! { <PageUnavailable retry=retry /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// Fetches every page's code without showing it, a group at a time in the order a first
/// session goes, so that later pages open at once and work offline even before the service
/// worker has kept the files. A failure is left for `page` to report if that page is asked for.
pub async fn fetch_all() {
    // The first page is drawn before anything else is asked for.
    crate::platform::after_paint().await;
    let _ = preload_about_you().await;
    let _ = preload_keeping().await;
    let _ = preload_network().await;
    let _ = preload_summary().await;
    let _ = preload_your_data().await;
    let _ = preload_hand_over().await;
}

/// Declares a page as a split point in `$group`: pages of one group share one file, fetched
/// together. `$name` shows the page; `$preload`, given for one page of each group, only fetches
/// the group's code.
macro_rules! split_page {
    ($group:ident: $name:ident $(+ $preload:ident)?, ($($arg:ident: $ty:ty),*), $view:expr) => {
        #[cfg(feature = "split-pages")]
        #[wasm_split($group, wasm_split_path = ::leptos::wasm_split, fallible $(, preload($preload))?)]
        pub(crate) fn $name($($arg: $ty),*) -> Result<AnyView, PageMissing> {
            Ok($view.into_any())
        }

        #[cfg(not(feature = "split-pages"))]
        pub(crate) async fn $name($($arg: $ty),*) -> Result<AnyView, PageMissing> {
            Ok($view.into_any())
        }

        $(
            #[cfg(not(feature = "split-pages"))]
            async fn $preload() -> Result<(), SplitLoaderError> {
                Ok(())
            }
        )?
    };
}

// The first step on its own, as it is the first asked for.
split_page!(about_you: about_you + preload_about_you, (), view! { <AboutYouPage /> });
// The map and a member's page.
split_page!(network: network + preload_network, (list: bool), view! { <NetworkPage list=list /> });
split_page!(network: member, (id: MemberId), view! { <MemberPage id=id /> });
// The rest of a first session: what the map says, preferences, suggestions.
split_page!(session: summary + preload_summary, (), view! { <SummaryPage /> });
split_page!(session: preferences, (), view! { <PreferencesPage /> });
split_page!(session: suggestions, (), view! { <SuggestionsPage /> });
// Coming back later, and the person's data.
split_page!(later: over_time, (), view! { <OverTimePage /> });
split_page!(later: share_summary, (), view! { <ShareSummaryPage /> });
split_page!(later: your_data + preload_your_data, (), view! { <YourDataPage /> });
split_page!(later: privacy, (), view! { <PrivacyPage /> });
// Rare parts of the first pages: keeping one's work safe, and a saved copy opened in a newly
// installed app.
split_page!(keeping: advice_body + preload_keeping, (advice: Advice), view! { <AdviceBody advice=advice /> });
split_page!(keeping: restore_section, (), view! { <RestoreSection /> });
// Giving a session to another device.
split_page!(handover: hand_over + preload_hand_over, (), view! { <HandOverPage /> });
split_page!(handover: receive, (), view! { <ReceivePage /> });
split_page!(handover: supporter_guide, (), view! { <SupporterGuidePage /> });
