//! The directory validator never panics: any text gives a (possibly empty) directory and a
//! list of problems, and what it keeps is consistent with what it reports. It also gives
//! exactly what the first check, over a generic JSON tree, gave for the same text (the
//! oracle in `oracle/validate_tree.rs`): same entries kept, same problems by id and field.

#[path = "oracle/validate_tree.rs"]
mod oracle;
#[path = "prop_support.rs"]
mod support;

use std::sync::OnceLock;

use genie_core::directory::{validate, Severity};
use proptest::prelude::*;
use serde_json::Value;
use support::*;

const ENTRY: &str = r#"{
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

fn good() -> &'static str {
    static GOOD: OnceLock<String> = OnceLock::new();
    GOOD.get_or_init(|| {
        let online = ENTRY
            .replace("millbrook-walking-group", "online-chat")
            .replace(
                r#"{"kind": "local", "location": {"lat": 53.4794, "lon": -2.2453,
            "address": "Park Gates, Mill Lane", "postcode": "MB1 2AB"}}"#,
                r#"{"kind": "online"}"#,
            );
        format!(r#"{{"version": 1, "area": "Millbrook", "resources": [{ENTRY}, {online}]}}"#)
    })
}

fn good_json() -> &'static Value {
    static GOOD: OnceLock<Value> = OnceLock::new();
    GOOD.get_or_init(|| serde_json::from_str(good()).unwrap_or(Value::Null))
}

/// Validates `text` and checks the result hangs together.
fn check(text: &str) {
    let (directory, problems) = validate(text);
    let rejected = problems.iter().any(|p| p.severity == Severity::Rejected);
    if rejected {
        assert!(directory.resources.is_empty());
    }
    // Every entry kept has an id, and no id is kept twice.
    let mut ids = std::collections::BTreeSet::new();
    for resource in &directory.resources {
        assert!(!resource.id.trim().is_empty());
        assert!(
            ids.insert(resource.id.clone()),
            "{} kept twice",
            resource.id
        );
    }
    // The typed reader agrees with the tree reader, problem for problem.
    assert_eq!(
        oracle::validate_tree(text),
        (directory.clone(), problems.clone()),
        "typed and tree readers differ on {text}"
    );
    // Reading is stable: the same text gives the same answer.
    assert_eq!(validate(text), (directory, problems));
}

/// Files with a bad value in every kind of place, and the edge cases of the file's own shape.
#[test]
fn typed_and_tree_readers_agree_on_awkward_files() {
    let entry = |body: &str| format!(r#"{{"version": 1, "resources": [{body}]}}"#);
    let base = r#""id": "a", "name": "A", "subcategories": ["swimming"]"#;
    let local = r#""reach": {"kind": "local", "location": {"lat": 52.6, "lon": -1.9}}"#;
    let cases = [
        String::new(),
        "[]".into(),
        "null".into(),
        "\u{feff}{}".into(),
        r#"{"version": 2, "resources": []}"#.into(),
        r#"{"version": 1.5, "resources": []}"#.into(),
        r#"{"version": -1, "resources": []}"#.into(),
        r#"{"version": 1, "area": 5, "resources": {}}"#.into(),
        r#"{"version": 1, "resources": null}"#.into(),
        r#"{"resources": [], "resources": [{"id": 1}]}"#.into(),
        entry("1, \"x\", null, []"),
        entry(&format!(
            r#"{{{base}, "id": "b", "id": 7, "reach": "online"}}"#
        )),
        entry(&format!(r#"{{{base}, "reach": {{"location": null}}}}"#)),
        entry(&format!(r#"{{{base}, "reach": {{"kind": null}}}}"#)),
        entry(&format!(r#"{{{base}, "reach": {{"kind": "boat"}}}}"#)),
        entry(&format!(r#"{{{base}, "reach": {{"kind": 3}}}}"#)),
        entry(&format!(
            r#"{{{base}, "reach": {{"location": {{"lat": "52.6", "lon": 1e400}}}}}}"#
        )),
        entry(&format!(
            r#"{{{base}, "reach": {{"location": {{"lat": 0, "lon": 0.0}}}}}}"#
        )),
        entry(&format!(
            r#"{{{base}, {local}, "cost": {{"kind": "paid", "minor_units": -3}}}}"#
        )),
        entry(&format!(
            r#"{{{base}, {local}, "cost": {{"kind": "paid", "minor_units": 2.2}}}}"#
        )),
        entry(&format!(
            r#"{{{base}, {local}, "cost": {{"kind": "paid", "minor_units": 99999999999}}}}"#
        )),
        entry(&format!(
            r#"{{{base}, {local}, "cost": {{"kind": "paid", "minor_units": -0.5}}}}"#
        )),
        entry(&format!(r#"{{{base}, {local}, "cost": "gratis"}}"#)),
        entry(&format!(
            r#"{{{base}, {local}, "sessions": [{{"day": "Monday", "starts": "18:30"}}, 4, {{"day": 1}}]}}"#
        )),
        entry(&format!(
            r#"{{{base}, {local}, "access": "step_free", "languages": ["", 3, "pl", "pl"]}}"#
        )),
        entry(&format!(
            r#"{{{base}, {local}, "contact": {{"website": "javascript:alert(1)", "phone": 5}}}}"#
        )),
        entry(&format!(
            r#"{{{base}, {local}, "checked": "2025-02-30", "status": "closed", "extra": {{"a": [1]}}}}"#
        )),
        entry(&format!(
            r#"{{"id": -4, "name": "B\u00e9", "subcategories": "Walking Outdoors", {local}}}"#
        )),
        entry(r#"{"id": 2.5, "name": "x"}"#),
        entry(r#"{"id": "  ", "name": "x"}"#),
        entry(r#"{"id": "c", "name": true}"#),
        entry(r#"{"id": "c", "name": "C", "subcategories": [1, "nope"]}"#),
        entry(r#"{"id": "c", "name": "C", "subcategories": []}"#),
    ];
    for text in &cases {
        check(text);
    }
}

/// Bad entries are still named by index, id and field, and the good ones kept around them.
#[test]
fn bad_entries_are_reported_by_id_and_field() {
    let text = r#"{"version": 1, "resources": [
        {"id": "ok", "name": "Fine", "subcategories": ["swimming"], "reach": "online"},
        {"id": "no-name", "subcategories": ["swimming"], "reach": "online"},
        {"id": "far", "name": "Far", "subcategories": ["swimming"],
         "reach": {"kind": "local", "location": {"lat": 95, "lon": 1}}},
        {"name": "No id", "subcategories": ["swimming"], "reach": "online"},
        {"id": "fixed", "name": "Fixed", "subcategories": ["swimming", "juggling"],
         "reach": "national", "contact": {"website": "example.org"}}
    ]}"#;
    let (directory, problems) = validate(text);
    let kept: Vec<&str> = directory.resources.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(kept, ["ok", "fixed"]);
    let said: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        said,
        [
            r#"entry 1 ("no-name"): name: missing [skipped]"#,
            r#"entry 2 ("far"): lat: out_of_range [skipped]"#,
            "entry 3: id: missing [skipped]",
            r#"entry 4 ("fixed"): subcategories: unknown_word "juggling" [fixed]"#,
            r#"entry 4 ("fixed"): website: scheme_added [fixed]"#,
        ]
    );
}

/// A realistic large directory reads back exactly, with no problems, as the tree reader did.
#[test]
fn a_large_generated_directory_reads_back_exactly() {
    let dir = genie_core::directory::generate::realistic(3_000, 4, (52.6, -1.95), "MB");
    let text = serde_json::to_string_pretty(&dir).unwrap_or_default();
    let (read, problems) = validate(&text);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(read, dir);
    assert_eq!(oracle::validate_tree(&text), (read, problems));
}

#[test]
fn the_seed_file_is_clean() {
    let (directory, problems) = validate(good());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(directory.resources.len(), 2);
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_text(text in ".{0,300}") {
        check(&text);
    }

    #[test]
    fn any_json(value in json()) {
        check(&value.to_string());
    }

    #[test]
    fn a_good_file_edited_as_text(edits in prop::collection::vec(text_edit(), 1..4)) {
        let mut text = good().to_string();
        for edit in &edits {
            text = apply(&text, edit);
        }
        check(&text);
    }

    #[test]
    fn a_good_file_with_one_value_replaced(which in any::<usize>(), with in json()) {
        check(&replace_somewhere(good_json(), which, with).to_string());
    }
}
