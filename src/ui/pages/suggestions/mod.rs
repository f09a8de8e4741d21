//! "Suggestions for you": resources from the area's directory that fit, best first, each with
//! its reasons; choose up to three and make a small plan for each.

mod check_in;
mod offers;
mod plan;
mod share_notes;
mod words;

use genie_core::area::LatLon;
use genie_core::directory::{Reach, Resource};
use genie_core::matching::{self, Suggestion};
use leptos::prelude::*;

use crate::i18n::*;
use crate::platform;
use crate::ui::area_state::{AreaState, AreaStatus};
use crate::ui::components::{NearbyMap, NearbyPlace, PageHeading};
use crate::ui::route::Route;
use crate::ui::state::{AppState, ChooseError};
use offers::LimitOffers;
use plan::ChosenList;
use words::{limit_words, reason_words};

/// How many suggestions are shown at first, and added by "Show more".
const PAGE: usize = 20;

/// The suggestions page.
#[component]
pub fn SuggestionsPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = AppState::expect();
    let area = AreaState::expect();
    area.ensure_loaded();

    let closed_ids = move || {
        state.choices.with(|cs| {
            cs.iter()
                .filter(|c| c.reported_closed())
                .map(|c| c.resource_id.clone())
                .collect::<std::collections::BTreeSet<_>>()
        })
    };
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
        let conditions = state.profile.with(|p| p.conditions.clone());
        let mut found = state.preferences.with(|prefs| {
            state.wave.with(|w| {
                matching::suggest(
                    &directory,
                    prefs,
                    home.get(),
                    &w.network,
                    &conditions,
                    platform::today(),
                )
            })
        });
        // What the person found closed is not suggested to them again.
        let closed = closed_ids();
        found.ranked.retain(|s| {
            directory
                .resources
                .get(s.index)
                .map_or(true, |r| !closed.contains(&r.id))
        });
        Some(found)
    });
    let shown = RwSignal::new(PAGE);
    let hidden_note = move || {
        let names = state.choices.with(|cs| {
            cs.iter()
                .filter(|c| c.reported_closed())
                .map(|c| c.resource_name.clone())
                .collect::<Vec<_>>()
        });
        (!names.is_empty()).then(|| {
            view! { <p class="hint">{t_string!(i18n, suggest.hidden_closed, names = names.join(", "))}</p> }
        })
    };
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
        AreaStatus::Unusable => view! { <DirectoryUnusable /> }.into_any(),
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
        <LimitOffers />
        <p class="problem" role="alert" data-testid="choose-refused">
            {move || full_message.get().then(|| t_string!(i18n, suggest.full))}
        </p>
        <h2>{t!(i18n, suggest.list_title)}</h2>
        {hidden_note}
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

/// The area's list arrived but nothing in it can be used: not the person's doing, and not
/// something a change of answers would fix, so say so and give the area's contact.
#[component]
fn DirectoryUnusable() -> impl IntoView {
    let i18n = use_i18n();
    let area = AreaState::expect();
    let contact = move || area.settings.with(|s| s.contact.trim().to_string());
    view! {
        <div class="notice" role="alert" data-testid="directory-unusable">
            <p>{t!(i18n, suggest.unusable)}</p>
            <Show when=move || !contact().is_empty()>
                <p dir="auto">
                    {move || t_string!(i18n, suggest.unusable_contact, contact = contact())}
                </p>
            </Show>
        </div>
    }
}
