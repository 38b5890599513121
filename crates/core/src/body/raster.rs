//! The rasterizer: a [`Viewport`] (a view, a side, an optional crop and a grid size) onto
//! a grid of cells. Each cell knows whether it is background, body or outline (and which
//! way the outline runs through it), and which region instance it shows, so the same
//! [`Raster`] draws the picture and answers hit-tests.
//!
//! Terminal cells are about twice as tall as wide ([`CELL_ASPECT`]); the view is scaled to
//! fit the grid with its proportions kept and centred. The silhouette is sampled at the
//! corners, edge midpoints and centre of every cell (a grid of `2w+1` by `2h+1` points,
//! filled by scanlines), which gives the outline its direction; regions are sampled at
//! cell centres and clipped to the silhouette.

#![allow(
    clippy::many_single_char_names,
    reason = "plane geometry: u, v, x, y, s, t, w, h"
)]

use super::geom::{Polygon, Pt, Rect};
use super::model::{BodyModel, RegionIdx, ViewId, union_spans};
use crate::atlas::{RegionInstance, Side};

/// A segment in grid units: `(u0, v0, u1, v1)`.
type Seg = (f32, f32, f32, f32);

/// How many times taller than wide a terminal cell is.
pub const CELL_ASPECT: f32 = 2.0;

/// Which way a line runs through a cell (outline or detail).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Edge {
    /// Up and down: `|`.
    Vertical,
    /// From lower left to upper right: `/`.
    Rising,
    /// From upper left to lower right: `\`.
    Falling,
    /// Across, in the lower half of the cell: `_`.
    Low,
    /// Across, in the upper half of the cell: `-`.
    High,
    /// A speck smaller than the cell, or the low end of a gentle slope: `.`.
    Dot,
    /// A spot drawn on purpose (an eye): `o`.
    Spot,
    /// The left side of a round part (the head): `(`.
    CurveLeft,
    /// The right side of a round part: `)`.
    CurveRight,
}

/// What a cell shows before any overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ground {
    /// Outside the body.
    Background,
    /// Inside the body.
    Body,
    /// The silhouette's outline passes through the cell.
    Outline(Edge),
    /// An interior line (eye, mouth, crease) passes through the cell.
    Detail(Edge),
}

/// One cell of a raster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RasterCell {
    /// Background, body or outline.
    pub ground: Ground,
    /// The region (and side) whose shape holds the cell's centre, inside the silhouette.
    pub region: Option<(RegionIdx, Option<Side>)>,
}

impl RasterCell {
    const EMPTY: RasterCell = RasterCell {
        ground: Ground::Background,
        region: None,
    };
}

/// A view fitted into a grid of cells.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// The view drawn.
    pub view: ViewId,
    /// The side shown by a unilateral view (a right or left hand...); ignored by
    /// bilateral views.
    pub side: Side,
    /// The part of the view to show (view coordinates), or the whole view.
    pub crop: Option<Rect>,
    /// Columns.
    pub width: u16,
    /// Rows.
    pub height: u16,
}

impl Viewport {
    /// The whole view in a grid of `width` by `height` cells.
    pub fn new(view: ViewId, side: Side, width: u16, height: u16) -> Self {
        Viewport {
            view,
            side,
            crop: None,
            width,
            height,
        }
    }

    /// The same viewport showing only `crop` of the view.
    #[must_use]
    pub fn cropped(mut self, crop: Rect) -> Self {
        self.crop = Some(crop);
        self
    }
}

/// The box a viewport shows, in view coordinates.
pub fn shown_box(model: &BodyModel, view: ViewId, crop: Option<Rect>) -> Rect {
    let b = model.view(view).bounds();
    match crop {
        Some(c) if c.width() > 0.0 && c.height() > 0.0 => c,
        _ => b,
    }
}

/// Columns per row a box needs to keep its proportions.
pub fn cols_per_row(b: Rect) -> f32 {
    if b.height() <= 0.0 {
        return 1.0;
    }
    b.width() / b.height() * CELL_ASPECT
}

/// Maps view coordinates to (fractional) grid coordinates and back.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Transform {
    x0: f32,
    y0: f32,
    /// View units per column.
    s: f32,
    offx: f32,
    offy: f32,
}

impl Transform {
    fn fit(b: Rect, width: u16, height: u16) -> Transform {
        let (w, h) = (f32::from(width.max(1)), f32::from(height.max(1)));
        // Keep a sliver of margin so the outline has room at the edges.
        let (fw, fh) = ((w - 0.6).max(w * 0.5), (h - 0.6).max(h * 0.5));
        let s = (b.width() / fw)
            .max(b.height() / (CELL_ASPECT * fh))
            .max(f32::MIN_POSITIVE);
        let cols = b.width() / s;
        let rows = b.height() / (CELL_ASPECT * s);
        Transform {
            x0: b.x0,
            y0: b.y0,
            s,
            offx: (w - cols) / 2.0,
            offy: (h - rows) / 2.0,
        }
    }

    fn u(&self, x: f32) -> f32 {
        (x - self.x0) / self.s + self.offx
    }

    fn v(&self, y: f32) -> f32 {
        (y - self.y0) / (CELL_ASPECT * self.s) + self.offy
    }

    fn x(&self, u: f32) -> f32 {
        self.x0 + (u - self.offx) * self.s
    }

    fn y(&self, v: f32) -> f32 {
        self.y0 + (v - self.offy) * CELL_ASPECT * self.s
    }
}

/// A rasterized viewport: ground and region for every cell.
#[derive(Debug, Clone)]
pub struct Raster<'m> {
    model: &'m BodyModel,
    viewport: Viewport,
    t: Transform,
    cells: Vec<RasterCell>,
}

/// Indices `i` of points `i * step` (in grid units) inside `[a, b)`, clamped to `0..n`.
fn index_range(a: f32, b: f32, step: f32, n: usize) -> std::ops::Range<usize> {
    let lo = (a / step).ceil().max(0.0);
    let hi = (b / step).ceil().max(0.0);
    let lo = (lo as usize).min(n);
    let hi = (hi as usize).min(n);
    lo..hi.max(lo)
}

impl<'m> Raster<'m> {
    /// Rasterizes a viewport. Any size is legal; a zero-sized one has no cells.
    pub fn new(model: &'m BodyModel, viewport: Viewport) -> Raster<'m> {
        let (w, h) = (usize::from(viewport.width), usize::from(viewport.height));
        let b = shown_box(model, viewport.view, viewport.crop);
        let t = Transform::fit(b, viewport.width, viewport.height);
        let mut raster = Raster {
            model,
            viewport,
            t,
            cells: vec![RasterCell::EMPTY; w * h],
        };
        if w == 0 || h == 0 {
            return raster;
        }
        let drawing = model.view(viewport.view).drawing(viewport.side);

        // Silhouette samples at quarter-cell steps.
        let (sw, sh) = (SUB * w + 1, SUB * h + 1);
        let mut mask = vec![false; sw * sh];
        let mut xs = Vec::with_capacity(32);
        let step = 1.0 / SUB as f32;
        for j in 0..sh {
            let y = t.y(j as f32 * step);
            for (a, bx) in union_spans(&drawing.outline, y, &mut xs) {
                let r = index_range(t.u(a), t.u(bx), step, sw);
                mask[j * sw + r.start..j * sw + r.end].fill(true);
            }
        }
        let inside = |c: usize, r: usize| mask[(SUB * r + SUB / 2) * sw + SUB * c + SUB / 2];
        let segs: Vec<(Seg, bool)> = drawing
            .boundary
            .iter()
            .map(|s| ((t.u(s.a.x), t.v(s.a.y), t.u(s.b.x), t.v(s.b.y)), s.round))
            .collect();
        outline_cells(&mask, sw, w, h, &segs, &mut raster.cells);

        // Regions at cell centres, inside the silhouette, later shapes winning.
        for shape in &drawing.shapes {
            let bb = shape.poly.bbox();
            let rows = index_range(t.v(bb.y0) - 0.5, t.v(bb.y1) - 0.5, 1.0, h);
            for r in rows {
                let y = t.y(r as f32 + 0.5);
                xs.clear();
                shape.poly.crossings(y, &mut xs);
                xs.sort_by(f32::total_cmp);
                for pair in xs.chunks_exact(2) {
                    let cols = index_range(t.u(pair[0]) - 0.5, t.u(pair[1]) - 0.5, 1.0, w);
                    for c in cols {
                        if inside(c, r) {
                            raster.cells[r * w + c].region = Some((shape.region, shape.side));
                        }
                    }
                }
            }
        }

        // Interior lines, where the body is plain.
        for line in &drawing.details {
            if let [p] = line.as_slice() {
                raster.draw_detail(*p, *p);
            }
            for seg in line.windows(2) {
                raster.draw_detail(seg[0], seg[1]);
            }
        }
        raster
    }

    fn draw_detail(&mut self, a: Pt, b: Pt) {
        let (w, h) = (usize::from(self.width()), usize::from(self.height()));
        let seg = (self.t.u(a.x), self.t.v(a.y), self.t.u(b.x), self.t.v(b.y));
        let set = |cells: &mut [RasterCell], c: usize, r: usize, e: Edge| {
            let cell = &mut cells[r * w + c];
            if cell.ground == Ground::Body {
                cell.ground = Ground::Detail(e);
            }
        };
        if a == b {
            let (u, v) = (seg.0, seg.1);
            if u >= 0.0 && v >= 0.0 && (u as usize) < w && (v as usize) < h {
                set(&mut self.cells, u as usize, v as usize, Edge::Spot);
            }
            return;
        }
        let c0 = seg.0.min(seg.2).floor().max(0.0) as usize;
        let c1 = (seg.0.max(seg.2).ceil().max(0.0) as usize).min(w);
        let r0 = seg.1.min(seg.3).floor().max(0.0) as usize;
        let r1 = (seg.1.max(seg.3).ceil().max(0.0) as usize).min(h);
        for r in r0..r1 {
            for c in c0..c1 {
                // Only where the segment itself (not its line) passes the cell's middle.
                if seg_dist(seg, c as f32 + 0.5, r as f32 + 0.5) > 1.0 {
                    continue;
                }
                match edge_glyph(seg, c, r) {
                    Some(Emit::Here(e)) => set(&mut self.cells, c, r, e),
                    Some(Emit::Above) if r > 0 => set(&mut self.cells, c, r - 1, Edge::Low),
                    _ => {}
                }
            }
        }
    }

    /// The model drawn.
    pub fn model(&self) -> &'m BodyModel {
        self.model
    }

    /// The viewport drawn.
    pub fn viewport(&self) -> Viewport {
        self.viewport
    }

    /// Columns.
    pub fn width(&self) -> u16 {
        self.viewport.width
    }

    /// Rows.
    pub fn height(&self) -> u16 {
        self.viewport.height
    }

    /// The cell at a column and row, if inside.
    pub fn cell(&self, col: u16, row: u16) -> Option<&RasterCell> {
        if col >= self.width() || row >= self.height() {
            return None;
        }
        self.cells
            .get(usize::from(row) * usize::from(self.width()) + usize::from(col))
    }

    /// Every cell, row by row.
    pub fn cells(&self) -> &[RasterCell] {
        &self.cells
    }

    /// The region instance under a cell (hit-testing), if any.
    pub fn region_at(&self, col: u16, row: u16) -> Option<RegionInstance> {
        let (region, side) = self.cell(col, row)?.region?;
        Some(RegionInstance::new(self.model.region_id(region), side))
    }

    /// The view point at fractional grid coordinates (columns, rows from the top left).
    pub(crate) fn view_point(&self, u: f32, v: f32) -> Pt {
        Pt::new(self.t.x(u), self.t.y(v))
    }

    /// The fractional grid coordinates of a view point.
    pub(crate) fn grid_point(&self, p: Pt) -> (f32, f32) {
        (self.t.u(p.x), self.t.v(p.y))
    }

    /// The cell showing a point of the view, if it is on the grid.
    pub fn cell_of(&self, p: Pt) -> Option<(u16, u16)> {
        let (u, v) = (self.t.u(p.x), self.t.v(p.y));
        if u < 0.0 || v < 0.0 || !u.is_finite() || !v.is_finite() {
            return None;
        }
        let (c, r) = (u.floor() as usize, v.floor() as usize);
        (c < usize::from(self.width()) && r < usize::from(self.height()))
            .then_some((c as u16, r as u16))
    }

    /// The point of the view at the centre of a cell.
    pub fn point_of(&self, col: u16, row: u16) -> Pt {
        Pt::new(
            self.t.x(f32::from(col) + 0.5),
            self.t.y(f32::from(row) + 0.5),
        )
    }

    /// The columns and rows the view's box occupies: `(first col, first row, cols, rows)`.
    pub fn content(&self) -> (u16, u16, u16, u16) {
        let b = shown_box(self.model, self.viewport.view, self.viewport.crop);
        let (u0, v0) = (
            self.t.u(b.x0).floor().max(0.0),
            self.t.v(b.y0).floor().max(0.0),
        );
        let (u1, v1) = (self.t.u(b.x1).ceil(), self.t.v(b.y1).ceil());
        let (w, h) = (f32::from(self.width()), f32::from(self.height()));
        let (u1, v1) = (u1.min(w), v1.min(h));
        (
            u0 as u16,
            v0 as u16,
            (u1 - u0).max(0.0) as u16,
            (v1 - v0).max(0.0) as u16,
        )
    }

    /// The cells showing a region on a side (`None` matches both sides and midline).
    pub fn cells_of(
        &self,
        region: RegionIdx,
        side: Option<Side>,
    ) -> impl Iterator<Item = (u16, u16)> + '_ {
        let w = usize::from(self.width()).max(1);
        self.cells.iter().enumerate().filter_map(move |(i, c)| {
            let (r, s) = c.region?;
            (r == region && (side.is_none() || s.is_none() || s == side))
                .then(|| ((i % w) as u16, (i / w) as u16))
        })
    }

    /// The outline polygons drawn (for tests and tools).
    pub fn outline(&self) -> &[Polygon] {
        &self
            .model
            .view(self.viewport.view)
            .drawing(self.viewport.side)
            .outline
    }
}

/// Silhouette samples per cell side (the sample grid is `SUB * w + 1` wide).
const SUB: usize = 2;

/// Where a cell's outline goes: into the cell itself, or as a `_` into the cell above.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Emit {
    Here(Edge),
    Above,
}

/// Gives every cell its ground from the silhouette samples: body, background, or (where
/// the samples disagree) the outline glyph for the nearest outline segment.
fn outline_cells(
    mask: &[bool],
    sw: usize,
    w: usize,
    h: usize,
    segs: &[(Seg, bool)],
    cells: &mut [RasterCell],
) {
    let n = SUB + 1;
    // Segments by the rows they come near.
    let mut rows: Vec<Vec<u32>> = vec![Vec::new(); h];
    for (k, &((_, va, _, vb), _)) in segs.iter().enumerate() {
        let lo = (va.min(vb).floor() - 1.0).max(0.0) as usize;
        let hi = (va.max(vb).ceil() + 1.0).max(0.0) as usize;
        for row in rows.iter_mut().take(hi.min(h)).skip(lo) {
            row.push(k as u32);
        }
    }
    let mut above = Vec::new();
    let mut near: Vec<(f32, f32, Seg, bool)> = Vec::new();
    for r in 0..h {
        for c in 0..w {
            let mut count = 0;
            for a in 0..n {
                let base = (SUB * r + a) * sw + SUB * c;
                count += mask[base..base + n].iter().filter(|&&b| b).count();
            }
            let i = r * w + c;
            let center_in = mask[(SUB * r + SUB / 2) * sw + SUB * c + SUB / 2];
            let plain = if center_in {
                Ground::Body
            } else {
                Ground::Background
            };
            cells[i].ground = if count == n * n || count == 0 {
                plain
            } else {
                let (cu, cv) = (c as f32 + 0.5, r as f32 + 0.5);
                // The nearest segments first (ties broken by angle, the same on both
                // sides of a mirrored view); the first that crosses this cell draws it.
                near.clear();
                near.extend(
                    rows[r]
                        .iter()
                        .map(|&k| segs[k as usize])
                        .filter(|&(s, _)| near_box(s, cu, cv))
                        .map(|(s, round)| (seg_dist(s, cu, cv), 0.0, s, round))
                        .filter(|&(d, _, _, _)| d <= 1.0)
                        .map(|(d, _, s, round)| (d, seg_slope(s), s, round)),
                );
                near.sort_by(|a, b| {
                    (a.0 * 1e3)
                        .round()
                        .total_cmp(&(b.0 * 1e3).round())
                        .then(a.1.total_cmp(&b.1))
                });
                let glyph = near.iter().find_map(|&(_, _, s, round)| {
                    let g = edge_glyph(s, c, r)?;
                    Some(match g {
                        Emit::Here(Edge::Vertical) if round => {
                            // The body lies on the side of the normal (-dv, du).
                            Emit::Here(if s.3 < s.1 {
                                Edge::CurveLeft
                            } else {
                                Edge::CurveRight
                            })
                        }
                        other => other,
                    })
                });
                match glyph {
                    Some(Emit::Here(e)) => Ground::Outline(e),
                    Some(Emit::Above) if r > 0 => {
                        above.push(i - w);
                        plain
                    }
                    Some(Emit::Above) => Ground::Outline(Edge::High),
                    None => plain,
                }
            };
        }
    }
    for i in above {
        if matches!(cells[i].ground, Ground::Body | Ground::Background) {
            cells[i].ground = Ground::Outline(Edge::Low);
        }
    }
    round_top_corners(w, h, cells);
}

/// Rounds the top corners of the outline: a side line that starts under empty space next
/// to a flat top becomes `.` (as in ` .--. `).
fn round_top_corners(w: usize, h: usize, cells: &mut [RasterCell]) {
    let flat = |g: Ground| matches!(g, Ground::Outline(Edge::High | Edge::Low));
    let mut corners = Vec::new();
    for r in 0..h {
        for c in 0..w {
            let i = r * w + c;
            if !matches!(
                cells[i].ground,
                Ground::Outline(
                    Edge::Vertical
                        | Edge::Rising
                        | Edge::Falling
                        | Edge::CurveLeft
                        | Edge::CurveRight
                )
            ) {
                continue;
            }
            let open_above = r == 0 || cells[i - w].ground == Ground::Background;
            let left = (c > 0).then(|| cells[i - 1].ground);
            let right = (c + 1 < w).then(|| cells[i + 1].ground);
            let out = |g: Option<Ground>| g.is_none_or(|g| g == Ground::Background);
            // A flat top on one side, nothing on the other: not where a neck meets the
            // shoulders.
            let corner =
                (left.is_some_and(flat) && out(right)) || (right.is_some_and(flat) && out(left));
            if open_above && corner {
                corners.push(i);
            }
        }
    }
    for i in corners {
        cells[i].ground = Ground::Outline(Edge::Dot);
    }
}

/// The visual steepness of a segment, for breaking ties the same way on both sides.
fn seg_slope((ua, va, ub, vb): Seg) -> f32 {
    ((vb - va).abs() * CELL_ASPECT).atan2((ub - ua).abs())
}

/// Whether a segment's box comes within a cell of a point (a cheap test before the
/// distance).
fn near_box((ua, va, ub, vb): Seg, u: f32, v: f32) -> bool {
    u >= ua.min(ub) - 1.0 && u <= ua.max(ub) + 1.0 && v >= va.min(vb) - 1.0 && v <= va.max(vb) + 1.0
}

/// Squared visual distance from a point (grid units) to a segment.
fn seg_dist((ua, va, ub, vb): Seg, u: f32, v: f32) -> f32 {
    let k = CELL_ASPECT;
    let (ax, ay, bx, by, px, py) = (ua, va * k, ub, vb * k, u, v * k);
    let (dx, dy) = (bx - ax, by - ay);
    let l2 = dx * dx + dy * dy;
    let t = if l2 > 0.0 {
        (((px - ax) * dx + (py - ay) * dy) / l2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (qx, qy) = (ax + t * dx - px, ay + t * dy - py);
    qx * qx + qy * qy
}

/// The glyph for an outline segment (grid units) in cell `(c, r)`: drawn only where the
/// segment's line crosses the cell's middle line, so the outline is one glyph thick.
fn edge_glyph((ua, va, ub, vb): Seg, c: usize, r: usize) -> Option<Emit> {
    let (du, dv) = (ub - ua, vb - va);
    // The angle from the horizontal, as seen (rows are CELL_ASPECT times taller).
    let (vx, vy) = (du.abs(), dv.abs() * CELL_ASPECT);
    // Compared through tangents: tan 66 = 2.246, tan 45 = 1, tan 36 = 0.7265.
    let steep = vy > vx;
    let (cu, cv) = (c as f32 + 0.5, r as f32 + 0.5);
    let rising = (du > 0.0) == (dv < 0.0);
    if steep {
        // Steep: drawn once per row, where the line crosses the middle row line.
        let u = ua + (cv - va) * du / dv;
        if !(u >= c as f32 && u < c as f32 + 1.0) {
            return None;
        }
        return Some(Emit::Here(if vy > 2.246 * vx {
            Edge::Vertical
        } else if rising {
            Edge::Rising
        } else {
            Edge::Falling
        }));
    }
    // Where the line crosses the middle column line.
    let v = va + (cu - ua) * dv / du;
    let f = v - r as f32;
    if !(0.0..1.0).contains(&f) {
        return None;
    }
    if vy < 0.7265 * vx {
        return Some(if f >= 0.72 {
            Emit::Here(Edge::Low)
        } else if f >= 0.58 {
            Emit::Here(Edge::Dot)
        } else if f >= 0.3 {
            Emit::Here(Edge::High)
        } else {
            Emit::Above
        });
    }
    Some(Emit::Here(if rising {
        Edge::Rising
    } else {
        Edge::Falling
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> &'static BodyModel {
        crate::body::shipped()
    }

    fn mean_col(r: &Raster<'_>, region: &str, side: Option<Side>) -> Option<f32> {
        let idx = model().region_index(region)?;
        let cols: Vec<f32> = r.cells_of(idx, side).map(|(c, _)| f32::from(c)).collect();
        (!cols.is_empty()).then(|| cols.iter().sum::<f32>() / cols.len() as f32)
    }

    #[test]
    fn front_view_shows_the_patients_left_on_the_viewers_right() {
        let front = Raster::new(model(), Viewport::new(ViewId::Front, Side::Right, 80, 60));
        let back = Raster::new(model(), Viewport::new(ViewId::Back, Side::Right, 80, 60));
        let mid = 40.0;
        let mut checked = 0;
        for region in model().regions() {
            if model().is_midline(region) {
                continue;
            }
            for (r, view) in [(&front, "front"), (&back, "back")] {
                let (Some(left), Some(right)) = (
                    mean_col(r, region, Some(Side::Left)),
                    mean_col(r, region, Some(Side::Right)),
                ) else {
                    continue;
                };
                checked += 1;
                if view == "front" {
                    assert!(left > mid && right < mid, "{region} in the {view} view");
                } else {
                    assert!(left < mid && right > mid, "{region} in the {view} view");
                }
            }
        }
        assert!(checked > 100, "{checked}");
    }

    #[test]
    fn close_ups_are_mirrored_for_the_left_side() {
        let col = |view, side, region| {
            let r = Raster::new(model(), Viewport::new(view, side, 60, 30));
            mean_col(&r, region, Some(side)).unwrap()
        };
        // A close-up keeps the sense of the body view it magnifies (domain.md): the right
        // palm, seen as in the front view, has its thumb on the viewer's left; the left
        // palm mirrors it.
        assert!(
            col(ViewId::HandPalm, Side::Right, "thumb")
                < col(ViewId::HandPalm, Side::Right, "little-finger")
        );
        assert!(
            col(ViewId::HandPalm, Side::Left, "thumb")
                > col(ViewId::HandPalm, Side::Left, "little-finger")
        );
        // The back of the right hand, seen as in the back view: the thumb on the right.
        assert!(
            col(ViewId::HandBack, Side::Right, "thumb")
                > col(ViewId::HandBack, Side::Right, "little-finger")
        );
        // The top of the right foot (as in the front view): the big toe on the viewer's
        // right; the sole (as from behind): on the left.
        assert!(
            col(ViewId::FootTop, Side::Right, "big-toe")
                > col(ViewId::FootTop, Side::Right, "lesser-toes")
        );
        assert!(
            col(ViewId::FootSole, Side::Right, "big-toe")
                < col(ViewId::FootSole, Side::Right, "lesser-toes")
        );
        // The right profile faces the viewer's right.
        assert!(
            col(ViewId::HeadSide, Side::Right, "cheek")
                > col(ViewId::HeadSide, Side::Right, "occiput")
        );
        assert!(
            col(ViewId::HeadSide, Side::Left, "cheek")
                < col(ViewId::HeadSide, Side::Left, "occiput")
        );
    }

    #[test]
    fn every_region_has_cells_in_some_view_on_each_side() {
        let rasters: Vec<Raster<'_>> = ViewId::ALL
            .into_iter()
            .flat_map(|v| Side::BOTH.map(|s| Raster::new(model(), Viewport::new(v, s, 160, 60))))
            .collect();
        for region in crate::body::testutil::vocabulary() {
            let idx = model().region_index(&region.id).unwrap();
            let sides: Vec<Option<Side>> = if region.midline {
                vec![None]
            } else {
                vec![Some(Side::Left), Some(Side::Right)]
            };
            for side in sides {
                let n: usize = rasters.iter().map(|r| r.cells_of(idx, side).count()).sum();
                assert!(n > 0, "{} {side:?} has no cells", region.id);
            }
        }
    }

    #[test]
    fn hit_test_round_trip() {
        // Each region instance's cells resolve back to it, and every cell resolves to the
        // region it was drawn for.
        for view in ViewId::ALL {
            for side in Side::BOTH {
                for (w, h) in [(160, 60), (80, 24), (40, 15)] {
                    let r = Raster::new(model(), Viewport::new(view, side, w, h));
                    let d = model().view(view).drawing(side);
                    for shape in &d.shapes {
                        for (col, row) in r.cells_of(shape.region, shape.side) {
                            let hit = r.region_at(col, row).unwrap();
                            assert_eq!(hit.region, model().region_id(shape.region));
                            if shape.side.is_some() {
                                assert!(hit.side == shape.side || hit.side.is_none());
                            }
                        }
                    }
                    for (i, cell) in r.cells().iter().enumerate() {
                        let (col, row) = ((i % usize::from(w)) as u16, (i / usize::from(w)) as u16);
                        let hit = r.region_at(col, row);
                        assert_eq!(hit.is_some(), cell.region.is_some());
                        if let Some(hit) = hit {
                            assert_eq!(hit.side.is_none(), model().is_midline(&hit.region));
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn zero_sized_viewport_has_no_cells() {
        let r = Raster::new(model(), Viewport::new(ViewId::Front, Side::Right, 0, 0));
        assert!(r.cells().is_empty());
        assert_eq!(r.region_at(0, 0), None);
    }

    #[test]
    fn body_is_centred_and_proportioned() {
        let r = Raster::new(model(), Viewport::new(ViewId::Front, Side::Right, 60, 30));
        let (c0, r0, cols, rows) = r.content();
        assert!(rows >= 29, "{rows}");
        // A body about a third as wide as tall, with cells twice as tall as wide.
        assert!((15..=25).contains(&cols), "{cols}");
        assert!(c0 + cols / 2 >= 28 && c0 + cols / 2 <= 32, "{c0}");
        assert_eq!(r0, 0);
    }

    #[test]
    fn edges_follow_the_outline() {
        // A vertical segment through the middle of cell (2, 3).
        assert_eq!(
            edge_glyph((2.5, 0.0, 2.5, 9.0), 2, 3),
            Some(Emit::Here(Edge::Vertical))
        );
        assert_eq!(edge_glyph((2.5, 0.0, 2.5, 9.0), 1, 3), None);
        // Flat, low in the cell: `_`; in the middle: `-`; near the top: `_` above.
        assert_eq!(
            edge_glyph((0.0, 3.9, 9.0, 3.9), 2, 3),
            Some(Emit::Here(Edge::Low))
        );
        assert_eq!(
            edge_glyph((0.0, 3.5, 9.0, 3.5), 2, 3),
            Some(Emit::Here(Edge::High))
        );
        assert_eq!(edge_glyph((0.0, 3.1, 9.0, 3.1), 2, 3), Some(Emit::Above));
        // Rising and falling diagonals through the cell's centre.
        assert_eq!(
            edge_glyph((1.5, 4.5, 3.5, 2.5), 2, 3),
            Some(Emit::Here(Edge::Rising))
        );
        assert_eq!(
            edge_glyph((1.5, 2.5, 3.5, 4.5), 2, 3),
            Some(Emit::Here(Edge::Falling))
        );
    }
}
