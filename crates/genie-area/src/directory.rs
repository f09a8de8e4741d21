//! The directory check's problems (from `genie_core::directory::validate`, the same check the
//! app runs), worded for the person who publishes the directory.

use genie_core::directory::{EntryProblem, Field, Issue, Severity};

use crate::{Finding, DIRECTORY_FILE};

/// One directory problem as a finding: which entry, what is wrong, what the app does about it.
pub fn finding(problem: &EntryProblem) -> Finding {
    let code = problem.issue.as_str();
    let what = what(problem);
    let message = match (problem.index, &problem.id) {
        (None, _) => what,
        (Some(index), Some(id)) => format!("Entry {} (id \"{id}\"): {what}", index + 1),
        (Some(index), None) => format!("Entry {}: {what}", index + 1),
    };
    let outcome = match problem.severity {
        Severity::Rejected => "Genie cannot use this file at all.",
        Severity::Skipped => "Genie leaves this entry out.",
        Severity::Fixed => "Genie works round it, but please correct the file.",
    };
    Finding::new(DIRECTORY_FILE, code, format!("{message} {outcome}"))
}

/// What is wrong, as a sentence.
fn what(problem: &EntryProblem) -> String {
    let field = field_words(problem.field);
    match &problem.issue {
        Issue::NotJson => {
            "The file is not valid JSON. Make it again with genie-import, or look for a missing \
             comma, quote mark or bracket."
                .into()
        }
        Issue::NotObject if problem.field == Field::File => {
            "The file must hold one directory between { and }.".into()
        }
        Issue::NotObject => format!("{} is not written as a group of fields.", capital(field)),
        Issue::Missing => format!("{} is missing.", capital(field)),
        Issue::WrongType => format!("{} is the wrong kind of value.", capital(field)),
        Issue::Empty => format!("{} is empty.", capital(field)),
        Issue::DuplicateId => {
            "The id is used by an earlier entry too; each entry needs its own.".into()
        }
        Issue::NewerVersion { found } => format!(
            "The directory is version {found}, newer than this Genie reads. Use the genie-import \
             that came with your copy of Genie."
        ),
        Issue::BadVersion => "The version must be a whole number such as 1.".into(),
        Issue::UnknownWord(word) => {
            format!("\"{word}\" is not a word Genie knows for {field}.")
        }
        Issue::NoneKnown => {
            "None of its categories is one Genie knows, so it could not be suggested to anyone. \
             Map its categories in the import mapping (see docs/importing.md)."
                .into()
        }
        Issue::NotANumber => format!("{} is not a number.", capital(field)),
        Issue::OutOfRange => format!(
            "{} is out of range (latitude goes from -90 to 90, longitude from -180 to 180).",
            capital(field)
        ),
        Issue::NullIsland => {
            "Its place is at latitude 0, longitude 0: the real coordinates are probably missing."
                .into()
        }
        Issue::BadDate => format!("{} is not a date written as YYYY-MM-DD.", capital(field)),
        Issue::BadTime => format!("{} is not a time written as HH:MM.", capital(field)),
        Issue::Negative => format!("{} is below zero.", capital(field)),
        Issue::SchemeAdded => "The web address has no https:// at the start; Genie adds it.".into(),
        Issue::UnsupportedScheme => {
            "The web address does not start with http:// or https://, so Genie drops it.".into()
        }
    }
}

fn field_words(field: Field) -> &'static str {
    match field {
        Field::File => "the file",
        Field::Version => "the version",
        Field::Area => "the area name",
        Field::Resources => "the list of resources",
        Field::Entry => "the entry",
        Field::Id => "the id",
        Field::Name => "the name",
        Field::Description => "the description",
        Field::Subcategories => "the categories",
        Field::Reach => "where it is available (reach)",
        Field::Location => "the place",
        Field::Lat => "the latitude",
        Field::Lon => "the longitude",
        Field::Address => "the address",
        Field::Postcode => "the postcode",
        Field::Precision => "how exactly the place is known (precision)",
        Field::Sessions => "the list of sessions",
        Field::Day => "a session's day",
        Field::Part => "a session's part of the day",
        Field::Starts => "a session's start time",
        Field::Ends => "a session's end time",
        Field::Cost => "the cost",
        Field::Access => "access",
        Field::Languages => "languages",
        Field::Contact => "the contact details",
        Field::Phone => "the phone number",
        Field::Email => "the e-mail address",
        Field::Website => "the web address",
        Field::Checked => "the date it was last checked",
        Field::Status => "whether it is running (status)",
    }
}

fn capital(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
