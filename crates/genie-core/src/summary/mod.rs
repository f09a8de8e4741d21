//! The network summary: counts, who carries which support, weak ties, and the network type.
//!
//! [`summarise`] reads a [`Network`] and returns a [`Summary`]: plain numbers and ids, a
//! [`NetworkType`] and a list of [`Observation`]s. Nothing here is worded; the UI turns types
//! and observations into translated sentences keyed by their stable words.
//! docs/network-types.md explains the rules for link workers and commissioners.
//!
//! - `role`: which part each member plays (family, friend, weak tie, professional...).
//! - `network_type`: the ordered rules that name the network's shape.
//! - `observation`: the kind, possibility-pointing facts.

mod network_type;
mod observation;
mod role;

use crate::model::{Circle, MemberId, MemberKind, Network, SupportArea, SupportTask};

pub use network_type::NetworkType;
pub use observation::Observation;
pub use role::Role;

use observation::Facts;
use role::RoleCounts;

/// Every threshold the summary uses, in one place for readers and for the docs.
pub mod thresholds {
    pub use super::network_type::{
        FAMILY_PERCENT, FRIENDS_PERCENT, MINIMAL_FAMILY_PERCENT, SMALL_NETWORK, WEAK_TIES_PERCENT,
    };
    pub use super::observation::{
        FEW_WEAK_TIES_PERCENT, MANY_WEAK_TIES_MIN, MANY_WEAK_TIES_PERCENT, SHARED_SUPPORT_MIN,
    };
}

/// What a network map says. Built only by [`summarise`], so its numbers always agree with
/// each other.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    total: usize,
    // Small lists in each enum's `ALL` order rather than maps: only read by key or in order,
    // and a map's code is compiled again for every key and value type (a larger download).
    by_circle: Vec<(Circle, usize)>,
    by_kind: Vec<(MemberKind, usize)>,
    roles: RoleCounts,
    /// In `SupportArea::ALL` order, every area present.
    area_helpers: Vec<(SupportArea, Vec<MemberId>)>,
    task_helpers: Vec<(SupportTask, Vec<MemberId>)>,
    rests_on_one: Vec<(SupportArea, MemberId)>,
    gives_back_to: Vec<MemberId>,
    network_type: Option<NetworkType>,
    observations: Vec<Observation>,
}

/// The value for `key` in a small list of pairs.
fn lookup<K: PartialEq, V>(pairs: &[(K, V)], key: K) -> Option<&V> {
    pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
}

/// The value for `key`, added (as the default) at the end when missing.
fn entry<K: PartialEq, V: Default>(pairs: &mut Vec<(K, V)>, key: K) -> &mut V {
    let at = match pairs.iter().position(|(k, _)| *k == key) {
        Some(at) => at,
        None => {
            pairs.push((key, V::default()));
            pairs.len() - 1
        }
    };
    &mut pairs[at].1
}

/// Summarises a network. Never fails: odd data (a relationship on a pet, a repeated id) is
/// read as sensibly as it can be.
pub fn summarise(network: &Network) -> Summary {
    let mut by_circle: Vec<(Circle, usize)> = Circle::ALL.iter().map(|&c| (c, 0)).collect();
    let mut by_kind: Vec<(MemberKind, usize)> = MemberKind::ALL.iter().map(|&k| (k, 0)).collect();
    let mut task_helpers: Vec<(SupportTask, Vec<MemberId>)> =
        SupportTask::ALL.iter().map(|&t| (t, Vec::new())).collect();
    let mut area_helpers: Vec<(SupportArea, Vec<MemberId>)> =
        SupportArea::ALL.iter().map(|&a| (a, Vec::new())).collect();
    let mut roles = RoleCounts::default();
    let mut gives_back_to = Vec::new();

    for member in &network.members {
        *entry(&mut by_circle, member.circle) += 1;
        *entry(&mut by_kind, member.kind) += 1;
        roles.add(Role::of(member));
        for task in &member.gives {
            push_once(entry(&mut task_helpers, *task), member.id);
        }
        for (area, ids) in &mut area_helpers {
            if member.helps_with(*area) {
                push_once(ids, member.id);
            }
        }
        if !member.receives.is_empty() {
            push_once(&mut gives_back_to, member.id);
        }
    }

    let rests_on_one = area_helpers
        .iter()
        .filter_map(|(area, ids)| match ids.as_slice() {
            [only] => Some((*area, *only)),
            _ => None,
        })
        .collect();
    let network_type = network_type::classify(network.members.len(), &roles);
    let observations = observation::observe(&Facts {
        network,
        roles: &roles,
        helpers: &area_helpers,
        gives_back: gives_back_to.len(),
    });

    Summary {
        total: network.members.len(),
        by_circle,
        by_kind,
        roles,
        area_helpers,
        task_helpers,
        rests_on_one,
        gives_back_to,
        network_type,
        observations,
    }
}

/// Adds an id unless it is already there. Ids are unique in a well-formed network, but stored
/// data is not trusted, and a member counted twice could hide that support rests on one.
fn push_once(ids: &mut Vec<MemberId>, id: MemberId) {
    if !ids.contains(&id) {
        ids.push(id);
    }
}

impl Summary {
    /// Every member on the map, of every kind.
    pub fn total(&self) -> usize {
        self.total
    }

    /// Members in one circle.
    pub fn in_circle(&self, circle: Circle) -> usize {
        lookup(&self.by_circle, circle).copied().unwrap_or(0)
    }

    /// Members of one kind.
    pub fn of_kind(&self, kind: MemberKind) -> usize {
        lookup(&self.by_kind, kind).copied().unwrap_or(0)
    }

    /// Members playing one role (see [`Role::of`]).
    pub fn of_role(&self, role: Role) -> usize {
        self.roles.get(role)
    }

    /// The person's own ties to people: family, friends, weak ties and other people, but not
    /// professionals, pets, places, activities, things or online members. The network type
    /// and the weak-tie share are read from this number.
    pub fn personal_ties(&self) -> usize {
        self.roles.personal_ties()
    }

    /// Weak ties: groups and organisations, neighbours, colleagues and acquaintances.
    pub fn weak_ties(&self) -> usize {
        self.roles.weak_ties
    }

    /// Weak ties as a share of [`Summary::personal_ties`], from 0.0 to 1.0; 0.0 when there are
    /// no personal ties.
    pub fn weak_tie_share(&self) -> f32 {
        let ties = self.roles.personal_ties();
        if ties == 0 {
            0.0
        } else {
            // Counts are small (a map of thousands is already absurd), so f32 is exact enough.
            (self.roles.weak_ties as f32 / ties as f32).clamp(0.0, 1.0)
        }
    }

    /// Members who help with any task in `area`, in map order.
    pub fn helpers(&self, area: SupportArea) -> &[MemberId] {
        self.area_helpers
            .iter()
            .find(|(a, _)| *a == area)
            .map_or(&[], |(_, ids)| ids.as_slice())
    }

    /// Members who help with `task`, in map order.
    pub fn task_helpers(&self, task: SupportTask) -> &[MemberId] {
        lookup(&self.task_helpers, task).map_or(&[], Vec::as_slice)
    }

    /// The areas where exactly one member helps, with that member, in area order.
    pub fn rests_on_one(&self) -> &[(SupportArea, MemberId)] {
        &self.rests_on_one
    }

    /// Members the person does something for in return, in map order.
    pub fn gives_back_to(&self) -> &[MemberId] {
        &self.gives_back_to
    }

    /// The network's shape, or `None` while the map is empty.
    pub fn network_type(&self) -> Option<NetworkType> {
        self.network_type
    }

    /// What is worth saying about this network, most relevant first.
    pub fn observations(&self) -> &[Observation] {
        &self.observations
    }
}
