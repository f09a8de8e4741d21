//! The map layout's invariants on made-up networks of 0, 1, 8, 60 and 150 members (several of
//! each): everyone inside their band, no overlaps, no NaN, the same output for the same input,
//! members spread round the whole circle, and tied or same-kind members near each other.

use std::collections::BTreeMap;
use std::f32::consts::{PI, TAU};

use genie_core::layout::{circle_at, layout, quality, sample, Geometry};
use genie_core::model::*;

const SIZES: [usize; 5] = [0, 1, 8, 60, 150];
const SEEDS: [u64; 4] = [1, 2, 3, 4];

type Map = BTreeMap<MemberId, Point>;

fn cold(network: &Network) -> (Geometry, Map) {
    let geometry = Geometry::for_network(network);
    let map = layout(network, &BTreeMap::new(), &geometry);
    (geometry, map)
}

fn bits(map: &Map) -> Vec<(MemberId, u32, u32)> {
    map.iter()
        .map(|(id, p)| (*id, p.x.to_bits(), p.y.to_bits()))
        .collect()
}

fn distance(a: Point, b: Point) -> f32 {
    ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt()
}

/// Every member of `network` has a finite position; unpinned ones lie inside their track.
fn assert_placed(network: &Network, geometry: &Geometry, map: &Map) {
    assert_eq!(map.len(), network.members.len());
    for member in &network.members {
        let p = map[&member.id];
        assert!(
            p.x.is_finite() && p.y.is_finite(),
            "{:?} at {p:?}",
            member.id
        );
        if member.pinned.is_none() {
            let (low, high) = geometry.track(member.circle);
            let r = (p.x * p.x + p.y * p.y).sqrt();
            assert!(
                r >= low - 0.01 && r <= high + 0.01,
                "{:?} ({}) at {r}, outside {low}..{high}",
                member.id,
                member.circle
            );
            assert_eq!(circle_at(geometry, p), Some(member.circle));
        }
    }
}

#[test]
fn every_member_is_inside_its_band_and_finite() {
    for n in SIZES {
        for seed in SEEDS {
            let network = sample::network(n, seed);
            let (geometry, map) = cold(&network);
            assert_placed(&network, &geometry, &map);
            let q = quality::measure(&network, &geometry, &map);
            assert_eq!((q.missing, q.ring_error_max), (0, 0.0), "n={n} seed={seed}");
        }
    }
}

#[test]
fn no_two_members_overlap() {
    for n in SIZES {
        for seed in SEEDS {
            let network = sample::network(n, seed);
            let (geometry, map) = cold(&network);
            let q = quality::measure(&network, &geometry, &map);
            assert_eq!(q.overlaps, 0, "n={n} seed={seed}: closest {}", q.closest);
            if n > 1 {
                assert!(q.closest >= 2.0 * geometry.node_radius, "n={n}");
            }
        }
    }
}

#[test]
fn the_same_input_gives_bit_identical_output() {
    for n in SIZES {
        let network = sample::network(n, 5);
        let (_, first) = cold(&network);
        // Other layouts in between move fdg-sim's global random generator on.
        let _ = cold(&sample::network(30, 9));
        let (_, second) = cold(&network);
        assert_eq!(bits(&first), bits(&second), "n={n}");
    }
}

#[test]
fn member_order_does_not_matter() {
    let network = sample::network(60, 6);
    let mut reversed = network.clone();
    reversed.members.reverse();
    assert_eq!(bits(&cold(&network).1), bits(&cold(&reversed).1));
}

#[test]
fn members_use_the_whole_circle() {
    for n in [8, 60, 150] {
        for seed in SEEDS {
            let network = sample::network(n, seed);
            let (geometry, map) = cold(&network);
            let q = quality::measure(&network, &geometry, &map);
            assert!(
                q.sector_share >= 0.9,
                "n={n} seed={seed}: {}",
                q.sector_share
            );
            // No ring of eight or more is squeezed into a wedge: its widest empty arc is less
            // than a quarter turn.
            for circle in Circle::ALL {
                let mut angles: Vec<f32> = network
                    .in_circle(*circle)
                    .map(|m| map[&m.id].y.atan2(map[&m.id].x))
                    .collect();
                if angles.len() < 8 {
                    continue;
                }
                angles.sort_by(f32::total_cmp);
                let wrap = angles[0] + TAU - angles[angles.len() - 1];
                let widest = angles.windows(2).map(|w| w[1] - w[0]).fold(wrap, f32::max);
                assert!(
                    widest < PI / 2.0,
                    "n={n} seed={seed} {circle}: gap {widest}"
                );
            }
        }
    }
}

/// Mean distance between tied members, and between all members.
fn tie_lengths(network: &Network, map: &Map) -> (f32, f32) {
    let mean = |v: Vec<f32>| v.iter().sum::<f32>() / v.len().max(1) as f32;
    let tied = network
        .ties
        .iter()
        .map(|t| distance(map[&t.a], map[&t.b]))
        .collect();
    let all = network
        .members
        .iter()
        .enumerate()
        .flat_map(|(i, a)| {
            network.members[i + 1..]
                .iter()
                .map(|b| distance(map[&a.id], map[&b.id]))
        })
        .collect();
    (mean(tied), mean(all))
}

#[test]
fn tied_members_sit_nearer_than_members_in_general() {
    for n in [30, 60, 150] {
        for seed in SEEDS {
            let network = sample::network(n, seed);
            let (_, map) = cold(&network);
            let (tied, all) = tie_lengths(&network, &map);
            assert!(
                tied < 0.85 * all,
                "n={n} seed={seed}: tied {tied}, all {all}"
            );
            // And nearer than the same members would sit if they did not know each other.
            let mut strangers = network.clone();
            strangers.ties.clear();
            let (_, apart) = cold(&strangers);
            let (untied, _) = tie_lengths(&network, &apart);
            assert!(
                tied < 0.85 * untied,
                "n={n} seed={seed}: {tied} vs {untied} untied"
            );
        }
    }
}

#[test]
fn members_of_one_kind_sit_together_in_their_ring() {
    // Rings of two or three members are spread evenly whatever their kinds: start at 30.
    for n in [30, 60, 150] {
        for seed in SEEDS {
            let network = sample::network(n, seed);
            let (_, map) = cold(&network);
            let angle = |id: &MemberId| map[id].y.atan2(map[id].x);
            let (mut same, mut other) = (Vec::new(), Vec::new());
            for (i, a) in network.members.iter().enumerate() {
                for b in &network.members[i + 1..] {
                    if a.circle != b.circle {
                        continue;
                    }
                    let turn = (angle(&a.id) - angle(&b.id)).rem_euclid(TAU);
                    let apart = turn.min(TAU - turn);
                    if a.kind == b.kind {
                        same.push(apart);
                    } else {
                        other.push(apart);
                    }
                }
            }
            if same.is_empty() || other.is_empty() {
                continue;
            }
            let mean = |v: &[f32]| v.iter().sum::<f32>() / v.len() as f32;
            assert!(
                mean(&same) < mean(&other),
                "n={n} seed={seed}: same kind {}, other kinds {}",
                mean(&same),
                mean(&other)
            );
        }
    }
}

#[test]
fn an_empty_network_has_an_empty_map_and_one_member_sits_in_its_band() {
    let (_, map) = cold(&Network::default());
    assert!(map.is_empty());
    for circle in Circle::ALL {
        let mut network = Network::default();
        network.add("Solo", MemberKind::Person, *circle);
        let (geometry, map) = cold(&network);
        assert_placed(&network, &geometry, &map);
    }
}

#[test]
fn a_crowded_circle_gets_smaller_nodes_and_still_fits() {
    // Everyone in one circle: `for_network` shrinks the nodes until they fit.
    for n in [30, 60, 150] {
        for circle in Circle::ALL {
            let mut network = sample::network(n, 8);
            for member in &mut network.members {
                member.circle = *circle;
            }
            let (geometry, map) = cold(&network);
            let usual = Geometry::for_count(n).node_radius;
            assert!(geometry.node_radius <= usual);
            if *circle == Circle::Inner {
                assert!(geometry.node_radius < usual);
            }
            assert_placed(&network, &geometry, &map);
            let q = quality::measure(&network, &geometry, &map);
            assert_eq!(q.overlaps, 0, "n={n} {circle}");
            assert!(q.sector_share >= 0.9, "n={n} {circle}: {}", q.sector_share);
            let again = layout(&network, &map, &geometry);
            assert_eq!(bits(&map), bits(&again), "n={n} {circle}");
        }
    }
}

#[test]
fn an_overfull_circle_stays_finite_in_its_band_and_settled() {
    // With nodes too big for the crowd (for_count ignores where members are), overlaps cannot
    // be avoided, but nothing may break and drawing again must still move nobody.
    for n in [60, 150] {
        let mut network = sample::network(n, 8);
        for member in &mut network.members {
            member.circle = Circle::Inner;
        }
        let geometry = Geometry::for_count(n);
        let map = layout(&network, &BTreeMap::new(), &geometry);
        assert_placed(&network, &geometry, &map);
        let again = layout(&network, &map, &geometry);
        assert_eq!(bits(&map), bits(&again), "n={n}");
    }
}

#[test]
fn bad_input_never_gives_nan() {
    let mut network = sample::network(40, 3);
    let ids: Vec<MemberId> = network.members.iter().map(|m| m.id).collect();
    // A repeated id, ties to no one, pins that are not numbers, far away or all on one point.
    let mut twin = network.members[3].clone();
    twin.circle = Circle::Outer;
    network.members.push(twin);
    network.ties.insert(Tie {
        a: ids[0],
        b: MemberId(9999),
    });
    network.members[0].pinned = Some(Point {
        x: f32::NAN,
        y: 0.0,
    });
    network.members[1].pinned = Some(Point {
        x: f32::INFINITY,
        y: 1.0,
    });
    network.members[2].pinned = Some(Point { x: 3e30, y: -3e30 });
    for member in &mut network.members[5..9] {
        member.pinned = Some(Point { x: 100.0, y: 0.0 });
    }
    let mut previous: Map = ids
        .iter()
        .map(|&id| (id, Point { x: 0.0, y: 0.0 }))
        .collect();
    previous.insert(
        ids[10],
        Point {
            x: f32::NAN,
            y: 1.0,
        },
    );
    previous.insert(MemberId(5000), Point { x: 1.0, y: 1.0 });
    let geometries = [
        Geometry::for_count(40),
        Geometry {
            centre_radius: f32::NAN,
            ring_edges: [1.0, 0.0, 2.0, 3.0],
            node_radius: -1.0,
        },
        Geometry {
            centre_radius: 10.0,
            ring_edges: [10.0, 20.0, 30.0, 40.0],
            node_radius: 30.0,
        },
    ];
    for geometry in geometries {
        let map = layout(&network, &previous, &geometry);
        assert_eq!(map.len(), 40);
        for p in map.values() {
            assert!(p.x.is_finite() && p.y.is_finite(), "{p:?}");
        }
        // Usable pins are kept exactly.
        assert_eq!(map[&ids[6]], Point { x: 100.0, y: 0.0 });
        let again = layout(&network, &map, &geometry);
        assert!(again.values().all(|p| p.x.is_finite() && p.y.is_finite()));
    }
}

#[test]
fn geometry_steps_down_node_size_and_keeps_the_rings() {
    let mut last = Geometry::for_count(0);
    for n in 0..=600 {
        let g = Geometry::for_count(n);
        assert_eq!(g.ring_edges, last.ring_edges);
        assert!(g.node_radius <= last.node_radius && g.node_radius > 0.0);
        assert!(g.centre_radius < g.ring_edges[0]);
        assert!(g.view_radius() > g.ring_edges[3]);
        for circle in Circle::ALL {
            let (inner, outer) = g.band(*circle);
            let (low, high) = g.track(*circle);
            assert!(inner < low && low < high && high < outer);
            // Two discs fit one behind the other across every band, except for the large
            // nodes of a small network, which sit in one row.
            if n > 12 {
                assert!(high - low > 2.0 * g.node_radius, "n={n} {circle}");
            }
        }
        last = g;
    }
    // At least 32 CSS px across on a 335 px map up to 12 members.
    let small = Geometry::for_count(12);
    assert!(small.node_radius * 2.0 * 335.0 / (2.0 * small.view_radius()) >= 32.0);
    assert_eq!(Geometry::for_count(13).node_radius, 22.0);
    assert_eq!(Geometry::for_count(60).node_radius, 18.0);
    assert_eq!(Geometry::for_count(150).node_radius, 13.0);
}

#[test]
fn geometry_for_a_network_shrinks_nodes_only_for_a_crowded_circle() {
    for n in SIZES {
        for seed in SEEDS {
            let network = sample::network(n, seed);
            let usual = Geometry::for_count(n);
            let fitted = Geometry::for_network(&network);
            assert_eq!(fitted.ring_edges, usual.ring_edges);
            assert!(fitted.node_radius <= usual.node_radius);
        }
    }
    // A usual spread keeps the usual size.
    let mut network = Network::default();
    for (i, circle) in [Circle::Inner, Circle::Middle, Circle::Outer]
        .iter()
        .enumerate()
    {
        for _ in 0..(4 + 8 * i) {
            network.add("Someone", MemberKind::Person, *circle);
        }
    }
    assert_eq!(
        Geometry::for_network(&network),
        Geometry::for_count(network.members.len())
    );
}

#[test]
fn circle_at_reads_rings_for_drag_and_drop() {
    let g = Geometry::for_count(10);
    let at = |x: f32, y: f32| circle_at(&g, Point { x, y });
    let [e0, e1, e2, e3] = g.ring_edges;
    assert_eq!(at(0.0, 0.0), None);
    assert_eq!(at(e0 - 0.5, 0.0), None);
    assert_eq!(at(0.0, e0), Some(Circle::Inner));
    assert_eq!(at((e0 + e1) / 2.0, 0.0), Some(Circle::Inner));
    assert_eq!(at(-e1, 0.0), Some(Circle::Middle));
    assert_eq!(at(0.0, -(e1 + e2) / 2.0), Some(Circle::Middle));
    assert_eq!(at(e2, 0.0), Some(Circle::Outer));
    assert_eq!(at(0.0, e3), Some(Circle::Outer));
    assert_eq!(at(e3 + 0.5, 0.0), None);
    assert_eq!(at(f32::NAN, 0.0), None);
    assert_eq!(at(f32::INFINITY, 0.0), None);
    for circle in Circle::ALL {
        let (low, high) = g.track(*circle);
        let mid = (low + high) / 2.0;
        assert!(g.band(*circle).0 < mid);
        assert_eq!(at(mid * 0.6, mid * 0.8), Some(*circle));
    }
}

#[test]
fn snap_brings_a_drop_inside_the_track() {
    let g = Geometry::for_count(10);
    let (low, high) = g.track(Circle::Middle);
    let inside = Point {
        x: 0.0,
        y: (low + high) / 2.0,
    };
    assert_eq!(g.snap(Circle::Middle, inside), inside);
    let near_edge = g.snap(
        Circle::Middle,
        Point {
            x: g.ring_edges[1],
            y: 0.0,
        },
    );
    assert!((near_edge.x - low).abs() < 1e-3 && near_edge.y == 0.0);
    let outside = g.snap(Circle::Middle, Point { x: 0.0, y: -1000.0 });
    assert!((outside.y + high).abs() < 1e-3);
    for p in [
        Point::default(),
        Point {
            x: f32::NAN,
            y: 1.0,
        },
    ] {
        let snapped = g.snap(Circle::Inner, p);
        assert_eq!(circle_at(&g, snapped), Some(Circle::Inner));
    }
}
