//! How records are stored: every record is wrapped in an envelope that names its schema
//! version, and older versions are migrated on read.
//!
//! ```json
//! { "schema": 2, "data": { ... }, "open": 1 }
//! ```
//!
//! `data` is the record itself. Fields beside it (such as `open`) exist only so the database
//! can index them. Records are migrated lazily: a record is read at whatever version it was
//! written, upgraded step by step in memory, and written back at the current version the next
//! time it changes. A record from a *newer* version is refused, never overwritten.

mod migrate;
mod records;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

pub use records::{PREFERENCES_KEY, PROFILE_KEY};

use crate::store::Store;

/// A kind of record the app stores, with its place and its version history.
pub trait Record: Serialize + DeserializeOwned {
    /// Where records of this kind live.
    const STORE: Store;
    /// The version written today. Bump it, and add a step to [`Record::upgrade`], whenever the
    /// stored shape changes in a way old code could not read.
    const VERSION: u32;

    /// The record's key within its store.
    fn key(&self) -> String;

    /// Upgrades `data` written at version `from` to version `from + 1`.
    fn upgrade(from: u32, data: Value) -> Result<Value, String> {
        let _ = data;
        Err(format!("no migration from version {from}"))
    }

    /// Extra top-level fields for the database to index.
    fn index_fields(&self) -> Map<String, Value> {
        Map::new()
    }
}

/// Why a stored record could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("the record is not valid JSON: {0}")]
    NotJson(String),
    #[error("the record has no schema version")]
    NoVersion,
    #[error("the record was written by a newer version of the app (schema {found}, this app reads up to {supported})")]
    Newer { found: u32, supported: u32 },
    #[error("the record could not be migrated from schema {from}: {reason}")]
    Migration { from: u32, reason: String },
    #[error("the record does not have the expected shape: {0}")]
    Shape(String),
}

/// Wraps a record in its envelope, as JSON text.
pub fn encode<R: Record>(record: &R) -> String {
    let mut envelope = record.index_fields();
    envelope.insert("schema".into(), Value::from(R::VERSION));
    envelope.insert(
        "data".into(),
        // Our records are plain data with string keys: turning them into JSON cannot fail.
        serde_json::to_value(record).unwrap_or(Value::Null),
    );
    Value::Object(envelope).to_string()
}

/// Reads a record from its envelope, migrating it from an older version if needed.
pub fn decode<R: Record>(json: &str) -> Result<R, DecodeError> {
    let value: Value =
        serde_json::from_str(json).map_err(|e| DecodeError::NotJson(e.to_string()))?;
    decode_value(value)
}

/// As [`decode`], from an already parsed envelope.
pub fn decode_value<R: Record>(mut envelope: Value) -> Result<R, DecodeError> {
    let version = envelope
        .get("schema")
        .and_then(Value::as_u64)
        .and_then(|v| u32::try_from(v).ok())
        .ok_or(DecodeError::NoVersion)?;
    if version > R::VERSION {
        return Err(DecodeError::Newer {
            found: version,
            supported: R::VERSION,
        });
    }
    let mut data = envelope
        .get_mut("data")
        .map(Value::take)
        .ok_or_else(|| DecodeError::Shape("no data".into()))?;
    for from in version..R::VERSION {
        data = R::upgrade(from, data).map_err(|reason| DecodeError::Migration { from, reason })?;
    }
    serde_json::from_value(data).map_err(|e| DecodeError::Shape(e.to_string()))
}
