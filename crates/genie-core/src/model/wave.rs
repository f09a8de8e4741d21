//! Waves: dated snapshots of the map, with optional self-ratings, so change can be seen.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Network, Timestamp};

/// One self-rating question, in three states kept apart: not asked yet (nothing chosen),
/// declined ("Prefer not to answer"), or answered with a number.
///
/// Stored as no field at all, the word `"declined"`, or the number, so a record reads at a
/// glance and an answered rating is stored as it always was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Answer {
    #[default]
    NotAsked,
    Declined,
    Given(u8),
}

impl Answer {
    /// The number given, if any (not checked against the question's range).
    pub fn given(self) -> Option<u8> {
        match self {
            Answer::Given(n) => Some(n),
            Answer::NotAsked | Answer::Declined => None,
        }
    }

    pub fn is_not_asked(&self) -> bool {
        *self == Answer::NotAsked
    }

    /// The stable word for the state: `not_asked`, `declined` or `answered` (export column).
    pub fn state(self) -> &'static str {
        match self {
            Answer::NotAsked => "not_asked",
            Answer::Declined => "declined",
            Answer::Given(_) => "answered",
        }
    }
}

/// The stored shape: a number or a word (no value at all is "not asked").
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum StoredAnswer {
    Given(u8),
    Word(String),
}

const DECLINED: &str = "declined";

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Answer::NotAsked => serializer.serialize_none(),
            Answer::Declined => serializer.serialize_str(DECLINED),
            Answer::Given(n) => serializer.serialize_u8(*n),
        }
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Option::<StoredAnswer>::deserialize(deserializer)? {
            None => Ok(Answer::NotAsked),
            Some(StoredAnswer::Given(n)) => Ok(Answer::Given(n)),
            Some(StoredAnswer::Word(word)) if word == DECLINED => Ok(Answer::Declined),
            Some(StoredAnswer::Word(word)) => Err(serde::de::Error::custom(format!(
                "unknown answer \"{word}\""
            ))),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct WaveId(pub u32);

/// ONS4 personal well-being: four questions answered 0 to 10, reported item by item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Wellbeing {
    #[serde(skip_serializing_if = "Answer::is_not_asked")]
    pub life_satisfaction: Answer,
    #[serde(skip_serializing_if = "Answer::is_not_asked")]
    pub worthwhile: Answer,
    #[serde(skip_serializing_if = "Answer::is_not_asked")]
    pub happiness: Answer,
    #[serde(skip_serializing_if = "Answer::is_not_asked")]
    pub anxiety: Answer,
}

/// The three-item UCLA loneliness scale: each answered 1 (hardly ever) to 3 (often).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Loneliness {
    #[serde(skip_serializing_if = "Answer::is_not_asked")]
    pub lack_companionship: Answer,
    #[serde(skip_serializing_if = "Answer::is_not_asked")]
    pub left_out: Answer,
    #[serde(skip_serializing_if = "Answer::is_not_asked")]
    pub isolated: Answer,
}

/// One drawing of the map. The open wave is the one being edited; a closed wave is kept as it
/// was and never changed again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Wave {
    pub id: WaveId,
    pub started_at: Timestamp,
    #[serde(default)]
    pub closed_at: Option<Timestamp>,
    #[serde(default)]
    pub network: Network,
    #[serde(default)]
    pub wellbeing: Option<Wellbeing>,
    #[serde(default)]
    pub loneliness: Option<Loneliness>,
    /// The language (a BCP 47 tag such as `el`) the well-being and loneliness questions were
    /// last answered in: the scales are validated in English only, so research must know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered_in: Option<String>,
}

impl Wave {
    /// The very first, empty map.
    pub fn first(now: Timestamp) -> Wave {
        Wave {
            id: WaveId(1),
            started_at: now,
            closed_at: None,
            network: Network::default(),
            wellbeing: None,
            loneliness: None,
            answered_in: None,
        }
    }

    pub fn is_open(&self) -> bool {
        self.closed_at.is_none()
    }

    /// Closes this wave and starts the next from a copy of its map, so that redrawing is
    /// editing rather than starting over.
    pub fn close_and_continue(&mut self, now: Timestamp) -> Wave {
        // A clock set backwards must not give a wave that closes before it started.
        let at = now.max(self.started_at);
        self.closed_at = Some(at);
        Wave {
            id: WaveId(self.id.0 + 1),
            started_at: at,
            closed_at: None,
            network: self.network.clone(),
            wellbeing: None,
            loneliness: None,
            answered_in: None,
        }
    }
}
