//! A body figure drawn as PDF vector paths, from the same body model shapes, marks and
//! painting order as the SVG export ([`crate::body::svg`]): the body's tone, the region
//! fills clipped to the silhouette, the interior lines, the outline, then each X with a
//! white halo. Spillover is a red stipple as in the SVG, so essential and spillover read
//! apart on a black-and-white printer too.

use pdf_writer::Content;
use pdf_writer::types::{LineCapStyle, LineJoinStyle};

use super::page::{Font, PAGE_H, put_text};
use crate::body::figure::{Figure, FigurePanel};
use crate::body::geom::Pt;
use crate::body::model::BodyModel;
use crate::body::overlay::{ESSENTIAL, MarkTable, Overlay, SELECTED, SPILLOVER, ZoneShapes};

const BODY: (f32, f32, f32) = (0.945, 0.863, 0.796);
const RED: (f32, f32, f32) = (0.784, 0.063, 0.18);
/// The selection's blue laid over the body tone (the SVG's 45 % blue, flattened: a PDF
/// without transparency groups prints the same everywhere).
const SELECTED_FILL: (f32, f32, f32) = (0.553, 0.698, 0.812);
const OUTLINE: (f32, f32, f32) = (0.353, 0.275, 0.22);
const DETAIL: (f32, f32, f32) = (0.54, 0.44, 0.376);
const X_INK: (f32, f32, f32) = (0.063, 0.125, 0.227);

/// Draws `figure` with `overlay` fitted into the box `width` by `height` points whose top
/// left corner is `(x, top)` (top measured down from the top of the page). Returns the
/// height used.
#[allow(
    clippy::too_many_arguments,
    reason = "a picture, its marks and its box"
)]
pub fn draw(
    c: &mut Content,
    model: &BodyModel,
    figure: &Figure,
    overlay: &Overlay,
    x: f32,
    top: f32,
    width: f32,
    height: f32,
) -> f32 {
    let title_h = 11.0;
    let k = (width / figure.width.max(1.0)).min((height - title_h) / figure.height.max(1.0));
    for panel in &figure.panels {
        let view = model.view(panel.view);
        // The panel's title above it, in page coordinates.
        let tx = x + k * panel.dest.x0;
        let ty = PAGE_H - top - 8.0;
        let title = view.title(panel.side);
        put_text(
            c,
            tx,
            ty,
            &title,
            Font::Bold,
            title_size(&title, k * panel.dest.width()),
            X_INK,
        );
        let origin = (x, PAGE_H - top - title_h);
        draw_panel(c, model, panel, overlay, k, origin);
    }
    title_h + k * figure.height
}

/// The size a view's title is set in: 7.5 pt, smaller where the view is narrower than
/// the words (a side view beside the front), so two titles never run into each other.
fn title_size(title: &str, room: f32) -> f32 {
    let full = 7.5;
    let w = super::page::width(title, Font::Bold, full);
    if w <= room || w <= 0.0 {
        full
    } else {
        (full * room / w).max(4.5)
    }
}

/// One view: the panel's own coordinates mapped onto the page (PDF's y runs up).
#[allow(
    clippy::too_many_lines,
    reason = "the layers of one view, in painting order, as in the SVG"
)]
fn draw_panel(
    c: &mut Content,
    model: &BodyModel,
    panel: &FigurePanel,
    overlay: &Overlay,
    k: f32,
    (x0, y0): (f32, f32),
) {
    let view = model.view(panel.view);
    let drawing = view.drawing(panel.side);
    // Zones drawn as shapes of their own replace their regions' fill, as in the SVG.
    let zones = ZoneShapes::new(model, overlay, panel.view, panel.side);
    let table = MarkTable::new(model, overlay).without(zones.replaced());
    let (sx, sy) = (k * panel.scale, k * panel.scale_y);
    let to_page = |p: Pt| {
        (
            x0 + k * panel.offset.x + sx * p.x,
            y0 - k * panel.offset.y - sy * p.y,
        )
    };
    let poly = |c: &mut Content, pts: &[Pt]| {
        for (i, p) in pts.iter().enumerate() {
            let (px, py) = to_page(*p);
            if i == 0 {
                c.move_to(px, py);
            } else {
                c.line_to(px, py);
            }
        }
        c.close_path();
    };
    c.save_state();
    // The silhouette, filled, then used as the clip so no region spills past the body.
    for outline in &drawing.outline {
        poly(c, outline.points());
    }
    c.set_fill_rgb(BODY.0, BODY.1, BODY.2);
    c.fill_nonzero();
    for outline in &drawing.outline {
        poly(c, outline.points());
    }
    c.clip_nonzero();
    c.end_path();
    let mut stipple = Vec::new();
    for shape in &drawing.shapes {
        let flags = table.get(shape.region, shape.side);
        let fill = if flags & ESSENTIAL != 0 {
            RED
        } else if flags & SPILLOVER != 0 {
            stipple.push(&shape.poly);
            continue;
        } else if flags & SELECTED != 0 {
            SELECTED_FILL
        } else {
            continue;
        };
        poly(c, shape.poly.points());
        c.set_fill_rgb(fill.0, fill.1, fill.2);
        c.fill_nonzero();
    }
    for (bit, shape) in zones.polygons() {
        if bit & ESSENTIAL != 0 {
            poly(c, shape.points());
            c.set_fill_rgb(RED.0, RED.1, RED.2);
            c.fill_nonzero();
        } else if bit & SPILLOVER != 0 {
            stipple.push(shape);
        }
    }
    // Spillover: red dots on a grid of the page (2.4 pt apart), clipped to each shape.
    for shape in stipple {
        c.save_state();
        poly(c, shape.points());
        c.clip_nonzero();
        c.end_path();
        let pts: Vec<(f32, f32)> = shape.points().iter().map(|p| to_page(*p)).collect();
        let (mut lx, mut ly, mut hx, mut hy) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for (px, py) in &pts {
            lx = lx.min(*px);
            ly = ly.min(*py);
            hx = hx.max(*px);
            hy = hy.max(*py);
        }
        c.set_fill_rgb(RED.0, RED.1, RED.2);
        let step = 2.4;
        let mut row = 0;
        let mut y = (ly / step).floor() * step;
        while y <= hy {
            let shift = if row % 2 == 0 { 0.0 } else { step / 2.0 };
            let mut x = (lx / step).floor() * step + shift;
            while x <= hx {
                c.rect(x - 0.45, y - 0.45, 0.9, 0.9);
                x += step;
            }
            c.fill_nonzero();
            y += step;
            row += 1;
        }
        c.restore_state();
    }
    c.restore_state();
    // Interior lines and the outline over the fills.
    c.set_line_cap(LineCapStyle::RoundCap);
    c.set_line_join(LineJoinStyle::RoundJoin);
    c.set_stroke_rgb(DETAIL.0, DETAIL.1, DETAIL.2);
    c.set_line_width(0.5);
    for line in &drawing.details {
        match line.as_slice() {
            [p] => {
                let (px, py) = to_page(*p);
                c.rect(px - 0.3, py - 0.3, 0.6, 0.6);
            }
            pts => {
                for (i, p) in pts.iter().enumerate() {
                    let (px, py) = to_page(*p);
                    if i == 0 {
                        c.move_to(px, py);
                    } else {
                        c.line_to(px, py);
                    }
                }
            }
        }
        c.stroke();
    }
    c.set_stroke_rgb(OUTLINE.0, OUTLINE.1, OUTLINE.2);
    c.set_line_width(0.8);
    for s in &drawing.boundary {
        let (ax, ay) = to_page(s.a);
        let (bx, by) = to_page(s.b);
        c.move_to(ax, ay);
        c.line_to(bx, by);
    }
    c.stroke();
    // Each X where the point lies in this view, white halo first.
    for tp in &overlay.trigger_points {
        let Some(p) =
            model.trigger_point_at(&tp.id, &tp.location.region, panel.view, tp.location.side)
        else {
            continue;
        };
        let (px, py) = to_page(p);
        let r = 3.2;
        for (w, ink) in [(2.6, (1.0, 1.0, 1.0)), (1.3, X_INK)] {
            c.set_stroke_rgb(ink.0, ink.1, ink.2);
            c.set_line_width(w);
            c.move_to(px - r, py - r);
            c.line_to(px + r, py + r);
            c.move_to(px - r, py + r);
            c.line_to(px + r, py - r);
            c.stroke();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::{Atlas, Side};
    use crate::body::frame::Frame;

    /// How many times the page switches its fill to the zones' red: once per essential
    /// fill and once per spillover stipple.
    fn red_fills(bytes: &[u8]) -> usize {
        let text = String::from_utf8_lossy(bytes);
        text.matches(&format!("{} {} {} rg", RED.0, RED.1, RED.2))
            .count()
    }

    /// A pattern drawn as shapes is painted from its shapes on the views that carry them,
    /// as the SVG and PNG are, not from the union of its regions: the handout shows the
    /// same band down the side of the leg as every other picture.
    #[test]
    fn a_title_shrinks_to_its_view_and_no_further_than_legible() {
        assert!((title_size("Front", 200.0) - 7.5).abs() < f32::EPSILON);
        let w = super::super::page::width("Right side", Font::Bold, 7.5);
        let s = title_size("Right side", w / 2.0);
        assert!((s - 3.75_f32.max(4.5)).abs() < 0.01, "{s}");
        let s = title_size("Right side", w * 0.8);
        assert!((s - 6.0).abs() < 0.01, "{s}");
    }

    #[test]
    fn a_zone_drawn_as_shapes_is_painted_from_its_shapes() {
        let atlas = Atlas::shipped().unwrap();
        let model = crate::body::shipped();
        let (_, tp) = atlas
            .trigger_points()
            .find(|(_, tp)| tp.id == "gluteus-minimus-anterior")
            .unwrap();
        let overlay = Overlay::of_point(&atlas, tp, Side::Right);
        let figure = Figure::of_frame(model, &Frame::for_overlay(model, &overlay), 300.0);
        let mut expected = 0;
        let mut checked = false;
        for panel in &figure.panels {
            let zones = ZoneShapes::new(model, &overlay, panel.view, panel.side);
            if zones.replaced() == 0 {
                continue;
            }
            checked = true;
            expected += zones.polygons().count();
            // What the old painting (every listed region filled) would have counted.
            let table = MarkTable::new(model, &overlay);
            let by_region = model
                .view(panel.view)
                .drawing(panel.side)
                .shapes
                .iter()
                .filter(|s| table.get(s.region, s.side) & (ESSENTIAL | SPILLOVER) != 0)
                .count();
            assert_ne!(
                by_region,
                zones.polygons().count(),
                "the test tells the two apart"
            );
            let mut c = Content::new();
            draw_panel(&mut c, model, panel, &overlay, 1.0, (0.0, 800.0));
            assert_eq!(
                red_fills(&c.finish()),
                zones.polygons().count(),
                "{:?}: one red fill per zone shape, none per region",
                panel.view
            );
        }
        assert!(
            checked && expected > 0,
            "the pattern has shapes on a view it shows"
        );
    }
}
