//! What this browser offers for keeping Genie's data (the facts the core's `keeping` rules
//! read), the browser's own install prompt, and the few small settings the notice about keeping
//! data needs, in local storage.
//!
//! Every part of the web platform used here is missing somewhere: WebKitGTK has no
//! `navigator.storage.persist`, Safari on an iPhone has no `beforeinstallprompt`, and Firefox's
//! `persist()` waits for the person (forever when headless). So each is looked up before use,
//! and every answer that is awaited has a time limit.

use std::cell::RefCell;

use genie_core::keeping::{engine_from_user_agent, EngineFacts, Persisted};
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::storage::{self, Durability};

/// Gathers what the browser says. Takes at most `storage::ANSWER_WITHIN_MS`.
pub async fn facts() -> EngineFacts {
    let navigator = web_sys::window().map(|w| w.navigator());
    let user_agent = navigator
        .as_ref()
        .and_then(|n| n.user_agent().ok())
        .unwrap_or_default();
    let touch_points = navigator
        .as_ref()
        .map(|n| n.max_touch_points().max(0) as u32)
        .unwrap_or(0);
    let engine = engine_from_user_agent(&user_agent, touch_points);
    let persisted = match storage::durability().await {
        Durability::Kept => Persisted::Yes,
        Durability::BestEffort => Persisted::No,
        Durability::Unknown => Persisted::Unknown,
    };
    EngineFacts {
        webkit: engine.webkit,
        ios: engine.ios,
        installed: installed(),
        persisted,
        can_ask_persist: storage::can_ask(),
        install_prompt: install_prompt_offered(),
    }
}

/// Whether Genie runs as an installed app: the manifest's `standalone` display mode, or
/// Safari's own flag for a Home Screen app.
pub fn installed() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let standalone_mode = ["(display-mode: standalone)", "(display-mode: fullscreen)"]
        .iter()
        .any(|query| {
            window
                .match_media(query)
                .ok()
                .flatten()
                .is_some_and(|list| list.matches())
        });
    let ios_standalone = js_sys::Reflect::get(&window.navigator(), &"standalone".into())
        .ok()
        .and_then(|value| value.as_bool())
        .unwrap_or(false);
    standalone_mode || ios_standalone
}

thread_local! {
    /// The browser's install prompt, kept from `beforeinstallprompt` until the person asks.
    static PROMPT: RefCell<Option<web_sys::Event>> = const { RefCell::new(None) };
}

/// Whether the browser has offered its install prompt and it is still unused.
pub fn install_prompt_offered() -> bool {
    PROMPT.with(|p| p.borrow().is_some())
}

/// Listens for the browser's install prompt (Chromium on Android and desktop), keeps it for
/// the notice instead of the browser's own bar, and calls `changed` when it comes or goes.
/// Browsers without it never call.
pub fn listen_for_install_prompt(changed: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let changed = std::rc::Rc::new(changed);
    let on_offer = {
        let changed = changed.clone();
        Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            event.prevent_default();
            PROMPT.with(|p| *p.borrow_mut() = Some(event));
            changed();
        })
    };
    let on_installed = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
        PROMPT.with(|p| *p.borrow_mut() = None);
        changed();
    });
    let _ = window
        .add_event_listener_with_callback("beforeinstallprompt", on_offer.as_ref().unchecked_ref());
    let _ = window
        .add_event_listener_with_callback("appinstalled", on_installed.as_ref().unchecked_ref());
    // For the life of the page.
    on_offer.forget();
    on_installed.forget();
}

/// Opens the browser's install prompt kept earlier. Must be called from a tap or key press.
/// True when the prompt was shown; the browser uses each prompt once.
pub fn show_install_prompt() -> bool {
    let Some(event) = PROMPT.with(|p| p.borrow_mut().take()) else {
        return false;
    };
    let prompt = js_sys::Reflect::get(&event, &"prompt".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match prompt {
        Some(prompt) => prompt.call0(&event).is_ok(),
        None => false,
    }
}

// Each key starts with `storage::SETTINGS_PREFIX`, so deleting everything removes it.
const DISMISSED_KEY: &str = "genie-keeping-dismissed";
const LAST_COPY_KEY: &str = "genie-keeping-last-copy";
const BRING_ACROSS_KEY: &str = "genie-keeping-bring-across-offered";

/// Whether the person put the notice about keeping data away.
pub fn notice_dismissed() -> bool {
    LocalStorage::get::<bool>(DISMISSED_KEY).unwrap_or(false)
}

/// Remembers that the notice was put away (or brought back).
pub fn set_notice_dismissed(dismissed: bool) {
    if dismissed {
        let _ = LocalStorage::set(DISMISSED_KEY, true);
    } else {
        LocalStorage::delete(DISMISSED_KEY);
    }
}

/// When the last backup was saved on this device (milliseconds since 1970), if ever.
pub fn last_copy_at() -> Option<i64> {
    LocalStorage::get::<i64>(LAST_COPY_KEY).ok()
}

/// Remembers that a backup was saved now.
pub fn record_copy(at_ms: i64) {
    let _ = LocalStorage::set(LAST_COPY_KEY, at_ms);
}

/// Whether the installed app has already offered to open a backup.
pub fn bring_across_offered() -> bool {
    LocalStorage::get::<bool>(BRING_ACROSS_KEY).unwrap_or(false)
}

/// Remembers that the offer to open a backup was made.
pub fn set_bring_across_offered() {
    let _ = LocalStorage::set(BRING_ACROSS_KEY, true);
}
