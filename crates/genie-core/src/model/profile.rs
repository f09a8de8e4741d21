//! "About you": the optional facts that tailor suggestions. All of it stays on the device.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::word_enum::word_enum;
use super::Timestamp;

/// Everything here is optional; an empty profile is a valid profile.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    /// A postcode or the name of a neighbourhood, as the person typed it.
    pub area: String,
    pub age_band: Option<AgeBand>,
    pub gender: Option<Gender>,
    pub conditions: BTreeSet<Condition>,
    /// Any other condition, in the person's own words.
    pub other_condition: String,
    pub updated_at: Timestamp,
}

impl Profile {
    /// True when the person has told us nothing yet.
    pub fn is_empty(&self) -> bool {
        self.area.trim().is_empty()
            && self.age_band.is_none()
            && self.gender.is_none()
            && self.conditions.is_empty()
            && self.other_condition.trim().is_empty()
    }
}

word_enum! {
    pub enum AgeBand {
        Under40 = "under_40",
        From40To49 = "40_49",
        From50To59 = "50_59",
        From60To69 = "60_69",
        From70To79 = "70_79",
        From80 = "80_plus",
    }
}

word_enum! {
    pub enum Gender {
        Woman = "woman",
        Man = "man",
        NonBinary = "non_binary",
        Other = "other",
    }
}

word_enum! {
    /// The long-term conditions Genie was made for. Loneliness is listed because people name it
    /// as the thing they live with, even though it is not a diagnosis.
    pub enum Condition {
        Diabetes = "diabetes",
        Copd = "copd",
        HeartDisease = "heart_disease",
        KidneyDisease = "kidney_disease",
        Arthritis = "arthritis",
        MentalHealth = "mental_health",
        Loneliness = "loneliness",
    }
}
