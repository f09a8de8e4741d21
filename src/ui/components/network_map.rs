//! The network drawn as a sociogram: the person in the middle, three rings of importance, and
//! each member where the layout placed it.
//!
//! Every member is a focusable button: Enter opens it, `+` moves it closer and `-` further
//! out. A member can also be dragged (mouse or touch) to a new spot; dropping it in another
//! ring changes its circle. The list view offers all of this without a map.
//!
//! Shaky hands come first: a press becomes a drag only after the pointer has moved
//! [`DRAG_THRESHOLD_PX`] CSS pixels on screen, whatever the map's scale, and a press anywhere
//! within [`HIT_RADIUS_PX`] CSS pixels of a member's centre takes that member. Where two
//! members' reach overlaps, the nearer one wins, so neighbours split the space between them.

use genie_core::layout::{self, Geometry};
use genie_core::model::{Circle, Member, MemberId, Point};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::kind_icon::{kind_colour, kind_path};
use crate::i18n::*;
use crate::session::Session;
use crate::ui::labels::Labelled;
use crate::ui::route::Route;

/// Labels longer than this are cut short on the map; the full name is in the title and list.
const LABEL_CHARS: usize = 14;

/// How far (in CSS pixels on screen) a pointer must move before a press becomes a drag, so a
/// shaky tap opens the member instead of moving it.
const DRAG_THRESHOLD_PX: f64 = 10.0;

/// How far (in CSS pixels on screen) from a member's centre a press still takes that member:
/// a target 44 px across however small the map is drawn.
const HIT_RADIUS_PX: f32 = 22.0;

/// Ring fills, from the inside out.
const BAND_FILLS: [&str; 3] = ["#dbe7f5", "#e8f0f9", "#f4f8fc"];

#[derive(Clone, Copy, PartialEq)]
struct Drag {
    id: MemberId,
    /// Where the press began, in CSS pixels on screen.
    client: (f64, f64),
    /// From the member's centre to the point pressed, in map units, so the member does not
    /// jump under the finger when the drag starts.
    grab: Point,
    /// Where the member's centre would be dropped now.
    at: Point,
    moved: bool,
}

/// The map of the open wave's network.
#[component]
pub fn NetworkMap() -> impl IntoView {
    let i18n = use_i18n();
    let state = Session::expect();
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let drag = RwSignal::new(None::<Drag>);
    // A tap lifted on a member, waiting for its click: the member opens on the click, so no
    // click is still to come when the member's page is drawn (see `platform::presses`).
    let tapped = StoredValue::new(None::<MemberId>);

    let geometry = Memo::new(move |_| state.wave.with(|w| Geometry::for_network(&w.network)));
    let view_box = move || {
        let r = geometry.get().view_radius();
        format!("{} {} {} {}", -r, -r, 2.0 * r, 2.0 * r)
    };

    // Where a pointer event falls, in map units, and how many CSS pixels one map unit is drawn.
    let to_map = move |ev: &web_sys::PointerEvent| -> Option<(Point, f32)> {
        let svg: web_sys::Element = svg_ref.get_untracked()?.unchecked_into();
        let rect = svg.get_bounding_client_rect();
        let r = geometry.get_untracked().view_radius();
        let scale = (rect.width().min(rect.height()) as f32) / (2.0 * r);
        if scale <= 0.0 || !scale.is_finite() {
            return None;
        }
        let cx = rect.left() as f32 + rect.width() as f32 / 2.0;
        let cy = rect.top() as f32 + rect.height() as f32 / 2.0;
        let at = Point {
            x: (ev.client_x() as f32 - cx) / scale,
            y: (ev.client_y() as f32 - cy) / scale,
        };
        Some((at, scale))
    };

    let rings = move || {
        let g = geometry.get();
        let circles = [Circle::Inner, Circle::Middle, Circle::Outer];
        // Drawn outermost first so inner bands sit on top.
        circles
            .iter()
            .rev()
            .map(|&circle| {
                let (_, outer) = g.band(circle);
                let fill = BAND_FILLS[circles.iter().position(|c| *c == circle).unwrap_or(0)];
                view! {
                    <circle r=outer fill=fill stroke="#8aa4c8" stroke-width="1.5" />
                    <text
                        y=-(outer - 20.0)
                        text-anchor="middle"
                        font-size="18"
                        fill="#2b3a55"
                    >
                        {move || circle.label(i18n.get_locale())}
                    </text>
                }
            })
            .collect_view()
    };

    let ties = move || {
        state.wave.with(|w| {
            let at = |id: MemberId| w.network.get(id).and_then(|m| m.placed);
            w.network
                .ties
                .iter()
                .filter_map(|tie| Some((at(tie.a)?, at(tie.b)?)))
                .map(|(a, b)| {
                    view! {
                        <line x1=a.x y1=a.y x2=b.x y2=b.y stroke="#6b7280" stroke-width="1.5" stroke-dasharray="4 3" />
                    }
                })
                .collect_view()
        })
    };

    let members = move || {
        let r = geometry.get().node_radius;
        state
            .wave
            .with(|w| w.network.members.clone())
            .into_iter()
            .map(|member| member_node(member, r, drag, state))
            .collect_view()
    };

    // A press on the map takes the nearest member within reach of a fingertip.
    let on_pointer_down = move |ev: web_sys::PointerEvent| {
        tapped.set_value(None);
        if ev.button() != 0 || !ev.is_primary() {
            return;
        }
        let Some((at, scale)) = to_map(&ev) else {
            return;
        };
        let node_radius = geometry.get_untracked().node_radius;
        let reach = (HIT_RADIUS_PX / scale).max(node_radius);
        let nearest = state.wave.with_untracked(|w| {
            w.network
                .members
                .iter()
                .map(|m| {
                    let home = m.placed.unwrap_or_default();
                    (m.id, home, (at.x - home.x).hypot(at.y - home.y))
                })
                .filter(|(_, _, distance)| *distance <= reach)
                .min_by(|a, b| a.2.total_cmp(&b.2))
        });
        // A long label reaches past a fingertip's reach: pressing it still takes its member.
        let labelled = || {
            let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
            let node = target.closest("[data-member]").ok()??;
            let id = MemberId(node.get_attribute("data-member")?.parse().ok()?);
            let home = state
                .wave
                .with_untracked(|w| w.network.get(id).map(|m| m.placed.unwrap_or_default()))?;
            Some((id, home, 0.0))
        };
        let Some((id, home, _)) = nearest.or_else(labelled) else {
            return;
        };
        if let Some(svg) = svg_ref.get_untracked() {
            let svg: web_sys::Element = svg.unchecked_into();
            let _ = svg.set_pointer_capture(ev.pointer_id());
        }
        drag.set(Some(Drag {
            id,
            client: (f64::from(ev.client_x()), f64::from(ev.client_y())),
            grab: Point {
                x: at.x - home.x,
                y: at.y - home.y,
            },
            at: home,
            moved: false,
        }));
    };

    let on_pointer_move = move |ev: web_sys::PointerEvent| {
        if drag.with_untracked(Option::is_none) {
            return;
        }
        if let Some((at, _)) = to_map(&ev) {
            let client = (f64::from(ev.client_x()), f64::from(ev.client_y()));
            drag.update(|d| {
                if let Some(d) = d {
                    let wobble = (client.0 - d.client.0).hypot(client.1 - d.client.1);
                    d.moved |= wobble > DRAG_THRESHOLD_PX;
                    d.at = Point {
                        x: at.x - d.grab.x,
                        y: at.y - d.grab.y,
                    };
                }
            });
        }
    };
    let on_pointer_up = move |_ev: web_sys::PointerEvent| {
        let Some(done) = drag.get_untracked() else {
            return;
        };
        drag.set(None);
        if !done.moved {
            tapped.set_value(Some(done.id));
            return;
        }
        let g = geometry.get_untracked();
        if let Some(circle) = layout::circle_at(&g, done.at) {
            // Keep the dropped member wholly inside the ring it was dropped in.
            let at = g.snap(circle, done.at);
            let name = state
                .wave
                .with_untracked(|w| w.network.get(done.id).map(|m| m.name.clone()));
            let changed = state
                .wave
                .with_untracked(|w| w.network.get(done.id).is_some_and(|m| m.circle != circle));
            state.update_network(|net| {
                if let Some(m) = net.get_mut(done.id) {
                    m.circle = circle;
                    m.pinned = Some(at);
                    m.placed = Some(at);
                }
            });
            if let (true, Some(name)) = (changed, name) {
                state.announce(moved_message(i18n.get_locale_untracked(), &name, circle));
            }
        }
    };

    view! {
        <div class="map-wrap">
            <svg
                node_ref=svg_ref
                class="network-map"
                xmlns="http://www.w3.org/2000/svg"
                viewBox=view_box
                role="group"
                aria-label=move || t_string!(i18n, network.map_label)
                on:pointerdown=on_pointer_down
                on:pointermove=on_pointer_move
                on:pointerup=on_pointer_up
                on:pointercancel=move |_| {
                    drag.set(None);
                    tapped.set_value(None);
                }
                on:click=move |_| {
                    if let Some(id) = tapped.get_value() {
                        tapped.set_value(None);
                        Route::Member(id).go();
                    }
                }
                data-testid="network-map"
            >
                {rings}
                <circle r=move || geometry.get().centre_radius fill="#1d4e89" />
                <text y="7" text-anchor="middle" font-size="20" font-weight="700" fill="#ffffff">
                    {move || t_string!(i18n, network.you)}
                </text>
                {ties}
                {members}
            </svg>
            <button
                type="button"
                class="button"
                on:click=move |_| {
                    if let Some(svg) = svg_ref.get_untracked() {
                        let svg: web_sys::Element = svg.unchecked_into();
                        crate::platform::save_file(&svg.outer_html(), "image/svg+xml", "genie-map.svg");
                    }
                }
            >
                {t!(i18n, network.save_image)}
            </button>
        </div>
    }
}

/// One member on the map, as a focusable button. Presses are handled by the map as a whole.
fn member_node(
    member: Member,
    r: f32,
    drag: RwSignal<Option<Drag>>,
    state: Session,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = member.id;
    let home = member.placed.unwrap_or_default();
    let position = move || match drag.get() {
        Some(d) if d.id == id && d.moved => d.at,
        _ => home,
    };
    let transform = move || {
        let p = position();
        format!("translate({:.1} {:.1})", p.x, p.y)
    };
    let label = short_label(display_name(&member.name, i18n.get_locale_untracked()));
    // Labels scale with the nodes: large on a small map, still legible on a full one.
    let label_size = (r * 1.15).max(14.0);
    let full = member.name.clone();
    let kind = member.kind;
    let circle = member.circle;
    let aria = move || {
        let locale = i18n.get_locale();
        t_string!(
            i18n,
            network.member_label,
            name = display_name(&full, locale),
            kind = kind.label(locale),
            circle = circle.label(locale)
        )
        .to_string()
    };
    let title = display_name(&member.name, i18n.get_locale_untracked()).to_string();
    let name = member.name.clone();

    // Enter opens the member when pressed and Space when released, as on a native button, so
    // no key is still held down when the member's page is drawn.
    let on_key_up = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == " " {
            ev.prevent_default();
            Route::Member(id).go();
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let step = match ev.key().as_str() {
            "Enter" => {
                ev.prevent_default();
                Route::Member(id).go();
                return;
            }
            " " => {
                // Keeps the page from scrolling; the member opens when the key is released.
                ev.prevent_default();
                return;
            }
            "+" | "=" => circle.closer(),
            "-" | "_" => circle.further(),
            _ => return,
        };
        ev.prevent_default();
        if let Some(to) = step {
            state.update_network(|net| {
                if let Some(m) = net.get_mut(id) {
                    m.circle = to;
                    m.pinned = None;
                }
            });
            state.announce(moved_message(i18n.get_locale_untracked(), &name, to));
            // The node is drawn anew; keep the keyboard on the same member.
            focus_member_later(id);
        }
    };

    view! {
        <g
            class="map-member"
            transform=transform
            tabindex="0"
            role="button"
            aria-label=aria
            data-member=id.0
            on:keydown=on_key
            on:keyup=on_key_up
        >
            <title>{title}</title>
            <path d=kind_path(kind, r) fill=kind_colour(kind) stroke="#1a1a1a" stroke-width="1.5" />
            <text
                y=r + label_size
                text-anchor="middle"
                font-size=label_size
                fill="#1a1a1a"
                stroke="#ffffff"
                stroke-width="4"
                paint-order="stroke"
            >
                {label}
            </text>
        </g>
    }
}

/// A name cut to fit under a node, with an ellipsis when cut.
pub fn short_label(name: &str) -> String {
    let name = name.trim();
    if name.chars().count() <= LABEL_CHARS {
        name.to_string()
    } else {
        let mut cut: String = name.chars().take(LABEL_CHARS - 1).collect();
        cut.push('…');
        cut
    }
}

/// The member's name, or "(no name)" for an empty one.
pub fn display_name(name: &str, locale: Locale) -> &str {
    if name.trim().is_empty() {
        td_string!(locale, network.unnamed)
    } else {
        name
    }
}

/// "Pat moved to your inner circle."
pub fn moved_message(locale: Locale, name: &str, circle: Circle) -> String {
    let name = display_name(name, locale);
    match circle {
        Circle::Inner => td_string!(locale, network.moved_to.inner, name = name),
        Circle::Middle => td_string!(locale, network.moved_to.middle, name = name),
        Circle::Outer => td_string!(locale, network.moved_to.outer, name = name),
    }
}

/// Focuses a member's node after the map has been redrawn.
fn focus_member_later(id: MemberId) {
    request_animation_frame(move || {
        let selector = format!("[data-member=\"{}\"]", id.0);
        if let Some(node) = document()
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok())
        {
            let _ = node.focus();
        }
    });
}
