//! A change to one field of one member that leaves the map's picture as it is: a name typed,
//! a note, a relationship, how often they are in touch, how they help.
//!
//! Such a change is kept as its own small record beside the map ([`MemberEdit`]), so a
//! keystroke stores a few dozen bytes instead of the whole map, and two tabs that change
//! different fields of the same member keep both changes. The next change that moves members
//! (adding, removing, another circle or kind, ties) stores the whole map with every edit folded
//! in, and the edits are then deleted in the same transaction.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{ContactFrequency, Member, MemberId, Relationship, SupportArea, SupportTask};
use super::{Wave, WaveId};

/// One field of a member, with its new value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "field", content = "value", rename_all = "snake_case")]
pub enum MemberField {
    Name(String),
    Notes(String),
    Relationship(Option<Relationship>),
    Contact(Option<ContactFrequency>),
    Gives(BTreeSet<SupportTask>),
    Receives(BTreeSet<SupportArea>),
}

impl MemberField {
    /// The field's stable word, part of the edit's key (so a later edit of the same field
    /// replaces an earlier one). Renaming one is a schema change.
    pub fn word(&self) -> &'static str {
        match self {
            MemberField::Name(_) => "name",
            MemberField::Notes(_) => "notes",
            MemberField::Relationship(_) => "relationship",
            MemberField::Contact(_) => "contact",
            MemberField::Gives(_) => "gives",
            MemberField::Receives(_) => "receives",
        }
    }

    /// Sets the field on `member`. A relationship is only kept for people, as everywhere else.
    pub fn apply_to(&self, member: &mut Member) {
        match self {
            MemberField::Name(name) => member.name.clone_from(name),
            MemberField::Notes(notes) => member.notes.clone_from(notes),
            MemberField::Relationship(relationship) => {
                member.relationship = if member.kind == super::MemberKind::Person {
                    *relationship
                } else {
                    None
                }
            }
            MemberField::Contact(contact) => member.contact = *contact,
            MemberField::Gives(gives) => member.gives.clone_from(gives),
            MemberField::Receives(receives) => member.receives.clone_from(receives),
        }
    }
}

/// A change to one field of one member of one (open) map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberEdit {
    pub wave: WaveId,
    pub member: MemberId,
    #[serde(flatten)]
    pub change: MemberField,
}

impl Wave {
    /// Folds a stored edit into this map. An edit for another map, for a closed map or for a
    /// member no longer on it changes nothing (it is left over from before a structural save
    /// and is dropped at the next one). Returns whether anything changed.
    pub fn apply_edit(&mut self, edit: &MemberEdit) -> bool {
        if edit.wave != self.id || !self.is_open() {
            return false;
        }
        let Some(member) = self.network.get_mut(edit.member) else {
            return false;
        };
        let before = member.clone();
        edit.change.apply_to(member);
        *member != before
    }
}
