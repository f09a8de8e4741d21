//! Simple drawings of adding Genie to an iPhone's Home Screen: the Share button, the "Add to
//! Home Screen" line in the share list, and the app on the Home Screen. Our own shapes, no
//! words inside (the steps beside them say everything), hidden from screen readers.

use leptos::prelude::*;

/// Safari's toolbar with the Share button (a square with an arrow pointing up) ringed.
#[component]
pub fn SharePicture() -> impl IntoView {
    view! {
        <svg class="step-picture" viewBox="0 0 160 90" aria-hidden="true" focusable="false">
            <rect x="2" y="2" width="156" height="86" rx="10" fill="#f4f6f9" stroke="#5b6675" stroke-width="2" />
            <rect x="2" y="56" width="156" height="32" rx="0" fill="#e3e8ef" />
            <path d="M20 72 l8 -7 M20 72 l8 7" stroke="#5b6675" stroke-width="3" fill="none" stroke-linecap="round" />
            <path d="M48 65 l8 7 l-8 7" stroke="#9aa4b1" stroke-width="3" fill="none" stroke-linecap="round" />
            <circle cx="80" cy="72" r="14" fill="none" stroke="#1d4e89" stroke-width="3" />
            <rect x="73" y="69" width="14" height="11" rx="2" fill="none" stroke="#1d4e89" stroke-width="2.5" />
            <path d="M80 74 v-12 M75 66 l5 -5 l5 5" stroke="#1d4e89" stroke-width="2.5" fill="none" stroke-linecap="round" />
            <path d="M106 66 h12 v12 h-12 z" stroke="#5b6675" stroke-width="2.5" fill="none" />
            <rect x="132" y="65" width="12" height="14" rx="2" stroke="#5b6675" stroke-width="2.5" fill="none" />
            <rect x="14" y="14" width="132" height="8" rx="4" fill="#cfd6df" />
            <rect x="14" y="30" width="96" height="8" rx="4" fill="#cfd6df" />
        </svg>
    }
}

/// The share list with the "Add to Home Screen" line (a square with a plus) ringed.
#[component]
pub fn AddPicture() -> impl IntoView {
    view! {
        <svg class="step-picture" viewBox="0 0 160 90" aria-hidden="true" focusable="false">
            <rect x="2" y="2" width="156" height="86" rx="10" fill="#f4f6f9" stroke="#5b6675" stroke-width="2" />
            <rect x="12" y="10" width="136" height="20" rx="5" fill="#e3e8ef" />
            <rect x="20" y="17" width="70" height="6" rx="3" fill="#9aa4b1" />
            <rect x="10" y="36" width="140" height="24" rx="6" fill="#ffffff" stroke="#1d4e89" stroke-width="3" />
            <rect x="18" y="42" width="70" height="6" rx="3" fill="#1d4e89" />
            <rect x="124" y="40" width="16" height="16" rx="3" fill="none" stroke="#1d4e89" stroke-width="2.5" />
            <path d="M132 44 v8 M128 48 h8" stroke="#1d4e89" stroke-width="2.5" stroke-linecap="round" />
            <rect x="12" y="66" width="136" height="16" rx="5" fill="#e3e8ef" />
            <rect x="20" y="71" width="56" height="6" rx="3" fill="#9aa4b1" />
        </svg>
    }
}

/// The Home Screen with Genie's icon among the others, ringed.
#[component]
pub fn HomeScreenPicture() -> impl IntoView {
    let others = [(20, 14), (60, 14), (100, 14), (20, 52), (60, 52)]
        .into_iter()
        .map(|(x, y)| {
            view! { <rect x=x y=y width="26" height="26" rx="7" fill="#cfd6df" /> }
        })
        .collect_view();
    view! {
        <svg class="step-picture" viewBox="0 0 160 90" aria-hidden="true" focusable="false">
            <rect x="2" y="2" width="156" height="86" rx="10" fill="#f4f6f9" stroke="#5b6675" stroke-width="2" />
            {others}
            <circle cx="113" cy="65" r="20" fill="none" stroke="#1d4e89" stroke-width="3" />
            <rect x="100" y="52" width="26" height="26" rx="7" fill="#1d4e89" />
            <circle cx="113" cy="65" r="4" fill="#ffffff" />
            <circle cx="113" cy="65" r="9" fill="none" stroke="#ffffff" stroke-width="1.5" />
        </svg>
    }
}
