//! Diagrams: panels (views) side by side, each with a title ("Front", "Back", "Right
//! palm"...) and, on both-sided views, the R and L labels of the patient's sides; a
//! legend naming the marks; composed into a [`Canvas`] of cells that prints as plain text
//! or ANSI colour, and that answers hit-tests ([`Diagram::region_at`]).

use std::fmt::Write as _;

use super::frame::{Frame, PanelSpec};
use super::glyphs::{Cell, GlyphSet, Glyphs, Style};
use super::model::BodyModel;
#[cfg(test)]
use super::model::ViewId;
use super::mosaic;
use super::overlay::{ESSENTIAL, ESSENTIAL2, Overlay, SPILLOVER, SPILLOVER2, paint};
use super::raster::{Raster, Viewport, cols_per_row, shown_box};
use crate::atlas::RegionInstance;
use crate::color::Palette;

/// Columns between panels.
const GAP: u16 = 2;
/// Below this many rows an optional panel is dropped rather than shrinking the others.
const MIN_ROWS: u16 = 14;

/// A panel placed in a diagram.
#[derive(Debug, Clone)]
pub struct Panel<'m> {
    /// What it shows.
    pub spec: PanelSpec,
    /// Its title, e.g. "Front" or "Right palm".
    pub title: String,
    /// Left column of the panel in the diagram.
    pub col: u16,
    /// Top row of the picture (the title is the row above, when there is one).
    pub row: u16,
    /// The picture.
    pub raster: Raster<'m>,
}

impl Panel<'_> {
    /// Whether a diagram cell falls in this panel's picture, and where.
    /// A diagram cell in this panel's own cells, if it falls in the panel.
    pub fn local(&self, col: u16, row: u16) -> Option<(u16, u16)> {
        let c = col.checked_sub(self.col)?;
        let r = row.checked_sub(self.row)?;
        (c < self.raster.width() && r < self.raster.height()).then_some((c, r))
    }
}

/// A laid-out diagram: where each panel goes in a grid of `width` by `height` cells.
#[derive(Debug, Clone)]
pub struct Diagram<'m> {
    width: u16,
    height: u16,
    titles: bool,
    legend_rows: u16,
    panels: Vec<Panel<'m>>,
}

/// The legend's entries: each one's mark (its cells) and name. A comparison's legend
/// names both patterns' zones, the overlap and the numbered X.
fn legend_items(overlay: &Overlay, glyphs: Glyphs, mono: bool) -> Vec<(Vec<Cell>, &'static str)> {
    if overlay.second.is_some() {
        return compare_legend(glyphs, mono);
    }
    let mut items = vec![
        (Style::Essential, "essential pain"),
        (Style::Spillover, "spillover"),
        (Style::TriggerPoint, "trigger point"),
    ];
    if !overlay.selected.is_empty() {
        items.push((Style::Selected, "selected"));
    }
    items
        .into_iter()
        .map(|(style, name)| {
            // Without colour a mosaic draws zones as shades ([`mosaic::mono_shade`]).
            let mark = glyphs
                .samples()
                .filter(|_| mono)
                .and_then(|_| mosaic::mono_shade(style))
                .unwrap_or_else(|| legend_mark(glyphs, style));
            (vec![Cell::text(mark, style)], name)
        })
        .collect()
}

/// The legend of a comparison: two cells of each zone's mark as the tier draws it (a
/// stipple needs two to be seen), then `X1 X2`.
fn compare_legend(glyphs: Glyphs, mono: bool) -> Vec<(Vec<Cell>, &'static str)> {
    let zone = |marks: u8, style: Style| -> Vec<Cell> {
        (0..2)
            .map(|c| Cell::text(zone_mark(glyphs, marks, style, c, mono), style))
            .collect()
    };
    let x = |s: &str| -> Vec<Cell> {
        s.chars()
            .map(|ch| {
                let style = if ch == ' ' {
                    Style::Legend
                } else {
                    Style::TriggerPoint
                };
                Cell::text(ch, style)
            })
            .collect()
    };
    vec![
        (zone(ESSENTIAL, Style::Essential), "1 essential"),
        (zone(SPILLOVER, Style::Spillover), "1 spillover"),
        (zone(ESSENTIAL2, Style::Essential2), "2 essential"),
        (zone(SPILLOVER2, Style::Spillover2), "2 spillover"),
        (zone(ESSENTIAL | ESSENTIAL2, Style::Overlap), "both"),
        (x("X1 X2"), "trigger points"),
    ]
}

/// The `c`-th legend cell of a zone with these marks: line art's mark, or the block a
/// mosaic draws for it there (the same sample pattern as the picture).
fn zone_mark(glyphs: Glyphs, marks: u8, style: Style, c: usize, mono: bool) -> char {
    if mono
        && glyphs.samples().is_some()
        && let Some(shade) = mosaic::mono_shade(style)
    {
        return shade;
    }
    let Some((sx, sy)) = glyphs.samples() else {
        return glyphs.line_art().mark(style);
    };
    let mut bits = 0u8;
    for j in 0..sy {
        for a in 0..sx {
            if mosaic::body_style(marks, c * sx + a, j, mono) == style {
                bits |= 1 << (j * sx + a);
            }
        }
    }
    mosaic::block_char(glyphs, bits)
}

/// The legend's mark for a style in a tier: line art's own marks; in a mosaic the fill
/// (a stipple for spillover).
fn legend_mark(glyphs: Glyphs, style: Style) -> char {
    match (glyphs, style) {
        (Glyphs::Ascii | Glyphs::Outline, _) => glyphs.line_art().mark(style),
        (_, Style::TriggerPoint) => 'X',
        (Glyphs::Half, Style::Spillover) => '▀',
        (_, Style::Spillover) => '▚',
        _ => '█',
    }
}

/// The legend laid out in lines of at most `width` columns.
fn legend_lines(overlay: &Overlay, glyphs: Glyphs, width: u16, mono: bool) -> Vec<Vec<Cell>> {
    let mut lines: Vec<Vec<Cell>> = vec![Vec::new()];
    for (mark, name) in legend_items(overlay, glyphs, mono) {
        let mut item = mark;
        item.push(Cell::text(' ', Style::Legend));
        item.extend(name.chars().map(|c| Cell::text(c, Style::Legend)));
        let Some(line) = lines.last_mut() else { break };
        let sep = if line.is_empty() { 0 } else { 3 };
        if !line.is_empty() && line.len() + sep + item.len() > usize::from(width) {
            lines.push(item);
        } else {
            line.extend(std::iter::repeat_n(Cell::text(' ', Style::Legend), sep));
            line.extend(item);
        }
    }
    for l in &mut lines {
        l.truncate(usize::from(width));
    }
    lines
}

/// A height that suits a printed diagram `width` columns wide.
pub fn suggested_height(width: u16) -> u16 {
    (width / 2).clamp(12, 48)
}

impl<'m> Diagram<'m> {
    /// Lays out the panels of a frame in `width` by `height` cells, keeping every panel's
    /// proportions. Optional panels are dropped when they would make the others too small.
    /// `legend_rows` rows are kept at the bottom for a legend (see [`Diagram::render`]).
    /// Any size is legal; too small a grid simply shows less.
    pub fn layout(
        model: &'m BodyModel,
        frame: &Frame,
        width: u16,
        height: u16,
        legend_rows: u16,
    ) -> Diagram<'m> {
        let titles = height >= 6;
        let legend_rows = if height >= 10 { legend_rows } else { 0 };
        let rows_avail = height.saturating_sub(u16::from(titles) + legend_rows);
        let mut specs: Vec<PanelSpec> = frame.panels.clone();
        let fit = |specs: &[PanelSpec]| fit_rows(model, specs, width, rows_avail);
        let required: Vec<PanelSpec> = specs.iter().copied().filter(|p| !p.optional).collect();
        let base = fit(&required).0;
        while specs.iter().any(|p| p.optional) {
            let (rows, _) = fit(&specs);
            if rows >= MIN_ROWS.min(base) && f32::from(rows) >= 0.6 * f32::from(base) {
                break;
            }
            if let Some(k) = specs.iter().rposition(|p| p.optional) {
                specs.remove(k);
            }
        }
        let (rows, widths) = fit(&specs);
        let total: u16 = widths
            .iter()
            .sum::<u16>()
            .saturating_add(GAP.saturating_mul(widths.len().saturating_sub(1) as u16));
        let mut col = width.saturating_sub(total) / 2;
        let mut panels = Vec::new();
        if rows > 0 {
            for (spec, w) in specs.iter().zip(widths) {
                if w == 0 {
                    continue;
                }
                let h = ((f32::from(rows) * spec.scale.clamp(0.1, 1.0)).round() as u16).max(1);
                let mut vp = Viewport::new(spec.view, spec.side, w, h);
                vp.crop = spec.crop;
                panels.push(Panel {
                    spec: *spec,
                    title: model.view(spec.view).title(spec.side),
                    col,
                    row: u16::from(titles),
                    raster: Raster::new(model, vp),
                });
                col = col.saturating_add(w).saturating_add(GAP);
            }
        }
        let used = if panels.is_empty() {
            0
        } else {
            rows + u16::from(titles) + legend_rows
        };
        Diagram {
            width,
            height: used.min(height),
            titles,
            legend_rows,
            panels,
        }
    }

    /// The auto-framed diagram of an overlay, `width` columns wide and at most `height`
    /// rows tall, with a legend.
    pub fn for_overlay(
        model: &'m BodyModel,
        overlay: &Overlay,
        width: u16,
        height: u16,
        glyphs: Glyphs,
    ) -> Diagram<'m> {
        let frame = Frame::for_overlay(model, overlay);
        let legend = legend_lines(overlay, glyphs, width, false).len() as u16;
        Diagram::layout(model, &frame, width, height, legend)
    }

    /// Columns.
    pub fn width(&self) -> u16 {
        self.width
    }

    /// Rows actually used (at most the height asked for).
    pub fn height(&self) -> u16 {
        self.height
    }

    /// Rows kept at the bottom for the legend (0 for none).
    pub fn legend_rows(&self) -> u16 {
        self.legend_rows
    }

    /// The panels, left to right.
    pub fn panels(&self) -> &[Panel<'m>] {
        &self.panels
    }

    /// The region instance under a diagram cell (for the mouse and the keyboard cursor).
    pub fn region_at(&self, col: u16, row: u16) -> Option<RegionInstance> {
        self.panels.iter().find_map(|p| {
            let (c, r) = p.local(col, row)?;
            p.raster.region_at(c, r)
        })
    }

    /// Draws the diagram in line art with an overlay (the cursor in diagram
    /// coordinates).
    pub fn render(&self, overlay: &Overlay, glyphs: GlyphSet) -> Canvas {
        let tier = match glyphs {
            GlyphSet::Ascii => Glyphs::Ascii,
            GlyphSet::Unicode => Glyphs::Outline,
        };
        self.draw(overlay, tier, false)
    }

    /// Draws the diagram in any text tier: line art, or a filled mosaic (`mono`: ink on
    /// paper, for a terminal without colour).
    pub fn draw(&self, overlay: &Overlay, glyphs: Glyphs, mono: bool) -> Canvas {
        let mut canvas = Canvas::new(self.width, self.height);
        canvas.mosaic = glyphs.samples().is_some();
        for p in &self.panels {
            let mut ov = overlay.clone();
            ov.cursor = overlay.cursor.and_then(|(c, r)| p.local(c, r));
            let w = usize::from(p.raster.width()).max(1);
            let at = |i: usize| (p.col + (i % w) as u16, p.row + (i / w) as u16);
            if glyphs.samples().is_some() {
                for (i, m) in mosaic::paint(&p.raster, &ov, glyphs, mono)
                    .into_iter()
                    .enumerate()
                {
                    let (c, r) = at(i);
                    canvas.put_on(c, r, m.cell, m.bg);
                }
            } else {
                for (i, cell) in paint(&p.raster, &ov, glyphs.line_art())
                    .into_iter()
                    .enumerate()
                {
                    let (c, r) = at(i);
                    canvas.put(c, r, cell);
                }
            }
            if self.titles {
                Self::title(&mut canvas, p);
            }
        }
        if self.legend_rows > 0 {
            let top = self.height.saturating_sub(self.legend_rows);
            let lines = legend_lines(overlay, glyphs, self.width, mono);
            for (k, line) in lines.iter().take(usize::from(self.legend_rows)).enumerate() {
                let start = self.width.saturating_sub(line.len() as u16) / 2;
                for (j, &cell) in line.iter().enumerate() {
                    canvas.put(start + j as u16, top + k as u16, cell);
                }
            }
        }
        canvas
    }

    fn title(canvas: &mut Canvas, p: &Panel<'_>) {
        let w = p.raster.width();
        let view = p.raster.model().view(p.spec.view);
        // R and L at the panel's edges: the patient's sides as the viewer sees them.
        let labels = view
            .viewer_left()
            .map(|left| (left.letter(), left.opposite().letter()));
        let room = if labels.is_some() {
            w.saturating_sub(4)
        } else {
            w
        };
        let title: String = p.title.chars().take(usize::from(room)).collect();
        let start = p.col + (w.saturating_sub(title.chars().count() as u16)) / 2;
        for (k, ch) in title.chars().enumerate() {
            canvas.put(start + k as u16, 0, Cell::text(ch, Style::Title));
        }
        if let Some((l, r)) = labels
            && w >= 2
        {
            canvas.put(p.col, 0, Cell::text(l, Style::Label));
            canvas.put(p.col + w - 1, 0, Cell::text(r, Style::Label));
        }
    }
}

/// Rows for the pictures and each panel's width so they fit `width` columns.
fn fit_rows(model: &BodyModel, specs: &[PanelSpec], width: u16, rows: u16) -> (u16, Vec<u16>) {
    if specs.is_empty() || rows == 0 || width == 0 {
        return (0, vec![0; specs.len()]);
    }
    let ks: Vec<f32> = specs
        .iter()
        .map(|p| cols_per_row(shown_box(model, p.view, p.crop)) * p.scale.clamp(0.1, 1.0))
        .collect();
    let gaps = GAP.saturating_mul(specs.len().saturating_sub(1) as u16);
    let avail = f32::from(width.saturating_sub(gaps));
    let sum: f32 = ks.iter().sum();
    let mut r = rows.min((avail / sum).floor() as u16);
    loop {
        let widths: Vec<u16> = ks
            .iter()
            .map(|k| (k * f32::from(r)).ceil() as u16 + 1)
            .collect();
        let total = widths.iter().sum::<u16>().saturating_add(gaps);
        if total <= width || r <= 1 {
            // At the smallest size, share what there is.
            if total > width {
                let each = width.saturating_sub(gaps) / specs.len() as u16;
                return (r, vec![each; specs.len()]);
            }
            return (r, widths);
        }
        r -= 1;
    }
}

/// A drawn grid of cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Canvas {
    width: u16,
    height: u16,
    cells: Vec<Cell>,
    /// Each cell's background style (a mosaic's second colour).
    bgs: Vec<Style>,
    /// Drawn as a mosaic (coloured by fill, not by line-art style).
    mosaic: bool,
}

impl Canvas {
    /// A blank canvas.
    pub fn new(width: u16, height: u16) -> Canvas {
        Canvas {
            width,
            height,
            cells: vec![Cell::BLANK; usize::from(width) * usize::from(height)],
            bgs: vec![Style::Background; usize::from(width) * usize::from(height)],
            mosaic: false,
        }
    }

    /// The background style of a cell (`Background` outside the canvas).
    pub fn bg(&self, col: u16, row: u16) -> Style {
        if col < self.width && row < self.height {
            self.bgs[usize::from(row) * usize::from(self.width) + usize::from(col)]
        } else {
            Style::Background
        }
    }

    /// Sets a cell and its background style (ignored outside the canvas).
    pub fn put_on(&mut self, col: u16, row: u16, cell: Cell, bg: Style) {
        if col < self.width && row < self.height {
            let i = usize::from(row) * usize::from(self.width) + usize::from(col);
            self.cells[i] = cell;
            self.bgs[i] = bg;
        }
    }

    /// Columns.
    pub fn width(&self) -> u16 {
        self.width
    }

    /// Rows.
    pub fn height(&self) -> u16 {
        self.height
    }

    /// The cell at a column and row, if inside.
    pub fn get(&self, col: u16, row: u16) -> Option<&Cell> {
        (col < self.width && row < self.height)
            .then(|| &self.cells[usize::from(row) * usize::from(self.width) + usize::from(col)])
    }

    /// Sets a cell on no background (ignored outside the canvas).
    pub fn put(&mut self, col: u16, row: u16, cell: Cell) {
        self.put_on(col, row, cell, Style::Background);
    }

    /// A row of cells.
    pub fn row(&self, row: u16) -> &[Cell] {
        if row >= self.height {
            return &[];
        }
        let w = usize::from(self.width);
        &self.cells[usize::from(row) * w..(usize::from(row) + 1) * w]
    }

    /// The rows as plain text, trailing spaces trimmed.
    pub fn lines(&self) -> Vec<String> {
        (0..self.height)
            .map(|r| {
                let s: String = self.row(r).iter().map(|c| c.ch).collect();
                s.trim_end().to_owned()
            })
            .collect()
    }

    /// The rows with ANSI colour (essential red, spillover light red, trigger point bold
    /// yellow...; a mosaic in the palette's colours with a background per cell), trailing
    /// spaces trimmed.
    pub fn ansi_lines(&self, palette: Palette) -> Vec<String> {
        (0..self.height)
            .map(|r| {
                let row = self.row(r);
                let w = usize::from(self.width);
                let bgs = &self.bgs[usize::from(r) * w..(usize::from(r) + 1) * w];
                let end = row
                    .iter()
                    .zip(bgs)
                    .rposition(|(c, &bg)| c.ch != ' ' || bg != Style::Background)
                    .map_or(0, |i| i + 1);
                let mut out = String::new();
                let mut current: Option<String> = None;
                for (c, &bg) in row[..end].iter().zip(bgs) {
                    let sgr = sgr_of(*c, bg, self.mosaic.then_some(palette));
                    if sgr != current {
                        out.push_str("\u{1b}[0m");
                        if let Some(code) = &sgr {
                            let _ = write!(out, "\u{1b}[{code}m");
                        }
                        current = sgr;
                    }
                    out.push(c.ch);
                }
                if current.is_some() {
                    out.push_str("\u{1b}[0m");
                }
                out
            })
            .collect()
    }
}

/// The SGR parameters of a drawn cell: line art's style codes, or (a mosaic, in its
/// palette) the fill colours as foreground and background.
fn sgr_of(c: Cell, bg: Style, mosaic: Option<Palette>) -> Option<String> {
    let Some((palette, colours)) =
        mosaic.and_then(|p| super::palette::cell_colours(c.style, bg, p).map(|k| (p, k)))
    else {
        return c.style.ansi().map(str::to_owned);
    };
    let mut parts = Vec::new();
    if let Some(i) = colours.fg {
        parts.push(palette.fg_sgr(i));
    }
    if let Some(i) = colours.bg {
        parts.push(palette.bg_sgr(i));
    }
    if colours.bold {
        parts.push("1".to_owned());
    }
    (!parts.is_empty()).then(|| parts.join(";"))
}

/// The auto-framed diagram of an overlay as text lines, for printing: `width` columns,
/// a height that suits the width, a legend; ANSI colour in `color`'s palette when it is
/// set (a mosaic without colour is drawn ink on paper).
pub fn render_lines(
    model: &BodyModel,
    overlay: &Overlay,
    width: u16,
    glyphs: Glyphs,
    color: Option<Palette>,
) -> Vec<String> {
    let d = Diagram::for_overlay(model, overlay, width, suggested_height(width), glyphs);
    let canvas = d.draw(overlay, glyphs, color.is_none());
    match color {
        Some(palette) => canvas.ansi_lines(palette),
        None => canvas.lines(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Side;
    use crate::body::testutil::{PATTERNS, pattern};

    fn model() -> &'static BodyModel {
        crate::body::shipped()
    }

    fn text(overlay: &Overlay, width: u16, glyphs: GlyphSet) -> String {
        let tier = match glyphs {
            GlyphSet::Ascii => Glyphs::Ascii,
            GlyphSet::Unicode => Glyphs::Outline,
        };
        render_lines(model(), overlay, width, tier, None).join("\n")
    }

    #[test]
    fn snapshots_of_patterns() {
        for k in 0..PATTERNS.len() {
            let (name, overlay) = pattern(k);
            for width in [40, 80, 160] {
                for (set, glyphs) in [("ascii", GlyphSet::Ascii), ("unicode", GlyphSet::Unicode)] {
                    let body = text(&overlay, width, glyphs);
                    insta::assert_snapshot!(format!("{name}_{width}_{set}"), body);
                }
            }
        }
    }

    #[test]
    fn snapshots_of_every_tier() {
        // Whole-screen sizes: the diagram of a pattern framed at 80x24 and 120x40.
        for k in [0, 2] {
            let (name, overlay) = pattern(k);
            for (w, h) in [(80, 24), (120, 40)] {
                let d = Diagram::for_overlay(model(), &overlay, w, h, Glyphs::Quadrant);
                for glyphs in Glyphs::ALL {
                    let body = d.draw(&overlay, glyphs, true).lines().join("\n");
                    insta::assert_snapshot!(
                        format!("tier_{name}_{w}x{h}_{}", glyphs.as_str()),
                        body
                    );
                }
            }
        }
    }

    #[test]
    fn mosaic_colour_has_a_background_per_cell() {
        let (_, overlay) = pattern(0);
        let lines = render_lines(
            model(),
            &overlay,
            80,
            Glyphs::Quadrant,
            Some(Palette::Ansi256),
        )
        .join("\n");
        // The body's soft tone, the outline and the essential red; fg and bg in one cell.
        assert!(lines.contains("38;5;180") && lines.contains("38;5;239"));
        assert!(lines.contains("38;5;160") && lines.contains(";48;5;"));
        let plain = render_lines(model(), &overlay, 80, Glyphs::Quadrant, None).join("\n");
        assert!(!plain.contains('\u{1b}'));
    }

    /// In 16 colours the mosaic uses the classic codes: the body light grey (`47`), the
    /// zones red, and no 256-colour code a terminal would turn into red.
    #[test]
    fn sixteen_colour_mosaic_keeps_the_body_grey() {
        let (_, overlay) = pattern(0);
        let lines = render_lines(
            model(),
            &overlay,
            80,
            Glyphs::Quadrant,
            Some(Palette::Ansi16),
        );
        let text = lines.join("\n");
        assert!(!text.contains(";5;"), "no 256-colour codes");
        let codes: Vec<&str> = text
            .split("\u{1b}[")
            .filter_map(|t| t.split('m').next())
            .flat_map(|c| c.split(';'))
            .collect();
        assert!(
            codes.contains(&"47") || codes.contains(&"37"),
            "a grey body"
        );
        assert!(codes.contains(&"31") || codes.contains(&"41"), "a red zone");
        // The body itself is never red: cells drawn on the grey body are grey or a zone.
        assert!(!codes.contains(&"45") && !codes.contains(&"35"));
    }

    /// Every trigger point of the atlas, at 40, 80 and 120 columns, in ASCII and in
    /// mosaics: its essential zone draws at least one zone glyph in the pictures (the
    /// legend's sample not counted), however small the zone is or however much of it lies
    /// under the outline and the X. (A monochrome mosaic has one ink per cell: beside the
    /// outline of a leg two cells wide the outline keeps it, so it is left out here.)
    #[test]
    fn every_essential_zone_draws_a_glyph_at_every_width() {
        let atlas = crate::atlas::Atlas::shipped().unwrap();
        let mut missing = Vec::new();
        for (_, tp) in atlas.trigger_points() {
            if tp.essential.is_empty() {
                continue;
            }
            let overlay = Overlay::of_point(&atlas, tp, Side::Right);
            for width in [40, 80, 120] {
                for (glyphs, mono) in [
                    (Glyphs::Ascii, true),
                    (Glyphs::Half, false),
                    (Glyphs::Quadrant, false),
                    (Glyphs::Octant, false),
                ] {
                    let d = Diagram::for_overlay(
                        model(),
                        &overlay,
                        width,
                        suggested_height(width),
                        glyphs,
                    );
                    let canvas = d.draw(&overlay, glyphs, mono);
                    let rows = d.height().saturating_sub(d.legend_rows);
                    let drawn = (0..rows).any(|r| {
                        (0..d.width()).any(|c| {
                            canvas
                                .get(c, r)
                                .is_some_and(|x| x.style == Style::Essential)
                                || canvas.bg(c, r) == Style::Essential
                        })
                    });
                    if !drawn {
                        missing.push(format!("{} {width} {glyphs:?} mono={mono}", tp.id));
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "{} without an essential glyph:\n{}",
            missing.len(),
            missing.join("\n")
        );
    }

    #[test]
    fn ascii_output_is_printable_ascii() {
        for k in 0..PATTERNS.len() {
            let (_, mut overlay) = pattern(k);
            overlay.selected.push(RegionInstance::new("chest", None));
            for width in [20, 40, 80, 120, 160, 200] {
                let t = text(&overlay, width, GlyphSet::Ascii);
                assert!(
                    t.bytes().all(|b| b == b'\n' || (0x20..0x7f).contains(&b)),
                    "{t}"
                );
                for line in t.lines() {
                    assert!(line.len() <= usize::from(width), "{line}");
                }
            }
        }
    }

    #[test]
    fn labels_mark_the_patients_sides() {
        let d = Diagram::layout(model(), &Frame::whole_body(), 80, 30, 0);
        let canvas = d.render(&Overlay::default(), GlyphSet::Ascii);
        let title = &canvas.lines()[0];
        for p in d.panels() {
            let left = canvas.get(p.col, 0).map(|c| c.ch);
            let right = canvas.get(p.col + p.raster.width() - 1, 0).map(|c| c.ch);
            match p.spec.view {
                ViewId::Front => assert_eq!((left, right), (Some('R'), Some('L')), "{title}"),
                ViewId::Back => assert_eq!((left, right), (Some('L'), Some('R')), "{title}"),
                _ => unreachable!(),
            }
        }
        assert!(title.contains("Front") && title.contains("Back"), "{title}");
        // Front left of back.
        assert_eq!(d.panels()[0].spec.view, ViewId::Front);
    }

    #[test]
    fn left_pattern_is_on_the_viewers_right_in_front() {
        // The anterior gluteus minimus, left: down the outer side of the leg.
        let zones = ["hip-side", "thigh-outer", "knee-outer", "leg-outer"].map(String::from);
        let overlay =
            Overlay::for_trigger_point(model(), "t", "hip-side", &zones, &[], &[], Side::Left);
        let d = Diagram::layout(model(), &Frame::whole_body(), 80, 40, 0);
        let canvas = d.render(&overlay, GlyphSet::Ascii);
        for p in d.panels() {
            let mid = p.col + p.raster.width() / 2;
            let marked: Vec<u16> = (0..canvas.height())
                .flat_map(|r| (p.col..p.col + p.raster.width()).map(move |c| (c, r)))
                .filter(|&(c, r)| canvas.get(c, r).is_some_and(|x| x.ch == '#' || x.ch == ':'))
                .map(|(c, _)| c)
                .collect();
            assert!(!marked.is_empty());
            match p.spec.view {
                ViewId::Front => assert!(marked.iter().all(|&c| c > mid)),
                ViewId::Back => assert!(marked.iter().all(|&c| c < mid)),
                _ => {}
            }
        }
    }

    #[test]
    fn small_zones_are_visible() {
        // A single tooth row, a finger and a toe still get a cell at 40 columns.
        for (loc, zone) in [
            ("jaw", "lower-teeth"),
            ("forearm-back", "ring-finger"),
            ("foot-top", "big-toe"),
        ] {
            let overlay = Overlay::for_trigger_point(
                model(),
                "t",
                loc,
                &[zone.to_owned()],
                &[],
                &[],
                Side::Right,
            );
            let t = text(&overlay, 40, GlyphSet::Ascii);
            assert!(t.contains('#'), "{zone}:\n{t}");
            assert!(t.contains('X'), "{zone}:\n{t}");
        }
    }

    #[test]
    fn hit_test_through_the_diagram() {
        let d = Diagram::layout(model(), &Frame::whole_body(), 120, 40, 1);
        for p in d.panels() {
            for row in 0..p.raster.height() {
                for col in 0..p.raster.width() {
                    assert_eq!(
                        d.region_at(p.col + col, p.row + row),
                        p.raster.region_at(col, row)
                    );
                }
            }
        }
        assert_eq!(d.region_at(0, 0), None);
        assert_eq!(d.region_at(500, 500), None);
    }

    #[test]
    fn no_panic_at_any_size() {
        let frames = [
            Frame::whole_body(),
            Frame::for_overlay(model(), &pattern(1).1),
            Frame::for_overlay(model(), &pattern(2).1),
        ];
        let mut overlay = pattern(3).1;
        overlay.selected.push(RegionInstance::new("temple", None));
        let small = (0..=40u16).flat_map(|w| (0..=15u16).map(move |h| (w, h)));
        let large = (0..=200u16)
            .step_by(23)
            .flat_map(|w| (0..=100u16).step_by(13).map(move |h| (w, h)));
        for (w, h) in small
            .chain(large)
            .chain([(200, 100), (1, 1), (200, 1), (1, 100)])
        {
            for (k, f) in frames.iter().enumerate() {
                let d = Diagram::layout(model(), f, w, h, 1);
                overlay.cursor = Some((w / 2, h / 2));
                let glyphs = Glyphs::ALL[(usize::from(w) + usize::from(h) + k) % Glyphs::ALL.len()];
                let c = d.draw(&overlay, glyphs, w % 2 == 0);
                assert!(c.height() <= h && c.width() == w);
                let _ = d.region_at(w / 2, h / 2);
                let _ = d.region_at(w, h);
            }
        }
    }

    #[test]
    fn colour_only_when_asked() {
        let (_, overlay) = pattern(0);
        let plain = render_lines(model(), &overlay, 80, Glyphs::Outline, None);
        assert!(plain.iter().all(|l| !l.contains('\u{1b}')));
        let color = render_lines(
            model(),
            &overlay,
            80,
            Glyphs::Outline,
            Some(Palette::Ansi256),
        );
        let all = color.join("\n");
        assert!(all.contains("\u{1b}[31m") && all.contains("\u{1b}[1;33m"));
    }

    #[test]
    fn cursor_and_selection_are_visible() {
        let d = Diagram::layout(model(), &Frame::whole_body(), 80, 30, 0);
        let p = &d.panels()[0];
        let (c, r) = p
            .raster
            .cells_of(model().region_index("chest").unwrap(), Some(Side::Left))
            .next()
            .unwrap();
        let overlay = Overlay {
            selected: vec![RegionInstance::new("chest", Some(Side::Left))],
            cursor: Some((p.col + c, p.row + r)),
            ..Overlay::default()
        };
        for glyphs in [GlyphSet::Ascii, GlyphSet::Unicode] {
            let canvas = d.render(&overlay, glyphs);
            let at = canvas.get(p.col + c, p.row + r).unwrap();
            assert_eq!(at.style, Style::Cursor);
            let selected = (0..canvas.height())
                .flat_map(|r| canvas.row(r).iter())
                .filter(|x| x.style == Style::Selected && x.ch == glyphs.mark(Style::Selected))
                .count();
            assert!(selected > 2);
        }
    }
}
