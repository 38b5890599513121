//! The comparison `c` shows: both muscles drawn on one body in the map pane (framed to
//! both patterns, with the legend that tells them apart), and in words beside it: the
//! regions only 1, only 2 and both reach, then who they are, where to press and their
//! symptoms ([`crate::compare`]).

use super::{pane, scrolled};
use crate::body::diagram::Diagram;
use crate::compare::{Comparison, Line as Said};
use crate::tui::app::App;
use crate::tui::layout::MapLayout;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Draws both patterns on one body in `area`; returns its hit grid (clicks name the
/// regions, as on the map).
pub fn picture(
    frame: &mut Frame<'_>,
    area: Rect,
    app: &App<'_>,
    cmp: &Comparison<'_>,
    theme: &Theme,
) -> MapLayout {
    let title = format!("Compare: 1 {} · 2 {}", cmp.first.name(), cmp.second.name());
    let block = pane(&title, false, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut hits = MapLayout::new(inner);
    let model = crate::body::shipped();
    let overlay = cmp.overlay(app.atlas);
    let d = Diagram::for_overlay(model, &overlay, inner.width, inner.height, theme.glyphs);
    crate::tui::picture::paint_diagram(&d, &overlay, inner, frame.buffer_mut(), theme);
    for row in 0..d.height().min(inner.height) {
        for col in 0..d.width().min(inner.width) {
            hits.set(col, row, d.region_at(col, row));
        }
    }
    hits
}

/// Draws the comparison in words in `area` (scrolled like the detail); returns the area.
pub fn words(
    frame: &mut Frame<'_>,
    area: Rect,
    app: &App<'_>,
    cmp: &Comparison<'_>,
    theme: &Theme,
) -> Rect {
    let block = pane("Compare", true, theme);
    let mut lines: Vec<Line<'_>> = vec![Line::styled("Esc or c: back · ↑ ↓: scroll", theme.dim)];
    lines.extend(styled_lines(app.atlas, cmp, theme));
    scrolled(frame, area, block, lines, app.detail_scroll);
    area
}

/// A comparison in words, styled for a pane: what tells the two apart first (only 1, only
/// 2, both: it must fit at 80x24), then who they are (where to press, symptoms); each
/// heading in its pattern's colour. For any screen that shows a comparison (the
/// explorer's `c`, study's feedback).
pub fn styled_lines<'t>(
    atlas: &crate::atlas::Atlas,
    cmp: &Comparison<'_>,
    theme: &Theme,
) -> Vec<Line<'t>> {
    let mut said = cmp.region_lines(atlas);
    said.extend(cmp.pattern_lines(atlas));
    let mut lines: Vec<Line<'t>> = Vec::new();
    for said in said {
        match said {
            Said::Heading(n, text) => {
                let style = match n {
                    1 => theme.essential,
                    2 => theme.essential2,
                    _ => theme.both,
                };
                // A blank line before pattern 1's heading, but not at the top.
                if n == 1 && !lines.is_empty() {
                    lines.push(Line::default());
                }
                lines.push(Line::from(Span::styled(text, style.patch(theme.title))));
            }
            Said::Item(text) => lines.push(Line::raw(format!("  {text}"))),
        }
    }
    lines
}
