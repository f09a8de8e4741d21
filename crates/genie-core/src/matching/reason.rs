//! Why a resource was suggested: structured reasons with stable words, worded by the UI.

use crate::model::{
    AccessNeed, Condition, DayPart, MemberId, SubCategory, SupportArea, TravelMode, Weekday,
};

/// One reason a suggestion was made, or one thing worth knowing about it. Listed in
/// [`super::Suggestion::reasons`] in the order of the variants here.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// It is filed under a sub-category the person's answers switched on.
    MatchesInterest(SubCategory),
    /// It is for people living with a condition the person named.
    ForCondition(Condition),
    /// It is at a place this far from home; `mode` is the slowest chosen way of travel that
    /// reaches it (walk before bus before car before a lift), if the person chose any.
    Distance { km: f32, mode: Option<TravelMode> },
    /// It is used online or by phone from home.
    Online,
    /// It is available anywhere in the country.
    National,
    /// It runs at a time the person said suits them (the first such session in the week).
    Time { day: Weekday, part: DayPart },
    /// It is free.
    Free,
    /// The directory does not say what it costs.
    CostUnknown,
    /// It offers an access need the person has.
    Access(AccessNeed),
    /// It is offered in a language the person gave (the person's own tag).
    Language(String),
    /// Someone close in the network gives lifts or companionship and could come along.
    ComeAlong { member: MemberId, gives_lift: bool },
    /// It could help with an area of support that rests on one member or on no one.
    FillsGap(SupportArea),
    /// The entry was last checked this many days ago, more than a year.
    NotCheckedRecently { days: u32 },
    /// The directory does not say when the entry was last checked.
    NeverChecked,
}

impl Reason {
    /// The stable word for this reason (the catalogue key); the data travels beside it.
    pub fn as_str(&self) -> &'static str {
        match self {
            Reason::MatchesInterest(_) => "matches_interest",
            Reason::ForCondition(_) => "for_condition",
            Reason::Distance { .. } => "distance",
            Reason::Online => "online",
            Reason::National => "national",
            Reason::Time { .. } => "time",
            Reason::Free => "free",
            Reason::CostUnknown => "cost_unknown",
            Reason::Access(_) => "access",
            Reason::Language(_) => "language",
            Reason::ComeAlong { .. } => "come_along",
            Reason::FillsGap(_) => "fills_gap",
            Reason::NotCheckedRecently { .. } => "not_checked_recently",
            Reason::NeverChecked => "never_checked",
        }
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())?;
        match self {
            Reason::MatchesInterest(sub) => write!(f, " {sub}"),
            Reason::ForCondition(condition) => write!(f, " {condition}"),
            Reason::Distance {
                km,
                mode: Some(mode),
            } => write!(f, " {km:.1} km {mode}"),
            Reason::Distance { km, mode: None } => write!(f, " {km:.1} km"),
            Reason::Time { day, part } => write!(f, " {day} {part}"),
            Reason::Access(need) => write!(f, " {need}"),
            Reason::Language(tag) => write!(f, " {tag}"),
            Reason::ComeAlong { member, gives_lift } => {
                write!(f, " {}{}", member.0, if *gives_lift { " lift" } else { "" })
            }
            Reason::FillsGap(area) => write!(f, " {area}"),
            Reason::NotCheckedRecently { days } => write!(f, " {days} days"),
            _ => Ok(()),
        }
    }
}
