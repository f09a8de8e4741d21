//! What an import did, for the commissioner: how many entries were imported, which records
//! were skipped and why, what was changed or dropped on the way in, which taxonomy terms the
//! mapping does not cover, and problems with the files themselves (broken links between
//! tables, unreadable rows).

use std::collections::BTreeMap;
use std::fmt;

/// A remark about one source record, named by its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub record: String,
    pub message: String,
}

/// The outcome of one import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// What was read ("service_full.json").
    pub source: String,
    /// Services found in the source.
    pub services_read: usize,
    /// Directory entries written (a service at several places gives one per place).
    pub imported: usize,
    /// Records left out, with the reason.
    pub skipped: Vec<Entry>,
    /// Imported records with something changed, guessed or dropped on the way in.
    pub notes: Vec<Entry>,
    /// Taxonomy terms no mapping row or keyword covers (`taxonomy,code (name)`) and how many
    /// services carry each.
    pub unmapped_terms: BTreeMap<String, usize>,
    /// Problems with the files rather than with one record.
    pub problems: Vec<String>,
}

impl Report {
    pub fn skip(&mut self, record: impl Into<String>, message: impl Into<String>) {
        self.skipped.push(Entry {
            record: record.into(),
            message: message.into(),
        });
    }

    pub fn note(&mut self, record: impl Into<String>, message: impl Into<String>) {
        self.notes.push(Entry {
            record: record.into(),
            message: message.into(),
        });
    }

    pub fn problem(&mut self, message: impl Into<String>) {
        self.problems.push(message.into());
    }

    /// The reason a record was skipped, if it was.
    pub fn skip_reason(&self, record: &str) -> Option<&str> {
        self.skipped
            .iter()
            .find(|e| e.record == record)
            .map(|e| e.message.as_str())
    }

    /// Every note about one record.
    pub fn notes_for(&self, record: &str) -> Vec<&str> {
        self.notes
            .iter()
            .filter(|e| e.record == record)
            .map(|e| e.message.as_str())
            .collect()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: usize, one: &str, many: &str| {
            if n == 1 {
                format!("{n} {one}")
            } else {
                format!("{n} {many}")
            }
        };
        writeln!(f, "Import of {}", self.source)?;
        writeln!(
            f,
            "  read {}; imported {}; skipped {}.",
            plural(self.services_read, "service", "services"),
            plural(self.imported, "directory entry", "directory entries"),
            plural(self.skipped.len(), "record", "records"),
        )?;
        if !self.skipped.is_empty() {
            writeln!(f, "\nSkipped (not in the directory):")?;
            for entry in &self.skipped {
                writeln!(f, "  - {}: {}", entry.record, entry.message)?;
            }
        }
        if !self.unmapped_terms.is_empty() {
            writeln!(
                f,
                "\nTaxonomy terms the mapping does not cover (add a row to the mapping file to use one):"
            )?;
            let mut terms: Vec<(&String, &usize)> = self.unmapped_terms.iter().collect();
            terms.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            for (term, count) in terms {
                writeln!(f, "  {count:>5} x {term}")?;
            }
        }
        if !self.notes.is_empty() {
            writeln!(f, "\nImported, with these changes (please check):")?;
            for entry in &self.notes {
                writeln!(f, "  - {}: {}", entry.record, entry.message)?;
            }
        }
        if !self.problems.is_empty() {
            writeln!(f, "\nProblems in the files:")?;
            for problem in &self.problems {
                writeln!(f, "  - {problem}")?;
            }
        }
        Ok(())
    }
}
