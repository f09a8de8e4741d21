//! Observations: short, kind facts about a network that the UI turns into translated
//! sentences. The core holds no wording; each observation has a stable word the catalogue is
//! keyed by, and the data the sentence needs.
//!
//! Every observation either names a strength or points at a possibility. A gap in support is
//! always worded as a question about who else could help, and a small network always gets at
//! least one possibility (a dropped activity, a light connection, something nearby), so the
//! feedback can never read as a list of what is missing.

use super::network_type::{at_least, SMALL_NETWORK};
use super::role::RoleCounts;
use crate::model::{MemberId, MemberKind, Network, SupportArea};

/// Fewer weak ties than this percentage of the personal ties suggests light connections as a
/// possibility. About one in six members doing illness work were weak ties in the research.
pub const FEW_WEAK_TIES_PERCENT: usize = 20;
/// At least this percentage of weak ties (and at least [`MANY_WEAK_TIES_MIN`] of them) is
/// named as a strength.
pub const MANY_WEAK_TIES_PERCENT: usize = 40;
/// The fewest weak ties named as a strength, so one neighbour on a two-member map is not
/// called "many".
pub const MANY_WEAK_TIES_MIN: usize = 3;
/// Support counts as shared when every area has at least this many helpers.
pub const SHARED_SUPPORT_MIN: usize = 2;

/// One thing worth saying about a network. Listed in [`super::Summary::observations`] in the
/// order of the variants here: the support picture first (what the person just reflected
/// on), then strengths, then possibilities, so the feedback ends looking forward.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Observation {
    /// Nothing is on the map yet.
    EmptyNetwork,
    /// There are members, but no one is marked as helping with anything yet.
    NoSupportMarkedYet,
    /// `member` is the only one helping with each of `areas` (in area order).
    RestsOnOne {
        member: MemberId,
        areas: Vec<SupportArea>,
    },
    /// Support is marked for some areas, but no one helps with this one yet.
    NoOneHelpsWith(SupportArea),
    /// Every area has at least [`SHARED_SUPPORT_MIN`] helpers.
    SupportShared,
    /// The person does something in return for `count` members.
    GivesBack { count: usize },
    /// `count` members that are not people or groups (pets, places, activities, things,
    /// online) help with something.
    HelpBeyondPeople { count: usize },
    /// Weak ties are a large part of the network: `count` of them.
    ManyWeakTies { count: usize },
    /// Few or no weak ties: light connections are a possibility.
    FewWeakTies,
    /// `count` activities the person used to enjoy: possible ways back in.
    DormantActivities { count: usize },
    /// A small network with no other possibility named: things nearby could fit.
    ExploreNearby,
}

impl Observation {
    /// Every stable word, in the order observations are listed.
    pub const WORDS: &'static [&'static str] = &[
        "empty_network",
        "no_support_marked_yet",
        "rests_on_one",
        "no_one_helps_with",
        "support_shared",
        "gives_back",
        "help_beyond_people",
        "many_weak_ties",
        "few_weak_ties",
        "dormant_activities",
        "explore_nearby",
    ];

    /// The stable word for this observation (catalogue key).
    pub fn word(&self) -> &'static str {
        match self {
            Observation::EmptyNetwork => "empty_network",
            Observation::NoSupportMarkedYet => "no_support_marked_yet",
            Observation::RestsOnOne { .. } => "rests_on_one",
            Observation::NoOneHelpsWith(_) => "no_one_helps_with",
            Observation::SupportShared => "support_shared",
            Observation::GivesBack { .. } => "gives_back",
            Observation::HelpBeyondPeople { .. } => "help_beyond_people",
            Observation::ManyWeakTies { .. } => "many_weak_ties",
            Observation::FewWeakTies => "few_weak_ties",
            Observation::DormantActivities { .. } => "dormant_activities",
            Observation::ExploreNearby => "explore_nearby",
        }
    }
}

/// The facts the observations are read from, already counted by the summary.
pub(crate) struct Facts<'a> {
    pub network: &'a Network,
    pub roles: &'a RoleCounts,
    /// Helpers per area, in `SupportArea::ALL` order.
    pub helpers: &'a [(SupportArea, Vec<MemberId>)],
    pub gives_back: usize,
}

pub(crate) fn observe(facts: &Facts) -> Vec<Observation> {
    let network = facts.network;
    let mut out = Vec::new();
    let dormant = network.dormant.len();

    if network.members.is_empty() {
        out.push(Observation::EmptyNetwork);
        // Dropped activities can be listed before anyone is on the map; they are a start.
        if dormant > 0 {
            out.push(Observation::DormantActivities { count: dormant });
        }
        return out;
    }

    // The support picture. Until anything is marked, gaps would only mean "not done yet".
    let any_support = facts.helpers.iter().any(|(_, ids)| !ids.is_empty());
    if any_support {
        out.extend(rests_on_one(facts.helpers));
        for (area, ids) in facts.helpers {
            if ids.is_empty() {
                out.push(Observation::NoOneHelpsWith(*area));
            }
        }
        if facts
            .helpers
            .iter()
            .all(|(_, ids)| ids.len() >= SHARED_SUPPORT_MIN)
        {
            out.push(Observation::SupportShared);
        }
    } else {
        out.push(Observation::NoSupportMarkedYet);
    }

    // Strengths.
    if facts.gives_back > 0 {
        out.push(Observation::GivesBack {
            count: facts.gives_back,
        });
    }
    let beyond = network
        .members
        .iter()
        .filter(|m| !matches!(m.kind, MemberKind::Person | MemberKind::Group))
        .filter(|m| !m.gives.is_empty())
        .count();
    if beyond > 0 {
        out.push(Observation::HelpBeyondPeople { count: beyond });
    }
    let ties = facts.roles.personal_ties();
    let weak = facts.roles.weak_ties;
    if weak >= MANY_WEAK_TIES_MIN && at_least(weak, ties, MANY_WEAK_TIES_PERCENT) {
        out.push(Observation::ManyWeakTies { count: weak });
    }

    // Possibilities.
    // With no personal ties at all, a light connection is the first possibility, not a gap.
    let few_weak = ties == 0 || !at_least(weak, ties, FEW_WEAK_TIES_PERCENT);
    if few_weak {
        out.push(Observation::FewWeakTies);
    }
    if dormant > 0 {
        out.push(Observation::DormantActivities { count: dormant });
    }
    // A small network is never left with gaps and nothing to reach for.
    if ties < SMALL_NETWORK && !few_weak && dormant == 0 {
        out.push(Observation::ExploreNearby);
    }
    out
}

/// One observation per member who is the only helper in some area, listing all such areas
/// together: three separate "only X" lines about a partner would feel like a reproach.
fn rests_on_one(helpers: &[(SupportArea, Vec<MemberId>)]) -> Vec<Observation> {
    let mut out: Vec<Observation> = Vec::new();
    for (area, ids) in helpers {
        let [only] = ids.as_slice() else { continue };
        let existing = out.iter_mut().find_map(|o| match o {
            Observation::RestsOnOne { member, areas } if member == only => Some(areas),
            _ => None,
        });
        match existing {
            Some(areas) => areas.push(*area),
            None => out.push(Observation::RestsOnOne {
                member: *only,
                areas: vec![*area],
            }),
        }
    }
    out
}
