//! Text typed into a form that is not saved until a button is pressed (a new member's name, a
//! dropped activity), kept in this tab's session storage so a reload loses nothing. It goes
//! when the tab closes, when the form is sent, or with "delete everything".

use gloo_storage::{SessionStorage, Storage};

/// Keys are prefixed so "delete everything" can find them; the rest of session storage is not
/// ours to touch.
const PREFIX: &str = "genie-draft-";

/// The draft under `key`, or empty.
pub fn load(key: &str) -> String {
    SessionStorage::get::<String>(format!("{PREFIX}{key}")).unwrap_or_default()
}

/// Keeps `text` under `key`; empty text removes it.
pub fn save(key: &str, text: &str) {
    let key = format!("{PREFIX}{key}");
    if text.is_empty() {
        SessionStorage::delete(key);
    } else {
        // A full or refused session storage only means the draft is not kept.
        let _ = SessionStorage::set(key, text);
    }
}

/// Removes every draft, and nothing else.
pub fn clear_all() {
    super::storage::remove_keys_starting_with(&SessionStorage::raw(), PREFIX);
}
