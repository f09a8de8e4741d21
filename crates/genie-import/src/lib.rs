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

// Shipped code never unwraps: bad input gets a clear message, not a crash (tests may).
#![deny(clippy::unwrap_used, clippy::expect_used)]

pub mod clean;
mod convert;
pub mod fetch;
pub mod hsds_csv;
pub mod hsds_json;
pub mod input;
pub mod mapping;
pub mod postal;
pub mod report;

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::path::PathBuf;

use genie_core::area::AreaLookup;
use genie_core::directory::{Directory, Reach};
use genie_core::model::SubCategory;

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
    /// The area's postcode/ZIP lookup: a place with an address and no coordinates is put at
    /// its postcode's centre (marked approximate in the report).
    pub lookup: Option<AreaLookup>,
    /// The commissioner's decisions from an edited review file.
    pub decisions: Decisions,
}

/// What the commissioner decided in the review file, by service id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Decisions {
    /// Sub-categories (an empty set means "not for Genie").
    pub subcategories: HashMap<String, BTreeSet<SubCategory>>,
    /// Used from home (`online`, `phone`) or anywhere in the country (`national`), for a
    /// service the export gives no place.
    pub reach: HashMap<String, Reach>,
}

impl Decisions {
    pub fn is_empty(&self) -> bool {
        self.subcategories.is_empty() && self.reach.is_empty()
    }
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

/// Imports whatever the commissioner was given: files, folders or zips, holding a tabular
/// data package (with or without `datapackage.json`), JSON exports or API pages, or both.
pub fn import_paths(
    paths: &[PathBuf],
    mapping: &Mapping,
    options: &Options,
) -> Result<Import, ImportError> {
    let (files, ignored) = input::gather(paths)?;
    let source = paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let mut import = input::import_files(&files, mapping, options, &source)?;
    for name in ignored {
        import
            .report
            .unread
            .push(format!("{name}: not a CSV or JSON file"));
    }
    Ok(import)
}

/// Reads a decisions file (an edited review file): `id` and `decision` columns, the decision
/// being sub-categories separated by `;`, or `none`, and for a service with no place
/// `online`, `phone` or `national`. Rows with an empty decision are left for the mapping to
/// decide. Returns the decisions and the rows it could not use.
pub fn parse_decisions(text: &str) -> (Decisions, Vec<String>) {
    let mut out = Decisions::default();
    let mut problems = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(strip_bom(text).as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_lowercase()).collect(),
        Err(e) => {
            return (
                out,
                vec![format!("decisions: cannot read the header row: {e}")],
            )
        }
    };
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (Some(id_col), Some(decision_col)) = (col("id"), col("decision")) else {
        return (
            out,
            vec!["decisions: the file needs an id column and a decision column (use the review file the import wrote)".to_string()],
        );
    };
    for (n, record) in reader.records().enumerate() {
        let Ok(record) = record else {
            problems.push(format!("decisions row {}: cannot be read", n + 2));
            continue;
        };
        let id = record.get(id_col).unwrap_or("").trim();
        let decision = record.get(decision_col).unwrap_or("").trim();
        if id.is_empty() || decision.is_empty() {
            continue;
        }
        let mut set = BTreeSet::new();
        let mut ok = true;
        let mut said_none = false;
        let mut reach = None;
        for word in decision
            .split([';', '|', ','])
            .map(str::trim)
            .filter(|w| !w.is_empty())
        {
            let word = word.to_lowercase();
            match word.as_str() {
                "none" => {
                    said_none = true;
                    continue;
                }
                "online" | "phone" | "telephone" | "remote" => {
                    reach = Some(Reach::Online);
                    continue;
                }
                "national" => {
                    reach = Some(Reach::National);
                    continue;
                }
                _ => {}
            }
            match SubCategory::parse(&word) {
                Some(sub) => {
                    set.insert(sub);
                }
                None => {
                    ok = false;
                    problems.push(format!(
                        "decisions row {} ({id}): \"{word}\" is not a sub-category (nor online, phone, national or none)",
                        n + 2
                    ));
                }
            }
        }
        if ok {
            if !set.is_empty() || said_none {
                out.subcategories.insert(id.to_string(), set);
            }
            if let Some(reach) = reach {
                out.reach.insert(id.to_string(), reach);
            }
        }
    }
    (out, problems)
}
