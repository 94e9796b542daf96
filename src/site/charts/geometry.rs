//! Plane geometry of the maps: points, bounding boxes, the frame that maps the source
//! coordinates of `data/sweden-map.json` onto one drawing's view box, clipping to that view box,
//! and compact SVG path data (integer coordinates, relative moves). Owns the rule that every
//! drawing's coordinates are whole units of its own view box.

use std::fmt::Write;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// An axis-aligned box; `EMPTY` contains nothing and is the unit of [`Bounds::union`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub min_x: f64,
    pub min_y: f64,
    pub max_x: f64,
    pub max_y: f64,
}

impl Bounds {
    pub const EMPTY: Bounds = Bounds {
        min_x: f64::INFINITY,
        min_y: f64::INFINITY,
        max_x: f64::NEG_INFINITY,
        max_y: f64::NEG_INFINITY,
    };

    pub fn of_rings(rings: &[Vec<Point>]) -> Bounds {
        rings
            .iter()
            .flatten()
            .fold(Bounds::EMPTY, |b, p| b.union(Bounds::point(*p)))
    }

    fn point(p: Point) -> Bounds {
        Bounds {
            min_x: p.x,
            min_y: p.y,
            max_x: p.x,
            max_y: p.y,
        }
    }

    pub fn union(self, other: Bounds) -> Bounds {
        Bounds {
            min_x: self.min_x.min(other.min_x),
            min_y: self.min_y.min(other.min_y),
            max_x: self.max_x.max(other.max_x),
            max_y: self.max_y.max(other.max_y),
        }
    }

    pub fn width(&self) -> f64 {
        self.max_x - self.min_x
    }

    pub fn height(&self) -> f64 {
        self.max_y - self.min_y
    }

    pub fn intersects(&self, other: &Bounds) -> bool {
        self.min_x <= other.max_x
            && other.min_x <= self.max_x
            && self.min_y <= other.max_y
            && other.min_y <= self.max_y
    }

    fn contains(&self, other: &Bounds) -> bool {
        self.min_x <= other.min_x
            && self.min_y <= other.min_y
            && other.max_x <= self.max_x
            && other.max_y <= self.max_y
    }

    /// The box grown on every side by `fraction` of its longer side, at least `minimum`.
    pub fn with_margin(self, fraction: f64, minimum: f64) -> Bounds {
        let m = (self.width().max(self.height()) * fraction).max(minimum);
        Bounds {
            min_x: self.min_x - m,
            min_y: self.min_y - m,
            max_x: self.max_x + m,
            max_y: self.max_y + m,
        }
    }
}

/// Where a drawing looks: the source box it shows, scaled so that its longer side is
/// `long_side` units. The view box is then `0 0 width height` in whole units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub source: Bounds,
    scale: f64,
    pub width: u32,
    pub height: u32,
    /// Points closer than this (in units, on both axes) to the last one drawn are left out.
    tolerance: i64,
}

impl Frame {
    pub fn fit(source: Bounds, long_side: f64) -> Frame {
        let longer = source.width().max(source.height());
        let scale = if longer > 0.0 {
            long_side / longer
        } else {
            1.0
        };
        Frame {
            source,
            scale,
            width: (source.width() * scale).round().max(1.0) as u32,
            height: (source.height() * scale).round().max(1.0) as u32,
            tolerance: 0,
        }
    }

    /// The same frame leaving out points within `units` of the last one drawn: coarser
    /// outlines for small drawings.
    pub fn simplified(self, units: u32) -> Frame {
        Frame {
            tolerance: i64::from(units),
            ..self
        }
    }

    /// `point` (in source coordinates) in whole units of this frame.
    pub fn units(&self, point: Point) -> (i64, i64) {
        self.to_units(point)
    }

    pub fn view_box(&self) -> String {
        format!("0 0 {} {}", self.width, self.height)
    }

    fn to_units(self, p: Point) -> (i64, i64) {
        (
            ((p.x - self.source.min_x) * self.scale).round() as i64,
            ((p.y - self.source.min_y) * self.scale).round() as i64,
        )
    }

    /// Path data of `rings` in this frame: each ring clipped to the frame's box (so that a
    /// neighbour reaching far outside costs only what shows), rounded to whole units, with
    /// repeated points dropped. Empty when nothing shows.
    pub fn path(&self, rings: &[Vec<Point>]) -> String {
        let mut d = String::new();
        for ring in rings {
            let ring_bounds = Bounds::of_rings(std::slice::from_ref(ring));
            if !ring_bounds.intersects(&self.source) {
                continue;
            }
            let clipped;
            let ring = if self.source.contains(&ring_bounds) {
                ring.as_slice()
            } else {
                clipped = clip(ring, &self.source);
                clipped.as_slice()
            };
            let units: Vec<(i64, i64)> = ring.iter().map(|&p| self.to_units(p)).collect();
            write_ring(&mut d, &units, self.tolerance);
        }
        d
    }
}

/// `M x y l dx dy … z` for one ring in whole units; nothing for a ring that collapsed to fewer
/// than three distinct points. Points within `tolerance` of the last one kept are left out.
fn write_ring(d: &mut String, units: &[(i64, i64)], tolerance: i64) {
    let mut points: Vec<(i64, i64)> = Vec::with_capacity(units.len());
    for &p in units {
        let near =
            |q: &(i64, i64)| (q.0 - p.0).abs() <= tolerance && (q.1 - p.1).abs() <= tolerance;
        if !points.last().is_some_and(near) {
            points.push(p);
        }
    }
    while points.len() > 1 && points.first() == points.last() {
        points.pop();
    }
    if points.len() < 3 {
        return;
    }
    let (mut x, mut y) = points[0];
    // Writing to a String cannot fail.
    let _ = write!(d, "M{x} {y}l");
    for (i, &(px, py)) in points[1..].iter().enumerate() {
        let (dx, dy) = (px - x, py - y);
        // A minus sign separates numbers by itself.
        if i > 0 && dx >= 0 {
            d.push(' ');
        }
        let _ = write!(d, "{dx}");
        if dy >= 0 {
            d.push(' ');
        }
        let _ = write!(d, "{dy}");
        (x, y) = (px, py);
    }
    d.push('z');
}

/// `ring` clipped to `rect` (Sutherland–Hodgman: exact for a convex clip box, and a filled
/// concave ring stays right up to zero-width edges along the box's sides).
fn clip(ring: &[Point], rect: &Bounds) -> Vec<Point> {
    type Inside = fn(&Point, &Bounds) -> bool;
    type Cross = fn(Point, Point, &Bounds) -> Point;
    let edges: [(Inside, Cross); 4] = [
        (|p, r| p.x >= r.min_x, |a, b, r| at_x(a, b, r.min_x)),
        (|p, r| p.x <= r.max_x, |a, b, r| at_x(a, b, r.max_x)),
        (|p, r| p.y >= r.min_y, |a, b, r| at_y(a, b, r.min_y)),
        (|p, r| p.y <= r.max_y, |a, b, r| at_y(a, b, r.max_y)),
    ];
    let mut points = ring.to_vec();
    for (inside, cross) in edges {
        let Some(&last) = points.last() else {
            break;
        };
        let mut out = Vec::with_capacity(points.len());
        let mut previous = last;
        for &current in &points {
            match (inside(&previous, rect), inside(&current, rect)) {
                (true, true) => out.push(current),
                (true, false) => out.push(cross(previous, current, rect)),
                (false, true) => {
                    out.push(cross(previous, current, rect));
                    out.push(current);
                }
                (false, false) => {}
            }
            previous = current;
        }
        points = out;
    }
    points
}

fn at_x(a: Point, b: Point, x: f64) -> Point {
    let t = (x - a.x) / (b.x - a.x);
    Point {
        x,
        y: a.y + t * (b.y - a.y),
    }
}

fn at_y(a: Point, b: Point, y: f64) -> Point {
    let t = (y - a.y) / (b.y - a.y);
    Point {
        x: a.x + t * (b.x - a.x),
        y,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    fn square(x: f64, y: f64, side: f64) -> Vec<Point> {
        vec![
            p(x, y),
            p(x + side, y),
            p(x + side, y + side),
            p(x, y + side),
        ]
    }

    #[test]
    fn a_frame_scales_the_longer_side_and_starts_at_zero() {
        let source = Bounds::of_rings(&[square(100.0, 200.0, 50.0)]).with_margin(0.1, 0.0);
        assert_eq!(source.min_x, 95.0);
        assert_eq!(source.max_y, 255.0);
        let frame = Frame::fit(source, 600.0);
        assert_eq!(frame.view_box(), "0 0 600 600");
        let tall = Frame::fit(
            Bounds {
                min_x: 0.0,
                min_y: 0.0,
                max_x: 1000.0,
                max_y: 2400.0,
            },
            1200.0,
        );
        assert_eq!((tall.width, tall.height), (500, 1200));
    }

    #[test]
    fn a_margin_has_a_minimum() {
        let b = Bounds::of_rings(&[vec![p(10.0, 10.0), p(10.0, 10.0)]]).with_margin(0.1, 5.0);
        assert_eq!((b.min_x, b.max_x), (5.0, 15.0));
    }

    #[test]
    fn paths_are_relative_whole_units_without_repeats() {
        let frame = Frame::fit(Bounds::of_rings(&[square(0.0, 0.0, 10.0)]), 10.0);
        let d = frame.path(&[vec![
            p(0.0, 0.0),
            p(10.0, 0.0),
            p(10.2, 0.1),
            p(10.0, 10.0),
            p(0.0, 10.0),
            p(0.0, 0.0),
        ]]);
        assert_eq!(d, "M0 0l10 0 0 10-10 0z");
    }

    #[test]
    fn rings_outside_are_left_out_and_rings_across_are_clipped() {
        let frame = Frame::fit(Bounds::of_rings(&[square(0.0, 0.0, 10.0)]), 10.0);
        assert_eq!(frame.path(&[square(20.0, 20.0, 5.0)]), "");
        // A square reaching past the right edge is cut at x = 10.
        assert_eq!(frame.path(&[square(5.0, 2.0, 10.0)]), "M5 10l0-8 5 0 0 8z");
    }

    #[test]
    fn a_simplified_frame_leaves_out_near_points() {
        let frame = Frame::fit(Bounds::of_rings(&[square(0.0, 0.0, 10.0)]), 10.0).simplified(1);
        let ring = vec![
            p(0.0, 0.0),
            p(1.0, 1.0),
            p(10.0, 0.0),
            p(10.0, 10.0),
            p(0.0, 10.0),
        ];
        assert_eq!(frame.path(&[ring]), "M0 0l10 0 0 10-10 0z");
    }

    #[test]
    fn a_collapsed_ring_is_dropped() {
        let frame = Frame::fit(Bounds::of_rings(&[square(0.0, 0.0, 1000.0)]), 10.0);
        assert_eq!(frame.path(&[square(1.0, 1.0, 2.0)]), "");
    }
}
