//! Making any stored map drawable. A map read from a backup made by an older version, by hand
//! or by another tool may have members with no position (the format does not require one), a
//! position that is not a number, or one outside the member's own circle. Such a map is laid
//! out before it is shown or stored: members with a good position keep it (a warm start) and
//! the others are placed by the layout's own rules, so nobody is drawn on top of "You".

use std::collections::BTreeMap;

use super::{circle_at, layout, Geometry};
use crate::model::{Member, MemberId, Network, Point};

/// Is `member`'s stored position one the map can draw as it is: finite and inside its own
/// circle's band?
pub fn is_placed(geometry: &Geometry, member: &Member) -> bool {
    member
        .placed
        .is_some_and(|p| circle_at(geometry, p) == Some(member.circle))
}

/// Lays out every member of `network` that has no usable position (see [`is_placed`]), keeping
/// the others where they are unless a newcomer needs room. A pin that is not finite is dropped
/// and one outside its circle is moved to the nearest point inside it. Returns whether anything
/// changed; a map whose members are all placed is left exactly as it was.
pub fn place_missing(network: &mut Network) -> bool {
    let geometry = Geometry::for_network(network);
    let pins_sound = network.members.iter().all(|m| {
        m.pinned
            .map_or(true, |p| circle_at(&geometry, p) == Some(m.circle))
    });
    if pins_sound && network.members.iter().all(|m| is_placed(&geometry, m)) {
        return false;
    }
    for member in &mut network.members {
        member.pinned = match member.pinned {
            Some(p) if !(p.x.is_finite() && p.y.is_finite()) => None,
            Some(p) if circle_at(&geometry, p) != Some(member.circle) => {
                Some(geometry.snap(member.circle, p))
            }
            other => other,
        };
    }
    let previous: BTreeMap<MemberId, Point> = network
        .members
        .iter()
        .filter(|m| is_placed(&geometry, m))
        .filter_map(|m| Some((m.id, m.placed?)))
        .collect();
    let positions = layout(network, &previous, &geometry);
    for member in &mut network.members {
        member.placed = positions.get(&member.id).copied();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{quality, sample};

    #[test]
    fn a_map_already_placed_is_left_as_it_was() {
        let mut network = sample::network(30, 3);
        assert!(place_missing(&mut network));
        let before = network.clone();
        assert!(!place_missing(&mut network));
        assert_eq!(network, before);
    }

    #[test]
    fn members_with_good_positions_keep_them() {
        let mut network = sample::network(20, 5);
        place_missing(&mut network);
        let kept: Vec<Option<Point>> = network.members.iter().map(|m| m.placed).collect();
        network.members[3].placed = None;
        network.members[7].placed = Some(Point { x: 0.0, y: 0.0 });
        assert!(place_missing(&mut network));
        let geometry = Geometry::for_network(&network);
        let q = quality::measure(&network, &geometry, &placed(&network));
        assert_eq!((q.missing, q.overlaps), (0, 0));
        for (i, (member, before)) in network.members.iter().zip(kept).enumerate() {
            assert!(is_placed(&geometry, member), "member {i}");
            if i != 3 && i != 7 {
                let (a, b) = (
                    member.placed.unwrap_or_default(),
                    before.unwrap_or_default(),
                );
                assert!((a.x - b.x).hypot(a.y - b.y) < 10.0, "member {i} moved");
            }
        }
    }

    #[test]
    fn pins_outside_their_circle_are_brought_inside_and_broken_ones_dropped() {
        let mut network = sample::network(6, 1);
        network.members[0].pinned = Some(Point { x: 0.0, y: 0.0 });
        network.members[1].pinned = Some(Point {
            x: f32::NAN,
            y: 3.0,
        });
        assert!(place_missing(&mut network));
        let geometry = Geometry::for_network(&network);
        let pin = network.members[0].pinned.unwrap_or_default();
        assert_eq!(circle_at(&geometry, pin), Some(network.members[0].circle));
        assert_eq!(network.members[1].pinned, None);
        assert!(network.members.iter().all(|m| is_placed(&geometry, m)));
    }

    fn placed(network: &Network) -> BTreeMap<MemberId, Point> {
        network
            .members
            .iter()
            .filter_map(|m| Some((m.id, m.placed?)))
            .collect()
    }
}
