//! The `H` history screen: the client's visits by date with each region's intensity
//! trend; a chosen earlier visit drawn beside today's map with what changed marked.

use super::map::draw_marked;
use super::pane;
use crate::atlas::RegionInstance;
use crate::records::{Change, Visit, compare, sparkline, trends};
use crate::report::instance_words;
use crate::tui::app::{App, HistoryState};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout as Split, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, List, ListItem, ListState, Paragraph, Wrap};

/// Draws the history over the panes' area.
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, h: &HistoryState, theme: &Theme) {
    frame.render_widget(Clear, area);
    if h.comparing {
        compare_view(frame, area, app, h, theme);
    } else {
        list_view(frame, area, app, h, theme);
    }
}

/// The visits (newest highlighted at first) above, the trend of each region below.
fn list_view(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, h: &HistoryState, theme: &Theme) {
    let all = trends(&h.visits);
    let trend_rows = (all.len() as u16 + 3).min(area.height / 2);
    let rows = Split::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Min(3), Constraint::Length(trend_rows)])
        .split(area);
    let client = app.records.as_ref().map_or("", |r| r.client.as_str());
    let n = h.visits.len();
    let title = format!(
        "History · {client} · {n} {}",
        if n == 1 { "visit" } else { "visits" }
    );
    let block = pane(&title, true, theme);
    let inner = block.inner(rows[0]);
    frame.render_widget(block, rows[0]);
    let hint_row = Rect::new(inner.x, inner.bottom().saturating_sub(1), inner.width, 1);
    let list_area = Rect::new(
        inner.x,
        inner.y,
        inner.width,
        inner.height.saturating_sub(1),
    );
    let items: Vec<ListItem<'_>> = h
        .visits
        .iter()
        .map(|v| {
            let mut spans = vec![Span::styled(format!(" {}  ", v.visit.date), theme.title)];
            if let Some(age) = v.visit.age {
                spans.push(Span::styled(format!("age {age}  "), theme.dim));
            }
            // A visit that raised a red flag says so first: the referral is on record.
            for f in &v.visit.red_flags {
                spans.push(Span::styled(format!("! {}  ", f.title), theme.flag));
            }
            spans.push(Span::raw(v.visit.regions_words(app.atlas)));
            ListItem::new(Line::from(spans))
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(h.selected));
    frame.render_stateful_widget(
        List::new(items).highlight_style(theme.highlight),
        list_area,
        &mut state,
    );
    frame.render_widget(
        Paragraph::new(Line::styled(
            " ↑↓ choose · Enter compare with today · Esc close",
            theme.dim,
        )),
        hint_row,
    );
    let block = pane("Intensity by visit, oldest first", false, theme);
    let inner = block.inner(rows[1]);
    frame.render_widget(block, rows[1]);
    let width = all
        .iter()
        .map(|t| instance_words(app.atlas, &t.region).chars().count())
        .max()
        .unwrap_or(0);
    let lines: Vec<Line<'_>> = all
        .iter()
        .map(|t| {
            let last = t
                .values
                .iter()
                .rev()
                .find_map(|v| *v)
                .map_or(String::new(), |n| format!("  now {n}"));
            Line::from(vec![
                Span::styled(
                    format!(" {:<width$}  ", instance_words(app.atlas, &t.region)),
                    theme.text,
                ),
                Span::styled(sparkline(&t.values), theme.essential),
                Span::styled(last, theme.dim),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The chosen visit's map beside today's, labelled with the changes, and the list of
/// changes under them.
fn compare_view(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, h: &HistoryState, theme: &Theme) {
    let Some(then) = h.visits.get(h.selected) else {
        return;
    };
    // Today's intake as a visit, only to compare (its date plays no part).
    let now = Visit::of_intake(app.atlas, &app.intake, then.visit.date);
    let changes = compare(&then.visit, &now);
    let change_rows = (changes.len() as u16 + 2).clamp(3, (area.height / 3).max(3));
    let rows = Split::default()
        .direction(Direction::Vertical)
        .constraints([Constraint::Min(3), Constraint::Length(change_rows)])
        .split(area);
    let cols = Split::default()
        .direction(Direction::Horizontal)
        .constraints([Constraint::Percentage(50), Constraint::Percentage(50)])
        .split(rows[0]);
    let then_labels: Vec<(RegionInstance, String)> = then
        .visit
        .regions
        .iter()
        .filter_map(|r| r.intensity.map(|i| (r.instance(), i.to_string())))
        .collect();
    draw_marked(
        frame,
        cols[0],
        &format!("Visit {}", then.visit.date),
        &then.visit.intake(),
        then_labels,
        theme,
    );
    // Today's map: each region labelled with its change; regions gone are labelled too,
    // though no longer marked.
    let now_labels: Vec<(RegionInstance, String)> = changes
        .iter()
        .map(|c| (c.region.clone(), mark(c.change, c.after)))
        .collect();
    draw_marked(frame, cols[1], "Today", &app.intake, now_labels, theme);
    let block = pane("What changed (Esc back to the visits)", false, theme);
    let inner = block.inner(rows[1]);
    frame.render_widget(block, rows[1]);
    let words: Vec<Span<'_>> = if changes.is_empty() {
        vec![Span::styled(" nothing marked either time", theme.dim)]
    } else {
        changes
            .iter()
            .enumerate()
            .flat_map(|(i, c)| {
                let from_to = c.from_to("→");
                let style = match c.change {
                    Change::Worse | Change::New => theme.flag,
                    Change::Better | Change::Gone => theme.selected,
                    Change::Same => theme.text,
                };
                [
                    Span::raw(if i == 0 { " " } else { " · " }),
                    Span::raw(format!("{}: ", instance_words(app.atlas, &c.region))),
                    Span::styled(format!("{}{from_to}", c.change.as_str()), style),
                ]
            })
            .collect()
    };
    frame.render_widget(
        Paragraph::new(Line::from(words)).wrap(Wrap { trim: true }),
        inner,
    );
}

/// The label a change puts on today's map: "4↓" better, "7↑" worse, "+6" new (a bare
/// "+" without an intensity), "gone".
fn mark(change: Change, after: Option<u8>) -> String {
    let n = after.map(|a| a.to_string()).unwrap_or_default();
    match change {
        Change::New => format!("+{n}"),
        Change::Gone => "gone".into(),
        Change::Better => format!("{n}↓"),
        Change::Worse => format!("{n}↑"),
        Change::Same => format!("{n}="),
    }
}
