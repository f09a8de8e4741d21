//! The data model the whole product shares. Plain data only: no signals, no IO.
//!
//! Ids are small counters handed out by their owner (the network hands out member ids), so
//! the same member keeps its id when a wave is copied into the next one and change over time
//! can be read by comparing ids.

mod member_edit;
mod network;
mod plan;
mod preferences;
mod profile;
mod support;
mod time;
mod wave;
mod word_enum;

pub use member_edit::{MemberEdit, MemberField};
pub use network::{
    Circle, ContactFrequency, DormantActivity, Member, MemberId, MemberKind, Network, Point,
    Relationship, Tie,
};
pub use plan::{
    active_count, can_choose, is_chosen, tried_before, Barrier, CheckIn, CheckInDraft, Choice,
    ChoiceId, ChoiceStatus, ChooseRefusal, EntryNote, Plan, ReportedProblem, Tried,
    MAX_ACTIVE_CHOICES,
};
pub use preferences::{
    AccessNeed, Category, CostLimit, DayPart, Interest, Preferences, SubCategory, TimeSlot,
    TravelMode, Weekday,
};
pub use profile::{AgeBand, Condition, Gender, Profile};
pub use support::{SupportArea, SupportTask};
pub use time::Timestamp;
pub use wave::{Loneliness, Wave, WaveId, Wellbeing};
