//! The root component: provides state and translations, opens storage, and shows the page
//! the address names.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::components::{Keeping, KeepingNotice, SaveIndicator, StorageNotice, UpdatePrompt};
use super::handover_state::{Inbox, Supporter};
use super::page_loader;
use super::route::Route;
use crate::i18n::*;
use crate::platform;
use crate::session::Session;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    provide_i18n();
    view! { <Shell /> }
}

#[component]
fn Shell() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::provide();
    Keeping::provide();
    let area = super::area_state::AreaState::provide();
    // The person's own earlier choice needs nothing from the area: start on it at once.
    let chose_before = crate::i18n::choice::stored().is_some();
    if chose_before {
        spawn_local(crate::i18n::choice::start(i18n, Vec::new()));
    }
    area.load_settings(move |settings| {
        // A regional tag (`en-US`) sets how that language writes times, dates and numbers.
        crate::i18n::set_area_tags(&settings.languages);
        i18n.formats_changed();
        i18n.set_offer_known();
        if !chose_before {
            spawn_local(crate::i18n::choice::start(i18n, settings.languages.clone()));
        }
    });
    spawn_local(state.open());
    let supporter = Supporter::provide(state, area);
    // Before the page is chosen: a hand-over link is read and taken out of the address.
    let inbox = Inbox::provide();

    let route = RwSignal::new(Route::from_hash(&platform::current_hash()));
    platform::presses::install_guard();
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        // Before the new page is drawn: a click still to come from a press on the old page
        // must not land on the new one.
        platform::presses::page_changed();
        inbox.take_from_address();
        route.set(Route::from_hash(&platform::current_hash()));
    });
    on_cleanup(move || handle.remove());

    // Said while the stored answers are read, and while a page's code is on its way.
    let opening = move || view! { <p class="loading" role="status">{t!(i18n, loading)}</p> };

    // Nothing is drawn until the first language's words are here (the splash stays meanwhile).
    view! { <Show when=move || i18n.is_ready()>
        <a class="skip-link" href="#main">{t!(i18n, skip_to_content)}</a>
        <header class="app-header">
            <a class="app-name" href=Route::Welcome.href()>{t!(i18n, app_name)}</a>
            {move || {
                area.settings.with(|s| {
                    s.logo_path().map(|src| {
                        let alt = s.name.clone();
                        view! { <img class="area-logo" src=src alt=alt /> }
                    })
                })
            }}
            <SaveIndicator />
        </header>
        <Show when=move || supporter.is_open()>
            <p class="supporter-banner" data-testid="supporter-banner">
                {t!(i18n, handover.banner)} " "
                <a href=Route::HandOver.href()>{t!(i18n, handover.banner_link)}</a>
            </p>
        </Show>
        <LanguageUnavailable />
        <StorageNotice />
        <UpdatePrompt />
        <KeepingNotice />
        <p class="visually-hidden" role="status" aria-live="polite" data-testid="announcement">
            {move || state.announcement.get()}
        </p>
        <main id="main" tabindex="-1">
            <Show when=move || state.is_ready() fallback=opening>
                {move || {
                    let route = route.get();
                    page_loader::deferred(
                        move || page_loader::fetch_code(route),
                        move || page_loader::page(route),
                        // A page whose code is still on its way says so, as the app does while starting.
                        move || opening().into_any(),
                    )
                }}
            </Show>
        </main>
        <footer class="app-footer">
            <nav aria-label=move || t_string!(i18n, footer_label)>
                <ul class="footer-links">
                    <li><a class="footer-link" href=Route::OverTime.href()>{t!(i18n, over_time.title)}</a></li>
                    <li><a class="footer-link" href=Route::YourData.href()>{t!(i18n, data.nav_link)}</a></li>
                    <li><a class="footer-link" href=Route::Privacy.href()>{t!(i18n, privacy.link)}</a></li>
                </ul>
            </nav>
        </footer>
    </Show> }
}

/// The chosen language could not be fetched at start (offline, never kept): said in that
/// language, from the words kept on the device, with a way to try again. English shows meanwhile.
#[component]
fn LanguageUnavailable() -> impl IntoView {
    let i18n = use_i18n();
    let trying = RwSignal::new(false);
    move || {
        i18n.unavailable().map(|locale| {
            let (notice, retry) = crate::i18n::choice::unavailable_words(locale);
            let again = move |_| {
                trying.set(true);
                spawn_local(async move {
                    let _ = crate::i18n::choice::retry(i18n).await;
                    trying.set(false);
                });
            };
            view! {
                <section
                    class="notice"
                    role="alert"
                    lang=locale.tag()
                    data-testid="language-unavailable"
                >
                    <p>{notice}</p>
                    <button
                        type="button"
                        class="button primary"
                        aria-disabled=move || trying.get().to_string()
                        on:click=move |ev| {
                            if !trying.get_untracked() {
                                again(ev);
                            }
                        }
                    >
                        {retry}
                    </button>
                </section>
            }
        })
    }
}
