//! Follow-up over time: what is due, self-ratings, and what changed between two maps.
//!
//! Everything here is plain data in, plain data out. Nothing is worded: each result is an
//! enum or a struct with stable words the UI turns into translated sentences, so the same
//! rules serve every language. docs/follow-up.md explains the rules for link workers and
//! evaluators.
//!
//! - `wellbeing`: ONS4 and UCLA-3 scoring, and how each rating moved across waves.
//! - `diff`: what changed between two waves' maps, member by member.
//! - `change_score`: the published five-item "change within network" score, with reasons.
//! - `due`: which check-ins and take-stock redraws are due when the app opens.
//! - `offers`: barriers named in check-ins, offered back as changes to the practical limits.
//! - `ics`: a calendar file (RFC 5545) for a reminder, from words the UI passes in.

mod change_score;
mod diff;
mod due;
mod ics;
mod offers;
mod wellbeing;

pub use change_score::{change_score, score_waves, ChangeScore, ScoreItem, ScoreLine, ScoreReason};
pub use diff::{
    diff, diff_waves, CircleMove, ContactChange, ContactDirection, KindChange, MemberRef,
    NetworkDiff, ReAdded, SupportChange, SupportSpread,
};
pub use due::{
    due_now, schedule, Due, DueItem, Milestone, CHECK_IN_AFTER_DAYS, MAX_CHECK_INS,
    TAKE_STOCK_EARLY_DAYS,
};
pub use ics::{ics_file_name, reminder_ics, reminder_uid, Reminder};
pub use offers::{apply as apply_offer, limit_offers, named_barriers, LimitOffer, NEAR_KM};
pub use wellbeing::{
    loneliness, ons4, set_loneliness, set_ons4, trends, Direction, LonelinessItem, LonelinessScore,
    Measure, Ons4Item, Ons4Score, OutOfRange, Reading, Trend, ONS4_MAX, UCLA_ITEM_MAX,
    UCLA_ITEM_MIN,
};
