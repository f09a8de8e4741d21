//! Made-up networks for tests and benchmarks: deterministic, of any size, with a plausible mix
//! of kinds, circles and ties (about a fifth of members in the inner circle, a third in the
//! middle, the rest outside; people in clusters who know each other).

use crate::model::{Circle, MemberKind, Network, Relationship};

/// A network of `members` members. The same `seed` and size always give the same network;
/// a network is a prefix of the next size up's with the same seed (apart from the ties that
/// reach the extra members), so "add one member" is `network(n + 1, seed)` against `network(n,
/// seed)`.
pub fn network(members: usize, seed: u64) -> Network {
    let mut rng = Lcg(seed ^ 0x9e37_79b9_7f4a_7c15);
    let mut network = Network::default();
    for i in 0..members {
        let roll = rng.below(100);
        let circle = if roll < 20 {
            Circle::Inner
        } else if roll < 55 {
            Circle::Middle
        } else {
            Circle::Outer
        };
        let kind = if rng.below(100) < 60 {
            MemberKind::Person
        } else {
            MemberKind::ALL[1 + rng.below(MemberKind::ALL.len() - 1)]
        };
        let id = network.add(format!("Member {i}"), kind, circle);
        if kind == MemberKind::Person {
            if let Some(member) = network.get_mut(id) {
                member.relationship = Some(Relationship::ALL[rng.below(Relationship::ALL.len())]);
            }
        }
        // Know one or two of the earlier members, more often people and in the same circle.
        if i > 0 {
            for _ in 0..rng.below(3) {
                let other = network.members[rng.below(i)].clone();
                let likely = other.kind == kind && other.circle == circle;
                if likely || rng.below(3) == 0 {
                    network.tie(id, other.id);
                }
            }
        }
    }
    network
}

/// A 64-bit linear congruential generator: enough for made-up data, and no dependency.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n.max(1) as u64) as usize
    }
}

/// A plausible name for the `i`th member of a made-up network, for measuring labels: people,
/// pets, groups and places, short and long, a few not in English.
pub fn name(i: usize) -> String {
    const NAMES: [&str; 24] = [
        "Pat",
        "Biscuit",
        "Riverside park",
        "Dr Bartholomew Jones",
        "Tuesday choir",
        "Sam",
        "Auntie Margaret",
        "Zoë Ångström",
        "Men's shed",
        "Jo",
        "Grŵp Cerdded",
        "Library",
        "Mohammed Al-Rashid",
        "Bowls club",
        "Kit",
        "Online chess",
        "Siân the neighbour",
        "GP surgery",
        "Lee",
        "Church",
        "Priya Ramanathan",
        "The allotment",
        "Alex",
        "Mum",
    ];
    NAMES[i % NAMES.len()].to_string()
}
