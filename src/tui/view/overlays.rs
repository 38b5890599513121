//! Floating layers: the help, the fuzzy search and the muscle browser.

use crate::columns::fit;
use crate::parse::Reading;
use crate::search::Hit;
use crate::tui::app::{App, ExportState, SearchRow, SearchState};
use crate::tui::keymap::{HELP, row_keys};
use crate::tui::layout::ListLayout;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap};

/// A box centred in `area`, at most `w` by `h`.
pub(super) fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

pub(super) fn frame_box<'t>(title: &'t str, theme: &Theme) -> Block<'t> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.focus_border)
        .title(Line::styled(format!(" {title} "), theme.title))
}

/// Rows a floating list box takes at most: enough results to choose from, and little
/// enough repainting per keystroke (the 2 KB budget).
const FLOATING_ROWS: u16 = 14;

/// A framed list box over the panes, cleared; returns its inside.
fn floating(frame: &mut Frame<'_>, area: Rect, width: u16, title: &str, theme: &Theme) -> Rect {
    let rows = area.height.saturating_sub(2).clamp(6, FLOATING_ROWS);
    let rect = centred(area, width, rows);
    frame.render_widget(Clear, rect);
    let block = frame_box(title, theme);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    inner
}

/// Draws the help and returns its area.
pub fn help(frame: &mut Frame<'_>, area: Rect, theme: &Theme) -> Rect {
    let rows: Vec<(String, &str)> = HELP.iter().map(|r| (row_keys(r), r.what)).collect();
    let rect = centred(area, 80, rows.len() as u16 + 4);
    frame.render_widget(Clear, rect);
    let key_width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0)
        .min(26);
    let mut lines: Vec<Line<'_>> = rows
        .into_iter()
        .map(|(k, what)| {
            Line::from(vec![
                Span::styled(format!(" {k:<key_width$}  "), theme.title),
                Span::raw(what),
            ])
        })
        .collect();
    lines.push(Line::styled(
        " Any key closes. painmap informs; it does not diagnose.",
        theme.dim,
    ));
    frame.render_widget(
        Paragraph::new(lines)
            .block(frame_box("Help", theme))
            .wrap(Wrap { trim: false }),
        rect,
    );
    rect
}

/// Draws the search prompt and results; returns where the results are.
pub fn search(
    frame: &mut Frame<'_>,
    area: Rect,
    app: &App<'_>,
    state: &SearchState,
    theme: &Theme,
) -> ListLayout {
    let inner = floating(frame, area, 60, "Search: regions, muscles, symptoms", theme);
    if inner.height < 2 {
        return ListLayout::default();
    }
    let prompt = Line::from(vec![
        Span::styled("/ ", theme.label),
        Span::raw(state.query.clone()),
        Span::styled("▏", theme.label),
    ]);
    frame.render_widget(
        Paragraph::new(prompt),
        Rect::new(inner.x, inner.y, inner.width, 1),
    );
    let results = Rect::new(inner.x, inner.y + 1, inner.width, inner.height - 1);
    let hits = app.search_rows();
    if hits.is_empty() {
        let msg = if state.query.trim().is_empty() {
            "Type to search: temple, SCM, tingling, heel spur..."
        } else {
            "No match."
        };
        frame.render_widget(Paragraph::new(Line::styled(msg, theme.dim)), results);
        return ListLayout {
            area: results,
            offset: 0,
            rows_per_item: 1,
            len: 0,
        };
    }
    let width = usize::from(results.width);
    let items: Vec<ListItem<'_>> = hits
        .iter()
        .map(|row| match row {
            SearchRow::Phrase(reading) => phrase_line(app, reading, width, theme),
            SearchRow::Hit(h) => hit_line(h, width, theme),
        })
        .collect();
    let mut list_state =
        ListState::default().with_selected(Some(state.selected.min(hits.len() - 1)));
    frame.render_stateful_widget(
        List::new(items).highlight_style(theme.highlight),
        results,
        &mut list_state,
    );
    ListLayout {
        area: results,
        offset: list_state.offset(),
        rows_per_item: 1,
        len: hits.len(),
    }
}

/// "phrase   left back of knee, left calf · burning", then what was corrected or not
/// understood, dimmed.
fn phrase_line<'a>(app: &App<'_>, reading: &Reading, width: usize, theme: &Theme) -> ListItem<'a> {
    let said = reading.summary(app.atlas);
    let caveats = reading.caveats();
    let room = width.saturating_sub(9);
    let mut spans = vec![
        Span::styled(format!(" {:<8}", "phrase"), theme.dim),
        Span::styled(fit(&said, room), theme.label),
    ];
    let left = room.saturating_sub(said.chars().count() + 3);
    if !caveats.is_empty() && left > 3 {
        spans.push(Span::styled(
            format!(" ({})", fit(&caveats, left)),
            theme.dim,
        ));
    }
    ListItem::new(Line::from(spans))
}

/// "muscle   Sternocleidomastoid (SCM)" with the matched letters highlighted.
fn hit_line<'a>(hit: &Hit, width: usize, theme: &Theme) -> ListItem<'a> {
    let mut spans = vec![Span::styled(
        format!(" {:<8}", hit.kind.as_str()),
        theme.dim,
    )];
    let room = width.saturating_sub(9);
    for (i, ch) in hit.label.chars().enumerate().take(room) {
        let style = if hit.indices.contains(&i) {
            theme.matched
        } else {
            theme.text
        };
        spans.push(Span::styled(ch.to_string(), style));
    }
    ListItem::new(Line::from(spans))
}

/// Draws the export prompt.
pub fn export(frame: &mut Frame<'_>, area: Rect, state: &ExportState, theme: &Theme) {
    let rect = centred(area, 70, 7);
    frame.render_widget(Clear, rect);
    let mut lines = vec![
        Line::styled(
            "Write the intake note (.md, .pdf) or record (.json) to:",
            theme.dim,
        ),
        Line::from(vec![
            Span::styled("> ", theme.label),
            Span::raw(state.path.clone()),
            Span::styled("▏", theme.label),
        ]),
    ];
    match &state.error {
        Some(e) => lines.push(Line::styled(e.clone(), theme.flag)),
        None => lines.push(Line::styled("Enter writes · Esc cancels", theme.dim)),
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(frame_box("Export", theme))
            .wrap(Wrap { trim: false }),
        rect,
    );
}

/// Draws the age prompt.
pub fn age(frame: &mut Frame<'_>, area: Rect, text: &str, theme: &Theme) {
    let rect = centred(area, 50, 6);
    frame.render_widget(Clear, rect);
    let lines = vec![
        Line::styled("The client's age in years (empty: not known):", theme.dim),
        Line::from(vec![
            Span::styled("> ", theme.label),
            Span::raw(text.to_string()),
            Span::styled("▏", theme.label),
        ]),
        Line::styled("Enter sets · Esc cancels", theme.dim),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .block(frame_box("Age", theme))
            .wrap(Wrap { trim: false }),
        rect,
    );
}

/// Draws the screening questions, the highlighted one marked, each with its answer
/// and what the client's words already said.
pub fn screen(
    frame: &mut Frame<'_>,
    area: Rect,
    questions: &[crate::screen::Question<'_>],
    selected: usize,
    theme: &Theme,
) {
    let rows = questions.len() + questions.iter().filter(|q| q.heard.is_some()).count();
    // The questions, the hint line and the frame; an empty screen says so in one row.
    let height = u16::try_from(rows.max(1) + 3).unwrap_or(u16::MAX);
    let rect = centred(area, 76, height.min(area.height));
    frame.render_widget(Clear, rect);
    let width = usize::from(rect.width.saturating_sub(4));
    let mut lines = vec![Line::styled(
        "Ask the client; y yes · n no · u not asked · ↑↓ choose · Esc closes",
        theme.dim,
    )];
    if questions.is_empty() {
        lines.push(Line::styled(
            "No screening questions for this selection.",
            theme.dim,
        ));
    }
    for (i, q) in questions.iter().enumerate() {
        let answer = match q.answer {
            Some(true) => "[yes]",
            Some(false) => "[no] ",
            None => "[ ]  ",
        };
        let style = if i == selected {
            theme.highlight
        } else {
            ratatui::style::Style::default()
        };
        lines.push(Line::styled(
            fit(&format!("{answer} {}", q.question), width),
            style,
        ));
        if let Some(heard) = &q.heard {
            lines.push(Line::styled(
                fit(&format!("      the client said: '{heard}'"), width),
                theme.flag,
            ));
        }
    }
    frame.render_widget(
        Paragraph::new(lines)
            .block(frame_box("Screening questions", theme))
            .wrap(Wrap { trim: false }),
        rect,
    );
}

/// Draws the muscle browser; returns where its rows are.
pub fn browse(
    frame: &mut Frame<'_>,
    area: Rect,
    app: &App<'_>,
    selected: usize,
    theme: &Theme,
) -> ListLayout {
    let title = "Muscles by body area (Enter opens, Esc closes)";
    let inner = floating(frame, area, 72, title, theme);
    let order = app.browse_order();
    let width = usize::from(inner.width);
    let items: Vec<ListItem<'_>> = order
        .iter()
        .map(|m| {
            let n = m.trigger_points.len();
            let text = format!(
                " {:<13}{} ({n} point{})",
                m.group.as_str(),
                m.name,
                if n == 1 { "" } else { "s" }
            );
            ListItem::new(Line::raw(fit(&text, width)))
        })
        .collect();
    let mut state =
        ListState::default().with_selected(Some(selected.min(order.len().saturating_sub(1))));
    frame.render_stateful_widget(
        List::new(items).highlight_style(theme.highlight),
        inner,
        &mut state,
    );
    ListLayout {
        area: inner,
        offset: state.offset(),
        rows_per_item: 1,
        len: order.len(),
    }
}
