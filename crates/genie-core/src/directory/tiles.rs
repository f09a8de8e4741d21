//! A directory written as tiles by place, so a phone fetches only what is within a person's
//! reach (docs/directory-format.md, "Tiles").
//!
//! Entries at a place go to the tile of a fixed grid of degrees that holds them; national and
//! online entries, usable from anywhere, go to files of their own. No file holds more than
//! [`MAX_ENTRIES_PER_FILE`] entries (a busy cell is written as several parts), so checking one
//! file on a slow phone stays a short piece of work and the page keeps answering between
//! files. An index names every file with its box, its number of entries and a hash of its
//! text, and each file's name carries that hash, so a changed tile has a new name and an
//! unchanged one is never fetched twice. Each tile is an ordinary directory file, read by the
//! same lenient check.
//!
//! Entries keep the order they had in the single file: an [`Assembly`] puts tiles back
//! together in that order, one file at a time as they arrive (each entry carries no position;
//! tiles are split in file order and placed by the index's `positions`), so tiles add up to
//! exactly the single-file directory.

use std::collections::HashMap;

use serde::{Deserialize, Deserializer, Serialize};

use super::{Directory, Reach, Resource, DIRECTORY_VERSION};
use crate::matching::haversine_km;

/// The index's format version. Version 1 had one remote file (`remote` an object); version 2
/// has a list. Both are read.
pub const TILES_VERSION: u32 = 2;
/// No file holds more entries than this: about 300 KB of JSON, checked in well under 200 ms
/// on a phone four times slower than a laptop.
pub const MAX_ENTRIES_PER_FILE: usize = 400;
/// Grid cell in degrees of latitude (about 11 km) and of longitude (about 7-10 km in Britain).
pub const CELL_LAT: f64 = 0.1;
pub const CELL_LON: f64 = 0.15;

/// The index of a tiled directory (`tiles/index.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TileIndex {
    pub version: u32,
    pub area: String,
    /// Entries in all files together.
    pub entries: usize,
    /// National and online entries: always needed.
    #[serde(deserialize_with = "one_or_many")]
    pub remote: Vec<TileFile>,
    /// Entries at a place, one file per grid cell that holds any.
    pub tiles: Vec<PlaceTile>,
}

/// One file of a tiled directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TileFile {
    /// Relative to the index.
    pub file: String,
    pub entries: usize,
    /// Hex FNV-1a 64 of the file's text; also part of its name.
    pub hash: String,
    /// Positions in the single-file directory of this file's entries, as runs
    /// `[start, length]`, so tiles merge back in the original order.
    pub positions: Vec<[usize; 2]>,
}

/// Version 1 wrote the one remote file as an object.
fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<TileFile>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Form {
        One(TileFile),
        Many(Vec<TileFile>),
    }
    Ok(match Form::deserialize(d)? {
        Form::One(file) => vec![file],
        Form::Many(files) => files,
    })
}

/// A grid cell's file (or one part of a busy cell) and its box in degrees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceTile {
    #[serde(flatten)]
    pub file: TileFile,
    pub south: f64,
    pub west: f64,
    pub north: f64,
    pub east: f64,
}

/// A tiled directory ready to write: the index, and each file's name and text.
#[derive(Debug, Clone, PartialEq)]
pub struct Tiled {
    pub index: TileIndex,
    pub files: Vec<(String, String)>,
}

/// The grid cell (row, column) of a point.
fn cell(lat: f64, lon: f64) -> (i64, i64) {
    (
        (lat / CELL_LAT).floor() as i64,
        (lon / CELL_LON).floor() as i64,
    )
}

/// Degrees to six places (10 cm), so the index reads back exactly as written.
fn degrees(value: f64) -> f64 {
    (value * 1e6).round() / 1e6
}

/// FNV-1a, 64 bits, as 16 hex digits: enough to tell versions of a file apart.
pub fn text_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// Runs of consecutive positions.
fn runs(positions: &[usize]) -> Vec<[usize; 2]> {
    let mut out: Vec<[usize; 2]> = Vec::new();
    for &p in positions {
        match out.last_mut() {
            Some([start, len]) if *start + *len == p => *len += 1,
            _ => out.push([p, 1]),
        }
    }
    out
}

/// Splits a checked directory into tiles by place, and writes each file's text (compact
/// JSON: these files are for the app; the single file stays the one to read and edit).
pub fn split(directory: &Directory) -> Result<Tiled, serde_json::Error> {
    let mut cells: std::collections::BTreeMap<(i64, i64), Vec<usize>> = Default::default();
    let mut remote: Vec<usize> = Vec::new();
    for (i, resource) in directory.resources.iter().enumerate() {
        match &resource.reach {
            Reach::Local { location } => cells
                .entry(cell(location.lat, location.lon))
                .or_default()
                .push(i),
            Reach::National | Reach::Online => remote.push(i),
        }
    }
    let mut files = Vec::new();
    // One file per part of at most MAX_ENTRIES_PER_FILE entries, in file order: `stem`,
    // then `stem` + "p2", "p3"...
    let mut write =
        |stem: String, positions: &[usize]| -> Result<Vec<TileFile>, serde_json::Error> {
            let mut out = Vec::new();
            for (k, part_positions) in positions.chunks(MAX_ENTRIES_PER_FILE).enumerate() {
                let part = Directory {
                    version: DIRECTORY_VERSION,
                    area: directory.area.clone(),
                    resources: part_positions
                        .iter()
                        .map(|&i| directory.resources[i].clone())
                        .collect(),
                };
                let text = serde_json::to_string(&part)?;
                let hash = text_hash(&text);
                let file = if k == 0 {
                    format!("{stem}-{hash}.json")
                } else {
                    format!("{stem}p{}-{hash}.json", k + 1)
                };
                files.push((file.clone(), text));
                out.push(TileFile {
                    file,
                    entries: part_positions.len(),
                    hash,
                    positions: runs(part_positions),
                });
            }
            Ok(out)
        };
    let remote = write("remote".to_string(), &remote)?;
    let mut tiles = Vec::new();
    for (&(row, col), positions) in &cells {
        for file in write(format!("r{row}c{col}"), positions)? {
            tiles.push(PlaceTile {
                file,
                south: degrees(row as f64 * CELL_LAT),
                west: degrees(col as f64 * CELL_LON),
                north: degrees((row + 1) as f64 * CELL_LAT),
                east: degrees((col + 1) as f64 * CELL_LON),
            });
        }
    }
    Ok(Tiled {
        index: TileIndex {
            version: TILES_VERSION,
            area: directory.area.clone(),
            entries: directory.resources.len(),
            remote,
            tiles,
        },
        files,
    })
}

/// Whether an area's settings (area.json) say its directory is in tiles: `"directory":
/// "tiles"`. Read on its own, so the app asks for the tiles' index only when there is one.
pub fn announced(area_json: &str) -> bool {
    #[derive(Deserialize)]
    struct Form {
        #[serde(default)]
        directory: Option<String>,
    }
    serde_json::from_str::<Form>(area_json.trim_start_matches('\u{feff}'))
        .ok()
        .and_then(|f| f.directory)
        .is_some_and(|d| d == "tiles")
}

impl TileIndex {
    /// Reads an index; `None` if it is not one this app can use.
    pub fn parse(text: &str) -> Option<TileIndex> {
        let index: TileIndex = serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
        (1..=TILES_VERSION)
            .contains(&index.version)
            .then_some(index)
    }

    /// The files a person needs: the remote file, and every place tile with any point within
    /// `max_km` of `home`. With no home or no distance limit, every file.
    pub fn needed(&self, home: Option<(f64, f64)>, max_km: Option<f64>) -> Vec<&TileFile> {
        let mut out: Vec<&TileFile> = self.remote.iter().collect();
        for tile in &self.tiles {
            let near = match (home, max_km) {
                (Some(home), Some(km)) => tile.distance_km(home) <= km,
                _ => true,
            };
            if near {
                out.push(&tile.file);
            }
        }
        out
    }
}

impl TileIndex {
    /// The place tiles that hold any of `places` (where chosen entries were): needed whatever
    /// the person's reach, so their plans can still say where each activity is.
    pub fn holding(&self, places: &[(f64, f64)]) -> Vec<&TileFile> {
        self.tiles
            .iter()
            .filter(|tile| places.iter().any(|&p| tile.holds(p)))
            .map(|tile| &tile.file)
            .collect()
    }
}

impl PlaceTile {
    /// Whether the point is in the tile's box (edges included).
    pub fn holds(&self, (lat, lon): (f64, f64)) -> bool {
        (self.south..=self.north).contains(&lat) && (self.west..=self.east).contains(&lon)
    }

    /// The shortest distance from `home` to any point of the tile's box (0 inside it).
    pub fn distance_km(&self, home: (f64, f64)) -> f64 {
        let lat = home.0.clamp(self.south, self.north);
        let lon = home.1.clamp(self.west, self.east);
        haversine_km(home, (lat, lon))
    }
}

/// Puts checked tiles back together in the single file's order: `parts` pairs each file's
/// index entry with its checked directory, in any order.
pub fn merge(area: &str, parts: &[(&TileFile, &Directory)]) -> Directory {
    let mut assembly = Assembly::default();
    let mut resources = Vec::new();
    for (file, dir) in parts {
        assembly.add(&mut resources, file, (*dir).clone());
    }
    assembly.finish(&mut resources);
    Directory {
        version: DIRECTORY_VERSION,
        area: area.to_string(),
        resources,
    }
}

/// A tiled directory put together one checked file at a time: [`Assembly::add`] as each file
/// arrives (it only appends), then [`Assembly::finish`] once, which puts everything in the
/// single file's order. The entries live in the caller's list (the app's shared directory):
/// nothing is copied, and each entry moves a bounded number of times however many files come.
#[derive(Debug, Default, Clone)]
pub struct Assembly {
    /// Each entry's place in the single file, beside the caller's list. `usize::MAX` for the
    /// entries of a file that lost some in the check (its positions no longer line up): they
    /// come after the others, in the order their files were added.
    positions: Vec<usize>,
    /// The place of the entry kept for each id: an id given twice keeps the entry that comes
    /// first in the file, as in one file.
    taken: HashMap<String, usize>,
    /// An entry already added lost its id to one earlier in the file: `finish` drops it.
    replaced: bool,
    /// In the single file's order (nothing added since `finish`).
    in_order: bool,
}

impl Assembly {
    /// Adds one checked file's entries to the end of `resources`, which must hold exactly what
    /// earlier calls put there.
    pub fn add(&mut self, resources: &mut Vec<Resource>, file: &TileFile, checked: Directory) {
        let lined_up = checked.resources.len() == file.entries;
        let mut positions = file
            .positions
            .iter()
            .flat_map(|&[start, len]| start..start.saturating_add(len));
        resources.reserve(checked.resources.len());
        for resource in checked.resources {
            let position = if lined_up {
                positions.next().unwrap_or(usize::MAX)
            } else {
                usize::MAX
            };
            match self.taken.get(&resource.id) {
                Some(&before) if before <= position => continue,
                Some(_) => self.replaced = true,
                None => {}
            }
            self.taken.insert(resource.id.clone(), position);
            self.positions.push(position);
            resources.push(resource);
        }
        self.in_order = false;
    }

    /// Puts `resources` in the single file's order and drops entries whose id was taken by
    /// one earlier in the file. Cheap when nothing was added since the last call.
    pub fn finish(&mut self, resources: &mut Vec<Resource>) {
        if self.in_order {
            return;
        }
        let mut order: Vec<usize> = (0..resources.len()).collect();
        // Stable: entries placed after the others keep the order their files came in.
        crate::order::sort_by_key(&mut order, |&i| {
            self.positions.get(i).copied().unwrap_or(usize::MAX)
        });
        let mut slots: Vec<Option<Resource>> =
            std::mem::take(resources).into_iter().map(Some).collect();
        let mut positions = Vec::with_capacity(order.len());
        for i in order {
            let position = self.positions.get(i).copied().unwrap_or(usize::MAX);
            let Some(resource) = slots.get_mut(i).and_then(Option::take) else {
                continue;
            };
            if self.replaced && self.taken.get(&resource.id) != Some(&position) {
                continue;
            }
            positions.push(position);
            resources.push(resource);
        }
        self.positions = positions;
        self.replaced = false;
        self.in_order = true;
    }
}
