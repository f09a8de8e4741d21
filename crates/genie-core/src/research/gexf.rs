//! GEXF 1.2: one dynamic graph for all waves, time measured in wave numbers.
//!
//! Written for the readers evaluators use: Gephi, and networkx's `read_gexf` (which reads
//! only `start` and `end` on spells and values, not `startopen`/`endopen`). So every spell
//! and dynamic value is a closed interval `start`..`end` of whole wave numbers, and attribute
//! types match their values (the `helps_*` columns are booleans, as in the GraphML).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::csv::{node_fields, NODE_COLUMNS};
use super::deidentify::Deidentified;
use super::graphml::BOOLEAN_COLUMNS;
use super::xml::escape;

/// The waves as one dynamic GEXF graph, for timeline tools such as Gephi.
///
/// Time is the wave number (`timeformat="integer"`), and wave `n` is the moment `n`. A member
/// in waves 1 to 3 has the spell `start="1" end="3"`; one in waves 1 and 3 only has two
/// spells, `1..1` and `3..3`. Its attributes (circle, contact, support...) are dynamic values
/// over the same kind of runs, a new run wherever the value changes, so a change between
/// waves shows on the timeline. Ties are edges with spells for the waves in which they exist.
/// Each wave's date is in the graph's description and in `genie-waves.csv`.
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
        let kind = if BOOLEAN_COLUMNS.contains(&column) {
            "boolean"
        } else {
            "string"
        };
        let _ = writeln!(
            out,
            "      <attribute id=\"{column}\" title=\"{column}\" type=\"{kind}\"/>"
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
        for (position, column) in NODE_COLUMNS.iter().enumerate().skip(3) {
            // (wave, value) for each wave the member is in and has a value for this column.
            let values: Vec<(u32, String)> = rows
                .iter()
                .filter_map(|&index| data.nodes.get(index))
                .filter_map(|node| {
                    let value = node_fields(node).get(position).cloned()?;
                    (!value.is_empty()).then_some((node.wave, value))
                })
                .collect();
            for (value, start, end) in runs(&values) {
                let value = if BOOLEAN_COLUMNS.contains(column) {
                    if value == "1" { "true" } else { "false" }.to_string()
                } else {
                    value
                };
                let _ = writeln!(
                    out,
                    "          <attvalue for=\"{column}\" value=\"{}\" start=\"{start}\" end=\"{end}\"/>",
                    escape(&value)
                );
            }
        }
        out.push_str("        </attvalues>\n        <spells>\n");
        let present: Vec<(u32, ())> = rows
            .iter()
            .filter_map(|&index| data.nodes.get(index))
            .map(|node| (node.wave, ()))
            .collect();
        for ((), start, end) in runs(&present) {
            let _ = writeln!(out, "          <spell start=\"{start}\" end=\"{end}\"/>");
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
        let present: Vec<(u32, ())> = tie_waves
            .get(pair)
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .map(|&wave| (wave, ()))
            .collect();
        for ((), start, end) in runs(&present) {
            let _ = writeln!(out, "          <spell start=\"{start}\" end=\"{end}\"/>");
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

/// Runs of consecutive wave numbers with the same value, as (value, first, last): the
/// closed intervals GEXF readers expect. `items` is in wave order.
fn runs<T: Clone + PartialEq>(items: &[(u32, T)]) -> Vec<(T, u32, u32)> {
    let mut out: Vec<(T, u32, u32)> = Vec::new();
    for (wave, value) in items {
        match out.last_mut() {
            Some((last_value, _, end))
                if last_value == value && end.checked_add(1) == Some(*wave) =>
            {
                *end = *wave;
            }
            _ => out.push((value.clone(), *wave, *wave)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::runs;

    #[test]
    fn runs_join_consecutive_waves_with_the_same_value() {
        let items = [(1, "a"), (2, "a"), (3, "b"), (5, "b"), (6, "b")];
        assert_eq!(runs(&items), [("a", 1, 2), ("b", 3, 3), ("b", 5, 6)]);
        assert!(runs::<()>(&[]).is_empty());
        assert_eq!(
            runs(&[(u32::MAX, ()), (0, ())]),
            [((), u32::MAX, u32::MAX), ((), 0, 0)]
        );
    }
}
