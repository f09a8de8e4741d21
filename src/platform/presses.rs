//! A press belongs to the page it began on.
//!
//! On a touch screen the browser sends `click` only after the finger has lifted and the tap has
//! been recognised, which on a slow phone can be well after `pointerup`. If anything changes
//! the page in between (a page that opens on `pointerup`, a slow re-render), that late click
//! lands on whatever is under the finger on the *new* page: a radio button that changes a
//! member's kind, a Remove button. So, for the whole app:
//!
//! - nothing navigates or changes data on `pointerdown`/`pointerup`; controls act on `click`
//!   (which a browser sends once per press), and
//! - a click whose press began before the page changed is dropped before any control sees it.
//!
//! The second rule does not depend on timing: each page shown gets a number, each press
//! remembers the number of the page it began on, and its click must arrive on that page.
//! Clicks that no pointer press began (keyboard, screen readers, switch access) are never
//! dropped: only a press that is still waiting for its click can be stale.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Which page each press began on, and which page is showing.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PressGuard {
    page: u64,
    /// The page the latest pointer press began on, while its click may still come.
    pending: Option<u64>,
}

impl PressGuard {
    /// A new page is showing (the address changed, or a view replaced the one pressed).
    pub fn page_changed(&mut self) {
        self.page = self.page.wrapping_add(1);
    }

    /// A pointer (finger, pen, mouse button) went down.
    pub fn pressed(&mut self) {
        self.pending = Some(self.page);
    }

    /// The press was taken over by the browser (a scroll, a pinch): no click will follow.
    pub fn cancelled(&mut self) {
        self.pending = None;
    }

    /// A click arrived. `from_pointer` is false for clicks made by the keyboard or assistive
    /// technology (`detail` 0). Returns whether the click may act.
    pub fn click_may_act(&mut self, from_pointer: bool) -> bool {
        let began_on = self.pending.take();
        match (from_pointer, began_on) {
            (true, Some(page)) => page == self.page,
            _ => true,
        }
    }
}

thread_local! {
    static GUARD: RefCell<PressGuard> = RefCell::new(PressGuard::default());
    static INSTALLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Tells the guard a new page is showing. Called by the router before it draws the page.
pub fn page_changed() {
    GUARD.with(|g| g.borrow_mut().page_changed());
}

/// Installs the guard on the window, ahead of every control (capture phase). The listeners
/// live as long as the page; calling this again (the app mounted anew) adds nothing.
pub fn install_guard() {
    if INSTALLED.with(|i| i.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let options = web_sys::AddEventListenerOptions::new();
    options.set_capture(true);

    let on_down = Closure::<dyn Fn(web_sys::Event)>::new(|_event: web_sys::Event| {
        GUARD.with(|g| g.borrow_mut().pressed());
    });
    let on_cancel = Closure::<dyn Fn(web_sys::Event)>::new(|_event: web_sys::Event| {
        GUARD.with(|g| g.borrow_mut().cancelled());
    });
    let on_click = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
        let from_pointer = event
            .dyn_ref::<web_sys::MouseEvent>()
            .is_some_and(|m| m.detail() > 0);
        if !GUARD.with(|g| g.borrow_mut().click_may_act(from_pointer)) {
            event.prevent_default();
            event.stop_immediate_propagation();
        }
    });
    for (name, listener) in [
        ("pointerdown", &on_down),
        ("pointercancel", &on_cancel),
        ("click", &on_click),
    ] {
        let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
            name,
            listener.as_ref().unchecked_ref(),
            &options,
        );
    }
    on_down.forget();
    on_cancel.forget();
    on_click.forget();
}

#[cfg(test)]
mod tests {
    use super::PressGuard;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    // The app's whole library is loaded with these tests, and it needs a browser.
    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn a_tap_acts_on_the_page_it_began_on() {
        let mut g = PressGuard::default();
        g.pressed();
        assert!(g.click_may_act(true));
    }

    #[wasm_bindgen_test]
    fn the_late_click_of_a_tap_that_changed_the_page_is_dropped() {
        let mut g = PressGuard::default();
        g.pressed();
        g.page_changed();
        assert!(!g.click_may_act(true));
        // The next press on the new page acts as usual.
        g.pressed();
        assert!(g.click_may_act(true));
    }

    #[wasm_bindgen_test]
    fn keyboard_and_screen_reader_clicks_always_act() {
        let mut g = PressGuard::default();
        g.pressed();
        g.page_changed();
        assert!(g.click_may_act(false));
        // A screen reader's activation after a page change, with no pointer press at all.
        g.page_changed();
        assert!(g.click_may_act(true));
    }

    #[wasm_bindgen_test]
    fn a_scroll_leaves_no_press_waiting() {
        let mut g = PressGuard::default();
        g.pressed();
        g.cancelled();
        g.page_changed();
        assert!(g.click_may_act(true));
    }

    #[wasm_bindgen_test]
    fn one_press_stales_only_its_own_click() {
        let mut g = PressGuard::default();
        g.pressed();
        g.page_changed();
        assert!(!g.click_may_act(true));
        // A label forwards its click to its control: that second click has no press of its own.
        assert!(g.click_may_act(true));
    }
}
