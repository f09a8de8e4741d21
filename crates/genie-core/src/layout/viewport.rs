//! Which part of the map is shown: zoom and pan as an SVG `viewBox`, so the rings, nodes and
//! text are drawn anew at every zoom and stay sharp.
//!
//! A [`Viewport`] is a square of the map, centred on `centre`, `1 / zoom` of the whole map's
//! width. Zoom runs from 1 (the whole map) to [`MAX_ZOOM`]; the square never leaves the map,
//! so panning cannot lose it. Everything here is plain arithmetic for the UI to call with what
//! the pointer or the buttons did.

use crate::model::Point;

use super::Geometry;

/// The closest zoom: a quarter of the map's width fills the screen.
pub const MAX_ZOOM: f32 = 4.0;
/// One press of "zoom in" or "zoom out" multiplies or divides the zoom by this.
pub const ZOOM_STEP: f32 = 1.5;

/// The part of the map shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// 1 shows the whole map; 2 shows half its width.
    pub zoom: f32,
    /// The map point at the middle of the screen.
    pub centre: Point,
}

impl Default for Viewport {
    fn default() -> Self {
        Viewport::FIT
    }
}

impl Viewport {
    /// The whole map.
    pub const FIT: Viewport = Viewport {
        zoom: 1.0,
        centre: Point { x: 0.0, y: 0.0 },
    };

    /// Half the width of the square shown, in map units.
    pub fn half_width(&self, geometry: &Geometry) -> f32 {
        geometry.view_radius() / self.zoom
    }

    /// The SVG `viewBox` for this viewport.
    pub fn view_box(&self, geometry: &Geometry) -> String {
        let half = self.half_width(geometry);
        format!(
            "{} {} {} {}",
            self.centre.x - half,
            self.centre.y - half,
            2.0 * half,
            2.0 * half
        )
    }

    /// This viewport with a usable zoom and the square inside the map.
    pub fn clamped(self, geometry: &Geometry) -> Viewport {
        let zoom = if self.zoom.is_finite() {
            self.zoom.clamp(1.0, MAX_ZOOM)
        } else {
            1.0
        };
        let room = geometry.view_radius() - geometry.view_radius() / zoom;
        let keep = |v: f32| {
            if v.is_finite() {
                v.clamp(-room, room)
            } else {
                0.0
            }
        };
        Viewport {
            zoom,
            centre: Point {
                x: keep(self.centre.x),
                y: keep(self.centre.y),
            },
        }
    }

    /// Zooms by `factor`, keeping the map point `anchor` where it is on screen (the middle of a
    /// pinch, or the middle of the screen for the buttons).
    pub fn zoomed(self, factor: f32, anchor: Point, geometry: &Geometry) -> Viewport {
        let zoom = (self.zoom * factor).clamp(1.0, MAX_ZOOM);
        if !zoom.is_finite() || !factor.is_finite() {
            return self.clamped(geometry);
        }
        // The anchor stays at the same share of the screen: its offset from the centre
        // shrinks as the zoom grows.
        let ratio = self.zoom / zoom;
        Viewport {
            zoom,
            centre: Point {
                x: anchor.x - (anchor.x - self.centre.x) * ratio,
                y: anchor.y - (anchor.y - self.centre.y) * ratio,
            },
        }
        .clamped(geometry)
    }

    /// Moves the view by `by` map units (the map follows the finger the other way).
    pub fn panned(self, by: Point, geometry: &Geometry) -> Viewport {
        Viewport {
            centre: Point {
                x: self.centre.x + by.x,
                y: self.centre.y + by.y,
            },
            ..self
        }
        .clamped(geometry)
    }

    /// This viewport moved as little as needed to show the disc of radius `r` round `point`
    /// whole (for a member reached by the keyboard).
    pub fn showing(self, point: Point, r: f32, geometry: &Geometry) -> Viewport {
        let half = self.half_width(geometry);
        let room = (half - r).max(0.0);
        let follow = |centre: f32, p: f32| centre.clamp(p - room, p + room);
        Viewport {
            centre: Point {
                x: follow(self.centre.x, point.x),
                y: follow(self.centre.y, point.y),
            },
            ..self
        }
        .clamped(geometry)
    }

    /// The viewport at `zoom` that shows the map point `point` at `offset` CSS pixels from the
    /// middle of a map element `width_px` wide: what a pinch or a one-finger pan does, keeping
    /// the point first touched under the fingers.
    pub fn with_point_at(
        zoom: f32,
        point: Point,
        offset: (f32, f32),
        width_px: f32,
        geometry: &Geometry,
    ) -> Viewport {
        let zoom = if zoom.is_finite() {
            zoom.clamp(1.0, MAX_ZOOM)
        } else {
            1.0
        };
        let unit_px = width_px * zoom / (2.0 * geometry.view_radius());
        if !unit_px.is_finite() || unit_px <= 0.0 {
            return Viewport::FIT;
        }
        Viewport {
            zoom,
            centre: Point {
                x: point.x - offset.0 / unit_px,
                y: point.y - offset.1 / unit_px,
            },
        }
        .clamped(geometry)
    }

    /// The map point under a screen point, given the map element's middle and width on screen
    /// (the element shows the viewport's square, fitted to its width).
    pub fn to_map(
        &self,
        screen: (f32, f32),
        middle: (f32, f32),
        width_px: f32,
        geometry: &Geometry,
    ) -> Option<Point> {
        let unit_px = width_px / (2.0 * self.half_width(geometry));
        if !unit_px.is_finite() || unit_px <= 0.0 {
            return None;
        }
        Some(Point {
            x: self.centre.x + (screen.0 - middle.0) / unit_px,
            y: self.centre.y + (screen.1 - middle.1) / unit_px,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> Geometry {
        Geometry::for_count(8)
    }

    fn close(a: Point, b: Point) -> bool {
        (a.x - b.x).abs() < 1e-3 && (a.y - b.y).abs() < 1e-3
    }

    #[test]
    fn fit_shows_the_whole_map() {
        let r = g().view_radius();
        assert_eq!(
            Viewport::FIT.view_box(&g()),
            format!("{} {} {} {}", -r, -r, 2.0 * r, 2.0 * r)
        );
    }

    #[test]
    fn zoom_keeps_the_anchor_under_the_finger() {
        let anchor = Point { x: 100.0, y: -50.0 };
        let before = Viewport::FIT;
        let after = before.zoomed(2.0, anchor, &g());
        assert_eq!(after.zoom, 2.0);
        // Where the anchor is on a 300 px screen, before and after.
        let screen = |v: &Viewport| {
            let unit_px = 300.0 / (2.0 * v.half_width(&g()));
            (
                (anchor.x - v.centre.x) * unit_px,
                (anchor.y - v.centre.y) * unit_px,
            )
        };
        let (a, b) = (screen(&before), screen(&after));
        assert!((a.0 - b.0).abs() < 1e-3 && (a.1 - b.1).abs() < 1e-3);
        // And to_map agrees.
        let back = after.to_map((150.0 + b.0, 150.0 + b.1), (150.0, 150.0), 300.0, &g());
        assert!(back.is_some_and(|p| close(p, anchor)));
    }

    #[test]
    fn zoom_and_pan_stay_on_the_map() {
        let far = Point {
            x: 5000.0,
            y: -5000.0,
        };
        let v = Viewport::FIT.zoomed(100.0, far, &g());
        assert_eq!(v.zoom, MAX_ZOOM);
        let room = g().view_radius() * (1.0 - 1.0 / MAX_ZOOM);
        assert!(close(v.centre, Point { x: room, y: -room }));
        let v = v.zoomed(0.01, Point::default(), &g());
        assert_eq!(v, Viewport::FIT);
        assert_eq!(Viewport::FIT.panned(far, &g()), Viewport::FIT);
        let nan = Viewport {
            zoom: f32::NAN,
            centre: Point {
                x: f32::NAN,
                y: 1.0,
            },
        };
        assert_eq!(
            nan.clamped(&g()),
            Viewport::FIT.panned(Point { x: 0.0, y: 1.0 }, &g())
        );
    }

    #[test]
    fn a_pinch_keeps_the_touched_point_under_the_fingers() {
        let touched = Point { x: 50.0, y: 80.0 };
        let v = Viewport::with_point_at(2.0, touched, (30.0, -20.0), 300.0, &g());
        let back = v.to_map((180.0, 130.0), (150.0, 150.0), 300.0, &g());
        assert!(back.is_some_and(|p| close(p, touched)), "{back:?}");
        assert_eq!(
            Viewport::with_point_at(2.0, touched, (0.0, 0.0), 0.0, &g()),
            Viewport::FIT
        );
    }

    #[test]
    fn showing_a_point_moves_only_as_needed() {
        let v = Viewport::FIT.zoomed(4.0, Point::default(), &g());
        let near = Point { x: 10.0, y: 10.0 };
        assert_eq!(v.showing(near, 20.0, &g()), v);
        let far = Point { x: 300.0, y: 0.0 };
        let moved = v.showing(far, 20.0, &g());
        assert!(moved.centre.x + moved.half_width(&g()) >= 320.0 - 1e-3);
        assert_eq!(moved.zoom, v.zoom);
    }
}
