//! Times and measures the map layout on made-up networks of 10, 30, 60, 150 and 500 members.
//! Run in release: `cargo run --release -p genie-core --example layout_bench`.
//!
//! Prints one `metric <name> <value> <unit>` line per number:
//! - `layout_ms_<n>`: a first drawing (no previous positions), median of several runs;
//! - `layout_add_ms_<n>`: drawing again after one member is added;
//! - `layout_add_moved_px_<n>`: mean distance the others moved when one member was added;
//! - `layout_again_moved_px_<n>`: largest move when drawing again with nothing changed;
//! - `layout_ring_error_max_px_<n>`, `layout_overlaps_<n>`, `layout_sector_share_<n>`.

use std::collections::BTreeMap;
use std::time::Instant;

use genie_core::layout::{layout, quality, sample, Geometry};

const SIZES: [usize; 5] = [10, 30, 60, 150, 500];
const SEED: u64 = 7;

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
    for n in SIZES {
        let runs = if n >= 500 { 5 } else { 21 };
        let network = sample::network(n, SEED);
        let geometry = Geometry::for_network(&network);
        let none = BTreeMap::new();
        let first = layout(&network, &none, &geometry);
        let cold = median_ms(runs, || {
            std::hint::black_box(layout(&network, &none, &geometry));
        });
        let again = layout(&network, &first, &geometry);
        let grown = sample::network(n + 1, SEED);
        let grown_geometry = Geometry::for_network(&grown);
        let added = layout(&grown, &first, &grown_geometry);
        let add_ms = median_ms(runs, || {
            std::hint::black_box(layout(&grown, &first, &grown_geometry));
        });
        let q = quality::measure(&network, &geometry, &first);
        println!("metric layout_ms_{n} {cold:.3} ms");
        println!("metric layout_add_ms_{n} {add_ms:.3} ms");
        println!(
            "metric layout_add_moved_px_{n} {:.2} px",
            quality::mean_displacement(&first, &added)
        );
        println!(
            "metric layout_again_moved_px_{n} {:.2} px",
            quality::max_displacement(&first, &again)
        );
        println!(
            "metric layout_ring_error_max_px_{n} {:.2} px",
            q.ring_error_max
        );
        println!("metric layout_overlaps_{n} {} pairs", q.overlaps);
        println!("metric layout_sector_share_{n} {:.2} share", q.sector_share);
    }
}
