//! The CSV tables: waves, nodes (one row per wave and member), edges, choices, check-ins and
//! the change score between consecutive waves.
//!
//! RFC 4180: comma-separated, a header row, CRLF line ends, fields quoted when they hold a
//! comma, quote or line break. Lists inside a field are separated by `;`.

use std::fmt::Write as _;

use super::deidentify::{Deidentified, NodeRow};
use crate::followup::{LonelinessItem, Ons4Item};
use crate::model::{Answer, SupportArea};

pub(super) const WAVE_COLUMNS: [&str; 22] = [
    "wave",
    "date",
    "closed_date",
    "day",
    "members",
    "ties",
    "dormant_activities",
    "ons_life_satisfaction",
    "ons_worthwhile",
    "ons_happiness",
    "ons_anxiety",
    "ucla_lack_companionship",
    "ucla_left_out",
    "ucla_isolated",
    "ons_life_satisfaction_state",
    "ons_worthwhile_state",
    "ons_happiness_state",
    "ons_anxiety_state",
    "ucla_lack_companionship_state",
    "ucla_left_out_state",
    "ucla_isolated_state",
    "answers_language",
];

pub(super) const CHOICE_COLUMNS: [&str; 12] = [
    "choice",
    "wave",
    "date",
    "day",
    "status",
    "first_step_given",
    "when_given",
    "with_member",
    "travel",
    "expected_barriers",
    "check_ins",
    "on_map_member",
];

pub(super) const CHECK_IN_COLUMNS: [&str; 9] = [
    "choice",
    "round",
    "wave",
    "date",
    "day",
    "tried",
    "how_it_went",
    "go_again",
    "barriers",
];

pub(super) const CHANGE_COLUMNS: [&str; 13] = [
    "from_wave",
    "to_wave",
    "total",
    "new_activities",
    "online",
    "reflection_on_support",
    "more_contact",
    "new_members",
    "new_activities_members",
    "online_members",
    "reflection_on_support_members",
    "more_contact_members",
    "new_members_members",
];

pub(super) const NODE_COLUMNS: [&str; 12] = [
    "wave",
    "date",
    "member",
    "kind",
    "relationship",
    "circle",
    "contact",
    "gives",
    "helps_illness",
    "helps_everyday",
    "helps_emotional",
    "receives",
];

pub(super) const EDGE_COLUMNS: [&str; 4] = ["wave", "date", "source", "target"];

/// One row per wave. Each rating has a number column (empty unless answered, so the column
/// stays numeric) and a state column: `answered`, `declined` or `not_asked`.
pub fn waves_csv(data: &Deidentified) -> String {
    let mut out = header(&WAVE_COLUMNS);
    for wave in &data.waves {
        let wellbeing = wave.wellbeing.unwrap_or_default();
        let loneliness = wave.loneliness.unwrap_or_default();
        let answers: Vec<Answer> = Ons4Item::ALL
            .iter()
            .map(|item| item.answer(&wellbeing))
            .chain(
                LonelinessItem::ALL
                    .iter()
                    .map(|item| item.answer(&loneliness)),
            )
            .collect();
        let mut fields = vec![
            wave.wave.to_string(),
            wave.date.clone(),
            wave.closed.clone().unwrap_or_default(),
            wave.day.to_string(),
            wave.members.to_string(),
            wave.ties.to_string(),
            wave.dormant.to_string(),
        ];
        fields.extend(answers.iter().map(|a| number(a.given())));
        fields.extend(answers.iter().map(|a| a.state().to_string()));
        fields.push(wave.answered_in.clone().unwrap_or_default());
        row(&mut out, &fields);
    }
    out
}

/// One row per chosen activity, with the shape of its plan.
pub fn choices_csv(data: &Deidentified) -> String {
    let mut out = header(&CHOICE_COLUMNS);
    for choice in &data.choices {
        let check_ins = data
            .check_ins
            .iter()
            .filter(|c| c.choice == choice.choice)
            .count();
        row(
            &mut out,
            &[
                choice.choice.to_string(),
                choice.wave.to_string(),
                choice.date.clone(),
                choice.day.to_string(),
                choice.status.as_str().into(),
                flag(choice.first_step),
                flag(choice.when),
                choice.with_member.clone().unwrap_or_default(),
                choice
                    .travel
                    .map(|t| t.as_str().to_string())
                    .unwrap_or_default(),
                list(choice.expected_barriers.iter().map(|b| b.as_str())),
                check_ins.to_string(),
                choice.on_map.clone().unwrap_or_default(),
            ],
        );
    }
    out
}

/// One row per check-in.
pub fn check_ins_csv(data: &Deidentified) -> String {
    let mut out = header(&CHECK_IN_COLUMNS);
    for check_in in &data.check_ins {
        row(
            &mut out,
            &[
                check_in.choice.to_string(),
                check_in.round.to_string(),
                check_in.wave.to_string(),
                check_in.date.clone(),
                check_in.day.to_string(),
                check_in.tried.as_str().into(),
                number(check_in.how_it_went),
                check_in.go_again.map(flag).unwrap_or_default(),
                list(check_in.barriers.iter().map(|b| b.as_str())),
            ],
        );
    }
    out
}

/// One row per pair of consecutive waves: the five-item change score, each item's point
/// (1 or 0) and the members behind it.
pub fn change_csv(data: &Deidentified) -> String {
    let mut out = header(&CHANGE_COLUMNS);
    for change in &data.changes {
        let mut fields = vec![
            change.from_wave.to_string(),
            change.to_wave.to_string(),
            change.total.to_string(),
        ];
        fields.extend(change.items.iter().map(|(_, earned, _)| flag(*earned)));
        fields.extend(
            change
                .items
                .iter()
                .map(|(_, _, members)| list(members.iter().map(String::as_str))),
        );
        row(&mut out, &fields);
    }
    out
}

/// One row per member per wave.
pub fn nodes_csv(data: &Deidentified) -> String {
    let mut out = header(&NODE_COLUMNS);
    for node in &data.nodes {
        row(&mut out, &node_fields(node));
    }
    out
}

/// One row per tie per wave.
pub fn edges_csv(data: &Deidentified) -> String {
    let mut out = header(&EDGE_COLUMNS);
    for edge in &data.edges {
        row(
            &mut out,
            &[
                edge.wave.to_string(),
                edge.date.clone(),
                edge.source.clone(),
                edge.target.clone(),
            ],
        );
    }
    out
}

/// A node's values in [`NODE_COLUMNS`] order (also used by the graph formats).
pub(super) fn node_fields(node: &NodeRow) -> [String; 12] {
    [
        node.wave.to_string(),
        node.date.clone(),
        node.code.clone(),
        node.kind.as_str().into(),
        node.relationship
            .map(|r| r.as_str().to_string())
            .unwrap_or_default(),
        node.circle.as_str().into(),
        node.contact
            .map(|c| c.as_str().to_string())
            .unwrap_or_default(),
        list(node.gives.iter().map(|t| t.as_str())),
        flag(node.helps(SupportArea::Illness)),
        flag(node.helps(SupportArea::Everyday)),
        flag(node.helps(SupportArea::Emotional)),
        list(node.receives.iter().map(|a| a.as_str())),
    ]
}

pub(super) fn list<'a>(words: impl Iterator<Item = &'a str>) -> String {
    words.collect::<Vec<_>>().join(";")
}

fn flag(yes: bool) -> String {
    if yes { "1" } else { "0" }.into()
}

fn number(value: Option<u8>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn header(columns: &[&str]) -> String {
    let mut out = String::new();
    let fields: Vec<String> = columns.iter().map(|c| c.to_string()).collect();
    row(&mut out, &fields);
    out
}

fn row(out: &mut String, fields: &[String]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            let _ = write!(out, "\"{}\"", field.replace('"', "\"\""));
        } else {
            out.push_str(field);
        }
    }
    out.push_str("\r\n");
}
