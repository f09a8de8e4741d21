//! What changed between two maps, on hand-made pairs.

mod common;

use std::collections::BTreeSet;

use common::sample_network;
use genie_core::followup::{
    diff, CircleMove, ContactDirection, KindChange, MemberRef, ReAdded, SupportSpread,
};
use genie_core::model::{
    Circle, ContactFrequency, MemberId, MemberKind, Network, SupportArea, SupportTask,
};

// Ids in the sample network, in the order it adds them.
const PAT: MemberId = MemberId(0);
const BISCUIT: MemberId = MemberId(1);
const CHOIR: MemberId = MemberId(2);
const LIBRARY: MemberId = MemberId(3);
const GARDENING: MemberId = MemberId(4);
const MONITOR: MemberId = MemberId(5);
const FORUM: MemberId = MemberId(6);

fn edit(net: &mut Network, id: MemberId, f: impl FnOnce(&mut genie_core::model::Member)) {
    f(net.get_mut(id).expect("member in the sample"));
}

#[test]
fn the_same_map_has_no_change() {
    let net = sample_network();
    let d = diff(&net, &net.clone());
    assert!(d.is_empty());
    assert_eq!(d.unchanged, 7);

    let empty = diff(&Network::default(), &Network::default());
    assert!(empty.is_empty());
    assert_eq!(empty.unchanged, 0);
}

#[test]
fn everything_is_new_after_an_empty_map() {
    let after = sample_network();
    let d = diff(&Network::default(), &after);
    assert_eq!(d.new_members.len(), 7);
    assert_eq!(
        d.new_members[2],
        MemberRef {
            id: CHOIR,
            kind: MemberKind::Group
        }
    );
    assert!(d.lost_members.is_empty());
    let by_kind = d.new_by_kind();
    assert_eq!(by_kind[&MemberKind::Person], 1);
    assert_eq!(by_kind[&MemberKind::Online], 1);
    assert_eq!(
        d.new_of_kind(MemberKind::Place).collect::<Vec<_>>(),
        [LIBRARY]
    );
    // Pat helps in every area; there was nobody before, so nothing "spread".
    assert!(d.support_spread.is_empty());

    // And the other way: everyone lost, in the earlier map's order.
    let gone = diff(&after, &Network::default());
    let ids: Vec<MemberId> = gone.lost_members.iter().map(|m| m.id).collect();
    assert_eq!(
        ids,
        [PAT, BISCUIT, CHOIR, LIBRARY, GARDENING, MONITOR, FORUM]
    );
    assert!(gone.new_members.is_empty());
}

#[test]
fn members_moved_closer_and_further() {
    let before = sample_network();
    let mut after = before.clone();
    edit(&mut after, PAT, |m| m.circle = Circle::Middle);
    edit(&mut after, LIBRARY, |m| m.circle = Circle::Middle);
    edit(&mut after, CHOIR, |m| m.circle = Circle::Inner);
    edit(&mut after, MONITOR, |m| m.circle = Circle::Inner);

    let d = diff(&before, &after);
    let closer: Vec<CircleMove> = d.moved_closer().copied().collect();
    assert_eq!(
        closer,
        [
            CircleMove {
                member: CHOIR,
                from: Circle::Middle,
                to: Circle::Inner
            },
            CircleMove {
                member: LIBRARY,
                from: Circle::Outer,
                to: Circle::Middle
            },
            CircleMove {
                member: MONITOR,
                from: Circle::Outer,
                to: Circle::Inner
            },
        ]
    );
    let further: Vec<MemberId> = d.moved_further().map(|m| m.member).collect();
    assert_eq!(further, [PAT]);
    assert_eq!(d.unchanged, 3);
    assert!(d.new_members.is_empty() && d.lost_members.is_empty());
}

#[test]
fn kinds_changed_and_renamed_members_stay_the_same_member() {
    let before = sample_network();
    let mut after = before.clone();
    edit(&mut after, GARDENING, |m| m.kind = MemberKind::Group);
    edit(&mut after, CHOIR, |m| m.name = "Thursday choir".into());

    let d = diff(&before, &after);
    assert_eq!(
        d.kind_changed,
        [KindChange {
            member: GARDENING,
            from: MemberKind::Activity,
            to: MemberKind::Group
        }]
    );
    assert_eq!(d.renamed, [CHOIR]);
    assert!(d.new_members.is_empty() && d.lost_members.is_empty());
    assert_eq!(d.unchanged, 5);
}

#[test]
fn deleted_members_are_lost_and_a_member_put_back_is_not_new() {
    let before = sample_network();
    let mut after = before.clone();
    after.remove(LIBRARY);
    after.remove(FORUM);
    // Biscuit removed by mistake, then added back (a new id), now in the middle circle.
    after.remove(BISCUIT);
    let back = after.add("  biscuit ", MemberKind::Pet, Circle::Middle);
    // A new place with a lost member's name but another kind is a new member.
    let cafe = after.add("Patient forum", MemberKind::Place, Circle::Outer);

    let d = diff(&before, &after);
    assert_eq!(
        d.lost_members,
        [
            MemberRef {
                id: LIBRARY,
                kind: MemberKind::Place
            },
            MemberRef {
                id: FORUM,
                kind: MemberKind::Online
            },
        ]
    );
    assert_eq!(
        d.new_members,
        [MemberRef {
            id: cafe,
            kind: MemberKind::Place
        }]
    );
    assert_eq!(
        d.re_added,
        [ReAdded {
            before: BISCUIT,
            after: back
        }]
    );
    assert_eq!(
        d.moved,
        [CircleMove {
            member: back,
            from: Circle::Inner,
            to: Circle::Middle
        }]
    );
    assert_eq!(d.renamed, [back]);
}

#[test]
fn contact_more_or_less_only_when_both_waves_recorded_it() {
    let before = sample_network();
    let mut after = before.clone();
    edit(&mut after, PAT, |m| {
        m.contact = Some(ContactFrequency::Weekly)
    });
    edit(&mut after, CHOIR, |m| {
        m.contact = Some(ContactFrequency::Weekly)
    });
    let mut before = before;
    edit(&mut before, LIBRARY, |m| {
        m.contact = Some(ContactFrequency::FewTimesAYear)
    });
    edit(&mut after, LIBRARY, |m| {
        m.contact = Some(ContactFrequency::Monthly)
    });

    let d = diff(&before, &after);
    assert_eq!(d.contact.len(), 3);
    let less: Vec<MemberId> = d.less_contact().map(|c| c.member).collect();
    let more: Vec<MemberId> = d.more_contact().map(|c| c.member).collect();
    assert_eq!(less, [PAT]);
    assert_eq!(more, [LIBRARY]);
    let choir = d.contact.iter().find(|c| c.member == CHOIR).expect("choir");
    assert_eq!(choir.direction(), None);
    assert_eq!(choir.to, Some(ContactFrequency::Weekly));
    assert_eq!(
        d.contact[0].direction(),
        Some(ContactDirection::Less),
        "Pat first, in map order"
    );
}

#[test]
fn support_that_rested_on_one_member_now_shared() {
    // In the sample Pat alone helps with medication (illness), lifts (everyday) and comfort
    // (emotional).
    let before = sample_network();
    let mut after = before.clone();
    edit(&mut after, CHOIR, |m| {
        m.gives.insert(SupportTask::Companionship);
    });
    let helper = after.add("Jo", MemberKind::Person, Circle::Middle);
    edit(&mut after, helper, |m| {
        m.gives.insert(SupportTask::Shopping);
    });
    edit(&mut after, PAT, |m| {
        m.gives.remove(&SupportTask::Lifts);
        m.receives.insert(SupportArea::Everyday);
    });

    let d = diff(&before, &after);
    assert_eq!(
        d.support_spread,
        [SupportSpread {
            area: SupportArea::Emotional,
            was: PAT,
            now: vec![PAT, CHOIR]
        }],
        "everyday moved from Pat to Jo: still one helper, not spread"
    );
    assert_eq!(d.support.len(), 2);
    let pat = &d.support[0];
    assert_eq!(pat.member, PAT);
    assert!(pat.gained.is_empty());
    assert_eq!(pat.dropped, BTreeSet::from([SupportTask::Lifts]));
    assert_eq!(
        pat.gives_back_gained,
        BTreeSet::from([SupportArea::Everyday])
    );
    assert_eq!(d.support[1].member, CHOIR);
    assert_eq!(
        d.support[1].gained,
        BTreeSet::from([SupportTask::Companionship])
    );
}

#[test]
fn a_repeated_id_in_stored_data_is_counted_once() {
    let before = sample_network();
    let mut after = before.clone();
    let mut copy = after.members[0].clone();
    copy.circle = Circle::Outer;
    after.members.push(copy);
    let d = diff(&before, &after);
    assert!(
        d.is_empty(),
        "the first Pat is used, the stray copy ignored"
    );
    assert_eq!(d.unchanged, 7);
}
