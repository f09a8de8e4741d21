//! Whether the browser has promised to keep this site's data (persistent storage), and asking
//! it to. Without the promise a browser may clear the data when the device runs short of
//! space; with it, only the person can.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// What the browser says about keeping the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// It will keep it until the person clears it.
    Kept,
    /// It may clear it when space runs short.
    BestEffort,
    /// This browser cannot say.
    Unknown,
}

fn manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Missing in some browsers and outside secure contexts.
    let storage = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    if storage.is_undefined() || storage.is_null() {
        return None;
    }
    Some(navigator.storage())
}

/// How long to wait for the browser's answer. Firefox's `persist()` asks the person and may
/// never answer (always, when headless); nothing in Genie may wait on it for ever.
pub const ANSWER_WITHIN_MS: i32 = 3_000;

/// The storage manager's function `name`, when this browser has it (WebKitGTK has no
/// `persist` or `estimate`).
fn has_function(name: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    js_sys::Reflect::get(&navigator, &JsValue::from_str("storage"))
        .ok()
        .filter(|storage| storage.is_object())
        .and_then(|storage| js_sys::Reflect::get(&storage, &JsValue::from_str(name)).ok())
        .is_some_and(|f| f.is_function())
}

/// Whether this browser lets Genie ask to keep the data (`navigator.storage.persist`).
pub fn can_ask() -> bool {
    has_function("persist")
}

/// A promise that gives `undefined` after `ms` milliseconds.
fn later(ms: i32) -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    })
}

async fn answer(promise: Result<js_sys::Promise, JsValue>) -> Durability {
    let Ok(promise) = promise else {
        return Durability::Unknown;
    };
    // No answer in time reads as "cannot say".
    let race = js_sys::Promise::race(&js_sys::Array::of2(&promise, &later(ANSWER_WITHIN_MS)));
    match JsFuture::from(race).await.map(|v| v.as_bool()) {
        Ok(Some(true)) => Durability::Kept,
        Ok(Some(false)) => Durability::BestEffort,
        _ => Durability::Unknown,
    }
}

/// Whether the data is kept for sure now (`navigator.storage.persisted()`).
pub async fn durability() -> Durability {
    match manager() {
        Some(manager) if has_function("persisted") => answer(manager.persisted()).await,
        _ => Durability::Unknown,
    }
}

/// Asks the browser to keep the data (`navigator.storage.persist()`). Some browsers ask the
/// person; others decide by themselves from how the site is used.
pub async fn ask_to_keep() -> Durability {
    match manager() {
        Some(manager) if can_ask() => answer(manager.persist()).await,
        _ => Durability::Unknown,
    }
}

/// The start of every key Genie keeps in the browser's local storage. A commissioner may host
/// Genie beside other apps on one site, which share its local storage: Genie's keys are told
/// apart by this prefix, and only they are ever removed.
pub const SETTINGS_PREFIX: &str = "genie-";

/// Removes Genie's own small settings from local storage (and no other key of the site), and
/// its unsent drafts.
pub fn clear_settings() {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        remove_keys_starting_with(&storage, SETTINGS_PREFIX);
    }
    super::drafts::clear_all();
}

/// Removes every key of `storage` that starts with `prefix`.
pub fn remove_keys_starting_with(storage: &web_sys::Storage, prefix: &str) {
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(prefix))
        .collect();
    for key in keys {
        let _ = storage.remove_item(&key);
    }
}
