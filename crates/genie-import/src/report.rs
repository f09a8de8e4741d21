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

/// A service the commissioner should look at: it has no usable term or no place. The review
/// file has one row per service; fill in `decision` and give the file back with `--decisions`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewRow {
    pub id: String,
    pub name: String,
    /// Sub-categories guessed from its name or description (`a;b`), or empty.
    pub suggested: String,
    /// "high" (its own terms file it; only its place is missing), "medium" (from its name),
    /// "low" (from its description) or "none".
    pub confidence: String,
    /// The taxonomy terms it had, as `taxonomy,code (name)`, separated by `; `.
    pub terms: String,
    pub reason: String,
}

/// The outcome of one import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// What was read ("service_full.json").
    pub source: String,
    /// Services found in the source.
    pub services_read: usize,
    /// Services with at least one directory entry.
    pub services_imported: usize,
    /// Directory entries written (a service at several places gives one per place).
    pub imported: usize,
    /// Services left out on purpose: what they offer is none of Genie's sub-categories
    /// (legal aid, food banks, housing).
    pub outside: Vec<Entry>,
    /// Services that need a person's decision (no usable term, or no place).
    pub review: Vec<ReviewRow>,
    /// Records left out for other reasons (no id, no name, a repeated id).
    pub skipped: Vec<Entry>,
    /// Things the import guessed (a closing time's am/pm, a name with its organisation's, a
    /// place at its postcode's centre), to check.
    pub guessed: Vec<Entry>,
    /// Places put at their postcode's centre because the export had no coordinates.
    pub approximate: usize,
    /// Target-population terms seen ("Older Adults"): they say who, not what, so are unused.
    pub audience_terms: usize,
    /// Tables or files in the input that the import does not read, with why.
    pub unread: Vec<String>,
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

    pub fn guess(&mut self, record: impl Into<String>, message: impl Into<String>) {
        self.guessed.push(Entry {
            record: record.into(),
            message: message.into(),
        });
    }

    pub fn problem(&mut self, message: impl Into<String>) {
        self.problems.push(message.into());
    }

    /// Why a record is not in the directory, if it is not: skipped, outside Genie's
    /// categories, or waiting for review.
    pub fn skip_reason(&self, record: &str) -> Option<&str> {
        self.skipped
            .iter()
            .chain(&self.outside)
            .find(|e| e.record == record)
            .map(|e| e.message.as_str())
            .or_else(|| {
                self.review
                    .iter()
                    .find(|r| r.id == record)
                    .map(|r| r.reason.as_str())
            })
    }

    /// The review row of a service, if it needs one.
    pub fn review_of(&self, record: &str) -> Option<&ReviewRow> {
        self.review.iter().find(|r| r.id == record)
    }

    /// Skipped records counted by reason, most common first.
    pub fn skipped_by_reason(&self) -> Vec<(String, usize)> {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for e in &self.skipped {
            *counts.entry(e.message.clone()).or_insert(0) += 1;
        }
        let mut out: Vec<(String, usize)> = counts.into_iter().collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }

    /// Share of services read that were neither imported nor left out on purpose (skipped or
    /// waiting for review), from 0 to 1.
    pub fn unusable_share(&self) -> f64 {
        if self.services_read == 0 {
            return 1.0;
        }
        let unusable = self
            .services_read
            .saturating_sub(self.services_imported + self.outside.len());
        unusable as f64 / self.services_read as f64
    }

    /// The details as CSV (`record,outcome,message`), one row per remark, for a spreadsheet.
    pub fn details_csv(&self) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record(["record", "outcome", "message"]);
        for (outcome, list) in [
            ("skipped", &self.skipped),
            ("outside Genie's categories", &self.outside),
            ("guessed", &self.guessed),
            ("imported with a change", &self.notes),
        ] {
            for e in list {
                let _ = w.write_record([e.record.as_str(), outcome, e.message.as_str()]);
            }
        }
        for r in &self.review {
            let _ = w.write_record([r.id.as_str(), "needs review", r.reason.as_str()]);
        }
        for p in &self.problems {
            let _ = w.write_record(["", "problem in the files", p.as_str()]);
        }
        for u in &self.unread {
            let _ = w.write_record(["", "not read", u.as_str()]);
        }
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }

    /// The review file as CSV: `id,name,suggested_subcategory,confidence,terms,reason,decision`.
    /// A commissioner fills in `decision` (sub-categories separated by `;`, or `none`) and
    /// gives the file back with `--decisions`.
    pub fn review_csv(&self) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record([
            "id",
            "name",
            "suggested_subcategory",
            "confidence",
            "terms",
            "reason",
            "decision",
        ]);
        for r in &self.review {
            let _ = w.write_record([
                r.id.as_str(),
                r.name.as_str(),
                r.suggested.as_str(),
                r.confidence.as_str(),
                r.terms.as_str(),
                r.reason.as_str(),
                "",
            ]);
        }
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
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
            "  Services read:               {:>6}",
            self.services_read
        )?;
        writeln!(
            f,
            "  Imported:                    {:>6}  ({})",
            self.services_imported,
            plural(self.imported, "directory entry", "directory entries")
        )?;
        writeln!(
            f,
            "  Outside Genie's categories:  {:>6}",
            self.outside.len()
        )?;
        writeln!(f, "  Needs review:                {:>6}", self.review.len())?;
        writeln!(
            f,
            "  Skipped:                     {:>6}",
            self.skipped.len()
        )?;
        for (reason, n) in self.skipped_by_reason().iter().take(8) {
            writeln!(f, "      {n:>5} x {reason}")?;
        }
        if self.approximate > 0 {
            writeln!(
                f,
                "  Placed at their postcode's centre (approximate): {}",
                self.approximate
            )?;
        }
        // The same summary, in words, for the imported count: keeps old scripts' grep working.
        writeln!(
            f,
            "  read {}; imported {}; skipped {}.",
            plural(self.services_read, "service", "services"),
            plural(self.imported, "directory entry", "directory entries"),
            plural(
                self.skipped.len() + self.review.len() + self.outside.len(),
                "record",
                "records"
            ),
        )?;
        if !self.problems.is_empty() {
            writeln!(f, "\nProblems in the files:")?;
            for problem in &self.problems {
                writeln!(f, "  - {problem}")?;
            }
        }
        if !self.unread.is_empty() {
            writeln!(f, "\nNot read (Genie has no use for these):")?;
            for u in &self.unread {
                writeln!(f, "  - {u}")?;
            }
        }
        if !self.unmapped_terms.is_empty() {
            writeln!(
                f,
                "\nTaxonomy terms the mapping does not cover (add a row to the mapping file to use one):"
            )?;
            let mut terms: Vec<(&String, &usize)> = self.unmapped_terms.iter().collect();
            terms.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            for (term, count) in terms.iter().take(30) {
                writeln!(f, "  {count:>5} x {term}")?;
            }
            if terms.len() > 30 {
                writeln!(
                    f,
                    "  ... and {} more (all in the details file)",
                    terms.len() - 30
                )?;
            }
        }
        let short = |f: &mut fmt::Formatter<'_>, title: &str, list: &[Entry]| -> fmt::Result {
            if list.is_empty() {
                return Ok(());
            }
            writeln!(f, "\n{title}")?;
            for entry in list.iter().take(20) {
                writeln!(f, "  - {}: {}", entry.record, entry.message)?;
            }
            if list.len() > 20 {
                writeln!(
                    f,
                    "  ... and {} more (all in the details file)",
                    list.len() - 20
                )?;
            }
            Ok(())
        };
        short(f, "Skipped (not in the directory):", &self.skipped)?;
        if !self.review.is_empty() {
            writeln!(
                f,
                "\nNeeds review ({}): see the review file; write a sub-category in its decision column and run again with --decisions.",
                self.review.len()
            )?;
            for r in self.review.iter().take(10) {
                writeln!(f, "  - {} {}: {}", r.id, r.name, r.reason)?;
            }
        }
        short(f, "Guessed (please check):", &self.guessed)?;
        short(
            f,
            "Imported, with these changes (please check):",
            &self.notes,
        )?;
        Ok(())
    }
}
