//! Records written by older versions are read and upgraded without losing what the person
//! told us.

use genie_core::model::*;
use genie_core::schema::decode;

/// A profile exactly as the prototype (schema 1) wrote it.
fn v1(postcode: &str, age: &str, gender: &str, condition: &str) -> String {
    serde_json::json!({
        "schema": 1,
        "data": {
            "postcode": postcode,
            "age_band": age,
            "gender": gender,
            "condition": condition,
            "updated_at": 1_700_000_000_000_i64,
        }
    })
    .to_string()
}

#[test]
fn prototype_profile_is_upgraded_field_by_field() {
    let profile: Profile =
        decode(&v1(" MB1 2AB ", "70-79", "Woman", "COPD, arthritis")).expect("migrates");
    assert_eq!(profile.area, "MB1 2AB");
    assert_eq!(profile.age_band, Some(AgeBand::From70To79));
    assert_eq!(profile.gender, Some(Gender::Woman));
    assert_eq!(
        profile.conditions,
        [Condition::Copd, Condition::Arthritis].into()
    );
    assert_eq!(profile.other_condition, "");
    assert_eq!(profile.updated_at, Timestamp(1_700_000_000_000));
}

#[test]
fn free_text_conditions_that_are_not_recognised_are_kept_in_the_persons_words() {
    let cases = [
        ("Type 2 diabetes", vec![Condition::Diabetes], ""),
        (
            "heart failure; glaucoma",
            vec![Condition::HeartDisease],
            "glaucoma",
        ),
        ("Depression", vec![Condition::MentalHealth], ""),
        ("Psoriasis, tinnitus", vec![], "Psoriasis, tinnitus"),
        ("", vec![], ""),
    ];
    for (written, known, other) in cases {
        let profile: Profile = decode(&v1("", "", "", written)).expect(written);
        assert_eq!(profile.conditions, known.into_iter().collect(), "{written}");
        assert_eq!(profile.other_condition, other, "{written}");
    }
}

#[test]
fn unknown_or_missing_prototype_values_become_unanswered() {
    let profile: Profile = decode(&v1("", "about 70", "prefer not", "")).expect("migrates");
    assert_eq!(profile.age_band, None);
    assert_eq!(profile.gender, None);
    assert!(profile.is_empty());

    let sparse = r#"{"schema":1,"data":{}}"#;
    let profile: Profile = decode(sparse).expect("a sparse prototype record still reads");
    assert!(profile.is_empty());
}

#[test]
fn prototype_record_that_is_not_an_object_is_an_error_not_a_panic() {
    let error = decode::<Profile>(r#"{"schema":1,"data":"MB1"}"#).expect_err("not an object");
    assert!(error.to_string().contains("schema 1"), "{error}");
}

/// A wave exactly as version 1 wrote it: every well-being answer a number or null.
fn wave_v1(wellbeing: serde_json::Value, loneliness: serde_json::Value) -> String {
    serde_json::json!({
        "schema": 1,
        "open": 1,
        "data": {
            "id": 1,
            "started_at": 1_700_000_000_000_i64,
            "closed_at": null,
            "network": {},
            "wellbeing": wellbeing,
            "loneliness": loneliness,
        }
    })
    .to_string()
}

#[test]
fn old_well_being_answers_keep_their_meaning_in_three_states() {
    use serde_json::{json, Value};
    // Loneliness touched: a null was shown as "Prefer not to answer" selected, so it stays
    // declined. ONS4's null was shown as "Not answered": not asked. Numbers are kept.
    let wave: Wave = decode(&wave_v1(
        json!({"life_satisfaction": 7, "worthwhile": null, "happiness": 0, "anxiety": null}),
        json!({"lack_companionship": 2, "left_out": null, "isolated": null}),
    ))
    .expect("migrates");
    assert_eq!(
        wave.wellbeing,
        Some(Wellbeing {
            life_satisfaction: Answer::Given(7),
            worthwhile: Answer::NotAsked,
            happiness: Answer::Given(0),
            anxiety: Answer::NotAsked,
        })
    );
    assert_eq!(
        wave.loneliness,
        Some(Loneliness {
            lack_companionship: Answer::Given(2),
            left_out: Answer::Declined,
            isolated: Answer::Declined,
        })
    );

    // Never touched: nothing asked, nothing declined.
    let untouched: Wave = decode(&wave_v1(Value::Null, Value::Null)).expect("migrates");
    assert_eq!(untouched.wellbeing, None);
    assert_eq!(untouched.loneliness, None);

    // Written back at version 2: declined as a word, not asked left out, and read the same.
    let again = genie_core::schema::encode(&wave);
    let stored: Value = serde_json::from_str(&again).expect("json");
    assert_eq!(stored["schema"], 2);
    assert_eq!(stored["data"]["loneliness"]["left_out"], "declined");
    assert_eq!(stored["data"]["wellbeing"].get("worthwhile"), None);
    assert_eq!(decode::<Wave>(&again).expect("reads back"), wave);

    // A word that is not an answer is refused, not guessed.
    let odd = r#"{"schema":2,"data":{"id":1,"started_at":0,"loneliness":{"left_out":"maybe"}}}"#;
    assert!(decode::<Wave>(odd).is_err());
    let not_object = decode::<Wave>(r#"{"schema":1,"data":[1]}"#).expect_err("not an object");
    assert!(not_object.to_string().contains("schema 1"), "{not_object}");
}
