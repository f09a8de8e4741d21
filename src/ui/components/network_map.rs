//! The network drawn as a sociogram: the person in the middle, three rings of importance, and
//! each member where the layout placed it.
//!
//! Every member is a focusable button: Enter opens it, `+` moves it closer and `-` further
//! out. A member can also be dragged (mouse or touch) to a new spot; dropping it in another
//! ring changes its circle, and the keyboard then rests on the member moved. The list view
//! offers all of this without a map.
//!
//! Names are placed by the core's label layout (`genie_core::layout::labels`) for the size the
//! map is drawn at: beside each node where there is room, never over another name or node,
//! never smaller than 12 CSS px; where a name does not fit, fewer words are shown and the full
//! name appears on focus and hover. The map zooms and pans by pinch, by the zoom buttons and,
//! for the keyboard, by following the member in focus; zoom changes the SVG `viewBox`, so
//! everything is drawn sharp at every zoom.
//!
//! Shaky hands come first: a press becomes a drag only after the pointer has moved
//! [`DRAG_THRESHOLD_PX`] CSS pixels on screen, whatever the map's scale, and a press anywhere
//! within [`HIT_RADIUS_PX`] CSS pixels of a member's centre takes that member. Where two
//! members' reach overlaps, the nearer one wins, so neighbours split the space between them.

use std::collections::BTreeMap;

use genie_core::layout::labels::{self, Label, LabelScale, Named, Title};
use genie_core::layout::viewport::ZOOM_STEP;
use genie_core::layout::{self, Geometry, Viewport};
use genie_core::model::{Circle, Member, MemberId, Point};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::kind_icon::{kind_colour, kind_path};
use crate::i18n::*;
use crate::session::Session;
use crate::ui::labels::Labelled;
use crate::ui::route::Route;

/// Labels longer than this are cut short on the still picture; the full name is in its title.
const LABEL_CHARS: usize = 14;

/// Label text size in CSS pixels at 100 % text size (it grows with the person's text size).
const LABEL_FONT_PX: f32 = 13.0;

/// The width the map is assumed to be drawn at until it has been measured (a phone's).
const ASSUMED_WIDTH_PX: f32 = 335.0;

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

/// A pinch or a one-finger pan of the zoomed map, by the pointers now down.
#[derive(Clone, Default)]
struct Gesture {
    /// Pointers down on the map, with where each is now (CSS pixels on screen).
    pointers: Vec<(i32, (f64, f64))>,
    /// The map point first touched (between the fingers for a pinch), kept under the fingers.
    held: Option<Point>,
    /// Finger spread and zoom when the pinch began.
    start: Option<(f64, f32)>,
}

impl Gesture {
    /// The middle of the pointers down, and their spread.
    fn centre_and_spread(&self) -> Option<((f64, f64), f64)> {
        match self.pointers.as_slice() {
            [(_, a)] => Some((*a, 0.0)),
            [(_, a), (_, b), ..] => Some((
                ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0),
                (a.0 - b.0).hypot(a.1 - b.1),
            )),
            [] => None,
        }
    }
}

/// Labels by member, and the rings' titles, for the size the map is drawn at.
type Placed = (BTreeMap<MemberId, Label>, Vec<Title>);

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
    let viewport = RwSignal::new(Viewport::FIT);
    // The zoom the labels were placed for: follows the zoom once a pinch ends, not during it.
    let label_zoom = RwSignal::new(1.0f32);
    let gesture = RwSignal::new(Gesture::default());
    let (width_px, font_px) = (
        RwSignal::new(ASSUMED_WIDTH_PX),
        RwSignal::new(LABEL_FONT_PX),
    );
    let measure = move || {
        if let Some(svg) = svg_ref.get_untracked() {
            let svg: web_sys::Element = svg.unchecked_into();
            let width = svg.get_bounding_client_rect().width() as f32;
            if width > 0.0 && width_px.get_untracked() != width {
                width_px.set(width);
            }
        }
        let font = root_font_px() * LABEL_FONT_PX / 16.0;
        if font_px.get_untracked() != font {
            font_px.set(font);
        }
    };
    Effect::new(move |_| {
        if svg_ref.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    let view_box = move || viewport.get().view_box(&geometry.get());

    let placed = Memo::new(move |_| -> Placed {
        let g = geometry.get();
        let scale = LabelScale {
            unit_px: width_px.get() / (2.0 * g.view_radius()) * label_zoom.get(),
            font_px: font_px.get(),
        };
        let locale = i18n.get_locale();
        let titles = labels::ring_titles(
            &g,
            &scale,
            [Circle::Inner, Circle::Middle, Circle::Outer].map(|c| c.label(locale)),
        );
        let keep_clear: Vec<labels::Rect> = titles.iter().map(|t| t.rect).collect();
        let placed = state.wave.with(|w| {
            let named: Vec<Named<'_>> = w
                .network
                .members
                .iter()
                .map(|m| Named {
                    member: m.id,
                    name: display_name(&m.name, locale),
                    circle: m.circle,
                    at: m.placed.unwrap_or_default(),
                })
                .collect();
            labels::place_labels(&named, &g, &scale, &keep_clear)
        });
        (placed.into_iter().map(|l| (l.member, l)).collect(), titles)
    });

    // Where a pointer event falls, in map units, and how many CSS pixels one map unit is drawn.
    let to_map = move |ev: &web_sys::PointerEvent| -> Option<(Point, f32)> {
        let svg: web_sys::Element = svg_ref.get_untracked()?.unchecked_into();
        let rect = svg.get_bounding_client_rect();
        let g = geometry.get_untracked();
        let view = viewport.get_untracked();
        let width = rect.width().min(rect.height()) as f32;
        let scale = width / (2.0 * view.half_width(&g));
        let middle = (
            rect.left() as f32 + rect.width() as f32 / 2.0,
            rect.top() as f32 + rect.height() as f32 / 2.0,
        );
        let at = view.to_map(
            (ev.client_x() as f32, ev.client_y() as f32),
            middle,
            width,
            &g,
        )?;
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
                view! { <circle r=outer fill=fill stroke="#8aa4c8" stroke-width="1.5" /> }
            })
            .collect_view()
    };
    // The rings' titles, at the top of each band, at least as large as the labels.
    let titles = move || {
        placed.with(|(_, titles)| {
            titles
                .iter()
                .map(|title| {
                    let circle = title.circle;
                    view! {
                        <text
                            x=title.x
                            y=title.y
                            text-anchor="middle"
                            dominant-baseline="central"
                            font-size=title.font_size
                            fill="#2b3a55"
                        >
                            {move || circle.label(i18n.get_locale())}
                        </text>
                    }
                })
                .collect_view()
        })
    };
    let you_size =
        move || placed.with(|(_, titles)| titles.first().map_or(20.0, |t| t.font_size.max(20.0)));

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
            .map(|member| member_node(member, r, drag, state, placed))
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
            focus_member_later(done.id);
        }
    };

    let (pinch_down, pinch_move, pinch_up) = gesture_handlers(GestureParts {
        svg_ref,
        geometry,
        viewport,
        label_zoom,
        gesture,
        drag,
    });
    let zoom_by = move |factor: f32| {
        let g = geometry.get_untracked();
        let view = viewport.get_untracked();
        let next = view.zoomed(factor, view.centre, &g);
        viewport.set(next);
        label_zoom.set(next.zoom);
    };
    // A member reached by the keyboard is brought into view when the map is zoomed in.
    let on_focus_in = move |ev: web_sys::FocusEvent| {
        let found = || {
            let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
            let id = MemberId(target.get_attribute("data-member")?.parse().ok()?);
            state
                .wave
                .with_untracked(|w| w.network.get(id).and_then(|m| m.placed))
        };
        if let Some(at) = found() {
            let g = geometry.get_untracked();
            let room = g.node_radius * 2.5;
            viewport.update(|v| *v = v.showing(at, room, &g));
        }
    };

    view! {
        <div class="map-wrap">
            <div
                class="map-frame"
                on:pointerdown=pinch_down
                on:pointermove=pinch_move
                on:pointerup=pinch_up
                on:pointercancel=pinch_up
                on:focusin=on_focus_in
            >
            <svg
                node_ref=svg_ref
                class="network-map"
                xmlns="http://www.w3.org/2000/svg"
                viewBox=view_box
                role="group"
                aria-label=move || t_string!(i18n, network.map_label)
                aria-describedby="map-keys"
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
                data-zoom-level=move || format!("{:.2}", viewport.get().zoom)
            >
                {rings}
                {titles}
                <circle r=move || geometry.get().centre_radius fill="#1d4e89" />
                <text
                    text-anchor="middle"
                    dominant-baseline="central"
                    font-size=you_size
                    font-weight="700"
                    fill="#ffffff"
                >
                    {move || t_string!(i18n, network.you)}
                </text>
                {ties}
                {members}
            </svg>
            </div>
            <div class="map-zoom" role="group" aria-label=move || t_string!(i18n, network.zoom_label)>
                <button
                    type="button"
                    class="button"
                    data-zoom="in"
                    disabled=move || { viewport.get().zoom >= layout::viewport::MAX_ZOOM }
                    on:click=move |_| zoom_by(ZOOM_STEP)
                >
                    {t!(i18n, network.zoom_in)}
                </button>
                <button
                    type="button"
                    class="button"
                    data-zoom="out"
                    disabled=move || { viewport.get().zoom <= 1.0 }
                    on:click=move |_| zoom_by(1.0 / ZOOM_STEP)
                >
                    {t!(i18n, network.zoom_out)}
                </button>
                <button
                    type="button"
                    class="button"
                    data-zoom="fit"
                    disabled=move || { viewport.get() == Viewport::FIT }
                    on:click=move |_| {
                        viewport.set(Viewport::FIT);
                        label_zoom.set(1.0);
                    }
                >
                    {t!(i18n, network.zoom_fit)}
                </button>
            </div>
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
    placed: Memo<Placed>,
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
    let label = Memo::new(move |_| placed.with(|(labels, _)| labels.get(&id).cloned()));
    let shown = move || label.with(|l| l.as_ref().map(|l| l.text.clone()));
    let kind = member.kind;
    let circle = member.circle;
    let full = member.name.clone();
    // The accessible name starts with the words shown, when they are not whole words of the
    // name (initials), so what is seen is what a voice user says (WCAG 2.5.3).
    let aria = move || {
        let locale = i18n.get_locale();
        let name = display_name(&full, locale);
        let kind = kind.label(locale);
        let circle = circle.label(locale);
        match shown() {
            Some(words) if !whole_words_of(&words, name) => t_string!(
                i18n,
                network.member_label_shown,
                shown = words,
                name = name,
                kind = kind,
                circle = circle
            )
            .to_string(),
            _ => t_string!(
                i18n,
                network.member_label,
                name = name,
                kind = kind,
                circle = circle
            )
            .to_string(),
        }
    };
    let title = display_name(&member.name, i18n.get_locale_untracked()).to_string();
    let full_text = title.clone();
    let name = member.name.clone();
    // A shortened (or missing) label shows the whole name on focus and hover.
    let shortened =
        move || label.with(|l| l.as_ref().map_or(true, |l| l.form != labels::Form::Full));

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

    // Label positions are in map units; the node's group is moved to its centre.
    let text_at = move |l: &Label| (l.x - home.x, l.y - home.y);
    let visible = move || {
        label.get().map(|l| {
            let (x, y) = text_at(&l);
            view! {
                <text
                    class="map-label"
                    x=x
                    y=y
                    text-anchor=l.side.anchor()
                    dominant-baseline="central"
                    font-size=l.font_size
                    fill="#1a1a1a"
                    stroke="#ffffff"
                    stroke-width=l.font_size * 0.3
                    paint-order="stroke"
                >
                    {l.text.clone()}
                </text>
            }
        })
    };
    let whole = move || {
        let font = placed.with(|(_, titles)| titles.first().map_or(18.0, |t| t.font_size));
        let (x, y, anchor) = match label.get() {
            Some(l) => {
                let (x, y) = text_at(&l);
                (x, y, l.side.anchor())
            }
            None => (0.0, r + font, "middle"),
        };
        view! {
            <text
                class="map-label-full"
                aria-hidden="true"
                display="none"
                x=x
                y=y
                text-anchor=anchor
                dominant-baseline="central"
                font-size=font
                fill="#1a1a1a"
                stroke="#ffffff"
                stroke-width=font * 0.3
                paint-order="stroke"
            >
                {full_text.clone()}
            </text>
        }
    };

    view! {
        <g
            class="map-member"
            class:shortened=shortened
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
            {visible}
            {whole}
        </g>
    }
}

/// What the map's pinch and pan handlers work on.
#[derive(Clone, Copy)]
struct GestureParts {
    svg_ref: NodeRef<leptos::svg::Svg>,
    geometry: Memo<Geometry>,
    viewport: RwSignal<Viewport>,
    label_zoom: RwSignal<f32>,
    gesture: RwSignal<Gesture>,
    drag: RwSignal<Option<Drag>>,
}

/// The handlers of the frame round the map: two fingers pinch to zoom (and cancel a member's
/// drag), one finger on empty map pans it when zoomed in. A press on a member is the map's own
/// (it runs first, as the event rises from the map to its frame), so taps and drags of members
/// work the same at every zoom.
/// Returns the handlers for pointer down, move, and up or cancel.
fn gesture_handlers(
    parts: GestureParts,
) -> (
    impl Fn(web_sys::PointerEvent) + Copy + 'static,
    impl Fn(web_sys::PointerEvent) + Copy + 'static,
    impl Fn(web_sys::PointerEvent) + Copy + 'static,
) {
    let GestureParts {
        svg_ref,
        geometry,
        viewport,
        label_zoom,
        gesture,
        drag,
    } = parts;
    // The map's middle and width on screen, and a screen point's offset from the middle.
    let frame = move || -> Option<((f64, f64), f32)> {
        let svg: web_sys::Element = svg_ref.get_untracked()?.unchecked_into();
        let rect = svg.get_bounding_client_rect();
        let middle = (
            rect.left() + rect.width() / 2.0,
            rect.top() + rect.height() / 2.0,
        );
        Some((middle, rect.width().min(rect.height()) as f32))
    };
    let map_point = move |screen: (f64, f64)| -> Option<Point> {
        let (middle, width) = frame()?;
        viewport.get_untracked().to_map(
            (screen.0 as f32, screen.1 as f32),
            (middle.0 as f32, middle.1 as f32),
            width,
            &geometry.get_untracked(),
        )
    };
    // Starts holding the map point under the fingers now down.
    let hold = move |g: &mut Gesture| {
        g.held = None;
        g.start = None;
        let Some((centre, spread)) = g.centre_and_spread() else {
            return;
        };
        let pinch = g.pointers.len() >= 2;
        let pan = viewport.get_untracked().zoom > 1.0 && drag.get_untracked().is_none();
        if pinch || pan {
            g.held = map_point(centre);
        }
        if pinch && spread > 0.0 {
            g.start = Some((spread, viewport.get_untracked().zoom));
        }
    };
    let down = move |ev: web_sys::PointerEvent| {
        let at = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let pinch = gesture.try_update(|g| {
            g.pointers.retain(|(id, _)| *id != ev.pointer_id());
            g.pointers.push((ev.pointer_id(), at));
            hold(g);
            g.pointers.len() >= 2
        });
        if pinch == Some(true) {
            // Two fingers zoom: neither moves a member.
            drag.set(None);
        }
    };
    let moved = move |ev: web_sys::PointerEvent| {
        let at = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let next = gesture.try_update(|g| {
            let pointer = g
                .pointers
                .iter_mut()
                .find(|(id, _)| *id == ev.pointer_id())?;
            pointer.1 = at;
            let held = g.held?;
            let (centre, spread) = g.centre_and_spread()?;
            let zoom = match g.start {
                Some((start_spread, start_zoom)) if start_spread > 0.0 => {
                    start_zoom * (spread / start_spread) as f32
                }
                _ => viewport.get_untracked().zoom,
            };
            let (middle, width) = frame()?;
            let offset = ((centre.0 - middle.0) as f32, (centre.1 - middle.1) as f32);
            Some(Viewport::with_point_at(
                zoom,
                held,
                offset,
                width,
                &geometry.get_untracked(),
            ))
        });
        if let Some(Some(next)) = next {
            viewport.set(next);
        }
    };
    let up = move |ev: web_sys::PointerEvent| {
        let was_pinch = gesture.try_update(|g| {
            let was_pinch = g.start.is_some();
            g.pointers.retain(|(id, _)| *id != ev.pointer_id());
            hold(g);
            was_pinch
        });
        if was_pinch == Some(true) {
            // Names are placed again for the new zoom once the fingers are off.
            label_zoom.set(viewport.get_untracked().zoom);
        }
    };
    (down, moved, up)
}

/// The page's root text size in CSS pixels (16 at 100 %), so labels grow with it.
fn root_font_px() -> f32 {
    let size = || {
        let root = document().document_element()?;
        let style = window().get_computed_style(&root).ok()??;
        let value = style.get_property_value("font-size").ok()?;
        value.trim_end_matches("px").trim().parse::<f32>().ok()
    };
    size()
        .filter(|px| px.is_finite() && *px > 0.0)
        .unwrap_or(16.0)
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

/// Are `shown`'s words whole words of `name`, one after another? ("Riverside" of "Riverside
/// park" is; initials such as "Bi" of "Biscuit" are not, so they must be named as well.)
fn whole_words_of(shown: &str, name: &str) -> bool {
    let words =
        |text: &str| -> Vec<String> { text.split_whitespace().map(|w| w.to_lowercase()).collect() };
    let (shown, name) = (words(shown), words(name));
    !shown.is_empty() && name.windows(shown.len()).any(|run| run == shown.as_slice())
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
