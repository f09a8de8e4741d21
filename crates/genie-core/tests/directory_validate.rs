//! Reading broken directory files: every bad entry is reported by id (or index) and field,
//! skipped or fixed as documented, and the rest of the directory is kept.

use genie_core::directory::{
    validate, Contact, Cost, Date, Directory, EntryProblem, Field, Issue, Location, Precision,
    Reach, Resource, Session, Severity, Status, DIRECTORY_VERSION,
};
use genie_core::model::{AccessNeed, DayPart, SubCategory, Weekday};

/// A whole file around the given `resources` entries.
fn file(entries: &str) -> String {
    format!(r#"{{"version": 1, "area": "Testtown", "resources": [{entries}]}}"#)
}

/// A good entry with `extra` fields added (or replacing the defaults, since a later JSON key
/// wins in serde_json's map).
fn entry(id: &str, extra: &str) -> String {
    let base = format!(
        r#""id": "{id}", "name": "Name {id}", "subcategories": ["befriending"],
           "reach": {{"kind": "local", "location": {{"lat": 53.48, "lon": -2.24}}}}"#
    );
    if extra.is_empty() {
        format!("{{{base}}}")
    } else {
        format!("{{{base}, {extra}}}")
    }
}

/// Problems as "index field issue severity" lines ("-" for the file).
fn lines(problems: &[EntryProblem]) -> Vec<String> {
    problems
        .iter()
        .map(|p| {
            let index = p.index.map_or("-".to_string(), |i| i.to_string());
            format!(
                "{index} {} {} {}",
                p.field.as_str(),
                p.issue.as_str(),
                p.severity.as_str()
            )
        })
        .collect()
}

fn ids(directory: &Directory) -> Vec<&str> {
    directory.resources.iter().map(|r| r.id.as_str()).collect()
}

struct Case {
    name: &'static str,
    /// The text inside `"resources": [...]`.
    entries: String,
    kept: &'static [&'static str],
    problems: &'static [&'static str],
}

fn cases() -> Vec<Case> {
    let raw = |id: &str, body: &str| format!(r#"{{"id": "{id}", {body}}}"#);
    let online = r#""reach": {"kind": "online"}"#;
    vec![
        Case {
            name: "good entry",
            entries: entry("a", ""),
            kept: &["a"],
            problems: &[],
        },
        Case {
            name: "entry is not an object",
            entries: format!("3, {}", entry("b", "")),
            kept: &["b"],
            problems: &["0 entry not_object skipped"],
        },
        Case {
            name: "missing id",
            entries: format!(
                r#"{{"name": "X", "subcategories": ["befriending"], {online}}}, {}"#,
                entry("b", "")
            ),
            kept: &["b"],
            problems: &["0 id missing skipped"],
        },
        Case {
            name: "null id",
            entries: entry("a", r#""id": null"#),
            kept: &[],
            problems: &["0 id missing skipped"],
        },
        Case {
            name: "blank id",
            entries: entry("a", r#""id": "  ""#),
            kept: &[],
            problems: &["0 id empty skipped"],
        },
        Case {
            name: "id of the wrong type",
            entries: entry("a", r#""id": true"#),
            kept: &[],
            problems: &["0 id wrong_type skipped"],
        },
        Case {
            name: "integer id is kept as text",
            entries: entry("a", r#""id": 7"#),
            kept: &["7"],
            problems: &["0 id wrong_type fixed"],
        },
        Case {
            name: "duplicate id: the first is kept",
            entries: format!("{}, {}, {}", entry("a", ""), entry("b", ""), entry("a", "")),
            kept: &["a", "b"],
            problems: &["2 id duplicate_id skipped"],
        },
        Case {
            name: "duplicate of a skipped entry is kept",
            entries: format!("{}, {}", entry("a", r#""name": """#), entry("a", "")),
            kept: &["a"],
            problems: &["0 name empty skipped"],
        },
        Case {
            name: "missing name",
            entries: raw(
                "a",
                &format!(r#""subcategories": ["befriending"], {online}"#),
            ),
            kept: &[],
            problems: &["0 name missing skipped"],
        },
        Case {
            name: "name of the wrong type",
            entries: entry("a", r#""name": 5"#),
            kept: &[],
            problems: &["0 name wrong_type skipped"],
        },
        Case {
            name: "no sub-categories",
            entries: raw("a", &format!(r#""name": "A", {online}"#)),
            kept: &[],
            problems: &["0 subcategories missing skipped"],
        },
        Case {
            name: "empty sub-categories",
            entries: entry("a", r#""subcategories": []"#),
            kept: &[],
            problems: &["0 subcategories empty skipped"],
        },
        Case {
            name: "sub-categories of the wrong type",
            entries: entry("a", r#""subcategories": 5"#),
            kept: &[],
            problems: &["0 subcategories wrong_type skipped"],
        },
        Case {
            name: "only unknown sub-categories",
            entries: entry("a", r#""subcategories": ["knitting", 4]"#),
            kept: &[],
            problems: &[
                "0 subcategories unknown_word fixed",
                "0 subcategories wrong_type fixed",
                "0 subcategories none_known skipped",
            ],
        },
        Case {
            name: "an unknown sub-category is dropped, the entry kept",
            entries: entry("a", r#""subcategories": ["knitting", "Arts-Crafts"]"#),
            kept: &["a"],
            problems: &["0 subcategories unknown_word fixed"],
        },
        Case {
            name: "no reach",
            entries: raw("a", r#""name": "A", "subcategories": ["befriending"]"#),
            kept: &[],
            problems: &["0 reach missing skipped"],
        },
        Case {
            name: "unknown reach kind",
            entries: entry("a", r#""reach": {"kind": "moon"}"#),
            kept: &[],
            problems: &["0 reach unknown_word skipped"],
        },
        Case {
            name: "reach as a plain word",
            entries: entry("a", r#""reach": "national""#),
            kept: &["a"],
            problems: &[],
        },
        Case {
            name: "local without a location",
            entries: entry("a", r#""reach": {"kind": "local"}"#),
            kept: &[],
            problems: &["0 location missing skipped"],
        },
        Case {
            name: "latitude missing",
            entries: entry(
                "a",
                r#""reach": {"kind": "local", "location": {"lon": 1.0}}"#,
            ),
            kept: &[],
            problems: &["0 lat missing skipped"],
        },
        Case {
            name: "latitude NaN",
            entries: entry(
                "a",
                r#""reach": {"kind": "local", "location": {"lat": "NaN", "lon": 1.0}}"#,
            ),
            kept: &[],
            problems: &["0 lat not_a_number skipped"],
        },
        Case {
            name: "latitude out of range",
            entries: entry(
                "a",
                r#""reach": {"kind": "local", "location": {"lat": 91, "lon": 1.0}}"#,
            ),
            kept: &[],
            problems: &["0 lat out_of_range skipped"],
        },
        Case {
            name: "longitude out of range",
            entries: entry(
                "a",
                r#""reach": {"kind": "local", "location": {"lat": 53, "lon": -181}}"#,
            ),
            kept: &[],
            problems: &["0 lon out_of_range skipped"],
        },
        Case {
            name: "longitude of the wrong type",
            entries: entry(
                "a",
                r#""reach": {"kind": "local", "location": {"lat": 53, "lon": [1]}}"#,
            ),
            kept: &[],
            problems: &["0 lon wrong_type skipped"],
        },
        Case {
            name: "zero, zero",
            entries: entry(
                "a",
                r#""reach": {"kind": "local", "location": {"lat": 0, "lon": 0.0}}"#,
            ),
            kept: &[],
            problems: &["0 location null_island skipped"],
        },
        Case {
            name: "coordinates as text are read",
            entries: entry(
                "a",
                r#""reach": {"location": {"lat": "53.4", "lon": " -2.2"}}"#,
            ),
            kept: &["a"],
            problems: &["0 lat wrong_type fixed", "0 lon wrong_type fixed"],
        },
        Case {
            name: "bad dates",
            entries: format!(
                "{}, {}, {}",
                entry("a", r#""checked": "2024-13-01""#),
                entry("b", r#""checked": "yesterday""#),
                entry("c", r#""checked": 20240101"#)
            ),
            kept: &["a", "b", "c"],
            problems: &[
                "0 checked bad_date fixed",
                "1 checked bad_date fixed",
                "2 checked wrong_type fixed",
            ],
        },
        Case {
            name: "unknown status",
            entries: entry("a", r#""status": "closed""#),
            kept: &["a"],
            problems: &["0 status unknown_word fixed"],
        },
        Case {
            name: "status of the wrong type",
            entries: entry("a", r#""status": false"#),
            kept: &["a"],
            problems: &["0 status wrong_type fixed"],
        },
        Case {
            name: "negative cost",
            entries: entry("a", r#""cost": {"kind": "paid", "minor_units": -300}"#),
            kept: &["a"],
            problems: &["0 cost negative fixed"],
        },
        Case {
            name: "paid without an amount, unknown kind, wrong type",
            entries: format!(
                "{}, {}, {}",
                entry("a", r#""cost": {"kind": "paid"}"#),
                entry("b", r#""cost": {"kind": "gift"}"#),
                entry("c", r#""cost": 3"#)
            ),
            kept: &["a", "b", "c"],
            problems: &[
                "0 cost missing fixed",
                "1 cost unknown_word fixed",
                "2 cost wrong_type fixed",
            ],
        },
        Case {
            name: "unknown access words",
            entries: entry("a", r#""access": ["step_free", "lift_access", 3]"#),
            kept: &["a"],
            problems: &["0 access unknown_word fixed", "0 access wrong_type fixed"],
        },
        Case {
            name: "website without a scheme",
            entries: entry("a", r#""contact": {"website": "www.example.org"}"#),
            kept: &["a"],
            problems: &["0 website scheme_added fixed"],
        },
        Case {
            name: "website with a scheme that is not a web link",
            entries: entry("a", r#""contact": {"website": "javascript:alert(1)"}"#),
            kept: &["a"],
            problems: &["0 website unsupported_scheme fixed"],
        },
        Case {
            name: "contact of the wrong type",
            entries: entry("a", r#""contact": "0161 000 0000""#),
            kept: &["a"],
            problems: &["0 contact wrong_type fixed"],
        },
        Case {
            name: "bad sessions are dropped",
            entries: entry(
                "a",
                r#""sessions": [{"day": "Funday", "part": "morning"},
                                {"day": "tue", "part": "brunch"},
                                {"day": "wed"},
                                {"day": "thu", "part": "evening", "starts": "7pm"},
                                "fri"]"#,
            ),
            kept: &["a"],
            problems: &[
                "0 day unknown_word fixed",
                "0 part unknown_word fixed",
                "0 part missing fixed",
                "0 starts bad_time fixed",
                "0 sessions not_object fixed",
            ],
        },
        Case {
            name: "wrong types in optional text and lists",
            entries: entry(
                "a",
                r#""description": 5, "languages": [5, "", "pl"], "sessions": {}"#,
            ),
            kept: &["a"],
            problems: &[
                "0 description wrong_type fixed",
                "0 sessions wrong_type fixed",
                "0 languages wrong_type fixed",
                "0 languages empty fixed",
            ],
        },
        Case {
            name: "good entries around broken ones are all kept",
            entries: format!(
                "{}, {}, {}, {}",
                entry("a", ""),
                entry("b", r#""subcategories": ["knitting"]"#),
                entry(
                    "c",
                    r#""reach": {"kind": "local", "location": {"lat": 0, "lon": 0}}"#
                ),
                entry("d", "")
            ),
            kept: &["a", "d"],
            problems: &[
                "1 subcategories unknown_word fixed",
                "1 subcategories none_known skipped",
                "2 location null_island skipped",
            ],
        },
    ]
}

#[test]
fn broken_entries_are_reported_by_field_and_skipped_or_fixed() {
    for case in cases() {
        let (directory, problems) = validate(&file(&case.entries));
        assert_eq!(ids(&directory), case.kept, "{}: kept", case.name);
        assert_eq!(lines(&problems), case.problems, "{}: problems", case.name);
        assert_eq!(directory.area, "Testtown", "{}", case.name);
    }
}

#[test]
fn problems_name_the_id_when_there_is_one_and_the_index_always() {
    let text = file(&format!(
        r#"{}, {{"name": "no id"}}, {}"#,
        entry("a", r#""status": "closed""#),
        entry("b", r#""subcategories": ["knitting"]"#)
    ));
    let (_, problems) = validate(&text);
    let found: Vec<(Option<usize>, Option<&str>)> = problems
        .iter()
        .map(|p| (p.index, p.id.as_deref()))
        .collect();
    assert_eq!(
        found,
        [
            (Some(0), Some("a")),
            (Some(1), None),
            (Some(2), Some("b")),
            (Some(2), Some("b")),
        ]
    );
    assert_eq!(
        problems[2].issue,
        Issue::UnknownWord("knitting".to_string())
    );
    assert_eq!(
        problems[0].to_string(),
        r#"entry 0 ("a"): status: unknown_word "closed" [fixed]"#
    );
    assert_eq!(problems[1].to_string(), "entry 1: id: missing [skipped]");
}

#[test]
fn fixes_are_applied_to_the_kept_entry() {
    let text = file(&entry(
        "a",
        r#""status": "closed", "cost": {"kind": "paid", "minor_units": -1},
           "access": ["step_free", "lift_access"],
           "contact": {"website": "www.example.org", "phone": " 0161 "},
           "sessions": [{"day": "Tuesday", "starts": "9:30", "ends": "11:00"},
                        {"day": "FRI", "part": "Evening", "starts": "25:00"}],
           "languages": ["en", "pl", "en"], "checked": "2024-02-29T10:00:00Z""#,
    ));
    let (directory, _) = validate(&text);
    let r = &directory.resources[0];
    assert_eq!(r.status, Status::Inactive);
    assert_eq!(r.cost, Cost::Unknown);
    assert_eq!(r.access, [AccessNeed::StepFree].into());
    assert_eq!(r.contact.website, "https://www.example.org");
    assert_eq!(r.contact.phone, "0161");
    assert_eq!(
        r.sessions,
        [
            Session {
                day: Weekday::Tuesday,
                part: DayPart::Morning,
                starts: Some("09:30".into()),
                ends: Some("11:00".into()),
            },
            Session {
                day: Weekday::Friday,
                part: DayPart::Evening,
                starts: None,
                ends: None,
            },
        ]
    );
    assert_eq!(r.languages, ["en", "pl"]);
    assert_eq!(
        r.checked,
        Some(Date {
            year: 2024,
            month: 2,
            day: 29
        })
    );
}

#[test]
fn web_addresses_keep_http_and_ports() {
    for (given, kept, problem) in [
        ("https://a.org", "https://a.org", None),
        ("HTTP://a.org", "HTTP://a.org", None),
        (
            "a.org:8080/x",
            "https://a.org:8080/x",
            Some(Issue::SchemeAdded),
        ),
        ("//a.org", "https://a.org", Some(Issue::SchemeAdded)),
        ("ftp://a.org", "", Some(Issue::UnsupportedScheme)),
        ("data:text/html,hi", "", Some(Issue::UnsupportedScheme)),
        ("", "", None),
    ] {
        let text = file(&entry(
            "a",
            &format!(r#""contact": {{"website": "{given}"}}"#),
        ));
        let (directory, problems) = validate(&text);
        assert_eq!(directory.resources[0].contact.website, kept, "{given}");
        assert_eq!(
            problems.first().map(|p| p.issue.clone()),
            problem,
            "{given}"
        );
    }
}

#[test]
fn whole_file_problems_are_reported() {
    let cases: &[(&str, &str, &[&str], usize)] = &[
        ("not json", "not json", &["- file not_json rejected"], 0),
        ("empty text", "", &["- file not_json rejected"], 0),
        ("an array", "[1, 2]", &["- file not_object rejected"], 0),
        (
            "newer version",
            r#"{"version": 2, "resources": []}"#,
            &["- version newer_version rejected"],
            0,
        ),
        (
            "version zero",
            r#"{"version": 0, "resources": []}"#,
            &["- version bad_version rejected"],
            0,
        ),
        (
            "version as text",
            r#"{"version": "one", "resources": []}"#,
            &["- version bad_version rejected"],
            0,
        ),
        (
            "no resources",
            r#"{"version": 1}"#,
            &["- resources missing rejected"],
            0,
        ),
        (
            "resources not an array",
            r#"{"version": 1, "resources": {}}"#,
            &["- resources wrong_type rejected"],
            0,
        ),
        (
            "no version is read as version 1",
            r#"{"resources": [{"id": "a", "name": "A", "subcategories": ["swimming"], "reach": "online"}]}"#,
            &["- version missing fixed"],
            1,
        ),
        (
            "area of the wrong type",
            r#"{"version": 1, "area": 3, "resources": []}"#,
            &["- area wrong_type fixed"],
            0,
        ),
    ];
    for (name, text, expected, kept) in cases {
        let (directory, problems) = validate(text);
        assert_eq!(lines(&problems), *expected, "{name}");
        assert_eq!(directory.resources.len(), *kept, "{name}");
        assert_eq!(directory.version, DIRECTORY_VERSION, "{name}");
    }
    let (_, problems) = validate(r#"{"version": 7, "resources": []}"#);
    assert_eq!(problems[0].issue, Issue::NewerVersion { found: 7 });
    assert_eq!(problems[0].severity, Severity::Rejected);
    assert_eq!(problems[0].field, Field::Version);
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let text = format!("\u{feff}{}", file(&entry("a", "")));
    let (directory, problems) = validate(&text);
    assert_eq!(ids(&directory), ["a"]);
    assert!(problems.is_empty(), "{problems:?}");
}

/// The full example entry of docs/directory-format.md.
const FULL: &str = r#"{
  "id": "millbrook-walking-group",
  "name": "Millbrook Health Walks",
  "description": "A gentle hour round the park, with tea after.",
  "subcategories": ["walking_outdoors", "social_clubs"],
  "reach": {"kind": "local", "location": {"lat": 53.4794, "lon": -2.2453,
            "address": "Park Gates, Mill Lane", "postcode": "MB1 2AB"}},
  "sessions": [{"day": "tue", "part": "morning", "starts": "10:00", "ends": "11:00"}],
  "cost": {"kind": "free"},
  "access": ["step_free", "seating"],
  "languages": ["en", "pl"],
  "contact": {"phone": "0161 000 0000", "email": "walks@example.org",
              "website": "https://example.org/walks"},
  "checked": "2025-03-14",
  "status": "active"
}"#;

#[test]
fn the_documented_example_reads_without_problems() {
    let (directory, problems) = validate(&file(FULL));
    assert!(problems.is_empty(), "{problems:?}");
    let expected = Resource {
        id: "millbrook-walking-group".into(),
        name: "Millbrook Health Walks".into(),
        description: "A gentle hour round the park, with tea after.".into(),
        subcategories: [SubCategory::WalkingOutdoors, SubCategory::SocialClubs].into(),
        reach: Reach::Local {
            location: Location {
                lat: 53.4794,
                lon: -2.2453,
                address: "Park Gates, Mill Lane".into(),
                postcode: "MB1 2AB".into(),
                precision: Precision::Exact,
            },
        },
        sessions: vec![Session {
            day: Weekday::Tuesday,
            part: DayPart::Morning,
            starts: Some("10:00".into()),
            ends: Some("11:00".into()),
        }],
        cost: Cost::Free,
        access: [AccessNeed::StepFree, AccessNeed::Seating].into(),
        languages: vec!["en".into(), "pl".into()],
        contact: Contact {
            phone: "0161 000 0000".into(),
            email: "walks@example.org".into(),
            website: "https://example.org/walks".into(),
        },
        checked: Some(Date {
            year: 2025,
            month: 3,
            day: 14,
        }),
        status: Status::Active,
    };
    assert_eq!(directory.resources, [expected]);
}

#[test]
fn what_serde_writes_validate_reads_back() {
    let (directory, _) = validate(&file(&format!(
        r#"{FULL}, {}, {}"#,
        entry(
            "b",
            r#""reach": "online", "cost": {"kind": "paid", "minor_units": 250}"#
        ),
        entry("c", r#""reach": {"kind": "national"}, "status": "defunct""#)
    )));
    assert_eq!(directory.resources.len(), 3);
    let written = serde_json::to_string(&directory).expect("test data serialises");
    let (again, problems) = validate(&written);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(again, directory);
}

#[test]
fn any_optional_field_may_be_missing_and_required_ones_skip() {
    let full: serde_json::Value = serde_json::from_str(FULL).expect("test data is JSON");
    let serde_json::Value::Object(map) = full else {
        panic!("test data is an object")
    };
    let required = ["id", "name", "subcategories", "reach"];
    for key in map.keys() {
        for replacement in [None, Some(serde_json::Value::Null)] {
            let mut entry = map.clone();
            match &replacement {
                None => {
                    entry.remove(key);
                }
                Some(v) => {
                    entry.insert(key.clone(), v.clone());
                }
            }
            let text = file(&serde_json::Value::Object(entry).to_string());
            let (directory, problems) = validate(&text);
            if required.contains(&key.as_str()) {
                assert!(directory.resources.is_empty(), "{key}");
                assert_eq!(problems.len(), 1, "{key}");
                assert_eq!(problems[0].issue, Issue::Missing, "{key}");
                assert_eq!(problems[0].severity, Severity::Skipped, "{key}");
            } else {
                assert_eq!(directory.resources.len(), 1, "{key}");
                assert!(problems.is_empty(), "{key}: {problems:?}");
            }
        }
    }
}

#[test]
fn bytes_read_as_the_text_they_hold_and_a_stray_code_page_byte_loses_no_entry() {
    let sample = include_str!("../../../public/area/directory.json");
    assert_eq!(
        genie_core::directory::validate_bytes(sample.as_bytes()),
        validate(sample)
    );
    // "Café" saved in Latin-1: the é is one byte (0xE9) that is not UTF-8.
    let mut bytes =
        br#"{"version": 1, "area": "A", "resources": [{"id": "a", "name": "Caf"#.to_vec();
    bytes.push(0xE9);
    bytes.extend_from_slice(
        br#"", "description": "Tea.", "subcategories": ["social_clubs"], "reach": {"kind": "online"}}]}"#,
    );
    let (dir, _) = genie_core::directory::validate_bytes(&bytes);
    assert_eq!(dir.resources.len(), 1);
    assert_eq!(dir.resources[0].name, "Caf\u{fffd}");
}

#[test]
fn a_place_known_only_by_its_postcode_says_so_and_a_doubtful_word_is_never_read_as_exact() {
    let cases = [
        ("", Precision::Exact, None),
        (r#", "precision": null"#, Precision::Exact, None),
        (r#", "precision": "exact""#, Precision::Exact, None),
        (r#", "precision": "Postcode""#, Precision::Postcode, None),
        (
            r#", "precision": "town""#,
            Precision::Postcode,
            Some(Field::Precision),
        ),
        (
            r#", "precision": 3"#,
            Precision::Postcode,
            Some(Field::Precision),
        ),
    ];
    for (extra, expected, problem) in cases {
        let text = file(&format!(
            r#"{{"id": "a", "name": "A", "subcategories": ["befriending"],
                "reach": {{"kind": "local", "location": {{"lat": 53.48, "lon": -2.24{extra}}}}}}}"#
        ));
        let (dir, problems) = validate(&text);
        let Some(Reach::Local { location }) = dir.resources.first().map(|r| &r.reach) else {
            panic!("{extra}: {problems:?}");
        };
        assert_eq!(location.precision, expected, "{extra}");
        assert_eq!(problems.first().map(|p| p.field), problem, "{extra}");
        // Written back, an exact place says nothing new; an approximate one says so.
        let written = serde_json::to_string(&dir).unwrap_or_default();
        assert_eq!(
            written.contains(r#""precision":"postcode""#),
            expected == Precision::Postcode
        );
        assert!(!written.contains("exact"));
    }
}
