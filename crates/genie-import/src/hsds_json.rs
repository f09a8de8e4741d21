//! Reads HSDS JSON: HSDS 3.0 `service_full`, `organization_full` (with its services) and
//! `service_at_location_full` objects, alone, in an array, or in an API page (`contents`);
//! and Open Referral UK v1 pages (`content`, `totalElements`, `organisation` or `organization`,
//! `service_taxonomys`, `regular_schedules`, `physical_addresses`, integer ids).
//!
//! Every field is read as text whatever its JSON type (ids may be numbers, amounts strings),
//! and a missing or wrongly typed field reads as empty; [`crate::convert`] then decides what
//! the text means.

use std::path::Path;

use serde_json::Value;

use crate::convert::{Builder, SrcCost, SrcLocation, SrcOrg, SrcSchedule, SrcService};
use crate::mapping::Term;
use crate::{strip_bom, Import, ImportError, Mapping, Options};

/// Imports a JSON file.
pub fn import_file(
    path: &Path,
    mapping: &Mapping,
    options: &Options,
) -> Result<Import, ImportError> {
    let bytes = std::fs::read(path)
        .map_err(|e| ImportError(format!("cannot read {}: {e}", path.display())))?;
    let text = String::from_utf8_lossy(&bytes);
    let source = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let mut import = import_str(&text, mapping, options, &source)?;
    if std::str::from_utf8(&bytes).is_err() {
        import
            .report
            .problem("the file is not valid UTF-8; unreadable characters were replaced");
    }
    Ok(import)
}

/// Imports JSON text. `source` names it in the report.
pub fn import_str(
    text: &str,
    mapping: &Mapping,
    options: &Options,
    source: &str,
) -> Result<Import, ImportError> {
    let mut builder = Builder::new(mapping, options, source);
    let page = read_json(text, source, &mut builder)?;
    if let Some(page) = page {
        if let Some(total) = page.total_items {
            if total > page.items as u64 && !matches!(page.total_pages, Some(p) if p <= 1) {
                builder.report.problem(format!(
                    "{source} is one page of {total} records; only its {} are imported. Give every page (several files, a folder or a zip) to import them all",
                    page.items
                ));
            }
        }
    }
    let (directory, report) = builder.finish(&options.area);
    Ok(Import { directory, report })
}

/// What a paged API response says about itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PageInfo {
    /// Records on this page.
    pub items: usize,
    /// `total_items` / `totalElements`.
    pub total_items: Option<u64>,
    /// `total_pages` / `totalPages`.
    pub total_pages: Option<u64>,
    /// `page_number` / `number` (as the feed counts: from 0 or 1).
    pub page_number: Option<u64>,
}

/// Reads one JSON document (a record, a list of them, or an API page) into the builder.
/// Returns what the page says about itself, when it is a page.
pub(crate) fn read_json(
    text: &str,
    source: &str,
    builder: &mut Builder<'_>,
) -> Result<Option<PageInfo>, ImportError> {
    let root: Value = serde_json::from_str(strip_bom(text)).map_err(|e| {
        ImportError(format!(
            "{source} is not JSON ({e}); give the export exactly as it was downloaded"
        ))
    })?;
    let mut page = None;
    let records: Vec<&Value> = match &root {
        Value::Array(items) => items.iter().collect(),
        Value::Object(_) => match page_items(&root) {
            Some((items, info)) => {
                page = Some(info);
                items.iter().collect()
            }
            None => vec![&root],
        },
        _ => {
            return Err(ImportError(format!(
                "{source} holds neither an object nor a list of them"
            )))
        }
    };
    const DETAILS: &[&str] = &[
        "service_at_locations",
        "locations",
        "schedules",
        "regular_schedules",
        "attributes",
        "taxonomy_terms",
        "service_taxonomys",
        "service_taxonomies",
        "location",
    ];
    let bare = records
        .iter()
        .filter(|r| r.get("name").is_some() && DETAILS.iter().all(|k| r.get(*k).is_none()))
        .count();
    for (n, record) in records.into_iter().enumerate() {
        read_record(record, n + 1, builder);
    }
    if bare > 0 {
        builder.report.problem(format!(
            "{source}: {bare} services are list entries without their details (no places, times or categories), as an API's list page gives them; fetch each service's full record (/services/{{id}}) or ask for a full export"
        ));
    }
    Ok(page)
}

/// The items of an API page and what it says about itself, if `root` is a page.
fn page_items(root: &Value) -> Option<(&Vec<Value>, PageInfo)> {
    let items = ["contents", "content", "items", "data", "results"]
        .iter()
        .find_map(|key| root.get(*key).and_then(Value::as_array))?;
    let number = |keys: &[&str]| {
        keys.iter().find_map(|key| {
            root.get(*key).and_then(|v| {
                v.as_u64()
                    .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
            })
        })
    };
    let info = PageInfo {
        items: items.len(),
        total_items: number(&["total_items", "totalElements", "total"]),
        total_pages: number(&["total_pages", "totalPages"]),
        page_number: number(&["page_number", "number", "page"]),
    };
    Some((items, info))
}

fn read_record(record: &Value, n: usize, builder: &mut Builder<'_>) {
    if !record.is_object() {
        builder
            .report
            .skip(format!("record #{n}"), "it is not an object");
        return;
    }
    // organization_full: its services, each with the organisation as context.
    if let Some(services) = record.get("services").and_then(Value::as_array) {
        let org = org_of(record);
        if services.is_empty() {
            builder.report.skip(
                label(record, n, "organization"),
                "an organization with no services; nothing to import",
            );
        }
        for service in services {
            if service.is_object() {
                builder.add(service_of(service, Some(&org), None));
            } else {
                builder.report.skip(
                    label(record, n, "organization"),
                    "a service in it is not an object",
                );
            }
        }
        return;
    }
    // service_at_location_full: one service at one place.
    if let (Some(service), Some(_)) = (
        record.get("service").filter(|v| v.is_object()),
        record.get("location").filter(|v| v.is_object()),
    ) {
        builder.add(service_of(service, None, Some(record)));
        return;
    }
    let org_only = [
        "legal_status",
        "tax_status",
        "year_incorporated",
        "website",
        "logo",
    ]
    .iter()
    .any(|k| record.get(*k).is_some())
        && ["status", "service_at_locations", "schedules", "attributes"]
            .iter()
            .all(|k| record.get(*k).is_none());
    if org_only {
        builder.report.skip(
            label(record, n, "organization"),
            "an organization with no services; nothing to import",
        );
        return;
    }
    builder.add(service_of(record, None, None));
}

fn label(record: &Value, n: usize, what: &str) -> String {
    let id = text(record, "id");
    if id.is_empty() {
        format!("{what} #{n}")
    } else {
        id
    }
}

/// A field as text: strings trimmed, numbers and booleans written out, anything else empty.
fn text(v: &Value, key: &str) -> String {
    match v.get(key) {
        Some(Value::String(s)) => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

/// A field that should be an array of objects (a single object is taken as a list of one).
fn list<'a>(v: &'a Value, key: &str) -> Vec<&'a Value> {
    match v.get(key) {
        Some(Value::Array(items)) => items.iter().filter(|i| i.is_object()).collect(),
        Some(item @ Value::Object(_)) => vec![item],
        _ => Vec::new(),
    }
}

fn object<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    v.get(key).filter(|o| o.is_object())
}

fn first_text(v: &Value, keys: &[&str]) -> String {
    keys.iter()
        .map(|k| text(v, k))
        .find(|t| !t.is_empty())
        .unwrap_or_default()
}

fn phones_of(v: &Value) -> Vec<String> {
    let mut out: Vec<String> = list(v, "phones")
        .into_iter()
        .map(|p| text(p, "number"))
        .filter(|n| !n.is_empty())
        .collect();
    for contact in list(v, "contacts") {
        out.extend(
            list(contact, "phones")
                .into_iter()
                .map(|p| text(p, "number"))
                .filter(|n| !n.is_empty()),
        );
        let plain = first_text(contact, &["phone", "telephone", "phone_number"]);
        if !plain.is_empty() {
            out.push(plain);
        }
    }
    out
}

/// The first e-mail address among a record's contacts.
fn contact_email(v: &Value) -> String {
    list(v, "contacts")
        .into_iter()
        .map(|c| text(c, "email"))
        .find(|e| !e.is_empty())
        .unwrap_or_default()
}

fn org_of(v: &Value) -> SrcOrg {
    SrcOrg {
        name: text(v, "name"),
        email: text(v, "email"),
        website: first_text(v, &["website", "url"]),
        phones: phones_of(v),
    }
}

fn schedule_of(v: &Value) -> SrcSchedule {
    SrcSchedule {
        id: text(v, "id"),
        byday: text(v, "byday"),
        weekday: text(v, "weekday"),
        freq: text(v, "freq"),
        opens_at: text(v, "opens_at"),
        closes_at: text(v, "closes_at"),
        description: text(v, "description"),
    }
}

fn schedules_in(v: &Value) -> Vec<SrcSchedule> {
    ["schedules", "regular_schedules", "regular_schedule"]
        .iter()
        .flat_map(|k| list(v, k))
        .map(schedule_of)
        .collect()
}

fn location_of(sal: &Value, loc: &Value) -> SrcLocation {
    let addresses: Vec<&Value> = ["addresses", "physical_addresses", "address"]
        .iter()
        .flat_map(|k| list(loc, k))
        .collect();
    let address = addresses
        .iter()
        .find(|a| text(a, "address_type").eq_ignore_ascii_case("physical"))
        .or_else(|| addresses.first())
        .copied();
    // A location may carry its address fields itself (Open Referral UK, some 3.0 feeds).
    let address = address.unwrap_or(loc);
    let parts: Vec<String> = ["address_1", "address_2", "city"]
        .iter()
        .map(|k| text(address, k))
        .filter(|t| !t.is_empty())
        .collect();
    let (street, postcode) = (
        parts.join(", "),
        first_text(address, &["postal_code", "postcode", "post_code", "zip"]),
    );
    let (lat, lon) = coordinates(loc);
    let mut access = Vec::new();
    for a in list(loc, "accessibility") {
        access.extend(
            [text(a, "description"), text(a, "details")]
                .into_iter()
                .filter(|t| !t.is_empty()),
        );
    }
    for a in list(loc, "accessibilities") {
        access.extend(
            [
                text(a, "description"),
                text(a, "details"),
                text(a, "accessibility"),
            ]
            .into_iter()
            .filter(|t| !t.is_empty()),
        );
    }
    for a in list(loc, "accessibility_for_disabilities") {
        access.extend(
            [text(a, "accessibility"), text(a, "details")]
                .into_iter()
                .filter(|t| !t.is_empty()),
        );
    }
    SrcLocation {
        id: text(loc, "id"),
        name: text(loc, "name"),
        location_type: text(loc, "location_type"),
        lat,
        lon,
        address: street,
        postcode,
        access,
        schedules: schedules_in(sal),
        building_schedules: schedules_in(loc),
    }
}

/// Latitude and longitude as text: `latitude`/`longitude` (or `lat`/`lng`/`lon`), else a
/// GeoJSON point (`geometry` or `location`, whose coordinates are [longitude, latitude]).
fn coordinates(loc: &Value) -> (String, String) {
    let lat = first_text(loc, &["latitude", "lat"]);
    let lon = first_text(loc, &["longitude", "lon", "lng", "long"]);
    if !lat.is_empty() && !lon.is_empty() {
        return (lat, lon);
    }
    for key in ["geometry", "geo", "point"] {
        let Some(g) = object(loc, key) else { continue };
        if let Some([x, y, ..]) = g
            .get("coordinates")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
        {
            let num = |v: &Value| match v {
                Value::Number(n) => n.to_string(),
                Value::String(s) => s.trim().to_string(),
                _ => String::new(),
            };
            return (num(y), num(x));
        }
    }
    (lat, lon)
}

fn term_of(t: &Value, taxonomy_fallback: &str) -> Term {
    let taxonomy = [
        text(t, "taxonomy"),
        text(t, "vocabulary"),
        object(t, "taxonomy_detail")
            .map(|d| text(d, "name"))
            .unwrap_or_default(),
        taxonomy_fallback.to_string(),
    ]
    .into_iter()
    .find(|s| !s.is_empty())
    .unwrap_or_default();
    Term {
        taxonomy,
        code: first_text(t, &["code", "id"]),
        name: text(t, "name"),
    }
}

fn terms_of(v: &Value) -> Vec<Term> {
    let mut terms = Vec::new();
    // HSDS 3.0: attributes, each with an embedded taxonomy_term.
    for attribute in list(v, "attributes") {
        if let Some(t) = object(attribute, "taxonomy_term") {
            terms.push(term_of(t, ""));
        }
    }
    // HSDS 2.x and some 3.0 publishers: a plain list of terms.
    for key in ["taxonomy_terms", "taxonomies"] {
        for t in list(v, key) {
            terms.push(term_of(t, ""));
        }
    }
    // Open Referral UK v1: service_taxonomys[].taxonomy {id, name, vocabulary}.
    for key in [
        "service_taxonomys",
        "service_taxonomies",
        "service_taxonomy",
    ] {
        for st in list(v, key) {
            match object(st, "taxonomy") {
                Some(t) => terms.push(term_of(t, "")),
                None => {
                    let name = text(st, "name");
                    if !name.is_empty() {
                        terms.push(term_of(st, ""));
                    }
                }
            }
        }
    }
    terms.sort();
    terms.dedup();
    terms
}

/// One service. `org` is the enclosing organization_full; `sal_full` a
/// service_at_location_full record whose `location` the service is at.
fn service_of(v: &Value, org: Option<&SrcOrg>, sal_full: Option<&Value>) -> SrcService {
    let org = org.cloned().or_else(|| {
        object(v, "organization")
            .or_else(|| object(v, "organisation"))
            .map(org_of)
    });
    let mut locations = Vec::new();
    for sal in list(v, "service_at_locations") {
        if let Some(loc) = object(sal, "location") {
            locations.push(location_of(sal, loc));
        }
    }
    // Some publishers list locations on the service directly.
    for loc in list(v, "locations") {
        locations.push(location_of(&Value::Null, loc));
    }
    let mut phones = phones_of(v);
    if let Some(sal) = sal_full {
        if let Some(loc) = object(sal, "location") {
            locations.push(location_of(sal, loc));
        }
        phones.extend(phones_of(sal));
    }
    for sal in list(v, "service_at_locations") {
        phones.extend(phones_of(sal));
    }

    let mut languages = Vec::new();
    for l in list(v, "languages") {
        let t = first_text(l, &["code", "name", "language"]);
        if !t.is_empty() {
            languages.push(t);
        }
    }
    // Open Referral UK sometimes gives languages as plain strings.
    if let Some(items) = v.get("languages").and_then(Value::as_array) {
        languages.extend(items.iter().filter_map(Value::as_str).map(str::to_string));
    }

    let mut hints: Vec<(String, String)> = Vec::new();
    for key in ["attending_type", "delivery_method"] {
        let t = text(v, key);
        if !t.is_empty() {
            hints.push((key.to_string(), t));
        }
    }
    for schedule in list(v, "schedules")
        .into_iter()
        .chain(list(v, "regular_schedules"))
    {
        let t = text(schedule, "attending_type");
        if !t.is_empty() {
            hints.push(("schedule attending_type".to_string(), t));
        }
    }
    for area in list(v, "service_areas") {
        for key in ["name", "service_area", "extent"] {
            let t = text(area, key);
            if !t.is_empty() {
                hints.push((format!("service area {key}"), t));
            }
        }
    }

    SrcService {
        id: text(v, "id"),
        name: text(v, "name"),
        description: text(v, "description"),
        status: text(v, "status"),
        url: text(v, "url"),
        email: [text(v, "email"), contact_email(v)]
            .into_iter()
            .find(|e| !e.is_empty())
            .unwrap_or_default(),
        phones,
        org,
        terms: terms_of(v),
        schedules: schedules_in(v),
        locations,
        costs: list(v, "cost_options")
            .into_iter()
            .map(|c| SrcCost {
                amount: text(c, "amount"),
                free: text(c, "free"),
                currency: text(c, "currency"),
                option: text(c, "option"),
            })
            .collect(),
        fees: [text(v, "fees_description"), text(v, "fees")]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect(),
        languages,
        assured_date: text(v, "assured_date"),
        last_modified: text(v, "last_modified"),
        other_dates: other_dates(v),
        hints,
    }
}

/// Other fields that date the record: `updated_at`, Open Referral UK's `pc_metadata`, and
/// HSDS 3.0 `metadata` (the latest `last_action_date`).
fn other_dates(v: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for key in ["updated_at", "date_modified", "last_verified_on"] {
        let t = text(v, key);
        if !t.is_empty() {
            out.push((key.to_string(), t));
        }
    }
    if let Some(meta) = object(v, "pc_metadata") {
        for key in ["date_assured", "date_modified"] {
            let t = text(meta, key);
            if !t.is_empty() {
                out.push((format!("pc_metadata {key}"), t));
            }
        }
    }
    let mut actions: Vec<String> = list(v, "metadata")
        .into_iter()
        .map(|m| text(m, "last_action_date"))
        .filter(|t| !t.is_empty())
        .collect();
    // ISO dates sort as text; the latest says when it was last looked at.
    actions.sort();
    if let Some(latest) = actions.pop() {
        out.push(("metadata last_action_date".to_string(), latest));
    }
    out
}
