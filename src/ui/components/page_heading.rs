//! A page's main heading, focused when the page opens so screen readers announce the new page.

use leptos::html::H1;
use leptos::prelude::*;

/// The `<h1>` of a page. Takes focus when shown.
#[component]
pub fn PageHeading(children: Children) -> impl IntoView {
    let heading = NodeRef::<H1>::new();
    Effect::new(move |_| {
        if let Some(h1) = heading.get() {
            let _ = h1.focus();
        }
    });
    view! { <h1 node_ref=heading tabindex="-1">{children()}</h1> }
}
