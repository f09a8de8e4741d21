//! From the person's waves to rows that carry no names and no words of theirs.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{
    Circle, ContactFrequency, Loneliness, MemberId, MemberKind, Relationship, SupportArea,
    SupportTask, Timestamp, Wave, Wellbeing,
};

use super::iso_date;

/// One wave: when, how big, and the self-ratings given with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaveRow {
    /// The wave's number (1 for the first map).
    pub wave: u32,
    /// The day the wave was started, `YYYY-MM-DD` (UTC).
    pub date: String,
    /// The day it was closed, if it has been.
    pub closed: Option<String>,
    /// Whole days from the start of the first wave in the export.
    pub day: i64,
    pub members: usize,
    pub ties: usize,
    /// How many dropped activities were named (their labels are not exported).
    pub dormant: usize,
    pub wellbeing: Option<Wellbeing>,
    pub loneliness: Option<Loneliness>,
}

/// One member in one wave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeRow {
    pub wave: u32,
    pub date: String,
    /// The member's code, the same in every wave: `person:friend:3`, `pet:1`.
    pub code: String,
    pub kind: MemberKind,
    pub relationship: Option<Relationship>,
    pub circle: Circle,
    pub contact: Option<ContactFrequency>,
    pub gives: BTreeSet<SupportTask>,
    pub receives: BTreeSet<SupportArea>,
}

impl NodeRow {
    /// Does this member help with any task of `area`?
    pub fn helps(&self, area: SupportArea) -> bool {
        self.gives.iter().any(|task| task.area() == area)
    }
}

/// "These two know each other", in one wave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdgeRow {
    pub wave: u32,
    pub date: String,
    pub source: String,
    pub target: String,
}

/// The de-identified waves: everything the export files are written from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Deidentified {
    /// In wave order.
    pub waves: Vec<WaveRow>,
    /// By wave, then by member (in the order members were first added).
    pub nodes: Vec<NodeRow>,
    /// By wave, then by the pair's members.
    pub edges: Vec<EdgeRow>,
}

/// The word for a person whose relationship was not given.
pub(super) const UNSTATED: &str = "unstated";

/// Replaces names by codes and drops every free-text field.
///
/// Codes are handed out in wave order and, within a wave, in the order members were added:
/// the first friend met is `person:friend:1`, the first pet `pet:1`. A member keeps the code
/// of the first wave it appears in, even if its relationship changes later, so a member can be
/// followed across waves. Closed waves never change, so exporting again after a new wave keeps
/// the earlier codes.
pub fn deidentify(waves: &[Wave]) -> Deidentified {
    let mut ordered: Vec<&Wave> = waves.iter().collect();
    ordered.sort_by_key(|wave| (wave.id, wave.started_at));
    let first_start = ordered.first().map(|wave| wave.started_at);

    let mut codes: BTreeMap<MemberId, String> = BTreeMap::new();
    let mut counters: BTreeMap<String, u32> = BTreeMap::new();
    let mut out = Deidentified::default();

    for wave in ordered {
        let number = wave.id.0;
        let date = iso_date(wave.started_at);
        let network = &wave.network;

        let mut members: Vec<_> = network.members.iter().collect();
        members.sort_by_key(|member| member.id);
        let mut present = BTreeSet::new();
        for member in members {
            if !present.insert(member.id) {
                // The same id twice in one map: keep the first.
                continue;
            }
            let code = codes
                .entry(member.id)
                .or_insert_with(|| {
                    let prefix = prefix(member.kind, member.relationship);
                    let counter = counters.entry(prefix.clone()).or_insert(0);
                    *counter += 1;
                    format!("{prefix}:{counter}")
                })
                .clone();
            out.nodes.push(NodeRow {
                wave: number,
                date: date.clone(),
                code,
                kind: member.kind,
                relationship: member
                    .relationship
                    .filter(|_| member.kind == MemberKind::Person),
                circle: member.circle,
                contact: member.contact,
                gives: member.gives.clone(),
                receives: member.receives.clone(),
            });
        }

        let mut ties = 0;
        for tie in &network.ties {
            let (Some(source), Some(target)) = (
                present
                    .contains(&tie.a)
                    .then(|| codes.get(&tie.a))
                    .flatten(),
                present
                    .contains(&tie.b)
                    .then(|| codes.get(&tie.b))
                    .flatten(),
            ) else {
                continue;
            };
            if tie.a == tie.b {
                continue;
            }
            ties += 1;
            out.edges.push(EdgeRow {
                wave: number,
                date: date.clone(),
                source: source.clone(),
                target: target.clone(),
            });
        }

        out.waves.push(WaveRow {
            wave: number,
            date,
            closed: wave.closed_at.map(iso_date),
            day: first_start.map_or(0, |first| {
                // Saturating: a wildly wrong clock must give an odd number, not a panic.
                wave.started_at
                    .0
                    .saturating_sub(first.0)
                    .div_euclid(Timestamp::MS_PER_DAY)
            }),
            members: present.len(),
            ties,
            dormant: network.dormant.len(),
            wellbeing: wave.wellbeing,
            loneliness: wave.loneliness,
        });
    }
    out
}

/// `person:friend`, `person:unstated`, or the kind alone for members that are not people.
fn prefix(kind: MemberKind, relationship: Option<Relationship>) -> String {
    match (kind, relationship) {
        (MemberKind::Person, Some(relationship)) => format!("person:{relationship}"),
        (MemberKind::Person, None) => format!("person:{UNSTATED}"),
        (kind, _) => kind.as_str().to_string(),
    }
}
