//! What else it could be, in the explorer: the map's layer (`o`: dermatomes, nerves,
//! organs) painted over the body with each entry named; a short panel under the
//! candidates naming the entries the selection fits well; and a section in the detail
//! with the questions that tell them apart from the muscles.

use crate::atlas::RegionInstance;
use crate::body::glyphs::Glyphs;
use crate::body::raster::{Ground, Raster};
use crate::columns::fit;
use crate::layers::{self, Kind};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Paints a layer over a panel's picture already in `buf` at `area`: each entry's body
/// cells filled with one of two alternating shades, except the cells `keep` says to
/// leave alone (the selection and the shown zones), then each entry's label.
pub fn paint(
    buf: &mut Buffer,
    area: Rect,
    raster: &Raster<'_>,
    kind: Kind,
    keep: &dyn Fn(&RegionInstance) -> bool,
    theme: &Theme,
) {
    let all = layers::shipped();
    let owners = layers::paint::owners(all, kind, raster);
    let w = usize::from(raster.width()).max(1);
    let nth = |k: usize| all.entries[..k].iter().filter(|e| e.kind == kind).count() % 2;
    let ascii = theme.glyphs == Glyphs::Ascii;
    // The two band colours: the theme's second-pattern blues.
    let band = |k: usize| {
        if nth(k) == 0 {
            theme.essential2.fg
        } else {
            theme.spillover2.fg
        }
    };
    for (i, owner) in owners.iter().enumerate() {
        let Some((k, _)) = owner else { continue };
        let (col, row) = ((i % w) as u16, (i / w) as u16);
        if col >= area.width || row >= area.height {
            continue;
        }
        let Some(c) = raster.cell(col, row) else {
            continue;
        };
        if c.ground != Ground::Body || raster.region_at(col, row).is_some_and(|r| keep(&r)) {
            continue;
        }
        let Some(cell) = buf.cell_mut((area.x + col, area.y + row)) else {
            continue;
        };
        if let (Some(bg), true) = (band(*k), theme.color) {
            // In colour, a solid band: a shade over the mosaic's blocks reads as noise.
            cell.set_char(' ').set_style(Style::reset().bg(bg));
        } else {
            let (ch, style) = match (nth(*k), ascii) {
                (0, true) => ('.', theme.essential2),
                (_, true) => (':', theme.spillover2),
                (0, false) => ('░', theme.essential2),
                (_, false) => ('▒', theme.spillover2),
            };
            cell.set_char(ch).set_style(style);
        }
    }
    for (col, row, k) in layers::paint::labels(all, raster, &owners) {
        if row >= area.height {
            continue;
        }
        let room = usize::from(area.width.saturating_sub(col));
        let label: String = all.entries[k].short.chars().take(room).collect();
        let style = match band(k) {
            // White on the dark band, black on the light one.
            Some(bg) if theme.color => Style::reset()
                .bg(bg)
                .fg(if nth(k) == 0 {
                    Color::White
                } else {
                    Color::Black
                })
                .add_modifier(Modifier::BOLD),
            _ => theme.label.add_modifier(Modifier::REVERSED),
        };
        buf.set_string(area.x + col, area.y + row, label, style);
    }
}

/// The rows kept at the bottom of the candidates pane for what else it could be: a
/// heading and one line per entry that fits well (three at most), when there is room.
/// Returns the area left for the list.
pub fn panel(frame: &mut Frame<'_>, inner: Rect, app: &App<'_>, theme: &Theme) -> Rect {
    let entries = app.what_else();
    if entries.is_empty() || inner.height < 8 {
        return inner;
    }
    let shown = entries.len().min(3).min(usize::from(inner.height / 4));
    let rows = shown as u16 + 1;
    let width = usize::from(inner.width);
    let mut lines = vec![Line::styled(
        fit("What else it could be (detail: questions)", width),
        theme.title,
    )];
    for e in &entries[..shown] {
        let asks: Vec<&str> = e
            .questions
            .iter()
            .map(|q| q.id.as_str())
            .filter(|q| *q != "press" && *q != "movement")
            .collect();
        let flag = if e.red_flag.is_some() { "! " } else { "" };
        let side: String = e
            .side
            .and_then(|s| s.chars().next())
            .map(|c| format!(" {}", c.to_ascii_uppercase()))
            .unwrap_or_default();
        let text = format!(
            "{flag}{}{side} {}% · ask {}",
            e.name,
            e.fit,
            asks.join(", ")
        );
        let style = if e.red_flag.is_some() {
            theme.flag
        } else {
            theme.label
        };
        lines.push(Line::styled(fit(&text, width), style));
    }
    let at = Rect::new(inner.x, inner.bottom() - rows, inner.width, rows);
    frame.render_widget(Paragraph::new(lines), at);
    Rect::new(inner.x, inner.y, inner.width, inner.height - rows)
}

/// The detail's section: each entry that fits well, what it explains, its note and
/// source, and the questions that tell it apart (empty when nothing fits).
pub fn detail_lines<'a>(app: &App<'_>, theme: &Theme) -> Vec<Line<'a>> {
    let entries = app.what_else();
    let mut out = Vec::new();
    if entries.is_empty() {
        return out;
    }
    out.push(Line::default());
    out.push(Line::styled(
        "What else it could be (not trigger points)".to_string(),
        theme.title,
    ));
    for e in entries {
        out.push(Line::from(vec![
            Span::styled(format!(" • {}: ", e.heading()), theme.label),
            Span::raw(e.explains_words(app.atlas)),
        ]));
        out.push(Line::raw(format!("   {}", e.note)));
        if let Some(flag) = &e.red_flag {
            out.push(Line::styled(
                format!("   Joins the red-flag screen: {flag}."),
                theme.flag,
            ));
        }
        for q in &e.questions {
            out.push(Line::from(vec![
                Span::raw(format!("   ? {} ", q.ask)),
                Span::styled(format!("(yes: {})", q.means), theme.dim),
            ]));
        }
        out.push(Line::styled(format!("   Source: {}", e.source), theme.dim));
    }
    out
}
