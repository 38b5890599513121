//! Real images: a [`Figure`] rasterised from the vector body model with tiny-skia, with
//! anti-aliasing, as the manual's charts draw it: the body a soft tone with a clear
//! outline, the essential zone solid red, the spillover stippled red, the selection blue,
//! the X dark on a white halo. A compared second pattern ([`Overlay::second`]) is blue
//! hatching over it, dense for essential and sparse for spillover (as the SVG draws it),
//! so the overlap reads as red under blue; its X is blue and ringed. Used for the
//! terminal graphics protocols and for `show --format png`.

#![allow(
    clippy::many_single_char_names,
    reason = "plane geometry and pixels: p, q, r, w, h"
)]

use tiny_skia::{
    Color, FillRule, FilterQuality, LineCap, LineJoin, Mask, Paint, Path, PathBuilder, Pattern,
    Pixmap, SpreadMode, Stroke, Transform,
};

use super::figure::{Figure, FigurePanel};
use super::font;
use super::model::BodyModel;
use super::overlay::{
    ESSENTIAL, ESSENTIAL2, MarkTable, Overlay, SELECTED, SPILLOVER, SPILLOVER2, TriggerMark,
    ZoneShapes,
};
use super::page::{Anchor, Item, Page, Role, Swatch};

pub use super::palette::{BLUE, BLUE2, INK, PAPER, RED, SKIN, X_INK, X2_INK};

/// What a comparison's marks are in this picture, for the legend beside it (each part
/// with the pattern it names): the text tiers' marks are not what the image shows.
pub const COMPARISON_LEGEND: [(u8, &str); 2] = [
    (1, "1 red: solid essential, dots spillover, X;"),
    (
        2,
        "2 blue: dense hatch essential, sparse spillover, ringed X",
    ),
];

fn color(c: [u8; 3]) -> Color {
    Color::from_rgba8(c[0], c[1], c[2], 255)
}

fn paint_of(c: [u8; 3]) -> Paint<'static> {
    let mut p = Paint::default();
    p.set_color(color(c));
    p.anti_alias = true;
    p
}

fn polygon_path(pts: &[super::geom::Pt], t: &FigurePanel) -> Option<Path> {
    let mut pb = PathBuilder::new();
    push_poly(&mut pb, pts, t);
    pb.finish()
}

/// The stipple tile: red dots on the body tone, on a `k`-pixel grid.
fn stipple(k: u32) -> Option<Pixmap> {
    let k = k.max(2);
    let mut tile = Pixmap::new(k * 2, k * 2)?;
    tile.fill(color(SKIN));
    let r = k as f32 * 0.45;
    for (cx, cy) in [(0.5, 0.5), (1.5, 1.5)] {
        let path = PathBuilder::from_circle(cx * k as f32, cy * k as f32, r)?;
        tile.fill_path(
            &path,
            &paint_of(RED),
            FillRule::Winding,
            Transform::identity(),
            None,
        );
    }
    Some(tile)
}

/// A hatching tile for the second pattern: a blue stripe `stripe` pixels wide every
/// `period` pixels; drawn at 45 degrees by the pattern's transform.
fn hatch(period: f32, stripe: f32) -> Option<Pixmap> {
    let n = period.round().max(2.0) as u32;
    let mut tile = Pixmap::new(n, n)?;
    let rect = tiny_skia::Rect::from_xywh(0.0, 0.0, stripe.clamp(1.0, n as f32 - 1.0), n as f32)?;
    tile.fill_rect(rect, &paint_of(BLUE2), Transform::identity(), None);
    Some(tile)
}

/// A paint that repeats `tile`, turned by `turn` (the hatching at 45 degrees, sampled
/// smoothly; the stipple upright, pixel for pixel).
fn tiled(tile: &Pixmap, quality: FilterQuality, turn: Transform) -> Paint<'_> {
    Paint {
        anti_alias: true,
        shader: Pattern::new(tile.as_ref(), SpreadMode::Repeat, quality, 1.0, turn),
        ..Paint::default()
    }
}

/// Draws a figure with one overlay into a new pixmap (`None` when the figure is empty or
/// too large to allocate).
#[allow(
    clippy::too_many_lines,
    reason = "the layers of one picture, in painting order"
)]
pub fn render(model: &BodyModel, figure: &Figure, overlay: &Overlay) -> Option<Pixmap> {
    let (w, h) = (figure.width.ceil() as u32, figure.height.ceil() as u32);
    let mut pixmap = Pixmap::new(w.max(1), h.max(1))?;
    pixmap.fill(color(PAPER));
    let table = MarkTable::new(model, overlay);
    // Line widths and the stipple follow the figure's size.
    let unit = (figure.height / 240.0).max(0.6);
    let tile = stipple((unit * 2.5).round() as u32)?;
    let dense = hatch(unit * 3.6, unit * 1.9)?;
    let sparse = hatch(unit * 6.0, unit * 1.1)?;
    let hatched = |tile| tiled(tile, FilterQuality::Bilinear, Transform::from_rotate(45.0));
    let (dense, sparse) = (hatched(&dense), hatched(&sparse));
    let stippled = tiled(&tile, FilterQuality::Nearest, Transform::identity());
    let seam = Stroke {
        width: unit * 0.6,
        line_join: LineJoin::Round,
        ..Stroke::default()
    };
    for panel in &figure.panels {
        let drawing = model.view(panel.view).drawing(panel.side);
        let mut sil = PathBuilder::new();
        for poly in &drawing.outline {
            push_poly(&mut sil, poly.points(), panel);
        }
        let Some(sil) = sil.finish() else { continue };
        let id = Transform::identity();
        pixmap.fill_path(&sil, &paint_of(SKIN), FillRule::Winding, id, None);
        let mut mask = Mask::new(pixmap.width(), pixmap.height())?;
        mask.fill_path(&sil, FillRule::Winding, true, id);

        // Zones drawn as shapes of their own replace their regions' fill on this view.
        let shapes = ZoneShapes::new(model, overlay, panel.view, panel.side);
        let zone_paths = [ESSENTIAL, SPILLOVER, ESSENTIAL2, SPILLOVER2]
            .into_iter()
            .filter_map(|bit| {
                let mut pb = PathBuilder::new();
                for (_, poly) in shapes.polygons().filter(|(b, _)| *b == bit) {
                    push_poly(&mut pb, poly.points(), panel);
                }
                pb.finish().map(|path| (bit, path, FillRule::Winding))
            });
        // Every shape in painting order (later shapes win), coloured by its marks, then
        // the zone shapes (each one path, so the union of its pieces has no seams).
        let regions = drawing.shapes.iter().filter_map(|shape| {
            let flags = table.get(shape.region, shape.side) & !shapes.replaced();
            let path = polygon_path(shape.poly.points(), panel)?;
            (flags != 0).then_some((flags, path, FillRule::EvenOdd))
        });
        for (flags, path, rule) in regions.collect::<Vec<_>>().into_iter().chain(zone_paths) {
            if flags & ESSENTIAL != 0 {
                pixmap.fill_path(&path, &paint_of(RED), rule, id, Some(&mask));
                // Two marked shapes meeting on a slant would leave an anti-aliased seam
                // of skin between them; a hairline of the same red closes it.
                pixmap.stroke_path(&path, &paint_of(RED), &seam, id, Some(&mask));
            } else if flags & SPILLOVER != 0 {
                pixmap.fill_path(&path, &stippled, rule, id, Some(&mask));
            }
            // The second pattern over the first: the overlap shows both.
            if flags & ESSENTIAL2 != 0 {
                pixmap.fill_path(&path, &dense, rule, id, Some(&mask));
            } else if flags & SPILLOVER2 != 0 {
                pixmap.fill_path(&path, &sparse, rule, id, Some(&mask));
            }
            if flags & SELECTED != 0 {
                let mut p = paint_of(BLUE);
                p.set_color(Color::from_rgba8(BLUE[0], BLUE[1], BLUE[2], 115));
                pixmap.fill_path(&path, &p, rule, id, Some(&mask));
            }
        }
        // Interior lines, then the outline over everything: zones never erase it.
        let thin = line(unit * 1.1);
        for line in &drawing.details {
            let mut pb = PathBuilder::new();
            if let [p] = line.as_slice() {
                let q = panel.place(*p);
                if let Some(c) = PathBuilder::from_circle(q.x, q.y, unit * 1.4) {
                    pixmap.fill_path(&c, &paint_of(INK), FillRule::Winding, id, None);
                }
                continue;
            }
            for (k, p) in line.iter().enumerate() {
                let q = panel.place(*p);
                if k == 0 {
                    pb.move_to(q.x, q.y);
                } else {
                    pb.line_to(q.x, q.y);
                }
            }
            if let Some(path) = pb.finish() {
                pixmap.stroke_path(&path, &paint_of(INK), &thin, id, None);
            }
        }
        let mut pb = PathBuilder::new();
        for s in &drawing.boundary {
            let (a, b) = (panel.place(s.a), panel.place(s.b));
            pb.move_to(a.x, a.y);
            pb.line_to(b.x, b.y);
        }
        if let Some(path) = pb.finish() {
            pixmap.stroke_path(&path, &paint_of(INK), &line(unit * 1.8), id, None);
        }
        // The X, dark on a white halo so it reads on red and on skin; the second
        // pattern's blue and ringed.
        let second = overlay.second.iter().flat_map(|z| &z.trigger_points);
        let marks = overlay
            .trigger_points
            .iter()
            .map(|tp| (tp, false))
            .chain(second.map(|tp| (tp, true)));
        let numbered = overlay.second.is_some();
        for (tp, is_second) in marks {
            draw_x(&mut pixmap, model, panel, tp, unit, (is_second, numbered));
        }
    }
    Some(pixmap)
}

/// Draws one trigger point's X in `panel`, if the view shows it: dark on a white halo,
/// or for a compared second pattern blue, with a ring round it. In a comparison
/// (`numbered`) each X carries its pattern's number, 1 above and to the left, 2 above
/// and to the right, so two X on one spot both stay readable.
fn draw_x(
    pixmap: &mut Pixmap,
    model: &BodyModel,
    panel: &FigurePanel,
    tp: &TriggerMark,
    unit: f32,
    (second, numbered): (bool, bool),
) {
    let Some(p) = model.trigger_point_at(&tp.id, &tp.location.region, panel.view, tp.location.side)
    else {
        return;
    };
    let q = panel.place(p);
    let r = (unit * 4.0).max(3.0);
    cross(pixmap, q.x, q.y, r, unit, second);
    if numbered {
        let cap = r * 1.6;
        let (label, x) = if second {
            ("2", q.x + r * 1.5)
        } else {
            ("1", q.x - r * 1.5 - font::width("1", cap))
        };
        let ink = if second { X2_INK } else { X_INK };
        draw_text(
            pixmap,
            label,
            x,
            q.y - r * 0.9,
            cap,
            true,
            ink,
            Some(unit * 3.0),
        );
    }
}

/// An X of half-width `r` at `(x, y)`, dark on a white halo; ringed and blue for a
/// compared second pattern.
fn cross(pixmap: &mut Pixmap, x: f32, y: f32, r: f32, unit: f32, second: bool) {
    let mut pb = PathBuilder::new();
    pb.move_to(x - r, y - r);
    pb.line_to(x + r, y + r);
    pb.move_to(x - r, y + r);
    pb.line_to(x + r, y - r);
    if second {
        pb.push_circle(x, y, r * 1.25);
    }
    let Some(path) = pb.finish() else {
        return;
    };
    let id = Transform::identity();
    pixmap.stroke_path(&path, &paint_of(PAPER), &line(unit * 4.5), id, None);
    let ink = if second { X2_INK } else { X_INK };
    pixmap.stroke_path(&path, &paint_of(ink), &line(unit * 2.2), id, None);
}

/// Draws a laid-out [`Page`]: each figure rendered with its overlay at its place, the
/// words drawn with the stroke font, the legend's swatches as the picture draws the
/// marks. `None` when the page is too large to allocate.
pub fn page(model: &BodyModel, page: &Page, figures: &[(&Figure, &Overlay)]) -> Option<Pixmap> {
    let (w, h) = (page.width.ceil() as u32, page.height.ceil() as u32);
    let mut sheet = Pixmap::new(w.max(1), h.max(1))?;
    sheet.fill(color(PAPER));
    let unit = figures.iter().map(|(f, _)| f.height).fold(0.0f32, f32::max) / 240.0;
    let id = Transform::identity();
    for item in &page.items {
        match item {
            Item::Figure { index, x, y } => {
                let Some((figure, overlay)) = figures.get(*index) else {
                    continue;
                };
                let picture = render(model, figure, overlay)?;
                sheet.draw_pixmap(
                    x.round() as i32,
                    y.round() as i32,
                    picture.as_ref(),
                    &tiny_skia::PixmapPaint::default(),
                    id,
                    None,
                );
            }
            Item::Text {
                x,
                y,
                cap,
                text,
                role,
                anchor,
            } => {
                let x0 = match anchor {
                    Anchor::Start => *x,
                    Anchor::Middle => x - font::width(text, *cap) / 2.0,
                };
                let ink = if *role == Role::Note { INK } else { X_INK };
                draw_text(&mut sheet, text, x0, *y, *cap, role.bold(), ink, None);
            }
            Item::Swatch { x, y, size, kind } => swatch(&mut sheet, *x, *y, *size, *kind, unit),
        }
    }
    Some(sheet)
}

/// Draws `text` with its baseline's left end at `(x, y)`, capitals `cap` tall, in `ink`;
/// `halo` draws a paper-coloured band under it first (a label over the picture).
#[allow(
    clippy::too_many_arguments,
    reason = "a text's place, size, weight, ink and halo"
)]
fn draw_text(
    pixmap: &mut Pixmap,
    text: &str,
    x: f32,
    y: f32,
    cap: f32,
    bold: bool,
    ink: [u8; 3],
    halo: Option<f32>,
) {
    let mut pb = PathBuilder::new();
    font::text(&mut pb, text, x, y, cap);
    let Some(path) = pb.finish() else { return };
    let width = cap * if bold { 0.16 } else { 0.1 };
    let id = Transform::identity();
    if let Some(extra) = halo {
        pixmap.stroke_path(&path, &paint_of(PAPER), &line(width + extra), id, None);
    }
    pixmap.stroke_path(&path, &paint_of(ink), &line(width), id, None);
}

/// A legend swatch: the mark it names, in a square with an outline.
fn swatch(pixmap: &mut Pixmap, x: f32, y: f32, size: f32, kind: Swatch, unit: f32) {
    let Some(rect) = tiny_skia::Rect::from_xywh(x, y, size, size) else {
        return;
    };
    let square = PathBuilder::from_rect(rect);
    let id = Transform::identity();
    let unit = unit.max(0.6);
    pixmap.fill_path(&square, &paint_of(SKIN), FillRule::Winding, id, None);
    let tile = stipple((unit * 2.5).round() as u32);
    let dense = hatch(unit * 3.6, unit * 1.9);
    let sparse = hatch(unit * 6.0, unit * 1.1);
    let turn = Transform::from_rotate(45.0);
    match kind {
        Swatch::Essential => {
            pixmap.fill_path(&square, &paint_of(RED), FillRule::Winding, id, None);
        }
        Swatch::Spillover => {
            if let Some(t) = &tile {
                let p = tiled(t, FilterQuality::Nearest, Transform::identity());
                pixmap.fill_path(&square, &p, FillRule::Winding, id, None);
            }
        }
        Swatch::Essential2 | Swatch::Spillover2 => {
            let t = if kind == Swatch::Essential2 {
                &dense
            } else {
                &sparse
            };
            if let Some(t) = t {
                let p = tiled(t, FilterQuality::Bilinear, turn);
                pixmap.fill_path(&square, &p, FillRule::Winding, id, None);
            }
        }
        Swatch::TriggerPoint | Swatch::TriggerPoint2 => {
            let second = kind == Swatch::TriggerPoint2;
            cross(
                pixmap,
                x + size / 2.0,
                y + size / 2.0,
                size * 0.28,
                unit,
                second,
            );
        }
    }
    let edge = Stroke {
        width: unit * 0.8,
        ..Stroke::default()
    };
    pixmap.stroke_path(&square, &paint_of(INK), &edge, id, None);
}

/// Rings the box `w` by `h` at `(x, y)`: the keyboard cursor over a picture, dark on a
/// light halo so it reads on skin, red and paper alike.
pub fn ring(pixmap: &mut Pixmap, x: f32, y: f32, w: f32, h: f32) {
    let inset = (w.min(h) * 0.12).max(1.0);
    let Some(rect) = tiny_skia::Rect::from_xywh(
        x + inset,
        y + inset,
        (w - 2.0 * inset).max(1.0),
        (h - 2.0 * inset).max(1.0),
    ) else {
        return;
    };
    let path = PathBuilder::from_rect(rect);
    let id = Transform::identity();
    let width = (w.min(h) * 0.14).max(1.0);
    let halo = Stroke {
        width: width * 2.2,
        ..Stroke::default()
    };
    pixmap.stroke_path(&path, &paint_of(PAPER), &halo, id, None);
    let ink = Stroke {
        width,
        ..Stroke::default()
    };
    pixmap.stroke_path(&path, &paint_of(X_INK), &ink, id, None);
}

/// The pixmap's pixels as straight (not premultiplied) RGBA rows.
pub fn rgba(pixmap: &Pixmap) -> Vec<u8> {
    pixmap.clone().take_demultiplied()
}

/// Adds a polygon's points, placed in the panel's pixels, to `pb` as one closed subpath.
pub(crate) fn push_poly(pb: &mut PathBuilder, pts: &[super::geom::Pt], panel: &FigurePanel) {
    for (k, p) in pts.iter().enumerate() {
        let q = panel.place(*p);
        if k == 0 {
            pb.move_to(q.x, q.y);
        } else {
            pb.line_to(q.x, q.y);
        }
    }
    pb.close();
}

/// A stroke of `width` pixels with round caps and joins, as every line here is drawn.
fn line(width: f32) -> Stroke {
    Stroke {
        width,
        line_cap: LineCap::Round,
        line_join: LineJoin::Round,
        ..Stroke::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Side;
    use crate::body::ViewId;
    use crate::body::frame::Frame;

    /// Every pixel's colour, row by row.
    fn colours(p: &Pixmap) -> Vec<[u8; 3]> {
        p.pixels()
            .iter()
            .map(|c| {
                let c = c.demultiply();
                [c.red(), c.green(), c.blue()]
            })
            .collect()
    }

    fn px(p: &Pixmap, x: f32, y: f32) -> [u8; 3] {
        let c = p.pixel(x as u32, y as u32).unwrap().demultiply();
        [c.red(), c.green(), c.blue()]
    }

    /// A comparison: the second pattern's zones are blue hatching (over red where both
    /// reach, over skin elsewhere), and its X is blue.
    #[test]
    fn a_second_pattern_is_blue_hatching_with_a_blue_x() {
        let m = crate::body::shipped();
        let one = Overlay::for_trigger_point(
            m,
            "t1",
            "thigh-front",
            &["calf".to_owned(), "heel".to_owned()],
            &[],
            &[],
            Side::Right,
        );
        let two = Overlay::for_trigger_point(
            m,
            "t2",
            "buttock",
            &["thigh-back".to_owned(), "calf".to_owned()],
            &[],
            &[],
            Side::Right,
        );
        let mut ov = one.clone();
        ov.second = Some(super::super::overlay::Zones {
            essential: two.essential,
            spillover: two.spillover,
            trigger_points: two.trigger_points,
        });
        let fig = Figure::of_frame(m, &Frame::whole_body(), 600.0);
        let p = render(m, &fig, &ov).unwrap();
        let back = fig.panels.iter().find(|q| q.view == ViewId::Back).unwrap();
        let v = m.view(ViewId::Back);
        // The colours in a small box round a region's anchor.
        let around = |region: &str| {
            let a = v
                .anchor(m.region_index(region).unwrap(), Some(Side::Right))
                .unwrap();
            let q = back.place(a);
            let mut seen = Vec::new();
            for dy in -4..=4 {
                for dx in -4..=4 {
                    seen.push(px(&p, q.x + dx as f32, q.y + dy as f32));
                }
            }
            seen
        };
        let has = |seen: &[[u8; 3]], c: [u8; 3]| seen.contains(&c);
        let thigh = around("thigh-back");
        assert!(
            has(&thigh, BLUE2) && has(&thigh, SKIN) && !has(&thigh, RED),
            "2 only"
        );
        let calf = around("calf");
        assert!(has(&calf, BLUE2) && has(&calf, RED), "both");
        let heel = around("heel");
        assert!(has(&heel, RED) && !has(&heel, BLUE2), "1 only");
        let all = colours(&p);
        assert!(
            all.iter().filter(|&&c| c == X2_INK).count() > 20,
            "the second X"
        );
        assert!(
            all.iter().filter(|&&c| c == X_INK).count() > 20,
            "the first X"
        );
    }

    /// Two patterns' X on the same spot: each carries its number, 1 in the first
    /// pattern's ink to the left of the X, 2 in the second's to the right, outside the
    /// ring, so neither hides the other.
    #[test]
    fn compared_x_on_one_spot_are_numbered_on_either_side() {
        let m = crate::body::shipped();
        let one = Overlay::for_trigger_point(m, "t1", "calf", &[], &[], &[], Side::Right);
        let mut ov = one.clone();
        ov.second = Some(super::super::overlay::Zones {
            essential: Vec::new(),
            spillover: Vec::new(),
            trigger_points: one.trigger_points.clone(),
        });
        let fig = Figure::of_frame(m, &Frame::whole_body(), 1600.0);
        let p = render(m, &fig, &ov).unwrap();
        let back = fig.panels.iter().find(|q| q.view == ViewId::Back).unwrap();
        let tp = &ov.trigger_points[0];
        let at = m
            .trigger_point_at(&tp.id, &tp.location.region, ViewId::Back, tp.location.side)
            .unwrap();
        let q = back.place(at);
        let unit = fig.height / 240.0;
        let r = unit * 4.0;
        // Count an ink in a box beside the X, beyond its ring.
        let count = |x0: f32, x1: f32, ink: [u8; 3]| {
            let mut n = 0;
            for y in (q.y - 3.0 * r) as i32..(q.y + r) as i32 {
                for x in x0 as i32..x1 as i32 {
                    if px(&p, x as f32, y as f32) == ink {
                        n += 1;
                    }
                }
            }
            n
        };
        let left = count(q.x - 4.5 * r, q.x - 1.6 * r, X_INK);
        let right = count(q.x + 1.6 * r, q.x + 4.5 * r, X2_INK);
        assert!(left > 30 && right > 30, "1: {left} px, 2: {right} px");
        // Without a comparison there are no numbers.
        let alone = render(m, &fig, &one).unwrap();
        let mut n = 0;
        for y in (q.y - 3.0 * r) as i32..(q.y + r) as i32 {
            for x in (q.x - 4.5 * r) as i32..(q.x - 1.6 * r) as i32 {
                if px(&alone, x as f32, y as f32) == X_INK {
                    n += 1;
                }
            }
        }
        assert_eq!(n, 0);
    }

    /// A page has its words drawn: ink above the figure where the heading is, and
    /// below it where the legend and the notes are.
    #[test]
    fn a_page_draws_its_words_around_the_figure() {
        let m = crate::body::shipped();
        let ov = Overlay::for_trigger_point(m, "t", "calf", &[], &[], &[], Side::Right);
        let fig = Figure::of_frame(m, &Frame::whole_body(), 800.0);
        let words = crate::body::page::Words {
            heading: "Soleus: TrP1".to_owned(),
            captions: vec!["Drawn on the patient's right side".to_owned()],
            legend: crate::body::page::Words::single_legend(),
            notes: vec![crate::DISCLAIMER.to_owned()],
        };
        let laid = crate::body::page::layout(m, &[&fig], &words);
        let sheet = page(m, &laid, &[(&fig, &ov)]).unwrap();
        assert!(sheet.height() > 800);
        let Some(Item::Figure { y: top, .. }) =
            laid.items.iter().find(|i| matches!(i, Item::Figure { .. }))
        else {
            panic!("a figure");
        };
        let inked = |y0: u32, y1: u32| {
            (y0..y1)
                .flat_map(|y| (0..sheet.width()).map(move |x| (x, y)))
                .filter(|&(x, y)| px(&sheet, x as f32, y as f32) == X_INK)
                .count()
        };
        assert!(inked(0, *top as u32) > 200, "the heading");
        let below = (*top + fig.height) as u32;
        assert!(inked(below, sheet.height()) > 200, "the legend");
    }

    #[test]
    fn the_picture_has_skin_red_stipple_an_outline_and_the_x() {
        let m = crate::body::shipped();
        let ov = Overlay::for_trigger_point(
            m,
            "t",
            "calf",
            &["thigh-back".to_owned()],
            &["heel".to_owned()],
            &[],
            Side::Right,
        );
        let fig = Figure::of_frame(m, &Frame::whole_body(), 480.0);
        let p = render(m, &fig, &ov).unwrap();
        assert_eq!(p.height(), 480);
        let all = colours(&p);
        for (what, c) in [
            ("paper", PAPER),
            ("skin", SKIN),
            ("red", RED),
            ("ink", INK),
            ("x", X_INK),
        ] {
            assert!(all.iter().filter(|&&p| p == c).count() > 20, "{what}");
        }
        // Anti-aliased: colours between skin and ink along the outline.
        let between = all
            .iter()
            .filter(|c| ![PAPER, SKIN, RED, INK, X_INK].contains(c))
            .count();
        assert!(between > 100, "{between}");
        // The back of the right thigh is red in the back view, on the viewer's right.
        let back = fig.panels.iter().find(|q| q.view == ViewId::Back).unwrap();
        let v = m.view(ViewId::Back);
        let a = v
            .anchor(m.region_index("thigh-back").unwrap(), Some(Side::Right))
            .unwrap();
        let q = back.place(a);
        assert_eq!(px(&p, q.x, q.y), RED);
        assert!(q.x > f32::midpoint(back.dest.x0, back.dest.x1));
    }
}
