//! Real Open Referral exports, as their owners published them (excerpts under
//! `tests/fixtures/real/`, each with a SOURCE.md): a US 211 HSDS 1.1 data package (folder and
//! zip) and two UK council Open Referral UK feeds. Each is imported with one call and checked
//! field by field against its source rows (`real/compare.rs`).

#[path = "real/compare.rs"]
mod compare;

use std::path::PathBuf;
use std::process::Command;

use genie_core::area::{AreaLookup, Place};
use genie_core::directory::{Precision, Reach};
use genie_core::model::SubCategory;
use genie_import::{import_paths, parse_decisions, Import, Mapping, Options};

use compare::{real, Check};

fn import(paths: &[PathBuf], options: &Options) -> Import {
    import_paths(paths, &Mapping::default_mapping(), options)
        .unwrap_or_else(|e| panic!("{paths:?}: {e}"))
}

fn assert_all_right(checks: &[Check], at_least: usize) {
    let wrong: Vec<&Check> = checks.iter().filter(|c| !c.ok()).collect();
    assert!(
        wrong.is_empty(),
        "{} of {} fields differ from the source:\n{wrong:#?}",
        wrong.len(),
        checks.len()
    );
    assert!(
        checks.len() >= at_least,
        "only {} fields compared",
        checks.len()
    );
}

fn miami_folder() -> PathBuf {
    real().join("miami-211")
}

#[test]
fn a_211_data_package_imports_as_published_and_matches_its_rows() {
    let import = import(&[miami_folder()], &Options::default());
    let report = &import.report;
    assert_eq!(report.services_read, 26, "{report}");
    // Every sampled field of every imported entry is what the source rows say.
    assert_all_right(&compare::miami(&import.directory), 150);
    // Food pantry, soup kitchen and shelter: outside Genie's categories, on purpose.
    let outside: Vec<&str> = report.outside.iter().map(|e| e.record.as_str()).collect();
    for id in compare::MIAMI_OUTSIDE {
        assert!(outside.contains(id), "{id} not outside: {report}");
    }
    assert!(report.skipped.is_empty(), "{report}");
    // Three services have no terms at all; their suggestion comes from name or description.
    for id in ["164", "170", "181"] {
        let row = report.review_of(id).expect("in review");
        assert_eq!(row.reason, "it has no taxonomy terms");
    }
    // No coordinates and no lookup given: in the review file, with what to do.
    let row = report.review_of("8610").expect("in review");
    assert!(row.reason.contains("give --lookup"), "{}", row.reason);
    assert_eq!(row.suggested, "carers_support");
    // The data package names the tables; those it lists but the zip lacks, and the one Genie
    // does not read, are named.
    let unread = report.unread.join("\n");
    assert!(unread.contains("data/eligibility.csv"), "{unread}");
    assert!(unread.contains("holiday_schedules.csv"), "{unread}");
    // Target-population (AIRS Y) terms never become a category, and are not "unmapped".
    assert!(report.audience_terms > 0);
    assert!(
        report.unmapped_terms.keys().all(|t| !t.contains(",Y")),
        "{:?}",
        report.unmapped_terms
    );
}

#[test]
fn the_zip_gives_the_same_directory_as_the_folder() {
    let folder = import(&[miami_folder()], &Options::default());
    let zip = import(&[real().join("miami-211.zip")], &Options::default());
    assert_eq!(zip.directory, folder.directory);
    assert_eq!(zip.report.review, folder.report.review);
}

#[test]
fn text_times_and_names_are_read_the_way_a_person_would() {
    let import = import(&[miami_folder()], &Options::default());
    let dir = &import.directory;
    let get = |id: &str| {
        dir.resources
            .iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("{id}: {}", import.report))
    };
    // "EAST" says nothing alone: shown with its organisation's name, and listed as a guess.
    assert_eq!(get("537").name, "NAMI OF MIAMI, INC.: EAST");
    // Literal "\n\n" and the "###MON###" marker of the export are gone; paragraphs stay.
    let d = &get("537").description;
    assert!(d.contains("mental illness.\n\nGroup meets"), "{d}");
    assert!(!d.contains("\\n") && !d.contains("###"), "{d}");
    // "9:00am-5:00": the closing time is 17:00, and the guess is in the report.
    let s = &get("1014").sessions;
    assert!(
        s.iter().all(|x| x.ends.as_deref() == Some("17:00")),
        "{s:?}"
    );
    // 9:00 to 17:00 counts for the morning and the afternoon.
    assert_eq!(s.len(), 10, "{s:?}");
    assert!(import
        .report
        .guessed
        .iter()
        .any(|g| g.record == "1014" && g.message.contains("\"5:00\" read as 17:00")));
    // Mis-decoded punctuation is put right.
    assert!(dir.resources.iter().all(|r| !r.description.contains("GÇ")));
    // US "Handicap accessible" is wheelchair access; Creole is Haitian Creole.
    assert!(get("6545").languages.contains(&"ht".to_string()));
}

#[test]
fn with_the_area_lookup_a_place_without_coordinates_is_put_at_its_zip() {
    let lookup = AreaLookup {
        area: "Miami".into(),
        places: [
            ("33176", 25.66, -80.35),
            ("33016", 25.88, -80.33),
            ("33143", 25.70, -80.30),
        ]
        .into_iter()
        .map(|(zip, lat, lon)| Place {
            name: zip.into(),
            kind: "postcode".into(),
            lat,
            lon,
        })
        .collect(),
    };
    let options = Options {
        lookup: Some(lookup),
        ..Options::default()
    };
    let import = import(&[miami_folder()], &options);
    let caregivers = import
        .directory
        .resources
        .iter()
        .find(|r| r.id == "8610")
        .unwrap_or_else(|| panic!("{}", import.report));
    match &caregivers.reach {
        Reach::Local { location } => {
            assert_eq!((location.lat, location.lon), (25.66, -80.35));
            assert_eq!(location.postcode, "33176");
            // Marked in the directory, so the app can say the place is approximate.
            assert_eq!(location.precision, Precision::Postcode);
        }
        other => panic!("{other:?}"),
    }
    assert!(import.report.approximate >= 2, "{}", import.report);
    assert!(import
        .report
        .guessed
        .iter()
        .any(|g| g.record == "8610" && g.message.contains("(approximate)")));
    // No ZIP in the lookup (34109) or no address at all: still for review.
    assert!(import.report.review_of("7368").is_some());
}

fn oruk_files() -> Vec<PathBuf> {
    vec![
        real().join("oruk-bristol/services.json"),
        real().join("oruk-north-lincolnshire/services.json"),
    ]
}

#[test]
fn council_feeds_without_terms_go_to_review_with_suggestions_and_come_back_decided() {
    let first = import(&oruk_files(), &Options::default());
    let report = &first.report;
    assert_eq!(report.services_read, 29, "{report}");
    // The feed's list entries carry no taxonomy: nothing is filed without a decision.
    assert!(first.directory.resources.is_empty());
    assert_eq!(
        report.skip_reason("def5ccd4-f121-df4d-60d2-4dc0d69ff555"),
        Some("it has no name")
    );
    assert_eq!(report.review.len(), 28);
    // The report says why and what to fetch instead.
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("list entries without their details")
                && p.contains("/services/{id}")),
        "{report}"
    );
    let suggested = |id: &str| report.review_of(id).map(|r| r.suggested.clone());
    // "Active Circuits", "Art Club", "Bingo", "Community Transport": from the name.
    assert_eq!(
        suggested("69e32546-4072-1ddf-cc51-f92e880aa66a").as_deref(),
        Some("fitness_exercise")
    );
    assert_eq!(
        suggested("3f43e7db-4f11-2fcf-f9c4-398eb3cecac4").as_deref(),
        Some("arts_crafts")
    );
    assert_eq!(
        suggested("c4236203-a79c-a43f-64d2-fa4588848d5f").as_deref(),
        Some("social_clubs")
    );
    assert_eq!(
        suggested("5871e2ca-d440-5aa9-75ca-cc8c0e2b8d2b").as_deref(),
        Some("community_transport")
    );
    // "Art Club" alone says little: shown with its organisation's name.
    let art = report
        .review_of("3f43e7db-4f11-2fcf-f9c4-398eb3cecac4")
        .expect("row");
    assert_eq!(art.name, "kirtoninlindsey.com: Art Club");

    // The commissioner accepts every suggestion in the review file and runs again.
    let mut csv = report.review_csv();
    csv = csv
        .lines()
        .enumerate()
        .map(|(n, line)| {
            if n == 0 {
                return line.to_string();
            }
            let mut r = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(line.as_bytes());
            let rec = r.records().next().and_then(Result::ok).expect("row");
            let decision = rec.get(2).unwrap_or("").replace(", ", ";");
            format!("{line}{decision}")
        })
        .collect::<Vec<_>>()
        .join("\n");
    let (decisions, problems) = parse_decisions(&csv);
    assert!(problems.is_empty(), "{problems:?}");
    // Every row with a suggestion became a decision.
    let suggested_rows = report
        .review
        .iter()
        .filter(|r| !r.suggested.is_empty())
        .count();
    assert_eq!(decisions.subcategories.len(), suggested_rows);
    let second = import(
        &oruk_files(),
        &Options {
            decisions,
            ..Options::default()
        },
    );
    // Only those whose attending type says phone or online have a place to be used from; the
    // rest still need a place (the list endpoint gives none).
    let ids: Vec<&str> = second
        .directory
        .resources
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert!(
        ids.contains(&"5871e2ca-d440-5aa9-75ca-cc8c0e2b8d2b"),
        "{}",
        second.report
    );
    assert!(second
        .directory
        .resources
        .iter()
        .all(|r| r.reach == Reach::Online));
    assert!(second
        .directory
        .resources
        .iter()
        .any(|r| r.subcategories.contains(&SubCategory::CommunityTransport)));
    let mut checks = Vec::new();
    for file in oruk_files() {
        checks.extend(compare::oruk(&file, &second.directory));
    }
    assert_all_right(&checks, 12);

    // A helpline the commissioner knows is by phone: "money_advice; phone" in its decision.
    let (decisions, problems) =
        parse_decisions("id,decision\ndebea891-b68e-4920-5722-6616b6b09194,money_advice; phone\n");
    assert!(problems.is_empty(), "{problems:?}");
    let third = import(
        &oruk_files(),
        &Options {
            decisions,
            ..Options::default()
        },
    );
    let debtline = third
        .directory
        .resources
        .iter()
        .find(|r| r.id == "debea891-b68e-4920-5722-6616b6b09194")
        .unwrap_or_else(|| panic!("{}", third.report));
    assert_eq!(debtline.reach, Reach::Online);
    assert!(debtline.subcategories.contains(&SubCategory::MoneyAdvice));
}

#[test]
fn a_paged_feed_given_as_several_files_is_read_whole_and_a_missing_page_is_named() {
    let items: Vec<serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(real().join("oruk-north-lincolnshire/services.json"))
            .expect("read"),
    )
    .expect("json");
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("paged-feed");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    // HSDS 3.0 style pages (total_pages/page_number/contents) of 5, page 2 of 3 left out.
    for (n, chunk) in items.chunks(5).enumerate() {
        if n == 1 {
            continue;
        }
        let page = serde_json::json!({
            "total_items": items.len(), "total_pages": 3, "page_number": n + 1,
            "size": 5, "first_page": n == 0, "last_page": n == 2, "empty": false,
            "contents": chunk,
        });
        std::fs::write(dir.join(format!("page-{}.json", n + 1)), page.to_string()).expect("write");
    }
    let import = import(std::slice::from_ref(&dir), &Options::default());
    assert_eq!(import.report.services_read, items.len() - 5);
    let problems = import.report.problems.join("\n");
    assert!(
        problems.contains("the feed has 3 pages; page(s) 2 are missing"),
        "{problems}"
    );

    // Spring-style pages (totalElements/content/number from 0), all there: no complaint.
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    for (n, chunk) in items.chunks(7).enumerate() {
        let page = serde_json::json!({
            "totalElements": items.len(), "totalPages": 2, "number": n, "content": chunk,
        });
        std::fs::write(dir.join(format!("p{n}.json")), page.to_string()).expect("write");
    }
    let import =
        import_paths(&[dir], &Mapping::default_mapping(), &Options::default()).expect("reads");
    assert_eq!(import.report.services_read, items.len());
    // Every page is there: only the note that these are list entries remains.
    assert!(
        import
            .report
            .problems
            .iter()
            .all(|p| p.contains("list entries without their details")),
        "{:?}",
        import.report.problems
    );
}

#[test]
fn a_download_saved_without_an_extension_is_read_by_its_content() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-extension");
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("services");
    std::fs::copy(real().join("oruk-bristol/services.json"), &file).expect("copy");
    let import = import(&[file], &Options::default());
    assert_eq!(import.report.services_read, 15);
    // In a folder, a file that is neither CSV nor JSON is named, not silently passed over.
    std::fs::write(dir.join("notes.xlsx"), b"PK\x03\x04").expect("write");
    std::fs::write(
        dir.join("services.json"),
        std::fs::read(real().join("oruk-bristol/services.json")).expect("read"),
    )
    .expect("write");
    let import =
        import_paths(&[dir], &Mapping::default_mapping(), &Options::default()).expect("reads");
    assert!(
        import
            .report
            .unread
            .iter()
            .any(|u| u.starts_with("notes.xlsx")),
        "{:?}",
        import.report.unread
    );
}

#[test]
fn empty_and_binary_files_are_clear_errors() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bad-inputs");
    std::fs::create_dir_all(&dir).expect("dir");
    let empty = dir.join("export.json");
    std::fs::write(&empty, "  \n").expect("write");
    let err = import_paths(&[empty], &Mapping::default_mapping(), &Options::default())
        .expect_err("empty");
    assert!(err.0.contains("is empty"), "{err}");
    let binary = dir.join("export.xlsx");
    std::fs::write(&binary, [0x50u8, 0x4b, 0x07, 0x08, 0, 0, 1, 2, 3, 0, 0, 0]).expect("write");
    let err = import_paths(&[binary], &Mapping::default_mapping(), &Options::default())
        .expect_err("binary");
    assert!(err.0.contains("not a text file"), "{err}");
    let broken_zip = dir.join("export.zip");
    std::fs::write(&broken_zip, b"PK\x03\x04 not really a zip").expect("write");
    let err = import_paths(
        &[broken_zip],
        &Mapping::default_mapping(),
        &Options::default(),
    )
    .expect_err("broken zip");
    assert!(err.0.contains("cannot be opened"), "{err}");
}

#[test]
fn the_command_never_replaces_a_directory_with_an_empty_one() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("keep-directory");
    std::fs::create_dir_all(&dir).expect("dir");
    let out = dir.join("directory.json");
    std::fs::write(&out, "{\"kept\": true}").expect("write");
    let status = Command::new(env!("CARGO_BIN_EXE_genie-import"))
        .args(oruk_files())
        .args(["--area", "Bristol", "--out"])
        .arg(&out)
        .output()
        .expect("runs");
    assert_eq!(
        status.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&status.stdout)
    );
    assert_eq!(
        std::fs::read_to_string(&out).expect("read"),
        "{\"kept\": true}"
    );
    // The report and the review file are written beside it all the same.
    let review = std::fs::read_to_string(dir.join("directory.review.csv")).expect("review file");
    assert!(review.starts_with("id,name,suggested_subcategory,confidence,terms,reason,decision"));
    assert_eq!(review.lines().count(), 29);
    let stdout = String::from_utf8_lossy(&status.stdout);
    assert!(stdout.starts_with("Import of"), "{stdout}");
    assert!(
        stdout.contains("  Needs review:                    28"),
        "{stdout}"
    );

    // Over the share of unusable services the commissioner allows: fails, writes nothing.
    let status = Command::new(env!("CARGO_BIN_EXE_genie-import"))
        .arg(real().join("miami-211.zip"))
        .args(["--max-skipped", "10", "--out"])
        .arg(&out)
        .output()
        .expect("runs");
    assert_eq!(status.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(&out).expect("read"),
        "{\"kept\": true}"
    );
    // Within it: written.
    let status = Command::new(env!("CARGO_BIN_EXE_genie-import"))
        .arg(real().join("miami-211.zip"))
        .args(["--max-skipped", "40", "--area", "Miami", "--out"])
        .arg(&out)
        .output()
        .expect("runs");
    assert_eq!(
        status.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    assert!(std::fs::read_to_string(&out)
        .expect("read")
        .contains("\"area\": \"Miami\""));
}
