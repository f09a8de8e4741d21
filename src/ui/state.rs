//! The app's state and the one path by which changes reach storage.
//!
//! Every change goes through an `AppState` method that updates the signal and then stores the
//! record at once: there is no save button. The save status shown to the person only says
//! "Saved" after the database has committed the latest change.

use std::rc::Rc;

use genie_core::model::Profile;
use genie_core::schema::PROFILE_KEY;
use genie_core::store::{self, LoadError, StoreError};
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
        }
        if matches!(health, StorageHealth::SessionOnly(_)) {
            self.save_status.set(SaveStatus::SessionOnly);
            self.profile_writable.set(true);
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
