//! What the person is told about their data: whether storage works, and whether the last
//! change is saved.

use genie_core::store::StoreError;

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
    /// A change was made to something that could not be read from storage: it is on screen
    /// only, so the stored version is never overwritten.
    NotKept,
}

/// Whether storage works, as found when the app opened and since.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageHealth {
    Opening,
    Ok,
    /// The browser gives no storage (some private modes): working in memory only, and why.
    SessionOnly(StoreError),
    /// A newer version of the app has written this device's data; nothing may be written.
    Newer,
    /// Some saved records could not be read; they are left untouched.
    Unreadable,
    /// Reading failed just now (the device, not the data): what was not read stays
    /// untouched until it can be read.
    ReadFailed(StoreError),
    /// Genie was updated, and a Genie tab still open elsewhere keeps the old one's data open:
    /// nothing can be read or written until that tab is closed.
    Blocked,
    /// The browser removed the saved data while Genie was open (storage was cleared). What is
    /// on screen is still here and can be saved again.
    Lost,
}

impl StorageHealth {
    /// Whether changes may be written at all.
    pub fn allows_writes(&self) -> bool {
        matches!(
            self,
            StorageHealth::Ok
                | StorageHealth::SessionOnly(_)
                | StorageHealth::Unreadable
                | StorageHealth::ReadFailed(_)
        )
    }
}
