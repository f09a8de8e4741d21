//! The service worker (`sw.js`, written at build time by `scripts/sw-precache.mjs`): it keeps a
//! copy of the app and the area's files so Genie opens without a connection. Here we register
//! it, tell it on a first visit which files the page fetched before it took over, notice when
//! a newer version has been downloaded and is waiting, and switch to it when the person says
//! so.
//!
//! Browsers without service workers, and pages opened from `file://`, simply carry on without
//! one: everything still works while the page is open, only not offline.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The worker's address, relative to the page, so the app works from any folder.
const WORKER_URL: &str = "./sw.js";

// The few parts of the Service Worker API we use, declared here rather than through web-sys.
#[wasm_bindgen]
extern "C" {
    #[derive(Clone)]
    type ServiceWorkerContainer;
    #[wasm_bindgen(method)]
    fn register(this: &ServiceWorkerContainer, url: &str) -> js_sys::Promise;
    #[wasm_bindgen(method, getter)]
    fn controller(this: &ServiceWorkerContainer) -> Option<ServiceWorker>;
    #[wasm_bindgen(method, getter)]
    fn ready(this: &ServiceWorkerContainer) -> js_sys::Promise;

    #[derive(Clone)]
    type ServiceWorkerRegistration;
    #[wasm_bindgen(method, getter)]
    fn waiting(this: &ServiceWorkerRegistration) -> Option<ServiceWorker>;
    #[wasm_bindgen(method, getter)]
    fn installing(this: &ServiceWorkerRegistration) -> Option<ServiceWorker>;

    #[derive(Clone)]
    type ServiceWorker;
    #[wasm_bindgen(method, getter)]
    fn state(this: &ServiceWorker) -> String;
    #[wasm_bindgen(method, js_name = postMessage)]
    fn post_message(this: &ServiceWorker, message: &JsValue);
}

thread_local! {
    /// The registration, once made, so an update can be applied later.
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
}

/// The page's service worker container, when the browser offers one here (not on `file://`,
/// nor on plain `http://` other than this computer).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    Some(value.unchecked_into())
}

/// Whether the page is already run by a worker: then a newly installed one is an update, not
/// the first install.
fn controlled() -> bool {
    container().and_then(|c| c.controller()).is_some()
}

/// Registers the worker and calls `on_update` once when a newer version is installed and
/// waiting. Does nothing where service workers are not available.
pub fn register(on_update: impl Fn() + 'static) {
    let Some(container) = container() else {
        return;
    };
    if !controlled() {
        list_fetched_when_taken_over(&container);
    }
    wasm_bindgen_futures::spawn_local(async move {
        // Registering again checks for an update. Offline that check fails, but the worker
        // already installed still runs the page: keep watching it for the next update.
        let registration = match JsFuture::from(container.register(WORKER_URL)).await {
            Ok(registration) => registration,
            Err(_) => match JsFuture::from(container.ready()).await {
                Ok(registration) => registration,
                Err(_) => return,
            },
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        REGISTRATION.with(|r| *r.borrow_mut() = Some(registration.clone()));

        let on_update = std::rc::Rc::new(on_update);
        // An update downloaded on an earlier visit may already be waiting.
        if registration.waiting().is_some() && controlled() {
            on_update();
            return;
        }
        let watched = registration.clone();
        let on_found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = watched.installing() else {
                return;
            };
            let worker = installing.clone();
            let on_update = on_update.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if worker.state() == "installed" && controlled() {
                    on_update();
                }
            });
            let target: &web_sys::EventTarget = installing.unchecked_ref();
            let _ = target
                .add_event_listener_with_callback("statechange", on_state.as_ref().unchecked_ref());
            on_state.forget();
        });
        let target: &web_sys::EventTarget = registration.unchecked_ref();
        let _ = target
            .add_event_listener_with_callback("updatefound", on_found.as_ref().unchecked_ref());
        on_found.forget();
    });
}

/// On a first visit, once the new worker runs the page, tells it every file the page fetched
/// before that (the area's settings, a catalogue), so it keeps those it keeps on use without
/// fetching anything the page did not need. From then on the worker sees every request itself.
fn list_fetched_when_taken_over(container: &ServiceWorkerContainer) {
    let watched = container.clone();
    let on_change = Closure::once_into_js(move || {
        let (Some(worker), Some(window)) = (watched.controller(), web_sys::window()) else {
            return;
        };
        let Some(performance) = window.performance() else {
            return;
        };
        let urls: js_sys::Array = performance
            .get_entries_by_type("resource")
            .iter()
            .filter_map(|entry| js_sys::Reflect::get(&entry, &JsValue::from_str("name")).ok())
            .collect();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"KEEP_FETCHED".into());
        let _ = js_sys::Reflect::set(&message, &"urls".into(), &urls);
        worker.post_message(&message);
    });
    let options = web_sys::AddEventListenerOptions::new();
    options.set_once(true);
    let target: &web_sys::EventTarget = container.unchecked_ref();
    let _ = target.add_event_listener_with_callback_and_add_event_listener_options(
        "controllerchange",
        on_change.unchecked_ref(),
        &options,
    );
}

/// Switches to the waiting version: asks it to take over, and reloads the page once it has.
/// Everything the person entered is already saved on the device, so nothing is lost.
pub fn apply_update() {
    let Some(container) = container() else {
        return;
    };
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|r| r.waiting()));
    let Some(waiting) = waiting else {
        reload();
        return;
    };
    let on_change = Closure::<dyn FnMut()>::new(reload);
    let target: &web_sys::EventTarget = container.unchecked_ref();
    let _ = target
        .add_event_listener_with_callback("controllerchange", on_change.as_ref().unchecked_ref());
    on_change.forget();

    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &message,
        &JsValue::from_str("type"),
        &JsValue::from_str("SKIP_WAITING"),
    );
    waiting.post_message(&message);
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
