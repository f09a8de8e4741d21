//! Names on the map, placed as part of the layout: each member's label is a box beside its
//! node (below, above, right or left, the first with room), and no box may cover another box,
//! another member's node, the person's disc or a ring's title.
//!
//! Text is never drawn smaller than [`MIN_FONT_PX`] CSS pixels. Where a full name does not
//! fit, fewer words are shown at the same size: the first word or two ([`Form::Short`]), the
//! initials ([`Form::Initials`]) or the first letter; where not even that fits, no label at all (the name is still
//! the member's accessible name, its hover title and in the list). Members are taken inner
//! circle first, then in the order added, and each label tries eight places round its node.
//! Placement is done two ways and the better kept (fewest members without a label, then fewest
//! shortened): whole names first with fewer words for the rest, or everyone's initials first
//! (so that as many as possible get a label) grown to whole names where they still fit. A
//! ring's title gives way to a label with nowhere else to go.
//!
//! Sizes are in map units, as for the layout; [`LabelScale`] says how many CSS pixels a map
//! unit is drawn at, so a map drawn larger (a wide screen, or zoomed in) has room for more
//! names. The text's width is estimated from its characters (a little generously for a
//! system sans-serif font), as the core cannot measure fonts. Labels depend on nothing but the
//! positions and the scale, so a map drawn again shows the same labels.

use crate::model::{Circle, MemberId, Point};

use super::Geometry;

/// The smallest text on the map, in CSS pixels at 100 % text size.
pub const MIN_FONT_PX: f32 = 12.0;

/// Space between a node's disc and its label, in CSS pixels.
const GAP_PX: f32 = 2.0;
/// Space kept round each label box (the white halo drawn behind the text), in CSS pixels.
const HALO_PX: f32 = 1.5;
/// A label box's height in ems.
const LINE_EM: f32 = 1.2;
/// A label with no room beside its node may sit this many label heights further out.
const FURTHER_LINES: f32 = 0.6;
/// Short names are at most this many characters.
const SHORT_CHARS: usize = 12;

/// How the map is drawn: CSS pixels per map unit, and the label text size in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelScale {
    /// CSS pixels per map unit as drawn (the map's width on screen over the width of the part
    /// of the map shown).
    pub unit_px: f32,
    /// Label text size in CSS pixels; anything below [`MIN_FONT_PX`] is raised to it.
    pub font_px: f32,
}

impl LabelScale {
    /// The scale of a map drawn `width_px` CSS pixels wide showing the whole `geometry`, with
    /// text at `font_px`.
    pub fn for_width(geometry: &Geometry, width_px: f32, font_px: f32) -> LabelScale {
        LabelScale {
            unit_px: width_px / (2.0 * geometry.view_radius()),
            font_px,
        }
    }

    /// Label text size in map units.
    pub fn font_units(&self) -> f32 {
        self.font_px.max(MIN_FONT_PX) / self.usable_unit_px()
    }

    fn px(&self, px: f32) -> f32 {
        px / self.usable_unit_px()
    }

    fn usable_unit_px(&self) -> f32 {
        if self.unit_px.is_finite() && self.unit_px > 1e-3 {
            self.unit_px
        } else {
            1.0
        }
    }
}

/// How much of a name a label shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Form {
    Full,
    /// The first word (or two, when the first is a short title such as "Dr").
    Short,
    Initials,
    /// The first letter alone, where even initials do not fit.
    Letter,
}

/// Which side of its node a label sits on, in the order they are tried: straight below,
/// above, right or left, then at a corner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Below,
    Above,
    Right,
    Left,
    BelowRight,
    BelowLeft,
    AboveRight,
    AboveLeft,
}

impl Side {
    const ALL: [Side; 8] = [
        Side::Below,
        Side::Above,
        Side::Right,
        Side::Left,
        Side::BelowRight,
        Side::BelowLeft,
        Side::AboveRight,
        Side::AboveLeft,
    ];

    /// The SVG `text-anchor` for a label on this side.
    pub fn anchor(self) -> &'static str {
        match self {
            Side::Below | Side::Above => "middle",
            Side::Right | Side::BelowRight | Side::AboveRight => "start",
            Side::Left | Side::BelowLeft | Side::AboveLeft => "end",
        }
    }
}

/// A box in map units: `x0 <= x1`, `y0 <= y1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Rect {
    /// Do the two boxes share any area?
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    /// Does the box share any area with the disc of radius `r` round `c`?
    pub fn touches_disc(&self, c: Point, r: f32) -> bool {
        let dx = c.x - c.x.clamp(self.x0, self.x1);
        let dy = c.y - c.y.clamp(self.y0, self.y1);
        dx * dx + dy * dy < r * r
    }

    fn inside(&self, half: f32) -> bool {
        self.x0 >= -half && self.x1 <= half && self.y0 >= -half && self.y1 <= half
    }
}

/// One member to label: who, their name, and where their node is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Named<'a> {
    pub member: MemberId,
    pub name: &'a str,
    pub circle: Circle,
    pub at: Point,
}

/// A placed label.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub member: MemberId,
    pub form: Form,
    /// The words shown.
    pub text: String,
    pub side: Side,
    /// Where to draw the text: `x` at its [`Side::anchor`], `y` its middle (SVG
    /// `dominant-baseline="central"`), in map units.
    pub x: f32,
    pub y: f32,
    /// Text size in map units.
    pub font_size: f32,
    /// The box the text takes, halo included.
    pub rect: Rect,
}

/// A ring's title ("Inner circle") at the top of its band.
#[derive(Debug, Clone, PartialEq)]
pub struct Title {
    pub circle: Circle,
    pub x: f32,
    pub y: f32,
    pub font_size: f32,
    pub rect: Rect,
}

/// The three rings' titles, each centred at the top of its band at the label text size (or
/// larger when the map is drawn large), as boxes labels keep clear of.
pub fn ring_titles(geometry: &Geometry, scale: &LabelScale, titles: [&str; 3]) -> Vec<Title> {
    let font_size = scale.font_units().max(18.0);
    Circle::ALL
        .iter()
        .zip(titles)
        .map(|(&circle, text)| {
            let (_, outer) = geometry.band(circle);
            let height = LINE_EM * font_size;
            let y = -outer + height / 2.0 + scale.px(GAP_PX);
            let half = text_width_em(text) * font_size / 2.0 + scale.px(HALO_PX);
            Title {
                circle,
                x: 0.0,
                y,
                font_size,
                rect: Rect {
                    x0: -half,
                    y0: y - height / 2.0,
                    x1: half,
                    y1: y + height / 2.0,
                },
            }
        })
        .collect()
}

/// Labels for `members` drawn with nodes of `geometry.node_radius`, keeping clear of every
/// node, the person's disc, `keep_clear` (the ring titles) and each other, and inside the map.
/// Returns at most one label per member, inner circle first; a member left out had no room
/// even for initials.
pub fn place_labels(
    members: &[Named<'_>],
    geometry: &Geometry,
    scale: &LabelScale,
    keep_clear: &[Rect],
) -> Vec<Label> {
    let mut order: Vec<usize> = (0..members.len()).collect();
    crate::order::sort_by_key(&mut order, |&i| (ring(members[i].circle), i));
    let all = [Form::Full, Form::Short, Form::Initials, Form::Letter];

    // Two ways, and the better is kept: whole names first and fewer words for the rest, or
    // everyone's initials first (most labelled) grown to whole names where they still fit.
    let mut names = Placer::new(members, geometry, scale, keep_clear);
    for form in all {
        names.fill(&order, &[form], true);
    }
    names.fill(&order, &all, false);
    names.grow(&order);
    let mut cover = Placer::new(members, geometry, scale, keep_clear);
    cover.fill(&order, &[Form::Initials, Form::Letter], true);
    cover.fill(&order, &[Form::Initials, Form::Letter], false);
    cover.grow(&order);
    let mut placed = if names.score() <= cover.score() {
        names.placed
    } else {
        cover.placed
    };
    order.into_iter().filter_map(|i| placed[i].take()).collect()
}

/// Grid cells (in label heights) used to find what a box might touch without looking at
/// every member.
const CELL_LINES: f32 = 2.0;
const MOST_CELLS: usize = 64;

/// Labels being placed, with a grid of which nodes and labels lie in each cell.
struct Placer<'a, 'b> {
    members: &'a [Named<'b>],
    keep_clear: &'a [Rect],
    node_r: f32,
    centre_r: f32,
    half_view: f32,
    font_size: f32,
    scale: LabelScale,
    cell: f32,
    columns: usize,
    nodes: Vec<Vec<u32>>,
    labels: Vec<Vec<u32>>,
    placed: Vec<Option<Label>>,
}

impl<'a, 'b> Placer<'a, 'b> {
    fn new(
        members: &'a [Named<'b>],
        geometry: &Geometry,
        scale: &LabelScale,
        keep_clear: &'a [Rect],
    ) -> Self {
        let half_view = geometry.view_radius();
        let font_size = scale.font_units();
        let columns = ((2.0 * half_view / (CELL_LINES * LINE_EM * font_size)).ceil() as usize)
            .clamp(1, MOST_CELLS);
        let mut placer = Placer {
            members,
            keep_clear,
            node_r: geometry.node_radius,
            centre_r: geometry.centre_radius,
            half_view,
            font_size,
            scale: *scale,
            cell: 2.0 * half_view / columns as f32,
            columns,
            nodes: vec![Vec::new(); columns * columns],
            labels: vec![Vec::new(); columns * columns],
            placed: vec![None; members.len()],
        };
        for (j, m) in members.iter().enumerate() {
            let r = placer.node_r;
            let around = Rect {
                x0: m.at.x - r,
                y0: m.at.y - r,
                x1: m.at.x + r,
                y1: m.at.y + r,
            };
            for c in placer.cells(&around) {
                placer.nodes[c].push(j as u32);
            }
        }
        placer
    }

    /// The grid cells a box covers (clamped to the map).
    fn cells(&self, rect: &Rect) -> impl Iterator<Item = usize> {
        let last = self.columns - 1;
        let at = |v: f32| {
            let c = ((v + self.half_view) / self.cell).floor();
            if c.is_finite() {
                (c.max(0.0) as usize).min(last)
            } else {
                0
            }
        };
        let (c0, c1, r0, r1) = (at(rect.x0), at(rect.x1), at(rect.y0), at(rect.y1));
        let columns = self.columns;
        (r0..=r1).flat_map(move |row| (c0..=c1).map(move |col| row * columns + col))
    }

    /// Is `rect` clear of the map's edge, the person's disc, every node and every other label
    /// (and the rings' titles, with `titles`)?
    fn free(&self, rect: &Rect, own: usize, titles: bool) -> bool {
        if !rect.inside(self.half_view)
            || rect.touches_disc(Point::default(), self.centre_r)
            || (titles && self.keep_clear.iter().any(|r| r.overlaps(rect)))
        {
            return false;
        }
        self.cells(rect).all(|c| {
            let node_clear = self.nodes[c]
                .iter()
                .all(|&j| !rect.touches_disc(self.members[j as usize].at, self.node_r));
            let label_clear = self.labels[c].iter().all(|&j| {
                j as usize == own
                    || !self.placed[j as usize]
                        .as_ref()
                        .is_some_and(|l| l.rect.overlaps(rect))
            });
            node_clear && label_clear
        })
    }

    fn fit(&self, i: usize, form: Form, titles: bool) -> Option<Label> {
        let text = words(self.members[i].name, form)?;
        let width = text_width_em(&text) * self.font_size + 2.0 * self.scale.px(HALO_PX);
        let at = self.members[i].at;
        // Beside the node first; then a little further out, past a neighbour's edge.
        let reaches = [
            self.node_r,
            self.node_r + FURTHER_LINES * LINE_EM * self.font_size,
        ];
        let (side, (rect, x, y)) = reaches.iter().find_map(|&reach| {
            Side::ALL.iter().find_map(|&side| {
                let spot = box_for(at, width, side, reach, self.font_size, &self.scale);
                self.free(&spot.0, i, titles).then_some((side, spot))
            })
        })?;
        Some(Label {
            member: self.members[i].member,
            form,
            text,
            side,
            x,
            y,
            font_size: self.font_size,
            rect,
        })
    }

    fn set(&mut self, i: usize, label: Label) {
        if let Some(old) = self.placed[i].take() {
            let cells: Vec<usize> = self.cells(&old.rect).collect();
            for c in cells {
                self.labels[c].retain(|&j| j as usize != i);
            }
        }
        let cells: Vec<usize> = self.cells(&label.rect).collect();
        for c in cells {
            self.labels[c].push(i as u32);
        }
        self.placed[i] = Some(label);
    }

    /// Gives each member without a label the first form in `forms` that fits anywhere.
    fn fill(&mut self, order: &[usize], forms: &[Form], titles: bool) {
        for &i in order {
            if self.placed[i].is_none() {
                if let Some(label) = forms.iter().find_map(|&form| self.fit(i, form, titles)) {
                    self.set(i, label);
                }
            }
        }
    }

    /// Grows each label to the first larger form that fits.
    fn grow(&mut self, order: &[usize]) {
        for form in [Form::Full, Form::Short, Form::Initials] {
            for &i in order {
                if self.placed[i].as_ref().map_or(true, |l| l.form <= form) {
                    continue;
                }
                if let Some(bigger) = self.fit(i, form, true) {
                    self.set(i, bigger);
                }
            }
        }
    }

    /// Members without a label, then members with fewer words: lower is better.
    fn score(&self) -> (usize, usize) {
        let missing = self.placed.iter().filter(|l| l.is_none()).count();
        let short = self
            .placed
            .iter()
            .flatten()
            .filter(|l| l.form != Form::Full)
            .count();
        (missing, short)
    }
}

/// The words a label of `form` shows for `name`, or `None` when that form would show nothing
/// new (a one-word name has no short form).
pub fn words(name: &str, form: Form) -> Option<String> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    match form {
        Form::Full => Some(name.to_string()),
        Form::Short => short_name(name).filter(|short| short != name),
        Form::Initials => Some(initials(name)),
        Form::Letter => {
            let letter: String = name.chars().take(1).collect();
            (letter != initials(name)).then_some(letter)
        }
    }
}

/// The first word, or the first two when the first is a short title ("Dr", "Mrs"), if that is
/// at most [`SHORT_CHARS`] characters and shorter than the name.
fn short_name(name: &str) -> Option<String> {
    let mut parts = name.split_whitespace();
    let first = parts.next()?;
    let short = match parts.next() {
        Some(second) if first.chars().count() <= 3 => format!("{first} {second}"),
        _ => first.to_string(),
    };
    (short.chars().count() <= SHORT_CHARS && short.len() < name.len()).then_some(short)
}

/// The first letters of up to three words ("Riverside park" gives "RP"), or the first two
/// letters of a one-word name ("Bi"; a name of up to four letters is its own initials).
fn initials(name: &str) -> String {
    let parts: Vec<&str> = name.split_whitespace().collect();
    if parts.len() == 1 {
        let take = if parts[0].chars().count() <= 4 { 4 } else { 2 };
        parts[0].chars().take(take).collect()
    } else {
        parts
            .iter()
            .take(3)
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase)
            .collect()
    }
}

/// A generous estimate of a text's width in ems in a system sans-serif font.
pub fn text_width_em(text: &str) -> f32 {
    text.chars()
        .map(|c| match c {
            ' ' => 0.3,
            'i' | 'l' | 'j' | '.' | ',' | '\'' | '!' | '|' | ':' | ';' => 0.3,
            'f' | 't' | 'r' | 'I' | '(' | ')' | '-' => 0.4,
            'm' | 'w' => 0.86,
            'M' | 'W' | '@' => 0.92,
            'A'..='Z' => 0.7,
            'a'..='z' | '0'..='9' => 0.58,
            c if c.is_ascii() => 0.6,
            // Accented Latin letters are about as wide as plain ones; wide scripts are an em.
            c if (c as u32) < 0x0800 => 0.66,
            _ => 1.0,
        })
        .sum::<f32>()
        * 1.04
}

/// Where a label `width` wide sits on `side` of a node at `at` (its box, and the text's
/// anchor point), its near edge `reach` from the node's centre plus a small gap.
fn box_for(
    at: Point,
    width: f32,
    side: Side,
    reach: f32,
    font_size: f32,
    scale: &LabelScale,
) -> (Rect, f32, f32) {
    let halo = scale.px(HALO_PX);
    let height = LINE_EM * font_size;
    let Point { x: cx, y: cy } = at;
    let reach = reach + scale.px(GAP_PX);
    // At a corner, the box's nearest corner sits on the node's diagonal.
    let corner = reach * std::f32::consts::FRAC_1_SQRT_2;
    // The box's top-left corner, and the text's anchor point.
    let (x0, y0, x) = match side {
        Side::Below => (cx - width / 2.0, cy + reach, cx),
        Side::Above => (cx - width / 2.0, cy - reach - height, cx),
        Side::Right => (cx + reach, cy - height / 2.0, cx + reach + halo),
        Side::Left => (cx - reach - width, cy - height / 2.0, cx - reach - halo),
        Side::BelowRight => (cx + corner, cy + corner, cx + corner + halo),
        Side::BelowLeft => (cx - corner - width, cy + corner, cx - corner - halo),
        Side::AboveRight => (cx + corner, cy - corner - height, cx + corner + halo),
        Side::AboveLeft => (
            cx - corner - width,
            cy - corner - height,
            cx - corner - halo,
        ),
    };
    let rect = Rect {
        x0,
        y0,
        x1: x0 + width,
        y1: y0 + height,
    };
    (rect, x, y0 + height / 2.0)
}

fn ring(circle: Circle) -> usize {
    super::geometry::ring_index(circle)
}

/// How a set of labels measures up: pairs of labels that overlap, labels that cover a node
/// (of `members`, drawn with `node_radius`), and the smallest text in CSS pixels (infinite
/// with no labels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelQuality {
    pub label_pairs: usize,
    pub label_node_pairs: usize,
    pub smallest_px: f32,
    /// Members with no label at all, and with fewer words than their full name.
    pub unlabelled: usize,
    pub shortened: usize,
}

/// Measures `labels` drawn for `members` at `scale`.
pub fn measure_labels(
    labels: &[Label],
    members: &[Named<'_>],
    node_radius: f32,
    scale: &LabelScale,
) -> LabelQuality {
    let mut quality = LabelQuality {
        label_pairs: 0,
        label_node_pairs: 0,
        smallest_px: f32::INFINITY,
        unlabelled: members.len().saturating_sub(labels.len()),
        shortened: labels.iter().filter(|l| l.form != Form::Full).count(),
    };
    for (i, a) in labels.iter().enumerate() {
        quality.smallest_px = quality.smallest_px.min(a.font_size * scale.unit_px);
        quality.label_pairs += labels[i + 1..]
            .iter()
            .filter(|b| a.rect.overlaps(&b.rect))
            .count();
        quality.label_node_pairs += members
            .iter()
            .filter(|m| a.rect.touches_disc(m.at, node_radius))
            .count();
    }
    quality
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_for_each_form() {
        let cases = [
            ("Riverside park", Form::Short, Some("Riverside")),
            ("Riverside park", Form::Initials, Some("RP")),
            ("Dr Bartholomew Jones", Form::Short, None),
            ("Dr Amy Jones", Form::Short, Some("Dr Amy")),
            ("Dr Amy Jones", Form::Initials, Some("DAJ")),
            ("Biscuit", Form::Short, None),
            ("Biscuit", Form::Initials, Some("Bi")),
            ("Pat", Form::Initials, Some("Pat")),
            ("Library", Form::Letter, Some("L")),
            ("Riverside park", Form::Letter, Some("R")),
            ("Pat", Form::Letter, Some("P")),
            ("P", Form::Letter, None),
            ("  Pat  ", Form::Full, Some("Pat")),
            ("   ", Form::Full, None),
            ("zoë ångström", Form::Initials, Some("ZÅ")),
        ];
        for (name, form, expected) in cases {
            assert_eq!(words(name, form).as_deref(), expected, "{name} {form:?}");
        }
    }

    #[test]
    fn wider_text_is_estimated_wider() {
        assert!(text_width_em("WWW") > text_width_em("iii"));
        assert!(text_width_em("Riverside park") > text_width_em("Riverside"));
        assert_eq!(text_width_em(""), 0.0);
    }

    #[test]
    fn text_is_never_below_the_smallest_size() {
        let scale = LabelScale {
            unit_px: 0.5,
            font_px: 8.0,
        };
        assert_eq!(scale.font_units() * scale.unit_px, MIN_FONT_PX);
    }

    #[test]
    fn boxes_and_discs() {
        let a = Rect {
            x0: 0.0,
            y0: 0.0,
            x1: 10.0,
            y1: 10.0,
        };
        let b = Rect {
            x0: 10.0,
            y0: 0.0,
            x1: 20.0,
            y1: 10.0,
        };
        assert!(!a.overlaps(&b), "touching edges do not overlap");
        assert!(a.overlaps(&Rect { x0: 9.0, ..b }));
        assert!(a.touches_disc(Point { x: 12.0, y: 5.0 }, 3.0));
        assert!(!a.touches_disc(Point { x: 13.0, y: 13.0 }, 3.0));
    }
}
