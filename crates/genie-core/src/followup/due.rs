//! What is due when the app opens: a "did you try it?" check-in about two weeks after each
//! choice, and a "take stock" redraw of the map about 6 and 12 months after the first map.
//!
//! Nothing here reads a clock or stores a "last shown" date. What is due is worked out afresh
//! from what is recorded (choices, their check-ins, the waves), so a device clock moved
//! backwards or forwards can only delay or bring forward an offer, never make one come back
//! once it has been answered, and no arithmetic here can underflow or go negative.

use crate::model::{Choice, ChoiceId, ChoiceStatus, Timestamp, Tried, Wave};

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

/// An offer and the moment it falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    pub item: DueItem,
    pub at: Timestamp,
}

impl Due {
    /// Whole days since it fell due; 0 if it has not (never negative).
    pub fn days_overdue(&self, now: Timestamp) -> u32 {
        whole_days(self.at, now)
    }

    /// Whole days until it falls due, rounded up so "due later today" reads as 1, not 0;
    /// 0 if it already has (never negative).
    pub fn days_left(&self, now: Timestamp) -> u32 {
        let ms = self.at.0.saturating_sub(now.0).max(0);
        let days = ms / Timestamp::MS_PER_DAY + i64::from(ms % Timestamp::MS_PER_DAY != 0);
        u32::try_from(days).unwrap_or(u32::MAX)
    }
}

/// Whole days from `from` to `to`, 0 when `to` is earlier; safe for any stored value.
fn whole_days(from: Timestamp, to: Timestamp) -> u32 {
    let ms = to.0.saturating_sub(from.0).max(0);
    u32::try_from(ms / Timestamp::MS_PER_DAY).unwrap_or(u32::MAX)
}

/// Every offer still to come or still unanswered, with the date it falls due, earliest
/// first. The UI uses this to make calendar reminders; [`due_now`] picks what to show.
pub fn schedule(waves: &[Wave], choices: &[Choice]) -> Vec<Due> {
    let mut out: Vec<Due> = choices.iter().filter_map(next_check_in).collect();
    out.extend(take_stock(waves));
    out.sort_by_key(|d| (d.at, d.item));
    out
}

/// What to offer now: everything in [`schedule`] whose date has come. If both take-stock
/// points have passed without a redraw, only the later is offered: one redraw answers both.
pub fn due_now(now: Timestamp, waves: &[Wave], choices: &[Choice]) -> Vec<Due> {
    let mut out: Vec<Due> = schedule(waves, choices)
        .into_iter()
        .filter(|d| d.at <= now)
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
fn next_check_in(choice: &Choice) -> Option<Due> {
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
        at: add_days(base, CHECK_IN_AFTER_DAYS),
    })
}

/// Take-stock points not yet answered by a redraw. The first map is the wave with the
/// smallest id; a later wave answers a milestone if it started no more than
/// [`TAKE_STOCK_EARLY_DAYS`] before it.
fn take_stock(waves: &[Wave]) -> Vec<Due> {
    let Some(first) = waves.iter().min_by_key(|w| w.id) else {
        return Vec::new();
    };
    Milestone::ALL
        .iter()
        .filter_map(|&milestone| {
            let at = add_days(first.started_at, milestone.days());
            let counts_from = add_days(at, -TAKE_STOCK_EARLY_DAYS);
            let answered = waves
                .iter()
                .any(|w| w.id != first.id && w.started_at >= counts_from);
            (!answered).then_some(Due {
                item: DueItem::TakeStock(milestone),
                at,
            })
        })
        .collect()
}

/// `plus_days` that cannot overflow, whatever a stored timestamp holds.
fn add_days(at: Timestamp, days: i64) -> Timestamp {
    Timestamp(at.0.saturating_add(days.saturating_mul(Timestamp::MS_PER_DAY)))
}
