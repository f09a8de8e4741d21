//! Small windows onto the browser that the rest of the app uses.

pub mod crypto;
mod fetch;
mod files;
mod geolocation;
pub mod storage;
pub mod tabs;

pub use fetch::{fetch_text, FetchError};
pub use files::{
    can_share, mailto, print_page, read_text, save_bytes, save_file, share_text, ReadFileError,
    ShareOutcome,
};
pub use geolocation::{current_position, LocateError};

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

/// Waits `ms` milliseconds without blocking the page.
pub async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Loads the page again from the start, at the welcome page when `fresh` is set: used after a
/// restore or after deleting everything, so every part of the app starts from what is stored.
pub fn reload_page(fresh: bool) {
    if let Some(window) = web_sys::window() {
        let location = window.location();
        if fresh {
            let _ = location.set_hash("#/");
        }
        let _ = location.reload();
    }
}

/// A moment as a date in the person's language, such as "23 November 2025".
pub fn long_date(at: Timestamp, language: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at.0 as f64));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    String::from(date.to_locale_date_string(language, &options))
}
