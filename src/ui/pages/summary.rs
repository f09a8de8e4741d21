//! "What your map shows": counts, who helps with what, light connections, the network's
//! shape and a few kind observations, all read from the core's summary.

use genie_core::model::{Circle, MemberId, MemberKind, Network, SupportArea};
use genie_core::summary::{self, NetworkType, Observation};
use leptos::prelude::*;

use crate::i18n::*;
use crate::session::Session;
use crate::ui::components::network_map::display_name;
use crate::ui::components::{PageHeading, SafetyNet};
use crate::ui::labels::{area_phrase, Labelled};
use crate::ui::route::Route;

/// The summary of the open wave's map.
#[component]
pub fn SummaryPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let summary = Memo::new(move |_| state.wave.with(|w| summary::summarise(&w.network)));
    let name_of = move |id: MemberId| {
        state.wave.with(|w| {
            let name = w
                .network
                .get(id)
                .map(|m| m.name.clone())
                .unwrap_or_default();
            display_name(&name, i18n.get_locale()).to_string()
        })
    };

    let shape = move || {
        summary.with(|s| s.network_type()).map(|kind| {
            let locale = i18n.get_locale();
            let (title, body) = type_words(kind, locale);
            view! {
                <section class="summary-type" aria-labelledby="type-heading">
                    <h2 id="type-heading">{t!(i18n, summary.type_heading)}</h2>
                    <p class="type-title" data-testid="network-type" data-type=kind.as_str()>{title}</p>
                    <p>{body}</p>
                </section>
            }
        })
    };

    let counts = move || {
        let locale = i18n.get_locale();
        summary.with(|s| {
            let circles = Circle::ALL
                .iter()
                .map(|&c| {
                    let count = s.in_circle(c);
                    let text = match c {
                        Circle::Inner => td_string!(locale, summary.in_circle.inner, count = count),
                        Circle::Middle => {
                            td_string!(locale, summary.in_circle.middle, count = count)
                        }
                        Circle::Outer => td_string!(locale, summary.in_circle.outer, count = count),
                    };
                    view! { <li>{text}</li> }
                })
                .collect_view();
            let kinds = MemberKind::ALL
                .iter()
                .filter(|&&k| s.of_kind(k) > 0)
                .map(|&k| {
                    let text = td_string!(
                        locale,
                        summary.of_kind,
                        kind = k.label(locale),
                        count = s.of_kind(k)
                    );
                    view! { <li>{text}</li> }
                })
                .collect_view();
            let weak = td_string!(
                locale,
                summary.weak_ties,
                count = s.weak_ties(),
                total = s.personal_ties()
            );
            view! {
                <ul class="counts" data-testid="circle-counts">{circles}</ul>
                <ul class="counts" data-testid="kind-counts">{kinds}</ul>
                <p data-testid="weak-ties">{weak}</p>
            }
        })
    };

    let support = move || {
        let locale = i18n.get_locale();
        SupportArea::ALL
            .iter()
            .map(|&area| {
                let helpers = summary.with(|s| s.helpers(area).to_vec());
                let names = if helpers.is_empty() {
                    td_string!(locale, summary.helpers_none).to_string()
                } else {
                    let names: Vec<String> = helpers.into_iter().map(name_of).collect();
                    intl::list(locale, &names)
                };
                view! {
                    <dt>{area.label(locale)}</dt>
                    <dd data-area=area.as_str()>{names}</dd>
                }
            })
            .collect_view()
    };

    let observations = move || {
        let locale = i18n.get_locale();
        let network = state.wave.with(|w| w.network.clone());
        summary.with(|s| {
            s.observations()
                .iter()
                .flat_map(|o| observation_sentences(o, &network, locale))
                .map(|text| view! { <li>{text}</li> })
                .collect_view()
        })
    };

    view! {
        <PageHeading>{t!(i18n, summary.title)}</PageHeading>
        <p class="lead">{t!(i18n, summary.intro)}</p>
        {shape}
        <section aria-labelledby="observations-heading">
            <h2 id="observations-heading">{t!(i18n, summary.observations_heading)}</h2>
            <ul class="observations" data-testid="observations">{observations}</ul>
        </section>
        <section aria-labelledby="support-heading">
            <h2 id="support-heading">{t!(i18n, summary.support_heading)}</h2>
            <dl class="support-list">{support}</dl>
        </section>
        <section aria-labelledby="counts-heading">
            <h2 id="counts-heading">{t!(i18n, summary.counts_heading)}</h2>
            {counts}
        </section>
        <div class="actions">
            <a class="button primary" href=Route::Preferences.href()>{t!(i18n, summary.next)}</a>
            <a class="button" href=Route::Network { list: false }.href()>{t!(i18n, summary.back)}</a>
            <a class="button" href=Route::ShareSummary.href()>{t!(i18n, data.share_open)}</a>
        </div>
        <SafetyNet />
    }
}

/// The title and sentence for a network type.
fn type_words(kind: NetworkType, locale: Locale) -> (&'static str, &'static str) {
    match kind {
        NetworkType::Restricted => (
            td_string!(locale, summary.network_type.restricted_title),
            td_string!(locale, summary.network_type.restricted),
        ),
        NetworkType::MinimalFamily => (
            td_string!(locale, summary.network_type.minimal_family_title),
            td_string!(locale, summary.network_type.minimal_family),
        ),
        NetworkType::Family => (
            td_string!(locale, summary.network_type.family_title),
            td_string!(locale, summary.network_type.family),
        ),
        NetworkType::Friends => (
            td_string!(locale, summary.network_type.friends_title),
            td_string!(locale, summary.network_type.friends),
        ),
        NetworkType::WeakTies => (
            td_string!(locale, summary.network_type.weak_ties_title),
            td_string!(locale, summary.network_type.weak_ties),
        ),
        NetworkType::Diverse => (
            td_string!(locale, summary.network_type.diverse_title),
            td_string!(locale, summary.network_type.diverse),
        ),
    }
}

/// The sentences for one observation (one per area where support rests on one member).
fn observation_sentences(
    observation: &Observation,
    network: &Network,
    locale: Locale,
) -> Vec<String> {
    use Observation as O;
    let one = |s: &str| vec![s.to_string()];
    match observation {
        O::EmptyNetwork => one(td_string!(locale, summary.observation.empty_network)),
        O::NoSupportMarkedYet => one(td_string!(
            locale,
            summary.observation.no_support_marked_yet
        )),
        O::RestsOnOne { member, areas } => {
            let name = network
                .get(*member)
                .map(|m| m.name.as_str())
                .unwrap_or_default();
            let name = display_name(name, locale);
            areas
                .iter()
                .map(|&area| {
                    td_string!(
                        locale,
                        summary.observation.rests_on_one,
                        name = name,
                        area = area_phrase(area, locale)
                    )
                })
                .collect()
        }
        O::NoOneHelpsWith(area) => vec![td_string!(
            locale,
            summary.observation.no_one_helps_with,
            area = area_phrase(*area, locale)
        )],
        O::SupportShared => one(td_string!(locale, summary.observation.support_shared)),
        O::GivesBack { count } => {
            vec![td_string!(
                locale,
                summary.observation.gives_back,
                count = *count
            )]
        }
        O::HelpBeyondPeople { count } => {
            vec![td_string!(
                locale,
                summary.observation.help_beyond_people,
                count = *count
            )]
        }
        O::ManyWeakTies { count } => {
            vec![td_string!(
                locale,
                summary.observation.many_weak_ties,
                count = *count
            )]
        }
        O::FewWeakTies => one(td_string!(locale, summary.observation.few_weak_ties)),
        O::DormantActivities { count } => {
            vec![td_string!(
                locale,
                summary.observation.dormant_activities,
                count = *count
            )]
        }
        O::ExploreNearby => one(td_string!(locale, summary.observation.explore_nearby)),
    }
}
