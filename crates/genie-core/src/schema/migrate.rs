//! Steps that bring an older record's data up one version. Each step takes the old JSON and
//! returns the new JSON, keeping every piece of the person's information it can.

use serde_json::{json, Value};

use crate::model::{AgeBand, Condition, Gender};

/// Profile 1 to 2: `postcode` became `area` (it may also be a neighbourhood name); the single
/// free-text `condition` became a set of known conditions plus `other_condition` for the rest;
/// age bands were written "70-79" and are now "70_79".
pub(super) fn profile_v1_to_v2(old: Value) -> Result<Value, String> {
    let Value::Object(old) = old else {
        return Err("profile is not an object".into());
    };
    let text = |field: &str| {
        old.get(field)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .trim()
            .to_string()
    };

    let age_band = AgeBand::parse(&text("age_band").replace('-', "_")).map(AgeBand::as_str);
    let gender = Gender::parse(&text("gender").to_lowercase()).map(Gender::as_str);

    let mut conditions = Vec::new();
    let mut other = Vec::new();
    let condition = text("condition");
    for part in condition.split([',', ';']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        match condition_from_words(part) {
            Some(known) => conditions.push(known.as_str()),
            None => other.push(part),
        }
    }

    Ok(json!({
        "area": text("postcode"),
        "age_band": age_band,
        "gender": gender,
        "conditions": conditions,
        "other_condition": other.join(", "),
        "updated_at": old.get("updated_at").and_then(Value::as_i64).unwrap_or(0),
    }))
}

/// Recognises the common ways people wrote a condition in the prototype's free-text box.
fn condition_from_words(words: &str) -> Option<Condition> {
    let lower = words.to_lowercase();
    let has = |needle: &str| lower.contains(needle);
    Some(if has("diabet") {
        Condition::Diabetes
    } else if has("copd") || has("lung") || has("emphysema") || has("bronchitis") {
        Condition::Copd
    } else if has("heart") || has("cardiac") {
        Condition::HeartDisease
    } else if has("kidney") || has("renal") {
        Condition::KidneyDisease
    } else if has("arthritis") {
        Condition::Arthritis
    } else if has("depress") || has("anxiety") || has("mental") || has("bipolar") {
        Condition::MentalHealth
    } else if has("lonel") || has("isolat") {
        Condition::Loneliness
    } else {
        return None;
    })
}

/// Wave 1 to 2: each well-being answer now has three states (not asked yet, declined,
/// answered) where version 1 had a number or nothing.
///
/// A missing loneliness answer in a wave where the loneliness questions were touched
/// becomes "declined": version 1 showed it with "Prefer not to answer" selected, so that is
/// what the person saw and kept. A missing ONS4 answer stays "not asked": version 1 showed it
/// as "Not answered", which declined nothing. Questions never touched (no `loneliness` or
/// `wellbeing` at all) stay not asked. Numbers are kept as they were.
pub(super) fn wave_v1_to_v2(old: Value) -> Result<Value, String> {
    let Value::Object(mut wave) = old else {
        return Err("wave is not an object".into());
    };
    if let Some(Value::Object(loneliness)) = wave.get_mut("loneliness") {
        for item in ["lack_companionship", "left_out", "isolated"] {
            let missing = loneliness.get(item).map_or(true, Value::is_null);
            if missing {
                loneliness.insert(item.into(), Value::from("declined"));
            }
        }
    }
    if let Some(Value::Object(wellbeing)) = wave.get_mut("wellbeing") {
        // No value is "not asked" in version 2 too; nulls are simply dropped.
        wellbeing.retain(|_, v| !v.is_null());
    }
    Ok(Value::Object(wave))
}
