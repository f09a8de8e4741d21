//! The repository the app saves through: a tiny key-value interface over named stores, with
//! atomic batches. The browser implements it with IndexedDB; [`MemoryRepository`] implements
//! it for tests and for sessions where the browser refuses storage.
//!
//! Records cross this boundary as envelope JSON (see [`crate::schema`]), so both
//! implementations exercise the same encoding and migration code.

mod memory;

use serde_json::Value;

pub use memory::MemoryRepository;

use crate::model::{MemberEdit, Wave};
use crate::schema::{self, DecodeError, Record};

/// The database layout version. Bump it when a store or index is added, and say in
/// [`Store::since`] which version brought it.
pub const DB_VERSION: u32 = 3;

/// The database's name in the browser.
pub const DB_NAME: &str = "genie";

/// The object stores, each holding one kind of record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Store {
    Profile,
    Preferences,
    Waves,
    Choices,
    /// Changes to one field of one member of the open map, not yet folded into the map's own
    /// record (see [`crate::model::MemberEdit`]).
    MemberEdits,
}

impl Store {
    /// Every store in the database.
    pub const ALL: [Store; 5] = [
        Store::Profile,
        Store::Preferences,
        Store::Waves,
        Store::Choices,
        Store::MemberEdits,
    ];

    /// The stores a backup lists. Member edits are folded into their map first, so a backup
    /// holds each map as the person sees it.
    pub const BACKED_UP: [Store; 4] = [
        Store::Profile,
        Store::Preferences,
        Store::Waves,
        Store::Choices,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Store::Profile => "profile",
            Store::Preferences => "preferences",
            Store::Waves => "waves",
            Store::Choices => "choices",
            Store::MemberEdits => "member_edits",
        }
    }

    /// The database version that created this store. Version 1 was the prototype, which
    /// stored only the profile.
    pub fn since(self) -> u32 {
        match self {
            Store::Profile => 1,
            Store::Preferences | Store::Waves | Store::Choices => 2,
            Store::MemberEdits => 3,
        }
    }

    /// Unique indexes on top-level envelope fields, as (index name, field).
    pub fn unique_indexes(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Store::Waves => &[("open", "open")],
            _ => &[],
        }
    }
}

/// One change inside an atomic batch.
#[derive(Debug, Clone, PartialEq)]
pub enum Write {
    Put {
        store: Store,
        key: String,
        envelope: String,
    },
    Delete {
        store: Store,
        key: String,
    },
    /// Deletes every record whose key starts with `prefix`.
    DeletePrefix {
        store: Store,
        prefix: String,
    },
}

impl Write {
    /// Stores `record` under its own key.
    pub fn put<R: Record>(record: &R) -> Write {
        Write::Put {
            store: R::STORE,
            key: record.key(),
            envelope: schema::encode(record),
        }
    }

    pub fn delete<R: Record>(key: impl Into<String>) -> Write {
        Write::Delete {
            store: R::STORE,
            key: key.into(),
        }
    }

    /// The store this write changes.
    pub fn store(&self) -> Store {
        match self {
            Write::Put { store, .. }
            | Write::Delete { store, .. }
            | Write::DeletePrefix { store, .. } => *store,
        }
    }

    /// How many bytes of record text this write stores (what a benchmark of writes counts).
    pub fn stored_bytes(&self) -> usize {
        match self {
            Write::Put { key, envelope, .. } => key.len() + envelope.len(),
            Write::Delete { key, .. } => key.len(),
            Write::DeletePrefix { prefix, .. } => prefix.len(),
        }
    }
}

/// Why the storage could not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The browser gives us no storage (private mode, blocked by settings, or very old).
    #[error("storage is not available: {0}")]
    Unavailable(String),
    /// The data on this device was written by a newer version of the app.
    #[error("the stored data is from a newer version of the app")]
    NewerDatabase,
    /// A write broke a rule of the database (such as two open waves) and was refused whole.
    #[error("the write was refused: {0}")]
    Constraint(String),
    /// The device is out of space for this site.
    #[error("the device is out of storage space")]
    Full,
    #[error("storage failed: {0}")]
    Failed(String),
}

/// A place to keep records. Every method is one transaction: a batch is applied whole or not
/// at all.
#[allow(async_fn_in_trait)] // Used on one thread in the browser; futures need not be Send.
pub trait Repository {
    /// The envelope stored under `key`, if any.
    async fn get(&self, store: Store, key: &str) -> Result<Option<String>, StoreError>;
    /// Every envelope in `store`, in key order.
    async fn all(&self, store: Store) -> Result<Vec<String>, StoreError>;
    /// Applies every write, or none of them.
    async fn write(&self, batch: Vec<Write>) -> Result<(), StoreError>;
    /// Whether no store holds any record (a first visit, or after everything was deleted):
    /// then there is nothing to read, and the code that reads records need not be fetched.
    async fn holds_nothing(&self) -> Result<bool, StoreError>;
}

/// Why a record could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{key}: {error}")]
    Decode { key: String, error: DecodeError },
}

/// Loads and migrates one record.
pub async fn load<R: Record>(repo: &impl Repository, key: &str) -> Result<Option<R>, LoadError> {
    match repo.get(R::STORE, key).await? {
        None => Ok(None),
        Some(json) => schema::decode(&json)
            .map(Some)
            .map_err(|error| LoadError::Decode {
                key: key.to_string(),
                error,
            }),
    }
}

/// Loads every record of a kind. Records that cannot be read are reported beside the good
/// ones rather than failing the whole load, and stay untouched in storage.
pub async fn load_all<R: Record>(
    repo: &impl Repository,
) -> Result<(Vec<R>, Vec<DecodeError>), StoreError> {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    for json in repo.all(R::STORE).await? {
        match schema::decode(&json) {
            Ok(record) => good.push(record),
            Err(error) => bad.push(error),
        }
    }
    Ok((good, bad))
}

/// Every map stored, oldest first, each with its pending member edits folded in. Maps and
/// edits that cannot be read are reported beside the good ones and stay untouched.
pub async fn load_waves(
    repo: &impl Repository,
) -> Result<(Vec<Wave>, Vec<DecodeError>), StoreError> {
    let (mut waves, mut bad) = load_all::<Wave>(repo).await?;
    let (edits, bad_edits) = load_all::<MemberEdit>(repo).await?;
    bad.extend(bad_edits);
    crate::order::sort_by_key(&mut waves, |w| w.id);
    fold_edits(&mut waves, &edits);
    Ok((waves, bad))
}

/// Folds member edits into the maps they belong to, in key order (one edit per field).
pub fn fold_edits(waves: &mut [Wave], edits: &[MemberEdit]) {
    for edit in edits {
        if let Some(wave) = waves.iter_mut().find(|w| w.id == edit.wave) {
            wave.apply_edit(edit);
        }
    }
}

/// The writes that store a whole map: the map itself, and the removal of its member edits,
/// which the map now holds. One batch, so a reader sees either the edits or the map with them.
pub fn save_wave_writes(wave: &Wave) -> Vec<Write> {
    vec![
        Write::put(wave),
        Write::DeletePrefix {
            store: Store::MemberEdits,
            prefix: MemberEdit::wave_prefix(wave.id),
        },
    ]
}

/// Stores one record.
pub async fn save<R: Record>(repo: &impl Repository, record: &R) -> Result<(), StoreError> {
    repo.write(vec![Write::put(record)]).await
}

/// The value of a top-level envelope field, for indexing.
pub(crate) fn envelope_field(envelope: &str, field: &str) -> Option<Value> {
    serde_json::from_str::<Value>(envelope)
        .ok()?
        .get(field)
        .cloned()
}
