//! A shape and colour for each kind of member, so the map reads without colour vision too.
//!
//! Colours come from the Okabe-Ito palette (distinct for the common colour-vision
//! differences); the shape alone is enough to tell kinds apart. Everything is set with SVG
//! attributes, not CSS, so a saved copy of the map looks the same outside the app.

use genie_core::model::MemberKind;
use leptos::prelude::*;

/// The fill colour for a kind.
pub fn kind_colour(kind: MemberKind) -> &'static str {
    match kind {
        MemberKind::Person => "#0072B2",
        MemberKind::Group => "#009E73",
        MemberKind::Pet => "#D55E00",
        MemberKind::Place => "#CC79A7",
        MemberKind::Activity => "#E69F00",
        MemberKind::Thing => "#56B4E9",
        MemberKind::Online => "#6A3D9A",
    }
}

/// The outline of a kind's shape, as an SVG path centred on (0, 0) with radius `r`.
pub fn kind_path(kind: MemberKind, r: f32) -> String {
    let polygon = |points: &[(f32, f32)]| {
        let mut d = String::new();
        for (i, (x, y)) in points.iter().enumerate() {
            d.push_str(if i == 0 { "M" } else { "L" });
            d.push_str(&format!("{:.2} {:.2} ", x * r, y * r));
        }
        d.push('Z');
        d
    };
    let regular = |sides: usize, turn: f32| {
        let points: Vec<(f32, f32)> = (0..sides)
            .map(|i| {
                let a = turn + i as f32 * std::f32::consts::TAU / sides as f32;
                (a.cos(), a.sin())
            })
            .collect();
        polygon(&points)
    };
    let up = -std::f32::consts::FRAC_PI_2;
    match kind {
        // A circle, drawn as two arcs.
        MemberKind::Person => format!(
            "M{:.2} 0 A{r:.2} {r:.2} 0 1 0 {:.2} 0 A{r:.2} {r:.2} 0 1 0 {:.2} 0Z",
            -r, r, -r
        ),
        MemberKind::Group => polygon(&[(-0.85, -0.85), (0.85, -0.85), (0.85, 0.85), (-0.85, 0.85)]),
        MemberKind::Pet => regular(5, up),
        MemberKind::Place => regular(4, up),
        MemberKind::Activity => regular(3, up),
        MemberKind::Thing => polygon(&[(-0.8, -0.6), (0.8, -0.6), (0.8, 0.6), (-0.8, 0.6)]),
        MemberKind::Online => regular(6, 0.0),
    }
}

/// A small stand-alone icon for lists and legends. Decorative: the kind is also in words.
#[component]
pub fn KindIcon(kind: MemberKind) -> impl IntoView {
    view! {
        <svg class="kind-icon" viewBox="-12 -12 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <path d=kind_path(kind, 10.0) fill=kind_colour(kind) stroke="#1a1a1a" stroke-width="1.5" />
        </svg>
    }
}
