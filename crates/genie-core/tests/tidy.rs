//! The repository's habits, checked with the core's fast tests so they outlive whoever wrote
//! them: every Rust module opens with a `//!` header that says what it is for. (That shipped
//! code never unwraps is checked by clippy: see `clippy.toml` and each crate's root.)

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_module_opens_with_a_header_comment() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    for crate_dir in fs::read_dir(root.join("crates"))
        .into_iter()
        .flatten()
        .flatten()
    {
        rust_files(&crate_dir.path().join("src"), &mut files);
    }
    assert!(
        files.len() > 50,
        "found the sources ({} files)",
        files.len()
    );
    let missing: Vec<String> = files
        .iter()
        .filter(|path| {
            fs::read_to_string(path)
                .map(|text| !text.trim_start().starts_with("//!"))
                .unwrap_or(true)
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "these modules need a `//!` line saying what they are for: {missing:#?}"
    );
}
