//! What a commissioner hands the tool, as it comes: one or several files, folders (read
//! through, sub-folders too) and zips, holding CSV tables (with or without the data package's
//! `datapackage.json`, which names the tables), JSON exports, or the pages of an API feed.
//!
//! An empty file, a binary file that is not a zip, or nothing usable at all is an
//! [`ImportError`] that says what to do; a file Genie does not read is named in the report.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::convert::Builder;
use crate::hsds_csv::{self, TableFile};
use crate::hsds_json::{self, PageInfo};
use crate::{strip_bom, Import, ImportError, Mapping, Options};

/// Largest file read from a zip (1 GiB): guards against a zip that unpacks without end.
const MAX_ENTRY: u64 = 1 << 30;

/// One file of the input, with the name it has inside the folder or zip given.
#[derive(Debug, Clone)]
pub struct InputFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Reads every path: files as they are, folders through, zips unpacked. Also returns the
/// names of files found in folders and zips that are not CSV or JSON (named in the report).
pub fn gather(paths: &[PathBuf]) -> Result<(Vec<InputFile>, Vec<String>), ImportError> {
    if paths.is_empty() {
        return Err(ImportError(
            "say what to import: a file, a folder or a zip".to_string(),
        ));
    }
    let mut out = Vec::new();
    let mut ignored = Vec::new();
    for path in paths {
        if path.is_dir() {
            let before = out.len();
            walk(path, path, &mut out, &mut ignored)?;
            if out.len() == before {
                return Err(ImportError(format!(
                    "the folder {} has no .csv, .json or .zip files in it; give the folder the export was saved in",
                    path.display()
                )));
            }
        } else {
            let bytes = std::fs::read(path).map_err(|e| {
                ImportError(format!(
                    "cannot read {}: {e}; check the name and that the file is not open elsewhere",
                    path.display()
                ))
            })?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string());
            add(name, bytes, &mut out, true, &mut ignored)?;
        }
    }
    Ok((out, ignored))
}

fn walk(
    root: &Path,
    dir: &Path,
    out: &mut Vec<InputFile>,
    ignored: &mut Vec<String>,
) -> Result<(), ImportError> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| ImportError(format!("cannot read folder {}: {e}", dir.display())))?
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if file_name.starts_with('.') || file_name == "__MACOSX" {
            continue;
        }
        if path.is_dir() {
            walk(root, &path, out, ignored)?;
            continue;
        }
        if !matches!(extension(&file_name).as_str(), "csv" | "json" | "zip") {
            ignored.push(
                path.strip_prefix(root)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .into_owned(),
            );
            continue;
        }
        let bytes = std::fs::read(&path)
            .map_err(|e| ImportError(format!("cannot read {}: {e}", path.display())))?;
        let name = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        add(name, bytes, out, false, ignored)?;
    }
    Ok(())
}

fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_lowercase())
        .unwrap_or_default()
}

fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Text or zip; anything else is refused with a reason. `given` is true for a file named on
/// the command line (an empty or binary one is then an error rather than skipped).
fn add(
    name: String,
    bytes: Vec<u8>,
    out: &mut Vec<InputFile>,
    given: bool,
    ignored: &mut Vec<String>,
) -> Result<(), ImportError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        if given {
            return Err(ImportError(format!(
                "{name} is empty; download the export again, it may not have finished"
            )));
        }
        out.push(InputFile { name, bytes });
        return Ok(());
    }
    if is_zip(&bytes) {
        return unzip(&name, &bytes, out, ignored);
    }
    let head = bytes.get(..bytes.len().min(8192)).unwrap_or(&bytes);
    let binary = head.contains(&0)
        || head
            .iter()
            .filter(|&&b| b < 0x09 || (0x0e..0x20).contains(&b))
            .count()
            > head.len() / 20;
    if binary {
        return Err(ImportError(format!(
            "{name} is not a text file (CSV or JSON) nor a zip; it may be a spreadsheet (.xlsx) or a PDF: save or export it as CSV or JSON"
        )));
    }
    out.push(InputFile { name, bytes });
    Ok(())
}

fn unzip(
    name: &str,
    bytes: &[u8],
    out: &mut Vec<InputFile>,
    ignored: &mut Vec<String>,
) -> Result<(), ImportError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| {
        ImportError(format!(
            "{name} looks like a zip but cannot be opened ({e}); download it again"
        ))
    })?;
    let before = out.len();
    for i in 0..archive.len() {
        let mut entry = archive
            .by_index(i)
            .map_err(|e| ImportError(format!("{name}: a file in the zip cannot be read ({e})")))?;
        if entry.is_dir() {
            continue;
        }
        let inner = match entry.name() {
            Ok(n) => n.replace('\\', "/"),
            Err(_) => continue,
        };
        let file_name = inner.rsplit('/').next().unwrap_or(&inner).to_string();
        if inner.starts_with("__MACOSX/") || file_name.starts_with('.') {
            continue;
        }
        if !matches!(extension(&file_name).as_str(), "csv" | "json") {
            ignored.push(format!("{name}: {inner}"));
            continue;
        }
        if entry.size() > MAX_ENTRY {
            return Err(ImportError(format!(
                "{name}: {inner} is larger than 1 GB; unzip it and give the folder instead"
            )));
        }
        let mut data = Vec::new();
        entry
            .by_ref()
            .take(MAX_ENTRY)
            .read_to_end(&mut data)
            .map_err(|e| ImportError(format!("{name}: {inner} cannot be unpacked ({e})")))?;
        out.push(InputFile {
            name: inner,
            bytes: data,
        });
    }
    if out.len() == before {
        return Err(ImportError(format!(
            "{name} has no .csv or .json files in it"
        )));
    }
    Ok(())
}

/// Imports gathered files: CSV tables as one data package, every JSON file as records or
/// pages, all into one directory.
pub fn import_files(
    files: &[InputFile],
    mapping: &Mapping,
    options: &Options,
    source: &str,
) -> Result<Import, ImportError> {
    let mut builder = Builder::new(mapping, options, source);
    let mut not_utf8 = Vec::new();
    let mut text_of = |f: &InputFile| -> String {
        match std::str::from_utf8(&f.bytes) {
            Ok(t) => t.to_string(),
            Err(_) => {
                not_utf8.push(f.name.clone());
                String::from_utf8_lossy(&f.bytes).into_owned()
            }
        }
    };

    let package = files
        .iter()
        .find(|f| f.name.rsplit('/').next() == Some("datapackage.json"));
    let csvs: Vec<&InputFile> = files.iter().filter(|f| kind(f) == "csv").collect();
    let jsons: Vec<&InputFile> = files
        .iter()
        .filter(|f| kind(f) == "json" && !package.is_some_and(|p| std::ptr::eq(p, *f)))
        .collect();
    if let (Some(p), true) = (package, csvs.is_empty()) {
        builder.report.unread.push(format!(
            "{}: a data package descriptor without its CSV tables",
            p.name
        ));
    }

    if !csvs.is_empty() {
        let resources = match package {
            Some(p) => resources_of(&text_of(p), &p.name, &mut builder.report.problems),
            None => Vec::new(),
        };
        let mut tables = Vec::new();
        for f in &csvs {
            let mut names = Vec::new();
            // The package's name for this file, when it lists it.
            if let Some((resource, _)) = resources.iter().find(|(_, path)| same_file(path, &f.name))
            {
                names.push(resource.clone());
            }
            names.push(hsds_csv::stem(&f.name));
            tables.push(TableFile {
                names,
                label: f.name.clone(),
                text: text_of(f),
            });
        }
        let missing: Vec<&str> = resources
            .iter()
            .filter(|(_, path)| !csvs.iter().any(|f| same_file(path, &f.name)))
            .map(|(_, path)| path.as_str())
            .collect();
        if !missing.is_empty() && missing.len() < resources.len() {
            builder.report.unread.push(format!(
                "datapackage.json lists tables that are not in the export (nothing to read): {}",
                missing.join(", ")
            ));
        }
        let result = hsds_csv::read_tables(&tables, &mut builder, source);
        if let Err(e) = result {
            if jsons.is_empty() {
                return Err(e);
            }
            builder.report.problem(e.0);
        }
    }

    let mut pages: Vec<(String, PageInfo)> = Vec::new();
    for f in &jsons {
        if f.bytes.iter().all(u8::is_ascii_whitespace) {
            builder
                .report
                .problem(format!("{} is empty and was not read", f.name));
            continue;
        }
        let text = String::from_utf8_lossy(&f.bytes);
        if matches!(text, std::borrow::Cow::Owned(_)) {
            builder.report.problem(format!(
                "{} is not UTF-8 (saved as another encoding?); unreadable characters were replaced",
                f.name
            ));
        }
        // A data package descriptor found without its tables says nothing about services.
        if text.contains("\"resources\"") && is_descriptor(&text) {
            builder.report.unread.push(format!(
                "{}: a data package descriptor without its CSV tables",
                f.name
            ));
            continue;
        }
        if let Some(page) = hsds_json::read_json(&text, &f.name, &mut builder)? {
            pages.push((f.name.clone(), page));
        }
    }
    check_pages(&pages, &mut builder.report);

    for name in not_utf8 {
        builder.report.problem(format!(
            "{name} is not UTF-8 (saved from a spreadsheet as another encoding?); unreadable characters were replaced"
        ));
    }
    let (directory, report) = builder.finish(&options.area);
    if report.services_read == 0 && csvs.is_empty() && jsons.is_empty() {
        return Err(ImportError(format!(
            "{source} has no CSV tables or JSON files to import"
        )));
    }
    Ok(Import { directory, report })
}

/// "csv" or "json": by the file's extension, else (a download saved without one, a `.txt`)
/// by what it starts with.
fn kind(f: &InputFile) -> &'static str {
    match extension(&f.name).as_str() {
        "csv" => "csv",
        "json" => "json",
        _ => match f.bytes.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') | Some(b'[') => "json",
            _ => "csv",
        },
    }
}

/// Whether two paths name the same file: "services.csv" in a package and
/// "data/services.csv" found in a zip.
fn same_file(listed: &str, found: &str) -> bool {
    let listed = listed
        .trim_start_matches("./")
        .replace('\\', "/")
        .to_lowercase();
    let found = found.replace('\\', "/").to_lowercase();
    found == listed
        || found.ends_with(&format!("/{listed}"))
        || listed.rsplit('/').next() == found.rsplit('/').next()
}

fn is_descriptor(text: &str) -> bool {
    serde_json::from_str::<Value>(strip_bom(text))
        .ok()
        .and_then(|v| v.get("resources").map(Value::is_array))
        .unwrap_or(false)
}

/// The (resource name, path) pairs a `datapackage.json` lists.
fn resources_of(text: &str, name: &str, problems: &mut Vec<String>) -> Vec<(String, String)> {
    let Ok(root) = serde_json::from_str::<Value>(strip_bom(text)) else {
        problems.push(format!(
            "{name} is not JSON; the tables were matched by their file names instead"
        ));
        return Vec::new();
    };
    let mut out = Vec::new();
    for r in root
        .get("resources")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let resource = r.get("name").and_then(Value::as_str).unwrap_or("").trim();
        let path = match r.get("path") {
            Some(Value::String(p)) => p.trim().to_string(),
            Some(Value::Array(parts)) => parts
                .first()
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string(),
            _ => String::new(),
        };
        if !path.is_empty() {
            out.push((resource.to_string(), path));
        }
    }
    out
}

/// Pages of a feed given as several files: say which are missing.
fn check_pages(pages: &[(String, PageInfo)], report: &mut crate::Report) {
    let Some(total_pages) = pages.iter().filter_map(|(_, p)| p.total_pages).max() else {
        // Without a page count, a page that holds fewer records than the feed's total says
        // only part of the feed is here.
        let total = pages.iter().filter_map(|(_, p)| p.total_items).max();
        let have: usize = pages.iter().map(|(_, p)| p.items).sum();
        if let Some(total) = total {
            if total > have as u64 {
                report.problem(format!(
                    "the feed has {total} records but the files given hold {have}; give every page (several files, a folder or a zip) to import them all"
                ));
            }
        }
        return;
    };
    let numbers: BTreeSet<u64> = pages.iter().filter_map(|(_, p)| p.page_number).collect();
    // Feeds count pages from 1 (HSDS) or 0 (Spring-style `number`).
    let from_zero = numbers.contains(&0);
    let expected: Vec<u64> = if from_zero {
        (0..total_pages).collect()
    } else {
        (1..=total_pages).collect()
    };
    let missing: Vec<String> = expected
        .iter()
        .filter(|n| !numbers.contains(n))
        .map(|n| (if from_zero { n + 1 } else { *n }).to_string())
        .collect();
    if !missing.is_empty() {
        let shown: Vec<String> = missing.iter().take(20).cloned().collect();
        report.problem(format!(
            "the feed has {total_pages} pages; page(s) {}{} are missing: fetch them and give all pages together",
            shown.join(", "),
            if missing.len() > 20 { ", ..." } else { "" }
        ));
    }
}
