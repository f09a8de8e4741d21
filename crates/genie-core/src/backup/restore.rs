//! Making a backup from the repository, and putting one back: all of it or none of it.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::error::{ExportError, RestoreError};
use super::{file, Backup, Contents};
use crate::layout;
use crate::model::{Choice, MemberEdit, Preferences, Profile, Timestamp, Wave};
use crate::schema::{self, DecodeError, Record, PREFERENCES_KEY, PROFILE_KEY};
use crate::store::{Repository, Store, Write};

/// A backup just made.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    /// The file's text, to save as `genie-backup-YYYY-MM-DD.json` (or to encrypt first).
    pub text: String,
    /// What went into it.
    pub contents: Contents,
    /// Stored records that could not be read and so are not in the backup. The UI should say
    /// so; they stay on the device untouched.
    pub left_out: Vec<(Store, DecodeError)>,
}

/// What a backup holds, to show before asking "replace what is on this device?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub exported_at: Timestamp,
    pub profile: bool,
    pub preferences: bool,
    /// All maps, the one in progress included.
    pub waves: usize,
    pub closed_waves: usize,
    pub choices: usize,
}

impl Backup {
    pub fn summary(&self) -> Summary {
        let contents = &self.contents;
        Summary {
            exported_at: self.exported_at,
            profile: contents.profile.is_some(),
            preferences: contents.preferences.is_some(),
            waves: contents.waves.len(),
            closed_waves: contents.waves.iter().filter(|w| !w.is_open()).count(),
            choices: contents.choices.len(),
        }
    }
}

/// Reads everything stored and writes it as one backup file. Records that cannot be read are
/// left out and listed; the new file is read back before it is handed over, so a backup that
/// would not restore is never offered.
pub async fn export(repo: &impl Repository, exported_at: Timestamp) -> Result<Export, ExportError> {
    let mut left_out = Vec::new();
    let profile = read_store::<Profile>(repo, &mut left_out).await?;
    let preferences = read_store::<Preferences>(repo, &mut left_out).await?;
    let mut waves = read_store::<Wave>(repo, &mut left_out).await?;
    // Each map as the person sees it: with the member edits not yet folded into its record.
    let edits = read_store::<MemberEdit>(repo, &mut left_out).await?;
    crate::order::sort_by_key(&mut waves, |w| w.id);
    crate::store::fold_edits(&mut waves, &edits);
    let choices = read_store::<Choice>(repo, &mut left_out).await?;
    let contents = Contents {
        profile: profile.into_iter().next(),
        preferences: preferences.into_iter().next(),
        waves,
        choices,
    };
    let text = file::write(&contents, exported_at);
    match file::parse(&text) {
        Ok(_) | Err(super::BackupError::Empty) => {}
        Err(error) => return Err(ExportError::SelfCheck(error)),
    }
    Ok(Export {
        text,
        contents,
        left_out,
    })
}

async fn read_store<R: Record>(
    repo: &impl Repository,
    left_out: &mut Vec<(Store, DecodeError)>,
) -> Result<Vec<R>, ExportError> {
    let mut good = Vec::new();
    for envelope in repo.all(R::STORE).await? {
        match schema::decode::<R>(&envelope) {
            Ok(record) => good.push(record),
            Err(error) => left_out.push((R::STORE, error)),
        }
    }
    Ok(good)
}

/// The stored envelopes of every store, as [`Repository::all`] returns them.
pub type Existing = BTreeMap<Store, Vec<String>>;

/// Reads what is stored now, for [`plan`]: every store, member edits included, so a restore
/// leaves none of the old map's edits behind.
pub async fn existing(repo: &impl Repository) -> Result<Existing, RestoreError> {
    let mut existing = Existing::new();
    for store in Store::ALL {
        existing.insert(store, repo.all(store).await?);
    }
    Ok(existing)
}

/// The one batch that replaces everything stored with the backup: first a delete for every
/// record stored now, then a put for every record in the backup (at the current schema
/// version, with fresh index fields). Maps are laid out where members have no usable position
/// ([`layout::place_missing`]). Applied as one transaction, the database never holds a
/// mix of old and restored data, and never two open waves.
pub fn plan(backup: &Backup, existing: &Existing) -> Result<Vec<Write>, RestoreError> {
    let mut writes = Vec::new();
    for (&store, envelopes) in existing {
        if store == Store::MemberEdits {
            // Edits belong to the maps being replaced: all go, readable or not.
            if !envelopes.is_empty() {
                writes.push(Write::DeletePrefix {
                    store,
                    prefix: String::new(),
                });
            }
            continue;
        }
        let mut keys = BTreeSet::new();
        for envelope in envelopes {
            let key =
                existing_key(store, envelope).ok_or(RestoreError::ExistingUnreadable { store })?;
            keys.insert(key);
        }
        writes.extend(keys.into_iter().map(|key| Write::Delete { store, key }));
    }
    let contents = &backup.contents;
    writes.extend(contents.profile.iter().map(Write::put));
    writes.extend(contents.preferences.iter().map(Write::put));
    // Members with no position (or one outside their circle) are laid out before the map is
    // stored, so every map opens as a drawing rather than everyone on top of "You".
    writes.extend(contents.waves.iter().map(|wave| {
        let mut wave = wave.clone();
        layout::place_missing(&mut wave.network);
        Write::put(&wave)
    }));
    writes.extend(contents.choices.iter().map(Write::put));
    Ok(writes)
}

/// Checks the whole file, then replaces everything stored with it in one batch. On any error
/// nothing on the device has changed.
pub async fn restore(repo: &impl Repository, text: &str) -> Result<Summary, RestoreError> {
    let backup = file::parse(text)?;
    apply(repo, &backup).await?;
    Ok(backup.summary())
}

/// Replaces everything stored with an already checked backup, in one batch.
pub async fn apply(repo: &impl Repository, backup: &Backup) -> Result<(), RestoreError> {
    let existing = existing(repo).await?;
    let writes = plan(backup, &existing)?;
    repo.write(writes).await?;
    Ok(())
}

/// The key a stored envelope lives under. Single-record stores use their fixed key; waves and
/// choices are keyed by their id, read from the record (or, for a record this version cannot
/// decode, straight from its `data.id`, spelled the way [`Record::key`] spells it).
fn existing_key(store: Store, envelope: &str) -> Option<String> {
    match store {
        Store::Profile => Some(PROFILE_KEY.to_string()),
        Store::Preferences => Some(PREFERENCES_KEY.to_string()),
        Store::Waves => schema::decode::<Wave>(envelope)
            .map(|wave| wave.key())
            .ok()
            .or_else(|| raw_id_key(envelope)),
        Store::Choices => schema::decode::<Choice>(envelope)
            .map(|choice| choice.key())
            .ok()
            .or_else(|| raw_id_key(envelope)),
        Store::MemberEdits => schema::decode::<MemberEdit>(envelope)
            .map(|edit| edit.key())
            .ok(),
    }
}

fn raw_id_key(envelope: &str) -> Option<String> {
    let value: Value = serde_json::from_str(envelope).ok()?;
    let id = value.get("data")?.get("id")?.as_u64()?;
    Some(format!("{id:08}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::WaveId;

    #[test]
    fn raw_keys_are_spelled_like_record_keys() {
        let mut wave = Wave::first(Timestamp(5));
        wave.id = WaveId(42);
        let envelope = schema::encode(&wave);
        assert_eq!(raw_id_key(&envelope), Some(wave.key()));

        let choice: Choice = serde_json::from_value(serde_json::json!({
            "id": 7, "resource_id": "r", "resource_name": "R", "chosen_at": 1, "status": "planned"
        }))
        .expect("a minimal choice");
        assert_eq!(raw_id_key(&schema::encode(&choice)), Some(choice.key()));
        // A record from a newer app still gives its key.
        assert_eq!(
            existing_key(Store::Waves, r#"{"schema":99,"data":{"id":3,"new":true}}"#),
            Some("00000003".into())
        );
        assert_eq!(existing_key(Store::Waves, "not json"), None);
    }
}
