//! A kind limit on typing the one-time code on the receiving device: the first few wrong codes
//! cost nothing, then each wrong code asks for a growing wait before the next try. It is not
//! what keeps a hand-over safe (the code's 50 bits and PBKDF2 do that against someone who copied
//! the data); it only stops a phone left on a table from being tried over and over, and tells
//! the person plainly how long to wait.

use serde::{Deserialize, Serialize};

use crate::model::Timestamp;

/// Wrong codes in a row that cost no wait.
pub const FREE_TRIES: u32 = 3;
/// The wait after the first wrong code beyond the free ones; each further wrong code doubles it.
pub const FIRST_WAIT_MS: i64 = 30_000;
/// No wait is longer than this.
pub const LONGEST_WAIT_MS: i64 = 15 * 60_000;

/// Wrong codes typed in a row for one hand-over, kept across page loads.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Attempts {
    /// The hand-over they were typed for ([`super::Frame::id`]); another hand-over starts afresh.
    pub id: String,
    pub wrong: u32,
    pub last_wrong_at: Option<Timestamp>,
}

/// The wait before the next try after `wrong` wrong codes in a row, in milliseconds: none for
/// the first [`FREE_TRIES`], then 30 s, 1 min, 2 min, 4 min, 8 min, and 15 min from then on.
pub fn wait_after(wrong: u32) -> i64 {
    let Some(beyond) = wrong.checked_sub(FREE_TRIES + 1) else {
        return 0;
    };
    // Doubling past 2^5 is beyond the longest wait already.
    (FIRST_WAIT_MS << beyond.min(5)).min(LONGEST_WAIT_MS)
}

impl Attempts {
    /// The attempts that count for hand-over `id`: these, or none if they were for another.
    pub fn for_id(self, id: &str) -> Attempts {
        if self.id == id {
            self
        } else {
            Attempts {
                id: id.to_string(),
                ..Attempts::default()
            }
        }
    }

    /// After one more wrong code at `now`.
    pub fn wrong(self, id: &str, now: Timestamp) -> Attempts {
        let before = self.for_id(id);
        Attempts {
            wrong: before.wrong.saturating_add(1),
            last_wrong_at: Some(now),
            ..before
        }
    }

    /// Milliseconds to wait at `now` before the next try; 0 when a try is allowed. A clock set
    /// back never makes the wait longer than the whole wait, nor ends it early.
    pub fn wait_left(&self, now: Timestamp) -> i64 {
        let wait = wait_after(self.wrong);
        let Some(at) = self.last_wrong_at else {
            return 0;
        };
        let passed = now.0.saturating_sub(at.0);
        if passed < 0 {
            return wait;
        }
        wait.saturating_sub(passed).max(0)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads what was kept; anything unreadable counts as no wrong codes.
    pub fn from_json(text: &str) -> Attempts {
        serde_json::from_str(text).unwrap_or_default()
    }
}

/// A wait as it is said: whole seconds under a minute, else whole minutes, rounded up so the
/// person is never told to try too early.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitWords {
    Seconds(u32),
    Minutes(u32),
}

pub fn wait_words(ms: i64) -> WaitWords {
    let seconds = u32::try_from((ms.max(0) + 999) / 1000).unwrap_or(u32::MAX);
    if seconds < 60 {
        WaitWords::Seconds(seconds)
    } else {
        WaitWords::Minutes(seconds.div_ceil(60))
    }
}
