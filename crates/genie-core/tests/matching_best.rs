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
