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
