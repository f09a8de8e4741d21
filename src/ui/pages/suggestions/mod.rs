//! "Suggestions for you": resources from the area's directory that fit, best first, each with
//! its reasons; choose up to three and make a small plan for each.

mod card;
mod check_in;
mod facts;
mod offers;
mod plan;
mod relax;
mod remove;
mod share_notes;
mod tried;
mod words;

use genie_core::area::LatLon;
use genie_core::directory::Reach;
use genie_core::matching;
use leptos::prelude::*;

use crate::i18n::*;
use crate::platform;
use crate::session::Session;
use crate::ui::area_state::{AreaState, AreaStatus};
use crate::ui::components::{NearbyMap, NearbyPlace, PageHeading, SafetyNet};
use card::SuggestionCard;
use offers::LimitOffers;
use plan::ChosenList;
use relax::RelaxLimit;

/// How many suggestions are shown at first, and added by "Show more".
const PAGE: usize = 20;

/// The suggestions page.
#[component]
pub fn SuggestionsPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
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
        state
            .choices
            .with(|cs| matching::drop_reported_closed(&mut found, &directory, cs));
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
            let names = intl::list(i18n.get_locale(), &names);
            view! { <p class="hint">{t_string!(i18n, suggest.hidden_closed, names = names)}</p> }
        })
    };
    // The card whose "Choose this" was refused, to say why beside it.
    let refused = RwSignal::new(None::<String>);

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
                return view! {
                    <p class="lead" data-testid="no-match">{t!(i18n, suggest.none)}</p>
                    <RelaxLimit limit=found.excluded_most_by />
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
                    Some(
                        view! { <SuggestionCard suggestion=s resource=resource refused=refused /> },
                    )
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
        <Show when=move || state.choices.with(|c| !c.is_empty())>
            <SafetyNet />
        </Show>
        <LimitOffers />
        <h2>{t!(i18n, suggest.list_title)}</h2>
        {hidden_note}
        {body}
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
