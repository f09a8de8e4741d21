//! `lookup.json` (postcodes and neighbourhood names with their places) and directory places:
//! each must lie within the area, that is no further from its centre than the area's radius.

use std::collections::HashSet;

use genie_core::area::{distance_km, AreaLookup, AreaSettings, LatLon};
use genie_core::directory::{Directory, Reach};
use serde_json::Value;

use crate::settings::Settings;
use crate::{Finding, DIRECTORY_FILE, LOOKUP_FILE, SETTINGS_FILE};

/// Checks the text of `lookup.json`. Returns how many usable places it has and every problem.
/// Without usable settings (no centre), distances are not checked.
pub fn check(json: &str, settings: Option<&Settings>) -> (usize, Vec<Finding>) {
    let mut out = Vec::new();
    let mut problem = |code: &'static str, message: String| {
        out.push(Finding::new(LOOKUP_FILE, code, message));
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
            return (0, out);
        }
    };
    let Some(places) = root.get("places").and_then(Value::as_array) else {
        problem(
            "places_missing",
            "The file has no \"places\" list, so no postcode or neighbourhood can be found.".into(),
        );
        return (0, out);
    };
    if places.is_empty() {
        problem(
            "places_empty",
            "The \"places\" list is empty, so no postcode or neighbourhood can be found.".into(),
        );
    }

    let mut usable = 0;
    let mut names = HashSet::new();
    let mut far: Vec<(String, f64, LatLon)> = Vec::new();
    for (index, place) in places.iter().enumerate() {
        let n = index + 1;
        let name = place
            .get("name")
            .and_then(Value::as_str)
            .map(str::trim)
            .unwrap_or("");
        if name.is_empty() {
            problem(
                "place_no_name",
                format!("Place {n} has no name, so nobody can find it. Genie leaves it out."),
            );
            continue;
        }
        let label = format!("Place {n} (\"{name}\")");
        match place.get("kind").and_then(Value::as_str) {
            None | Some("postcode") | Some("neighbourhood") => {}
            Some(other) => problem(
                "place_kind_unknown",
                format!(
                    "{label}: the kind \"{other}\" is not one Genie knows; use \"postcode\" or \
                     \"neighbourhood\"."
                ),
            ),
        }
        let lat = place.get("lat").and_then(Value::as_f64);
        let lon = place.get("lon").and_then(Value::as_f64);
        let (Some(lat), Some(lon)) = (lat, lon) else {
            problem(
                "place_no_coordinates",
                format!(
                    "{label} needs a \"lat\" and a \"lon\", both numbers without quote marks. \
                     Genie leaves it out."
                ),
            );
            continue;
        };
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            problem(
                "place_out_of_range",
                format!(
                    "{label} is not a place on Earth (lat {lat}, lon {lon}). Genie leaves it out."
                ),
            );
            continue;
        }
        usable += 1;
        let key: String = name
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        if !names.insert(key) {
            problem(
                "place_repeated",
                format!(
                    "{label} is listed more than once; Genie uses the first. Remove the others."
                ),
            );
        }
        if let Some(settings) = settings {
            if let Some(km) = too_far(LatLon { lat, lon }, settings) {
                far.push((label, km, LatLon { lat, lon }));
            }
        }
    }
    if let Some(settings) = settings {
        if far.len() >= 3 && far.len() * 2 > usable {
            let n = far.len() as f64;
            let typical = far.iter().map(|(_, km, _)| km).sum::<f64>() / n;
            let middle = LatLon {
                lat: far.iter().map(|(_, _, at)| at.lat).sum::<f64>() / n,
                lon: far.iter().map(|(_, _, at)| at.lon).sum::<f64>() / n,
            };
            problem(
                "lookup_other_place",
                format!(
                    "The lookup seems to be made for another place: {} of its {usable} places are outside the area, on average {typical:.0} km from its centre (around {:.4}, {:.4}). Build it again for this area (genie-area lookup --folder with this folder), or correct \"centre\" in area.json if the area's centre is wrong.",
                    far.len(),
                    middle.lat,
                    middle.lon
                ),
            );
        } else {
            for (label, km, _) in far {
                problem("place_outside_area", outside(&label, km, settings));
            }
        }
    }
    (usable, out)
}

/// Directory entries at a place outside the area. When most of them are, the directory was
/// made for another place: that is said once, with how far away and what to change, rather
/// than once per entry.
pub fn far_resources(directory: &Directory, settings: &Settings) -> Vec<Finding> {
    let local: Vec<(&genie_core::directory::Resource, LatLon)> = directory
        .resources
        .iter()
        .filter_map(|resource| match &resource.reach {
            Reach::Local { location } => Some((
                resource,
                LatLon {
                    lat: location.lat,
                    lon: location.lon,
                },
            )),
            _ => None,
        })
        .collect();
    let far: Vec<(&genie_core::directory::Resource, f64)> = local
        .iter()
        .filter_map(|(r, at)| too_far(*at, settings).map(|km| (*r, km)))
        .collect();
    if far.len() >= 3 && far.len() * 2 > local.len() {
        let n = far.len() as f64;
        let middle = LatLon {
            lat: local.iter().map(|(_, at)| at.lat).sum::<f64>() / local.len() as f64,
            lon: local.iter().map(|(_, at)| at.lon).sum::<f64>() / local.len() as f64,
        };
        let km = distance_km(settings.centre, middle);
        let typical = far.iter().map(|(_, km)| km).sum::<f64>() / n;
        let named =
            if !directory.area.trim().is_empty() && !same_place(&directory.area, &settings.name) {
                format!(
                    " It says it is for \"{}\", and area.json is for \"{}\".",
                    directory.area.trim(),
                    settings.name
                )
            } else {
                String::new()
            };
        return vec![Finding::new(
            DIRECTORY_FILE,
            "directory_other_place",
            format!(
                "The directory seems to be made for another place: {} of its {} entries with a place are outside the area, on average {typical:.0} km from its centre (their middle, at {:.4}, {:.4}, is {km:.0} km away).{named} Use the directory made for this area (run genie-import again with the right export), or correct \"centre\" in area.json if the area's centre is wrong.",
                far.len(),
                local.len(),
                middle.lat,
                middle.lon,
            ),
        )];
    }
    far.into_iter()
        .map(|(resource, km)| {
            let label = format!("\"{}\" (id \"{}\")", resource.name, resource.id);
            Finding::new(
                DIRECTORY_FILE,
                "resource_outside_area",
                outside(&label, km, settings),
            )
        })
        .collect()
}

/// Whether two area names name the same place ("Millbrook" and "Millbrook and district").
fn same_place(a: &str, b: &str) -> bool {
    let squash = |t: &str| -> String {
        t.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (a, b) = (squash(a), squash(b));
    a.contains(&b) || b.contains(&a)
}

/// How far `point` is from the centre, when that is beyond the radius.
fn too_far(point: LatLon, settings: &Settings) -> Option<f64> {
    let km = distance_km(settings.centre, point);
    (km > settings.radius_km).then_some(km)
}

fn outside(label: &str, km: f64, settings: &Settings) -> String {
    format!(
        "{label} is {km:.0} km from the centre of the area, further than the {:.0} km the area \
         reaches. Check its latitude and longitude (a lost minus sign or swapped numbers are \
         common), or set \"radius_km\" in area.json if your area really is that big.",
        settings.radius_km
    )
}

/// The examples area.json shows beside the place question must be found, as typed, in the
/// lookup: an example that finds nothing would teach people something that does not work.
pub fn examples_found(settings: &AreaSettings, lookup_json: &str) -> Vec<Finding> {
    let Some(lookup) = AreaLookup::parse(lookup_json) else {
        return Vec::new();
    };
    settings
        .examples()
        .into_iter()
        .filter(|example| lookup.locate(example).is_none())
        .map(|example| {
            Finding::new(
                SETTINGS_FILE,
                "example_not_found",
                format!(
                    "The example \"{example}\" is not in {LOOKUP_FILE}, so people who type it \
                     would find nothing. Give a postcode or neighbourhood from {LOOKUP_FILE}."
                ),
            )
        })
        .collect()
}
