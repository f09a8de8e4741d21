//! Where members sit on the map: a ring-constrained force layout.
//!
//! [`layout`] takes the network, the positions from the last drawing and a [`Geometry`], and
//! returns a settled position for every member. It is a pure function: the same input gives
//! bit-identical output, so the app can run it on every change and tests can pin its
//! behaviour. (Seeding uses `sin`, `cos` and `atan2`, which come from the platform's maths
//! library: a native build and the browser build may differ in the last bits, while every
//! browser runs the same wasm and agrees.)
//!
//! # How it works
//!
//! The layout runs on fdg-sim: members are nodes of a `ForceGraph` (their ring, kind, track,
//! pin and temperature in the node's data), ties are its edges, and one custom `Force` (in
//! `force.rs`, its numbers in the force's dictionary) moves them at each step of a
//! `Simulation`. fdg-sim's own forces are not used: they know nothing of rings, have no
//! collision and never settle.
//!
//! 1. **Start** (`seed.rs`). Pinned members are where the person put them. Others keep their
//!    last position (moved radially into their band if their circle changed). New members are
//!    placed by rule: an empty ring is filled evenly round the whole circle, grouped by kind,
//!    tied members side by side, and turned so its ties to the other rings are short; a member
//!    joining a ring goes into the widest gap that needs no pushing, preferring one beside
//!    someone they know or of their kind. Points closer than a tenth of a node's width are
//!    fanned out, so no two members start on one point (fdg-sim's random start positions are
//!    overwritten). Placing people well at the start does most of the work: the forces only
//!    tidy up.
//! 2. **Forces**, each step, for every member not pinned:
//!    - *contact* (always on): two members closer than two radii plus a small margin each
//!      undo a fifth of the overlap (a member touching more than four others takes a
//!      proportionally smaller step, so a crowded ring settles instead of trembling). A pinned
//!      member's push that would only press a member into the edge of its band is turned
//!      along the ring, so the member slides aside instead of sticking;
//!    - *track* (a constraint, always on): after moving, a member is put back inside its band
//!      less a node radius each side, along its ray from the centre;
//!    - and, scaled by the temperature only: *spread* (members of one ring closer than half
//!      their even spacing push apart, so a ring is used all round rather than in a wedge),
//!      *ties* (a weak rope that pulls when longer than a short rest length, by at most three
//!      units a step), *kind* (a mild pull between neighbours of one kind in one ring, zero at
//!      both ends of its reach so it cannot set anyone swinging) and *ring* (a gentle pull
//!      towards the band's middle line, off in crowded rings).
//! 3. **Cooling.** The temperature `alpha` starts at 1 if anyone is new (no position yet, or a
//!    new circle) and at 0 otherwise, decays by 8 % a step (20 % when only some members are
//!    new) and is set to exactly 0 below 0.005. On a first drawing everyone feels it; after
//!    that only the new members do, and the members already on the map move only to make
//!    room (contact). So adding a member leaves the others where they were unless it needs
//!    space, and dragging a member pushes aside only its new neighbours. The step cap cools
//!    with `alpha`, from two node radii to half a node radius.
//! 4. **Stop rule.** Once `alpha` is 0 only contact and track remain, and a step's moves
//!    depend on nothing but the positions. The layout stops at the first such step whose
//!    largest wanted move is under 0.1 units and returns the positions *before* that step.
//!    Drawing again from those positions starts with `alpha` at 0 (no one is new), computes
//!    the very same moves, stops at once and returns them unchanged: a settled map moves by
//!    exactly 0.0.
//! 5. **Rescue** (`rescue.rs`). Forces only go downhill, so a member can end up wedged between
//!    pinned members and the edge of its band. When the layout stops (or after every 50 steps
//!    it has trembled without stopping), a member still overlapping another is lifted to the
//!    nearest free spot on its track, if there is one, and the layout carries on. A ring with
//!    more members than room is left as it is. At most 400 steps in all.
//!
//! The cost is one pass over all pairs a step (pairs further apart than any force reaches are
//! skipped after one comparison): about 65 steps for a first drawing, 25 to add a member and
//! a few to redraw after a drag.
//!
//! Pinned members are authoritative: they never move, even outside their band (the UI moves a
//! member's circle when it is dropped in another ring, and can use [`Geometry::snap`] first).
//! Other members keep clear of them.
//!
//! Use [`Geometry::for_network`] for the map: it keeps the rings fixed and shrinks the nodes
//! in steps as the network grows or one circle gets crowded, so members always fit.
//! [`labels`] places each member's name beside its node, clear of every other name and node,
//! showing fewer words rather than smaller text where a full name does not fit.
//! [`viewport`] is the part of the map shown when zoomed in, as an SVG `viewBox`.
//! [`place_missing`] (`repair.rs`) lays out a map read from a file or an older version before
//! it is shown or stored, when members have no position or one outside their circle.
//! [`quality`] measures a drawing (for tests and the benchmark) and [`sample`] makes
//! networks of any size to measure.

mod force;
mod geometry;
pub mod labels;
pub mod picture;
pub mod quality;
pub mod repair;
mod rescue;
pub mod sample;
mod seed;
pub mod viewport;

use std::collections::BTreeMap;

use fdg_sim::glam::Vec3;
use fdg_sim::{Dimensions, ForceGraph, ForceGraphHelper, Simulation, SimulationParameters};

use crate::model::{Circle, Member, MemberId, MemberKind, Network, Point};

pub use geometry::{circle_at, Geometry};
pub use picture::{by_circle, picture, Picture};
pub use repair::{is_placed, place_missing};
pub use viewport::Viewport;

use force::{Body, Graph};
use geometry::{contact_distance, ring_index};
use seed::{RingShape, Start};

/// A tie stops pulling at this many contact distances.
const TIE_REST: f32 = 1.25;
/// Members of one ring push apart when closer than this share of their even spacing.
const SPREAD_SHARE: f32 = 0.5;
/// Same-kind neighbours pull together up to this many even spacings.
const KIND_REACH: f32 = 1.5;
/// Temperature: starts at 1 when anyone is new, decays by this factor a step, and is zero
/// below the floor. Members already settled on the map feel `SETTLED_HEAT` of it.
const SETTLED_HEAT: f32 = 0.0;
const ALPHA_DECAY: f32 = 0.92;
/// Faster cooling when only a few members are new: they start in a good gap already.
const ALPHA_DECAY_WARM: f32 = 0.8;
const ALPHA_FLOOR: f32 = 0.005;
/// Step cap, in node radii: `CAP_COLD + CAP_HOT * alpha`.
const CAP_COLD: f32 = 0.5;
const CAP_HOT: f32 = 1.5;
/// The stop rule: a step whose largest wanted move is below this (in units) changes nothing.
const STILL: f32 = 0.1;
/// At most this many steps.
const MAX_STEPS: usize = 400;
/// Trapped members are looked for when the layout stops, and every this many steps while it
/// trembles without stopping, at most this many times.
const RESCUE_EVERY: usize = 50;
const MAX_RESCUES: usize = 4;

/// Positions for every member of `network`, keyed by id.
///
/// `previous` holds positions from the last drawing (a warm start: members keep them, moved
/// into their band if their circle changed). Members without one are placed by rule, spread
/// round their ring and never two on one point. Pinned members ([`Member::pinned`]) stay exactly
/// where they are, even outside their band. Finite input always gives finite output; a pinned or
/// previous point that is not finite or is more than a million units out is ignored.
///
/// Drawing again with `previous` set to this function's own output (and the same geometry)
/// returns it unchanged. An unusable `geometry` (not finite, edges out of order) is replaced
/// by [`Geometry::for_count`]. A member id that occurs twice is laid out once, for its first
/// occurrence.
pub fn layout(
    network: &Network,
    previous: &BTreeMap<MemberId, Point>,
    geometry: &Geometry,
) -> BTreeMap<MemberId, Point> {
    let mut members: Vec<&Member> = network.members.iter().collect();
    crate::order::sort_by_key(&mut members, |m| m.id);
    members.dedup_by_key(|m| m.id);
    if members.is_empty() {
        return BTreeMap::new();
    }
    let geometry = if geometry.is_sound() {
        *geometry
    } else {
        Geometry::for_count(members.len())
    };
    let contact = contact_distance(&geometry);

    let mut counts = [0usize; 3];
    for member in &members {
        counts[ring_index(member.circle)] += 1;
    }
    let rings = [Circle::Inner, Circle::Middle, Circle::Outer]
        .map(|circle| ring_plan(&geometry, circle, counts, contact));

    let starts: Vec<Start> = members
        .iter()
        .map(|member| {
            let plan = &rings[ring_index(member.circle)];
            let pinned = member.pinned.and_then(usable);
            let body = Body {
                ring: ring_index(member.circle) as u8,
                kind: kind_index(member.kind),
                fixed: pinned.is_some(),
                heat: 1.0,
                low: plan.low,
                high: plan.high,
                slack: plan.slack,
                spread: plan.spread,
                reach: plan.reach,
            };
            let last = previous.get(&member.id).copied().and_then(usable);
            let moved = last.is_some_and(|p| {
                circle_at(&geometry, Point { x: p[0], y: p[1] }) != Some(member.circle)
            });
            Start {
                body,
                given: pinned.or(last),
                moved,
            }
        })
        .collect();

    let index_of = |id: MemberId| members.binary_search_by_key(&id, |m| m.id).ok();
    let mut ties: Vec<Vec<usize>> = vec![Vec::new(); members.len()];
    for tie in &network.ties {
        if let (Some(a), Some(b)) = (index_of(tie.a), index_of(tie.b)) {
            if a != b && !ties[a].contains(&b) {
                ties[a].push(b);
                ties[b].push(a);
            }
        }
    }
    for list in &mut ties {
        list.sort_unstable();
    }

    let shapes = rings.map(|plan| RingShape { rows: plan.rows });
    let seeds = seed::seed(&starts, &ties, &shapes, contact);
    let movable = starts.iter().filter(|s| !s.body.fixed).count();
    let fresh = seeds.fresh.iter().filter(|&&f| f).count();
    let finish = |at: &[[f32; 2]]| -> BTreeMap<MemberId, Point> {
        members
            .iter()
            .zip(at)
            .map(|(member, p)| (member.id, Point { x: p[0], y: p[1] }))
            .collect()
    };
    if movable == 0 {
        return finish(&seeds.at);
    }

    // A first drawing warms everyone; otherwise only members new to their place feel the
    // temperature, and the others move only to make room.
    let cold = fresh == movable;
    let bodies: Vec<Body> = starts
        .iter()
        .zip(&seeds.fresh)
        .map(|(start, &fresh)| Body {
            heat: if cold || fresh { 1.0 } else { SETTLED_HEAT },
            ..start.body
        })
        .collect();
    let (alpha, decay) = match (fresh, cold) {
        (0, _) => (0.0, ALPHA_DECAY),
        (_, true) => (1.0, ALPHA_DECAY),
        (_, false) => (1.0, ALPHA_DECAY_WARM),
    };
    let settled = simulate(
        &bodies,
        &ties,
        &seeds.at,
        (alpha, decay),
        contact,
        &geometry,
    );
    // Belt and braces: a member whose position is not finite keeps its start.
    let at: Vec<[f32; 2]> = settled
        .iter()
        .zip(&seeds.at)
        .map(|(p, seed)| {
            if p[0].is_finite() && p[1].is_finite() {
                *p
            } else {
                *seed
            }
        })
        .collect();
    finish(&at)
}

/// Runs the simulation from the seeds and returns where everyone settled.
fn simulate(
    bodies: &[Body],
    ties: &[Vec<usize>],
    seeds: &[[f32; 2]],
    (mut alpha, decay): (f32, f32),
    contact: f32,
    geometry: &Geometry,
) -> Vec<[f32; 2]> {
    let mut graph: Graph = ForceGraph::default();
    let nodes: Vec<_> = bodies
        .iter()
        .zip(seeds)
        .map(|(body, p)| graph.add_force_node_with_coords("", *body, at3(*p)))
        .collect();
    for (a, list) in ties.iter().enumerate() {
        for &b in list.iter().filter(|&&b| b > a) {
            graph.add_edge(nodes[a], nodes[b], ());
        }
    }
    let force = force::ring_force(contact, contact * TIE_REST);
    let parameters = SimulationParameters::new(geometry.view_radius(), Dimensions::Two, force);
    // `from_graph` scatters the nodes with a global random generator: put them back.
    let mut sim = Simulation::from_graph(graph, parameters);
    for (node, p) in sim.get_graph_mut().node_weights_mut().zip(seeds) {
        node.location = at3(*p);
        node.old_location = at3(*p);
        node.velocity = Vec3::ZERO;
    }

    let touching = 2.0 * geometry.node_radius;
    let (mut calm_steps, mut rescues) = (0usize, 0usize);
    for _ in 0..MAX_STEPS {
        if alpha < ALPHA_FLOOR {
            alpha = 0.0;
        }
        let cap = geometry.node_radius * (CAP_COLD + CAP_HOT * alpha);
        let f = sim.parameters_mut().force_mut();
        force::set(f, force::ALPHA, alpha);
        force::set(f, force::STEP_CAP, cap);
        sim.update(1.0);
        if alpha == 0.0 {
            let largest = sim
                .get_graph()
                .node_weights()
                .map(|node| node.velocity.length())
                .fold(0.0f32, f32::max);
            let still = largest < STILL;
            calm_steps += 1;
            if (still || calm_steps % RESCUE_EVERY == 0) && rescues < MAX_RESCUES {
                let graph = sim.get_graph_mut();
                if still {
                    for node in graph.node_weights_mut() {
                        node.location = node.old_location;
                    }
                }
                if rescue::free_trapped(graph, touching, contact) {
                    rescues += 1;
                    continue;
                }
            }
            if still {
                // Nothing worth moving: keep the positions this step started from.
                return sim
                    .get_graph()
                    .node_weights()
                    .map(|node| [node.old_location.x, node.old_location.y])
                    .collect();
            }
        }
        alpha *= decay;
    }
    sim.get_graph()
        .node_weights()
        .map(|node| [node.location.x, node.location.y])
        .collect()
}

/// The numbers the layout derives for one ring from its size and head count.
#[derive(Debug, Clone, Copy)]
struct RingPlan {
    low: f32,
    high: f32,
    rows: usize,
    slack: f32,
    spread: f32,
    reach: f32,
}

fn ring_plan(geometry: &Geometry, circle: Circle, counts: [usize; 3], contact: f32) -> RingPlan {
    let (low, high) = geometry.track(circle);
    let count = counts[ring_index(circle)];
    let middle = (low + high) / 2.0;
    let around = std::f32::consts::TAU * middle;
    let needed = (count as f32 * contact * 1.15 / around).ceil().max(1.0) as usize;
    let room = 1 + ((high - low) / (0.87 * contact)).floor().max(0.0) as usize;
    let rows = needed.min(room).max(1);
    // Even spacing along a row.
    let spacing = (around * rows as f32 / count.max(1) as f32).max(contact);
    let spread = (SPREAD_SHARE * spacing).max(contact);
    let reach = (KIND_REACH * spacing).max(spread + contact);
    // A crowded ring uses its whole band: no pull towards the middle line.
    let slack = if rows > 1 { (high - low) / 2.0 } else { 0.0 };
    RingPlan {
        low,
        high,
        rows,
        slack,
        spread,
        reach,
    }
}

/// A pinned or remembered point, if it is one the layout can work with.
fn usable(point: Point) -> Option<[f32; 2]> {
    const FAR: f32 = 1.0e6;
    (point.x.is_finite() && point.y.is_finite() && point.x.abs() <= FAR && point.y.abs() <= FAR)
        .then_some([point.x, point.y])
}

fn kind_index(kind: MemberKind) -> u8 {
    MemberKind::ALL.iter().position(|&k| k == kind).unwrap_or(0) as u8
}

fn at3(p: [f32; 2]) -> Vec3 {
    Vec3::new(p[0], p[1], 0.0)
}
