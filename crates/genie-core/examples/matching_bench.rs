//! Times matching and directory validation on made-up directories of 1,000 and 10,000
//! resources. Run in release: `cargo run --release -p genie-core --example matching_bench`.
//!
//! Prints one `metric <name> <value> <unit>` line per number, each the median of several runs:
//! - `match_ms_<n>`: [`suggest`] over `n` resources with typical limits set;
//! - `validate_ms_10000`: [`validate`] reading a 10,000-resource file.
//!
//! The directories are generated from a fixed seed, so every run measures the same work.

use std::time::Instant;

use genie_core::directory::validate;
use genie_core::matching::sample::{
    conditions, directory, network, preferences, HOME, SEED, TODAY,
};

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let prefs = preferences();
    let net = network();
    let conditions = conditions();
    for n in [1_000, 10_000] {
        let dir = directory(n, SEED);
        let runs = if n >= 10_000 { 11 } else { 31 };
        let ms = median_ms(runs, || {
            std::hint::black_box(genie_core::matching::suggest(
                &dir,
                &prefs,
                Some(HOME),
                &net,
                &conditions,
                TODAY,
            ));
        });
        println!("metric match_ms_{n} {ms:.3} ms");
    }
    let text = match serde_json::to_string(&directory(10_000, SEED)) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("could not write the bench directory: {e}");
            return;
        }
    };
    let ms = median_ms(7, || {
        std::hint::black_box(validate(&text));
    });
    println!("metric validate_ms_10000 {ms:.3} ms");
}
