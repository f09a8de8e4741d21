//! Tiles by place add up to exactly the single-file directory, and the tiles a person needs
//! hold every entry within their reach.

use genie_core::directory::generate::realistic;
use genie_core::directory::tiles::{merge, split, Assembly, TileIndex, MAX_ENTRIES_PER_FILE};
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
        assert_eq!(all.len(), index.tiles.len() + index.remote.len());
        // No file is bigger than a phone checks in one short piece of work.
        assert!(all
            .iter()
            .all(|f| f.entries <= MAX_ENTRIES_PER_FILE && f.entries > 0));
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
        // Added one at a time as they arrive, in any order, they come out the same.
        for seed in 0..3u64 {
            let mut order: Vec<usize> = (0..checked.len()).collect();
            shuffle(&mut order, seed + n as u64);
            let mut assembly = Assembly::default();
            let mut resources = Vec::new();
            for (k, i) in order.into_iter().enumerate() {
                assembly.add(&mut resources, checked[i].0, checked[i].1.clone());
                // Put in order part-way too, as when a person widens their reach later.
                if k == checked.len() / 2 {
                    assembly.finish(&mut resources);
                }
            }
            assembly.finish(&mut resources);
            assert_eq!(resources, whole.resources, "{n} entries, order {seed}");
        }
        assert_eq!(index.entries, n);
        // Remote entries are in their own file, and only there.
        for file in &index.remote {
            let remote = validate(files[file.file.as_str()]).0;
            assert!(remote
                .resources
                .iter()
                .all(|r| !matches!(r.reach, Reach::Local { .. })));
        }
        if n >= 5_000 {
            assert!(
                index.remote.len() > 1,
                "national and online entries in parts"
            );
        }
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

/// A seeded shuffle (xorshift), so a failure names an order that can be run again.
fn shuffle(items: &mut [usize], seed: u64) {
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    for i in (1..items.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        items.swap(i, (state % (i as u64 + 1)) as usize);
    }
}

#[test]
fn an_index_written_before_remote_files_came_in_parts_still_reads() {
    let v1 = r#"{"version": 1, "area": "A", "entries": 2,
        "remote": {"file": "remote-00.json", "entries": 1, "hash": "00", "positions": [[0, 1]]},
        "tiles": [{"file": "r1c1-01.json", "entries": 1, "hash": "01", "positions": [[1, 1]],
                   "south": 0.1, "west": 0.15, "north": 0.2, "east": 0.3}]}"#;
    let index = TileIndex::parse(v1).expect("a version 1 index");
    assert_eq!(index.remote.len(), 1);
    assert_eq!(index.remote[0].file, "remote-00.json");
    assert_eq!(index.needed(None, None).len(), 2);
    assert!(TileIndex::parse(&v1.replace("\"version\": 1", "\"version\": 3")).is_none());
}

#[test]
fn an_id_in_two_tiles_keeps_the_entry_that_comes_first_in_the_file() {
    let dir = realistic(40, 5, CENTRE, "MB");
    let mut twice = dir.clone();
    // A national entry given the id of an earlier local one, so the two are in different
    // files: in one file, the second is left out.
    let first = (0..30)
        .find(|&i| matches!(twice.resources[i].reach, Reach::Local { .. }))
        .expect("a local entry among the first 30");
    twice.resources[30].id = twice.resources[first].id.clone();
    twice.resources[30].reach = Reach::National;
    let single = serde_json::to_string(&twice).unwrap_or_default();
    let (whole, _) = validate(&single);
    assert_eq!(whole.resources.len(), 39);
    let tiled = split(&twice).expect("tiles written");
    let files: std::collections::HashMap<&str, &str> = tiled
        .files
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_str()))
        .collect();
    let all = tiled.index.needed(None, None);
    // Forwards and backwards: whichever tile arrives first, the entry first in the file stays.
    for reverse in [false, true] {
        let mut order: Vec<_> = all.clone();
        if reverse {
            order.reverse();
        }
        let mut assembly = Assembly::default();
        let mut resources = Vec::new();
        for f in order {
            assembly.add(&mut resources, f, validate(files[f.file.as_str()]).0);
        }
        assembly.finish(&mut resources);
        assert_eq!(resources, whole.resources, "reverse {reverse}");
    }
}

#[test]
fn the_tile_holding_a_chosen_place_holds_the_entry_there() {
    let dir = realistic(5_000, 6, CENTRE, "MB");
    let tiled = split(&dir).expect("tiles written");
    let ids_in: std::collections::HashMap<&str, std::collections::HashSet<String>> = tiled
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
    let mut local = 0;
    for r in &dir.resources {
        let Reach::Local { location } = &r.reach else {
            continue;
        };
        local += 1;
        let files = tiled.index.holding(&[(location.lat, location.lon)]);
        assert!(
            files
                .iter()
                .any(|f| ids_in[f.file.as_str()].contains(&r.id)),
            "{} at {}, {}",
            r.id,
            location.lat,
            location.lon
        );
        // Only tiles whose square holds the point.
        for tile in tiled
            .index
            .tiles
            .iter()
            .filter(|t| files.contains(&&t.file))
        {
            assert!(tile.holds((location.lat, location.lon)));
        }
    }
    assert!(local > 1_000);
    assert!(tiled.index.holding(&[]).is_empty());
}
