//! Any input, however broken, is imported or refused with a message: never a panic. Text
//! cleaning, JSON records of any shape, CSV tables of any content, decisions files and zips.

use genie_import::{clean, hsds_csv, hsds_json, input, parse_decisions, Mapping, Options};
use proptest::prelude::*;

/// JSON values of any shape, with the field names real exports use.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(|f| serde_json::json!(f)),
        any::<i64>().prop_map(serde_json::Value::from),
        ".{0,20}".prop_map(serde_json::Value::from),
    ];
    let keys = prop::sample::select(vec![
        "id",
        "name",
        "description",
        "latitude",
        "longitude",
        "geometry",
        "coordinates",
        "postcode",
        "postal_code",
        "opens_at",
        "closes_at",
        "byday",
        "weekday",
        "schedules",
        "regular_schedules",
        "service_at_locations",
        "location",
        "locations",
        "attributes",
        "taxonomy_term",
        "code",
        "taxonomy",
        "organization",
        "contacts",
        "phones",
        "phone",
        "email",
        "cost_options",
        "amount",
        "free",
        "languages",
        "metadata",
        "last_action_date",
        "attending_type",
        "service_areas",
        "content",
        "contents",
        "total_pages",
        "services",
    ]);
    leaf.prop_recursive(4, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(keys.clone().prop_map(str::to_string), inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn cleaning_any_text(text in "(?s).{0,200}") {
        let p = clean::paragraphs(&text);
        prop_assert!(!p.contains("  "));
        let _ = clean::line(&text);
    }

    #[test]
    fn any_json_record(value in json_value()) {
        let text = value.to_string();
        let import = hsds_json::import_str(&text, &Mapping::default_mapping(), &Options::default(), "p.json");
        if let Ok(import) = import {
            // Every service read is accounted for: imported, outside, for review or skipped.
            let r = &import.report;
            prop_assert!(
                r.services_imported + r.outside.len() + r.review.len() + r.skipped.len()
                    >= r.services_read,
                "{}", r
            );
        }
    }

    #[test]
    fn any_csv_tables(services in "(?s).{0,300}", locations in "(?s).{0,200}", schedules in "(?s).{0,200}") {
        let services = format!("id,name,description,status\n{services}");
        let schedules = format!("id,service_id,weekday,opens_at,closes_at\n{schedules}");
        let files = [
            ("services.csv", services.as_str()),
            ("locations.csv", locations.as_str()),
            ("regular_schedules.csv", schedules.as_str()),
        ];
        let _ = hsds_csv::import_tables(&files, &Mapping::default_mapping(), &Options::default(), "p");
    }

    #[test]
    fn any_bytes_as_files(a in prop::collection::vec(any::<u8>(), 0..300), b in prop::collection::vec(any::<u8>(), 0..300)) {
        let files = vec![
            input::InputFile { name: "services.csv".into(), bytes: a.clone() },
            input::InputFile { name: "page.json".into(), bytes: b },
            input::InputFile { name: "datapackage.json".into(), bytes: a },
        ];
        let _ = input::import_files(&files, &Mapping::default_mapping(), &Options::default(), "p");
    }

    #[test]
    fn any_decisions_file(text in "(?s).{0,300}") {
        let _ = parse_decisions(&format!("id,decision\n{text}"));
        let _ = parse_decisions(&text);
    }
}
