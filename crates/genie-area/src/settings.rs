//! `area.json`: the area's settings, read leniently and checked field by field.
//!
//! ```json
//! {
//!   "version": 1,
//!   "name": "Millbrook and district",        // required, at most 60 characters
//!   "short_name": "Millbrook",               // required, at most 12 characters
//!   "centre": { "lat": 52.6, "lon": -1.95 }, // required: the middle of the area
//!   "radius_km": 50,                         // optional: how far the area reaches (default 50)
//!   "help_text": "...",                      // optional, at most 600 characters
//!   "contact": "...",                        // optional, at most 300 characters
//!   "feedback_email": "...",                 // optional: where people may send notes on entries
//!   "directory": "tiles",                    // optional: the directory is in tiles/ (genie-area tiles)
//!   "languages": ["en"],                     // required: languages Genie is offered in
//!   "logo": "logo.png",                      // optional: a file in the area folder
//!   "theme": {                               // optional colours, each "#rrggbb" or "#rgb"
//!     "accent": "#1d4e89", "accent_text": "#ffffff",
//!     "background": "#ffffff", "text": "#1a1a1a"
//!   },
//!   "supporter_hours": 24                    // optional: a supporter session's longest life
//! }
//! ```

use std::path::{Component, Path};

use genie_core::area::LatLon;
use serde_json::{Map, Value};

use crate::contrast::{contrast_ratio, Rgb, AA_NORMAL_TEXT};
use crate::{Finding, SETTINGS_FILE};

/// The settings format version this checker reads.
pub const SETTINGS_VERSION: u64 = 1;

/// Length limits, in characters, with why.
/// The full name heads the welcome page and the installed app's title.
pub const NAME_MAX: usize = 60;
/// The short name sits under the app's icon on a phone's home screen, which cuts longer names.
pub const SHORT_NAME_MAX: usize = 12;
/// The help text should read in well under a minute on a phone.
pub const HELP_TEXT_MAX: usize = 600;
/// A phone number, opening hours and an e-mail address fit in this.
pub const CONTACT_MAX: usize = 300;
/// The longest example postcode or place name (shown beside the place question).
pub const EXAMPLE_MAX: usize = 40;

/// How far from the centre the area reaches when `radius_km` is not given. 50 km takes in a
/// city or most counties, and still catches the usual slips in coordinates: a lost minus sign
/// on a longitude moves a UK place hundreds of kilometres, a wrong first decimal 11 km or more
/// per step, swapped latitude and longitude thousands.
pub const DEFAULT_RADIUS_KM: f64 = 50.0;
/// The largest `radius_km` accepted.
pub const RADIUS_MAX_KM: f64 = 500.0;

/// The languages Genie's screens are translated into (the files in `locales/`, listed by
/// build.rs).
pub const APP_LANGUAGES: &[&str] = include!(concat!(env!("OUT_DIR"), "/languages.rs"));

/// Logo files the app can show, and the largest size accepted (it is downloaded on every
/// first visit and kept for offline use).
pub const LOGO_TYPES: &[&str] = &["svg", "png", "webp", "jpg", "jpeg"];
pub const LOGO_MAX_BYTES: u64 = 100 * 1024;

// The app's own colours, used for whichever half of a pair a theme leaves out.
use genie_core::area::DEFAULT_THEME as THEME_DEFAULTS;

/// What the rest of the check needs from the settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub name: String,
    pub centre: LatLon,
    pub radius_km: f64,
}

const KNOWN_KEYS: &[&str] = &[
    "version",
    "name",
    "short_name",
    "centre",
    "radius_km",
    "help_text",
    "contact",
    "feedback_email",
    "postcode_example",
    "place_example",
    "directory",
    "languages",
    "texts",
    "currency",
    "logo",
    "theme",
    "supporter_hours",
];

/// Checks the text of `area.json` (with `folder` to find the logo). Returns what the rest of
/// the check needs when the centre is usable, and every problem found.
pub fn check(json: &str, folder: &Path) -> (Option<Settings>, Vec<Finding>) {
    let mut out = Vec::new();
    let mut problem = |code: &'static str, message: String| {
        out.push(Finding::new(SETTINGS_FILE, code, message));
    };

    let root: Value = match serde_json::from_str(json.trim_start_matches('\u{feff}')) {
        Ok(value) => value,
        Err(error) => {
            problem(
                "not_json",
                format!(
                    "The file is not valid JSON (line {}, column {}). Look for a missing comma, \
                     quote mark or bracket there.",
                    error.line(),
                    error.column()
                ),
            );
            return (None, out);
        }
    };
    let Some(root) = root.as_object() else {
        problem(
            "not_object",
            "The file must hold one set of settings between { and }.".into(),
        );
        return (None, out);
    };

    for key in root.keys() {
        if !KNOWN_KEYS.contains(&key.as_str()) {
            problem(
                "unknown_setting",
                format!(
                    "Genie does not know the setting \"{key}\". Check its spelling; the \
                     settings are: {}.",
                    KNOWN_KEYS.join(", ")
                ),
            );
        }
    }

    match root.get("version").map(Value::as_u64) {
        None => problem(
            "version_missing",
            format!("\"version\" is missing. Add \"version\": {SETTINGS_VERSION}."),
        ),
        Some(Some(SETTINGS_VERSION)) => {}
        Some(Some(found)) if found > SETTINGS_VERSION => problem(
            "version_newer",
            format!(
                "\"version\" is {found}, but this checker knows version {SETTINGS_VERSION}. \
                 Use the checker that came with your copy of Genie."
            ),
        ),
        Some(_) => problem(
            "version_bad",
            format!("\"version\" must be the number {SETTINGS_VERSION}."),
        ),
    }

    let name = text_field(root, "name", true, NAME_MAX, &mut problem, |n| {
        format!("it heads the welcome page and is the installed app's title; {n}")
    });
    text_field(
        root,
        "short_name",
        true,
        SHORT_NAME_MAX,
        &mut problem,
        |n| format!("it appears under the app's icon on a phone, which cuts longer names; {n}"),
    );
    text_field(root, "help_text", false, HELP_TEXT_MAX, &mut problem, |n| {
        format!("people read it on a small screen; {n}")
    });
    text_field(root, "contact", false, CONTACT_MAX, &mut problem, |n| {
        format!("a phone number, opening hours and an e-mail address fit easily; {n}")
    });
    for key in ["postcode_example", "place_example"] {
        text_field(root, key, false, EXAMPLE_MAX, &mut problem, |n| {
            format!("it is one postcode or one place name; {n}")
        });
    }

    if let Some(value) = root.get("feedback_email") {
        check_feedback_email(value, &mut problem);
    }
    if let Some(value) = root.get("directory") {
        if !matches!(value.as_str(), Some("tiles" | "file")) {
            problem(
                "directory_form",
                "\"directory\" must be \"tiles\" (the directory is in the tiles folder, written \
                 by genie-area tiles) or \"file\" (one directory.json, the default)."
                    .into(),
            );
        }
    }
    let centre = check_centre(root.get("centre"), &mut problem);
    let radius_km = check_radius(root.get("radius_km"), &mut problem);
    check_languages(root.get("languages"), &mut problem);
    check_texts(root, &mut problem);
    if let Some(currency) = root.get("currency") {
        let code = currency.as_str().unwrap_or("");
        if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
            problem(
                "currency_bad",
                "\"currency\" must be the three capital letters of a currency code, such as \
                 \"GBP\" or \"EUR\". Leave it out for pounds (GBP)."
                    .into(),
            );
        }
    }
    if let Some(logo) = root.get("logo") {
        check_logo(logo, folder, &mut problem);
    }
    if let Some(theme) = root.get("theme") {
        check_theme(theme, &mut problem);
    }
    if let Some(hours) = root.get("supporter_hours") {
        check_supporter_hours(hours, &mut problem);
    }

    let settings = centre.map(|centre| Settings {
        name: name.unwrap_or_default(),
        centre,
        radius_km,
    });
    (settings, out)
}

/// A text setting: present when `required`, text, not blank, at most `max` characters.
fn text_field(
    root: &Map<String, Value>,
    key: &'static str,
    required: bool,
    max: usize,
    problem: &mut impl FnMut(&'static str, String),
    why: impl Fn(String) -> String,
) -> Option<String> {
    let value = match root.get(key) {
        None | Some(Value::Null) => {
            if required {
                problem(
                    code(key, "missing"),
                    format!("\"{key}\" is missing. {}", what_it_is(key)),
                );
            }
            return None;
        }
        Some(value) => value,
    };
    let Some(text) = value.as_str() else {
        problem(
            code(key, "not_text"),
            format!("\"{key}\" must be text in quote marks."),
        );
        return None;
    };
    if text.trim().is_empty() {
        problem(
            code(key, "empty"),
            format!("\"{key}\" is empty. {}", what_it_is(key)),
        );
        return None;
    }
    let length = text.chars().count();
    if length > max {
        problem(
            code(key, "too_long"),
            format!(
                "\"{key}\" is {length} characters long; it can be at most {max}: {}.",
                why(format!("please shorten it by {}", length - max))
            ),
        );
    }
    Some(text.to_string())
}

fn what_it_is(key: &str) -> &'static str {
    match key {
        "name" => {
            "Give the area's name as people there say it, such as \"Millbrook and district\"."
        }
        "short_name" => "Give a short name for under the app's icon, such as \"Millbrook\".",
        "help_text" => "Leave it out, or write a few sentences to help people start.",
        "postcode_example" | "place_example" => {
            "Leave it out, or give a postcode or neighbourhood from lookup.json that people \
             can type, such as \"MB1 1ED\" or \"Riverside\"."
        }
        _ => "Leave it out, or give a phone number or e-mail address people can use for help.",
    }
}

/// Stable codes per field and fault (static strings, so tests and scripts can match them).
fn code(key: &str, fault: &str) -> &'static str {
    match (key, fault) {
        ("name", "missing") => "name_missing",
        ("name", "not_text") => "name_not_text",
        ("name", "empty") => "name_empty",
        ("name", _) => "name_too_long",
        ("short_name", "missing") => "short_name_missing",
        ("short_name", "not_text") => "short_name_not_text",
        ("short_name", "empty") => "short_name_empty",
        ("short_name", _) => "short_name_too_long",
        ("help_text", "not_text") => "help_text_not_text",
        ("help_text", "empty") => "help_text_empty",
        ("help_text", _) => "help_text_too_long",
        ("postcode_example" | "place_example", "not_text") => "example_not_text",
        ("postcode_example" | "place_example", "empty") => "example_empty",
        ("postcode_example" | "place_example", _) => "example_too_long",
        ("contact", "not_text") => "contact_not_text",
        ("contact", "empty") => "contact_empty",
        _ => "contact_too_long",
    }
}

/// A whole number of hours the app accepts as it is (it would otherwise use the nearest).
fn check_supporter_hours(value: &Value, problem: &mut impl FnMut(&'static str, String)) {
    use genie_core::handover::MAX_SUPPORTER_HOURS;
    let usable = value
        .as_u64()
        .is_some_and(|h| (1..=u64::from(MAX_SUPPORTER_HOURS)).contains(&h));
    if !usable {
        problem(
            "supporter_hours_bad",
            format!(
                "\"supporter_hours\" ({value}) must be a whole number of hours from 1 to \
                 {MAX_SUPPORTER_HOURS}: how long a supporter session may stay open on a \
                 supporter's device before Genie erases it. Leave it out for 24."
            ),
        );
    }
}

/// Something@something.something, with nothing that would break an e-mail link.
fn check_feedback_email(value: &Value, problem: &mut impl FnMut(&'static str, String)) {
    let address = value.as_str().map(str::trim).unwrap_or("");
    let plausible = address.split_once('@').is_some_and(|(user, host)| {
        !user.is_empty()
            && host.contains('.')
            && !host.starts_with('.')
            && !host.ends_with('.')
            && !host.contains('@')
    }) && !address.contains(char::is_whitespace)
        && !address.contains(['?', '&', '<', '>', '"']);
    if !plausible {
        problem(
            "feedback_email_bad",
            format!(
                "\"feedback_email\" (\"{address}\") does not look like an e-mail address, so \
                 Genie will not offer it. Write it like name@example.org, or leave it out."
            ),
        );
    }
}

fn check_centre(
    value: Option<&Value>,
    problem: &mut impl FnMut(&'static str, String),
) -> Option<LatLon> {
    let Some(value) = value else {
        problem(
            "centre_missing",
            "\"centre\" is missing. Give the middle of your area, such as \
             \"centre\": { \"lat\": 52.6, \"lon\": -1.95 }."
                .into(),
        );
        return None;
    };
    let lat = value.get("lat").and_then(Value::as_f64);
    let lon = value.get("lon").and_then(Value::as_f64);
    let (Some(lat), Some(lon)) = (lat, lon) else {
        problem(
            "centre_bad",
            "\"centre\" needs a \"lat\" (latitude) and a \"lon\" (longitude), both numbers \
             without quote marks."
                .into(),
        );
        return None;
    };
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        problem(
            "centre_out_of_range",
            format!(
                "\"centre\" is not a place on Earth (lat {lat}, lon {lon}): latitude goes from \
                 -90 to 90 and longitude from -180 to 180. Check they are not swapped."
            ),
        );
        return None;
    }
    if lat == 0.0 && lon == 0.0 {
        problem(
            "centre_zero",
            "\"centre\" is at latitude 0, longitude 0 (in the sea off Africa): the real \
             coordinates are probably missing."
                .into(),
        );
        return None;
    }
    Some(LatLon { lat, lon })
}

fn check_radius(value: Option<&Value>, problem: &mut impl FnMut(&'static str, String)) -> f64 {
    let Some(value) = value else {
        return DEFAULT_RADIUS_KM;
    };
    match value.as_f64() {
        Some(km) if km > 0.0 && km <= RADIUS_MAX_KM => km,
        _ => {
            problem(
                "radius_bad",
                format!(
                    "\"radius_km\" must be a number of kilometres above 0 and at most \
                     {RADIUS_MAX_KM}. Leave it out to use {DEFAULT_RADIUS_KM} km."
                ),
            );
            DEFAULT_RADIUS_KM
        }
    }
}

fn check_languages(value: Option<&Value>, problem: &mut impl FnMut(&'static str, String)) {
    let offered = APP_LANGUAGES.join(", ");
    let Some(list) = value.and_then(Value::as_array) else {
        problem(
            "languages_missing",
            format!(
                "\"languages\" is missing or not a list. Give the languages Genie is offered in, \
                 such as \"languages\": [\"en\"] (Genie has: {offered})."
            ),
        );
        return;
    };
    if list.is_empty() {
        problem(
            "languages_empty",
            format!("\"languages\" is empty. Give at least one of: {offered}."),
        );
    }
    let mut seen = Vec::new();
    for item in list {
        let Some(tag) = item.as_str() else {
            problem(
                "language_not_text",
                "Each language in \"languages\" must be a code in quote marks, such as \"en\"."
                    .into(),
            );
            continue;
        };
        // A tag may name a region (`en-US`, `nl-BE`): Genie speaks the language and writes
        // times, dates and numbers as the region does. Each language is listed once.
        let tag = tag.trim().to_ascii_lowercase();
        let language = genie_core::language::primary(&tag);
        if seen.contains(&language) {
            problem(
                "language_repeated",
                format!("The language \"{tag}\" is listed more than once."),
            );
            continue;
        }
        if !APP_LANGUAGES.contains(&language.as_str()) {
            problem(
                "language_unknown",
                format!(
                    "Genie is not translated into \"{tag}\" yet, so it cannot be offered. \
                     Genie has: {offered}."
                ),
            );
        }
        seen.push(language);
    }
}

/// The help text and contact line in each offered language other than the first (whose words
/// are `help_text` and `contact` themselves), under `"texts": {"nl": {...}}`.
fn check_texts(root: &Map<String, Value>, problem: &mut impl FnMut(&'static str, String)) {
    let offered: Vec<String> = root
        .get("languages")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(Value::as_str)
                .map(|t| t.trim().to_ascii_lowercase())
                .collect()
        })
        .unwrap_or_default();
    let empty = Map::new();
    let texts = match root.get("texts") {
        None => &empty,
        Some(Value::Object(texts)) => texts,
        Some(_) => {
            problem(
                "texts_bad",
                "\"texts\" must be a set of languages, such as \"texts\": {\"nl\": \
                 {\"help_text\": \"...\", \"contact\": \"...\"}}."
                    .into(),
            );
            return;
        }
    };
    let language = |tag: &str| genie_core::language::primary(tag);
    for (tag, words) in texts {
        if !offered.iter().any(|o| language(o) == language(tag)) {
            problem(
                "texts_language_not_offered",
                format!(
                    "\"texts\" has words in \"{tag}\", which \"languages\" does not offer. \
                     Add \"{tag}\" to \"languages\", or remove its words."
                ),
            );
        }
        let Some(words) = words.as_object() else {
            problem(
                "texts_bad",
                format!("The words in \"{tag}\" under \"texts\" must be {{\"help_text\": ..., \"contact\": ...}}."),
            );
            continue;
        };
        for key in words.keys() {
            if key != "help_text" && key != "contact" {
                problem(
                    "unknown_setting",
                    format!("\"texts\" → \"{tag}\" has \"{key}\"; only \"help_text\" and \"contact\" can be given per language."),
                );
            }
        }
        text_field(words, "help_text", false, HELP_TEXT_MAX, problem, |n| {
            format!("people read it on a small screen ({tag}); {n}")
        });
        text_field(words, "contact", false, CONTACT_MAX, problem, |n| {
            format!("a phone number, opening hours and an e-mail address fit easily ({tag}); {n}")
        });
    }
    // Each offered language after the first needs its own words for whatever the area wrote.
    // (A language Genie does not have is reported once, by `check_languages`.)
    for tag in offered
        .iter()
        .skip(1)
        .filter(|t| APP_LANGUAGES.contains(&language(t).as_str()))
    {
        for key in ["help_text", "contact"] {
            let written = root
                .get(key)
                .and_then(Value::as_str)
                .is_some_and(|t| !t.trim().is_empty());
            let translated = texts
                .iter()
                .find(|(t, _)| language(t) == language(tag))
                .and_then(|(_, w)| w.get(key))
                .and_then(Value::as_str)
                .is_some_and(|t| !t.trim().is_empty());
            if written && !translated {
                let first = offered.first().map(String::as_str).unwrap_or("");
                problem(
                    "language_text_missing",
                    format!(
                        "\"{tag}\" is offered, but \"{key}\" has no \"{tag}\" version under \
                         \"texts\". People who choose \"{tag}\" would read it in \"{first}\". \
                         Add \"texts\": {{\"{tag}\": {{\"{key}\": \"...\"}}}}."
                    ),
                );
            }
        }
    }
}

fn check_logo(value: &Value, folder: &Path, problem: &mut impl FnMut(&'static str, String)) {
    let Some(name) = value.as_str().map(str::trim).filter(|s| !s.is_empty()) else {
        problem(
            "logo_bad",
            "\"logo\" must be the name of an image file in the area folder, such as \
             \"logo.png\"."
                .into(),
        );
        return;
    };
    let path = Path::new(name);
    if path
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        problem(
            "logo_outside",
            format!(
                "The logo \"{name}\" must be a file inside the area folder, named without \
                 \"..\" or a leading \"/\"."
            ),
        );
        return;
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !LOGO_TYPES.contains(&extension.as_str()) {
        problem(
            "logo_type",
            format!(
                "The logo \"{name}\" is not a picture type Genie can show. Use one of: {}.",
                LOGO_TYPES.join(", ")
            ),
        );
    }
    match std::fs::metadata(folder.join(path)) {
        Ok(meta) if meta.is_file() => {
            if meta.len() > LOGO_MAX_BYTES {
                problem(
                    "logo_too_big",
                    format!(
                        "The logo \"{name}\" is {} KB; it can be at most {} KB, because every \
                         visitor downloads it. Save it smaller.",
                        meta.len().div_ceil(1024),
                        LOGO_MAX_BYTES / 1024
                    ),
                );
            }
        }
        _ => problem(
            "logo_missing",
            format!(
                "The logo file \"{name}\" is not in the area folder. Copy it there, or remove \
                 \"logo\"."
            ),
        ),
    }
}

fn check_theme(value: &Value, problem: &mut impl FnMut(&'static str, String)) {
    let Some(theme) = value.as_object() else {
        problem(
            "theme_bad",
            "\"theme\" must be a set of colours between { and }, such as \
             { \"accent\": \"#1d4e89\", \"accent_text\": \"#ffffff\" }."
                .into(),
        );
        return;
    };
    let known: Vec<&str> = THEME_DEFAULTS.iter().map(|(k, _)| *k).collect();
    for key in theme.keys() {
        if !known.contains(&key.as_str()) {
            problem(
                "theme_unknown_colour",
                format!(
                    "Genie does not know the theme colour \"{key}\". The colours are: {}.",
                    known.join(", ")
                ),
            );
        }
    }
    // Each colour as given, or the app's own when left out; `None` when given but unreadable.
    let colour = |key: &str, problem: &mut dyn FnMut(&'static str, String)| -> Option<Rgb> {
        match theme.get(key) {
            None => THEME_DEFAULTS
                .iter()
                .find(|(k, _)| *k == key)
                .and_then(|(_, v)| Rgb::parse(v)),
            Some(value) => {
                let parsed = value.as_str().and_then(Rgb::parse);
                if parsed.is_none() {
                    problem(
                        "colour_bad",
                        format!(
                            "The theme colour \"{key}\" must be written like \"#1d4e89\" \
                             (a # and six digits or letters a to f)."
                        ),
                    );
                }
                parsed
            }
        }
    };
    for (background, text, place) in [
        ("accent", "accent_text", "on buttons and the top bar"),
        ("background", "text", "on the page"),
    ] {
        let given = theme.contains_key(background) || theme.contains_key(text);
        let (b, t) = (colour(background, problem), colour(text, problem));
        let (Some(b), Some(t)) = (b, t) else {
            continue;
        };
        let ratio = contrast_ratio(b, t);
        if given && ratio < AA_NORMAL_TEXT {
            problem(
                "contrast_low",
                format!(
                    "The theme colours \"{background}\" and \"{text}\" are too alike to read \
                     {place}: their contrast is {:.2} to 1, and it must be at least {AA_NORMAL_TEXT} \
                     to 1 (WCAG level AA). Make one darker or the other lighter.",
                    (ratio * 100.0).floor() / 100.0
                ),
            );
        }
    }
}
