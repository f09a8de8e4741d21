//! Reading the area's files, which are served beside the app from the same origin.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why an area file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// No connection, or the file is not there.
    Unreachable,
    /// The server answered with this HTTP status.
    Status(u16),
}

/// Fetches a file next to the app (a relative path such as `area/directory.json`) as text.
pub async fn fetch_text(path: &str) -> Result<String, FetchError> {
    let window = web_sys::window().ok_or(FetchError::Unreachable)?;
    let response = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|_| FetchError::Unreachable)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| FetchError::Unreachable)?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let text = response.text().map_err(|_| FetchError::Unreachable)?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or(FetchError::Unreachable)
}
