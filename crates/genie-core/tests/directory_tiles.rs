//! Tiles by place add up to exactly the single-file directory, and the tiles a person needs
//! hold every entry within their reach.

use genie_core::directory::generate::realistic;
use genie_core::directory::tiles::{merge, split, TileIndex};
use genie_core::directory::{validate, Reach};
use genie_core::matching::haversine_km;

const CENTRE: (f64, f64) = (52.6, -1.95);

#[test]
fn tiles_add_up_to_exactly_the_single_file_directory() {
    for (n, seed) in [(154, 1), (5_000, 2), (20_000, 3)] {
        let dir = realistic(n, seed, CENTRE, "MB");
        let single = serde_json::to_string_pretty(&dir).unwrap_or_default();
        let (whole, problems) = validate(&single);
        assert!(problems.is_empty());
        let tiled = split(&dir).expect("tiles written");
        let index_text = serde_json::to_string(&tiled.index).unwrap_or_default();
        let index = TileIndex::parse(&index_text).expect("index reads back");
        assert_eq!(index, tiled.index);
        // Every file named in the index was written, with the hash of its text in its name.
        let files: std::collections::HashMap<&str, &str> = tiled
            .files
            .iter()
            .map(|(name, text)| (name.as_str(), text.as_str()))
            .collect();
        let all = index.needed(None, None);
        assert_eq!(all.len(), index.tiles.len() + 1);
        assert_eq!(files.len(), all.len());
        let checked: Vec<_> = all
            .iter()
            .map(|f| {
                let text = files[f.file.as_str()];
                assert!(f
                    .file
                    .contains(&genie_core::directory::tiles::text_hash(text)));
                let (part, problems) = validate(text);
                assert!(problems.is_empty(), "{problems:?}");
                assert_eq!(part.resources.len(), f.entries);
                (*f, part)
            })
            .collect();
        let parts: Vec<_> = checked.iter().map(|(f, d)| (*f, d)).collect();
        let merged = merge(&index.area, &parts);
        assert_eq!(merged, whole, "{n} entries");
        assert_eq!(index.entries, n);
        // Remote entries are in their own file, and only there.
        let remote = validate(files[index.remote.file.as_str()]).0;
        assert!(remote
            .resources
            .iter()
            .all(|r| !matches!(r.reach, Reach::Local { .. })));
    }
}

#[test]
fn the_tiles_needed_hold_everything_within_reach_and_little_else() {
    let dir = realistic(50_000, 4, CENTRE, "MB");
    let tiled = split(&dir).expect("tiles written");
    let index = &tiled.index;
    // Each file's ids, read once.
    let ids_in: std::collections::HashMap<&str, Vec<String>> = tiled
        .files
        .iter()
        .map(|(name, text)| {
            let ids = validate(text)
                .0
                .resources
                .into_iter()
                .map(|r| r.id)
                .collect();
            (name.as_str(), ids)
        })
        .collect();
    let homes = [CENTRE, (52.75, -2.2), (52.31, -1.5), (53.2, -1.95)];
    for home in homes {
        for km in [1.6, 8.0, 24.0] {
            let needed = index.needed(Some(home), Some(km));
            let ids: std::collections::HashSet<String> = needed
                .iter()
                .flat_map(|f| ids_in[f.file.as_str()].iter().cloned())
                .collect();
            for r in &dir.resources {
                let within = match &r.reach {
                    Reach::Local { location } => {
                        haversine_km(home, (location.lat, location.lon)) <= km
                    }
                    _ => true,
                };
                if within {
                    assert!(ids.contains(&r.id), "{} within {km} km of {home:?}", r.id);
                }
            }
            let entries: usize = needed.iter().map(|f| f.entries).sum();
            if km <= 8.0 {
                assert!(entries < dir.resources.len() / 4, "{entries} for {km} km");
            }
        }
    }
}

#[test]
fn only_settings_that_say_tiles_announce_tiles() {
    use genie_core::directory::tiles::announced;
    assert!(announced(
        r#"{"version": 1, "name": "A", "directory": "tiles"}"#
    ));
    for text in [
        r#"{"version": 1, "name": "A"}"#,
        r#"{"directory": "file"}"#,
        r#"{"directory": 1}"#,
        "not json",
        "",
    ] {
        assert!(!announced(text), "{text}");
    }
}
