//! The area's directory and lookup, fetched from beside the app the first time suggestions are
//! wanted, checked by the core, and kept for the rest of the visit.
//!
//! A large area publishes its directory as tiles by place (`area/tiles/index.json`, written by
//! `genie-area tiles`): then only the tiles within the person's reach are fetched and checked
//! ([`AreaState::want`]), and more when they widen it. Tile files carry a hash of their text in
//! their name, so each is fetched once. All requests go out together to the background worker
//! (`platform::background`), which fetches and checks them off the page's thread and keeps the
//! checked copies; the page reads each answer in a task of its own and puts it in its place, so
//! it keeps answering and shows how far it has got. Without a worker the page checks the tiles
//! itself, the same way. A small area's single `area/directory.json` is read whole.

use std::collections::HashSet;
use std::sync::Arc;

use genie_core::area::{AreaLookup, AreaSettings};
use genie_core::directory::tiles::{self, Assembly, TileFile, TileIndex};
use genie_core::directory::{self, packed, Directory};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::platform::background::{self, Answer};
use crate::platform::{self, fetch_bytes, fetch_text, next_task, start_fetch};

/// The area's lookup from a request already sent; empty when it cannot be read (suggestions
/// then come without distances).
async fn read_lookup(request: platform::Pending) -> AreaLookup {
    request
        .bytes()
        .await
        .ok()
        .and_then(|bytes| AreaLookup::parse(&String::from_utf8_lossy(&bytes)))
        .unwrap_or_default()
}

/// One tile asked for: handed to the background worker, fetched by the page, or both (when the
/// worker goes while it is on its way).
struct TileRequest {
    file: TileFile,
    url: String,
    check: Option<background::PendingCheck>,
    direct: Option<platform::Pending>,
}

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
    /// Tile files being fetched now, so two requests never fetch one twice.
    in_flight: StoredValue<HashSet<String>>,
    /// Entries of the tiles asked for so far that have been checked, of how many: shown while
    /// the tiles are prepared.
    pub progress: RwSignal<Option<(usize, usize)>>,
    /// Tile files checked and in `directory`.
    checked: StoredValue<HashSet<String>>,
    /// Where each entry of `directory` belongs in the single file, for the next tile.
    assembly: StoredValue<Assembly>,
    /// Counts the starts of loading: tiles still arriving for an earlier start are dropped.
    generation: StoredValue<u32>,
    /// Whether the settings file read at start announces tiles (`None` until it was read), so
    /// loading the directory need not ask the host for that file again.
    tiled: StoredValue<Option<bool>>,
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
            in_flight: StoredValue::new(HashSet::new()),
            progress: RwSignal::new(None),
            checked: StoredValue::new(HashSet::new()),
            assembly: StoredValue::new(Assembly::default()),
            generation: StoredValue::new(0),
            tiled: StoredValue::new(None),
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
            let text = fetch_text(SETTINGS_PATH).await.ok();
            if let Some(text) = &text {
                self.tiled.set_value(Some(tiles::announced(text)));
            }
            let Some(settings) = text.as_deref().and_then(AreaSettings::parse) else {
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
        // A new start (after a failure): whatever an earlier one fetched is left behind.
        self.generation.update_value(|g| *g += 1);
        self.checked.update_value(HashSet::clear);
        self.in_flight.update_value(HashSet::clear);
        self.assembly.set_value(Assembly::default());
        self.progress.set(None);
        spawn_local(async move {
            // Sent first, read when needed.
            let lookup = start_fetch(LOOKUP_PATH);
            // Tiles when the area's settings say so (`"directory": "tiles"`); else, or when
            // the index cannot be read, the single file.
            let tiled = match self.tiled.get_value() {
                Some(tiled) => tiled,
                None => fetch_text(SETTINGS_PATH)
                    .await
                    .is_ok_and(|text| tiles::announced(&text)),
            };
            let index = if tiled {
                fetch_bytes(TILES_INDEX)
                    .await
                    .ok()
                    .and_then(|bytes| TileIndex::parse(&String::from_utf8_lossy(&bytes)))
            } else {
                None
            };
            if let Some(index) = index {
                // Its code downloads while the lookup is read and the person's reach is known.
                background::warm_up();
                background::keep_only(index.needed(None, None).iter().map(|f| f.file.as_str()));
                self.lookup.set(Arc::new(read_lookup(lookup).await));
                let usable = index.entries > 0;
                self.directory.set(Arc::new(Directory {
                    area: index.area.clone(),
                    ..Directory::default()
                }));
                self.problems.set(0);
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
            let single = start_fetch(DIRECTORY_PATH);
            self.lookup.set(Arc::new(read_lookup(lookup).await));
            let Ok(bytes) = single.bytes().await else {
                self.status.set(AreaStatus::Failed);
                return;
            };
            let (checked, problems) = directory::validate_bytes(&bytes);
            self.problems.set(problems.len());
            let usable = !checked.resources.is_empty();
            self.directory.set(Arc::new(checked));
            self.status.set(if usable {
                AreaStatus::Ready
            } else {
                AreaStatus::Unusable
            });
        });
    }

    /// For a directory in tiles: makes sure every tile within `max_km` of `home` (all of them
    /// with no home or no limit), and every tile holding one of `chosen` (the places of the
    /// person's chosen entries), is fetched, checked and in the directory. Does nothing for a
    /// single-file directory.
    pub fn want(self, home: Option<(f64, f64)>, max_km: Option<f64>, chosen: &[(f64, f64)]) {
        let Some(index) = self.index.get_untracked() else {
            return;
        };
        let mut missing: Vec<TileFile> = Vec::new();
        for f in index
            .needed(home, max_km)
            .into_iter()
            .chain(index.holding(chosen))
        {
            let wanted = !self.checked.with_value(|l| l.contains(&f.file))
                && !self.in_flight.with_value(|l| l.contains(&f.file))
                && !missing.iter().any(|m| m.file == f.file);
            if wanted {
                missing.push(f.clone());
            }
        }
        if missing.is_empty() {
            if self.in_flight.with_value(HashSet::is_empty) && self.pending.get_untracked() {
                self.put_in_order();
                self.pending.set(false);
            }
            return;
        }
        self.pending.set(true);
        self.in_flight
            .update_value(|l| l.extend(missing.iter().map(|f| f.file.clone())));
        let more: usize = missing.iter().map(|f| f.entries).sum();
        self.progress.update(|p| {
            let (done, total) = p.unwrap_or((0, 0));
            *p = Some((done, total + more));
        });
        let generation = self.generation.get_value();
        spawn_local(async move {
            // All handed to the background worker at once; it fetches and checks them off
            // the page's thread. Without a worker, all fetched at once here instead.
            let mut requests: Vec<TileRequest> = missing
                .into_iter()
                .map(|file| {
                    let url = format!("{TILES_FOLDER}{}", file.file);
                    let check = background::check_tile(&file.file, &url);
                    let direct = (!check.handed_over()).then(|| start_fetch(&url));
                    TileRequest {
                        file,
                        url,
                        check: Some(check),
                        direct,
                    }
                })
                .collect();
            for i in 0..requests.len() {
                let file = requests[i].file.clone();
                let answer = match requests[i].check.take() {
                    Some(check) => check.result().await,
                    None => Answer::NoWorker,
                };
                if matches!(answer, Answer::NoWorker) {
                    // The worker has gone: the rest are fetched here too, all at once.
                    for later in requests.iter_mut().skip(i + 1) {
                        if later.direct.is_none() {
                            later.direct = Some(start_fetch(&later.url));
                        }
                    }
                }
                let unpacked = match answer {
                    Answer::Checked(tile) => packed::unpack(&tile.packed).ok().map(|resources| {
                        let checked = Directory {
                            resources,
                            ..Directory::default()
                        };
                        (checked, tile.problems)
                    }),
                    Answer::NotHad | Answer::NoWorker => None,
                };
                // Each file in a task of its own, even when it came at once from the copy
                // kept on the device.
                next_task().await;
                let checked = match unpacked {
                    Some(checked) => Ok(checked),
                    None => {
                        let bytes = match requests[i].direct.take() {
                            Some(pending) => pending.bytes().await,
                            None => fetch_bytes(&requests[i].url).await,
                        };
                        bytes.map(|bytes| {
                            let (checked, problems) = directory::validate_bytes(&bytes);
                            (checked, problems.len())
                        })
                    }
                };
                if self.generation.get_value() != generation {
                    return;
                }
                self.in_flight.update_value(|l| {
                    l.remove(&file.file);
                });
                let Ok((checked, problems)) = checked else {
                    self.status.set(AreaStatus::Failed);
                    self.pending.set(false);
                    self.progress.set(None);
                    return;
                };
                // Untracked: nothing is matched against a directory still being put together
                // (`pending`); it is put in order once every file asked for is in.
                self.directory.update_untracked(|d| {
                    let resources = &mut Arc::make_mut(d).resources;
                    self.assembly
                        .update_value(|a| a.add(resources, &file, checked));
                });
                self.checked.update_value(|l| {
                    l.insert(file.file.clone());
                });
                self.problems.update(|p| *p += problems);
                self.progress.update(|p| {
                    if let Some((done, _)) = p {
                        *done += file.entries;
                    }
                });
            }
            if self.in_flight.with_value(HashSet::is_empty) {
                self.put_in_order();
                // Matching and drawing the list in a task of their own: at 50,000 entries,
                // together with the ordering they made one task of nearly a quarter second.
                next_task().await;
                if self.generation.get_value() != generation {
                    return;
                }
                self.pending.set(false);
                self.progress.set(None);
            }
        });
    }

    /// Puts the tiles checked so far in the single file's order, and tells whoever reads the
    /// directory.
    fn put_in_order(self) {
        self.directory.update(|d| {
            let resources = &mut Arc::make_mut(d).resources;
            self.assembly.update_value(|a| a.finish(resources));
        });
    }
}
