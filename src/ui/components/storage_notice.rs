//! A plain notice when the device's storage cannot be used as normal.

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::state::{AppState, StorageHealth};

/// Shown above every page while storage is not working normally.
#[component]
pub fn StorageNotice() -> impl IntoView {
    let i18n = use_i18n();
    let state = AppState::expect();
    move || {
        let (title, body) = match state.health.get() {
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
            </section>
        })
    }
}
