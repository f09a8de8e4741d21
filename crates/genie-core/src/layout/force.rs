//! The one fdg-sim [`Force`] the layout runs: contact, ring, spread, ties and kinds in a single
//! pass over the graph, moving each member by at most the current step cap.
//!
//! The force writes three things into every node: `old_location` (where it was),
//! `velocity` (the whole move it would like to make this step, before the cap: what the stop
//! rule reads) and `location` (where it went, after the cap and back inside its track).

use fdg_sim::force::{Force, LinkedHashMap, Value};
use fdg_sim::glam::Vec3;
use fdg_sim::petgraph::visit::{EdgeRef, IntoEdgeReferences};
use fdg_sim::ForceGraph;

/// A member's place in the simulation: everything the force needs, kept in its node.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Body {
    /// 0, 1, 2: inner, middle, outer.
    pub ring: u8,
    /// Index in `MemberKind::ALL`.
    pub kind: u8,
    /// Pinned by the person: never moved, but still pushes and pulls the others.
    pub fixed: bool,
    /// How much of the temperature this member feels: 1 for members new to their place (and
    /// everyone on a first drawing), 0 for members already settled on the map, which then
    /// move only to make room.
    pub heat: f32,
    /// Smallest and largest distance from the centre (the band less a node radius each side).
    pub low: f32,
    pub high: f32,
    /// Half-width of the zone round the band's middle line where the ring does not pull.
    pub slack: f32,
    /// Members of one ring closer than this push each other apart while the layout is warm.
    pub spread: f32,
    /// Members of one ring and one kind closer than this (and further than `spread`) pull
    /// together while the layout is warm.
    pub reach: f32,
}

impl Body {
    fn middle(&self) -> f32 {
        (self.low + self.high) / 2.0
    }
}

/// The graph the simulation runs on: a body per member, an edge per tie.
pub(crate) type Graph = ForceGraph<Body, ()>;

// Names of the numbers in the force's dictionary.
pub(crate) const ALPHA: &str = "Alpha";
pub(crate) const STEP_CAP: &str = "Step cap";
const CONTACT: &str = "Contact distance";
const CONTACT_STRENGTH: &str = "Contact strength";
const SPREAD_STRENGTH: &str = "Spread strength";
const KIND_STRENGTH: &str = "Kind strength";
const RING_STRENGTH: &str = "Ring strength";
const TIE_STRENGTH: &str = "Tie strength";
const TIE_LENGTH: &str = "Tie length";
const TIE_MOST: &str = "Tie pull at most";

/// Part of an overlap each member of a pair undoes per step.
const CONTACT_RATE: f32 = 0.2;
/// Contacts a member can have before its contact step is scaled down (by contacts / `CROWD`).
/// With `CONTACT_RATE` this keeps the simultaneous update stable for any number of contacts.
const CROWD: f32 = 4.0;
/// Spread spring per unit of alpha: part of the shortfall under `spread` undone per step.
const SPREAD_RATE: f32 = 0.1;
/// Same-kind pull per unit of alpha (a smooth bump between `spread` and `reach`).
const KIND_RATE: f32 = 0.04;
/// Pull towards the band's middle line per unit of alpha, for a member outside the slack zone.
const RING_RATE: f32 = 0.08;
/// Tie spring per unit of alpha, and the most one tie may pull in one step.
const TIE_RATE: f32 = 0.03;
const TIE_MOST_PX: f32 = 3.0;

/// Builds the force. `contact` is the distance below which two members push each other apart
/// at any temperature; `tie_length` is where a tie stops pulling.
pub(crate) fn ring_force(contact: f32, tie_length: f32) -> Force<Body, ()> {
    let mut dict = LinkedHashMap::new();
    let mut number = |name: &str, value: f32, most: f32| {
        dict.insert(name.to_string(), Value::Number(value, 0.0..=most));
    };
    number(ALPHA, 1.0, 1.0);
    number(STEP_CAP, contact, 1000.0);
    number(CONTACT, contact, 1000.0);
    number(CONTACT_STRENGTH, CONTACT_RATE, 0.25);
    number(SPREAD_STRENGTH, SPREAD_RATE, 1.0);
    number(KIND_STRENGTH, KIND_RATE, 1.0);
    number(RING_STRENGTH, RING_RATE, 1.0);
    number(TIE_STRENGTH, TIE_RATE, 1.0);
    number(TIE_LENGTH, tie_length, 1000.0);
    number(TIE_MOST, TIE_MOST_PX, 100.0);
    Force {
        dict: dict.clone(),
        dict_default: dict,
        name: "Genie rings",
        continuous: true,
        info: Some(concat!(
            "Holds members in their ring's band, keeps them apart, spreads each ring and ",
            "draws ties and kinds together, with a step cap for cooling."
        )),
        update,
    }
}

/// Sets one number in the force's dictionary.
pub(crate) fn set(force: &mut Force<Body, ()>, name: &str, value: f32) {
    if let Some(number) = force.dict_mut().get_mut(name).and_then(Value::number_mut) {
        *number = value;
    }
}

fn get(dict: &LinkedHashMap<String, Value>, name: &str) -> f32 {
    dict.get(name).and_then(Value::number).unwrap_or(0.0)
}

/// One step. Contact is always on; the other forces are scaled by alpha and skipped at zero,
/// so a cold layout ends with contact alone and the stop rule tests exactly that.
fn update(dict: &LinkedHashMap<String, Value>, graph: &mut Graph, dt: f32) {
    let alpha = get(dict, ALPHA);
    let cap = get(dict, STEP_CAP);
    let contact = get(dict, CONTACT);
    let contact_rate = get(dict, CONTACT_STRENGTH);
    let spread_rate = get(dict, SPREAD_STRENGTH);
    let kind_rate = get(dict, KIND_STRENGTH);
    let ring_rate = get(dict, RING_STRENGTH);
    let tie_rate = get(dict, TIE_STRENGTH);
    let tie_length = get(dict, TIE_LENGTH);
    let tie_most = get(dict, TIE_MOST);
    let warm = alpha > 0.0;

    let bodies: Vec<Body> = graph.node_weights().map(|node| node.data).collect();
    let at: Vec<[f32; 2]> = graph
        .node_weights()
        .map(|node| [node.location.x, node.location.y])
        .collect();
    let n = bodies.len();
    // Contact moves (always) and the warm forces (scaled by alpha at the end).
    let mut hard = vec![[0.0f32; 2]; n];
    // How many others each member touches (see `CROWD`).
    let mut touching = vec![0u16; n];
    let mut soft = vec![[0.0f32; 2]; n];
    let contact_sq = contact * contact;
    // Within this of a track's edge, a member counts as lying against it.
    let edge = contact * 0.01;

    for i in 0..n {
        let (a, pa) = (bodies[i], at[i]);
        for j in (i + 1)..n {
            let b = bodies[j];
            if a.fixed && b.fixed {
                continue;
            }
            let same_ring = warm && a.ring == b.ring;
            let reach = if same_ring {
                a.reach.max(a.spread).max(contact)
            } else {
                contact
            };
            let dx = at[j][0] - pa[0];
            let dy = at[j][1] - pa[1];
            let d_sq = dx * dx + dy * dy;
            if d_sq >= reach * reach {
                continue;
            }
            let d = d_sq.sqrt();
            let (ux, uy) = if d > 1e-6 {
                (dx / d, dy / d)
            } else {
                apart(i, j)
            };
            // Who takes the push: both halves, or all of it when the other is pinned.
            let (wa, wb) = match (a.fixed, b.fixed) {
                (false, false) => (1.0, 1.0),
                (false, true) => (2.0, 0.0),
                _ => (0.0, 2.0),
            };
            if d_sq < contact_sq {
                touching[i] = touching[i].saturating_add(1);
                touching[j] = touching[j].saturating_add(1);
                let push = contact_rate * (contact - d);
                let (mut on_a, mut on_b) = (
                    [-ux * push * wa, -uy * push * wa],
                    [ux * push * wb, uy * push * wb],
                );
                // Only a pinned member can hold another against the edge of its band (two
                // free members always have room to pass one behind the other).
                if b.fixed {
                    on_a = slide(on_a, pa, &a, i, edge);
                }
                if a.fixed {
                    on_b = slide(on_b, at[j], &b, j, edge);
                }
                add(&mut hard[i], on_a[0], on_a[1]);
                add(&mut hard[j], on_b[0], on_b[1]);
            }
            if same_ring {
                // Positive pulls together, negative pushes apart.
                let pull = if d < a.spread {
                    -spread_rate * (a.spread - d)
                } else if a.kind == b.kind && d < a.reach {
                    kind_rate * (d - a.spread) * (a.reach - d) / (a.reach - a.spread)
                } else {
                    0.0
                };
                add(&mut soft[i], ux * pull * wa / 2.0, uy * pull * wa / 2.0);
                add(&mut soft[j], -ux * pull * wb / 2.0, -uy * pull * wb / 2.0);
            }
        }
    }

    if warm {
        for edge in graph.edge_references() {
            let (i, j) = (edge.source().index(), edge.target().index());
            if i == j || i >= n || j >= n {
                continue;
            }
            let dx = at[j][0] - at[i][0];
            let dy = at[j][1] - at[i][1];
            let d = (dx * dx + dy * dy).sqrt();
            if d <= tie_length || !d.is_finite() {
                continue;
            }
            let pull = (tie_rate * (d - tie_length)).min(tie_most) / d;
            add(&mut soft[i], dx * pull, dy * pull);
            add(&mut soft[j], -dx * pull, -dy * pull);
        }
        for (i, body) in bodies.iter().enumerate() {
            let [x, y] = at[i];
            let distance = (x * x + y * y).sqrt();
            let off = distance - body.middle();
            let beyond = off.abs() - body.slack;
            if beyond > 0.0 && distance > 1e-6 {
                let pull = -ring_rate * beyond * off.signum() / distance;
                add(&mut soft[i], x * pull, y * pull);
            }
        }
    }

    for (i, node) in graph.node_weights_mut().enumerate() {
        node.old_location = node.location;
        if node.data.fixed {
            node.velocity = Vec3::ZERO;
            continue;
        }
        let [x, y] = at[i];
        let warmth = alpha * node.data.heat;
        // A member pressed from many sides takes a smaller step, or the pushes would overshoot
        // and a crowded ring would tremble for ever instead of settling.
        let crowd = (f32::from(touching[i]) / CROWD).max(1.0);
        let [hx, hy] = [hard[i][0] / crowd, hard[i][1] / crowd];
        let wanted = [
            x + (hx + warmth * soft[i][0]) * dt,
            y + (hy + warmth * soft[i][1]) * dt,
        ];
        let target = into_track(wanted, &node.data, i);
        let (mx, my) = (target[0] - x, target[1] - y);
        let length = (mx * mx + my * my).sqrt();
        node.velocity = Vec3::new(mx, my, 0.0);
        let went = if length > cap && length.is_finite() {
            let scale = cap / length;
            into_track([x + mx * scale, y + my * scale], &node.data, i)
        } else {
            target
        };
        if went[0].is_finite() && went[1].is_finite() {
            node.location = Vec3::new(went[0], went[1], 0.0);
        } else {
            // Cannot happen with finite inputs; if it ever does, stay put rather than spread
            // a NaN to the others.
            node.velocity = Vec3::ZERO;
        }
    }
}

/// A pinned member's push on a member lying against an edge of its track that points out
/// through that edge would be cancelled by the track, leaving the member stuck on the pinned
/// one. Such a push is turned along the ring instead, away from the pinned member (the push's
/// own sideways part says which way), so the member slides aside. (Pushes between free
/// members are left alone: they are the slope of one energy, which is what lets a crowded ring
/// settle rather than circulate.)
fn slide(push: [f32; 2], p: [f32; 2], body: &Body, index: usize, edge: f32) -> [f32; 2] {
    let distance = (p[0] * p[0] + p[1] * p[1]).sqrt();
    if distance <= 1e-6 || !distance.is_finite() {
        return push;
    }
    let (rx, ry) = (p[0] / distance, p[1] / distance);
    let (tx, ty) = (-ry, rx);
    let outwards = push[0] * rx + push[1] * ry;
    let blocked = (outwards > 0.0 && distance >= body.high - edge)
        || (outwards < 0.0 && distance <= body.low + edge);
    if !blocked {
        return push;
    }
    let along = push[0] * tx + push[1] * ty;
    let side = if along > 0.0 || (along == 0.0 && index % 2 == 0) {
        1.0
    } else {
        -1.0
    };
    let along = along + side * outwards.abs();
    [tx * along, ty * along]
}

fn add(v: &mut [f32; 2], x: f32, y: f32) {
    v[0] += x;
    v[1] += y;
}

/// A fixed direction for a pair on exactly one point (pinned members can be), so the push
/// between them is never NaN.
fn apart(i: usize, j: usize) -> (f32, f32) {
    let angle = (i * 7 + j * 13) as f32 * GOLDEN_ANGLE;
    (angle.cos(), angle.sin())
}

const GOLDEN_ANGLE: f32 = 2.399_963;

/// Brings a point back inside a body's track, along its ray from the centre. A point already
/// inside is returned unchanged, and a point it returns is inside by the very same test, so a
/// settled member is never nudged by rounding.
pub(crate) fn into_track(p: [f32; 2], body: &Body, index: usize) -> [f32; 2] {
    let inside = |q: [f32; 2]| {
        let distance = (q[0] * q[0] + q[1] * q[1]).sqrt();
        (distance >= body.low && distance <= body.high, distance)
    };
    let (ok, distance) = inside(p);
    if ok {
        return p;
    }
    let mut q = if distance.is_nan() || distance <= 1e-6 || distance.is_infinite() {
        let (ux, uy) = apart(index, index);
        let middle = body.middle();
        [ux * middle, uy * middle]
    } else {
        let scale = distance.clamp(body.low, body.high) / distance;
        [p[0] * scale, p[1] * scale]
    };
    // Rounding can leave the scaled point a hair outside: step it in by a few ulps.
    for _ in 0..8 {
        let (ok, distance) = inside(q);
        if ok {
            break;
        }
        let nudge = if distance > body.high {
            1.0 - f32::EPSILON
        } else {
            1.0 + f32::EPSILON
        };
        q = [q[0] * nudge, q[1] * nudge];
    }
    q
}
