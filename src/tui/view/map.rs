//! The body map: front and back views side by side, each titled with its R and L, the
//! selection marked, the shown trigger point's zones and X drawn over it, and the
//! keyboard cursor. The cells it draws are recorded for hit-testing.

use super::pane;
use crate::atlas::{RegionInstance, Side};
use crate::body::glyphs::{Cell, GlyphSet, Style as Mark};
use crate::body::overlay::{Overlay, paint};
use crate::body::raster::{Raster, Viewport, cols_per_row, shown_box};
use crate::body::{BodyModel, ViewId};
use crate::intake::Intake;
use crate::tui::app::{App, Focus, Shown};
use crate::tui::layout::MapLayout;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// The two whole-body views, in screen order, with the patient's side on the viewer's
/// left: the patient faces us in the front view, so their right is on our left.
const VIEWS: [(ViewId, &str, Side, Side); 2] = [
    (ViewId::Front, "Front", Side::Right, Side::Left),
    (ViewId::Back, "Back", Side::Left, Side::Right),
];

/// The map width that fits two whole-body views of this pane height.
pub fn preferred_width(height: u16) -> u16 {
    let model = BodyModel::shipped();
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
    let title = match &app.records {
        Some(r) => format!("Body map · {}", r.client),
        None => "Body map".to_string(),
    };
    let block = pane(&title, app.focus == Focus::Map, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let cursor = (app.focus == Focus::Map).then(|| app.cursor_on(inner.width, inner.height));
    let content = Content {
        selected: &app.intake.selection.regions,
        pattern: pattern_overlay(app.atlas, shown),
        cursor,
        labels: note_labels(&app.intake),
    };
    paint_map(frame, inner, &content, theme)
}

/// A map of a visit or intake, not the live one: no cursor and no pattern, its regions
/// marked and labelled with `labels` ("6", "4 better"). Returns its hit grid.
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
        selected: &intake.selection.regions,
        pattern: Overlay::default(),
        cursor: None,
        labels,
    };
    paint_map(frame, inner, &content, theme)
}

/// What one map shows.
struct Content<'x> {
    selected: &'x [RegionInstance],
    pattern: Overlay,
    cursor: Option<crate::tui::app::Cursor>,
    labels: Vec<(RegionInstance, String)>,
}

/// Paints both views inside a pane's `inner` area, then the labels.
fn paint_map(
    frame: &mut Frame<'_>,
    inner: Rect,
    content: &Content<'_>,
    theme: &Theme,
) -> MapLayout {
    let mut hits = MapLayout::new(inner);
    if inner.width < 5 || inner.height < 3 {
        return hits;
    }
    let model = BodyModel::shipped();
    let half = (inner.width - 1) / 2;
    for (i, (view, title, viewer_left, viewer_right)) in VIEWS.into_iter().enumerate() {
        let x = inner.x + (half + 1) * i as u16;
        let rect = Rect::new(x, inner.y, half, inner.height);
        title_row(frame, rect, title, viewer_left, viewer_right, theme);
        let body = Rect::new(rect.x, rect.y + 1, rect.width, rect.height - 1);
        let raster = Raster::new(
            model,
            Viewport::new(view, Side::Left, body.width, body.height),
        );
        let mut overlay = content.pattern.clone();
        overlay.selected = content.selected.to_vec();
        overlay.cursor = content.cursor.and_then(|c| {
            let (cx, cy) = (inner.x + c.x, inner.y + c.y);
            (cx >= body.x && cx < body.right() && cy >= body.y && cy < body.bottom())
                .then(|| (cx - body.x, cy - body.y))
        });
        let cells = paint(&raster, &overlay, GlyphSet::Unicode);
        let buf = frame.buffer_mut();
        for row in 0..raster.height() {
            for col in 0..raster.width() {
                let i = usize::from(row) * usize::from(raster.width()) + usize::from(col);
                let Some(cell) = cells.get(i) else { continue };
                let (sx, sy) = (body.x + col, body.y + row);
                if let Some(target) = buf.cell_mut((sx, sy)) {
                    target.set_char(cell.ch).set_style(style_of(*cell, theme));
                }
                hits.set(sx - inner.x, sy - inner.y, raster.region_at(col, row));
            }
        }
    }
    label_regions(frame, &hits, &content.labels, theme);
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

/// Writes each label on its region's middle cell in every view the region shows in.
fn label_regions(
    frame: &mut Frame<'_>,
    hits: &MapLayout,
    labels: &[(RegionInstance, String)],
    theme: &Theme,
) {
    for (region, label) in labels {
        // The region's cells, split into the two views by column.
        let half = hits.area.width / 2;
        for in_back in [false, true] {
            let cells: Vec<(u16, u16)> = (0..hits.area.height)
                .flat_map(|y| (0..hits.area.width).map(move |x| (x, y)))
                .filter(|&(x, _)| (x > half) == in_back)
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

/// "R    Front    L": the view's title with the patient's sides at its edges.
fn title_row(
    frame: &mut Frame<'_>,
    rect: Rect,
    title: &str,
    left: Side,
    right: Side,
    theme: &Theme,
) {
    let buf = frame.buffer_mut();
    let letter = |s: Side| if s == Side::Left { "L" } else { "R" };
    buf.set_string(rect.x, rect.y, letter(left), theme.label);
    let w = title.len() as u16;
    if rect.width > w + 4 {
        buf.set_string(rect.x + (rect.width - w) / 2, rect.y, title, theme.title);
    }
    buf.set_string(
        rect.right().saturating_sub(1),
        rect.y,
        letter(right),
        theme.label,
    );
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
