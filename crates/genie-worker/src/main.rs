//! Genie's background worker. The page sends it the name of a directory tile; it fetches the
//! tile, checks it with the core's directory check and hands back the checked entries in the
//! packed form, which the page reads several times quicker than it could check the file. The
//! checked copy is kept on the device (Cache Storage, by the tile's name, which carries a hash
//! of its text), so a later visit does not check the same file again.
//!
//! Messages, page to worker: `{id, file, url}`, and `{kind: "keep-only", files}` with every
//! file the area's index names now (copies of tiles no longer published are dropped). Worker
//! to page: `{kind: "ready", layout}` (the packed form's fingerprint) once it can take work, then one answer per request: `{id, packed: ArrayBuffer, problems}` (the buffer is
//! transferred, not copied) or `{id, error}`. The worker keeps no personal data: only the
//! commissioner's published directory passes through it.

use genie_core::directory::{packed, validate_bytes};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Response, ResponseInit};

/// The cache of checked tiles: the area's published entries, nothing personal. The service
/// worker keeps it across versions (each copy says which check made it).
const CHECKED_CACHE: &str = "genie-checked";
/// Where a kept copy says how many entries the check skipped or repaired.
const PROBLEMS_HEADER: &str = "x-genie-problems";

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn main() {
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let data = event.data();
        let text = |key: &str| {
            Reflect::get(&data, &JsValue::from_str(key))
                .ok()
                .and_then(|v| v.as_string())
        };
        if text("kind").as_deref() == Some("keep-only") {
            let files = Reflect::get(&data, &JsValue::from_str("files")).unwrap_or_default();
            let files: Vec<String> = Array::from(&files)
                .iter()
                .filter_map(|f| f.as_string())
                .collect();
            spawn_local(keep_only(files));
            return;
        }
        let id = Reflect::get(&data, &JsValue::from_str("id")).unwrap_or(JsValue::NULL);
        if let (Some(file), Some(url)) = (text("file"), text("url")) {
            spawn_local(check(id, file, url));
        }
    });
    let scope = scope();
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let ready = Object::new();
    let _ = Reflect::set(&ready, &"kind".into(), &"ready".into());
    // The page reads only answers packed the way it reads them: a worker from another build
    // (the host updated, the page is an older copy) is let go at once.
    let layout = format!("{:016x}", packed::layout());
    let _ = Reflect::set(&ready, &"layout".into(), &layout.into());
    let _ = scope.post_message(&ready);
}

/// Checks one tile (or takes the checked copy kept earlier) and answers the page.
async fn check(id: JsValue, file: String, url: String) {
    let answer = Object::new();
    let _ = Reflect::set(&answer, &"id".into(), &id);
    let transfer = Array::new();
    match checked(&file, &url).await {
        Ok((bytes, problems)) => {
            let buffer = Uint8Array::from(bytes.as_slice()).buffer();
            let _ = Reflect::set(&answer, &"packed".into(), &buffer);
            let _ = Reflect::set(&answer, &"problems".into(), &(problems as f64).into());
            transfer.push(&buffer);
        }
        Err(error) => {
            let _ = Reflect::set(&answer, &"error".into(), &error.into());
        }
    }
    let _ = scope().post_message_with_transfer(&answer, &transfer);
}

/// The packed entries of a tile and how many the check skipped or repaired.
async fn checked(file: &str, url: &str) -> Result<(Vec<u8>, usize), String> {
    if let Some(kept) = kept(file).await {
        return Ok(kept);
    }
    let bytes = fetch_bytes(url).await?;
    let (directory, problems) = validate_bytes(&bytes);
    drop(bytes);
    let bytes = packed::pack(&directory.resources);
    keep(file, &bytes, problems.len()).await;
    Ok((bytes, problems.len()))
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let response = JsFuture::from(scope().fetch_with_str(url))
        .await
        .map_err(|_| "unreachable".to_string())?;
    let response: Response = response.dyn_into().map_err(|_| "unreachable".to_string())?;
    if !response.ok() {
        return Err(format!("status {}", response.status()));
    }
    buffer_of(&response)
        .await
        .ok_or_else(|| "unreachable".to_string())
}

async fn buffer_of(response: &Response) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(Uint8Array::new(&buffer).to_vec())
}

/// The cache of checked tiles, when the browser gives one (not in every private mode).
async fn cache() -> Option<web_sys::Cache> {
    let caches = scope().caches().ok()?;
    JsFuture::from(caches.open(CHECKED_CACHE))
        .await
        .ok()?
        .dyn_into()
        .ok()
}

/// The key of a tile's checked copy: a made-up address inside the app's folder (relative to
/// this worker's script, which sits beside the app).
fn key(file: &str) -> String {
    format!("checked/{file}")
}

/// Where this app's checked copies are, as an address: another app on the same site (another
/// folder) keeps its own.
fn folder_of_copies() -> Option<String> {
    web_sys::Url::new_with_base(&key(""), &scope().location().href())
        .ok()
        .map(|u| u.href())
}

/// The checked copy kept for this tile by this build, if any.
async fn kept(file: &str) -> Option<(Vec<u8>, usize)> {
    let cache = cache().await?;
    let found = JsFuture::from(cache.match_with_str(&key(file)))
        .await
        .ok()?
        .dyn_into::<Response>()
        .ok()?;
    let problems = found
        .headers()
        .get(PROBLEMS_HEADER)
        .ok()
        .flatten()
        .and_then(|p| p.parse().ok())?;
    let bytes = buffer_of(&found).await?;
    // Kept by another build (which may check differently), or damaged: dropped, and the
    // published file checked again. Read whole here, off the page's thread, so the page never
    // meets a copy it cannot read.
    if packed::unpack(&bytes).is_err() {
        let _ = JsFuture::from(cache.delete_with_str(&key(file))).await;
        return None;
    }
    Some((bytes, problems))
}

/// Keeps a tile's checked copy. A full or refused store only means checking again next time.
async fn keep(file: &str, bytes: &[u8], problems: usize) {
    let Some(cache) = cache().await else {
        return;
    };
    let init = ResponseInit::new();
    let headers = web_sys::Headers::new().ok();
    if let Some(headers) = &headers {
        let _ = headers.set(PROBLEMS_HEADER, &problems.to_string());
        init.set_headers(headers);
    }
    let body = Uint8Array::from(bytes);
    let Ok(response) = Response::new_with_opt_buffer_source_and_init(Some(&body), &init) else {
        return;
    };
    let _ = JsFuture::from(cache.put_with_str(&key(file), &response)).await;
}

/// Drops the checked copies of tiles the area no longer publishes (a changed tile has a new
/// name, so its old copy would otherwise stay for good).
async fn keep_only(files: Vec<String>) {
    let Some(cache) = cache().await else {
        return;
    };
    let Ok(keys) = JsFuture::from(cache.keys()).await else {
        return;
    };
    let Some(folder) = folder_of_copies() else {
        return;
    };
    let wanted: std::collections::HashSet<&str> = files.iter().map(String::as_str).collect();
    for request in Array::from(&keys).iter() {
        let Some(url) = Reflect::get(&request, &JsValue::from_str("url"))
            .ok()
            .and_then(|u| u.as_string())
        else {
            continue;
        };
        // Only this app's copies, and of those only tiles the area no longer publishes.
        let Some(file) = url.strip_prefix(&folder) else {
            continue;
        };
        if !wanted.contains(file) {
            let _ = JsFuture::from(cache.delete_with_str(&url)).await;
        }
    }
}
