//! "About you": optional area, age band, gender and conditions, saved as they are entered.

use genie_core::model::{AgeBand, Condition, Gender};
use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::components::{CheckboxGroup, PageHeading, RadioGroup};
use crate::ui::route::Route;
use crate::ui::state::AppState;

/// The optional questions that tailor suggestions.
#[component]
pub fn AboutYouPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = AppState::expect();
    let profile = state.profile;
    let text = move |s: &'static str| s.to_string();

    view! {
        <PageHeading>{t!(i18n, about.title)}</PageHeading>
        <p class="lead">{t!(i18n, about.intro)}</p>
        <form class="stack" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="area">{t!(i18n, about.area_label)}</label>
                <p class="hint" id="area-hint">{t!(i18n, about.area_hint)}</p>
                <input
                    id="area"
                    name="area"
                    type="text"
                    autocomplete="postal-code"
                    aria-describedby="area-hint"
                    prop:value=move || profile.with(|p| p.area.clone())
                    on:input=move |ev| {
                        let area = event_target_value(&ev);
                        state.update_profile(|p| p.area = area);
                    }
                />
            </div>
            <RadioGroup
                legend=Signal::derive(move || text(t_string!(i18n, about.age_legend)))
                name="age_band"
                value=Signal::derive(move || profile.with(|p| p.age_band))
                on_change=Callback::new(move |band: Option<AgeBand>| {
                    state.update_profile(|p| p.age_band = band)
                })
                none_label=Signal::derive(move || text(t_string!(i18n, about.prefer_not_to_say)))
            />
            <RadioGroup
                legend=Signal::derive(move || text(t_string!(i18n, about.gender_legend)))
                name="gender"
                value=Signal::derive(move || profile.with(|p| p.gender))
                on_change=Callback::new(move |gender: Option<Gender>| {
                    state.update_profile(|p| p.gender = gender)
                })
                none_label=Signal::derive(move || text(t_string!(i18n, about.prefer_not_to_say)))
            />
            <CheckboxGroup
                legend=Signal::derive(move || text(t_string!(i18n, about.conditions_legend)))
                hint=Signal::derive(move || text(t_string!(i18n, about.conditions_hint)))
                name="conditions"
                value=Signal::derive(move || profile.with(|p| p.conditions.clone()))
                on_toggle=Callback::new(move |(condition, on): (Condition, bool)| {
                    state.update_profile(|p| {
                        if on {
                            p.conditions.insert(condition);
                        } else {
                            p.conditions.remove(&condition);
                        }
                    })
                })
            />
            <div class="field">
                <label for="other-condition">{t!(i18n, about.other_condition_label)}</label>
                <input
                    id="other-condition"
                    name="other_condition"
                    type="text"
                    prop:value=move || profile.with(|p| p.other_condition.clone())
                    on:input=move |ev| {
                        let other = event_target_value(&ev);
                        state.update_profile(|p| p.other_condition = other);
                    }
                />
            </div>
            <div class="actions">
                <a class="button primary" href=Route::Network { list: false }.href()>
                    {t!(i18n, about.next)}
                </a>
                <a class="button" href=Route::Welcome.href()>{t!(i18n, about.done)}</a>
            </div>
        </form>
    }
}
