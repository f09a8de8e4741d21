//! Times and measures the map layout on made-up networks of 10, 30, 60, 150 and 500 members.
//! Run in release: `cargo run --release -p genie-core --example layout_bench`.
//!
//! Prints one `metric <name> <value> <unit>` line per number:
//! - `layout_ms_<n>`: a first drawing (no previous positions), median of several runs;
//! - `layout_add_ms_<n>`: drawing again after one member is added;
//! - `layout_add_moved_px_<n>`: mean distance the others moved when one member was added;
//! - `layout_again_moved_px_<n>`: largest move when drawing again with nothing changed;
//! - `layout_ring_error_max_px_<n>`, `layout_overlaps_<n>`, `layout_sector_share_<n>`;
//! - names on a 335 px phone map at 8, 30, 60 and 150 members (13 px text):
//!   `label_overlap_pairs_<n>` (two labels), `label_node_pairs_<n>` (a label on a node),
//!   `label_smallest_px_<n>`, `label_shortened_<n>` and `label_unlabelled_<n>` (members
//!   showing fewer words, or none), and `label_ms_<n>` (placing them).

use std::collections::BTreeMap;
use std::time::Instant;

use genie_core::layout::labels::{self, LabelScale, Named};
use genie_core::layout::{layout, quality, sample, Geometry};

const SIZES: [usize; 5] = [10, 30, 60, 150, 500];
const SEED: u64 = 7;
const LABEL_SIZES: [usize; 4] = [8, 30, 60, 150];
const PHONE_PX: f32 = 335.0;
const LABEL_FONT_PX: f32 = 13.0;

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
    measure_layout();
    measure_labels();
}

fn measure_labels() {
    for n in LABEL_SIZES {
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
        let scale = LabelScale::for_width(&geometry, PHONE_PX, LABEL_FONT_PX);
        let titles = ["Inner circle", "Middle circle", "Outer circle"];
        let keep_clear: Vec<labels::Rect> = labels::ring_titles(&geometry, &scale, titles)
            .iter()
            .map(|t| t.rect)
            .collect();
        let placed = labels::place_labels(&named, &geometry, &scale, &keep_clear);
        let ms = median_ms(21, || {
            std::hint::black_box(labels::place_labels(&named, &geometry, &scale, &keep_clear));
        });
        let q = labels::measure_labels(&placed, &named, geometry.node_radius, &scale);
        println!("metric label_overlap_pairs_{n} {} pairs", q.label_pairs);
        println!("metric label_node_pairs_{n} {} pairs", q.label_node_pairs);
        println!("metric label_smallest_px_{n} {:.1} px", q.smallest_px);
        println!("metric label_shortened_{n} {} members", q.shortened);
        println!("metric label_unlabelled_{n} {} members", q.unlabelled);
        println!(
            "metric node_diameter_px_{n} {:.1} px",
            2.0 * geometry.node_radius * scale.unit_px
        );
        println!("metric label_ms_{n} {ms:.3} ms");
    }
}

fn measure_layout() {
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
