//! What is due when the app opens: check-ins after choosing, take stock at 6 and 12 months,
//! and a device clock moved backwards.

use genie_core::followup::{due_now, schedule, Due, DueItem, Milestone};
use genie_core::model::{Choice, ChoiceId, Timestamp, Wave};

const DAY: i64 = Timestamp::MS_PER_DAY;
/// The first map: 2026-01-01T00:00:00Z.
const T0: Timestamp = Timestamp(1_767_225_600_000);

fn day(n: i64) -> Timestamp {
    Timestamp(T0.0 + n * DAY)
}

/// Built from JSON, as stored, so the test reads like a record. Check-ins: (day, tried).
fn choice(id: u32, chosen: i64, status: &str, check_ins: &[(i64, &str)]) -> Choice {
    let check_ins: Vec<serde_json::Value> = check_ins
        .iter()
        .map(|(d, tried)| serde_json::json!({ "at": day(*d).0, "tried": tried }))
        .collect();
    serde_json::from_value(serde_json::json!({
        "id": id,
        "resource_id": format!("r{id}"),
        "resource_name": "Walking group",
        "chosen_at": day(chosen).0,
        "status": status,
        "check_ins": check_ins,
    }))
    .expect("a valid choice")
}

fn check_in(choice: u32, round: u8) -> DueItem {
    DueItem::CheckIn {
        choice: ChoiceId(choice),
        round,
    }
}

fn items(due: &[Due]) -> Vec<DueItem> {
    due.iter().map(|d| d.item).collect()
}

#[test]
fn a_check_in_two_weeks_after_choosing_and_again_after_not_yet() {
    let waves = vec![Wave::first(T0)];
    let fresh = choice(1, 3, "planned", &[]);
    assert!(due_now(day(16), &waves, std::slice::from_ref(&fresh)).is_empty());
    let due = due_now(day(17), &waves, &[fresh]);
    assert_eq!(
        due,
        [Due {
            item: check_in(1, 1),
            at: day(17)
        }]
    );
    assert_eq!(due[0].days_overdue(day(20)), 3);

    // "Not yet" on day 18: the next one 14 days after that, as round 2.
    let not_yet = choice(1, 3, "planned", &[(18, "not_yet")]);
    assert!(due_now(day(31), &waves, std::slice::from_ref(&not_yet)).is_empty());
    assert_eq!(
        items(&due_now(day(32), &waves, &[not_yet])),
        [check_in(1, 2)]
    );

    // A "yes" or a "no", a stopped choice, or three check-ins already: nothing more.
    for done in [
        choice(1, 3, "going", &[(18, "yes")]),
        choice(1, 3, "planned", &[(18, "no")]),
        choice(1, 3, "stopped", &[]),
        choice(
            1,
            3,
            "planned",
            &[(18, "not_yet"), (33, "not_yet"), (48, "not_yet")],
        ),
    ] {
        assert!(due_now(day(400), &[], &[done]).is_empty());
    }
}

#[test]
fn take_stock_at_six_and_twelve_months_until_a_redraw() {
    let mut first = Wave::first(T0);
    assert!(due_now(day(181), &[first.clone()], &[]).is_empty());
    assert_eq!(
        due_now(day(182), &[first.clone()], &[]),
        [Due {
            item: DueItem::TakeStock(Milestone::SixMonths),
            at: day(182)
        }]
    );
    // A whole year without a redraw: one offer, not two.
    assert_eq!(
        items(&due_now(day(400), &[first.clone()], &[])),
        [DueItem::TakeStock(Milestone::TwelveMonths)]
    );

    // Redrawn at day 160 (within 30 days of the six-month point): six months is answered.
    let second = first.close_and_continue(day(160));
    let waves = vec![first.clone(), second];
    assert!(due_now(day(300), &waves, &[]).is_empty());
    assert_eq!(
        items(&due_now(day(365), &waves, &[])),
        [DueItem::TakeStock(Milestone::TwelveMonths)]
    );
    // Too early (day 100) does not count for six months.
    let mut first = Wave::first(T0);
    let early = first.close_and_continue(day(100));
    assert_eq!(
        items(&schedule(&[first, early], &[])),
        [
            DueItem::TakeStock(Milestone::SixMonths),
            DueItem::TakeStock(Milestone::TwelveMonths)
        ]
    );
}

#[test]
fn the_schedule_lists_upcoming_offers_in_date_order() {
    let waves = vec![Wave::first(T0)];
    let choices = vec![
        choice(2, 10, "planned", &[]),
        choice(1, 3, "planned", &[(18, "not_yet")]),
    ];
    let s = schedule(&waves, &choices);
    let dated: Vec<(DueItem, Timestamp)> = s.iter().map(|d| (d.item, d.at)).collect();
    assert_eq!(
        dated,
        [
            (check_in(2, 1), day(24)),
            (check_in(1, 2), day(32)),
            (DueItem::TakeStock(Milestone::SixMonths), day(182)),
            (DueItem::TakeStock(Milestone::TwelveMonths), day(365)),
        ]
    );
    assert_eq!(s[0].days_left(day(20)), 4);
    assert_eq!(s[0].days_left(Timestamp(day(23).0 + 1)), 1, "rounded up");
    assert_eq!(s[0].days_left(day(30)), 0, "never negative");
    assert_eq!(s[0].days_overdue(day(1)), 0, "never negative");
}

#[test]
fn a_clock_moved_backwards_brings_nothing_back() {
    // Check-in recorded on day 20, then the clock jumps back to day 5.
    let answered = choice(1, 3, "going", &[(20, "yes")]);
    let waves = vec![Wave::first(T0)];
    assert!(due_now(day(5), &waves, std::slice::from_ref(&answered)).is_empty());
    assert!(due_now(day(-3_000), &waves, &[answered]).is_empty());

    // A "not yet" recorded at day 40, then a second check-in saved while the clock read day 2
    // (before the choice itself): the next round is dated from the latest moment recorded.
    let muddled = choice(1, 3, "planned", &[(40, "not_yet"), (2, "not_yet")]);
    assert_eq!(
        schedule(&[], std::slice::from_ref(&muddled)),
        [Due {
            item: check_in(1, 3),
            at: day(54)
        }]
    );
    assert!(due_now(day(53), &[], &[muddled]).is_empty());

    // Redrawn on day 200 under the right clock, now reading day 10: six months stays answered
    // and nothing is due before the first map.
    let mut first = Wave::first(T0);
    let second = first.close_and_continue(day(200));
    let waves = vec![first, second];
    assert!(due_now(day(10), &waves, &[]).is_empty());
    assert!(due_now(day(-1), &waves, &[]).is_empty());
    assert_eq!(
        items(&due_now(day(370), &waves, &[])),
        [DueItem::TakeStock(Milestone::TwelveMonths)]
    );
}

#[test]
fn extreme_stored_times_do_not_overflow() {
    let mut c = choice(1, 0, "planned", &[]);
    c.chosen_at = Timestamp(i64::MAX - 5);
    let mut w = Wave::first(Timestamp(i64::MAX));
    let s = schedule(std::slice::from_ref(&w), &[c.clone()]);
    assert!(s.iter().all(|d| d.at == Timestamp(i64::MAX)));
    assert!(due_now(Timestamp(i64::MIN), &[w.clone()], &[c.clone()]).is_empty());
    assert_eq!(s[0].days_left(Timestamp(i64::MIN)), u32::MAX);
    w.started_at = Timestamp(i64::MIN);
    let s = schedule(&[w], &[]);
    assert_eq!(s.len(), 2);
    assert_eq!(s[0].days_overdue(Timestamp(i64::MAX)), u32::MAX);
}
