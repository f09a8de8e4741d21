//! `genie-area check <folder>`: checks an area folder before it is published.
//! `genie-area lookup <file>...`: builds the folder's lookup.json from downloaded postcode files.
//! `genie-area tiles <folder>`: writes the folder's directory as tiles by place.
//!
//! Exit status: 0 when the folder is ready (or the lookup was written), 1 when there are
//! problems, 2 for a wrong command.

// Shipped code never unwraps: bad input gets a clear message, not a crash (tests may).
#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use genie_area::build::{self, Country, Request, Summary};
use genie_core::area::{AreaLookup, LatLon};

const USAGE: &str = "\
Checks an area folder (area.json, directory.json, lookup.json) before you publish it, and
builds its lookup.json from open postcode files.

Usage:
  genie-area check <folder>
  genie-area lookup <file>... --folder <area folder> [options]
  genie-area lookup <file>... --centre <lat,lon> --radius <km> --out lookup.json [options]
  genie-area tiles <folder>

check prints every problem found, in plain words. It exits with 0 when the folder is ready
to publish, 1 when there are problems to fix.

lookup reads the UK ONS Postcode Directory or Code-Point Open CSV, the US Census ZCTA
gazetteer, or any CSV with a code and coordinates, keeps the places within the area's radius
and writes lookup.json (into the folder, keeping the neighbourhoods already there).
  --folder <folder>       take the centre, radius and name from its area.json
  --centre <lat,lon>      the area's centre, when there is no area.json yet
  --radius <km>           how far the area reaches (default 50)
  --country <code>        how postal codes are written: GB, US, NL, NO, GR, ES, BG or other
                          (default GB)
  --kind <kind>           postcode (default) or neighbourhood (for a list of place names)
  --code-column, --lat-column, --lon-column <name>
                          the columns to use when their names are not recognised
  --out <file>            where to write (default: <folder>/lookup.json)

tiles writes the folder's directory.json again as tiles by place in <folder>/tiles/ (an
index.json, a file per 11 km square that has entries and files for national and online
services, none over 400 entries), so each phone fetches only what is within the person's reach. Worth it from a few
thousand entries; run it again whenever directory.json changes. Tile files no longer named in
the index are removed.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") if args.len() == 2 => {
            let report = genie_area::check(Path::new(&args[1]));
            print!("{report}");
            if report.is_clean() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Some("lookup") => match lookup(&args[1..]) {
            Ok(code) => code,
            Err(message) => {
                eprintln!("genie-area lookup: {message}\n\n{USAGE}");
                ExitCode::from(2)
            }
        },
        Some("tiles") if args.len() == 2 => match tiles(Path::new(&args[1])) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("genie-area tiles: {message}");
                ExitCode::from(1)
            }
        },
        Some("--help" | "-h" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Writes `<folder>/tiles/` from `<folder>/directory.json`, checked as the app checks it.
fn tiles(folder: &Path) -> Result<(), String> {
    let source = folder.join("directory.json");
    let text = std::fs::read_to_string(&source)
        .map_err(|e| format!("could not read {}: {e}", source.display()))?;
    let (directory, problems) = genie_core::directory::validate(&text);
    if directory.resources.is_empty() {
        return Err(format!(
            "{} has no entry Genie can use; run `genie-area check` for why",
            source.display()
        ));
    }
    let tiled = genie_core::directory::tiles::split(&directory)
        .map_err(|e| format!("could not write the tiles: {e}"))?;
    let out = folder.join("tiles");
    std::fs::create_dir_all(&out).map_err(|e| format!("could not make {}: {e}", out.display()))?;
    // Compact: the index is read by every phone on every visit.
    let index = serde_json::to_string(&tiled.index)
        .map_err(|e| format!("could not write the index: {e}"))?;
    let mut keep: Vec<String> = vec!["index.json".into()];
    for (name, body) in &tiled.files {
        std::fs::write(out.join(name), body).map_err(|e| format!("could not write {name}: {e}"))?;
        keep.push(name.clone());
    }
    // The index last, so a phone never reads an index naming a file not yet written.
    std::fs::write(out.join("index.json"), index)
        .map_err(|e| format!("could not write the index: {e}"))?;
    if let Ok(entries) = std::fs::read_dir(&out) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            if name.ends_with(".json") && !keep.contains(&name) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    println!(
        "{} entries in {} tiles by place and {} of national and online services ({} entries \
         left out; `genie-area check` says why). Add \"directory\": \"tiles\" to area.json \
         so the app reads them.",
        directory.resources.len(),
        tiled.index.tiles.len(),
        tiled.index.remote.len(),
        problems
            .iter()
            .filter(|p| p.severity != genie_core::directory::Severity::Fixed)
            .count()
    );
    Ok(())
}

fn lookup(args: &[String]) -> Result<ExitCode, String> {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut folder: Option<PathBuf> = None;
    let mut centre: Option<LatLon> = None;
    let mut radius: Option<f64> = None;
    let mut out: Option<PathBuf> = None;
    let mut request = Request {
        area: String::new(),
        centre: LatLon { lat: 0.0, lon: 0.0 },
        radius_km: 50.0,
        country: Country::Gb,
        kind: "postcode".into(),
        code_column: None,
        lat_column: None,
        lon_column: None,
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match arg.as_str() {
            "--folder" => folder = Some(PathBuf::from(value("--folder")?)),
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--centre" | "--center" => {
                let v = value("--centre")?;
                let (a, b) = v
                    .split_once(',')
                    .ok_or_else(|| format!("--centre takes lat,lon such as 52.6,-1.95, not {v}"))?;
                let (Ok(lat), Ok(lon)) = (a.trim().parse(), b.trim().parse()) else {
                    return Err(format!("--centre takes two numbers, lat,lon, not {v}"));
                };
                centre = Some(LatLon { lat, lon });
            }
            "--radius" => {
                let v = value("--radius")?;
                radius = Some(
                    v.parse()
                        .ok()
                        .filter(|r: &f64| *r > 0.0 && r.is_finite())
                        .ok_or_else(|| format!("--radius takes kilometres above 0, not {v}"))?,
                );
            }
            "--country" => {
                let v = value("--country")?;
                request.country = Country::parse(&v).ok_or_else(|| {
                    format!("--country takes GB, US, NL, NO, GR, ES, BG or other, not {v}")
                })?;
            }
            "--kind" => {
                let v = value("--kind")?;
                if v != "postcode" && v != "neighbourhood" {
                    return Err(format!("--kind takes postcode or neighbourhood, not {v}"));
                }
                request.kind = v;
            }
            "--area" => request.area = value("--area")?,
            "--code-column" => request.code_column = Some(value("--code-column")?),
            "--lat-column" => request.lat_column = Some(value("--lat-column")?),
            "--lon-column" => request.lon_column = Some(value("--lon-column")?),
            other if other.starts_with("--") => return Err(format!("unknown option {other}")),
            other => files.push(PathBuf::from(other)),
        }
    }
    if files.is_empty() {
        return Err("give the downloaded postcode file(s) to read".into());
    }
    if let Some(folder) = &folder {
        let text = std::fs::read_to_string(folder.join(genie_area::SETTINGS_FILE))
            .map_err(|e| format!("cannot read area.json in {}: {e}", folder.display()))?;
        let (settings, _) = genie_area::settings::check(&text, folder);
        let settings = settings.ok_or_else(|| {
            format!(
                "area.json in {} has no usable centre; run genie-area check on the folder",
                folder.display()
            )
        })?;
        request.centre = settings.centre;
        request.radius_km = settings.radius_km;
        if request.area.is_empty() {
            request.area = settings.name;
        }
    }
    if let Some(c) = centre {
        request.centre = c;
    } else if folder.is_none() {
        return Err("give --folder (with its area.json) or --centre lat,lon".into());
    }
    if let Some(r) = radius {
        request.radius_km = r;
    }
    let out = match (out, &folder) {
        (Some(o), _) => o,
        (None, Some(f)) => f.join(genie_area::LOOKUP_FILE),
        (None, None) => return Err("give --out lookup.json (or --folder)".into()),
    };

    let mut places = BTreeMap::new();
    // Keep what the current lookup has of the other kind (its neighbourhoods, say).
    let mut kept_other = 0;
    if let Some(existing) = std::fs::read_to_string(&out)
        .ok()
        .and_then(|t| AreaLookup::parse(&t))
    {
        for p in existing
            .places
            .into_iter()
            .filter(|p| p.kind != request.kind)
        {
            let key: String = p
                .name
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            kept_other += 1;
            places.insert(key, p);
        }
    }
    let mut failed = false;
    for file in &files {
        let mut summary = Summary::default();
        let result = build::read_file(file)
            .and_then(|bytes| build::add_file(&bytes, &request, &mut places, &mut summary));
        match result {
            Ok(()) => println!(
                "{}: read as {}; {} rows, {} kept within {:.0} km, {} further away, {} terminated, {} not a postal code, {} without coordinates, {} repeated.",
                file.display(),
                summary.format,
                summary.rows,
                summary.kept,
                request.radius_km,
                summary.outside,
                summary.terminated,
                summary.not_a_code,
                summary.no_coordinates,
                summary.repeated
            ),
            Err(message) => {
                eprintln!("genie-area lookup: {}: {message}", file.display());
                failed = true;
            }
        }
    }
    let new_places = places.len() - kept_other;
    if failed || new_places == 0 {
        eprintln!(
            "genie-area lookup: no places within {:.0} km of {}, {} were found, so {} was not written. Check the centre (a lost minus sign?), the radius and --country.",
            request.radius_km,
            request.centre.lat,
            request.centre.lon,
            out.display()
        );
        return Ok(ExitCode::from(1));
    }
    let lookup = build::lookup(&request.area, places);
    let mut json =
        serde_json::json!({ "version": 1, "area": lookup.area, "places": lookup.places });
    if let Some(obj) = json.as_object_mut() {
        obj.retain(|_, v| !v.is_null());
    }
    let text = serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?;
    std::fs::write(&out, text + "\n")
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    println!(
        "Wrote {} ({} places{}).",
        out.display(),
        lookup.places.len(),
        if kept_other > 0 {
            format!(", keeping {kept_other} already there")
        } else {
            String::new()
        }
    );
    Ok(ExitCode::SUCCESS)
}
