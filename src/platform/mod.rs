//! Small windows onto the browser that the rest of the app uses.

mod fetch;

pub use fetch::{fetch_text, FetchError};

use genie_core::model::Timestamp;

/// The device's clock. The only place the app reads the time, so tests can reason about it.
pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

/// The fragment of the address (`#/about-you` gives `/about-you`), which names the page.
/// Hash addresses keep the app working from any sub-folder and from a local copy.
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Today's date on the device's calendar (its own time zone).
pub fn today() -> genie_core::directory::Date {
    let now = js_sys::Date::new_0();
    genie_core::directory::Date {
        year: now.get_full_year() as u16,
        month: (now.get_month() + 1) as u8,
        day: now.get_date() as u8,
    }
}
