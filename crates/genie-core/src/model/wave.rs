//! Waves: dated snapshots of the map, with optional self-ratings, so change can be seen.

use serde::{Deserialize, Serialize};

use super::{Network, Timestamp};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct WaveId(pub u32);

/// ONS4 personal well-being: four questions answered 0 to 10, reported item by item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Wellbeing {
    pub life_satisfaction: Option<u8>,
    pub worthwhile: Option<u8>,
    pub happiness: Option<u8>,
    pub anxiety: Option<u8>,
}

/// The three-item UCLA loneliness scale: each answered 1 (hardly ever) to 3 (often).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Loneliness {
    pub lack_companionship: Option<u8>,
    pub left_out: Option<u8>,
    pub isolated: Option<u8>,
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
        }
    }
}
