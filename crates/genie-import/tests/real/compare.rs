//! Field-by-field comparison of imported entries with the rows they came from, for the real
//! exports kept under `tests/fixtures/real/`. The expected values are worked out here from the
//! source files themselves (read with the `csv` crate and `serde_json`, not through the
//! importer), so a wrong join, a lost field or a badly cleaned value shows up as a field that
//! differs. Shared by the tests (`real_exports.rs`) and the benchmark (`examples/real_bench.rs`).

#![allow(dead_code)]

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use genie_core::directory::{Cost, Directory, Reach, Resource};
use genie_core::model::{AccessNeed, SubCategory};

/// One field of one entry, as the source says and as imported.
#[derive(Debug, Clone)]
pub struct Check {
    pub id: String,
    pub field: &'static str,
    pub want: String,
    pub got: String,
}

impl Check {
    pub fn ok(&self) -> bool {
        self.want == self.got
    }
}

pub fn real() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real")
}

/// A CSV file as rows of column → value.
fn rows(path: &Path) -> Vec<HashMap<String, String>> {
    let bytes = std::fs::read(path).unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map(|h| h.iter().map(str::to_string).collect())
        .unwrap_or_default();
    reader
        .records()
        .flatten()
        .map(|r| {
            headers
                .iter()
                .cloned()
                .zip(r.iter().map(|v| v.trim().to_string()))
                .collect()
        })
        .collect()
}

fn by<'a>(
    table: &'a [HashMap<String, String>],
    column: &str,
    value: &str,
) -> Vec<&'a HashMap<String, String>> {
    table
        .iter()
        .filter(|r| r.get(column).map(String::as_str) == Some(value))
        .collect()
}

fn get<'a>(row: Option<&&'a HashMap<String, String>>, column: &str) -> &'a str {
    row.and_then(|r| r.get(column))
        .map(String::as_str)
        .unwrap_or("")
}

/// "9:00am" → "09:00", "5:00pm" → "17:00".
fn clock(text: &str) -> String {
    let t = text.trim().to_lowercase();
    let (t, pm) = match (t.strip_suffix("pm"), t.strip_suffix("am")) {
        (Some(x), _) => (x.to_string(), true),
        (_, Some(x)) => (x.to_string(), false),
        _ => (t.clone(), false),
    };
    let (h, m) = t.split_once(':').unwrap_or((&t, "00"));
    let mut h: u32 = h.trim().parse().unwrap_or(99);
    if pm && h < 12 {
        h += 12;
    }
    if !pm && text.to_lowercase().ends_with("am") && h == 12 {
        h = 0;
    }
    format!("{h:02}:{}", m.trim())
}

fn language(name: &str) -> String {
    let name = name.split('(').next().unwrap_or(name);
    match name.trim().to_lowercase().as_str() {
        "english" => "en",
        "spanish" => "es",
        "french" => "fr",
        "creole" => "ht",
        "portuguese" => "pt",
        other => return format!("?{other}"),
    }
    .to_string()
}

fn website(url: &str) -> String {
    let url = url.trim();
    if url.is_empty() || url.starts_with("http://") || url.starts_with("https://") {
        url.to_string()
    } else {
        format!("https://{url}")
    }
}

fn subs(list: &[SubCategory]) -> String {
    let set: BTreeSet<SubCategory> = list.iter().copied().collect();
    set.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(";")
}

fn entry<'a>(dir: &'a Directory, id: &str) -> Option<&'a Resource> {
    dir.resources.iter().find(|r| r.id == id)
}

/// What the AIRS codes of each sampled Miami service should file it under, with the shipped
/// mapping (worked out by hand from `data/services_taxonomy.csv` and `data/taxonomy.csv`).
pub const MIAMI_CATEGORIES: &[(&str, &[SubCategory])] = &[
    // PN-8100.5000 Mental Health Related Support Groups
    ("537", &[SubCategory::HealthConditions]),
    // PN-8100.3000 Health/Disability Related Support Groups
    ("2326", &[SubCategory::HealthConditions]),
    ("6146", &[SubCategory::HealthConditions]),
    // PN-8100.1400 Caregiver/Care Receiver Support Groups
    ("6545", &[SubCategory::CarersSupport]),
    // PH-1400 Companionship
    ("2155", &[SubCategory::Befriending]),
    // PX Volunteer Opportunities
    ("2154", &[SubCategory::Volunteering]),
    // HH-4500.2000 Family Literacy Programs
    ("2896", &[SubCategory::ReadingWriting]),
    // BT-4500 Local transportation
    ("6816", &[SubCategory::CommunityTransport]),
    // PL-7400.5500 Music Instruction
    ("6749", &[SubCategory::DramaMusic]),
    // PL-7000.* sports, PL-7000.8800 swimming
    (
        "4458",
        &[SubCategory::FitnessExercise, SubCategory::Swimming],
    ),
    // DM-6500 Personal Financial Counseling, PH-0700 Benefits Screening
    ("6043", &[SubCategory::MoneyAdvice]),
];

/// The Miami services in the excerpt that are outside Genie's categories (food, shelter).
pub const MIAMI_OUTSIDE: &[&str] = &["7036", "6895", "6727"];

/// Compares every imported Miami entry with its source rows.
pub fn miami(dir: &Directory) -> Vec<Check> {
    let root = real().join("miami-211/data");
    let services = rows(&root.join("services.csv"));
    let orgs = rows(&root.join("organizations.csv"));
    let sal = rows(&root.join("services_at_location.csv"));
    let locations = rows(&root.join("locations.csv"));
    let addresses = rows(&root.join("physical_addresses.csv"));
    let phones = rows(&root.join("phones.csv"));
    let contacts = rows(&root.join("contacts.csv"));
    let schedules = rows(&root.join("regular_schedules.csv"));
    let languages = rows(&root.join("languages.csv"));
    let access = rows(&root.join("accessibility_for_disabilities.csv"));
    let categories: HashMap<&str, &[SubCategory]> = MIAMI_CATEGORIES.iter().copied().collect();

    let mut out = Vec::new();
    for s in &services {
        let id = s.get("id").cloned().unwrap_or_default();
        let Some(r) = entry(dir, &id) else { continue };
        let mut check = |field: &'static str, want: String, got: String| {
            out.push(Check {
                id: id.clone(),
                field,
                want,
                got,
            });
        };
        let org = by(
            &orgs,
            "id",
            s.get("organization_id").map_or("", String::as_str),
        );
        let org_name = get(org.first(), "name");
        let name = s.get("name").map_or("", String::as_str);
        // The name, or the organisation's name before a name that says little alone.
        let named = r.name == name || r.name == format!("{org_name}: {name}");
        check(
            "name",
            "source name (or organisation: name)".into(),
            if named {
                "source name (or organisation: name)".into()
            } else {
                r.name.clone()
            },
        );
        let loc_id = get(by(&sal, "service_id", &id).first(), "location_id").to_string();
        let loc = by(&locations, "id", &loc_id);
        let addr = by(&addresses, "location_id", &loc_id);
        if let Reach::Local { location } = &r.reach {
            let street = get(addr.first(), "address_1");
            check(
                "address",
                street.to_string(),
                location
                    .address
                    .get(..street.len())
                    .unwrap_or(&location.address)
                    .to_string(),
            );
            check(
                "postcode",
                get(addr.first(), "postal_code").to_string(),
                location.postcode.clone(),
            );
            let lat = get(loc.first(), "latitude");
            let lon = get(loc.first(), "longitude");
            if !lat.is_empty() {
                check(
                    "coordinates",
                    format!(
                        "{:.6},{:.6}",
                        lat.parse::<f64>().unwrap_or(0.0),
                        lon.parse::<f64>().unwrap_or(0.0)
                    ),
                    format!("{:.6},{:.6}", location.lat, location.lon),
                );
            }
        } else {
            check("reach", "local".into(), format!("{:?}", r.reach));
        }
        check(
            "phone",
            get(by(&phones, "service_id", &id).first(), "number").to_string(),
            r.contact.phone.clone(),
        );
        let email = [
            s.get("email").cloned().unwrap_or_default(),
            get(by(&contacts, "service_id", &id).first(), "email").to_string(),
        ]
        .into_iter()
        .find(|e| !e.is_empty())
        .unwrap_or_default();
        check("email", email, r.contact.email.clone());
        let url = [
            s.get("url").cloned().unwrap_or_default(),
            get(org.first(), "url").to_string(),
        ]
        .into_iter()
        .find(|u| !u.is_empty())
        .unwrap_or_default();
        check("website", website(&url), r.contact.website.clone());
        let want_times: BTreeSet<String> = by(&schedules, "service_id", &id)
            .iter()
            .filter(|row| !get(Some(row), "opens_at").is_empty())
            .map(|row| {
                format!(
                    "{} {}",
                    get(Some(row), "weekday")
                        .get(..3)
                        .unwrap_or("")
                        .to_lowercase(),
                    clock(get(Some(row), "opens_at"))
                )
            })
            .collect();
        let got_times: BTreeSet<String> = r
            .sessions
            .iter()
            .map(|x| {
                format!(
                    "{} {}",
                    x.day.as_str(),
                    x.starts.clone().unwrap_or_default()
                )
            })
            .collect();
        check(
            "times",
            want_times.into_iter().collect::<Vec<_>>().join(", "),
            got_times.into_iter().collect::<Vec<_>>().join(", "),
        );
        let want_langs: BTreeSet<String> = by(&languages, "service_id", &id)
            .iter()
            .map(|row| language(get(Some(row), "language")))
            // Not a language ("Translation services sometimes available"): left out.
            .filter(|l| !l.starts_with('?'))
            .collect();
        let got_langs: BTreeSet<String> = r.languages.iter().cloned().collect();
        check(
            "languages",
            format!("{want_langs:?}"),
            format!("{got_langs:?}"),
        );
        let accessible = by(&access, "location_id", &loc_id)
            .iter()
            .any(|row| get(Some(row), "accessibility").eq_ignore_ascii_case("Handicap accessible"));
        check(
            "access",
            accessible.to_string(),
            r.access.contains(&AccessNeed::Wheelchair).to_string(),
        );
        let fees = s.get("fees").map_or("", String::as_str).to_lowercase();
        let want_cost = if fees.starts_with("free") || fees.contains("no fee") {
            "free"
        } else {
            "unknown or paid"
        };
        let got_cost = if r.cost == Cost::Free {
            "free"
        } else {
            "unknown or paid"
        };
        check("cost", want_cost.into(), got_cost.into());
        if let Some(want) = categories.get(id.as_str()) {
            check(
                "category",
                subs(want),
                subs(&r.subcategories.iter().copied().collect::<Vec<_>>()),
            );
        }
        check(
            "description",
            "plain text".into(),
            if r.description.contains("\\n") || r.description.contains("###") {
                r.description.clone()
            } else {
                "plain text".into()
            },
        );
    }
    out
}

/// Compares Open Referral UK entries (imported with `--decisions`) with their source objects.
pub fn oruk(file: &Path, dir: &Directory) -> Vec<Check> {
    let text = std::fs::read_to_string(file).unwrap_or_default();
    let items: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap_or_default();
    let mut out = Vec::new();
    for s in &items {
        let field = |k: &str| {
            s.get(k)
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .trim()
                .to_string()
        };
        let id = field("id");
        let Some(r) = entry(dir, &id) else { continue };
        let org_name = s
            .get("organization")
            .and_then(|o| o.get("name"))
            .and_then(|v| v.as_str())
            .unwrap_or("");
        let name = field("name");
        let mut check = |f: &'static str, want: String, got: String| {
            out.push(Check {
                id: id.clone(),
                field: f,
                want,
                got,
            });
        };
        let named = r.name == name || r.name == format!("{org_name}: {name}") || r.name == org_name;
        check(
            "name",
            "ok".into(),
            if named { "ok".into() } else { r.name.clone() },
        );
        check("email", field("email"), r.contact.email.clone());
        let url = [
            field("url"),
            s.get("organization")
                .and_then(|o| o.get("url"))
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string(),
        ]
        .into_iter()
        .find(|u| !u.is_empty())
        .unwrap_or_default();
        check("website", website(&url), r.contact.website.clone());
        check(
            "checked",
            field("assured_date"),
            r.checked.map(String::from).unwrap_or_default(),
        );
        let attending = field("attending_type").to_lowercase();
        let want_reach = if attending == "online" || attending == "phone" {
            "online"
        } else {
            "other"
        };
        let got_reach = if r.reach == Reach::Online {
            "online"
        } else {
            "other"
        };
        check("reach", want_reach.into(), got_reach.into());
        let plain = !r.description.contains('<') && !r.description.contains("&nbsp;");
        check(
            "description",
            "plain text".into(),
            if plain {
                "plain text".into()
            } else {
                r.description.clone()
            },
        );
    }
    out
}
