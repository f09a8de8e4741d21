//! Files made on the device and handed to the person: a saved map picture, a note for the area
//! team, a calendar reminder. Nothing is uploaded; the browser saves the file where it saves
//! downloads.

use leptos::prelude::{document, set_timeout};
use wasm_bindgen::JsCast;

/// Offers `contents` as a file called `file_name` of the given media type.
pub fn save_file(contents: &str, media_type: &str, file_name: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    offer(&parts, media_type, file_name);
}

/// Offers `bytes` (a zip archive, say) as a file called `file_name`.
pub fn save_bytes(bytes: &[u8], media_type: &str, file_name: &str) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    offer(&parts, media_type, file_name);
}

fn offer(parts: &js_sys::Array, media_type: &str, file_name: &str) {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let Ok(blob) = web_sys::Blob::new_with_blob_sequence_and_options(parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(link) = document().create_element("a") {
        let link: web_sys::HtmlAnchorElement = link.unchecked_into();
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
    }
    // Some browsers read the file after click() returns: free it a little later.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
}

/// A `mailto:` address that opens the person's own e-mail app with a draft they can read,
/// change or not send. Nothing is sent by Genie.
pub fn mailto(address: &str, subject: &str, body: &str) -> String {
    format!(
        "mailto:{address}?subject={}&body={}",
        String::from(js_sys::encode_uri_component(subject)),
        String::from(js_sys::encode_uri_component(body))
    )
}

/// Why a chosen file could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadFileError {
    /// Larger than any backup could be.
    TooBig,
    /// The browser could not read it as text.
    Unreadable,
}

/// Reads the file chosen in a file field as text (`File.text()`), refusing files larger than
/// `max_bytes` before reading them.
pub async fn read_text(file: &web_sys::File, max_bytes: f64) -> Result<String, ReadFileError> {
    if file.size() > max_bytes {
        return Err(ReadFileError::TooBig);
    }
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or(ReadFileError::Unreadable)
}

/// True when this browser can hand text to the device's own sharing (the Web Share API).
pub fn can_share() -> bool {
    share_function().is_some()
}

fn share_function() -> Option<(web_sys::Navigator, js_sys::Function)> {
    let navigator = web_sys::window()?.navigator();
    let share = js_sys::Reflect::get(&navigator, &"share".into()).ok()?;
    share
        .dyn_into::<js_sys::Function>()
        .ok()
        .map(|f| (navigator, f))
}

/// How handing text to the device's sharing went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareOutcome {
    Shared,
    /// The person closed the share sheet.
    Cancelled,
    /// This browser cannot share, or refused.
    Unavailable,
}

/// Opens the device's share sheet with `title` and `text` (`navigator.share`). Must be called
/// from a tap or key press.
pub async fn share_text(title: &str, text: &str) -> ShareOutcome {
    let Some((navigator, share)) = share_function() else {
        return ShareOutcome::Unavailable;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"text".into(), &text.into());
    let Ok(promise) = share.call1(&navigator, &data) else {
        return ShareOutcome::Unavailable;
    };
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else {
        return ShareOutcome::Unavailable;
    };
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(_) => ShareOutcome::Shared,
        Err(error) => {
            let name = js_sys::Reflect::get(&error, &"name".into())
                .ok()
                .and_then(|n| n.as_string());
            if name.as_deref() == Some("AbortError") {
                ShareOutcome::Cancelled
            } else {
                ShareOutcome::Unavailable
            }
        }
    }
}

/// Hands a file to the device's share sheet (nearby share, AirDrop, Bluetooth, e-mail), where
/// the browser can share files; otherwise saves it as a download and says
/// [`ShareOutcome::Unavailable`]. Must be called from a tap or key press.
pub async fn share_file(contents: &str, media_type: &str, file_name: &str) -> ShareOutcome {
    let Some(data) = file_share_data(contents, media_type, file_name) else {
        save_file(contents, media_type, file_name);
        return ShareOutcome::Unavailable;
    };
    let Some((navigator, share)) = share_function() else {
        save_file(contents, media_type, file_name);
        return ShareOutcome::Unavailable;
    };
    let Some(promise) = share
        .call1(&navigator, &data)
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        save_file(contents, media_type, file_name);
        return ShareOutcome::Unavailable;
    };
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(_) => ShareOutcome::Shared,
        Err(_) => ShareOutcome::Cancelled,
    }
}

/// `{ files: [file] }` when `navigator.canShare` says this browser can share it.
fn file_share_data(contents: &str, media_type: &str, file_name: &str) -> Option<js_sys::Object> {
    let navigator = web_sys::window()?.navigator();
    let can_share = js_sys::Reflect::get(&navigator, &"canShare".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let class = js_sys::Reflect::get(&js_sys::global(), &"File".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"type".into(), &media_type.into()).ok()?;
    let args = js_sys::Array::of3(
        &js_sys::Array::of1(&contents.into()),
        &file_name.into(),
        &options,
    );
    let file = js_sys::Reflect::construct(&class, &args).ok()?;
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &"files".into(), &js_sys::Array::of1(&file)).ok()?;
    let able = can_share.call1(&navigator, &data).ok()?.as_bool()?;
    able.then_some(data)
}

/// Opens the browser's print dialog, where the person can also save as PDF.
pub fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
