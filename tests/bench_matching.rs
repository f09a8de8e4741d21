//! Matching and directory benchmark in the browser (not a test): the release wasm in Chromium
//! ranks made-up directories of 1,000 and 10,000 resources, and reads and checks the sample
//! area's directory and a 10,000-resource file.
//!
//! Run by `scripts/bench.sh` in release; ignored by the normal test run. Prints one
//! `metric <name> <value> <unit>` line per number, each the median of several runs.

#![cfg(target_arch = "wasm32")]

use genie_core::directory::validate;
use genie_core::matching::sample::{
    conditions, directory, network, preferences, HOME, SEED, TODAY,
};
use genie_core::matching::suggest;
use wasm_bindgen_test::*;

mod bench_support;
use bench_support::median_ms;

wasm_bindgen_test_configure!(run_in_browser);

/// The built-in sample area's directory, as the app fetches it.
const SAMPLE_DIRECTORY: &str = include_str!("../public/area/directory.json");

#[wasm_bindgen_test]
#[ignore = "a benchmark: run by scripts/bench.sh"]
fn matching_in_chromium() {
    let prefs = preferences();
    let net = network();
    let conditions = conditions();
    for n in [1_000, 10_000] {
        let dir = directory(n, SEED);
        let runs = if n >= 10_000 { 11 } else { 31 };
        let ms = median_ms(runs, || {
            std::hint::black_box(suggest(&dir, &prefs, Some(HOME), &net, &conditions, TODAY));
        });
        console_log!("metric wasm_match_ms_{n} {ms:.3} ms");
    }
    let ms = median_ms(15, || {
        std::hint::black_box(validate(SAMPLE_DIRECTORY));
    });
    let (sample, _) = validate(SAMPLE_DIRECTORY);
    console_log!(
        "metric wasm_directory_load_ms_sample_{} {ms:.3} ms",
        sample.resources.len()
    );
    let Ok(big) = serde_json::to_string(&directory(10_000, SEED)) else {
        console_log!("could not write the bench directory");
        return;
    };
    let ms = median_ms(7, || {
        std::hint::black_box(validate(&big));
    });
    console_log!("metric wasm_directory_load_ms_10000 {ms:.3} ms");
    console_log!("metric wasm_directory_bytes_10000 {} bytes", big.len());
}
