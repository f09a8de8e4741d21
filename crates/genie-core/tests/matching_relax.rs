//! When nothing matches, one tap relaxes the limit that left most out and brings suggestions
//! back; access needs, interests and whether a thing runs are never relaxed this way.

use genie_core::directory::{
    Contact, Cost, Date, Directory, Location, Precision, Reach, Resource, Session, Status,
};
use genie_core::matching::{can_relax, relax, suggest, Limit};
use genie_core::model::*;

const HOME: (f64, f64) = (53.0, -2.0);
const TODAY: Date = Date {
    year: 2025,
    month: 6,
    day: 1,
};

/// A paid befriending group about 11 km north of home, on Monday mornings, in Polish.
fn resource() -> Resource {
    Resource {
        id: "r1".into(),
        name: "Group".into(),
        description: String::new(),
        subcategories: [SubCategory::Befriending].into(),
        reach: Reach::Local {
            location: Location {
                lat: HOME.0 + 0.1,
                lon: HOME.1,
                address: String::new(),
                postcode: String::new(),
                precision: Precision::Exact,
            },
        },
        sessions: vec![Session {
            day: Weekday::Monday,
            part: DayPart::Morning,
            starts: None,
            ends: None,
        }],
        cost: Cost::Paid { minor_units: 500 },
        access: [AccessNeed::StepFree].into(),
        languages: vec!["pl".into()],
        contact: Contact::default(),
        checked: Some(TODAY),
        status: Status::Active,
    }
}

/// Sets one limit in the preferences.
type SetLimit = fn(&mut Preferences);

fn excluded_most_by(prefs: &Preferences) -> Option<Limit> {
    let directory = Directory {
        version: 1,
        area: "Testtown".into(),
        resources: vec![resource()],
    };
    let found = suggest(
        &directory,
        prefs,
        Some(HOME),
        &Network::default(),
        &Default::default(),
        TODAY,
    );
    if found.ranked.is_empty() {
        found.excluded_most_by
    } else {
        None
    }
}

#[test]
fn relaxing_each_practical_limit_brings_the_suggestion_back() {
    let cases: [(Limit, SetLimit); 4] = [
        (Limit::Distance, |p| {
            p.travel = [TravelMode::Walk].into();
            p.max_distance_km = Some(2.0);
        }),
        (Limit::Cost, |p| p.cost = CostLimit::FreeOnly),
        (Limit::Time, |p| {
            p.times = [TimeSlot {
                day: Weekday::Friday,
                part: DayPart::Evening,
            }]
            .into()
        }),
        (Limit::Language, |p| p.languages = vec!["cy".into()]),
    ];
    for (limit, set) in cases {
        let mut prefs = Preferences::default();
        set(&mut prefs);
        assert_eq!(excluded_most_by(&prefs), Some(limit), "{limit}");
        assert!(can_relax(limit));
        assert!(relax(limit, &mut prefs), "{limit} changed something");
        assert_eq!(excluded_most_by(&prefs), None, "{limit} relaxed");
        assert!(
            !relax(limit, &mut prefs),
            "{limit} a second time changes nothing"
        );
    }
}

#[test]
fn access_needs_and_interests_are_not_relaxed_in_one_tap() {
    let mut prefs = Preferences {
        access: [AccessNeed::Wheelchair].into(),
        interests: [Interest::Social].into(),
        ..Preferences::default()
    };
    let before = prefs.clone();
    for limit in [Limit::Access, Limit::Interest, Limit::Status] {
        assert!(!can_relax(limit));
        assert!(!relax(limit, &mut prefs));
    }
    assert_eq!(prefs, before);
}
