//! Matching on small hand-made directories: eligibility one limit at a time, the ranking and
//! its ties, the reasons, and what is said when nothing matches.

use std::collections::BTreeSet;

use genie_core::directory::{
    Contact, Cost, Date, Directory, Location, Precision, Reach, Resource, Session, Status,
};
use genie_core::matching::{constants, suggest, Limit, Reason, Suggestions};
use genie_core::model::*;

const HOME: (f64, f64) = (53.0, -2.0);
/// Kilometres per degree of latitude on the sphere matching uses.
const KM_PER_DEGREE: f64 = constants::EARTH_RADIUS_KM * std::f64::consts::PI / 180.0;
const TODAY: Date = Date {
    year: 2025,
    month: 6,
    day: 1,
};

fn days_before_today(days: i64) -> Date {
    // Good enough for tests: walk back day by day.
    let target = TODAY.days_since_epoch() - days;
    let mut date = TODAY;
    while date.days_since_epoch() > target {
        date = if date.day > 1 {
            Date {
                day: date.day - 1,
                ..date
            }
        } else if date.month > 1 {
            let month = date.month - 1;
            let day = (28..=31)
                .rev()
                .find(|&d| {
                    Date::parse(&format!("{:04}-{:02}-{:02}", date.year, month, d)).is_some()
                })
                .unwrap_or(28);
            Date { month, day, ..date }
        } else {
            Date {
                year: date.year - 1,
                month: 12,
                day: 31,
            }
        };
    }
    date
}

/// A place `km` due north of home.
fn at(km: f64) -> Reach {
    Reach::Local {
        location: Location {
            lat: HOME.0 + km / KM_PER_DEGREE,
            lon: HOME.1,
            address: String::new(),
            postcode: String::new(),
            precision: Precision::Exact,
        },
    }
}

/// A free, active, recently checked befriending group 1 km away, offering every access need.
fn res(id: &str) -> Resource {
    Resource {
        id: id.into(),
        name: format!("Name {id}"),
        description: String::new(),
        subcategories: [SubCategory::Befriending].into(),
        reach: at(1.0),
        sessions: Vec::new(),
        cost: Cost::Free,
        access: AccessNeed::ALL.iter().copied().collect(),
        languages: Vec::new(),
        contact: Contact::default(),
        checked: Some(days_before_today(30)),
        status: Status::Active,
    }
}

fn dir(resources: Vec<Resource>) -> Directory {
    Directory {
        version: 1,
        area: "Testtown".into(),
        resources,
    }
}

fn run(resources: Vec<Resource>, prefs: &Preferences) -> Suggestions {
    suggest(
        &dir(resources),
        prefs,
        Some(HOME),
        &Network::default(),
        &no_conditions(),
        TODAY,
    )
}

fn no_conditions() -> BTreeSet<Condition> {
    BTreeSet::new()
}

fn ranked_ids(s: &Suggestions) -> Vec<&str> {
    s.ranked.iter().map(|x| x.id.as_str()).collect()
}

fn slot(day: Weekday, part: DayPart) -> TimeSlot {
    TimeSlot { day, part }
}

fn session(day: Weekday, part: DayPart) -> Session {
    Session {
        day,
        part,
        starts: None,
        ends: None,
    }
}

fn travel(modes: &[TravelMode]) -> BTreeSet<TravelMode> {
    modes.iter().copied().collect()
}

// ---------------------------------------------------------------- eligibility

struct Eligibility {
    name: &'static str,
    prefs: fn(&mut Preferences),
    resource: fn(&mut Resource),
    home: bool,
    /// `None`: suggested. `Some(limit)`: left out by that limit.
    excluded_by: Option<Limit>,
}

fn nothing<T>(_: &mut T) {}

const ELIGIBILITY: &[Eligibility] = &[
    Eligibility {
        name: "no answers: anything is a candidate",
        prefs: nothing,
        resource: |r| r.subcategories = [SubCategory::Volunteering].into(),
        home: true,
        excluded_by: None,
    },
    Eligibility {
        name: "sub-category not switched on",
        prefs: |p| {
            p.interests.insert(Interest::Creative);
        },
        resource: nothing,
        home: true,
        excluded_by: Some(Limit::Interest),
    },
    Eligibility {
        name: "sub-category switched on",
        prefs: |p| {
            p.interests.insert(Interest::SeeOthers);
        },
        resource: nothing,
        home: true,
        excluded_by: None,
    },
    Eligibility {
        name: "one of several sub-categories is enough",
        prefs: |p| {
            p.interests.insert(Interest::GetFitter);
        },
        resource: |r| {
            r.subcategories.insert(SubCategory::Swimming);
        },
        home: true,
        excluded_by: None,
    },
    Eligibility {
        name: "inactive",
        prefs: nothing,
        resource: |r| r.status = Status::Inactive,
        home: true,
        excluded_by: Some(Limit::Status),
    },
    Eligibility {
        name: "defunct",
        prefs: nothing,
        resource: |r| r.status = Status::Defunct,
        home: true,
        excluded_by: Some(Limit::Status),
    },
    Eligibility {
        name: "walk, 1.4 km",
        prefs: |p| p.travel = travel(&[TravelMode::Walk]),
        resource: |r| r.reach = at(1.4),
        home: true,
        excluded_by: None,
    },
    Eligibility {
        name: "walk, 1.6 km",
        prefs: |p| p.travel = travel(&[TravelMode::Walk]),
        resource: |r| r.reach = at(1.6),
        home: true,
        excluded_by: Some(Limit::Distance),
    },
    Eligibility {
        name: "cycle, 4.9 km",
        prefs: |p| p.travel = travel(&[TravelMode::Cycle]),
        resource: |r| r.reach = at(4.9),
        home: true,
        excluded_by: None,
    },
    Eligibility {
        name: "cycle, 5.1 km",
        prefs: |p| p.travel = travel(&[TravelMode::Cycle]),
        resource: |r| r.reach = at(5.1),
        home: true,
        excluded_by: Some(Limit::Distance),
    },
    Eligibility {
        name: "walk or cycle, 3 km",
        prefs: |p| p.travel = travel(&[TravelMode::Walk, TravelMode::Cycle]),
        resource: |r| r.reach = at(3.0),
        home: true,
        excluded_by: None,
    },
    Eligibility {
        name: "bus, 7.9 km",
        prefs: |p| p.travel = travel(&[TravelMode::Bus]),
        resource: |r| r.reach = at(7.9),
        home: true,
        excluded_by: None,
    },
    Eligibility {
        name: "bus, 8.1 km",
        prefs: |p| p.travel = travel(&[TravelMode::Bus]),
        resource: |r| r.reach = at(8.1),
        home: true,
        excluded_by: Some(Limit::Distance),
    },
    Eligibility {
        name: "walk or bus, 5 km",
        prefs: |p| p.travel = travel(&[TravelMode::Walk, TravelMode::Bus]),
        resource: |r| r.reach = at(5.0),
        home: true,
        excluded_by: None,
    },
    Eligibility {
        name: "car, 19.9 km",
        prefs: |p| p.travel = travel(&[TravelMode::Car]),
        resource: |r| r.reach = at(19.9),
        home: true,
        excluded_by: None,
    },
    Eligibility {
        name: "lift, 20.1 km",
        prefs: |p| p.travel = travel(&[TravelMode::Lift]),
        resource: |r| r.reach = at(20.1),
        home: true,
        excluded_by: Some(Limit::Distance),
    },
    Eligibility {
        name: "a given distance overrides the car's reach",
        prefs: |p| {
            p.travel = travel(&[TravelMode::Car]);
            p.max_distance_km = Some(3.0);
        },
        resource: |r| r.reach = at(4.0),
        home: true,
        excluded_by: Some(Limit::Distance),
    },
    Eligibility {
        name: "a given distance overrides walking's reach",
        prefs: |p| {
            p.travel = travel(&[TravelMode::Walk]);
            p.max_distance_km = Some(3.0);
        },
        resource: |r| r.reach = at(2.5),
        home: true,
        excluded_by: None,
    },
    Eligibility {
        name: "a given distance without travel",
        prefs: |p| p.max_distance_km = Some(3.0),
        resource: |r| r.reach = at(3.5),
        home: true,
        excluded_by: Some(Limit::Distance),
    },
    Eligibility {
        name: "no travel and no distance: no distance limit",
        prefs: nothing,
        resource: |r| r.reach = at(50.0),
        home: true,
        excluded_by: None,
    },
    Eligibility {
        name: "home not known: no distance limit",
        prefs: |p| p.travel = travel(&[TravelMode::Walk]),
        resource: |r| r.reach = at(50.0),
        home: false,
        excluded_by: None,
    },
    Eligibility {
        name: "online is always within reach",
        prefs: |p| p.travel = travel(&[TravelMode::Walk]),
        resource: |r| r.reach = Reach::Online,
        home: true,
        excluded_by: None,
    },
    Eligibility {
        name: "national is always within reach",
        prefs: |p| {
            p.travel = travel(&[TravelMode::Walk]);
            p.max_distance_km = Some(0.1);
        },
        resource: |r| r.reach = Reach::National,
        home: true,
        excluded_by: None,
    },
    Eligibility {
        name: "free only, paid",
        prefs: |p| p.cost = CostLimit::FreeOnly,
        resource: |r| r.cost = Cost::Paid { minor_units: 300 },
        home: true,
        excluded_by: Some(Limit::Cost),
    },
    Eligibility {
        name: "free only, paid nothing",
        prefs: |p| p.cost = CostLimit::FreeOnly,
        resource: |r| r.cost = Cost::Paid { minor_units: 0 },
        home: true,
        excluded_by: None,
    },
    Eligibility {
        name: "free only, cost unknown",
        prefs: |p| p.cost = CostLimit::FreeOnly,
        resource: |r| r.cost = Cost::Unknown,
        home: true,
        excluded_by: None,
    },
    Eligibility {
        name: "up to 500, costs 500",
        prefs: |p| p.cost = CostLimit::UpTo { minor_units: 500 },
        resource: |r| r.cost = Cost::Paid { minor_units: 500 },
        home: true,
        excluded_by: None,
    },
    Eligibility {
        name: "up to 500, costs 501",
        prefs: |p| p.cost = CostLimit::UpTo { minor_units: 500 },
        resource: |r| r.cost = Cost::Paid { minor_units: 501 },
        home: true,
        excluded_by: Some(Limit::Cost),
    },
    Eligibility {
        name: "time overlaps",
        prefs: |p| {
            p.times.insert(slot(Weekday::Tuesday, DayPart::Morning));
        },
        resource: |r| {
            r.sessions = vec![
                session(Weekday::Monday, DayPart::Evening),
                session(Weekday::Tuesday, DayPart::Morning),
            ]
        },
        home: true,
        excluded_by: None,
    },
    Eligibility {
        name: "time does not overlap",
        prefs: |p| {
            p.times.insert(slot(Weekday::Tuesday, DayPart::Morning));
        },
        resource: |r| r.sessions = vec![session(Weekday::Tuesday, DayPart::Evening)],
        home: true,
        excluded_by: Some(Limit::Time),
    },
    Eligibility {
        name: "no sessions: any time",
        prefs: |p| {
            p.times.insert(slot(Weekday::Tuesday, DayPart::Morning));
        },
        resource: nothing,
        home: true,
        excluded_by: None,
    },
    Eligibility {
        name: "every access need offered",
        prefs: |p| {
            p.access.insert(AccessNeed::StepFree);
        },
        resource: |r| r.access = [AccessNeed::StepFree, AccessNeed::Wheelchair].into(),
        home: true,
        excluded_by: None,
    },
    Eligibility {
        name: "one access need missing",
        prefs: |p| p.access = [AccessNeed::StepFree, AccessNeed::HearingLoop].into(),
        resource: |r| r.access = [AccessNeed::StepFree].into(),
        home: true,
        excluded_by: Some(Limit::Access),
    },
    Eligibility {
        name: "access needs do not apply online",
        prefs: |p| p.access = [AccessNeed::Wheelchair].into(),
        resource: |r| {
            r.access.clear();
            r.reach = Reach::Online;
        },
        home: true,
        excluded_by: None,
    },
    Eligibility {
        name: "language not offered (empty means English)",
        prefs: |p| p.languages = vec!["pl".into()],
        resource: nothing,
        home: true,
        excluded_by: Some(Limit::Language),
    },
    Eligibility {
        name: "English speaker, languages not stated",
        prefs: |p| p.languages = vec!["en-GB".into()],
        resource: nothing,
        home: true,
        excluded_by: None,
    },
    Eligibility {
        name: "language tags compared by primary language",
        prefs: |p| p.languages = vec!["pl".into()],
        resource: |r| r.languages = vec!["PL-pl".into()],
        home: true,
        excluded_by: None,
    },
    Eligibility {
        name: "one shared language is enough",
        prefs: |p| p.languages = vec!["pl".into(), "en".into()],
        resource: |r| r.languages = vec!["en".into()],
        home: true,
        excluded_by: None,
    },
    Eligibility {
        name: "no languages given: any",
        prefs: nothing,
        resource: |r| r.languages = vec!["cy".into()],
        home: true,
        excluded_by: None,
    },
    Eligibility {
        name: "language applies online too",
        prefs: |p| p.languages = vec!["es".into()],
        resource: |r| r.reach = Reach::Online,
        home: true,
        excluded_by: Some(Limit::Language),
    },
];

#[test]
fn each_limit_alone_decides_eligibility() {
    for case in ELIGIBILITY {
        let mut prefs = Preferences::default();
        (case.prefs)(&mut prefs);
        let mut resource = res("a");
        (case.resource)(&mut resource);
        let home = case.home.then_some(HOME);
        let s = suggest(
            &dir(vec![resource]),
            &prefs,
            home,
            &Network::default(),
            &no_conditions(),
            TODAY,
        );
        assert_eq!(
            s.ranked.is_empty(),
            case.excluded_by.is_some(),
            "{}",
            case.name
        );
        for &limit in Limit::ALL {
            let expected = usize::from(case.excluded_by == Some(limit));
            let count = s.excluded_by(limit);
            assert_eq!(count.excluded, expected, "{}: {limit}", case.name);
            assert_eq!(count.only_this, expected, "{}: {limit} alone", case.name);
        }
    }
}

#[test]
fn closed_entries_are_never_suggested_however_well_they_fit() {
    let mut closed = res("closed");
    closed.reach = at(0.1);
    closed.status = Status::Defunct;
    let mut inactive = res("inactive");
    inactive.status = Status::Inactive;
    let s = run(vec![closed, inactive, res("open")], &Preferences::default());
    assert_eq!(ranked_ids(&s), ["open"]);
    assert_eq!(s.excluded_by(Limit::Status).excluded, 2);
}

// ---------------------------------------------------------------- ranking

#[test]
fn nearest_first() {
    let mut far = res("far");
    far.reach = at(3.0);
    let mut near = res("near");
    near.reach = at(0.5);
    let s = run(vec![far, res("mid"), near], &Preferences::default());
    assert_eq!(ranked_ids(&s), ["near", "mid", "far"]);
    let km: Vec<f32> = s.ranked.iter().filter_map(|x| x.distance_km).collect();
    for (got, want) in km.iter().zip([0.5f32, 1.0, 3.0]) {
        assert!((got - want).abs() < 0.01, "{got} vs {want}");
    }
    assert!(s.ranked[0].score > s.ranked[1].score && s.ranked[1].score > s.ranked[2].score);
}

#[test]
fn ties_are_broken_by_name_then_id() {
    // Same score: names decide, ignoring case; equal names fall back to ids.
    let mut b = res("1");
    b.name = "Bravo".into();
    let mut a = res("2");
    a.name = "alpha".into();
    let mut c2 = res("z");
    c2.name = "Charlie".into();
    let mut c1 = res("y");
    c1.name = "Charlie".into();
    // Within 100 m of each other: the same distance points, so also a tie.
    c1.reach = at(1.04);
    // Names equal but for case: the exact spelling decides ("C" before "c").
    let mut lower = res("x");
    lower.name = "charlie".into();
    let s = run(vec![c2, lower, b, c1, a], &Preferences::default());
    assert_eq!(ranked_ids(&s), ["2", "1", "y", "z", "x"]);
    let scores: BTreeSet<i32> = s.ranked.iter().map(|x| x.score).collect();
    assert_eq!(scores.len(), 1, "all tied: {s:?}");
}

#[test]
fn order_does_not_depend_on_file_order() {
    let mut resources: Vec<Resource> = (0..12)
        .map(|i| {
            let mut r = res(&format!("r{i:02}"));
            r.name = format!("Group {}", i % 4);
            r.reach = at(f64::from(i % 3) * 0.7 + 0.2);
            r.cost = if i % 2 == 0 {
                Cost::Free
            } else {
                Cost::Unknown
            };
            r
        })
        .collect();
    let forward = ranked_ids(&run(resources.clone(), &Preferences::default()))
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
    resources.reverse();
    let backward = run(resources, &Preferences::default());
    assert_eq!(ranked_ids(&backward), forward);
}

/// Two resources that differ in one way: the first should rank above the second.
struct Above {
    name: &'static str,
    prefs: fn(&mut Preferences),
    better: fn(&mut Resource),
    worse: fn(&mut Resource),
}

const ABOVE: &[Above] = &[
    Above {
        name: "free above paid",
        prefs: nothing,
        better: nothing,
        worse: |r| r.cost = Cost::Paid { minor_units: 200 },
    },
    Above {
        name: "paid above cost unknown",
        prefs: nothing,
        better: |r| r.cost = Cost::Paid { minor_units: 200 },
        worse: |r| r.cost = Cost::Unknown,
    },
    Above {
        name: "fresh above checked 200 days ago",
        prefs: nothing,
        better: nothing,
        worse: |r| r.checked = Some(days_before_today(200)),
    },
    Above {
        name: "checked 200 days ago above 400",
        prefs: nothing,
        better: |r| r.checked = Some(days_before_today(200)),
        worse: |r| r.checked = Some(days_before_today(400)),
    },
    Above {
        name: "checked above never checked",
        prefs: nothing,
        better: |r| r.checked = Some(days_before_today(200)),
        worse: |r| r.checked = None,
    },
    Above {
        name: "a suiting time above any time",
        prefs: |p| {
            p.times.insert(slot(Weekday::Tuesday, DayPart::Morning));
        },
        better: |r| r.sessions = vec![session(Weekday::Tuesday, DayPart::Morning)],
        worse: nothing,
    },
    Above {
        name: "an easy walk above online",
        prefs: nothing,
        better: nothing,
        worse: |r| r.reach = Reach::Online,
    },
    Above {
        name: "national above across town",
        prefs: nothing,
        better: |r| r.reach = Reach::National,
        worse: |r| r.reach = at(3.0),
    },
    Above {
        name: "1 km away and free above 0.2 km away and unknown cost",
        prefs: nothing,
        better: nothing,
        worse: |r| {
            r.reach = at(0.2);
            r.cost = Cost::Unknown;
        },
    },
];

#[test]
fn each_ranking_point_moves_a_resource_up_or_down() {
    for case in ABOVE {
        let mut prefs = Preferences::default();
        (case.prefs)(&mut prefs);
        // Names put the worse one first, so only the score can put the better one on top.
        let mut better = res("better");
        better.name = "Zed".into();
        (case.better)(&mut better);
        let mut worse = res("worse");
        worse.name = "Able".into();
        (case.worse)(&mut worse);
        let s = run(vec![worse, better], &prefs);
        assert_eq!(ranked_ids(&s), ["better", "worse"], "{}", case.name);
        assert!(s.ranked[0].score > s.ranked[1].score, "{}", case.name);
    }
}

#[test]
fn the_score_adds_up_from_the_documented_points() {
    let mut r = res("a");
    r.reach = at(1.5);
    r.sessions = vec![session(Weekday::Friday, DayPart::Afternoon)];
    let mut prefs = Preferences::default();
    prefs
        .times
        .insert(slot(Weekday::Friday, DayPart::Afternoon));
    let s = run(vec![r], &prefs);
    let expected = -(1.5 * constants::POINTS_PER_KM).round() as i32
        + constants::TIME_MATCH_POINTS
        + constants::FREE_POINTS
        + constants::FRESH_POINTS;
    assert_eq!(s.ranked[0].score, expected);
}

// ---------------------------------------------------------------- reasons

fn reasons_for(resource: Resource, prefs: &Preferences, network: &Network) -> Vec<Reason> {
    let s = suggest(
        &dir(vec![resource]),
        prefs,
        Some(HOME),
        network,
        &no_conditions(),
        TODAY,
    );
    assert_eq!(s.ranked.len(), 1, "{s:?}");
    s.ranked[0].reasons.clone()
}

#[test]
fn reasons_say_why_in_a_stable_order() {
    let mut prefs = Preferences {
        interests: [Interest::SeeOthers, Interest::Social].into(),
        travel: travel(&[TravelMode::Walk, TravelMode::Bus]),
        ..Preferences::default()
    };
    prefs.times.insert(slot(Weekday::Tuesday, DayPart::Morning));
    prefs.access = [AccessNeed::StepFree, AccessNeed::HearingLoop].into();
    prefs.languages = vec!["pl".into(), "en-GB".into()];
    let mut r = res("a");
    r.subcategories = [
        SubCategory::Befriending,
        SubCategory::SocialClubs,
        SubCategory::ArtsCrafts,
    ]
    .into();
    r.reach = at(3.0);
    r.sessions = vec![
        session(Weekday::Thursday, DayPart::Morning),
        session(Weekday::Tuesday, DayPart::Morning),
    ];
    r.languages = vec!["en".into()];
    r.checked = Some(days_before_today(400));
    let reasons = reasons_for(r, &prefs, &Network::default());
    let Reason::Distance { km, mode } = reasons[2] else {
        panic!("distance third: {reasons:?}")
    };
    assert!((km - 3.0).abs() < 0.01);
    assert_eq!(mode, Some(TravelMode::Bus));
    assert_eq!(
        reasons,
        [
            Reason::MatchesInterest(SubCategory::SocialClubs),
            Reason::MatchesInterest(SubCategory::Befriending),
            Reason::Distance { km, mode },
            Reason::Time {
                day: Weekday::Tuesday,
                part: DayPart::Morning
            },
            Reason::Free,
            Reason::Access(AccessNeed::StepFree),
            Reason::Access(AccessNeed::HearingLoop),
            Reason::Language("en-GB".into()),
            Reason::NotCheckedRecently { days: 400 },
        ]
    );
    let words: Vec<&str> = reasons.iter().map(Reason::as_str).collect();
    assert_eq!(
        words,
        [
            "matches_interest",
            "matches_interest",
            "distance",
            "time",
            "free",
            "access",
            "access",
            "language",
            "not_checked_recently"
        ]
    );
}

#[test]
fn travel_mode_named_is_the_slowest_that_reaches() {
    for (modes, km, expected) in [
        (
            &[TravelMode::Walk, TravelMode::Bus][..],
            1.0,
            Some(TravelMode::Walk),
        ),
        (
            &[TravelMode::Walk, TravelMode::Bus][..],
            2.0,
            Some(TravelMode::Bus),
        ),
        (
            &[TravelMode::Bus, TravelMode::Lift][..],
            12.0,
            Some(TravelMode::Lift),
        ),
        // Cycling reaches farther than walking and less far than the bus.
        (
            &[TravelMode::Walk, TravelMode::Cycle, TravelMode::Bus][..],
            1.0,
            Some(TravelMode::Walk),
        ),
        (
            &[TravelMode::Walk, TravelMode::Cycle, TravelMode::Bus][..],
            3.0,
            Some(TravelMode::Cycle),
        ),
        (
            &[TravelMode::Walk, TravelMode::Cycle, TravelMode::Bus][..],
            6.0,
            Some(TravelMode::Bus),
        ),
        (&[][..], 12.0, None),
    ] {
        let prefs = Preferences {
            travel: travel(modes),
            ..Preferences::default()
        };
        let mut r = res("a");
        r.reach = at(km);
        let reasons = reasons_for(r, &prefs, &Network::default());
        let mode = reasons.iter().find_map(|x| match x {
            Reason::Distance { mode, .. } => Some(*mode),
            _ => None,
        });
        assert_eq!(mode, Some(expected), "{modes:?} {km}");
    }
}

#[test]
fn online_national_cost_unknown_and_never_checked_are_said() {
    let mut online = res("a");
    online.reach = Reach::Online;
    online.cost = Cost::Unknown;
    online.checked = None;
    assert_eq!(
        reasons_for(online, &Preferences::default(), &Network::default()),
        [Reason::Online, Reason::CostUnknown, Reason::NeverChecked]
    );
    let mut national = res("b");
    national.reach = Reach::National;
    national.cost = Cost::Paid { minor_units: 100 };
    assert_eq!(
        reasons_for(national, &Preferences::default(), &Network::default()),
        [Reason::National]
    );
}

fn person(net: &mut Network, name: &str, circle: Circle, gives: &[SupportTask]) -> MemberId {
    let id = net.add(name, MemberKind::Person, circle);
    if let Some(m) = net.get_mut(id) {
        m.gives.extend(gives.iter().copied());
    }
    id
}

#[test]
fn someone_close_could_come_along() {
    let come_along = |net: &Network, reach: Reach| {
        let mut r = res("a");
        r.reach = reach;
        r.subcategories = [SubCategory::EducationLearning].into();
        reasons_for(r, &Preferences::default(), net)
            .into_iter()
            .find(|x| matches!(x, Reason::ComeAlong { .. }))
    };

    let mut net = Network::default();
    person(
        &mut net,
        "Outer friend",
        Circle::Outer,
        &[SupportTask::Companionship, SupportTask::Lifts],
    );
    let dog = net.add("Dog", MemberKind::Pet, Circle::Inner);
    if let Some(m) = net.get_mut(dog) {
        m.gives.insert(SupportTask::Companionship);
    }
    person(
        &mut net,
        "Inner, no lifts or company",
        Circle::Inner,
        &[SupportTask::Medication],
    );
    assert_eq!(
        come_along(&net, at(1.0)),
        None,
        "no one close gives lifts or company"
    );

    let friend = person(
        &mut net,
        "Middle friend",
        Circle::Middle,
        &[SupportTask::Companionship],
    );
    assert_eq!(
        come_along(&net, at(1.0)),
        Some(Reason::ComeAlong {
            member: friend,
            gives_lift: false
        })
    );

    let sister = person(
        &mut net,
        "Middle sister",
        Circle::Middle,
        &[SupportTask::Lifts],
    );
    assert_eq!(
        come_along(&net, at(1.0)),
        Some(Reason::ComeAlong {
            member: sister,
            gives_lift: true
        }),
        "a lift-giver before someone who only keeps company"
    );

    let partner = person(
        &mut net,
        "Inner partner",
        Circle::Inner,
        &[SupportTask::Companionship],
    );
    assert_eq!(
        come_along(&net, at(1.0)),
        Some(Reason::ComeAlong {
            member: partner,
            gives_lift: false
        }),
        "the inner circle first"
    );
    assert_eq!(come_along(&net, Reach::Online), None, "nowhere to go");
    assert_eq!(come_along(&net, Reach::National), None, "nowhere to go");
}

#[test]
fn resources_that_could_fill_a_gap_in_support_say_so() {
    let gaps_filled = |net: &Network, sub: SubCategory| -> Vec<Reason> {
        let mut r = res("a");
        r.subcategories = [sub].into();
        reasons_for(r, &Preferences::default(), net)
            .into_iter()
            .filter(|x| matches!(x, Reason::FillsGap(_)))
            .collect()
    };
    let empty = Network::default();
    assert!(
        gaps_filled(&empty, SubCategory::Befriending).is_empty(),
        "an empty map shows no gaps"
    );

    // Emotional support rests on one member; everyday support is shared; no one helps with
    // illness work.
    let mut net = Network::default();
    person(
        &mut net,
        "Pat",
        Circle::Outer,
        &[SupportTask::Comfort, SupportTask::Shopping],
    );
    person(&mut net, "Sam", Circle::Outer, &[SupportTask::Shopping]);
    assert_eq!(
        gaps_filled(&net, SubCategory::Befriending),
        [Reason::FillsGap(SupportArea::Emotional)]
    );
    assert_eq!(
        gaps_filled(&net, SubCategory::HealthConditions),
        [Reason::FillsGap(SupportArea::Illness)]
    );
    assert!(
        gaps_filled(&net, SubCategory::HomeSupport).is_empty(),
        "everyday is shared"
    );
    assert!(
        gaps_filled(&net, SubCategory::Volunteering).is_empty(),
        "helps with no area"
    );
    assert_eq!(
        gaps_filled(&net, SubCategory::CarersSupport),
        [Reason::FillsGap(SupportArea::Emotional)]
    );

    // A gap filled counts in the ranking.
    let mut befriending = res("befriending");
    befriending.name = "Zed".into();
    let mut learning = res("learning");
    learning.name = "Able".into();
    learning.subcategories = [SubCategory::EducationLearning].into();
    let s = suggest(
        &dir(vec![learning, befriending]),
        &Preferences::default(),
        Some(HOME),
        &net,
        &no_conditions(),
        TODAY,
    );
    assert_eq!(ranked_ids(&s), ["befriending", "learning"]);
}

// ---------------------------------------------------------------- no match

struct NoMatch {
    name: &'static str,
    prefs: fn(&mut Preferences),
    resources: fn() -> Vec<Resource>,
    most: Option<Limit>,
    counts: &'static [(Limit, usize, usize)],
}

fn far(id: &str) -> Resource {
    let mut r = res(id);
    r.reach = at(5.0);
    r
}

fn paid(mut r: Resource) -> Resource {
    r.cost = Cost::Paid { minor_units: 400 };
    r
}

const NO_MATCH: &[NoMatch] = &[
    NoMatch {
        name: "distance left most out",
        prefs: |p| {
            p.travel = travel(&[TravelMode::Walk]);
            p.cost = CostLimit::FreeOnly;
        },
        resources: || vec![far("a"), far("b"), paid(far("c")), paid(res("d"))],
        most: Some(Limit::Distance),
        counts: &[(Limit::Distance, 3, 2), (Limit::Cost, 2, 1)],
    },
    NoMatch {
        name: "cost left most out",
        prefs: |p| {
            p.travel = travel(&[TravelMode::Walk]);
            p.cost = CostLimit::FreeOnly;
        },
        resources: || vec![paid(res("a")), paid(res("b")), far("c")],
        most: Some(Limit::Cost),
        counts: &[(Limit::Distance, 1, 1), (Limit::Cost, 2, 2)],
    },
    NoMatch {
        name: "a tie goes to the limit that alone left more out",
        prefs: |p| {
            p.travel = travel(&[TravelMode::Walk]);
            p.cost = CostLimit::FreeOnly;
            p.times.insert(slot(Weekday::Tuesday, DayPart::Morning));
        },
        resources: || {
            let mut far_and_evening = far("b");
            far_and_evening.sessions = vec![session(Weekday::Monday, DayPart::Evening)];
            vec![far("a"), far_and_evening, paid(res("c")), paid(res("d"))]
        },
        most: Some(Limit::Cost),
        counts: &[
            (Limit::Distance, 2, 1),
            (Limit::Cost, 2, 2),
            (Limit::Time, 1, 0),
        ],
    },
    NoMatch {
        name: "a full tie goes to the first practical limit",
        prefs: |p| {
            p.travel = travel(&[TravelMode::Walk]);
            p.cost = CostLimit::FreeOnly;
        },
        resources: || vec![far("a"), paid(res("b"))],
        most: Some(Limit::Distance),
        counts: &[(Limit::Distance, 1, 1), (Limit::Cost, 1, 1)],
    },
    NoMatch {
        name: "practical limits are counted only among resources of interest",
        prefs: |p| {
            p.interests.insert(Interest::Creative);
            p.cost = CostLimit::FreeOnly;
            p.languages = vec!["pl".into()];
        },
        resources: || {
            let mut art = res("art");
            art.subcategories = [SubCategory::ArtsCrafts].into();
            art.languages = vec!["pl".into()];
            let mut art = paid(art);
            art.name = "Art".into();
            vec![paid(res("a")), paid(res("b")), art]
        },
        most: Some(Limit::Cost),
        counts: &[
            (Limit::Interest, 2, 0),
            (Limit::Cost, 1, 1),
            (Limit::Language, 0, 0),
        ],
    },
    NoMatch {
        name: "nothing of interest",
        prefs: |p| {
            p.interests.insert(Interest::Creative);
        },
        resources: || vec![res("a"), res("b")],
        most: Some(Limit::Interest),
        counts: &[(Limit::Interest, 2, 2)],
    },
    NoMatch {
        name: "only closed entries: nothing to relax",
        prefs: nothing,
        resources: || {
            let mut a = res("a");
            a.status = Status::Defunct;
            vec![a]
        },
        most: None,
        counts: &[(Limit::Status, 1, 1)],
    },
    NoMatch {
        name: "empty directory",
        prefs: |p| p.cost = CostLimit::FreeOnly,
        resources: Vec::new,
        most: None,
        counts: &[],
    },
    NoMatch {
        name: "something matched: no limit named",
        prefs: |p| p.travel = travel(&[TravelMode::Walk]),
        resources: || vec![far("a"), far("b"), res("c")],
        most: None,
        counts: &[(Limit::Distance, 2, 2)],
    },
];

#[test]
fn when_nothing_matches_the_limit_that_excluded_most_is_named() {
    for case in NO_MATCH {
        let mut prefs = Preferences::default();
        (case.prefs)(&mut prefs);
        let resources = (case.resources)();
        let total = resources.len();
        let s = run(resources, &prefs);
        assert_eq!(s.excluded_most_by, case.most, "{}", case.name);
        assert_eq!(s.considered, total, "{}", case.name);
        for &limit in Limit::ALL {
            let (excluded, only) = case
                .counts
                .iter()
                .find(|(l, _, _)| *l == limit)
                .map_or((0, 0), |&(_, e, o)| (e, o));
            let got = s.excluded_by(limit);
            assert_eq!(
                (got.excluded, got.only_this),
                (excluded, only),
                "{}: {limit}",
                case.name
            );
        }
    }
}

#[test]
fn stable_words() {
    let words: Vec<&str> = Limit::ALL.iter().map(|l| l.as_str()).collect();
    assert_eq!(
        words,
        ["interest", "status", "distance", "cost", "time", "access", "language"]
    );
    assert_eq!(constants::WALK_KM, 1.5);
    assert_eq!(constants::BUS_KM, 8.0);
    assert_eq!(constants::CAR_KM, 20.0);
}

#[test]
fn entries_for_a_named_condition_come_first_and_say_so() {
    let mut choir = res("choir");
    choir.name = "Able Choir".into();
    let mut breathing = res("breathing");
    breathing.name = "Zed Singing".into();
    breathing.description = "Singing for better BREATHING, for people with lung conditions.".into();
    let mut heartfelt = res("heartfelt");
    heartfelt.name = "Heartfelt Welcome".into();
    let directory = dir(vec![choir, breathing, heartfelt]);
    let prefs = Preferences::default();
    let reasons = |s: &Suggestions, id: &str| {
        s.ranked
            .iter()
            .find(|x| x.id == id)
            .map(|x| x.reasons.clone())
            .unwrap_or_default()
    };

    // Nothing named: by name, no condition reason.
    let plain = suggest(
        &directory,
        &prefs,
        Some(HOME),
        &Network::default(),
        &no_conditions(),
        TODAY,
    );
    assert_eq!(ranked_ids(&plain), ["choir", "heartfelt", "breathing"]);
    assert!(!reasons(&plain, "breathing").contains(&Reason::ForCondition(Condition::Copd)));

    // COPD named: the breathing group first, worth exactly the documented points, with its
    // reason after the interests; "Heartfelt" is not read as heart disease.
    let named: BTreeSet<Condition> = [Condition::HeartDisease, Condition::Copd].into();
    let tailored = suggest(
        &directory,
        &prefs,
        Some(HOME),
        &Network::default(),
        &named,
        TODAY,
    );
    assert_eq!(ranked_ids(&tailored), ["breathing", "choir", "heartfelt"]);
    let score = |s: &Suggestions, id: &str| s.ranked.iter().find(|x| x.id == id).map(|x| x.score);
    assert_eq!(
        score(&tailored, "breathing"),
        score(&plain, "breathing").map(|p| p + constants::FOR_CONDITION_POINTS)
    );
    assert_eq!(score(&tailored, "heartfelt"), score(&plain, "heartfelt"));
    let why = reasons(&tailored, "breathing");
    assert_eq!(
        why.iter()
            .filter(|r| matches!(r, Reason::ForCondition(_)))
            .count(),
        1
    );
    assert!(why.contains(&Reason::ForCondition(Condition::Copd)));
}

#[test]
fn every_condition_has_words() {
    for &condition in Condition::ALL {
        assert!(
            !genie_core::matching::condition_words(condition).is_empty(),
            "{condition}"
        );
    }
}
