//! One tap to relax the limit that left most out, when nothing matched.

use crate::model::{CostLimit, Preferences};

use super::Limit;

/// Whether a limit can be relaxed with one tap: distance, cost, times and languages. Access
/// needs are kept (a place the person cannot get into is no use to them), interests are the
/// person's answers to the questions, and whether a resource runs is never relaxed.
pub fn can_relax(limit: Limit) -> bool {
    matches!(
        limit,
        Limit::Distance | Limit::Cost | Limit::Time | Limit::Language
    )
}

/// Relaxes one limit in the preferences: any distance (no distance and no ways of travel
/// given), any cost, any day or time, any language. Returns whether anything changed.
pub fn relax(limit: Limit, preferences: &mut Preferences) -> bool {
    let before = preferences.clone();
    match limit {
        Limit::Distance => {
            preferences.max_distance_km = None;
            preferences.travel.clear();
        }
        Limit::Cost => preferences.cost = CostLimit::Any,
        Limit::Time => preferences.times.clear(),
        Limit::Language => preferences.languages.clear(),
        Limit::Interest | Limit::Status | Limit::Access => {}
    }
    *preferences != before
}
