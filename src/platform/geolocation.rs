//! The device's location, read once and only when the person presses the button that asks for
//! it. The coordinates never leave this module's caller: the app keeps only the name of the
//! nearest neighbourhood.

use genie_core::area::LatLon;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why no location came back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocateError {
    /// This browser cannot tell.
    Unsupported,
    /// The person (or a setting) said no.
    Denied,
    /// The device could not work it out in time.
    Unavailable,
}

/// Asks the browser for the device's position (the browser asks the person first).
pub async fn current_position() -> Result<LatLon, LocateError> {
    let geolocation = web_sys::window()
        .and_then(|w| w.navigator().geolocation().ok())
        .ok_or(LocateError::Unsupported)?;
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let on_success = Closure::once_into_js(move |position: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &position);
        });
        let on_error = Closure::once_into_js(move |error: JsValue| {
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        let options = web_sys::PositionOptions::new();
        // A neighbourhood is all we need: a coarse, quick fix is kinder to the battery.
        options.set_enable_high_accuracy(false);
        options.set_timeout(20_000);
        options.set_maximum_age(600_000);
        let _ = geolocation.get_current_position_with_error_callback_and_options(
            on_success.unchecked_ref(),
            Some(on_error.unchecked_ref()),
            &options,
        );
    });
    // Read by name: the typed web-sys classes for these are still marked unstable.
    match JsFuture::from(promise).await {
        Ok(position) => {
            let coords = field(&position, "coords");
            let lat = field(&coords, "latitude").as_f64();
            let lon = field(&coords, "longitude").as_f64();
            match (lat, lon) {
                (Some(lat), Some(lon)) => Ok(LatLon { lat, lon }),
                _ => Err(LocateError::Unavailable),
            }
        }
        Err(error) => {
            // GeolocationPositionError.PERMISSION_DENIED is 1.
            if field(&error, "code").as_f64() == Some(1.0) {
                Err(LocateError::Denied)
            } else {
                Err(LocateError::Unavailable)
            }
        }
    }
}

fn field(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}
