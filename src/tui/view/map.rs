//! The body map: front and back views side by side, each titled with its R and L, or
//! one close-up (`v`), titled with its side; the selection marked, the shown trigger
//! point's zones and X drawn over it, and the keyboard cursor. The cells it draws are
//! recorded for hit-testing.

use super::pane;
use crate::atlas::{RegionInstance, Side};
use crate::body::frame::Stop;
use crate::body::glyphs::{Cell, Style as Mark};
use crate::body::mosaic::{self, MosaicCell};
use crate::body::overlay::{Overlay, paint};
use crate::body::raster::{Raster, Viewport, cols_per_row, shown_box};
use crate::body::{BodyModel, ViewId};
use crate::intake::Intake;
use crate::tui::app::{App, Focus, Shown};
use crate::tui::layout::MapLayout;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

/// One picture on the map: a view on a side, its title, and the patient's sides at the
/// title's ends (for a view that shows both).
struct Panel {
    view: ViewId,
    side: Side,
    crop: Option<crate::body::geom::Rect>,
    title: String,
    sides: Option<(Side, Side)>,
}

/// The pictures of a stop, in screen order: the two whole-body views, or one close-up.
/// A bilateral view is titled with the patient's side at each end (the patient faces us
/// in the front view, so their right is on our left).
fn panels(model: &BodyModel, stop: Stop) -> Vec<Panel> {
    let panel = |view: ViewId, side: Side, title: String| Panel {
        view,
        side,
        crop: None,
        title,
        sides: model
            .view(view)
            .viewer_left()
            .map(|left| (left, left.opposite())),
    };
    match stop {
        Stop::WholeBody => vec![
            panel(ViewId::Front, Side::Left, "Front".to_owned()),
            panel(ViewId::Back, Side::Left, "Back".to_owned()),
        ],
        Stop::CloseUp(view, side) => vec![panel(view, side, model.view(view).title(side))],
        // A zoom shows one side: its title names it.
        Stop::Zoom(view, side, k) => vec![Panel {
            crop: model.view(view).zoom(usize::from(k), side).map(|(_, b)| b),
            sides: None,
            ..panel(view, side, stop.title(model))
        }],
    }
}

/// The map width that fits two whole-body views of this pane height.
pub fn preferred_width(height: u16) -> u16 {
    let model = crate::body::shipped();
    let per_row = cols_per_row(shown_box(model, ViewId::Front, None));
    let rows = f32::from(height.saturating_sub(3));
    // Two views, a gap, the border; a little slack for the R and L labels.
    (per_row * rows * 2.0) as u16 + 5
}

/// Draws the map into `area` and returns its hit grid.
pub fn draw(
    frame: &mut Frame<'_>,
    area: Rect,
    app: &App<'_>,
    shown: Option<Shown<'_>>,
    theme: &Theme,
) -> MapLayout {
    let model = crate::body::shipped();
    let mut title = match app.map {
        Stop::WholeBody => "Body map".to_owned(),
        stop => format!("Body map: {}", stop.title(model)),
    };
    if let Some(kind) = app.layer {
        title = format!("{title} · {}", kind.plural());
    }
    if let Some(r) = &app.records {
        title = format!("{title} · {}", r.client);
    }
    if app.draw.on {
        title = format!("{title} · drawing, {}", app.draw.extent_words());
    }
    let block = pane(&title, app.focus == Focus::Map, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cursor = (app.focus == Focus::Map).then(|| app.cursor_on(inner.width, inner.height));
    let content = Content {
        stop: app.map,
        selected: &app.intake.selection.regions,
        pattern: pattern_overlay(app.atlas, shown),
        cursor,
        labels: note_labels(&app.intake),
        drawing: Some(&app.draw.drawing),
        // A layer or a drawing is drawn in text, over the text picture.
        picture: if app.layer.is_some() || app.draw.on || !app.draw.drawing.is_empty() {
            Picture::Text
        } else if super::covering(app) == 0 {
            Picture::Image
        } else {
            Picture::Covered
        },
        layer: app.layer,
    };
    paint_map(frame, inner, &content, theme)
}

/// A map of a visit or intake, not the live one: the whole body, no cursor and no
/// pattern, its regions marked and labelled with `labels` ("6", "4 better"). Returns its
/// hit grid.
pub fn draw_marked(
    frame: &mut Frame<'_>,
    area: Rect,
    title: &str,
    intake: &Intake,
    labels: Vec<(RegionInstance, String)>,
    theme: &Theme,
) -> MapLayout {
    let block = pane(title, false, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let content = Content {
        stop: Stop::WholeBody,
        selected: &intake.selection.regions,
        pattern: Overlay::default(),
        cursor: None,
        labels,
        drawing: None,
        picture: Picture::Text,
        layer: None,
    };
    paint_map(frame, inner, &content, theme)
}

/// What one map shows.
struct Content<'x> {
    stop: Stop,
    selected: &'x [RegionInstance],
    pattern: Overlay,
    cursor: Option<crate::tui::app::Cursor>,
    labels: Vec<(RegionInstance, String)>,
    drawing: Option<&'x crate::drawing::Drawing>,
    picture: Picture,
    /// The layer drawn over the body (`o`), if any.
    layer: Option<crate::layers::Kind>,
}

/// Whether a map may be a real image, where the theme has an image tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picture {
    /// An image (the live map, nothing over it).
    Image,
    /// The live map under a popup: a picture sent whole (sixel) is left as it is on the
    /// screen, untouched, until the popup closes and the screen is drawn anew.
    Covered,
    /// Text only (a map inside a popup).
    Text,
}

/// Paints the picture's panels inside a pane's `inner` area, then the labels.
fn paint_map(
    frame: &mut Frame<'_>,
    inner: Rect,
    content: &Content<'_>,
    theme: &Theme,
) -> MapLayout {
    let model = crate::body::shipped();
    let mut hits = MapLayout::new(inner);
    if inner.width < 5 || inner.height < 3 {
        return hits;
    }
    let panels = panels(model, content.stop);
    let n = panels.len() as u16;
    let each = (inner.width + 1) / n - 1;
    for (i, panel) in panels.iter().enumerate() {
        let x = inner.x + (each + 1) * i as u16;
        let rect = Rect::new(x, inner.y, each, inner.height);
        title_row(frame, rect, &panel.title, panel.sides, theme);
        let body = Rect::new(rect.x, rect.y + 1, rect.width, rect.height - 1);
        let mut viewport = Viewport::new(panel.view, panel.side, body.width, body.height);
        viewport.crop = panel.crop;
        let raster = Raster::new(model, viewport);
        let mut overlay = content.pattern.clone();
        overlay.selected = content.selected.to_vec();
        overlay.cursor = content.cursor.and_then(|c| {
            let (cx, cy) = (inner.x + c.x, inner.y + c.y);
            (cx >= body.x && cx < body.right() && cy >= body.y && cy < body.bottom())
                .then(|| (cx - body.x, cy - body.y))
        });
        frame.render_widget(
            BodyPicture {
                raster: &raster,
                overlay: &overlay,
                theme,
                picture: content.picture,
            },
            body,
        );
        if let Some(kind) = content.layer {
            // The selection and the shown zones stay as they are: the layer is read
            // against them.
            let keep = |r: &RegionInstance| {
                overlay
                    .selected
                    .iter()
                    .chain(overlay.zones())
                    .any(|s| covers(s, r))
            };
            super::layers::paint(frame.buffer_mut(), body, &raster, kind, &keep, theme);
        }
        if let Some(d) = content.drawing.filter(|d| !d.is_empty()) {
            super::drawn::paint(frame.buffer_mut(), body, &raster, d, theme);
        }
        for row in 0..raster.height() {
            for col in 0..raster.width() {
                let (sx, sy) = (body.x + col, body.y + row);
                hits.set(sx - inner.x, sy - inner.y, raster.region_at(col, row));
                let p = raster.point_of(col, row);
                hits.set_spot(
                    sx - inner.x,
                    sy - inner.y,
                    crate::tui::layout::Spot {
                        view: panel.view,
                        side: panel.side,
                        x: (p.x * 1000.0).round() as i32,
                        y: (p.y * 1000.0).round() as i32,
                    },
                );
            }
        }
    }
    label_regions(frame, &hits, n, &content.labels, theme);
    hits
}

/// Each noted region's intensity and quality initial ("7b").
fn note_labels(intake: &Intake) -> Vec<(RegionInstance, String)> {
    intake
        .notes
        .iter()
        .map(|(region, note)| {
            let label: String = note
                .intensity
                .map(|i| i.to_string())
                .into_iter()
                .chain(note.quality.map(|q| q.as_str()[..1].to_string()))
                .collect();
            (region.clone(), label)
        })
        .filter(|(_, l)| !l.is_empty())
        .collect()
}

/// Writes each label on its region's middle cell in every view it shows in (`views` side
/// by side).
fn label_regions(
    frame: &mut Frame<'_>,
    hits: &MapLayout,
    views: u16,
    labels: &[(RegionInstance, String)],
    theme: &Theme,
) {
    for (region, label) in labels {
        // The region's cells, split into the views by column.
        let each = (hits.area.width / views.max(1)).max(1);
        for k in 0..views {
            let cells: Vec<(u16, u16)> = (0..hits.area.height)
                .flat_map(|y| (0..hits.area.width).map(move |x| (x, y)))
                .filter(|&(x, _)| (x / each).min(views - 1) == k)
                .filter(|&(x, y)| hits.region_at(x, y).is_some_and(|r| covers(region, r)))
                .collect();
            let Some(&(x, y)) = cells.get(cells.len() / 2) else {
                continue;
            };
            let width = u16::try_from(label.chars().count()).unwrap_or(2);
            let x = x.min(hits.area.width.saturating_sub(width));
            frame.buffer_mut().set_string(
                hits.area.x + x,
                hits.area.y + y,
                label,
                theme.label.add_modifier(ratatui::style::Modifier::REVERSED),
            );
        }
    }
}

/// Does a selected region instance (maybe without a side) cover a drawn cell's region?
fn covers(selected: &RegionInstance, drawn: &RegionInstance) -> bool {
    selected.region == drawn.region && (selected.side.is_none() || selected.side == drawn.side)
}

/// The shown trigger point's zones and X (on its side; the left when it has none).
fn pattern_overlay(atlas: &crate::atlas::Atlas, shown: Option<Shown<'_>>) -> Overlay {
    match shown {
        Some((_, tp, side)) => Overlay::of_point(atlas, tp, side.unwrap_or(Side::Left)),
        None => Overlay::default(),
    }
}

/// "R    Front    L": the view's title with the patient's sides at its edges (for a
/// view that shows both).
fn title_row(
    frame: &mut Frame<'_>,
    rect: Rect,
    title: &str,
    sides: Option<(Side, Side)>,
    theme: &Theme,
) {
    let buf = frame.buffer_mut();
    let letter = |s: Side| s.letter().to_string();
    let w = title.chars().count() as u16;
    let room = if sides.is_some() { 4 } else { 0 };
    if rect.width >= w + room {
        buf.set_string(rect.x + (rect.width - w) / 2, rect.y, title, theme.title);
    }
    if let Some((left, right)) = sides {
        buf.set_string(rect.x, rect.y, letter(left), theme.label);
        buf.set_string(
            rect.right().saturating_sub(1),
            rect.y,
            letter(right),
            theme.label,
        );
    }
}

/// A rasterised view painted with an overlay, in the theme's tier: a filled mosaic
/// (each cell with its own foreground and background colour), or line art.
pub struct BodyPicture<'a, 'm> {
    /// The view, its size and its hit grid.
    pub raster: &'a Raster<'m>,
    /// What is drawn over the body (the cursor in the raster's cells).
    pub overlay: &'a Overlay,
    /// Colours and the glyph tier.
    pub theme: &'a Theme,
    /// Whether it may be an image.
    pub picture: Picture,
}

impl Widget for BodyPicture<'_, '_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let r = self.raster;
        if let Some(tier) = &self.theme.images {
            match self.picture {
                Picture::Image if tier.draw(r, self.overlay, area, buf) => return,
                Picture::Covered if tier.sent_whole() => {
                    for y in area.top()..area.bottom() {
                        for x in area.left()..area.right() {
                            if let Some(cell) = buf.cell_mut((x, y)) {
                                cell.set_diff_option(CellDiffOption::Skip);
                            }
                        }
                    }
                    return;
                }
                _ => {}
            }
        }
        let w = usize::from(r.width());
        let mut put = |i: usize, ch: char, style: Style| {
            let (col, row) = ((i % w.max(1)) as u16, (i / w.max(1)) as u16);
            if col < area.width
                && row < area.height
                && let Some(target) = buf.cell_mut((area.x + col, area.y + row))
            {
                target.set_char(ch).set_style(style);
            }
        };
        if self.theme.glyphs.samples().is_some() {
            let cells = mosaic::paint(r, self.overlay, self.theme.glyphs, !self.theme.color);
            for (i, m) in cells.into_iter().enumerate() {
                put(i, m.cell.ch, mosaic_style(m, self.theme));
            }
        } else {
            let cells = paint(r, self.overlay, self.theme.glyphs.line_art());
            for (i, cell) in cells.into_iter().enumerate() {
                put(i, cell.ch, style_of(cell, self.theme));
            }
        }
    }
}

/// A drawn diagram ([`crate::body::diagram::Canvas`]: panels, titles, legend) painted
/// cell by cell in the theme, mosaic or line art as it was drawn.
pub struct CanvasPicture<'a> {
    /// What was drawn.
    pub canvas: &'a crate::body::diagram::Canvas,
    /// Whether it was drawn as a mosaic (its cells carry a background).
    pub mosaic: bool,
    /// Colours.
    pub theme: &'a Theme,
}

impl Widget for CanvasPicture<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let c = self.canvas;
        for row in 0..c.height().min(area.height) {
            for col in 0..c.width().min(area.width) {
                let (Some(cell), Some(target)) =
                    (c.get(col, row), buf.cell_mut((area.x + col, area.y + row)))
                else {
                    continue;
                };
                let style = if self.mosaic {
                    mosaic_style(
                        MosaicCell {
                            cell: *cell,
                            bg: c.bg(col, row),
                        },
                        self.theme,
                    )
                } else {
                    style_of(*cell, self.theme)
                };
                target.set_char(cell.ch).set_style(style);
            }
        }
    }
}

/// The theme's style for a mosaic cell: the fills in the theme's palette (256 colours or
/// the 16) as foreground and background; without colour, the monochrome theme's marks (the selection reversed).
pub fn mosaic_style(m: MosaicCell, theme: &Theme) -> Style {
    let cell = m.cell;
    if cell.style == Mark::Cursor {
        return theme.cursor;
    }
    if !theme.color {
        let base = match cell.style {
            Mark::Background | Mark::Body | Mark::Selected => theme.text,
            _ => style_of(cell, theme),
        };
        return if cell.selected {
            base.patch(theme.selected)
        } else {
            base
        };
    }
    // The one decision of a mosaic cell's colours, shared with `show`'s printed diagrams.
    let Some(colours) = crate::body::palette::cell_colours(cell.style, m.bg, theme.palette) else {
        return style_of(cell, theme);
    };
    let mut style = Style::new();
    if let Some(i) = colours.fg {
        style = style.fg(Color::Indexed(i));
    }
    if let Some(i) = colours.bg {
        style = style.bg(Color::Indexed(i));
    }
    if colours.bold {
        style = style.add_modifier(Modifier::BOLD);
    }
    style
}

/// The theme's style for a painted cell.
pub fn style_of(cell: Cell, theme: &Theme) -> Style {
    match cell.style {
        Mark::Background => theme.text,
        Mark::Body | Mark::Detail => theme.body,
        Mark::Outline => theme.outline,
        Mark::Essential | Mark::Spillover if cell.selected => theme.overlap,
        Mark::Essential => theme.essential,
        Mark::Spillover => theme.spillover,
        Mark::Selected => theme.selected,
        Mark::Essential2 => theme.essential2,
        Mark::Spillover2 => theme.spillover2,
        Mark::Overlap => theme.both,
        Mark::TriggerPoint => theme.point,
        Mark::Cursor => theme.cursor,
        Mark::Label | Mark::Title | Mark::Legend => theme.label,
    }
}

/// The region instance under the cursor, for the status bar.
pub fn under_cursor(hits: &MapLayout, app: &App<'_>) -> Option<RegionInstance> {
    let c = app.cursor_on(hits.area.width, hits.area.height);
    hits.region_at(c.x, c.y).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::color::Palette;

    /// In 16 colours the map fills the body light grey over a dark grey outline and the
    /// essential zone red, from the 16 ANSI colours only (a terminal or tmux would turn the
    /// 256-colour skin tone into red).
    #[test]
    fn sixteen_colours_fill_the_body_grey_and_the_zone_red() {
        let theme = Theme::for_terminal(true, Palette::Ansi16);
        let cell = |style, bg| MosaicCell {
            cell: Cell::text('▛', style),
            bg,
        };
        let body = mosaic_style(cell(Mark::Body, Mark::Outline), &theme);
        assert_eq!(
            (body.fg, body.bg),
            (Some(Color::Indexed(7)), Some(Color::Indexed(8)))
        );
        let zone = mosaic_style(cell(Mark::Essential, Mark::Body), &theme);
        assert_eq!(
            (zone.fg, zone.bg),
            (Some(Color::Indexed(1)), Some(Color::Indexed(7)))
        );
        let rich = mosaic_style(cell(Mark::Body, Mark::Outline), &Theme::colour());
        assert_eq!(rich.fg, Some(Color::Indexed(180)));
    }
}
