//! Points in time, as the device's clock gave them.

use serde::{Deserialize, Serialize};

/// Milliseconds since the Unix epoch, UTC.
///
/// The core never reads a clock: the shell passes "now" in, so rules stay testable and a device
/// clock that jumps backwards can only make a date look odd, never corrupt a record.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

impl Timestamp {
    pub const MS_PER_DAY: i64 = 86_400_000;

    /// The later of two times, so that a clock moved backwards never makes "updated" go back.
    pub fn max(self, other: Timestamp) -> Timestamp {
        Timestamp(self.0.max(other.0))
    }

    /// Whole days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Timestamp) -> i64 {
        (later.0 - self.0).div_euclid(Self::MS_PER_DAY)
    }

    pub fn plus_days(self, days: i64) -> Timestamp {
        Timestamp(self.0 + days * Self::MS_PER_DAY)
    }
}
