//! Checked entries kept in the packed form read back exactly, and bytes that are not what
//! this build wrote (cut short, damaged, another layout) are refused, never misread and
//! never a panic.

use std::collections::BTreeSet;

use genie_core::directory::generate::realistic;
use genie_core::directory::packed::{layout, pack, unpack, PackError};
use genie_core::directory::{
    Contact, Cost, Date, Location, Precision, Reach, Resource, Session, Status,
};
use genie_core::model::{AccessNeed, DayPart, SubCategory, Weekday};
use proptest::prelude::*;

/// One entry of every shape the format distinguishes.
fn every_shape() -> Vec<Resource> {
    let base = Resource {
        id: "a".into(),
        name: "Café Ελληνικά — 茶".into(),
        description: String::new(),
        subcategories: BTreeSet::from([SubCategory::ALL[0]]),
        reach: Reach::National,
        sessions: Vec::new(),
        cost: Cost::Unknown,
        access: BTreeSet::new(),
        languages: Vec::new(),
        contact: Contact::default(),
        checked: None,
        status: Status::Active,
    };
    let mut out = vec![base.clone()];
    out.push(Resource {
        id: "b".into(),
        description: "x".repeat(300),
        subcategories: SubCategory::ALL.iter().copied().collect(),
        reach: Reach::Local {
            location: Location {
                lat: -33.868_820_1,
                lon: 151.209_295_5,
                address: "1 Long Street".into(),
                postcode: "MB1 2AB".into(),
                precision: Precision::Postcode,
            },
        },
        sessions: Weekday::ALL
            .iter()
            .zip(DayPart::ALL.iter().cycle())
            .map(|(&day, &part)| Session {
                day,
                part,
                starts: Some("10:00".into()),
                ends: None,
            })
            .collect(),
        cost: Cost::Paid {
            minor_units: 1_000_000,
        },
        access: AccessNeed::ALL.iter().copied().collect(),
        languages: vec!["en".into(), "pl".into()],
        contact: Contact {
            phone: "0161 000 0000".into(),
            email: "a@example.org".into(),
            website: "https://example.org".into(),
        },
        checked: Some(Date {
            year: 2025,
            month: 3,
            day: 14,
        }),
        status: Status::Defunct,
        ..base.clone()
    });
    out.push(Resource {
        id: "c".into(),
        reach: Reach::Online,
        cost: Cost::Free,
        status: Status::Inactive,
        ..base.clone()
    });
    out.push(Resource {
        id: "d".into(),
        reach: Reach::Local {
            location: Location {
                lat: 0.0,
                lon: -0.0,
                address: String::new(),
                postcode: String::new(),
                precision: Precision::Exact,
            },
        },
        ..base
    });
    out
}

#[test]
fn every_shape_reads_back_exactly() {
    let list = every_shape();
    assert_eq!(unpack(&pack(&list)), Ok(list));
    assert_eq!(unpack(&pack(&[])), Ok(Vec::new()));
}

#[test]
fn a_generated_directory_reads_back_exactly_and_smaller_than_its_json() {
    let dir = realistic(3_000, 7, (52.6, -1.95), "MB");
    let packed = pack(&dir.resources);
    let json = serde_json::to_vec(&dir.resources).unwrap_or_default();
    assert!(
        packed.len() < json.len(),
        "{} >= {}",
        packed.len(),
        json.len()
    );
    assert_eq!(unpack(&packed), Ok(dir.resources));
}

#[test]
fn bytes_cut_short_anywhere_are_refused() {
    let packed = pack(&every_shape());
    for end in 0..packed.len() {
        assert!(
            unpack(&packed[..end]).is_err(),
            "cut at {end} of {}",
            packed.len()
        );
    }
    let mut longer = packed.clone();
    longer.push(0);
    assert_eq!(unpack(&longer), Err(PackError::Damaged));
}

#[test]
fn another_layout_is_refused_as_such() {
    let mut packed = pack(&every_shape());
    assert_eq!(packed[4..12], layout().to_le_bytes());
    // The fingerprint of the closed lists follows the four-byte mark.
    packed[6] ^= 0x01;
    assert_eq!(unpack(&packed), Err(PackError::OtherLayout));
    let mut other = pack(&every_shape());
    other[0] = b'X';
    assert_eq!(unpack(&other), Err(PackError::OtherLayout));
    assert_eq!(unpack(b"{\"version\":1}"), Err(PackError::OtherLayout));
}

#[test]
fn a_damaged_count_reserves_nothing_huge_and_is_refused() {
    let mut packed = pack(&every_shape()[..1]);
    // The count follows the twelve-byte header: make it claim far more entries than follow.
    packed[12] = 0xff;
    packed.insert(13, 0xff);
    packed.insert(14, 0xff);
    packed.insert(15, 0x7f);
    assert_eq!(unpack(&packed), Err(PackError::Damaged));
}

#[test]
fn the_smallest_entry_takes_the_bytes_the_reader_counts_on() {
    let smallest = Resource {
        id: String::new(),
        name: String::new(),
        description: String::new(),
        subcategories: BTreeSet::new(),
        reach: Reach::National,
        sessions: Vec::new(),
        cost: Cost::Free,
        access: BTreeSet::new(),
        languages: Vec::new(),
        contact: Contact::default(),
        checked: None,
        status: Status::Active,
    };
    // Header (12) and a one-byte count, then the entry.
    assert_eq!(pack(&[smallest]).len() - 13, 14);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Damage anywhere after the header gives an error or some entries, never a panic.
    #[test]
    fn damaged_bytes_never_panic(flips in prop::collection::vec((any::<usize>(), any::<u8>()), 1..8)) {
        let mut packed = pack(&every_shape());
        for (at, byte) in flips {
            let i = 12 + at % (packed.len() - 12);
            packed[i] = byte;
        }
        let _ = unpack(&packed);
    }
}
