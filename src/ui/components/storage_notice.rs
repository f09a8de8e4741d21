//! A plain notice when the device's storage cannot be used as normal.

use leptos::prelude::*;

use crate::i18n::*;
use crate::platform;
use crate::ui::state::{AppState, StorageHealth};

/// Shown above every page while storage is not working normally.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let i18n = use_i18n();
    let state = AppState::expect();
    move || {
        let health = state.health.get();
        // Installed on a phone, Genie has no browser reload button: offer one where reloading
        // is the way out.
        let offer_reload = matches!(health, StorageHealth::Newer | StorageHealth::Unreadable);
        let (title, body) = match health {
            StorageHealth::Opening | StorageHealth::Ok => return None,
            StorageHealth::SessionOnly(_) => (
                t_string!(i18n, storage.unavailable_title),
                t_string!(i18n, storage.unavailable_body),
            ),
            StorageHealth::Newer => (
                t_string!(i18n, storage.newer_title),
                t_string!(i18n, storage.newer_body),
            ),
            StorageHealth::Unreadable => (
                t_string!(i18n, storage.unreadable_title),
                t_string!(i18n, storage.unreadable_body),
            ),
        };
        Some(view! {
            <section class="notice" role="alert" data-testid="storage-notice">
                <h2>{title}</h2>
                <p>{body}</p>
                {offer_reload.then(|| view! {
                    <button
                        type="button"
                        class="button primary"
                        on:click=move |_| platform::reload_page(false)
                    >
                        {t!(i18n, storage.reload)}
                    </button>
                })}
            </section>
        })
    }
}
