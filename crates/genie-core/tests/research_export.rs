//! The research export: no names or words of the person's anywhere, well-formed XML, counts
//! that match the maps, and codes that follow a member across waves.

#[path = "backup_fixture.rs"]
mod fixture;

use fixture::*;
use genie_core::model::*;
use genie_core::research::{self, deidentify};
use quick_xml::events::Event;
use quick_xml::Reader;

/// Reads a whole XML document, failing on any error; returns how many times each of `names`
/// starts (as `<name ...>` or `<name/>`).
fn xml_counts(xml: &str, names: &[&str]) -> Vec<usize> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut counts = vec![0; names.len()];
    let mut depth: i64 = 0;
    let mut roots = 0;
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) => {
                if depth == 0 {
                    roots += 1;
                }
                depth += 1;
                count(&mut counts, names, e.name().as_ref());
                for attr in e.attributes() {
                    let attr = attr.expect("well-formed attribute");
                    attr.unescape_value().expect("attribute value unescapes");
                }
            }
            Ok(Event::Empty(e)) => {
                if depth == 0 {
                    roots += 1;
                }
                count(&mut counts, names, e.name().as_ref());
                for attr in e.attributes() {
                    let attr = attr.expect("well-formed attribute");
                    attr.unescape_value().expect("attribute value unescapes");
                }
            }
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::Text(t)) => {
                t.unescape().expect("text unescapes");
            }
            Ok(_) => {}
            Err(error) => panic!("not well-formed at {}: {error}", reader.buffer_position()),
        }
        assert!(depth >= 0);
    }
    assert_eq!(depth, 0, "every element is closed");
    assert_eq!(roots, 1, "one root element");
    counts
}

fn count(counts: &mut [usize], names: &[&str], name: &[u8]) {
    if let Some(i) = names.iter().position(|n| n.as_bytes() == name) {
        counts[i] += 1;
    }
}

/// Everything the evaluator would receive, as one text.
fn everything() -> String {
    let export = research::export(&waves());
    export
        .files()
        .iter()
        .map(|(name, text)| format!("{name}\n{text}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn no_name_or_note_appears_anywhere() {
    let all = everything();
    for text in FREE_TEXT {
        assert!(!all.contains(text), "{text:?} leaked");
        // Nor escaped for XML.
        let escaped = text
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        assert!(!all.contains(&escaped), "{escaped:?} leaked");
    }
    for wave in waves() {
        for member in &wave.network.members {
            assert!(!all.contains(&member.name), "{:?} leaked", member.name);
            if !member.notes.is_empty() {
                assert!(!all.contains(&member.notes));
            }
        }
    }
    // Nothing non-ASCII at all: every value is a code, a number or a date.
    assert!(all.is_ascii());
    assert!(!all.contains("onerror") && !all.contains("alert"));
}

#[test]
fn counts_match_the_maps() {
    let waves = waves();
    let data = deidentify(&waves);
    let members: usize = waves.iter().map(|w| w.network.members.len()).sum();
    let ties: usize = waves.iter().map(|w| w.network.ties.len()).sum();
    assert_eq!(data.waves.len(), 3);
    assert_eq!(data.nodes.len(), members);
    assert_eq!(data.edges.len(), ties);

    let export = research::export(&waves);
    // Header plus one CRLF-ended row each.
    assert_eq!(export.waves_csv.lines().count(), 1 + 3);
    assert_eq!(export.nodes_csv.lines().count(), 1 + members);
    assert_eq!(export.edges_csv.lines().count(), 1 + ties);
    assert!(export.nodes_csv.ends_with("\r\n"));
    assert!(export.nodes_csv.starts_with(
        "wave,date,member,kind,relationship,circle,contact,gives,helps_illness,helps_everyday,helps_emotional,receives\r\n"
    ));
    for line in export.nodes_csv.lines() {
        assert_eq!(line.split(',').count(), 12, "{line}");
    }

    let [graphs, nodes, edges] = xml_counts(&export.graphml, &["graph", "node", "edge"])[..] else {
        unreachable!()
    };
    assert_eq!((graphs, nodes, edges), (3, members, ties));

    // GEXF: one node per distinct member, one edge per distinct tie, one spell per presence.
    let distinct_members: std::collections::BTreeSet<_> =
        data.nodes.iter().map(|n| n.code.clone()).collect();
    let distinct_ties: std::collections::BTreeSet<_> = data
        .edges
        .iter()
        .map(|e| (e.source.clone(), e.target.clone()))
        .collect();
    let [gexf_nodes, gexf_edges, spells] = xml_counts(&export.gexf, &["node", "edge", "spell"])[..]
    else {
        unreachable!()
    };
    assert_eq!(gexf_nodes, distinct_members.len());
    assert_eq!(gexf_edges, distinct_ties.len());
    assert_eq!(spells, members + ties);
}

#[test]
fn codes_follow_a_member_across_waves() {
    let data = deidentify(&waves());
    let code_in = |wave: u32, relationship: Relationship| {
        data.nodes
            .iter()
            .filter(|n| n.wave == wave && n.relationship == Some(relationship))
            .map(|n| n.code.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(code_in(1, Relationship::Partner), ["person:partner:1"]);
    assert_eq!(code_in(3, Relationship::Partner), ["person:partner:1"]);
    assert_eq!(
        code_in(1, Relationship::Friend),
        ["person:friend:1", "person:friend:2"]
    );
    assert_eq!(
        code_in(3, Relationship::Friend),
        code_in(1, Relationship::Friend)
    );
    // The neighbour left after the first wave; the online member joined in the second.
    assert_eq!(code_in(2, Relationship::Neighbour), Vec::<String>::new());
    let online: Vec<_> = data
        .nodes
        .iter()
        .filter(|n| n.kind == MemberKind::Online)
        .map(|n| (n.wave, n.code.as_str()))
        .collect();
    assert_eq!(online, [(2, "online:1"), (3, "online:1")]);
    // The circle change of the friend in wave 3 shows.
    let friend_circles: Vec<_> = data
        .nodes
        .iter()
        .filter(|n| n.code == "person:friend:1")
        .map(|n| n.circle)
        .collect();
    assert_eq!(
        friend_circles,
        [Circle::Middle, Circle::Middle, Circle::Inner]
    );
}

#[test]
fn waves_carry_dates_and_ratings() {
    let export = research::export(&waves());
    let rows: Vec<&str> = export.waves_csv.lines().collect();
    assert_eq!(rows[1], "1,2025-01-02,2025-07-03,0,7,3,1,4,6,3,7,3,2,3");
    assert_eq!(rows[2], "2,2025-07-03,2026-01-02,182,7,4,1,6,,5,5,,,");
    assert_eq!(rows[3], "3,2026-01-02,,365,7,4,1,,,,,,,");
    assert!(export
        .edges_csv
        .contains("1,2025-01-02,person:partner:1,person:friend:1\r\n"));
}

#[test]
fn the_dictionary_names_every_column_and_code() {
    let dictionary = research::data_dictionary();
    let export = research::export(&waves());
    for table in [&export.waves_csv, &export.nodes_csv, &export.edges_csv] {
        let header = table.lines().next().unwrap_or_default();
        for column in header.split(',') {
            assert!(dictionary.contains(&format!("`{column}`")), "{column}");
        }
    }
    for kind in MemberKind::ALL {
        assert!(dictionary.contains(&format!("`{kind}`")));
    }
    for relationship in Relationship::ALL {
        assert!(dictionary.contains(&format!("`{relationship}`")));
    }
    for task in SupportTask::ALL {
        assert!(dictionary.contains(&format!("`{task}`")));
    }
    assert!(dictionary.starts_with("# "));
}

#[test]
fn odd_maps_do_not_break_the_export() {
    // No waves; a wave with a tie to a member that is not there; extreme dates.
    let empty = research::export(&[]);
    assert_eq!(empty.nodes_csv.lines().count(), 1);
    xml_counts(&empty.graphml, &[]);
    xml_counts(&empty.gexf, &[]);

    let mut odd = Wave::first(Timestamp(i64::MIN));
    let a = odd.network.add("A", MemberKind::Person, Circle::Inner);
    odd.network.ties.insert(Tie { a, b: MemberId(99) });
    let mut late = odd.clone();
    late.id = WaveId(2);
    late.started_at = Timestamp(i64::MAX);
    let export = research::export(&[late, odd]);
    assert_eq!(export.edges_csv.lines().count(), 1);
    assert_eq!(export.waves_csv.lines().count(), 3);
    xml_counts(&export.graphml, &[]);
    xml_counts(&export.gexf, &[]);
}
