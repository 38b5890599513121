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
use super::page::{Anchor, Item, Page, Swatch};

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

/// The stylesheet, from [`super::palette`]: the body a soft tone, essential solid red,
/// spillover a red stipple, the X dark, the words in the X's ink.
fn style() -> String {
    use super::palette::{BLUE, BLUE2, DETAIL, INK, PAPER, RED, SKIN, X_INK, X2_INK, css};
    let (skin, red, blue, ink, detail, x, paper, blue2, x2) = (
        css(SKIN),
        css(RED),
        css(BLUE),
        css(INK),
        css(DETAIL),
        css(X_INK),
        css(PAPER),
        css(BLUE2),
        css(X2_INK),
    );
    format!(
        "<style>\
.body{{fill:{skin};stroke:none}}\
.region{{fill:none;stroke:none}}\
.essential{{fill:{red}}}\
.spillover{{fill:url(#stipple)}}\
.selected{{fill:{blue};fill-opacity:0.45}}\
.outline{{fill:none;stroke:{ink};stroke-linejoin:round}}\
.detail{{fill:none;stroke:{detail};stroke-linecap:round}}\
.tp{{fill:none;stroke:{x};stroke-width:2.4;stroke-linecap:round}}\
.tp-halo{{fill:none;stroke:{paper};stroke-width:5;stroke-linecap:round}}\
.title,.legend{{font-family:sans-serif;fill:{x}}}\
.heading,.caption,.side{{font-family:sans-serif;font-weight:bold;fill:{x}}}\
.note{{font-family:sans-serif;fill:{ink}}}\
.swatch{{stroke:{ink};stroke-width:0.6}}\
.swatch.blank{{fill:{skin}}}\
.swatch.essential2{{fill:url(#hatch2)}}\
.swatch.spillover2{{fill:url(#hatch2s)}}\
.tp2{{stroke:{x2}}}\
.pattern[data-pattern=\"2\"] .essential{{fill:url(#hatch2)}}\
.pattern[data-pattern=\"2\"] .spillover{{fill:url(#hatch2s)}}\
.xlabel{{font-family:sans-serif;font-weight:bold;fill:{x};stroke:{paper};paint-order:stroke}}\
</style><pattern id=\"stipple\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\"><rect width=\"4\" height=\"4\" fill=\"{skin}\"/><circle cx=\"1\" cy=\"1\" r=\"1\" fill=\"{red}\"/><circle cx=\"3\" cy=\"3\" r=\"1\" fill=\"{red}\"/></pattern><pattern id=\"hatch2\" width=\"3\" height=\"3\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"1.6\" height=\"3\" fill=\"{blue2}\"/></pattern><pattern id=\"hatch2s\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"0.9\" height=\"5\" fill=\"{blue2}\"/></pattern>"
    )
}

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

    /// Writes a laid-out [`Page`]: its words as `<text>` (escaped), its legend's
    /// swatches, and each figure (by index into `figures`) with its patterns.
    pub fn page(&mut self, model: &BodyModel, page: &Page, figures: &[(&Figure, &[Pattern<'_>])]) {
        for item in &page.items {
            match item {
                Item::Figure { index, x, y } => {
                    let Some((figure, patterns)) = figures.get(*index) else {
                        continue;
                    };
                    let _ = write!(
                        self.body,
                        "<g class=\"figure\" transform=\"translate({x:.2} {y:.2})\">"
                    );
                    for panel in &figure.panels {
                        self.view(model, panel, patterns);
                    }
                    self.body.push_str("</g>");
                }
                Item::Text {
                    x,
                    y,
                    cap,
                    text,
                    role,
                    anchor,
                } => {
                    let anchor = match anchor {
                        Anchor::Start => "start",
                        Anchor::Middle => "middle",
                    };
                    // A sans-serif capital is about 0.72 of its font size.
                    let _ = write!(
                        self.body,
                        "<text class=\"{}\" x=\"{x:.2}\" y=\"{y:.2}\" font-size=\"{:.2}\" text-anchor=\"{anchor}\">{}</text>",
                        role.class(),
                        cap / 0.72,
                        esc(text)
                    );
                }
                Item::Swatch { x, y, size, kind } => {
                    // Drawn 8 pattern units wide, so the stipple and hatching show at
                    // the size the figures show them.
                    let c = |class: &str| {
                        format!(
                            "<g transform=\"translate({x:.2} {y:.2}) scale({:.4})\"><rect class=\"swatch {class}\" width=\"8\" height=\"8\" style=\"stroke-width:{:.3}\"/></g>",
                            size / 8.0,
                            0.6 * 8.0 / size
                        )
                    };
                    let (mx, my, r) = (x + size / 2.0, y + size / 2.0, size * 0.28);
                    let cross = format!(
                        "M{:.2},{:.2}L{:.2},{:.2}M{:.2},{:.2}L{:.2},{:.2}",
                        mx - r,
                        my - r,
                        mx + r,
                        my + r,
                        mx - r,
                        my + r,
                        mx + r,
                        my - r
                    );
                    let el = match kind {
                        Swatch::Essential => c("essential"),
                        Swatch::Spillover => c("spillover"),
                        Swatch::Essential2 => c("essential2"),
                        Swatch::Spillover2 => c("spillover2"),
                        Swatch::TriggerPoint => format!(
                            "{}<path class=\"tp-halo\" d=\"{cross}\"/><path class=\"tp\" d=\"{cross}\"/>",
                            c("blank")
                        ),
                        Swatch::TriggerPoint2 => format!(
                            "{}<path class=\"tp-halo\" d=\"{cross}\"/><path class=\"tp tp2\" d=\"{cross}\"/><circle class=\"tp tp2\" cx=\"{mx:.2}\" cy=\"{my:.2}\" r=\"{:.2}\"/>",
                            c("blank"),
                            r * 1.25
                        ),
                    };
                    self.body.push_str(&el);
                }
            }
        }
        self.width = self.width.max(page.width);
        self.height = self.height.max(page.height);
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
        // Stroke widths in document units whatever the view's scale (inline, as not
        // every renderer honours `vector-effect`).
        let sw = |w: f32| format!(" style=\"stroke-width:{:.3}\"", w / panel.scale);
        let (thin, line_w, x_w, halo_w) = (sw(1.2), sw(2.4), sw(3.2), sw(6.4));
        for line in &drawing.details {
            if let [p] = line.as_slice() {
                let _ = write!(
                    b,
                    "<circle class=\"detail\"{thin} cx=\"{:.2}\" cy=\"{:.2}\" r=\"0.8\"/>",
                    p.x, p.y
                );
            } else {
                let _ = write!(b, "<polyline class=\"detail\"{thin} points=\"");
                fmt_pts(b, line.iter().copied());
                b.push_str("\"/>");
            }
        }
        let _ = write!(b, "<path class=\"outline\"{line_w} d=\"");
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
                // The X's half-width: 12 document units at the page's usual size.
                let r = 12.0 / panel.scale;
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
                    "<g class=\"x\" data-pattern=\"{}\"><path class=\"tp-halo\"{halo_w} d=\"{cross}\"/><path class=\"tp\"{x_w} d=\"{cross}\"/><circle data-tp=\"{}\" cx=\"{:.2}\" cy=\"{:.2}\" r=\"{r:.2}\" fill=\"none\" stroke=\"none\"/></g>",
                    pat.number,
                    esc(&tp.id),
                    p.x,
                    p.y
                );
                // Two patterns: each X says whose it is, 1 to the upper left, 2 (ringed)
                // to the upper right, so two X on one spot both stay readable.
                if patterns.len() > 1 {
                    let (x, anchor) = if pat.number == 1 {
                        (p.x - 1.5 * r, "end")
                    } else {
                        (p.x + 1.5 * r, "start")
                    };
                    if pat.number > 1 {
                        let _ = write!(
                            b,
                            "<circle class=\"tp tp2\"{x_w} cx=\"{:.2}\" cy=\"{:.2}\" r=\"{:.2}\"/>",
                            p.x,
                            p.y,
                            1.25 * r
                        );
                    }
                    let _ = write!(
                        b,
                        "<text class=\"xlabel\" data-pattern=\"{n}\"{halo_w} x=\"{x:.2}\" y=\"{:.2}\" font-size=\"{:.2}\" text-anchor=\"{anchor}\">{n}</text>",
                        p.y - 0.4 * r,
                        2.2 * r,
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
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {w:.2} {h:.2}\">\n<defs>{}</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"{}\"/>\n{}\n</svg>\n",
            style(),
            super::palette::css(super::palette::PAPER),
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
        let words = crate::body::page::Words {
            heading: "A <test> & more".to_owned(),
            captions: vec!["test".to_owned()],
            legend: crate::body::page::Words::single_legend(),
            notes: vec![crate::DISCLAIMER.to_owned()],
        };
        let page = crate::body::page::layout(m, &[&fig], &words);
        let mut svg = Svg::new();
        let pattern = [Pattern {
            overlay: &ov,
            number: 1,
        }];
        svg.page(m, &page, &[(&fig, &pattern)]);
        let doc = svg.finish();
        // The words as text, escaped: heading, view titles, R and L, legend, disclaimer.
        for want in [
            ">A &lt;test&gt; &amp; more</text>",
            ">Front</text>",
            ">Back</text>",
            ">R</text>",
            ">L</text>",
            ">essential zone (felt by nearly everyone)</text>",
            ">trigger point</text>",
            "not a diagnosis",
        ] {
            assert!(doc.contains(want), "{want}");
        }
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
