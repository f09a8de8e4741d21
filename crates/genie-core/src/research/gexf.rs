//! GEXF 1.2: one dynamic graph for all waves, time measured in wave numbers.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::csv::{node_fields, NODE_COLUMNS};
use super::deidentify::Deidentified;
use super::xml::escape;

/// The waves as one dynamic GEXF graph, for timeline tools such as Gephi.
///
/// Time is the wave number (`timeformat="integer"`). Wave `n` is the half-open interval
/// `[n, n + 1)`: a member present in wave `n` has the spell `start="n" endopen="n+1"`, one
/// spell per wave it is in. Its attributes (circle, contact, support...) are dynamic values
/// with the same spells, so a change between waves shows on the timeline. Ties are edges
/// with a spell per wave in which they exist. Each wave's date is in the graph's description
/// and in `genie-waves.csv`.
pub fn gexf(data: &Deidentified) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<gexf xmlns=\"http://www.gexf.net/1.2draft\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd\" \
         version=\"1.2\">\n",
    );
    let dates: Vec<String> = data
        .waves
        .iter()
        .map(|w| format!("wave {} started {}", w.wave, w.date))
        .collect();
    let _ = writeln!(
        out,
        "  <meta>\n    <creator>Genie research export</creator>\n    \
         <description>De-identified personal network; time is the wave number. {}</description>\n  </meta>",
        escape(&dates.join("; "))
    );
    out.push_str(
        "  <graph mode=\"dynamic\" defaultedgetype=\"undirected\" timeformat=\"integer\">\n",
    );
    out.push_str("    <attributes class=\"node\" mode=\"dynamic\">\n");
    for column in attribute_columns() {
        let _ = writeln!(
            out,
            "      <attribute id=\"{column}\" title=\"{column}\" type=\"string\"/>"
        );
    }
    out.push_str("    </attributes>\n");

    // Each member's rows, in the order members first appear.
    let mut order: Vec<&str> = Vec::new();
    let mut by_member: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (index, node) in data.nodes.iter().enumerate() {
        let rows = by_member.entry(node.code.as_str()).or_default();
        if rows.is_empty() {
            order.push(node.code.as_str());
        }
        rows.push(index);
    }

    out.push_str("    <nodes>\n");
    for code in order {
        let rows = by_member.get(code).map(Vec::as_slice).unwrap_or_default();
        let _ = writeln!(
            out,
            "      <node id=\"{}\" label=\"{}\">",
            escape(code),
            escape(code)
        );
        out.push_str("        <attvalues>\n");
        for &index in rows {
            let Some(node) = data.nodes.get(index) else {
                continue;
            };
            let (start, end) = spell(node.wave);
            for (column, value) in NODE_COLUMNS.iter().zip(node_fields(node)).skip(3) {
                if value.is_empty() {
                    continue;
                }
                let _ = writeln!(
                    out,
                    "          <attvalue for=\"{column}\" value=\"{}\" start=\"{start}\" endopen=\"{end}\"/>",
                    escape(&value)
                );
            }
        }
        out.push_str("        </attvalues>\n        <spells>\n");
        for &index in rows {
            if let Some(node) = data.nodes.get(index) {
                let (start, end) = spell(node.wave);
                let _ = writeln!(
                    out,
                    "          <spell start=\"{start}\" endopen=\"{end}\"/>"
                );
            }
        }
        out.push_str("        </spells>\n      </node>\n");
    }
    out.push_str("    </nodes>\n");

    // Each tie's waves, in the order ties first appear.
    let mut ties: Vec<(&str, &str)> = Vec::new();
    let mut tie_waves: BTreeMap<(&str, &str), Vec<u32>> = BTreeMap::new();
    for edge in &data.edges {
        let pair = (edge.source.as_str(), edge.target.as_str());
        let waves = tie_waves.entry(pair).or_default();
        if waves.is_empty() {
            ties.push(pair);
        }
        waves.push(edge.wave);
    }
    out.push_str("    <edges>\n");
    for (index, pair) in ties.iter().enumerate() {
        let _ = writeln!(
            out,
            "      <edge id=\"e{}\" source=\"{}\" target=\"{}\">\n        <spells>",
            index + 1,
            escape(pair.0),
            escape(pair.1)
        );
        for &wave in tie_waves.get(pair).map(Vec::as_slice).unwrap_or_default() {
            let (start, end) = spell(wave);
            let _ = writeln!(
                out,
                "          <spell start=\"{start}\" endopen=\"{end}\"/>"
            );
        }
        out.push_str("        </spells>\n      </edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

/// The node table's columns after wave, date and member: kind, relationship, circle...
fn attribute_columns() -> impl Iterator<Item = &'static str> {
    NODE_COLUMNS.iter().copied().skip(3)
}

fn spell(wave: u32) -> (u64, u64) {
    let start = u64::from(wave);
    (start, start + 1)
}
