//! What part each member plays in the network: family, friend, weak tie, professional, or
//! something other than a tie to people.
//!
//! The groups follow the research behind Genie. Weak ties are the light, low-stakes ties it
//! found so useful: groups and organisations, neighbours, colleagues, acquaintances (the
//! shopkeeper, the postman). Pets, places, activities, things and online members can matter a
//! great deal, but they are not ties to people, so they are counted on their own.

use crate::model::{Member, MemberKind, Relationship};

/// The part a member plays, as the summary and the network type count it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// A partner, child or other family member.
    Family,
    /// A friend.
    Friend,
    /// A group or organisation, or a neighbour, colleague or acquaintance.
    WeakTie,
    /// A health professional or link worker.
    Professional,
    /// A person whose relationship is "other" or not given.
    OtherPerson,
    /// A pet, place, activity, thing or online member.
    OtherKind,
}

impl Role {
    /// Every role, in the order the summary lists them.
    pub const ALL: &'static [Role] = &[
        Role::Family,
        Role::Friend,
        Role::WeakTie,
        Role::Professional,
        Role::OtherPerson,
        Role::OtherKind,
    ];

    /// The stable word for this role (catalogue key and export value).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Family => "family",
            Role::Friend => "friend",
            Role::WeakTie => "weak_tie",
            Role::Professional => "professional",
            Role::OtherPerson => "other_person",
            Role::OtherKind => "other_kind",
        }
    }

    /// The role of one member. The kind decides first: a relationship is only read for people,
    /// so a stray relationship on a group or a pet (which the form never sets) changes nothing.
    pub fn of(member: &Member) -> Role {
        match member.kind {
            MemberKind::Person => match member.relationship {
                Some(Relationship::Partner | Relationship::Child | Relationship::OtherFamily) => {
                    Role::Family
                }
                Some(Relationship::Friend) => Role::Friend,
                Some(
                    Relationship::Neighbour | Relationship::Colleague | Relationship::Acquaintance,
                ) => Role::WeakTie,
                Some(Relationship::HealthProfessional | Relationship::LinkWorker) => {
                    Role::Professional
                }
                Some(Relationship::Other) | None => Role::OtherPerson,
            },
            MemberKind::Group => Role::WeakTie,
            MemberKind::Pet
            | MemberKind::Place
            | MemberKind::Activity
            | MemberKind::Thing
            | MemberKind::Online => Role::OtherKind,
        }
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How many members play each role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct RoleCounts {
    pub family: usize,
    pub friends: usize,
    pub weak_ties: usize,
    pub professionals: usize,
    pub other_people: usize,
    pub other_kinds: usize,
}

impl RoleCounts {
    pub fn add(&mut self, role: Role) {
        let slot = match role {
            Role::Family => &mut self.family,
            Role::Friend => &mut self.friends,
            Role::WeakTie => &mut self.weak_ties,
            Role::Professional => &mut self.professionals,
            Role::OtherPerson => &mut self.other_people,
            Role::OtherKind => &mut self.other_kinds,
        };
        *slot = slot.saturating_add(1);
    }

    pub fn get(&self, role: Role) -> usize {
        match role {
            Role::Family => self.family,
            Role::Friend => self.friends,
            Role::WeakTie => self.weak_ties,
            Role::Professional => self.professionals,
            Role::OtherPerson => self.other_people,
            Role::OtherKind => self.other_kinds,
        }
    }

    /// The person's own ties to people: everyone except professionals, plus groups. This is
    /// what the network type and the weak-tie share are read from. Professionals are left out
    /// because a care team follows the services someone uses rather than the life they lead,
    /// and pets, places and things are not ties to people.
    pub fn personal_ties(&self) -> usize {
        self.family
            .saturating_add(self.friends)
            .saturating_add(self.weak_ties)
            .saturating_add(self.other_people)
    }
}
