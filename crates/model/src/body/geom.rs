//! Plane geometry for the body model: points, boxes and polygons in a view's own
//! coordinate frame (square units, x to the viewer's right, y down).

use serde::{Deserialize, Serialize};

/// A point in a view's coordinate frame.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Pt {
    /// Towards the viewer's right.
    pub x: f32,
    /// Downwards.
    pub y: f32,
}

impl Pt {
    /// A point.
    pub const fn new(x: f32, y: f32) -> Self {
        Pt { x, y }
    }

    /// This point mirrored about the vertical line `x = axis`.
    #[must_use]
    pub fn mirrored(self, axis: f32) -> Self {
        Pt::new(2.0 * axis - self.x, self.y)
    }
}

/// An axis-aligned box.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Rect {
    /// Left edge.
    pub x0: f32,
    /// Top edge.
    pub y0: f32,
    /// Right edge.
    pub x1: f32,
    /// Bottom edge.
    pub y1: f32,
}

impl Rect {
    /// The empty box (the identity of [`Rect::union`]).
    pub const EMPTY: Rect = Rect {
        x0: f32::INFINITY,
        y0: f32::INFINITY,
        x1: f32::NEG_INFINITY,
        y1: f32::NEG_INFINITY,
    };

    /// Width (0 for an empty box).
    pub fn width(&self) -> f32 {
        (self.x1 - self.x0).max(0.0)
    }

    /// Height (0 for an empty box).
    pub fn height(&self) -> f32 {
        (self.y1 - self.y0).max(0.0)
    }

    /// Whether the box holds nothing.
    pub fn is_empty(&self) -> bool {
        self.x1 < self.x0 || self.y1 < self.y0
    }

    /// The smallest box holding both.
    #[must_use]
    pub fn union(self, other: Rect) -> Rect {
        Rect {
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }

    /// The smallest box holding this one and the point.
    #[must_use]
    pub fn including(self, p: Pt) -> Rect {
        self.union(Rect {
            x0: p.x,
            y0: p.y,
            x1: p.x,
            y1: p.y,
        })
    }

    /// The box grown by `dx` on the left and right and `dy` above and below.
    #[must_use]
    pub fn padded(self, dx: f32, dy: f32) -> Rect {
        Rect {
            x0: self.x0 - dx,
            y0: self.y0 - dy,
            x1: self.x1 + dx,
            y1: self.y1 + dy,
        }
    }

    /// Whether the box holds the point (edges included).
    pub fn contains(&self, p: Pt) -> bool {
        p.x >= self.x0 && p.x <= self.x1 && p.y >= self.y0 && p.y <= self.y1
    }
}

/// A closed polygon (the last point joins the first). Filled by the even-odd rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Polygon {
    pts: Vec<Pt>,
    bbox: Rect,
}

impl Polygon {
    /// A polygon through these points.
    pub fn new(pts: Vec<Pt>) -> Self {
        let bbox = pts.iter().fold(Rect::EMPTY, |b, &p| b.including(p));
        Polygon { pts, bbox }
    }

    /// Its corners, in order.
    pub fn points(&self) -> &[Pt] {
        &self.pts
    }

    /// Its bounding box.
    pub fn bbox(&self) -> Rect {
        self.bbox
    }

    /// The polygon mirrored about the vertical line `x = axis` (corner order reversed so
    /// it keeps its winding).
    #[must_use]
    pub fn mirrored(&self, axis: f32) -> Polygon {
        Polygon::new(self.pts.iter().rev().map(|p| p.mirrored(axis)).collect())
    }

    /// The edges, each as (from, to), closing edge included.
    pub fn edges(&self) -> impl Iterator<Item = (Pt, Pt)> + '_ {
        let n = self.pts.len();
        (0..n).map(move |i| (self.pts[i], self.pts[(i + 1) % n]))
    }

    /// Pushes onto `out` the x coordinates where the horizontal line at `y` crosses the
    /// outline (half-open rule, so a vertex is counted once), unsorted.
    pub fn crossings(&self, y: f32, out: &mut Vec<f32>) {
        if y < self.bbox.y0 || y > self.bbox.y1 {
            return;
        }
        for (a, b) in self.edges() {
            if (a.y <= y) != (b.y <= y) {
                let t = (y - a.y) / (b.y - a.y);
                out.push(a.x + t * (b.x - a.x));
            }
        }
    }

    /// Whether the point is inside (even-odd rule).
    pub fn contains(&self, p: Pt) -> bool {
        if !self.bbox.contains(p) {
            return false;
        }
        let mut inside = false;
        for (a, b) in self.edges() {
            if (a.y <= p.y) != (b.y <= p.y) {
                let x = a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x);
                if p.x < x {
                    inside = !inside;
                }
            }
        }
        inside
    }

    /// Its area (absolute, shoelace formula).
    pub fn area(&self) -> f32 {
        let twice: f32 = self.edges().map(|(a, b)| a.x * b.y - b.x * a.y).sum();
        twice.abs() / 2.0
    }

    /// A point well inside: the middle of the widest span of the horizontal line through
    /// the box's middle (or, for odd shapes, through the widest of a few lines).
    pub fn inner_point(&self) -> Pt {
        let mut best = (
            f32::NEG_INFINITY,
            Pt::new(
                f32::midpoint(self.bbox.x0, self.bbox.x1),
                f32::midpoint(self.bbox.y0, self.bbox.y1),
            ),
        );
        let mut xs = Vec::new();
        for k in 1..8 {
            let y = self.bbox.y0 + self.bbox.height() * k as f32 / 8.0;
            xs.clear();
            self.crossings(y, &mut xs);
            xs.sort_by(f32::total_cmp);
            for pair in xs.chunks_exact(2) {
                let w = pair[1] - pair[0];
                // Prefer the middle line: a span there wins over a slightly wider one.
                let score = w - (k as f32 - 4.0).abs() * 0.05 * self.bbox.height();
                if score > best.0 {
                    best = (score, Pt::new(f32::midpoint(pair[0], pair[1]), y));
                }
            }
        }
        best.1
    }
}

/// Parses `"x,y x,y ..."` into points.
pub fn parse_points(text: &str) -> Result<Vec<Pt>, String> {
    text.split_whitespace()
        .map(|pair| {
            let (x, y) = pair
                .split_once(',')
                .ok_or_else(|| format!("`{pair}` is not `x,y`"))?;
            let x: f32 = x.parse().map_err(|_| format!("`{x}` is not a number"))?;
            let y: f32 = y.parse().map_err(|_| format!("`{y}` is not a number"))?;
            if x.is_finite() && y.is_finite() {
                Ok(Pt::new(x, y))
            } else {
                Err(format!("`{pair}` is not finite"))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square() -> Polygon {
        Polygon::new(parse_points("0,0 10,0 10,10 0,10").unwrap())
    }

    #[test]
    fn parses_and_contains() {
        let p = square();
        assert!(p.contains(Pt::new(5.0, 5.0)));
        assert!(!p.contains(Pt::new(11.0, 5.0)));
        assert!((p.area() - 100.0).abs() < 1e-3);
        let q = p.inner_point();
        assert!(p.contains(q));
    }

    #[test]
    fn mirror_keeps_shape() {
        let p = square().mirrored(20.0);
        assert!((p.bbox().x0 - 30.0).abs() < 1e-4);
        assert!((p.bbox().x1 - 40.0).abs() < 1e-4);
        assert!(p.contains(Pt::new(35.0, 5.0)));
    }

    #[test]
    fn bad_points_are_errors() {
        assert!(parse_points("1,2 3").is_err());
        assert!(parse_points("1,x").is_err());
        assert!(parse_points("inf,2").is_err());
    }
}
