//! The translated words for the model's closed lists. Each match is checked by the compiler
//! against both the model (every variant) and the catalogue (every key).

use genie_core::model::{
    AccessNeed, AgeBand, Barrier, Circle, Condition, ContactFrequency, DayPart, Gender, Interest,
    MemberKind, Relationship, ReportedProblem, SubCategory, SupportArea, SupportTask, TravelMode,
    Weekday,
};

use crate::i18n::{td_string, Locale};

/// A closed list the person chooses from, with a label in each language.
pub trait Labelled: Copy + Send + Sync + 'static {
    /// Every option, in the order shown.
    fn options() -> &'static [Self];
    /// The stable word, used as the form value.
    fn word(self) -> &'static str;
    /// The label shown to the person.
    fn label(self, locale: Locale) -> &'static str;
}

impl Labelled for AgeBand {
    fn options() -> &'static [Self] {
        AgeBand::ALL
    }
    fn word(self) -> &'static str {
        self.as_str()
    }
    fn label(self, locale: Locale) -> &'static str {
        match self {
            AgeBand::Under40 => td_string!(locale, age_band.under_40),
            AgeBand::From40To49 => td_string!(locale, age_band.from_40_to_49),
            AgeBand::From50To59 => td_string!(locale, age_band.from_50_to_59),
            AgeBand::From60To69 => td_string!(locale, age_band.from_60_to_69),
            AgeBand::From70To79 => td_string!(locale, age_band.from_70_to_79),
            AgeBand::From80 => td_string!(locale, age_band.from_80),
        }
    }
}

impl Labelled for Gender {
    fn options() -> &'static [Self] {
        Gender::ALL
    }
    fn word(self) -> &'static str {
        self.as_str()
    }
    fn label(self, locale: Locale) -> &'static str {
        match self {
            Gender::Woman => td_string!(locale, gender.woman),
            Gender::Man => td_string!(locale, gender.man),
            Gender::NonBinary => td_string!(locale, gender.non_binary),
            Gender::Other => td_string!(locale, gender.other),
        }
    }
}

impl Labelled for Condition {
    fn options() -> &'static [Self] {
        Condition::ALL
    }
    fn word(self) -> &'static str {
        self.as_str()
    }
    fn label(self, locale: Locale) -> &'static str {
        match self {
            Condition::Diabetes => td_string!(locale, condition.diabetes),
            Condition::Copd => td_string!(locale, condition.copd),
            Condition::HeartDisease => td_string!(locale, condition.heart_disease),
            Condition::KidneyDisease => td_string!(locale, condition.kidney_disease),
            Condition::Arthritis => td_string!(locale, condition.arthritis),
            Condition::MentalHealth => td_string!(locale, condition.mental_health),
            Condition::Loneliness => td_string!(locale, condition.loneliness),
        }
    }
}

macro_rules! labelled {
    ($type:ty, $($variant:ident => $key:ident . $sub:ident),+ $(,)?) => {
        impl Labelled for $type {
            fn options() -> &'static [Self] {
                <$type>::ALL
            }
            fn word(self) -> &'static str {
                self.as_str()
            }
            fn label(self, locale: Locale) -> &'static str {
                match self {
                    $(<$type>::$variant => td_string!(locale, $key.$sub)),+
                }
            }
        }
    };
}

labelled!(MemberKind,
    Person => kind.person, Group => kind.group, Pet => kind.pet, Place => kind.place,
    Activity => kind.activity, Thing => kind.thing, Online => kind.online);

labelled!(Relationship,
    Partner => relationship.partner, Child => relationship.child,
    OtherFamily => relationship.other_family, Friend => relationship.friend,
    Neighbour => relationship.neighbour, Colleague => relationship.colleague,
    Acquaintance => relationship.acquaintance,
    HealthProfessional => relationship.health_professional,
    LinkWorker => relationship.link_worker, Other => relationship.other);

labelled!(ContactFrequency,
    Daily => contact.daily, Weekly => contact.weekly, Monthly => contact.monthly,
    FewTimesAYear => contact.few_times_a_year, Rarely => contact.rarely);

labelled!(Circle, Inner => circle.inner, Middle => circle.middle, Outer => circle.outer);

labelled!(SupportArea,
    Illness => area.illness, Everyday => area.everyday, Emotional => area.emotional);

labelled!(SupportTask,
    Medication => task.medication, Measurements => task.measurements,
    UnderstandingSymptoms => task.understanding_symptoms, Appointments => task.appointments,
    Housework => task.housework, Shopping => task.shopping, Meals => task.meals,
    DietAndExercise => task.diet_exercise, PersonalCare => task.personal_care,
    Lifts => task.lifts, Comfort => task.comfort, Companionship => task.companionship,
    Wellbeing => task.wellbeing);

/// The plain definition shown beside each circle.
pub fn circle_hint(circle: Circle, locale: Locale) -> &'static str {
    match circle {
        Circle::Inner => td_string!(locale, circle.inner_hint),
        Circle::Middle => td_string!(locale, circle.middle_hint),
        Circle::Outer => td_string!(locale, circle.outer_hint),
    }
}

labelled!(Interest,
    Creative => interest.creative, Social => interest.social,
    LearnAboutHealth => interest.learn_about_health, LoseWeight => interest.lose_weight,
    GetFitter => interest.get_fitter, LearnSkills => interest.learn_skills,
    Carer => interest.carer, SeeOthers => interest.see_others,
    StayIndependent => interest.stay_independent,
    CommunityTransport => interest.community_transport, HelpOthers => interest.help_others);

labelled!(TravelMode,
    Walk => travel.walk, Cycle => travel.cycle, Bus => travel.bus, Car => travel.car, Lift => travel.lift);

labelled!(AccessNeed,
    StepFree => access_need.step_free, Wheelchair => access_need.wheelchair,
    HearingLoop => access_need.hearing_loop, AccessibleToilet => access_need.accessible_toilet,
    Seating => access_need.seating);

labelled!(Weekday,
    Monday => weekday.mon, Tuesday => weekday.tue, Wednesday => weekday.wed,
    Thursday => weekday.thu, Friday => weekday.fri, Saturday => weekday.sat,
    Sunday => weekday.sun);

labelled!(DayPart,
    Morning => day_part.morning, Afternoon => day_part.afternoon, Evening => day_part.evening);

/// A day and a part of the day as one phrase, joined as the language joins them ("Monday
/// morning", "Maandagochtend", "Mandag formiddag"): each catalogue has the pattern and the
/// part's form inside it, so the order, the case and the joining are the language's.
pub fn day_and_part(day: Weekday, part: DayPart, locale: Locale) -> String {
    let part = match part {
        DayPart::Morning => td_string!(locale, day_part_joined.morning),
        DayPart::Afternoon => td_string!(locale, day_part_joined.afternoon),
        DayPart::Evening => td_string!(locale, day_part_joined.evening),
    };
    td_string!(locale, day_and_part, day = day.label(locale), part = part)
}

labelled!(SubCategory,
    ReadingWriting => subcategory.reading_writing, ArtsCrafts => subcategory.arts_crafts,
    DramaMusic => subcategory.drama_music, SocialClubs => subcategory.social_clubs,
    HealthConditions => subcategory.health_conditions,
    WeightManagement => subcategory.weight_management,
    FitnessExercise => subcategory.fitness_exercise, Swimming => subcategory.swimming,
    WalkingOutdoors => subcategory.walking_outdoors,
    EducationLearning => subcategory.education_learning,
    CarersSupport => subcategory.carers_support, Counselling => subcategory.counselling,
    Befriending => subcategory.befriending, HomeSupport => subcategory.home_support,
    MoneyAdvice => subcategory.money_advice,
    CommunityTransport => subcategory.community_transport,
    Volunteering => subcategory.volunteering);

labelled!(ReportedProblem,
    Closed => reported.closed, WrongTime => reported.wrong_time,
    NotAsDescribed => reported.not_as_described);
labelled!(Barrier,
    Cost => barrier.cost, Transport => barrier.transport, Timing => barrier.timing,
    Health => barrier.health, Confidence => barrier.confidence,
    NobodyToGoWith => barrier.nobody_to_go_with, Other => barrier.other);

/// A support area as a phrase inside a sentence ("how you feel").
pub fn area_phrase(area: SupportArea, locale: Locale) -> &'static str {
    match area {
        SupportArea::Illness => td_string!(locale, summary.area_phrase.illness),
        SupportArea::Everyday => td_string!(locale, summary.area_phrase.everyday),
        SupportArea::Emotional => td_string!(locale, summary.area_phrase.emotional),
    }
}

/// The name of a language the app offers, by its BCP 47 tag; `None` for others.
pub fn language_name(tag: &str, locale: Locale) -> Option<&'static str> {
    Some(match tag {
        "en" => td_string!(locale, language.en),
        "pl" => td_string!(locale, language.pl),
        "ur" => td_string!(locale, language.ur),
        "pa" => td_string!(locale, language.pa),
        "sgn-GB" => td_string!(locale, language.sgn_gb),
        _ => return None,
    })
}

/// The language tag for dates and numbers in `locale`: British English writes "5 January 2026".
pub fn date_locale(locale: Locale) -> &'static str {
    locale.intl_tag()
}
