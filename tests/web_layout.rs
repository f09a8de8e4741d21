//! The layout's invariants, checked in the browser where the map is really drawn: compiled to
//! wasm, the same code must keep every promise it keeps on the host.

#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;

use genie_core::layout::{layout, Geometry};
use genie_core::model::{Circle, MemberId, MemberKind, Network, Point};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SIZES: [usize; 5] = [0, 1, 8, 60, 150];

/// A network of `n` members spread over kinds and circles, with some ties.
fn network(n: usize) -> Network {
    let mut net = Network::default();
    for i in 0..n {
        let kind = MemberKind::ALL[i % MemberKind::ALL.len()];
        let circle = Circle::ALL[(i * 7 / 5) % 3];
        net.add(format!("Member {i}"), kind, circle);
    }
    for i in (0..n.saturating_sub(3)).step_by(4) {
        net.tie(MemberId(i as u32), MemberId(i as u32 + 3));
    }
    net
}

fn settle(net: &Network, previous: &BTreeMap<MemberId, Point>) -> BTreeMap<MemberId, Point> {
    layout(net, previous, &Geometry::for_network(net))
}

fn distance(a: Point, b: Point) -> f32 {
    (a.x - b.x).hypot(a.y - b.y)
}

#[wasm_bindgen_test]
fn every_member_sits_inside_its_rings_band_with_no_overlaps_and_no_nan() {
    for n in SIZES {
        let net = network(n);
        let geometry = Geometry::for_network(&net);
        let placed = settle(&net, &BTreeMap::new());
        assert_eq!(placed.len(), n);
        for member in &net.members {
            let p = placed[&member.id];
            assert!(
                p.x.is_finite() && p.y.is_finite(),
                "n={n}: NaN for {:?}",
                member.id
            );
            let (inner, outer) = geometry.band(member.circle);
            let r = p.x.hypot(p.y);
            assert!(
                r >= inner - 0.5 && r <= outer + 0.5,
                "n={n}: {:?} at radius {r} outside {inner}..{outer}",
                member.id
            );
        }
        let points: Vec<Point> = placed.values().copied().collect();
        for (i, a) in points.iter().enumerate() {
            for b in &points[i + 1..] {
                let d = distance(*a, *b);
                assert!(
                    d >= 2.0 * geometry.node_radius - 0.5,
                    "n={n}: two members {d} apart"
                );
            }
        }
    }
}

#[wasm_bindgen_test]
fn the_same_data_gives_the_same_picture_and_a_second_run_moves_nobody() {
    for n in SIZES {
        let net = network(n);
        let first = settle(&net, &BTreeMap::new());
        assert_eq!(
            settle(&net, &BTreeMap::new()),
            first,
            "n={n}: not deterministic"
        );
        assert_eq!(
            settle(&net, &first),
            first,
            "n={n}: redrawing moved someone"
        );
    }
}

#[wasm_bindgen_test]
fn a_pinned_member_does_not_move() {
    for n in [1, 8, 60, 150] {
        let mut net = network(n);
        let settled = settle(&net, &BTreeMap::new());
        let id = net.members[0].id;
        let (inner, outer) = Geometry::for_network(&net).band(net.members[0].circle);
        let mid = (inner + outer) / 2.0;
        let pin = Point { x: 0.0, y: -mid };
        net.get_mut(id).expect("member").pinned = Some(pin);
        let after = settle(&net, &settled);
        assert_eq!(after[&id], pin, "n={n}");
    }
}
