//! Fetching a language's catalogue, `i18n/<tag>.json` beside the app. The service worker keeps
//! it once fetched, so a language used once works offline.
//!
//! The file holds the messages as `build.rs` lays them out (`slots`) and the shape they were
//! made for; a file made for another version of the app is refused rather than misread.

use serde::Deserialize;

use super::{is_loaded, keep, Locale, SHAPE};
use crate::platform::{fetch_text, FetchError};

/// Why a language could not be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Offline and never fetched, or not on the server.
    Fetch(FetchError),
    /// The file is not a catalogue, or was made for another version of the app.
    Unreadable,
}

#[derive(Deserialize)]
struct CatalogueFile {
    shape: String,
    slots: Vec<String>,
}

/// Reads a catalogue file's text, if it fits this version of the app.
pub fn parse(text: &str) -> Result<Vec<String>, LoadError> {
    let file: CatalogueFile = serde_json::from_str(text).map_err(|_| LoadError::Unreadable)?;
    if file.shape != SHAPE || file.slots.len() != super::ENGLISH.len() {
        return Err(LoadError::Unreadable);
    }
    Ok(file.slots)
}

/// The catalogue's address, relative so the app works from any sub-folder.
pub fn path(locale: Locale) -> String {
    format!("i18n/{}.json", locale.tag())
}

/// Makes the language's words available (once a visit; English always is).
pub async fn ensure(locale: Locale) -> Result<(), LoadError> {
    if is_loaded(locale) {
        return Ok(());
    }
    let text = fetch_text(&path(locale)).await.map_err(LoadError::Fetch)?;
    keep(locale, parse(&text)?);
    Ok(())
}
