//! The `C` client picker (a prompt, the clients that match it, and what Enter will do)
//! and the `N` note prompt.

use super::overlays::{centred, frame_box};
use crate::escape;
use crate::tui::clients::ClientPicker;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

/// Draws the picker over `area`.
pub fn draw(frame: &mut Frame<'_>, area: Rect, picker: &ClientPicker, theme: &Theme) {
    let shown = picker.shown();
    // As tall as the list needs, up to 16 rows (the prompt, the list, a blank, the hint).
    let wanted = shown.len().clamp(1, 10) as u16 + 5;
    let rect = centred(area, 56, wanted.min(16));
    frame.render_widget(Clear, rect);
    let rows = usize::from(rect.height.saturating_sub(5)).max(1);
    // Keep the highlight in view.
    let first = picker.selected.saturating_sub(rows - 1);
    let mut lines = vec![Line::from(vec![
        Span::styled("client> ", theme.label),
        Span::raw(escape::line(&picker.filter)),
        Span::styled("▏", theme.label),
    ])];
    for (i, name) in shown.iter().enumerate().skip(first).take(rows) {
        let style = if i == picker.selected {
            theme.selected
        } else {
            theme.text
        };
        lines.push(Line::styled(format!(" {}", escape::line(name)), style));
    }
    if shown.is_empty() {
        let hint = if picker.filter.trim().is_empty() {
            "no clients yet: type a name or code to start one".to_owned()
        } else {
            format!(
                "Enter starts a new client \"{}\"",
                escape::line(picker.filter.trim())
            )
        };
        lines.push(Line::styled(hint, theme.dim));
    }
    lines.push(Line::raw(""));
    match &picker.error {
        Some(e) => lines.push(Line::styled(e.clone(), theme.flag)),
        None => lines.push(Line::styled(
            "type to filter · ↑↓ choose · Enter picks · Esc cancels",
            theme.dim,
        )),
    }
    frame.render_widget(
        Paragraph::new(lines).block(frame_box("Client", theme)),
        rect,
    );
}

/// Draws the note prompt over `area`: the note wrapped as it grows.
pub fn note(frame: &mut Frame<'_>, area: Rect, text: &str, theme: &Theme) {
    let rect = centred(area, 70, 9);
    frame.render_widget(Clear, rect);
    let lines = vec![
        Line::styled("The therapist's note, saved with the visit:", theme.dim),
        Line::from(vec![
            Span::styled("> ", theme.label),
            Span::raw(escape::line(text)),
            Span::styled("▏", theme.label),
        ]),
        Line::raw(""),
        Line::styled("Enter keeps it (empty removes it) · Esc cancels", theme.dim),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .block(frame_box("Note", theme))
            .wrap(Wrap { trim: false }),
        rect,
    );
}
