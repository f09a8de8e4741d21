//! Sending changes to storage, one batch at a time as they are made, and telling the person
//! when the latest one is safe.
//!
//! Each change is one atomic batch (see `genie_core::store::Repository::write`). Batches are
//! numbered; only the latest sets the save status, so "Saved" is never shown while a later
//! change is still on its way. After each committed batch the other tabs are told, and a
//! reload that another tab asked for waits until this tab's own writes have finished.

use std::rc::Rc;

use genie_core::store::{Repository, Write};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::health::{SaveStatus, StorageHealth};
use crate::platform::tabs::{self, TabMessage};
use crate::store::AppRepository;

/// The writing side of the session. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Writer {
    /// Counts batches so that only the latest one sets the save status.
    pub(super) writes: StoredValue<u64>,
    /// Batches sent but not yet finished.
    pub(super) in_flight: StoredValue<u32>,
    /// Another tab changed something while this one was writing: read again when done.
    pub(super) reload_wanted: StoredValue<bool>,
    /// Bytes of record text sent to storage this visit (for the benchmark of typing).
    pub(super) bytes: StoredValue<u64>,
    pub(super) save_status: RwSignal<SaveStatus>,
}

impl Writer {
    pub fn new() -> Self {
        Writer {
            writes: StoredValue::new(0),
            in_flight: StoredValue::new(0),
            reload_wanted: StoredValue::new(false),
            bytes: StoredValue::new(0),
            save_status: RwSignal::new(SaveStatus::Idle),
        }
    }

    /// Sends one batch, and reports it in the save status unless a later batch overtook it.
    /// `after` runs once the batch has finished, whatever the outcome (the session uses it to
    /// read again when another tab asked for that).
    pub fn send(
        self,
        repo: Rc<AppRepository>,
        health: StorageHealth,
        batch: Vec<Write>,
        after: impl FnOnce() + 'static,
    ) {
        if !health.allows_writes() {
            after();
            return;
        }
        let session_only = repo.is_session_only();
        let ticket = self.writes.with_value(|n| n + 1);
        self.writes.set_value(ticket);
        self.in_flight.update_value(|n| *n += 1);
        self.bytes
            .update_value(|n| *n += batch.iter().map(|w| w.stored_bytes() as u64).sum::<u64>());
        if !session_only {
            self.save_status.set(SaveStatus::Saving);
        }
        spawn_local(async move {
            let result = repo.write(batch).await;
            self.in_flight.update_value(|n| *n = n.saturating_sub(1));
            if result.is_ok() && !session_only {
                tabs::tell_other_tabs(TabMessage::Changed);
            }
            after();
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

    /// A change was made on screen that cannot be stored (its record was not read): say so
    /// rather than let the person believe it is kept.
    pub fn not_kept(self) {
        self.writes.update_value(|n| *n += 1);
        self.save_status.set(SaveStatus::NotKept);
    }

    /// Whether this tab is writing now.
    pub fn busy(self) -> bool {
        self.in_flight.get_value() > 0
    }

    /// A ticket for a read: if it changes before the read is shown, an edit came in between.
    pub fn ticket(self) -> u64 {
        self.writes.get_value()
    }

    /// Whatever was written before is overtaken (a restore replaced everything).
    pub fn overtake(self) {
        self.writes.update_value(|n| *n += 1);
        self.reload_wanted.set_value(false);
    }

    /// Bytes of record text sent to storage this visit.
    pub fn bytes_sent(self) -> u64 {
        self.bytes.get_value()
    }
}
