//! What is due when the app opens: a "did you try it?" check-in about two weeks after each
//! choice, and a "take stock" redraw of the map about 6 and 12 months after the first map.
//!
//! An offer falls due on a day of the person's own calendar and stays due for the whole of
//! that day and after: a reminder at ten in the morning never leads to "nothing is due" just
//! because the activity was chosen at eleven. The shell passes "now" and the person's time
//! zone in ([`TimeZone`]); days are counted on the local calendar, so "two weeks later" is
//! the same weekday whatever summer time does in between.
//!
//! Nothing here reads a clock or stores a "last shown" date. What is due is worked out afresh
//! from what is recorded (choices, their check-ins, the waves), so a device clock moved
//! backwards or forwards can only delay or bring forward an offer, never make one come back
//! once it has been answered, and no arithmetic here can underflow or go negative.

use crate::model::{Choice, ChoiceId, ChoiceStatus, LocalDay, TimeZone, Tried, Wave};

/// Days from choosing (or from a "not yet" check-in) to the next check-in.
pub const CHECK_IN_AFTER_DAYS: i64 = 14;
/// At most this many check-ins per choice: after three "not yet"s the app stops asking, so
/// follow-up never turns into nagging. The person can still record one from the plan.
pub const MAX_CHECK_INS: usize = 3;
/// A redraw up to this many days before a milestone counts for it, so taking stock a little
/// early is not followed by the same offer a few weeks later.
pub const TAKE_STOCK_EARLY_DAYS: i64 = 30;

/// The two take-stock points after the first map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Milestone {
    SixMonths,
    TwelveMonths,
}

impl Milestone {
    pub const ALL: &'static [Milestone] = &[Milestone::SixMonths, Milestone::TwelveMonths];

    /// Days after the first map. Whole days rather than calendar months: "about 6 months"
    /// needs no month arithmetic, and the same number works in every time zone.
    pub fn days(self) -> i64 {
        match self {
            Milestone::SixMonths => 182,
            Milestone::TwelveMonths => 365,
        }
    }

    /// The stable word for this milestone (catalogue key).
    pub fn as_str(self) -> &'static str {
        match self {
            Milestone::SixMonths => "six_months",
            Milestone::TwelveMonths => "twelve_months",
        }
    }
}

/// Something the app can offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DueItem {
    /// "Did you try it?" for one choice; `round` is 1 for the first check-in, 2 after one
    /// "not yet", and so on up to [`MAX_CHECK_INS`].
    CheckIn { choice: ChoiceId, round: u8 },
    /// Redraw the map to see what changed.
    TakeStock(Milestone),
}

/// An offer and the local day it falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    pub item: DueItem,
    /// Due from the start of this day on the person's calendar.
    pub day: LocalDay,
}

impl Due {
    /// Whole days since it fell due (0 on the day itself, never negative).
    pub fn days_overdue(&self, today: LocalDay) -> u32 {
        u32::try_from(self.day.days_until(today).max(0)).unwrap_or(u32::MAX)
    }

    /// Whole days until it falls due (1 for tomorrow); 0 once it has (never negative).
    pub fn days_left(&self, today: LocalDay) -> u32 {
        u32::try_from(today.days_until(self.day).max(0)).unwrap_or(u32::MAX)
    }

    /// Whether it is due on `today` (its own day or any later one).
    pub fn is_due(&self, today: LocalDay) -> bool {
        self.day <= today
    }
}

/// Every offer still to come or still unanswered, with the local day it falls due, earliest
/// first. The UI uses this to make calendar reminders; [`due_now`] picks what to show.
pub fn schedule(zone: &dyn TimeZone, waves: &[Wave], choices: &[Choice]) -> Vec<Due> {
    let mut out: Vec<Due> = choices
        .iter()
        .filter_map(|c| next_check_in(zone, c))
        .collect();
    out.extend(take_stock(zone, waves));
    crate::order::sort_by_key(&mut out, |d| (d.day, d.item));
    out
}

/// What to offer on `today` (the person's local day now): everything in [`schedule`] whose
/// day has come. If both take-stock points have passed without a redraw, only the later is
/// offered: one redraw answers both.
pub fn due_now(
    today: LocalDay,
    zone: &dyn TimeZone,
    waves: &[Wave],
    choices: &[Choice],
) -> Vec<Due> {
    let mut out: Vec<Due> = schedule(zone, waves, choices)
        .into_iter()
        .filter(|d| d.is_due(today))
        .collect();
    let twelve_due = out
        .iter()
        .any(|d| d.item == DueItem::TakeStock(Milestone::TwelveMonths));
    if twelve_due {
        out.retain(|d| d.item != DueItem::TakeStock(Milestone::SixMonths));
    }
    out
}

/// The next check-in for one choice, if one is still wanted.
///
/// The count comes from the check-ins recorded and the date from the latest moment recorded
/// (choosing or any check-in), so a check-in saved under a clock that later moves back still
/// holds the next one off.
fn next_check_in(zone: &dyn TimeZone, choice: &Choice) -> Option<Due> {
    if choice.status == ChoiceStatus::Stopped || choice.check_ins.len() >= MAX_CHECK_INS {
        return None;
    }
    // The answer given last (in the order recorded) decides whether to ask again.
    if let Some(last) = choice.check_ins.last() {
        if last.tried != Tried::NotYet {
            return None;
        }
    }
    let base = choice
        .check_ins
        .iter()
        .fold(choice.chosen_at, |latest, c| latest.max(c.at));
    let round = u8::try_from(choice.check_ins.len() + 1).unwrap_or(u8::MAX);
    Some(Due {
        item: DueItem::CheckIn {
            choice: choice.id,
            round,
        },
        day: zone.day_of(base).plus_days(CHECK_IN_AFTER_DAYS),
    })
}

/// Take-stock points not yet answered by a redraw. The first map is the wave with the
/// smallest id; a later wave answers a milestone if it started no more than
/// [`TAKE_STOCK_EARLY_DAYS`] before its day.
fn take_stock(zone: &dyn TimeZone, waves: &[Wave]) -> Vec<Due> {
    let Some(first) = waves.iter().min_by_key(|w| w.id) else {
        return Vec::new();
    };
    Milestone::ALL
        .iter()
        .filter_map(|&milestone| {
            let day = zone.day_of(first.started_at).plus_days(milestone.days());
            let counts_from = day.plus_days(-TAKE_STOCK_EARLY_DAYS);
            let answered = waves
                .iter()
                .any(|w| w.id != first.id && zone.day_of(w.started_at) >= counts_from);
            (!answered).then_some(Due {
                item: DueItem::TakeStock(milestone),
                day,
            })
        })
        .collect()
}
