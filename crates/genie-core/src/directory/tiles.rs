//! A directory written as tiles by place, so a phone fetches only what is within a person's
//! reach (docs/directory-format.md, "Tiles").
//!
//! Entries at a place go to the tile of a fixed grid of degrees that holds them; national and
//! online entries, usable from anywhere, go to one file of their own. An index names every
//! file with its box, its number of entries and a hash of its text, and each file's name
//! carries that hash, so a changed tile has a new name and an unchanged one is never fetched
//! twice. Each tile is an ordinary directory file, read by the same lenient check.
//!
//! Entries keep the order they had in the single file: [`merge`] puts tiles back together in
//! that order (each entry carries no position; tiles are split in file order and merged by
//! the index's `first` positions), so tiles add up to exactly the single-file directory.

use serde::{Deserialize, Serialize};

use super::{Directory, Reach, Resource, DIRECTORY_VERSION};
use crate::matching::haversine_km;

/// The index's format version.
pub const TILES_VERSION: u32 = 1;
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
    pub remote: TileFile,
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

/// A grid cell's file and its box in degrees.
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

/// Splits a checked directory into tiles by place, and writes each file's text (pretty JSON,
/// as the single file is written).
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
    let mut write = |stem: String, positions: &[usize]| -> Result<TileFile, serde_json::Error> {
        let part = Directory {
            version: DIRECTORY_VERSION,
            area: directory.area.clone(),
            resources: positions
                .iter()
                .map(|&i| directory.resources[i].clone())
                .collect(),
        };
        let text = serde_json::to_string_pretty(&part)?;
        let hash = text_hash(&text);
        let file = format!("{stem}-{hash}.json");
        files.push((file.clone(), text));
        Ok(TileFile {
            file,
            entries: positions.len(),
            hash,
            positions: runs(positions),
        })
    };
    let remote = write("remote".to_string(), &remote)?;
    let tiles = cells
        .iter()
        .map(|(&(row, col), positions)| {
            Ok(PlaceTile {
                file: write(format!("r{row}c{col}"), positions)?,
                south: degrees(row as f64 * CELL_LAT),
                west: degrees(col as f64 * CELL_LON),
                north: degrees((row + 1) as f64 * CELL_LAT),
                east: degrees((col + 1) as f64 * CELL_LON),
            })
        })
        .collect::<Result<Vec<_>, serde_json::Error>>()?;
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
        (index.version == TILES_VERSION).then_some(index)
    }

    /// The files a person needs: the remote file, and every place tile with any point within
    /// `max_km` of `home`. With no home or no distance limit, every file.
    pub fn needed(&self, home: Option<(f64, f64)>, max_km: Option<f64>) -> Vec<&TileFile> {
        let mut out = vec![&self.remote];
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

impl PlaceTile {
    /// The shortest distance from `home` to any point of the tile's box (0 inside it).
    pub fn distance_km(&self, home: (f64, f64)) -> f64 {
        let lat = home.0.clamp(self.south, self.north);
        let lon = home.1.clamp(self.west, self.east);
        haversine_km(home, (lat, lon))
    }
}

/// Puts checked tiles back together in the single file's order: `parts` pairs each file's
/// index entry with its checked directory. An entry whose id was already taken is left out
/// (the first kept, as in one file).
pub fn merge(area: &str, parts: &[(&TileFile, &Directory)]) -> Directory {
    let mut placed: Vec<(usize, &Resource)> = Vec::new();
    for (file, dir) in parts {
        let positions = file
            .positions
            .iter()
            .flat_map(|&[start, len]| start..start.saturating_add(len));
        // A tile that lost entries in the check no longer lines up with its positions: keep
        // its entries after the others, in its own order.
        if dir.resources.len() == file.entries {
            placed.extend(positions.zip(dir.resources.iter()));
        } else {
            placed.extend(dir.resources.iter().map(|r| (usize::MAX, r)));
        }
    }
    placed.sort_by_key(|&(position, _)| position);
    let mut seen = std::collections::HashSet::new();
    Directory {
        version: DIRECTORY_VERSION,
        area: area.to_string(),
        resources: placed
            .into_iter()
            .filter(|(_, r)| seen.insert(r.id.clone()))
            .map(|(_, r)| r.clone())
            .collect(),
    }
}
