//! Every stored record kind survives encode then decode unchanged, and the envelope says its
//! version.

mod common;

use common::{sample_network, sample_profile};
use genie_core::model::*;
use genie_core::schema::{decode, encode, DecodeError, Record};

fn round_trip<R: Record + PartialEq + std::fmt::Debug>(record: R) {
    let json = encode(&record);
    let envelope: serde_json::Value = serde_json::from_str(&json).expect("envelope is JSON");
    assert_eq!(
        envelope["schema"],
        R::VERSION,
        "envelope carries the version"
    );
    let back: R = decode(&json).expect("decodes");
    assert_eq!(back, record);
}

#[test]
fn profile_round_trips() {
    round_trip(sample_profile());
    round_trip(Profile::default());
}

#[test]
fn preferences_round_trip() {
    round_trip(Preferences {
        interests: [Interest::Creative, Interest::HelpOthers].into(),
        travel: [TravelMode::Bus, TravelMode::Lift].into(),
        max_distance_km: Some(3.5),
        cost: CostLimit::UpTo { minor_units: 300 },
        times: [TimeSlot {
            day: Weekday::Tuesday,
            part: DayPart::Morning,
        }]
        .into(),
        access: [AccessNeed::StepFree].into(),
        languages: vec!["en".into(), "pl".into()],
    });
    round_trip(Preferences::default());
}

#[test]
fn wave_round_trips_with_its_whole_network() {
    let mut wave = Wave::first(Timestamp(1_000));
    wave.network = sample_network();
    wave.wellbeing = Some(Wellbeing {
        life_satisfaction: Answer::Given(6),
        worthwhile: Answer::NotAsked,
        happiness: Answer::Given(7),
        anxiety: Answer::Given(3),
    });
    wave.loneliness = Some(Loneliness {
        lack_companionship: Answer::Given(2),
        left_out: Answer::Given(1),
        isolated: Answer::Declined,
    });
    round_trip(wave.clone());
    let next = wave.close_and_continue(Timestamp(2_000));
    round_trip(wave);
    round_trip(next);
}

#[test]
fn choice_round_trips_with_plan_and_check_ins() {
    round_trip(Choice {
        id: ChoiceId(4),
        resource_id: "walk-01".into(),
        resource_name: "Health walk, Millbrook Park".into(),
        resource_at: Some(genie_core::area::LatLon {
            lat: 52.6,
            lon: -1.95,
        }),
        chosen_at: Timestamp(5),
        status: ChoiceStatus::Going,
        plan: Plan {
            first_step: "Ring Sue".into(),
            when: Some(Timestamp(99)),
            with_member: Some(MemberId(2)),
            expected_barriers: [Barrier::Transport].into(),
            when_text: "Tuesday after next".into(),
            travel: Some(TravelMode::Bus),
        },
        check_ins: vec![CheckIn {
            at: Timestamp(1_209_600_000),
            tried: Tried::Yes,
            how_it_went: Some(4),
            go_again: Some(true),
            barriers: [Barrier::Timing].into(),
            note: "Windy".into(),
        }],
        entry_note: EntryNote {
            problems: [ReportedProblem::WrongTime].into(),
            text: "Starts at 11, not 10".into(),
            updated_at: Timestamp(1_209_700_000),
        },
        check_in_draft: Some(CheckInDraft {
            tried: Some(Tried::NotYet),
            how_it_went: None,
            go_again: None,
            barriers: [Barrier::Health].into(),
            note: "Half written".into(),
        }),
        on_map: Some(MemberId(12)),
    });
}

#[test]
fn open_wave_is_marked_for_the_unique_index_and_a_closed_one_is_not() {
    let mut wave = Wave::first(Timestamp(0));
    let open: serde_json::Value = serde_json::from_str(&encode(&wave)).expect("JSON");
    assert_eq!(open["open"], 1);
    let _next = wave.close_and_continue(Timestamp(10));
    let closed: serde_json::Value = serde_json::from_str(&encode(&wave)).expect("JSON");
    assert!(closed.get("open").is_none());
}

#[test]
fn stored_words_are_stable() {
    // These words are in people's stored data and exported files: renaming one is a schema
    // change, not a refactor.
    let json = encode(&sample_profile());
    for word in ["\"70_79\"", "\"woman\"", "\"copd\"", "\"arthritis\""] {
        assert!(json.contains(word), "{word} missing from {json}");
    }
    let net = serde_json::to_string(&sample_network()).expect("JSON");
    for word in [
        "\"pet\"",
        "\"inner\"",
        "\"partner\"",
        "\"daily\"",
        "\"medication\"",
    ] {
        assert!(net.contains(word), "{word} missing from {net}");
    }
}

#[test]
fn every_word_parses_back_to_its_variant() {
    for kind in MemberKind::ALL {
        assert_eq!(MemberKind::parse(kind.as_str()), Some(*kind));
    }
    for task in SupportTask::ALL {
        assert_eq!(SupportTask::parse(task.as_str()), Some(*task));
    }
    for sub in SubCategory::ALL {
        assert_eq!(SubCategory::parse(sub.as_str()), Some(*sub));
    }
    assert_eq!(Circle::parse("nowhere"), None);
}

#[test]
fn bad_envelopes_are_reported_not_panicked_on() {
    type Expect = fn(&DecodeError) -> bool;
    let cases: &[(&str, Expect)] = &[
        ("not json", |e| matches!(e, DecodeError::NotJson(_))),
        ("{\"data\":{}}", |e| matches!(e, DecodeError::NoVersion)),
        ("{\"schema\":\"two\",\"data\":{}}", |e| {
            matches!(e, DecodeError::NoVersion)
        }),
        ("{\"schema\":99,\"data\":{}}", |e| {
            matches!(e, DecodeError::Newer { found: 99, .. })
        }),
        ("{\"schema\":2}", |e| matches!(e, DecodeError::Shape(_))),
        ("{\"schema\":2,\"data\":{\"age_band\":\"ancient\"}}", |e| {
            matches!(e, DecodeError::Shape(_))
        }),
        ("{\"schema\":0,\"data\":{}}", |e| {
            matches!(e, DecodeError::Migration { from: 0, .. })
        }),
    ];
    for (json, expected) in cases {
        let error = decode::<Profile>(json).expect_err(json);
        assert!(expected(&error), "{json}: got {error:?}");
    }
}

/// A record as encoded, with its envelope changed by `change`.
fn restamped<R: Record>(record: &R, change: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut envelope: serde_json::Value = serde_json::from_str(&encode(record)).expect("JSON");
    change(&mut envelope);
    envelope.to_string()
}

#[test]
fn travel_by_bicycle_is_kept_and_records_from_before_it_still_load() {
    let mut prefs = Preferences {
        travel: [TravelMode::Walk, TravelMode::Bus].into(),
        ..Preferences::default()
    };
    // Written by the version before cycling (schema 1): read as it is.
    let old = restamped(&prefs, |e| e["schema"] = 1.into());
    assert_eq!(decode::<Preferences>(&old).expect("loads"), prefs);
    prefs.travel.insert(TravelMode::Cycle);
    let json = encode(&prefs);
    assert!(json.contains("\"cycle\""), "{json}");
    round_trip(prefs.clone());
    // An older app sees a newer record, and leaves it alone rather than misread it.
    let newer = restamped(&prefs, |e| e["schema"] = (Preferences::VERSION + 1).into());
    assert!(matches!(
        decode::<Preferences>(&newer),
        Err(DecodeError::Newer { .. })
    ));

    let choice = Choice {
        id: ChoiceId(1),
        resource_id: "walk-01".into(),
        resource_name: "Health walk".into(),
        resource_at: None,
        chosen_at: Timestamp(5),
        status: ChoiceStatus::Going,
        plan: Plan {
            travel: Some(TravelMode::Bus),
            ..Plan::default()
        },
        check_ins: Vec::new(),
        entry_note: EntryNote::default(),
        check_in_draft: None,
        on_map: None,
    };
    let old = restamped(&choice, |e| e["schema"] = 1.into());
    assert_eq!(decode::<Choice>(&old).expect("loads"), choice);
    round_trip(Choice {
        plan: Plan {
            travel: Some(TravelMode::Cycle),
            ..Plan::default()
        },
        ..choice
    });
}
