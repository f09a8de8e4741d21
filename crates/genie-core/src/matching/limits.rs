//! Eligibility: the limits a resource must meet to be suggested at all.
//!
//! Each [`Limit`] is checked on its own, so that when nothing matches the person can be told
//! which limit left most out and be offered to relax it. docs/matching.md explains the rules.

use std::collections::BTreeSet;

use crate::directory::{Cost, Reach, Resource, Status};
use crate::model::{
    AccessNeed, CostLimit, DayPart, Preferences, SubCategory, TimeSlot, TravelMode, Weekday,
};

use super::geo::haversine_km;

/// How far a person on foot is taken to go, in kilometres (about 20 minutes' walk).
pub const WALK_KM: f32 = 1.5;
/// How far a person on a bicycle is taken to go, in kilometres (about 20 minutes' easy ride).
pub const CYCLE_KM: f32 = 5.0;
/// How far a person by bus is taken to go, in kilometres (a town and its edges).
pub const BUS_KM: f32 = 8.0;
/// How far a person driving is taken to go, in kilometres.
pub const CAR_KM: f32 = 20.0;
/// How far a lift from someone in the network is taken to go, in kilometres.
pub const LIFT_KM: f32 = 20.0;

/// How far each way of travelling is taken to reach when the person gives no distance.
pub fn reach_km(mode: TravelMode) -> f32 {
    match mode {
        TravelMode::Walk => WALK_KM,
        TravelMode::Cycle => CYCLE_KM,
        TravelMode::Bus => BUS_KM,
        TravelMode::Car => CAR_KM,
        TravelMode::Lift => LIFT_KM,
    }
}

/// One of the limits a resource must meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Limit {
    /// Filed under a sub-category the person's answers switched on.
    Interest,
    /// Running (not inactive or defunct). Never relaxed.
    Status,
    /// Within reach by the chosen travel, or the distance the person gave.
    Distance,
    /// Within the person's cost limit.
    Cost,
    /// At a time that suits.
    Time,
    /// Offers every access need the person has.
    Access,
    /// Offered in a language the person is comfortable in.
    Language,
}

impl Limit {
    /// Every limit, in the order they are counted.
    pub const ALL: &'static [Limit] = &[
        Limit::Interest,
        Limit::Status,
        Limit::Distance,
        Limit::Cost,
        Limit::Time,
        Limit::Access,
        Limit::Language,
    ];

    /// The practical limits the person set, which the UI can offer to relax.
    pub const PRACTICAL: &'static [Limit] = &[
        Limit::Distance,
        Limit::Cost,
        Limit::Time,
        Limit::Access,
        Limit::Language,
    ];

    /// The stable word for this limit.
    pub fn as_str(self) -> &'static str {
        match self {
            Limit::Interest => "interest",
            Limit::Status => "status",
            Limit::Distance => "distance",
            Limit::Cost => "cost",
            Limit::Time => "time",
            Limit::Access => "access",
            Limit::Language => "language",
        }
    }

    pub(crate) fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

impl std::fmt::Display for Limit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The person's limits, read once for a whole directory.
pub(crate) struct Limits<'p> {
    pub wanted: BTreeSet<SubCategory>,
    pub home: Option<(f64, f64)>,
    /// `None`: no distance limit (no home, or neither travel nor a distance given).
    pub max_km: Option<f64>,
    pub travel: &'p BTreeSet<TravelMode>,
    pub cost: CostLimit,
    pub times: &'p BTreeSet<TimeSlot>,
    pub access: &'p BTreeSet<AccessNeed>,
    /// The person's tags with their primary language, lower case, in the person's order.
    pub languages: Vec<(&'p str, String)>,
}

/// What checking one resource found.
pub(crate) struct Check {
    /// One bit per failed [`Limit`].
    pub failed: u8,
    pub distance_km: Option<f64>,
    pub time: Option<(Weekday, DayPart)>,
    pub language: Option<String>,
}

impl<'p> Limits<'p> {
    pub fn new(preferences: &'p Preferences, home: Option<(f64, f64)>) -> Self {
        let home = home.filter(|&(lat, lon)| {
            lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0
        });
        let given = preferences
            .max_distance_km
            .filter(|km| km.is_finite() && *km > 0.0);
        let by_travel = preferences
            .travel
            .iter()
            .map(|&mode| reach_km(mode))
            .reduce(f32::max);
        let max_km = home.and(given.or(by_travel)).map(f64::from);
        Limits {
            wanted: preferences.wanted_subcategories(),
            home,
            max_km,
            travel: &preferences.travel,
            cost: preferences.cost,
            times: &preferences.times,
            access: &preferences.access,
            languages: preferences
                .languages
                .iter()
                .filter(|tag| !tag.trim().is_empty())
                .map(|tag| (tag.as_str(), primary(tag)))
                .collect(),
        }
    }

    /// Checks every limit (not stopping at the first failure, so each can be counted).
    pub fn check(&self, resource: &Resource) -> Check {
        let mut failed = 0u8;
        let mut fail = |limit: Limit| failed |= limit.bit();

        if !self.wanted.is_empty() && resource.subcategories.is_disjoint(&self.wanted) {
            fail(Limit::Interest);
        }
        if resource.status != Status::Active {
            fail(Limit::Status);
        }

        let mut distance_km = None;
        if let Reach::Local { location } = &resource.reach {
            if let Some(home) = self.home {
                let km = haversine_km(home, (location.lat, location.lon));
                distance_km = Some(km);
                if self.max_km.is_some_and(|max| km > max) {
                    fail(Limit::Distance);
                }
            }
            // Access needs are about getting in and taking part at a place.
            if !self.access.is_subset(&resource.access) {
                fail(Limit::Access);
            }
        }

        let cost_ok = match (self.cost, resource.cost) {
            (CostLimit::Any, _) | (_, Cost::Free) | (_, Cost::Unknown) => true,
            (CostLimit::FreeOnly, Cost::Paid { minor_units }) => minor_units == 0,
            (CostLimit::UpTo { minor_units: max }, Cost::Paid { minor_units }) => {
                minor_units <= max
            }
        };
        if !cost_ok {
            fail(Limit::Cost);
        }

        let mut time = None;
        if !self.times.is_empty() && !resource.sessions.is_empty() {
            let mut sessions: Vec<(Weekday, DayPart)> =
                resource.sessions.iter().map(|s| (s.day, s.part)).collect();
            sessions.sort();
            time = sessions
                .into_iter()
                .find(|&(day, part)| self.times.contains(&TimeSlot { day, part }));
            if time.is_none() {
                fail(Limit::Time);
            }
        }

        let mut language = None;
        if !self.languages.is_empty() {
            language = self
                .languages
                .iter()
                .find(|(_, wanted)| {
                    if resource.languages.is_empty() {
                        wanted == "en"
                    } else {
                        resource.languages.iter().any(|tag| primary(tag) == *wanted)
                    }
                })
                .map(|(tag, _)| tag.trim().to_string());
            if language.is_none() {
                fail(Limit::Language);
            }
        }

        Check {
            failed,
            distance_km,
            time,
            language,
        }
    }

    /// The slowest chosen way of travel that reaches `km`, or the farthest-reaching chosen one
    /// when the person gave a distance beyond them all.
    pub fn mode_for(&self, km: f64) -> Option<TravelMode> {
        self.travel
            .iter()
            .copied()
            .find(|&mode| km <= f64::from(reach_km(mode)))
            .or_else(|| {
                self.travel
                    .iter()
                    .copied()
                    .max_by(|a, b| reach_km(*a).total_cmp(&reach_km(*b)))
            })
    }
}

/// The primary language of a BCP 47 tag, lower case: "en-GB" and "EN" are both "en".
fn primary(tag: &str) -> String {
    tag.trim()
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}
