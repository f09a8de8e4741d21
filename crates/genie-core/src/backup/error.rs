//! Why a backup file could not be read or restored. Every case is a variant the UI words in the
//! person's language; the strings beside some variants are details for whoever fixes a bug,
//! never shown as they are.

use crate::schema::DecodeError;
use crate::store::{Store, StoreError};

/// Why a text is not a Genie backup at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotABackup {
    /// The file is empty or only spaces.
    EmptyFile,
    /// The text is not JSON.
    NotJson,
    /// JSON, but not an object.
    NotAnObject,
    /// A JSON object without our marker.
    NoMarker,
}

/// A top-level field of the backup file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileField {
    /// `genie_backup`, the format version.
    Version,
    ExportedAt,
    Records,
}

/// Where in the file a problem was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The file as a whole (its JSON syntax).
    File,
    /// One top-level field.
    Field(FileField),
    /// One store's list of records.
    Store(Store),
    /// One record: its store and its position in that store's list, counting from 0.
    Record { store: Store, index: usize },
}

/// What is wrong at that place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    /// The JSON breaks off with a syntax error (at this line and column, counting from 1).
    Syntax { line: usize, column: usize },
    /// A field or a store's list is absent.
    Missing,
    /// Present, but of the wrong JSON type (text where a number belongs, and so on).
    WrongType,
    /// The right type, but a value that cannot be (a format version of 0).
    Invalid,
    /// A store this version of the format does not have.
    UnknownStore(String),
    /// A record without its schema version.
    NoVersion,
    /// An older record that could not be brought up to date.
    Migration { from: u32, detail: String },
    /// A record whose data does not fit the model (a missing field, a word we do not know).
    Shape(String),
    /// Two records with the same key.
    DuplicateKey(String),
    /// A second open wave: only one map can be in progress at a time.
    SecondOpenWave,
}

/// Why a backup file cannot be restored. Found before anything is written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    #[error("not a Genie backup ({0:?})")]
    NotABackup(NotABackup),
    /// An encrypted backup: it needs the passphrase and decrypting first.
    #[error("the backup is encrypted")]
    Encrypted,
    /// Our file, but it breaks off part way (an interrupted download or copy).
    #[error("the backup is cut short")]
    Truncated,
    /// Written by a newer version of Genie: the file format itself, or one record in it.
    #[error("written by a newer version of Genie ({part:?}: version {found}, this app reads up to {supported})")]
    Newer {
        part: Part,
        found: u64,
        supported: u64,
    },
    /// Our file, with something wrong inside it.
    #[error("the backup is damaged ({at:?}: {problem:?})")]
    Damaged { at: Part, problem: Damage },
    /// A well-formed backup that holds no records at all.
    #[error("the backup holds nothing")]
    Empty,
}

impl BackupError {
    pub(super) fn damaged(at: Part, problem: Damage) -> BackupError {
        BackupError::Damaged { at, problem }
    }

    /// The same problem found in one record's envelope.
    pub(super) fn from_record(store: Store, index: usize, error: DecodeError) -> BackupError {
        let at = Part::Record { store, index };
        match error {
            DecodeError::Newer { found, supported } => BackupError::Newer {
                part: at,
                found: found.into(),
                supported: supported.into(),
            },
            DecodeError::NoVersion => BackupError::damaged(at, Damage::NoVersion),
            DecodeError::Migration { from, reason } => BackupError::damaged(
                at,
                Damage::Migration {
                    from,
                    detail: reason,
                },
            ),
            DecodeError::Shape(detail) | DecodeError::NotJson(detail) => {
                BackupError::damaged(at, Damage::Shape(detail))
            }
        }
    }
}

/// Why a restore did not happen. In every case nothing on the device was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RestoreError {
    /// The file itself was refused.
    #[error(transparent)]
    Backup(#[from] BackupError),
    /// A record on the device is so broken that its key cannot be told, so it could not be
    /// replaced. Nothing was written.
    #[error("a stored {} record cannot be read to replace it", .store.name())]
    ExistingUnreadable { store: Store },
    /// The device's storage failed or refused the batch.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why a backup could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The file just written did not read back whole: a bug, reported rather than handing the
    /// person a backup that would not restore.
    #[error("the new backup does not read back: {0}")]
    SelfCheck(BackupError),
}
