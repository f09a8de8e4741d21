//! Draws a made-up network's layout as a plain SVG, to look at the layout by eye:
//! `cargo run -p genie-core --example layout_svg -- <members> [seed] [one-by-one] > map.svg`.
//! With `one-by-one`, the map is built as a person would: one member added and drawn at a
//! time. Colour and letter show the kind (then the member id); lines are ties.

use std::collections::BTreeMap;

use genie_core::layout::{layout, sample, Geometry};
use genie_core::model::MemberKind;

fn main() {
    let mut args = std::env::args().skip(1);
    let members: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(30);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(7);
    let one_by_one = args.next().is_some_and(|a| a == "one-by-one");
    let network = sample::network(members, seed);
    let geometry = Geometry::for_network(&network);
    let at = if one_by_one {
        (1..=members).fold(BTreeMap::new(), |last, n| {
            let network = sample::network(n, seed);
            layout(&network, &last, &Geometry::for_network(&network))
        })
    } else {
        layout(&network, &BTreeMap::new(), &geometry)
    };
    let (v, w) = (-geometry.view_radius(), 2.0 * geometry.view_radius());
    let size = r#"width="800" height="800""#;
    println!(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{v} {v} {w} {w}" {size}>"#);
    println!(r##"<rect x="{v}" y="{v}" width="{w}" height="{w}" fill="#fff"/>"##);
    for edge in geometry.ring_edges {
        println!(r##"<circle r="{edge}" fill="none" stroke="#999" stroke-width="1"/>"##);
    }
    println!(r##"<circle r="{}" fill="#333"/>"##, geometry.centre_radius);
    for tie in &network.ties {
        if let (Some(a), Some(b)) = (at.get(&tie.a), at.get(&tie.b)) {
            println!(
                r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#bbb" stroke-width="1"/>"##,
                a.x, a.y, b.x, b.y
            );
        }
    }
    let r = geometry.node_radius;
    for member in &network.members {
        let p = at[&member.id];
        let (colour, letter) = match member.kind {
            MemberKind::Person => ("#e66", "P"),
            MemberKind::Group => ("#6a6", "G"),
            MemberKind::Pet => ("#c90", "D"),
            MemberKind::Place => ("#69c", "L"),
            MemberKind::Activity => ("#a6c", "A"),
            MemberKind::Thing => ("#888", "T"),
            MemberKind::Online => ("#3bb", "O"),
        };
        println!(
            r##"<circle cx="{}" cy="{}" r="{r}" fill="{colour}" fill-opacity="0.8"/>"##,
            p.x, p.y
        );
        println!(
            r##"<text x="{}" y="{}" font-size="{}" text-anchor="middle">{letter}{}</text>"##,
            p.x,
            p.y + r * 0.35,
            r * 0.8,
            member.id.0
        );
    }
    println!("</svg>");
}
