//! SVG export, straight from the vector body model (not from a raster), for handouts and
//! practice records.
//!
//! The contract scripts and tests rely on:
//! - each view is a `<g data-view="ID">` (the body model's view id: `Front`, `HandPalm`), with
//!   `data-side` on one-sided views (a right palm); its children are in the view's own
//!   coordinates (the group's `transform` places it in the document);
//! - every region shape of the view, marked or not, is a `<polygon>` with
//!   `data-region="ID"` and, for sided regions, `data-side="left|right"`;
//! - each pattern's zones are drawn again over them, in a `<g class="pattern"
//!   data-pattern="N">`, as polygons with `data-region`, `data-side`,
//!   `class="essential"` or `class="spillover"` and `data-pattern="N"`;
//! - each X is a `<circle data-tp="ID" cx=".." cy="..">` (with its cross beside it) in
//!   the view's coordinates, inside a `<g class="x" data-pattern="N">`.
//!
//! A figure can carry several patterns ([`Pattern`]); each gets its own number. The first
//! is red (essential solid, spillover dotted); a second, drawn over it for a comparison,
//! is blue hatching (dense for essential, sparse for spillover), so the two and their
//! overlap read apart in colour and in black and white, and each X is labelled with its
//! pattern's number.

use std::fmt::Write as _;

use super::figure::{Figure, FigurePanel};
use super::geom::Pt;
use super::model::{BodyModel, ViewId};
use super::overlay::{ESSENTIAL, MarkTable, Overlay, SELECTED, SPILLOVER, ZoneShapes};

/// The view's id as written in the SVG: the body model's own (`HeadFront`...).
pub fn view_id(view: ViewId) -> String {
    view.to_string()
}

/// One pattern drawn over a figure: its overlay and its number (`data-pattern`).
#[derive(Debug, Clone, Copy)]
pub struct Pattern<'a> {
    /// Zones, selection and X.
    pub overlay: &'a Overlay,
    /// Its number in the document, from 1.
    pub number: u8,
}

/// An SVG document being written: figures stacked top to bottom.
#[derive(Debug, Clone, Default)]
pub struct Svg {
    body: String,
    width: f32,
    height: f32,
    clips: usize,
}

/// The stylesheet: the body a soft tone, essential solid red, spillover a red stipple,
/// the X dark.
const STYLE: &str = "<style>\
.body{fill:#f1dccb;stroke:none}\
.region{fill:none;stroke:none}\
.essential{fill:#c8102e}\
.spillover{fill:url(#stipple)}\
.selected{fill:#4a7fd4;fill-opacity:0.45}\
.outline{fill:none;stroke:#5a4638;stroke-width:1.2;stroke-linejoin:round}\
.detail{fill:none;stroke:#8a7060;stroke-width:0.8;stroke-linecap:round}\
.tp{fill:none;stroke:#10203a;stroke-width:1.8;stroke-linecap:round}\
.tp-halo{fill:none;stroke:#ffffff;stroke-width:3.6;stroke-linecap:round}\
.title{font:bold 9px sans-serif;fill:#333}\
.pattern[data-pattern=\"2\"] .essential{fill:url(#hatch2)}\
.pattern[data-pattern=\"2\"] .spillover{fill:url(#hatch2s)}\
.xlabel{font:bold 9px sans-serif;fill:#10203a;stroke:#ffffff;stroke-width:2.4;paint-order:stroke}\
</style>";

fn fmt_pts(out: &mut String, pts: impl Iterator<Item = Pt>) {
    for (k, p) in pts.enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let _ = write!(out, "{:.2},{:.2}", p.x, p.y);
    }
}

/// Atlas text in the document ([`crate::escape::xml`]: well-formed whatever it holds).
fn esc(s: &str) -> String {
    crate::escape::xml(s)
}

impl Svg {
    /// An empty document.
    pub fn new() -> Svg {
        Svg::default()
    }

    /// Adds a figure below the ones before it, with a caption and its patterns.
    pub fn figure(
        &mut self,
        model: &BodyModel,
        figure: &Figure,
        caption: &str,
        patterns: &[Pattern<'_>],
    ) {
        let top = self.height + if self.height > 0.0 { 16.0 } else { 4.0 };
        let _ = write!(
            self.body,
            "<g class=\"figure\" transform=\"translate(0 {top:.2})\"><text class=\"title\" x=\"4\" y=\"9\">{}</text>",
            esc(caption)
        );
        let _ = write!(self.body, "<g transform=\"translate(0 14)\">");
        for panel in &figure.panels {
            self.view(model, panel, patterns);
        }
        self.body.push_str("</g></g>");
        self.width = self.width.max(figure.width);
        self.height = top + 14.0 + figure.height;
    }

    #[allow(
        clippy::too_many_lines,
        reason = "the layers of one view, in painting order"
    )]
    fn view(&mut self, model: &BodyModel, panel: &FigurePanel, patterns: &[Pattern<'_>]) {
        let view = model.view(panel.view);
        let drawing = view.drawing(panel.side);
        let b = &mut self.body;
        let _ = write!(b, "<g data-view=\"{}\"", view_id(panel.view));
        if !view.is_bilateral() {
            let _ = write!(b, " data-side=\"{}\"", panel.side.as_str());
        }
        let _ = write!(
            b,
            " transform=\"translate({:.2} {:.2}) scale({:.4})\">",
            panel.offset.x, panel.offset.y, panel.scale
        );
        let title = view.title(panel.side);
        let _ = write!(
            b,
            "<text class=\"title\" x=\"{:.2}\" y=\"{:.2}\" font-size=\"{:.2}\">{}</text>",
            panel.shown.x0,
            panel.shown.y0 - 2.0 / panel.scale,
            9.0 / panel.scale,
            esc(&title)
        );
        // The silhouette, and a clip path of it so regions never spill outside the body.
        self.clips += 1;
        let clip = format!("body{}", self.clips);
        let mut sil = String::new();
        for poly in &drawing.outline {
            sil.push('M');
            fmt_pts(&mut sil, poly.points().iter().copied());
            sil.push('Z');
        }
        let b = &mut self.body;
        let _ = write!(
            b,
            "<clipPath id=\"{clip}\"><path d=\"{sil}\" clip-rule=\"nonzero\"/></clipPath><path class=\"body\" d=\"{sil}\"/>"
        );
        let _ = write!(b, "<g clip-path=\"url(#{clip})\">");
        let region_el = |b: &mut String, shape: &super::model::Shape, class: &str, number: u8| {
            let _ = write!(
                b,
                "<polygon data-region=\"{}\"",
                model.region_id(shape.region)
            );
            if let Some(s) = shape.side {
                let _ = write!(b, " data-side=\"{}\"", s.as_str());
            }
            let _ = write!(b, " class=\"{class}\"");
            if number > 0 {
                let _ = write!(b, " data-pattern=\"{number}\"");
            }
            b.push_str(" points=\"");
            fmt_pts(b, shape.poly.points().iter().copied());
            b.push_str("\"/>");
        };
        b.push_str("<g class=\"regions\">");
        for shape in &drawing.shapes {
            region_el(b, shape, "region", 0);
        }
        b.push_str("</g>");
        for pat in patterns {
            // Zones drawn as shapes of their own replace their regions' fill here.
            let zones = ZoneShapes::new(model, pat.overlay, panel.view, panel.side);
            let table = MarkTable::new(model, pat.overlay).without(zones.replaced());
            let _ = write!(b, "<g class=\"pattern\" data-pattern=\"{}\">", pat.number);
            for shape in &drawing.shapes {
                let flags = table.get(shape.region, shape.side);
                let class = if flags & ESSENTIAL != 0 {
                    "essential"
                } else if flags & SPILLOVER != 0 {
                    "spillover"
                } else if flags & SELECTED != 0 {
                    "selected"
                } else {
                    continue;
                };
                region_el(b, shape, class, pat.number);
            }
            for (bit, class) in [(ESSENTIAL, "essential"), (SPILLOVER, "spillover")] {
                let polys = zones.polygons().filter(|(f, _)| *f == bit);
                let mut d = String::new();
                for (_, poly) in polys {
                    d.push('M');
                    fmt_pts(&mut d, poly.points().iter().copied());
                    d.push('Z');
                }
                if !d.is_empty() {
                    let _ = write!(
                        b,
                        "<path data-zone=\"shape\" class=\"{class}\" data-pattern=\"{}\" fill-rule=\"nonzero\" d=\"{d}\"/>",
                        pat.number
                    );
                }
            }
            b.push_str("</g>");
        }
        b.push_str("</g>");
        for line in &drawing.details {
            if let [p] = line.as_slice() {
                let _ = write!(
                    b,
                    "<circle class=\"detail\" cx=\"{:.2}\" cy=\"{:.2}\" r=\"0.8\"/>",
                    p.x, p.y
                );
            } else {
                b.push_str("<polyline class=\"detail\" points=\"");
                fmt_pts(b, line.iter().copied());
                b.push_str("\"/>");
            }
        }
        b.push_str("<path class=\"outline\" vector-effect=\"non-scaling-stroke\" d=\"");
        for s in &drawing.boundary {
            let _ = write!(b, "M{:.2},{:.2}L{:.2},{:.2}", s.a.x, s.a.y, s.b.x, s.b.y);
        }
        b.push_str("\"/>");
        for pat in patterns {
            for tp in &pat.overlay.trigger_points {
                let Some(p) = model.trigger_point_at(
                    &tp.id,
                    &tp.location.region,
                    panel.view,
                    tp.location.side,
                ) else {
                    continue;
                };
                let r = 5.0 / panel.scale;
                let cross = format!(
                    "M{:.2},{:.2}L{:.2},{:.2}M{:.2},{:.2}L{:.2},{:.2}",
                    p.x - r,
                    p.y - r,
                    p.x + r,
                    p.y + r,
                    p.x - r,
                    p.y + r,
                    p.x + r,
                    p.y - r
                );
                let _ = write!(
                    b,
                    "<g class=\"x\" data-pattern=\"{}\"><path class=\"tp-halo\" vector-effect=\"non-scaling-stroke\" d=\"{cross}\"/><path class=\"tp\" vector-effect=\"non-scaling-stroke\" d=\"{cross}\"/><circle data-tp=\"{}\" cx=\"{:.2}\" cy=\"{:.2}\" r=\"{r:.2}\" fill=\"none\" stroke=\"none\"/></g>",
                    pat.number,
                    esc(&tp.id),
                    p.x,
                    p.y
                );
                // Two patterns: each X says whose it is.
                if patterns.len() > 1 {
                    let _ = write!(
                        b,
                        "<text class=\"xlabel\" data-pattern=\"{n}\" x=\"{:.2}\" y=\"{:.2}\" font-size=\"{:.2}\">{n}</text>",
                        p.x + 1.4 * r,
                        p.y + 0.8 * r,
                        9.0 / panel.scale,
                        n = pat.number
                    );
                }
            }
        }
        b.push_str("</g>");
    }

    /// The finished document.
    pub fn finish(&self) -> String {
        let (w, h) = (self.width.max(1.0), (self.height + 4.0).max(1.0));
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {w:.2} {h:.2}\">\n<defs>{STYLE}<pattern id=\"stipple\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\"><rect width=\"4\" height=\"4\" fill=\"#f1dccb\"/><circle cx=\"1\" cy=\"1\" r=\"1\" fill=\"#c8102e\"/><circle cx=\"3\" cy=\"3\" r=\"1\" fill=\"#c8102e\"/></pattern><pattern id=\"hatch2\" width=\"3\" height=\"3\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"1.6\" height=\"3\" fill=\"#1f4fd0\"/></pattern><pattern id=\"hatch2s\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"0.9\" height=\"5\" fill=\"#1f4fd0\"/></pattern></defs>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n{}\n</svg>\n",
            self.body
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Side;
    use crate::body::frame::Frame;

    #[test]
    fn view_ids_are_the_models() {
        assert_eq!(view_id(ViewId::HeadFront), "HeadFront");
        assert_eq!(view_id(ViewId::Front), "Front");
    }

    #[test]
    fn every_region_of_a_view_is_a_polygon_and_zones_carry_their_class() {
        let m = crate::body::shipped();
        let ov = Overlay::for_trigger_point(
            m,
            "t",
            "buttock",
            &["calf".to_owned()],
            &["heel".to_owned()],
            &[],
            Side::Left,
        );
        let fig = Figure::of_frame(m, &Frame::whole_body(), 300.0);
        let mut svg = Svg::new();
        svg.figure(
            m,
            &fig,
            "test",
            &[Pattern {
                overlay: &ov,
                number: 1,
            }],
        );
        let doc = svg.finish();
        assert!(doc.starts_with("<?xml"));
        assert_eq!(doc.matches("data-view=\"Front\"").count(), 1);
        let shapes = m.view(ViewId::Front).drawing(Side::Left).shapes.len()
            + m.view(ViewId::Back).drawing(Side::Left).shapes.len();
        assert!(doc.matches("class=\"region\"").count() == shapes);
        assert!(doc.contains("data-region=\"calf\" data-side=\"left\" class=\"essential\""));
        assert!(doc.contains("data-region=\"heel\" data-side=\"left\" class=\"spillover\""));
        assert!(doc.contains("data-tp=\"t\""));
    }
}
