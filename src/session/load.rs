//! How each record kind is read from storage. Plain async functions: the session decides what
//! a result means for the screen (see [`super::kept::Kept::take`]).
//!
//! Reading records (decoding every schema version, migrating, placing members an older
//! version left without a position) is code a first visit never needs: a device that holds
//! nothing is answered by [`read`] without it. Otherwise that code is a split point of its own
//! (see [`crate::on_demand`]), fetched the first time something stored is read.

use std::rc::Rc;

use genie_core::model::{Choice, Preferences, Profile, Wave};
use genie_core::schema::{PREFERENCES_KEY, PROFILE_KEY};
use genie_core::store::{self, LoadError, Repository, StoreError};

use super::kept::ReadFault;
use crate::on_demand::{on_demand, CodeMissing};
use crate::platform;
use crate::store::AppRepository;

/// Every record kind, as read at one moment.
pub struct Stored {
    pub profile: Result<Profile, ReadFault>,
    pub preferences: Result<Preferences, ReadFault>,
    pub choices: Result<Vec<Choice>, ReadFault>,
    pub maps: Result<Maps, ReadFault>,
}

impl Stored {
    /// What a device holding nothing has: every kind read, and empty.
    fn nothing() -> Stored {
        Stored {
            profile: Ok(Profile::default()),
            preferences: Ok(Preferences::default()),
            choices: Ok(Vec::new()),
            maps: Ok(Maps {
                open: Wave::first(platform::now()),
                open_stored: false,
                closed: Vec::new(),
            }),
        }
    }

    /// Nothing could be read: the code that reads could not be fetched. Each kind is a read
    /// failure, as when the device fails a read: a kind not read yet stays read-only, so
    /// nothing stored is overwritten by defaults (see [`super::kept::Kept::take`]).
    fn failed(error: StoreError) -> Stored {
        let fault = ReadFault::Store(error);
        Stored {
            profile: Err(fault.clone()),
            preferences: Err(fault.clone()),
            choices: Err(fault.clone()),
            maps: Err(fault),
        }
    }
}

/// Why storage "failed" when the code that reads or backs up records could not be fetched.
pub fn code_missing() -> StoreError {
    StoreError::Unavailable("the code that reads saved answers could not be fetched".into())
}

/// Reads every record kind.
pub async fn read(repo: Rc<AppRepository>) -> Stored {
    match repo.holds_nothing().await {
        Ok(true) => Stored::nothing(),
        // A failed count is not a reason to skip reading: the reads say what failed.
        Ok(false) | Err(_) => match read_records(repo).await {
            Ok(reading) => reading.await,
            Err(CodeMissing) => Stored::failed(code_missing()),
        },
    }
}

/// Fetches the code that reads records, so that a later read waits for nothing.
pub async fn fetch_reading_code() -> Result<(), CodeMissing> {
    Ok(preload_read_records().await?)
}

on_demand!(stored: read_records + preload_read_records = reading(repo: Rc<AppRepository>) -> Stored);

async fn reading(repo: Rc<AppRepository>) -> Stored {
    Stored {
        profile: profile(&repo).await,
        preferences: preferences(&repo).await,
        choices: choices(&repo).await,
        maps: maps(&repo).await,
    }
}

fn fault(error: LoadError) -> ReadFault {
    match error {
        LoadError::Decode { .. } => ReadFault::Unreadable,
        LoadError::Store(error) => ReadFault::Store(error),
    }
}

fn store_fault(error: StoreError) -> ReadFault {
    ReadFault::Store(error)
}

async fn profile(repo: &AppRepository) -> Result<Profile, ReadFault> {
    store::load::<Profile>(repo, PROFILE_KEY)
        .await
        .map(Option::unwrap_or_default)
        .map_err(fault)
}

async fn preferences(repo: &AppRepository) -> Result<Preferences, ReadFault> {
    store::load::<Preferences>(repo, PREFERENCES_KEY)
        .await
        .map(Option::unwrap_or_default)
        .map_err(fault)
}

/// Every choice, oldest first. One unreadable choice makes the kind read-only, so removing or
/// re-numbering choices can never touch it.
async fn choices(repo: &AppRepository) -> Result<Vec<Choice>, ReadFault> {
    let (mut found, unreadable) = store::load_all::<Choice>(repo).await.map_err(store_fault)?;
    if !unreadable.is_empty() {
        return Err(ReadFault::Unreadable);
    }
    genie_core::order::sort_by_key(&mut found, |c| c.id);
    Ok(found)
}

/// The maps: the one to edit, whether it is stored yet, and the closed ones.
#[derive(Debug, Clone, PartialEq)]
pub struct Maps {
    pub open: Wave,
    /// False for a new map continued from a closed one, which is stored when first changed.
    pub open_stored: bool,
    pub closed: Vec<Wave>,
}

async fn maps(repo: &AppRepository) -> Result<Maps, ReadFault> {
    let (waves, unreadable) = store::load_waves(repo).await.map_err(store_fault)?;
    if !unreadable.is_empty() {
        return Err(ReadFault::Unreadable);
    }
    let open_stored = waves.iter().any(Wave::is_open);
    let closed: Vec<Wave> = waves.iter().filter(|w| !w.is_open()).cloned().collect();
    Ok(Maps {
        open: current_wave(waves),
        open_stored,
        closed,
    })
}

/// The wave to edit: the open one, or a new one continued from the latest closed one, or the
/// very first. Only an open wave is ever edited; closed waves stay as they were.
fn current_wave(mut waves: Vec<Wave>) -> Wave {
    genie_core::order::sort_by_key(&mut waves, |wave| wave.id);
    let mut wave = match waves.iter().rev().find(|wave| wave.is_open()) {
        Some(open) => open.clone(),
        None => match waves.last_mut() {
            Some(latest) => latest.close_and_continue(platform::now()),
            None => Wave::first(platform::now()),
        },
    };
    // A map stored by an older version may have members with no position: draw them.
    genie_core::layout::place_missing(&mut wave.network);
    wave
}
