//! How each record kind is read from storage. Plain async functions: the session decides what
//! a result means for the screen (see [`super::kept::Kept::take`]).

use genie_core::model::{Choice, Preferences, Profile, Wave};
use genie_core::schema::{PREFERENCES_KEY, PROFILE_KEY};
use genie_core::store::{self, LoadError, StoreError};

use super::kept::ReadFault;
use crate::platform;
use crate::store::AppRepository;

fn fault(error: LoadError) -> ReadFault {
    match error {
        LoadError::Decode { .. } => ReadFault::Unreadable,
        LoadError::Store(error) => ReadFault::Store(error),
    }
}

fn store_fault(error: StoreError) -> ReadFault {
    ReadFault::Store(error)
}

pub async fn profile(repo: &AppRepository) -> Result<Profile, ReadFault> {
    store::load::<Profile>(repo, PROFILE_KEY)
        .await
        .map(Option::unwrap_or_default)
        .map_err(fault)
}

pub async fn preferences(repo: &AppRepository) -> Result<Preferences, ReadFault> {
    store::load::<Preferences>(repo, PREFERENCES_KEY)
        .await
        .map(Option::unwrap_or_default)
        .map_err(fault)
}

/// Every choice, oldest first. One unreadable choice makes the kind read-only, so removing or
/// re-numbering choices can never touch it.
pub async fn choices(repo: &AppRepository) -> Result<Vec<Choice>, ReadFault> {
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

pub async fn maps(repo: &AppRepository) -> Result<Maps, ReadFault> {
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
