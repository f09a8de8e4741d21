//! The summary on generated networks: a 150-member map (the size Genie must stay usable at)
//! and many random ones, checking that the numbers always agree with each other.

use genie_core::model::*;
use genie_core::summary::{summarise, thresholds, NetworkType, Observation, Role, Summary};

/// A tiny deterministic generator (64-bit LCG): the core has no randomness, and the tests
/// should fail the same way every time.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

fn generate(seed: u64, members: usize) -> Network {
    let mut rng = Lcg(seed);
    let mut network = Network::default();
    for i in 0..members {
        let kind = if rng.below(2) == 0 {
            MemberKind::Person
        } else {
            rng.pick(MemberKind::ALL)
        };
        let id = network.add(format!("m{i}"), kind, rng.pick(Circle::ALL));
        let member = network.get_mut(id).expect("just added");
        if kind == MemberKind::Person && rng.below(8) != 0 {
            member.relationship = Some(rng.pick(Relationship::ALL));
        }
        for _ in 0..rng.below(4) {
            member.gives.insert(rng.pick(SupportTask::ALL));
        }
        if rng.below(4) == 0 {
            member.receives.insert(rng.pick(SupportArea::ALL));
        }
    }
    for _ in 0..rng.below(4) {
        network.dormant.push(DormantActivity {
            label: "something".into(),
            why_stopped: String::new(),
        });
    }
    network
}

/// Everything that must hold for any network, whatever its shape.
fn check_consistent(network: &Network, summary: &Summary) {
    let n = network.members.len();
    assert_eq!(summary.total(), n);
    let circles: usize = Circle::ALL.iter().map(|&c| summary.in_circle(c)).sum();
    let kinds: usize = MemberKind::ALL.iter().map(|&k| summary.of_kind(k)).sum();
    let roles: usize = Role::ALL.iter().map(|&r| summary.of_role(r)).sum();
    assert_eq!((circles, kinds, roles), (n, n, n));
    assert_eq!(
        summary.personal_ties(),
        n - summary.of_role(Role::Professional) - summary.of_role(Role::OtherKind)
    );
    assert_eq!(summary.weak_ties(), summary.of_role(Role::WeakTie));
    let share = summary.weak_tie_share();
    assert!((0.0..=1.0).contains(&share), "share {share}");
    assert_eq!(summary.network_type().is_some(), n > 0);

    for &area in SupportArea::ALL {
        let expected: Vec<MemberId> = network
            .members
            .iter()
            .filter(|m| m.helps_with(area))
            .map(|m| m.id)
            .collect();
        assert_eq!(summary.helpers(area), expected, "{area}");
        // An area's helpers are exactly the helpers of its tasks, taken together.
        for &task in SupportTask::ALL.iter().filter(|t| t.area() == area) {
            for helper in summary.task_helpers(task) {
                assert!(expected.contains(helper), "{task} helper not in {area}");
            }
        }
        let rests = summary.rests_on_one().iter().find(|(a, _)| *a == area);
        match expected.as_slice() {
            [only] => assert_eq!(rests, Some(&(area, *only))),
            _ => assert_eq!(rests, None),
        }
    }
    let gives_back = network
        .members
        .iter()
        .filter(|m| !m.receives.is_empty())
        .count();
    assert_eq!(summary.gives_back_to().len(), gives_back);

    // The "rests on one" observations say exactly what `rests_on_one` says, grouped by member.
    let mut named: Vec<(SupportArea, MemberId)> = summary
        .observations()
        .iter()
        .flat_map(|o| match o {
            Observation::RestsOnOne { member, areas } => {
                areas.iter().map(|a| (*a, *member)).collect::<Vec<_>>()
            }
            _ => Vec::new(),
        })
        .collect();
    named.sort();
    assert_eq!(named, summary.rests_on_one());

    for observation in summary.observations() {
        assert!(Observation::WORDS.contains(&observation.word()));
    }
    // Observations come in the documented order, each kind at most once except the
    // per-member and per-area ones.
    let positions: Vec<usize> = summary
        .observations()
        .iter()
        .map(|o| {
            Observation::WORDS
                .iter()
                .position(|w| *w == o.word())
                .unwrap_or(usize::MAX)
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] <= w[1]), "{positions:?}");
    if n > 0 && summary.personal_ties() < thresholds::SMALL_NETWORK {
        assert!(summary.observations().iter().any(|o| matches!(
            o,
            Observation::FewWeakTies
                | Observation::DormantActivities { .. }
                | Observation::ExploreNearby
        )));
    }
}

#[test]
fn a_150_member_network_adds_up() {
    let network = generate(2544, 150);
    let summary = summarise(&network);
    check_consistent(&network, &summary);
    // Real values for this seed, so a change in counting shows up here.
    assert_eq!(summary.total(), 150);
    let circles: Vec<usize> = Circle::ALL.iter().map(|&c| summary.in_circle(c)).collect();
    assert_eq!(circles, [48, 49, 53]);
    assert_eq!(
        (
            summary.personal_ties(),
            summary.weak_ties(),
            summary.of_role(Role::Family)
        ),
        (83, 26, 22)
    );
    assert_eq!(summary.network_type(), Some(NetworkType::Diverse));
    let helpers: Vec<usize> = SupportArea::ALL
        .iter()
        .map(|&a| summary.helpers(a).len())
        .collect();
    assert_eq!(helpers, [57, 73, 55]);
    assert_eq!(
        summary.observations(),
        [
            Observation::SupportShared,
            Observation::GivesBack { count: 31 },
            Observation::HelpBeyondPeople { count: 40 },
            Observation::DormantActivities { count: 3 },
        ]
    );
}

#[test]
fn many_random_networks_stay_consistent() {
    for seed in 0..300u64 {
        let size = (seed as usize * 7) % 151;
        let network = generate(seed, size);
        check_consistent(&network, &summarise(&network));
    }
}
