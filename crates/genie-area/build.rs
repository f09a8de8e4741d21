//! Lists the app's languages (the catalogues in `locales/`), so the checker knows every
//! language Genie can be offered in, a new one included, without a change to its code.

use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").ok_or("no manifest dir")?);
    let locales = manifest.join("../../locales");
    println!("cargo::rerun-if-changed={}", locales.display());
    let mut tags: Vec<String> = std::fs::read_dir(&locales)?
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".json").map(str::to_string)
        })
        .collect();
    tags.sort();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("cargo did not set OUT_DIR")?);
    let list: Vec<String> = tags.iter().map(|t| format!("{t:?}")).collect();
    std::fs::write(out.join("languages.rs"), format!("&[{}]", list.join(", ")))?;
    Ok(())
}
