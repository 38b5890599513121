//! A layer as a picture from the vector shapes: an SVG document (for handouts) and a PNG.
//!
//! The SVG's contract: each view is a `<g data-view="ID">`; each entry's shape on a side
//! is a `<polygon data-dermatome="C6" data-side="left">` (`data-nerve`, `data-organ` for
//! the other layers) clipped to the body, and its label a `<text>` with the same
//! attributes holding its short name, with the full name in a `<title>`.

use std::fmt::Write as _;

use tiny_skia::{Color, FillRule, Mask, Paint, PathBuilder, Pixmap, Stroke, Transform};

use crate::atlas::Side;
use crate::body::figure::{Figure, FigurePanel};
use crate::body::geom::{Polygon, Pt};
use crate::body::model::BodyModel;
use crate::body::overlay::Overlay;
use crate::body::pixmap;

use super::paint::{frame, legend, title};
use super::{Kind, Layers, placed, sides_in};

/// The two fills entries alternate between (as in the text pictures).
const FILLS: [[u8; 3]; 2] = [[31, 79, 208], [110, 190, 235]];

/// One entry's shape placed in a panel: entry index, side, polygon (view coordinates).
type PlacedShape = (usize, Side, Polygon);

/// Every shape of the layer in a panel, in painting order.
fn shapes_in(
    model: &BodyModel,
    layers: &Layers,
    kind: Kind,
    panel: &FigurePanel,
) -> Vec<PlacedShape> {
    let view = model.view(panel.view);
    let mut out = Vec::new();
    for (k, e) in layers.entries.iter().enumerate() {
        if e.kind != kind {
            continue;
        }
        for &side in sides_in(view, panel.side) {
            out.extend(placed(e, view, side).map(|p| (k, side, p)));
        }
    }
    out
}

/// A point where an entry's shape is seen (inside the body, not under a later shape of
/// the layer): the seen sample nearest their middle; `None` when none is seen.
fn label_point(
    model: &BodyModel,
    panel: &FigurePanel,
    shapes: &[PlacedShape],
    at: usize,
) -> Option<Pt> {
    let (_, _, poly) = &shapes[at];
    let drawing = model.view(panel.view).drawing(panel.side);
    let b = poly.bbox();
    let (nx, ny) = (16, 32);
    let mut seen = Vec::new();
    for j in 0..ny {
        for i in 0..nx {
            let p = Pt::new(
                b.x0 + b.width() * (i as f32 + 0.5) / nx as f32,
                b.y0 + b.height() * (j as f32 + 0.5) / ny as f32,
            );
            let inside = poly.contains(p)
                && drawing.outline.iter().any(|o| o.contains(p))
                && !shapes[at + 1..].iter().any(|(_, _, q)| q.contains(p));
            if inside {
                seen.push(p);
            }
        }
    }
    let n = seen.len() as f32;
    let mx = seen.iter().map(|p| p.x).sum::<f32>() / n;
    let my = seen.iter().map(|p| p.y).sum::<f32>() / n;
    seen.into_iter().min_by(|a, b| {
        (a.x - mx)
            .hypot(a.y - my)
            .total_cmp(&(b.x - mx).hypot(b.y - my))
    })
}

fn points(out: &mut String, pts: impl Iterator<Item = Pt>) {
    for (k, p) in pts.enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let _ = write!(out, "{:.2},{:.2}", p.x, p.y);
    }
}

#[allow(
    clippy::too_many_lines,
    reason = "the parts of one document, in painting order"
)]
/// The layer as one SVG document: the whole body front and back and the close-ups the
/// layer reaches, each entry's shapes and labels, a legend and the sources.
pub fn svg(model: &BodyModel, layers: &Layers, kind: Kind) -> String {
    let figure = Figure::of_frame(model, &frame(layers, kind), 480.0);
    let esc = |s: &str| crate::escape::xml(s);
    let attr = format!("data-{}", kind.as_str());
    let mut b = String::new();
    let top = 22.0;
    let _ = write!(
        b,
        "<text class=\"title\" x=\"6\" y=\"14\">{}</text><g transform=\"translate(0 {top})\">",
        esc(title(kind))
    );
    for (n, panel) in figure.panels.iter().enumerate() {
        let view = model.view(panel.view);
        let drawing = view.drawing(panel.side);
        let _ = write!(b, "<g data-view=\"{}\"", panel.view);
        if !view.is_bilateral() {
            let _ = write!(b, " data-side=\"{}\"", panel.side.as_str());
        }
        let _ = write!(
            b,
            " transform=\"translate({:.2} {:.2}) scale({:.4})\">",
            panel.offset.x, panel.offset.y, panel.scale
        );
        let _ = write!(
            b,
            "<text class=\"title\" x=\"{:.2}\" y=\"{:.2}\" font-size=\"{:.2}\">{}</text>",
            panel.shown.x0,
            panel.shown.y0 - 2.0 / panel.scale,
            9.0 / panel.scale,
            esc(&view.title(panel.side))
        );
        let mut sil = String::new();
        for poly in &drawing.outline {
            sil.push('M');
            points(&mut sil, poly.points().iter().copied());
            sil.push('Z');
        }
        let _ = write!(
            b,
            "<clipPath id=\"layer-body{n}\"><path d=\"{sil}\"/></clipPath><path class=\"body\" d=\"{sil}\"/><g clip-path=\"url(#layer-body{n})\">"
        );
        let shapes = shapes_in(model, layers, kind, panel);
        let nth = |k: usize| {
            layers.entries[..k]
                .iter()
                .filter(|e| e.kind == kind)
                .count()
                % 2
        };
        for (k, side, poly) in &shapes {
            let e = &layers.entries[*k];
            let _ = write!(
                b,
                "<polygon {attr}=\"{}\" data-side=\"{}\" class=\"layer fill{}\" points=\"",
                esc(&e.id),
                side.as_str(),
                nth(*k)
            );
            points(&mut b, poly.points().iter().copied());
            let _ = write!(b, "\"><title>{}</title></polygon>", esc(&e.name));
        }
        b.push_str("</g><path class=\"outline\" vector-effect=\"non-scaling-stroke\" d=\"");
        for s in &drawing.boundary {
            let _ = write!(b, "M{:.2},{:.2}L{:.2},{:.2}", s.a.x, s.a.y, s.b.x, s.b.y);
        }
        b.push_str("\"/>");
        let size = 7.0 / panel.scale;
        let mut labelled: Vec<(usize, Side)> = Vec::new();
        for at in (0..shapes.len()).rev() {
            let (k, on, _) = &shapes[at];
            if labelled.contains(&(*k, *on)) {
                continue;
            }
            let Some(p) = label_point(model, panel, &shapes, at) else {
                continue;
            };
            labelled.push((*k, *on));
            let e = &layers.entries[*k];
            let _ = write!(
                b,
                "<text class=\"label\" {attr}=\"{}\" data-side=\"{}\" x=\"{:.2}\" y=\"{:.2}\" font-size=\"{size:.2}\" text-anchor=\"middle\">{}<title>{}</title></text>",
                esc(&e.id),
                on.as_str(),
                p.x,
                p.y + size * 0.35,
                esc(&e.short),
                esc(&e.name)
            );
        }
        b.push_str("</g>");
    }
    b.push_str("</g>");
    let mut y = top + figure.height + 16.0;
    for line in legend(layers, kind, 140, false) {
        let _ = write!(
            b,
            "<text class=\"legend\" x=\"6\" y=\"{y:.0}\">{}</text>",
            esc(&line)
        );
        y += 12.0;
    }
    let (w, h) = (figure.width.max(480.0), y + 4.0);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {w:.2} {h:.2}\" data-layer=\"{}\">\n<defs><style>\
.body{{fill:#f1dccb;stroke:none}}\
.fill0{{fill:#1f4fd0;fill-opacity:0.55;stroke:#10203a;stroke-width:0.25}}\
.fill1{{fill:#6ebeeb;fill-opacity:0.6;stroke:#10203a;stroke-width:0.25}}\
.outline{{fill:none;stroke:#5a4638;stroke-width:1.2;stroke-linejoin:round}}\
.label{{font-family:sans-serif;font-weight:bold;fill:#10203a;stroke:#ffffff;stroke-width:0.4;paint-order:stroke}}\
.title{{font:bold 10px sans-serif;fill:#333}}\
.legend{{font:9px sans-serif;fill:#333}}\
</style></defs>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n{b}\n</svg>\n",
        kind.plural()
    )
}

/// The layer as a PNG: the body (as `show --format png` draws it), each entry's shapes
/// filled in one of two alternating blues and outlined, clipped to the body. The labels
/// are in the SVG only (the PNG has no type).
pub fn png(model: &BodyModel, layers: &Layers, kind: Kind) -> Option<Vec<u8>> {
    let figure = Figure::of_frame(model, &frame(layers, kind), 720.0);
    let mut pixmap: Pixmap = pixmap::render(model, &figure, &Overlay::default())?;
    let id = Transform::identity();
    let unit = (figure.height / 240.0).max(0.6);
    let edge = Stroke {
        width: unit * 0.5,
        ..Stroke::default()
    };
    for panel in &figure.panels {
        let drawing = model.view(panel.view).drawing(panel.side);
        let mut sil = PathBuilder::new();
        for poly in &drawing.outline {
            pixmap::push_poly(&mut sil, poly.points(), panel);
        }
        let Some(sil) = sil.finish() else { continue };
        let mut mask = Mask::new(pixmap.width(), pixmap.height())?;
        mask.fill_path(&sil, FillRule::Winding, true, id);
        for (k, _, poly) in shapes_in(model, layers, kind, panel) {
            let nth = layers.entries[..k]
                .iter()
                .filter(|e| e.kind == kind)
                .count()
                % 2;
            let mut pb = PathBuilder::new();
            pixmap::push_poly(&mut pb, poly.points(), panel);
            let Some(path) = pb.finish() else { continue };
            let [r, g, bl] = FILLS[nth];
            let mut fill = Paint {
                anti_alias: true,
                ..Paint::default()
            };
            fill.set_color(Color::from_rgba8(r, g, bl, 150));
            pixmap.fill_path(&path, &fill, FillRule::EvenOdd, id, Some(&mask));
            let mut line = Paint {
                anti_alias: true,
                ..Paint::default()
            };
            line.set_color(Color::from_rgba8(16, 32, 58, 200));
            pixmap.stroke_path(&path, &line, &edge, id, Some(&mask));
        }
    }
    crate::body::png::encode(&pixmap).ok()
}
