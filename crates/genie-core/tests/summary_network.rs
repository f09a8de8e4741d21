//! The network summary on hand-made networks: counts, network types, who helps with what,
//! and the observations the UI turns into sentences.

use genie_core::model::*;
use genie_core::summary::{summarise, thresholds, NetworkType, Observation, Role, Summary};

/// A network from a line of words, one member per word: a relationship word makes a person
/// with that relationship, a kind word makes a member of that kind. Circles cycle inner,
/// middle, outer so every circle is used.
fn net(words: &str) -> Network {
    let mut network = Network::default();
    for (i, word) in words.split_whitespace().enumerate() {
        let circle = Circle::ALL[i % Circle::ALL.len()];
        if let Some(rel) = Relationship::parse(word) {
            let id = network.add(word, MemberKind::Person, circle);
            network.get_mut(id).expect("just added").relationship = Some(rel);
        } else if let Some(kind) = MemberKind::parse(word) {
            network.add(word, kind, circle);
        } else {
            panic!("test data: {word} is neither a relationship nor a kind");
        }
    }
    network
}

/// Marks member `index` (in map order) as helping with `tasks`.
fn gives(network: &mut Network, index: usize, tasks: &[SupportTask]) -> MemberId {
    let member = &mut network.members[index];
    member.gives.extend(tasks.iter().copied());
    member.id
}

fn id(network: &Network, index: usize) -> MemberId {
    network.members[index].id
}

struct Case {
    name: &'static str,
    members: &'static str,
    total: usize,
    personal_ties: usize,
    weak_ties: usize,
    expected: Option<NetworkType>,
}

const CASES: &[Case] = &[
    Case {
        name: "empty map has no type",
        members: "",
        total: 0,
        personal_ties: 0,
        weak_ties: 0,
        expected: None,
    },
    Case {
        name: "one partner",
        members: "partner",
        total: 1,
        personal_ties: 1,
        weak_ties: 0,
        expected: Some(NetworkType::MinimalFamily),
    },
    Case {
        name: "one friend",
        members: "friend",
        total: 1,
        personal_ties: 1,
        weak_ties: 0,
        expected: Some(NetworkType::Restricted),
    },
    Case {
        name: "only a pet, a thing and the radio: no ties to people",
        members: "pet thing online",
        total: 3,
        personal_ties: 0,
        weak_ties: 0,
        expected: Some(NetworkType::Restricted),
    },
    Case {
        name: "small, exactly half family",
        members: "partner child friend neighbour",
        total: 4,
        personal_ties: 4,
        weak_ties: 1,
        expected: Some(NetworkType::MinimalFamily),
    },
    Case {
        name: "small, a quarter family",
        members: "partner friend friend neighbour",
        total: 4,
        personal_ties: 4,
        weak_ties: 1,
        expected: Some(NetworkType::Restricted),
    },
    Case {
        name: "professionals do not make a network bigger",
        members: "partner health_professional link_worker health_professional health_professional",
        total: 5,
        personal_ties: 1,
        weak_ties: 0,
        expected: Some(NetworkType::MinimalFamily),
    },
    Case {
        name: "family-centred",
        members: "partner child child other_family friend neighbour pet",
        total: 7,
        personal_ties: 6,
        weak_ties: 1,
        expected: Some(NetworkType::Family),
    },
    Case {
        name: "half family, half weak ties is a mix, not family",
        members: "partner child other_family group neighbour acquaintance",
        total: 6,
        personal_ties: 6,
        weak_ties: 3,
        expected: Some(NetworkType::Diverse),
    },
    Case {
        name: "friend-centred",
        members: "friend friend friend partner group",
        total: 5,
        personal_ties: 5,
        weak_ties: 1,
        expected: Some(NetworkType::Friends),
    },
    Case {
        name: "places and activities are not weak ties",
        members: "friend friend friend friend friend place activity place",
        total: 8,
        personal_ties: 5,
        weak_ties: 0,
        expected: Some(NetworkType::Friends),
    },
    Case {
        name: "weak-tie-rich",
        members: "partner friend group group neighbour acquaintance colleague online",
        total: 8,
        personal_ties: 7,
        weak_ties: 5,
        expected: Some(NetworkType::WeakTies),
    },
    Case {
        name: "diverse",
        members: "partner child friend friend neighbour group health_professional pet other",
        total: 9,
        personal_ties: 7,
        weak_ties: 2,
        expected: Some(NetworkType::Diverse),
    },
    Case {
        name: "five ties, none more than half",
        members: "friend friend partner child neighbour",
        total: 5,
        personal_ties: 5,
        weak_ties: 1,
        expected: Some(NetworkType::Diverse),
    },
];

#[test]
fn hand_made_networks_get_the_expected_counts_and_type() {
    for case in CASES {
        let summary = summarise(&net(case.members));
        let got = (
            summary.total(),
            summary.personal_ties(),
            summary.weak_ties(),
            summary.network_type(),
        );
        let want = (
            case.total,
            case.personal_ties,
            case.weak_ties,
            case.expected,
        );
        assert_eq!(got, want, "{}", case.name);
        let share = summary.weak_tie_share();
        assert!((0.0..=1.0).contains(&share), "{}: share {share}", case.name);
        let expected_share = if case.personal_ties == 0 {
            0.0
        } else {
            case.weak_ties as f32 / case.personal_ties as f32
        };
        assert!(
            (share - expected_share).abs() < 1e-6,
            "{}: share {share}, want {expected_share}",
            case.name
        );
    }
}

#[test]
fn counts_per_circle_kind_and_role() {
    // Circles cycle inner, middle, outer.
    let summary = summarise(&net(
        "partner friend group pet place activity thing online health_professional neighbour",
    ));
    assert_eq!(summary.total(), 10);
    let circles: Vec<usize> = Circle::ALL.iter().map(|&c| summary.in_circle(c)).collect();
    assert_eq!(circles, [4, 3, 3]);
    let kinds: Vec<usize> = MemberKind::ALL
        .iter()
        .map(|&k| summary.of_kind(k))
        .collect();
    // person, group, pet, place, activity, thing, online
    assert_eq!(kinds, [4, 1, 1, 1, 1, 1, 1]);
    let roles: Vec<usize> = Role::ALL.iter().map(|&r| summary.of_role(r)).collect();
    // family, friend, weak tie, professional, other person, other kind
    assert_eq!(roles, [1, 1, 2, 1, 0, 5]);
}

#[test]
fn roles_follow_the_kind_first_then_the_relationship() {
    let mut network = net("group person");
    // A relationship on a group (the form never sets one) does not make it family.
    network.members[0].relationship = Some(Relationship::Partner);
    let summary = summarise(&network);
    assert_eq!(Role::of(&network.members[0]), Role::WeakTie);
    // A person with no relationship given is an "other person", still a personal tie.
    assert_eq!(Role::of(&network.members[1]), Role::OtherPerson);
    assert_eq!(summary.personal_ties(), 2);
    let acquaintance = net("acquaintance colleague neighbour link_worker other_family");
    let roles: Vec<Role> = acquaintance.members.iter().map(Role::of).collect();
    assert_eq!(
        roles,
        [
            Role::WeakTie,
            Role::WeakTie,
            Role::WeakTie,
            Role::Professional,
            Role::Family
        ]
    );
}

#[test]
fn helpers_per_area_and_task() {
    let mut network = net("partner friend pet health_professional");
    let pat = gives(
        &mut network,
        0,
        &[
            SupportTask::Medication,
            SupportTask::Meals,
            SupportTask::Comfort,
        ],
    );
    let sam = gives(
        &mut network,
        1,
        &[SupportTask::Shopping, SupportTask::Meals],
    );
    let dog = gives(&mut network, 2, &[SupportTask::Companionship]);
    let gp = gives(&mut network, 3, &[SupportTask::Medication]);
    let summary = summarise(&network);

    assert_eq!(summary.helpers(SupportArea::Illness), [pat, gp]);
    assert_eq!(summary.helpers(SupportArea::Everyday), [pat, sam]);
    assert_eq!(summary.helpers(SupportArea::Emotional), [pat, dog]);
    assert_eq!(summary.task_helpers(SupportTask::Meals), [pat, sam]);
    assert_eq!(summary.task_helpers(SupportTask::Medication), [pat, gp]);
    assert_eq!(
        summary.task_helpers(SupportTask::Lifts),
        [] as [MemberId; 0]
    );
    assert!(summary.rests_on_one().is_empty());
    assert_eq!(
        summary.observations(),
        [
            Observation::SupportShared,
            Observation::HelpBeyondPeople { count: 1 },
            Observation::FewWeakTies,
        ]
    );
}

#[test]
fn support_resting_on_one_person_is_named_once_per_person() {
    let mut network = net("partner friend friend");
    let pat = gives(
        &mut network,
        0,
        &[SupportTask::Medication, SupportTask::Comfort],
    );
    let sam = gives(&mut network, 1, &[SupportTask::Lifts]);
    let jo = gives(&mut network, 2, &[SupportTask::Companionship]);
    let summary = summarise(&network);

    assert_eq!(
        summary.rests_on_one(),
        [(SupportArea::Illness, pat), (SupportArea::Everyday, sam)]
    );
    assert_eq!(summary.helpers(SupportArea::Emotional), [pat, jo]);
    assert_eq!(
        summary.observations(),
        [
            Observation::RestsOnOne {
                member: pat,
                areas: vec![SupportArea::Illness],
            },
            Observation::RestsOnOne {
                member: sam,
                areas: vec![SupportArea::Everyday],
            },
            Observation::FewWeakTies,
        ]
    );
}

#[test]
fn a_partner_who_does_everything_gets_one_kind_observation() {
    let mut network = net("partner");
    let pat = gives(
        &mut network,
        0,
        &[
            SupportTask::Appointments,
            SupportTask::Housework,
            SupportTask::Wellbeing,
        ],
    );
    network.get_mut(pat).expect("there").receives = [SupportArea::Emotional].into();
    network.dormant.push(DormantActivity {
        label: "Bowls".into(),
        why_stopped: String::new(),
    });
    let summary = summarise(&network);
    assert_eq!(summary.network_type(), Some(NetworkType::MinimalFamily));
    assert_eq!(summary.rests_on_one().len(), 3);
    assert_eq!(
        summary.observations(),
        [
            Observation::RestsOnOne {
                member: pat,
                areas: SupportArea::ALL.to_vec(),
            },
            Observation::GivesBack { count: 1 },
            Observation::FewWeakTies,
            Observation::DormantActivities { count: 1 },
        ]
    );
}

#[test]
fn gaps_are_only_named_once_some_support_is_marked() {
    // Small (three personal ties), a third weak ties, nothing dropped: something nearby.
    let network = net("partner friend neighbour");
    assert_eq!(
        summarise(&network).observations(),
        [Observation::NoSupportMarkedYet, Observation::ExploreNearby]
    );

    let mut marked = network.clone();
    let sam = gives(&mut marked, 1, &[SupportTask::Comfort]);
    assert_eq!(
        summarise(&marked).observations(),
        [
            Observation::RestsOnOne {
                member: sam,
                areas: vec![SupportArea::Emotional],
            },
            Observation::NoOneHelpsWith(SupportArea::Illness),
            Observation::NoOneHelpsWith(SupportArea::Everyday),
            Observation::ExploreNearby,
        ]
    );
}

#[test]
fn weak_ties_are_named_as_a_strength_or_a_possibility() {
    let rich = summarise(&net(
        "partner friend group group neighbour acquaintance colleague",
    ));
    assert_eq!(
        rich.observations(),
        [
            Observation::NoSupportMarkedYet,
            Observation::ManyWeakTies { count: 5 },
        ]
    );
    // Two weak ties out of three is a large share but too few to call "many".
    let two = summarise(&net("friend group neighbour"));
    assert!(!two
        .observations()
        .iter()
        .any(|o| matches!(o, Observation::ManyWeakTies { .. })));
    // Exactly one in five is not "few".
    let one_in_five = summarise(&net("friend friend friend friend group"));
    assert!(!one_in_five
        .observations()
        .contains(&Observation::FewWeakTies));
    let one_in_six = summarise(&net("friend friend friend friend friend group"));
    assert!(one_in_six
        .observations()
        .contains(&Observation::FewWeakTies));
    // No ties to people at all: a light connection is the first possibility.
    assert_eq!(
        summarise(&net("pet thing online")).observations(),
        [Observation::NoSupportMarkedYet, Observation::FewWeakTies]
    );
}

#[test]
fn an_empty_map_says_so_and_keeps_dropped_activities() {
    let summary = summarise(&Network::default());
    assert_eq!(summary.observations(), [Observation::EmptyNetwork]);
    assert_eq!(summary.weak_tie_share(), 0.0);
    assert_eq!(summary.helpers(SupportArea::Emotional), [] as [MemberId; 0]);
    let circles: usize = Circle::ALL.iter().map(|&c| summary.in_circle(c)).sum();
    assert_eq!(circles, 0);

    let mut with_dormant = Network::default();
    for label in ["Choir", "Swimming"] {
        with_dormant.dormant.push(DormantActivity {
            label: label.into(),
            why_stopped: String::new(),
        });
    }
    assert_eq!(
        summarise(&with_dormant).observations(),
        [
            Observation::EmptyNetwork,
            Observation::DormantActivities { count: 2 },
        ]
    );
}

/// A small network must never get only gaps: at least one possibility is always named.
#[test]
fn small_networks_always_get_a_possibility() {
    let possibility = |o: &Observation| {
        matches!(
            o,
            Observation::FewWeakTies
                | Observation::DormantActivities { .. }
                | Observation::ExploreNearby
        )
    };
    for case in CASES.iter().filter(|c| c.total > 0) {
        let mut network = net(case.members);
        // Mark one area only, so the gap observations fire too.
        gives(&mut network, 0, &[SupportTask::Comfort]);
        let summary = summarise(&network);
        if summary.personal_ties() < thresholds::SMALL_NETWORK {
            assert!(
                summary.observations().iter().any(possibility),
                "{}: {:?}",
                case.name,
                summary.observations()
            );
        }
    }
}

#[test]
fn repeated_ids_in_stored_data_are_counted_once_as_helpers() {
    let mut network = net("friend friend");
    network.members[1].id = network.members[0].id;
    let first = gives(&mut network, 0, &[SupportTask::Comfort]);
    gives(&mut network, 1, &[SupportTask::Comfort]);
    let summary = summarise(&network);
    assert_eq!(summary.total(), 2);
    assert_eq!(summary.helpers(SupportArea::Emotional), [first]);
    assert_eq!(summary.rests_on_one(), [(SupportArea::Emotional, first)]);
}

/// The words are catalogue keys and export values: renaming one is a data change.
#[test]
fn stable_words_are_pinned() {
    let types: Vec<&str> = NetworkType::ALL.iter().map(|t| t.as_str()).collect();
    assert_eq!(
        types,
        [
            "restricted",
            "minimal_family",
            "family",
            "friends",
            "weak_ties",
            "diverse"
        ]
    );
    let roles: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
    assert_eq!(
        roles,
        [
            "family",
            "friend",
            "weak_tie",
            "professional",
            "other_person",
            "other_kind"
        ]
    );
    let every_observation = [
        Observation::EmptyNetwork,
        Observation::NoSupportMarkedYet,
        Observation::RestsOnOne {
            member: MemberId(0),
            areas: vec![],
        },
        Observation::NoOneHelpsWith(SupportArea::Illness),
        Observation::SupportShared,
        Observation::GivesBack { count: 1 },
        Observation::HelpBeyondPeople { count: 1 },
        Observation::ManyWeakTies { count: 3 },
        Observation::FewWeakTies,
        Observation::DormantActivities { count: 1 },
        Observation::ExploreNearby,
    ];
    let words: Vec<&str> = every_observation.iter().map(Observation::word).collect();
    assert_eq!(words, Observation::WORDS);
    assert_eq!(
        Observation::WORDS,
        [
            "empty_network",
            "no_support_marked_yet",
            "rests_on_one",
            "no_one_helps_with",
            "support_shared",
            "gives_back",
            "help_beyond_people",
            "many_weak_ties",
            "few_weak_ties",
            "dormant_activities",
            "explore_nearby"
        ]
    );
}

/// docs/network-types.md is what link workers read: it must name every type and observation
/// and the thresholds the code uses.
#[test]
fn the_guide_for_link_workers_matches_the_code() {
    let doc = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/network-types.md"
    ));
    for word in NetworkType::ALL
        .iter()
        .map(|t| t.as_str())
        .chain(Observation::WORDS.iter().copied())
    {
        assert!(doc.contains(&format!("`{word}`")), "docs lack `{word}`");
    }
    for (name, value) in [
        ("SMALL_NETWORK", thresholds::SMALL_NETWORK),
        ("MINIMAL_FAMILY_PERCENT", thresholds::MINIMAL_FAMILY_PERCENT),
        ("FAMILY_PERCENT", thresholds::FAMILY_PERCENT),
        ("FRIENDS_PERCENT", thresholds::FRIENDS_PERCENT),
        ("WEAK_TIES_PERCENT", thresholds::WEAK_TIES_PERCENT),
        ("FEW_WEAK_TIES_PERCENT", thresholds::FEW_WEAK_TIES_PERCENT),
        ("MANY_WEAK_TIES_PERCENT", thresholds::MANY_WEAK_TIES_PERCENT),
        ("MANY_WEAK_TIES_MIN", thresholds::MANY_WEAK_TIES_MIN),
        ("SHARED_SUPPORT_MIN", thresholds::SHARED_SUPPORT_MIN),
    ] {
        let line = format!("`{name}` = {value}");
        assert!(doc.contains(&line), "docs lack the line {line:?}");
    }
}

/// Keeps the helper honest: the summary of a network is the same however often it is made.
#[test]
fn summarising_is_pure() {
    let mut network = net("partner friend group pet");
    gives(&mut network, 3, &[SupportTask::Comfort]);
    let once: Summary = summarise(&network);
    assert_eq!(once, summarise(&network));
    assert_eq!(id(&network, 3), once.helpers(SupportArea::Emotional)[0]);
}
