//! A supporter session: a session on a device that sees many people, kept only until it is
//! handed over, erased, or left open longer than the commissioner allows.

use serde::{Deserialize, Serialize};

use crate::model::Timestamp;

/// How long a supporter session may be left open when the area says nothing.
pub const DEFAULT_SUPPORTER_HOURS: u32 = 24;
/// The longest an area may let a supporter session stay open (30 days).
pub const MAX_SUPPORTER_HOURS: u32 = 720;

/// The mark a supporter session leaves on the device while it is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupporterSession {
    pub started_at: Timestamp,
}

/// Whether a session started at `started_at` has been open for `hours` or more at `now`.
/// A clock that went backwards never makes a session expire.
pub fn expired(started_at: Timestamp, now: Timestamp, hours: u32) -> bool {
    let limit = i64::from(hours.clamp(1, MAX_SUPPORTER_HOURS)) * 3_600_000;
    now.0.saturating_sub(started_at.0) >= limit
}
