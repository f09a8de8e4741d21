//! `genie-area lookup` on the shapes of the open postcode files commissioners download (ONS
//! Postcode Directory, Code-Point Open, the US ZCTA gazetteer, a Dutch semicolon CSV), and
//! `genie-area check` on a folder whose directory was made for another place.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

use genie_area::build::{add_file, Country, Request, Summary};
use genie_core::area::{AreaLookup, LatLon};

fn request(lat: f64, lon: f64, radius_km: f64, country: Country) -> Request {
    Request {
        area: "Test".into(),
        centre: LatLon { lat, lon },
        radius_km,
        country,
        kind: "postcode".into(),
        code_column: None,
        lat_column: None,
        lon_column: None,
    }
}

fn build(text: &str, request: &Request) -> (Vec<(String, f64, f64)>, Summary) {
    let mut places = BTreeMap::new();
    let mut summary = Summary::default();
    add_file(text.as_bytes(), request, &mut places, &mut summary).expect("reads");
    let list = places
        .into_values()
        .map(|p| (p.name, p.lat, p.lon))
        .collect();
    (list, summary)
}

#[test]
fn ons_postcode_directory_rows_within_the_radius() {
    // The ONSPD's own columns (a few of its many), as downloaded.
    let csv = "\u{feff}pcd,pcd2,pcds,dointr,doterm,oseast1m,osnrth1m,lat,long\n\
\"BS1 1AA\",\"BS1  1AA\",\"BS1 1AA\",\"198001\",\"\",\"358795\",\"172950\",51.454500,-2.587900\n\
\"BS1 1AB\",\"BS1  1AB\",\"BS1 1AB\",\"198001\",\"200012\",\"358795\",\"172950\",51.454500,-2.587900\n\
\"BS1 1AD\",\"BS1  1AD\",\"BS1 1AD\",\"198001\",\"\",\"\",\"\",99.999999,0.000000\n\
\"M1 1AE\",\"M1   1AE\",\"M1 1AE\",\"198001\",\"\",\"384000\",\"398000\",53.479000,-2.236000\n";
    let (places, summary) = build(csv, &request(51.45, -2.59, 20.0, Country::Gb));
    assert_eq!(summary.format, "ONS Postcode Directory");
    assert_eq!(places, vec![("BS1 1AA".to_string(), 51.4545, -2.5879)]);
    assert_eq!(
        (
            summary.rows,
            summary.terminated,
            summary.no_coordinates,
            summary.outside
        ),
        (4, 1, 1, 1)
    );
}

#[test]
fn code_point_open_eastings_and_northings() {
    // Code-Point Open has no header row; eastings and northings are the grid in metres (the
    // conversion itself is checked against the Ordnance Survey's worked example).
    let csv = "\"BS1 1AA\",10,358795,172950,\"E92000001\",\"E19000002\",\"E18000009\",\"\",\"E06000023\",\"E05010892\"\n\
\"TG514 13\",10,651409,313177,\"E92000001\",\"\",\"\",\"\",\"\",\"\"\n";
    let (places, summary) = build(csv, &request(51.45, -2.59, 20.0, Country::Gb));
    assert!(summary.format.contains("Code-Point"), "{summary:?}");
    assert_eq!(places.len(), 1, "{summary:?}");
    let (name, lat, lon) = &places[0];
    assert_eq!(name, "BS1 1AA");
    assert!(
        (lat - 51.4540).abs() < 0.0005 && (lon + 2.5944).abs() < 0.0005,
        "{lat},{lon}"
    );
}

#[test]
fn us_zcta_gazetteer_tab_separated() {
    let tsv =
        "GEOID\tALAND\tAWATER\tALAND_SQMI\tAWATER_SQMI\tINTPTLAT\tINTPTLONG                 \n\
33176\t27061530\t1213571\t10.448\t0.469\t25.657402\t-80.362577\n\
33016\t11425398\t370125\t4.411\t0.143\t25.889532\t-80.330315\n\
02134\t2450437\t96163\t0.946\t0.037\t42.358887\t-71.128861\n";
    let (places, summary) = build(tsv, &request(25.76, -80.19, 50.0, Country::Us));
    assert_eq!(summary.format, "US Census ZCTA gazetteer");
    let names: Vec<&str> = places.iter().map(|p| p.0.as_str()).collect();
    assert_eq!(names, vec!["33016", "33176"]);
    // A ZIP+4 typed by a person finds its ZIP in the app's lookup.
    let lookup = AreaLookup {
        area: "Miami".into(),
        places: vec![genie_core::area::Place {
            name: "33176".into(),
            kind: "postcode".into(),
            lat: 25.657402,
            lon: -80.362577,
        }],
    };
    assert!(lookup.locate("33176-4501").is_some());
    assert!(lookup.locate("33176").is_some());
}

#[test]
fn dutch_semicolon_csv_with_codes_written_anyhow() {
    let csv = "postcode;latitude;longitude\n1012ab;52.3731;4.8926\n1012 AC;52.3735;4.8930\n9999ZZ;53.3;6.9\nnot a code;52.37;4.89\n";
    let (places, summary) = build(csv, &request(52.37, 4.89, 10.0, Country::Nl));
    let names: Vec<&str> = places.iter().map(|p| p.0.as_str()).collect();
    assert_eq!(names, vec!["1012 AB", "1012 AC"]);
    assert_eq!((summary.outside, summary.not_a_code), (1, 1));
}

#[test]
fn columns_named_by_the_commissioner() {
    let csv = "postnr,breddegrad,lengdegrad\n150,59.9114,10.7579\n";
    let mut r = request(59.91, 10.75, 10.0, Country::No);
    r.code_column = Some("postnr".into());
    r.lat_column = Some("breddegrad".into());
    r.lon_column = Some("lengdegrad".into());
    let (places, _) = build(csv, &r);
    assert_eq!(
        places[0].0, "0150",
        "Norwegian codes keep their leading zero"
    );
    let mut places = BTreeMap::new();
    let mut summary = Summary::default();
    let err = add_file(
        b"a,b,c\n1,2,3\n",
        &request(0.0, 0.0, 10.0, Country::Other),
        &mut places,
        &mut summary,
    )
    .expect_err("no code column");
    assert!(err.contains("--code-column"), "{err}");
}

fn temp(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    dir
}

const AREA_MIAMI: &str = r#"{"version": 1, "name": "Miami-Dade", "short_name": "Miami",
  "centre": {"lat": 25.76, "lon": -80.19}, "radius_km": 50, "languages": ["en"]}"#;

#[test]
fn the_command_writes_the_folder_lookup_and_keeps_its_neighbourhoods() {
    let dir = temp("lookup-command");
    std::fs::write(dir.join("area.json"), AREA_MIAMI).expect("write");
    std::fs::write(
        dir.join("lookup.json"),
        r#"{"version":1,"area":"Miami-Dade","places":[{"name":"Kendall","kind":"neighbourhood","lat":25.67,"lon":-80.35}]}"#,
    )
    .expect("write");
    let gazetteer = dir.join("2020_Gaz_zcta_national.txt");
    std::fs::write(
        &gazetteer,
        "GEOID\tALAND\tAWATER\tALAND_SQMI\tAWATER_SQMI\tINTPTLAT\tINTPTLONG\n33176\t1\t1\t1\t1\t25.657402\t-80.362577\n02134\t1\t1\t1\t1\t42.358887\t-71.128861\n",
    )
    .expect("write");
    let run = Command::new(env!("CARGO_BIN_EXE_genie-area"))
        .arg("lookup")
        .arg(&gazetteer)
        .args(["--country", "US", "--folder"])
        .arg(&dir)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        stdout.contains("1 kept within 50 km, 1 further away"),
        "{stdout}"
    );
    let lookup =
        AreaLookup::parse(&std::fs::read_to_string(dir.join("lookup.json")).expect("read"))
            .expect("a lookup");
    let names: Vec<&str> = lookup.places.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["33176", "Kendall"]);
    assert_eq!(lookup.area, "Miami-Dade");

    // Nothing within the radius: nothing written, and it says what to check.
    let run = Command::new(env!("CARGO_BIN_EXE_genie-area"))
        .arg("lookup")
        .arg(&gazetteer)
        .args(["--country", "US", "--centre", "25.76,80.19", "--out"])
        .arg(dir.join("other.json"))
        .output()
        .expect("runs");
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("a lost minus sign"));
    assert!(!dir.join("other.json").exists());
}

#[test]
fn a_directory_made_for_another_place_is_said_once() {
    let dir = temp("other-place");
    std::fs::write(
        dir.join("area.json"),
        AREA_MIAMI
            .replace("Miami-Dade", "Bristol")
            .replace("25.76", "51.45")
            .replace("-80.19", "-2.59"),
    )
    .expect("write");
    let mut resources = Vec::new();
    for i in 0..12 {
        resources.push(format!(
            r#"{{"id":"r{i}","name":"Group {i}","subcategories":["social_clubs"],
               "reach":{{"kind":"local","location":{{"lat":{},"lon":-80.2,"address":"","postcode":""}}}},
               "sessions":[],"cost":{{"kind":"free"}},"access":[],"languages":[],"contact":{{}},"status":"active"}}"#,
            25.7 + i as f64 / 100.0
        ));
    }
    std::fs::write(
        dir.join("directory.json"),
        format!(
            r#"{{"version":1,"area":"Miami","resources":[{}]}}"#,
            resources.join(",")
        ),
    )
    .expect("write");
    std::fs::write(
        dir.join("lookup.json"),
        r#"{"version":1,"area":"Bristol","places":[{"name":"BS1 1AA","kind":"postcode","lat":51.4545,"lon":-2.5879}]}"#,
    )
    .expect("write");
    let report = genie_area::check(&dir);
    let codes = report.codes();
    assert_eq!(
        codes
            .iter()
            .filter(|c| **c == "directory_other_place")
            .count(),
        1,
        "{report}"
    );
    assert!(!codes.contains(&"resource_outside_area"), "{report}");
    let message = &report
        .findings
        .iter()
        .find(|f| f.code == "directory_other_place")
        .expect("finding")
        .message;
    assert!(message.contains("12 of its 12 entries"), "{message}");
    assert!(message.contains("\"Miami\""), "{message}");
    assert!(message.contains("km from its centre"), "{message}");
}
