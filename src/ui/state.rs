//! The app's state and the one path by which changes reach storage.
//!
//! Every change goes through an `AppState` method that updates the signal and then stores the
//! record at once: there is no save button. The save status shown to the person only says
//! "Saved" after the database has committed the latest change.

use std::rc::Rc;

use std::collections::BTreeMap;

use genie_core::layout::{self, Geometry};
use genie_core::model::{
    Choice, ChoiceId, ChoiceStatus, EntryNote, Member, MemberId, Network, Plan, Point, Preferences,
    Profile, Tie, Wave, MAX_ACTIVE_CHOICES,
};
use genie_core::schema::{Record, PREFERENCES_KEY, PROFILE_KEY};
use genie_core::store::{self, LoadError, Repository, StoreError};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::platform;
use crate::store::AppRepository;

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

/// Why a choice was not made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChooseError {
    /// Three are already being tried.
    Full,
    AlreadyChosen,
}

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

    /// Opens storage and loads what the person saved before.
    pub async fn open(self) {
        let (repo, fallback) = AppRepository::open().await;
        let repo = Rc::new(repo);
        self.repo.set_value(Some(repo.clone()));
        let mut health = match fallback {
            Some(StoreError::NewerDatabase) => StorageHealth::Newer,
            Some(error) => StorageHealth::SessionOnly(error),
            None => StorageHealth::Ok,
        };
        if health != StorageHealth::Newer {
            match store::load::<Profile>(&*repo, PROFILE_KEY).await {
                Ok(profile) => {
                    self.profile.set(profile.unwrap_or_default());
                    self.profile_writable.set(true);
                }
                Err(LoadError::Decode { .. }) => health = StorageHealth::Unreadable,
                Err(LoadError::Store(error)) => health = StorageHealth::SessionOnly(error),
            }
            match store::load::<Preferences>(&*repo, PREFERENCES_KEY).await {
                Ok(preferences) => {
                    self.preferences.set(preferences.unwrap_or_default());
                    self.preferences_writable.set(true);
                }
                Err(LoadError::Decode { .. }) => health = StorageHealth::Unreadable,
                Err(LoadError::Store(error)) => health = StorageHealth::SessionOnly(error),
            }
            match store::load_all::<Choice>(&*repo).await {
                Ok((mut choices, unreadable)) => {
                    if unreadable.is_empty() {
                        choices.sort_by_key(|c| c.id);
                        self.choices.set(choices);
                        self.choices_writable.set(true);
                    } else {
                        health = StorageHealth::Unreadable;
                    }
                }
                Err(error) => health = StorageHealth::SessionOnly(error),
            }
            match store::load_all::<Wave>(&*repo).await {
                Ok((waves, unreadable)) => {
                    if !unreadable.is_empty() {
                        health = StorageHealth::Unreadable;
                    } else {
                        let mut closed: Vec<Wave> =
                            waves.iter().filter(|w| !w.is_open()).cloned().collect();
                        closed.sort_by_key(|w| w.id);
                        self.closed_waves.set(closed);
                        self.wave.set(current_wave(waves));
                        self.wave_writable.set(true);
                    }
                }
                Err(error) => health = StorageHealth::SessionOnly(error),
            }
        }
        if matches!(health, StorageHealth::SessionOnly(_)) {
            self.save_status.set(SaveStatus::SessionOnly);
            self.profile_writable.set(true);
            self.wave_writable.set(true);
            self.preferences_writable.set(true);
            self.choices_writable.set(true);
        }
        self.health.set(health);
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
        let active = self.choices.with_untracked(|cs| {
            cs.iter()
                .filter(|c| c.status != ChoiceStatus::Stopped)
                .count()
        });
        if self.choices.with_untracked(|cs| {
            cs.iter()
                .any(|c| c.resource_id == resource_id && c.status != ChoiceStatus::Stopped)
        }) {
            return Err(ChooseError::AlreadyChosen);
        }
        if active >= MAX_ACTIVE_CHOICES {
            return Err(ChooseError::Full);
        }
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
        };
        self.choices.update(|cs| cs.push(choice.clone()));
        if self.choices_writable.get_untracked() {
            self.persist(move |repo| async move { store::save(&*repo, &choice).await });
        }
        Ok(active + 1)
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
        self.wave.update(|wave| {
            change(&mut wave.network);
            place_members(&mut wave.network);
        });
        if self.wave_writable.get_untracked() {
            let wave = self.wave.get_untracked();
            self.persist(move |repo| async move { store::save(&*repo, &wave).await });
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
        if self.health.get_untracked() == StorageHealth::Newer {
            return;
        }
        let session_only = repo.is_session_only();
        let ticket = self.writes.with_value(|n| n + 1);
        self.writes.set_value(ticket);
        if !session_only {
            self.save_status.set(SaveStatus::Saving);
        }
        spawn_local(async move {
            let result = write(repo).await;
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

/// The wave to edit: the open one, or a new one continued from the latest closed one, or the
/// very first. Only an open wave is ever edited; closed waves stay as they were.
fn current_wave(mut waves: Vec<Wave>) -> Wave {
    waves.sort_by_key(|wave| wave.id);
    if let Some(open) = waves.iter().rev().find(|wave| wave.is_open()) {
        return open.clone();
    }
    match waves.last_mut() {
        Some(latest) => latest.close_and_continue(platform::now()),
        None => Wave::first(platform::now()),
    }
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
