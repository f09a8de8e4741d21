//! The background worker (`crates/genie-worker`), which checks the area's directory tiles off
//! the page's thread and keeps the checked copies on the device.
//!
//! It is started when the area's tiles are first wanted ([`warm_up`]), so its code downloads
//! while the tile index does. Messages posted before it says it is ready would be lost, so
//! work waits for "ready". When it cannot start (its files missing on the host, a browser
//! without workers) or stops, every request answers `None` and the caller does the work on
//! the page as before: the worker makes things quicker, never possible.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The worker's start script, beside the app (`public/background-loader.js`).
const LOADER: &str = "background-loader.js";

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Starting,
    Ready,
    Gone,
}

struct Background {
    worker: web_sys::Worker,
    state: Cell<State>,
    /// Messages waiting for "ready".
    queued: RefCell<Vec<JsValue>>,
    /// Each request's resolver, by id: called with the answer, or with `null` if the worker
    /// is gone.
    waiting: RefCell<Vec<(u32, Function)>>,
    next_id: Cell<u32>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static BACKGROUND: RefCell<Option<Rc<Background>>> = const { RefCell::new(None) };
    /// The worker could not be started, or stopped: not tried again in this visit.
    static GONE: Cell<bool> = const { Cell::new(false) };
}

fn get(key: &JsValue, name: &str) -> JsValue {
    Reflect::get(key, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

impl Background {
    fn start() -> Option<Rc<Background>> {
        let worker = web_sys::Worker::new(LOADER).ok()?;
        let background = Rc::new_cyclic(|weak: &std::rc::Weak<Background>| {
            let on_message = {
                let weak = weak.clone();
                Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
                    move |event: web_sys::MessageEvent| {
                        if let Some(b) = weak.upgrade() {
                            b.answer(event.data());
                        }
                    },
                )
            };
            let on_error = {
                let weak = weak.clone();
                Closure::<dyn FnMut(web_sys::Event)>::new(move |_event: web_sys::Event| {
                    if let Some(b) = weak.upgrade() {
                        b.stop();
                    }
                })
            };
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            Background {
                worker,
                state: Cell::new(State::Starting),
                queued: RefCell::new(Vec::new()),
                waiting: RefCell::new(Vec::new()),
                next_id: Cell::new(0),
                _on_message: on_message,
                _on_error: on_error,
            }
        });
        Some(background)
    }

    fn answer(&self, data: JsValue) {
        match get(&data, "kind").as_string().as_deref() {
            Some("ready") => {
                // A worker from another build packs differently: the page works alone.
                let layout = format!("{:016x}", genie_core::directory::packed::layout());
                if get(&data, "layout").as_string() != Some(layout) {
                    self.stop();
                    return;
                }
                self.state.set(State::Ready);
                for message in self.queued.take() {
                    if self.worker.post_message(&message).is_err() {
                        self.stop();
                        return;
                    }
                }
            }
            Some("failed") => self.stop(),
            _ => {
                let resolve = get(&data, "id").as_f64().and_then(|id| {
                    let mut waiting = self.waiting.borrow_mut();
                    let at = waiting.iter().position(|(w, _)| f64::from(*w) == id)?;
                    Some(waiting.swap_remove(at).1)
                });
                if let Some(resolve) = resolve {
                    let _ = resolve.call1(&JsValue::NULL, &data);
                }
            }
        }
    }

    /// The worker failed or stopped: everyone waiting is told, and the page does the work.
    fn stop(&self) {
        // Answers already on their way must not reach handlers about to be dropped.
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.state.set(State::Gone);
        GONE.with(|g| g.set(true));
        self.worker.terminate();
        self.queued.take();
        let waiting: Vec<Function> = self.waiting.take().into_iter().map(|(_, f)| f).collect();
        for resolve in waiting {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::NULL);
        }
        BACKGROUND.with(|b| b.borrow_mut().take());
    }

    fn send(&self, message: JsValue) {
        match self.state.get() {
            State::Starting => self.queued.borrow_mut().push(message),
            State::Ready => {
                if self.worker.post_message(&message).is_err() {
                    self.stop();
                }
            }
            State::Gone => {}
        }
    }
}

/// The running worker, started if need be; `None` when it cannot run in this visit.
fn background() -> Option<Rc<Background>> {
    if GONE.with(Cell::get) {
        return None;
    }
    BACKGROUND.with(|slot| {
        if let Some(b) = slot.borrow().as_ref() {
            return Some(b.clone());
        }
        let started = Background::start();
        if started.is_none() {
            GONE.with(|g| g.set(true));
        }
        slot.borrow_mut().clone_from(&started);
        started
    })
}

/// Starts the worker now, so its code is ready when the first tile is.
pub fn warm_up() {
    let _ = background();
}

/// Tells the worker which tiles the area publishes now, so it drops the checked copies of any
/// others (tiles replaced since an earlier visit).
pub fn keep_only<'a>(files: impl Iterator<Item = &'a str>) {
    let Some(background) = background() else {
        return;
    };
    let message = Object::new();
    let list: js_sys::Array = files.map(JsValue::from_str).collect();
    let _ = Reflect::set(&message, &"kind".into(), &"keep-only".into());
    let _ = Reflect::set(&message, &"files".into(), &list);
    background.send(message.into());
}

/// A tile the worker has checked: its entries in the packed form
/// (`genie_core::directory::packed`) and how many the check skipped or repaired.
pub struct CheckedTile {
    pub packed: Vec<u8>,
    pub problems: usize,
}

/// A tile handed to the worker; read the answer with [`PendingCheck::result`].
pub struct PendingCheck(Option<Promise>);

/// Hands the tile `file` (fetched from `url`) to the worker at once, so several are on their
/// way together.
pub fn check_tile(file: &str, url: &str) -> PendingCheck {
    let Some(background) = background() else {
        return PendingCheck(None);
    };
    let id = background.next_id.get();
    background.next_id.set(id.wrapping_add(1));
    let promise = Promise::new(&mut |resolve, _reject| {
        background.waiting.borrow_mut().push((id, resolve));
    });
    let message = Object::new();
    let _ = Reflect::set(&message, &"id".into(), &id.into());
    let _ = Reflect::set(&message, &"file".into(), &file.into());
    let _ = Reflect::set(&message, &"url".into(), &url.into());
    background.send(message.into());
    PendingCheck(Some(promise))
}

impl PendingCheck {
    /// Whether the tile went to a worker (else the caller checks it itself).
    pub fn handed_over(&self) -> bool {
        self.0.is_some()
    }

    /// The worker's answer.
    pub async fn result(self) -> Answer {
        let Some(promise) = self.0 else {
            return Answer::NoWorker;
        };
        let Ok(answer) = JsFuture::from(promise).await else {
            return Answer::NoWorker;
        };
        if answer.is_null() {
            return Answer::NoWorker;
        }
        let packed = get(&answer, "packed");
        if packed.is_undefined() {
            return Answer::NotHad;
        }
        let problems = get(&answer, "problems").as_f64().unwrap_or(0.0) as usize;
        Answer::Checked(CheckedTile {
            packed: Uint8Array::new(&packed).to_vec(),
            problems,
        })
    }
}

/// What became of a tile handed to the worker.
pub enum Answer {
    Checked(CheckedTile),
    /// The worker could not fetch it: the page tries itself (through the same service worker),
    /// which also says why.
    NotHad,
    /// There is no worker (it could not start, or stopped): the page checks this tile and
    /// every other itself.
    NoWorker,
}
