//! The best N without ordering everything: for any N, the same suggestions in the same order
//! as the first N of the full ranking, on directories with many equal scores and names.

use genie_core::directory::{generate::realistic, Directory};
use genie_core::matching::sample::{conditions, directory, network, preferences, TODAY};
use genie_core::matching::{find, suggest, Suggestion};
use genie_core::model::SubCategory;

const HOME: (f64, f64) = (52.6, -1.95);

fn ids(list: &[Suggestion]) -> Vec<&str> {
    list.iter().map(|s| s.id.as_str()).collect()
}

fn directories() -> Vec<Directory> {
    let mut dirs = vec![
        realistic(2_000, 1, HOME, "MB"),
        realistic(6_000, 2, HOME, "MB"),
        directory(3_000, 7),
    ];
    // Many entries with one name and one score: only the id can order them.
    let mut twins = realistic(400, 3, HOME, "MB");
    for r in &mut twins.resources {
        r.name = "Same Name".into();
    }
    dirs.push(twins);
    dirs
}

#[test]
fn best_n_is_the_start_of_the_full_ranking() {
    for dir in directories() {
        let full = suggest(
            &dir,
            &preferences(),
            Some(HOME),
            &network(),
            &conditions(),
            TODAY,
        );
        let found = find(
            &dir,
            &preferences(),
            Some(HOME),
            &network(),
            &conditions(),
            TODAY,
        );
        assert_eq!(found.len(), full.ranked.len());
        assert!(full.ranked.len() > 21, "{} matched", full.ranked.len());
        for n in [
            0,
            1,
            2,
            5,
            20,
            21,
            40,
            full.ranked.len() - 1,
            full.ranked.len(),
            full.ranked.len() + 5,
        ] {
            let best = found.best(&dir, n);
            let end = n.min(full.ranked.len());
            assert_eq!(best, full.ranked[..end], "n = {n}");
        }
    }
}

#[test]
fn showing_more_continues_where_the_first_page_ended() {
    let dir = realistic(5_000, 9, HOME, "MB");
    let found = find(
        &dir,
        &preferences(),
        Some(HOME),
        &network(),
        &conditions(),
        TODAY,
    );
    let first = found.best(&dir, 20);
    let more = found.best(&dir, 40);
    assert_eq!(ids(&more[..20]), ids(&first));
    assert_eq!(more.len(), 40);
    assert!(more[19].score >= more[20].score);
}

#[test]
fn best_of_one_interest_is_the_full_ranking_filtered() {
    let dir = realistic(4_000, 5, HOME, "MB");
    let full = suggest(
        &dir,
        &preferences(),
        Some(HOME),
        &network(),
        &conditions(),
        TODAY,
    );
    let found = find(
        &dir,
        &preferences(),
        Some(HOME),
        &network(),
        &conditions(),
        TODAY,
    );
    for sub in [
        SubCategory::Swimming,
        SubCategory::SocialClubs,
        SubCategory::Befriending,
    ] {
        let has = |s: &Suggestion| dir.resources[s.index].subcategories.contains(&sub);
        let expected: Vec<&Suggestion> = full.ranked.iter().filter(|s| has(s)).take(3).collect();
        let best = found.best_where(&dir, 3, has);
        assert_eq!(best.iter().collect::<Vec<_>>(), expected, "{sub:?}");
        assert!(!best.is_empty(), "{sub:?} has matches");
    }
}

/// The short list: for each interest named, in question order, the best few of that interest
/// not already shown; every other match is in "the rest", so nothing is out of reach.
#[test]
fn the_short_list_is_the_best_few_per_interest_and_the_rest_is_everything_else() {
    use genie_core::matching::{shortlist, shown_in};
    use genie_core::model::Interest;
    let dir = realistic(4_000, 8, HOME, "MB");
    let mut prefs = preferences();
    prefs.interests = [Interest::GetFitter, Interest::Social, Interest::SeeOthers].into();
    let full = suggest(&dir, &prefs, Some(HOME), &network(), &conditions(), TODAY);
    let found = find(&dir, &prefs, Some(HOME), &network(), &conditions(), TODAY);
    let groups = shortlist(&found, &dir, &prefs.interests, 3, 6);
    let order: Vec<_> = groups.iter().map(|g| g.interest).collect();
    // In the order of the questions, whatever order they were ticked in.
    assert_eq!(
        order,
        [
            Some(Interest::Social),
            Some(Interest::GetFitter),
            Some(Interest::SeeOthers)
        ]
    );
    let mut before = std::collections::HashSet::new();
    for group in &groups {
        let subs = group
            .interest
            .map(|i| i.switches_on().1)
            .unwrap_or_default();
        let expected: Vec<&Suggestion> = full
            .ranked
            .iter()
            .filter(|s| !before.contains(&s.index))
            .filter(|s| {
                dir.resources[s.index]
                    .subcategories
                    .iter()
                    .any(|x| subs.contains(x))
            })
            .take(3)
            .collect();
        assert_eq!(group.suggestions.iter().collect::<Vec<_>>(), expected);
        assert_eq!(group.suggestions.len(), 3);
        before.extend(group.suggestions.iter().map(|s| s.index));
    }
    let shown = shown_in(&groups);
    assert_eq!(shown.len(), 9, "no entry twice");
    let rest = found.best_where(&dir, usize::MAX, |s| !shown.contains(&s.index));
    assert_eq!(
        rest.len() + shown.len(),
        full.ranked.len(),
        "every match reachable"
    );

    // One interest: about six, not three. None: the best six overall.
    prefs.interests = [Interest::GetFitter].into();
    let found = find(&dir, &prefs, Some(HOME), &network(), &conditions(), TODAY);
    assert_eq!(
        shortlist(&found, &dir, &prefs.interests, 3, 6)[0]
            .suggestions
            .len(),
        6
    );
    let none = shortlist(&found, &dir, &Default::default(), 3, 6);
    assert_eq!(none.len(), 1);
    assert_eq!(none[0].interest, None);
    assert_eq!(none[0].suggestions, found.best(&dir, 6));
}
