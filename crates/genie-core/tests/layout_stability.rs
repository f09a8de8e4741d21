//! The map layout is stable: drawing again moves nobody, adding a member moves the others only
//! a little, removing one moves no one, and a pinned (dragged) member stays where it was put.

use std::collections::BTreeMap;

use genie_core::layout::{circle_at, layout, quality, sample, Geometry};
use genie_core::model::*;

const SIZES: [usize; 5] = [0, 1, 8, 60, 150];
const SEEDS: [u64; 4] = [1, 2, 3, 4];

type Map = BTreeMap<MemberId, Point>;

fn bits(map: &Map) -> Vec<(MemberId, u32, u32)> {
    map.iter()
        .map(|(id, p)| (*id, p.x.to_bits(), p.y.to_bits()))
        .collect()
}

fn draw(network: &Network, previous: &Map) -> Map {
    layout(network, previous, &Geometry::for_network(network))
}

fn assert_clean(network: &Network, map: &Map) {
    let geometry = Geometry::for_network(network);
    let q = quality::measure(network, &geometry, map);
    assert_eq!(q.missing, 0);
    assert_eq!(q.ring_error_max, 0.0);
    assert_eq!(q.overlaps, 0, "closest {}", q.closest);
}

#[test]
fn drawing_again_moves_nobody() {
    for n in SIZES {
        for seed in SEEDS {
            let network = sample::network(n, seed);
            let first = draw(&network, &BTreeMap::new());
            let second = draw(&network, &first);
            assert_eq!(bits(&first), bits(&second), "n={n} seed={seed}");
            let third = draw(&network, &second);
            assert_eq!(bits(&second), bits(&third), "n={n} seed={seed}");
        }
    }
}

#[test]
fn adding_a_member_moves_the_others_only_a_little() {
    for n in [1, 8, 60, 150] {
        for seed in SEEDS {
            let before = sample::network(n, seed);
            let after = sample::network(n + 1, seed);
            let first = draw(&before, &BTreeMap::new());
            let grown = draw(&after, &first);
            assert_clean(&after, &grown);
            let moved = quality::mean_displacement(&first, &grown);
            assert!(
                moved < 10.0,
                "n={n} seed={seed}: others moved {moved} on average"
            );
            // And the grown map is settled too.
            assert_eq!(
                bits(&grown),
                bits(&draw(&after, &grown)),
                "n={n} seed={seed}"
            );
        }
    }
}

#[test]
fn a_map_built_one_member_at_a_time_stays_calm_and_clean() {
    for seed in SEEDS {
        let full = sample::network(60, seed);
        let mut map = BTreeMap::new();
        for n in 1..=full.members.len() {
            let mut network = sample::network(n, seed);
            network.members.truncate(n);
            let next = draw(&network, &map);
            let moved = quality::mean_displacement(&map, &next);
            assert!(moved < 10.0, "seed={seed} member {n}: others moved {moved}");
            assert_clean(&network, &next);
            map = next;
        }
        let geometry = Geometry::for_network(&full);
        let q = quality::measure(&full, &geometry, &map);
        assert!(q.sector_share >= 0.9, "seed={seed}: {}", q.sector_share);
    }
}

#[test]
fn removing_a_member_moves_no_one() {
    for n in [8, 60, 150] {
        let network = sample::network(n, 2);
        let first = draw(&network, &BTreeMap::new());
        let mut smaller = network.clone();
        let gone = smaller.members[n / 2].id;
        smaller.remove(gone);
        // The same geometry, so only the member's absence changes.
        let geometry = Geometry::for_network(&network);
        let after = layout(&smaller, &first, &geometry);
        let mut expected = first.clone();
        expected.remove(&gone);
        assert_eq!(bits(&after), bits(&expected), "n={n}");
    }
}

#[test]
fn a_pinned_member_does_not_move() {
    for n in [8, 60, 150] {
        for seed in SEEDS {
            let mut network = sample::network(n, seed);
            let geometry = Geometry::for_network(&network);
            let first = layout(&network, &BTreeMap::new(), &geometry);
            let who = network.members[n / 3].id;
            let (low, high) = geometry.track(network.members[n / 3].circle);
            let pin = Point {
                x: 0.6 * (low + high) / 2.0,
                y: -0.8 * (low + high) / 2.0,
            };
            network.get_mut(who).expect("member").pinned = Some(pin);
            // From scratch and from the last drawing alike.
            for previous in [BTreeMap::new(), first.clone()] {
                let map = layout(&network, &previous, &geometry);
                assert_eq!(map[&who], pin, "n={n} seed={seed}");
                assert_clean(&network, &map);
                let again = layout(&network, &map, &geometry);
                assert_eq!(bits(&map), bits(&again));
            }
        }
    }
}

#[test]
fn dropping_a_member_in_another_ring_keeps_it_there_and_makes_room() {
    for n in [8, 60, 150] {
        let mut network = sample::network(n, 4);
        let geometry = Geometry::for_network(&network);
        let first = layout(&network, &BTreeMap::new(), &geometry);
        // Drag an outer member right on top of an inner one, as a careless drop would.
        let dragged = network.in_circle(Circle::Outer).next().expect("outer").id;
        let target = network.in_circle(Circle::Inner).next().expect("inner").id;
        let drop = first[&target];
        let circle = circle_at(&geometry, drop).expect("in a ring");
        let pin = geometry.snap(circle, drop);
        let member = network.get_mut(dragged).expect("member");
        member.circle = circle;
        member.pinned = Some(pin);
        let map = layout(&network, &first, &geometry);
        assert_eq!(map[&dragged], pin);
        assert_clean(&network, &map);
        let mut others = map.clone();
        others.remove(&dragged);
        let moved = quality::mean_displacement(&first, &others);
        // Room for a dropped node is made in proportion to its size: the large nodes of a
        // small map (35 units, against 22 for up to 20 members) push a little further.
        let most = 10.0 * (geometry.node_radius / 22.0).max(1.0);
        assert!(moved < most, "n={n}: the others moved {moved} on average");
    }
}

#[test]
fn a_pin_outside_its_band_is_kept_as_it_is() {
    let mut network = sample::network(8, 1);
    let who = network.members[0].id;
    let pin = Point { x: 3.0, y: 4.0 };
    network.get_mut(who).expect("member").pinned = Some(pin);
    let map = draw(&network, &BTreeMap::new());
    assert_eq!(map[&who], pin);
    assert_clean(&network, &map);
}

#[test]
fn moving_a_member_to_another_circle_without_dragging_puts_it_in_its_new_band() {
    for n in [8, 60, 150] {
        let mut network = sample::network(n, 3);
        let first = draw(&network, &BTreeMap::new());
        let member = network
            .members
            .iter_mut()
            .find(|m| m.circle == Circle::Middle);
        let member = member.expect("a middle member");
        member.circle = Circle::Inner;
        let id = member.id;
        let map = draw(&network, &first);
        assert_clean(&network, &map);
        let geometry = Geometry::for_network(&network);
        assert_eq!(circle_at(&geometry, map[&id]), Some(Circle::Inner));
        // It keeps its direction from the centre, roughly.
        let (a, b) = (first[&id], map[&id]);
        let turn = (a.y.atan2(a.x) - b.y.atan2(b.x)).abs();
        assert!(
            turn.min(std::f32::consts::TAU - turn) < 0.5,
            "n={n}: turned {turn}"
        );
    }
}

#[test]
fn crossing_a_node_size_step_still_moves_the_others_only_a_little() {
    // 20 -> 21 members shrinks the nodes; 60 -> 61 and 150 -> 151 too.
    for n in [20, 60, 150] {
        for seed in SEEDS {
            let before = sample::network(n, seed);
            let after = sample::network(n + 1, seed);
            let (small, smaller) = (Geometry::for_count(n), Geometry::for_count(n + 1));
            assert!(smaller.node_radius < small.node_radius);
            let first = layout(&before, &BTreeMap::new(), &small);
            let grown = layout(&after, &first, &smaller);
            let q = quality::measure(&after, &smaller, &grown);
            assert_eq!(
                (q.overlaps, q.ring_error_max),
                (0, 0.0),
                "n={n} seed={seed}"
            );
            assert!(quality::mean_displacement(&first, &grown) < 10.0);
            // And back: removing that member grows the nodes again.
            let shrunk = layout(&before, &grown, &small);
            let q = quality::measure(&before, &small, &shrunk);
            assert_eq!(
                (q.overlaps, q.ring_error_max),
                (0, 0.0),
                "n={n} seed={seed}"
            );
            assert!(quality::mean_displacement(&grown, &shrunk) < 10.0);
        }
    }
}

/// A tiny xorshift generator for the scenarios below.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn unit(&mut self) -> f32 {
        (self.next() % 100_000) as f32 / 100_000.0
    }
}

/// Clean (in band, no overlaps, pins kept) and settled (drawing again moves nobody).
fn assert_clean_and_settled(label: &str, network: &Network, geometry: &Geometry, map: &Map) {
    let q = quality::measure(network, geometry, map);
    assert_eq!(
        (q.missing, q.overlaps, q.ring_error_max),
        (0, 0, 0.0),
        "{label}: closest {}",
        q.closest
    );
    for member in &network.members {
        if let Some(pin) = member.pinned {
            assert_eq!(map[&member.id], pin, "{label}");
        }
    }
    let again = layout(network, map, geometry);
    assert_eq!(bits(map), bits(&again), "{label}");
}

#[test]
fn random_maps_with_drags_and_circle_changes_stay_clean_and_settled() {
    for seed in 0..40u64 {
        let mut dice = Dice(seed * 7919 + 1);
        let n = 1 + (dice.next() % 160) as usize;
        let mut network = sample::network(n, seed + 3000);
        let geometry = Geometry::for_network(&network);
        let mut map = layout(&network, &BTreeMap::new(), &geometry);
        assert_clean_and_settled(&format!("seed {seed} n {n}"), &network, &geometry, &map);
        // Drag a few members: half of the drops land right on another member.
        for drag in 0..(1 + dice.next() % 5) {
            let k = (dice.next() as usize) % n;
            let drop = if dice.unit() < 0.5 {
                map[&network.members[(dice.next() as usize) % n].id]
            } else {
                let (angle, distance) = (
                    dice.unit() * std::f32::consts::TAU,
                    60.0 + dice.unit() * 290.0,
                );
                Point {
                    x: distance * angle.cos(),
                    y: distance * angle.sin(),
                }
            };
            let Some(circle) = circle_at(&geometry, drop) else {
                continue;
            };
            let member = &mut network.members[k];
            member.circle = circle;
            member.pinned = Some(geometry.snap(circle, drop));
            map = layout(&network, &map, &geometry);
            let label = format!("seed {seed} n {n} drag {drag}");
            assert_clean_and_settled(&label, &network, &geometry, &map);
        }
        // Move an unpinned member one circle in or out with the keyboard.
        let k = (dice.next() as usize) % n;
        if network.members[k].pinned.is_none() {
            let circle = network.members[k].circle;
            network.members[k].circle = circle.closer().or(circle.further()).expect("a circle");
            map = layout(&network, &map, &geometry);
            let label = format!("seed {seed} n {n} circle change");
            assert_clean_and_settled(&label, &network, &geometry, &map);
        }
    }
}
