//! What changed between two maps: in words, in a picture, and as the five-item change score
//! with the reason for each point.

use std::collections::BTreeSet;

use genie_core::followup::{
    change_score, diff, ChangeScore, CircleMove, NetworkDiff, ScoreItem, ScoreReason,
};
use genie_core::layout::Geometry;
use genie_core::model::{MemberId, Network, Wave, WaveId};
use leptos::prelude::*;

use crate::i18n::*;
use crate::platform;
use crate::session::Session;
use crate::ui::components::network_map::display_name;
use crate::ui::labels::{area_phrase, Labelled};

/// A wave's name in the pickers: "Map 2, 23 May 2027".
pub(super) fn wave_label(wave: &Wave, locale: Locale) -> String {
    td_string!(
        locale,
        over_time.wave_label,
        n = wave.id.0,
        date = platform::local_date(wave.started_at, crate::ui::labels::date_locale(locale))
    )
}

fn name_in(network: &Network, id: MemberId, locale: Locale) -> String {
    let name = network.get(id).map(|m| m.name.as_str()).unwrap_or_default();
    display_name(name, locale).to_string()
}

#[component]
pub fn Compare() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let waves = Memo::new(move |_| state.all_waves());
    // By default: the last closed map against the map being drawn now.
    let before = RwSignal::new(
        state
            .closed_waves
            .with_untracked(|w| w.last().map(|w| w.id)),
    );
    let after = RwSignal::new(None::<WaveId>);
    let pick = move |chosen: Option<WaveId>, fallback: fn(&[Wave]) -> Option<&Wave>| {
        waves.with(|ws| {
            chosen
                .and_then(|id| ws.iter().find(|w| w.id == id))
                .or_else(|| fallback(ws))
                .cloned()
        })
    };
    let pair = Memo::new(move |_| {
        let a = pick(before.get(), |ws| ws.iter().rev().nth(1))?;
        let b = pick(after.get(), |ws| ws.last())?;
        // Always compare the earlier with the later, whichever way they were picked.
        Some(if a.id <= b.id { (a, b) } else { (b, a) })
    });
    let picker = move |id: &'static str,
                       label: fn(Locale) -> &'static str,
                       signal: RwSignal<Option<WaveId>>,
                       default: fn(&[Wave]) -> Option<&Wave>| {
        let options = move || {
            let locale = i18n.get_locale();
            let current = pick(signal.get(), default).map(|w| w.id);
            waves.with(|ws| {
                ws.iter()
                    .map(|w| {
                        let selected = Some(w.id) == current;
                        view! { <option value=w.id.0.to_string() selected=selected>{wave_label(w, locale)}</option> }
                    })
                    .collect_view()
            })
        };
        view! {
            <div class="field">
                <label for=id>{move || label(i18n.get_locale())}</label>
                <select
                    id=id
                    on:change=move |ev| {
                        signal.set(event_target_value(&ev).parse::<u32>().ok().map(WaveId));
                    }
                >
                    {options}
                </select>
            </div>
        }
    };
    view! {
        <section aria-labelledby="compare-title" data-testid="compare">
            <h2 id="compare-title">{t!(i18n, compare.title)}</h2>
            {picker("compare-from", |l| td_string!(l, compare.from), before, |ws| ws.iter().rev().nth(1))}
            {picker("compare-to", |l| td_string!(l, compare.to), after, |ws| ws.last())}
            {move || pair.get().map(|(a, b)| {
                let changes = diff(&a.network, &b.network);
                let score = change_score(&changes);
                view! {
                    <ChangePicture before=a.clone() after=b.clone() changes=changes.clone() />
                    <ChangeWords before=a.network.clone() after=b.network.clone() changes=changes />
                    <ScoreView after=b.network score=score />
                }
            })}
        </section>
    }
}

/// The changes as short lists of names.
#[component]
fn ChangeWords(before: Network, after: Network, changes: NetworkDiff) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    if changes.is_empty() {
        return view! { <p data-testid="no-change">{t!(i18n, compare.nothing_changed)}</p> }
            .into_any();
    }
    let later = |id: MemberId| name_in(&after, id, locale);
    let earlier = |id: MemberId| name_in(&before, id, locale);
    let mut groups: Vec<(&'static str, &'static str, Vec<String>)> = Vec::new();
    groups.push((
        "new",
        td_string!(locale, compare.new_members),
        changes
            .new_members
            .iter()
            .map(|m| {
                td_string!(
                    locale,
                    compare.new_member,
                    name = later(m.id),
                    kind = m.kind.label(locale).to_lowercase()
                )
            })
            .collect(),
    ));
    groups.push((
        "lost",
        td_string!(locale, compare.lost_members),
        changes.lost_members.iter().map(|m| earlier(m.id)).collect(),
    ));
    let moved = |m: &CircleMove| {
        td_string!(
            locale,
            compare.moved,
            name = later(m.member),
            from = m.from.label(locale).to_lowercase(),
            to = m.to.label(locale).to_lowercase()
        )
    };
    groups.push((
        "closer",
        td_string!(locale, compare.closer),
        changes.moved_closer().map(moved).collect(),
    ));
    groups.push((
        "further",
        td_string!(locale, compare.further),
        changes.moved_further().map(moved).collect(),
    ));
    groups.push((
        "more_contact",
        td_string!(locale, compare.more_contact),
        changes.more_contact().map(|c| later(c.member)).collect(),
    ));
    groups.push((
        "less_contact",
        td_string!(locale, compare.less_contact),
        changes.less_contact().map(|c| later(c.member)).collect(),
    ));
    groups.push((
        "spread",
        td_string!(locale, compare.support_spread),
        changes
            .support_spread
            .iter()
            .map(|s| {
                let now: Vec<String> = s.now.iter().map(|id| later(*id)).collect();
                td_string!(
                    locale,
                    compare.spread,
                    what = area_phrase(s.area, locale),
                    was = earlier(s.was),
                    now = intl::list(locale, &now)
                )
            })
            .collect(),
    ));
    let lists = groups
        .into_iter()
        .filter(|(_, _, names)| !names.is_empty())
        .map(|(key, title, names)| {
            let items = names
                .into_iter()
                .map(|n| view! { <li dir="auto">{n}</li> })
                .collect_view();
            view! {
                <div class="change-group" data-change=key>
                    <h3>{title}</h3>
                    <ul>{items}</ul>
                </div>
            }
        })
        .collect_view();
    view! { <div class="change-words">{lists}</div> }.into_any()
}

/// The five-item change score, each item with why it did or did not earn its point.
#[component]
fn ScoreView(after: Network, score: ChangeScore) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let total = score.total();
    let lines = score
        .lines
        .iter()
        .map(|line| {
            let title = match line.item {
                ScoreItem::NewActivities => td_string!(locale, compare.score_new_activities),
                ScoreItem::Online => td_string!(locale, compare.score_online),
                ScoreItem::ReflectionOnSupport => td_string!(locale, compare.score_reflection),
                ScoreItem::MoreContact => td_string!(locale, compare.score_more_contact),
                ScoreItem::NewMembers => td_string!(locale, compare.score_new_members),
            };
            let names: BTreeSet<String> = line
                .reasons
                .iter()
                .map(|reason| match reason {
                    ScoreReason::NewMember { member, .. }
                    | ScoreReason::SupportChanged { member, .. }
                    | ScoreReason::MoreContact { member, .. } => name_in(&after, *member, locale),
                })
                .collect();
            let because = if line.earned() {
                td_string!(
                    locale,
                    compare.score_because,
                    names = intl::list(locale, &names.into_iter().collect::<Vec<_>>())
                )
            } else {
                td_string!(locale, compare.score_not_this_time).to_string()
            };
            let mark = if line.earned() { "1" } else { "0" };
            let heading = td_string!(locale, compare.score_line, item = title, mark = mark);
            view! {
                <li data-item=line.item.as_str() data-earned=mark>
                    <strong>{heading}</strong>
                    <br />
                    <span dir="auto">{because}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="change-score" data-testid="change-score">
            <h3>{t_string!(i18n, compare.score_title, total = total)}</h3>
            <p class="hint">{t!(i18n, compare.score_hint)}</p>
            <ol>{lines}</ol>
        </div>
    }
}

/// Two small maps side by side, each captioned with its date: the earlier with members no
/// longer there marked, the later with new members marked. Positions are where each member was
/// drawn; each dot is named for screen readers.
#[component]
fn ChangePicture(before: Wave, after: Wave, changes: NetworkDiff) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let lost: BTreeSet<MemberId> = changes.lost_members.iter().map(|m| m.id).collect();
    let new: BTreeSet<MemberId> = changes.new_members.iter().map(|m| m.id).collect();
    let label = td_string!(
        locale,
        compare.picture_label,
        new = new.len(),
        lost = lost.len(),
        before = before.network.members.len(),
        after = after.network.members.len()
    );
    let earlier = td_string!(
        locale,
        compare.picture_caption,
        which = td_string!(locale, compare.picture_before),
        map = wave_label(&before, locale)
    );
    let later = td_string!(
        locale,
        compare.picture_caption,
        which = td_string!(locale, compare.picture_after),
        map = wave_label(&after, locale)
    );
    view! {
        <figure class="change-picture" data-testid="change-picture">
            <p class="visually-hidden">{label}</p>
            <div class="mini-maps">
                {mini_map(&before.network, &lost, Mark::Lost, "mini-before", earlier, locale)}
                {mini_map(&after.network, &new, Mark::New, "mini-after", later, locale)}
            </div>
            <figcaption>
                <span class="key key-new">{t!(i18n, compare.key_new)}</span>
                " "
                <span class="key key-lost">{t!(i18n, compare.key_lost)}</span>
            </figcaption>
        </figure>
    }
}

/// How the marked members of a small map differ from the rest.
#[derive(Clone, Copy)]
enum Mark {
    New,
    Lost,
}

fn mini_map(
    network: &Network,
    marked: &BTreeSet<MemberId>,
    mark: Mark,
    id: &'static str,
    caption: String,
    locale: Locale,
) -> impl IntoView {
    let geometry = Geometry::for_network(network);
    let scale = 90.0 / geometry.view_radius().max(1.0);
    let (cx, cy) = (110.0, 110.0);
    let rings = geometry.ring_edges[1..]
        .iter()
        .map(|edge| view! { <circle class="ring" cx=cx cy=cy r=edge * scale /> })
        .collect_view();
    let dots = network
        .members
        .iter()
        .filter_map(|m| {
            let at = m.placed?;
            let name = display_name(&m.name, locale).to_string();
            let (class, title) = match (marked.contains(&m.id), mark) {
                (false, _) => ("same", name),
                (true, Mark::New) => ("new", td_string!(locale, compare.dot_new, name = name)),
                (true, Mark::Lost) => ("lost", td_string!(locale, compare.dot_lost, name = name)),
            };
            let aria = title.clone();
            Some(view! {
                <circle
                    class=format!("dot {class}")
                    cx=cx + at.x * scale
                    cy=cy + at.y * scale
                    r="7"
                    role="img"
                    aria-label=aria
                >
                    <title>{title}</title>
                </circle>
            })
        })
        .collect_view();
    let caption_id = format!("{id}-caption");
    view! {
        <figure class="mini-map" data-testid=id>
            <svg viewBox="0 0 220 220" role="group" aria-labelledby=caption_id.clone()>
                {rings}
                <circle class="centre" cx=cx cy=cy r=geometry.centre_radius * scale />
                {dots}
            </svg>
            <figcaption id=caption_id>{caption}</figcaption>
        </figure>
    }
}
