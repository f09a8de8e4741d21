//! Genie in the browser: the Leptos UI and the adapters to the browser's storage, around the
//! pure domain core in `genie-core`.
//!
//! - [`ui`]: pages and components.
//! - [`session`]: the records on screen and the one path by which changes reach storage.
//! - [`store`]: IndexedDB behind the core's `Repository` interface.
//! - [`on_demand`]: work whose code is fetched when first needed.
//! - [`platform`]: the few other things the browser gives us (the clock, the address bar).
//! - [`i18n`]: the words in the person's language: typed keys generated from `locales/en.json`
//!   at build time, other languages fetched when chosen, numbers and dates from `Intl`.

// Shipped code never unwraps: bad data gets an error, not a crash (tests may unwrap).
#[deny(clippy::unwrap_used, clippy::expect_used)]
pub mod i18n;
#[deny(clippy::unwrap_used, clippy::expect_used)]
pub mod on_demand;
#[deny(clippy::unwrap_used, clippy::expect_used)]
pub mod platform;
#[deny(clippy::unwrap_used, clippy::expect_used)]
pub mod session;
#[deny(clippy::unwrap_used, clippy::expect_used)]
pub mod store;
#[deny(clippy::unwrap_used, clippy::expect_used)]
pub mod ui;

/// Starts the app in the page's `<body>`. The splash index.html shows meanwhile stays until
/// the first language's words are here (`i18n::I18n::set_ready`), then the app takes its place.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(ui::App);
}
