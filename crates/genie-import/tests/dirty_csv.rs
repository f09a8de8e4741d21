//! CSV data packages as real exports give them: byte-order marks and CRLF, older HSDS 1.1/2.0
//! table names, organisations and locations that are missing, links between tables that point
//! nowhere, free-text times, web addresses without a scheme, and thousands of rows.

use std::fmt::Write as _;

use genie_core::directory::{Cost, Reach, Status};
use genie_core::model::{AccessNeed, DayPart, SubCategory, Weekday};
use genie_import::{hsds_csv, Import, Mapping, Options};

fn import(files: &[(&str, &str)]) -> Import {
    hsds_csv::import_tables(
        files,
        &Mapping::default_mapping(),
        &Options::default(),
        "test package",
    )
    .expect("a services table is there")
}

fn resource<'a>(import: &'a Import, id: &str) -> &'a genie_core::directory::Resource {
    import
        .directory
        .resources
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no resource {id}:\n{}", import.report))
}

const SERVICES: &str = "\u{feff}id,organization_id,name,description,url,email,status,fees_description,assured_date,last_modified\r\n\
s1,o1,Tuesday Art Club,\"Painting, drawing and tea\",artclub.example.org,,active,,2024-01-05,\r\n\
s2,o-missing,Carers' Café,For people who look after someone,,cafe@example.org,,Free,,not recorded\r\n\
s3,o1,Phone befriending,Weekly calls from a volunteer by phone,,,active,,,\r\n\
s4,o1,Knit and natter,,,,active,,,\r\n";

const ORGS: &str = "id,name,website,email\r\no1,Millbrook Community Trust,https://trust.example.org,hello@trust.example.org\r\n";

const LOCATIONS: &str = "id,name,latitude,longitude,location_type\r\n\
l1,Town Hall,52.05,-1.25,physical\r\n\
l2,Church Hall,,,physical\r\n";

const SAL: &str = "id,service_id,location_id\r\n\
sal1,s1,l1\r\n\
sal2,s2,l1\r\n\
sal3,s4,l2\r\n\
sal4,s4,l-gone\r\n\
sal5,s-gone,l1\r\n";

const SCHEDULES: &str =
    "id,service_id,location_id,service_at_location_id,byday,opens_at,closes_at,description\r\n\
sc1,s1,l1,sal1,TU,13:30,15:30,\r\n\
sc2,s2,,,\"MO,FR\",10am,noon,\r\n\
sc3,s2,,,,,,Second Thursday of the month\r\n\
sc4,,l1,,\"MO,TU,WE,TH,FR\",09:00,17:00,Town hall opening hours\r\n";

const ADDRESSES: &str = "id,location_id,address_1,city,postal_code,address_type\r\n\
a1,l1,1 Market Square,Millbrook,MB1 1AA,physical\r\n";

const ACCESS: &str = "id,location_id,description,details\r\n\
x1,l1,Level access and an accessible toilet,Hearing loop in the main hall\r\n";

const TERMS: &str = "id,code,name,taxonomy\r\n\
t1,ART,Arts and crafts,local\r\n\
t2,CAR,Carers,local\r\n\
t3,BEF,Befriending,local\r\n\
t4,KNIT,Knitting,local\r\n\
t5,ODD,Miscellaneous,local\r\n";

const ATTRIBUTES: &str = "id,link_id,taxonomy_term_id,link_type\r\n\
at1,s1,t1,service\r\n\
at2,s2,t2,service\r\n\
at3,s3,t3,service\r\n\
at4,s4,t4,service\r\n\
at5,s1,t5,service\r\n\
at6,s1,t-gone,service\r\n\
at7,s-gone,t1,service\r\n";

const COSTS: &str = "id,service_id,amount,currency\r\nc1,s1,3,GBP\r\nc2,s-gone,1,GBP\r\n";

const PHONES: &str =
    "id,service_id,organization_id,number\r\np1,s1,,01632 960001\r\np2,,o1,01632 960999\r\n";

const LANGS: &str = "id,service_id,name,code\r\nla1,s1,Polish,\r\nla2,s1,,ur\r\n";

fn package() -> Vec<(&'static str, &'static str)> {
    vec![
        ("services.csv", SERVICES),
        ("organizations.csv", ORGS),
        ("locations.csv", LOCATIONS),
        ("service_at_location.csv", SAL),
        ("schedules.csv", SCHEDULES),
        ("addresses.csv", ADDRESSES),
        ("accessibility.csv", ACCESS),
        ("taxonomy_terms.csv", TERMS),
        ("attributes.csv", ATTRIBUTES),
        ("cost_options.csv", COSTS),
        ("phones.csv", PHONES),
        ("languages.csv", LANGS),
        ("notes.txt", "ignored"),
    ]
}

#[test]
fn a_dirty_hsds_3_package() {
    let import = import(&package());
    let report = &import.report;
    assert_eq!(report.services_read, 4, "{report}");
    let ids: Vec<&str> = import
        .directory
        .resources
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(ids, vec!["s1", "s2"], "{report}");

    let art = resource(&import, "s1");
    assert_eq!(art.name, "Tuesday Art Club");
    assert_eq!(art.description, "Painting, drawing and tea");
    assert_eq!(
        art.subcategories,
        [SubCategory::ArtsCrafts].into_iter().collect()
    );
    match &art.reach {
        Reach::Local { location } => {
            assert_eq!((location.lat, location.lon), (52.05, -1.25));
            assert_eq!(location.address, "1 Market Square, Millbrook");
            assert_eq!(location.postcode, "MB1 1AA");
        }
        other => panic!("{other:?}"),
    }
    // Its own schedule, not the town hall's opening hours.
    assert_eq!(art.sessions.len(), 1);
    assert_eq!(
        (art.sessions[0].day, art.sessions[0].part),
        (Weekday::Tuesday, DayPart::Afternoon)
    );
    assert_eq!(art.cost, Cost::Paid { minor_units: 300 });
    assert_eq!(art.languages, vec!["pl".to_string(), "ur".to_string()]);
    assert_eq!(
        art.access,
        [
            AccessNeed::StepFree,
            AccessNeed::HearingLoop,
            AccessNeed::AccessibleToilet
        ]
        .into_iter()
        .collect()
    );
    assert_eq!(art.contact.phone, "01632 960001");
    assert_eq!(art.contact.email, "hello@trust.example.org");
    assert_eq!(art.contact.website, "https://artclub.example.org");
    assert_eq!(art.checked.map(String::from).as_deref(), Some("2024-01-05"));

    // Organisation missing: imported anyway, with its own details only.
    let cafe = resource(&import, "s2");
    assert_eq!(cafe.status, Status::Active);
    assert_eq!(cafe.cost, Cost::Free);
    assert_eq!(cafe.contact.email, "cafe@example.org");
    assert!(cafe.contact.website.is_empty());
    assert!(cafe.checked.is_none());
    // "10am" is read; "noon" is free text and only the end is dropped.
    assert_eq!(cafe.sessions.len(), 2);
    assert_eq!(cafe.sessions[0].day, Weekday::Monday);
    assert_eq!(cafe.sessions[0].part, DayPart::Morning);
    assert_eq!(cafe.sessions[0].ends, None);
    let notes = report.notes_for("s2").join("\n");
    assert!(notes.contains("no status given"), "{notes}");
    assert!(
        notes.contains("closing time \"noon\" is not a time"),
        "{notes}"
    );
    assert!(
        notes.contains("only free text (\"Second Thursday"),
        "{notes}"
    );
    assert!(
        notes.contains("last_modified \"not recorded\" is not a date"),
        "{notes}"
    );

    // No location, and only its description says "by phone": words in a description never
    // make a service online, so it waits for review.
    let phone = report.review_of("s3").expect("needs review");
    assert!(
        phone
            .reason
            .contains("no structured field says it is online"),
        "{}",
        phone.reason
    );
    assert_eq!(phone.suggested, "befriending");
    assert_eq!(phone.confidence, "high");

    // Its one place has no coordinates and the other link points nowhere.
    let reason = report.skip_reason("s4").expect("skipped");
    assert!(reason.contains("location l2: no coordinates"), "{reason}");

    // Unmapped and dangling.
    assert_eq!(
        report.unmapped_terms.get("local,ODD (Miscellaneous)"),
        Some(&1)
    );
    assert_eq!(report.unmapped_terms.get("*,t-gone"), Some(&1));
    let problems = report.problems.join("\n");
    for expected in [
        "services.csv: 1 row with a organization_id that is not in organizations.csv (e.g. o-missing)",
        "service_at_location.csv: 1 row with a service_id that is not in services.csv (e.g. s-gone)",
        "service_at_location.csv: 1 row with a location_id that is not in locations.csv (e.g. l-gone)",
        "cost_options.csv: 1 row with a service_id",
        "attributes.csv: 1 row with a link_id that is not in any table (e.g. s-gone)",
        "attributes.csv: 1 row with a taxonomy_term_id that is not in taxonomy_terms.csv (e.g. t-gone)",
    ] {
        assert!(problems.contains(expected), "missing {expected:?} in\n{problems}");
    }
}

#[test]
fn the_report_text_names_what_a_commissioner_needs() {
    let text = import(&package()).report.to_string();
    assert!(
        text.contains("read 4 services; imported 2 directory entries; skipped 2 records."),
        "{text}"
    );
    assert!(
        text.contains("  Needs review:                     2"),
        "{text}"
    );
    assert!(text.contains("  - s4 Knit and natter: no place"), "{text}");
    assert!(text.contains("    1 x local,ODD (Miscellaneous)"), "{text}");
}

#[test]
fn no_services_table_is_an_error() {
    let err = hsds_csv::import_tables(
        &[("locations.csv", LOCATIONS)],
        &Mapping::default_mapping(),
        &Options::default(),
        "pkg",
    )
    .expect_err("nothing to import");
    assert!(err.0.contains("no services table"), "{err}");
}

#[test]
fn older_hsds_1_1_table_names() {
    let files = [
        (
            "services.csv",
            "id,organization_id,name,description,status\nv1,,Swim for health,Gentle swimming sessions,active\n",
        ),
        ("locations.csv", "id,name,latitude,longitude\nL9,Leisure centre,53.4,-2.2\n"),
        ("services_at_location.csv", "id,service_id,location_id\nq1,v1,L9\n"),
        (
            "physical_addresses.csv",
            "id,location_id,address_1,city,postal_code\npa,L9,Pool Lane,Oldtown,OT1 9ZZ\n",
        ),
        (
            "regular_schedules.csv",
            "id,service_id,location_id,weekday,opens_at,closes_at\nr1,v1,,Wednesday,19:00,20:00\nr2,v1,,6,10:00,11:00\n",
        ),
        ("taxonomy.csv", "id,name,parent_id,vocabulary\nTX1,Swimming,,Local\n"),
        ("service_taxonomy.csv", "id,service_id,taxonomy_id,taxonomy_detail\nst1,v1,TX1,\n"),
        (
            "accessibility_for_disabilities.csv",
            "id,location_id,accessibility,details\nad1,L9,Wheelchair accessible pool hoist,\n",
        ),
        ("languages.csv", "id,service_id,language\nlg1,v1,English\n"),
    ];
    let import = import(&files);
    let r = resource(&import, "v1");
    assert_eq!(
        r.subcategories,
        [SubCategory::Swimming].into_iter().collect()
    );
    match &r.reach {
        Reach::Local { location } => assert_eq!(location.postcode, "OT1 9ZZ"),
        other => panic!("{other:?}"),
    }
    let sessions: Vec<(Weekday, DayPart)> = r.sessions.iter().map(|s| (s.day, s.part)).collect();
    assert_eq!(
        sessions,
        vec![
            (Weekday::Wednesday, DayPart::Evening),
            (Weekday::Saturday, DayPart::Morning)
        ]
    );
    assert!(r.access.contains(&AccessNeed::Wheelchair));
    assert_eq!(r.languages, vec!["en".to_string()]);
    assert!(import.report.problems.is_empty(), "{}", import.report);
}

#[test]
fn files_on_disk_with_a_bom_and_a_non_utf8_file() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("genie-import-disk");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (name, text) in package() {
        std::fs::write(dir.join(name), text).expect("write");
    }
    // A Windows-1252 "é" in the organisation's name: not UTF-8.
    std::fs::write(
        dir.join("organizations.csv"),
        b"id,name,website,email\r\no1,Caf\xe9 Trust,trust.example.org,\r\n",
    )
    .expect("write");
    let import = hsds_csv::import_dir(&dir, &Mapping::default_mapping(), &Options::default())
        .expect("reads");
    assert_eq!(import.directory.resources.len(), 2, "{}", import.report);
    // The BOM did not eat the "id" header.
    assert!(import.directory.resources.iter().any(|r| r.id == "s1"));
    assert!(import
        .report
        .problems
        .iter()
        .any(|p| p.contains("organizations.csv is not UTF-8")));
    // The service without a place is in the review file, not lost.
    assert!(import.report.review_of("s3").is_some(), "{}", import.report);
}

#[test]
fn five_thousand_rows() {
    const N: usize = 5_000;
    let mut services = String::from("id,name,status,description\n");
    let mut locations = String::from("id,name,latitude,longitude\n");
    let mut sal = String::from("id,service_id,location_id\n");
    let mut attributes = String::from("id,link_id,taxonomy_term_id\n");
    let mut schedules = String::from("id,service_id,byday,opens_at,closes_at\n");
    let terms =
        "id,code,name,taxonomy\nw,W,Walking,local\ns,S,Social clubs,local\nx,X,Other,local\n";
    for i in 0..N {
        let _ = writeln!(services, "svc{i},Group {i},active,A local group");
        // Every 10th service's place is missing (a dangling link); every 50th term is unmapped.
        let loc = if i % 10 == 0 {
            format!("gone{i}")
        } else {
            format!("loc{i}")
        };
        let _ = writeln!(
            locations,
            "loc{i},Hall {i},{:.4},{:.4}",
            51.0 + (i as f64) / 10_000.0,
            -1.0 - (i as f64) / 10_000.0
        );
        let _ = writeln!(sal, "sal{i},svc{i},{loc}");
        let term = if i % 50 == 0 {
            "x"
        } else if i % 2 == 0 {
            "w"
        } else {
            "s"
        };
        let _ = writeln!(attributes, "a{i},svc{i},{term}");
        let _ = writeln!(schedules, "sch{i},svc{i},MO,{:02}:00,", 8 + i % 12);
    }
    let files = [
        ("services.csv", services.as_str()),
        ("locations.csv", locations.as_str()),
        ("service_at_location.csv", sal.as_str()),
        ("attributes.csv", attributes.as_str()),
        ("taxonomy_terms.csv", terms),
        ("schedules.csv", schedules.as_str()),
    ];
    let import = import(&files);
    let report = &import.report;
    assert_eq!(report.services_read, N);
    // i % 50 == 0 → unmapped (100 services); other i % 10 == 0 → no place (400 services).
    assert_eq!(report.unmapped_terms.get("local,X (Other)"), Some(&100));
    assert_eq!(report.review.len(), 500);
    assert_eq!(import.directory.resources.len(), N - 500);
    assert!(report
        .problems
        .iter()
        .any(|p| p.contains("500 rows with a location_id that is not in locations.csv")));
    let r = resource(&import, "svc4989");
    assert_eq!(r.sessions[0].part, DayPart::Evening); // 8 + 4989 % 12 = 17:00
    assert_eq!(
        r.subcategories,
        [SubCategory::SocialClubs].into_iter().collect()
    );
}
