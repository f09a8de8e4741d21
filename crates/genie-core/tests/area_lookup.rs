//! Turning what the person typed as their area into a place, on the device.

use genie_core::area::{distance_km, AreaLookup, AreaSettings, LatLon};

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

#[test]
fn the_nearest_neighbourhood_is_found_only_within_reach() {
    let lookup = AreaLookup::parse(
        r#"{"places":[
          {"name":"Riverside","kind":"neighbourhood","lat":52.59,"lon":-1.94},
          {"name":"Old Town","kind":"neighbourhood","lat":52.60,"lon":-1.95},
          {"name":"MB2 7QD","kind":"postcode","lat":52.5951,"lon":-1.9451}
        ]}"#,
    )
    .expect("a lookup");
    // Nearer Old Town than Riverside; the postcode in between is not a neighbourhood.
    let near_old_town = LatLon {
        lat: 52.598,
        lon: -1.948,
    };
    let found = lookup.nearest_neighbourhood(near_old_town, 5.0);
    assert_eq!(found.map(|p| p.name.as_str()), Some("Old Town"));
    let far_away = LatLon {
        lat: 51.5,
        lon: -0.12,
    };
    assert_eq!(lookup.nearest_neighbourhood(far_away, 5.0), None);
    let nonsense = LatLon {
        lat: f64::NAN,
        lon: 0.0,
    };
    assert_eq!(lookup.nearest_neighbourhood(nonsense, 5.0), None);
}

#[test]
fn area_settings_read_the_sample_and_check_the_feedback_address() {
    use genie_core::area::AreaSettings;
    let sample = include_str!("../../../public/area/area.json");
    let settings = AreaSettings::parse(sample).expect("the sample settings");
    assert_eq!(settings.name, "Millbrook and district");
    assert!(settings.feedback_address().is_some());
    for bad in [
        "",
        "nobody",
        "a@b",
        "a@.b",
        "a b@c.d",
        "x@y.z?cc=other@evil.example",
    ] {
        let settings = AreaSettings {
            feedback_email: bad.into(),
            ..AreaSettings::default()
        };
        assert_eq!(settings.feedback_address(), None, "{bad}");
    }
    assert_eq!(AreaSettings::parse("[1,2]"), None);
    // Older files without the newer fields still read.
    let old = AreaSettings::parse(r#"{"version":1,"name":"Old"}"#).expect("settings");
    assert_eq!(old.feedback_email, "");
}

#[test]
fn theme_colours_are_used_only_in_readable_pairs() {
    use genie_core::area::{AreaSettings, Theme};
    let theme = |accent: &str, accent_text: Option<&str>| Theme {
        accent: Some(accent.into()),
        accent_text: accent_text.map(String::from),
        ..Theme::default()
    };
    // A dark accent with Genie's white text on it: readable, used.
    assert_eq!(
        theme("#2A6", Some("#000")).usable(),
        vec![
            ("accent", "#22aa66".to_string()),
            ("accent_text", "#000000".to_string())
        ]
    );
    assert_eq!(
        theme("#0b3d2e", None).usable(),
        vec![
            ("accent", "#0b3d2e".to_string()),
            ("accent_text", "#ffffff".to_string())
        ]
    );
    // Yellow with white text fails AA: the pair is dropped whole.
    assert!(theme("#ffeb3b", None).usable().is_empty());
    // Not a colour at all (or an attempt at CSS): dropped.
    assert!(theme("red; background:url(x)", None).usable().is_empty());
    assert!(Theme::default().usable().is_empty());

    let settings = |logo: &str| AreaSettings {
        logo: logo.into(),
        ..AreaSettings::default()
    };
    assert_eq!(
        settings("logo.svg").logo_path().as_deref(),
        Some("area/logo.svg")
    );
    for bad in [
        "",
        "../secret.png",
        "https://tracker.example/logo.png",
        "a/b.png",
        ".hidden",
    ] {
        assert_eq!(settings(bad).logo_path(), None, "{bad}");
    }
}

#[test]
fn area_words_follow_the_language_and_fall_back_to_the_first() {
    use genie_core::area::AreaSettings;
    let settings = AreaSettings::parse(
        r#"{"name":"A","languages":["en","nl","el"],"help_text":"Help","contact":"Call",
            "texts":{"nl":{"help_text":"Hulp","contact":""},"EL":{"contact":"Τηλέφωνο"}},
            "currency":"EUR"}"#,
    )
    .expect("settings");
    // (language, help text, contact)
    let cases = [
        ("en", "Help", "Call"),
        ("nl", "Hulp", "Call"),
        ("nl-BE", "Hulp", "Call"),
        ("el", "Help", "Τηλέφωνο"),
        ("es", "Help", "Call"),
    ];
    for (tag, help, contact) in cases {
        assert_eq!(settings.help_text_in(tag), help, "{tag}");
        assert_eq!(settings.contact_in(tag), contact, "{tag}");
    }
    assert_eq!(settings.currency_code(), "EUR");
    for (currency, code) in [("", "GBP"), ("eur", "GBP"), ("EURO", "GBP"), ("NOK", "NOK")] {
        let settings = AreaSettings {
            currency: currency.into(),
            ..AreaSettings::default()
        };
        assert_eq!(settings.currency_code(), code, "{currency:?}");
    }
}

#[test]
fn the_place_examples_are_the_areas_own_and_optional() {
    let cases: [(&str, &[&str]); 4] = [
        (
            r#"{"name": "A", "postcode_example": "MB1 1ED", "place_example": "Riverside"}"#,
            &["MB1 1ED", "Riverside"],
        ),
        (
            r#"{"name": "A", "place_example": " Kypseli "}"#,
            &["Kypseli"],
        ),
        (r#"{"name": "A", "postcode_example": "  "}"#, &[]),
        // An older file, written before the examples: none, and the rest still reads.
        (r#"{"name": "A", "help_text": "Hi"}"#, &[]),
    ];
    for (json, expected) in cases {
        let settings = AreaSettings::parse(json).unwrap();
        assert_eq!(settings.examples(), expected, "{json}");
    }
}
