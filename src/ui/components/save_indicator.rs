//! Tells the person, politely and without interrupting, whether their last change is saved.

use leptos::prelude::*;

use crate::i18n::*;
use crate::session::{SaveStatus, Session};
use genie_core::store::StoreError;

/// "Saving…" / "Saved on this device" / why not, announced to screen readers as it changes.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let text = move || match state.save_status.get() {
        SaveStatus::Idle => "",
        SaveStatus::Saving => t_string!(i18n, save.saving),
        SaveStatus::Saved => t_string!(i18n, save.saved),
        SaveStatus::SessionOnly => t_string!(i18n, save.session_only),
        SaveStatus::Failed(StoreError::Full) => t_string!(i18n, save.failed_full),
        SaveStatus::Failed(_) => t_string!(i18n, save.failed),
        SaveStatus::NotKept => t_string!(i18n, save.not_kept),
    };
    let failed = move || {
        matches!(
            state.save_status.get(),
            SaveStatus::Failed(_) | SaveStatus::NotKept
        )
    };
    view! {
        <p class="save-status" class:save-failed=failed role="status" data-testid="save-status">
            {text}
        </p>
    }
}
