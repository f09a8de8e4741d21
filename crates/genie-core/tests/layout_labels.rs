//! Names on the map: on a phone-sized map (335 CSS px across) with up to 30 members, no two
//! labels overlap, no label covers a node or the person's disc, and no text is smaller than
//! 12 px; names that do not fit show fewer words at the same size.

use std::collections::BTreeMap;

use genie_core::layout::labels::{
    measure_labels, place_labels, ring_titles, Form, Label, LabelScale, Named, Rect, MIN_FONT_PX,
};
use genie_core::layout::{layout, sample, Geometry};
use genie_core::model::*;

const PHONE_PX: f32 = 335.0;
const FONT_PX: f32 = 13.0;
const TITLES: [&str; 3] = ["Inner circle", "Middle circle", "Outer circle"];

struct Drawn {
    network: Network,
    geometry: Geometry,
    positions: BTreeMap<MemberId, Point>,
}

fn drawn(n: usize, seed: u64) -> Drawn {
    let mut network = sample::network(n, seed);
    for (i, member) in network.members.iter_mut().enumerate() {
        member.name = sample::name(i + seed as usize);
    }
    let geometry = Geometry::for_network(&network);
    let positions = layout(&network, &BTreeMap::new(), &geometry);
    Drawn {
        network,
        geometry,
        positions,
    }
}

fn named(d: &Drawn) -> Vec<Named<'_>> {
    d.network
        .members
        .iter()
        .map(|m| Named {
            member: m.id,
            name: &m.name,
            circle: m.circle,
            at: d.positions[&m.id],
        })
        .collect()
}

fn labels_at(d: &Drawn, scale: &LabelScale) -> (Vec<Label>, Vec<Rect>) {
    let titles: Vec<Rect> = ring_titles(&d.geometry, scale, TITLES)
        .into_iter()
        .map(|t| t.rect)
        .collect();
    (place_labels(&named(d), &d.geometry, scale, &titles), titles)
}

#[test]
fn up_to_thirty_members_on_a_phone_no_label_overlaps_anything() {
    for n in [1, 8, 12, 20, 30] {
        for seed in 1..=8 {
            let d = drawn(n, seed);
            let scale = LabelScale::for_width(&d.geometry, PHONE_PX, FONT_PX);
            let (labels, _) = labels_at(&d, &scale);
            let members = named(&d);
            let q = measure_labels(&labels, &members, d.geometry.node_radius, &scale);
            assert_eq!(q.label_pairs, 0, "n={n} seed={seed}");
            assert_eq!(q.label_node_pairs, 0, "n={n} seed={seed}");
            assert!(q.smallest_px >= MIN_FONT_PX, "n={n} seed={seed}");
            // Everyone has at least a short label.
            assert_eq!(q.unlabelled, 0, "n={n} seed={seed}");
            let half = d.geometry.view_radius();
            for label in &labels {
                let r = label.rect;
                assert!(r.x0 >= -half && r.x1 <= half && r.y0 >= -half && r.y1 <= half);
                assert!(!r.touches_disc(Point::default(), d.geometry.centre_radius));
            }
        }
    }
}

#[test]
fn a_small_network_shows_whole_names() {
    for seed in [1, 2, 3, 4] {
        let d = drawn(8, seed);
        let scale = LabelScale::for_width(&d.geometry, PHONE_PX, FONT_PX);
        let (labels, _) = labels_at(&d, &scale);
        let full = labels.iter().filter(|l| l.form == Form::Full).count();
        assert!(full >= 6, "seed={seed}: only {full} of 8 full names");
    }
}

#[test]
fn a_crowded_map_shortens_names_and_never_shrinks_text() {
    for n in [60, 150] {
        let d = drawn(n, 1);
        let scale = LabelScale::for_width(&d.geometry, PHONE_PX, FONT_PX);
        let (labels, _) = labels_at(&d, &scale);
        let q = measure_labels(&labels, &named(&d), d.geometry.node_radius, &scale);
        assert_eq!((q.label_pairs, q.label_node_pairs), (0, 0), "n={n}");
        assert!(q.smallest_px >= MIN_FONT_PX, "n={n}");
        assert!(q.shortened + q.unlabelled > 0, "n={n}: everything fitted?");
        for label in &labels {
            let name = &d.network.get(label.member).map(|m| m.name.clone());
            if label.form == Form::Full {
                assert_eq!(Some(&label.text), name.as_ref());
            }
        }
    }
}

#[test]
fn zooming_in_makes_room_for_more_words() {
    let d = drawn(60, 2);
    let phone = LabelScale::for_width(&d.geometry, PHONE_PX, FONT_PX);
    let zoomed = LabelScale {
        unit_px: phone.unit_px * 2.0,
        ..phone
    };
    let members = named(&d);
    let words = |scale: &LabelScale| {
        let (labels, _) = labels_at(&d, scale);
        let q = measure_labels(&labels, &members, d.geometry.node_radius, scale);
        assert_eq!((q.label_pairs, q.label_node_pairs), (0, 0));
        labels.iter().map(|l| l.text.chars().count()).sum::<usize>()
    };
    assert!(words(&zoomed) > words(&phone));
}

#[test]
fn the_same_map_gets_the_same_labels() {
    let d = drawn(30, 3);
    let scale = LabelScale::for_width(&d.geometry, PHONE_PX, FONT_PX);
    assert_eq!(labels_at(&d, &scale), labels_at(&d, &scale));
}
