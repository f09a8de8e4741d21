//! Converts a commissioner's Open Referral export into Genie's directory format.
//!
//! Two readers fill one neutral record per service ([`convert`]), which is then turned into
//! our [`genie_core::directory::Resource`]s the same way whichever format it came from:
//!
//! - [`hsds_json`]: HSDS 3.0 JSON (`service_full`, `organization_full`,
//!   `service_at_location_full`, single, in an array or in an API page) and Open Referral UK
//!   v1 paged JSON.
//! - [`hsds_csv`]: HSDS tabular data packages (3.0 table names, and the older 1.1/2.0 ones).
//! - [`mapping`]: the commissioner's taxonomy mapping table.
//! - [`report`]: what was imported, what was skipped and why.
//!
//! Nothing here panics on bad data: every record that cannot be used is skipped and named in
//! the report, and the rest are kept. Only an unreadable input (not JSON at all, no such
//! folder) is an [`ImportError`].

mod convert;
pub mod hsds_csv;
pub mod hsds_json;
pub mod mapping;
pub mod report;

use std::fmt;

use genie_core::directory::Directory;

pub use mapping::{Mapping, Term};
pub use report::Report;

/// Choices that apply to any import.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The area the directory covers, as written into the directory.
    pub area: String,
    /// When a service has no taxonomy term that maps, look for mapping keywords in its name
    /// before skipping it (each guess is noted in the report). Off unless asked for.
    pub guess_from_name: bool,
}

/// A directory and the report on how it was made.
#[derive(Debug, Clone)]
pub struct Import {
    pub directory: Directory,
    pub report: Report,
}

/// The input could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError(pub String);

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ImportError {}

/// Removes a UTF-8 byte-order mark, which spreadsheet programs often put at the start.
pub(crate) fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}
