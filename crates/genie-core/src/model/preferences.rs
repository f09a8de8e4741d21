//! What the person would value, and what is practical for them.
//!
//! The eleven questions and the sub-categories they switch on come from the published Genie
//! tool; the practical limits (travel, cost, times, access, language) are ours, because support
//! that is available but not reachable is not support.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::word_enum::word_enum;

word_enum! {
    /// The eleven "I would like..." questions.
    pub enum Interest {
        Creative = "creative",
        Social = "social",
        LearnAboutHealth = "learn_about_health",
        LoseWeight = "lose_weight",
        GetFitter = "get_fitter",
        LearnSkills = "learn_skills",
        Carer = "carer",
        SeeOthers = "see_others",
        StayIndependent = "stay_independent",
        CommunityTransport = "community_transport",
        HelpOthers = "help_others",
    }
}

word_enum! {
    /// Top-level groups of the resource directory.
    pub enum Category {
        Activities = "activities",
        Health = "health",
        Learning = "learning",
        Support = "support",
        IndependentLiving = "independent_living",
        Volunteering = "volunteering",
    }
}

word_enum! {
    /// The sub-categories a resource is filed under.
    pub enum SubCategory {
        ReadingWriting = "reading_writing",
        ArtsCrafts = "arts_crafts",
        DramaMusic = "drama_music",
        SocialClubs = "social_clubs",
        HealthConditions = "health_conditions",
        WeightManagement = "weight_management",
        FitnessExercise = "fitness_exercise",
        Swimming = "swimming",
        WalkingOutdoors = "walking_outdoors",
        EducationLearning = "education_learning",
        CarersSupport = "carers_support",
        Counselling = "counselling",
        Befriending = "befriending",
        HomeSupport = "home_support",
        MoneyAdvice = "money_advice",
        CommunityTransport = "community_transport",
        Volunteering = "volunteering",
    }
}

impl Interest {
    /// The category and sub-categories a "yes" to this question switches on.
    pub fn switches_on(self) -> (Category, &'static [SubCategory]) {
        use SubCategory as S;
        match self {
            Interest::Creative => (
                Category::Activities,
                &[S::ReadingWriting, S::ArtsCrafts, S::DramaMusic],
            ),
            Interest::Social => (Category::Activities, &[S::SocialClubs]),
            Interest::LearnAboutHealth => (Category::Health, &[S::HealthConditions]),
            Interest::LoseWeight => (Category::Health, &[S::WeightManagement]),
            Interest::GetFitter => (
                Category::Health,
                &[S::FitnessExercise, S::Swimming, S::WalkingOutdoors],
            ),
            Interest::LearnSkills => (Category::Learning, &[S::EducationLearning]),
            Interest::Carer => (Category::Support, &[S::CarersSupport]),
            Interest::SeeOthers => (Category::Support, &[S::Counselling, S::Befriending]),
            Interest::StayIndependent => (
                Category::IndependentLiving,
                &[S::HomeSupport, S::MoneyAdvice],
            ),
            Interest::CommunityTransport => (Category::IndependentLiving, &[S::CommunityTransport]),
            Interest::HelpOthers => (Category::Volunteering, &[S::Volunteering]),
        }
    }
}

impl SubCategory {
    /// The category this sub-category is filed under.
    pub fn category(self) -> Category {
        Interest::ALL
            .iter()
            .map(|i| i.switches_on())
            .find(|(_, subs)| subs.contains(&self))
            .map(|(category, _)| category)
            // Every sub-category is switched on by some question (a core test checks this).
            .unwrap_or(Category::Activities)
    }
}

word_enum! {
    /// In order of reach, shortest first (`matching::limits::mode_for` relies on it).
    pub enum TravelMode {
        Walk = "walk",
        Cycle = "cycle",
        Bus = "bus",
        Car = "car",
        /// A lift from someone in the network.
        Lift = "lift",
    }
}

word_enum! {
    pub enum AccessNeed {
        StepFree = "step_free",
        Wheelchair = "wheelchair",
        HearingLoop = "hearing_loop",
        AccessibleToilet = "accessible_toilet",
        Seating = "seating",
    }
}

word_enum! {
    pub enum Weekday {
        Monday = "mon",
        Tuesday = "tue",
        Wednesday = "wed",
        Thursday = "thu",
        Friday = "fri",
        Saturday = "sat",
        Sunday = "sun",
    }
}

word_enum! {
    pub enum DayPart {
        Morning = "morning",
        Afternoon = "afternoon",
        Evening = "evening",
    }
}

/// A part of a day of the week that suits the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TimeSlot {
    pub day: Weekday,
    pub part: DayPart,
}

/// How much the person can spend on one session of an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum CostLimit {
    FreeOnly,
    /// Up to this many pence (or cents) a time.
    UpTo {
        minor_units: u32,
    },
    #[default]
    Any,
}

/// Answers to the eleven questions and the practical limits. Empty means "not said yet", and
/// matching treats a limit that was not given as no limit.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub interests: BTreeSet<Interest>,
    pub travel: BTreeSet<TravelMode>,
    /// How far the person is happy to go, in kilometres.
    pub max_distance_km: Option<f32>,
    pub cost: CostLimit,
    /// Times that suit. Empty means any time.
    pub times: BTreeSet<TimeSlot>,
    pub access: BTreeSet<AccessNeed>,
    /// Languages the person is comfortable in, as BCP 47 tags ("en", "pl").
    pub languages: Vec<String>,
}

impl Preferences {
    /// Every sub-category the person's answers switch on.
    pub fn wanted_subcategories(&self) -> BTreeSet<SubCategory> {
        self.interests
            .iter()
            .flat_map(|i| i.switches_on().1.iter().copied())
            .collect()
    }
}
