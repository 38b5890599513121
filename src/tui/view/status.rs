//! The red-flag banner and the status bar.

use super::map::under_cursor;
use crate::rank::Raised;
use crate::report::instance_words;
use crate::tui::app::{App, Focus};
use crate::tui::layout::Layout;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The banner's lines: each raised red flag in full ("what to do" included), wrapped at
/// word boundaries to `width` columns, continuation lines indented under the words.
/// A flag raised by an answer, or by words heard, says so after its title.
pub fn banner_lines(flags: &[Raised<'_>], width: u16) -> Vec<String> {
    flags
        .iter()
        .flat_map(|raised| {
            let flag = raised.flag;
            let because = raised.reasons();
            let because = if because.is_empty() {
                String::new()
            } else {
                format!(" ({because})")
            };
            let text = format!(
                " ! SEE A PHYSICIAN: {}{because}. {}",
                flag.title, flag.message
            );
            crate::columns::wrap(text.split_whitespace(), " ", usize::from(width).max(11), 3)
        })
        .collect()
}

/// The red flags, wrapped over as many rows as `area` has (the view gives it every line
/// it needs, up to half the screen; past that the last row says so).
pub fn banner(frame: &mut Frame<'_>, area: Rect, lines: &[String], theme: &Theme) {
    let rows = usize::from(area.height);
    for (i, text) in lines.iter().enumerate().take(rows) {
        let row = Rect::new(area.x, area.y + i as u16, area.width, 1);
        let text = if i + 1 == rows && lines.len() > rows {
            let keep: String = text
                .chars()
                .take(usize::from(area.width).saturating_sub(34))
                .collect();
            format!("{keep} ... (more: make the window taller)")
        } else {
            text.clone()
        };
        frame.render_widget(Paragraph::new(Line::styled(text, theme.flag)), row);
    }
}

/// The hints kept when the status leaves little room.
const SHORT_HINTS: &str = "? help · q quit";

/// Status on the left, key hints on the right.
pub fn bar(frame: &mut Frame<'_>, area: Rect, app: &App<'_>, layout: &Layout, theme: &Theme) {
    let hints = match app.focus {
        Focus::Map => {
            "arrows move · Space toggle · / search · m muscles · Tab next · ? help · q quit"
        }
        Focus::Candidates => {
            "↑↓ choose · [ ] its points · Enter open · a age · Tab next · ? help · q quit"
        }
        Focus::Detail => "↑↓ scroll · [ ] other points · Esc back · Tab next · ? help · q quit",
    };
    let here = layout
        .map
        .as_ref()
        // Named once moved: on the first frame the key hints matter more, and the ◆ shows
        // where Space acts.
        .filter(|_| app.cursor.is_some() && app.focus == Focus::Map)
        .and_then(|m| under_cursor(m, app))
        .map(|r| format!("cursor: {}", instance_words(app.atlas, &r)));
    let left = match (here, app.status.is_empty()) {
        (Some(h), true) => h,
        (Some(h), false) => format!("{h} · {}", app.status),
        (None, _) => app.status.clone(),
    };
    let width = usize::from(area.width);
    let hint_room = width.saturating_sub(left.chars().count() + 2);
    // The status is what just happened, so it keeps the line: the hints shrink to the
    // short form, then go; a status longer than the line is cut with an ellipsis.
    let hints = if hints.chars().count() <= hint_room {
        hints.to_string()
    } else if SHORT_HINTS.chars().count() <= hint_room {
        SHORT_HINTS.to_string()
    } else {
        String::new()
    };
    let left = crate::columns::fit(&left, width);
    let pad = width.saturating_sub(left.chars().count() + hints.chars().count());
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(left, theme.title),
            Span::raw(" ".repeat(pad)),
            Span::styled(hints, theme.dim),
        ])),
        area,
    );
}
