//! "About you": optional area, age band, gender and conditions, saved as they are entered.

use genie_core::model::{AgeBand, Condition, Gender};
use leptos::prelude::*;

use crate::i18n::*;
use crate::platform::{self, LocateError};
use crate::session::Session;
use crate::ui::area_state::{AreaState, AreaStatus};
use crate::ui::components::{CheckboxGroup, PageHeading, RadioGroup};
use crate::ui::route::Route;

/// The optional questions that tailor suggestions.
#[component]
pub fn AboutYouPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let profile = state.profile;
    let text = move |s: &'static str| s.to_string();
    // The examples are the area's own (area.json), so they work in its lookup.
    let area = AreaState::expect();
    let area_hint = move || {
        let locale = i18n.get_locale();
        let examples: Vec<String> = area
            .settings
            .with(|s| s.examples().into_iter().map(str::to_string).collect());
        if examples.is_empty() {
            td_string!(locale, about.area_hint_plain).to_string()
        } else {
            td_string!(
                locale,
                about.area_hint,
                examples = intl::list_or(locale, &examples)
            )
        }
    };

    view! {
        <PageHeading>{t!(i18n, about.title)}</PageHeading>
        <p class="lead">{t!(i18n, about.intro)}</p>
        <form class="stack" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="area">{t!(i18n, about.area_label)}</label>
                <p class="hint" id="area-hint">{area_hint}</p>
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
                <UseMyLocation />
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

/// How far from the nearest known neighbourhood a device can be and still be "in" the area.
const NEIGHBOURHOOD_REACH_KM: f64 = 5.0;

/// What happened when the person asked to use their location.
#[derive(Debug, Clone, PartialEq)]
enum LocateOutcome {
    Idle,
    Asking,
    Found(String),
    OutsideArea,
    Failed(LocateError),
}

/// "Find my area for me": asks the device where it is, once, and fills in the nearest
/// neighbourhood's name. Only that name is kept; the position itself is dropped at once.
#[component]
fn UseMyLocation() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let area = AreaState::expect();
    let outcome = RwSignal::new(LocateOutcome::Idle);
    let locate = move |_| {
        area.ensure_loaded();
        outcome.set(LocateOutcome::Asking);
        leptos::task::spawn_local(async move {
            let result = platform::current_position().await;
            // The lookup may still be loading on a slow connection: wait for it briefly.
            for _ in 0..50 {
                if area.status.get_untracked() != AreaStatus::Loading {
                    break;
                }
                platform::sleep_ms(100).await;
            }
            let next = match result {
                Err(error) => LocateOutcome::Failed(error),
                Ok(at) => match area.lookup.with_untracked(|l| {
                    l.nearest_neighbourhood(at, NEIGHBOURHOOD_REACH_KM)
                        .map(|p| p.name.clone())
                }) {
                    Some(name) => {
                        let typed = name.clone();
                        state.update_profile(|p| p.area = typed);
                        LocateOutcome::Found(name)
                    }
                    None => LocateOutcome::OutsideArea,
                },
            };
            outcome.set(next);
        });
    };
    let message = move || match outcome.get() {
        LocateOutcome::Idle => String::new(),
        LocateOutcome::Asking => t_string!(i18n, about.locating).to_string(),
        LocateOutcome::Found(name) => t_string!(i18n, about.located, name = name),
        LocateOutcome::OutsideArea => t_string!(i18n, about.locate_outside).to_string(),
        LocateOutcome::Failed(LocateError::Denied) => {
            t_string!(i18n, about.locate_denied).to_string()
        }
        LocateOutcome::Failed(_) => t_string!(i18n, about.locate_failed).to_string(),
    };
    view! {
        <p class="hint">{t!(i18n, about.locate_hint)}</p>
        <button
            type="button"
            class="button"
            data-testid="use-location"
            disabled=move || outcome.get() == LocateOutcome::Asking
            on:click=locate
        >
            {t!(i18n, about.locate)}
        </button>
        <p role="status" data-testid="locate-status">{message}</p>
    }
}
