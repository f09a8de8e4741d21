//! Large, labelled radio and checkbox groups for the model's closed lists.
//!
//! Native inputs inside their labels: the whole row is the touch target, the keyboard works
//! as every screen reader user expects, and nothing is re-implemented.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::labels::Labelled;

/// One choice or none. "None" is offered as its own option (such as "Prefer not to say"),
/// because a radio group cannot otherwise be cleared.
#[component]
pub fn RadioGroup<T: Labelled + PartialEq>(
    /// The group's visible question.
    legend: Signal<String>,
    /// The name shared by the inputs.
    name: &'static str,
    /// The current answer.
    value: Signal<Option<T>>,
    /// Called with the new answer.
    on_change: Callback<Option<T>>,
    /// The label of the "no answer" option.
    none_label: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = T::options()
        .iter()
        .copied()
        .map(|option| {
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name=name
                        value=option.word()
                        prop:checked=move || value.get() == Some(option)
                        on:change=move |_| on_change.run(Some(option))
                    />
                    <span>{move || option.label(i18n.get_locale())}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choices">
            <legend>{legend}</legend>
            {options}
            <label class="choice">
                <input
                    type="radio"
                    name=name
                    value=""
                    prop:checked=move || value.get().is_none()
                    on:change=move |_| on_change.run(None)
                />
                <span>{none_label}</span>
            </label>
        </fieldset>
    }
}

/// Any number of choices.
#[component]
pub fn CheckboxGroup<T: Labelled + Ord>(
    /// The group's visible question.
    legend: Signal<String>,
    /// A short hint under the question.
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
    /// The name shared by the inputs.
    name: &'static str,
    /// The ticked options.
    value: Signal<BTreeSet<T>>,
    /// Called with an option and whether it is now ticked.
    on_toggle: Callback<(T, bool)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = T::options()
        .iter()
        .copied()
        .map(|option| {
            view! {
                <label class="choice">
                    <input
                        type="checkbox"
                        name=name
                        value=option.word()
                        prop:checked=move || value.with(|set| set.contains(&option))
                        on:change=move |ev| on_toggle.run((option, event_target_checked(&ev)))
                    />
                    <span>{move || option.label(i18n.get_locale())}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choices">
            <legend>{legend}</legend>
            {hint.map(|hint| view! { <p class="hint">{hint}</p> })}
            {options}
        </fieldset>
    }
}
