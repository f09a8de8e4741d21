//! Files made on the device and handed to the person: a saved map picture, a note for the area
//! team, a calendar reminder. Nothing is uploaded; the browser saves the file where it saves
//! downloads.

use leptos::prelude::{document, set_timeout};
use wasm_bindgen::JsCast;

/// Offers `contents` as a file called `file_name` of the given media type.
pub fn save_file(contents: &str, media_type: &str, file_name: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
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
