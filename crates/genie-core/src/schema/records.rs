//! The record kinds the app stores, with their versions and keys.

use serde_json::{Map, Value};

use super::{migrate, Record};
use crate::model::{Choice, MemberEdit, Preferences, Profile, Wave, WaveId};
use crate::store::Store;

/// The profile and the preferences are one record each.
pub const PROFILE_KEY: &str = "me";
pub const PREFERENCES_KEY: &str = "me";

impl Record for Profile {
    const STORE: Store = Store::Profile;
    /// 1: the prototype's shape (postcode, one free-text condition). 2: today's.
    const VERSION: u32 = 2;

    fn key(&self) -> String {
        PROFILE_KEY.into()
    }

    fn upgrade(from: u32, data: Value) -> Result<Value, String> {
        match from {
            1 => migrate::profile_v1_to_v2(data),
            _ => Err(format!("unknown profile version {from}")),
        }
    }
}

impl Record for Preferences {
    const STORE: Store = Store::Preferences;
    /// 1: travel on foot, by bus, by car or a lift. 2: also by bicycle (an older app refuses a
    /// record that may hold it rather than misread it).
    const VERSION: u32 = 2;

    fn key(&self) -> String {
        PREFERENCES_KEY.into()
    }

    fn upgrade(from: u32, data: Value) -> Result<Value, String> {
        match from {
            // Every version 1 record is a version 2 record as it is.
            1 => Ok(data),
            _ => Err(format!("unknown preferences version {from}")),
        }
    }
}

impl Record for Wave {
    const STORE: Store = Store::Waves;
    /// 1: well-being answers a number or nothing. 2: not asked, declined or a number.
    const VERSION: u32 = 2;

    fn key(&self) -> String {
        format!("{:08}", self.id.0)
    }

    fn upgrade(from: u32, data: Value) -> Result<Value, String> {
        match from {
            1 => migrate::wave_v1_to_v2(data),
            _ => Err(format!("unknown wave version {from}")),
        }
    }

    /// The database keeps a unique index on `open`, so it can never hold two open waves.
    fn index_fields(&self) -> Map<String, Value> {
        let mut fields = Map::new();
        if self.is_open() {
            fields.insert("open".into(), Value::from(1));
        }
        fields
    }
}

impl Record for Choice {
    const STORE: Store = Store::Choices;
    /// 1: getting there on foot, by bus, by car or a lift. 2: also by bicycle.
    const VERSION: u32 = 2;

    fn key(&self) -> String {
        format!("{:08}", self.id.0)
    }

    fn upgrade(from: u32, data: Value) -> Result<Value, String> {
        match from {
            1 => Ok(data),
            _ => Err(format!("unknown choice version {from}")),
        }
    }
}

impl Record for MemberEdit {
    const STORE: Store = Store::MemberEdits;
    const VERSION: u32 = 1;

    /// The map, the member and the field: a later edit of the same field replaces the earlier.
    fn key(&self) -> String {
        format!(
            "{}{:08}/{}",
            MemberEdit::wave_prefix(self.wave),
            self.member.0,
            self.change.word()
        )
    }
}

impl MemberEdit {
    /// The start of the keys of every edit of one map.
    pub fn wave_prefix(wave: WaveId) -> String {
        format!("{:08}/", wave.0)
    }
}
