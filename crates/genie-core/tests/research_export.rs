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
    let export = research::export(&waves(), &choices());
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
    let data = deidentify(&waves, &choices());
    let members: usize = waves.iter().map(|w| w.network.members.len()).sum();
    let ties: usize = waves.iter().map(|w| w.network.ties.len()).sum();
    assert_eq!(data.waves.len(), 3);
    assert_eq!(data.nodes.len(), members);
    assert_eq!(data.edges.len(), ties);

    let export = research::export(&waves, &choices());
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
    // Spells are runs of consecutive waves: one per member or tie here, as nobody left and
    // came back.
    assert_eq!(spells, distinct_members.len() + distinct_ties.len());
    assert!(!export.gexf.contains("endopen") && !export.gexf.contains("startopen"));

    // One GraphML per wave, each one graph with that wave's members and ties.
    assert_eq!(export.graphml_waves.len(), 3);
    for (wave, document) in &export.graphml_waves {
        let [graphs, nodes, edges] = xml_counts(document, &["graph", "node", "edge"])[..] else {
            unreachable!()
        };
        let in_wave = waves.iter().find(|w| w.id.0 == *wave).expect("a wave");
        assert_eq!(
            (graphs, nodes, edges),
            (1, in_wave.network.members.len(), in_wave.network.ties.len()),
            "wave {wave}"
        );
        assert!(document.contains(&format!("<graph id=\"wave-{wave}\"")));
    }
    let names: Vec<String> = export.files().into_iter().map(|(name, _)| name).collect();
    assert!(
        names.contains(&"genie-wave-2.graphml".to_string()),
        "{names:?}"
    );
}

#[test]
fn codes_follow_a_member_across_waves() {
    let data = deidentify(&waves(), &choices());
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
    // The first map's questions were answered in Greek; the others say nothing of a language.
    let mut waves = waves();
    waves[0].answered_in = Some("el".into());
    let export = research::export(&waves, &choices());
    let rows: Vec<&str> = export.waves_csv.lines().collect();
    let answered = "answered,answered,answered,answered,answered,answered,answered";
    assert_eq!(
        rows[1],
        format!("1,2025-01-02,2025-07-03,0,7,3,1,4,6,3,7,3,2,3,{answered},el")
    );
    assert_eq!(
        rows[2],
        "2,2025-07-03,2026-01-02,182,7,4,1,6,,5,5,,,,answered,not_asked,answered,answered,not_asked,not_asked,not_asked,"
    );
    assert_eq!(
        rows[3],
        "3,2026-01-02,,365,7,4,1,,,,,,,,not_asked,not_asked,not_asked,not_asked,not_asked,not_asked,not_asked,"
    );
    assert!(export
        .edges_csv
        .contains("1,2025-01-02,person:partner:1,person:friend:1\r\n"));
}

#[test]
fn the_dictionary_names_every_column_and_code() {
    let dictionary = research::data_dictionary();
    let export = research::export(&waves(), &choices());
    for table in [
        &export.waves_csv,
        &export.nodes_csv,
        &export.edges_csv,
        &export.choices_csv,
        &export.check_ins_csv,
        &export.change_csv,
    ] {
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
    let empty = research::export(&[], &[]);
    assert_eq!(empty.nodes_csv.lines().count(), 1);
    xml_counts(&empty.graphml, &[]);
    xml_counts(&empty.gexf, &[]);

    let mut odd = Wave::first(Timestamp(i64::MIN));
    let a = odd.network.add("A", MemberKind::Person, Circle::Inner);
    odd.network.ties.insert(Tie { a, b: MemberId(99) });
    let mut late = odd.clone();
    late.id = WaveId(2);
    late.started_at = Timestamp(i64::MAX);
    let export = research::export(&[late, odd], &choices());
    assert_eq!(export.edges_csv.lines().count(), 1);
    assert_eq!(export.waves_csv.lines().count(), 3);
    xml_counts(&export.graphml, &[]);
    xml_counts(&export.gexf, &[]);
}

/// Declined and not asked are different answers, and the export keeps them apart.
#[test]
fn declined_and_not_asked_stay_apart() {
    let mut wave = Wave::first(START);
    wave.network.add("A", MemberKind::Person, Circle::Inner);
    wave.loneliness = Some(Loneliness {
        lack_companionship: Answer::Given(2),
        left_out: Answer::Declined,
        isolated: Answer::NotAsked,
    });
    wave.wellbeing = Some(Wellbeing {
        anxiety: Answer::Declined,
        ..Wellbeing::default()
    });
    let export = research::export(&[wave], &[]);
    let header: Vec<&str> = export
        .waves_csv
        .lines()
        .next()
        .expect("header")
        .split(',')
        .collect();
    let row: Vec<&str> = export
        .waves_csv
        .lines()
        .nth(1)
        .expect("a row")
        .split(',')
        .collect();
    let cell = |column: &str| {
        let at = header.iter().position(|c| *c == column).expect(column);
        row[at]
    };
    assert_eq!(
        (
            cell("ucla_lack_companionship"),
            cell("ucla_lack_companionship_state")
        ),
        ("2", "answered")
    );
    assert_eq!(
        (cell("ucla_left_out"), cell("ucla_left_out_state")),
        ("", "declined")
    );
    assert_eq!(
        (cell("ucla_isolated"), cell("ucla_isolated_state")),
        ("", "not_asked")
    );
    assert_eq!(
        (cell("ons_anxiety"), cell("ons_anxiety_state")),
        ("", "declined")
    );
    assert_eq!(
        (cell("ons_happiness"), cell("ons_happiness_state")),
        ("", "not_asked")
    );
    let dictionary = research::data_dictionary();
    for word in ["`answered`", "`declined`", "`not_asked`"] {
        assert!(dictionary.contains(word), "{word}");
    }
}

/// Choices with their plans and check-ins, and the change score between consecutive waves
/// with its five items, all by code and without the person's words.
#[test]
fn choices_check_ins_and_the_change_score_are_exported() {
    let waves = waves();
    let mut choices = choices();
    // The walking group went well at the last check-in and was put on the third map.
    let mut third = waves[2].clone();
    let mut walking = choices[0].clone();
    walking.check_ins.push(CheckIn {
        at: START.plus_days(366),
        tried: Tried::Yes,
        how_it_went: Some(5),
        go_again: Some(true),
        barriers: [].into(),
        note: "Walking group at Parc Bute".into(),
    });
    let id = put_on_map(
        &mut third.network,
        &mut walking,
        MemberKind::Group,
        Circle::Middle,
    )
    .expect("offered after a good check-in");
    choices[0] = walking;
    let waves = vec![waves[0].clone(), waves[1].clone(), third];
    let data = deidentify(&waves, &choices);
    let export = research::export(&waves, &choices);

    let on_map_code = data
        .nodes
        .iter()
        .find(|n| {
            n.wave == 3
                && n.kind == MemberKind::Group
                && !data.nodes.iter().any(|m| m.wave == 2 && m.code == n.code)
        })
        .map(|n| n.code.clone())
        .expect("the new group has a code");
    assert_eq!(data.choices.len(), 2);
    assert_eq!(
        data.choices[0].on_map.as_deref(),
        Some(on_map_code.as_str())
    );
    assert!(id.0 > 0);

    let choice_rows: Vec<&str> = export.choices_csv.lines().collect();
    assert_eq!(
        choice_rows[0],
        "choice,wave,date,day,status,first_step_given,when_given,with_member,travel,expected_barriers,check_ins,on_map_member"
    );
    assert_eq!(
        choice_rows[1],
        format!(
            "1,1,2025-01-05,3,going,1,1,person:partner:1,,transport;confidence,3,{on_map_code}"
        )
    );
    assert_eq!(choice_rows[2], "2,1,2025-01-05,3,stopped,0,0,,,,0,");

    let check_in_rows: Vec<&str> = export.check_ins_csv.lines().collect();
    assert_eq!(
        check_in_rows,
        [
            "choice,round,wave,date,day,tried,how_it_went,go_again,barriers",
            "1,1,1,2025-01-16,14,yes,4,1,transport",
            "1,2,1,2025-01-30,28,not_yet,,,",
            "1,3,3,2026-01-03,366,yes,5,1,",
        ]
    );

    // Two consecutive pairs, five items each, matching the core's own score.
    let change_rows: Vec<&str> = export.change_csv.lines().collect();
    assert_eq!(change_rows.len(), 3);
    for (row, pair) in change_rows[1..].iter().zip(waves.windows(2)) {
        let score = genie_core::followup::score_waves(&pair[0], &pair[1]);
        let cells: Vec<&str> = row.split(',').collect();
        assert_eq!(cells[2], score.total().to_string(), "{row}");
        for (n, item) in genie_core::followup::ScoreItem::ALL.iter().enumerate() {
            assert_eq!(
                cells[3 + n],
                if score.earned(*item) { "1" } else { "0" },
                "{row}"
            );
        }
    }
    let last: Vec<&str> = change_rows[2].split(',').collect();
    assert_eq!(
        (last[0], last[1], last[3]),
        ("2", "3", "1"),
        "the group is a new activity"
    );
    assert!(
        last[8].split(';').any(|code| code == on_map_code),
        "{}",
        change_rows[2]
    );
}
