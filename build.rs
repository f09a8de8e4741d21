//! Generates the typed catalogue module from `locales/en.json`, so a missing key or a
//! placeholder that does not match is a compile error, not a blank on someone's screen.
//!
//! English is compiled in as a table of strings ("slots"). Every other language is a file the
//! app fetches when it is chosen: `scripts/finish-index.mjs` writes each `locales/<tag>.json` as
//! `i18n/<tag>.json`, the same slots in the same order, with the shape hash below so a file made
//! for another build is never read with this one. The two must agree: sorted key paths, depth
//! first, and six slots (zero, one, two, few, many, other) for each plural group.
//!
//! With the `split-pages` feature it also asks the linker to keep relocations in the app's
//! module (see `scripts/split-app.mjs`).

use std::collections::BTreeMap;
use std::error::Error;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// The plural categories of `Intl.PluralRules`, in slot order.
const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// One message of the catalogue.
enum Entry {
    Text {
        path: Vec<String>,
        slot: usize,
        placeholders: Vec<String>,
    },
    Plural {
        path: Vec<String>,
        slot: usize,
        placeholders: Vec<String>,
    },
}

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=locales");
    // The split build keeps the linker's relocations in the app's module, which
    // scripts/split-app.mjs needs to cut each page's code out (and nothing else should carry).
    if std::env::var_os("CARGO_FEATURE_SPLIT_PAGES").is_some() {
        println!("cargo::rustc-link-arg-bin=genie=--emit-relocs");
    }
    let locales = Path::new("locales");
    let english: Value = read_json(&locales.join("en.json"))?;

    let mut entries = Vec::new();
    let mut slots: Vec<(String, String)> = Vec::new();
    flatten(&english, &mut Vec::new(), &mut entries, &mut slots)?;

    // The languages on offer: English first, then every other catalogue, each with its name in
    // itself (shown in the language choice before its catalogue is fetched).
    let mut languages = vec![("en".to_string(), self_name(&english, "en")?)];
    let mut tags = Vec::new();
    for file in std::fs::read_dir(locales)? {
        let path = file?.path();
        let Some(tag) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if path.extension().and_then(|e| e.to_str()) != Some("json") || tag == "en" {
            continue;
        }
        tags.push((tag.to_string(), path.clone()));
    }
    tags.sort();
    for (tag, path) in tags {
        let value = read_json(&path)?;
        languages.push((tag.clone(), self_name(&value, &tag)?));
    }

    let mut out = String::new();
    writeln!(
        out,
        "/// The catalogue's shape: a fetched catalogue must carry the same."
    )?;
    writeln!(
        out,
        "pub const SHAPE: &str = \"{:016x}\";",
        shape_hash(&slots)
    )?;
    writeln!(
        out,
        "/// Each language on offer: its tag and its name in itself. English first."
    )?;
    writeln!(
        out,
        "pub const LANGUAGES: [(&str, &str); {}] = [",
        languages.len()
    )?;
    for (tag, name) in &languages {
        writeln!(out, "    ({tag:?}, {name:?}),")?;
    }
    writeln!(out, "];")?;
    writeln!(
        out,
        "/// The English catalogue, compiled in: the first load needs no fetch."
    )?;
    writeln!(out, "pub static ENGLISH: [&str; {}] = [", slots.len())?;
    for (_, text) in &slots {
        writeln!(out, "    {text:?},")?;
    }
    writeln!(out, "];")?;
    writeln!(
        out,
        "/// One typed key per message: a struct literal names every placeholder."
    )?;
    writeln!(
        out,
        "#[allow(non_camel_case_types, non_snake_case, dead_code, clippy::all)]"
    )?;
    writeln!(out, "pub mod keys {{")?;
    write_keys(&mut out, &entries)?;
    writeln!(out, "}}")?;

    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("cargo did not set OUT_DIR")?);
    std::fs::write(out_dir.join("catalogue.rs"), out)?;
    Ok(())
}

fn read_json(path: &Path) -> Result<Value, Box<dyn Error>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text)
        .map_err(|e| format!("{} is not valid JSON: {e}", path.display()).into())
}

fn self_name(catalogue: &Value, tag: &str) -> Result<String, Box<dyn Error>> {
    catalogue
        .pointer("/locale/self_name")
        .and_then(Value::as_str)
        .map(str::to_string)
        .ok_or_else(|| format!("locales/{tag}.json has no locale.self_name").into())
}

fn placeholders(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let Some(end) = rest[start..].find("}}") else {
            break;
        };
        let name = rest[start + 2..start + end].trim().to_string();
        if !found.contains(&name) {
            found.push(name);
        }
        rest = &rest[start + end + 2..];
    }
    found.sort();
    found
}

/// Walks an object in sorted key order, collecting messages and their slots.
fn flatten(
    node: &Value,
    path: &mut Vec<String>,
    entries: &mut Vec<Entry>,
    slots: &mut Vec<(String, String)>,
) -> Result<(), Box<dyn Error>> {
    let Value::Object(map) = node else {
        return Err("the catalogue must be an object".into());
    };
    let sorted: BTreeMap<&String, &Value> = map.iter().collect();
    // Plural groups: `x_one`, `x_other` ... with an `x_other` present.
    let mut plural_bases: Vec<String> = Vec::new();
    for key in sorted.keys() {
        if let Some(base) = key.strip_suffix("_other") {
            if sorted.get(&key.to_string()).is_some_and(|v| v.is_string()) {
                plural_bases.push(base.to_string());
            }
        }
    }
    let plural_of = |key: &str| -> Option<String> {
        CATEGORIES.iter().find_map(|c| {
            key.strip_suffix(&format!("_{c}"))
                .filter(|base| plural_bases.iter().any(|b| b == base))
                .map(str::to_string)
        })
    };
    let mut done_plurals: Vec<String> = Vec::new();
    for (key, value) in sorted.iter() {
        if let Some(base) = plural_of(key) {
            if done_plurals.contains(&base) {
                continue;
            }
            done_plurals.push(base.clone());
            let slot = slots.len();
            let mut names = Vec::new();
            for category in CATEGORIES {
                let form = map
                    .get(&format!("{base}_{category}"))
                    .and_then(Value::as_str);
                let full = path.iter().cloned().chain([format!("{base}_{category}")]);
                slots.push((
                    full.collect::<Vec<_>>().join("."),
                    form.unwrap_or("").to_string(),
                ));
                for name in form.map(placeholders).unwrap_or_default() {
                    if !names.contains(&name) {
                        names.push(name);
                    }
                }
            }
            if !names.iter().any(|n| n == "count") {
                return Err(
                    format!("plural {}.{base} has no {{{{ count }}}}", path.join(".")).into(),
                );
            }
            names.retain(|n| n != "count");
            names.sort();
            let mut p = path.clone();
            p.push(base);
            entries.push(Entry::Plural {
                path: p,
                slot,
                placeholders: names,
            });
            continue;
        }
        path.push(key.to_string());
        match value {
            Value::String(text) => {
                entries.push(Entry::Text {
                    path: path.clone(),
                    slot: slots.len(),
                    placeholders: placeholders(text),
                });
                slots.push((path.join("."), text.clone()));
            }
            Value::Object(_) => flatten(value, path, entries, slots)?,
            _ => return Err(format!("{} must be text or an object", path.join(".")).into()),
        }
        path.pop();
    }
    Ok(())
}

/// FNV-1a over the slot paths: the same in scripts/finish-index.mjs.
fn shape_hash(slots: &[(String, String)]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (path, _) in slots {
        for byte in path.bytes().chain([b'\n']) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// Nested modules, one per path segment; each message a struct whose fields are its placeholders.
fn write_keys(out: &mut String, entries: &[Entry]) -> Result<(), Box<dyn Error>> {
    #[derive(Default)]
    struct Node<'a> {
        children: BTreeMap<String, Node<'a>>,
        leaves: Vec<&'a Entry>,
    }
    let mut root = Node::default();
    for entry in entries {
        let (Entry::Text { path, .. } | Entry::Plural { path, .. }) = entry;
        let mut node = &mut root;
        for segment in &path[..path.len() - 1] {
            node = node.children.entry(segment.clone()).or_default();
        }
        node.leaves.push(entry);
    }
    fn emit(out: &mut String, node: &Node, depth: usize) -> Result<(), Box<dyn Error>> {
        let pad = "    ".repeat(depth);
        let up = "super::".repeat(depth);
        for entry in &node.leaves {
            let (name, slot, fields, plural) = match entry {
                Entry::Text {
                    path,
                    slot,
                    placeholders,
                } => (path.last(), slot, placeholders, false),
                Entry::Plural {
                    path,
                    slot,
                    placeholders,
                } => (path.last(), slot, placeholders, true),
            };
            let name = name.ok_or("empty key")?;
            let mut all: Vec<String> = fields.clone();
            if plural {
                all.push("count".to_string());
            }
            let generics: Vec<String> = (0..all.len()).map(|i| format!("T{i}")).collect();
            if all.is_empty() {
                writeln!(out, "{pad}pub struct {name} {{}}")?;
                writeln!(out, "{pad}impl {name} {{")?;
                writeln!(out, "{pad}    #[inline]")?;
                writeln!(out, "{pad}    pub fn render(self, locale: {up}Locale) -> &'static str {{ {up}text(locale, {slot}) }}")?;
                writeln!(out, "{pad}}}")?;
                continue;
            }
            let g = generics.join(", ");
            writeln!(out, "{pad}pub struct {name}<{g}> {{")?;
            for (field, ty) in all.iter().zip(&generics) {
                writeln!(out, "{pad}    pub {field}: {ty},")?;
            }
            writeln!(out, "{pad}}}")?;
            let bounds: Vec<String> = all
                .iter()
                .zip(&generics)
                .map(|(f, t)| {
                    if plural && f == "count" {
                        format!("{t}: {up}Count")
                    } else {
                        format!("{t}: ::core::fmt::Display")
                    }
                })
                .collect();
            writeln!(out, "{pad}impl<{}> {name}<{g}> {{", bounds.join(", "))?;
            writeln!(
                out,
                "{pad}    pub fn render(self, locale: {up}Locale) -> String {{"
            )?;
            if plural {
                writeln!(
                    out,
                    "{pad}        let count = {up}Count::value(&self.count);"
                )?;
                writeln!(
                    out,
                    "{pad}        let shown = {up}intl::number(locale, count);"
                )?;
                writeln!(
                    out,
                    "{pad}        let template = {up}plural_text(locale, {slot}, count);"
                )?;
            } else {
                writeln!(out, "{pad}        let template = {up}text(locale, {slot});")?;
            }
            let pairs: Vec<String> = all
                .iter()
                .map(|f| {
                    if plural && f == "count" {
                        "(\"count\", &shown as &dyn ::core::fmt::Display)".to_string()
                    } else {
                        format!("({f:?}, &self.{f} as &dyn ::core::fmt::Display)")
                    }
                })
                .collect();
            writeln!(
                out,
                "{pad}        {up}fill(template, &[{}])",
                pairs.join(", ")
            )?;
            writeln!(out, "{pad}    }}")?;
            writeln!(out, "{pad}}}")?;
        }
        for (name, child) in &node.children {
            writeln!(out, "{pad}pub mod {name} {{")?;
            emit(out, child, depth + 1)?;
            writeln!(out, "{pad}}}")?;
        }
        Ok(())
    }
    emit(out, &root, 1)
}
