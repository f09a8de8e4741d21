//! A button that asks in the page before doing something that cannot be undone (removing a
//! plan, taking stock, deleting everything): "Yes" does it, "No" or Escape goes back.

use leptos::html::{Button, P};
use leptos::prelude::*;

/// Focus moves to the question when it appears, so a screen reader reads it, and back to the
/// opening button after "No" or Escape, so keyboard users stay where they were.
#[component]
pub fn AskFirst(
    /// The words on the button that opens the question, and its classes.
    #[prop(into)]
    start: Signal<String>,
    start_class: &'static str,
    /// An element that says what the button acts on (its `aria-describedby`), if any.
    #[prop(optional, into)]
    described_by: Option<String>,
    /// The question's element id; it also names the group of question and answers.
    question_id: String,
    #[prop(into)] question: Signal<String>,
    /// "Yes" and its classes, and what it does.
    #[prop(into)]
    yes: Signal<String>,
    yes_class: &'static str,
    on_yes: Callback<()>,
    #[prop(into)] no: Signal<String>,
    /// The classes of the box around question and answers, and of the question.
    box_class: &'static str,
    question_class: &'static str,
    test_id: &'static str,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let start_button = NodeRef::<Button>::new();
    let question_node = NodeRef::<P>::new();
    let ask = move |_| {
        asking.set(true);
        request_animation_frame(move || {
            if let Some(p) = question_node.get_untracked() {
                let _ = p.focus();
            }
        });
    };
    let keep = move || {
        asking.set(false);
        request_animation_frame(move || {
            if let Some(button) = start_button.get_untracked() {
                let _ = button.focus();
            }
        });
    };
    let confirm = move |_| {
        // What "Yes" does may remove this component along with its signal.
        asking.try_set(false);
        on_yes.run(());
    };
    view! {
        <Show
            when=move || asking.get()
            fallback=move || view! {
                <button
                    type="button"
                    class=start_class
                    aria-describedby=described_by.clone()
                    node_ref=start_button
                    on:click=ask
                >
                    {move || start.get()}
                </button>
            }
        >
            <div
                class=box_class
                role="group"
                aria-labelledby=question_id.clone()
                data-testid=test_id
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        keep();
                    }
                }
            >
                <p id=question_id.clone() node_ref=question_node tabindex="-1" class=question_class dir="auto">
                    {move || question.get()}
                </p>
                <div class="actions">
                    <button type="button" class=yes_class on:click=confirm>
                        {move || yes.get()}
                    </button>
                    <button type="button" class="button" on:click=move |_| keep()>
                        {move || no.get()}
                    </button>
                </div>
            </div>
        </Show>
    }
}
