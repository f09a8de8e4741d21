//! The app's state and the one path by which changes reach storage.
//!
//! Every change goes through an `AppState` method that updates the signal and then stores the
//! record at once: there is no save button. The save status shown to the person only says
//! "Saved" after the database has committed the latest change.
//!
//! After each committed write the other open tabs are told, and each reads everything again
//! ([`AppState::reload`]), so two tabs never overwrite each other's edits. A tab also reads
//! again when it is shown after being hidden.

use std::rc::Rc;

use std::collections::BTreeMap;

use genie_core::backup::{self, Backup, Export, ExportError, RestoreError};
use genie_core::layout::{self, Geometry};
use genie_core::model::{
    Choice, ChoiceId, ChoiceStatus, EntryNote, Member, MemberId, Network, Plan, Point, Preferences,
    Profile, Tie, Wave,
};
use genie_core::schema::{Record, PREFERENCES_KEY, PROFILE_KEY};
use genie_core::store::{self, LoadError, Repository, StoreError};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::platform;
use crate::platform::tabs::{self, TabMessage};
use crate::store::{AppRepository, IndexedDbRepository};

/// What the person is told about saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing changed yet in this visit.
    Idle,
    Saving,
    Saved,
    /// The browser is not keeping anything (the person was told at start).
    SessionOnly,
    Failed(StoreError),
}

/// Why a choice was not made (the core's rule: three active at most, stopped ones not counted).
pub use genie_core::model::ChooseRefusal as ChooseError;

/// Whether storage works, as found when the app opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageHealth {
    Opening,
    Ok,
    /// Working in memory only, and why.
    SessionOnly(StoreError),
    /// A newer version of the app has written this device's data; nothing may be written.
    Newer,
    /// Some saved records could not be read; they are left untouched.
    Unreadable,
}

/// Shared app state, handed to components by context. Cheap to copy.
#[derive(Clone, Copy)]
pub struct AppState {
    repo: StoredValue<Option<Rc<AppRepository>>, LocalStorage>,
    /// Counts writes so that only the latest one sets the save status.
    writes: StoredValue<u64>,
    /// Writes sent but not yet finished.
    in_flight: StoredValue<u32>,
    /// Another tab changed something while this one was writing: read again when done.
    reload_wanted: StoredValue<bool>,
    /// Why storage fell back to memory when the app opened, if it did.
    fallback: StoredValue<Option<StoreError>>,
    /// The connection is closed for good (another tab upgraded or deleted the database, or
    /// everything was deleted here): nothing more may be written.
    closed: StoredValue<bool>,
    /// The browser has been asked once this visit to keep the data.
    asked_to_keep: StoredValue<bool>,
    pub health: RwSignal<StorageHealth>,
    pub save_status: RwSignal<SaveStatus>,
    pub profile: RwSignal<Profile>,
    /// False while the profile on the device could not be read, so it is never overwritten.
    profile_writable: RwSignal<bool>,
    /// What the person would value and what is practical for them.
    pub preferences: RwSignal<Preferences>,
    preferences_writable: RwSignal<bool>,
    /// The activities chosen to try, oldest first.
    pub choices: RwSignal<Vec<Choice>>,
    choices_writable: RwSignal<bool>,
    /// The open wave: the map being drawn now.
    pub wave: RwSignal<Wave>,
    /// Earlier maps, oldest first. Closed waves are kept as they were and never changed.
    pub closed_waves: RwSignal<Vec<Wave>>,
    /// False while the waves on the device could not be read, so none is overwritten.
    wave_writable: RwSignal<bool>,
    /// The member removed last, with its ties, so the removal can be undone.
    pub last_removed: RwSignal<Option<(Member, Vec<Tie>)>>,
    /// A short message for screen readers about what just happened ("Pat added...").
    pub announcement: RwSignal<String>,
}

impl AppState {
    /// Creates the state and puts it in context for every component below.
    pub fn provide() -> AppState {
        let state = AppState {
            repo: StoredValue::new_local(None),
            writes: StoredValue::new(0),
            in_flight: StoredValue::new(0),
            reload_wanted: StoredValue::new(false),
            fallback: StoredValue::new(None),
            closed: StoredValue::new(false),
            asked_to_keep: StoredValue::new(false),
            health: RwSignal::new(StorageHealth::Opening),
            save_status: RwSignal::new(SaveStatus::Idle),
            profile: RwSignal::new(Profile::default()),
            profile_writable: RwSignal::new(false),
            preferences: RwSignal::new(Preferences::default()),
            preferences_writable: RwSignal::new(false),
            choices: RwSignal::new(Vec::new()),
            choices_writable: RwSignal::new(false),
            wave: RwSignal::new(Wave::first(platform::now())),
            closed_waves: RwSignal::new(Vec::new()),
            wave_writable: RwSignal::new(false),
            last_removed: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
        };
        provide_context(state);
        state
    }

    /// The state provided by [`AppState::provide`].
    pub fn expect() -> AppState {
        expect_context::<AppState>()
    }

    /// Opens storage, loads what the person saved before, and starts listening to other tabs.
    pub async fn open(self) {
        let (repo, fallback) = AppRepository::open().await;
        if let AppRepository::Device(device) = &repo {
            // Without the watch the app still works; it just cannot step aside for a newer
            // version opened in another tab.
            let _ = device
                .watch_version_changes(move |new_version| self.connection_taken(new_version))
                .await;
        }
        self.repo.set_value(Some(Rc::new(repo)));
        self.fallback.set_value(fallback);
        self.reload().await;
        tabs::listen_to_other_tabs(move |message| match message {
            TabMessage::Changed => self.refresh(),
            TabMessage::Erased => platform::reload_page(true),
        });
        tabs::when_shown_again(move || self.refresh());
    }

    /// Reads every record again from storage and shows what is there now. Records that cannot
    /// be read are left untouched and are never overwritten: what they hold stays
    /// read-only until they can be read.
    pub async fn reload(self) {
        let Some(repo) = self.repo.get_value() else {
            return;
        };
        if self.closed.get_value() {
            return;
        }
        // An edit made while reading would be undone by what was read: read again after it.
        let ticket = self.writes.get_value();
        let mut health = match self.fallback.get_value() {
            Some(StoreError::NewerDatabase) => StorageHealth::Newer,
            Some(error) => StorageHealth::SessionOnly(error),
            None => StorageHealth::Ok,
        };
        let mut profile = None;
        let mut preferences = None;
        let mut choices = None;
        let mut wave = None;
        let (mut profile_ok, mut preferences_ok, mut choices_ok, mut wave_ok) =
            (false, false, false, false);
        if health != StorageHealth::Newer {
            match store::load::<Profile>(&*repo, PROFILE_KEY).await {
                Ok(found) => {
                    profile = Some(found.unwrap_or_default());
                    profile_ok = true;
                }
                Err(LoadError::Decode { .. }) => health = StorageHealth::Unreadable,
                Err(LoadError::Store(error)) => health = StorageHealth::SessionOnly(error),
            }
            match store::load::<Preferences>(&*repo, PREFERENCES_KEY).await {
                Ok(found) => {
                    preferences = Some(found.unwrap_or_default());
                    preferences_ok = true;
                }
                Err(LoadError::Decode { .. }) => health = StorageHealth::Unreadable,
                Err(LoadError::Store(error)) => health = StorageHealth::SessionOnly(error),
            }
            match store::load_all::<Choice>(&*repo).await {
                Ok((mut found, unreadable)) => {
                    if unreadable.is_empty() {
                        found.sort_by_key(|c| c.id);
                        choices = Some(found);
                        choices_ok = true;
                    } else {
                        health = StorageHealth::Unreadable;
                    }
                }
                Err(error) => health = StorageHealth::SessionOnly(error),
            }
            match store::load_all::<Wave>(&*repo).await {
                Ok((waves, unreadable)) => {
                    if unreadable.is_empty() {
                        let stored_open = waves.iter().any(Wave::is_open);
                        let mut closed: Vec<Wave> =
                            waves.iter().filter(|w| !w.is_open()).cloned().collect();
                        closed.sort_by_key(|w| w.id);
                        wave = Some((current_wave(waves), stored_open, closed));
                        wave_ok = true;
                    } else {
                        health = StorageHealth::Unreadable;
                    }
                }
                Err(error) => health = StorageHealth::SessionOnly(error),
            }
        }
        if self.writes.get_value() != ticket || self.closed.get_value() {
            self.reload_wanted.set_value(true);
            self.reload_when_idle();
            return;
        }
        if let Some(profile) = profile {
            replace(self.profile, profile);
        }
        if let Some(preferences) = preferences {
            replace(self.preferences, preferences);
        }
        if let Some(choices) = choices {
            replace(self.choices, choices);
        }
        if let Some((wave, stored_open, closed)) = wave {
            replace(self.closed_waves, closed);
            // A new map continued from a closed one is not stored until it is edited: keep the
            // one already on screen rather than start it again.
            let same_unsaved = !stored_open && self.wave.with_untracked(|w| w.id == wave.id);
            if !same_unsaved {
                replace(self.wave, wave);
            }
        }
        self.profile_writable.set(profile_ok);
        self.preferences_writable.set(preferences_ok);
        self.choices_writable.set(choices_ok);
        self.wave_writable.set(wave_ok);
        if matches!(health, StorageHealth::SessionOnly(_)) {
            self.save_status.set(SaveStatus::SessionOnly);
            self.profile_writable.set(true);
            self.wave_writable.set(true);
            self.preferences_writable.set(true);
            self.choices_writable.set(true);
        }
        if self.health.get_untracked() != health {
            self.health.set(health);
        }
    }

    /// Reads everything again now, or as soon as this tab's own writes have finished.
    fn refresh(self) {
        if self.closed.get_value() || !self.is_ready() {
            return;
        }
        self.reload_wanted.set_value(true);
        self.reload_when_idle();
    }

    fn reload_when_idle(self) {
        if self.in_flight.get_value() == 0 && self.reload_wanted.get_value() {
            self.reload_wanted.set_value(false);
            spawn_local(self.reload());
        }
    }

    /// Another tab is upgrading the database (a newer Genie) or deleting it: close at once so
    /// it can go ahead, and write nothing more with this version's layout.
    fn connection_taken(self, new_version: Option<f64>) {
        self.closed.set_value(true);
        if let Some(repo) = self.repo.get_value() {
            repo.close();
        }
        match new_version {
            // Deleted: the other tab starts afresh, and so does this one.
            None => platform::reload_page(true),
            Some(_) => self.health.set(StorageHealth::Newer),
        }
    }

    /// Makes a backup of everything stored (see `genie_core::backup::export`).
    pub async fn make_backup(self) -> Result<Export, ExportError> {
        let repo = self
            .repo
            .get_value()
            .ok_or(ExportError::Store(StoreError::Unavailable(
                "storage is not open".into(),
            )))?;
        backup::export(&*repo, platform::now()).await
    }

    /// Every map stored, closed ones and the one in progress, for the research export.
    /// Records that cannot be read are left out.
    pub async fn stored_waves(self) -> Result<Vec<Wave>, StoreError> {
        let repo = self
            .repo
            .get_value()
            .ok_or(StoreError::Unavailable("storage is not open".into()))?;
        let (mut waves, _unreadable) = store::load_all::<Wave>(&*repo).await?;
        waves.sort_by_key(|w| w.id);
        Ok(waves)
    }

    /// Replaces everything stored with a checked backup, in one batch, then shows it. On an
    /// error nothing on the device has changed.
    pub async fn restore_backup(self, backup: &Backup) -> Result<(), RestoreError> {
        let repo = self
            .repo
            .get_value()
            .ok_or(RestoreError::Store(StoreError::Unavailable(
                "storage is not open".into(),
            )))?;
        if self.closed.get_value() || self.health.get_untracked() == StorageHealth::Newer {
            return Err(RestoreError::Store(StoreError::NewerDatabase));
        }
        self.in_flight.update_value(|n| *n += 1);
        let result = backup::apply(&*repo, backup).await;
        self.in_flight.update_value(|n| *n = n.saturating_sub(1));
        result?;
        if !repo.is_session_only() {
            tabs::tell_other_tabs(TabMessage::Changed);
        }
        self.last_removed.set(None);
        // Whatever was written before the restore is overtaken by it.
        self.writes.update_value(|n| *n += 1);
        self.reload_wanted.set_value(false);
        self.reload().await;
        if !repo.is_session_only() {
            self.save_status.set(SaveStatus::Saved);
        }
        Ok(())
    }

    /// Deletes everything Genie keeps on this device: closes the database and deletes it,
    /// clears the small settings, and tells the other tabs. The page should then be loaded
    /// afresh ([`platform::reload_page`]).
    pub async fn erase_everything(self) -> Result<(), StoreError> {
        self.closed.set_value(true);
        let result = match self.repo.get_value() {
            Some(repo) => repo.erase().await,
            None => IndexedDbRepository::delete(genie_core::store::DB_NAME).await,
        };
        platform::storage::clear_settings();
        match &result {
            Ok(()) => tabs::tell_other_tabs(TabMessage::Erased),
            Err(error) => self.save_status.set(SaveStatus::Failed(error.clone())),
        }
        result
    }

    /// True once storage has been opened (or given up on).
    pub fn is_ready(self) -> bool {
        self.health.with(|h| *h != StorageHealth::Opening)
    }

    /// Changes the profile and stores it.
    pub fn update_profile(self, change: impl FnOnce(&mut Profile)) {
        let now = platform::now();
        self.profile.update(|profile| {
            change(profile);
            profile.updated_at = now.max(profile.updated_at);
        });
        if self.profile_writable.get_untracked() {
            let profile = self.profile.get_untracked();
            self.persist(move |repo| async move { store::save(&*repo, &profile).await });
        }
    }

    /// Changes the preferences and stores them.
    pub fn update_preferences(self, change: impl FnOnce(&mut Preferences)) {
        self.preferences.update(change);
        if self.preferences_writable.get_untracked() {
            let preferences = self.preferences.get_untracked();
            self.persist(move |repo| async move { store::save(&*repo, &preferences).await });
        }
    }

    /// Chooses a resource to try. Refused when three are already being tried.
    pub fn choose(self, resource_id: &str, resource_name: &str) -> Result<usize, ChooseError> {
        let active = self
            .choices
            .with_untracked(|cs| genie_core::model::can_choose(cs, resource_id))?;
        let id = ChoiceId(
            self.choices
                .with_untracked(|cs| cs.iter().map(|c| c.id.0).max().unwrap_or(0))
                + 1,
        );
        let choice = Choice {
            id,
            resource_id: resource_id.to_string(),
            resource_name: resource_name.to_string(),
            chosen_at: platform::now(),
            status: ChoiceStatus::Planned,
            plan: Plan::default(),
            check_ins: Vec::new(),
            entry_note: EntryNote::default(),
            check_in_draft: None,
        };
        self.choices.update(|cs| cs.push(choice.clone()));
        if self.choices_writable.get_untracked() {
            self.persist(move |repo| async move { store::save(&*repo, &choice).await });
        }
        Ok(active)
    }

    /// Changes a choice (its plan, say) and stores it.
    pub fn update_choice(self, id: ChoiceId, change: impl FnOnce(&mut Choice)) {
        let mut changed = None;
        self.choices.update(|cs| {
            if let Some(choice) = cs.iter_mut().find(|c| c.id == id) {
                change(choice);
                changed = Some(choice.clone());
            }
        });
        if let (Some(choice), true) = (changed, self.choices_writable.get_untracked()) {
            self.persist(move |repo| async move { store::save(&*repo, &choice).await });
        }
    }

    /// Removes a choice altogether.
    pub fn remove_choice(self, id: ChoiceId) {
        let mut removed = None;
        self.choices.update(|cs| {
            if let Some(index) = cs.iter().position(|c| c.id == id) {
                removed = Some(cs.remove(index));
            }
        });
        if let (Some(choice), true) = (removed, self.choices_writable.get_untracked()) {
            let key = choice.key();
            self.persist(move |repo| async move {
                repo.write(vec![store::Write::delete::<Choice>(key)]).await
            });
        }
    }

    /// Changes the map, lays it out again, and stores it.
    pub fn update_network(self, change: impl FnOnce(&mut Network)) {
        let was_empty = self.wave.with_untracked(|w| w.network.members.is_empty());
        self.wave.update(|wave| {
            change(&mut wave.network);
            place_members(&mut wave.network);
        });
        if self.wave_writable.get_untracked() {
            let wave = self.wave.get_untracked();
            self.persist(move |repo| async move { store::save(&*repo, &wave).await });
        }
        // The first member is the moment there is something worth keeping: ask the browser
        // to keep it (most decide by themselves; a few ask the person).
        let has_members = self.wave.with_untracked(|w| !w.network.members.is_empty());
        if was_empty && has_members && !self.asked_to_keep.get_value() {
            self.asked_to_keep.set_value(true);
            if self.health.get_untracked() == StorageHealth::Ok {
                spawn_local(async {
                    let _ = platform::storage::ask_to_keep().await;
                });
            }
        }
    }

    /// Changes the open wave's other parts (its self-ratings) and stores it.
    pub fn update_wave(self, change: impl FnOnce(&mut Wave)) {
        self.wave.update(change);
        if self.wave_writable.get_untracked() {
            let wave = self.wave.get_untracked();
            self.persist(move |repo| async move { store::save(&*repo, &wave).await });
        }
    }

    /// "Take stock": closes the map being drawn, keeps it as it is, and starts the next from a
    /// copy, so redrawing is editing. Both are stored in one transaction.
    pub fn take_stock(self) {
        if !self.wave_writable.get_untracked() {
            return;
        }
        let mut closing = self.wave.get_untracked();
        let next = closing.close_and_continue(platform::now());
        self.closed_waves
            .update(|waves| waves.push(closing.clone()));
        self.wave.set(next.clone());
        self.last_removed.set(None);
        self.persist(move |repo| async move {
            // The closed wave first, so the unique "open" index never sees two open waves.
            repo.write(vec![store::Write::put(&closing), store::Write::put(&next)])
                .await
        });
    }

    /// Every wave, oldest first, the open one last.
    pub fn all_waves(self) -> Vec<Wave> {
        let mut waves = self.closed_waves.get();
        waves.push(self.wave.get());
        waves
    }

    /// Removes a member, keeping it for [`AppState::undo_remove`].
    pub fn remove_member(self, id: MemberId) -> Option<String> {
        let mut removed = None;
        self.update_network(|net| removed = net.remove(id));
        let name = removed.as_ref().map(|(member, _)| member.name.clone());
        self.last_removed.set(removed);
        name
    }

    /// Puts back the member removed last.
    pub fn undo_remove(self) {
        if let Some((member, ties)) = self.last_removed.get_untracked() {
            self.last_removed.set(None);
            self.update_network(|net| net.restore(member, ties));
        }
    }

    /// Tells screen-reader users what just happened, through the page's live region.
    pub fn announce(self, message: impl Into<String>) {
        self.announcement.set(message.into());
    }

    /// Runs one write and reports it in the save status, unless a later write overtook it.
    fn persist<F, Fut>(self, write: F)
    where
        F: FnOnce(Rc<AppRepository>) -> Fut + 'static,
        Fut: std::future::Future<Output = Result<(), StoreError>> + 'static,
    {
        let Some(repo) = self.repo.get_value() else {
            return;
        };
        if self.health.get_untracked() == StorageHealth::Newer || self.closed.get_value() {
            return;
        }
        let session_only = repo.is_session_only();
        let ticket = self.writes.with_value(|n| n + 1);
        self.writes.set_value(ticket);
        self.in_flight.update_value(|n| *n += 1);
        if !session_only {
            self.save_status.set(SaveStatus::Saving);
        }
        spawn_local(async move {
            let result = write(repo).await;
            self.in_flight.update_value(|n| *n = n.saturating_sub(1));
            if result.is_ok() && !session_only {
                tabs::tell_other_tabs(TabMessage::Changed);
            }
            self.reload_when_idle();
            if self.writes.get_value() != ticket {
                return;
            }
            self.save_status.set(match result {
                Ok(()) if session_only => SaveStatus::SessionOnly,
                Ok(()) => SaveStatus::Saved,
                Err(error) => SaveStatus::Failed(error),
            });
        });
    }
}

/// Sets a signal only when the value differs, so a reload that finds nothing new changes
/// nothing on screen (and moves no cursor in a field being typed in).
fn replace<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|current| *current != value) {
        signal.set(value);
    }
}

/// The wave to edit: the open one, or a new one continued from the latest closed one, or the
/// very first. Only an open wave is ever edited; closed waves stay as they were.
fn current_wave(mut waves: Vec<Wave>) -> Wave {
    waves.sort_by_key(|wave| wave.id);
    let mut wave = match waves.iter().rev().find(|wave| wave.is_open()) {
        Some(open) => open.clone(),
        None => match waves.last_mut() {
            Some(latest) => latest.close_and_continue(platform::now()),
            None => Wave::first(platform::now()),
        },
    };
    // A map stored by an older version may have members with no position: draw them.
    layout::place_missing(&mut wave.network);
    wave
}

/// Runs the layout from where members were last drawn and records where each now sits.
fn place_members(network: &mut Network) {
    let previous: BTreeMap<MemberId, Point> = network
        .members
        .iter()
        .filter_map(|m| m.placed.map(|p| (m.id, p)))
        .collect();
    let geometry = Geometry::for_network(network);
    let positions = layout::layout(network, &previous, &geometry);
    for member in &mut network.members {
        member.placed = positions.get(&member.id).copied();
    }
}
