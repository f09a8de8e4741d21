//! Hand-over: the one-time code, the frame, cutting it into parts that each fit a QR code
//! and gathering them back in any order across page loads, used ids, what arrived, and when
//! a supporter session has been left open too long.

use genie_core::area::AreaSettings;
use genie_core::backup::{Contents, Encrypted, ITERATIONS};
use genie_core::handover::{
    self, arrived, expired, qr_picture, split, wait_after, wait_words, Attempts, Code, CodeError,
    Frame, FrameError, GatherError, Gathered, Part, PartError, UsedIds, WaitWords, CODE_LEN,
    FREE_TRIES, LONGEST_WAIT_MS, MAX_USED, PART_DATA, QUIET_ZONE,
};
use genie_core::layout::sample;
use genie_core::model::{Profile, Timestamp, Wave};

fn frame(bytes: usize, seed: u8) -> Frame {
    Frame {
        compressed: true,
        sealed: Encrypted {
            iterations: ITERATIONS,
            salt: [seed; 16],
            iv: [seed.wrapping_add(1); 12],
            ciphertext: (0..bytes).map(|i| (i % 251) as u8 ^ seed).collect(),
        },
    }
}

#[test]
fn codes_are_read_as_people_type_them() {
    let code = Code::from_random([0, 1, 2, 3, 31, 32, 200, 255, 18, 21]);
    assert_eq!(code.secret(), "0123Z08ZJN");
    assert_eq!(code.display(), "0123Z-08ZJN");
    for typed in [
        "0123Z-08ZJN",
        "0123z08zjn",
        " 0123 z08z jn ",
        "O123Z-O8ZJN",
        "0i23z-08zjn",
        "0l23Z-08ZJN",
    ] {
        assert_eq!(Code::parse(typed), Ok(code.clone()), "{typed}");
    }
    assert_eq!(Code::parse("0123Z"), Err(CodeError::Length { found: 5 }));
    assert_eq!(
        Code::parse("0123Z-08ZJNX"),
        Err(CodeError::Length { found: 11 })
    );
    assert_eq!(Code::parse("0123U-08ZJN"), Err(CodeError::Character('U')));
    assert_eq!(Code::parse("0123é-08ZJN"), Err(CodeError::Character('é')));
}

#[test]
fn every_character_is_equally_likely() {
    // Every byte value once: each of the 32 characters must come up exactly 8 times.
    let mut counts = std::collections::BTreeMap::new();
    for chunk in (0u8..=255).collect::<Vec<_>>().chunks(CODE_LEN) {
        let mut bytes = [0u8; CODE_LEN];
        bytes[..chunk.len()].copy_from_slice(chunk);
        let code = Code::from_random(bytes);
        for c in code.secret().chars().take(chunk.len()) {
            *counts.entry(c).or_insert(0) += 1;
        }
    }
    assert_eq!(counts.len(), 32);
    assert!(counts.values().all(|n| *n == 8), "{counts:?}");
}

#[test]
fn a_frame_reads_back_and_refuses_damage() {
    let original = frame(500, 7);
    let bytes = original.to_bytes();
    assert_eq!(Frame::from_bytes(&bytes), Ok(original.clone()));

    let mut newer = bytes.clone();
    newer[0] = 2;
    assert_eq!(Frame::from_bytes(&newer), Err(FrameError::Newer));
    let mut flags = bytes.clone();
    flags[1] = 0x80;
    assert_eq!(Frame::from_bytes(&flags), Err(FrameError::Damaged));
    let mut weak = bytes.clone();
    weak[2..6].copy_from_slice(&1000u32.to_be_bytes());
    assert_eq!(Frame::from_bytes(&weak), Err(FrameError::Damaged));
    for cut in [0, 1, 10, 33, 34 + 15] {
        assert_eq!(
            Frame::from_bytes(&bytes[..cut]),
            Err(FrameError::Damaged),
            "{cut}"
        );
    }
}

#[test]
fn parts_make_links_and_gather_back_in_any_order() {
    for (bytes, expected_parts) in [(16, 1), (560, 1), (620, 2), (2000, 4)] {
        let original = frame(bytes, 3);
        let parts = split(&original, PART_DATA).expect("fits");
        assert_eq!(parts.len(), expected_parts, "{bytes} bytes");
        for part in &parts {
            assert!(part.data.len() <= PART_DATA);
            let fragment = part.fragment();
            assert!(!fragment.contains(['#', '?', '+', '=']), "{fragment}");
            assert_eq!(Part::parse(&fragment), Some(Ok(part.clone())));
        }
        // Backwards, with the first read twice: still the same frame.
        let mut order: Vec<Part> = parts.iter().rev().cloned().collect();
        order.push(parts[0].clone());
        let mut gathered = Gathered::new(order[0].clone());
        for (read, part) in order.iter().enumerate().skip(1) {
            assert!(!gathered.is_complete() || read >= parts.len());
            gathered = gathered.with(part.clone()).expect("same hand-over");
        }
        assert_eq!(gathered.received(), parts.len());
        // Kept between page loads as JSON.
        let kept = Gathered::from_json(&gathered.to_json()).expect("kept");
        assert_eq!(kept.assemble(), Some(Ok(original)));
    }
}

#[test]
fn an_incomplete_or_mixed_set_is_not_a_frame() {
    let parts = split(&frame(2000, 1), PART_DATA).expect("fits");
    let mut gathered = Gathered::new(parts[0].clone());
    gathered = gathered.with(parts[1].clone()).expect("same");
    assert_eq!(gathered.assemble(), None);

    // A code of the same hand-over with other data, or another count, is refused.
    let mut forged = parts[2].clone();
    forged.data.replace_range(
        0..1,
        if forged.data.starts_with('A') {
            "B"
        } else {
            "A"
        },
    );
    let mut other_count = parts[2].clone();
    other_count.count += 1;
    let with_forged = gathered.clone().with(forged).expect("new index");
    assert_eq!(
        with_forged.clone().with(parts[2].clone()),
        Err(GatherError::Mismatch)
    );
    assert_eq!(
        gathered.clone().with(other_count),
        Err(GatherError::Mismatch)
    );

    // A code of a newer hand-over starts again from it.
    let newer = split(&frame(100, 9), PART_DATA).expect("fits");
    let restarted = gathered.with(newer[0].clone()).expect("newer");
    assert_eq!(restarted.id, newer[0].id);
    assert_eq!(restarted.received(), 1);
    assert!(restarted.is_complete());
}

#[test]
fn fragments_that_are_not_parts_say_why() {
    assert_eq!(Part::parse("/about-you"), None);
    assert_eq!(Part::parse("/"), None);
    assert_eq!(Part::parse("/h/2/abc"), Some(Err(PartError::Newer)));
    let good = split(&frame(40, 2), PART_DATA).expect("fits")[0].fragment();
    let bad = [
        "/h/x/".to_string(),
        "/h/1/short/1/1/AAAA".to_string(),
        good.replace("/1/1/", "/2/1/"),
        good.replace("/1/1/", "/0/1/"),
        good.replace("/1/1/", "/1/100/"),
        format!("{good}/more"),
        format!("{good}%20"),
        good.rsplit_once('/')
            .map(|(head, _)| format!("{head}/"))
            .unwrap_or_default(),
    ];
    for fragment in bad {
        assert_eq!(
            Part::parse(&fragment),
            Some(Err(PartError::Damaged)),
            "{fragment}"
        );
    }
    assert_eq!(Gathered::from_json("not json"), None);
    assert_eq!(
        Gathered::from_json(r#"{"id":"x","count":0,"parts":{}}"#),
        None
    );
}

#[test]
fn a_device_remembers_the_last_hand_overs_it_took() {
    let mut used = UsedIds::from_json("garbage");
    assert!(!used.contains("a"));
    used.add("a");
    used.add("a");
    assert_eq!(used.0, vec!["a".to_string()]);
    for n in 0..MAX_USED {
        used.add(&n.to_string());
    }
    assert_eq!(used.0.len(), MAX_USED);
    assert!(!used.contains("a"), "the oldest is forgotten");
    assert!(used.contains("0"));
    assert_eq!(UsedIds::from_json(&used.to_json()), used);
}

#[test]
fn what_arrived_names_the_newest_map_and_the_choices() {
    let mut old = Wave::first(Timestamp(1));
    old.network = sample::network(3, 1);
    let mut newest = Wave::first(Timestamp(2));
    newest.id = genie_core::model::WaveId(old.id.0 + 1);
    newest.network = sample::network(5, 2);
    let contents = Contents {
        profile: Some(Profile {
            area: "MB1 1AA".into(),
            ..Profile::default()
        }),
        waves: vec![newest.clone(), old],
        ..Contents::default()
    };
    let seen = arrived(&contents);
    assert!(seen.about_you);
    assert_eq!(seen.maps, 2);
    let names: Vec<String> = newest
        .network
        .members
        .iter()
        .map(|m| m.name.clone())
        .collect();
    assert_eq!(seen.members, names);
    assert!(!arrived(&Contents::default()).about_you);
}

#[test]
fn a_supporter_session_expires_after_the_areas_hours() {
    let start = Timestamp(1_767_225_600_000);
    let hour = 3_600_000;
    let default = AreaSettings::default().supporter_hours();
    assert_eq!(default, 24);
    assert!(!expired(start, Timestamp(start.0 + 24 * hour - 1), default));
    assert!(expired(start, Timestamp(start.0 + 24 * hour), default));
    assert!(
        !expired(start, Timestamp(start.0 - 100 * hour), default),
        "clock went back"
    );
    let short = AreaSettings::parse(r#"{"name":"A","supporter_hours":2}"#).expect("settings");
    assert_eq!(short.supporter_hours(), 2);
    assert!(expired(
        start,
        Timestamp(start.0 + 2 * hour),
        short.supporter_hours()
    ));
    let silly = AreaSettings::parse(r#"{"name":"A","supporter_hours":0}"#).expect("settings");
    assert_eq!(silly.supporter_hours(), 1);
}

#[test]
fn a_link_draws_as_a_qr_code_with_its_finder_patterns() {
    let link = format!(
        "https://genie.example/millbrook/#{}",
        split(&frame(560, 5), PART_DATA).expect("fits")[0].fragment()
    );
    let picture = qr_picture(&link).expect("fits a code");
    let modules = picture.size - 2 * QUIET_ZONE;
    assert_eq!(modules, 17 + 4 * usize::from(picture.version));
    assert!(picture.version <= 22, "version {}", picture.version);
    // The top-left finder pattern's first row is a run of seven dark modules.
    assert!(picture
        .path
        .starts_with(&format!("M{QUIET_ZONE},{QUIET_ZONE}h7v1h-7z")));
    assert!(qr_picture(&"x".repeat(8000)).is_none());
}

#[test]
fn a_hand_over_file_is_marked_and_shares_the_codes_id() {
    let frame = frame(64, 3);
    let file = Encrypted {
        iv: [9; 12],
        ..frame.sealed.clone()
    };
    let marked = file.to_handover_json();
    assert!(Encrypted::is_handover_text(&marked));
    assert!(!Encrypted::is_handover_text(&file.to_json()));
    assert!(!Encrypted::is_handover_text("not json"));
    assert!(!Encrypted::is_handover_text(
        &marked.replace("\"genie_handover\": 1", "\"genie_handover\": 2")
    ));
    // The mark changes nothing else: it reads as the same wrapper.
    assert_eq!(Encrypted::parse(&marked), Ok(file.clone()));
    assert_eq!(handover::id_of(&file), frame.id());
    let other = Encrypted {
        salt: [1; 16],
        ..file
    };
    assert_ne!(handover::id_of(&other), frame.id());
}

#[test]
fn wrong_codes_ask_for_a_growing_wait() {
    let table = [
        (0, 0),
        (1, 0),
        (FREE_TRIES, 0),
        (FREE_TRIES + 1, 30_000),
        (FREE_TRIES + 2, 60_000),
        (FREE_TRIES + 3, 120_000),
        (FREE_TRIES + 4, 240_000),
        (FREE_TRIES + 5, 480_000),
        (FREE_TRIES + 6, LONGEST_WAIT_MS),
        (FREE_TRIES + 40, LONGEST_WAIT_MS),
        (u32::MAX, LONGEST_WAIT_MS),
    ];
    for (wrong, wait) in table {
        assert_eq!(wait_after(wrong), wait, "{wrong}");
    }
}

#[test]
fn the_wait_counts_down_from_the_last_wrong_code_and_survives_a_reload() {
    let t = |s: i64| Timestamp(1_767_225_600_000 + s * 1000);
    let mut attempts = Attempts::from_json("not kept");
    for n in 0..FREE_TRIES {
        attempts = attempts.wrong("id-a", t(i64::from(n)));
        assert_eq!(attempts.wait_left(t(i64::from(n))), 0, "free try {n}");
    }
    attempts = attempts.wrong("id-a", t(10));
    assert_eq!(attempts.wait_left(t(10)), 30_000);
    assert_eq!(attempts.wait_left(t(25)), 15_000);
    assert_eq!(attempts.wait_left(t(40)), 0);
    assert_eq!(attempts.wait_left(t(4000)), 0);
    // A clock set back does not end the wait, nor make it longer than the whole wait.
    assert_eq!(attempts.wait_left(t(-100)), 30_000);
    // Kept and read back, it is the same.
    let kept = Attempts::from_json(&attempts.to_json());
    assert_eq!(kept, attempts);
    assert_eq!(kept.wait_left(t(25)), 15_000);
    let next = kept.wrong("id-a", t(41));
    assert_eq!(next.wait_left(t(41)), 60_000);
    // New codes (another hand-over) start afresh.
    assert_eq!(next.clone().for_id("id-b").wait_left(t(41)), 0);
    assert_eq!(next.wrong("id-b", t(42)).wrong, 1);
}

#[test]
fn a_wait_is_said_in_whole_seconds_or_minutes_rounded_up() {
    let table = [
        (0, WaitWords::Seconds(0)),
        (1, WaitWords::Seconds(1)),
        (1000, WaitWords::Seconds(1)),
        (29_001, WaitWords::Seconds(30)),
        (59_000, WaitWords::Seconds(59)),
        (59_001, WaitWords::Minutes(1)),
        (60_000, WaitWords::Minutes(1)),
        (60_001, WaitWords::Minutes(2)),
        (LONGEST_WAIT_MS, WaitWords::Minutes(15)),
        (-5, WaitWords::Seconds(0)),
    ];
    for (ms, words) in table {
        assert_eq!(wait_words(ms), words, "{ms}");
    }
}

#[test]
fn a_compressed_backup_unpacks_in_the_core_and_damage_or_a_bomb_is_refused() {
    use genie_core::handover::{inflate, InflateError, MAX_INFLATED};
    use miniz_oxide::deflate::compress_to_vec;
    // What a browser's CompressionStream("deflate-raw") writes for a tiny text (node's
    // zlib.deflateRawSync gives the same bytes): a fixed-Huffman block.
    let from_browser = [0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00];
    assert_eq!(inflate(&from_browser), Ok(b"hello".to_vec()));

    let text = serde_json::to_vec(&genie_core::handover::sample::contents(60, 1).waves)
        .expect("the sample is plain data");
    let packed = compress_to_vec(&text, 6);
    assert!(
        packed.len() < text.len() / 2,
        "{} of {}",
        packed.len(),
        text.len()
    );
    assert_eq!(inflate(&packed).as_deref(), Ok(&text[..]));

    assert_eq!(
        inflate(&packed[..packed.len() / 2]),
        Err(InflateError::Damaged)
    );
    assert_eq!(inflate(&[0xff; 40]), Err(InflateError::Damaged));
    let bomb = compress_to_vec(&vec![0u8; MAX_INFLATED + 1], 10);
    assert!(bomb.len() < 100_000);
    assert_eq!(inflate(&bomb), Err(InflateError::TooBig));
}
