//! "Suggestions for you": resources from the area's directory that fit, each with its reasons;
//! choose up to three and make a small plan for each. A phone shows a short choice first (the
//! best few for each interest named, compact cards); every other suggestion is one tap away,
//! best first, a page at a time. Only what is shown is put in order (`matching::find`, then
//! the best few), and choosing does not match the directory again.

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

use std::collections::BTreeSet;
use std::sync::Arc;

use genie_core::area::LatLon;
use genie_core::directory::Reach;
use genie_core::matching::{self, Suggestion};
use genie_core::model::Interest;
use leptos::prelude::*;

use crate::i18n::*;
use crate::platform;
use crate::session::{Session, StorageHealth};
use crate::ui::area_state::{AreaState, AreaStatus};
use crate::ui::components::{NearbyMap, NearbyPlace, PageHeading, SafetyNet};
use card::SuggestionCard;
use offers::LimitOffers;
use plan::ChosenList;
use relax::RelaxLimit;

/// How many "all other suggestions" shows at first, and adds on "Show more".
const PAGE: usize = 20;
/// The short list: at least this many for each interest named...
const PER_INTEREST: usize = 3;
/// ...and about this many in all when one or two interests were named.
const SHORT_TOTAL: usize = 6;

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
    // Only entries reported closed matter to matching, not every change to the choices: a
    // choice made on this page must not match the whole directory again.
    let closed = Memo::new(move |_| {
        state.choices.with(|cs| {
            cs.iter()
                .filter(|c| c.reported_closed())
                .map(|c| c.resource_id.clone())
                .collect::<BTreeSet<String>>()
        })
    });
    // A directory in tiles: fetch the tiles within the person's reach, and more if they
    // widen it.
    // Not before the person's answers are read: default answers have no limit, which would
    // fetch every tile.
    // And the tiles of entries already chosen, so each plan can say where its activity is
    // even after the person narrows their reach.
    let chosen_places = Memo::new(move |_| {
        state.choices.with(|cs| {
            cs.iter()
                .filter_map(|c| c.resource_at.map(|p| (p.lat, p.lon)))
                .collect::<Vec<_>>()
        })
    });
    Effect::new(move |_| {
        let read = !matches!(state.health.get(), StorageHealth::Opening);
        if read && area.index.with(Option::is_some) {
            let home = home.get();
            let max_km = state.preferences.with(|p| matching::max_km(p, home));
            chosen_places.with(|chosen| area.want(home, max_km, chosen));
        }
    });
    let matches = Memo::new(move |_| {
        if area.status.get() != AreaStatus::Ready || area.pending.get() {
            return None;
        }
        let directory = area.directory.get();
        let conditions = state.profile.with(|p| p.conditions.clone());
        let mut found = state.preferences.with(|prefs| {
            state.wave.with(|w| {
                matching::find(
                    &directory,
                    prefs,
                    home.get(),
                    &w.network,
                    &conditions,
                    platform::today(),
                )
            })
        });
        closed.with(|closed| found.found.retain(|s| !closed.contains(&s.id)));
        Some(Arc::new(found))
    });
    let interests = Memo::new(move |_| state.preferences.with(|p| p.interests.clone()));
    let groups = Memo::new(move |_| {
        let found = matches.get()?;
        let groups = area.directory.with(|d| {
            interests.with(|i| matching::shortlist(&found, d, i, PER_INTEREST, SHORT_TOTAL))
        });
        Some(groups)
    });
    let short_count = Memo::new(move |_| {
        groups.with(|g| {
            g.as_ref()
                .map_or(0, |g| g.iter().map(|g| g.suggestions.len()).sum::<usize>())
        })
    });
    // "All other suggestions": closed until asked for, then a page at a time.
    let rest_open = RwSignal::new(false);
    let rest_shown = RwSignal::new(PAGE);
    let rest = Memo::new(move |_| {
        if !rest_open.get() {
            return Vec::new();
        }
        let Some(found) = matches.get() else {
            return Vec::new();
        };
        let shown = groups.with(|g| g.as_deref().map(matching::shown_in).unwrap_or_default());
        area.directory
            .with(|d| found.best_where(d, rest_shown.get(), |s| !shown.contains(&s.index)))
    });
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

    // The map shows what the lists show, numbered as they are: the short list first, then
    // "all other suggestions" once opened.
    let map = move || {
        let (lat, lon) = home.get()?;
        let directory = area.directory.get();
        let mut listed: Vec<Suggestion> = groups
            .get()?
            .into_iter()
            .flat_map(|g| g.suggestions)
            .collect();
        listed.extend(rest.get());
        let places: Vec<NearbyPlace> = listed
            .iter()
            .enumerate()
            .filter_map(|(i, s)| match &directory.resources.get(s.index)?.reach {
                Reach::Local { location } => Some(NearbyPlace {
                    number: i + 1,
                    name: directory.resources.get(s.index)?.name.clone(),
                    at: LatLon {
                        lat: location.lat,
                        lon: location.lon,
                    },
                }),
                _ => None,
            })
            .collect();
        (!places.is_empty()).then(|| view! { <NearbyMap home=LatLon { lat, lon } places=places /> })
    };

    let card = move |s: Suggestion| {
        let resource = area.directory.with(|d| d.resources.get(s.index).cloned())?;
        Some(view! { <SuggestionCard suggestion=s resource=resource refused=refused /> })
    };

    let short_list = move || {
        let mut start = 1;
        groups
            .get()
            .unwrap_or_default()
            .into_iter()
            .map(|group| {
                let title = match group.interest {
                    Some(interest) => group_title(interest, i18n.get_locale()),
                    None => td_string!(i18n.get_locale(), suggest_group.best),
                };
                let first = start;
                start += group.suggestions.len();
                let body = if group.suggestions.is_empty() {
                    view! { <p class="hint">{t!(i18n, suggest.group_none)}</p> }.into_any()
                } else {
                    let cards = group
                        .suggestions
                        .into_iter()
                        .filter_map(card)
                        .collect_view();
                    view! { <ol class="suggestions" start=first>{cards}</ol> }.into_any()
                };
                view! {
                    <section class="suggestion-group">
                        <h3>{title}</h3>
                        {body}
                    </section>
                }
            })
            .collect_view()
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
            // Only whether there is anything, and how many: the lists follow on their own.
            let Some((total, excluded_most_by)) =
                matches.with(|m| m.as_ref().map(|m| (m.len(), m.excluded_most_by)))
            else {
                // The tiles for this person's reach are still on their way.
                return view! { <Preparing /> }.into_any();
            };
            if total == 0 {
                return view! {
                    <p class="lead" data-testid="no-match">{t!(i18n, suggest.none)}</p>
                    <RelaxLimit limit=excluded_most_by />
                }
                .into_any();
            }
            // The count is a plain number here; the languages work formats it for the locale.
            let others = move || total.saturating_sub(short_count.get());
            view! {
                <p data-testid="suggestion-count">{move || t_string!(i18n, suggest.count, count = total)}</p>
                <p class="hint">{t!(i18n, suggest.short_intro)}</p>
                {map}
                <div data-testid="suggestions">
                    {short_list}
                    <Show when=move || rest_open.get()>
                        <section class="suggestion-group" id="more-suggestions">
                            <h3>{t!(i18n, suggest.rest_title)}</h3>
                            <ol class="suggestions" start=move || short_count.get() + 1>
                                <For
                                    each=move || rest.get()
                                    key=|s| (s.index, s.score)
                                    children=move |s| card(s)
                                />
                            </ol>
                        </section>
                    </Show>
                </div>
                <Show when=move || rest_open.get() && rest.with(Vec::len) < others()>
                    <button type="button" class="button" on:click=move |_| rest_shown.update(|n| *n += PAGE)>
                        {t!(i18n, suggest.show_more)}
                    </button>
                </Show>
                <Show when=move || { others() > 0 }>
                    <button
                        type="button"
                        class="button"
                        data-testid="show-all"
                        aria-expanded=move || if rest_open.get() { "true" } else { "false" }
                        aria-controls="more-suggestions"
                        on:click=move |_| {
                            rest_open.update(|open| *open = !*open);
                            rest_shown.set(PAGE);
                        }
                    >
                        {move || {
                            if rest_open.get() {
                                t_string!(i18n, suggest.show_fewer).to_string()
                            } else {
                                t_string!(i18n, suggest.show_all, count = total)
                            }
                        }}
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

/// While the tiles for the person's reach are fetched and checked: how far it has got.
#[component]
fn Preparing() -> impl IntoView {
    let i18n = use_i18n();
    let area = AreaState::expect();
    let progress = move || {
        area.progress.get().map(|(done, total)| {
            let locale = i18n.get_locale();
            let words = t_string!(
                i18n,
                suggest.loading_progress,
                done = intl::number(locale, done as f64),
                total = intl::number(locale, total as f64)
            );
            view! {
                <progress max=total value=done aria-labelledby="preparing-label"></progress>
                <p class="hint">{words}</p>
            }
        })
    };
    view! {
        <div class="preparing" data-testid="preparing">
            <p role="status" id="preparing-label">{t!(i18n, suggest.loading)}</p>
            {progress}
        </div>
    }
}

/// The heading of one interest's few suggestions.
fn group_title(interest: Interest, locale: Locale) -> &'static str {
    match interest {
        Interest::Creative => td_string!(locale, suggest_group.creative),
        Interest::Social => td_string!(locale, suggest_group.social),
        Interest::LearnAboutHealth => td_string!(locale, suggest_group.learn_about_health),
        Interest::LoseWeight => td_string!(locale, suggest_group.lose_weight),
        Interest::GetFitter => td_string!(locale, suggest_group.get_fitter),
        Interest::LearnSkills => td_string!(locale, suggest_group.learn_skills),
        Interest::Carer => td_string!(locale, suggest_group.carer),
        Interest::SeeOthers => td_string!(locale, suggest_group.see_others),
        Interest::StayIndependent => td_string!(locale, suggest_group.stay_independent),
        Interest::CommunityTransport => td_string!(locale, suggest_group.community_transport),
        Interest::HelpOthers => td_string!(locale, suggest_group.help_others),
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
