//! A choice remembers where its entry was, and choices stored before it did still read.

use genie_core::area::LatLon;
use genie_core::model::Choice;

#[test]
fn a_choice_keeps_its_place_and_an_older_one_reads_without() {
    let old =
        r#"{"id":1,"resource_id":"r1","resource_name":"Walk","chosen_at":0,"status":"planned"}"#;
    let choice: Choice = serde_json::from_str(old).expect("an older choice reads");
    assert_eq!(choice.resource_at, None);
    // Without a place, nothing new is written: an older app reads the record as before.
    assert!(!serde_json::to_string(&choice)
        .unwrap_or_default()
        .contains("resource_at"));

    let mut placed = choice.clone();
    placed.resource_at = Some(LatLon {
        lat: 52.61,
        lon: -1.95,
    });
    let text = serde_json::to_string(&placed).unwrap_or_default();
    let back: Choice = serde_json::from_str(&text).expect("reads back");
    assert_eq!(back, placed);
}
