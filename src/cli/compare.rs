//! `painmap compare MUSCLE|TP MUSCLE|TP [--side S] [--width N] [--format text|svg|png|json]`:
//! two referral patterns drawn on one body, and what only the first covers, what only
//! the second covers and what both cover, region by region ([`crate::compare`]).

use super::args::{CompareArgs, CompareFormat};
use super::show::{ascii_only, terminal_width, wrap, write_file};
use super::{out, status};
use crate::atlas::Atlas;
use crate::body::diagram::render_lines;
use crate::body::figure::Figure;
use crate::body::frame::Frame;
use crate::body::glyphs::Glyphs;
use crate::body::svg;
use crate::color::Palette;
use crate::compare::{Comparison, Line, Pattern, RegionCover, compare};
use serde::Serialize;
use std::fmt::Write as _;

/// Prints the comparison: text with the picture, one SVG document, or JSON.
pub fn run(
    atlas: &Atlas,
    args: &CompareArgs,
    color: bool,
    palette: Palette,
    glyphs: Glyphs,
) -> anyhow::Result<u8> {
    let first = Pattern::resolve(atlas, &args.first)?;
    let second = Pattern::resolve(atlas, &args.second)?;
    let cmp = compare(atlas, &first, &second, args.side);
    let format = if args.json {
        CompareFormat::Json
    } else {
        args.format
    };
    match format {
        CompareFormat::Json => out::print(&out::json(&JsonComparison::of(atlas, &cmp))?)?,
        CompareFormat::Svg => {
            let doc = svg_document(atlas, &cmp);
            match &args.out {
                Some(path) => write_file(path, doc.as_bytes())?,
                None => out::print(&doc)?,
            }
        }
        CompareFormat::Png => {
            let Some(path) = &args.out else {
                anyhow::bail!("--format png writes a file: add --out FILE");
            };
            write_file(path, &png_image(atlas, &cmp)?)?;
        }
        CompareFormat::Text => {
            let width = args.width.unwrap_or_else(terminal_width);
            let color = (color && glyphs != Glyphs::Ascii).then_some(palette);
            let text = text_of(atlas, &cmp, width, glyphs, color);
            if glyphs == Glyphs::Ascii {
                out::print(&ascii_only(&text))?;
            } else {
                out::print_raw(&text)?;
            }
        }
    }
    Ok(status(true))
}

/// Lines of a comparison in words, wrapped to `width`: headings flush, items indented.
fn words(lines: &[Line], width: usize) -> String {
    let mut prose = String::new();
    for line in lines {
        match line {
            Line::Heading(_, t) => {
                let _ = writeln!(prose, "{t}");
            }
            Line::Item(t) => {
                let _ = writeln!(prose, "   {t}");
            }
        }
    }
    wrap(&prose, width)
}

/// What `compare` prints as text: who the two are (where to press, symptoms), both drawn
/// on one body, then the regions only 1, only 2 and both cover.
pub fn text_of(
    atlas: &Atlas,
    cmp: &Comparison<'_>,
    width: u16,
    glyphs: Glyphs,
    color: Option<Palette>,
) -> String {
    let w = usize::from(width);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}",
        wrap(
            &format!(
                "Comparing 1 {} with 2 {}, on the patient's {} side",
                cmp.first.name(),
                cmp.second.name(),
                cmp.side
            ),
            w
        )
        .trim_end()
    );
    s.push('\n');
    s.push_str(&words(&cmp.pattern_lines(atlas), w));
    s.push('\n');
    let overlay = cmp.overlay(atlas);
    for line in render_lines(crate::body::shipped(), &overlay, width, glyphs, color) {
        let _ = writeln!(s, "{line}");
    }
    s.push('\n');
    s.push_str(&words(&cmp.region_lines(atlas), w));
    s
}

/// Both patterns on one body as a PNG, framed as the SVG is.
fn png_image(atlas: &Atlas, cmp: &Comparison<'_>) -> anyhow::Result<Vec<u8>> {
    let model = crate::body::shipped();
    let overlay = cmp.overlay(atlas);
    let figure = Figure::of_frame(model, &Frame::for_overlay(model, &overlay), 480.0);
    let picture = crate::body::pixmap::render(model, &figure, &overlay)
        .ok_or_else(|| anyhow::anyhow!("picture too large"))?;
    crate::body::png::encode(&picture).map_err(|e| anyhow::anyhow!("cannot encode the PNG: {e}"))
}

/// One SVG document: both patterns on one figure, pattern 1 as `data-pattern="1"`, 2 as
/// `data-pattern="2"`.
pub fn svg_document(atlas: &Atlas, cmp: &Comparison<'_>) -> String {
    let model = crate::body::shipped();
    let overlay = cmp.overlay(atlas);
    let frame = Frame::for_overlay(model, &overlay);
    let figure = Figure::of_frame(model, &frame, 320.0);
    let one = overlay.first_pattern();
    let two = overlay.second_pattern().unwrap_or_default();
    let caption = format!(
        "1 {} (red: solid essential, dotted spillover) and 2 {} (blue hatching: dense essential, sparse spillover), {} side",
        cmp.first.name(),
        cmp.second.name(),
        cmp.side
    );
    let mut doc = svg::Svg::new();
    doc.figure(
        model,
        &figure,
        &caption,
        &[
            svg::Pattern {
                overlay: &one,
                number: 1,
            },
            svg::Pattern {
                overlay: &two,
                number: 2,
            },
        ],
    );
    doc.finish()
}

/// `compare --json`.
#[derive(Debug, Serialize)]
struct JsonComparison<'a> {
    side: crate::atlas::Side,
    first: JsonPattern<'a>,
    second: JsonPattern<'a>,
    only_first: &'a [RegionCover],
    only_second: &'a [RegionCover],
    both: &'a [RegionCover],
}

/// One compared pattern in JSON.
#[derive(Debug, Serialize)]
struct JsonPattern<'a> {
    /// The id it was resolved to (a muscle's, or a trigger point's).
    id: &'a str,
    name: String,
    muscle: &'a str,
    trigger_points: Vec<JsonPoint<'a>>,
    where_to_press: String,
    symptoms: Vec<&'a str>,
}

/// A trigger point of a compared pattern in JSON.
#[derive(Debug, Serialize)]
struct JsonPoint<'a> {
    id: &'a str,
    name: &'a str,
    location: &'a str,
    location_note: &'a str,
}

impl<'a> JsonComparison<'a> {
    fn of(atlas: &Atlas, cmp: &'a Comparison<'a>) -> JsonComparison<'a> {
        let pattern = |p: &Pattern<'a>| JsonPattern {
            id: p.id(),
            name: p.name(),
            muscle: &p.muscle.id,
            trigger_points: p
                .points
                .iter()
                .map(|tp| JsonPoint {
                    id: &tp.id,
                    name: &tp.name,
                    location: &tp.location,
                    location_note: &tp.location_note,
                })
                .collect(),
            where_to_press: p.where_to_press(atlas),
            symptoms: p.symptoms(),
        };
        JsonComparison {
            side: cmp.side,
            first: pattern(&cmp.first),
            second: pattern(&cmp.second),
            only_first: &cmp.only_first,
            only_second: &cmp.only_second,
            both: &cmp.both,
        }
    }
}
