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

/// A request already sent: several can be on their way while earlier ones are checked.
pub struct Pending(Option<js_sys::Promise>);

/// Sends a request for a file next to the app, to be read later with [`Pending::bytes`].
pub fn start(path: &str) -> Pending {
    Pending(web_sys::window().map(|w| w.fetch_with_str(path)))
}

impl Pending {
    /// The file's bytes. Bytes, not text: a JS string would be turned from UTF-16 back into
    /// UTF-8 on its way into the app, which for a large directory took longer than checking it.
    pub async fn bytes(self) -> Result<Vec<u8>, FetchError> {
        let promise = self.0.ok_or(FetchError::Unreachable)?;
        let response = JsFuture::from(promise)
            .await
            .map_err(|_| FetchError::Unreachable)?;
        let response: web_sys::Response =
            response.dyn_into().map_err(|_| FetchError::Unreachable)?;
        if !response.ok() {
            return Err(FetchError::Status(response.status()));
        }
        let buffer = response
            .array_buffer()
            .map_err(|_| FetchError::Unreachable)?;
        let buffer = JsFuture::from(buffer)
            .await
            .map_err(|_| FetchError::Unreachable)?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }
}

/// Fetches a file next to the app as bytes.
pub async fn fetch_bytes(path: &str) -> Result<Vec<u8>, FetchError> {
    start(path).bytes().await
}

/// Resolves once the browser has drawn the next frame: work after it does not delay what a tap
/// has just changed on screen.
pub async fn after_paint() {
    wait_for(|w, resolve| w.request_animation_frame(resolve).is_ok()).await;
    // The frame callback runs before drawing: the next task comes after it.
    next_task().await;
}

/// Resolves when the browser calls back through `schedule`, or at once when it cannot.
async fn wait_for(schedule: impl Fn(&web_sys::Window, &js_sys::Function) -> bool) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let waiting = web_sys::window().is_some_and(|w| schedule(&w, &resolve));
        if !waiting {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Lets the browser draw and answer input before the next piece of work: resolves in a new
/// task (a resolved promise would carry on in the same one).
pub async fn next_task() {
    wait_for(|w, resolve| w.set_timeout_with_callback(resolve).is_ok()).await;
}
