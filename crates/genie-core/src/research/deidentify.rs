//! From the person's waves to rows that carry no names and no words of theirs.

use std::collections::{BTreeMap, BTreeSet};

use crate::followup::{score_waves, ScoreItem, ScoreReason};
use crate::model::{
    Barrier, Choice, ChoiceStatus, Circle, ContactFrequency, Loneliness, MemberId, MemberKind,
    Relationship, SupportArea, SupportTask, Timestamp, TravelMode, Tried, Wave, Wellbeing,
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
    /// The language the ratings were given in, when any was.
    pub answered_in: Option<String>,
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

/// One chosen activity and its plan, without the activity's name or the person's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceRow {
    /// The choice's number (1 for the first chosen), the same in `genie-check-ins.csv`.
    pub choice: u32,
    /// The wave open when it was chosen (0 if there is no map at all).
    pub wave: u32,
    pub date: String,
    /// Whole days from the start of the first wave.
    pub day: i64,
    pub status: ChoiceStatus,
    /// Whether a first step was written (its words are not exported).
    pub first_step: bool,
    /// Whether a date or words for when to go were given.
    pub when: bool,
    /// The member who might come along, by code, if they are on a map.
    pub with_member: Option<String>,
    pub travel: Option<TravelMode>,
    pub expected_barriers: BTreeSet<Barrier>,
    /// The member it became when put on the map after a good check-in, by code.
    pub on_map: Option<String>,
}

/// One check-in on a choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckInRow {
    pub choice: u32,
    /// 1 for the first check-in on that choice.
    pub round: usize,
    /// The wave open at the time.
    pub wave: u32,
    pub date: String,
    pub day: i64,
    pub tried: Tried,
    pub how_it_went: Option<u8>,
    pub go_again: Option<bool>,
    pub barriers: BTreeSet<Barrier>,
}

/// The five-item change score between two consecutive waves, with the members that earned
/// each point, by code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeRow {
    pub from_wave: u32,
    pub to_wave: u32,
    /// In the published order: each item, whether it earned its point, and the codes of the
    /// members behind it.
    pub items: Vec<(ScoreItem, bool, Vec<String>)>,
    /// 0 to 5.
    pub total: u8,
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
    /// By choice number.
    pub choices: Vec<ChoiceRow>,
    /// By choice number, then round.
    pub check_ins: Vec<CheckInRow>,
    /// One per pair of consecutive waves, in wave order.
    pub changes: Vec<ChangeRow>,
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
///
/// Choices keep their plan's shape (whether a first step and a time were given, travel,
/// who might come along, by code, barriers named) and their check-ins, never the activity's
/// name, the directory entry or the person's notes.
pub fn deidentify(waves: &[Wave], choices: &[Choice]) -> Deidentified {
    let mut ordered: Vec<&Wave> = waves.iter().collect();
    crate::order::sort_by_key(&mut ordered, |wave| (wave.id, wave.started_at));
    let first_start = ordered.first().map(|wave| wave.started_at);

    let mut codes: BTreeMap<MemberId, String> = BTreeMap::new();
    let mut counters: BTreeMap<String, u32> = BTreeMap::new();
    let mut out = Deidentified::default();

    for wave in &ordered {
        let number = wave.id.0;
        let date = iso_date(wave.started_at);
        let network = &wave.network;

        let mut members: Vec<_> = network.members.iter().collect();
        crate::order::sort_by_key(&mut members, |member| member.id);
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
            answered_in: wave.answered_in.clone(),
        });
    }

    let day_of = |at: Timestamp| {
        first_start.map_or(0, |first| {
            at.0.saturating_sub(first.0)
                .div_euclid(Timestamp::MS_PER_DAY)
        })
    };
    // The wave open at a moment: the latest started by then (the first if none was).
    let wave_at = |at: Timestamp| -> u32 {
        ordered
            .iter()
            .rev()
            .find(|w| w.started_at <= at)
            .or(ordered.first())
            .map_or(0, |w| w.id.0)
    };
    let code_of = |id: Option<MemberId>| id.and_then(|id| codes.get(&id).cloned());

    let mut chosen: Vec<&Choice> = choices.iter().collect();
    crate::order::sort_by_key(&mut chosen, |c| c.id);
    for choice in chosen {
        out.choices.push(ChoiceRow {
            choice: choice.id.0,
            wave: wave_at(choice.chosen_at),
            date: iso_date(choice.chosen_at),
            day: day_of(choice.chosen_at),
            status: choice.status,
            first_step: !choice.plan.first_step.trim().is_empty(),
            when: choice.plan.when.is_some() || !choice.plan.when_text.trim().is_empty(),
            with_member: code_of(choice.plan.with_member),
            travel: choice.plan.travel,
            expected_barriers: choice.plan.expected_barriers.clone(),
            on_map: code_of(choice.on_map),
        });
        for (index, check_in) in choice.check_ins.iter().enumerate() {
            out.check_ins.push(CheckInRow {
                choice: choice.id.0,
                round: index + 1,
                wave: wave_at(check_in.at),
                date: iso_date(check_in.at),
                day: day_of(check_in.at),
                tried: check_in.tried,
                how_it_went: check_in.how_it_went.filter(|n| (1..=5).contains(n)),
                go_again: check_in.go_again,
                barriers: check_in.barriers.clone(),
            });
        }
    }

    for pair in ordered.windows(2) {
        let [before, after] = pair else { continue };
        let score = score_waves(before, after);
        let items = score
            .lines
            .iter()
            .map(|line| {
                let mut members: Vec<String> = line
                    .reasons
                    .iter()
                    .filter_map(|reason| code_of(Some(reason_member(reason))))
                    .collect();
                members.dedup();
                (line.item, line.earned(), members)
            })
            .collect();
        out.changes.push(ChangeRow {
            from_wave: before.id.0,
            to_wave: after.id.0,
            items,
            total: score.total(),
        });
    }
    out
}

fn reason_member(reason: &ScoreReason) -> MemberId {
    match reason {
        ScoreReason::NewMember { member, .. }
        | ScoreReason::SupportChanged { member, .. }
        | ScoreReason::MoreContact { member, .. } => *member,
    }
}

/// `person:friend`, `person:unstated`, or the kind alone for members that are not people.
fn prefix(kind: MemberKind, relationship: Option<Relationship>) -> String {
    match (kind, relationship) {
        (MemberKind::Person, Some(relationship)) => format!("person:{relationship}"),
        (MemberKind::Person, None) => format!("person:{UNSTATED}"),
        (kind, _) => kind.as_str().to_string(),
    }
}
