//! `schema::decode` never panics: any text, any envelope, any version number gives a record or
//! an error; and what `encode` writes, `decode` reads back unchanged.

#[path = "prop_support.rs"]
mod support;

use genie_core::model::*;
use genie_core::schema::{self, DecodeError, Record};
use proptest::prelude::*;
use serde_json::{json, Value};
use support::*;

fn decode_every_kind(text: &str) {
    let _ = schema::decode::<Profile>(text);
    let _ = schema::decode::<Preferences>(text);
    let _ = schema::decode::<Wave>(text);
    let _ = schema::decode::<Choice>(text);
}

fn pick<T: Copy + std::fmt::Debug>(all: &'static [T]) -> impl Strategy<Value = Option<T>> {
    prop::option::of(prop::sample::select(all))
}

fn profile() -> impl Strategy<Value = Profile> {
    (
        ".{0,20}",
        pick(AgeBand::ALL),
        pick(Gender::ALL),
        prop::collection::btree_set(prop::sample::select(Condition::ALL), 0..4),
        ".{0,20}",
        any::<i64>(),
    )
        .prop_map(
            |(area, age_band, gender, conditions, other_condition, at)| Profile {
                area,
                age_band,
                gender,
                conditions,
                other_condition,
                updated_at: Timestamp(at),
            },
        )
}

fn wave() -> impl Strategy<Value = Wave> {
    (
        any::<u32>(),
        any::<i64>(),
        prop::option::of(any::<i64>()),
        prop::collection::vec(
            (
                ".{0,12}",
                prop::sample::select(MemberKind::ALL),
                prop::sample::select(Circle::ALL),
                pick(Relationship::ALL),
                ".{0,12}",
            ),
            0..8,
        ),
        prop::collection::vec((0u32..8, 0u32..8), 0..6),
    )
        .prop_map(|(id, started, closed, members, ties)| {
            let mut wave = Wave::first(Timestamp(started));
            wave.id = WaveId(id);
            wave.closed_at = closed.map(Timestamp);
            for (name, kind, circle, relationship, notes) in members {
                let member = wave.network.add(name, kind, circle);
                if let Some(m) = wave.network.get_mut(member) {
                    m.relationship = relationship;
                    m.notes = notes;
                }
            }
            for (a, b) in ties {
                wave.network.tie(MemberId(a), MemberId(b));
            }
            wave
        })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_text(text in ".{0,200}") {
        decode_every_kind(&text);
    }

    #[test]
    fn any_json(value in json()) {
        decode_every_kind(&value.to_string());
    }

    #[test]
    fn any_version_and_data(version in json(), data in json(), extra in json()) {
        let envelope = json!({"schema": version, "data": data, "open": extra});
        decode_every_kind(&envelope.to_string());
    }

    #[test]
    fn a_prototype_profile_of_any_shape(data in json()) {
        // Version 1 profiles go through a migration, which must cope with anything.
        let result = schema::decode::<Profile>(&json!({"schema": 1, "data": data}).to_string());
        if let Err(error) = result {
            let is_migration_or_shape =
                matches!(error, DecodeError::Migration { .. } | DecodeError::Shape(_));
            prop_assert!(is_migration_or_shape);
        }
    }

    #[test]
    fn newer_versions_are_always_refused(extra in 1u64..1_000_000, data in json()) {
        let found = u64::from(Wave::VERSION) + extra;
        let result = schema::decode::<Wave>(&json!({"schema": found, "data": data}).to_string());
        let refused = matches!(
            result,
            Err(DecodeError::Newer { .. }) | Err(DecodeError::NoVersion)
        );
        prop_assert!(refused);
    }

    #[test]
    fn profiles_round_trip(profile in profile()) {
        let text = schema::encode(&profile);
        prop_assert_eq!(schema::decode::<Profile>(&text), Ok(profile));
    }

    #[test]
    fn waves_round_trip(wave in wave()) {
        let text = schema::encode(&wave);
        let envelope: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        prop_assert_eq!(envelope.get("open").is_some(), wave.is_open());
        prop_assert_eq!(schema::decode::<Wave>(&text), Ok(wave));
    }
}
