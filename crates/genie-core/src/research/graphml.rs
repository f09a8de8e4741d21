//! GraphML: one `<graph>` per wave in one document, with the node table's columns as data,
//! and the same graphs one per document: networkx's `read_graphml` and igraph read only the
//! first graph of a document, so an evaluator using them needs a file per wave.

use std::fmt::Write as _;

use super::csv::{node_fields, NODE_COLUMNS};
use super::deidentify::Deidentified;
use super::xml::escape;

/// Node columns that become GraphML booleans; the rest are strings (the wave number is an int).
pub(super) const BOOLEAN_COLUMNS: [&str; 3] =
    ["helps_illness", "helps_everyday", "helps_emotional"];

/// The waves as GraphML: each wave its own undirected graph (`wave-1`, `wave-2`, ...). Node
/// ids are `w<wave>:<member code>`, unique in the document; the member code itself is the
/// `member` data field, so a member can be matched across graphs.
pub fn graphml(data: &Deidentified) -> String {
    document(data, |_| true)
}

/// One GraphML document per wave, as (wave number, document), in wave order. Each is the
/// same graph as in [`graphml`], with the same ids.
pub fn graphml_per_wave(data: &Deidentified) -> Vec<(u32, String)> {
    data.waves
        .iter()
        .map(|w| (w.wave, document(data, |n| n == w.wave)))
        .collect()
}

/// A GraphML document with the graphs of the waves `wanted` picks.
fn document(data: &Deidentified, wanted: impl Fn(u32) -> bool) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (id, kind) in [
        ("wave", "int"),
        ("date", "string"),
        ("closed_date", "string"),
        ("day", "int"),
    ] {
        let _ = writeln!(
            out,
            "  <key id=\"g_{id}\" for=\"graph\" attr.name=\"{id}\" attr.type=\"{kind}\"/>"
        );
    }
    // The wave and date are on the graph already; the node keys are the remaining columns.
    for column in node_columns() {
        let kind = if BOOLEAN_COLUMNS.contains(&column) {
            "boolean"
        } else {
            "string"
        };
        let _ = writeln!(
            out,
            "  <key id=\"n_{column}\" for=\"node\" attr.name=\"{column}\" attr.type=\"{kind}\"/>"
        );
    }

    for wave in data.waves.iter().filter(|w| wanted(w.wave)) {
        let _ = writeln!(
            out,
            "  <graph id=\"wave-{}\" edgedefault=\"undirected\">",
            wave.wave
        );
        let _ = writeln!(out, "    <data key=\"g_wave\">{}</data>", wave.wave);
        let _ = writeln!(
            out,
            "    <data key=\"g_date\">{}</data>",
            escape(&wave.date)
        );
        if let Some(closed) = &wave.closed {
            let _ = writeln!(
                out,
                "    <data key=\"g_closed_date\">{}</data>",
                escape(closed)
            );
        }
        let _ = writeln!(out, "    <data key=\"g_day\">{}</data>", wave.day);

        for node in data.nodes.iter().filter(|n| n.wave == wave.wave) {
            let _ = writeln!(
                out,
                "    <node id=\"{}\">",
                escape(&node_id(wave.wave, &node.code))
            );
            for (column, value) in NODE_COLUMNS.iter().zip(node_fields(node)).skip(2) {
                if value.is_empty() {
                    continue;
                }
                let value = if BOOLEAN_COLUMNS.contains(column) {
                    if value == "1" { "true" } else { "false" }.to_string()
                } else {
                    value
                };
                let _ = writeln!(
                    out,
                    "      <data key=\"n_{column}\">{}</data>",
                    escape(&value)
                );
            }
            out.push_str("    </node>\n");
        }
        for (index, edge) in data
            .edges
            .iter()
            .filter(|e| e.wave == wave.wave)
            .enumerate()
        {
            let _ = writeln!(
                out,
                "    <edge id=\"w{}:e{}\" source=\"{}\" target=\"{}\"/>",
                wave.wave,
                index + 1,
                escape(&node_id(wave.wave, &edge.source)),
                escape(&node_id(wave.wave, &edge.target)),
            );
        }
        out.push_str("  </graph>\n");
    }
    out.push_str("</graphml>\n");
    out
}

fn node_columns() -> impl Iterator<Item = &'static str> {
    NODE_COLUMNS.iter().copied().skip(2)
}

fn node_id(wave: u32, code: &str) -> String {
    format!("w{wave}:{code}")
}
