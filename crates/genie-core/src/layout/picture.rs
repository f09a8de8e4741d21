//! A still picture of a map, for places where it is looked at and not changed: an earlier map
//! kept when the person took stock, and the printable summary.
//!
//! The picture uses the map's own units (see [`Geometry`]), so it looks like the map the person
//! drew. Each member is drawn where the layout placed it. A stored position can be missing (a
//! map from an older backup) or out of its band (a file edited by hand); such members are laid
//! out as the map would place them ([`super::place_missing`]), so the picture never shows
//! someone in the wrong ring or everyone on one spot.

use crate::model::{Circle, Member, MemberId, MemberKind, Network, Point};

use super::Geometry;

/// The members of one circle, in the order they were added.
#[derive(Debug, Clone, PartialEq)]
pub struct CircleMembers<'a> {
    pub circle: Circle,
    pub members: Vec<&'a Member>,
}

/// Every circle, inner first, with its members in the order they were added. Empty circles
/// are listed too, so a page can say "nobody yet" rather than leave a circle out.
pub fn by_circle(network: &Network) -> Vec<CircleMembers<'_>> {
    Circle::ALL
        .iter()
        .map(|&circle| CircleMembers {
            circle,
            members: network.in_circle(circle).collect(),
        })
        .collect()
}

/// One member in the picture.
#[derive(Debug, Clone, PartialEq)]
pub struct Dot {
    pub member: MemberId,
    pub kind: MemberKind,
    pub circle: Circle,
    /// Where to draw it, in map units with the person at (0, 0).
    pub at: Point,
}

/// One ring of the picture: a circle's band.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    pub circle: Circle,
    pub inner: f32,
    pub outer: f32,
}

/// Everything needed to draw a still map.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    pub geometry: Geometry,
    /// The three bands, inner first.
    pub bands: Vec<Band>,
    /// Every member, in the order they were added.
    pub dots: Vec<Dot>,
    /// Ties between two members who are both drawn, as pairs of points.
    pub ties: Vec<(Point, Point)>,
}

impl Picture {
    /// The SVG `viewBox` that shows the whole map: a square centred on the person.
    pub fn view_box(&self) -> String {
        let r = self.geometry.view_radius();
        format!("{} {} {} {}", -r, -r, 2.0 * r, 2.0 * r)
    }
}

/// The still picture of `network`.
pub fn picture(network: &Network) -> Picture {
    let geometry = Geometry::for_network(network);
    let bands = Circle::ALL
        .iter()
        .map(|&circle| {
            let (inner, outer) = geometry.band(circle);
            Band {
                circle,
                inner,
                outer,
            }
        })
        .collect();
    // Members with no usable position are laid out as the map itself would place them.
    let mut placed = network.clone();
    super::place_missing(&mut placed);
    let mut dots = Vec::with_capacity(network.members.len());
    for group in by_circle(&placed) {
        for member in group.members {
            let at = match usable(member.placed) {
                Some(at) => geometry.snap(group.circle, at),
                None => geometry.snap(group.circle, Point::default()),
            };
            dots.push(Dot {
                member: member.id,
                kind: member.kind,
                circle: group.circle,
                at,
            });
        }
    }
    // Back in the order the members were added, as the lists show them.
    let order = |id: MemberId| network.members.iter().position(|m| m.id == id);
    crate::order::sort_by_key(&mut dots, |d| order(d.member));
    let point_of = |id: MemberId| dots.iter().find(|d| d.member == id).map(|d| d.at);
    let ties = network
        .ties
        .iter()
        .filter_map(|tie| Some((point_of(tie.a)?, point_of(tie.b)?)))
        .collect();
    Picture {
        geometry,
        bands,
        dots,
        ties,
    }
}

/// A stored position that can be drawn: both numbers finite.
fn usable(point: Option<Point>) -> Option<Point> {
    point.filter(|p| p.x.is_finite() && p.y.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::circle_at;

    fn network() -> Network {
        let mut net = Network::default();
        net.add("Pat", MemberKind::Person, Circle::Inner);
        net.add("Choir", MemberKind::Group, Circle::Outer);
        net.add("Sam", MemberKind::Person, Circle::Inner);
        net
    }

    fn distance(p: Point) -> f32 {
        (p.x * p.x + p.y * p.y).sqrt()
    }

    #[test]
    fn by_circle_lists_every_circle_inner_first_in_the_order_added() {
        let net = network();
        let groups = by_circle(&net);
        let names: Vec<(Circle, Vec<&str>)> = groups
            .iter()
            .map(|g| {
                (
                    g.circle,
                    g.members.iter().map(|m| m.name.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            names,
            vec![
                (Circle::Inner, vec!["Pat", "Sam"]),
                (Circle::Middle, vec![]),
                (Circle::Outer, vec!["Choir"]),
            ]
        );
    }

    #[test]
    fn by_circle_of_an_empty_map_has_three_empty_circles() {
        let empty = Network::default();
        let groups = by_circle(&empty);
        assert_eq!(groups.len(), 3);
        assert!(groups.iter().all(|g| g.members.is_empty()));
    }

    #[test]
    fn placed_members_stay_where_they_were_drawn() {
        let mut net = network();
        let at = Point { x: 30.0, y: -90.0 };
        net.members[0].placed = Some(at);
        let pic = picture(&net);
        assert_eq!(pic.dots[0].member, net.members[0].id);
        assert_eq!(pic.dots[0].at, at);
    }

    #[test]
    fn every_member_is_drawn_inside_its_own_circle() {
        let mut net = network();
        // Stored in the wrong ring, at a broken position, and not at all.
        net.members[0].placed = Some(Point { x: 0.0, y: 320.0 });
        net.members[1].placed = Some(Point {
            x: f32::NAN,
            y: 1.0,
        });
        let pic = picture(&net);
        assert_eq!(pic.dots.len(), 3);
        for dot in &pic.dots {
            assert!(dot.at.x.is_finite() && dot.at.y.is_finite(), "{dot:?}");
            assert_eq!(
                circle_at(&pic.geometry, dot.at),
                Some(dot.circle),
                "{dot:?}"
            );
            let (low, high) = pic.geometry.track(dot.circle);
            let d = distance(dot.at);
            assert!(d >= low - 1e-3 && d <= high + 1e-3, "{dot:?}");
        }
    }

    #[test]
    fn members_without_a_position_are_spread_round_their_circle() {
        let net = network();
        let pic = picture(&net);
        let inner: Vec<Point> = pic
            .dots
            .iter()
            .filter(|d| d.circle == Circle::Inner)
            .map(|d| d.at)
            .collect();
        assert_eq!(inner.len(), 2);
        let gap = (inner[0].x - inner[1].x).hypot(inner[0].y - inner[1].y);
        assert!(gap > 2.0 * pic.geometry.node_radius);
    }

    #[test]
    fn dots_keep_the_order_members_were_added() {
        let net = network();
        let pic = picture(&net);
        let ids: Vec<MemberId> = pic.dots.iter().map(|d| d.member).collect();
        let added: Vec<MemberId> = net.members.iter().map(|m| m.id).collect();
        assert_eq!(ids, added);
        assert_eq!(pic.dots[1].kind, MemberKind::Group);
    }

    #[test]
    fn ties_join_the_drawn_members() {
        let mut net = network();
        let (pat, sam) = (net.members[0].id, net.members[2].id);
        assert!(net.tie(pat, sam));
        let pic = picture(&net);
        assert_eq!(pic.ties, vec![(pic.dots[0].at, pic.dots[2].at)]);
    }

    #[test]
    fn the_view_box_shows_the_whole_map() {
        let pic = picture(&Network::default());
        let r = pic.geometry.view_radius();
        assert_eq!(
            pic.view_box(),
            format!("{} {} {} {}", -r, -r, 2.0 * r, 2.0 * r)
        );
        assert!(pic.bands.iter().all(|b| b.outer <= r));
        assert_eq!(pic.bands.len(), 3);
        assert!(pic.dots.is_empty());
    }
}
