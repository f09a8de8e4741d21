//! Writing and reading the plain backup file (`docs/backup-format.md`).

use std::collections::BTreeSet;

use serde::Serialize;
use serde_json::Value;

use super::error::{BackupError, Damage, FileField, NotABackup, Part};
use super::{Backup, Contents, ENCRYPTED_MARKER, FORMAT_VERSION, MARKER};
use crate::model::{Choice, Preferences, Profile, Timestamp, Wave};
use crate::schema::{self, Record};
use crate::store::Store;

/// What a text looks like, before reading it in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A plain backup (or what is left of one): read it with [`super::parse`].
    Plain,
    /// An encrypted backup: read the wrapper with [`super::Encrypted::parse`], decrypt, then
    /// read the plain text inside.
    Encrypted,
    /// Neither.
    NotABackup,
}

/// Tells a plain backup from an encrypted one from anything else. A file cut short still
/// counts as what it was meant to be, so the reader can say "cut short" rather than "not a
/// backup".
pub fn detect(text: &str) -> FileKind {
    let text = strip(text);
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(root)) if root.contains_key(ENCRYPTED_MARKER) => FileKind::Encrypted,
        Ok(Value::Object(root)) if root.contains_key(MARKER) => FileKind::Plain,
        Ok(_) => FileKind::NotABackup,
        Err(_) => match claimed_marker(text) {
            Some(Claim::Encrypted) => FileKind::Encrypted,
            Some(Claim::Plain) => FileKind::Plain,
            None => FileKind::NotABackup,
        },
    }
}

/// The file as written, fields in this order so the marker comes first.
#[derive(Serialize)]
struct FileOut {
    genie_backup: u32,
    exported_at: i64,
    records: RecordsOut,
}

/// One list per store, named as [`Store::name`] names them.
#[derive(Serialize)]
struct RecordsOut {
    profile: Vec<Value>,
    preferences: Vec<Value>,
    waves: Vec<Value>,
    choices: Vec<Value>,
}

/// Writes a backup of `contents`, each record in its own current envelope.
pub fn write(contents: &Contents, exported_at: Timestamp) -> String {
    let file = FileOut {
        genie_backup: FORMAT_VERSION,
        exported_at: exported_at.0,
        records: RecordsOut {
            profile: envelopes(contents.profile.iter()),
            preferences: envelopes(contents.preferences.iter()),
            waves: envelopes(contents.waves.iter()),
            choices: envelopes(contents.choices.iter()),
        },
    };
    // Plain data with string keys always serializes; the fallback is never taken.
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

fn envelopes<'a, R: Record + 'a>(records: impl Iterator<Item = &'a R>) -> Vec<Value> {
    records
        .map(|record| serde_json::from_str(&schema::encode(record)).unwrap_or(Value::Null))
        .collect()
}

/// Reads a whole backup file, checking every record, and returns it or the first thing that
/// is wrong. Nothing is written: see [`super::restore`] for that.
///
/// Checks, in order: that the text is JSON and carries our marker; the format version (a newer
/// one is refused before anything else is read); the top-level fields; that no record is from
/// a newer version; then each record (migrating older ones), duplicate keys, and that at most
/// one wave is open; finally that the backup holds something.
pub fn parse(text: &str) -> Result<Backup, BackupError> {
    let text = strip(text);
    if text.trim().is_empty() {
        return Err(BackupError::NotABackup(NotABackup::EmptyFile));
    }
    let root = match serde_json::from_str::<Value>(text) {
        Ok(root) => root,
        Err(error) => return Err(syntax_error(text, &error)),
    };
    let Value::Object(mut root) = root else {
        return Err(BackupError::NotABackup(NotABackup::NotAnObject));
    };
    if !root.contains_key(MARKER) {
        return Err(if root.contains_key(ENCRYPTED_MARKER) {
            BackupError::Encrypted
        } else {
            BackupError::NotABackup(NotABackup::NoMarker)
        });
    }

    let version_at = Part::Field(FileField::Version);
    let version = match root.get(MARKER) {
        Some(Value::Number(n)) => n
            .as_u64()
            .ok_or_else(|| BackupError::damaged(version_at, Damage::WrongType))?,
        _ => return Err(BackupError::damaged(version_at, Damage::WrongType)),
    };
    if version == 0 {
        return Err(BackupError::damaged(version_at, Damage::Invalid));
    }
    if version > u64::from(FORMAT_VERSION) {
        return Err(BackupError::Newer {
            part: version_at,
            found: version,
            supported: FORMAT_VERSION.into(),
        });
    }

    let exported_at_at = Part::Field(FileField::ExportedAt);
    let exported_at = match root.get("exported_at") {
        None => return Err(BackupError::damaged(exported_at_at, Damage::Missing)),
        Some(value) => value
            .as_i64()
            .map(Timestamp)
            .ok_or_else(|| BackupError::damaged(exported_at_at, Damage::WrongType))?,
    };

    let records_at = Part::Field(FileField::Records);
    let mut records = match root.remove("records") {
        None => return Err(BackupError::damaged(records_at, Damage::Missing)),
        Some(Value::Object(records)) => records,
        Some(_) => return Err(BackupError::damaged(records_at, Damage::WrongType)),
    };
    if let Some(unknown) = records.keys().find(|name| {
        !Store::BACKED_UP
            .iter()
            .any(|store| store.name() == name.as_str())
    }) {
        return Err(BackupError::damaged(
            records_at,
            Damage::UnknownStore(unknown.clone()),
        ));
    }

    let mut lists = Vec::with_capacity(Store::BACKED_UP.len());
    for store in Store::BACKED_UP {
        let list = match records.remove(store.name()) {
            None => return Err(BackupError::damaged(Part::Store(store), Damage::Missing)),
            Some(Value::Array(list)) => list,
            Some(_) => return Err(BackupError::damaged(Part::Store(store), Damage::WrongType)),
        };
        lists.push((store, list));
    }
    // A newer record means "update the app", whatever else may be wrong; say that first.
    for (store, list) in &lists {
        check_versions(*store, list)?;
    }

    let mut contents = Contents::default();
    for (store, list) in lists {
        match store {
            Store::Profile => contents.profile = single(decode_all::<Profile>(store, list)?),
            Store::Preferences => {
                contents.preferences = single(decode_all::<Preferences>(store, list)?)
            }
            Store::Waves => contents.waves = decode_all::<Wave>(store, list)?,
            Store::Choices => contents.choices = decode_all::<Choice>(store, list)?,
            // Not a list of a backup (see `Store::BACKED_UP`).
            Store::MemberEdits => {}
        }
    }
    if let Some((index, _)) = contents
        .waves
        .iter()
        .enumerate()
        .filter(|(_, wave)| wave.is_open())
        .nth(1)
    {
        return Err(BackupError::damaged(
            Part::Record {
                store: Store::Waves,
                index,
            },
            Damage::SecondOpenWave,
        ));
    }
    if contents.is_empty() {
        return Err(BackupError::Empty);
    }
    Ok(Backup {
        exported_at,
        contents,
    })
}

/// Removes a byte-order mark, which some editors and tools add.
fn strip(text: &str) -> &str {
    text.trim_start_matches('\u{feff}')
}

enum Claim {
    Plain,
    Encrypted,
}

/// The marker a broken JSON text seems to carry: an object that names one of our markers as a
/// key. Only used to tell "cut short" and "damaged" from "not ours".
fn claimed_marker(text: &str) -> Option<Claim> {
    if !text.trim_start().starts_with('{') {
        return None;
    }
    if text.contains(&format!("\"{ENCRYPTED_MARKER}\"")) {
        Some(Claim::Encrypted)
    } else if text.contains(&format!("\"{MARKER}\"")) {
        Some(Claim::Plain)
    } else {
        None
    }
}

fn syntax_error(text: &str, error: &serde_json::Error) -> BackupError {
    match claimed_marker(text) {
        Some(Claim::Encrypted) => BackupError::Encrypted,
        Some(Claim::Plain) if error.is_eof() => BackupError::Truncated,
        Some(Claim::Plain) => BackupError::damaged(
            Part::File,
            Damage::Syntax {
                line: error.line(),
                column: error.column(),
            },
        ),
        None => BackupError::NotABackup(NotABackup::NotJson),
    }
}

/// The schema version each kind of record is written at today.
fn current_version(store: Store) -> u32 {
    match store {
        Store::Profile => Profile::VERSION,
        Store::Preferences => Preferences::VERSION,
        Store::Waves => Wave::VERSION,
        Store::Choices => Choice::VERSION,
        Store::MemberEdits => crate::model::MemberEdit::VERSION,
    }
}

fn check_versions(store: Store, list: &[Value]) -> Result<(), BackupError> {
    let supported = u64::from(current_version(store));
    for (index, envelope) in list.iter().enumerate() {
        let at = Part::Record { store, index };
        let Value::Object(envelope) = envelope else {
            return Err(BackupError::damaged(at, Damage::WrongType));
        };
        match envelope.get("schema") {
            None => return Err(BackupError::damaged(at, Damage::NoVersion)),
            Some(Value::Number(n)) => match n.as_u64() {
                Some(found) if found > supported => {
                    return Err(BackupError::Newer {
                        part: at,
                        found,
                        supported,
                    })
                }
                Some(_) => {}
                None => return Err(BackupError::damaged(at, Damage::WrongType)),
            },
            Some(_) => return Err(BackupError::damaged(at, Damage::WrongType)),
        }
    }
    Ok(())
}

/// Decodes (and migrates) every record of one store, refusing two with the same key.
fn decode_all<R: Record>(store: Store, list: Vec<Value>) -> Result<Vec<R>, BackupError> {
    let mut keys = BTreeSet::new();
    let mut records = Vec::with_capacity(list.len());
    for (index, envelope) in list.into_iter().enumerate() {
        let record: R = schema::decode_value(envelope)
            .map_err(|error| BackupError::from_record(store, index, error))?;
        let key = record.key();
        if !keys.insert(key.clone()) {
            return Err(BackupError::damaged(
                Part::Record { store, index },
                Damage::DuplicateKey(key),
            ));
        }
        records.push(record);
    }
    Ok(records)
}

/// The one record of a single-record store (duplicates were refused by key already).
fn single<R>(records: Vec<R>) -> Option<R> {
    records.into_iter().next()
}
