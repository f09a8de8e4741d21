//! The area's directory and lookup, fetched from beside the app the first time suggestions are
//! wanted, checked by the core, and kept for the rest of the visit.
//!
//! A large area publishes its directory as tiles by place (`area/tiles/index.json`, written by
//! `genie-area tiles`): then only the tiles within the person's reach are fetched and checked
//! ([`AreaState::want`]), and more when they widen it. Tile files carry a hash of their text in
//! their name, so each is fetched once. A small area's single `area/directory.json` is read
//! whole, as before.

use std::sync::Arc;

use genie_core::area::{AreaLookup, AreaSettings};
use std::collections::{BTreeMap, HashSet};

use genie_core::directory::tiles::{self, TileFile, TileIndex};
use genie_core::directory::{self, Directory};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::platform::{self, fetch_text};

/// Where the area's files are, relative to the app.
const DIRECTORY_PATH: &str = "area/directory.json";
const LOOKUP_PATH: &str = "area/lookup.json";
const TILES_INDEX: &str = "area/tiles/index.json";
const TILES_FOLDER: &str = "area/tiles/";
const SETTINGS_PATH: &str = "area/area.json";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AreaStatus {
    NotLoaded,
    Loading,
    Ready,
    /// The file could not be fetched (offline on a first visit, a server problem): worth
    /// trying again.
    Failed,
    /// The file arrived but holds no entry Genie can use (not a directory, a newer format, or
    /// every entry broken): only the area's team can fix it.
    Unusable,
}

/// The loaded area, shared by context.
#[derive(Clone, Copy)]
pub struct AreaState {
    pub status: RwSignal<AreaStatus>,
    pub directory: RwSignal<Arc<Directory>>,
    pub lookup: RwSignal<Arc<AreaLookup>>,
    /// The area's name, help text and contact details.
    pub settings: RwSignal<Arc<AreaSettings>>,
    /// Entries the directory check skipped or repaired (for the commissioner, not the person).
    pub problems: RwSignal<usize>,
    /// The settings file was read, or could not be: what `settings` holds is final.
    pub settings_read: RwSignal<bool>,
    /// A directory in tiles: its index (`None` for a single file).
    pub index: RwSignal<Option<Arc<TileIndex>>>,
    /// Tiles for the person's reach are being fetched: the directory is not yet complete.
    pub pending: RwSignal<bool>,
    /// Tiles checked so far, by file name, with their problem counts.
    loaded: StoredValue<BTreeMap<String, (TileFile, Directory, usize)>>,
    /// Tile files being fetched now, so two requests never fetch one twice.
    in_flight: StoredValue<HashSet<String>>,
}

impl AreaState {
    pub fn provide() -> AreaState {
        let state = AreaState {
            status: RwSignal::new(AreaStatus::NotLoaded),
            directory: RwSignal::new(Arc::new(Directory::default())),
            lookup: RwSignal::new(Arc::new(AreaLookup::default())),
            settings: RwSignal::new(Arc::new(AreaSettings::default())),
            problems: RwSignal::new(0),
            settings_read: RwSignal::new(false),
            index: RwSignal::new(None),
            pending: RwSignal::new(false),
            loaded: StoredValue::new(BTreeMap::new()),
            in_flight: StoredValue::new(HashSet::new()),
        };
        provide_context(state);
        state
    }

    pub fn expect() -> AreaState {
        expect_context::<AreaState>()
    }

    /// Reads the area's settings (name, help, contact, logo, colours, languages) at start, then
    /// calls `then` with them (the defaults when they cannot be read). Without them the app
    /// still works, in its own words and colours.
    pub fn load_settings(self, then: impl FnOnce(&AreaSettings) + 'static) {
        spawn_local(async move {
            let Some(settings) = fetch_text(SETTINGS_PATH)
                .await
                .ok()
                .and_then(|text| AreaSettings::parse(&text))
            else {
                then(&AreaSettings::default());
                self.settings_read.set(true);
                return;
            };
            platform::apply_theme(&settings.theme.usable());
            then(&settings);
            self.settings.set(Arc::new(settings));
            self.settings_read.set(true);
        });
    }

    /// Starts loading the directory and lookup, unless already loaded or loading.
    pub fn ensure_loaded(self) {
        if matches!(
            self.status.get_untracked(),
            AreaStatus::Loading | AreaStatus::Ready
        ) {
            return;
        }
        self.status.set(AreaStatus::Loading);
        spawn_local(async move {
            // Tiles when the area's settings say so (`"directory": "tiles"`); else, or when
            // the index cannot be read, the single file.
            let tiled = fetch_text(SETTINGS_PATH)
                .await
                .is_ok_and(|text| tiles::announced(&text));
            let index = if tiled {
                fetch_text(TILES_INDEX)
                    .await
                    .ok()
                    .and_then(|text| TileIndex::parse(&text))
            } else {
                None
            };
            if let Some(index) = index {
                let lookup = fetch_text(LOOKUP_PATH)
                    .await
                    .ok()
                    .and_then(|text| AreaLookup::parse(&text))
                    .unwrap_or_default();
                self.lookup.set(Arc::new(lookup));
                let usable = index.entries > 0;
                self.directory.set(Arc::new(Directory {
                    area: index.area.clone(),
                    ..Directory::default()
                }));
                // The tiles follow from the person's reach: see `want`.
                self.pending.set(usable);
                self.index.set(Some(Arc::new(index)));
                self.status.set(if usable {
                    AreaStatus::Ready
                } else {
                    AreaStatus::Unusable
                });
                return;
            }
            let Ok(text) = fetch_text(DIRECTORY_PATH).await else {
                self.status.set(AreaStatus::Failed);
                return;
            };
            let (checked, problems) = directory::validate(&text);
            // The lookup is a help, not a need: without it, suggestions come without distances.
            let lookup = fetch_text(LOOKUP_PATH)
                .await
                .ok()
                .and_then(|text| AreaLookup::parse(&text))
                .unwrap_or_default();
            self.problems.set(problems.len());
            let usable = !checked.resources.is_empty();
            self.directory.set(Arc::new(checked));
            self.lookup.set(Arc::new(lookup));
            self.status.set(if usable {
                AreaStatus::Ready
            } else {
                AreaStatus::Unusable
            });
        });
    }

    /// For a directory in tiles: makes sure every tile within `max_km` of `home` (all of them
    /// with no home or no limit) is fetched and checked, then puts the directory together from
    /// every tile checked so far. Does nothing for a single-file directory.
    pub fn want(self, home: Option<(f64, f64)>, max_km: Option<f64>) {
        let Some(index) = self.index.get_untracked() else {
            return;
        };
        let missing: Vec<TileFile> = index
            .needed(home, max_km)
            .into_iter()
            .filter(|f| {
                !self.loaded.with_value(|l| l.contains_key(&f.file))
                    && !self.in_flight.with_value(|l| l.contains(&f.file))
            })
            .cloned()
            .collect();
        if missing.is_empty() {
            if self.in_flight.with_value(HashSet::is_empty) && self.pending.get_untracked() {
                self.assemble(&index);
            }
            return;
        }
        self.pending.set(true);
        self.in_flight
            .update_value(|l| l.extend(missing.iter().map(|f| f.file.clone())));
        spawn_local(async move {
            for file in missing {
                let text = fetch_text(&format!("{TILES_FOLDER}{}", file.file)).await;
                self.in_flight.update_value(|l| {
                    l.remove(&file.file);
                });
                let Ok(text) = text else {
                    self.status.set(AreaStatus::Failed);
                    self.pending.set(false);
                    return;
                };
                let (checked, problems) = directory::validate(&text);
                self.loaded.update_value(|l| {
                    l.insert(file.file.clone(), (file, checked, problems.len()));
                });
            }
            if self.in_flight.with_value(HashSet::is_empty) {
                self.assemble(&index);
            }
        });
    }

    /// The directory from every tile checked so far, in the single file's order.
    fn assemble(self, index: &TileIndex) {
        let (merged, problems) = self.loaded.with_value(|l| {
            let parts: Vec<(&TileFile, &Directory)> = l.values().map(|(f, d, _)| (f, d)).collect();
            (
                tiles::merge(&index.area, &parts),
                l.values().map(|(_, _, p)| p).sum::<usize>(),
            )
        });
        self.problems.set(problems);
        self.directory.set(Arc::new(merged));
        self.pending.set(false);
    }
}
