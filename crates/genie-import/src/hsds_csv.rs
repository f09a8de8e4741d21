//! Reads an HSDS tabular data package: a folder of CSV files, one per table, joined by ids.
//!
//! HSDS 3.0 table names are read (services, organizations, locations, service_at_location,
//! schedules, cost_options, languages, accessibility, attributes with taxonomy_terms and
//! taxonomies, addresses, phones, contacts, service_areas), and so are the older HSDS 1.1/2.0
//! ones where they mean the same (physical_addresses, regular_schedules, service_taxonomy with
//! taxonomy, accessibility_for_disabilities). Column names are matched without regard to case.
//!
//! Links that point nowhere (a schedule for a service that is not in services.csv) are counted
//! per table and reported with a few examples; the records they came from are still imported
//! as far as they can be.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::convert::{Builder, SrcCost, SrcLocation, SrcOrg, SrcSchedule, SrcService};
use crate::mapping::Term;
use crate::report::Report;
use crate::{strip_bom, Import, ImportError, Mapping, Options};

/// Table names we read, in the order they are looked for (3.0 first, then older names).
const TABLES: &[(&str, &[&str])] = &[
    ("services", &["services", "service"]),
    (
        "organizations",
        &["organizations", "organization", "organisations"],
    ),
    ("locations", &["locations", "location"]),
    (
        "service_at_location",
        &[
            "service_at_location",
            "service_at_locations",
            "services_at_location",
        ],
    ),
    (
        "schedules",
        &[
            "schedules",
            "schedule",
            "regular_schedules",
            "regular_schedule",
        ],
    ),
    ("cost_options", &["cost_options", "cost_option"]),
    ("languages", &["languages", "language"]),
    (
        "accessibility",
        &[
            "accessibility",
            "accessibility_for_disabilities",
            "accessibility_for_disability",
        ],
    ),
    (
        "addresses",
        &[
            "addresses",
            "address",
            "physical_addresses",
            "physical_address",
        ],
    ),
    ("phones", &["phones", "phone"]),
    ("contacts", &["contacts", "contact"]),
    (
        "term_links",
        &[
            "attributes",
            "attribute",
            "service_attributes",
            "service_attribute",
            "service_taxonomy",
            "services_taxonomy",
            "service_taxonomies",
            "services_taxonomies",
            "service_taxonomys",
        ],
    ),
    // HSDS 1.1/2.0 call the terms table "taxonomy"; 3.0 calls its list of taxonomies that and
    // the terms "taxonomy_term(s)". `assign` sorts this out.
    ("terms", &["taxonomy_terms", "taxonomy_term", "taxonomy"]),
    ("taxonomies", &["taxonomies"]),
    ("service_areas", &["service_areas", "service_area"]),
];

/// The role a table plays, from the names it goes by (a data package resource name, a file
/// name without `.csv`), or `None` when Genie does not read it.
fn role_of(names: &[String]) -> Option<&'static str> {
    for name in names {
        let name = name.trim().to_lowercase().replace(['-', ' '], "_");
        if let Some((role, _)) = TABLES
            .iter()
            .find(|(_, spellings)| spellings.contains(&name.as_str()))
        {
            return Some(role);
        }
    }
    None
}

/// One CSV table as found in the input.
#[derive(Debug, Clone)]
pub struct TableFile {
    /// Names it goes by, best first: the data package's resource name, then the file's stem.
    pub names: Vec<String>,
    /// How the report names it (its path in the package).
    pub label: String,
    pub text: String,
}

/// The stem of a file name: "data/services.csv" gives "services".
pub(crate) fn stem(path: &str) -> String {
    let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let lower = file.to_lowercase();
    lower
        .strip_suffix(".csv")
        .map(str::to_string)
        .unwrap_or(lower)
}

/// One CSV table: lower-case headers and rows of text.
#[derive(Debug, Default)]
struct Table {
    file: String,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn parse(file: &str, text: &str, report: &mut Report) -> Table {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(strip_bom(text).as_bytes());
        let headers = match reader.headers() {
            Ok(h) => h
                .iter()
                .map(|s| strip_bom(s).trim().to_lowercase())
                .collect(),
            Err(e) => {
                report.problem(format!("{file}: cannot read the header row: {e}"));
                Vec::new()
            }
        };
        let mut rows = Vec::new();
        for record in reader.records() {
            match record {
                Ok(r) => {
                    if r.iter().all(|f| f.is_empty()) {
                        continue;
                    }
                    rows.push(r.iter().map(str::to_string).collect());
                }
                Err(e) => report.problem(format!("{file}: a row could not be read: {e}")),
            }
        }
        Table {
            file: file.to_string(),
            headers,
            rows,
        }
    }

    fn col(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|n| self.headers.iter().position(|h| h == n))
    }

    /// The first non-empty of these columns in row `r`.
    fn get(&self, r: usize, names: &[&str]) -> &str {
        let Some(row) = self.rows.get(r) else {
            return "";
        };
        names
            .iter()
            .filter_map(|n| self.headers.iter().position(|h| h == n))
            .filter_map(|c| row.get(c))
            .map(|s| s.trim())
            .find(|s| !s.is_empty())
            .unwrap_or("")
    }

    /// Row numbers by the value of a column.
    fn index(&self, names: &[&str]) -> HashMap<String, Vec<usize>> {
        let mut map: HashMap<String, Vec<usize>> = HashMap::new();
        if self.col(names).is_none() {
            return map;
        }
        for r in 0..self.rows.len() {
            let key = self.get(r, names);
            if !key.is_empty() {
                map.entry(key.to_string()).or_default().push(r);
            }
        }
        map
    }
}

/// Imports a data package folder (or zip, or any mix `genie-import` accepts).
pub fn import_dir(dir: &Path, mapping: &Mapping, options: &Options) -> Result<Import, ImportError> {
    crate::import_paths(&[dir.to_path_buf()], mapping, options)
}

/// Imports tables given as (file name, CSV text). Files Genie does not read are named in the
/// report.
pub fn import_tables(
    files: &[(&str, &str)],
    mapping: &Mapping,
    options: &Options,
    source: &str,
) -> Result<Import, ImportError> {
    let tables: Vec<TableFile> = files
        .iter()
        .map(|(file, text)| TableFile {
            names: vec![stem(file)],
            label: (*file).to_string(),
            text: (*text).to_string(),
        })
        .collect();
    let mut builder = Builder::new(mapping, options, source);
    read_tables(&tables, &mut builder, source)?;
    let (directory, report) = builder.finish(&options.area);
    Ok(Import { directory, report })
}

/// Which table plays which role. The first file for a role wins; later ones are reported.
fn assign(files: &[TableFile], report: &mut Report) -> HashMap<&'static str, usize> {
    let has_term_table = files.iter().any(|f| {
        f.names.iter().any(|n| {
            n.eq_ignore_ascii_case("taxonomy_terms") || n.eq_ignore_ascii_case("taxonomy_term")
        })
    });
    let mut roles: HashMap<&'static str, usize> = HashMap::new();
    for (i, file) in files.iter().enumerate() {
        let mut role = role_of(&file.names);
        // With a terms table beside it, "taxonomy" is the 3.0 list of taxonomies.
        if role == Some("terms")
            && has_term_table
            && !file
                .names
                .iter()
                .any(|n| n.to_lowercase().starts_with("taxonomy_term"))
        {
            role = Some("taxonomies");
        }
        match role {
            Some(role) => {
                if let Some(&first) = roles.get(role) {
                    let first = files.get(first).map_or("", |f| f.label.as_str());
                    report.unread.push(format!(
                        "{}: another table for the same thing ({first}) was read instead",
                        file.label
                    ));
                } else {
                    roles.insert(role, i);
                }
            }
            None => report
                .unread
                .push(format!("{}: not a table Genie uses", file.label)),
        }
    }
    roles
}

/// Reads CSV tables into the builder.
pub(crate) fn read_tables(
    files: &[TableFile],
    builder: &mut Builder<'_>,
    source: &str,
) -> Result<(), ImportError> {
    let roles = assign(files, &mut builder.report);
    let mut t: HashMap<&str, Table> = HashMap::new();
    for (role, i) in &roles {
        if let Some(file) = files.get(*i) {
            t.insert(
                role,
                Table::parse(&file.label, &file.text, &mut builder.report),
            );
        }
    }
    let Some(services) = t.get("services") else {
        return Err(ImportError(format!(
            "{source} has no services table (services.csv), so there is nothing to import; check that you gave the whole export"
        )));
    };
    let empty = Table::default();
    let table = |role: &str| t.get(role).unwrap_or(&empty);
    let orgs = table("organizations");
    let locations = table("locations");
    let sal = table("service_at_location");
    let schedules = table("schedules");
    let costs = table("cost_options");
    let languages = table("languages");
    let access = table("accessibility");
    let addresses = table("addresses");
    let phones = table("phones");
    let contacts = table("contacts");
    let links = table("term_links");
    let terms = table("terms");
    let taxonomies = table("taxonomies");
    let areas = table("service_areas");

    const ID: &[&str] = &["id"];
    const SERVICE: &[&str] = &["service_id"];
    const LOCATION: &[&str] = &["location_id"];
    const SAL: &[&str] = &["service_at_location_id"];
    const ORG: &[&str] = &["organization_id", "organisation_id"];

    let service_ids: HashSet<&str> = (0..services.rows.len())
        .map(|r| services.get(r, ID))
        .filter(|s| !s.is_empty())
        .collect();
    let org_by_id = orgs.index(ID);
    let loc_by_id = locations.index(ID);
    let sal_by_id = sal.index(ID);
    let sal_by_service = sal.index(SERVICE);
    let sched_by_service = schedules.index(SERVICE);
    let sched_by_sal = schedules.index(SAL);
    let sched_by_location = schedules.index(LOCATION);
    let cost_by_service = costs.index(SERVICE);
    let lang_by_service = languages.index(SERVICE);
    let access_by_location = access.index(LOCATION);
    let address_by_location = addresses.index(LOCATION);
    let phone_by_service = phones.index(SERVICE);
    let phone_by_sal = phones.index(SAL);
    let phone_by_location = phones.index(LOCATION);
    let phone_by_org = phones.index(ORG);
    let phone_by_contact = phones.index(&["contact_id"]);
    let contact_by_service = contacts.index(SERVICE);
    let term_by_id = terms.index(ID);
    let taxonomy_by_id = taxonomies.index(ID);
    let links_by_owner = links.index(&["link_id", "service_id"]);
    let area_by_service = areas.index(SERVICE);

    // Links that point nowhere.
    let mut dangling = Dangling::default();
    let loc_ids: HashSet<&str> = loc_by_id.keys().map(String::as_str).collect();
    let org_ids: HashSet<&str> = org_by_id.keys().map(String::as_str).collect();
    let sal_ids: HashSet<&str> = sal_by_id.keys().map(String::as_str).collect();
    for (tab, col, targets, target_file) in [
        (sal, SERVICE, &service_ids, "services.csv"),
        (sal, LOCATION, &loc_ids, "locations.csv"),
        (schedules, SERVICE, &service_ids, "services.csv"),
        (costs, SERVICE, &service_ids, "services.csv"),
        (languages, SERVICE, &service_ids, "services.csv"),
        (access, LOCATION, &loc_ids, "locations.csv"),
        (addresses, LOCATION, &loc_ids, "locations.csv"),
        (phones, SERVICE, &service_ids, "services.csv"),
        (contacts, SERVICE, &service_ids, "services.csv"),
        (areas, SERVICE, &service_ids, "services.csv"),
        (services, ORG, &org_ids, "organizations.csv"),
    ] {
        for r in 0..tab.rows.len() {
            let value = tab.get(r, col);
            if !value.is_empty() && !targets.contains(value) {
                dangling.add(
                    &tab.file,
                    col.first().copied().unwrap_or(""),
                    target_file,
                    value,
                );
            }
        }
    }
    for r in 0..links.rows.len() {
        let owner = links.get(r, &["link_id", "service_id"]);
        let known = service_ids.contains(owner)
            || loc_ids.contains(owner)
            || org_ids.contains(owner)
            || sal_ids.contains(owner);
        if !owner.is_empty() && !known {
            dangling.add(&links.file, "link_id", "any table", owner);
        }
        let term = links.get(r, &["taxonomy_term_id", "taxonomy_id"]);
        if !term.is_empty() && !term_by_id.contains_key(term) {
            let target = if terms.file.is_empty() {
                "a taxonomy terms table (there is none)"
            } else {
                terms.file.as_str()
            };
            dangling.add(&links.file, "taxonomy_term_id", target, term);
        }
    }
    dangling.report(&mut builder.report);

    let schedule_at = |r: usize| SrcSchedule {
        id: schedules.get(r, ID).to_string(),
        byday: schedules.get(r, &["byday"]).to_string(),
        weekday: schedules.get(r, &["weekday"]).to_string(),
        freq: schedules.get(r, &["freq"]).to_string(),
        opens_at: schedules.get(r, &["opens_at"]).to_string(),
        closes_at: schedules.get(r, &["closes_at"]).to_string(),
        description: schedules.get(r, &["description"]).to_string(),
    };
    let rows_of = |index: &HashMap<String, Vec<usize>>, key: &str| -> Vec<usize> {
        if key.is_empty() {
            return Vec::new();
        }
        index.get(key).cloned().unwrap_or_default()
    };
    let phone_numbers = |index: &HashMap<String, Vec<usize>>, key: &str| -> Vec<String> {
        rows_of(index, key)
            .into_iter()
            .map(|r| phones.get(r, &["number"]).to_string())
            .filter(|n| !n.is_empty())
            .collect()
    };

    for r in 0..services.rows.len() {
        let id = services.get(r, ID).to_string();
        let text = |names: &[&str]| services.get(r, names).to_string();

        let org = org_by_id
            .get(services.get(r, ORG))
            .and_then(|rows| rows.first())
            .map(|&o| SrcOrg {
                name: orgs.get(o, &["name"]).to_string(),
                email: orgs.get(o, &["email"]).to_string(),
                website: orgs.get(o, &["website", "url"]).to_string(),
                phones: phone_numbers(&phone_by_org, orgs.get(o, ID)),
            });

        // Terms.
        let mut svc_terms = Vec::new();
        for l in rows_of(&links_by_owner, &id) {
            let term_id = links.get(l, &["taxonomy_term_id", "taxonomy_id"]);
            if term_id.is_empty() {
                continue;
            }
            match term_by_id.get(term_id).and_then(|rows| rows.first()) {
                Some(&tr) => {
                    let taxonomy_id = terms.get(tr, &["taxonomy_id"]);
                    let taxonomy_name = taxonomy_by_id
                        .get(taxonomy_id)
                        .and_then(|rows| rows.first())
                        .map(|&x| taxonomies.get(x, &["name"]))
                        .unwrap_or("");
                    let taxonomy = [terms.get(tr, &["taxonomy", "vocabulary"]), taxonomy_name]
                        .into_iter()
                        .find(|s| !s.is_empty())
                        .unwrap_or("");
                    svc_terms.push(Term {
                        taxonomy: taxonomy.to_string(),
                        code: terms.get(tr, &["code", "id"]).to_string(),
                        name: terms.get(tr, &["name", "term"]).to_string(),
                    });
                }
                // Not in the terms table: the id itself may be a code the mapping knows.
                None => svc_terms.push(Term {
                    taxonomy: links.get(l, &["taxonomy", "vocabulary"]).to_string(),
                    code: term_id.to_string(),
                    name: String::new(),
                }),
            }
        }
        svc_terms.sort();
        svc_terms.dedup();

        // Places, and which schedules belong to them.
        let mut places = Vec::new();
        let mut used_schedules = HashSet::new();
        for s in rows_of(&sal_by_service, &id) {
            let sal_id = sal.get(s, ID);
            let loc_id = sal.get(s, LOCATION);
            let Some(&l) = loc_by_id.get(loc_id).and_then(|rows| rows.first()) else {
                continue; // reported as a dangling link above
            };
            let mut place_schedules = Vec::new();
            for sr in rows_of(&sched_by_sal, sal_id).into_iter().chain(
                rows_of(&sched_by_location, loc_id)
                    .into_iter()
                    .filter(|&sr| {
                        schedules.get(sr, SERVICE) == id && schedules.get(sr, SAL).is_empty()
                    }),
            ) {
                if used_schedules.insert(sr) {
                    place_schedules.push(schedule_at(sr));
                }
            }
            let building_schedules = rows_of(&sched_by_location, loc_id)
                .into_iter()
                .filter(|&sr| {
                    schedules.get(sr, SERVICE).is_empty() && schedules.get(sr, SAL).is_empty()
                })
                .map(schedule_at)
                .collect();
            let address_row = rows_of(&address_by_location, loc_id)
                .into_iter()
                .find(|&a| {
                    addresses
                        .get(a, &["address_type"])
                        .eq_ignore_ascii_case("physical")
                })
                .or_else(|| rows_of(&address_by_location, loc_id).into_iter().next());
            let (street, postcode) = match address_row {
                Some(a) => {
                    let parts: Vec<&str> = ["address_1", "address_2", "city"]
                        .iter()
                        .map(|k| addresses.get(a, &[k]))
                        .filter(|t| !t.is_empty())
                        .collect();
                    (
                        parts.join(", "),
                        addresses.get(a, &["postal_code", "postcode"]).to_string(),
                    )
                }
                None => (String::new(), String::new()),
            };
            let mut access_texts = Vec::new();
            for a in rows_of(&access_by_location, loc_id) {
                for col in ["description", "accessibility", "details"] {
                    let t = access.get(a, &[col]);
                    if !t.is_empty() {
                        access_texts.push(t.to_string());
                    }
                }
            }
            places.push(SrcLocation {
                id: loc_id.to_string(),
                name: locations.get(l, &["name"]).to_string(),
                location_type: locations.get(l, &["location_type"]).to_string(),
                lat: locations.get(l, &["latitude", "lat"]).to_string(),
                lon: locations.get(l, &["longitude", "lon", "lng"]).to_string(),
                address: street,
                postcode,
                access: access_texts,
                schedules: place_schedules,
                building_schedules,
            });
        }
        let service_schedules: Vec<SrcSchedule> = rows_of(&sched_by_service, &id)
            .into_iter()
            .filter(|sr| !used_schedules.contains(sr))
            .map(schedule_at)
            .collect();

        let mut svc_phones = phone_numbers(&phone_by_service, &id);
        for s in rows_of(&sal_by_service, &id) {
            svc_phones.extend(phone_numbers(&phone_by_sal, sal.get(s, ID)));
        }
        let mut email = text(&["email"]);
        for c in rows_of(&contact_by_service, &id) {
            svc_phones.extend(phone_numbers(&phone_by_contact, contacts.get(c, ID)));
            if email.is_empty() {
                email = contacts.get(c, &["email"]).to_string();
            }
        }
        for p in &places {
            svc_phones.extend(phone_numbers(&phone_by_location, &p.id));
        }

        let mut hints = Vec::new();
        for key in ["attending_type", "delivery_method"] {
            let t = text(&[key]);
            if !t.is_empty() {
                hints.push((key.to_string(), t));
            }
        }
        for sr in rows_of(&sched_by_service, &id) {
            let t = schedules.get(sr, &["attending_type"]);
            if !t.is_empty() {
                hints.push(("schedule attending_type".to_string(), t.to_string()));
            }
        }
        for a in rows_of(&area_by_service, &id) {
            for key in ["name", "service_area", "description"] {
                let t = areas.get(a, &[key]);
                if !t.is_empty() {
                    hints.push((format!("service area {key}"), t.to_string()));
                }
            }
        }
        for p in &places {
            if p.location_type.eq_ignore_ascii_case("virtual") {
                hints.push(("location_type".to_string(), "virtual".to_string()));
            }
        }

        builder.add(SrcService {
            id: id.clone(),
            name: text(&["name"]),
            description: text(&["description"]),
            status: text(&["status"]),
            url: text(&["url", "website"]),
            email,
            phones: svc_phones,
            org,
            terms: svc_terms,
            schedules: service_schedules,
            locations: places,
            costs: rows_of(&cost_by_service, &id)
                .into_iter()
                .map(|c| SrcCost {
                    amount: costs.get(c, &["amount"]).to_string(),
                    free: costs.get(c, &["free"]).to_string(),
                    currency: costs.get(c, &["currency"]).to_string(),
                    option: costs.get(c, &["option"]).to_string(),
                })
                .collect(),
            fees: [text(&["fees_description"]), text(&["fees"])]
                .into_iter()
                .filter(|t| !t.is_empty())
                .collect(),
            languages: rows_of(&lang_by_service, &id)
                .into_iter()
                .map(|l| languages.get(l, &["code", "name", "language"]).to_string())
                .collect(),
            assured_date: text(&["assured_date"]),
            last_modified: text(&["last_modified"]),
            other_dates: ["updated_at", "date_modified", "last_verified_on"]
                .iter()
                .map(|k| (k.to_string(), text(&[k])))
                .filter(|(_, t)| !t.is_empty())
                .collect(),
            hints,
        });
    }
    Ok(())
}

/// Links that point nowhere, counted by (file, column, target) with a few examples.
#[derive(Default)]
struct Dangling {
    seen: Vec<DanglingLink>,
}

/// (file, column, target table), how many rows, up to three example values.
type DanglingLink = ((String, String, String), usize, Vec<String>);

impl Dangling {
    fn add(&mut self, file: &str, column: &str, target: &str, value: &str) {
        let key = (file.to_string(), column.to_string(), target.to_string());
        match self.seen.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, count, examples)) => {
                *count += 1;
                if examples.len() < 3 && !examples.iter().any(|e| e == value) {
                    examples.push(value.to_string());
                }
            }
            None => self.seen.push((key, 1, vec![value.to_string()])),
        }
    }

    fn report(&self, report: &mut Report) {
        for ((file, column, target), count, examples) in &self.seen {
            let rows = if *count == 1 { "row" } else { "rows" };
            report.problem(format!(
                "{file}: {count} {rows} with a {column} that is not in {target} (e.g. {}); those links were ignored",
                examples.join(", ")
            ));
        }
    }
}
