//! The published five-item "change within network" score: one point each for new activities,
//! online, reflection on existing support, more contact with existing groups or people, and
//! new network members. Read from two maps, nothing else, as the research read it.
//!
//! Each point comes with the reasons that earned it, as data, so the UI can say *why* ("you
//! added the walking group") in the person's language, and an evaluator can check the count.
//!
//! Decisions where the published description leaves room (docs/follow-up.md says the same):
//! - **New activities**: a new member of kind activity *or group*. Suggestions are mostly
//!   groups (a walking group, a choir) and people record them either way.
//! - **Online**: a new member of kind online.
//! - **New network members**: a new person, pet, place or thing. Activities, groups and online
//!   members already score above, so one addition never earns two points.
//! - **Reflection on existing support**: a member on both maps whose support changed: helps
//!   with a task they did not before, no longer does one, or the person now does something
//!   for them in return (or stopped). Taking a task off someone is reflection too.
//! - **More contact with existing groups or people**: a person or group on both maps whose
//!   contact is now more frequent. Both waves must record a frequency; moving to a more
//!   inner circle is importance, not contact, and does not count.
//! - A member removed and added again (see `diff`) is an existing member, not a new one.
//! - A change of kind alone (a group re-recorded as an activity) earns nothing: it corrects
//!   the map rather than changing the network.

use super::diff::{diff_waves, ContactDirection, NetworkDiff};
use crate::model::{ContactFrequency, MemberId, MemberKind, SupportArea, SupportTask, Wave};

/// One of the five items, in the published order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ScoreItem {
    NewActivities,
    Online,
    ReflectionOnSupport,
    MoreContact,
    NewMembers,
}

impl ScoreItem {
    /// The five items, in the published order.
    pub const ALL: &'static [ScoreItem] = &[
        ScoreItem::NewActivities,
        ScoreItem::Online,
        ScoreItem::ReflectionOnSupport,
        ScoreItem::MoreContact,
        ScoreItem::NewMembers,
    ];

    /// The stable word for this item (catalogue key and export column).
    pub fn as_str(self) -> &'static str {
        match self {
            ScoreItem::NewActivities => "new_activities",
            ScoreItem::Online => "online",
            ScoreItem::ReflectionOnSupport => "reflection_on_support",
            ScoreItem::MoreContact => "more_contact",
            ScoreItem::NewMembers => "new_members",
        }
    }
}

/// Why an item earned its point. Ids are the later map's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScoreReason {
    /// A member on the later map only.
    NewMember { member: MemberId, kind: MemberKind },
    /// A continuing member whose support changed.
    SupportChanged {
        member: MemberId,
        gained: Vec<SupportTask>,
        dropped: Vec<SupportTask>,
        gives_back_gained: Vec<SupportArea>,
        gives_back_dropped: Vec<SupportArea>,
    },
    /// A continuing person or group with more frequent contact.
    MoreContact {
        member: MemberId,
        kind: MemberKind,
        from: ContactFrequency,
        to: ContactFrequency,
    },
}

/// One item and the reasons for it; no reasons means no point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreLine {
    pub item: ScoreItem,
    pub reasons: Vec<ScoreReason>,
}

impl ScoreLine {
    pub fn earned(&self) -> bool {
        !self.reasons.is_empty()
    }
}

/// The five-item score: every item listed, earned or not, in the published order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeScore {
    pub lines: Vec<ScoreLine>,
}

impl ChangeScore {
    /// 0 to 5: one point per item with at least one reason.
    pub fn total(&self) -> u8 {
        // Five lines at most, so the count always fits.
        u8::try_from(self.lines.iter().filter(|l| l.earned()).count()).unwrap_or(u8::MAX)
    }

    /// One item's line.
    pub fn line(&self, item: ScoreItem) -> Option<&ScoreLine> {
        self.lines.iter().find(|l| l.item == item)
    }

    /// Whether one item earned its point.
    pub fn earned(&self, item: ScoreItem) -> bool {
        self.line(item).is_some_and(ScoreLine::earned)
    }
}

/// Scores the change between two waves; `before` is the earlier.
pub fn score_waves(before: &Wave, after: &Wave) -> ChangeScore {
    change_score(&diff_waves(before, after))
}

/// Scores an already computed diff (the UI usually shows both).
pub fn change_score(diff: &NetworkDiff) -> ChangeScore {
    let new_of = |kinds: &[MemberKind]| -> Vec<ScoreReason> {
        diff.new_members
            .iter()
            .filter(|m| kinds.contains(&m.kind))
            .map(|m| ScoreReason::NewMember {
                member: m.id,
                kind: m.kind,
            })
            .collect()
    };

    let reflection: Vec<ScoreReason> = diff
        .support
        .iter()
        .map(|s| ScoreReason::SupportChanged {
            member: s.member,
            gained: s.gained.iter().copied().collect(),
            dropped: s.dropped.iter().copied().collect(),
            gives_back_gained: s.gives_back_gained.iter().copied().collect(),
            gives_back_dropped: s.gives_back_dropped.iter().copied().collect(),
        })
        .collect();

    let more_contact: Vec<ScoreReason> = diff
        .contact
        .iter()
        .filter(|c| matches!(c.kind, MemberKind::Person | MemberKind::Group))
        .filter(|c| c.direction() == Some(ContactDirection::More))
        .filter_map(|c| {
            Some(ScoreReason::MoreContact {
                member: c.member,
                kind: c.kind,
                from: c.from?,
                to: c.to?,
            })
        })
        .collect();

    let mut reflection = Some(reflection);
    let mut more_contact = Some(more_contact);
    let lines = ScoreItem::ALL
        .iter()
        .map(|&item| {
            let reasons = match item {
                ScoreItem::NewActivities => new_of(&[MemberKind::Activity, MemberKind::Group]),
                ScoreItem::Online => new_of(&[MemberKind::Online]),
                ScoreItem::ReflectionOnSupport => reflection.take().unwrap_or_default(),
                ScoreItem::MoreContact => more_contact.take().unwrap_or_default(),
                ScoreItem::NewMembers => new_of(&[
                    MemberKind::Person,
                    MemberKind::Pet,
                    MemberKind::Place,
                    MemberKind::Thing,
                ]),
            };
            ScoreLine { item, reasons }
        })
        .collect();
    ChangeScore { lines }
}
