//! Layout benchmark in the browser (not a test): times and measures the map layout compiled
//! to wasm in Chromium, on the same made-up networks as the native example.
//!
//! Run by `scripts/bench.sh` in release; ignored by the normal test run. Prints one
//! `metric <name> <value> <unit>` line per number.

#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;

use genie_core::layout::{layout, quality, sample, Geometry};
use wasm_bindgen_test::*;

mod bench_support;
use bench_support::median_ms;

wasm_bindgen_test_configure!(run_in_browser);

const SIZES: [usize; 5] = [10, 30, 60, 150, 500];
const SEED: u64 = 7;

#[wasm_bindgen_test]
#[ignore = "a benchmark: run by scripts/bench.sh"]
fn layout_in_chromium() {
    for n in SIZES {
        let runs = if n >= 500 { 5 } else { 15 };
        let network = sample::network(n, SEED);
        let geometry = Geometry::for_count(n);
        let none = BTreeMap::new();
        let first = layout(&network, &none, &geometry);
        let cold = median_ms(runs, || {
            std::hint::black_box(layout(&network, &none, &geometry));
        });
        let again = layout(&network, &first, &geometry);
        let grown = sample::network(n + 1, SEED);
        let added = layout(&grown, &first, &Geometry::for_count(n + 1));
        let q = quality::measure(&network, &geometry, &first);
        console_log!("metric wasm_layout_ms_{n} {cold:.3} ms");
        console_log!(
            "metric wasm_layout_add_moved_px_{n} {:.2} px",
            quality::mean_displacement(&first, &added)
        );
        console_log!(
            "metric wasm_layout_again_moved_px_{n} {:.2} px",
            quality::max_displacement(&first, &again)
        );
        console_log!(
            "metric wasm_layout_ring_error_max_px_{n} {:.2} px",
            q.ring_error_max
        );
        console_log!("metric wasm_layout_overlaps_{n} {} pairs", q.overlaps);
    }
}

/// Names on a 335 px phone map: how long placing them takes in wasm, and how they measure up.
#[wasm_bindgen_test]
#[ignore = "a benchmark: run by scripts/bench.sh"]
fn labels_in_chromium() {
    use genie_core::layout::labels::{self, LabelScale, Named};
    for n in [8, 30, 60, 150] {
        let mut network = sample::network(n, SEED);
        for (i, member) in network.members.iter_mut().enumerate() {
            member.name = sample::name(i);
        }
        let geometry = Geometry::for_network(&network);
        let at = layout(&network, &BTreeMap::new(), &geometry);
        let named: Vec<Named<'_>> = network
            .members
            .iter()
            .map(|m| Named {
                member: m.id,
                name: &m.name,
                circle: m.circle,
                at: at[&m.id],
            })
            .collect();
        let scale = LabelScale::for_width(&geometry, 335.0, 13.0);
        let placed = labels::place_labels(&named, &geometry, &scale, &[]);
        let ms = median_ms(15, || {
            std::hint::black_box(labels::place_labels(&named, &geometry, &scale, &[]));
        });
        let q = labels::measure_labels(&placed, &named, geometry.node_radius, &scale);
        console_log!("metric wasm_label_ms_{n} {ms:.3} ms");
        console_log!(
            "metric wasm_label_overlap_pairs_{n} {} pairs",
            q.label_pairs
        );
        console_log!("metric wasm_label_smallest_px_{n} {:.1} px", q.smallest_px);
    }
}
