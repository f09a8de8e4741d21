//! The five-item change score, item by item, with the reasons that earned each point.

mod common;

use common::sample_network;
use genie_core::followup::{change_score, diff, score_waves, ScoreItem, ScoreReason};
use genie_core::model::{
    Circle, ContactFrequency, MemberId, MemberKind, Network, SupportArea, SupportTask, Timestamp,
    Wave,
};

const PAT: MemberId = MemberId(0);
const BISCUIT: MemberId = MemberId(1);
const CHOIR: MemberId = MemberId(2);
const GARDENING: MemberId = MemberId(4);

fn earned(before: &Network, after: &Network) -> Vec<ScoreItem> {
    let score = change_score(&diff(before, after));
    ScoreItem::ALL
        .iter()
        .copied()
        .filter(|&i| score.earned(i))
        .collect()
}

#[test]
fn no_change_scores_nothing_and_lists_all_five_items() {
    let net = sample_network();
    let score = change_score(&diff(&net, &net));
    assert_eq!(score.total(), 0);
    let items: Vec<ScoreItem> = score.lines.iter().map(|l| l.item).collect();
    assert_eq!(items, ScoreItem::ALL);
    assert_eq!(
        ScoreItem::ALL
            .iter()
            .map(|i| i.as_str())
            .collect::<Vec<_>>(),
        [
            "new_activities",
            "online",
            "reflection_on_support",
            "more_contact",
            "new_members"
        ]
    );
}

#[test]
fn a_first_map_after_an_empty_one_scores_the_three_new_member_items() {
    let mut first = Wave::first(Timestamp(0));
    let mut second = first.close_and_continue(Timestamp(1));
    second.network = sample_network();
    first.network = Network::default();
    let score = score_waves(&first, &second);
    assert_eq!(score.total(), 3);
    let ids = |item| -> Vec<MemberId> {
        score
            .line(item)
            .map(|l| {
                l.reasons
                    .iter()
                    .filter_map(|r| match r {
                        ScoreReason::NewMember { member, .. } => Some(*member),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    // Choir (group) and gardening (activity); the forum; Pat, Biscuit, library, monitor.
    assert_eq!(ids(ScoreItem::NewActivities), [CHOIR, GARDENING]);
    assert_eq!(ids(ScoreItem::Online), [MemberId(6)]);
    assert_eq!(
        ids(ScoreItem::NewMembers),
        [PAT, BISCUIT, MemberId(3), MemberId(5)]
    );
    assert!(!score.earned(ScoreItem::ReflectionOnSupport));
    assert!(!score.earned(ScoreItem::MoreContact));
}

#[test]
fn reflection_and_more_contact_come_from_members_on_both_maps() {
    let mut before = sample_network();
    if let Some(choir) = before.get_mut(CHOIR) {
        choir.contact = Some(ContactFrequency::Monthly);
    }
    let mut after = before.clone();
    if let Some(choir) = after.get_mut(CHOIR) {
        choir.contact = Some(ContactFrequency::Weekly);
        choir.gives.insert(SupportTask::Companionship);
    }
    if let Some(pat) = after.get_mut(PAT) {
        pat.gives.remove(&SupportTask::Lifts);
        pat.receives.insert(SupportArea::Everyday);
    }

    let score = change_score(&diff(&before, &after));
    assert_eq!(score.total(), 2);
    let reflection = &score
        .line(ScoreItem::ReflectionOnSupport)
        .expect("listed")
        .reasons;
    // In map order: Pat no longer gives lifts and the person now helps Pat with everyday
    // work in return; the choir now gives companionship.
    assert_eq!(
        reflection,
        &[
            ScoreReason::SupportChanged {
                member: PAT,
                gained: vec![],
                dropped: vec![SupportTask::Lifts],
                gives_back_gained: vec![SupportArea::Everyday],
                gives_back_dropped: vec![],
            },
            ScoreReason::SupportChanged {
                member: CHOIR,
                gained: vec![SupportTask::Companionship],
                dropped: vec![],
                gives_back_gained: vec![],
                gives_back_dropped: vec![],
            },
        ]
    );
    assert_eq!(
        score.line(ScoreItem::MoreContact).expect("listed").reasons,
        [ScoreReason::MoreContact {
            member: CHOIR,
            kind: MemberKind::Group,
            from: ContactFrequency::Monthly,
            to: ContactFrequency::Weekly
        }]
    );
}

#[test]
fn what_does_not_score() {
    let before = sample_network();

    // More contact with a pet is not contact with groups or people.
    let mut after = before.clone();
    if let Some(dog) = after.get_mut(BISCUIT) {
        dog.contact = Some(ContactFrequency::Daily);
    }
    let mut before_pet = before.clone();
    if let Some(dog) = before_pet.get_mut(BISCUIT) {
        dog.contact = Some(ContactFrequency::Weekly);
    }
    assert!(earned(&before_pet, &after).is_empty());

    // Contact recorded for the first time is not "more".
    let mut after = before.clone();
    if let Some(choir) = after.get_mut(CHOIR) {
        choir.contact = Some(ContactFrequency::Daily);
    }
    assert!(earned(&before, &after).is_empty());

    // Moving closer, a new name or a new kind changes the map, not the network.
    let mut after = before.clone();
    if let Some(choir) = after.get_mut(CHOIR) {
        choir.circle = Circle::Inner;
        choir.name = "Choir".into();
        choir.kind = MemberKind::Activity;
    }
    assert!(earned(&before, &after).is_empty());

    // A member removed and put back is not new; losing members scores nothing either.
    let mut after = before.clone();
    after.remove(BISCUIT);
    after.add("Biscuit", MemberKind::Pet, Circle::Inner);
    after.remove(GARDENING);
    assert!(earned(&before, &after).is_empty());
}

#[test]
fn one_point_per_item_however_many_reasons() {
    let before = Network::default();
    let mut after = Network::default();
    for name in ["Walking group", "Knit and natter", "Swimming"] {
        after.add(name, MemberKind::Group, Circle::Outer);
    }
    let score = change_score(&diff(&before, &after));
    assert_eq!(score.total(), 1);
    assert_eq!(
        score
            .line(ScoreItem::NewActivities)
            .map(|l| l.reasons.len()),
        Some(3)
    );
}
