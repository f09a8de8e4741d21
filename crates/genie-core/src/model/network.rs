//! The personal network: members placed on three circles of importance, and ties between them.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::word_enum::word_enum;
use super::{SupportArea, SupportTask};

/// A member's id, unique within one person's data and kept when a wave is copied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MemberId(pub u32);

word_enum! {
    /// What a member is. Networks are more than people: a dog, a café or a radio programme can
    /// carry real weight.
    pub enum MemberKind {
        Person = "person",
        Group = "group",
        Pet = "pet",
        Place = "place",
        Activity = "activity",
        Thing = "thing",
        Online = "online",
    }
}

word_enum! {
    /// How important a member is, from the centre outwards.
    pub enum Circle {
        /// So close it is hard to imagine life without them.
        Inner = "inner",
        /// Important.
        Middle = "middle",
        /// Less close, but still part of life.
        Outer = "outer",
    }
}

impl Circle {
    /// One step towards the centre, if there is one.
    pub fn closer(self) -> Option<Circle> {
        match self {
            Circle::Inner => None,
            Circle::Middle => Some(Circle::Inner),
            Circle::Outer => Some(Circle::Middle),
        }
    }

    /// One step away from the centre, if there is one.
    pub fn further(self) -> Option<Circle> {
        match self {
            Circle::Inner => Some(Circle::Middle),
            Circle::Middle => Some(Circle::Outer),
            Circle::Outer => None,
        }
    }
}

word_enum! {
    /// How a person in the network is related. Only people have a relationship.
    pub enum Relationship {
        Partner = "partner",
        Child = "child",
        OtherFamily = "other_family",
        Friend = "friend",
        Neighbour = "neighbour",
        Colleague = "colleague",
        /// Someone known to say hello to: a shopkeeper, the postman. Counted as a weak tie.
        Acquaintance = "acquaintance",
        HealthProfessional = "health_professional",
        LinkWorker = "link_worker",
        Other = "other",
    }
}

word_enum! {
    /// How often there is contact with a member.
    pub enum ContactFrequency {
        Daily = "daily",
        Weekly = "weekly",
        Monthly = "monthly",
        FewTimesAYear = "few_times_a_year",
        Rarely = "rarely",
    }
}

/// A position on the map, in map units with the person at (0, 0).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

/// One member of the network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    pub id: MemberId,
    /// A name or label, as the person wants to see it.
    pub name: String,
    pub kind: MemberKind,
    /// Only for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relationship: Option<Relationship>,
    pub circle: Circle,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<ContactFrequency>,
    /// What this member helps the person with.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub gives: BTreeSet<SupportTask>,
    /// What the person does for this member in return.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub receives: BTreeSet<SupportArea>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Where the person put this member by hand; the layout leaves it there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pinned: Option<Point>,
    /// Where the map last drew this member, so the picture looks the same next time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placed: Option<Point>,
}

impl Member {
    pub fn new(id: MemberId, name: impl Into<String>, kind: MemberKind, circle: Circle) -> Self {
        Member {
            id,
            name: name.into(),
            kind,
            relationship: None,
            circle,
            contact: None,
            gives: BTreeSet::new(),
            receives: BTreeSet::new(),
            notes: String::new(),
            pinned: None,
            placed: None,
        }
    }

    /// Does this member help with any task in `area`?
    pub fn helps_with(&self, area: SupportArea) -> bool {
        self.gives.iter().any(|task| task.area() == area)
    }
}

/// "These two know each other". Stored with the smaller id first, so a tie has one spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Tie {
    pub a: MemberId,
    pub b: MemberId,
}

impl Tie {
    /// A tie between two different members, or `None` for a member and itself.
    pub fn new(one: MemberId, other: MemberId) -> Option<Tie> {
        match one.cmp(&other) {
            std::cmp::Ordering::Less => Some(Tie { a: one, b: other }),
            std::cmp::Ordering::Greater => Some(Tie { a: other, b: one }),
            std::cmp::Ordering::Equal => None,
        }
    }

    pub fn touches(&self, id: MemberId) -> bool {
        self.a == id || self.b == id
    }
}

/// Something the person used to enjoy and has stopped doing: a possible way back in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DormantActivity {
    pub label: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why_stopped: String,
}

/// The whole map: members, who knows whom, and dropped activities.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Network {
    pub members: Vec<Member>,
    pub ties: BTreeSet<Tie>,
    pub dormant: Vec<DormantActivity>,
    /// The next member id to hand out. Never reused, so a removed member's id cannot come back
    /// as someone else and confuse a comparison between waves.
    pub next_id: u32,
}

impl Network {
    /// Adds a member and returns its new id.
    pub fn add(&mut self, name: impl Into<String>, kind: MemberKind, circle: Circle) -> MemberId {
        let id = MemberId(self.next_id);
        self.next_id += 1;
        self.members.push(Member::new(id, name, kind, circle));
        id
    }

    pub fn get(&self, id: MemberId) -> Option<&Member> {
        self.members.iter().find(|m| m.id == id)
    }

    pub fn get_mut(&mut self, id: MemberId) -> Option<&mut Member> {
        self.members.iter_mut().find(|m| m.id == id)
    }

    /// Removes a member and its ties, returning both so the removal can be undone.
    pub fn remove(&mut self, id: MemberId) -> Option<(Member, Vec<Tie>)> {
        let index = self.members.iter().position(|m| m.id == id)?;
        let member = self.members.remove(index);
        let ties: Vec<Tie> = self
            .ties
            .iter()
            .copied()
            .filter(|t| t.touches(id))
            .collect();
        for tie in &ties {
            self.ties.remove(tie);
        }
        Some((member, ties))
    }

    /// Puts back a member removed by [`Network::remove`], with those of its ties whose other
    /// end is still here.
    pub fn restore(&mut self, member: Member, ties: Vec<Tie>) {
        if self.get(member.id).is_some() {
            return;
        }
        self.next_id = self.next_id.max(member.id.0 + 1);
        self.members.push(member);
        for tie in ties {
            if self.get(tie.a).is_some() && self.get(tie.b).is_some() {
                self.ties.insert(tie);
            }
        }
    }

    /// Records that two members know each other. Ignored for unknown ids or a member and itself.
    pub fn tie(&mut self, one: MemberId, other: MemberId) -> bool {
        match Tie::new(one, other) {
            Some(tie) if self.get(one).is_some() && self.get(other).is_some() => {
                self.ties.insert(tie)
            }
            _ => false,
        }
    }

    pub fn untie(&mut self, one: MemberId, other: MemberId) -> bool {
        Tie::new(one, other).is_some_and(|tie| self.ties.remove(&tie))
    }

    /// Members in one circle, in the order they were added.
    pub fn in_circle(&self, circle: Circle) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(move |m| m.circle == circle)
    }
}
