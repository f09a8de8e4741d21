//! From one HSDS service, however it was read (JSON or CSV, 3.0 or older), to our directory
//! entries. Both readers fill the plain [`SrcService`] record below with the text they found;
//! everything about turning that text into our types, and saying what was dropped, lives here
//! so the two formats behave the same.

use std::collections::{BTreeSet, HashSet};

use genie_core::directory::{
    Contact, Cost, Date, Directory, Location, Precision, Reach, Resource, Session, Status,
    DIRECTORY_VERSION,
};
use genie_core::model::{AccessNeed, DayPart, SubCategory, Weekday};

use crate::clean;
use crate::mapping::{is_target_population, words_of, Lookup, Mapping, Term};
use crate::report::{Entry, Report, ReviewRow};

/// A service as read from the source: text, not yet checked.
#[derive(Debug, Clone, Default)]
pub(crate) struct SrcService {
    pub id: String,
    pub name: String,
    pub description: String,
    pub status: String,
    pub url: String,
    pub email: String,
    /// Phone numbers, best first (service, then its places, contacts, organisation).
    pub phones: Vec<String>,
    pub org: Option<SrcOrg>,
    pub terms: Vec<Term>,
    /// Schedules of the service itself (all its places).
    pub schedules: Vec<SrcSchedule>,
    pub locations: Vec<SrcLocation>,
    pub costs: Vec<SrcCost>,
    /// Free-text fees (`fees_description`, `fees`).
    pub fees: Vec<String>,
    /// Language codes or names.
    pub languages: Vec<String>,
    pub assured_date: String,
    pub last_modified: String,
    /// Other dates that say when the record was last checked or changed, best first
    /// (`updated_at`, `metadata` last action dates), as (field, text).
    pub other_dates: Vec<(String, String)>,
    /// Structured (field, value) pairs that may say the service is online, by phone or
    /// national: attending types, service areas, a virtual location. Never free text.
    pub hints: Vec<(String, String)>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct SrcOrg {
    pub name: String,
    pub email: String,
    pub website: String,
    pub phones: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct SrcSchedule {
    pub id: String,
    /// RRULE-style days ("MO,TU", "1MO"), or day names.
    pub byday: String,
    /// HSDS 1.1/2.0 `weekday` (a name, an abbreviation, or 1-7 from Monday).
    pub weekday: String,
    pub freq: String,
    pub opens_at: String,
    pub closes_at: String,
    pub description: String,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct SrcLocation {
    pub id: String,
    pub name: String,
    pub location_type: String,
    pub lat: String,
    pub lon: String,
    pub address: String,
    pub postcode: String,
    /// Accessibility descriptions.
    pub access: Vec<String>,
    /// Schedules of the service at this place.
    pub schedules: Vec<SrcSchedule>,
    /// Opening hours of the place itself; used only when the service gives none.
    pub building_schedules: Vec<SrcSchedule>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct SrcCost {
    pub amount: String,
    pub currency: String,
    pub option: String,
    /// HSDS 3.0 / ORUK `free` flag, as text ("true").
    pub free: String,
}

/// Notes starting with this are guesses; the report lists them apart for checking.
const GUESS: &str = "guessed: ";

/// Collects resources from services, keeping ids unique and filling the report.
pub(crate) struct Builder<'a> {
    mapping: &'a Mapping,
    options: &'a crate::Options,
    ids: HashSet<String>,
    pub resources: Vec<Resource>,
    pub report: Report,
}

impl<'a> Builder<'a> {
    pub fn new(mapping: &'a Mapping, options: &'a crate::Options, source: &str) -> Builder<'a> {
        Builder {
            mapping,
            options,
            ids: HashSet::new(),
            resources: Vec::new(),
            report: Report {
                source: source.to_string(),
                ..Report::default()
            },
        }
    }

    pub fn finish(self, area: &str) -> (Directory, Report) {
        let mut report = self.report;
        report.imported = self.resources.len();
        let directory = Directory {
            version: DIRECTORY_VERSION,
            area: area.to_string(),
            resources: self.resources,
        };
        (directory, report)
    }

    /// Sub-categories from the commissioner's decision or the service's terms. `Err` says
    /// why there are none: outside Genie's categories (true) or needs review (false).
    fn file(
        &mut self,
        svc: &SrcService,
        name: &str,
        notes: &mut Vec<String>,
    ) -> Result<BTreeSet<SubCategory>, (bool, String)> {
        let id = svc.id.trim();
        if let Some(decided) = self.options.decisions.subcategories.get(id) {
            return if decided.is_empty() {
                Err((
                    true,
                    "your decisions file says it is not for Genie".to_string(),
                ))
            } else {
                notes.push(format!(
                    "filed under {} by your decisions file",
                    words(decided)
                ));
                Ok(decided.clone())
            };
        }
        let mut subcategories = BTreeSet::new();
        let mut unmapped = Vec::new();
        let mut outside = Vec::new();
        let mut audience = 0;
        for term in &svc.terms {
            if is_target_population(term) {
                audience += 1;
                continue;
            }
            match self.mapping.lookup(term) {
                Lookup::Mapped(set) => subcategories.extend(set),
                Lookup::Ignored => outside.push(term.label()),
                Lookup::Unmapped => {
                    let label = term.label();
                    *self.report.unmapped_terms.entry(label.clone()).or_insert(0) += 1;
                    unmapped.push(label);
                }
            }
        }
        self.report.audience_terms += audience;
        if !subcategories.is_empty() {
            return Ok(subcategories);
        }
        if self.options.guess_from_name {
            if let Lookup::Mapped(set) = self.mapping.keywords_in(name) {
                notes.push(format!(
                    "{GUESS}sub-categories from its name: {}",
                    words(&set)
                ));
                return Ok(set);
            }
        }
        if unmapped.is_empty() && !outside.is_empty() {
            return Err((
                true,
                format!("its terms are not Genie's: {}", outside.join("; ")),
            ));
        }
        let reason = if !unmapped.is_empty() {
            format!(
                "none of its taxonomy terms is in the mapping ({})",
                unmapped.join("; ")
            )
        } else if audience > 0 {
            "its only terms say who it is for, not what it is".to_string()
        } else {
            "it has no taxonomy terms".to_string()
        };
        Err((false, reason))
    }

    /// Puts a service in the review file. `filed` is where its terms already file it (when
    /// only its place is missing); otherwise a sub-category is suggested from its words.
    fn review(
        &mut self,
        svc: &SrcService,
        name: &str,
        reason: String,
        filed: Option<&BTreeSet<SubCategory>>,
    ) {
        let (suggested, confidence) = match filed {
            Some(set) => (Some(set.clone()), "high"),
            None => suggest(self.mapping, name, &svc.description),
        };
        let terms = svc
            .terms
            .iter()
            .map(Term::label)
            .collect::<Vec<_>>()
            .join("; ");
        self.report.review.push(ReviewRow {
            id: svc.id.trim().to_string(),
            name: name.to_string(),
            suggested: suggested.map(|s| words(&s)).unwrap_or_default(),
            confidence: confidence.to_string(),
            terms,
            reason,
        });
    }

    /// Converts one service into zero or more resources.
    pub fn add(&mut self, svc: SrcService) {
        self.report.services_read += 1;
        let id = svc.id.trim().to_string();
        let raw_name = clean::line(&svc.name);
        if id.is_empty() {
            let who = if raw_name.is_empty() {
                format!("service #{}", self.report.services_read)
            } else {
                format!("service \"{raw_name}\"")
            };
            self.report.skip(who, "it has no id");
            return;
        }
        if raw_name.is_empty() {
            self.report.skip(&id, "it has no name");
            return;
        }
        let mut notes: Vec<String> = Vec::new();
        let org_name = svc
            .org
            .as_ref()
            .map(|o| clean::line(&o.name))
            .unwrap_or_default();
        let name = full_name(&raw_name, &org_name);
        if name != raw_name {
            notes.push(format!(
                "{GUESS}name \"{raw_name}\" means little alone; shown as \"{name}\""
            ));
        }

        let subcategories = match self.file(&svc, &name, &mut notes) {
            Ok(set) => set,
            Err((true, reason)) => {
                self.report.outside.push(Entry {
                    record: id,
                    message: format!("{name}: {reason}"),
                });
                return;
            }
            Err((false, reason)) => {
                self.review(&svc, &name, reason, None);
                return;
            }
        };

        let status = status_of(&svc.status, &mut notes);
        let cost = cost_of(&svc.costs, &svc.fees, &mut notes);
        let languages = languages_of(&svc.languages, &mut notes);
        let contact = contact_of(&svc, &mut notes);
        let checked = checked_of(&svc, &mut notes);
        let service_sessions = sessions_of(&svc.schedules, &mut notes);

        // Places.
        let mut places: Vec<(Location, &SrcLocation)> = Vec::new();
        let mut why_no_place: Vec<String> = Vec::new();
        let mut virtual_place = false;
        for loc in &svc.locations {
            if loc.location_type.trim().eq_ignore_ascii_case("virtual") {
                virtual_place = true;
                continue;
            }
            match location_of(loc) {
                Ok(location) => places.push((location, loc)),
                Err(reason) => {
                    let label = if loc.id.is_empty() {
                        &loc.name
                    } else {
                        &loc.id
                    };
                    match self.at_postcode(loc) {
                        Some(location) => {
                            notes.push(format!(
                                "{GUESS}location {label}: {reason}; placed at the centre of postcode {} (approximate)",
                                location.postcode
                            ));
                            self.report.approximate += 1;
                            places.push((location, loc));
                        }
                        None => why_no_place.push(format!("location {label}: {reason}")),
                    }
                }
            }
        }

        let description = clean::paragraphs(&svc.description);
        let mut base = Resource {
            id: id.clone(),
            name: name.clone(),
            description,
            subcategories,
            reach: Reach::Online,
            sessions: service_sessions.clone(),
            cost,
            access: BTreeSet::new(),
            languages,
            contact,
            checked,
            status,
        };

        let mut made = Vec::new();
        if places.is_empty() {
            let reach = if let Some(decided) = self.options.decisions.reach.get(&id) {
                Some((decided.clone(), "your decisions file says so".to_string()))
            } else if virtual_place {
                Some((Reach::Online, "it has a virtual location".to_string()))
            } else {
                remote_reach(&svc.hints)
            };
            match reach {
                Some((reach, why)) => {
                    let what = match reach {
                        Reach::National => "national",
                        _ => "online or by phone",
                    };
                    notes.push(format!("imported as {what} ({why})"));
                    for reason in &why_no_place {
                        notes.push(format!("{reason}; left out"));
                    }
                    base.reach = reach;
                    // The service's times at places it could not be placed at still say when
                    // it runs.
                    for loc in &svc.locations {
                        for s in sessions_of(&loc.schedules, &mut notes) {
                            if !base.sessions.contains(&s) {
                                base.sessions.push(s);
                            }
                        }
                    }
                    made.push(base);
                }
                None => {
                    let detail = if why_no_place.is_empty() {
                        "no place: it has no location".to_string()
                    } else {
                        format!("no place: {}", why_no_place.join("; "))
                    };
                    let hint = if self.options.lookup.is_none()
                        && svc.locations.iter().any(|l| !l.postcode.trim().is_empty())
                    {
                        " (give --lookup to place it at its postcode)"
                    } else {
                        ""
                    };
                    let filed = base.subcategories.clone();
                    self.review(
                        &svc,
                        &name,
                        format!("{detail}{hint}, and no structured field says it is online, by phone or national"),
                        Some(&filed),
                    );
                    return;
                }
            }
        } else {
            for reason in &why_no_place {
                notes.push(format!("{reason}; left out"));
            }
            let several = places.len() > 1;
            for (n, (location, src)) in places.into_iter().enumerate() {
                let mut resource = base.clone();
                if n > 0 {
                    resource.id = format!("{id}@{}", src.id);
                }
                if several && !src.name.trim().is_empty() {
                    resource.name = format!("{name} ({})", clean::line(&src.name));
                }
                let mut sessions = service_sessions.clone();
                for s in sessions_of(&src.schedules, &mut notes) {
                    if !sessions.contains(&s) {
                        sessions.push(s);
                    }
                }
                if sessions.is_empty() && !src.building_schedules.is_empty() {
                    sessions = sessions_of(&src.building_schedules, &mut notes);
                    if !sessions.is_empty() {
                        notes.push(format!(
                            "times are the opening hours of {}",
                            if src.name.is_empty() {
                                &src.id
                            } else {
                                &src.name
                            }
                        ));
                    }
                }
                resource.sessions = sessions;
                resource.access = access_of(&src.access, &mut notes);
                resource.reach = Reach::Local { location };
                made.push(resource);
            }
        }

        notes.dedup();
        let mut any = false;
        for resource in made {
            if !self.ids.insert(resource.id.clone()) {
                self.report.skip(
                    &resource.id,
                    "another entry already has this id; only the first is kept",
                );
                continue;
            }
            any = true;
            self.resources.push(resource);
        }
        if any {
            self.report.services_imported += 1;
            for note in notes {
                match note.strip_prefix(GUESS) {
                    Some(guess) => self.report.guess(&id, guess),
                    None => self.report.note(&id, note),
                }
            }
        }
    }

    /// A place for a location without coordinates: the centre of its postcode (or ZIP) in the
    /// area's lookup.
    fn at_postcode(&self, loc: &SrcLocation) -> Option<Location> {
        let lookup = self.options.lookup.as_ref()?;
        let postcode = clean::line(&loc.postcode);
        if postcode.is_empty() {
            return None;
        }
        let at = crate::postal::candidates(&postcode)
            .iter()
            .find_map(|code| lookup.locate(code))?;
        Some(Location {
            lat: at.lat,
            lon: at.lon,
            address: clean::line(&loc.address),
            postcode: postcode.to_uppercase(),
            precision: Precision::Postcode,
        })
    }
}

/// A name that says little alone ("MIAMI", "Befriending", "Art Club") is shown with its
/// organisation's name; one the organisation's name already contains is shown as that name.
pub(crate) fn full_name(name: &str, org: &str) -> String {
    let org = org.trim();
    if org.is_empty() {
        return name.to_string();
    }
    let (n, o) = (name.to_lowercase(), org.to_lowercase());
    if n == o || n.contains(&o) {
        return name.to_string();
    }
    // One word ("MIAMI", "Pantry"), or two where one is a generic word ("Day Service",
    // "WOLFSON CAMPUS"): such names say little without whose they are.
    const GENERIC: &[&str] = &[
        "club",
        "group",
        "groups",
        "service",
        "services",
        "program",
        "programs",
        "programme",
        "campus",
        "session",
        "sessions",
        "centre",
        "center",
        "office",
        "branch",
        "project",
        "helpline",
        "hub",
        "site",
        "team",
        "scheme",
        "county",
        "north",
        "south",
        "east",
        "west",
        "opportunities",
        "activities",
        "classes",
        "support",
    ];
    let w = words_of(name);
    let says_little =
        w.len() == 1 || (w.len() == 2 && w.iter().any(|x| GENERIC.contains(&x.as_str())));
    if !says_little {
        return name.to_string();
    }
    if o.contains(&n) {
        return org.to_string();
    }
    format!("{org}: {name}")
}

/// A sub-category for a service with no usable term, from the mapping's words in its name
/// (medium confidence) or else its description (low), and how sure that is.
fn suggest(
    mapping: &Mapping,
    name: &str,
    description: &str,
) -> (Option<BTreeSet<SubCategory>>, &'static str) {
    if let Lookup::Mapped(set) = mapping.keywords_in(name) {
        return (Some(set), "medium");
    }
    let text = clean::line(description);
    if let Lookup::Mapped(set) = mapping.keywords_in(&text) {
        if set.len() <= 2 {
            return (Some(set), "low");
        }
    }
    (None, "none")
}

fn words(set: &BTreeSet<SubCategory>) -> String {
    set.iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Trims and collapses runs of white space.
pub(crate) fn clean_text(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Shortens a quoted text for the report.
fn quote(text: &str) -> String {
    let text = clean_text(text);
    let short: String = text.chars().take(60).collect();
    if short.len() < text.len() {
        format!("\"{short}...\"")
    } else {
        format!("\"{short}\"")
    }
}

fn status_of(text: &str, notes: &mut Vec<String>) -> Status {
    let t = text.trim().to_lowercase().replace(['_', '-'], " ");
    match t.as_str() {
        "active" => Status::Active,
        "inactive" | "temporarily closed" | "closed" | "suspended" | "paused" => Status::Inactive,
        "defunct" | "permanently closed" | "deleted" => Status::Defunct,
        "" => {
            notes.push("no status given; taken as active".to_string());
            Status::Active
        }
        _ => {
            notes.push(format!(
                "status {} not understood; taken as active",
                quote(text)
            ));
            Status::Active
        }
    }
}

/// Reads a money amount ("3.50", "£3.50", "3,50", "free") into minor units.
fn money(text: &str) -> Option<u32> {
    let t = text.trim().to_lowercase();
    if t == "free" || t == "0" {
        return Some(0);
    }
    let t: String = t
        .chars()
        .filter(|c| !matches!(c, '£' | '€' | '$' | ' '))
        .collect();
    let t = t
        .trim_start_matches("gbp")
        .trim_start_matches("eur")
        .trim_start_matches("usd");
    let t = if t.contains(',') && !t.contains('.') {
        t.replace(',', ".")
    } else {
        t.replace(',', "")
    };
    let value: f64 = t.parse().ok()?;
    if !value.is_finite() || !(0.0..=1_000_000.0).contains(&value) {
        return None;
    }
    Some((value * 100.0).round() as u32)
}

fn says_free(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    let w = words_of(&t);
    t == "free"
        || w.first().map(String::as_str) == Some("free")
        || t.contains("free of charge")
        || t.contains("no charge")
        || t.contains("no cost")
        || t.contains("is free")
        || t.contains("are free")
}

fn cost_of(costs: &[SrcCost], fees: &[String], notes: &mut Vec<String>) -> Cost {
    let mut amounts = Vec::new();
    let mut currencies = BTreeSet::new();
    for c in costs {
        if c.free.trim().eq_ignore_ascii_case("true") {
            amounts.push(0);
            continue;
        }
        if c.amount.trim().is_empty() {
            if says_free(&c.option) {
                amounts.push(0);
            }
            continue;
        }
        match money(&c.amount) {
            Some(v) => {
                amounts.push(v);
                if !c.currency.trim().is_empty() {
                    currencies.insert(c.currency.trim().to_uppercase());
                }
            }
            None => notes.push(format!(
                "cost {} is not an amount; left out",
                quote(&c.amount)
            )),
        }
    }
    if currencies.len() > 1 {
        notes.push(format!(
            "costs are in several currencies ({}); the highest number is used",
            currencies.into_iter().collect::<Vec<_>>().join(", ")
        ));
    }
    if let Some(&max) = amounts.iter().max() {
        if amounts.len() > 1 && amounts.iter().any(|&a| a != max) {
            notes.push("several prices given; the highest is used".to_string());
        }
        return if max == 0 {
            Cost::Free
        } else {
            Cost::Paid { minor_units: max }
        };
    }
    if fees.iter().any(|f| says_free(f)) {
        return Cost::Free;
    }
    Cost::Unknown
}

/// ISO 639 names and three-letter codes for the languages most often met in UK and European
/// directories; anything else that already looks like a language tag is kept as it is.
const LANGUAGE_NAMES: &[(&str, &str)] = &[
    ("english", "en"),
    ("welsh", "cy"),
    ("polish", "pl"),
    ("urdu", "ur"),
    ("punjabi", "pa"),
    ("bengali", "bn"),
    ("bangla", "bn"),
    ("sylheti", "syl"),
    ("gujarati", "gu"),
    ("hindi", "hi"),
    ("arabic", "ar"),
    ("somali", "so"),
    ("romanian", "ro"),
    ("portuguese", "pt"),
    ("spanish", "es"),
    ("french", "fr"),
    ("german", "de"),
    ("italian", "it"),
    ("dutch", "nl"),
    ("norwegian", "no"),
    ("bulgarian", "bg"),
    ("greek", "el"),
    ("turkish", "tr"),
    ("farsi", "fa"),
    ("persian", "fa"),
    ("kurdish", "ku"),
    ("tamil", "ta"),
    ("chinese", "zh"),
    ("mandarin", "zh"),
    ("cantonese", "yue"),
    ("lithuanian", "lt"),
    ("latvian", "lv"),
    ("russian", "ru"),
    ("ukrainian", "uk"),
    ("czech", "cs"),
    ("slovak", "sk"),
    ("hungarian", "hu"),
    ("tigrinya", "ti"),
    ("amharic", "am"),
    ("pashto", "ps"),
    ("dari", "prs"),
    ("nepali", "ne"),
    ("irish", "ga"),
    ("scottish gaelic", "gd"),
    ("gaelic", "gd"),
    ("british sign language", "bfi"),
    ("bsl", "bfi"),
    ("swahili", "sw"),
    ("creole", "ht"),
    ("haitian creole", "ht"),
    ("american sign language", "ase"),
    ("asl", "ase"),
    ("tagalog", "tl"),
    ("yoruba", "yo"),
    ("vietnamese", "vi"),
    ("japanese", "ja"),
    ("korean", "ko"),
];

const THREE_LETTER: &[(&str, &str)] = &[
    ("eng", "en"),
    ("cym", "cy"),
    ("wel", "cy"),
    ("pol", "pl"),
    ("urd", "ur"),
    ("pan", "pa"),
    ("ben", "bn"),
    ("guj", "gu"),
    ("hin", "hi"),
    ("ara", "ar"),
    ("som", "so"),
    ("ron", "ro"),
    ("rum", "ro"),
    ("por", "pt"),
    ("spa", "es"),
    ("fra", "fr"),
    ("fre", "fr"),
    ("deu", "de"),
    ("ger", "de"),
    ("ita", "it"),
    ("nld", "nl"),
    ("dut", "nl"),
    ("nor", "no"),
    ("bul", "bg"),
    ("ell", "el"),
    ("gre", "el"),
    ("tur", "tr"),
    ("fas", "fa"),
    ("per", "fa"),
    ("zho", "zh"),
    ("chi", "zh"),
    ("rus", "ru"),
    ("ukr", "uk"),
    ("lit", "lt"),
    ("tam", "ta"),
    ("kur", "ku"),
];

fn language_tag(text: &str) -> Option<String> {
    // "Creole (availability depends on the school)": the language is before the note.
    let t = text.split('(').next().unwrap_or(text).trim();
    let lower = t.to_lowercase();
    if let Some((_, code)) = LANGUAGE_NAMES.iter().find(|(n, _)| *n == lower) {
        return Some((*code).to_string());
    }
    let looks_like_tag = !t.is_empty()
        && t.len() <= 12
        && t.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && t.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    if !looks_like_tag {
        return None;
    }
    let tag = t.replace('_', "-");
    let primary = tag.split('-').next().unwrap_or("").to_lowercase();
    match primary.len() {
        2 => Some(tag_case(&tag)),
        3 => Some(
            THREE_LETTER
                .iter()
                .find(|(three, _)| *three == primary)
                .map(|(_, two)| (*two).to_string())
                .unwrap_or_else(|| tag_case(&tag)),
        ),
        _ => None,
    }
}

/// "EN-gb" → "en-GB".
fn tag_case(tag: &str) -> String {
    tag.split('-')
        .enumerate()
        .map(|(i, part)| {
            if i > 0 && part.len() == 2 {
                part.to_uppercase()
            } else {
                part.to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

fn languages_of(texts: &[String], notes: &mut Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for text in texts {
        if text.trim().is_empty() {
            continue;
        }
        match language_tag(text) {
            Some(tag) => {
                if !out.contains(&tag) {
                    out.push(tag);
                }
            }
            None => notes.push(format!("language {} not recognised; left out", quote(text))),
        }
    }
    out
}

/// Cleans a phone number: surrounding quotes and spaces go.
fn phone(text: &str) -> String {
    clean_text(text.trim().trim_matches(|c| c == '"' || c == '\''))
}

/// A web address with a scheme, or a reason it is not one.
pub(crate) fn website(text: &str) -> Result<(String, bool), String> {
    let t = text.trim();
    if t.is_empty() || t.contains(char::is_whitespace) || !t.contains('.') {
        return Err(format!("{} is not a web address", quote(t)));
    }
    let lower = t.to_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        return Ok((t.to_string(), false));
    }
    if t.contains("://") || t.contains('@') {
        return Err(format!("{} is not a web address", quote(t)));
    }
    let rest = t.trim_start_matches('/');
    Ok((format!("https://{rest}"), true))
}

fn contact_of(svc: &SrcService, notes: &mut Vec<String>) -> Contact {
    let org = svc.org.as_ref();
    let phones = svc
        .phones
        .iter()
        .chain(org.map(|o| o.phones.iter()).into_iter().flatten());
    let phone = phones
        .map(|p| phone(p))
        .find(|p| p.chars().filter(char::is_ascii_digit).count() >= 3)
        .unwrap_or_default();

    let mut email = String::new();
    for candidate in [svc.email.as_str(), org.map_or("", |o| o.email.as_str())] {
        let c = candidate.trim();
        let c = c.strip_prefix("mailto:").unwrap_or(c);
        if c.is_empty() {
            continue;
        }
        if c.contains('@') && !c.contains(char::is_whitespace) {
            email = c.to_string();
            break;
        }
        notes.push(format!("e-mail {} is not an address; left out", quote(c)));
    }

    let mut site = String::new();
    for candidate in [svc.url.as_str(), org.map_or("", |o| o.website.as_str())] {
        if candidate.trim().is_empty() {
            continue;
        }
        match website(candidate) {
            Ok((url, added)) => {
                if added {
                    notes.push(format!(
                        "web address {} had no https://; added",
                        quote(candidate)
                    ));
                }
                site = url;
                break;
            }
            Err(reason) => notes.push(format!("{reason}; left out")),
        }
    }
    Contact {
        phone,
        email,
        website: site,
    }
}

fn checked_of(svc: &SrcService, notes: &mut Vec<String>) -> Option<Date> {
    let fields = [
        ("assured_date".to_string(), svc.assured_date.clone()),
        ("last_modified".to_string(), svc.last_modified.clone()),
    ];
    for (field, text) in fields.iter().chain(&svc.other_dates) {
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        // "2024-03-01T10:30:45Z" and "2024-03-01 10:30": the date is what counts.
        let day = text
            .get(..10)
            .filter(|d| Date::parse(d).is_some())
            .unwrap_or(text);
        match Date::parse(day) {
            Some(date) => return Some(date),
            None => notes.push(format!("{field} {} is not a date; left out", quote(text))),
        }
    }
    None
}

fn location_of(loc: &SrcLocation) -> Result<Location, String> {
    let lat = loc.lat.trim();
    let lon = loc.lon.trim();
    if lat.is_empty() || lon.is_empty() {
        return Err("no coordinates".to_string());
    }
    let (Ok(la), Ok(lo)) = (lat.parse::<f64>(), lon.parse::<f64>()) else {
        return Err(format!(
            "coordinates {}, {} are not numbers",
            quote(lat),
            quote(lon)
        ));
    };
    if !la.is_finite()
        || !lo.is_finite()
        || !(-90.0..=90.0).contains(&la)
        || !(-180.0..=180.0).contains(&lo)
    {
        return Err(format!("coordinates {la}, {lo} are out of range"));
    }
    if la == 0.0 && lo == 0.0 {
        return Err("coordinates 0, 0 are a placeholder".to_string());
    }
    Ok(Location {
        lat: la,
        lon: lo,
        address: clean_text(&loc.address),
        postcode: clean_text(&loc.postcode).to_uppercase(),
        precision: Precision::Exact,
    })
}

/// Whether structured fields say the service is national or used from home, and which said
/// so. Only whole values of fields made for it count (an attending type "Online", a service
/// area "National"), never words in a description: "meet online at 8:30am" may be a park.
fn remote_reach(hints: &[(String, String)]) -> Option<(Reach, String)> {
    const NATIONAL: &[&str] = &[
        "national",
        "nationwide",
        "uk",
        "uk wide",
        "united kingdom",
        "great britain",
        "england",
        "scotland",
        "wales",
        "northern ireland",
        "england and wales",
        "united states",
        "usa",
    ];
    const REMOTE: &[&str] = &[
        "online",
        "virtual",
        "remote",
        "phone",
        "telephone",
        "by phone",
        "by telephone",
        "video",
        "webchat",
        "web chat",
        "helpline",
        "online or phone",
        "phone or online",
        "online and phone",
        "phone and online",
        "remotely",
        "video conferencing",
        "video call",
        "video calls",
    ];
    for (list, reach) in [(NATIONAL, Reach::National), (REMOTE, Reach::Online)] {
        for (field, text) in hints {
            let is_area = field.contains("area");
            if is_area != (reach == Reach::National) && field != "location_type" {
                continue;
            }
            let w = words_of(text);
            let value = w.join(" ");
            // An attending type is made to say how people attend, so a phrase in it counts
            // ("in person or remotely"); a service area must be the whole of one.
            let hit = list.contains(&value.as_str())
                || (field.contains("attending_type")
                    && list.iter().any(|phrase| {
                        let p = words_of(phrase);
                        !p.is_empty() && w.windows(p.len()).any(|win| win == p.as_slice())
                    }));
            if hit {
                return Some((reach.clone(), format!("{field} is \"{}\"", text.trim())));
            }
        }
    }
    None
}

fn access_of(texts: &[String], notes: &mut Vec<String>) -> BTreeSet<AccessNeed> {
    const SIGNS: &[(&str, AccessNeed)] = &[
        ("wheelchair", AccessNeed::Wheelchair),
        // US directories say "handicap accessible" (ADA) for wheelchair access.
        ("handicap accessible", AccessNeed::Wheelchair),
        ("handicapped accessible", AccessNeed::Wheelchair),
        ("ada accessible", AccessNeed::Wheelchair),
        ("step-free", AccessNeed::StepFree),
        ("step free", AccessNeed::StepFree),
        ("level access", AccessNeed::StepFree),
        ("ramp", AccessNeed::StepFree),
        ("no steps", AccessNeed::StepFree),
        ("no stairs", AccessNeed::StepFree),
        ("induction loop", AccessNeed::HearingLoop),
        ("hearing loop", AccessNeed::HearingLoop),
        ("loop system", AccessNeed::HearingLoop),
        ("t-coil", AccessNeed::HearingLoop),
        ("accessible toilet", AccessNeed::AccessibleToilet),
        ("disabled toilet", AccessNeed::AccessibleToilet),
        ("accessible wc", AccessNeed::AccessibleToilet),
        ("disabled wc", AccessNeed::AccessibleToilet),
        ("accessible loo", AccessNeed::AccessibleToilet),
        ("changing places", AccessNeed::AccessibleToilet),
        ("seating", AccessNeed::Seating),
        ("seats", AccessNeed::Seating),
        ("places to sit", AccessNeed::Seating),
        ("benches", AccessNeed::Seating),
        ("chairs available", AccessNeed::Seating),
    ];
    const NEGATIONS: &[&str] = &[
        "no ",
        "not ",
        "n't",
        "without",
        "unfortunately",
        "limited",
        "cannot",
        "unable",
    ];
    let mut out = BTreeSet::new();
    for text in texts {
        let mut understood = false;
        let lower = text.to_lowercase();
        for sentence in lower.split(['.', ';', '\n', '!']) {
            let sentence = sentence.trim();
            if sentence.is_empty() {
                continue;
            }
            let found: Vec<(&str, AccessNeed)> = SIGNS
                .iter()
                .filter(|(sign, _)| sentence.contains(sign))
                .copied()
                .collect();
            if found.is_empty() {
                continue;
            }
            let positive_no = found.iter().all(|(sign, _)| sign.starts_with("no "));
            let negated = !positive_no
                && NEGATIONS.iter().any(|n| sentence.contains(n))
                && !sentence.contains("no steps")
                && !sentence.contains("no stairs");
            understood = true;
            if negated {
                notes.push(format!(
                    "accessibility {} may say what is not available; not used",
                    quote(sentence)
                ));
                continue;
            }
            out.extend(found.into_iter().map(|(_, need)| need));
        }
        if !understood && !text.trim().is_empty() {
            notes.push(format!(
                "accessibility {} not understood; not used",
                quote(text)
            ));
        }
    }
    out
}

/// A clock time from "10:00", "10:00:00", "9.30", "10am", "2:30 pm", "1400", "10:00:00Z".
pub(crate) fn clock(text: &str) -> Option<(u8, u8)> {
    let mut t = text.trim().to_lowercase().replace(' ', "");
    // A date and time ("2000-01-01T08:00:00.000Z", as Ohana-based APIs write times): the
    // time is what counts.
    if let Some((date, time)) = t.split_once('t') {
        if date.len() >= 8 && date.chars().all(|c| c.is_ascii_digit() || c == '-') {
            // Fractions of a second go, keeping a zone suffix: "08:00:00.000z" → "08:00:00z".
            t = match time.split_once('.') {
                Some((hms, rest)) => {
                    let zone: String = rest.chars().skip_while(char::is_ascii_digit).collect();
                    format!("{hms}{zone}")
                }
                None => time.to_string(),
            };
        }
    }
    // Drop a time-zone suffix: "Z", "+01:00", "-05:00".
    if let Some(stripped) = t.strip_suffix('z') {
        t = stripped.to_string();
    }
    if let Some(pos) = t.get(1..).and_then(|rest| rest.find(['+', '-'])) {
        t.truncate(pos + 1);
    }
    let (t, pm, am) = if let Some(x) = t.strip_suffix("pm") {
        (x.to_string(), true, false)
    } else if let Some(x) = t.strip_suffix("am") {
        (x.to_string(), false, true)
    } else {
        (t, false, false)
    };
    let parts: Vec<&str> = t.split([':', '.']).collect();
    let (h, m): (u32, u32) = match parts.as_slice() {
        [h] if h.len() == 4 && !am && !pm => (h.get(..2)?.parse().ok()?, h.get(2..)?.parse().ok()?),
        [h] if !h.is_empty() && h.len() <= 2 => (h.parse().ok()?, 0),
        [h, m] | [h, m, _] if !h.is_empty() && h.len() <= 2 && m.len() == 2 => {
            (h.parse().ok()?, m.parse().ok()?)
        }
        _ => return None,
    };
    if let [_, _, s] = parts.as_slice() {
        // Seconds (possibly with fractions) must still be a number.
        s.parse::<f64>().ok()?;
    }
    let h = match (am, pm) {
        (true, _) if h == 12 => 0,
        (_, true) if h < 12 => h + 12,
        (true, _) | (_, true) if h > 12 => return None,
        _ => h,
    };
    if h > 24 || m > 59 || (h == 24 && m > 0) {
        return None;
    }
    if !am && !pm && parts.len() == 1 && t.len() <= 2 {
        // A bare "10" is too vague to be sure of.
        return None;
    }
    Some((h as u8, m as u8))
}

fn day_of(token: &str) -> Option<Weekday> {
    // "1MO", "-1FR", "+2TU": an ordinal before the day.
    let t = token
        .trim()
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '+' || c == '-')
        .to_lowercase();
    let day = match t.as_str() {
        "mo" | "mon" | "monday" | "mondays" => Weekday::Monday,
        "tu" | "tue" | "tues" | "tuesday" | "tuesdays" => Weekday::Tuesday,
        "we" | "wed" | "wednesday" | "wednesdays" => Weekday::Wednesday,
        "th" | "thu" | "thur" | "thurs" | "thursday" | "thursdays" => Weekday::Thursday,
        "fr" | "fri" | "friday" | "fridays" => Weekday::Friday,
        "sa" | "sat" | "saturday" | "saturdays" => Weekday::Saturday,
        "su" | "sun" | "sunday" | "sundays" => Weekday::Sunday,
        _ => return None,
    };
    Some(day)
}

fn days_of(schedule: &SrcSchedule) -> Result<Vec<Weekday>, String> {
    let mut days = Vec::new();
    let byday = schedule.byday.trim();
    if !byday.is_empty() {
        for token in byday
            .split([',', ' ', ';'])
            .filter(|t| !t.trim().is_empty())
        {
            match day_of(token) {
                Some(d) => {
                    if !days.contains(&d) {
                        days.push(d);
                    }
                }
                None => return Err(format!("day {} not understood", quote(token))),
            }
        }
        return Ok(days);
    }
    let weekday = schedule.weekday.trim();
    if !weekday.is_empty() {
        // HSDS 1.1/2.0 `weekday`: a day name, or a number (1 = Monday ... 7 = Sunday).
        let day = match weekday.parse::<u8>() {
            Ok(n @ 1..=7) => Weekday::ALL.get(usize::from(n - 1)).copied(),
            Ok(_) => None,
            Err(_) => day_of(weekday),
        };
        return day
            .map(|d| vec![d])
            .ok_or_else(|| format!("weekday {} not understood", quote(weekday)));
    }
    if schedule.freq.trim().eq_ignore_ascii_case("daily") {
        return Ok(Weekday::ALL.to_vec());
    }
    Err("no day given".to_string())
}

fn part_of(minute: u16) -> DayPart {
    if minute < 12 * 60 {
        DayPart::Morning
    } else if minute < 17 * 60 {
        DayPart::Afternoon
    } else {
        DayPart::Evening
    }
}

/// Every part of the day a session from `start` to `end` (minutes after midnight) runs in: a
/// session from 9:00 to 17:00 is there in the morning and the afternoon.
fn parts_between(start: u16, end: Option<u16>) -> Vec<DayPart> {
    let first = part_of(start);
    let Some(end) = end.filter(|&e| e > start) else {
        return vec![first];
    };
    // The last minute it runs, not the minute it ends: 12:00 closing is still morning only.
    let last = part_of(end - 1);
    [DayPart::Morning, DayPart::Afternoon, DayPart::Evening]
        .into_iter()
        .filter(|p| *p >= first && *p <= last)
        .collect()
}

fn sessions_of(schedules: &[SrcSchedule], notes: &mut Vec<String>) -> Vec<Session> {
    let mut out: Vec<Session> = Vec::new();
    for schedule in schedules {
        let name = if schedule.id.is_empty() {
            "a schedule".to_string()
        } else {
            format!("schedule {}", schedule.id)
        };
        let has_rule = !schedule.byday.trim().is_empty()
            || !schedule.weekday.trim().is_empty()
            || !schedule.opens_at.trim().is_empty();
        if !has_rule {
            if !schedule.description.trim().is_empty() {
                notes.push(format!(
                    "{name}: only free text ({}); left out",
                    quote(&schedule.description)
                ));
            }
            continue;
        }
        let days = match days_of(schedule) {
            Ok(days) => days,
            Err(reason) => {
                notes.push(format!("{name}: {reason}; left out"));
                continue;
            }
        };
        let Some((h, m)) = clock(&schedule.opens_at) else {
            let what = if schedule.opens_at.trim().is_empty() {
                "no opening time".to_string()
            } else {
                format!("opening time {} is not a time", quote(&schedule.opens_at))
            };
            notes.push(format!("{name}: {what}; left out"));
            continue;
        };
        let closes = if schedule.closes_at.trim().is_empty() {
            None
        } else {
            match clock(&schedule.closes_at) {
                Some(end) => Some(end),
                None => {
                    notes.push(format!(
                        "{name}: closing time {} is not a time; left out",
                        quote(&schedule.closes_at)
                    ));
                    None
                }
            }
        };
        let start = u16::from(h) * 60 + u16::from(m);
        let mut end = closes.map(|(ch, cm)| u16::from(ch) * 60 + u16::from(cm));
        // 00:00 to 00:00 (or no closing time after midnight) is how many exports say "times
        // not known"; 00:00 to 23:59 or 24:00 says "all day".
        let all_day = start == 0 && matches!(end, Some(e) if e >= 23 * 60 + 59);
        if start == 0 && !all_day && matches!(end, None | Some(0)) {
            notes.push(format!(
                "{name}: 00:00 to 00:00 means the times are not known; left out"
            ));
            continue;
        }
        // "9:00am-5:00": a closing time without am/pm before the opening is in the afternoon.
        if let (Some(e), Some((ch, cm))) = (end, closes) {
            let written = schedule.closes_at.to_lowercase();
            if e <= start && ch < 12 && !written.contains("am") && !written.contains("pm") {
                let fixed = e + 12 * 60;
                notes.push(format!(
                    "{GUESS}{name}: closing time {} read as {:02}:{:02}",
                    quote(&schedule.closes_at),
                    ch + 12,
                    cm
                ));
                end = Some(fixed);
            }
        }
        let ends = end.map(|e| format!("{:02}:{:02}", e / 60, e % 60));
        let parts = if all_day {
            vec![DayPart::Morning, DayPart::Afternoon, DayPart::Evening]
        } else {
            parts_between(start, end)
        };
        for day in days {
            for part in &parts {
                let session = Session {
                    day,
                    part: *part,
                    starts: Some(format!("{h:02}:{m:02}")),
                    ends: ends.clone(),
                };
                if !out.contains(&session) {
                    out.push(session);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_reads_common_forms_and_refuses_free_text() {
        assert_eq!(clock("10:00:00"), Some((10, 0)));
        assert_eq!(clock("9.30"), Some((9, 30)));
        assert_eq!(clock("2:30 pm"), Some((14, 30)));
        assert_eq!(clock("12pm"), Some((12, 0)));
        assert_eq!(clock("12am"), Some((0, 0)));
        assert_eq!(clock("1400"), Some((14, 0)));
        assert_eq!(clock("10:00:00Z"), Some((10, 0)));
        assert_eq!(clock("18:30:00+01:00"), Some((18, 30)));
        assert_eq!(clock("2000-01-01T08:00:00.000Z"), Some((8, 0)));
        assert_eq!(clock("2000-01-01T12:30:00"), Some((12, 30)));
        assert_eq!(clock("mornings"), None);
        assert_eq!(clock("10"), None);
        assert_eq!(clock("25:00"), None);
        assert_eq!(clock("ten o'clock"), None);
        assert_eq!(clock("13pm"), None);
    }

    fn schedule(byday: &str, opens: &str, closes: &str) -> SrcSchedule {
        SrcSchedule {
            byday: byday.into(),
            opens_at: opens.into(),
            closes_at: closes.into(),
            ..SrcSchedule::default()
        }
    }

    #[test]
    fn times_are_read_the_way_a_person_would() {
        let parts = |opens: &str, closes: &str| {
            let mut notes = Vec::new();
            let s = sessions_of(&[schedule("MO", opens, closes)], &mut notes);
            (
                s.iter()
                    .map(|x| (x.part, x.ends.clone().unwrap_or_default()))
                    .collect::<Vec<_>>(),
                notes,
            )
        };
        use DayPart::{Afternoon as A, Evening as E, Morning as M};
        let table: &[(&str, &str, &[DayPart], &str, bool)] = &[
            // (opens, closes, parts, ends, guessed)
            ("9:00am", "5:00", &[M, A], "17:00", true),
            ("9:00am", "5:00pm", &[M, A], "17:00", false),
            ("10:00", "12:00", &[M], "12:00", false),
            ("10:00", "12:30", &[M, A], "12:30", false),
            ("18:00", "20:00", &[E], "20:00", false),
            ("1:50pm", "6:00pm", &[A, E], "18:00", false),
            ("00:00", "23:59", &[M, A, E], "23:59", false),
            ("14:00", "", &[A], "", false),
        ];
        for (opens, closes, want, ends, guessed) in table {
            let (got, notes) = parts(opens, closes);
            let got_parts: Vec<DayPart> = got.iter().map(|(p, _)| *p).collect();
            assert_eq!(got_parts, *want, "{opens}-{closes}");
            assert!(
                got.iter().all(|(_, e)| e == ends),
                "{opens}-{closes}: {got:?}"
            );
            assert_eq!(
                notes.iter().any(|n| n.starts_with(GUESS)),
                *guessed,
                "{opens}-{closes}: {notes:?}"
            );
        }
        // 00:00 to 00:00 is "times not known", never a midnight session.
        let (got, notes) = parts("00:00", "00:00");
        assert!(got.is_empty());
        assert!(notes[0].contains("times are not known"), "{notes:?}");
        let (got, _) = parts("12:00am", "12:00am");
        assert!(got.is_empty());
    }

    #[test]
    fn short_names_get_their_organisation() {
        let cases = [
            (
                "MIAMI",
                "BEST BUDDIES FLORIDA, INC.",
                "BEST BUDDIES FLORIDA, INC.: MIAMI",
            ),
            ("Pantry", "St Mark's Church", "St Mark's Church: Pantry"),
            ("Day Service", "Turnberrie's", "Turnberrie's: Day Service"),
            (
                "VOLUNTEER OPPORTUNITIES",
                "BEST BUDDIES FLORIDA, INC.",
                "BEST BUDDIES FLORIDA, INC.: VOLUNTEER OPPORTUNITIES",
            ),
            ("Bowls", "Scunthorpe Bowls Club", "Scunthorpe Bowls Club"),
            (
                "Community Counselling",
                "Example Org",
                "Community Counselling",
            ),
            (
                "Riverside Walking Group",
                "Ramblers",
                "Riverside Walking Group",
            ),
            ("MARATHON", "", "MARATHON"),
        ];
        for (name, org, want) in cases {
            assert_eq!(full_name(name, org), want, "{name} / {org}");
        }
    }

    #[test]
    fn only_structured_fields_say_online_or_national() {
        let hint = |f: &str, v: &str| vec![(f.to_string(), v.to_string())];
        assert_eq!(
            remote_reach(&hint("attending_type", "Online")).map(|r| r.0),
            Some(Reach::Online)
        );
        assert_eq!(
            remote_reach(&hint("schedule attending_type", "In person or remotely")).map(|r| r.0),
            Some(Reach::Online)
        );
        assert_eq!(
            remote_reach(&hint("service area service_area", "National")).map(|r| r.0),
            Some(Reach::National)
        );
        // A sentence in a service area names a place, it does not say "national".
        assert_eq!(
            remote_reach(&hint(
                "service area name",
                "All residents of the national park"
            )),
            None
        );
        assert_eq!(remote_reach(&hint("attending_type", "Venue")), None);
        assert_eq!(remote_reach(&hint("attending_type", "Home visit")), None);
    }

    #[test]
    fn money_and_free() {
        assert_eq!(money("3.50"), Some(350));
        assert_eq!(money("£2"), Some(200));
        assert_eq!(money("2,50"), Some(250));
        assert_eq!(money("about a fiver"), None);
        assert!(says_free("Free"));
        assert!(says_free("This group is free of charge"));
        assert!(!says_free("£3 a session"));
    }

    #[test]
    fn languages() {
        let mut notes = Vec::new();
        let got = languages_of(
            &[
                "ur".into(),
                "Polish".into(),
                "eng".into(),
                "en-gb".into(),
                "Klingon language".into(),
                "pl".into(),
            ],
            &mut notes,
        );
        assert_eq!(got, vec!["ur", "pl", "en", "en-GB"]);
        assert_eq!(notes.len(), 1, "{notes:?}");
    }

    #[test]
    fn access_words() {
        let mut notes = Vec::new();
        let got = access_of(
            &[
                "The building is equipped with induction loops for hearing aids. Wheelchair access is possible on all levels.".into(),
                "There is no wheelchair access. Plenty of seating".into(),
                "Nice views".into(),
            ],
            &mut notes,
        );
        assert_eq!(
            got,
            [
                AccessNeed::Wheelchair,
                AccessNeed::HearingLoop,
                AccessNeed::Seating
            ]
            .into_iter()
            .collect()
        );
        assert_eq!(notes.len(), 2, "{notes:?}");
    }

    #[test]
    fn websites() {
        assert_eq!(
            website("www.example.org/walks"),
            Ok(("https://www.example.org/walks".into(), true))
        );
        assert_eq!(
            website("http://example.com"),
            Ok(("http://example.com".into(), false))
        );
        assert!(website("see leaflet").is_err());
        assert!(website("info@example.org").is_err());
    }
}
