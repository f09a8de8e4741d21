//! Large, labelled radio, checkbox and select fields for the model's closed lists.
//!
//! Native inputs inside their labels: the whole row is the touch target, the keyboard works
//! as every screen reader user expects, and nothing is re-implemented.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::labels::Labelled;

/// A short description shown under an option's label.
pub type Describe<T> = fn(T, Locale) -> &'static str;

/// One choice, or none when `none_label` is given (such as "Prefer not to say"), because a
/// radio group cannot otherwise be cleared.
#[component]
pub fn RadioGroup<T: Labelled + PartialEq>(
    /// The group's visible question.
    #[prop(into)]
    legend: Signal<String>,
    /// The name shared by the inputs; must be unique on the page.
    name: &'static str,
    /// The current answer.
    #[prop(into)]
    value: Signal<Option<T>>,
    /// Called with the new answer.
    on_change: Callback<Option<T>>,
    /// The label of the "no answer" option; without it there is no such option.
    #[prop(optional, into)]
    none_label: Option<Signal<String>>,
    /// A plain description under each option.
    #[prop(optional)]
    describe: Option<Describe<T>>,
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
                    <span>
                        {move || option.label(i18n.get_locale())}
                        {describe
                            .map(|describe| {
                                view! {
                                    <span class="choice-hint">
                                        {move || describe(option, i18n.get_locale())}
                                    </span>
                                }
                            })}
                    </span>
                </label>
            }
        })
        .collect_view();
    let none = none_label.map(|none_label| {
        view! {
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
        }
    });
    view! {
        <fieldset class="choices">
            <legend>{legend}</legend>
            {options}
            {none}
        </fieldset>
    }
}

/// Any number of choices, from all of `T` or from `options`.
#[component]
pub fn CheckboxGroup<T: Labelled + Ord>(
    /// The group's visible question.
    #[prop(into)]
    legend: Signal<String>,
    /// A short hint under the question.
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
    /// The name shared by the inputs; must be unique on the page.
    #[prop(into)]
    name: String,
    /// Only these options (all of `T` when not given).
    #[prop(optional)]
    options: Option<Vec<T>>,
    /// The ticked options.
    #[prop(into)]
    value: Signal<BTreeSet<T>>,
    /// Called with an option and whether it is now ticked.
    on_toggle: Callback<(T, bool)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = options
        .unwrap_or_else(|| T::options().to_vec())
        .into_iter()
        .map(|option| {
            view! {
                <label class="choice">
                    <input
                        type="checkbox"
                        name=name.clone()
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

/// A drop-down for an optional answer from a long list, with a "Not said" first option.
#[component]
pub fn SelectField<T: Labelled + PartialEq>(
    /// The field's visible label.
    #[prop(into)]
    label: Signal<String>,
    /// The element id, unique on the page.
    #[prop(into)]
    id: String,
    /// The current answer.
    #[prop(into)]
    value: Signal<Option<T>>,
    /// Called with the new answer.
    on_change: Callback<Option<T>>,
    /// The label of the empty first option; "Not said" when not given.
    #[prop(optional, into)]
    none_label: Option<Signal<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let none_label = move || match none_label {
        Some(label) => label.get(),
        None => t_string!(i18n, network.not_said).to_string(),
    };
    let options = T::options()
        .iter()
        .copied()
        .map(|option| {
            view! {
                <option value=option.word() selected=move || value.get() == Some(option)>
                    {move || option.label(i18n.get_locale())}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                on:change=move |ev| {
                    let word = event_target_value(&ev);
                    let chosen = T::options().iter().copied().find(|o| o.word() == word);
                    on_change.run(chosen);
                }
            >
                <option value="" selected=move || value.get().is_none()>
                    {none_label}
                </option>
                {options}
            </select>
        </div>
    }
}

/// One radio option for an answer that is not one of the model's closed lists (a rating, a yes
/// or no): the same native radio inside its label as [`RadioGroup`], the whole row the target.
pub fn radio_option<T>(
    name: String,
    word: String,
    value: T,
    label: Signal<String>,
    current: Signal<Option<T>>,
    on_pick: Callback<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    view! {
        <label class="choice">
            <input
                type="radio"
                name=name
                value=word
                prop:checked=move || current.get() == Some(value)
                on:change=move |_| on_pick.run(value)
            />
            <span>{label}</span>
        </label>
    }
}
