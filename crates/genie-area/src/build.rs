//! `genie-area lookup`: builds `lookup.json` from open files a commissioner can download, cut
//! to the area's radius:
//!
//! - the UK ONS Postcode Directory (ONSPD) CSV: `pcds`/`pcd`, `lat`, `long`; terminated
//!   postcodes (`doterm` set) are left out;
//! - OS Code-Point Open CSV (no header row: postcode, quality, eastings, northings, ...):
//!   British National Grid eastings and northings, converted to latitude and longitude;
//! - the US Census ZCTA gazetteer (tab-separated: `GEOID`, `INTPTLAT`, `INTPTLONG`);
//! - any CSV (comma, semicolon or tab) with a code column and latitude/longitude columns, found
//!   by their names or given with `--code-column`, `--lat-column`, `--lon-column`.
//!
//! Postal codes are written the way people of that country type them ([`normalise`]), so
//! the app matches what a person enters: "SW1A 1AA", "1234 AB", "123 45", "0150", "08001".

use std::collections::BTreeMap;
use std::io::Read;

use genie_core::area::{distance_km, AreaLookup, LatLon, Place};

/// Countries whose postal codes have a known shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Country {
    Gb,
    Us,
    Nl,
    No,
    Gr,
    Es,
    Bg,
    /// Codes are kept as written (trimmed, upper case).
    Other,
}

impl Country {
    pub fn parse(code: &str) -> Option<Country> {
        Some(match code.trim().to_uppercase().as_str() {
            "GB" | "UK" => Country::Gb,
            "US" | "USA" => Country::Us,
            "NL" => Country::Nl,
            "NO" => Country::No,
            "GR" | "EL" => Country::Gr,
            "ES" => Country::Es,
            "BG" => Country::Bg,
            "OTHER" | "" => Country::Other,
            _ => return None,
        })
    }
}

/// A postal code as people of `country` write it, or `None` when it is not one.
pub fn normalise(code: &str, country: Country) -> Option<String> {
    let squashed: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if squashed.is_empty() {
        return None;
    }
    let digits = |n: usize| squashed.len() <= n && squashed.chars().all(|c| c.is_ascii_digit());
    let pad = |n: usize| format!("{squashed:0>n$}");
    match country {
        Country::Gb => {
            // Outward code (2-4) + inward code (digit and two letters).
            if !(5..=7).contains(&squashed.len()) {
                return None;
            }
            let (out, inward) = squashed.split_at(squashed.len() - 3);
            let mut inward_chars = inward.chars();
            let ok = out.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && inward_chars.next().is_some_and(|c| c.is_ascii_digit())
                && inward_chars.all(|c| c.is_ascii_alphabetic());
            ok.then(|| format!("{out} {inward}"))
        }
        Country::Us => {
            // ZIP or ZIP+4: the five-digit ZIP (spreadsheets drop leading zeros: pad).
            if squashed.chars().all(|c| c.is_ascii_digit()) && squashed.len() == 9 {
                return Some(squashed[..5].to_string());
            }
            digits(5).then(|| pad(5))
        }
        Country::Nl => {
            let ok = squashed.len() == 6
                && squashed[..4].chars().all(|c| c.is_ascii_digit())
                && squashed[4..].chars().all(|c| c.is_ascii_alphabetic());
            if ok {
                Some(format!("{} {}", &squashed[..4], &squashed[4..]))
            } else {
                // Only the four digits (a PC4 file).
                (squashed.len() == 4 && digits(4)).then(|| squashed.clone())
            }
        }
        Country::No | Country::Bg => digits(4).then(|| pad(4)),
        Country::Es => digits(5).then(|| pad(5)),
        Country::Gr => digits(5).then(|| {
            let p = pad(5);
            format!("{} {}", &p[..3], &p[3..])
        }),
        Country::Other => Some(code.trim().to_uppercase()),
    }
}

/// What to build.
#[derive(Debug, Clone)]
pub struct Request {
    pub area: String,
    pub centre: LatLon,
    pub radius_km: f64,
    pub country: Country,
    /// "postcode" or "neighbourhood".
    pub kind: String,
    pub code_column: Option<String>,
    pub lat_column: Option<String>,
    pub lon_column: Option<String>,
}

/// What the build did, for the commissioner.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub rows: usize,
    pub kept: usize,
    pub outside: usize,
    pub terminated: usize,
    pub not_a_code: usize,
    pub no_coordinates: usize,
    pub repeated: usize,
    /// Which format the file was read as.
    pub format: String,
}

/// Reads one downloaded file (CSV or TSV text) and adds its places within the radius.
pub fn add_file(
    bytes: &[u8],
    request: &Request,
    places: &mut BTreeMap<String, Place>,
    summary: &mut Summary,
) -> Result<(), String> {
    let head: String = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).into_owned();
    let first_line = head
        .lines()
        .next()
        .unwrap_or("")
        .trim_start_matches('\u{feff}');
    if first_line.trim().is_empty() {
        return Err("the file is empty".to_string());
    }
    if bytes.iter().take(4096).any(|&b| b == 0) {
        return Err(
            "the file is not text; give the CSV (unzip the download first if it is a zip)"
                .to_string(),
        );
    }
    let delimiter = [b'\t', b';', b',']
        .into_iter()
        .max_by_key(|d| first_line.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let lower: Vec<String> = first_line
        .split(delimiter as char)
        .map(|h| h.trim().trim_matches('"').to_lowercase())
        .collect();
    // Code-Point Open has no header: its first field is a postcode.
    let codepoint = lower.len() >= 4
        && normalise(&lower[0], Country::Gb).is_some()
        && lower[2].parse::<f64>().is_ok()
        && lower[3].parse::<f64>().is_ok();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(!codepoint)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes));

    let find = |given: &Option<String>, names: &[&str]| -> Option<usize> {
        match given {
            Some(g) => lower.iter().position(|h| *h == g.to_lowercase()),
            None => names.iter().find_map(|n| lower.iter().position(|h| h == n)),
        }
    };
    let (code, lat, lon, east_north) = if codepoint {
        summary.format = "OS Code-Point Open (eastings and northings)".into();
        (0, 2, 3, true)
    } else {
        let code = find(
            &request.code_column,
            &[
                "pcds", "pcd", "pcd2", "pcd7", "pcd8", "postcode", "post_code", "postal_code",
                "postalcode", "zip", "zipcode", "zip_code", "geoid", "zcta", "zcta5", "code",
                "postnummer", "plz", "cp", "codigo_postal", "pc6", "pc4", "name",
            ],
        )
        .ok_or_else(|| {
            format!(
                "no column with the postal code or name was found (columns: {}); name it with --code-column",
                lower.join(", ")
            )
        })?;
        let lat = find(
            &request.lat_column,
            &["lat", "latitude", "intptlat", "y", "breedtegraad"],
        );
        let lon = find(
            &request.lon_column,
            &[
                "long",
                "lon",
                "lng",
                "longitude",
                "intptlong",
                "x",
                "lengtegraad",
            ],
        );
        match (lat, lon) {
            (Some(lat), Some(lon)) => {
                summary.format = if lower.contains(&"pcds".to_string()) {
                    "ONS Postcode Directory".into()
                } else if lower.contains(&"intptlat".to_string()) {
                    "US Census ZCTA gazetteer".into()
                } else {
                    "CSV with a code and coordinates".into()
                };
                (code, lat, lon, false)
            }
            _ => {
                let east = lower
                    .iter()
                    .position(|h| h == "oseast1m" || h == "eastings" || h == "easting");
                let north = lower
                    .iter()
                    .position(|h| h == "osnrth1m" || h == "northings" || h == "northing");
                match (east, north) {
                    (Some(e), Some(n)) => {
                        summary.format = "British National Grid eastings and northings".into();
                        (code, e, n, true)
                    }
                    _ => {
                        return Err(format!(
                            "no latitude and longitude columns were found (columns: {}); name them with --lat-column and --lon-column",
                            lower.join(", ")
                        ))
                    }
                }
            }
        }
    };
    let doterm = lower.iter().position(|h| h == "doterm");

    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(format!("row {} cannot be read: {e}", summary.rows + 2)),
        }
        summary.rows += 1;
        if doterm.is_some_and(|d| record.get(d).is_some_and(|v| !v.trim().is_empty())) {
            summary.terminated += 1;
            continue;
        }
        let raw = record.get(code).unwrap_or("");
        let name = if request.kind == "postcode" {
            match normalise(raw, request.country) {
                Some(n) => n,
                None => {
                    summary.not_a_code += 1;
                    continue;
                }
            }
        } else {
            raw.trim().to_string()
        };
        if name.is_empty() {
            summary.not_a_code += 1;
            continue;
        }
        let a = record.get(lat).and_then(|v| v.trim().parse::<f64>().ok());
        let b = record.get(lon).and_then(|v| v.trim().parse::<f64>().ok());
        let (Some(a), Some(b)) = (a, b) else {
            summary.no_coordinates += 1;
            continue;
        };
        let at = if east_north {
            match grid_to_wgs84(a, b) {
                Some(at) => at,
                None => {
                    summary.no_coordinates += 1;
                    continue;
                }
            }
        } else {
            LatLon { lat: a, lon: b }
        };
        // ONSPD writes 99.999999 / 0 for postcodes without a grid reference.
        if !(-90.0..=90.0).contains(&at.lat)
            || !(-180.0..=180.0).contains(&at.lon)
            || at.lat.abs() > 89.0
            || (at.lat == 0.0 && at.lon == 0.0)
        {
            summary.no_coordinates += 1;
            continue;
        }
        if distance_km(request.centre, at) > request.radius_km {
            summary.outside += 1;
            continue;
        }
        let key: String = name
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        if places.contains_key(&key) {
            summary.repeated += 1;
            continue;
        }
        summary.kept += 1;
        places.insert(
            key,
            Place {
                name,
                kind: request.kind.clone(),
                lat: round6(at.lat),
                lon: round6(at.lon),
            },
        );
    }
    Ok(())
}

fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// The finished lookup, places in name order.
pub fn lookup(area: &str, places: BTreeMap<String, Place>) -> AreaLookup {
    let mut list: Vec<Place> = places.into_values().collect();
    list.sort_by(|a, b| a.name.cmp(&b.name));
    AreaLookup {
        area: area.to_string(),
        places: list,
    }
}

/// Reads a file, unzipping nothing: a zip download must be unpacked first.
pub fn read_file(path: &std::path::Path) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(format!(
            "{} is a zip; unzip it and give the CSV inside (for the ONS Postcode Directory, the file in Data/)",
            path.display()
        ));
    }
    Ok(bytes)
}

/// British National Grid (OSGB36 eastings and northings, metres) to WGS84 latitude and
/// longitude: the Ordnance Survey's inverse transverse Mercator, then a Helmert shift from
/// Airy 1830 to WGS84 (within about 5 m, far finer than a postcode).
pub fn grid_to_wgs84(easting: f64, northing: f64) -> Option<LatLon> {
    if !(0.0..=800_000.0).contains(&easting) || !(0.0..=1_400_000.0).contains(&northing) {
        return None;
    }
    // Airy 1830 ellipsoid and the National Grid's projection.
    let (a, b) = (6_377_563.396, 6_356_256.909);
    let f0 = 0.999_601_271_7;
    let lat0 = 49f64.to_radians();
    let lon0 = (-2f64).to_radians();
    let (n0, e0) = (-100_000.0, 400_000.0);
    let e2 = 1.0 - (b * b) / (a * a);
    let n = (a - b) / (a + b);
    let meridional = |lat: f64| {
        let (n2, n3) = (n * n, n * n * n);
        b * f0
            * ((1.0 + n + 1.25 * n2 + 1.25 * n3) * (lat - lat0)
                - (3.0 * n + 3.0 * n2 + 2.625 * n3) * (lat - lat0).sin() * (lat + lat0).cos()
                + (1.875 * n2 + 1.875 * n3)
                    * (2.0 * (lat - lat0)).sin()
                    * (2.0 * (lat + lat0)).cos()
                - (35.0 / 24.0) * n3 * (3.0 * (lat - lat0)).sin() * (3.0 * (lat + lat0)).cos())
    };
    let mut lat = lat0;
    let mut m = 0.0;
    for _ in 0..20 {
        lat += (northing - n0 - m) / (a * f0);
        m = meridional(lat);
        if (northing - n0 - m).abs() < 0.00001 {
            break;
        }
    }
    let (s, c, t) = (lat.sin(), lat.cos(), lat.tan());
    let nu = a * f0 / (1.0 - e2 * s * s).sqrt();
    let rho = a * f0 * (1.0 - e2) / (1.0 - e2 * s * s).powf(1.5);
    let eta2 = nu / rho - 1.0;
    let sec = 1.0 / c;
    let vii = t / (2.0 * rho * nu);
    let viii = t / (24.0 * rho * nu.powi(3)) * (5.0 + 3.0 * t * t + eta2 - 9.0 * t * t * eta2);
    let ix = t / (720.0 * rho * nu.powi(5)) * (61.0 + 90.0 * t * t + 45.0 * t.powi(4));
    let x = sec / nu;
    let xi = sec / (6.0 * nu.powi(3)) * (nu / rho + 2.0 * t * t);
    let xii = sec / (120.0 * nu.powi(5)) * (5.0 + 28.0 * t * t + 24.0 * t.powi(4));
    let xiia = sec / (5040.0 * nu.powi(7))
        * (61.0 + 662.0 * t * t + 1320.0 * t.powi(4) + 720.0 * t.powi(6));
    let de = easting - e0;
    let lat_osgb = lat - vii * de.powi(2) + viii * de.powi(4) - ix * de.powi(6);
    let lon_osgb = lon0 + x * de - xi * de.powi(3) + xii * de.powi(5) - xiia * de.powi(7);

    // To cartesian on Airy 1830, Helmert to WGS84, back to latitude and longitude on GRS80.
    let (sl, cl) = (lat_osgb.sin(), lat_osgb.cos());
    let nu_a = a / (1.0 - e2 * sl * sl).sqrt();
    let x1 = nu_a * cl * lon_osgb.cos();
    let y1 = nu_a * cl * lon_osgb.sin();
    let z1 = nu_a * (1.0 - e2) * sl;
    let (tx, ty, tz) = (446.448, -125.157, 542.060);
    let scale = -20.4894e-6;
    let sec_to_rad = |s: f64| (s / 3600.0).to_radians();
    let (rx, ry, rz) = (sec_to_rad(0.1502), sec_to_rad(0.2470), sec_to_rad(0.8421));
    let x2 = tx + (1.0 + scale) * x1 - rz * y1 + ry * z1;
    let y2 = ty + rz * x1 + (1.0 + scale) * y1 - rx * z1;
    let z2 = tz - ry * x1 + rx * y1 + (1.0 + scale) * z1;
    let (a2, b2) = (6_378_137.0, 6_356_752.314_245);
    let e2w = 1.0 - (b2 * b2) / (a2 * a2);
    let p = (x2 * x2 + y2 * y2).sqrt();
    let mut phi = (z2 / (p * (1.0 - e2w))).atan();
    for _ in 0..10 {
        let nu_w = a2 / (1.0 - e2w * phi.sin().powi(2)).sqrt();
        phi = ((z2 + e2w * nu_w * phi.sin()) / p).atan();
    }
    let lambda = y2.atan2(x2);
    let out = LatLon {
        lat: phi.to_degrees(),
        lon: lambda.to_degrees(),
    };
    (out.lat.is_finite() && out.lon.is_finite()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postal_codes_the_way_people_type_them() {
        let cases: &[(&str, Country, Option<&str>)] = &[
            ("sw1a1aa", Country::Gb, Some("SW1A 1AA")),
            ("MB1  1ED", Country::Gb, Some("MB1 1ED")),
            ("MB1", Country::Gb, None),
            ("33176", Country::Us, Some("33176")),
            ("33238-0817", Country::Us, Some("33238")),
            ("2134", Country::Us, Some("02134")),
            ("1234ab", Country::Nl, Some("1234 AB")),
            ("1234 AB", Country::Nl, Some("1234 AB")),
            ("1234", Country::Nl, Some("1234")),
            ("150", Country::No, Some("0150")),
            ("0150", Country::No, Some("0150")),
            ("10557", Country::Gr, Some("105 57")),
            ("105 57", Country::Gr, Some("105 57")),
            ("8001", Country::Es, Some("08001")),
            ("28013", Country::Es, Some("28013")),
            ("1000", Country::Bg, Some("1000")),
            ("10000", Country::Bg, None),
            ("", Country::Other, None),
        ];
        for (raw, country, want) in cases {
            assert_eq!(
                normalise(raw, *country).as_deref(),
                *want,
                "{raw} {country:?}"
            );
        }
    }

    #[test]
    fn national_grid_to_latitude_and_longitude() {
        // Ordnance Survey's worked example point (TG 51409 13177; WGS84 52°39'28.72"N
        // 1°42'57.79"E) to within 0.00001 degrees (about a metre), and the Royal Observatory,
        // Greenwich, to within 0.0005 degrees (its grid reference here is rounded).
        let cases = [
            (651_409.903, 313_177.270, 52.657_978, 1.716_053, 1e-5),
            (538_890.0, 177_320.0, 51.477_8, -0.001_5, 5e-4),
        ];
        for (e, n, lat, lon, within) in cases {
            let at = grid_to_wgs84(e, n).expect("converts");
            assert!((at.lat - lat).abs() < within, "{e},{n}: {at:?}");
            assert!((at.lon - lon).abs() < within, "{e},{n}: {at:?}");
        }
        assert!(grid_to_wgs84(-5.0, 10.0).is_none());
    }
}
