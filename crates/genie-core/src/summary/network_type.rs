//! The network type: a plain-language name for the shape of someone's network.
//!
//! The types loosely follow the six-country survey's five (restricted, minimal family, family,
//! weak ties, diverse), plus the friend-centred type of the 2016 Genie typology, because the
//! survey's five have no place for a network made mostly of friends. The survey found its
//! types by cluster analysis; we cannot repeat that on one person's map, so the thresholds
//! below are our own, transparent adaptation. docs/network-types.md explains them for
//! non-developers; keep the two in step.
//!
//! The rules are checked in order and the first that fits wins. All of them read the person's
//! personal ties (people other than professionals, and groups; see `RoleCounts::personal_ties`).

use super::role::RoleCounts;

/// Fewer personal ties than this is a small network.
pub const SMALL_NETWORK: usize = 5;
/// A small network where at least this percentage of the personal ties are family is
/// "minimal family"; any other small network is "restricted".
pub const MINIMAL_FAMILY_PERCENT: usize = 50;
/// More than this percentage of family makes a larger network family-centred.
pub const FAMILY_PERCENT: usize = 50;
/// More than this percentage of friends makes a larger network friend-centred.
pub const FRIENDS_PERCENT: usize = 50;
/// More than this percentage of weak ties makes a larger network weak-tie-centred.
pub const WEAK_TIES_PERCENT: usize = 50;

/// The shape of a network. Stable words are given by [`NetworkType::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NetworkType {
    /// Small, and not mostly family (survey: "restricted").
    Restricted,
    /// Small, and at least half family (survey: "minimal family").
    MinimalFamily,
    /// Larger, and more than half family (survey: "family").
    Family,
    /// Larger, and more than half friends (2016 Genie typology: "friend centred").
    Friends,
    /// Larger, and more than half weak ties (survey: "weak ties").
    WeakTies,
    /// Larger, with no group making up more than half (survey: "diverse").
    Diverse,
}

impl NetworkType {
    /// Every type, from the smallest and closest to the most varied.
    pub const ALL: &'static [NetworkType] = &[
        NetworkType::Restricted,
        NetworkType::MinimalFamily,
        NetworkType::Family,
        NetworkType::Friends,
        NetworkType::WeakTies,
        NetworkType::Diverse,
    ];

    /// The stable word for this type (catalogue key and export value). Changing one changes
    /// exported data: treat it like a schema change.
    pub fn as_str(self) -> &'static str {
        match self {
            NetworkType::Restricted => "restricted",
            NetworkType::MinimalFamily => "minimal_family",
            NetworkType::Family => "family",
            NetworkType::Friends => "friends",
            NetworkType::WeakTies => "weak_ties",
            NetworkType::Diverse => "diverse",
        }
    }
}

impl std::fmt::Display for NetworkType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The type of a network with `members` members in all and these role counts, or `None` when
/// nothing is on the map yet (an empty map has no shape, and calling it "restricted" would be
/// both wrong and unkind).
pub(crate) fn classify(members: usize, roles: &RoleCounts) -> Option<NetworkType> {
    if members == 0 {
        return None;
    }
    let ties = roles.personal_ties();
    // 1-2. Small networks: family at the heart, or not.
    if ties < SMALL_NETWORK {
        return Some(
            if roles.family > 0 && at_least(roles.family, ties, MINIMAL_FAMILY_PERCENT) {
                NetworkType::MinimalFamily
            } else {
                NetworkType::Restricted
            },
        );
    }
    // 3-5. Larger networks where one group makes up more than half.
    if more_than(roles.family, ties, FAMILY_PERCENT) {
        return Some(NetworkType::Family);
    }
    if more_than(roles.friends, ties, FRIENDS_PERCENT) {
        return Some(NetworkType::Friends);
    }
    if more_than(roles.weak_ties, ties, WEAK_TIES_PERCENT) {
        return Some(NetworkType::WeakTies);
    }
    // 6. Everything else is a mix.
    Some(NetworkType::Diverse)
}

/// `part` is at least `percent` % of `whole`. Whole numbers, so "half of 4" is exactly 2 and
/// no rounding can tip a network from one type into another.
pub(crate) fn at_least(part: usize, whole: usize, percent: usize) -> bool {
    part.saturating_mul(100) >= whole.saturating_mul(percent)
}

/// `part` is more than `percent` % of `whole`.
pub(crate) fn more_than(part: usize, whole: usize, percent: usize) -> bool {
    part.saturating_mul(100) > whole.saturating_mul(percent)
}
