//! Generates the typed translation module from `locales/*.json`, so a missing key or a
//! placeholder that does not match is a compile error, not a blank on someone's screen.

use std::error::Error;
use std::path::PathBuf;

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");

    let out_dir = std::env::var_os("OUT_DIR").ok_or("cargo did not set OUT_DIR")?;
    let module_dir = PathBuf::from(out_dir).join("i18n");

    // `interpolate_display` lets `t_string!` fill placeholders, for labels and announcements.
    let options = ParseOptions::new().interpolate_display(true);
    let translations = TranslationsInfos::parse(Config::new("en")?.parse_options(options))?;
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();
    translations.generate_i18n_module(module_dir)?;
    Ok(())
}
