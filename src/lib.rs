//! Genie in the browser: the Leptos UI and the adapters to the browser's storage, around the
//! pure domain core in `genie-core`.
//!
//! - [`ui`]: pages and components.
//! - [`session`]: the records on screen and the one path by which changes reach storage.
//! - [`store`]: IndexedDB behind the core's `Repository` interface.
//! - [`platform`]: the few other things the browser gives us (the clock, the address bar).
//! - [`i18n`]: the translation catalogue, generated from `locales/*.json` at build time.

// Defines `pub mod i18n`: the `Locale` enum, `use_i18n()`, and the `t!` family of macros.
include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
// Shipped code never unwraps: bad data gets an error, not a crash (tests may unwrap). Set per
// module, as the generated catalogue above is not ours to change.
#[deny(clippy::unwrap_used, clippy::expect_used)]
pub mod platform;
#[deny(clippy::unwrap_used, clippy::expect_used)]
pub mod session;
#[deny(clippy::unwrap_used, clippy::expect_used)]
pub mod store;
#[deny(clippy::unwrap_used, clippy::expect_used)]
pub mod ui;

/// Starts the app in the page's `<body>`, in place of the splash index.html shows meanwhile.
pub fn start() {
    console_error_panic_hook::set_once();
    platform::remove_splash();
    leptos::mount::mount_to_body(ui::App);
}
