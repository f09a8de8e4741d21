//! What changed between two drawings of the map, member by member.
//!
//! Members are matched by [`MemberId`]: a new wave starts as a copy of the last one and ids are
//! never reused, so the same id is the same member even after a rename or a change of kind.
//! One exception: a member deleted and added again (same kind, same name once spaces and case
//! are ignored) is read as the same member coming back, not as one lost and one new, because
//! that is what happens when someone removes a member by mistake and puts them back.
//!
//! Stored data is not trusted: if an id appears twice in one map, the first is used and the
//! rest ignored, so nothing is counted twice.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{
    Circle, ContactFrequency, Member, MemberId, MemberKind, Network, SupportArea, SupportTask, Wave,
};

/// A member as listed in a diff: its id (in the map it belongs to) and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MemberRef {
    pub id: MemberId,
    pub kind: MemberKind,
}

/// A member removed and added again, read as the same member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReAdded {
    /// The id in the earlier map.
    pub before: MemberId,
    /// The id in the later map.
    pub after: MemberId,
}

/// A member now on a different circle. Ids are the later map's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CircleMove {
    pub member: MemberId,
    pub from: Circle,
    pub to: Circle,
}

impl CircleMove {
    /// Towards the centre: more important than before.
    pub fn is_closer(&self) -> bool {
        rank_circle(self.to) < rank_circle(self.from)
    }
}

fn rank_circle(circle: Circle) -> u8 {
    match circle {
        Circle::Inner => 0,
        Circle::Middle => 1,
        Circle::Outer => 2,
    }
}

/// Whether contact became more or less frequent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContactDirection {
    More,
    Less,
}

/// A member whose recorded contact changed. Either side may be unrecorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContactChange {
    pub member: MemberId,
    pub kind: MemberKind,
    pub from: Option<ContactFrequency>,
    pub to: Option<ContactFrequency>,
}

impl ContactChange {
    /// More or less contact, only when both waves recorded it: a frequency filled in for the
    /// first time says nothing about whether contact grew.
    pub fn direction(&self) -> Option<ContactDirection> {
        let (from, to) = (contact_rank(self.from?), contact_rank(self.to?));
        match to.cmp(&from) {
            std::cmp::Ordering::Greater => Some(ContactDirection::More),
            std::cmp::Ordering::Less => Some(ContactDirection::Less),
            std::cmp::Ordering::Equal => None,
        }
    }
}

/// Higher is more often.
fn contact_rank(frequency: ContactFrequency) -> u8 {
    match frequency {
        ContactFrequency::Rarely => 0,
        ContactFrequency::FewTimesAYear => 1,
        ContactFrequency::Monthly => 2,
        ContactFrequency::Weekly => 3,
        ContactFrequency::Daily => 4,
    }
}

/// A member recorded as a different kind (a group that turned out to be an activity).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindChange {
    pub member: MemberId,
    pub from: MemberKind,
    pub to: MemberKind,
}

/// A continuing member whose support changed: what they help with, or what the person does
/// for them in return. Sets are in task and area order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupportChange {
    pub member: MemberId,
    pub kind: MemberKind,
    pub gained: BTreeSet<SupportTask>,
    pub dropped: BTreeSet<SupportTask>,
    pub gives_back_gained: BTreeSet<SupportArea>,
    pub gives_back_dropped: BTreeSet<SupportArea>,
}

/// An area of support that rested on one member and is now shared by several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupportSpread {
    pub area: SupportArea,
    /// The one helper before (earlier map's id).
    pub was: MemberId,
    /// The helpers now (later map's ids), in map order.
    pub now: Vec<MemberId>,
}

/// Everything that changed between two maps. Lists keep the later map's member order (the
/// earlier map's for lost members), so the UI lists them as the person drew them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NetworkDiff {
    /// On the later map only (ids from the later map).
    pub new_members: Vec<MemberRef>,
    /// On the earlier map only (ids from the earlier map).
    pub lost_members: Vec<MemberRef>,
    /// Removed and added again; compared as one member below.
    pub re_added: Vec<ReAdded>,
    pub moved: Vec<CircleMove>,
    pub contact: Vec<ContactChange>,
    pub kind_changed: Vec<KindChange>,
    /// Members whose name changed (later map's ids).
    pub renamed: Vec<MemberId>,
    pub support: Vec<SupportChange>,
    pub support_spread: Vec<SupportSpread>,
    /// Members on both maps with nothing above changed.
    pub unchanged: usize,
}

impl NetworkDiff {
    /// Nothing changed at all.
    pub fn is_empty(&self) -> bool {
        self.new_members.is_empty()
            && self.lost_members.is_empty()
            && self.moved.is_empty()
            && self.contact.is_empty()
            && self.kind_changed.is_empty()
            && self.renamed.is_empty()
            && self.support.is_empty()
            && self.support_spread.is_empty()
    }

    /// Members now on a more inner circle.
    pub fn moved_closer(&self) -> impl Iterator<Item = &CircleMove> {
        self.moved.iter().filter(|m| m.is_closer())
    }

    /// Members now on a more outer circle.
    pub fn moved_further(&self) -> impl Iterator<Item = &CircleMove> {
        self.moved.iter().filter(|m| !m.is_closer())
    }

    /// Members with more frequent contact (both waves recorded).
    pub fn more_contact(&self) -> impl Iterator<Item = &ContactChange> {
        self.contact
            .iter()
            .filter(|c| c.direction() == Some(ContactDirection::More))
    }

    /// Members with less frequent contact (both waves recorded).
    pub fn less_contact(&self) -> impl Iterator<Item = &ContactChange> {
        self.contact
            .iter()
            .filter(|c| c.direction() == Some(ContactDirection::Less))
    }

    /// New members of one kind: new groups, activities, places, online things...
    pub fn new_of_kind(&self, kind: MemberKind) -> impl Iterator<Item = MemberId> + '_ {
        self.new_members
            .iter()
            .filter(move |m| m.kind == kind)
            .map(|m| m.id)
    }

    /// How many new members of each kind, every kind present (zero when none).
    pub fn new_by_kind(&self) -> BTreeMap<MemberKind, usize> {
        let mut counts: BTreeMap<MemberKind, usize> =
            MemberKind::ALL.iter().map(|&k| (k, 0)).collect();
        for m in &self.new_members {
            *counts.entry(m.kind).or_insert(0) += 1;
        }
        counts
    }
}

/// Compares the maps of two waves; `before` is the earlier.
pub fn diff_waves(before: &Wave, after: &Wave) -> NetworkDiff {
    diff(&before.network, &after.network)
}

/// Compares two maps; `before` is the earlier. Never fails: empty maps, deleted members and
/// repeated ids are all read sensibly.
pub fn diff(before: &Network, after: &Network) -> NetworkDiff {
    let old = unique_members(before);
    let new = unique_members(after);
    let old_by_id: BTreeMap<MemberId, &Member> = old.iter().map(|m| (m.id, *m)).collect();
    let new_ids: BTreeSet<MemberId> = new.iter().map(|m| m.id).collect();

    let mut lost: Vec<&Member> = old
        .iter()
        .copied()
        .filter(|m| !new_ids.contains(&m.id))
        .collect();
    let mut added: Vec<&Member> = new
        .iter()
        .copied()
        .filter(|m| !old_by_id.contains_key(&m.id))
        .collect();

    // Pairs of (earlier, later) that are the same member, in the later map's order.
    let mut pairs: Vec<(&Member, &Member)> = new
        .iter()
        .filter_map(|m| old_by_id.get(&m.id).map(|o| (*o, *m)))
        .collect();
    let mut re_added = Vec::new();
    if !lost.is_empty() && !added.is_empty() {
        let mut keys: Vec<String> = added.iter().map(|m| name_key(&m.name)).collect();
        lost.retain(|gone| {
            let key = name_key(&gone.name);
            let back = (!key.is_empty())
                .then(|| {
                    added
                        .iter()
                        .zip(&keys)
                        .position(|(m, k)| m.kind == gone.kind && *k == key)
                })
                .flatten();
            let Some(index) = back else {
                return true;
            };
            let back = added.remove(index);
            keys.remove(index);
            re_added.push(ReAdded {
                before: gone.id,
                after: back.id,
            });
            pairs.push((*gone, back));
            false
        });
    }

    let mut out = NetworkDiff {
        new_members: added.iter().map(|m| member_ref(m)).collect(),
        lost_members: lost.iter().map(|m| member_ref(m)).collect(),
        re_added,
        ..NetworkDiff::default()
    };
    for (was, now) in pairs {
        compare(was, now, &mut out);
    }
    out.support_spread = support_spread(&old, &new);
    out
}

fn compare(was: &Member, now: &Member, out: &mut NetworkDiff) {
    let mut changed = false;
    if was.circle != now.circle {
        out.moved.push(CircleMove {
            member: now.id,
            from: was.circle,
            to: now.circle,
        });
        changed = true;
    }
    if was.contact != now.contact {
        out.contact.push(ContactChange {
            member: now.id,
            kind: now.kind,
            from: was.contact,
            to: now.contact,
        });
        changed = true;
    }
    if was.kind != now.kind {
        out.kind_changed.push(KindChange {
            member: now.id,
            from: was.kind,
            to: now.kind,
        });
        changed = true;
    }
    if was.name != now.name {
        out.renamed.push(now.id);
        changed = true;
    }
    let support = SupportChange {
        member: now.id,
        kind: now.kind,
        gained: now.gives.difference(&was.gives).copied().collect(),
        dropped: was.gives.difference(&now.gives).copied().collect(),
        gives_back_gained: now.receives.difference(&was.receives).copied().collect(),
        gives_back_dropped: was.receives.difference(&now.receives).copied().collect(),
    };
    if !(support.gained.is_empty()
        && support.dropped.is_empty()
        && support.gives_back_gained.is_empty()
        && support.gives_back_dropped.is_empty())
    {
        out.support.push(support);
        changed = true;
    }
    if !changed {
        out.unchanged += 1;
    }
}

/// Areas that had exactly one helper before and have two or more now.
fn support_spread(old: &[&Member], new: &[&Member]) -> Vec<SupportSpread> {
    SupportArea::ALL
        .iter()
        .filter_map(|&area| {
            let before: Vec<MemberId> = helpers(old, area);
            let now: Vec<MemberId> = helpers(new, area);
            match before.as_slice() {
                [only] if now.len() >= 2 => Some(SupportSpread {
                    area,
                    was: *only,
                    now,
                }),
                _ => None,
            }
        })
        .collect()
}

fn helpers(members: &[&Member], area: SupportArea) -> Vec<MemberId> {
    members
        .iter()
        .filter(|m| m.helps_with(area))
        .map(|m| m.id)
        .collect()
}

/// Each id once, first occurrence kept, in map order.
fn unique_members(network: &Network) -> Vec<&Member> {
    let mut seen = BTreeSet::new();
    network
        .members
        .iter()
        .filter(|m| seen.insert(m.id))
        .collect()
}

/// A name compared without case or extra spaces, for spotting a member added back.
fn name_key(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn member_ref(member: &Member) -> MemberRef {
    MemberRef {
        id: member.id,
        kind: member.kind,
    }
}
