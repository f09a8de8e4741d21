//! Telling this app's other tabs that the data changed, so two open tabs never lose an edit:
//! after each write the tab that wrote says so on a `BroadcastChannel`, and the others read
//! their state again from storage. Messages carry no personal data, only what happened.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent};

const CHANNEL: &str = "genie";
const CHANGED: &str = "changed";
const ERASED: &str = "erased";

/// What another tab said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TabMessage {
    /// It saved a change: read everything again.
    Changed,
    /// It deleted everything on this device: start afresh.
    Erased,
}

thread_local! {
    /// One channel per tab, for both sending and hearing: a channel does not hear itself, so a
    /// tab never reloads because of its own write.
    static TAB_CHANNEL: RefCell<Option<BroadcastChannel>> = const { RefCell::new(None) };
}

fn with_channel(f: impl FnOnce(&BroadcastChannel)) {
    TAB_CHANNEL.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = BroadcastChannel::new(CHANNEL).ok();
        }
        if let Some(channel) = slot.as_ref() {
            f(channel);
        }
    });
}

/// Tells the other tabs.
pub fn tell_other_tabs(message: TabMessage) {
    let word = match message {
        TabMessage::Changed => CHANGED,
        TabMessage::Erased => ERASED,
    };
    with_channel(|channel| {
        let _ = channel.post_message(&JsValue::from_str(word));
    });
}

/// Calls `on_message` whenever another tab says something. For the life of the page.
pub fn listen_to_other_tabs(on_message: impl Fn(TabMessage) + 'static) {
    let handler = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        match event.data().as_string().as_deref() {
            Some(CHANGED) => on_message(TabMessage::Changed),
            Some(ERASED) => on_message(TabMessage::Erased),
            _ => {}
        }
    });
    with_channel(|channel| channel.set_onmessage(Some(handler.as_ref().unchecked_ref())));
    handler.forget();
}

/// Calls `on_visible` each time this tab is shown again after being hidden. For the life of
/// the page.
pub fn when_shown_again(on_visible: impl Fn() + 'static) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let watched = document.clone();
    let handler = Closure::<dyn Fn()>::new(move || {
        if watched.visibility_state() == web_sys::VisibilityState::Visible {
            on_visible();
        }
    });
    let _ = document
        .add_event_listener_with_callback("visibilitychange", handler.as_ref().unchecked_ref());
    handler.forget();
}
