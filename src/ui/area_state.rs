//! The area's directory and lookup, fetched from beside the app the first time suggestions are
//! wanted, checked by the core, and kept for the rest of the visit.

use std::sync::Arc;

use genie_core::area::{AreaLookup, AreaSettings};
use genie_core::directory::{self, Directory};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::platform::{self, fetch_text};

/// Where the area's files are, relative to the app.
const DIRECTORY_PATH: &str = "area/directory.json";
const LOOKUP_PATH: &str = "area/lookup.json";
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
}
