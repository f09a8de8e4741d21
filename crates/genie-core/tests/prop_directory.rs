//! The directory validator never panics: any text gives a (possibly empty) directory and a
//! list of problems, and what it keeps is consistent with what it reports.

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
    // Reading is stable: the same text gives the same answer.
    assert_eq!(validate(text), (directory, problems));
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
