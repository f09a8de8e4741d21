//! "Suggestions for you": resources from the area's directory that fit, best first, each with
//! its reasons; choose up to three and make a small plan for each.

use genie_core::area::LatLon;
use genie_core::directory::{Reach, Resource};
use genie_core::matching::{self, Limit, Reason, Suggestion};
use genie_core::model::{Barrier, ChoiceId, MemberId, Network, TravelMode, MAX_ACTIVE_CHOICES};
use leptos::prelude::*;

use crate::i18n::*;
use crate::platform;
use crate::ui::area_state::{AreaState, AreaStatus};
use crate::ui::components::network_map::display_name;
use crate::ui::components::{CheckboxGroup, NearbyMap, NearbyPlace, PageHeading};
use crate::ui::labels::{area_phrase, language_name, Labelled};
use crate::ui::route::Route;
use crate::ui::state::{AppState, ChooseError};

/// How many suggestions are shown at first, and added by "Show more".
const PAGE: usize = 20;

/// The suggestions page.
#[component]
pub fn SuggestionsPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = AppState::expect();
    let area = AreaState::expect();
    area.ensure_loaded();

    let home = Memo::new(move |_| {
        let typed = state.profile.with(|p| p.area.clone());
        area.lookup
            .with(|l| l.locate(&typed))
            .map(|p| (p.lat, p.lon))
    });
    let results = Memo::new(move |_| {
        if area.status.get() != AreaStatus::Ready {
            return None;
        }
        let directory = area.directory.get();
        let found = state.preferences.with(|prefs| {
            state.wave.with(|w| {
                matching::suggest(&directory, prefs, home.get(), &w.network, platform::today())
            })
        });
        Some(found)
    });
    let shown = RwSignal::new(PAGE);
    let full_message = RwSignal::new(false);

    let home_note = move || {
        let typed = state.profile.with(|p| p.area.trim().to_string());
        if typed.is_empty() {
            Some(t_string!(i18n, suggest.no_home).to_string())
        } else if home.get().is_none() && area.status.get() == AreaStatus::Ready {
            Some(t_string!(i18n, suggest.home_unknown, area = typed))
        } else {
            None
        }
    };

    let body = move || match area.status.get() {
        AreaStatus::NotLoaded | AreaStatus::Loading => {
            view! { <p role="status">{t!(i18n, suggest.loading)}</p> }.into_any()
        }
        AreaStatus::Failed => view! {
            <div class="notice" role="alert">
                <p>{t!(i18n, suggest.failed)}</p>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        area.status.set(AreaStatus::NotLoaded);
                        area.ensure_loaded();
                    }
                >
                    {t!(i18n, suggest.retry)}
                </button>
            </div>
        }
        .into_any(),
        AreaStatus::Ready => {
            let Some(found) = results.get() else {
                return ().into_any();
            };
            if found.ranked.is_empty() {
                let relax = found.excluded_most_by.map(|limit| {
                    view! {
                        <p data-testid="relax">
                            {move || t_string!(i18n, suggest.relax, limit = limit_words(limit, i18n.get_locale()))}
                        </p>
                    }
                });
                return view! {
                    <p class="lead" data-testid="no-match">{t!(i18n, suggest.none)}</p>
                    {relax}
                    <a class="button primary" href=Route::Preferences.href()>
                        {t!(i18n, suggest.change_prefs)}
                    </a>
                }
                .into_any();
            }
            let total = found.ranked.len();
            let directory = area.directory.get();
            // The map shows the same suggestions as the list, numbered alike.
            let nearby: Vec<NearbyPlace> = found
                .ranked
                .iter()
                .take(shown.get())
                .enumerate()
                .filter_map(|(i, s)| {
                    let resource = directory.resources.get(s.index)?;
                    match &resource.reach {
                        Reach::Local { location } => Some(NearbyPlace {
                            number: i + 1,
                            name: resource.name.clone(),
                            at: LatLon {
                                lat: location.lat,
                                lon: location.lon,
                            },
                        }),
                        _ => None,
                    }
                })
                .collect();
            let map = home.get().filter(|_| !nearby.is_empty()).map(|(lat, lon)| {
                view! { <NearbyMap home=LatLon { lat, lon } places=nearby /> }
            });
            let cards = found
                .ranked
                .into_iter()
                .take(shown.get())
                .filter_map(|s| {
                    let resource = directory.resources.get(s.index)?.clone();
                    Some(view! { <SuggestionCard suggestion=s resource=resource full_message=full_message /> })
                })
                .collect_view();
            view! {
                <p data-testid="suggestion-count">{move || t_string!(i18n, suggest.count, count = total)}</p>
                {map}
                <ol class="suggestions" data-testid="suggestions">{cards}</ol>
                <Show when=move || { shown.get() < total }>
                    <button type="button" class="button" on:click=move |_| shown.update(|n| *n += PAGE)>
                        {t!(i18n, suggest.show_more)}
                    </button>
                </Show>
            }
            .into_any()
        }
    };

    view! {
        <PageHeading>{t!(i18n, suggest.title)}</PageHeading>
        <p class="lead">{t!(i18n, suggest.intro)}</p>
        {move || home_note().map(|note| view! { <p class="hint">{note}</p> })}
        <ChosenList />
        <p class="problem" role="alert" data-testid="choose-refused">
            {move || full_message.get().then(|| t_string!(i18n, suggest.full))}
        </p>
        <h2>{t!(i18n, suggest.list_title)}</h2>
        {body}
    }
}

/// One suggestion: what it is, why it was suggested, and a way to choose it.
#[component]
fn SuggestionCard(
    suggestion: Suggestion,
    resource: Resource,
    full_message: RwSignal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = AppState::expect();
    let id = resource.id.clone();
    let name = resource.name.clone();
    let heading_id = format!("s-{}", resource.id);
    let chosen = {
        let id = id.clone();
        move || {
            state
                .choices
                .with(|cs| cs.iter().any(|c| c.resource_id == id))
        }
    };
    let is_chosen = chosen.clone();
    let reasons = suggestion.reasons.clone();
    let reason_items = move || {
        let locale = i18n.get_locale();
        let words: Vec<(&'static str, String)> = state.wave.with(|w| {
            reasons
                .iter()
                .map(|r| (r.as_str(), reason_words(r, &w.network, locale)))
                .collect()
        });
        words
            .into_iter()
            .map(|(word, text)| view! { <li data-reason=word>{text}</li> })
            .collect_view()
    };
    let checked = resource.checked.map(String::from);
    let phone = resource.contact.phone.clone();
    let choose = move |_| match state.choose(&id, &name) {
        Ok(count) => {
            full_message.set(false);
            state.announce(t_string!(
                i18n,
                suggest.chose,
                name = name.clone(),
                count = count
            ));
        }
        Err(ChooseError::Full) => full_message.set(true),
        Err(ChooseError::AlreadyChosen) => {}
    };
    view! {
        <li class="suggestion" data-resource=resource.id.clone()>
            <h3 id=heading_id dir="auto">{resource.name.clone()}</h3>
            <p dir="auto">{resource.description.clone()}</p>
            <ul class="reasons">{reason_items}</ul>
            {(!phone.is_empty()).then(|| view! {
                <p class="contact">{t!(i18n, suggest.contact)} ": " <a href=format!("tel:{}", phone.replace(' ', ""))>{phone.clone()}</a></p>
            })}
            {checked.map(|date| view! {
                <p class="hint">{move || t_string!(i18n, suggest.last_checked, date = date.clone())}</p>
            })}
            <button
                type="button"
                class="button primary"
                disabled=is_chosen
                on:click=choose
            >
                {move || if chosen() { t_string!(i18n, suggest.chosen) } else { t_string!(i18n, suggest.choose) }}
            </button>
        </li>
    }
}

/// The choices made so far, each with its small plan.
#[component]
fn ChosenList() -> impl IntoView {
    let i18n = use_i18n();
    let state = AppState::expect();
    let ids = move || {
        state
            .choices
            .with(|cs| cs.iter().map(|c| c.id).collect::<Vec<_>>())
    };
    view! {
        <section class="chosen" aria-labelledby="chosen-title">
            <h2 id="chosen-title">
                {t!(i18n, suggest.chosen_title)} " (" {move || state.choices.with(Vec::len)} "/" {MAX_ACTIVE_CHOICES} ")"
            </h2>
            <Show when=move || state.choices.with(Vec::is_empty)>
                <p>{t!(i18n, suggest.chosen_none)}</p>
            </Show>
            <For each=ids key=|id| *id let:id>
                <PlanForm id=id />
            </For>
        </section>
    }
}

/// The small plan for one choice: first step, when, with whom, what might get in the way.
#[component]
fn PlanForm(id: ChoiceId) -> impl IntoView {
    let i18n = use_i18n();
    let state = AppState::expect();
    let read = move |f: fn(&genie_core::model::Choice) -> String| {
        state
            .choices
            .with(|cs| cs.iter().find(|c| c.id == id).map(f).unwrap_or_default())
    };
    let name = move || read(|c| c.resource_name.clone());
    let prefix = format!("plan-{}", id.0);
    let (step_id, when_id, with_id) = (
        format!("{prefix}-step"),
        format!("{prefix}-when"),
        format!("{prefix}-with"),
    );
    let members = move || {
        state.wave.with(|w| {
            w.network
                .members
                .iter()
                .map(|m| (m.id, m.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let with_value = move || {
        state.choices.with(|cs| {
            cs.iter()
                .find(|c| c.id == id)
                .and_then(|c| c.plan.with_member)
                .map(|m| m.0.to_string())
                .unwrap_or_default()
        })
    };
    let barriers = Signal::derive(move || {
        state.choices.with(|cs| {
            cs.iter()
                .find(|c| c.id == id)
                .map(|c| c.plan.expected_barriers.clone())
                .unwrap_or_default()
        })
    });
    let barrier_name = format!("{prefix}-barriers");
    view! {
        <article class="plan" data-choice=id.0>
            <h3 dir="auto">{move || t_string!(i18n, suggest.plan_title, name = name())}</h3>
            <div class="field">
                <label for=step_id.clone()>{t!(i18n, suggest.first_step)}</label>
                <p class="hint">{t!(i18n, suggest.first_step_hint)}</p>
                <input
                    id=step_id
                    type="text"
                    maxlength="300"
                    prop:value=move || read(|c| c.plan.first_step.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        state.update_choice(id, |c| c.plan.first_step = text);
                    }
                />
            </div>
            <div class="field">
                <label for=when_id.clone()>{t!(i18n, suggest.when)}</label>
                <input
                    id=when_id
                    type="text"
                    maxlength="100"
                    prop:value=move || read(|c| c.plan.when_text.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        state.update_choice(id, |c| c.plan.when_text = text);
                    }
                />
            </div>
            <div class="field">
                <label for=with_id.clone()>{t!(i18n, suggest.with)}</label>
                <select
                    id=with_id
                    prop:value=with_value
                    on:change=move |ev| {
                        let member = event_target_value(&ev).parse::<u32>().ok().map(MemberId);
                        state.update_choice(id, |c| c.plan.with_member = member);
                    }
                >
                    <option value="">{t!(i18n, suggest.nobody)}</option>
                    {move || {
                        members()
                            .into_iter()
                            .map(|(member, name)| view! { <option value=member.0.to_string()>{name}</option> })
                            .collect_view()
                    }}
                </select>
            </div>
            <CheckboxGroup
                legend=Signal::derive(move || t_string!(i18n, suggest.barriers).to_string())
                name=barrier_name
                value=barriers
                on_toggle=Callback::new(move |(barrier, on): (Barrier, bool)| {
                    state.update_choice(id, |c| {
                        if on {
                            c.plan.expected_barriers.insert(barrier);
                        } else {
                            c.plan.expected_barriers.remove(&barrier);
                        }
                    })
                })
            />
            <button
                type="button"
                class="button danger"
                on:click=move |_| {
                    let gone = name();
                    state.remove_choice(id);
                    state.announce(t_string!(i18n, suggest.removed, name = gone));
                }
            >
                {t!(i18n, suggest.remove)}
            </button>
        </article>
    }
}

/// Words for the limit that left most out.
fn limit_words(limit: Limit, locale: Locale) -> &'static str {
    match limit {
        Limit::Interest => td_string!(locale, limit.interest),
        Limit::Status => td_string!(locale, limit.status),
        Limit::Distance => td_string!(locale, limit.distance),
        Limit::Cost => td_string!(locale, limit.cost),
        Limit::Time => td_string!(locale, limit.time),
        Limit::Access => td_string!(locale, limit.access),
        Limit::Language => td_string!(locale, limit.language),
    }
}

/// One reason in words.
fn reason_words(reason: &Reason, network: &Network, locale: Locale) -> String {
    let member_name = |id: &MemberId| {
        let name = network
            .get(*id)
            .map(|m| m.name.as_str())
            .unwrap_or_default();
        display_name(name, locale).to_string()
    };
    match reason {
        Reason::MatchesInterest(sub) => {
            td_string!(locale, reason.matches_interest, what = sub.label(locale))
        }
        Reason::Distance { km, mode } => {
            let km = format!("{km:.1}");
            match mode {
                Some(mode) => td_string!(
                    locale,
                    reason.distance_by,
                    km = km,
                    how = travel_phrase(*mode, locale)
                ),
                None => td_string!(locale, reason.distance, km = km),
            }
        }
        Reason::Online => td_string!(locale, reason.online).to_string(),
        Reason::National => td_string!(locale, reason.national).to_string(),
        Reason::Time { day, part } => td_string!(
            locale,
            reason.time,
            day = day.label(locale),
            part = part.label(locale).to_lowercase()
        ),
        Reason::Free => td_string!(locale, reason.free).to_string(),
        Reason::CostUnknown => td_string!(locale, reason.cost_unknown).to_string(),
        Reason::Access(need) => td_string!(locale, reason.access, what = need.label(locale)),
        Reason::Language(tag) => {
            td_string!(
                locale,
                reason.language,
                what = language_name(tag, locale).unwrap_or(tag.as_str())
            )
        }
        Reason::ComeAlong { member, gives_lift } => {
            if *gives_lift {
                td_string!(locale, reason.come_along_lift, name = member_name(member))
            } else {
                td_string!(locale, reason.come_along, name = member_name(member))
            }
        }
        Reason::FillsGap(area) => {
            td_string!(locale, reason.fills_gap, what = area_phrase(*area, locale))
        }
        Reason::NotCheckedRecently { days } => {
            td_string!(locale, reason.not_checked_recently, days = *days)
        }
        Reason::NeverChecked => td_string!(locale, reason.never_checked).to_string(),
    }
}

fn travel_phrase(mode: TravelMode, locale: Locale) -> String {
    mode.label(locale).to_lowercase()
}
