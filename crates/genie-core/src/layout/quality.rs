//! Measures of a drawing, shared by the tests and the benchmark so that Genie's layout and any
//! other engine (d3-force in the browser benchmark) are judged by one definition.

use std::collections::BTreeMap;
use std::f32::consts::{PI, TAU};

use super::geometry::ring_index;
use super::Geometry;
use crate::model::{MemberId, Network, Point};

/// Angular sectors per ring for [`Quality::sector_share`].
pub const SECTORS: usize = 12;

/// How a drawing of a network measures up. Distances are in map units.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Quality {
    /// Members with no position or one that is not finite.
    pub missing: usize,
    /// How far members' discs reach outside their band (0 when inside), mean and largest.
    /// Pinned members are left out: they are where the person put them.
    pub ring_error_mean: f32,
    pub ring_error_max: f32,
    /// Pairs of members whose discs overlap: centres closer than two node radii. Pairs of two
    /// pinned members are left out.
    pub overlaps: usize,
    /// The closest two members' centres (infinite with fewer than two).
    pub closest: f32,
    /// How much of the circles the members use: for each ring, the number of its
    /// [`SECTORS`] angular sectors holding at least one member, over the most it could hold
    /// (its member count, up to `SECTORS`); summed over the rings before dividing. 1 for an
    /// empty network.
    pub sector_share: f32,
}

/// Measures `positions` as a drawing of `network` on `geometry`.
pub fn measure(
    network: &Network,
    geometry: &Geometry,
    positions: &BTreeMap<MemberId, Point>,
) -> Quality {
    let mut quality = Quality {
        closest: f32::INFINITY,
        ..Quality::default()
    };
    let mut placed = Vec::new();
    let (mut error_sum, mut error_count) = (0.0f32, 0usize);
    let mut used = [[false; SECTORS]; 3];
    let mut counts = [0usize; 3];
    for member in &network.members {
        let Some(p) = positions
            .get(&member.id)
            .filter(|p| p.x.is_finite() && p.y.is_finite())
        else {
            quality.missing += 1;
            continue;
        };
        placed.push((*p, member.pinned.is_some()));
        let distance = (p.x * p.x + p.y * p.y).sqrt();
        if member.pinned.is_none() {
            let (inner, outer) = geometry.band(member.circle);
            let r = geometry.node_radius;
            let error = (inner + r - distance).max(distance - (outer - r)).max(0.0);
            error_sum += error;
            error_count += 1;
            quality.ring_error_max = quality.ring_error_max.max(error);
        }
        let ring = ring_index(member.circle);
        counts[ring] += 1;
        let sector = ((p.y.atan2(p.x) + PI) / TAU * SECTORS as f32).floor();
        used[ring][(sector.max(0.0) as usize).min(SECTORS - 1)] = true;
    }
    quality.ring_error_mean = if error_count > 0 {
        error_sum / error_count as f32
    } else {
        0.0
    };
    let touching = 2.0 * geometry.node_radius;
    for (i, (a, a_pinned)) in placed.iter().enumerate() {
        for (b, b_pinned) in &placed[i + 1..] {
            let d = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
            quality.closest = quality.closest.min(d);
            if d < touching && !(*a_pinned && *b_pinned) {
                quality.overlaps += 1;
            }
        }
    }
    let possible: usize = counts.iter().map(|&c| c.min(SECTORS)).sum();
    let got: usize = used
        .iter()
        .map(|ring| ring.iter().filter(|&&u| u).count())
        .sum();
    quality.sector_share = if possible > 0 {
        got as f32 / possible as f32
    } else {
        1.0
    };
    quality
}

/// Mean distance moved by the members present in both drawings (0 if none are).
pub fn mean_displacement(
    before: &BTreeMap<MemberId, Point>,
    after: &BTreeMap<MemberId, Point>,
) -> f32 {
    let moves = displacements(before, after);
    if moves.is_empty() {
        0.0
    } else {
        moves.iter().sum::<f32>() / moves.len() as f32
    }
}

/// Largest distance moved by a member present in both drawings (0 if none are).
pub fn max_displacement(
    before: &BTreeMap<MemberId, Point>,
    after: &BTreeMap<MemberId, Point>,
) -> f32 {
    displacements(before, after).into_iter().fold(0.0, f32::max)
}

fn displacements(
    before: &BTreeMap<MemberId, Point>,
    after: &BTreeMap<MemberId, Point>,
) -> Vec<f32> {
    before
        .iter()
        .filter_map(|(id, a)| {
            after
                .get(id)
                .map(|b| ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt())
        })
        .collect()
}
