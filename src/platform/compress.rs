//! Compression by the browser itself (`CompressionStream("deflate-raw")`), so no compressor
//! ships in the app. Browsers without it (before Chrome 103, Safari 16.4, Firefox 113) send
//! a hand-over uncompressed: more codes, same result. The receiving side unpacks in the core
//! (`genie_core::handover::inflate`), so it needs no `DecompressionStream`.

use js_sys::{Array, Function, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why the browser could not compress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unavailable {
    /// This browser has no `CompressionStream`.
    Missing,
    /// It has one, but it failed.
    Failed,
}

/// `bytes` compressed with raw deflate, or `None` when this browser cannot compress.
pub async fn deflate_raw(bytes: &[u8]) -> Option<Vec<u8>> {
    run("CompressionStream", bytes).await.ok()
}

/// Pipes `bytes` through `new <constructor>("deflate-raw")` and reads the result whole.
async fn run(constructor: &str, bytes: &[u8]) -> Result<Vec<u8>, Unavailable> {
    let global = js_sys::global();
    let class = Reflect::get(&global, &constructor.into())
        .ok()
        .and_then(|c| c.dyn_into::<Function>().ok())
        .ok_or(Unavailable::Missing)?;
    let transform = Reflect::construct(&class, &Array::of1(&"deflate-raw".into()))
        .map_err(|_| Unavailable::Missing)?;
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob =
        web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(|_| Unavailable::Failed)?;
    let stream = call0(&blob, "stream")?;
    let piped = call1(&stream, "pipeThrough", &transform)?;
    let response_class = Reflect::get(&global, &"Response".into())
        .ok()
        .and_then(|c| c.dyn_into::<Function>().ok())
        .ok_or(Unavailable::Missing)?;
    let response = Reflect::construct(&response_class, &Array::of1(&piped))
        .map_err(|_| Unavailable::Failed)?;
    let promise = call0(&response, "arrayBuffer")?;
    let buffer = JsFuture::from(js_sys::Promise::from(promise))
        .await
        .map_err(|_| Unavailable::Failed)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

fn call0(target: &JsValue, method: &str) -> Result<JsValue, Unavailable> {
    Reflect::get(target, &method.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call0(target).ok())
        .ok_or(Unavailable::Failed)
}

fn call1(target: &JsValue, method: &str, arg: &JsValue) -> Result<JsValue, Unavailable> {
    Reflect::get(target, &method.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call1(target, arg).ok())
        .ok_or(Unavailable::Failed)
}
