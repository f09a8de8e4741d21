//! The fixed shapes of the map: the person's disc, the three bands and the size of a member.

use crate::model::{Circle, Network, Point};

/// Radius of the person's disc at the centre.
const CENTRE_RADIUS: f32 = 40.0;

/// Edges of the bands, from the inside out. The same for every network size, so the rings
/// never jump when members are added; only [`Geometry::node_radius`] changes with the count.
/// Each band is wide enough for two nodes to sit one behind the other, except the large nodes
/// of a small network (up to 12 members), which sit in one row.
const RING_EDGES: [f32; 4] = [52.0, 150.0, 250.0, 350.0];

/// Room outside the outer edge for outlines and the overhang of labels.
const VIEW_MARGIN: f32 = 10.0;

/// Node radius by member count: `(up to this many members, radius)`. A small network is drawn
/// large: 35 units is 32 CSS pixels across on a 335 px phone map. Piecewise constant, so
/// adding one member changes nothing unless it crosses a step. At each step's largest count, a
/// usual spread (up to a fifth of the members in the inner circle and two fifths in the
/// middle) fills no circle beyond [`MOST_FILLED`] of tight packing.
const NODE_RADII: [(usize, f32); 9] = [
    (12, 35.0),
    (20, 22.0),
    (40, 20.0),
    (60, 18.0),
    (100, 15.0),
    (150, 13.0),
    (250, 10.0),
    (500, 7.0),
    (1000, 5.0),
];

/// Node radius above the last step.
const SMALLEST_NODE_RADIUS: f32 = 3.5;

/// [`Geometry::for_network`] keeps every ring's head count under this share of what the ring
/// holds packed tight, so the layout has room to spread and never has to overlap anyone.
const MOST_FILLED: f32 = 0.6;

/// Sizes of the map in map units (one unit is one CSS pixel when the map is drawn at its natural
/// size of `2 * view_radius()` across), with the person at (0, 0) and y pointing down as in SVG.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    /// Radius of the person's disc.
    pub centre_radius: f32,
    /// The circles' edges from the inside out: the inner band runs from `ring_edges[0]` to
    /// `ring_edges[1]`, the middle band from `[1]` to `[2]` and the outer band from `[2]` to
    /// `[3]`.
    pub ring_edges: [f32; 4],
    /// Radius of a member's disc (its icon and touch target). The layout keeps every member's
    /// whole disc inside its band and never lets two discs overlap when there is room.
    pub node_radius: f32,
}

impl Geometry {
    /// The geometry for a network of `members` members spread over the circles in a usual way
    /// (most in the outer circles). The rings are the same for every size; the node radius
    /// shrinks in steps (35 units up to 12 members, 22 up to 20, 18 up to 60, 13 up to 150,
    /// 7 up to 500).
    /// Prefer [`Geometry::for_network`], which also copes with a crowded circle.
    pub fn for_count(members: usize) -> Geometry {
        let node_radius = NODE_RADII
            .iter()
            .find(|(most, _)| members <= *most)
            .map_or(SMALLEST_NODE_RADIUS, |(_, radius)| *radius);
        Geometry {
            centre_radius: CENTRE_RADIUS,
            ring_edges: RING_EDGES,
            node_radius,
        }
    }

    /// The geometry for `network`: as [`Geometry::for_count`], but with smaller nodes (one step
    /// or more down the same steps) if one circle holds more members than fit in it
    /// comfortably, say 60 members all in the inner circle. This is the one the map should
    /// use: with it, any spread of up to 500 members over the circles fits without overlaps.
    pub fn for_network(network: &Network) -> Geometry {
        let mut counts = [0usize; 3];
        for member in &network.members {
            counts[ring_index(member.circle)] += 1;
        }
        let start = Geometry::for_count(network.members.len());
        let radii = NODE_RADII
            .iter()
            .map(|(_, radius)| *radius)
            .chain([SMALLEST_NODE_RADIUS])
            .filter(|&radius| radius <= start.node_radius);
        for node_radius in radii {
            let geometry = Geometry {
                node_radius,
                ..start
            };
            let fits = Circle::ALL.iter().all(|&circle| {
                counts[ring_index(circle)] as f32 <= MOST_FILLED * geometry.holds(circle) as f32
            });
            if fits {
                return geometry;
            }
        }
        Geometry {
            node_radius: SMALLEST_NODE_RADIUS,
            ..start
        }
    }

    /// Roughly how many members `circle` holds packed tight: rows round the ring a little over
    /// a node apart, members in each row a contact distance apart.
    pub(crate) fn holds(&self, circle: Circle) -> usize {
        let contact = contact_distance(self);
        let (low, high) = self.track(circle);
        let row_gap = contact * 0.87;
        let rows = 1 + ((high - low) / row_gap).floor().max(0.0) as usize;
        (0..rows)
            .map(|row| {
                let distance = low + row_gap * row as f32;
                (std::f32::consts::TAU * distance / contact).floor() as usize
            })
            .sum()
    }

    /// The inner and outer edge of `circle`'s band.
    pub fn band(&self, circle: Circle) -> (f32, f32) {
        let i = ring_index(circle);
        (self.ring_edges[i], self.ring_edges[i + 1])
    }

    /// The distances from the centre that a member of `circle` may have: its band less one node
    /// radius on each side, so the whole disc is inside the band. If the band is narrower than a
    /// node, both ends are the band's middle.
    pub fn track(&self, circle: Circle) -> (f32, f32) {
        let (inner, outer) = self.band(circle);
        let (low, high) = (inner + self.node_radius, outer - self.node_radius);
        if low <= high {
            (low, high)
        } else {
            let middle = (inner + outer) / 2.0;
            (middle, middle)
        }
    }

    /// Half the width and height of the square that shows the whole map.
    pub fn view_radius(&self) -> f32 {
        self.ring_edges[3] + VIEW_MARGIN
    }

    /// The point nearest `point` where a member of `circle` may sit (see [`Geometry::track`]).
    /// For the UI to call before pinning a dropped member, so its disc does not hang over an
    /// edge; the layout itself leaves pinned members exactly where they are.
    pub fn snap(&self, circle: Circle, point: Point) -> Point {
        let (low, high) = self.track(circle);
        let distance = (point.x * point.x + point.y * point.y).sqrt();
        if !distance.is_finite() {
            return Point { x: 0.0, y: -low };
        }
        if distance < 1e-6 {
            // No direction to keep: straight up.
            return Point { x: 0.0, y: -low };
        }
        let target = distance.clamp(low, high);
        if target == distance {
            return point;
        }
        let scale = target / distance;
        Point {
            x: point.x * scale,
            y: point.y * scale,
        }
    }

    /// Is every number usable: finite, positive, and the edges in order?
    pub(crate) fn is_sound(&self) -> bool {
        let numbers = [self.centre_radius, self.node_radius]
            .into_iter()
            .chain(self.ring_edges);
        let finite = numbers.clone().all(f32::is_finite);
        finite
            && self.node_radius > 0.0
            && self.centre_radius >= 0.0
            && self.ring_edges[0] >= 0.0
            && self.ring_edges.windows(2).all(|pair| pair[0] < pair[1])
            && self.ring_edges[3] < 1.0e6
    }
}

/// Which circle a point falls in (for drag and drop): `None` for the person's disc, the gap
/// round it, anywhere outside the outer edge, and non-finite points. A point on an edge belongs
/// to the outer of the two circles.
pub fn circle_at(geometry: &Geometry, point: Point) -> Option<Circle> {
    let distance = (point.x * point.x + point.y * point.y).sqrt();
    let [inner, middle, outer, edge] = geometry.ring_edges;
    if !distance.is_finite() || distance < inner || distance > edge {
        None
    } else if distance < middle {
        Some(Circle::Inner)
    } else if distance < outer {
        Some(Circle::Middle)
    } else {
        Some(Circle::Outer)
    }
}

/// How close two members' centres may come before they push each other apart: a little over
/// two node radii, so the last fraction of a unit of settling can never make discs touch.
pub(crate) fn contact_distance(geometry: &Geometry) -> f32 {
    2.0 * geometry.node_radius * CONTACT_FACTOR + CONTACT_EXTRA
}

const CONTACT_FACTOR: f32 = 1.08;
const CONTACT_EXTRA: f32 = 1.0;

/// 0, 1, 2 from the inside out.
pub(crate) fn ring_index(circle: Circle) -> usize {
    match circle {
        Circle::Inner => 0,
        Circle::Middle => 1,
        Circle::Outer => 2,
    }
}
