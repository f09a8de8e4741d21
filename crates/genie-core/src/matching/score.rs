//! The ranking: an additive score in whole points, every part of it a named constant, so each
//! suggestion's place can be explained from its reasons. Higher comes first; ties are broken
//! by name, then id. docs/matching.md lists the same numbers in plain words.

/// Points lost per kilometre from home, so nearer comes first (one point per 100 m).
pub const POINTS_PER_KM: f64 = 10.0;
/// Online and national resources, and local ones when home is not known, count as this far
/// away: a place within an easy walk ranks above them, one across town below.
pub const REMOTE_AS_KM: f64 = 2.0;
/// For people living with a condition the person named: as much as a stale entry loses, so
/// a group for their condition ranks with a general one about 2 km nearer.
pub const FOR_CONDITION_POINTS: i32 = 20;
/// A session at a time the person said suits them.
pub const TIME_MATCH_POINTS: i32 = 15;
/// Free to go.
pub const FREE_POINTS: i32 = 10;
/// The directory does not say what it costs (points lost).
pub const COST_UNKNOWN_PENALTY: i32 = 10;
/// Checked within [`FRESH_DAYS`].
pub const FRESH_POINTS: i32 = 5;
/// An entry checked at most this many days ago is fresh.
pub const FRESH_DAYS: i64 = 90;
/// An entry checked more than this many days ago is stale.
pub const STALE_DAYS: i64 = 365;
/// Points lost by a stale entry, or one never checked.
pub const STALE_PENALTY: i32 = 20;
/// Someone close could come along or give a lift.
pub const COME_ALONG_POINTS: i32 = 5;
/// It could help with a gap in support (once, however many gaps).
pub const FILLS_GAP_POINTS: i32 = 5;

/// Points lost for being `km` away, rounded to whole points.
pub fn distance_penalty(km: f64) -> i32 {
    // Distances on Earth are at most ~20,000 km, so this stays far inside i32.
    (km.max(0.0) * POINTS_PER_KM).round() as i32
}
