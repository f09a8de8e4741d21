//! Genie's domain core: the data model of a person's network and plans, the rules that read it,
//! and the versioned formats it is stored in.
//!
//! This crate does no IO and knows nothing of browsers. Everything that touches the outside
//! world (IndexedDB, files, the clock, the DOM) lives in the app crate and calls in here, so
//! every rule can be tested on the host with plain `cargo test`.
//!
//! - [`model`]: plain data: profile, network members and ties, preferences, chosen activities
//!   and check-ins, dated waves of the map.
//! - [`schema`]: how records are stored: a versioned envelope per record, and the migrations
//!   that bring older records up to date.
//! - [`area`]: the area lookup (postcode or neighbourhood to a place) and distances.
//! - [`directory`]: the commissioner's resource directory, checked entry by entry.
//! - [`matching`]: which directory entries fit a person, in what order, and why.
//! - [`followup`]: what is due, self-ratings, and what changed between two waves.
//! - [`backup`]: the one-file backup of everything stored, checked whole before restore.
//! - [`keeping`]: whether the browser may clear the person's data, and what to say.
//! - [`language`]: which language Genie speaks first.
//! - [`research`]: de-identified exports of the waves for evaluators.
//! - [`summary`]: what the map says: counts, who helps with what, weak ties, network type.
//! - [`layout`]: where members sit on the map (a force layout held to the three rings).
//! - [`order`]: stable sorting through one shared routine (a smaller download).
//! - [`store`]: the repository interface the app saves through, and an in-memory
//!   implementation for tests and for sessions where the browser refuses storage.

// Shipped code never unwraps: bad data gets an error, not a crash (tests may unwrap).
#![deny(clippy::unwrap_used, clippy::expect_used)]

pub mod area;
pub mod backup;
pub mod directory;
pub mod followup;
pub mod handover;
pub mod keeping;
pub mod language;
pub mod layout;
pub mod matching;
pub mod model;
pub mod order;
pub mod research;
pub mod schema;
pub mod store;
pub mod summary;
