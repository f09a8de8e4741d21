//! A still picture of a map, to look at rather than change: an earlier map kept when the person
//! took stock, and the map on the printable summary. The same rings, shapes and places as the
//! map the person drew, with no buttons and nothing to drag. Each member is named for screen
//! readers; names are always text.

use genie_core::layout::picture;
use genie_core::model::Network;
use leptos::prelude::*;

use super::kind_icon::{kind_colour, kind_path};
use super::network_map::{display_name, short_label};
use crate::i18n::*;
use crate::ui::labels::Labelled;

/// How the picture is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PictureStyle {
    /// The colours of the map the person draws.
    Colour,
    /// Black on white, for paper: kinds are told apart by shape.
    Plain,
}

/// The still map of `network`. `label` names the picture for screen readers.
#[component]
pub fn MapPicture(
    network: Network,
    #[prop(into)] label: String,
    style: PictureStyle,
    test_id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let pic = picture(&network);
    let r = pic.geometry.node_radius;
    let label_size = (r * 1.15).max(14.0);
    let class = match style {
        PictureStyle::Colour => "map-picture",
        PictureStyle::Plain => "map-picture plain",
    };
    // Outermost first, so the inner bands are drawn on top.
    let bands = pic
        .bands
        .iter()
        .rev()
        .map(|band| {
            view! {
                <circle class=format!("band band-{}", band.circle.as_str()) r=band.outer />
                <text class="band-label" y=-(band.outer - 20.0) text-anchor="middle" font-size="18">
                    {band.circle.label(locale)}
                </text>
            }
        })
        .collect_view();
    let ties = pic
        .ties
        .iter()
        .map(|(a, b)| view! { <line class="tie" x1=a.x y1=a.y x2=b.x y2=b.y /> })
        .collect_view();
    let members = pic
        .dots
        .iter()
        .filter_map(|dot| {
            let member = network.get(dot.member)?;
            let name = display_name(&member.name, locale).to_string();
            let label = short_label(&name);
            let aria = td_string!(
                locale,
                network.member_label,
                name = name.clone(),
                kind = dot.kind.label(locale),
                circle = dot.circle.label(locale)
            );
            let fill = match style {
                PictureStyle::Colour => kind_colour(dot.kind),
                PictureStyle::Plain => "#ffffff",
            };
            Some(view! {
                <g
                    class="picture-member"
                    transform=format!("translate({:.1} {:.1})", dot.at.x, dot.at.y)
                    role="img"
                    aria-label=aria
                    data-kind=dot.kind.as_str()
                >
                    <title>{name}</title>
                    <path class="shape" d=kind_path(dot.kind, r) fill=fill />
                    <text class="name" y=r + label_size text-anchor="middle" font-size=label_size>
                        {label}
                    </text>
                </g>
            })
        })
        .collect_view();
    view! {
        <svg
            class=class
            xmlns="http://www.w3.org/2000/svg"
            viewBox=pic.view_box()
            role="group"
            aria-label=label
            data-testid=test_id
        >
            {bands}
            <circle class="you" r=pic.geometry.centre_radius />
            <text class="you-label" y="7" text-anchor="middle" font-size="20" font-weight="700">
                {td_string!(locale, network.you)}
            </text>
            {ties}
            {members}
        </svg>
    }
}
