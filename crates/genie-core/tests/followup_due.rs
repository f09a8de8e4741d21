//! What is due when the app opens: check-ins after choosing, take stock at 6 and 12 months,
//! a device clock moved backwards, and offers due for the whole of their local day across
//! summer-time changes.

use genie_core::followup::{self, Due, DueItem, Milestone};
use genie_core::model::{Choice, ChoiceId, FixedOffset, LocalDay, TimeZone, Timestamp, Wave};

const DAY: i64 = Timestamp::MS_PER_DAY;
/// The first map: 2026-01-01T00:00:00Z.
const T0: Timestamp = Timestamp(1_767_225_600_000);

const UTC: FixedOffset = FixedOffset(0);

fn day(n: i64) -> Timestamp {
    Timestamp(T0.0 + n * DAY)
}

/// The UTC calendar day `n` days after the first map.
fn on(n: i64) -> LocalDay {
    UTC.day_of(day(n))
}

/// What is due at the moment `now`, for someone on UTC.
fn due_now(now: Timestamp, waves: &[Wave], choices: &[Choice]) -> Vec<Due> {
    followup::due_now(UTC.day_of(now), &UTC, waves, choices)
}

fn schedule(waves: &[Wave], choices: &[Choice]) -> Vec<Due> {
    followup::schedule(&UTC, waves, choices)
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
            day: on(17)
        }]
    );
    assert_eq!(due[0].days_overdue(on(20)), 3);

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
            day: on(182)
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
    let dated: Vec<(DueItem, LocalDay)> = s.iter().map(|d| (d.item, d.day)).collect();
    assert_eq!(
        dated,
        [
            (check_in(2, 1), on(24)),
            (check_in(1, 2), on(32)),
            (DueItem::TakeStock(Milestone::SixMonths), on(182)),
            (DueItem::TakeStock(Milestone::TwelveMonths), on(365)),
        ]
    );
    assert_eq!(s[0].days_left(on(20)), 4);
    assert_eq!(s[0].days_left(on(23)), 1, "tomorrow");
    assert_eq!(s[0].days_left(on(30)), 0, "never negative");
    assert_eq!(s[0].days_overdue(on(1)), 0, "never negative");
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
            day: on(54)
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
    assert_eq!(s.len(), 3);
    assert!(due_now(Timestamp(i64::MIN), &[w.clone()], &[c.clone()]).is_empty());
    assert_eq!(s[0].days_left(LocalDay(i64::MIN)), u32::MAX);
    w.started_at = Timestamp(i64::MIN);
    let s = followup::schedule(&FixedOffset(-720), &[w], &[]);
    assert_eq!(s.len(), 2);
    assert_eq!(s[0].days_overdue(LocalDay(i64::MAX)), u32::MAX);
}

/// The United Kingdom's rule: British Summer Time (UTC+1) from 01:00 UTC on the last Sunday
/// of March to 01:00 UTC on the last Sunday of October, Greenwich Mean Time otherwise.
struct London;

impl London {
    fn last_sunday(year: i64, month: u32) -> Timestamp {
        let mut d = LocalDay::from_ymd(year, month, 31).expect("March and October have 31 days");
        while d.weekday() != 0 {
            d = d.plus_days(-1);
        }
        Timestamp(d.0 * DAY + 3_600_000)
    }
}

impl TimeZone for London {
    fn offset_minutes(&self, at: Timestamp) -> i32 {
        let (year, _, _) = LocalDay(at.0.div_euclid(DAY)).ymd();
        let summer = London::last_sunday(year, 3) <= at && at < London::last_sunday(year, 10);
        if summer {
            60
        } else {
            0
        }
    }
}

/// A moment given as local wall-clock time in London.
fn london(y: i64, m: u32, d: u32, hour: i64, minute: i64) -> Timestamp {
    let day = LocalDay::from_ymd(y, m, d).expect("a real date");
    let wall = day.0 * DAY + hour * 3_600_000 + minute * 60_000;
    // The offset at the wall time read as UTC is right except within an hour of a change,
    // which these tests keep clear of.
    let offset = i64::from(London.offset_minutes(Timestamp(wall)));
    Timestamp(wall - offset * 60_000)
}

fn london_day(y: i64, m: u32, d: u32) -> LocalDay {
    LocalDay::from_ymd(y, m, d).expect("a real date")
}

#[test]
fn the_london_rule_changes_on_the_right_sundays() {
    assert_eq!(London.offset_minutes(london(2026, 3, 28, 12, 0)), 0);
    assert_eq!(London.offset_minutes(london(2026, 3, 29, 12, 0)), 60);
    assert_eq!(London.offset_minutes(london(2026, 10, 24, 12, 0)), 60);
    assert_eq!(London.offset_minutes(london(2026, 10, 25, 12, 0)), 0);
    // Half past midnight in summer is still the day before in UTC.
    assert_eq!(
        London.day_of(london(2026, 7, 1, 0, 30)),
        london_day(2026, 7, 1)
    );
    assert_eq!(
        UTC.day_of(london(2026, 7, 1, 0, 30)),
        london_day(2026, 6, 30)
    );
}

/// Chosen at 11:00, the reminder at 10:00 two weeks later finds the check-in due, and it stays
/// due all that day and after, whether summer time starts or ends in between.
#[test]
fn due_for_the_whole_local_day_across_summer_time_changes() {
    // No map yet, so only the check-in is in the schedule.
    let waves: Vec<Wave> = Vec::new();
    for (chosen, due_on, day_before) in [
        // Summer time starts on 29 March.
        (
            london(2026, 3, 20, 11, 0),
            london_day(2026, 4, 3),
            (2026, 4, 2),
        ),
        // Summer time ends on 25 October.
        (
            london(2026, 10, 16, 11, 0),
            london_day(2026, 10, 30),
            (2026, 10, 29),
        ),
        // Chosen at half past midnight in summer, due on the same weekday in winter, not
        // the evening before (as adding 14 × 24 hours would give).
        (
            london(2026, 10, 13, 0, 30),
            london_day(2026, 10, 27),
            (2026, 10, 26),
        ),
    ] {
        let mut c = choice(1, 0, "planned", &[]);
        c.chosen_at = chosen;
        let choices = [c];
        let at = |y, m, d, h, min| {
            let now = london(y, m, d, h, min);
            followup::due_now(London.day_of(now), &London, &waves, &choices)
        };
        let (y, m, d) = due_on.ymd();
        assert_eq!(
            followup::schedule(&London, &waves, &choices)[0],
            Due {
                item: check_in(1, 1),
                day: due_on
            }
        );
        assert!(
            at(y, m, d, 0, 5).len() == 1,
            "from the start of {y}-{m}-{d}"
        );
        assert!(at(y, m, d, 10, 0).len() == 1, "at the reminder's hour");
        assert!(at(y, m, d, 23, 55).len() == 1, "to the end of the day");
        assert!(at(y, m, d + 1, 9, 0).len() == 1, "and after");
        let (by, bm, bd) = day_before;
        assert!(at(by, bm, bd, 23, 55).is_empty(), "not the evening before");
    }

    // Six months from a first map drawn at 23:30 in summer: due on the local day, 182 days on.
    let first = Wave::first(london(2026, 6, 10, 23, 30));
    let s = followup::schedule(&London, &[first], &[]);
    assert_eq!(s[0].day, london_day(2026, 6, 10).plus_days(182));
    assert_eq!(s[0].day, london_day(2026, 12, 9));
}

/// Someone west of Greenwich: what matters is their calendar, not UTC's.
#[test]
fn due_by_the_persons_own_calendar() {
    let new_york = FixedOffset(-300);
    // Chosen at 21:00 on 1 March in New York, which is already 2 March in UTC.
    let chosen = Timestamp(LocalDay::from_ymd(2026, 3, 2).expect("date").0 * DAY + 2 * 3_600_000);
    let mut c = choice(1, 0, "planned", &[]);
    c.chosen_at = chosen;
    let s = followup::schedule(&new_york, &[], std::slice::from_ref(&c));
    assert_eq!(s[0].day, LocalDay::from_ymd(2026, 3, 15).expect("date"));
    let s = followup::schedule(&UTC, &[], &[c]);
    assert_eq!(s[0].day, LocalDay::from_ymd(2026, 3, 16).expect("date"));
}
