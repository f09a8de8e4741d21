//! The commissioner's resource directory: local activities, groups and services, in our own
//! versioned JSON format (see docs/directory-format.md).
//!
//! These types are the *checked* directory the app works with. Files are read by
//! [`validate`] (in `validate.rs`), which reports every bad entry by id and field, skips it, and
//! keeps the rest, so one broken entry never hides a whole directory.

mod facts;
pub mod generate;
pub mod packed;
mod raw;
pub mod tiles;
mod validate;

use std::collections::BTreeSet;

pub use facts::{
    amount, clock, email_href, price, sessions_in_order, website_href, website_text, Price,
};
pub use validate::{validate, validate_bytes, EntryProblem, Field, Issue, Severity};

use serde::{Deserialize, Serialize};

use crate::model::{AccessNeed, DayPart, SubCategory, Weekday};

/// The directory format version this code writes and reads.
pub const DIRECTORY_VERSION: u32 = 1;

/// A checked directory.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Directory {
    pub version: u32,
    /// The area it covers, as people there would say it ("Millbrook and district").
    pub area: String,
    pub resources: Vec<Resource>,
}

/// One activity, group or service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resource {
    /// Unique within the directory; stable across updates so choices keep pointing at it.
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// At least one.
    pub subcategories: BTreeSet<SubCategory>,
    pub reach: Reach,
    /// When it runs. Empty means "any time" or "by arrangement".
    #[serde(default)]
    pub sessions: Vec<Session>,
    #[serde(default)]
    pub cost: Cost,
    /// The access it offers.
    #[serde(default)]
    pub access: BTreeSet<AccessNeed>,
    /// BCP 47 language tags it is offered in; empty means English only or not stated.
    #[serde(default)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub contact: Contact,
    /// When the entry was last checked as correct (HSDS `assured_date` or `last_modified`).
    #[serde(default)]
    pub checked: Option<Date>,
    #[serde(default)]
    pub status: Status,
}

/// Where a resource can be used from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Reach {
    /// At a place: to be travelled to.
    Local { location: Location },
    /// Available anywhere in the country (a helpline, a postal service).
    National,
    /// Used online or by phone from home.
    Online,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// WGS84 degrees.
    pub lat: f64,
    pub lon: f64,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub postcode: String,
    /// How exactly the point is known: left out when exact.
    #[serde(default, skip_serializing_if = "Precision::is_exact")]
    pub precision: Precision,
}

/// How exactly an entry's place is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// The point is the entry's own.
    #[default]
    Exact,
    /// Only the centre of its postcode (or ZIP) area is known: distances are approximate.
    Postcode,
}

impl Precision {
    pub fn is_exact(&self) -> bool {
        *self == Precision::Exact
    }
}

/// One regular session: a day and part of day, with clock times when known ("10:00").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub day: Weekday,
    pub part: DayPart,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starts: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends: Option<String>,
}

/// What it costs a person to go once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Cost {
    Free,
    /// Up to this many pence (or cents) a time.
    Paid {
        minor_units: u32,
    },
    #[default]
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Contact {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    /// With a scheme (`https://`); the importer adds one when a source left it out.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub website: String,
}

/// Whether a resource is running. Inactive and defunct resources are never suggested.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Active,
    Inactive,
    Defunct,
}

/// A calendar date, written "YYYY-MM-DD".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Reads "YYYY-MM-DD" (also the date part of an ISO 8601 date-time).
    pub fn parse(text: &str) -> Option<Date> {
        let text = text.trim();
        let date = text.get(..10)?;
        let mut parts = date.split('-');
        let year: u16 = parts.next()?.parse().ok()?;
        let month: u8 = parts.next()?.parse().ok()?;
        let day: u8 = parts.next()?.parse().ok()?;
        let rest = &text[10..];
        let valid_rest = rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ');
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
            2 => 28,
            _ => return None,
        };
        (valid_rest && (1..=days_in_month).contains(&day) && year >= 1900).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for comparing dates.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl TryFrom<String> for Date {
    type Error = String;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Date::parse(&text).ok_or_else(|| format!("not a date (YYYY-MM-DD): {text}"))
    }
}

impl From<Date> for String {
    fn from(date: Date) -> String {
        format!("{:04}-{:02}-{:02}", date.year, date.month, date.day)
    }
}
