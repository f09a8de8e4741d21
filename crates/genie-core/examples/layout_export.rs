//! Writes the benchmark's made-up networks and Genie's layout of them to one JSON file, so
//! another engine (d3-force in `scripts/bench-layout-d3.mjs`) can lay out the very same graphs
//! and be measured by the same rules.
//! Run in release: `cargo run --release -p genie-core --example layout_export -- out.json`.
//!
//! The file is `{ "seed": 7, "sizes": [ ... ] }` with, per size `n` (10, 30, 60, 150, 500):
//! - `members`: `{ id, circle, kind }` in the network's order (circle and kind as their stable
//!   words), `ties`: `[a, b]` pairs of ids, `geometry`: the map's [`Geometry`] for the network
//!   ([`Geometry::for_network`], the one the map uses) with each circle's band;
//! - `grown`: the same for `sample::network(n + 1, 7)` (the add-one case): `members`, `ties`,
//!   `geometry`;
//! - `ours`: Genie's positions as `[x, y]` in `members` order: `first` (a first drawing, no
//!   previous positions), `again` (drawn again with `first` as the previous positions and nothing
//!   changed: what the map does on a redraw) and `added` (in `grown.members` order: the grown
//!   network drawn with `first` as the previous positions).
//!
//! `geometry_is_for_count` says whether the geometry equals [`Geometry::for_count`], which the
//! wasm benchmark (`tests/bench_layout.rs`) uses, so its timings are for the same geometry.

use std::collections::BTreeMap;

use genie_core::layout::{layout, sample, Geometry};
use genie_core::model::{Circle, MemberId, Network, Point};
use serde_json::{json, Value};

const SIZES: [usize; 5] = [10, 30, 60, 150, 500];
const SEED: u64 = 7;

fn geometry_json(geometry: &Geometry, members: usize) -> Value {
    let bands: serde_json::Map<String, Value> = Circle::ALL
        .iter()
        .map(|&circle| {
            let (inner, outer) = geometry.band(circle);
            (circle.as_str().to_string(), json!([inner, outer]))
        })
        .collect();
    json!({
        "centre_radius": geometry.centre_radius,
        "ring_edges": geometry.ring_edges,
        "node_radius": geometry.node_radius,
        "band": bands,
        "geometry_is_for_count": *geometry == Geometry::for_count(members),
    })
}

fn network_json(network: &Network) -> (Value, Value) {
    let members: Vec<Value> = network
        .members
        .iter()
        .map(|m| json!({ "id": m.id.0, "circle": m.circle.as_str(), "kind": m.kind.as_str() }))
        .collect();
    let ties: Vec<Value> = network.ties.iter().map(|t| json!([t.a.0, t.b.0])).collect();
    (Value::Array(members), Value::Array(ties))
}

fn positions_json(network: &Network, positions: &BTreeMap<MemberId, Point>) -> Value {
    network
        .members
        .iter()
        .map(|m| {
            let p = positions.get(&m.id).copied().unwrap_or(Point {
                x: f32::NAN,
                y: f32::NAN,
            });
            // JSON has no NaN: a missing position is null.
            if p.x.is_finite() && p.y.is_finite() {
                json!([p.x, p.y])
            } else {
                Value::Null
            }
        })
        .collect()
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: layout_export <out.json>");
        std::process::exit(2);
    };
    let mut sizes = Vec::new();
    for n in SIZES {
        let network = sample::network(n, SEED);
        let geometry = Geometry::for_network(&network);
        let first = layout(&network, &BTreeMap::new(), &geometry);
        let again = layout(&network, &first, &geometry);
        let grown = sample::network(n + 1, SEED);
        let grown_geometry = Geometry::for_network(&grown);
        let added = layout(&grown, &first, &grown_geometry);

        let (members, ties) = network_json(&network);
        let (grown_members, grown_ties) = network_json(&grown);
        sizes.push(json!({
            "n": n,
            "members": members,
            "ties": ties,
            "geometry": geometry_json(&geometry, n),
            "grown": {
                "members": grown_members,
                "ties": grown_ties,
                "geometry": geometry_json(&grown_geometry, n + 1),
            },
            "ours": {
                "first": positions_json(&network, &first),
                "again": positions_json(&network, &again),
                "added": positions_json(&grown, &added),
            },
        }));
    }
    let out = json!({ "seed": SEED, "sizes": sizes });
    let text = serde_json::to_string(&out).expect("JSON");
    if let Err(error) = std::fs::write(&path, text) {
        eprintln!("layout_export: cannot write {path}: {error}");
        std::process::exit(1);
    }
}
