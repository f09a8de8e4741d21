//! Start positions: pinned members where pinned, others where they were last drawn, and new
//! members placed by rule, never two on one point.
//!
//! - A ring with no one placed yet is filled evenly round the whole circle, clockwise,
//!   members grouped by kind (in `MemberKind::ALL` order) and, within a kind, walking their
//!   ties, so members who know each other start side by side. The ring is then turned (in
//!   steps of 1/48 of a turn, starting from the top) so its ties to members already placed in
//!   other rings are as short as they can be. A crowded ring zigzags over as many rows as it
//!   needs.
//! - A new member in a ring that already has people goes into a gap between two of them:
//!   preferably one wide enough to need no pushing, then one next to someone they are tied to
//!   (or facing a tied member in another ring), then next to someone of their kind, then the
//!   widest. So a map built one member at a time fills its circles evenly and barely moves.

use std::collections::VecDeque;
use std::f32::consts::{PI, TAU};

use super::force::{into_track, Body};

/// Where each member starts, and which members are new to their place.
pub(crate) struct Seeds {
    pub at: Vec<[f32; 2]>,
    /// Members that had no position (and were placed by rule), or whose position was in
    /// another circle's band. Never a pinned member.
    pub fresh: Vec<bool>,
}

/// What the seeding needs to know about the rings.
pub(crate) struct RingShape {
    /// Rows a ring this full needs (1 for all but crowded rings).
    pub rows: usize,
}

/// Input for one member, in layout order.
pub(crate) struct Start {
    pub body: Body,
    /// Pinned point, or the last drawing's point (already checked finite and sane).
    pub given: Option<[f32; 2]>,
    /// The last drawing's point is in another circle's band: the member changed circle.
    pub moved: bool,
}

/// Angle of "straight up" on screen (y grows downwards).
const TOP: f32 = -PI / 2.0;

pub(crate) fn seed(
    starts: &[Start],
    ties: &[Vec<usize>],
    shapes: &[RingShape; 3],
    contact: f32,
) -> Seeds {
    let n = starts.len();
    let mut at: Vec<Option<[f32; 2]>> = starts
        .iter()
        .enumerate()
        .map(|(i, s)| {
            s.given.map(|p| {
                if s.body.fixed {
                    p
                } else {
                    into_track(p, &s.body, i)
                }
            })
        })
        .collect();
    let mut fresh: Vec<bool> = starts
        .iter()
        .map(|s| !s.body.fixed && (s.given.is_none() || s.moved))
        .collect();
    for (ring, shape) in shapes.iter().enumerate() {
        let waiting: Vec<usize> = (0..n)
            .filter(|&i| usize::from(starts[i].body.ring) == ring && at[i].is_none())
            .collect();
        if waiting.is_empty() {
            continue;
        }
        for &i in &waiting {
            fresh[i] = true;
        }
        let anyone_placed =
            (0..n).any(|i| usize::from(starts[i].body.ring) == ring && at[i].is_some());
        if anyone_placed {
            for &i in &waiting {
                let p = into_gap(i, starts, ties, &at, shape, contact);
                at[i] = Some(p);
            }
        } else {
            fill_ring(&waiting, starts, ties, shape, &mut at);
        }
    }
    let mut at: Vec<[f32; 2]> = at.into_iter().map(|p| p.unwrap_or([0.0, 0.0])).collect();
    separate(&mut at, starts, contact);
    Seeds { at, fresh }
}

/// Places the members of an empty ring evenly round it, grouped by kind and ties, turned so
/// that ties to members already placed in other rings are as short as they can be.
fn fill_ring(
    waiting: &[usize],
    starts: &[Start],
    ties: &[Vec<usize>],
    shape: &RingShape,
    at: &mut [Option<[f32; 2]>],
) {
    let order = group_order(waiting, starts, ties);
    let m = order.len();
    let rows = shape.rows.clamp(1, m.max(1));
    let place = |k: usize, turn: f32| -> [f32; 2] {
        let body = &starts[order[k]].body;
        let angle = TOP + turn + TAU * k as f32 / m as f32;
        let distance = if rows == 1 {
            (body.low + body.high) / 2.0
        } else {
            body.low + (body.high - body.low) * (k % rows) as f32 / (rows - 1) as f32
        };
        [distance * angle.cos(), distance * angle.sin()]
    };
    let reaching: Vec<(usize, [f32; 2])> = order
        .iter()
        .enumerate()
        .flat_map(|(k, &i)| ties[i].iter().map(move |&j| (k, j)))
        .filter_map(|(k, j)| at[j].map(|p| (k, p)))
        .collect();
    let mut best = (f32::INFINITY, 0.0);
    if !reaching.is_empty() {
        for step in 0..TURNS {
            let turn = TAU * step as f32 / TURNS as f32;
            let length: f32 = reaching
                .iter()
                .map(|&(k, p)| {
                    let q = place(k, turn);
                    ((q[0] - p[0]).powi(2) + (q[1] - p[1]).powi(2)).sqrt()
                })
                .sum();
            if length < best.0 {
                best = (length, turn);
            }
        }
    }
    for k in 0..m {
        at[order[k]] = Some(place(k, best.1));
    }
}

/// Turns of an empty ring tried when lining its ties up with the other rings.
const TURNS: usize = 48;

/// Members by kind, and within a kind by walking ties from the lowest id (members are already
/// in id order), so tied members come next to each other.
fn group_order(waiting: &[usize], starts: &[Start], ties: &[Vec<usize>]) -> Vec<usize> {
    let mut kinds: Vec<u8> = waiting.iter().map(|&i| starts[i].body.kind).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let mut order = Vec::with_capacity(waiting.len());
    let mut seen = vec![false; starts.len()];
    for kind in kinds {
        let group: Vec<usize> = waiting
            .iter()
            .copied()
            .filter(|&i| starts[i].body.kind == kind)
            .collect();
        for &root in &group {
            if seen[root] {
                continue;
            }
            seen[root] = true;
            let mut queue = VecDeque::from([root]);
            while let Some(i) = queue.pop_front() {
                order.push(i);
                for &j in &ties[i] {
                    if !seen[j] && group.contains(&j) {
                        seen[j] = true;
                        queue.push_back(j);
                    }
                }
            }
        }
    }
    order
}

/// A place for member `i` in a ring where others are already placed.
fn into_gap(
    i: usize,
    starts: &[Start],
    ties: &[Vec<usize>],
    at: &[Option<[f32; 2]>],
    shape: &RingShape,
    contact: f32,
) -> [f32; 2] {
    let body = &starts[i].body;
    let middle = (body.low + body.high) / 2.0;
    let mut around: Vec<(f32, usize)> = (0..starts.len())
        .filter(|&j| starts[j].body.ring == body.ring)
        .filter_map(|j| at[j].map(|p| (p[1].atan2(p[0]), j)))
        .collect();
    crate::order::sort_by(&mut around, |a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    // Directions of tied members in other rings.
    let facing: Vec<f32> = ties[i]
        .iter()
        .filter(|&&j| starts[j].body.ring != body.ring)
        .filter_map(|&j| at[j].map(|p| p[1].atan2(p[0])))
        .collect();
    let liking = |j: usize| -> u8 {
        if ties[i].contains(&j) {
            2
        } else if starts[j].body.kind == body.kind {
            1
        } else {
            0
        }
    };
    let rows = shape.rows.max(1) as f32;

    // (fits, liking, width, from, liking of the member at `from`, liking of the one at `to`)
    let mut best: Option<(u8, u8, f32, f32, u8, u8)> = None;
    let count = around.len();
    for k in 0..count {
        let (from, a) = around[k];
        let (to, b) = around[(k + 1) % count];
        let to = if k + 1 == count { to + TAU } else { to };
        let width = (to - from).max(0.0);
        let fits = u8::from(width / 2.0 * middle * rows >= body.spread);
        let faces = facing.iter().any(|&f| {
            let turned = (f - from).rem_euclid(TAU);
            turned > 0.0 && turned < width
        });
        let (like_a, like_b) = (liking(a), liking(b));
        let like = like_a.max(like_b).max(if faces { 2 } else { 0 });
        let better = match best {
            None => true,
            Some((bf, bl, bw, ..)) => (fits, like, width) > (bf, bl, bw),
        };
        if better {
            best = Some((fits, like, width, from, like_a, like_b));
        }
    }
    let angle = match best {
        Some((_, _, width, from, like_a, like_b)) => {
            // Beside a liked neighbour rather than in the middle of a wide gap.
            let step = 2.0 * body.spread.max(contact * 1.25) / middle;
            if width > 2.0 * step && like_a > like_b {
                from + step
            } else if width > 2.0 * step && like_b > like_a {
                from + width - step
            } else {
                from + width / 2.0
            }
        }
        None => TOP,
    };
    [middle * angle.cos(), middle * angle.sin()]
}

/// Moves apart any two start points closer than a tenth of the contact distance (a pinned
/// member stays; the other moves along its track), so no pair starts on one point.
fn separate(at: &mut [[f32; 2]], starts: &[Start], contact: f32) {
    let close = contact * 0.1;
    for _round in 0..16 {
        let mut moved = false;
        for i in 0..at.len() {
            for j in (i + 1)..at.len() {
                let (dx, dy) = (at[j][0] - at[i][0], at[j][1] - at[i][1]);
                if dx * dx + dy * dy >= close * close {
                    continue;
                }
                let k = if !starts[j].body.fixed {
                    j
                } else if !starts[i].body.fixed {
                    i
                } else {
                    continue;
                };
                let [x, y] = at[k];
                let distance = (x * x + y * y).sqrt().max(1.0);
                // Along the track by a step that depends on the member, so a pile of
                // members fans out instead of moving together.
                let turn = contact * 0.3 * (1 + k % 5) as f32 / distance;
                let (sin, cos) = turn.sin_cos();
                let turned = [x * cos - y * sin, x * sin + y * cos];
                at[k] = into_track(turned, &starts[k].body, k);
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
}
