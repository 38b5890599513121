//! `painmap show MUSCLE [--tp ID] [--side S] [--ascii] [--width N] [--json]`: one muscle in full,
//! with the referral diagram of each trigger point.

use super::args::{PictureFormat, ShowArgs};
use super::{out, status};
use crate::atlas::{Atlas, Muscle, Side, TriggerPoint};
use crate::body::BodyModel;
use crate::body::diagram::{Diagram, render_lines, suggested_height};
use crate::body::figure::Figure;
use crate::body::frame::Frame;
use crate::body::glyphs::Glyphs;
use crate::body::overlay::Overlay;
use crate::body::{pixmap, svg};
use crate::color::Palette;
use crate::report::place;
use crate::term::graphics::{self, Terminal};
use std::fmt::Write as _;

/// How the diagrams are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiagramStyle {
    /// Columns to fit within.
    pub width: u16,
    /// The text tier: ASCII, line art or a block mosaic.
    pub glyphs: Glyphs,
    /// ANSI colour.
    pub color: bool,
    /// The terminal's palette, for the colours of a mosaic.
    pub palette: Palette,
    /// The patient's side the trigger point is drawn on (the classic charts use the
    /// right).
    pub side: Side,
    /// Draw real images through this terminal's protocol instead of text pictures.
    pub graphics: Option<Terminal>,
}

/// Prints the muscle's notes and each trigger point's pattern and diagram (or JSON, or
/// one SVG or PNG of the diagrams).
pub fn run(
    atlas: &Atlas,
    args: &ShowArgs,
    color: bool,
    palette: Palette,
    glyphs: Glyphs,
    graphics: Option<Terminal>,
) -> anyhow::Result<u8> {
    if let Some(layer) = args.layer {
        return super::layer::show(args, layer.kind(), color, palette, glyphs);
    }
    let Some(name) = &args.muscle else {
        anyhow::bail!("name a muscle, or a layer with --layer dermatomes|nerves|organs");
    };
    let muscle = atlas.resolve_muscle(name)?;
    let points = selected_points(muscle, args.tp.as_deref())?;
    if args.json {
        let mut m = muscle.clone();
        m.trigger_points = points.into_iter().cloned().collect();
        out::print(&out::json(&m)?)?;
        return Ok(status(true));
    }
    match args.format {
        PictureFormat::Svg => {
            let doc = svg_document(atlas, muscle, &points, args.side);
            match &args.out {
                Some(path) => write_file(path, doc.as_bytes())?,
                None => out::print(&doc)?,
            }
            return Ok(status(true));
        }
        PictureFormat::Png => {
            let Some(path) = &args.out else {
                anyhow::bail!("--format png writes a file: add --out FILE");
            };
            write_file(path, &png_image(atlas, &points, args.side)?)?;
            return Ok(status(true));
        }
        PictureFormat::Text => {}
    }
    let glyphs = if args.ascii { Glyphs::Ascii } else { glyphs };
    let graphics = graphics.filter(|_| !args.ascii);
    let style = DiagramStyle {
        width: args.width.unwrap_or_else(terminal_width),
        glyphs,
        color: color && glyphs != Glyphs::Ascii,
        palette,
        side: args.side,
        graphics,
    };
    out::print_raw(&text_of(atlas, muscle, &points, style))?;
    Ok(status(true))
}

/// What `show` prints as text: the muscle's notes and each point's picture, pure ASCII
/// when the tier is ASCII (for notes) and no image protocol is used.
pub fn text_of(atlas: &Atlas, m: &Muscle, points: &[&TriggerPoint], style: DiagramStyle) -> String {
    let text = details(atlas, m, points, Some(style));
    if style.glyphs == Glyphs::Ascii && style.graphics.is_none() {
        ascii_only(&text)
    } else {
        text
    }
}

/// Writes a picture file atomically (replacing one that is there: it was asked for).
pub(super) fn write_file(path: &std::path::Path, bytes: &[u8]) -> anyhow::Result<()> {
    crate::fsutil::write_atomic(path, bytes, true).map_err(|e| {
        anyhow::anyhow!(
            "cannot write {}: {}",
            path.display(),
            crate::fsutil::io_words(&e)
        )
    })
}

/// The caption of a trigger point's figure.
fn caption(m: &Muscle, tp: &TriggerPoint, side: Side) -> String {
    format!("{}: {} ({side})", m.name, tp.name)
}

/// Each trigger point's auto-framed figure, `height` units tall.
fn figures<'a>(
    atlas: &'a Atlas,
    points: &'a [&'a TriggerPoint],
    side: Side,
    height: f32,
) -> impl Iterator<Item = (&'a TriggerPoint, Overlay, Figure)> + 'a {
    let model = crate::body::shipped();
    points.iter().map(move |tp| {
        let overlay = Overlay::of_point(atlas, tp, side);
        let frame = Frame::for_overlay(model, &overlay);
        (
            *tp,
            overlay.clone(),
            Figure::of_frame(model, &frame, height),
        )
    })
}

/// One SVG document with a figure per trigger point.
pub fn svg_document(atlas: &Atlas, m: &Muscle, points: &[&TriggerPoint], side: Side) -> String {
    let model = crate::body::shipped();
    let mut doc = svg::Svg::new();
    for (tp, overlay, figure) in figures(atlas, points, side, 320.0) {
        let pattern = svg::Pattern {
            overlay: &overlay,
            number: 1,
        };
        doc.figure(model, &figure, &caption(m, tp, side), &[pattern]);
    }
    doc.finish()
}

/// One PNG with the trigger points' figures stacked.
fn png_image(atlas: &Atlas, points: &[&TriggerPoint], side: Side) -> anyhow::Result<Vec<u8>> {
    let model = crate::body::shipped();
    let pictures: Vec<tiny_skia::Pixmap> = figures(atlas, points, side, 480.0)
        .filter_map(|(_, overlay, figure)| pixmap::render(model, &figure, &overlay))
        .collect();
    let w = pictures
        .iter()
        .map(tiny_skia::Pixmap::width)
        .max()
        .unwrap_or(1);
    let h: u32 = pictures
        .iter()
        .map(tiny_skia::Pixmap::height)
        .sum::<u32>()
        .max(1);
    let mut sheet =
        tiny_skia::Pixmap::new(w, h).ok_or_else(|| anyhow::anyhow!("picture too large"))?;
    sheet.fill(tiny_skia::Color::WHITE);
    let mut y = 0;
    for p in &pictures {
        sheet.draw_pixmap(
            0,
            y as i32,
            p.as_ref(),
            &tiny_skia::PixmapPaint::default(),
            tiny_skia::Transform::identity(),
            None,
        );
        y += p.height();
    }
    sheet
        .encode_png()
        .map_err(|e| anyhow::anyhow!("cannot encode the PNG: {e}"))
}

/// The terminal's width when stdout is a terminal, else 80.
pub(super) fn terminal_width() -> u16 {
    use std::io::IsTerminal as _;
    if std::io::stdout().is_terminal()
        && let Ok((cols, _)) = ratatui::crossterm::terminal::size()
        && cols > 0
    {
        return cols;
    }
    80
}

/// Printable ASCII only (a safety net for atlases with other characters).
pub(super) fn ascii_only(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | ' '..='~' => c,
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            _ => '?',
        })
        .collect()
}

/// The diagram of one trigger point, as lines: text, or (with graphics) the titles as
/// text, the picture as an image in the protocol's escapes, the legend as text.
pub fn diagram(atlas: &Atlas, tp: &TriggerPoint, style: DiagramStyle) -> Vec<String> {
    let model = crate::body::shipped();
    let overlay = Overlay::of_point(atlas, tp, style.side);
    if let Some(term) = style.graphics
        && let Some(lines) = image_lines(model, &overlay, style, term, tp)
    {
        return lines;
    }
    let color = style.color.then_some(style.palette);
    render_lines(model, &overlay, style.width, style.glyphs, color)
}

/// The image form of [`diagram`], or `None` when it cannot be drawn (too small).
fn image_lines(
    model: &BodyModel,
    overlay: &Overlay,
    style: DiagramStyle,
    term: Terminal,
    tp: &TriggerPoint,
) -> Option<Vec<String>> {
    let glyphs = Glyphs::Outline;
    let d = Diagram::for_overlay(
        model,
        overlay,
        style.width,
        suggested_height(style.width),
        glyphs,
    );
    let canvas = d.draw(overlay, glyphs, !style.color);
    let text = if style.color {
        canvas.ansi_lines(style.palette)
    } else {
        canvas.lines()
    };
    let top = d.panels().iter().map(|p| p.row).min()?;
    let rows = d
        .panels()
        .iter()
        .map(|p| p.row + p.raster.height() - top)
        .max()?;
    if !graphics::fits((d.width(), rows), term.cell) {
        return None;
    }
    let (cw, ch) = (f32::from(term.cell.0.max(1)), f32::from(term.cell.1.max(1)));
    let figure = Figure::of_diagram(&d, cw, ch);
    let picture = pixmap::render(model, &figure, overlay)?;
    let size = (picture.width(), picture.height());
    // A new image id for each picture, so one printed earlier keeps its own.
    let id = (std::process::id() << 8) ^ u32::from(tp.id.bytes().fold(0u8, u8::wrapping_add)) | 1;
    let encoded = graphics::encode(
        term.protocol,
        pixmap::rgba(&picture),
        size,
        (d.width(), rows),
        term.tmux,
        id,
    )
    .ok()?;
    let mut lines: Vec<String> = text[..usize::from(top)].to_vec();
    lines.extend(encoded.lines().map(str::to_owned));
    lines.extend(
        text[usize::from(top + rows).min(text.len())..]
            .iter()
            .cloned(),
    );
    Some(lines)
}

/// The muscle's trigger points, or just the one `--tp` names.
pub fn selected_points<'a>(
    muscle: &'a Muscle,
    tp: Option<&str>,
) -> anyhow::Result<Vec<&'a TriggerPoint>> {
    match tp {
        None => Ok(muscle.trigger_points.iter().collect()),
        Some(id) => {
            if let Some(t) = muscle.trigger_points.iter().find(|t| t.id == id.trim()) {
                return Ok(vec![t]);
            }
            let ids: Vec<&str> = muscle
                .trigger_points
                .iter()
                .map(|t| t.id.as_str())
                .collect();
            anyhow::bail!(
                "muscle '{}' has no trigger point '{id}' (it has: {})",
                muscle.id,
                ids.join(", ")
            )
        }
    }
}

/// The muscle header and notes, then each trigger point (with its diagram when a style
/// is given).
pub fn details(
    atlas: &Atlas,
    m: &Muscle,
    points: &[&TriggerPoint],
    style: Option<DiagramStyle>,
) -> String {
    // Prose is wrapped to the width; diagram lines already fit (and may carry colour).
    let width = style.map_or(usize::MAX, |st| usize::from(st.width));
    let mut s = String::new();
    let mut prose = String::new();
    let _ = writeln!(prose, "{} ({})", m.name, m.id);
    if !m.aliases.is_empty() {
        let _ = writeln!(prose, "Also: {}", m.aliases.join(", "));
    }
    let _ = writeln!(prose, "Group: {}", m.group.as_str());
    let _ = writeln!(prose, "Source: {}\n", m.source);
    let _ = writeln!(prose, "{}\n", m.note);
    s.push_str(&wrap(&prose, width));
    for tp in points {
        prose.clear();
        trigger_point(&mut prose, atlas, tp);
        if let Some(style) = style {
            let _ = writeln!(prose, "  Diagram (the patient's {} side):", style.side);
        }
        s.push_str(&wrap(prose.trim_end_matches('\n'), width));
        s.push('\n');
        if let Some(style) = style {
            for line in diagram(atlas, tp, style) {
                let _ = writeln!(s, "{line}");
            }
        }
        s.push('\n');
    }
    prose.clear();
    list(&mut prose, "Aggravated by", &m.aggravating);
    list(&mut prose, "Self-care", &m.self_care);
    list(&mut prose, "Consider also", &m.differential);
    s.push_str(&wrap(&prose, width));
    s
}

/// Wraps each line at word boundaries to `width` columns. Continuation lines are
/// indented under the text after a leading label ("  Lies in:   ") or bullet ("  - "),
/// so fields and lists stay readable in a narrow terminal. The prose is atlas text:
/// control characters come out escaped ([`crate::escape::terminal`]).
pub fn wrap(text: &str, width: usize) -> String {
    let text = &*crate::escape::terminal(text);
    let mut out = String::new();
    for line in text.split('\n') {
        if line.chars().count() <= width {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let hang = hanging_indent(line).min(width / 2);
        let mut col = 0;
        for (i, word) in line.split(' ').enumerate() {
            let len = word.chars().count();
            // Leading spaces split into empty words: keep them.
            if i > 0 && col > 0 && col + 1 + len > width && col > hang {
                out.push('\n');
                out.push_str(&" ".repeat(hang));
                col = hang;
            } else if i > 0 {
                out.push(' ');
                col += 1;
            }
            // A word longer than a whole line is cut.
            let mut rest: Vec<char> = word.chars().collect();
            while col + rest.len() > width && rest.len() > width - hang.min(width - 1) {
                let take = width.saturating_sub(col).max(1);
                out.extend(rest.drain(..take.min(rest.len())));
                out.push('\n');
                out.push_str(&" ".repeat(hang));
                col = hang;
            }
            col += rest.len();
            out.extend(rest);
        }
        out.push('\n');
    }
    // `split` yields one more (empty) piece after a final newline.
    if text.ends_with('\n') {
        out.pop();
    }
    out
}

/// Where continuation lines of `line` start: after "  Label:   " or "  - ", else at its
/// own indentation.
fn hanging_indent(line: &str) -> usize {
    let lead = line.len() - line.trim_start().len();
    let rest = &line[lead..];
    if let Some(after) = rest.strip_prefix("- ").or_else(|| rest.strip_prefix("* ")) {
        return lead + 2 + (after.len() - after.trim_start().len());
    }
    match rest.find(": ") {
        Some(i) if i <= 12 && rest[..i].chars().all(|c| c.is_alphabetic() || c == ' ') => {
            let after = &rest[i + 1..];
            lead + i + 1 + (after.len() - after.trim_start().len())
        }
        _ => lead,
    }
}

fn trigger_point(s: &mut String, atlas: &Atlas, tp: &TriggerPoint) {
    let names = |ids: &[String]| {
        ids.iter()
            .map(|id| place(atlas, id, None))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(s, "* {} [{}] ({})", tp.name, tp.id, tp.likelihood.as_str());
    let _ = writeln!(
        s,
        "  Lies in:   {}: {}",
        place(atlas, &tp.location, None),
        tp.location_note
    );
    let _ = writeln!(s, "  Essential: {}", names(&tp.essential));
    if !tp.spillover.is_empty() {
        let _ = writeln!(s, "  Spillover: {}", names(&tp.spillover));
    }
    if !tp.crosses.is_empty() {
        let _ = writeln!(s, "  Both sides: {}", names(&tp.crosses));
    }
    if let Some(only) = tp.side {
        let _ = writeln!(s, "  Side:      {} only", only.as_str());
    }
    if !tp.symptoms.is_empty() {
        let _ = writeln!(s, "  Symptoms:  {}", tp.symptoms.join(", "));
    }
    if let Some(source) = &tp.source {
        let _ = writeln!(s, "  Source:    {source}");
    }
    s.push('\n');
}

fn list(s: &mut String, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(s, "{title}:");
    for item in items {
        let _ = writeln!(s, "  - {item}");
    }
    s.push('\n');
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrapped_lines_fit_and_keep_every_word() {
        let text = "  Lies in:   temple: At the front of the temple, one or two finger-widths \
                    behind the outer end of the eyebrow\n  - a bullet that goes on and on and \
                    on past the edge\nshort\nsupercalifragilisticexpialidocious-and-more-words";
        for width in [12, 20, 40, 80] {
            let out = wrap(text, width);
            for line in out.lines() {
                assert!(line.chars().count() <= width, "{width}: {line:?}");
            }
            let words = |s: &str| s.split_whitespace().collect::<String>();
            assert_eq!(words(&out), words(text), "{width}: nothing lost");
        }
        let out = wrap("  - one two three four five six", 14);
        assert_eq!(out, "  - one two\n    three four\n    five six\n");
    }
}

#[cfg(test)]
mod every_muscle {
    use super::*;

    /// Every muscle's `show --ascii` at 40 and 80 columns, rendered in process (the
    /// binary itself is run twice, in tests/it/show.rs): printable ASCII only, every line
    /// within the width, and each picture with its X, its essential zone and the legend.
    #[test]
    fn fits_40_and_80_columns_in_ascii_with_its_picture() {
        let atlas = Atlas::shipped().unwrap();
        for m in atlas.muscles() {
            let points: Vec<&TriggerPoint> = m.trigger_points.iter().collect();
            for width in [40u16, 80] {
                let style = DiagramStyle {
                    width,
                    glyphs: Glyphs::Ascii,
                    color: false,
                    palette: Palette::Ansi256,
                    side: Side::Right,
                    graphics: None,
                };
                let text = text_of(&atlas, m, &points, style);
                let id = &m.id;
                assert!(
                    text.bytes()
                        .all(|b| b == b'\n' || (0x20..0x7f).contains(&b)),
                    "{id} {width}: only printable ASCII"
                );
                for line in text.lines() {
                    assert!(line.len() <= usize::from(width), "{id} {width}: {line:?}");
                }
                assert!(text.contains('X'), "{id} {width}: the X\n{text}");
                assert!(text.contains("# essential"), "{id} {width}: the legend");
            }
        }
    }
}
