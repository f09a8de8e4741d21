//! Turning what the person typed as their area into a place, on the device.

use genie_core::area::{distance_km, AreaLookup, LatLon};

const LOOKUP: &str = r#"{"version":1,"area":"Millbrook","places":[
  {"name":"Riverside","kind":"neighbourhood","lat":52.59,"lon":-1.94},
  {"name":"MB2 7QD","kind":"postcode","lat":52.592,"lon":-1.936},
  {"name":"MB2 1AA","kind":"postcode","lat":52.594,"lon":-1.940},
  {"name":"MB1 1ED","kind":"postcode","lat":52.600,"lon":-1.950},
  {"name":"Nowhere","kind":"postcode","lat":123.0,"lon":0.0},
  {"name":"","kind":"neighbourhood","lat":52.0,"lon":-1.0}
]}"#;

#[test]
fn finds_postcodes_and_neighbourhoods_however_they_are_typed() {
    let lookup = AreaLookup::parse(LOOKUP).expect("a lookup");
    let cases = [
        ("MB2 7QD", Some((52.592, -1.936))),
        ("mb27qd", Some((52.592, -1.936))),
        (" riverside ", Some((52.59, -1.94))),
        ("RIVERSIDE", Some((52.59, -1.94))),
        // Unknown postcode in a known district: the middle of that district.
        ("MB2 9ZZ", Some((52.593, -1.938))),
        ("MB9 9ZZ", None),
        ("Atlantis", None),
        ("", None),
        ("Nowhere", None),
    ];
    for (query, expected) in cases {
        let found = lookup.locate(query).map(|p| (p.lat, p.lon));
        match (found, expected) {
            (Some((lat, lon)), Some((elat, elon))) => {
                assert!(
                    (lat - elat).abs() < 1e-9 && (lon - elon).abs() < 1e-9,
                    "{query}: {found:?}"
                )
            }
            (None, None) => {}
            _ => panic!("{query}: expected {expected:?}, found {found:?}"),
        }
    }
}

#[test]
fn bad_places_are_dropped_and_bad_files_refused() {
    let lookup = AreaLookup::parse(&format!("\u{feff}{LOOKUP}")).expect("a BOM is fine");
    assert_eq!(lookup.places.len(), 4);
    assert_eq!(AreaLookup::parse("not json"), None);
    assert_eq!(AreaLookup::parse("[1,2]"), None);
}

#[test]
fn distances_are_in_kilometres() {
    let a = LatLon {
        lat: 52.6,
        lon: -1.95,
    };
    let b = LatLon {
        lat: 52.6,
        lon: -1.935,
    };
    let km = distance_km(a, b);
    assert!((km - 1.013).abs() < 0.01, "{km}");
    assert_eq!(distance_km(a, a), 0.0);
}
