//! A native `<details>` disclosure whose body is built the first time it is opened.
//!
//! Cards and plans carry several closed disclosures ("More about this", "How did it go?",
//! "After you have tried it"); building their forms up front made choosing a suggestion take
//! about twice as long on a slow phone. The body is built once and kept, so what was typed in
//! it stays when it is closed and opened again. Keyboards and screen readers see the same
//! `<details>`/`<summary>` as before.

use leptos::html::Details;
use leptos::prelude::*;

/// `summary` is the `<summary>` element itself, so callers can give it their own attributes.
/// `open` opens it (and builds the body) when first drawn. Not generic, so the app carries one
/// copy of it however many kinds of body there are.
pub fn disclosure(
    class: &'static str,
    testid: Option<&'static str>,
    open: bool,
    summary: AnyView,
    body: Box<dyn FnOnce() -> AnyView>,
) -> AnyView {
    let built = RwSignal::new(open);
    let body = StoredValue::new_local(Some(body));
    let details = NodeRef::<Details>::new();
    let on_toggle = move |_| {
        let opened = details
            .get_untracked()
            .is_some_and(|d| d.has_attribute("open"));
        if opened && !built.get_untracked() {
            built.set(true);
        }
    };
    // `built` turns true once and never back, so this runs at most twice and the body is
    // built once; untracked, so nothing read while building it rebuilds it.
    let contents = move || {
        built
            .get()
            .then(|| body.try_update_value(Option::take).flatten())
            .flatten()
            .map(untrack)
    };
    view! {
        <details class=class data-testid=testid open=open node_ref=details on:toggle=on_toggle>
            {summary}
            {contents}
        </details>
    }
    .into_any()
}
