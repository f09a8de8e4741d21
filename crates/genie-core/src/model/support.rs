//! The work of living with a condition, split the way the research split it: illness-related,
//! everyday and emotional work, each with its concrete tasks.

use super::word_enum::word_enum;

word_enum! {
    /// The three kinds of work a network member can help with.
    pub enum SupportArea {
        Illness = "illness",
        Everyday = "everyday",
        Emotional = "emotional",
    }
}

word_enum! {
    /// One concrete task inside a [`SupportArea`].
    pub enum SupportTask {
        Medication = "medication",
        Measurements = "measurements",
        UnderstandingSymptoms = "understanding_symptoms",
        Appointments = "appointments",
        Housework = "housework",
        Shopping = "shopping",
        Meals = "meals",
        DietAndExercise = "diet_exercise",
        PersonalCare = "personal_care",
        Lifts = "lifts",
        Comfort = "comfort",
        Companionship = "companionship",
        Wellbeing = "wellbeing",
    }
}

impl SupportTask {
    /// The area this task belongs to.
    pub fn area(self) -> SupportArea {
        use SupportTask::*;
        match self {
            Medication | Measurements | UnderstandingSymptoms | Appointments => {
                SupportArea::Illness
            }
            Housework | Shopping | Meals | DietAndExercise | PersonalCare | Lifts => {
                SupportArea::Everyday
            }
            Comfort | Companionship | Wellbeing => SupportArea::Emotional,
        }
    }
}

impl SupportArea {
    /// The tasks of this area, in display order.
    pub fn tasks(self) -> impl Iterator<Item = SupportTask> {
        SupportTask::ALL
            .iter()
            .copied()
            .filter(move |task| task.area() == self)
    }
}
