//! The directory check as it was first written, over a generic JSON value tree: kept only as
//! an oracle, so the tests can show the typed reader reports the same problems and keeps the
//! same entries for any file.
#![allow(dead_code)]

use std::collections::{BTreeSet, HashSet};

use genie_core::directory::{
    Contact, Cost, Date, Directory, EntryProblem, Field, Issue, Location, Precision, Reach,
    Resource, Session, Severity, Status, DIRECTORY_VERSION,
};
use genie_core::model::{AccessNeed, DayPart, SubCategory, Weekday};
use serde_json::{Map, Value};

/// Reads a directory file. Returns the entries that could be read (in file order) and every
/// problem found, in file order. Never panics; a refused file gives an empty directory and
/// at least one [`Severity::Rejected`] problem.
pub fn validate_tree(json: &str) -> (Directory, Vec<EntryProblem>) {
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
    let root: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(_) => {
            reject(&mut problems, Field::File, Issue::NotJson);
            return (empty, problems);
        }
    };
    let Some(root) = root.as_object() else {
        reject(&mut problems, Field::File, Issue::NotObject);
        return (empty, problems);
    };

    match root.get("version") {
        None | Some(Value::Null) => file_fixed(&mut problems, Field::Version, Issue::Missing),
        Some(value) => match value.as_u64() {
            Some(v) if v > u64::from(DIRECTORY_VERSION) => {
                reject(
                    &mut problems,
                    Field::Version,
                    Issue::NewerVersion { found: v },
                );
                return (empty, problems);
            }
            Some(v) if v >= 1 => {}
            _ => {
                reject(&mut problems, Field::Version, Issue::BadVersion);
                return (empty, problems);
            }
        },
    }

    let area = match root.get("area") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.trim().to_string(),
        Some(_) => {
            file_fixed(&mut problems, Field::Area, Issue::WrongType);
            String::new()
        }
    };

    let entries = match root.get("resources") {
        Some(Value::Array(entries)) => entries,
        None | Some(Value::Null) => {
            reject(&mut problems, Field::Resources, Issue::Missing);
            return (empty, problems);
        }
        Some(_) => {
            reject(&mut problems, Field::Resources, Issue::WrongType);
            return (empty, problems);
        }
    };

    let mut kept_ids: HashSet<String> = HashSet::with_capacity(entries.len());
    let mut resources = Vec::with_capacity(entries.len());
    for (index, value) in entries.iter().enumerate() {
        let mut entry = EntryReader {
            index,
            id: None,
            problems: &mut problems,
        };
        if let Some(resource) = entry.resource(value) {
            if kept_ids.contains(&resource.id) {
                entry.skip(Field::Id, Issue::DuplicateId);
            } else {
                kept_ids.insert(resource.id.clone());
                resources.push(resource);
            }
        }
    }

    (
        Directory {
            version: DIRECTORY_VERSION,
            area,
            resources,
        },
        problems,
    )
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

    fn resource(&mut self, value: &Value) -> Option<Resource> {
        self.try_resource(value).ok()
    }

    fn try_resource(&mut self, value: &Value) -> Result<Resource, Skip> {
        let Some(obj) = value.as_object() else {
            return Err(self.skip(Field::Entry, Issue::NotObject));
        };
        let id = self.read_id(obj)?;
        self.id = Some(id.clone());
        let name = self.required_text(obj, "name", Field::Name)?;
        let subcategories = self.read_subcategories(obj)?;
        let reach = self.read_reach(obj)?;
        let description = self.optional_text(obj, "description", Field::Description);
        let sessions = self.read_sessions(obj);
        let cost = self.read_cost(obj);
        let access = self.read_access(obj);
        let languages = self.read_languages(obj);
        let contact = self.read_contact(obj);
        let checked = self.read_checked(obj);
        let status = self.read_status(obj);
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

    fn read_id(&mut self, obj: &Map<String, Value>) -> Result<String, Skip> {
        match obj.get("id") {
            None | Some(Value::Null) => Err(self.skip(Field::Id, Issue::Missing)),
            Some(Value::String(s)) if s.trim().is_empty() => {
                Err(self.skip(Field::Id, Issue::Empty))
            }
            Some(Value::String(s)) => Ok(s.trim().to_string()),
            // Integer ids are common in exports; kept as text, and said so.
            Some(Value::Number(n)) if n.is_u64() || n.is_i64() => {
                let id = n.to_string();
                self.id = Some(id.clone());
                self.fix(Field::Id, Issue::WrongType);
                Ok(id)
            }
            Some(_) => Err(self.skip(Field::Id, Issue::WrongType)),
        }
    }

    fn required_text(
        &mut self,
        obj: &Map<String, Value>,
        key: &str,
        field: Field,
    ) -> Result<String, Skip> {
        match obj.get(key) {
            None | Some(Value::Null) => Err(self.skip(field, Issue::Missing)),
            Some(Value::String(s)) if s.trim().is_empty() => Err(self.skip(field, Issue::Empty)),
            Some(Value::String(s)) => Ok(s.trim().to_string()),
            Some(_) => Err(self.skip(field, Issue::WrongType)),
        }
    }

    fn optional_text(&mut self, obj: &Map<String, Value>, key: &str, field: Field) -> String {
        match obj.get(key) {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.trim().to_string(),
            Some(_) => {
                self.fix(field, Issue::WrongType);
                String::new()
            }
        }
    }

    fn read_subcategories(
        &mut self,
        obj: &Map<String, Value>,
    ) -> Result<BTreeSet<SubCategory>, Skip> {
        let field = Field::Subcategories;
        let items: Vec<&Value> = match obj.get("subcategories") {
            None | Some(Value::Null) => return Err(self.skip(field, Issue::Missing)),
            Some(Value::Array(items)) => items.iter().collect(),
            Some(one @ Value::String(_)) => vec![one],
            Some(_) => return Err(self.skip(field, Issue::WrongType)),
        };
        if items.is_empty() {
            return Err(self.skip(field, Issue::Empty));
        }
        let mut found = BTreeSet::new();
        for item in items {
            match item {
                Value::String(word) => match SubCategory::parse(&normal_word(word)) {
                    Some(sub) => {
                        found.insert(sub);
                    }
                    None => self.fix(field, Issue::UnknownWord(word.clone())),
                },
                _ => self.fix(field, Issue::WrongType),
            }
        }
        if found.is_empty() {
            return Err(self.skip(field, Issue::NoneKnown));
        }
        Ok(found)
    }

    fn read_reach(&mut self, obj: &Map<String, Value>) -> Result<Reach, Skip> {
        let reach = match obj.get("reach") {
            None | Some(Value::Null) => return Err(self.skip(Field::Reach, Issue::Missing)),
            Some(Value::String(word)) => {
                return match normal_word(word).as_str() {
                    "national" => Ok(Reach::National),
                    "online" => Ok(Reach::Online),
                    _ => Err(self.skip(Field::Reach, Issue::UnknownWord(word.clone()))),
                }
            }
            Some(Value::Object(reach)) => reach,
            Some(_) => return Err(self.skip(Field::Reach, Issue::WrongType)),
        };
        let kind = match reach.get("kind") {
            Some(Value::String(word)) => normal_word(word),
            // A reach with a location and no kind is plainly local.
            None | Some(Value::Null) if reach.contains_key("location") => "local".to_string(),
            None | Some(Value::Null) => return Err(self.skip(Field::Reach, Issue::Missing)),
            Some(_) => return Err(self.skip(Field::Reach, Issue::WrongType)),
        };
        match kind.as_str() {
            "national" => Ok(Reach::National),
            "online" => Ok(Reach::Online),
            "local" => {
                let location = match reach.get("location") {
                    None | Some(Value::Null) => {
                        return Err(self.skip(Field::Location, Issue::Missing))
                    }
                    Some(Value::Object(location)) => location,
                    Some(_) => return Err(self.skip(Field::Location, Issue::WrongType)),
                };
                let lat = self.coordinate(location, "lat", Field::Lat, 90.0)?;
                let lon = self.coordinate(location, "lon", Field::Lon, 180.0)?;
                if lat == 0.0 && lon == 0.0 {
                    return Err(self.skip(Field::Location, Issue::NullIsland));
                }
                let address = self.optional_text(location, "address", Field::Address);
                let postcode = self.optional_text(location, "postcode", Field::Postcode);
                let precision = self.read_precision(location);
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
                let word = match reach.get("kind") {
                    Some(Value::String(word)) => word.clone(),
                    _ => kind,
                };
                Err(self.skip(Field::Reach, Issue::UnknownWord(word)))
            }
        }
    }

    fn coordinate(
        &mut self,
        location: &Map<String, Value>,
        key: &str,
        field: Field,
        limit: f64,
    ) -> Result<f64, Skip> {
        let value = match location.get(key) {
            None | Some(Value::Null) => return Err(self.skip(field, Issue::Missing)),
            Some(Value::Number(n)) => n.as_f64().unwrap_or(f64::NAN),
            // Numbers written as text are common in exports: read them, and say so.
            Some(Value::String(s)) => match s.trim().parse::<f64>() {
                Ok(v) if v.is_finite() => {
                    self.fix(field, Issue::WrongType);
                    v
                }
                _ => return Err(self.skip(field, Issue::NotANumber)),
            },
            Some(_) => return Err(self.skip(field, Issue::WrongType)),
        };
        if !value.is_finite() {
            return Err(self.skip(field, Issue::NotANumber));
        }
        if value.abs() > limit {
            return Err(self.skip(field, Issue::OutOfRange));
        }
        Ok(value)
    }

    fn read_sessions(&mut self, obj: &Map<String, Value>) -> Vec<Session> {
        let items = match obj.get("sessions") {
            None | Some(Value::Null) => return Vec::new(),
            Some(Value::Array(items)) => items,
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
    fn read_session(&mut self, item: &Value) -> Option<Session> {
        let Some(session) = item.as_object() else {
            self.fix(Field::Sessions, Issue::NotObject);
            return None;
        };
        let starts = self.clock(session, "starts", Field::Starts);
        let ends = self.clock(session, "ends", Field::Ends);
        let day = match session.get("day") {
            Some(Value::String(word)) => match parse_day(word) {
                Some(day) => day,
                None => {
                    self.fix(Field::Day, Issue::UnknownWord(word.clone()));
                    return None;
                }
            },
            None | Some(Value::Null) => {
                self.fix(Field::Day, Issue::Missing);
                return None;
            }
            Some(_) => {
                self.fix(Field::Day, Issue::WrongType);
                return None;
            }
        };
        let part = match session.get("part") {
            Some(Value::String(word)) => match DayPart::parse(&normal_word(word)) {
                Some(part) => part,
                None => {
                    self.fix(Field::Part, Issue::UnknownWord(word.clone()));
                    return None;
                }
            },
            // No part, but a start time: the part follows from it.
            None | Some(Value::Null) => match starts.as_deref().and_then(part_of_clock) {
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

    fn clock(&mut self, session: &Map<String, Value>, key: &str, field: Field) -> Option<String> {
        match session.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.trim().is_empty() => None,
            Some(Value::String(s)) => match normal_clock(s) {
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

    fn read_cost(&mut self, obj: &Map<String, Value>) -> Cost {
        let cost = match obj.get("cost") {
            None | Some(Value::Null) => return Cost::Unknown,
            Some(Value::String(word)) => {
                return match normal_word(word).as_str() {
                    "free" => Cost::Free,
                    "unknown" | "" => Cost::Unknown,
                    _ => {
                        self.fix(Field::Cost, Issue::UnknownWord(word.clone()));
                        Cost::Unknown
                    }
                }
            }
            Some(Value::Object(cost)) => cost,
            Some(_) => {
                self.fix(Field::Cost, Issue::WrongType);
                return Cost::Unknown;
            }
        };
        let kind = match cost.get("kind") {
            Some(Value::String(word)) => word,
            None | Some(Value::Null) => {
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
            "paid" => match cost.get("minor_units") {
                Some(Value::Number(n)) => {
                    if let Some(v) = n.as_u64() {
                        Cost::Paid {
                            minor_units: u32::try_from(v).unwrap_or(u32::MAX),
                        }
                    } else if n.as_f64().is_some_and(|v| v < 0.0) {
                        self.fix(Field::Cost, Issue::Negative);
                        Cost::Unknown
                    } else {
                        // A fraction of a penny: round up, so "up to" limits stay honest.
                        match n.as_f64() {
                            Some(v) if v.is_finite() => Cost::Paid {
                                minor_units: v.ceil().min(f64::from(u32::MAX)) as u32,
                            },
                            _ => {
                                self.fix(Field::Cost, Issue::WrongType);
                                Cost::Unknown
                            }
                        }
                    }
                }
                None | Some(Value::Null) => {
                    self.fix(Field::Cost, Issue::Missing);
                    Cost::Unknown
                }
                Some(_) => {
                    self.fix(Field::Cost, Issue::WrongType);
                    Cost::Unknown
                }
            },
            _ => {
                self.fix(Field::Cost, Issue::UnknownWord(kind.clone()));
                Cost::Unknown
            }
        }
    }

    fn read_access(&mut self, obj: &Map<String, Value>) -> BTreeSet<AccessNeed> {
        let mut access = BTreeSet::new();
        match obj.get("access") {
            None | Some(Value::Null) => {}
            Some(Value::Array(items)) => {
                for item in items {
                    match item {
                        Value::String(word) => match AccessNeed::parse(&normal_word(word)) {
                            Some(need) => {
                                access.insert(need);
                            }
                            None => self.fix(Field::Access, Issue::UnknownWord(word.clone())),
                        },
                        _ => self.fix(Field::Access, Issue::WrongType),
                    }
                }
            }
            Some(_) => self.fix(Field::Access, Issue::WrongType),
        }
        access
    }

    fn read_languages(&mut self, obj: &Map<String, Value>) -> Vec<String> {
        let mut languages: Vec<String> = Vec::new();
        match obj.get("languages") {
            None | Some(Value::Null) => {}
            Some(Value::Array(items)) => {
                for item in items {
                    match item {
                        Value::String(tag) if tag.trim().is_empty() => {
                            self.fix(Field::Languages, Issue::Empty)
                        }
                        Value::String(tag) => {
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

    fn read_contact(&mut self, obj: &Map<String, Value>) -> Contact {
        let contact = match obj.get("contact") {
            None | Some(Value::Null) => return Contact::default(),
            Some(Value::Object(contact)) => contact,
            Some(_) => {
                self.fix(Field::Contact, Issue::WrongType);
                return Contact::default();
            }
        };
        let phone = self.optional_text(contact, "phone", Field::Phone);
        let email = self.optional_text(contact, "email", Field::Email);
        let website = self.optional_text(contact, "website", Field::Website);
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

    fn read_checked(&mut self, obj: &Map<String, Value>) -> Option<Date> {
        match obj.get("checked") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.trim().is_empty() => None,
            Some(Value::String(s)) => {
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

    fn read_precision(&mut self, obj: &Map<String, Value>) -> Precision {
        match obj.get("precision") {
            None | Some(Value::Null) => Precision::Exact,
            Some(Value::String(word)) => match normal_word(word).as_str() {
                "" | "exact" => Precision::Exact,
                "postcode" => Precision::Postcode,
                _ => {
                    self.fix(Field::Precision, Issue::UnknownWord(word.clone()));
                    Precision::Postcode
                }
            },
            Some(_) => {
                self.fix(Field::Precision, Issue::WrongType);
                Precision::Postcode
            }
        }
    }

    fn read_status(&mut self, obj: &Map<String, Value>) -> Status {
        match obj.get("status") {
            None | Some(Value::Null) => Status::Active,
            Some(Value::String(word)) => match normal_word(word).as_str() {
                "" | "active" => Status::Active,
                "inactive" => Status::Inactive,
                "defunct" => Status::Defunct,
                // Could be "closed", "suspended"...: never suggest what may not be running.
                _ => {
                    self.fix(Field::Status, Issue::UnknownWord(word.clone()));
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
