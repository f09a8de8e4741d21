//! The short, well-ordered choice a phone shows first: the best few for each interest the
//! person named, in the order of the questions, no entry twice; the rest is one tap away.

use std::collections::{BTreeSet, HashSet};

use super::{Matches, Suggestion};
use crate::directory::Directory;
use crate::model::Interest;

/// Suggestions for one interest (or, when none was named, the best overall).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// `None`: the person named no interest, so this is the best fit overall.
    pub interest: Option<Interest>,
    /// Best first; empty when nothing for this interest fits.
    pub suggestions: Vec<Suggestion>,
}

/// How many a short list shows for each interest: at least `per`, and about `total` in all
/// when few interests were named (one interest shows `total`, not three).
pub fn per_interest(interests: usize, per: usize, total: usize) -> usize {
    if interests == 0 {
        total
    } else {
        per.max(total.div_ceil(interests))
    }
}

/// The best `per_interest(interests.len(), per, total)` for each interest in `interests`
/// (question order), skipping what an earlier interest already shows. With no interest
/// named, one group of the best `total`.
pub fn shortlist(
    matches: &Matches,
    directory: &Directory,
    interests: &BTreeSet<Interest>,
    per: usize,
    total: usize,
) -> Vec<Group> {
    let n = per_interest(interests.len(), per, total);
    if interests.is_empty() {
        return vec![Group {
            interest: None,
            suggestions: matches.best(directory, n),
        }];
    }
    let mut shown: HashSet<usize> = HashSet::new();
    interests
        .iter()
        .map(|&interest| {
            let subs = interest.switches_on().1;
            let suggestions = matches.best_where(directory, n, |s| {
                !shown.contains(&s.index)
                    && directory
                        .resources
                        .get(s.index)
                        .is_some_and(|r| r.subcategories.iter().any(|sub| subs.contains(sub)))
            });
            shown.extend(suggestions.iter().map(|s| s.index));
            Group {
                interest: Some(interest),
                suggestions,
            }
        })
        .collect()
}

/// The directory positions a short list shows, to leave them out of "all the others".
pub fn shown_in(groups: &[Group]) -> HashSet<usize> {
    groups
        .iter()
        .flat_map(|g| g.suggestions.iter().map(|s| s.index))
        .collect()
}
