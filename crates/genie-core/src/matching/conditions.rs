//! Which entries speak to a health condition the person named on "About you", so those come
//! first among what they asked for. The directory format has no field for conditions (neither
//! has Open Referral), so this reads the entry's name and description, where a condition's
//! words must start a word: "lung" matches "Lung Health Helpline", not "Catalunga". English
//! words only, as the directory's text is; docs/matching.md lists them.

use crate::directory::Resource;
use crate::model::Condition;

/// The words that mark an entry as being for people living with `condition`, lower case.
/// A word matches where it starts a word in the text, so "diabet" matches "diabetes" and
/// "diabetic".
pub fn words(condition: Condition) -> &'static [&'static str] {
    match condition {
        Condition::Diabetes => &["diabet"],
        Condition::Copd => &["copd", "breath", "lung", "respiratory"],
        Condition::HeartDisease => &["heart health", "heart disease", "heart failure", "cardiac"],
        Condition::KidneyDisease => &["kidney", "renal", "dialysis"],
        Condition::Arthritis => &["arthritis", "joint pain", "joints"],
        Condition::MentalHealth => &[
            "mental health",
            "anxiety",
            "depression",
            "low mood",
            "talking therap",
        ],
        Condition::Loneliness => &["lonel", "befriend", "isolat"],
    }
}

/// The first of `conditions` (in their own order) that `resource` is for, if any.
pub fn first_for<'a>(
    resource: &Resource,
    conditions: impl IntoIterator<Item = &'a Condition>,
) -> Option<Condition> {
    let mut conditions = conditions.into_iter().peekable();
    // Most people name none: then there is no text to lower-case.
    conditions.peek()?;
    let text = format!("{} {}", resource.name, resource.description).to_lowercase();
    conditions
        .copied()
        .find(|&condition| words(condition).iter().any(|word| starts_word(&text, word)))
}

/// True when `word` occurs in `text` at the start of a word.
fn starts_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        !matches!(text[..at].chars().next_back(), Some(before) if before.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::starts_word;

    #[test]
    fn a_word_must_start_a_word() {
        assert!(starts_word("heart health club", "heart health"));
        assert!(starts_word("for diabetic people", "diabet"));
        assert!(starts_word("singing (breathing)", "breath"));
        assert!(!starts_word("a heartfelt welcome", "heart health"));
        assert!(!starts_word("catalung", "lung"));
    }
}
