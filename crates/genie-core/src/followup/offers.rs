//! Check-in outcomes feeding back into suggestions: a barrier the person named after trying
//! something becomes an offer to change the matching practical limit. Offers, not silent
//! changes: the person decides.

use std::collections::BTreeSet;

use crate::model::{Barrier, Choice, CostLimit, Preferences};

/// Nearer than this counts as "close to home" when travel got in the way.
pub const NEAR_KM: f32 = 2.0;

/// A change to the practical limits the person could make, and the barrier that led to it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LimitOffer {
    /// Cost got in the way: show only free things.
    FreeOnly,
    /// Getting there got in the way: show only things close to home.
    CloseToHome { km: f32 },
    /// The time it ran got in the way: look again at the times that suit.
    ReviewTimes,
    /// Going alone got in the way: suggestions with someone to go with are worth a look.
    SomeoneToGoWith,
}

/// Barriers named in any check-in, newest check-ins count the same as old ones.
pub fn named_barriers(choices: &[Choice]) -> BTreeSet<Barrier> {
    choices
        .iter()
        .flat_map(|c| c.check_ins.iter())
        .flat_map(|c| c.barriers.iter().copied())
        .collect()
}

/// The offers that would still change something, given the current preferences.
pub fn limit_offers(preferences: &Preferences, choices: &[Choice]) -> Vec<LimitOffer> {
    let named = named_barriers(choices);
    let mut offers = Vec::new();
    if named.contains(&Barrier::Cost) && preferences.cost != CostLimit::FreeOnly {
        offers.push(LimitOffer::FreeOnly);
    }
    if named.contains(&Barrier::Transport)
        && preferences.max_distance_km.map_or(true, |km| km > NEAR_KM)
    {
        offers.push(LimitOffer::CloseToHome { km: NEAR_KM });
    }
    if named.contains(&Barrier::Timing) {
        offers.push(LimitOffer::ReviewTimes);
    }
    if named.contains(&Barrier::NobodyToGoWith) || named.contains(&Barrier::Confidence) {
        offers.push(LimitOffer::SomeoneToGoWith);
    }
    offers
}

/// Applies an offer the person accepted.
pub fn apply(offer: LimitOffer, preferences: &mut Preferences) {
    match offer {
        LimitOffer::FreeOnly => preferences.cost = CostLimit::FreeOnly,
        LimitOffer::CloseToHome { km } => preferences.max_distance_km = Some(km),
        LimitOffer::ReviewTimes | LimitOffer::SomeoneToGoWith => {}
    }
}
