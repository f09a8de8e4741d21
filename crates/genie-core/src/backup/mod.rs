//! The backup file: everything the person stored, in one versioned document.
//!
//! ```json
//! {
//!   "genie_backup": 1,
//!   "exported_at": 1763900000000,
//!   "records": {
//!     "profile": [ { "schema": 2, "data": { ... } } ],
//!     "preferences": [ { "schema": 1, "data": { ... } } ],
//!     "waves": [ { "schema": 1, "data": { ... }, "open": 1 } ],
//!     "choices": [ ]
//!   }
//! }
//! ```
//!
//! Each record keeps the envelope it is stored in (see [`crate::schema`]), so a backup made by
//! an older app is migrated record by record as it is read, exactly as stored data is. The
//! whole file is checked before anything is written ([`parse`]); a restore replaces everything
//! stored in one batch ([`restore`], [`plan`]), so it happens whole or not at all.
//!
//! Encryption is done by the browser; [`Encrypted`] is the wrapper it is saved in. The format
//! is described for people in `docs/backup-format.md`.
//!
//! The UI's path: [`detect`] the file; for [`FileKind::Encrypted`], [`Encrypted::parse`], ask
//! for the passphrase and decrypt; then [`parse`] the plain text, show its [`Backup::summary`],
//! and on the person's "replace" call [`apply`].

mod encrypted;
mod error;
mod file;
mod restore;

pub use encrypted::{
    decode_base64, encode_base64, Encrypted, EncryptedError, EncryptedField, FieldProblem,
    ENCRYPTED_VERSION, HANDOVER_FIELD, ITERATIONS, IV_LEN, KDF, MAX_ITERATIONS, MIN_ITERATIONS,
    SALT_LEN, TAG_LEN,
};
pub use error::{BackupError, Damage, ExportError, FileField, NotABackup, Part, RestoreError};
pub use file::{detect, parse, write, FileKind};
pub use restore::{apply, existing, export, plan, restore, Existing, Export, Summary};

use crate::model::{Choice, Preferences, Profile, Timestamp, Wave};

/// The marker (and format version) of a plain backup.
pub const MARKER: &str = "genie_backup";
/// The marker (and wrapper version) of an encrypted backup.
pub const ENCRYPTED_MARKER: &str = "genie_backup_encrypted";
/// The version of the plain format written today. Bump it when a store is added or the
/// layout of the file changes; a record's own changes are its schema version's business.
pub const FORMAT_VERSION: u32 = 1;

/// Everything a backup holds, read and migrated to today's model.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Contents {
    pub profile: Option<Profile>,
    pub preferences: Option<Preferences>,
    /// Every wave, closed ones and the one in progress.
    pub waves: Vec<Wave>,
    pub choices: Vec<Choice>,
}

impl Contents {
    pub fn is_empty(&self) -> bool {
        self.profile.is_none()
            && self.preferences.is_none()
            && self.waves.is_empty()
            && self.choices.is_empty()
    }
}

/// A backup file that was read whole and found sound.
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    /// When the backup was made, by the device's clock.
    pub exported_at: Timestamp,
    pub contents: Contents,
}

/// A file name for a backup made at `at`: `genie-backup-2025-11-23.json` (UTC date), or
/// `genie-backup-2025-11-23.encrypted.json` for an encrypted one.
pub fn file_name(at: Timestamp, encrypted: bool) -> String {
    let date = crate::research::iso_date(at);
    if encrypted {
        format!("genie-backup-{date}.encrypted.json")
    } else {
        format!("genie-backup-{date}.json")
    }
}
