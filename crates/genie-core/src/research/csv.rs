//! The three CSV tables: waves, nodes (one row per wave and member) and edges.
//!
//! RFC 4180: comma-separated, a header row, CRLF line ends, fields quoted when they hold a
//! comma, quote or line break. Lists inside a field are separated by `;`.

use std::fmt::Write as _;

use super::deidentify::{Deidentified, NodeRow};
use crate::model::SupportArea;

pub(super) const WAVE_COLUMNS: [&str; 14] = [
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

/// One row per wave.
pub fn waves_csv(data: &Deidentified) -> String {
    let mut out = header(&WAVE_COLUMNS);
    for wave in &data.waves {
        let wellbeing = wave.wellbeing.unwrap_or_default();
        let loneliness = wave.loneliness.unwrap_or_default();
        row(
            &mut out,
            &[
                wave.wave.to_string(),
                wave.date.clone(),
                wave.closed.clone().unwrap_or_default(),
                wave.day.to_string(),
                wave.members.to_string(),
                wave.ties.to_string(),
                wave.dormant.to_string(),
                number(wellbeing.life_satisfaction),
                number(wellbeing.worthwhile),
                number(wellbeing.happiness),
                number(wellbeing.anxiety),
                number(loneliness.lack_companionship),
                number(loneliness.left_out),
                number(loneliness.isolated),
            ],
        );
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
