//! "What you would like": the eleven questions, and the practical limits (travel, distance,
//! cost, times, access, language) that decide whether a suggestion is any use.

use std::collections::BTreeSet;

use genie_core::model::{AccessNeed, CostLimit, DayPart, Interest, TimeSlot, TravelMode, Weekday};
use leptos::prelude::*;

use crate::i18n::*;
use crate::session::Session;
use crate::ui::components::{CheckboxGroup, PageHeading};
use crate::ui::labels::{language_name, Labelled};
use crate::ui::route::Route;

/// Distances offered, in kilometres.
const DISTANCES: [u32; 5] = [1, 2, 5, 10, 20];
/// Spending limits offered, in pounds a time.
const COST_LIMITS: [u32; 3] = [2, 5, 10];
/// Languages offered, as BCP 47 tags.
const LANGUAGES: [&str; 5] = ["en", "pl", "ur", "pa", "sgn-GB"];

/// Toggles `item` in a set.
fn toggle<T: Ord>(set: &mut BTreeSet<T>, item: T, on: bool) {
    if on {
        set.insert(item);
    } else {
        set.remove(&item);
    }
}

/// The preferences page.
#[component]
pub fn PreferencesPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let area = crate::ui::area_state::AreaState::expect();
    let prefs = state.preferences;

    let distance_value = move || {
        prefs.with(|p| {
            p.max_distance_km
                .map(|km| (km.round() as u32).to_string())
                .unwrap_or_default()
        })
    };
    let cost_value = move || match prefs.with(|p| p.cost) {
        CostLimit::FreeOnly => "free".to_string(),
        CostLimit::UpTo { minor_units } => (minor_units / 100).to_string(),
        CostLimit::Any => String::new(),
    };

    let times = Weekday::ALL
        .iter()
        .copied()
        .map(|day| {
            let parts = DayPart::ALL
                .iter()
                .copied()
                .map(|part| {
                    let slot = TimeSlot { day, part };
                    view! {
                        <label class="choice">
                            <input
                                type="checkbox"
                                name="times"
                                value=format!("{}-{}", day.as_str(), part.as_str())
                                prop:checked=move || prefs.with(|p| p.times.contains(&slot))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    state.update_preferences(|p| toggle(&mut p.times, slot, on));
                                }
                            />
                            <span>{move || part.label(i18n.get_locale())}</span>
                        </label>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="choices day">
                    <legend>{move || day.label(i18n.get_locale())}</legend>
                    {parts}
                </fieldset>
            }
        })
        .collect_view();

    let languages = LANGUAGES
        .iter()
        .map(|&tag| {
            let label = move || language_name(tag, i18n.get_locale()).unwrap_or(tag);
            view! {
                <label class="choice">
                    <input
                        type="checkbox"
                        name="languages"
                        value=tag
                        prop:checked=move || prefs.with(|p| p.languages.iter().any(|l| l == tag))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            state.update_preferences(|p| {
                                p.languages.retain(|l| l != tag);
                                if on {
                                    p.languages.push(tag.to_string());
                                }
                            });
                        }
                    />
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();

    view! {
        <PageHeading>{t!(i18n, prefs.title)}</PageHeading>
        <p class="lead">{t!(i18n, prefs.intro)}</p>
        <form class="stack" on:submit=|ev| ev.prevent_default()>
            <CheckboxGroup
                legend=Signal::derive(move || t_string!(i18n, prefs.interests_legend).to_string())
                hint=Signal::derive(move || t_string!(i18n, prefs.interests_hint).to_string())
                name="interests"
                value=Signal::derive(move || prefs.with(|p| p.interests.clone()))
                on_toggle=Callback::new(move |(interest, on): (Interest, bool)| {
                    state.update_preferences(|p| toggle(&mut p.interests, interest, on))
                })
            />
            <h2>{t!(i18n, prefs.practical_title)}</h2>
            <CheckboxGroup
                legend=Signal::derive(move || t_string!(i18n, prefs.travel_legend).to_string())
                name="travel"
                value=Signal::derive(move || prefs.with(|p| p.travel.clone()))
                on_toggle=Callback::new(move |(mode, on): (TravelMode, bool)| {
                    state.update_preferences(|p| toggle(&mut p.travel, mode, on))
                })
            />
            <div class="field">
                <label for="distance">{t!(i18n, prefs.distance_label)}</label>
                <select
                    id="distance"
                    prop:value=distance_value
                    on:change=move |ev| {
                        let km = event_target_value(&ev).parse::<f32>().ok();
                        state.update_preferences(|p| p.max_distance_km = km);
                    }
                >
                    <option value="">{t!(i18n, prefs.distance_any)}</option>
                    {DISTANCES
                        .iter()
                        .map(|&km| {
                            view! {
                                <option value=km.to_string()>
                                    {move || {
                                        let locale = i18n.get_locale();
                                        td_string!(locale, prefs.distance_km, km = intl::number(locale, f64::from(km)))
                                    }}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="cost">{t!(i18n, prefs.cost_label)}</label>
                <select
                    id="cost"
                    prop:value=cost_value
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        let cost = match value.as_str() {
                            "free" => CostLimit::FreeOnly,
                            "" => CostLimit::Any,
                            pounds => pounds
                                .parse::<u32>()
                                .map(|p| CostLimit::UpTo { minor_units: p * 100 })
                                .unwrap_or(CostLimit::Any),
                        };
                        state.update_preferences(|p| p.cost = cost);
                    }
                >
                    <option value="">{t!(i18n, prefs.cost_any)}</option>
                    <option value="free">{t!(i18n, prefs.cost_free)}</option>
                    {COST_LIMITS
                        .iter()
                        .map(|&pounds| {
                            view! {
                                <option value=pounds.to_string()>
                                    {move || {
                                        let locale = i18n.get_locale();
                                        let currency = area.settings.with(|s| s.currency_code().to_string());
                                        let price = intl::price(locale, f64::from(pounds), &currency);
                                        td_string!(locale, prefs.cost_up_to, price = price)
                                    }}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <section class="stack" aria-labelledby="times-title">
                <h3 id="times-title">{t!(i18n, prefs.times_legend)}</h3>
                <p class="hint">{t!(i18n, prefs.times_hint)}</p>
                <div class="days">{times}</div>
            </section>
            <CheckboxGroup
                legend=Signal::derive(move || t_string!(i18n, prefs.access_legend).to_string())
                name="access"
                value=Signal::derive(move || prefs.with(|p| p.access.clone()))
                on_toggle=Callback::new(move |(need, on): (AccessNeed, bool)| {
                    state.update_preferences(|p| toggle(&mut p.access, need, on))
                })
            />
            <fieldset class="choices">
                <legend>{t!(i18n, prefs.language_legend)}</legend>
                {languages}
            </fieldset>
            <div class="actions">
                <a class="button primary" href=Route::Suggestions.href()>{t!(i18n, prefs.next)}</a>
            </div>
        </form>
    }
}
