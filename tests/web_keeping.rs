//! What the browser says about keeping Genie's data, in a real browser: every storage call
//! answers in time even when the browser never does (Firefox's `persist()` when headless) or
//! lacks the API (WebKitGTK), and Chromium is read as Chromium, in a tab, not installed.

#![cfg(target_arch = "wasm32")]

use genie::platform::install;
use genie::platform::storage::{self, Durability, ANSWER_WITHIN_MS};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Replaces `navigator.storage[name]` with `value` (a function, or undefined to remove it).
fn set_storage_function(name: &str, value: &JsValue) {
    let navigator = web_sys::window().expect("window").navigator();
    let storage = js_sys::Reflect::get(&navigator, &"storage".into()).expect("storage");
    let descriptor = js_sys::Object::new();
    js_sys::Reflect::set(&descriptor, &"value".into(), value).expect("descriptor");
    js_sys::Reflect::set(&descriptor, &"configurable".into(), &true.into()).expect("descriptor");
    js_sys::Reflect::set(&descriptor, &"writable".into(), &true.into()).expect("descriptor");
    let storage: js_sys::Object = storage.unchecked_into();
    js_sys::Object::define_property(&storage, &name.into(), &descriptor);
}

#[wasm_bindgen_test]
async fn a_browser_that_never_answers_is_read_as_cannot_say_in_time() {
    // A persist() that never settles, as Firefox's does when headless.
    let never = js_sys::Function::new_no_args("return new Promise(() => {});");
    set_storage_function("persist", &never);
    let started = js_sys::Date::now();
    assert_eq!(storage::ask_to_keep().await, Durability::Unknown);
    let waited = js_sys::Date::now() - started;
    assert!(
        waited >= f64::from(ANSWER_WITHIN_MS) - 50.0
            && waited < f64::from(ANSWER_WITHIN_MS) + 2_000.0,
        "waited {waited} ms"
    );
    assert!(storage::can_ask());
}

#[wasm_bindgen_test]
async fn a_browser_without_the_storage_functions_is_read_as_cannot_say() {
    // WebKitGTK has neither persist() nor persisted().
    set_storage_function("persist", &JsValue::UNDEFINED);
    set_storage_function("persisted", &JsValue::UNDEFINED);
    assert!(!storage::can_ask());
    assert_eq!(storage::ask_to_keep().await, Durability::Unknown);
    assert_eq!(storage::durability().await, Durability::Unknown);
    let facts = install::facts().await;
    assert!(!facts.can_ask_persist);
}

#[wasm_bindgen_test]
async fn chromium_in_a_tab_is_neither_webkit_nor_installed() {
    let facts = install::facts().await;
    assert!(!facts.webkit, "Chromium writes Chrome/ beside AppleWebKit");
    assert!(!facts.ios);
    assert!(
        !facts.installed,
        "the test page is a tab, not an installed app"
    );
    assert!(!install::installed());
}
