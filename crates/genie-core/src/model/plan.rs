//! Chosen activities, the small plan made for each, and the check-ins that follow.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::word_enum::word_enum;
use super::{Circle, MemberId, MemberKind, Network, Timestamp, TravelMode};

/// At most this many activities are being tried at once: small steps are more likely taken.
pub const MAX_ACTIVE_CHOICES: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ChoiceId(pub u32);

word_enum! {
    /// What can get in the way of trying something.
    pub enum Barrier {
        Cost = "cost",
        Transport = "transport",
        Timing = "timing",
        Health = "health",
        Confidence = "confidence",
        NobodyToGoWith = "nobody_to_go_with",
        Other = "other",
    }
}

word_enum! {
    /// What the person found wrong with a directory entry after trying it, so the area team
    /// can correct it if the person chooses to tell them.
    pub enum ReportedProblem {
        Closed = "closed",
        WrongTime = "wrong_time",
        NotAsDescribed = "not_as_described",
    }
}

word_enum! {
    pub enum ChoiceStatus {
        Planned = "planned",
        Going = "going",
        Stopped = "stopped",
    }
}

word_enum! {
    pub enum Tried {
        Yes = "yes",
        NotYet = "not_yet",
        No = "no",
    }
}

/// The small plan that goes with a choice.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Plan {
    /// The first small step, in the person's words ("ring to ask about Tuesdays").
    pub first_step: String,
    /// When they mean to go, if they have said.
    pub when: Option<Timestamp>,
    /// When they mean to go, in their own words ("Tuesday after next").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub when_text: String,
    /// Someone from the network who could come along or give a lift.
    pub with_member: Option<MemberId>,
    /// How they mean to get there.
    pub travel: Option<TravelMode>,
    /// What might get in the way, named in advance.
    pub expected_barriers: BTreeSet<Barrier>,
}

/// "Did you try it?" about two weeks after choosing, and later.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckIn {
    pub at: Timestamp,
    pub tried: Tried,
    /// 1 (not well) to 5 (very well), if they tried it.
    #[serde(default)]
    pub how_it_went: Option<u8>,
    #[serde(default)]
    pub go_again: Option<bool>,
    #[serde(default)]
    pub barriers: BTreeSet<Barrier>,
    #[serde(default)]
    pub note: String,
}

/// What the person noted about the directory entry itself. Kept on the device; sent to the
/// area team only if the person chooses to share it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct EntryNote {
    pub problems: BTreeSet<ReportedProblem>,
    /// Anything else, in the person's words ("it moved to the library").
    pub text: String,
    pub updated_at: Timestamp,
}

impl EntryNote {
    pub fn is_empty(&self) -> bool {
        self.problems.is_empty() && self.text.trim().is_empty()
    }
}

/// An activity or resource the person chose to try.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub id: ChoiceId,
    /// The directory entry's id. The name is kept too, so the choice still reads well if the
    /// directory drops the entry later.
    pub resource_id: String,
    pub resource_name: String,
    /// Where the entry was when chosen, for an entry at a place. A directory in tiles is
    /// fetched by place: this brings the entry's tile even after the person narrows their
    /// reach, so their plan can still say where it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_at: Option<crate::area::LatLon>,
    pub chosen_at: Timestamp,
    pub status: ChoiceStatus,
    #[serde(default)]
    pub plan: Plan,
    #[serde(default)]
    pub check_ins: Vec<CheckIn>,
    /// Problems with the entry noted after trying it.
    #[serde(default, skip_serializing_if = "EntryNote::is_empty")]
    pub entry_note: EntryNote,
    /// A check-in being answered and not yet saved, kept so a reload loses nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_in_draft: Option<CheckInDraft>,
    /// The member it became when the person put it on their map after a good check-in.
    /// From then on it is part of the network (and counts in the change score as a new
    /// activity or group), no longer an activity they plan to try.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_map: Option<MemberId>,
}

/// The answers to a check-in while the person is still giving them. Any may be missing.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CheckInDraft {
    pub tried: Option<Tried>,
    pub how_it_went: Option<u8>,
    pub go_again: Option<bool>,
    pub barriers: BTreeSet<Barrier>,
    pub note: String,
}

impl CheckInDraft {
    /// The check-in to keep, once "did you try it?" is answered. How it went and whether to go
    /// again only count when the person went; a rating outside 1 to 5 is dropped.
    pub fn finish(&self, at: Timestamp) -> Option<CheckIn> {
        let tried = self.tried?;
        let went = tried == Tried::Yes;
        Some(CheckIn {
            at,
            tried,
            how_it_went: self.how_it_went.filter(|n| went && (1..=5).contains(n)),
            go_again: self.go_again.filter(|_| went),
            barriers: self.barriers.clone(),
            note: self.note.trim().to_string(),
        })
    }
}

impl Choice {
    /// Saves the draft check-in, if it is complete enough, and moves the choice on: going after
    /// a good try, stopped after "no" or "would not go again". Returns whether it was saved.
    pub fn finish_check_in(&mut self, at: Timestamp) -> bool {
        let Some(check_in) = self.check_in_draft.as_ref().and_then(|d| d.finish(at)) else {
            return false;
        };
        if check_in.tried == Tried::No || check_in.go_again == Some(false) {
            self.status = ChoiceStatus::Stopped;
        } else if check_in.tried == Tried::Yes {
            self.status = ChoiceStatus::Going;
        }
        self.check_ins.push(check_in);
        self.check_in_draft = None;
        true
    }

    /// True when the person said the entry has closed: it is not suggested to them again.
    pub fn reported_closed(&self) -> bool {
        self.entry_note.problems.contains(&ReportedProblem::Closed)
    }

    /// Being tried now: planned or going, not stopped. Only these count towards the three.
    pub fn is_active(&self) -> bool {
        self.status != ChoiceStatus::Stopped
    }

    /// Still an activity the person plans to try: active and not yet on their map.
    pub fn is_planned(&self) -> bool {
        self.is_active() && self.on_map.is_none()
    }

    /// Whether to offer to put it on the map: the latest check-in says the person went and
    /// would go again, and it is not on the map already.
    pub fn can_go_on_map(&self) -> bool {
        self.on_map.is_none()
            && self.status != ChoiceStatus::Stopped
            && self
                .check_ins
                .last()
                .is_some_and(|c| c.tried == Tried::Yes && c.go_again == Some(true))
    }
}

/// Why a choice could not be put on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnMapRefusal {
    /// No good check-in yet (or it was stopped), or it is on the map already.
    NotOffered,
    /// Only an activity or a group: that is what the person tried.
    NotAnActivity,
}

/// Puts a well-tried choice on the map as a new member of `kind` (activity or group) in the
/// circle the person picked, named as the directory named it, and notes the member on the
/// choice. Nothing changes when refused.
pub fn put_on_map(
    network: &mut Network,
    choice: &mut Choice,
    kind: MemberKind,
    circle: Circle,
) -> Result<MemberId, OnMapRefusal> {
    if !choice.can_go_on_map() {
        return Err(OnMapRefusal::NotOffered);
    }
    if !matches!(kind, MemberKind::Activity | MemberKind::Group) {
        return Err(OnMapRefusal::NotAnActivity);
    }
    let id = network.add(choice.resource_name.clone(), kind, circle);
    choice.on_map = Some(id);
    Ok(id)
}

/// Why a resource cannot be chosen now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChooseRefusal {
    /// [`MAX_ACTIVE_CHOICES`] are already being tried.
    Full,
    /// It is being tried already. (One tried before and stopped can be chosen again.)
    AlreadyChosen,
}

/// How many choices are being tried now (stopped ones do not count).
pub fn active_count(choices: &[Choice]) -> usize {
    choices.iter().filter(|c| c.is_active()).count()
}

/// Whether the resource is being tried now.
pub fn is_chosen(choices: &[Choice], resource_id: &str) -> bool {
    choices
        .iter()
        .any(|c| c.is_active() && c.resource_id == resource_id)
}

/// Whether the resource was tried before and stopped, and is not being tried again now.
pub fn tried_before(choices: &[Choice], resource_id: &str) -> bool {
    !is_chosen(choices, resource_id)
        && choices
            .iter()
            .any(|c| !c.is_active() && c.resource_id == resource_id)
}

/// Whether the resource can be chosen now; `Ok` with how many would then be active.
pub fn can_choose(choices: &[Choice], resource_id: &str) -> Result<usize, ChooseRefusal> {
    if is_chosen(choices, resource_id) {
        return Err(ChooseRefusal::AlreadyChosen);
    }
    let active = active_count(choices);
    if active >= MAX_ACTIVE_CHOICES {
        return Err(ChooseRefusal::Full);
    }
    Ok(active + 1)
}
