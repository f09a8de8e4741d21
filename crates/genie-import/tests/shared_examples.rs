//! The importer on Open Referral's own HSDS 3.0 examples (tests/fixtures, copied unchanged;
//! CC BY-SA 4.0, see their SOURCE.md),
//! JSON and CSV: counts, the fields we expect from the data, and what the report says.
//!
//! The examples describe one service, "Community Counselling", whose only taxonomy term is a
//! placeholder (taxonomy "taxonomy", code "code") and whose only location has impossible
//! coordinates (latitude 100), so they exercise the "import as far as possible" paths too.

use std::path::PathBuf;

use genie_core::directory::{Cost, Date, Reach, Status, DIRECTORY_VERSION};
use genie_core::model::{DayPart, SubCategory, Weekday};
use genie_import::{hsds_csv, hsds_json, Import, Mapping, Options};

const SERVICE_ID: &str = "ac148810-d857-441c-9679-408f346de14b";

fn examples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hsds-3.0-examples")
}

fn options() -> Options {
    Options {
        area: "MyCity".to_string(),
        guess_from_name: false,
        ..Options::default()
    }
}

fn json(file: &str) -> Import {
    hsds_json::import_file(
        &examples().join(file),
        &Mapping::default_mapping(),
        &options(),
    )
    .unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// What every full JSON example should give: one online counselling entry with the example's
/// schedule, cost, language, contact and assured date.
fn check_counselling(import: &Import) {
    let dir = &import.directory;
    assert_eq!(dir.version, DIRECTORY_VERSION);
    assert_eq!(dir.area, "MyCity");
    assert_eq!(dir.resources.len(), 1, "{}", import.report);
    let r = &dir.resources[0];
    assert_eq!(r.id, SERVICE_ID);
    assert_eq!(r.name, "Community Counselling");
    assert!(r
        .description
        .starts_with("Counselling Services provided by trained"));
    assert!(!r.description.ends_with(' '), "description is trimmed");
    assert_eq!(
        r.subcategories.iter().copied().collect::<Vec<_>>(),
        vec![SubCategory::Counselling]
    );
    // Latitude 100 is impossible, so the place is dropped; the schedule's attending_type says
    // people can attend remotely, so it is kept as online. (The alert's words alone would
    // not do: free text never makes a service online.)
    assert_eq!(r.reach, Reach::Online);
    let days: Vec<(Weekday, DayPart)> = r.sessions.iter().map(|s| (s.day, s.part)).collect();
    // 10:00 to 18:00 runs through the morning, the afternoon and into the evening: the
    // session counts for all three.
    let mut want = Vec::new();
    for day in [Weekday::Thursday, Weekday::Friday] {
        for part in [DayPart::Morning, DayPart::Afternoon, DayPart::Evening] {
            want.push((day, part));
        }
    }
    assert_eq!(days, want);
    assert_eq!(r.sessions[0].starts.as_deref(), Some("10:00"));
    assert_eq!(r.sessions[0].ends.as_deref(), Some("18:00"));
    // cost_options: 35 GBP.
    assert_eq!(r.cost, Cost::Paid { minor_units: 3500 });
    assert_eq!(r.languages, vec!["ur".to_string()]);
    // The example's number has literal quotes round it; they go.
    assert_eq!(r.contact.phone, "+44 1234 234567");
    assert_eq!(r.contact.email, "email@example.com");
    assert_eq!(r.contact.website, "http://example.com/counselling");
    // assured_date wins over last_modified.
    assert_eq!(
        r.checked,
        Some(Date {
            year: 2005,
            month: 1,
            day: 1
        })
    );
    assert_eq!(r.status, Status::Active);
    // Accessibility belongs to the dropped building, so none is claimed.
    assert!(r.access.is_empty());

    let report = &import.report;
    assert_eq!(report.imported, 1);
    assert!(report.skipped.is_empty(), "{report}");
    let notes = report.notes_for(SERVICE_ID).join("\n");
    assert!(
        notes.contains("coordinates 100, 101 are out of range"),
        "{notes}"
    );
    assert!(notes.contains("imported as online"), "{notes}");
}

#[test]
fn service_full_imports_one_online_counselling_entry() {
    let import = json("service_full.json");
    check_counselling(&import);
    assert_eq!(import.report.services_read, 1);
    assert!(import.report.unmapped_terms.is_empty());
}

#[test]
fn organization_full_imports_its_service() {
    let import = json("organization_full.json");
    check_counselling(&import);
}

#[test]
fn service_at_location_full_imports_its_service() {
    let import = json("service_at_location_full.json");
    check_counselling(&import);
}

#[test]
fn the_directory_written_reads_back() {
    let import = json("service_full.json");
    let text = serde_json::to_string(&import.directory).expect("serializes");
    let back: genie_core::directory::Directory = serde_json::from_str(&text).expect("reads back");
    assert_eq!(back, import.directory);
}

#[test]
fn service_list_page_has_no_terms_so_nothing_is_imported() {
    // The list shape carries no attributes: the service cannot be filed, and the page says
    // it is 1 of 10 records.
    let import = json("service_list.json");
    assert_eq!(import.report.services_read, 1);
    assert_eq!(import.directory.resources.len(), 0);
    let reason = import.report.skip_reason(SERVICE_ID).expect("skipped");
    assert!(reason.contains("no taxonomy terms"), "{reason}");
    assert!(
        import
            .report
            .problems
            .iter()
            .any(|p| p.contains("one page of 10 records")),
        "{}",
        import.report
    );
}

#[test]
fn organization_list_has_no_services() {
    let import = json("organization_list.json");
    assert_eq!(import.report.services_read, 0);
    assert_eq!(import.directory.resources.len(), 0);
    let reason = import
        .report
        .skip_reason("d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610")
        .expect("organization named");
    assert!(reason.contains("no services"), "{reason}");
}

#[test]
fn a_mapping_without_the_placeholder_reports_the_term_as_unmapped() {
    let (mapping, problems) =
        Mapping::parse("taxonomy,term_code_or_name,subcategory\n*,walking,walking_outdoors\n");
    assert!(problems.is_empty(), "{problems:?}");
    let import =
        hsds_json::import_file(&examples().join("service_full.json"), &mapping, &options())
            .expect("reads");
    assert_eq!(import.directory.resources.len(), 0);
    assert_eq!(
        import.report.unmapped_terms.get("taxonomy,code (name)"),
        Some(&1),
        "{}",
        import.report
    );
    let reason = import.report.skip_reason(SERVICE_ID).expect("skipped");
    assert!(reason.contains("taxonomy,code (name)"), "{reason}");
}

#[test]
fn csv_package_links_its_attribute_to_nothing_so_the_service_is_skipped_and_reported() {
    // In the example package attributes.csv's link_id (f28dd44b...) is no service's id, so the
    // service has no term.
    let import = hsds_csv::import_dir(
        &examples().join("csv"),
        &Mapping::default_mapping(),
        &options(),
    )
    .expect("reads");
    assert_eq!(import.report.services_read, 1);
    assert_eq!(import.directory.resources.len(), 0);
    assert!(import
        .report
        .skip_reason(SERVICE_ID)
        .is_some_and(|r| r.contains("no taxonomy terms")));
    assert!(
        import
            .report
            .problems
            .iter()
            .any(|p| p.starts_with("attributes.csv")
                && p.contains("f28dd44b-0c4d-479f-8e90-4c52219a8b3c")),
        "{}",
        import.report
    );
}

#[test]
fn csv_package_with_name_guessing_matches_the_json_import() {
    let import = hsds_csv::import_dir(
        &examples().join("csv"),
        &Mapping::default_mapping(),
        &Options {
            guess_from_name: true,
            ..options()
        },
    )
    .expect("reads");
    check_counselling(&import);
    assert!(import.report.guessed.iter().any(
        |g| g.record == SERVICE_ID && g.message == "sub-categories from its name: counselling"
    ));
    // Same fields as the JSON route.
    assert_eq!(
        import.directory.resources,
        json("service_full.json").directory.resources
    );
}

#[test]
fn default_mapping_is_clean_and_covers_the_common_words() {
    let (mapping, problems) = Mapping::parse(genie_import::mapping::DEFAULT_MAPPING_CSV);
    assert!(problems.is_empty(), "{problems:?}");
    use genie_import::mapping::Lookup;
    use SubCategory as S;
    for (name, sub) in [
        ("Walking groups", S::WalkingOutdoors),
        ("Befriending", S::Befriending),
        ("Support for carers", S::CarersSupport),
        ("Welfare benefits advice", S::MoneyAdvice),
        ("Community transport", S::CommunityTransport),
        ("Art classes", S::ArtsCrafts),
        ("Music", S::DramaMusic),
        ("Exercise classes", S::FitnessExercise),
        ("Swimming", S::Swimming),
        ("Weight management", S::WeightManagement),
        ("Counselling", S::Counselling),
        ("Volunteer opportunities", S::Volunteering),
        ("Adult education", S::EducationLearning),
        ("Social groups", S::SocialClubs),
    ] {
        let term = genie_import::Term {
            taxonomy: "Some council list".into(),
            code: "X1".into(),
            name: name.into(),
        };
        match mapping.lookup(&term) {
            Lookup::Mapped(set) => assert!(set.contains(&sub), "{name}: {set:?}"),
            other => panic!("{name}: {other:?}"),
        }
    }
    // The longer keyword wins: social care is not a social club.
    let care = genie_import::Term {
        taxonomy: String::new(),
        code: String::new(),
        name: "Adult social care".into(),
    };
    assert_eq!(mapping.lookup(&care), Lookup::Ignored);
    // No false friend: "arthritis" is not "art".
    let arthritis = genie_import::Term {
        name: "Arthritis".into(),
        ..care.clone()
    };
    assert_eq!(
        mapping.lookup(&arthritis),
        Lookup::Mapped([S::HealthConditions].into_iter().collect())
    );
}
