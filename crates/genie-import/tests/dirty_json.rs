//! JSON as real commissioners' exports give it: Open Referral UK v1 pages, byte-order marks,
//! missing organisations and locations, empty status, free text in time and date fields, web
//! addresses without a scheme, records that are not services at all.

use genie_core::directory::{Cost, Date, Location, Precision, Reach, Status};
use genie_core::model::{AccessNeed, DayPart, SubCategory, Weekday};
use genie_import::{hsds_json, Import, Mapping, Options};

fn import(text: &str) -> Import {
    hsds_json::import_str(
        text,
        &Mapping::default_mapping(),
        &Options::default(),
        "test.json",
    )
    .expect("readable JSON")
}

fn resource<'a>(import: &'a Import, id: &str) -> &'a genie_core::directory::Resource {
    import
        .directory
        .resources
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no resource {id}:\n{}", import.report))
}

/// An Open Referral UK v1 page, written by hand after the v1 API shape.
const ORUK_PAGE: &str = r#"{
  "totalElements": 3, "totalPages": 1, "number": 1, "size": 50, "first": true, "last": true,
  "content": [
    {
      "id": 101,
      "name": "Riverside Walking Group",
      "description": "A gentle  walk\n round the park.",
      "url": "www.riversidewalks.org.uk",
      "email": "walks@example.org",
      "status": "active",
      "fees": "Free",
      "assured_date": "2024-02-10",
      "organisation": {"id": 7, "name": "Riverside Ramblers", "url": "riverside.example.org",
                       "email": "info@example.org"},
      "contacts": [{"id": 1, "name": "Pat", "phones": [{"id": 1, "number": "01632 960123"}]}],
      "service_taxonomys": [
        {"id": 1, "taxonomy": {"id": "bccsoc", "name": "Physical activity", "vocabulary": "esdServiceTypes"}},
        {"id": 2, "taxonomy": {"id": 999, "name": "Older people", "vocabulary": "esdNeeds"}}
      ],
      "regular_schedules": [{"id": 1, "byday": "WE", "opens_at": "10:30", "closes_at": "12:00", "freq": "WEEKLY"}],
      "languages": [{"id": 1, "language": "English"}, {"id": 2, "language": "Welsh"}],
      "service_at_locations": [{
        "id": 5,
        "location": {
          "id": 9, "name": "Riverside Park gate", "latitude": "52.62", "longitude": -1.13,
          "physical_addresses": [{"id": 3, "address_1": "Riverside Park", "city": "Millbrook", "postal_code": "mb1 2ab"}],
          "accessibility_for_disabilities": [{"id": 4, "accessibility": "Step-free paths and benches along the route"}]
        },
        "regular_schedule": [{"id": 2, "byday": "SA", "opens_at": "14:00", "closes_at": "15:30"}]
      }],
      "cost_options": []
    },
    {
      "id": 102,
      "name": "Money Matters Helpline",
      "status": "",
      "attending_type": "Telephone",
      "service_taxonomys": [{"id": 3, "taxonomy": {"id": "welfare", "name": "Welfare benefits", "vocabulary": "esdServiceTypes"}}],
      "cost_options": [{"id": 1, "amount": 0, "option": "All"}],
      "service_at_locations": []
    },
    {
      "id": 103,
      "name": "Lunch club at the hall",
      "status": "active",
      "service_taxonomys": [{"id": 4, "taxonomy": {"id": "lunch", "name": "Lunch clubs", "vocabulary": "esdServiceTypes"}}]
    }
  ]
}"#;

#[test]
fn open_referral_uk_page() {
    let import = import(ORUK_PAGE);
    let report = &import.report;
    assert_eq!(report.services_read, 3, "{report}");
    assert_eq!(import.directory.resources.len(), 2, "{report}");

    let walk = resource(&import, "101");
    assert_eq!(walk.name, "Riverside Walking Group");
    assert_eq!(walk.description, "A gentle walk round the park.");
    assert!(walk.subcategories.contains(&SubCategory::FitnessExercise));
    assert_eq!(
        walk.reach,
        Reach::Local {
            location: Location {
                lat: 52.62,
                lon: -1.13,
                address: "Riverside Park, Millbrook".into(),
                postcode: "MB1 2AB".into(),
                precision: Precision::Exact,
            }
        }
    );
    let sessions: Vec<(Weekday, DayPart, Option<&str>)> = walk
        .sessions
        .iter()
        .map(|s| (s.day, s.part, s.starts.as_deref()))
        .collect();
    assert_eq!(
        sessions,
        vec![
            (Weekday::Wednesday, DayPart::Morning, Some("10:30")),
            (Weekday::Saturday, DayPart::Afternoon, Some("14:00")),
        ]
    );
    assert_eq!(walk.cost, Cost::Free);
    assert_eq!(walk.languages, vec!["en".to_string(), "cy".to_string()]);
    assert_eq!(
        walk.access,
        [AccessNeed::StepFree, AccessNeed::Seating]
            .into_iter()
            .collect()
    );
    assert_eq!(walk.contact.phone, "01632 960123");
    assert_eq!(walk.contact.website, "https://www.riversidewalks.org.uk");
    assert_eq!(
        walk.checked,
        Some(Date {
            year: 2024,
            month: 2,
            day: 10
        })
    );
    assert!(report
        .notes_for("101")
        .iter()
        .any(|n| n.contains("had no https://")));

    let helpline = resource(&import, "102");
    assert_eq!(helpline.reach, Reach::Online);
    assert_eq!(helpline.status, Status::Active);
    assert_eq!(helpline.cost, Cost::Free);
    assert!(helpline.subcategories.contains(&SubCategory::MoneyAdvice));
    let notes = report.notes_for("102").join("\n");
    assert!(
        notes.contains("no status given; taken as active"),
        "{notes}"
    );
    assert!(notes.contains("attending_type is \"Telephone\""), "{notes}");

    // No location and nothing says it is remote: skipped, with the reason.
    let reason = report.skip_reason("103").expect("skipped");
    assert!(reason.contains("no location"), "{reason}");

    // The esd "needs" term and the unknown code are reported with counts.
    assert_eq!(
        report.unmapped_terms.get("esdNeeds,999 (Older people)"),
        Some(&1),
        "{report}"
    );
    // All three were on this one page: no "one page of" problem.
    assert!(report.problems.is_empty(), "{report}");
}

#[test]
fn byte_order_mark_is_ignored() {
    let text = format!("\u{feff}{ORUK_PAGE}");
    assert_eq!(import(&text).directory.resources.len(), 2);
}

#[test]
fn not_json_is_an_error_not_a_panic() {
    let err = hsds_json::import_str(
        "id,name\n1,Walks\n",
        &Mapping::default_mapping(),
        &Options::default(),
        "x.json",
    )
    .expect_err("not JSON");
    assert!(err.0.contains("not JSON"), "{err}");
    assert!(
        hsds_json::import_str("42", &Mapping::default_mapping(), &Options::default(), "x").is_err()
    );
}

fn service(id: &str, extra: &str) -> String {
    format!(
        r#"{{"id": "{id}", "name": "Service {id}", "status": "active",
            "attributes": [{{"taxonomy_term": {{"code": "W1", "name": "Walking", "taxonomy": "local"}}}}]
            {extra}}}"#
    )
}

fn place(id: &str, lat: &str, lon: &str) -> String {
    format!(
        r#"{{"id": "sal-{id}", "location": {{"id": "{id}", "name": "Place {id}", "latitude": {lat}, "longitude": {lon}}}}}"#
    )
}

#[test]
fn odd_records_are_skipped_by_name_and_the_rest_kept() {
    let text = format!(
        "[{}, 17, {}, {}, {}]",
        service(
            "a",
            &format!(
                r#", "service_at_locations": [{}]"#,
                place("p1", "51.5", "-0.1")
            )
        ),
        r#"{"name": "No id here", "status": "active"}"#,
        service(
            "a",
            &format!(
                r#", "service_at_locations": [{}]"#,
                place("p2", "51.6", "-0.2")
            )
        ),
        r#"{"id": "b", "name": "Untagged", "service_at_locations": []}"#,
    );
    let import = import(&text);
    let report = &import.report;
    assert_eq!(import.directory.resources.len(), 1, "{report}");
    assert_eq!(
        report.skip_reason("record #2"),
        Some("it is not an object"),
        "{report}"
    );
    assert_eq!(
        report.skip_reason("service \"No id here\""),
        Some("it has no id")
    );
    assert!(report
        .skip_reason("a")
        .is_some_and(|r| r.contains("already has this id")));
    assert!(report
        .skip_reason("b")
        .is_some_and(|r| r.contains("no taxonomy terms")));
}

#[test]
fn a_service_at_two_places_gives_two_entries() {
    let text = service(
        "walks",
        &format!(
            r#", "service_at_locations": [{}, {}, {}]"#,
            place("north", "52.1", "-1.1"),
            place("south", "52.0", "-1.2"),
            place("nowhere", "\"unknown\"", "\"-1.0\""),
        ),
    );
    let import = import(&text);
    let ids: Vec<&str> = import
        .directory
        .resources
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(ids, vec!["walks", "walks@south"], "{}", import.report);
    assert_eq!(
        import.directory.resources[1].name,
        "Service walks (Place south)"
    );
    assert!(
        import
            .report
            .notes_for("walks")
            .iter()
            .any(|n| n
                .contains("location nowhere: coordinates \"unknown\", \"-1.0\" are not numbers"))
    );
}

#[test]
fn missing_organisation_and_location_with_online_attending_type() {
    let text = service(
        "chat",
        r#", "description": "Weekly video calls for people on their own.",
              "attending_type": "Online",
              "url": "chat.example.org", "organization": null"#,
    );
    let import = import(&text);
    let r = resource(&import, "chat");
    assert_eq!(r.reach, Reach::Online);
    assert_eq!(r.contact.website, "https://chat.example.org");
    assert!(r.contact.phone.is_empty());
}

#[test]
fn words_in_a_description_never_make_a_service_online() {
    let text = service(
        "park",
        r#", "description": "Meet online at 8:30am, then walk round the park together.""#,
    );
    let import = import(&text);
    assert!(import.directory.resources.is_empty(), "{}", import.report);
    let row = import.report.review_of("park").expect("in the review file");
    assert!(row.reason.starts_with("no place"), "{}", row.reason);
}

#[test]
fn national_wins_over_online_when_both_are_said() {
    let text = service(
        "line",
        r#", "attending_type": "Phone", "service_areas": [{"service_area": "UK wide"}]"#,
    );
    let import = import(&text);
    assert_eq!(resource(&import, "line").reach, Reach::National);
}

#[test]
fn free_text_times_and_dates_are_reported_and_dropped() {
    let text = service(
        "t",
        &format!(
            r#", "service_at_locations": [{}],
               "schedules": [
                 {{"id": "s1", "byday": "MO", "opens_at": "mornings", "closes_at": ""}},
                 {{"id": "s2", "description": "Ring for times"}},
                 {{"id": "s3", "byday": "TU,TH", "opens_at": "6.30pm", "closes_at": "8pm"}},
                 {{"id": "s4", "byday": "Someday", "opens_at": "10:00"}}
               ],
               "assured_date": "Spring 2023", "last_modified": "2023-06-01T09:00:00Z""#,
            place("p", "51.0", "0.5")
        ),
    );
    let import = import(&text);
    let r = resource(&import, "t");
    let sessions: Vec<(Weekday, DayPart, Option<&str>, Option<&str>)> = r
        .sessions
        .iter()
        .map(|s| (s.day, s.part, s.starts.as_deref(), s.ends.as_deref()))
        .collect();
    assert_eq!(
        sessions,
        vec![
            (
                Weekday::Tuesday,
                DayPart::Evening,
                Some("18:30"),
                Some("20:00")
            ),
            (
                Weekday::Thursday,
                DayPart::Evening,
                Some("18:30"),
                Some("20:00")
            ),
        ]
    );
    assert_eq!(
        r.checked,
        Some(Date {
            year: 2023,
            month: 6,
            day: 1
        })
    );
    let notes = import.report.notes_for("t").join("\n");
    assert!(
        notes.contains("schedule s1: opening time \"mornings\" is not a time"),
        "{notes}"
    );
    assert!(notes.contains("schedule s2: only free text"), "{notes}");
    assert!(
        notes.contains("schedule s4: day \"Someday\" not understood"),
        "{notes}"
    );
    assert!(
        notes.contains("assured_date \"Spring 2023\" is not a date"),
        "{notes}"
    );
}

#[test]
fn statuses_and_costs() {
    let text = format!(
        "[{}, {}, {}]",
        service(
            "closed",
            r#", "status": "defunct", "attending_type": "Online", "cost_options": [{"amount": "2.50", "currency": "GBP"}, {"amount": 4, "currency": "GBP"}]"#
        )
        .replacen(r#""status": "active","#, "", 1),
        service(
            "paused",
            r#", "status": "temporarily closed", "attending_type": "Online", "fees_description": "No charge""#
        )
        .replacen(r#""status": "active","#, "", 1),
        service(
            "odd",
            r#", "status": "maybe", "attending_type": "Online", "cost_options": [{"amount": "donation"}]"#
        )
        .replacen(r#""status": "active","#, "", 1),
    );
    let import = import(&text);
    let closed = resource(&import, "closed");
    assert_eq!(closed.status, Status::Defunct);
    assert_eq!(closed.cost, Cost::Paid { minor_units: 400 });
    let paused = resource(&import, "paused");
    assert_eq!(paused.status, Status::Inactive);
    assert_eq!(paused.cost, Cost::Free);
    let odd = resource(&import, "odd");
    assert_eq!(odd.status, Status::Active);
    assert_eq!(odd.cost, Cost::Unknown);
    let notes = import.report.notes_for("odd").join("\n");
    assert!(notes.contains("status \"maybe\" not understood"), "{notes}");
    assert!(
        notes.contains("cost \"donation\" is not an amount"),
        "{notes}"
    );
}

#[test]
fn a_commissioners_mapping_file_with_mistakes() {
    let (mapping, problems) = Mapping::parse(
        "\u{feff}taxonomy,term_code_or_name,subcategory\n\
         # a note\n\
         local,W1,walking_outdoors;befriending\n\
         local,W2,walkies\n\
         local,,swimming\n",
    );
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("line 4") && problems[0].contains("\"walkies\""));
    let import = hsds_json::import_str(
        &service("x", r#", "attending_type": "Online""#),
        &mapping,
        &Options::default(),
        "t",
    )
    .expect("reads");
    assert_eq!(
        resource(&import, "x").subcategories,
        [SubCategory::WalkingOutdoors, SubCategory::Befriending]
            .into_iter()
            .collect()
    );
}

/// Every value of the spec's full example turned into the wrong type, in several ways: the
/// import must finish and explain, never panic.
#[test]
fn wrongly_typed_fields_never_panic() {
    use serde_json::Value;
    fn twist(v: &Value, way: u8) -> Value {
        match v {
            Value::Object(map) => Value::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), twist(v, way)))
                    .collect(),
            ),
            Value::Array(items) if way == 2 => items.first().map_or(Value::Null, |i| twist(i, way)),
            Value::Array(items) => Value::Array(items.iter().map(|i| twist(i, way)).collect()),
            Value::String(s) => match way {
                0 => Value::from(7),
                1 => Value::String(format!("\u{feff} {s}\u{1F600}\n")),
                _ => Value::Null,
            },
            Value::Number(_) => match way {
                0 => Value::String("twelve".into()),
                1 => Value::from(-1e300),
                _ => Value::Bool(true),
            },
            other => other.clone(),
        }
    }
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hsds-3.0-examples/service_full.json");
    let text = std::fs::read_to_string(path).expect("example");
    let original: Value = serde_json::from_str(&text).expect("json");
    for way in 0..3 {
        let twisted = twist(&original, way).to_string();
        let import = import(&twisted);
        // Either imported or skipped with a reason: one service is always accounted for.
        assert_eq!(
            import.directory.resources.len()
                + import.report.skipped.len()
                + import.report.review.len()
                + import.report.outside.len(),
            1,
            "way {way}: {}",
            import.report
        );
    }
}

/// Open Referral UK 3.0 / HSDS 3.0 as feeds serve it: GeoJSON points ([longitude, latitude]),
/// address fields on the location itself, contacts with a plain phone and e-mail,
/// `accessibilities`, a free cost option, the organisation's name, `metadata` dates, HTML.
const ORUK_3: &str = r#"{
  "total_items": 1, "total_pages": 1, "page_number": 1, "size": 1,
  "first_page": true, "last_page": true, "empty": false,
  "contents": [{
    "id": "svc-1",
    "name": "Pantry",
    "description": "<h1>Community pantry</h1><p>Fresh food&nbsp;and a chat.</p><p>Everyone   welcome.</p>",
    "status": "active",
    "organization": {"id": "org-1", "name": "St Mark&#39;s Church"},
    "attributes": [{"taxonomy_term": {"code": "lunch", "name": "Lunch clubs", "taxonomy": "esdServiceTypes"}}],
    "contacts": [{"name": "Sam", "phone": "0117 496 0000", "email": "pantry@example.org"}],
    "cost_options": [{"free": true, "option": "All"}],
    "languages": ["English", "Polish"],
    "updated_at": "2025-06-30T09:15:00Z",
    "metadata": [{"last_action_date": "2025-02-01"}, {"last_action_date": "2025-05-20"}],
    "schedules": [{"byday": "WE", "opens_at": "11:00:00", "closes_at": "13:30:00"}],
    "service_at_locations": [{"location": {
      "id": "loc-1", "name": "Church hall",
      "geometry": {"type": "Point", "coordinates": [-2.5879, 51.4545]},
      "address_1": "1 High Street", "city": "Bristol", "postcode": "BS1 1AA",
      "accessibilities": [{"description": "Level access from the street and an accessible toilet"}]
    }}]
  }]
}"#;

#[test]
fn open_referral_uk_3_shapes() {
    let import = import(ORUK_3);
    let r = resource(&import, "svc-1");
    // HTML entities are decoded in the organisation's name too.
    assert_eq!(r.name, "St Mark's Church: Pantry");
    assert_eq!(
        r.description,
        "Community pantry\n\nFresh food and a chat.\n\nEveryone welcome."
    );
    assert_eq!(
        r.reach,
        Reach::Local {
            location: Location {
                lat: 51.4545,
                lon: -2.5879,
                address: "1 High Street, Bristol".into(),
                postcode: "BS1 1AA".into(),
                precision: Precision::Exact,
            }
        }
    );
    assert_eq!(r.contact.phone, "0117 496 0000");
    assert_eq!(r.contact.email, "pantry@example.org");
    assert_eq!(r.cost, Cost::Free);
    assert_eq!(r.languages, vec!["en".to_string(), "pl".to_string()]);
    assert_eq!(
        r.access,
        [AccessNeed::StepFree, AccessNeed::AccessibleToilet]
            .into_iter()
            .collect()
    );
    // updated_at comes before the metadata dates.
    assert_eq!(
        r.checked,
        Some(Date {
            year: 2025,
            month: 6,
            day: 30
        })
    );
    assert_eq!(
        r.sessions.len(),
        2,
        "11:00 to 13:30 is morning and afternoon"
    );
    assert!(import.report.problems.is_empty(), "{}", import.report);
}
