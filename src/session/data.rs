//! Everything at once: a backup of what is stored, putting one back, deleting everything,
//! and saving again what is on screen after the browser removed the data.

use std::rc::Rc;

use leptos::prelude::*;

use genie_core::backup::{self, Backup, Export, ExportError, RestoreError};
use genie_core::model::{Timestamp, Wave};
use genie_core::store::{self, Repository, StoreError, Write};

use super::{Session, StorageHealth};
use crate::on_demand::{on_demand, CodeMissing};
use crate::platform;
use crate::platform::tabs::{self, TabMessage};
use crate::store::{AppRepository, IndexedDbRepository};

// Making a backup reads every record: its code comes with the reading code.
on_demand!(stored: export_stored + preload_export_stored = export(repo: Rc<AppRepository>, now: Timestamp) -> Result<Export, ExportError>);

async fn export(repo: Rc<AppRepository>, now: Timestamp) -> Result<Export, ExportError> {
    backup::export(&*repo, now).await
}

/// Fetches the code that makes a backup and saves everything again.
pub async fn fetch_code() -> Result<(), CodeMissing> {
    preload_export_stored().await?;
    Ok(preload_save_again().await?)
}

impl Session {
    fn open_repo(self) -> Result<Rc<AppRepository>, StoreError> {
        self.repo
            .get_value()
            .ok_or(StoreError::Unavailable("storage is not open".into()))
    }

    /// Makes a backup of everything stored (see `genie_core::backup::export`).
    pub async fn make_backup(self) -> Result<Export, ExportError> {
        let repo = self.open_repo().map_err(ExportError::Store)?;
        match export_stored(repo, platform::now()).await {
            Ok(work) => work.await,
            Err(CodeMissing) => Err(ExportError::Store(super::load::code_missing())),
        }
    }

    /// Every map stored, closed ones and the one in progress (with its member edits), for
    /// the research export. Records that cannot be read are left out.
    pub async fn stored_waves(self) -> Result<Vec<Wave>, StoreError> {
        let repo = self.open_repo()?;
        let (waves, _unreadable) = store::load_waves(&*repo).await?;
        Ok(waves)
    }

    /// Replaces everything stored with a checked backup, in one batch, then shows it. On an
    /// error nothing on the device has changed.
    pub async fn restore_backup(self, backup: &Backup) -> Result<(), RestoreError> {
        let repo = self.open_repo().map_err(RestoreError::Store)?;
        if self.closed.get_value() || self.health_rw.get_untracked() == StorageHealth::Newer {
            return Err(RestoreError::Store(StoreError::NewerDatabase));
        }
        // What is put back is then read to be shown: without the code that reads (a first
        // visit offline), change nothing rather than leave the old records on screen to be
        // written over what was just restored.
        super::load::fetch_reading_code()
            .await
            .map_err(|CodeMissing| RestoreError::Store(super::load::code_missing()))?;
        self.writer.in_flight.update_value(|n| *n += 1);
        let result = backup::apply(&*repo, backup).await;
        self.writer
            .in_flight
            .update_value(|n| *n = n.saturating_sub(1));
        result?;
        if !repo.is_session_only() {
            tabs::tell_other_tabs(TabMessage::Changed);
        }
        self.last_removed_rw.set(None);
        self.writer.overtake();
        self.reload().await;
        if !repo.is_session_only() {
            self.writer.save_status.set(super::SaveStatus::Saved);
        }
        Ok(())
    }

    /// Deletes everything Genie keeps on this device: closes the database and deletes it,
    /// removes Genie's own small settings and drafts (and nothing else of the site's), and
    /// tells the other tabs. The page should then be loaded afresh
    /// ([`platform::reload_page`]).
    pub async fn erase_everything(self) -> Result<(), StoreError> {
        self.closed.set_value(true);
        let result = match self.repo.get_value() {
            Some(repo) => repo.erase().await,
            None => IndexedDbRepository::delete(genie_core::store::DB_NAME).await,
        };
        platform::storage::clear_settings();
        match &result {
            Ok(()) => tabs::tell_other_tabs(TabMessage::Erased),
            Err(error) => self
                .writer
                .save_status
                .set(super::SaveStatus::Failed(error.clone())),
        }
        result
    }

    /// After the browser removed the saved data while Genie was open: opens storage afresh and
    /// stores everything on screen again, in one batch. Records that were never read stay
    /// out of it (they were not on screen).
    pub async fn save_again(self) -> Result<(), StoreError> {
        match save_again_stored(self).await {
            Ok(work) => work.await,
            Err(CodeMissing) => Err(super::load::code_missing()),
        }
    }
}

// Rare (the browser cleared the site's data while Genie was open), and it writes every kind
// of record: its code comes with the reading code.
on_demand!(stored: save_again_stored + preload_save_again = store_again(session: Session) -> Result<(), StoreError>);

async fn store_again(session: Session) -> Result<(), StoreError> {
    let on_blocked = move || session.health_rw.set(StorageHealth::Blocked);
    let (repo, fallback) = AppRepository::open(on_blocked).await;
    if let Some(error) = fallback {
        return Err(error);
    }
    let mut batch = Vec::new();
    if session.profile_kept.writable() {
        batch.push(Write::put(&session.profile_kept.get()));
    }
    if session.preferences_kept.writable() {
        batch.push(Write::put(&session.preferences_kept.get()));
    }
    if session.choices_kept.writable() {
        batch.extend(session.choices_kept.get().iter().map(Write::put));
    }
    if session.wave_kept.writable() {
        batch.extend(session.closed_kept.get().iter().map(Write::put));
        batch.extend(store::save_wave_writes(&session.wave_kept.get()));
    }
    repo.write(batch).await?;
    session.watch(&repo).await;
    session.repo.set_value(Some(Rc::new(repo)));
    session.closed.set_value(false);
    session.open_stored.set_value(session.wave_kept.writable());
    session.writer.overtake();
    session.reload().await;
    session.writer.save_status.set(super::SaveStatus::Saved);
    Ok(())
}
