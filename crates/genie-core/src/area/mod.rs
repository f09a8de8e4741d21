//! The area's own files beside the directory: its settings, and the lookup that turns a
//! postcode or neighbourhood name into a place on the map, on the device.

pub mod contrast;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use contrast::{contrast_ratio, Rgb, AA_NORMAL_TEXT};

/// A point on the Earth, WGS84 degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

/// The area's settings (`area.json`): its name and the words it shows people. Every field but
/// the name is optional, so an older or smaller file still works.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AreaSettings {
    pub version: u32,
    pub name: String,
    pub short_name: String,
    pub centre: Option<LatLon>,
    /// A few sentences of help shown on the welcome page.
    pub help_text: String,
    /// How to reach the area's team (phone, hours, e-mail), shown as written.
    pub contact: String,
    /// A postcode and a neighbourhood name people can type here, shown as examples beside the
    /// place question ("For example MB1 1ED or Riverside"); no example when left out.
    pub postcode_example: String,
    pub place_example: String,
    /// Where people may send notes about directory entries, if they choose to.
    pub feedback_email: String,
    /// BCP 47 tags of the languages offered; the first is the default, and `help_text` and
    /// `contact` are in it.
    pub languages: Vec<String>,
    /// The help text and contact line in the other languages offered, by language tag.
    pub texts: BTreeMap<String, AreaTexts>,
    /// The currency prices are in, as an ISO 4217 code (`GBP`, `EUR`, `NOK`); pounds if empty.
    pub currency: String,
    /// The area's logo: a file name inside the area folder.
    pub logo: String,
    /// The area's own colours, each `#rgb` or `#rrggbb`.
    pub theme: Theme,
    /// How many hours a supporter session may stay open on a supporter's device before it is
    /// erased at the next start (`docs/handover.md`); 24 when not set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supporter_hours: Option<u32>,
}

/// The area's own words in one language.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AreaTexts {
    pub help_text: String,
    pub contact: String,
}

/// The area's colours in pairs: a colour and the text written on it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Theme {
    pub accent: Option<String>,
    pub accent_text: Option<String>,
    pub background: Option<String>,
    pub text: Option<String>,
}

/// Genie's own colours, used for whichever half of a pair a theme leaves out.
pub const DEFAULT_THEME: [(&str, &str); 4] = [
    ("accent", "#1d4e89"),
    ("accent_text", "#ffffff"),
    ("background", "#ffffff"),
    ("text", "#1a1a1a"),
];

impl Theme {
    /// The colours safe to use, as (role, `#rrggbb`) pairs: each pair (accent with its text,
    /// background with its text) is used only if both parse and they reach WCAG AA contrast
    /// together. A pair that fails is dropped whole, so the app keeps its own readable colours.
    pub fn usable(&self) -> Vec<(&'static str, String)> {
        let default = |role: &str| {
            DEFAULT_THEME
                .iter()
                .find(|(r, _)| *r == role)
                .and_then(|(_, c)| Rgb::parse(c))
        };
        let pick = |value: &Option<String>, role: &str| match value {
            Some(text) => Rgb::parse(text.trim()),
            None => default(role),
        };
        let mut out = Vec::new();
        for (a, a_role, b, b_role) in [
            (&self.accent, "accent", &self.accent_text, "accent_text"),
            (&self.background, "background", &self.text, "text"),
        ] {
            if a.is_none() && b.is_none() {
                continue;
            }
            if let (Some(x), Some(y)) = (pick(a, a_role), pick(b, b_role)) {
                if contrast_ratio(x, y) >= AA_NORMAL_TEXT {
                    out.push((a_role, x.hex()));
                    out.push((b_role, y.hex()));
                }
            }
        }
        out
    }
}

impl AreaSettings {
    /// The help text in language `tag`, else in the area's first language.
    pub fn help_text_in(&self, tag: &str) -> &str {
        self.text_in(tag, |t| &t.help_text)
            .unwrap_or(&self.help_text)
    }

    /// The contact line in language `tag`, else in the area's first language.
    pub fn contact_in(&self, tag: &str) -> &str {
        self.text_in(tag, |t| &t.contact).unwrap_or(&self.contact)
    }

    fn text_in<'a>(
        &'a self,
        tag: &str,
        field: impl Fn(&'a AreaTexts) -> &'a String,
    ) -> Option<&'a str> {
        let wanted = crate::language::primary(tag);
        self.texts
            .iter()
            .find(|(t, _)| crate::language::primary(t) == wanted)
            .map(|(_, texts)| field(texts).as_str())
            .filter(|text| !text.trim().is_empty())
    }

    /// The examples to show beside the place question: the postcode, then the place, each only
    /// when given.
    pub fn examples(&self) -> Vec<&str> {
        [&self.postcode_example, &self.place_example]
            .into_iter()
            .map(|text| text.trim())
            .filter(|text| !text.is_empty())
            .collect()
    }

    /// The currency of the area's prices: `GBP` unless the settings name a valid other.
    pub fn currency_code(&self) -> &str {
        let code = self.currency.trim();
        if code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()) {
            code
        } else {
            "GBP"
        }
    }

    /// The hours a supporter session may stay open, within 1 hour and 30 days.
    pub fn supporter_hours(&self) -> u32 {
        self.supporter_hours
            .unwrap_or(crate::handover::DEFAULT_SUPPORTER_HOURS)
            .clamp(1, crate::handover::MAX_SUPPORTER_HOURS)
    }

    /// Reads `area.json`; `None` when the text is not a settings object at all.
    pub fn parse(json: &str) -> Option<AreaSettings> {
        serde_json::from_str(json.trim_start_matches('\u{feff}')).ok()
    }

    /// The logo's path relative to the app, if the name is a plain file name (no folders, no
    /// address of another site).
    pub fn logo_path(&self) -> Option<String> {
        let name = self.logo.trim();
        let plain = !name.is_empty()
            && !name.contains(['/', '\\', ':', '?', '#'])
            && !name.starts_with('.');
        plain.then(|| format!("area/{name}"))
    }

    /// The feedback address, if it looks like one (something@something.something).
    pub fn feedback_address(&self) -> Option<&str> {
        let address = self.feedback_email.trim();
        let (user, host) = address.split_once('@')?;
        let plausible = !user.is_empty()
            && host.contains('.')
            && !host.starts_with('.')
            && !host.ends_with('.')
            && !address.contains(char::is_whitespace)
            && !address.contains(['?', '&', '<', '>', '"']);
        plausible.then_some(address)
    }
}

/// One named place in the lookup.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub name: String,
    /// "postcode" or "neighbourhood".
    #[serde(default)]
    pub kind: String,
    pub lat: f64,
    pub lon: f64,
}

/// Postcodes and neighbourhood names with their locations.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AreaLookup {
    #[serde(default)]
    pub area: String,
    #[serde(default)]
    pub places: Vec<Place>,
}

impl AreaLookup {
    /// Reads the lookup file, keeping every usable place and dropping the rest (bad
    /// coordinates, no name). Returns `None` only when the text is not a lookup at all.
    pub fn parse(json: &str) -> Option<AreaLookup> {
        let mut lookup: AreaLookup =
            serde_json::from_str(json.trim_start_matches('\u{feff}')).ok()?;
        lookup.places.retain(|p| {
            !p.name.trim().is_empty()
                && (-90.0..=90.0).contains(&p.lat)
                && (-180.0..=180.0).contains(&p.lon)
        });
        Some(lookup)
    }

    /// Where `query` is: an exact postcode (any spacing or case), else a neighbourhood name
    /// (any case), else a US ZIP+4's ZIP ("33176-4501" finds "33176"), else the postcode
    /// district ("MB2 7QD" unknown, but "MB2 ..." known: the middle of that district's known
    /// postcodes).
    pub fn locate(&self, query: &str) -> Option<LatLon> {
        let wanted = squash(query);
        if wanted.is_empty() {
            return None;
        }
        let exact = |key: &str| {
            self.places
                .iter()
                .find(|p| squash(&p.name) == key)
                .map(|place| LatLon {
                    lat: place.lat,
                    lon: place.lon,
                })
        };
        if let Some(at) = exact(&wanted) {
            return Some(at);
        }
        let zip_plus_four = wanted.len() == 9
            && wanted.chars().all(|c| c.is_ascii_digit())
            && query
                .trim()
                .chars()
                .all(|c| c.is_ascii_digit() || c == '-' || c == ' ');
        if zip_plus_four {
            if let Some(at) = wanted.get(..5).and_then(exact) {
                return Some(at);
            }
        }
        let district = outward_code(query)?;
        let in_district: Vec<&Place> = self
            .places
            .iter()
            .filter(|p| p.kind == "postcode" && outward_code(&p.name).as_deref() == Some(&district))
            .collect();
        if in_district.is_empty() {
            return None;
        }
        let n = in_district.len() as f64;
        Some(LatLon {
            lat: in_district.iter().map(|p| p.lat).sum::<f64>() / n,
            lon: in_district.iter().map(|p| p.lon).sum::<f64>() / n,
        })
    }
}

impl AreaLookup {
    /// The neighbourhood nearest to `at`, if one lies within `within_km`. Used when the person
    /// asks to use their device's location: only the neighbourhood's name is kept, never the
    /// coordinates.
    pub fn nearest_neighbourhood(&self, at: LatLon, within_km: f64) -> Option<&Place> {
        self.places
            .iter()
            .filter(|p| p.kind == "neighbourhood")
            .map(|p| {
                (
                    distance_km(
                        at,
                        LatLon {
                            lat: p.lat,
                            lon: p.lon,
                        },
                    ),
                    p,
                )
            })
            .filter(|(km, _)| km.is_finite() && *km <= within_km)
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, p)| p)
    }
}

/// Lower case with spaces and punctuation removed, so "mb2 7qd" matches "MB2 7QD".
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The part of a UK-style postcode before the space ("MB2" of "MB2 7QD"), if it has one.
fn outward_code(text: &str) -> Option<String> {
    let text = text.trim();
    let first = text.split_whitespace().next()?;
    let looks_like_postcode = first.len() >= 2
        && first.len() <= 4
        && first.chars().next()?.is_ascii_alphabetic()
        && first.chars().any(|c| c.is_ascii_digit());
    looks_like_postcode.then(|| first.to_ascii_uppercase())
}

/// Distance between two points in kilometres (the same haversine matching uses).
pub fn distance_km(a: LatLon, b: LatLon) -> f64 {
    crate::matching::haversine_km((a.lat, a.lon), (b.lat, b.lon))
}
