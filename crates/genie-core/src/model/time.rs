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

/// A day on the person's own calendar (in their time zone), counted from 1970-01-01.
///
/// What is due is due for the whole of a local day: a reminder at ten in the morning must
/// find the check-in due even if the activity was chosen at eleven. Counting whole local days
/// (rather than adding 24-hour periods to a moment) also keeps "two weeks later" on the same
/// weekday across a summer-time change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct LocalDay(pub i64);

impl LocalDay {
    /// The day `days` later (earlier when negative); saturating, whatever a record holds.
    pub fn plus_days(self, days: i64) -> LocalDay {
        LocalDay(self.0.saturating_add(days))
    }

    /// Whole days from `self` to `later` (negative if `later` is earlier), saturating.
    pub fn days_until(self, later: LocalDay) -> i64 {
        later.0.saturating_sub(self.0)
    }

    /// The day of a calendar date; `None` for a date that does not exist.
    pub fn from_ymd(year: i64, month: u32, day: u32) -> Option<LocalDay> {
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
            2 => 28,
            _ => return None,
        };
        if !(1..=days_in_month).contains(&day) || !(-1_000_000..=1_000_000).contains(&year) {
            return None;
        }
        Some(LocalDay(days_from_civil(year, month, day)))
    }

    /// (year, month, day) of this day.
    pub fn ymd(self) -> (i64, u32, u32) {
        civil_from_days(self.0)
    }

    /// 0 for Sunday up to 6 for Saturday (1970-01-01 was a Thursday).
    pub fn weekday(self) -> u32 {
        // rem_euclid of 7 is 0..=6, so the conversion cannot fail.
        u32::try_from((self.0.rem_euclid(7) + 4) % 7).unwrap_or(0)
    }
}

/// How the person's clock reads a moment: the offset from UTC in force then. The core has
/// no time-zone table: the shell answers from the device, tests from a rule of their own.
pub trait TimeZone {
    /// Minutes east of UTC at `at` (60 for British Summer Time, -300 for New York in winter).
    fn offset_minutes(&self, at: Timestamp) -> i32;

    /// The local calendar day `at` falls on.
    fn day_of(&self, at: Timestamp) -> LocalDay {
        let local =
            at.0.saturating_add(i64::from(self.offset_minutes(at)).saturating_mul(60_000));
        LocalDay(local.div_euclid(Timestamp::MS_PER_DAY))
    }
}

/// A time zone with one offset all year (UTC is `FixedOffset(0)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FixedOffset(pub i32);

impl TimeZone for FixedOffset {
    fn offset_minutes(&self, _at: Timestamp) -> i32 {
        self.0
    }
}

/// Howard Hinnant's days_from_civil: (year, month, day) to days since 1970-01-01.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Howard Hinnant's civil_from_days: days since 1970-01-01 to (year, month, day).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    // Far outside any real date the arithmetic below could overflow; clamp to ±2.7 million
    // years, which still gives a (meaningless) date rather than a panic.
    let z = days.clamp(-1_000_000_000, 1_000_000_000) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    // Both are small by construction (1..=31 and 1..=12).
    (
        year,
        u32::try_from(month).unwrap_or(1),
        u32::try_from(day).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_days_round_trip() {
        for (y, m, d, n) in [
            (1970, 1, 1, 0),
            (2000, 2, 29, 11_016),
            (1969, 12, 31, -1),
            (2026, 3, 29, 20_541),
        ] {
            assert_eq!(LocalDay::from_ymd(y, m, d), Some(LocalDay(n)));
            assert_eq!(LocalDay(n).ymd(), (y, m, d));
        }
        assert_eq!(LocalDay::from_ymd(2026, 2, 29), None);
        assert_eq!(LocalDay(0).weekday(), 4, "a Thursday");
        assert_eq!(LocalDay(20_541).weekday(), 0, "29 March 2026, a Sunday");
        let _ = LocalDay(i64::MAX).ymd();
        let _ = LocalDay(i64::MIN).ymd();
    }
}
