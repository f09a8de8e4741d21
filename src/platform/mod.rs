//! Small windows onto the browser that the rest of the app uses.

pub mod background;
pub mod compress;
pub mod crypto;
pub mod drafts;
mod fetch;
mod files;
mod geolocation;
pub mod handover;
pub mod install;
pub mod presses;
pub mod service_worker;
pub mod storage;
pub mod tabs;

pub use fetch::{
    after_paint, fetch_bytes, fetch_text, next_task, start as start_fetch, FetchError, Pending,
};
pub use files::{
    can_share, mailto, print_page, read_text, save_bytes, save_file, share_file, share_text,
    ReadFileError, ShareOutcome,
};
pub use geolocation::{current_position, LocateError};

use genie_core::model::Timestamp;
use wasm_bindgen::JsCast;

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

/// A date as people there write it ("23 November 2026"), in the device's own time zone.
pub fn local_date(at: Timestamp, locale: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at.0 as f64));
    let options = js_sys::Object::new();
    for (key, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    String::from(date.to_locale_date_string(locale, &options))
}

/// The device's time zone, as the core's follow-up rules read it: the offset in force at
/// each moment, summer time included, from the browser's own time-zone table.
pub struct DeviceZone;

impl genie_core::model::TimeZone for DeviceZone {
    fn offset_minutes(&self, at: Timestamp) -> i32 {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at.0 as f64));
        let west = date.get_timezone_offset();
        // NaN for a moment the browser cannot represent: read it as UTC.
        if west.is_finite() {
            -(west as i32)
        } else {
            0
        }
    }
}

/// The device's calendar day now.
pub fn local_today() -> genie_core::model::LocalDay {
    use genie_core::model::TimeZone;
    DeviceZone.day_of(now())
}

/// `hour` o'clock on a day of the device's calendar.
pub fn at_local_hour_on(day: genie_core::model::LocalDay, hour: u32) -> Timestamp {
    let (year, month, d) = day.ymd();
    let date = js_sys::Date::new_with_year_month_day_hr_min(
        year as u32,
        month.saturating_sub(1) as i32,
        d as i32,
        hour as i32,
        0,
    );
    let ms = date.get_time();
    if ms.is_finite() {
        Timestamp(ms as i64)
    } else {
        Timestamp(day.0.saturating_mul(Timestamp::MS_PER_DAY))
    }
}

/// Puts the area's checked colours into the page's colour variables. Set through the style
/// object (not a style attribute), which the Content Security Policy allows.
pub fn apply_theme(colours: &[(&'static str, String)]) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() else {
        return;
    };
    let style = root.style();
    for (role, colour) in colours {
        let variable = match *role {
            "accent" => "--brand",
            "accent_text" => "--brand-ink",
            "background" => "--paper",
            "text" => "--ink",
            _ => continue,
        };
        let _ = style.set_property(variable, colour);
    }
}

/// Removes the words index.html shows while the app downloads (`#splash`), so they are never
/// read out or shown beside the app.
pub fn remove_splash() {
    if let Some(splash) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("splash"))
    {
        splash.remove();
    }
}

/// Loads the page again at `hash` (such as `#/erased`), so every part of the app starts from
/// what is stored.
pub fn reload_at(hash: &str) {
    if let Some(window) = web_sys::window() {
        let location = window.location();
        let _ = location.set_hash(hash);
        let _ = location.reload();
    }
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
