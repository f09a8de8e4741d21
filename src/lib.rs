//! Genie in the browser: the Leptos UI and the adapters to the browser's storage, around the
//! pure domain core in `genie-core`.
//!
//! - [`ui`]: pages and components; state lives in signals owned by [`ui::state`].
//! - [`store`]: IndexedDB behind the core's `Repository` interface.
//! - [`platform`]: the few other things the browser gives us (the clock, the address bar).
//! - [`i18n`]: the translation catalogue, generated from `locales/*.json` at build time.

// Defines `pub mod i18n`: the `Locale` enum, `use_i18n()`, and the `t!` family of macros.
include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
pub mod platform;
pub mod store;
pub mod ui;

/// Starts the app in the page's `<body>`, in place of the splash index.html shows meanwhile.
pub fn start() {
    console_error_panic_hook::set_once();
    platform::remove_splash();
    leptos::mount::mount_to_body(ui::App);
}
