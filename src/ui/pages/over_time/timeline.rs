//! The maps and check-ins in date order, with small charts of how the network grew: members
//! by circle, members by kind, and weak ties. Inline SVG; each chart has the same numbers in a
//! table for screen readers.

use genie_core::model::{Circle, MemberKind, Tried, Wave};
use genie_core::summary::summarise;
use leptos::prelude::*;

use crate::i18n::*;
use crate::platform;
use crate::session::Session;
use crate::ui::components::kind_colour;
use crate::ui::labels::Labelled;

/// Colours for the circles, inner to outer: one hue, darker in the middle.
const CIRCLE_COLOURS: [&str; 3] = ["#1e3a8a", "#3b82f6", "#93c5fd"];

/// One bar of a chart: its label and its segments (colour, value, segment name).
struct Bar {
    label: String,
    segments: Vec<(&'static str, usize, String)>,
}

#[component]
pub fn Timeline() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    move || {
        let locale = i18n.get_locale();
        let waves = state.all_waves();
        let events = timeline_events(state, &waves, locale);
        let by_circle: Vec<Bar> = waves
            .iter()
            .map(|w| Bar {
                label: w.id.0.to_string(),
                segments: Circle::ALL
                    .iter()
                    .zip(CIRCLE_COLOURS)
                    .map(|(c, colour)| {
                        let n = w.network.members.iter().filter(|m| m.circle == *c).count();
                        (colour, n, c.label(locale).to_string())
                    })
                    .collect(),
            })
            .collect();
        let by_kind: Vec<Bar> = waves
            .iter()
            .map(|w| Bar {
                label: w.id.0.to_string(),
                segments: MemberKind::ALL
                    .iter()
                    .map(|k| {
                        let n = w.network.members.iter().filter(|m| m.kind == *k).count();
                        (kind_colour(*k), n, k.label(locale).to_string())
                    })
                    .collect(),
            })
            .collect();
        let weak: Vec<Bar> = waves
            .iter()
            .map(|w| Bar {
                label: w.id.0.to_string(),
                segments: vec![(
                    "#b45309",
                    summarise(&w.network).weak_ties(),
                    td_string!(locale, timeline.weak_ties).to_string(),
                )],
            })
            .collect();
        view! {
            <section aria-labelledby="timeline-title" data-testid="timeline">
                <h2 id="timeline-title">{t!(i18n, timeline.title)}</h2>
                <ol class="timeline">{events}</ol>
                <p class="hint">{t!(i18n, timeline.charts_hint)}</p>
                {chart("chart-circles", td_string!(locale, timeline.by_circle), by_circle, locale)}
                {chart("chart-kinds", td_string!(locale, timeline.by_kind), by_kind, locale)}
                {chart("chart-weak", td_string!(locale, timeline.weak_over_time), weak, locale)}
            </section>
        }
    }
}

/// Maps started and closed, and check-ins, oldest first.
fn timeline_events(state: Session, waves: &[Wave], locale: Locale) -> impl IntoView {
    let mut events: Vec<(i64, String)> = Vec::new();
    // Each count says when it was taken: a map started as a copy holds what the one before
    // held when it was kept; a kept map, what it held then. The open map's count changes as
    // it is drawn, so it is not given a date here.
    for wave in waves {
        let before = waves.iter().filter(|w| w.id < wave.id).max_by_key(|w| w.id);
        let started = match before {
            None => td_string!(locale, timeline.map_started_first, n = wave.id.0),
            Some(before) => td_string!(
                locale,
                timeline.map_started_copy,
                n = wave.id.0,
                before = before.id.0,
                count = before.network.members.len()
            ),
        };
        events.push((wave.started_at.0, started));
        if let Some(closed) = wave.closed_at {
            events.push((
                closed.0,
                td_string!(
                    locale,
                    timeline.map_kept,
                    n = wave.id.0,
                    count = wave.network.members.len()
                ),
            ));
        }
    }
    state.choices.with(|choices| {
        for choice in choices {
            events.push((
                choice.chosen_at.0,
                td_string!(locale, timeline.chosen, name = choice.resource_name.clone()),
            ));
            for check_in in &choice.check_ins {
                let text = match check_in.tried {
                    Tried::Yes => td_string!(
                        locale,
                        timeline.tried_yes,
                        name = choice.resource_name.clone()
                    ),
                    Tried::NotYet => td_string!(
                        locale,
                        timeline.tried_not_yet,
                        name = choice.resource_name.clone()
                    ),
                    Tried::No => td_string!(
                        locale,
                        timeline.tried_no,
                        name = choice.resource_name.clone()
                    ),
                };
                events.push((check_in.at.0, text));
            }
        }
    });
    // Stable: equal times keep the order above (the map before what was chosen on it).
    genie_core::order::sort_by_key(&mut events, |(at, _)| *at);
    events
        .into_iter()
        .map(|(at, text)| {
            let date = platform::local_date(
                genie_core::model::Timestamp(at),
                crate::ui::labels::date_locale(locale),
            );
            view! { <li><span class="when">{date}</span> " " <span dir="auto">{text}</span></li> }
        })
        .collect_view()
}

/// A stacked bar chart, one bar per map, with a table of the same numbers.
fn chart(id: &'static str, title: &'static str, bars: Vec<Bar>, locale: Locale) -> impl IntoView {
    const HEIGHT: f32 = 120.0;
    const BAR: f32 = 28.0;
    const GAP: f32 = 12.0;
    let most = bars
        .iter()
        .map(|b| b.segments.iter().map(|s| s.1).sum::<usize>())
        .max()
        .unwrap_or(0)
        .max(1) as f32;
    let width = (bars.len() as f32 * (BAR + GAP) + GAP).max(120.0);
    let drawn = bars
        .iter()
        .enumerate()
        .map(|(i, bar)| {
            let x = GAP + i as f32 * (BAR + GAP);
            let mut y = HEIGHT;
            let parts = bar
                .segments
                .iter()
                .filter(|(_, n, _)| *n > 0)
                .map(|(colour, n, _)| {
                    let h = *n as f32 / most * (HEIGHT - 10.0);
                    y -= h;
                    view! { <rect x=x y=y width=BAR height=h fill=*colour /> }
                })
                .collect_view();
            let total: usize = bar.segments.iter().map(|s| s.1).sum();
            view! {
                <g>
                    {parts}
                    <text x=x + BAR / 2.0 y=HEIGHT + 14.0 text-anchor="middle">{bar.label.clone()}</text>
                    <text x=x + BAR / 2.0 y=(y - 3.0).max(9.0) text-anchor="middle">{total}</text>
                </g>
            }
        })
        .collect_view();
    let names: Vec<String> = bars
        .first()
        .map(|b| b.segments.iter().map(|s| s.2.clone()).collect())
        .unwrap_or_default();
    // Only what appears on some map: a legend of empty kinds is noise.
    let legend = bars
        .first()
        .map(|b| {
            b.segments
                .iter()
                .enumerate()
                .filter(|(i, _)| bars.iter().any(|bar| bar.segments.get(*i).is_some_and(|s| s.1 > 0)))
                .map(|(_, (colour, _, name))| {
                    view! {
                        <li>
                            <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" fill=*colour /></svg>
                            {name.clone()}
                        </li>
                    }
                })
                .collect_view()
        });
    let header = names
        .iter()
        .map(|n| view! { <th scope="col">{n.clone()}</th> })
        .collect_view();
    let rows = bars
        .iter()
        .map(|bar| {
            let cells = bar
                .segments
                .iter()
                .map(|s| view! { <td>{s.1}</td> })
                .collect_view();
            view! { <tr><th scope="row">{td_string!(locale, timeline.map_n, n = bar.label.clone())}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <figure class="chart" data-testid=id>
            <figcaption>{title}</figcaption>
            // Drawn at a natural size (shrinking on narrow screens), not stretched to the page;
            // sized in rem so it grows with the person's text size, labels included.
            <svg
                viewBox=format!("0 0 {width} {}", HEIGHT + 20.0)
                width=format!("{:.2}rem", width * 1.5 / 16.0)
                height=format!("{:.2}rem", (HEIGHT + 20.0) * 1.5 / 16.0)
                aria-hidden="true"
                class="chart-svg"
            >
                {drawn}
            </svg>
            <ul class="legend">{legend}</ul>
            // The numbers for screen readers. Hidden by a wrapper: a table cannot be made
            // narrower than its cells, and a wide hidden table lets the page scroll sideways.
            <div class="visually-hidden">
                <table>
                    <caption>{title}</caption>
                    <thead><tr><td></td>{header}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </figure>
    }
}
