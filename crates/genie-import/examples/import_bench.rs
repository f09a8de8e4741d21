//! HSDS import throughput on the host: generates a JSON export and a CSV data package of
//! 10,000 services each, imports them and prints `metric` lines:
//!
//! ```text
//! cargo run --release -p genie-import --example import_bench
//! metric hsds_import_per_s <v> resources/s
//! ```

use std::fmt::Write as _;
use std::time::Instant;

use genie_import::{hsds_csv, hsds_json, Mapping, Options};

const N: usize = 10_000;

fn json_export() -> String {
    let mut items = Vec::with_capacity(N);
    for i in 0..N {
        items.push(format!(
            r#"{{"id":"svc{i}","name":"Group {i}","description":"A weekly group","status":"active",
"url":"www.example.org/{i}","assured_date":"2024-03-01",
"attributes":[{{"taxonomy_term":{{"code":"T{t}","name":"{name}","taxonomy":"local"}}}}],
"schedules":[{{"byday":"MO,WE","opens_at":"10:00","closes_at":"12:00"}}],
"cost_options":[{{"amount":2.5,"currency":"GBP"}}],
"languages":[{{"code":"en"}}],
"service_at_locations":[{{"location":{{"id":"loc{i}","name":"Hall","latitude":{lat},"longitude":{lon},
"addresses":[{{"address_1":"{i} High Street","city":"Millbrook","postal_code":"MB1 1AA"}}],
"accessibility":[{{"description":"Step-free access and a hearing loop"}}]}}}}]}}"#,
            t = i % 7,
            name = ["Walking", "Befriending", "Art", "Music", "Swimming", "Benefits", "Carers"][i % 7],
            lat = 52.0 + (i as f64) / 100_000.0,
            lon = -1.0 - (i as f64) / 100_000.0,
        ));
    }
    format!("[{}]", items.join(","))
}

fn csv_export() -> Vec<(String, String)> {
    let mut services = String::from("id,name,description,status,url,assured_date\n");
    let mut locations = String::from("id,name,latitude,longitude\n");
    let mut sal = String::from("id,service_id,location_id\n");
    let mut attributes = String::from("id,link_id,taxonomy_term_id\n");
    let mut schedules = String::from("id,service_id,byday,opens_at,closes_at\n");
    let terms =
        "id,code,name,taxonomy\nt0,W,Walking,local\nt1,B,Befriending,local\nt2,A,Art,local\n";
    for i in 0..N {
        let _ = writeln!(
            services,
            "svc{i},Group {i},A weekly group,active,www.example.org/{i},2024-03-01"
        );
        let _ = writeln!(
            locations,
            "loc{i},Hall,{:.5},{:.5}",
            52.0 + (i as f64) / 100_000.0,
            -1.0
        );
        let _ = writeln!(sal, "sal{i},svc{i},loc{i}");
        let _ = writeln!(attributes, "a{i},svc{i},t{}", i % 3);
        let _ = writeln!(schedules, "s{i},svc{i},TU,14:00,16:00");
    }
    vec![
        ("services.csv".into(), services),
        ("locations.csv".into(), locations),
        ("service_at_location.csv".into(), sal),
        ("attributes.csv".into(), attributes),
        ("taxonomy_terms.csv".into(), terms.to_string()),
        ("schedules.csv".into(), schedules),
    ]
}

fn main() {
    let mapping = Mapping::default_mapping();
    let options = Options::default();

    let json = json_export();
    let start = Instant::now();
    let import = hsds_json::import_str(&json, &mapping, &options, "bench.json").expect("imports");
    let json_secs = start.elapsed().as_secs_f64();
    let json_count = import.directory.resources.len();

    let files = csv_export();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let start = Instant::now();
    let import = hsds_csv::import_tables(&refs, &mapping, &options, "bench").expect("imports");
    let csv_secs = start.elapsed().as_secs_f64();
    let csv_count = import.directory.resources.len();

    assert_eq!(json_count, N, "every generated JSON service imports");
    assert_eq!(csv_count, N, "every generated CSV service imports");
    let rate = |n: usize, s: f64| (n as f64 / s.max(1e-9)).round();
    println!(
        "metric hsds_import_json_per_s {} resources/s",
        rate(json_count, json_secs)
    );
    println!(
        "metric hsds_import_csv_per_s {} resources/s",
        rate(csv_count, csv_secs)
    );
    println!(
        "metric hsds_import_per_s {} resources/s",
        rate(json_count + csv_count, json_secs + csv_secs)
    );
}
