//! The label raster at sub-cell resolution, and the mosaic tiers drawn from it.
//!
//! [`Labels`] samples a [`Raster`]'s viewport `sx` by `sy` times per cell (the same
//! transform, so a picture cell and its hit-test cell always agree): for each sample,
//! whether it is outside, inside the body, on the outline or on an interior line, which
//! region (and side) it shows, and which overlay marks cover it. [`paint`] turns it into
//! one [`Cell`] per cell with a foreground and a background style: a filled silhouette in
//! half blocks, quadrants, sextants or octants. The outline always wins over a zone, so
//! zones never erase it; spillover is a checkerboard stipple, so essential and spillover
//! read apart without colour. A compared second pattern ([`Overlay::second`]) is blue
//! where colour is on; without colour its essential zone is drawn in horizontal stripes,
//! its spillover in sparse dots, and the overlap of the two in vertical stripes.

use super::geom::Pt;
use super::glyphs::{Cell, Glyphs, Style};
use super::model::{RegionIdx, union_spans};
use super::overlay::{
    CLEAR, ESSENTIAL, ESSENTIAL2, MarkTable, Overlay, PARTLY, SELECTED, ZoneShapes, label_cell,
    label_char, slot, x_cells, zone_claims, zone_style,
};
use super::raster::Raster;
use crate::atlas::Side;

/// What a sample shows before any overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SampleGround {
    /// Outside the body.
    #[default]
    Background,
    /// Inside the body.
    Body,
    /// On the silhouette's outline (the body's outermost samples).
    Outline,
    /// On an interior line (eye, mouth, crease).
    Detail,
}

/// One sample of the label raster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sample {
    /// Outside, body, outline or detail.
    pub ground: SampleGround,
    /// The region (and side) under the sample, inside the silhouette.
    pub region: Option<(RegionIdx, Option<Side>)>,
    /// The overlay's marks on that region: essential, spillover, selected bits.
    pub marks: u8,
}

/// The label raster: `sx * width` by `sy * height` samples over a raster's viewport.
#[derive(Debug, Clone)]
pub struct Labels {
    width: usize,
    height: usize,
    sx: usize,
    sy: usize,
    samples: Vec<Sample>,
}

/// A sample-grid position in fractional sample units (for lines).
fn sample_index(a: f32, b: f32, n: usize) -> std::ops::Range<usize> {
    // Samples whose centres `i + 0.5` lie in `[a, b)`.
    let lo = (a - 0.5).ceil().max(0.0) as usize;
    let hi = (b - 0.5).ceil().max(0.0) as usize;
    lo.min(n)..hi.min(n).max(lo.min(n))
}

impl Labels {
    /// Samples a raster's viewport `sx` by `sy` times per cell, with an overlay's marks.
    #[allow(clippy::too_many_lines, reason = "one pass per layer, in order")]
    pub fn new(raster: &Raster<'_>, overlay: &Overlay, sx: usize, sy: usize) -> Labels {
        let (sx, sy) = (sx.max(1), sy.max(1));
        let (width, height) = (usize::from(raster.width()), usize::from(raster.height()));
        let (sw, sh) = (width * sx, height * sy);
        let mut labels = Labels {
            width,
            height,
            sx,
            sy,
            samples: vec![Sample::default(); sw * sh],
        };
        if sw == 0 || sh == 0 {
            return labels;
        }
        let model = raster.model();
        let vp = raster.viewport();
        let drawing = model.view(vp.view).drawing(vp.side);
        let (fx, fy) = (sx as f32, sy as f32);
        // Grid (cell) units to sample units and back.
        let y_of = |j: f32| raster.view_point(0.0, j / fy).y;
        let u_of = |x: f32| raster.grid_point(super::geom::Pt::new(x, 0.0)).0 * fx;

        // The silhouette.
        let mut xs = Vec::with_capacity(32);
        for j in 0..sh {
            let y = y_of(j as f32 + 0.5);
            for (a, b) in union_spans(&drawing.outline, y, &mut xs) {
                for i in sample_index(u_of(a), u_of(b), sw) {
                    labels.samples[j * sw + i].ground = SampleGround::Body;
                }
            }
        }
        // Regions, later shapes winning, clipped to the silhouette.
        for shape in &drawing.shapes {
            let bb = shape.poly.bbox();
            let (_, v0) = raster.grid_point(super::geom::Pt::new(bb.x0, bb.y0));
            let (_, v1) = raster.grid_point(super::geom::Pt::new(bb.x1, bb.y1));
            for j in sample_index(v0 * fy, v1 * fy, sh) {
                let y = y_of(j as f32 + 0.5);
                xs.clear();
                shape.poly.crossings(y, &mut xs);
                xs.sort_by(f32::total_cmp);
                for pair in xs.chunks_exact(2) {
                    for i in sample_index(u_of(pair[0]), u_of(pair[1]), sw) {
                        let s = &mut labels.samples[j * sw + i];
                        if s.ground != SampleGround::Background {
                            s.region = Some((shape.region, shape.side));
                        }
                    }
                }
            }
        }
        // The outline: body samples next to the outside (or the grid's edge).
        let inside =
            |s: &[Sample], i: usize, j: usize| s[j * sw + i].ground != SampleGround::Background;
        let mut edge = Vec::new();
        for j in 0..sh {
            for i in 0..sw {
                if !inside(&labels.samples, i, j) {
                    continue;
                }
                let out = i == 0
                    || j == 0
                    || i + 1 == sw
                    || j + 1 == sh
                    || !inside(&labels.samples, i - 1, j)
                    || !inside(&labels.samples, i + 1, j)
                    || !inside(&labels.samples, i, j - 1)
                    || !inside(&labels.samples, i, j + 1);
                if out {
                    edge.push(j * sw + i);
                }
            }
        }
        for k in edge {
            labels.samples[k].ground = SampleGround::Outline;
        }
        // Interior lines and spots.
        for line in &drawing.details {
            let pts: Vec<(f32, f32)> = line
                .iter()
                .map(|&p| {
                    let (u, v) = raster.grid_point(p);
                    (u * fx, v * fy)
                })
                .collect();
            if let [p] = pts.as_slice() {
                labels.detail(p.0, p.1);
            }
            for seg in pts.windows(2) {
                let ((ax, ay), (bx, by)) = (seg[0], seg[1]);
                let n = ((bx - ax).abs().max((by - ay).abs()) * 2.0).ceil().max(1.0) as usize;
                for k in 0..=n {
                    let t = k as f32 / n as f32;
                    labels.detail(ax + (bx - ax) * t, ay + (by - ay) * t);
                }
            }
        }
        // The overlay's marks.
        // Zones drawn as shapes are sampled here, the same polygons as every tier.
        let shapes = ZoneShapes::new(model, overlay, vp.view, vp.side);
        let table = MarkTable::new(model, overlay).without(shapes.replaced());
        for (k, s) in labels.samples.iter_mut().enumerate() {
            if let Some((r, side)) = s.region {
                s.marks = table.get(r, side);
                if shapes.replaced() != 0 {
                    let (i, j) = ((k % sw) as f32 + 0.5, (k / sw) as f32 + 0.5);
                    s.marks |= shapes.at(raster.view_point(i / fx, j / fy));
                }
            }
        }
        // A zone with no cell of its own (a cell of only body samples, one of them its
        // own, outside the X) claims one, by the rule every tier shares.
        let xs = x_cells(raster, overlay);
        let cell_of = |k: usize| (k / sw / sy) * width + (k % sw) / sx;
        let (mut body, mut other) = (vec![0u16; width * height], vec![0u16; width * height]);
        for (k, s) in labels.samples.iter().enumerate() {
            if s.ground == SampleGround::Body {
                body[cell_of(k)] += 1;
            } else {
                other[cell_of(k)] += 1;
            }
        }
        let room: Vec<u8> = body
            .iter()
            .zip(&other)
            .map(|(&b, &o)| match (b, o) {
                (0, _) => 0,
                (_, 0) => CLEAR,
                _ => PARTLY,
            })
            .collect();
        let mut own = vec![false; model.regions().len() * 3];
        for (k, s) in labels.samples.iter().enumerate() {
            let cell = cell_of(k);
            if let Some((r, side)) = s.region
                && room[cell] == CLEAR
                && !xs.contains(&cell)
            {
                own[slot(r, side)] = true;
            }
        }
        // A zone shape that no body sample of a clear cell shows claims the nearest one.
        let free = |c: usize| room[c] == CLEAR && !xs.contains(&c);
        let shown: Vec<Pt> = if shapes.replaced() == 0 {
            Vec::new()
        } else {
            (0..labels.samples.len())
                .filter(|&k| labels.samples[k].ground == SampleGround::Body && free(cell_of(k)))
                .map(|k| {
                    let (i, j) = ((k % sw) as f32 + 0.5, (k / sw) as f32 + 0.5);
                    raster.view_point(i / fx, j / fy)
                })
                .collect()
        };
        let cells = raster.cells();
        let inside = |c: usize| cells[c].region.is_some() && !xs.contains(&c);
        for (c, bit) in shapes.claims(raster, &shown, &room, inside) {
            let (cc, cr) = (c % width.max(1), c / width.max(1));
            // With no body between its lines, the claimed cell's lines give way.
            let cramped = room[c] == 0;
            for j in cr * sy..(cr + 1) * sy {
                for i in cc * sx..(cc + 1) * sx {
                    let s = &mut labels.samples[j * sw + i];
                    if cramped && s.ground != SampleGround::Background {
                        s.ground = SampleGround::Body;
                    }
                    if s.ground == SampleGround::Body {
                        s.marks |= bit;
                    }
                }
            }
        }
        let claims = zone_claims(raster, &table, &xs, &room, &own);
        for claim in claims {
            let (c, r) = (claim.cell % width.max(1), claim.cell / width.max(1));
            // With no body between its lines, the claimed cell's lines give way.
            let cramped = room[claim.cell] == 0;
            for j in r * sy..(r + 1) * sy {
                for i in c * sx..(c + 1) * sx {
                    let s = &mut labels.samples[j * sw + i];
                    if cramped && s.ground != SampleGround::Background {
                        s.ground = SampleGround::Body;
                    }
                    if s.ground == SampleGround::Body {
                        s.marks |= claim.flags;
                        s.region = Some((claim.region, claim.side));
                    }
                }
            }
        }
        labels
    }

    fn detail(&mut self, u: f32, v: f32) {
        if u < 0.0 || v < 0.0 {
            return;
        }
        let (i, j) = (u as usize, v as usize);
        let sw = self.width * self.sx;
        if i < sw
            && j < self.height * self.sy
            && self.samples[j * sw + i].ground == SampleGround::Body
        {
            self.samples[j * sw + i].ground = SampleGround::Detail;
        }
    }

    /// Samples across and down.
    pub fn size(&self) -> (usize, usize) {
        (self.width * self.sx, self.height * self.sy)
    }

    /// The sample at a column and row of the sample grid, if inside.
    pub fn sample(&self, i: usize, j: usize) -> Option<&Sample> {
        let (sw, sh) = self.size();
        (i < sw && j < sh).then(|| &self.samples[j * sw + i])
    }

    /// What a sample is drawn as: the outline over everything; essential solid;
    /// spillover a checkerboard of spillover and body; the selection over plain body.
    /// Without colour (`mono`) the selection is left to the cell's style.
    pub fn style_at(&self, i: usize, j: usize, mono: bool) -> Style {
        let Some(s) = self.sample(i, j) else {
            return Style::Background;
        };
        match s.ground {
            SampleGround::Background => Style::Background,
            SampleGround::Outline => Style::Outline,
            SampleGround::Detail => Style::Detail,
            SampleGround::Body => body_style(s.marks, i, j, mono),
        }
    }
}

/// What a body sample with these overlay marks shows at sample `(i, j)`: essential
/// solid; spillover a checkerboard of it and the body; the selection over plain body
/// (left to the cell's style without colour, `mono`). A compared second pattern is
/// solid and checkered too in colour; without colour its essential zone is horizontal
/// stripes and its spillover sparse dots, and the overlap vertical stripes, so all five
/// read apart in ink alone.
pub(crate) fn body_style(marks: u8, i: usize, j: usize, mono: bool) -> Style {
    let checker = (i + j).is_multiple_of(2);
    let shown = match zone_style(marks) {
        Some(Style::Essential) => true,
        Some(Style::Essential2) => !mono || j.is_multiple_of(2),
        Some(Style::Spillover2) if mono => i.is_multiple_of(2) && j.is_multiple_of(2),
        Some(Style::Overlap) if mono => i.is_multiple_of(2),
        Some(Style::Overlap) => marks & (ESSENTIAL | ESSENTIAL2) != 0 || checker,
        // Spillover of either pattern: the checkerboard.
        Some(_) => checker,
        None => false,
    };
    match zone_style(marks) {
        Some(style) if shown => style,
        _ if marks & SELECTED != 0 && !mono => Style::Selected,
        _ => Style::Body,
    }
}

/// How much a style counts when a cell must keep two of the styles of its samples: the
/// outline and the zones before the body.
fn weight(s: Style) -> u32 {
    match s {
        Style::Outline | Style::Detail => 4,
        Style::Essential | Style::Essential2 | Style::Overlap | Style::TriggerPoint => 3,
        Style::Spillover | Style::Spillover2 | Style::Selected => 2,
        _ => 1,
    }
}

/// Whether a style is ink (drawn in the foreground) in a monochrome picture.
fn ink(s: Style) -> bool {
    !matches!(s, Style::Background | Style::Body | Style::Selected)
}

/// A mosaic cell: its character, its foreground and background styles, and whether
/// its region is selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MosaicCell {
    /// The glyph, the foreground style, and the selection flag.
    pub cell: Cell,
    /// The background style (what the glyph's clear samples show).
    pub bg: Style,
}

/// The block character for a pattern of set samples (bit `k` = sample `k` in row-major
/// order) in a glyph set's cell.
pub fn block_char(glyphs: Glyphs, bits: u8) -> char {
    match glyphs {
        Glyphs::Half => match bits & 3 {
            0 => ' ',
            1 => '▀',
            2 => '▄',
            _ => '█',
        },
        Glyphs::Quadrant => QUADRANTS[usize::from(bits & 15)],
        Glyphs::Sextant => sextant(bits & 63),
        Glyphs::Octant => octant(bits),
        Glyphs::Ascii | Glyphs::Outline => ' ',
    }
}

const QUADRANTS: [char; 16] = [
    ' ', '▘', '▝', '▀', '▖', '▌', '▞', '▛', '▗', '▚', '▐', '▜', '▄', '▙', '▟', '█',
];

/// Sextants are U+1FB00 on, in pattern order, without the four patterns that older
/// blocks already have (empty, left half, right half, full).
fn sextant(bits: u8) -> char {
    match bits {
        0 => ' ',
        21 => '▌',
        42 => '▐',
        63 => '█',
        n => {
            let skip = u32::from(n > 21) + u32::from(n > 42);
            char::from_u32(0x1FB00 + u32::from(n) - 1 - skip).unwrap_or('?')
        }
    }
}

/// Octant patterns that other blocks already encode (Unicode 16 leaves them out of
/// U+1CD00..U+1CDE5, which holds the rest in pattern order).
const OCTANT_ELSEWHERE: [(u8, char); 26] = [
    (0, ' '),
    (1, '\u{1CEA8}'),
    (2, '\u{1CEAB}'),
    (3, '\u{1FB82}'),
    (5, '▘'),
    (10, '▝'),
    (15, '▀'),
    (20, '\u{1FBE6}'),
    (40, '\u{1FBE7}'),
    (63, '\u{1FB85}'),
    (64, '\u{1CEA3}'),
    (80, '▖'),
    (85, '▌'),
    (90, '▞'),
    (95, '▛'),
    (128, '\u{1CEA0}'),
    (160, '▗'),
    (165, '▚'),
    (170, '▐'),
    (175, '▜'),
    (192, '▂'),
    (240, '▄'),
    (245, '▙'),
    (250, '▟'),
    (252, '▆'),
    (255, '█'),
];

fn octant(bits: u8) -> char {
    match OCTANT_ELSEWHERE.binary_search_by_key(&bits, |&(b, _)| b) {
        Ok(k) => OCTANT_ELSEWHERE[k].1,
        Err(k) => char::from_u32(0x1CD00 + u32::from(bits) - k as u32).unwrap_or('?'),
    }
}

/// Paints a raster with an overlay as a filled mosaic: one cell per raster cell, row by
/// row. `mono` draws ink on paper (outline, zones and X as glyphs, the body blank, the
/// selection left to the cell's selected flag) for a terminal without colour. The X is
/// a whole cell (`X` over the zone it lies in) and the cursor keeps the cell's glyph.
pub fn paint(
    raster: &Raster<'_>,
    overlay: &Overlay,
    glyphs: Glyphs,
    mono: bool,
) -> Vec<MosaicCell> {
    let (sx, sy) = glyphs.samples().unwrap_or((2, 2));
    let labels = Labels::new(raster, overlay, sx, sy);
    paint_labels(raster, &labels, overlay, glyphs, mono)
}

/// [`paint`] from labels already sampled at the glyph set's resolution.
pub fn paint_labels(
    raster: &Raster<'_>,
    labels: &Labels,
    overlay: &Overlay,
    glyphs: Glyphs,
    mono: bool,
) -> Vec<MosaicCell> {
    let (w, h) = (labels.width, labels.height);
    let (sx, sy) = (labels.sx, labels.sy);
    let mut out = Vec::with_capacity(w * h);
    let mut styles: Vec<Style> = Vec::with_capacity(sx * sy);
    for r in 0..h {
        for c in 0..w {
            styles.clear();
            let mut selected = false;
            for j in r * sy..(r + 1) * sy {
                for i in c * sx..(c + 1) * sx {
                    styles.push(labels.style_at(i, j, mono));
                    if let Some(s) = labels.sample(i, j) {
                        selected |= s.marks & SELECTED != 0 && s.ground != SampleGround::Background;
                    }
                }
            }
            let (fg, bg) = if mono {
                let fg = styles
                    .iter()
                    .copied()
                    .filter(|&s| ink(s))
                    .max_by_key(|&s| weight(s))
                    .unwrap_or(Style::Background);
                (fg, Style::Background)
            } else {
                two_styles(&styles)
            };
            let mut bits = 0u8;
            for (k, &s) in styles.iter().enumerate() {
                let on = if mono {
                    ink(s)
                } else {
                    s == fg || (s != bg && weight(s) > weight(bg))
                };
                if on && fg != Style::Background {
                    bits |= 1 << k;
                }
            }
            let ch = block_char(glyphs, bits);
            let fg = if ch == ' ' { bg } else { fg };
            out.push(MosaicCell {
                cell: Cell {
                    ch,
                    style: fg,
                    selected,
                },
                bg: if ch == ' ' { Style::Background } else { bg },
            });
        }
    }

    let model = raster.model();
    let vp = raster.viewport();
    let mut labels = Vec::new();
    // The X (or its pattern's number) over the cell, on the cell's colour.
    let mark = |m: MosaicCell, ch: char| {
        let under = if m.cell.style == Style::Background || mono {
            Style::Background
        } else {
            m.cell.style
        };
        MosaicCell {
            cell: Cell {
                ch,
                style: Style::TriggerPoint,
                selected: m.cell.selected,
            },
            bg: under,
        }
    };
    for (tp, label) in overlay.marks() {
        let side = tp.location.side;
        if let Some(p) = model.trigger_point_at(&tp.id, &tp.location.region, vp.view, side)
            && let Some((c, r)) = raster.cell_of(p)
        {
            let i = usize::from(r) * w + usize::from(c);
            out[i] = mark(out[i], 'X');
            if label > 0 {
                labels.push((c, r, label));
            }
        }
    }
    for (c, r, label) in labels {
        let is_x = |i: usize| out[i].cell.style == Style::TriggerPoint && out[i].cell.ch == 'X';
        if let Some(i) = label_cell(c, r, raster.width(), is_x) {
            out[i] = mark(out[i], label_char(label));
        }
    }

    if let Some((c, r)) = overlay.cursor
        && c < raster.width()
        && let Some(m) = out.get_mut(usize::from(r) * w + usize::from(c))
    {
        m.cell.style = Style::Cursor;
        if m.cell.ch == ' ' {
            m.cell.ch = '◆';
        }
        m.bg = Style::Background;
    }
    out
}

/// The two styles a cell keeps: the heaviest by count times [`weight`]; the more
/// important one is the foreground.
fn two_styles(styles: &[Style]) -> (Style, Style) {
    let mut tally: [(Style, u32); 8] = [(Style::Background, 0); 8];
    let mut n = 0;
    for &s in styles {
        if let Some(t) = tally[..n].iter_mut().find(|t| t.0 == s) {
            t.1 += weight(s);
        } else if n < tally.len() {
            tally[n] = (s, weight(s));
            n += 1;
        }
    }
    let tally = &mut tally[..n];
    tally.sort_by_key(|t| std::cmp::Reverse(t.1));
    match tally {
        [] => (Style::Background, Style::Background),
        [(a, _)] => (*a, Style::Background),
        [(a, _), (b, _), ..] => {
            if *a == Style::Background {
                (*b, *a)
            } else if *b == Style::Background || weight(*a) >= weight(*b) {
                (*a, *b)
            } else {
                (*b, *a)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::body::overlay::SPILLOVER;
    use crate::body::raster::Viewport;
    use crate::body::{BodyModel, ViewId};

    fn model() -> &'static BodyModel {
        crate::body::shipped()
    }

    #[test]
    fn block_tables_match_the_unicode_blocks() {
        // Sextant patterns in order: the first, the ones around the skipped halves, the
        // last.
        assert_eq!(sextant(1), '\u{1FB00}');
        assert_eq!(sextant(20), '\u{1FB13}');
        assert_eq!(sextant(22), '\u{1FB14}');
        assert_eq!(sextant(62), '\u{1FB3B}');
        // Octants: the block starts at pattern 4 and ends at U+1CDE5.
        assert_eq!(octant(4), '\u{1CD00}');
        assert_eq!(octant(254), '\u{1CDE5}');
        let mut all: Vec<char> = (0..=255u8).map(octant).collect();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), 256);
        assert_eq!(block_char(Glyphs::Half, 1), '▀');
        assert_eq!(block_char(Glyphs::Quadrant, 9), '▚');
    }

    #[test]
    fn the_silhouette_is_filled_and_outlined() {
        let r = Raster::new(model(), Viewport::new(ViewId::Front, Side::Right, 40, 24));
        let l = Labels::new(&r, &Overlay::default(), 2, 4);
        let (sw, sh) = l.size();
        let count = |g| {
            (0..sh)
                .flat_map(|j| (0..sw).map(move |i| (i, j)))
                .filter(|&(i, j)| l.sample(i, j).is_some_and(|s| s.ground == g))
                .count()
        };
        let (body, outline) = (count(SampleGround::Body), count(SampleGround::Outline));
        assert!(body > outline && outline > 50, "{body} {outline}");
        // Nearly every sample inside carries a region (the shapes tile the body).
        let bare = (0..sh)
            .flat_map(|j| (0..sw).map(move |i| (i, j)))
            .filter(|&(i, j)| {
                l.sample(i, j)
                    .is_some_and(|s| s.ground == SampleGround::Body && s.region.is_none())
            })
            .count();
        assert!(bare * 50 < body, "{bare} of {body}");
    }

    #[test]
    fn zones_keep_the_outline_and_spillover_is_stippled() {
        let ov = Overlay::for_trigger_point(
            model(),
            "t",
            "jaw",
            &["temple".to_owned()],
            &["cheek".to_owned()],
            &[],
            Side::Right,
        );
        let r = Raster::new(
            model(),
            Viewport::new(ViewId::HeadFront, Side::Right, 40, 20),
        );
        let l = Labels::new(&r, &ov, 2, 4);
        let (sw, sh) = l.size();
        let mut spill = [0usize, 0];
        let mut essential = 0;
        for j in 0..sh {
            for i in 0..sw {
                let s = l.sample(i, j).unwrap();
                if s.ground == SampleGround::Outline {
                    assert_eq!(l.style_at(i, j, false), Style::Outline);
                }
                if s.ground == SampleGround::Body
                    && s.marks & SPILLOVER != 0
                    && s.marks & ESSENTIAL == 0
                {
                    spill[usize::from(l.style_at(i, j, false) == Style::Spillover)] += 1;
                }
                essential += usize::from(l.style_at(i, j, false) == Style::Essential);
            }
        }
        assert!(essential > 0);
        // Half the spillover samples show it, half the body.
        assert!(
            spill[0] > 0 && spill[1] > 0 && spill[0].abs_diff(spill[1]) <= spill[1] / 4 + 2,
            "{spill:?}"
        );
    }

    #[test]
    fn compared_zones_read_apart_without_colour_in_every_mosaic() {
        use crate::body::overlay::{ESSENTIAL2, SPILLOVER2};
        // Two cells of each zone kind, in ink alone: pattern 1's essential and spillover,
        // pattern 2's, and the overlap.
        let kinds = [
            ESSENTIAL,
            SPILLOVER,
            ESSENTIAL2,
            SPILLOVER2,
            ESSENTIAL | ESSENTIAL2,
        ];
        for glyphs in [
            Glyphs::Half,
            Glyphs::Quadrant,
            Glyphs::Sextant,
            Glyphs::Octant,
        ] {
            let (sx, sy) = glyphs.samples().unwrap();
            let looks: Vec<String> = kinds
                .iter()
                .map(|&marks| {
                    (0..2)
                        .map(|c| {
                            let mut bits = 0u8;
                            for j in 0..sy {
                                for a in 0..sx {
                                    if body_style(marks, c * sx + a, j, true) != Style::Body {
                                        bits |= 1 << (j * sx + a);
                                    }
                                }
                            }
                            block_char(glyphs, bits)
                        })
                        .collect()
                })
                .collect();
            let mut distinct = looks.clone();
            distinct.sort();
            distinct.dedup();
            assert_eq!(distinct.len(), kinds.len(), "{glyphs:?}: {looks:?}");
        }
    }

    #[test]
    fn mosaic_cells_use_their_glyph_set() {
        let ov = Overlay::default();
        let r = Raster::new(model(), Viewport::new(ViewId::Front, Side::Right, 40, 24));
        for glyphs in [
            Glyphs::Half,
            Glyphs::Quadrant,
            Glyphs::Sextant,
            Glyphs::Octant,
        ] {
            let cells = paint(&r, &ov, glyphs, false);
            let blocks = cells.iter().filter(|m| m.cell.ch == '█').count();
            assert!(blocks > 40, "{glyphs:?}: a filled body ({blocks})");
            let partial: Vec<char> = cells
                .iter()
                .map(|m| m.cell.ch)
                .filter(|&c| c != ' ' && c != '█')
                .collect();
            assert!(!partial.is_empty());
            for c in partial {
                let ok = match glyphs {
                    Glyphs::Half => "▀▄".contains(c),
                    Glyphs::Quadrant => QUADRANTS.contains(&c),
                    Glyphs::Sextant => ('\u{1FB00}'..='\u{1FB3B}').contains(&c) || "▌▐".contains(c),
                    _ => (0..=255u8).any(|b| octant(b) == c),
                };
                assert!(ok, "{glyphs:?}: {c:?}");
            }
        }
    }
}
