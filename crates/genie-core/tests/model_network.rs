//! Editing the network: ids, ties, removal with undo, circles.

mod common;

use common::sample_network;
use genie_core::model::*;

#[test]
fn ids_are_never_reused_even_after_removal() {
    let mut net = Network::default();
    let a = net.add("A", MemberKind::Person, Circle::Inner);
    net.remove(a).expect("removes");
    let b = net.add("B", MemberKind::Person, Circle::Inner);
    assert_ne!(a, b);
}

#[test]
fn removing_a_member_takes_its_ties_and_undo_puts_them_back() {
    let mut net = sample_network();
    let before = net.clone();
    let pat = net.members[0].id;
    assert_eq!(net.ties.len(), 1);
    let (member, ties) = net.remove(pat).expect("removes");
    assert!(net.get(pat).is_none());
    assert!(net.ties.is_empty());
    net.restore(member, ties);
    assert_eq!(net.ties, before.ties);
    assert!(net.get(pat).is_some());
}

#[test]
fn ties_have_one_spelling_and_need_two_known_members() {
    let mut net = sample_network();
    let (a, b) = (net.members[1].id, net.members[3].id);
    assert!(net.tie(b, a));
    assert!(!net.tie(a, b), "same tie the other way round is not new");
    assert!(!net.tie(a, a));
    assert!(!net.tie(a, MemberId(999)));
    assert!(net.untie(a, b));
}

#[test]
fn circles_step_in_and_out_and_stop_at_the_edges() {
    assert_eq!(Circle::Outer.closer(), Some(Circle::Middle));
    assert_eq!(Circle::Inner.closer(), None);
    assert_eq!(Circle::Inner.further(), Some(Circle::Middle));
    assert_eq!(Circle::Outer.further(), None);
}

#[test]
fn every_sub_category_is_switched_on_by_some_question() {
    let mut on: Vec<SubCategory> = Interest::ALL
        .iter()
        .flat_map(|i| i.switches_on().1.iter().copied())
        .collect();
    on.sort();
    on.dedup();
    assert_eq!(on.len(), SubCategory::ALL.len());
    assert_eq!(SubCategory::Swimming.category(), Category::Health);
    assert_eq!(SubCategory::Befriending.category(), Category::Support);
}

#[test]
fn support_tasks_fall_into_the_three_areas() {
    assert_eq!(SupportArea::Illness.tasks().count(), 4);
    assert_eq!(SupportArea::Everyday.tasks().count(), 6);
    assert_eq!(SupportArea::Emotional.tasks().count(), 3);
}

#[test]
fn closing_a_wave_with_the_clock_set_back_never_closes_before_it_started() {
    let mut wave = Wave::first(Timestamp(10_000));
    let next = wave.close_and_continue(Timestamp(5_000));
    assert_eq!(wave.closed_at, Some(Timestamp(10_000)));
    assert_eq!(next.started_at, Timestamp(10_000));
    assert_eq!(next.network, wave.network);
    assert!(next.is_open());
}

mod check_in_draft {
    use genie_core::model::{Barrier, CheckInDraft, Choice, ChoiceStatus, Timestamp, Tried};

    fn choice() -> Choice {
        serde_json::from_str(
            r#"{"id":1,"resource_id":"r","resource_name":"Walk","chosen_at":0,"status":"planned"}"#,
        )
        .expect("a choice")
    }

    #[test]
    fn a_draft_is_kept_until_tried_is_answered_then_saved_once() {
        let mut c = choice();
        c.check_in_draft = Some(CheckInDraft {
            barriers: [Barrier::Cost].into(),
            note: "  bus was late ".into(),
            ..CheckInDraft::default()
        });
        assert!(!c.finish_check_in(Timestamp(5)), "not answered yet");
        assert!(c.check_ins.is_empty() && c.check_in_draft.is_some());

        if let Some(d) = c.check_in_draft.as_mut() {
            d.tried = Some(Tried::NotYet);
            // Ratings only count when the person went.
            d.how_it_went = Some(4);
            d.go_again = Some(true);
        }
        assert!(c.finish_check_in(Timestamp(5)));
        assert_eq!(c.check_in_draft, None);
        let saved = &c.check_ins[0];
        assert_eq!((saved.how_it_went, saved.go_again), (None, None));
        assert_eq!(saved.note, "bus was late");
        assert_eq!(c.status, ChoiceStatus::Planned);
    }

    #[test]
    fn going_or_stopping_follows_the_answers() {
        let answer = |tried, how, again| {
            let mut c = choice();
            c.check_in_draft = Some(CheckInDraft {
                tried: Some(tried),
                how_it_went: how,
                go_again: again,
                ..CheckInDraft::default()
            });
            assert!(c.finish_check_in(Timestamp(1)));
            (c.status, c.check_ins[0].how_it_went)
        };
        assert_eq!(
            answer(Tried::Yes, Some(5), Some(true)),
            (ChoiceStatus::Going, Some(5))
        );
        assert_eq!(
            answer(Tried::Yes, Some(9), Some(false)),
            (ChoiceStatus::Stopped, None)
        );
        assert_eq!(answer(Tried::No, None, None), (ChoiceStatus::Stopped, None));
    }
}

/// After a good check-in the activity can go on the map, once, as an activity or a group in
/// the circle the person picks; it then scores as a new activity and is no longer "planned".
mod on_the_map {
    use genie_core::followup::{score_waves, ScoreItem, ScoreReason};
    use genie_core::model::{
        put_on_map, CheckInDraft, Choice, Circle, MemberKind, OnMapRefusal, Timestamp, Tried, Wave,
    };

    fn choice() -> Choice {
        serde_json::from_str(
            r#"{"id":1,"resource_id":"r","resource_name":"Riverside walk","chosen_at":0,"status":"planned"}"#,
        )
        .expect("a choice")
    }

    fn checked_in(tried: Tried, again: Option<bool>) -> Choice {
        let mut c = choice();
        c.check_in_draft = Some(CheckInDraft {
            tried: Some(tried),
            how_it_went: Some(4),
            go_again: again,
            ..CheckInDraft::default()
        });
        assert!(c.finish_check_in(Timestamp(10)));
        c
    }

    #[test]
    fn offered_only_after_a_good_check_in() {
        assert!(!choice().can_go_on_map(), "not before a check-in");
        assert!(!checked_in(Tried::NotYet, None).can_go_on_map());
        assert!(!checked_in(Tried::No, None).can_go_on_map());
        assert!(!checked_in(Tried::Yes, Some(false)).can_go_on_map());
        assert!(
            !checked_in(Tried::Yes, None).can_go_on_map(),
            "go again unanswered"
        );
        assert!(checked_in(Tried::Yes, Some(true)).can_go_on_map());
    }

    #[test]
    fn put_on_the_map_it_counts_as_a_new_activity_and_is_no_longer_planned() {
        let mut first = Wave::first(Timestamp(0));
        first.network.add("Sam", MemberKind::Person, Circle::Inner);
        let mut second = first.close_and_continue(Timestamp(100));

        let mut c = checked_in(Tried::Yes, Some(true));
        assert!(c.is_planned());
        let before = c.clone();
        let mut untouched = second.network.clone();
        assert_eq!(
            put_on_map(
                &mut untouched,
                &mut c.clone(),
                MemberKind::Person,
                Circle::Outer
            ),
            Err(OnMapRefusal::NotAnActivity)
        );
        assert_eq!(untouched, second.network, "nothing added when refused");

        let id = put_on_map(
            &mut second.network,
            &mut c,
            MemberKind::Group,
            Circle::Middle,
        )
        .expect("offered");
        let member = second.network.get(id).expect("on the map");
        assert_eq!(
            (member.name.as_str(), member.kind, member.circle),
            ("Riverside walk", MemberKind::Group, Circle::Middle)
        );
        assert_eq!(c.on_map, Some(id));
        assert!(
            !c.is_planned() && c.is_active(),
            "still going, no longer planned"
        );
        assert!(before.is_planned());

        // Once only.
        let members = second.network.members.len();
        assert_eq!(
            put_on_map(
                &mut second.network,
                &mut c,
                MemberKind::Activity,
                Circle::Outer
            ),
            Err(OnMapRefusal::NotOffered)
        );
        assert_eq!(second.network.members.len(), members);

        let score = score_waves(&first, &second);
        assert!(score.earned(ScoreItem::NewActivities));
        assert!(
            !score.earned(ScoreItem::NewMembers),
            "one addition, one point"
        );
        assert_eq!(
            score
                .line(ScoreItem::NewActivities)
                .map(|l| l.reasons.clone()),
            Some(vec![ScoreReason::NewMember {
                member: id,
                kind: MemberKind::Group
            }])
        );
    }
}
