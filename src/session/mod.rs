//! The person's session: the records mirrored on screen, and the one path by which changes
//! reach storage.
//!
//! Pages see read-only signals and call intent methods ([`Session::update_profile`],
//! [`Session::edit_member`], ...); they never name the store. Each record kind is a
//! [`kept::Kept`]: its signal, and whether it was read and so may be written. The rules live
//! here once:
//!
//! - **Load**: [`Session::reload`] reads every kind; a kind that could not be read stays
//!   read-only and is never overwritten by defaults ([`kept`]).
//! - **Persist**: every change is stored at once as one atomic batch ([`writer`]); "Saved"
//!   shows only when the latest batch has committed. Typing in a member's details stores that
//!   one field ([`genie_core::model::MemberEdit`]); the whole map is stored when members move.
//! - **Tab sync**: after each committed write the other tabs read again; a tab also reads
//!   again when shown. A tab steps aside when another opens a newer Genie or deletes the data.
//! - **Faults**: storage refused (memory for the session), a record unreadable, a read or a
//!   write failing, an upgrade blocked by an old tab, the data removed by the browser while
//!   open: each has its [`StorageHealth`] and a message that says what to do.
//! - **Erase and restore** replace everything in one step ([`data`]).

mod choices;
mod data;
mod health;
mod kept;
mod load;
mod map;
mod writer;

use std::rc::Rc;

use genie_core::model::{Choice, Member, Preferences, Profile, Tie, Wave};
use genie_core::store::{StoreError, Write};
use leptos::prelude::*;
use leptos::task::spawn_local;

pub use genie_core::model::ChooseRefusal as ChooseError;
pub use health::{SaveStatus, StorageHealth};

use kept::{Kept, ReadFault};
use writer::Writer;

use crate::platform;
use crate::platform::tabs::{self, TabMessage};
use crate::store::AppRepository;

/// The session, handed to components by context. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Session {
    repo: StoredValue<Option<Rc<AppRepository>>, LocalStorage>,
    writer: Writer,
    /// Why storage fell back to memory when the app opened, if it did.
    fallback: StoredValue<Option<StoreError>>,
    /// The connection is closed for good (another tab upgraded or deleted the database,
    /// everything was deleted here, or the browser removed the data): nothing more is written.
    closed: StoredValue<bool>,
    /// The browser has been asked once this visit to keep the data.
    asked_to_keep: StoredValue<bool>,
    health_rw: RwSignal<StorageHealth>,
    profile_kept: Kept<Profile>,
    preferences_kept: Kept<Preferences>,
    choices_kept: Kept<Vec<Choice>>,
    wave_kept: Kept<Wave>,
    closed_kept: Kept<Vec<Wave>>,
    /// Whether the open map has a record yet (a map continued from a closed one is stored
    /// when first changed).
    open_stored: StoredValue<bool>,
    last_removed_rw: RwSignal<Option<(Member, Vec<Tie>)>>,
    announcement_rw: RwSignal<String>,

    /// Whether storage works.
    pub health: ReadSignal<StorageHealth>,
    /// Whether the last change is saved.
    pub save_status: ReadSignal<SaveStatus>,
    /// About you.
    pub profile: ReadSignal<Profile>,
    /// What the person would value and what is practical for them.
    pub preferences: ReadSignal<Preferences>,
    /// The activities chosen to try, oldest first.
    pub choices: ReadSignal<Vec<Choice>>,
    /// The open wave: the map being drawn now.
    pub wave: ReadSignal<Wave>,
    /// Earlier maps, oldest first. Closed waves are kept as they were and never changed.
    pub closed_waves: ReadSignal<Vec<Wave>>,
    /// The member removed last, with its ties, so the removal can be undone.
    pub last_removed: ReadSignal<Option<(Member, Vec<Tie>)>>,
    /// A short message for screen readers about what just happened ("Pat added...").
    pub announcement: ReadSignal<String>,
}

/// Fetches the code that reads stored records, makes a backup and saves everything again, so
/// that none of them waits for it later (see [`crate::on_demand`]).
pub async fn fetch_code() -> Result<(), crate::on_demand::CodeMissing> {
    load::fetch_reading_code().await?;
    data::fetch_code().await
}

impl Session {
    /// Creates the session and puts it in context for every component below.
    pub fn provide() -> Session {
        let writer = Writer::new();
        let health_rw = RwSignal::new(StorageHealth::Opening);
        let profile_kept = Kept::new(Profile::default());
        let preferences_kept = Kept::new(Preferences::default());
        let choices_kept = Kept::new(Vec::new());
        let wave_kept = Kept::new(Wave::first(platform::now()));
        let closed_kept = Kept::new(Vec::new());
        let last_removed_rw = RwSignal::new(None);
        let announcement_rw = RwSignal::new(String::new());
        let session = Session {
            repo: StoredValue::new_local(None),
            writer,
            fallback: StoredValue::new(None),
            closed: StoredValue::new(false),
            asked_to_keep: StoredValue::new(false),
            health_rw,
            profile_kept,
            preferences_kept,
            choices_kept,
            wave_kept,
            closed_kept,
            open_stored: StoredValue::new(false),
            last_removed_rw,
            announcement_rw,
            health: health_rw.read_only(),
            save_status: writer.save_status.read_only(),
            profile: profile_kept.signal(),
            preferences: preferences_kept.signal(),
            choices: choices_kept.signal(),
            wave: wave_kept.signal(),
            closed_waves: closed_kept.signal(),
            last_removed: last_removed_rw.read_only(),
            announcement: announcement_rw.read_only(),
        };
        provide_context(session);
        session
    }

    /// The session provided by [`Session::provide`].
    pub fn expect() -> Session {
        expect_context::<Session>()
    }

    /// Opens storage, loads what the person saved before, and starts listening to other tabs.
    pub async fn open(self) {
        let on_blocked = move || self.health_rw.set(StorageHealth::Blocked);
        let (repo, fallback) = AppRepository::open(on_blocked).await;
        self.watch(&repo).await;
        self.repo.set_value(Some(Rc::new(repo)));
        self.fallback.set_value(fallback);
        self.reload().await;
        tabs::listen_to_other_tabs(move |message| match message {
            TabMessage::Changed => self.refresh(),
            TabMessage::Erased => platform::reload_page(true),
        });
        tabs::when_shown_again(move || self.refresh());
    }

    /// Steps aside when another tab opens a newer Genie or deletes the data, and notices the
    /// browser removing it. Without the watch the app still works; it just cannot do either.
    async fn watch(self, repo: &AppRepository) {
        if let AppRepository::Device(device) = repo {
            let _ = device
                .watch_version_changes(
                    move |new_version| self.connection_taken(new_version),
                    move || self.data_removed(),
                )
                .await;
        }
    }

    /// Reads every record kind again and shows what is there now. A kind that cannot be read
    /// is left untouched and stays read-only until it can be read.
    pub async fn reload(self) {
        let Some(repo) = self.repo.get_value() else {
            return;
        };
        if self.closed.get_value() {
            return;
        }
        let base = match self.fallback.get_value() {
            Some(StoreError::NewerDatabase) => {
                self.set_health(StorageHealth::Newer);
                return;
            }
            Some(error) => StorageHealth::SessionOnly(error),
            None => StorageHealth::Ok,
        };
        // An edit made while reading would be undone by what was read: read again after it.
        let ticket = self.writer.ticket();
        let load::Stored {
            profile,
            preferences,
            choices,
            maps,
        } = load::read(repo).await;
        if self.writer.ticket() != ticket || self.closed.get_value() {
            self.writer.reload_wanted.set_value(true);
            self.reload_when_idle();
            return;
        }
        let mut faults = vec![
            self.profile_kept.take(profile),
            self.preferences_kept.take(preferences),
            self.choices_kept.take(choices),
        ];
        match maps {
            Ok(maps) => {
                // A new map continued from a closed one is not stored until it is edited: keep
                // the one already on screen rather than start it again.
                let same_unsaved =
                    !maps.open_stored && self.wave_kept.with(|w| w.id == maps.open.id);
                let open = if same_unsaved {
                    self.wave_kept.get()
                } else {
                    maps.open
                };
                self.open_stored.set_value(maps.open_stored);
                faults.push(self.closed_kept.take(Ok(maps.closed)));
                faults.push(self.wave_kept.take(Ok(open)));
            }
            Err(fault) => {
                faults.push(self.closed_kept.take(Err(fault.clone())));
                faults.push(self.wave_kept.take(Err(fault)));
            }
        }
        let failed = faults.iter().flatten().find_map(|f| match f {
            ReadFault::Store(error) => Some(error.clone()),
            ReadFault::Unreadable => None,
        });
        let health = match failed {
            Some(error) => StorageHealth::ReadFailed(error),
            None if faults.iter().flatten().next().is_some() => StorageHealth::Unreadable,
            None => base,
        };
        self.set_health(health);
    }

    fn set_health(self, health: StorageHealth) {
        if self.health_rw.get_untracked() != health {
            self.health_rw.set(health);
        }
    }

    /// Reads everything again now, or as soon as this tab's own writes have finished. Kept in
    /// memory only, what is stored is what this tab wrote: there is nothing to read again.
    fn refresh(self) {
        let memory_only = self
            .repo
            .with_value(|repo| repo.as_ref().is_some_and(|repo| repo.is_session_only()));
        if self.closed.get_value() || !self.is_ready() || memory_only {
            return;
        }
        self.writer.reload_wanted.set_value(true);
        self.reload_when_idle();
    }

    fn reload_when_idle(self) {
        if !self.writer.busy() && self.writer.reload_wanted.get_value() {
            self.writer.reload_wanted.set_value(false);
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
            Some(_) => self.set_health(StorageHealth::Newer),
        }
    }

    /// The browser closed the database under us (the person or the browser cleared the site's
    /// data). What is on screen is all there is now: keep it, and offer to save it again.
    fn data_removed(self) {
        if self.closed.get_value() {
            return;
        }
        self.closed.set_value(true);
        self.set_health(StorageHealth::Lost);
    }

    /// True once storage has been opened (or given up on).
    pub fn is_ready(self) -> bool {
        self.health
            .with(|h| !matches!(h, StorageHealth::Opening | StorageHealth::Blocked))
    }

    /// Tells screen-reader users what just happened, through the page's live region.
    pub fn announce(self, message: impl Into<String>) {
        self.announcement_rw.set(message.into());
    }

    /// Bytes of record text this tab has sent to storage since it opened.
    pub fn bytes_sent(self) -> u64 {
        self.writer.bytes_sent()
    }

    /// Sends one batch to storage.
    fn persist(self, batch: Vec<Write>) {
        let Some(repo) = self.repo.get_value() else {
            return;
        };
        if self.closed.get_value() {
            return;
        }
        self.writer
            .send(repo, self.health_rw.get_untracked(), batch, move || {
                self.reload_when_idle()
            });
    }

    /// Stores `record` if its kind was read; otherwise says the change is not kept.
    fn persist_or_warn(self, batch: Option<Vec<Write>>) {
        match batch {
            Some(batch) => self.persist(batch),
            None => self.writer.not_kept(),
        }
    }

    /// Changes the profile and stores it.
    pub fn update_profile(self, change: impl FnOnce(&mut Profile)) {
        let now = platform::now();
        let stored = self.profile_kept.change(|profile| {
            change(profile);
            profile.updated_at = now.max(profile.updated_at);
        });
        self.persist_or_warn(stored.map(|p| vec![Write::put(&p)]));
    }

    /// Changes the preferences and stores them.
    pub fn update_preferences(self, change: impl FnOnce(&mut Preferences)) {
        let stored = self.preferences_kept.change(change);
        self.persist_or_warn(stored.map(|p| vec![Write::put(&p)]));
    }
}
