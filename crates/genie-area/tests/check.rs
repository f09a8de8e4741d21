//! The checker on the sample area (clean) and on broken area folders, each with its own fault.

use std::path::{Path, PathBuf};

use genie_area::{check, lookup, settings, Report};
use genie_core::area::AreaSettings;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn check_fixture(name: &str) -> Report {
    check(&fixture(name))
}

/// The report has exactly these codes, in this order, and each message is a full sentence.
fn assert_codes(report: &Report, codes: &[&str]) {
    assert_eq!(report.codes(), codes, "{report}");
    for finding in &report.findings {
        assert!(
            finding.message.ends_with('.'),
            "not a sentence: {}",
            finding.message
        );
    }
}

#[test]
fn the_sample_area_is_clean() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/area");
    let report = check(&folder);
    assert!(report.is_clean(), "{report}");
    assert!(report.resources > 100);
    assert!(report.places > 50);
    assert!(report.to_string().contains("ready to publish"));
}

#[test]
fn a_clean_fixture_is_clean() {
    let report = check_fixture("clean");
    assert!(report.is_clean(), "{report}");
    assert_eq!(report.resources, 3);
    assert_eq!(report.places, 3);
}

#[test]
fn too_long_short_name_and_help_text() {
    let report = check_fixture("long-text");
    assert_codes(&report, &["short_name_too_long", "help_text_too_long"]);
    assert!(report.findings[0].message.contains("at most 12"));
    assert!(report.findings[0].message.contains("under the app's icon"));
}

#[test]
fn theme_colours_without_enough_contrast() {
    let report = check_fixture("low-contrast");
    assert_codes(&report, &["contrast_low"]);
    // #777777 on white is 4.478 to 1 (shown rounded down, so never as 4.5): just under AA.
    assert!(report.findings[0].message.contains("4.47 to 1"), "{report}");
}

#[test]
fn a_logo_that_is_not_there() {
    let report = check_fixture("missing-logo");
    assert_codes(&report, &["logo_missing"]);
    assert!(report.findings[0].message.contains("crest.png"));
}

#[test]
fn a_language_genie_is_not_translated_into() {
    let report = check_fixture("unknown-language");
    assert_codes(&report, &["language_unknown"]);
    assert!(report.findings[0].message.contains("\"cy\""));
}

#[test]
fn a_lookup_place_far_outside_the_area() {
    let report = check_fixture("far-lookup");
    assert_codes(&report, &["place_outside_area"]);
    let message = &report.findings[0].message;
    assert!(message.contains("TB3 3CC"), "{message}");
    assert!(message.contains("minus sign"), "{message}");
}

#[test]
fn an_explicit_radius_is_used() {
    let report = check_fixture("small-radius");
    assert_codes(&report, &["place_outside_area"]);
    assert!(report.findings[0].message.contains("20 km"), "{report}");
}

#[test]
fn directory_errors_by_entry() {
    let report = check_fixture("broken-directory");
    assert_codes(&report, &["missing", "duplicate_id"]);
    assert!(report.findings[0]
        .message
        .starts_with("Entry 2 (id \"tb-002\"): The name is missing."));
    assert!(report.findings[0].message.contains("leaves this entry out"));
    assert!(report.findings[1]
        .message
        .starts_with("Entry 4 (id \"tb-001\")"));
    assert_eq!(report.resources, 2);
}

#[test]
fn settings_that_are_not_json() {
    let report = check_fixture("bad-settings-json");
    assert_codes(&report, &["not_json"]);
    assert!(report.findings[0].message.contains("line 4"), "{report}");
    assert_eq!(report.findings[0].file, "area.json");
}

#[test]
fn a_missing_lookup() {
    let report = check_fixture("no-lookup");
    assert_codes(&report, &["missing_file"]);
    assert_eq!(report.findings[0].file, "lookup.json");
}

#[test]
fn a_misspelt_setting() {
    let report = check_fixture("misspelt-setting");
    assert_codes(&report, &["unknown_setting", "short_name_missing"]);
    assert!(report.findings[0].message.contains("\"shortname\""));
}

#[test]
fn no_folder_at_all() {
    let report = check_fixture("no-such-folder");
    assert_codes(&report, &["no_folder"]);
}

#[test]
fn the_report_groups_problems_by_file_and_counts_them() {
    let text = check_fixture("long-text").to_string();
    assert!(text.contains("\narea.json\n  - \"short_name\""), "{text}");
    assert!(text.contains("Found 2 problems."), "{text}");
}

#[test]
fn the_offered_languages_are_the_app_catalogues() {
    let locales = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    let mut found: Vec<String> = std::fs::read_dir(locales)
        .unwrap()
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".json").map(str::to_string)
        })
        .collect();
    found.sort();
    let mut known: Vec<String> = settings::APP_LANGUAGES
        .iter()
        .map(|s| s.to_string())
        .collect();
    known.sort();
    assert_eq!(found, known);
}

#[test]
fn settings_edge_cases() {
    let folder = fixture("clean");
    let codes = |json: &str| -> Vec<&'static str> {
        settings::check(json, &folder)
            .1
            .iter()
            .map(|f| f.code)
            .collect()
    };
    let base = r#""version": 1, "name": "A", "short_name": "A", "centre": {"lat": 52.6, "lon": -1.9}, "languages": ["en"]"#;
    assert!(codes(&format!("{{{base}}}")).is_empty());
    assert_eq!(codes("[]"), ["not_object"]);
    assert_eq!(
        codes(&format!(r##"{{{base}, "theme": {{"accent": "blue"}}}}"##)),
        ["colour_bad"]
    );
    // Only one half of a pair given: checked against the app's own other half.
    assert_eq!(
        codes(&format!(r##"{{{base}, "theme": {{"text": "#cccccc"}}}}"##)),
        ["contrast_low"]
    );
    assert_eq!(
        codes(&format!(r##"{{{base}, "logo": "../logo.svg"}}"##)),
        ["logo_outside"]
    );
    assert_eq!(
        codes(&format!(r##"{{{base}, "logo": "logo.gif"}}"##)),
        ["logo_type", "logo_missing"]
    );
    assert_eq!(
        codes(&format!(r##"{{{base}, "radius_km": -3}}"##)),
        ["radius_bad"]
    );
    assert_eq!(
        codes(&format!(
            r##"{{{base}, "feedback_email": "not an address"}}"##
        )),
        ["feedback_email_bad"]
    );
    assert!(codes(&format!(r##"{{{base}, "supporter_hours": 8}}"##)).is_empty());
    assert_eq!(
        codes(&format!(
            r##"{{{base}, "postcode_example": 12, "place_example": "{}"}}"##,
            "x".repeat(41)
        )),
        ["example_not_text", "example_too_long"]
    );
    // A language with a region (American English, Belgian Dutch) is the language, once.
    let with_region =
        r#""version": 1, "name": "A", "short_name": "A", "centre": {"lat": 52.6, "lon": -1.9}"#;
    assert!(codes(&format!(
        r#"{{{with_region}, "languages": ["en-US", "nl-BE"], "help_text": "Hi", "texts": {{"nl-BE": {{"help_text": "Hoi"}}}}}}"#
    ))
    .is_empty());
    assert_eq!(
        codes(&format!(
            r#"{{{with_region}, "languages": ["en-US", "nl"], "help_text": "Hi"}}"#
        )),
        ["language_text_missing"]
    );
    assert_eq!(
        codes(&format!(
            r#"{{{with_region}, "languages": ["en", "en-GB"]}}"#
        )),
        ["language_repeated"]
    );
    assert_eq!(
        codes(&format!(r#"{{{with_region}, "languages": ["cy-GB"]}}"#)),
        ["language_unknown"]
    );
    for bad in ["0", "721", "2.5", "\"24\""] {
        assert_eq!(
            codes(&format!(r##"{{{base}, "supporter_hours": {bad}}}"##)),
            ["supporter_hours_bad"],
            "{bad}"
        );
    }
    assert_eq!(
        codes(
            r#"{"version": 2, "name": "A", "short_name": "A", "centre": {"lat": 0, "lon": 0}, "languages": []}"#
        ),
        ["version_newer", "centre_zero", "languages_empty"]
    );
}

#[test]
fn the_place_examples_must_be_found_in_the_lookup() {
    let lookup_json = std::fs::read_to_string(fixture("clean").join("lookup.json")).unwrap();
    let area = |postcode: &str, place: &str| AreaSettings {
        postcode_example: postcode.into(),
        place_example: place.into(),
        ..AreaSettings::default()
    };
    let missing = |settings: &AreaSettings| -> Vec<String> {
        lookup::examples_found(settings, &lookup_json)
            .into_iter()
            .map(|f| {
                assert_eq!(f.code, "example_not_found");
                f.message
            })
            .collect()
    };
    // Found as people type them (any case, extra spaces); none given is fine too.
    assert!(missing(&area("TB1 1AA", "Old Town")).is_empty());
    assert!(missing(&area(" tb1 1aa", "old town ")).is_empty());
    assert!(missing(&area("", "")).is_empty());
    let said = missing(&area("MB1 2AB", "Riverside"));
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(said[0].contains("\"MB1 2AB\"") && said[1].contains("\"Riverside\""));
}
