//! Checks a commissioner's area folder before it is published, and says in plain words what is
//! wrong. An area folder holds three files (see docs/area-package.md):
//!
//! - `area.json`: the area's settings ([`settings`]): names, help and contact text, languages,
//!   an optional logo and theme colours, the centre and how far the area reaches;
//! - `directory.json`: the resource directory, read by `genie_core::directory::validate`, the
//!   same check the app runs; every problem it reports is worded here ([`directory`]);
//! - `lookup.json`: postcodes and neighbourhood names with their places ([`lookup`]), each of
//!   which must lie within the area.
//!
//! [`check`] reads the folder and returns a [`Report`]; every [`Finding`] carries a stable
//! `code` (for tests and scripts) and a sentence for people.

// Shipped code never unwraps: bad input gets a clear message, not a crash (tests may).
#![deny(clippy::unwrap_used, clippy::expect_used)]

pub use genie_core::area::contrast;
pub mod build;
pub mod directory;
pub mod lookup;
pub mod settings;

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use genie_core::area::AreaSettings;

/// The three files of an area folder.
pub const SETTINGS_FILE: &str = "area.json";
pub const DIRECTORY_FILE: &str = "directory.json";
pub const LOOKUP_FILE: &str = "lookup.json";

/// One thing wrong with the area folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The file it is in (`area.json`...), or `""` for the folder itself.
    pub file: &'static str,
    /// A stable word for what is wrong (`short_name_too_long`...).
    pub code: &'static str,
    /// What is wrong and what to do, in plain words.
    pub message: String,
}

impl Finding {
    pub fn new(file: &'static str, code: &'static str, message: impl Into<String>) -> Finding {
        Finding {
            file,
            code,
            message: message.into(),
        }
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.file.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.file, self.message)
        }
    }
}

/// What the check found, with a few counts for the summary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub folder: PathBuf,
    pub findings: Vec<Finding>,
    /// Directory entries the app can use.
    pub resources: usize,
    /// Places in the lookup.
    pub places: usize,
}

impl Report {
    pub fn is_clean(&self) -> bool {
        self.findings.is_empty()
    }

    /// Whether any finding has this code.
    pub fn has(&self, code: &str) -> bool {
        self.findings.iter().any(|f| f.code == code)
    }

    /// The codes of every finding, in order.
    pub fn codes(&self) -> Vec<&'static str> {
        self.findings.iter().map(|f| f.code).collect()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Checked the area folder {}", self.folder.display())?;
        writeln!(
            f,
            "  {} directory {}, {} {} in the lookup.",
            self.resources,
            if self.resources == 1 {
                "entry"
            } else {
                "entries"
            },
            self.places,
            if self.places == 1 { "place" } else { "places" },
        )?;
        if self.findings.is_empty() {
            return writeln!(
                f,
                "\nNo problems found. This area folder is ready to publish."
            );
        }
        let mut file = None;
        for finding in &self.findings {
            if file != Some(finding.file) {
                file = Some(finding.file);
                let heading = if finding.file.is_empty() {
                    "The folder"
                } else {
                    finding.file
                };
                writeln!(f, "\n{heading}")?;
            }
            writeln!(f, "  - {}", finding.message)?;
        }
        let n = self.findings.len();
        writeln!(
            f,
            "\nFound {n} {}. Please fix {} and check again.",
            if n == 1 { "problem" } else { "problems" },
            if n == 1 { "it" } else { "them" },
        )
    }
}

/// Checks the area folder at `folder`. Never panics; a file that cannot be read is a finding.
pub fn check(folder: &Path) -> Report {
    let mut report = Report {
        folder: folder.to_path_buf(),
        ..Report::default()
    };
    if !folder.is_dir() {
        report.findings.push(Finding::new(
            "",
            "no_folder",
            format!(
                "There is no folder at {}. Give the path of the folder that holds area.json, \
                 directory.json and lookup.json.",
                folder.display()
            ),
        ));
        return report;
    }

    let settings_text = read(folder, SETTINGS_FILE, &mut report.findings);
    let settings = match &settings_text {
        Some(text) => {
            let (settings, findings) = settings::check(text, folder);
            report.findings.extend(findings);
            settings
        }
        None => None,
    };

    if let Some(text) = read(folder, DIRECTORY_FILE, &mut report.findings) {
        let (checked, problems) = genie_core::directory::validate(&text);
        report.resources = checked.resources.len();
        report
            .findings
            .extend(problems.iter().map(directory::finding));
        if problems.is_empty() && checked.resources.is_empty() {
            report.findings.push(Finding::new(
                DIRECTORY_FILE,
                "directory_empty",
                "The directory has no entries, so Genie would have nothing to suggest.",
            ));
        }
        if let Some(settings) = &settings {
            report
                .findings
                .extend(lookup::far_resources(&checked, settings));
        }
    }

    if let Some(text) = read(folder, LOOKUP_FILE, &mut report.findings) {
        let (places, findings) = lookup::check(&text, settings.as_ref());
        report.places = places;
        report.findings.extend(findings);
        if let Some(area) = settings_text.as_deref().and_then(AreaSettings::parse) {
            report.findings.extend(lookup::examples_found(&area, &text));
        }
    }
    report
}

/// Reads one file of the folder as text, or records why it could not.
fn read(folder: &Path, name: &'static str, findings: &mut Vec<Finding>) -> Option<String> {
    match fs::read(folder.join(name)) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(text),
            Err(_) => {
                findings.push(Finding::new(
                    name,
                    "not_utf8",
                    "The file is not saved as UTF-8 text. Save it again as \"UTF-8\" (most \
                     editors and spreadsheet programs offer this when saving).",
                ));
                None
            }
        },
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            findings.push(Finding::new(
                name,
                "missing_file",
                missing_file_message(name),
            ));
            None
        }
        Err(error) => {
            findings.push(Finding::new(
                name,
                "unreadable_file",
                format!("The file could not be read ({error})."),
            ));
            None
        }
    }
}

fn missing_file_message(name: &str) -> String {
    let why = match name {
        SETTINGS_FILE => "it holds the area's name, help text and contact details",
        DIRECTORY_FILE => "it holds the local activities and services Genie suggests",
        _ => "without it Genie cannot tell how far away anything is from where people live",
    };
    format!("The file is missing: {why}.")
}
