//! Matching: which directory entries fit a person, in what order, and why.
//!
//! [`suggest`] reads the directory, the person's [`Preferences`], where home is, their
//! [`Network`], the health conditions they named, and today's date, and returns ranked [`Suggestion`]s, each with structured
//! [`Reason`]s. When nothing fits, [`Suggestions::excluded_most_by`] names the limit that left
//! most out, so the UI can offer to relax it. Nothing is worded here, and nothing reads a
//! clock: the shell passes `today` in. docs/matching.md explains the rules.
//!
//! - `limits`: eligibility, one [`Limit`] at a time, and the travel distances.
//! - `score`: the additive ranking and its points.
//! - `reason`: the reasons a suggestion carries.
//! - `conditions`: which entries are for people living with a named condition.
//! - `gaps`: which sub-categories help with which area of support.
//! - `geo`: haversine distances.
//! - `shortlist`: the best few for each interest the person named, shown first.

mod conditions;
mod gaps;
mod geo;
mod limits;
mod reason;
mod relax;
pub mod sample;
mod score;
mod shortlist;

use std::cmp::Ordering;
use std::collections::BTreeSet;

use crate::directory::{Cost, Date, Directory, Reach};
use crate::model::{Circle, Condition, MemberId, MemberKind, Network, Preferences, SupportTask};

pub use conditions::words as condition_words;
pub use gaps::helps_with;
pub use geo::haversine_km;
pub use limits::{reach_km, Limit};
pub use reason::Reason;
pub use relax::{can_relax, relax};
pub use shortlist::{per_interest, shortlist, shown_in, Group};

/// Every number matching uses, in one place for readers and for the docs.
pub mod constants {
    pub use super::geo::EARTH_RADIUS_KM;
    pub use super::limits::{BUS_KM, CAR_KM, LIFT_KM, WALK_KM};
    pub use super::score::{
        COME_ALONG_POINTS, COST_UNKNOWN_PENALTY, FILLS_GAP_POINTS, FOR_CONDITION_POINTS,
        FREE_POINTS, FRESH_DAYS, FRESH_POINTS, POINTS_PER_KM, REMOTE_AS_KM, STALE_DAYS,
        STALE_PENALTY, TIME_MATCH_POINTS,
    };
}

/// One suggested resource.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// The resource's position in `directory.resources`.
    pub index: usize,
    /// The resource's id.
    pub id: String,
    /// The ranking score (higher first); see [`constants`].
    pub score: i32,
    /// From home, for resources at a place when home is known.
    pub distance_km: Option<f32>,
    /// Why it was suggested and what is worth knowing, in [`Reason`] order.
    pub reasons: Vec<Reason>,
}

/// How many resources one limit left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LimitCount {
    pub limit: Limit,
    /// Resources this limit left out. The practical limits are counted only among resources
    /// that are running and of interest; a resource can be counted under several limits.
    pub excluded: usize,
    /// Resources left out by this limit alone: relaxing it would bring exactly these back.
    pub only_this: usize,
}

/// The outcome of matching.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestions {
    /// Best first.
    pub ranked: Vec<Suggestion>,
    /// Resources in the directory.
    pub considered: usize,
    /// One count per limit, in `Limit::ALL` order.
    pub excluded: Vec<LimitCount>,
    /// When nothing matched: the practical limit that left most out (or `Interest` when no
    /// running resource is of interest at all). `None` when something matched, the directory
    /// is empty, or only closed entries were left out.
    pub excluded_most_by: Option<Limit>,
}

impl Suggestions {
    /// The count for one limit.
    pub fn excluded_by(&self, limit: Limit) -> LimitCount {
        self.excluded
            .iter()
            .copied()
            .find(|c| c.limit == limit)
            .unwrap_or(LimitCount {
                limit,
                excluded: 0,
                only_this: 0,
            })
    }
}

/// Takes out of `suggestions` every entry the person said had closed when they checked in on
/// it: it is not suggested to them again, whatever the directory says.
pub fn drop_reported_closed(
    suggestions: &mut Suggestions,
    directory: &Directory,
    choices: &[crate::model::Choice],
) {
    retain_open(&mut suggestions.ranked, directory, choices);
}

fn retain_open(
    found: &mut Vec<Suggestion>,
    directory: &Directory,
    choices: &[crate::model::Choice],
) {
    let closed: BTreeSet<&str> = choices
        .iter()
        .filter(|c| c.reported_closed())
        .map(|c| c.resource_id.as_str())
        .collect();
    if closed.is_empty() {
        return;
    }
    found.retain(|s| {
        directory
            .resources
            .get(s.index)
            .map_or(true, |r| !closed.contains(r.id.as_str()))
    });
}

/// How far from home a person's limits reach, in km: the distance they gave, else the
/// furthest their travel allows. `None` when there is no limit (no home, or neither given):
/// then every place counts, and a directory in tiles needs every tile.
pub fn max_km(preferences: &Preferences, home: Option<(f64, f64)>) -> Option<f64> {
    limits::Limits::new(preferences, home).max_km
}

/// Suggests resources from `directory` for a person, every one ranked: [`find`], then
/// [`Matches::into_ranked`]. Deterministic: the same inputs give the same list in the same
/// order. A page that shows a few at a time should use [`find`] and [`Matches::best`].
pub fn suggest(
    directory: &Directory,
    preferences: &Preferences,
    home: Option<(f64, f64)>,
    network: &Network,
    conditions: &BTreeSet<Condition>,
    today: Date,
) -> Suggestions {
    find(directory, preferences, home, network, conditions, today).into_ranked(directory)
}

/// Every resource in `directory` that fits a person, with its score and reasons, in no
/// particular order. `home` is (latitude, longitude) in degrees, if known; `conditions` are the
/// health conditions they named (entries for those come higher); `today` dates the freshness
/// of entries. Ranking is left to [`Matches::best`], which orders only what is shown.
pub fn find(
    directory: &Directory,
    preferences: &Preferences,
    home: Option<(f64, f64)>,
    network: &Network,
    conditions: &BTreeSet<Condition>,
    today: Date,
) -> Matches {
    let limits = limits::Limits::new(preferences, home);
    let gaps = gaps::gaps(network);
    let companion = companion(network);
    let today = today.days_since_epoch();
    let interest_given = !limits.wanted.is_empty();

    let mut counts: Vec<LimitCount> = Limit::ALL
        .iter()
        .map(|&limit| LimitCount {
            limit,
            excluded: 0,
            only_this: 0,
        })
        .collect();
    let mut ranked = Vec::new();

    for (index, resource) in directory.resources.iter().enumerate() {
        let check = limits.check(resource);
        if check.failed != 0 {
            count(&mut counts, check.failed);
            continue;
        }

        let mut reasons = Vec::new();
        let mut score = 0i32;

        if interest_given {
            reasons.extend(
                resource
                    .subcategories
                    .iter()
                    .filter(|sub| limits.wanted.contains(sub))
                    .map(|&sub| Reason::MatchesInterest(sub)),
            );
        }

        if let Some(condition) = conditions::first_for(resource, conditions) {
            score += score::FOR_CONDITION_POINTS;
            reasons.push(Reason::ForCondition(condition));
        }

        let local = matches!(resource.reach, Reach::Local { .. });
        match (&resource.reach, check.distance_km) {
            (Reach::Local { .. }, Some(km)) => {
                score -= score::distance_penalty(km);
                reasons.push(Reason::Distance {
                    km: km as f32,
                    mode: limits.mode_for(km),
                });
            }
            (Reach::Local { .. }, None) => score -= score::distance_penalty(score::REMOTE_AS_KM),
            (Reach::Online, _) => {
                score -= score::distance_penalty(score::REMOTE_AS_KM);
                reasons.push(Reason::Online);
            }
            (Reach::National, _) => {
                score -= score::distance_penalty(score::REMOTE_AS_KM);
                reasons.push(Reason::National);
            }
        }

        if let Some((day, part)) = check.time {
            score += score::TIME_MATCH_POINTS;
            reasons.push(Reason::Time { day, part });
        }

        match resource.cost {
            Cost::Free | Cost::Paid { minor_units: 0 } => {
                score += score::FREE_POINTS;
                reasons.push(Reason::Free);
            }
            Cost::Unknown => {
                score -= score::COST_UNKNOWN_PENALTY;
                reasons.push(Reason::CostUnknown);
            }
            Cost::Paid { .. } => {}
        }

        if local {
            reasons.extend(limits.access.iter().map(|&need| Reason::Access(need)));
        }
        if let Some(tag) = check.language {
            reasons.push(Reason::Language(tag));
        }

        if let (true, Some((member, gives_lift))) = (local, companion) {
            score += score::COME_ALONG_POINTS;
            reasons.push(Reason::ComeAlong { member, gives_lift });
        }

        let filled: Vec<_> = gaps
            .iter()
            .copied()
            .filter(|&area| {
                resource
                    .subcategories
                    .iter()
                    .any(|&sub| gaps::helps_with(sub).contains(&area))
            })
            .collect();
        if !filled.is_empty() {
            score += score::FILLS_GAP_POINTS;
            reasons.extend(filled.into_iter().map(Reason::FillsGap));
        }

        match resource.checked.map(|d| today - d.days_since_epoch()) {
            Some(days) if days > score::STALE_DAYS => {
                score -= score::STALE_PENALTY;
                reasons.push(Reason::NotCheckedRecently {
                    days: u32::try_from(days).unwrap_or(u32::MAX),
                });
            }
            // A date in the future (a clock or typing slip) counts as just checked.
            Some(days) if days <= score::FRESH_DAYS => score += score::FRESH_POINTS,
            Some(_) => {}
            None => {
                score -= score::STALE_PENALTY;
                reasons.push(Reason::NeverChecked);
            }
        }

        ranked.push(Suggestion {
            index,
            id: resource.id.clone(),
            score,
            distance_km: check.distance_km.map(|km| km as f32),
            reasons,
        });
    }

    let excluded_most_by = if ranked.is_empty() {
        most_excluding(&counts)
    } else {
        None
    };

    Matches {
        found: ranked,
        considered: directory.resources.len(),
        excluded: counts,
        excluded_most_by,
    }
}

/// What fits a person, not yet in order: see [`find`].
#[derive(Debug, Clone, PartialEq)]
pub struct Matches {
    /// Every suggestion, in no particular order.
    pub found: Vec<Suggestion>,
    /// Resources in the directory.
    pub considered: usize,
    /// One count per limit, in `Limit::ALL` order.
    pub excluded: Vec<LimitCount>,
    /// As [`Suggestions::excluded_most_by`].
    pub excluded_most_by: Option<Limit>,
}

impl Matches {
    /// How many fit.
    pub fn len(&self) -> usize {
        self.found.len()
    }

    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// The best `n`, best first: the same as the first `n` of [`suggest`]'s list, found
    /// without ordering the rest (a selection, then a sort of only those `n`). "Show more"
    /// asks again with a larger `n`.
    pub fn best(&self, directory: &Directory, n: usize) -> Vec<Suggestion> {
        self.best_where(directory, n, |_| true)
    }

    /// The best `n` of those `keep` accepts, best first.
    pub fn best_where(
        &self,
        directory: &Directory,
        n: usize,
        keep: impl Fn(&Suggestion) -> bool,
    ) -> Vec<Suggestion> {
        let mut picked: Vec<&Suggestion> = self.found.iter().filter(|s| keep(s)).collect();
        let order = |a: &&Suggestion, b: &&Suggestion| rank_order(directory, a, b);
        if n == 0 {
            return Vec::new();
        }
        if n < picked.len() {
            picked.select_nth_unstable_by(n, order);
            picked.truncate(n);
        }
        picked.sort_unstable_by(order);
        picked.into_iter().cloned().collect()
    }

    /// Takes out every entry the person said had closed (see [`drop_reported_closed`]).
    pub fn drop_reported_closed(
        &mut self,
        directory: &Directory,
        choices: &[crate::model::Choice],
    ) {
        retain_open(&mut self.found, directory, choices);
    }

    /// Every suggestion, best first.
    pub fn into_ranked(mut self, directory: &Directory) -> Suggestions {
        self.found
            .sort_unstable_by(|a, b| rank_order(directory, a, b));
        Suggestions {
            ranked: self.found,
            considered: self.considered,
            excluded: self.excluded,
            excluded_most_by: self.excluded_most_by,
        }
    }
}

/// The ranking: higher score first, then name (regardless of case), id and position, so the
/// order is total and the same on every device.
fn rank_order(directory: &Directory, a: &Suggestion, b: &Suggestion) -> Ordering {
    let name = |s: &Suggestion| {
        directory
            .resources
            .get(s.index)
            .map_or("", |r| r.name.as_str())
    };
    b.score
        .cmp(&a.score)
        .then_with(|| compare_names(name(a), name(b)))
        .then_with(|| a.id.cmp(&b.id))
        .then_with(|| a.index.cmp(&b.index))
}

/// Adds one left-out resource to the counts. Status is counted for every resource; interest
/// only for running ones; the practical limits only for running resources of interest, since
/// relaxing them would not bring the others back.
fn count(counts: &mut [LimitCount], failed: u8) {
    let status = Limit::Status.bit();
    let interest = Limit::Interest.bit();
    for entry in counts.iter_mut() {
        let bit = entry.limit.bit();
        if failed & bit == 0 {
            continue;
        }
        let counted = match entry.limit {
            Limit::Status => true,
            Limit::Interest => failed & status == 0,
            _ => failed & (status | interest) == 0,
        };
        if counted {
            entry.excluded += 1;
        }
        if failed == bit {
            entry.only_this += 1;
        }
    }
}

/// The practical limit that left most out (ties: more left out by it alone, then
/// `Limit::ALL` order), else `Interest` if it left any out.
fn most_excluding(counts: &[LimitCount]) -> Option<Limit> {
    let practical = counts
        .iter()
        .filter(|c| Limit::PRACTICAL.contains(&c.limit) && c.excluded > 0)
        .min_by(|a, b| {
            b.excluded
                .cmp(&a.excluded)
                .then(b.only_this.cmp(&a.only_this))
                .then(a.limit.cmp(&b.limit))
        })
        .map(|c| c.limit);
    practical.or_else(|| {
        counts
            .iter()
            .find(|c| c.limit == Limit::Interest && c.excluded > 0)
            .map(|c| c.limit)
    })
}

/// Names compared without regard to case, then exactly, so the order is total.
fn compare_names(a: &str, b: &str) -> Ordering {
    a.chars()
        .flat_map(char::to_lowercase)
        .cmp(b.chars().flat_map(char::to_lowercase))
        .then_with(|| a.cmp(b))
}

/// The one person close to the person (inner circle before middle) who gives lifts or
/// companionship and could come along: lift-givers first, then the lowest id. With whether
/// they give lifts.
fn companion(network: &Network) -> Option<(MemberId, bool)> {
    network
        .members
        .iter()
        .filter(|m| {
            m.kind == MemberKind::Person && matches!(m.circle, Circle::Inner | Circle::Middle)
        })
        .filter_map(|m| {
            let lift = m.gives.contains(&SupportTask::Lifts);
            let company = m.gives.contains(&SupportTask::Companionship);
            (lift || company).then_some((m.circle, !lift, m.id))
        })
        .min()
        .map(|(_, no_lift, id)| (id, !no_lift))
}
