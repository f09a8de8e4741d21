//! The importer on real exports and at state-wide scale, natively. Prints per source the
//! services read, imported, outside Genie's categories, needing review, the fields compared
//! with the source rows and how many differ, the time and the peak memory; then the same for
//! a generated 50,000-service 211-style data package (CSV, as a folder) and JSON feed pages.
//!
//! ```text
//! cargo run --release -p genie-import --example real_bench
//! ```
//!
//! Peak memory is the process's peak resident set (Linux `VmHWM`), reset before each run
//! where the kernel allows it; elsewhere it prints 0.

#[path = "../tests/real/compare.rs"]
mod compare;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use genie_import::{import_paths, parse_decisions, Import, Mapping, Options};

fn reset_peak() {
    // Writing 5 to clear_refs resets VmHWM (Linux 4.0 and later); harmless when refused.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn peak_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn run(paths: &[PathBuf], options: &Options) -> (Import, f64, f64) {
    reset_peak();
    let start = Instant::now();
    let import = import_paths(paths, &Mapping::default_mapping(), options)
        .unwrap_or_else(|e| panic!("{paths:?}: {e}"));
    (import, start.elapsed().as_secs_f64(), peak_mib())
}

fn print(source: &str, import: &Import, checks: &[compare::Check], secs: f64, mib: f64) {
    let r = &import.report;
    let wrong = checks.iter().filter(|c| !c.ok()).count();
    println!(
        "source {source}: read {} imported {} outside {} review {} fields_compared {} fields_wrong {} time {:.3}s peak {:.0} MiB",
        r.services_read,
        r.services_imported,
        r.outside.len(),
        r.review.len(),
        checks.len(),
        wrong,
        secs,
        mib
    );
    let key = source.replace([' ', '-', '(', ')', '+'], "_");
    println!("metric import_{key}_seconds {secs:.3} s");
    println!("metric import_{key}_fields_wrong {wrong} fields");
}

/// A 211-style tabular package: AIRS codes, HSDS 1.1 table names, 9:00am times, some
/// locations without coordinates.
fn write_package(dir: &Path, n: usize) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir.join("data")).expect("dir");
    let mut services = String::from("id,organization_id,name,description,url,email,status,fees\n");
    let mut orgs = String::from("id,name,url\n");
    let mut locations = String::from("id,organization_id,name,latitude,longitude\n");
    let mut addresses = String::from("id,location_id,address_1,city,state_province,postal_code\n");
    let mut sal = String::from("id,service_id,location_id\n");
    let mut links = String::from("id,service_id,taxonomy_id\n");
    let mut schedules = String::from("id,service_id,weekday,opens_at,closes_at\n");
    let mut phones = String::from("id,service_id,number\n");
    let mut languages = String::from("id,service_id,language\n");
    let codes = [
        "PN-8100.3000",
        "PL-6600.1800",
        "PH-1400",
        "PX",
        "BD-5000.8300",
        "RP-1400.8000-100",
        "YB-8000",
    ];
    let mut taxonomy = String::from("id,name,parent_id,vocabulary\n");
    for c in codes {
        let _ = writeln!(taxonomy, "{c},Term {c},,AIRS");
    }
    for i in 0..n {
        let _ = writeln!(
            services,
            "{i},{o},SERVICE {i} SUPPORT GROUP,\"Meets weekly.\\n\\n###MON###\",www.example.org/{i},s{i}@example.org,,Free",
            o = i / 4
        );
        if i % 4 == 0 {
            let _ = writeln!(orgs, "{},Organisation {},www.example.org", i / 4, i / 4);
        }
        let (lat, lon) = if i % 10 == 0 {
            (String::new(), String::new())
        } else {
            (
                format!("{:.6}", 25.5 + (i % 1000) as f64 / 2000.0),
                format!("{:.6}", -80.5 + (i % 700) as f64 / 2000.0),
            )
        };
        let _ = writeln!(locations, "{i},{},Site {i},{lat},{lon}", i / 4);
        let _ = writeln!(
            addresses,
            "{i},{i},{i} Main Street,Miami,FL ,331{:02}",
            i % 100
        );
        let _ = writeln!(sal, "{i},{i},{i}");
        let _ = writeln!(links, "a{i},{i},{}", codes[i % codes.len()]);
        let _ = writeln!(links, "b{i},{i},YB-8000");
        for day in ["Monday", "Wednesday", "Friday"] {
            let _ = writeln!(schedules, ",{i},{day},9:00am,5:00");
        }
        let _ = writeln!(phones, "{i},{i},305-555-{:04}", i % 10_000);
        let _ = writeln!(languages, "{i},{i},English");
        let _ = writeln!(languages, "s{i},{i},Spanish");
    }
    for (name, text) in [
        ("services.csv", services),
        ("organizations.csv", orgs),
        ("locations.csv", locations),
        ("physical_addresses.csv", addresses),
        ("services_at_location.csv", sal),
        ("services_taxonomy.csv", links),
        ("taxonomy.csv", taxonomy),
        ("regular_schedules.csv", schedules),
        ("phones.csv", phones),
        ("languages.csv", languages),
    ] {
        std::fs::write(dir.join("data").join(name), text).expect("write");
    }
}

/// HSDS 3.0 API pages of 1,000 services each.
fn write_pages(dir: &Path, n: usize) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).expect("dir");
    let per = 1000;
    let pages = n.div_ceil(per);
    for p in 0..pages {
        let mut items = Vec::with_capacity(per);
        for i in p * per..((p + 1) * per).min(n) {
            items.push(format!(
                r#"{{"id":"svc{i}","name":"Group {i}","description":"<p>A weekly&nbsp;group</p>","status":"active",
"organization":{{"name":"Org {o}"}},"url":"www.example.org/{i}","assured_date":"2024-03-01",
"attributes":[{{"taxonomy_term":{{"code":"T{t}","name":"{name}","taxonomy":"local"}}}}],
"schedules":[{{"byday":"MO,WE","opens_at":"10:00","closes_at":"12:00"}}],
"cost_options":[{{"amount":2.5,"currency":"GBP"}}],"languages":["English"],
"service_at_locations":[{{"location":{{"id":"loc{i}","name":"Hall","geometry":{{"type":"Point","coordinates":[{lon},{lat}]}},
"address_1":"{i} High Street","city":"Millbrook","postcode":"MB1 1AA",
"accessibilities":[{{"description":"Step-free access and a hearing loop"}}]}}}}]}}"#,
                o = i / 3,
                t = i % 7,
                name = ["Walking", "Befriending", "Art", "Music", "Swimming", "Benefits", "Carers"][i % 7],
                lat = 52.0 + (i as f64) / 100_000.0,
                lon = -1.0 - (i as f64) / 100_000.0,
            ));
        }
        let page = format!(
            r#"{{"total_items":{n},"total_pages":{pages},"page_number":{},"size":{per},"contents":[{}]}}"#,
            p + 1,
            items.join(",")
        );
        std::fs::write(dir.join(format!("page-{:03}.json", p + 1)), page).expect("write");
    }
}

fn main() {
    let real = compare::real();

    let (import, secs, mib) = run(&[real.join("miami-211")], &Options::default());
    let checks = compare::miami(&import.directory);
    print("miami-211 (folder)", &import, &checks, secs, mib);

    let (import, secs, mib) = run(&[real.join("miami-211.zip")], &Options::default());
    let checks = compare::miami(&import.directory);
    print("miami-211 (zip)", &import, &checks, secs, mib);

    for name in ["oruk-bristol", "oruk-north-lincolnshire"] {
        let file = real.join(name).join("services.json");
        let (first, _, _) = run(std::slice::from_ref(&file), &Options::default());
        // As a commissioner would: accept the review file's suggestions, then run again.
        let mut csv = String::from("id,decision\n");
        for row in &first.report.review {
            let _ = writeln!(csv, "{},\"{}\"", row.id, row.suggested.replace(", ", ";"));
        }
        let (decisions, _) = parse_decisions(&csv);
        let options = Options {
            decisions,
            ..Options::default()
        };
        let (import, secs, mib) = run(std::slice::from_ref(&file), &options);
        let checks = compare::oruk(&file, &import.directory);
        print(
            &format!("{name} (with decisions)"),
            &import,
            &checks,
            secs,
            mib,
        );
    }

    let tmp = std::env::temp_dir().join("genie-import-bench");
    let n = 50_000;
    let package = tmp.join("package");
    write_package(&package, n);
    let (import, secs, mib) = run(std::slice::from_ref(&package), &Options::default());
    print("generated 211 package 50000", &import, &[], secs, mib);
    assert_eq!(import.report.services_read, n);

    let pages = tmp.join("pages");
    write_pages(&pages, n);
    let (import, secs, mib) = run(std::slice::from_ref(&pages), &Options::default());
    print("generated feed pages 50000", &import, &[], secs, mib);
    assert_eq!(import.directory.resources.len(), n);
    let _ = std::fs::remove_dir_all(&tmp);
}
