//! Freeing trapped members. Forces only ever go downhill, so a member can end up wedged
//! between pinned members and the edge of its band, overlapping one of them, with every way
//! out uphill. When the layout has stopped (or keeps trembling), such a member is lifted to
//! the nearest free spot on its track, and the layout carries on from there.
//!
//! A member is moved only if a free spot exists, so a ring with more members than room (where
//! overlaps cannot be avoided) is left as it is, and drawing it again still moves nobody.

use std::collections::BTreeMap;

use fdg_sim::glam::Vec3;

use super::force::{into_track, Body, Graph};

/// Candidate spots on one track, and how many members block each (are closer than `clear`).
struct Spots {
    at: Vec<[f32; 2]>,
    blockers: Vec<u32>,
}

/// Moves each member that overlaps another (centres closer than `touching`) and is not pinned
/// to the free spot on its track nearest to it, if there is one. Returns whether any moved.
pub(crate) fn free_trapped(graph: &mut Graph, touching: f32, contact: f32) -> bool {
    let bodies: Vec<Body> = graph.node_weights().map(|node| node.data).collect();
    let mut at: Vec<[f32; 2]> = graph
        .node_weights()
        .map(|node| [node.location.x, node.location.y])
        .collect();
    let n = at.len();
    let mut trapped = Vec::new();
    for i in 0..n {
        for j in (i + 1)..n {
            if gap(at[i], at[j]) >= touching {
                continue;
            }
            if !bodies[j].fixed {
                trapped.push(j);
            } else if !bodies[i].fixed {
                trapped.push(i);
            }
        }
    }
    if trapped.is_empty() {
        return false;
    }
    trapped.sort_unstable();
    trapped.dedup();

    // A spot is free when no one is closer than this.
    let clear = contact * 1.05;
    let mut tracks: BTreeMap<u8, Spots> = BTreeMap::new();
    let mut moved = false;
    for k in trapped {
        let still = (0..n).any(|j| j != k && gap(at[k], at[j]) < touching);
        if !still {
            continue;
        }
        let spots = tracks
            .entry(bodies[k].ring)
            .or_insert_with(|| spots_on(&bodies[k], k, &at, contact, clear));
        // Nearest spot blocked by no one but `k` itself.
        let nearest = spots
            .at
            .iter()
            .zip(&spots.blockers)
            .filter(|(spot, &blockers)| {
                let own = u32::from(gap(**spot, at[k]) < clear);
                blockers.saturating_sub(own) == 0
            })
            .map(|(spot, _)| (gap(*spot, at[k]), *spot))
            .min_by(|a, b| a.0.total_cmp(&b.0));
        let Some((_, spot)) = nearest else {
            continue;
        };
        for tracked in tracks.values_mut() {
            for (candidate, blockers) in tracked.at.iter().zip(&mut tracked.blockers) {
                if gap(*candidate, at[k]) < clear {
                    *blockers -= 1;
                }
                if gap(*candidate, spot) < clear {
                    *blockers += 1;
                }
            }
        }
        at[k] = spot;
        moved = true;
    }
    if moved {
        for (node, p) in graph.node_weights_mut().zip(&at) {
            node.location = Vec3::new(p[0], p[1], 0.0);
            node.old_location = node.location;
            node.velocity = Vec3::ZERO;
        }
    }
    moved
}

/// Spots on `body`'s track on a grid of half a contact distance, each with the number of
/// members (anywhere) closer than `clear` to it.
fn spots_on(body: &Body, index: usize, at: &[[f32; 2]], contact: f32, clear: f32) -> Spots {
    let step = contact / 2.0;
    let width = body.high - body.low;
    let rows = 1 + (width / step).floor().max(0.0) as usize;
    let mut spots = Vec::new();
    for row in 0..rows {
        let distance = if rows == 1 {
            (body.low + body.high) / 2.0
        } else {
            body.low + width * row as f32 / (rows - 1) as f32
        };
        let count = ((std::f32::consts::TAU * distance / step).ceil() as usize).clamp(8, 4096);
        for c in 0..count {
            let angle = std::f32::consts::TAU * c as f32 / count as f32;
            // Inside the track by the force's own test, so the spot is never nudged later.
            let spot = into_track(
                [distance * angle.cos(), distance * angle.sin()],
                body,
                index,
            );
            spots.push(spot);
        }
    }
    let blockers = spots
        .iter()
        .map(|spot| at.iter().filter(|p| gap(*spot, **p) < clear).count() as u32)
        .collect();
    Spots {
        at: spots,
        blockers,
    }
}

fn gap(a: [f32; 2], b: [f32; 2]) -> f32 {
    ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
}
