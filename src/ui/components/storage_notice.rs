//! A plain notice when the device's storage cannot be used as normal, with what to do.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::*;
use crate::platform;
use crate::session::{Session, StorageHealth};

/// What the notice offers besides its words.
#[derive(Clone, Copy, PartialEq)]
enum Way {
    None,
    /// Installed on a phone, Genie has no browser reload button: offer one where reloading is
    /// the way out.
    Reload,
    /// The browser removed the data: store what is on screen again.
    SaveAgain,
}

/// Shown above every page while storage is not working normally.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let retry_failed = RwSignal::new(false);
    move || {
        let health = state.health.get();
        let (title, body, way) = match health {
            StorageHealth::Opening | StorageHealth::Ok => return None,
            StorageHealth::SessionOnly(_) => (
                t_string!(i18n, storage.unavailable_title),
                t_string!(i18n, storage.unavailable_body),
                Way::None,
            ),
            StorageHealth::Newer => (
                t_string!(i18n, storage.newer_title),
                t_string!(i18n, storage.newer_body),
                Way::Reload,
            ),
            StorageHealth::Unreadable => (
                t_string!(i18n, storage.unreadable_title),
                t_string!(i18n, storage.unreadable_body),
                Way::Reload,
            ),
            StorageHealth::ReadFailed(_) => (
                t_string!(i18n, storage.read_failed_title),
                t_string!(i18n, storage.read_failed_body),
                Way::Reload,
            ),
            StorageHealth::Blocked => (
                t_string!(i18n, storage.blocked_title),
                t_string!(i18n, storage.blocked_body),
                Way::None,
            ),
            StorageHealth::Lost => (
                t_string!(i18n, storage.lost_title),
                t_string!(i18n, storage.lost_body),
                Way::SaveAgain,
            ),
        };
        let save_again = move |_| {
            retry_failed.set(false);
            spawn_local(async move {
                if state.save_again().await.is_err() {
                    retry_failed.set(true);
                }
            });
        };
        Some(view! {
            <section class="notice" role="alert" data-testid="storage-notice">
                <h2>{title}</h2>
                <p>{body}</p>
                {(way == Way::Reload).then(|| view! {
                    <button
                        type="button"
                        class="button primary"
                        on:click=move |_| platform::reload_page(false)
                    >
                        {t!(i18n, storage.reload)}
                    </button>
                })}
                {(way == Way::SaveAgain).then(|| view! {
                    <button type="button" class="button primary" on:click=save_again>
                        {t!(i18n, storage.save_again)}
                    </button>
                    <p class="problem" role="status">
                        {move || retry_failed.get().then(|| t_string!(i18n, storage.save_again_failed))}
                    </p>
                })}
            </section>
        })
    }
}
