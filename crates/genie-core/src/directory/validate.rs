//! Reading a directory file leniently, entry by entry.
//!
//! [`validate`] reads our JSON format (docs/directory-format.md) into typed, borrowed shapes
//! (`raw.rs`) that keep what each field was (absent, null, text, number, object...), never
//! into a generic JSON tree and never through a strict serde derive, so one bad field cannot
//! hide a whole file. Entries are checked one by one as the file is read. Every problem
//! is an [`EntryProblem`]: which entry (id, or index when the id is missing), which [`Field`],
//! what [`Issue`], and what was done about it ([`Severity`]). Nothing here is worded: each
//! field, issue and severity has a stable word, and `Display` is for developers only.
//!
//! What is done about each problem:
//! - the whole file is refused ([`Severity::Rejected`]) when it is not JSON, not an object, of
//!   a newer or unusable version, or has no `resources` array;
//! - an entry is skipped ([`Severity::Skipped`]) when it cannot be shown or placed: no id, a
//!   repeated id, no name, no known sub-category, no usable reach or coordinates;
//! - anything else is fixed or ignored ([`Severity::Fixed`]) and the entry kept: an unknown
//!   access word is dropped, a web address gets `https://`, an unknown status is read as
//!   inactive (so a possibly closed service is never suggested), and so on.

use std::collections::{BTreeSet, HashSet};
use std::fmt;

use super::raw::{
    self, ContactFields, CostFields, Entries, EntryFields, EntrySink, List, ReachFields, Scalar,
    SessionFields, Shape,
};
use super::{
    Contact, Cost, Date, Directory, Location, Precision, Reach, Resource, Session, Status,
    DIRECTORY_VERSION,
};
use crate::model::{AccessNeed, DayPart, SubCategory, Weekday};

/// What was done about a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The whole file was refused: the directory is empty.
    Rejected,
    /// The entry was left out; the rest of the directory is kept.
    Skipped,
    /// The field was fixed or ignored; the entry is kept.
    Fixed,
}

impl Severity {
    /// The stable word for this severity.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Rejected => "rejected",
            Severity::Skipped => "skipped",
            Severity::Fixed => "fixed",
        }
    }
}

/// Where in the file a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The file as a whole.
    File,
    Version,
    Area,
    Resources,
    /// An entry as a whole (for example, not an object).
    Entry,
    Id,
    Name,
    Description,
    Subcategories,
    Reach,
    /// The pair of coordinates together (for example, both 0).
    Location,
    Lat,
    Lon,
    Address,
    Postcode,
    Precision,
    Sessions,
    Day,
    Part,
    Starts,
    Ends,
    Cost,
    Access,
    Languages,
    Contact,
    Phone,
    Email,
    Website,
    Checked,
    Status,
}

impl Field {
    /// The stable word for this field: the JSON key where there is one.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::File => "file",
            Field::Version => "version",
            Field::Area => "area",
            Field::Resources => "resources",
            Field::Entry => "entry",
            Field::Id => "id",
            Field::Name => "name",
            Field::Description => "description",
            Field::Subcategories => "subcategories",
            Field::Reach => "reach",
            Field::Location => "location",
            Field::Lat => "lat",
            Field::Lon => "lon",
            Field::Address => "address",
            Field::Postcode => "postcode",
            Field::Precision => "precision",
            Field::Sessions => "sessions",
            Field::Day => "day",
            Field::Part => "part",
            Field::Starts => "starts",
            Field::Ends => "ends",
            Field::Cost => "cost",
            Field::Access => "access",
            Field::Languages => "languages",
            Field::Contact => "contact",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::Website => "website",
            Field::Checked => "checked",
            Field::Status => "status",
        }
    }
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Issue {
    /// The file is not JSON.
    NotJson,
    /// Expected an object (the file, an entry, a reach, a session...).
    NotObject,
    /// A required field is absent or null.
    Missing,
    /// The value has the wrong JSON type (a number where text was expected...).
    WrongType,
    /// Text or a list that must not be empty is empty.
    Empty,
    /// The id was already used by an earlier kept entry.
    DuplicateId,
    /// The file is of a newer format version than this app reads.
    NewerVersion { found: u64 },
    /// The version is not a positive whole number.
    BadVersion,
    /// A word that is not in our closed list (a sub-category, access need, day, status...).
    UnknownWord(String),
    /// Sub-categories were given, but none of them is known.
    NoneKnown,
    /// A coordinate is not a number (NaN, infinite, or text that is not a number).
    NotANumber,
    /// A coordinate is outside the range of its kind (latitude -90..90, longitude -180..180).
    OutOfRange,
    /// Both coordinates are 0: almost always a missing location written as zeros.
    NullIsland,
    /// Not a date of the form YYYY-MM-DD.
    BadDate,
    /// Not a clock time of the form HH:MM.
    BadTime,
    /// A cost below zero.
    Negative,
    /// A web address had no scheme; `https://` was added.
    SchemeAdded,
    /// A web address with a scheme other than http or https; it was dropped.
    UnsupportedScheme,
}

impl Issue {
    /// The stable word for this issue (the data, if any, travels beside it).
    pub fn as_str(&self) -> &'static str {
        match self {
            Issue::NotJson => "not_json",
            Issue::NotObject => "not_object",
            Issue::Missing => "missing",
            Issue::WrongType => "wrong_type",
            Issue::Empty => "empty",
            Issue::DuplicateId => "duplicate_id",
            Issue::NewerVersion { .. } => "newer_version",
            Issue::BadVersion => "bad_version",
            Issue::UnknownWord(_) => "unknown_word",
            Issue::NoneKnown => "none_known",
            Issue::NotANumber => "not_a_number",
            Issue::OutOfRange => "out_of_range",
            Issue::NullIsland => "null_island",
            Issue::BadDate => "bad_date",
            Issue::BadTime => "bad_time",
            Issue::Negative => "negative",
            Issue::SchemeAdded => "scheme_added",
            Issue::UnsupportedScheme => "unsupported_scheme",
        }
    }
}

/// One problem found while reading a directory file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryProblem {
    /// The entry's position in `resources` (from 0); `None` for a problem with the whole file.
    pub index: Option<usize>,
    /// The entry's id, when it has a usable one.
    pub id: Option<String>,
    pub field: Field,
    pub issue: Issue,
    pub severity: Severity,
}

impl fmt::Display for EntryProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.id, self.index) {
            (Some(id), Some(index)) => write!(f, "entry {index} ({id:?})")?,
            (None, Some(index)) => write!(f, "entry {index}")?,
            (Some(id), None) => write!(f, "entry {id:?}")?,
            (None, None) => f.write_str("file")?,
        }
        write!(f, ": {}: {}", self.field.as_str(), self.issue.as_str())?;
        match &self.issue {
            Issue::UnknownWord(word) => write!(f, " {word:?}")?,
            Issue::NewerVersion { found } => write!(f, " {found}")?,
            _ => {}
        }
        write!(f, " [{}]", self.severity.as_str())
    }
}

/// [`validate`] for a file's bytes as they arrive. Bytes that are not UTF-8 (a file saved in
/// an old code page) are read with the odd characters replaced, not refused.
pub fn validate_bytes(bytes: &[u8]) -> (Directory, Vec<EntryProblem>) {
    match std::str::from_utf8(bytes) {
        Ok(text) => validate(text),
        Err(_) => validate(&String::from_utf8_lossy(bytes)),
    }
}

/// Reads a directory file. Returns the entries that could be read (in file order) and every
/// problem found, in file order. Never panics; a refused file gives an empty directory and
/// at least one [`Severity::Rejected`] problem.
pub fn validate(json: &str) -> (Directory, Vec<EntryProblem>) {
    let mut problems = Vec::new();
    let empty = Directory {
        version: DIRECTORY_VERSION,
        area: String::new(),
        resources: Vec::new(),
    };
    let reject = |problems: &mut Vec<EntryProblem>, field: Field, issue: Issue| {
        problems.push(EntryProblem {
            index: None,
            id: None,
            field,
            issue,
            severity: Severity::Rejected,
        });
    };
    let file_fixed = |problems: &mut Vec<EntryProblem>, field: Field, issue: Issue| {
        problems.push(EntryProblem {
            index: None,
            id: None,
            field,
            issue,
            severity: Severity::Fixed,
        });
    };

    // A byte-order mark is common in files saved by spreadsheet tools.
    let text = json.trim_start_matches('\u{feff}');
    // Entries are checked as they are read; the file's own fields are judged after, in the
    // order a reader would meet them, and their problems come first.
    let mut checker = Checker::default();
    let top = match raw::read_file(text, &mut checker) {
        Ok(Some(top)) => top,
        Ok(None) => {
            reject(&mut problems, Field::File, Issue::NotObject);
            return (empty, problems);
        }
        Err(_) => {
            reject(&mut problems, Field::File, Issue::NotJson);
            return (empty, problems);
        }
    };

    match &top.version {
        None | Some(Scalar::Null) => file_fixed(&mut problems, Field::Version, Issue::Missing),
        Some(Scalar::U64(v)) if *v > u64::from(DIRECTORY_VERSION) => {
            reject(
                &mut problems,
                Field::Version,
                Issue::NewerVersion { found: *v },
            );
            return (empty, problems);
        }
        Some(Scalar::U64(v)) if *v >= 1 => {}
        Some(_) => {
            reject(&mut problems, Field::Version, Issue::BadVersion);
            return (empty, problems);
        }
    }

    let area = match &top.area {
        None | Some(Scalar::Null) => String::new(),
        Some(Scalar::Str(s)) => s.trim().to_string(),
        Some(_) => {
            file_fixed(&mut problems, Field::Area, Issue::WrongType);
            String::new()
        }
    };

    match top.resources {
        Entries::Array => {}
        Entries::Missing | Entries::Null => {
            reject(&mut problems, Field::Resources, Issue::Missing);
            return (empty, problems);
        }
        Entries::Other => {
            reject(&mut problems, Field::Resources, Issue::WrongType);
            return (empty, problems);
        }
    }

    problems.append(&mut checker.problems);
    (
        Directory {
            version: DIRECTORY_VERSION,
            area,
            resources: checker.resources,
        },
        problems,
    )
}

/// Checks each entry as the file is read, keeping the good ones.
#[derive(Default)]
struct Checker {
    index: usize,
    kept_ids: HashSet<String>,
    resources: Vec<Resource>,
    problems: Vec<EntryProblem>,
}

impl EntrySink for Checker {
    fn start(&mut self) {
        // A second `resources` key replaces the first, as it would in a JSON object.
        *self = Checker::default();
    }

    fn entry(&mut self, value: Shape<'_, EntryFields<'_>>) {
        let index = self.index;
        self.index += 1;
        let mut entry = EntryReader {
            index,
            id: None,
            problems: &mut self.problems,
        };
        if let Some(resource) = entry.resource(value) {
            if self.kept_ids.contains(&resource.id) {
                entry.skip(Field::Id, Issue::DuplicateId);
            } else {
                self.kept_ids.insert(resource.id.clone());
                self.resources.push(resource);
            }
        }
    }
}

/// Reads one entry, reporting against its index and (once known) its id.
struct EntryReader<'p> {
    index: usize,
    id: Option<String>,
    problems: &'p mut Vec<EntryProblem>,
}

/// Marks an entry as skipped; the problem has already been reported.
struct Skip;

impl EntryReader<'_> {
    fn report(&mut self, field: Field, issue: Issue, severity: Severity) {
        self.problems.push(EntryProblem {
            index: Some(self.index),
            id: self.id.clone(),
            field,
            issue,
            severity,
        });
    }

    fn skip(&mut self, field: Field, issue: Issue) -> Skip {
        self.report(field, issue, Severity::Skipped);
        Skip
    }

    fn fix(&mut self, field: Field, issue: Issue) {
        self.report(field, issue, Severity::Fixed);
    }

    fn resource(&mut self, value: Shape<'_, EntryFields<'_>>) -> Option<Resource> {
        self.try_resource(value).ok()
    }

    fn try_resource(&mut self, value: Shape<'_, EntryFields<'_>>) -> Result<Resource, Skip> {
        let Shape::Object(obj) = value else {
            return Err(self.skip(Field::Entry, Issue::NotObject));
        };
        let id = self.read_id(&obj.id)?;
        self.id = Some(id.clone());
        let name = self.required_text(&obj.name, Field::Name)?;
        let subcategories = self.read_subcategories(&obj.subcategories)?;
        let reach = self.read_reach(&obj.reach)?;
        let description = self.optional_text(&obj.description, Field::Description);
        let sessions = self.read_sessions(&obj.sessions);
        let cost = self.read_cost(&obj.cost);
        let access = self.read_access(&obj.access);
        let languages = self.read_languages(&obj.languages);
        let contact = self.read_contact(&obj.contact);
        let checked = self.read_checked(&obj.checked);
        let status = self.read_status(&obj.status);
        Ok(Resource {
            id,
            name,
            description,
            subcategories,
            reach,
            sessions,
            cost,
            access,
            languages,
            contact,
            checked,
            status,
        })
    }

    fn read_id(&mut self, value: &Option<Scalar<'_>>) -> Result<String, Skip> {
        let whole = match value {
            None | Some(Scalar::Null) => return Err(self.skip(Field::Id, Issue::Missing)),
            Some(Scalar::Str(s)) if s.trim().is_empty() => {
                return Err(self.skip(Field::Id, Issue::Empty))
            }
            Some(Scalar::Str(s)) => return Ok(s.trim().to_string()),
            Some(Scalar::U64(n)) => n.to_string(),
            Some(Scalar::I64(n)) => n.to_string(),
            Some(_) => return Err(self.skip(Field::Id, Issue::WrongType)),
        };
        // Integer ids are common in exports; kept as text, and said so.
        self.id = Some(whole.clone());
        self.fix(Field::Id, Issue::WrongType);
        Ok(whole)
    }

    fn required_text(&mut self, value: &Option<Scalar<'_>>, field: Field) -> Result<String, Skip> {
        match value {
            None | Some(Scalar::Null) => Err(self.skip(field, Issue::Missing)),
            Some(Scalar::Str(s)) if s.trim().is_empty() => Err(self.skip(field, Issue::Empty)),
            Some(Scalar::Str(s)) => Ok(s.trim().to_string()),
            Some(_) => Err(self.skip(field, Issue::WrongType)),
        }
    }

    fn optional_text(&mut self, value: &Option<Scalar<'_>>, field: Field) -> String {
        match value {
            None | Some(Scalar::Null) => String::new(),
            Some(Scalar::Str(s)) => s.trim().to_string(),
            Some(_) => {
                self.fix(field, Issue::WrongType);
                String::new()
            }
        }
    }

    fn read_subcategories(
        &mut self,
        value: &Option<List<'_, Scalar<'_>>>,
    ) -> Result<BTreeSet<SubCategory>, Skip> {
        let field = Field::Subcategories;
        let one;
        let items: &[Scalar<'_>] = match value {
            None | Some(List::Null) => return Err(self.skip(field, Issue::Missing)),
            Some(List::Items(items)) => items,
            Some(List::Str(word)) => {
                one = [Scalar::Str(word.clone())];
                &one
            }
            Some(List::Other) => return Err(self.skip(field, Issue::WrongType)),
        };
        if items.is_empty() {
            return Err(self.skip(field, Issue::Empty));
        }
        let mut found = BTreeSet::new();
        for item in items {
            match item {
                Scalar::Str(word) => match SubCategory::parse(&normal_word(word)) {
                    Some(sub) => {
                        found.insert(sub);
                    }
                    None => self.fix(field, Issue::UnknownWord(word.to_string())),
                },
                _ => self.fix(field, Issue::WrongType),
            }
        }
        if found.is_empty() {
            return Err(self.skip(field, Issue::NoneKnown));
        }
        Ok(found)
    }

    fn read_reach(&mut self, value: &Option<Shape<'_, ReachFields<'_>>>) -> Result<Reach, Skip> {
        let reach = match value {
            None | Some(Shape::Null) => return Err(self.skip(Field::Reach, Issue::Missing)),
            Some(Shape::Str(word)) => {
                return match normal_word(word).as_str() {
                    "national" => Ok(Reach::National),
                    "online" => Ok(Reach::Online),
                    _ => Err(self.skip(Field::Reach, Issue::UnknownWord(word.to_string()))),
                }
            }
            Some(Shape::Object(reach)) => reach,
            Some(Shape::Other) => return Err(self.skip(Field::Reach, Issue::WrongType)),
        };
        let kind = match &reach.kind {
            Some(Scalar::Str(word)) => normal_word(word),
            // A reach with a location and no kind is plainly local.
            None | Some(Scalar::Null) if reach.location.is_some() => "local".to_string(),
            None | Some(Scalar::Null) => return Err(self.skip(Field::Reach, Issue::Missing)),
            Some(_) => return Err(self.skip(Field::Reach, Issue::WrongType)),
        };
        match kind.as_str() {
            "national" => Ok(Reach::National),
            "online" => Ok(Reach::Online),
            "local" => {
                let location = match &reach.location {
                    None | Some(Shape::Null) => {
                        return Err(self.skip(Field::Location, Issue::Missing))
                    }
                    Some(Shape::Object(location)) => location,
                    Some(_) => return Err(self.skip(Field::Location, Issue::WrongType)),
                };
                let lat = self.coordinate(&location.lat, Field::Lat, 90.0)?;
                let lon = self.coordinate(&location.lon, Field::Lon, 180.0)?;
                if lat == 0.0 && lon == 0.0 {
                    return Err(self.skip(Field::Location, Issue::NullIsland));
                }
                let address = self.optional_text(&location.address, Field::Address);
                let postcode = self.optional_text(&location.postcode, Field::Postcode);
                let precision = self.read_precision(&location.precision);
                Ok(Reach::Local {
                    location: Location {
                        lat,
                        lon,
                        address,
                        postcode,
                        precision,
                    },
                })
            }
            _ => {
                let word = match &reach.kind {
                    Some(Scalar::Str(word)) => word.to_string(),
                    _ => kind,
                };
                Err(self.skip(Field::Reach, Issue::UnknownWord(word)))
            }
        }
    }

    fn coordinate(
        &mut self,
        value: &Option<Scalar<'_>>,
        field: Field,
        limit: f64,
    ) -> Result<f64, Skip> {
        let value = match value {
            None | Some(Scalar::Null) => return Err(self.skip(field, Issue::Missing)),
            Some(Scalar::Str(s)) => match s.trim().parse::<f64>() {
                // Numbers written as text are common in exports: read them, and say so.
                Ok(v) if v.is_finite() => {
                    self.fix(field, Issue::WrongType);
                    v
                }
                _ => return Err(self.skip(field, Issue::NotANumber)),
            },
            Some(number) => match number.number() {
                Some(v) => v,
                None => return Err(self.skip(field, Issue::WrongType)),
            },
        };
        if !value.is_finite() {
            return Err(self.skip(field, Issue::NotANumber));
        }
        if value.abs() > limit {
            return Err(self.skip(field, Issue::OutOfRange));
        }
        Ok(value)
    }

    fn read_sessions(
        &mut self,
        value: &Option<List<'_, Shape<'_, SessionFields<'_>>>>,
    ) -> Vec<Session> {
        let items = match value {
            None | Some(List::Null) => return Vec::new(),
            Some(List::Items(items)) => items,
            Some(_) => {
                self.fix(Field::Sessions, Issue::WrongType);
                return Vec::new();
            }
        };
        let mut sessions = Vec::with_capacity(items.len());
        for item in items {
            if let Some(session) = self.read_session(item) {
                if !sessions.contains(&session) {
                    sessions.push(session);
                }
            }
        }
        sessions
    }

    /// One session, or `None` (reported) when its day or part cannot be read.
    fn read_session(&mut self, item: &Shape<'_, SessionFields<'_>>) -> Option<Session> {
        let Shape::Object(session) = item else {
            self.fix(Field::Sessions, Issue::NotObject);
            return None;
        };
        let starts = self.clock(&session.starts, Field::Starts);
        let ends = self.clock(&session.ends, Field::Ends);
        let day = match &session.day {
            Some(Scalar::Str(word)) => match parse_day(word) {
                Some(day) => day,
                None => {
                    self.fix(Field::Day, Issue::UnknownWord(word.to_string()));
                    return None;
                }
            },
            None | Some(Scalar::Null) => {
                self.fix(Field::Day, Issue::Missing);
                return None;
            }
            Some(_) => {
                self.fix(Field::Day, Issue::WrongType);
                return None;
            }
        };
        let part = match &session.part {
            Some(Scalar::Str(word)) => match DayPart::parse(&normal_word(word)) {
                Some(part) => part,
                None => {
                    self.fix(Field::Part, Issue::UnknownWord(word.to_string()));
                    return None;
                }
            },
            // No part, but a start time: the part follows from it.
            None | Some(Scalar::Null) => match starts.as_deref().and_then(part_of_clock) {
                Some(part) => part,
                None => {
                    self.fix(Field::Part, Issue::Missing);
                    return None;
                }
            },
            Some(_) => {
                self.fix(Field::Part, Issue::WrongType);
                return None;
            }
        };
        Some(Session {
            day,
            part,
            starts,
            ends,
        })
    }

    fn clock(&mut self, value: &Option<Scalar<'_>>, field: Field) -> Option<String> {
        match value {
            None | Some(Scalar::Null) => None,
            Some(Scalar::Str(s)) if s.trim().is_empty() => None,
            Some(Scalar::Str(s)) => match normal_clock(s) {
                Some(clock) => Some(clock),
                None => {
                    self.fix(field, Issue::BadTime);
                    None
                }
            },
            Some(_) => {
                self.fix(field, Issue::WrongType);
                None
            }
        }
    }

    fn read_cost(&mut self, value: &Option<Shape<'_, CostFields<'_>>>) -> Cost {
        let cost = match value {
            None | Some(Shape::Null) => return Cost::Unknown,
            Some(Shape::Str(word)) => {
                return match normal_word(word).as_str() {
                    "free" => Cost::Free,
                    "unknown" | "" => Cost::Unknown,
                    _ => {
                        self.fix(Field::Cost, Issue::UnknownWord(word.to_string()));
                        Cost::Unknown
                    }
                }
            }
            Some(Shape::Object(cost)) => cost,
            Some(Shape::Other) => {
                self.fix(Field::Cost, Issue::WrongType);
                return Cost::Unknown;
            }
        };
        let kind = match &cost.kind {
            Some(Scalar::Str(word)) => word,
            None | Some(Scalar::Null) => {
                self.fix(Field::Cost, Issue::Missing);
                return Cost::Unknown;
            }
            Some(_) => {
                self.fix(Field::Cost, Issue::WrongType);
                return Cost::Unknown;
            }
        };
        match normal_word(kind).as_str() {
            "free" => Cost::Free,
            "unknown" => Cost::Unknown,
            "paid" => match &cost.minor_units {
                Some(Scalar::U64(v)) => Cost::Paid {
                    minor_units: u32::try_from(*v).unwrap_or(u32::MAX),
                },
                Some(Scalar::I64(_)) => {
                    self.fix(Field::Cost, Issue::Negative);
                    Cost::Unknown
                }
                Some(Scalar::F64(v)) if *v < 0.0 => {
                    self.fix(Field::Cost, Issue::Negative);
                    Cost::Unknown
                }
                // A fraction of a penny: round up, so "up to" limits stay honest.
                Some(Scalar::F64(v)) if v.is_finite() => Cost::Paid {
                    minor_units: v.ceil().min(f64::from(u32::MAX)) as u32,
                },
                None | Some(Scalar::Null) => {
                    self.fix(Field::Cost, Issue::Missing);
                    Cost::Unknown
                }
                Some(_) => {
                    self.fix(Field::Cost, Issue::WrongType);
                    Cost::Unknown
                }
            },
            _ => {
                self.fix(Field::Cost, Issue::UnknownWord(kind.to_string()));
                Cost::Unknown
            }
        }
    }

    fn read_access(&mut self, value: &Option<List<'_, Scalar<'_>>>) -> BTreeSet<AccessNeed> {
        let mut access = BTreeSet::new();
        match value {
            None | Some(List::Null) => {}
            Some(List::Items(items)) => {
                for item in items {
                    match item {
                        Scalar::Str(word) => match AccessNeed::parse(&normal_word(word)) {
                            Some(need) => {
                                access.insert(need);
                            }
                            None => self.fix(Field::Access, Issue::UnknownWord(word.to_string())),
                        },
                        _ => self.fix(Field::Access, Issue::WrongType),
                    }
                }
            }
            Some(_) => self.fix(Field::Access, Issue::WrongType),
        }
        access
    }

    fn read_languages(&mut self, value: &Option<List<'_, Scalar<'_>>>) -> Vec<String> {
        let mut languages: Vec<String> = Vec::new();
        match value {
            None | Some(List::Null) => {}
            Some(List::Items(items)) => {
                for item in items {
                    match item {
                        Scalar::Str(tag) if tag.trim().is_empty() => {
                            self.fix(Field::Languages, Issue::Empty)
                        }
                        Scalar::Str(tag) => {
                            let tag = tag.trim().to_string();
                            if !languages.contains(&tag) {
                                languages.push(tag);
                            }
                        }
                        _ => self.fix(Field::Languages, Issue::WrongType),
                    }
                }
            }
            Some(_) => self.fix(Field::Languages, Issue::WrongType),
        }
        languages
    }

    fn read_contact(&mut self, value: &Option<Shape<'_, ContactFields<'_>>>) -> Contact {
        let contact = match value {
            None | Some(Shape::Null) => return Contact::default(),
            Some(Shape::Object(contact)) => contact,
            Some(_) => {
                self.fix(Field::Contact, Issue::WrongType);
                return Contact::default();
            }
        };
        let phone = self.optional_text(&contact.phone, Field::Phone);
        let email = self.optional_text(&contact.email, Field::Email);
        let website = self.optional_text(&contact.website, Field::Website);
        let website = match web_address(&website) {
            WebAddress::Empty => String::new(),
            WebAddress::Fine => website,
            WebAddress::SchemeAdded(fixed) => {
                self.fix(Field::Website, Issue::SchemeAdded);
                fixed
            }
            WebAddress::Unsupported => {
                self.fix(Field::Website, Issue::UnsupportedScheme);
                String::new()
            }
        };
        Contact {
            phone,
            email,
            website,
        }
    }

    fn read_checked(&mut self, value: &Option<Scalar<'_>>) -> Option<Date> {
        match value {
            None | Some(Scalar::Null) => None,
            Some(Scalar::Str(s)) if s.trim().is_empty() => None,
            Some(Scalar::Str(s)) => {
                let date = Date::parse(s);
                if date.is_none() {
                    self.fix(Field::Checked, Issue::BadDate);
                }
                date
            }
            Some(_) => {
                self.fix(Field::Checked, Issue::WrongType);
                None
            }
        }
    }

    /// A word other than the two known is read as "postcode": never claim a place is exact
    /// when the file doubts it.
    fn read_precision(&mut self, value: &Option<Scalar<'_>>) -> Precision {
        match value {
            None | Some(Scalar::Null) => Precision::Exact,
            Some(Scalar::Str(word)) => match normal_word(word).as_str() {
                "" | "exact" => Precision::Exact,
                "postcode" => Precision::Postcode,
                _ => {
                    self.fix(Field::Precision, Issue::UnknownWord(word.to_string()));
                    Precision::Postcode
                }
            },
            Some(_) => {
                self.fix(Field::Precision, Issue::WrongType);
                Precision::Postcode
            }
        }
    }

    fn read_status(&mut self, value: &Option<Scalar<'_>>) -> Status {
        match value {
            None | Some(Scalar::Null) => Status::Active,
            Some(Scalar::Str(word)) => match normal_word(word).as_str() {
                "" | "active" => Status::Active,
                "inactive" => Status::Inactive,
                "defunct" => Status::Defunct,
                // Could be "closed", "suspended"...: never suggest what may not be running.
                _ => {
                    self.fix(Field::Status, Issue::UnknownWord(word.to_string()));
                    Status::Inactive
                }
            },
            Some(_) => {
                self.fix(Field::Status, Issue::WrongType);
                Status::Inactive
            }
        }
    }
}

/// A word as our closed lists spell it: trimmed, lower case, spaces and dashes as `_`.
fn normal_word(word: &str) -> String {
    word.trim()
        .chars()
        .map(|c| match c {
            ' ' | '-' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// A day from our word ("mon") or a full English day name ("Monday").
fn parse_day(word: &str) -> Option<Weekday> {
    let word = normal_word(word);
    if let Some(day) = Weekday::parse(&word) {
        return Some(day);
    }
    Weekday::ALL
        .iter()
        .copied()
        .find(|day| word.len() > 3 && word.starts_with(day.as_str()) && word.ends_with("day"))
}

/// "9:30" or "09:30" (seconds allowed and dropped) as "09:30".
fn normal_clock(text: &str) -> Option<String> {
    let mut parts = text.trim().split(':');
    let hour: u8 = parts.next()?.parse().ok()?;
    let minute_text = parts.next()?;
    let minute: u8 = minute_text.parse().ok()?;
    if let Some(seconds) = parts.next() {
        let seconds: u8 = seconds.parse().ok()?;
        if seconds > 59 {
            return None;
        }
    }
    if parts.next().is_some() || minute_text.len() != 2 || hour > 23 || minute > 59 {
        return None;
    }
    Some(format!("{hour:02}:{minute:02}"))
}

/// The part of the day a clock time ("HH:MM") falls in: before noon, before 17:00, or later.
fn part_of_clock(clock: &str) -> Option<DayPart> {
    let hour: u8 = clock.get(..2)?.parse().ok()?;
    Some(match hour {
        0..=11 => DayPart::Morning,
        12..=16 => DayPart::Afternoon,
        _ => DayPart::Evening,
    })
}

enum WebAddress {
    Empty,
    Fine,
    SchemeAdded(String),
    Unsupported,
}

/// Checks a web address: http and https are kept, a missing scheme gets `https://`, and any
/// other scheme (`javascript:`, `ftp://`...) is refused, since the app makes it a link.
fn web_address(text: &str) -> WebAddress {
    if text.is_empty() {
        return WebAddress::Empty;
    }
    let lower = text.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        return WebAddress::Fine;
    }
    // "scheme:" where the scheme is letters (digits, +, -, . after the first) and what follows
    // is not a port number ("example.org:8080" has no scheme).
    if let Some((scheme, rest)) = lower.split_once(':') {
        let looks_like_scheme = scheme
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
            && !scheme.contains('.');
        let is_port = rest
            .split(['/', '?', '#'])
            .next()
            .is_some_and(|port| !port.is_empty() && port.chars().all(|c| c.is_ascii_digit()));
        if looks_like_scheme && !is_port {
            return WebAddress::Unsupported;
        }
    }
    let bare = text.trim_start_matches('/');
    WebAddress::SchemeAdded(format!("https://{bare}"))
}
