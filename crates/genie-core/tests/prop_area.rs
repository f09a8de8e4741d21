//! The area lookup parser never panics, keeps only usable places, and looking anything up in
//! what it kept never panics either.

#[path = "prop_support.rs"]
mod support;

use genie_core::area::AreaLookup;
use proptest::prelude::*;
use serde_json::{json, Value};
use support::*;

fn good() -> Value {
    json!({
        "version": 1,
        "area": "Millbrook and district",
        "places": [
            {"name": "Old Town", "kind": "neighbourhood", "lat": 52.6, "lon": -1.95},
            {"name": "MB1 2AB", "kind": "postcode", "lat": 52.59, "lon": -1.94},
            {"name": "MB2 7QA", "kind": "postcode", "lat": 52.61, "lon": -1.97}
        ]
    })
}

fn check(text: &str, queries: &[String]) {
    let Some(lookup) = AreaLookup::parse(text) else {
        return;
    };
    for place in &lookup.places {
        assert!(!place.name.trim().is_empty());
        assert!((-90.0..=90.0).contains(&place.lat));
        assert!((-180.0..=180.0).contains(&place.lon));
    }
    for query in queries {
        if let Some(at) = lookup.locate(query) {
            assert!(at.lat.is_finite() && at.lon.is_finite());
        }
    }
    // Every kept place can be found by its own name (names are matched on their letters and
    // digits, so a name of punctuation alone cannot be).
    for place in &lookup.places {
        if place.name.chars().any(char::is_alphanumeric) {
            assert!(lookup.locate(&place.name).is_some(), "{:?}", place.name);
        }
    }
}

fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,12}",
        "[A-Za-z]{1,3}[0-9]{1,2} ?[0-9][A-Za-z]{2}",
        Just("mb2".to_string()),
        Just("old town".to_string()),
        Just("MB1".to_string()),
    ]
}

#[test]
fn the_seed_file_is_read_whole() {
    let lookup = AreaLookup::parse(&good().to_string());
    assert_eq!(lookup.map(|l| l.places.len()), Some(3));
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_text(text in ".{0,300}", queries in prop::collection::vec(query(), 0..4)) {
        check(&text, &queries);
    }

    #[test]
    fn any_json(value in json(), queries in prop::collection::vec(query(), 0..4)) {
        check(&value.to_string(), &queries);
    }

    #[test]
    fn a_good_file_edited_as_text(
        edits in prop::collection::vec(text_edit(), 1..4),
        queries in prop::collection::vec(query(), 0..4),
    ) {
        let mut text = good().to_string();
        for edit in &edits {
            text = apply(&text, edit);
        }
        check(&text, &queries);
    }

    #[test]
    fn a_good_file_with_one_value_replaced(
        which in any::<usize>(),
        with in json(),
        queries in prop::collection::vec(query(), 0..4),
    ) {
        check(&replace_somewhere(&good(), which, with).to_string(), &queries);
    }

    #[test]
    fn any_place_coordinates(
        places in prop::collection::vec((query(), any::<f64>(), any::<f64>()), 0..8),
        queries in prop::collection::vec(query(), 0..4),
    ) {
        let places: Vec<Value> = places
            .into_iter()
            .map(|(name, lat, lon)| json!({"name": name, "lat": lat, "lon": lon}))
            .collect();
        check(&json!({"places": places}).to_string(), &queries);
    }
}
