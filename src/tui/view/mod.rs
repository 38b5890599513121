//! The view: a pure function of the state that draws one frame and returns the layout it
//! drew, for hit-testing the next event.

mod candidates;
mod clients;
mod compare;
mod detail;
mod drawn;
mod history;
mod layers;
mod map;
mod overlays;
mod status;

pub use crate::columns::fit;
/// What covers the body map: 0 for nothing, else which popup (the search and browse
/// lists sit beside the map and cover nothing).
pub fn covering(app: &App<'_>) -> u8 {
    match &app.overlay {
        None | Some(Overlay::Search(_) | Overlay::Browse { .. }) => 0,
        Some(Overlay::Help) => 1,
        Some(Overlay::Export(_)) => 2,
        Some(Overlay::Age(_)) => 3,
        Some(Overlay::Screen { .. }) => 6,
        Some(Overlay::History(_)) => 4,
        Some(Overlay::Compare(_)) => 5,
        Some(Overlay::Clients(_)) => 7,
        Some(Overlay::Note(_)) => 8,
    }
}

pub use compare::styled_lines as comparison_lines;
pub use map::{BodyPicture, CanvasPicture, mosaic_style, style_of};

use super::app::{App, Focus, Overlay};
use super::layout::Layout;
use super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout as Split, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Wrap};

/// The smallest terminal the explorer draws in.
pub const MIN_WIDTH: u16 = 60;
/// The smallest terminal the explorer draws in.
pub const MIN_HEIGHT: u16 = 18;
/// From this width and height on, map, candidates and detail are side by side.
pub const WIDE_WIDTH: u16 = 110;
/// See [`WIDE_WIDTH`].
pub const WIDE_HEIGHT: u16 = 30;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame<'_>, app: &App<'_>, theme: &Theme) -> Layout {
    let area = frame.area();
    let mut layout = Layout::default();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area, theme);
        return layout;
    }
    // Rank once per frame; every pane reads the same result.
    let cands = app.candidates();
    let shown = app.shown_among(cands);
    let place_of = app.shown_place(cands);
    let flags = app.red_flags();
    let questions = app.age_questions();
    // Every warning in full, wrapped: "see a physician the same day" must never be cut
    // off. Half the screen at most, so the map stays usable.
    let banner = status::banner_lines(flags, area.width);
    let banner_rows = u16::try_from(banner.len())
        .unwrap_or(u16::MAX)
        .min(area.height / 2);
    let rows = Split::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Length(banner_rows),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .split(area);
    status::banner(frame, rows[0], &banner, theme);
    let main = rows[1];
    let wide = area.width >= WIDE_WIDTH && area.height >= WIDE_HEIGHT;
    // `c`: the comparison takes the map's place, and the detail's (or, when narrow, the
    // candidates').
    let comparing = match &app.overlay {
        Some(Overlay::Compare(pair)) => app.comparison(pair),
        _ => None,
    };
    if wide {
        let map_width = map::preferred_width(main.height).min(main.width / 2);
        let rest = main.width.saturating_sub(map_width);
        let cols = Split::default()
            .direction(Direction::Horizontal)
            .constraints([
                Constraint::Length(map_width),
                Constraint::Length(rest / 2),
                Constraint::Min(1),
            ])
            .split(main);
        layout.map = Some(match &comparing {
            Some(cmp) => compare::picture(frame, cols[0], app, cmp, theme),
            None => map::draw(frame, cols[0], app, shown, theme),
        });
        layout.candidates = Some(candidates::draw(
            frame, cols[1], app, cands, questions, theme,
        ));
        layout.detail = Some(match &comparing {
            Some(cmp) => compare::words(frame, cols[2], app, cmp, theme),
            None => detail::draw(frame, cols[2], app, shown, place_of, theme),
        });
    } else if let Some(cmp) = &comparing {
        // Half the width: the legend of two patterns needs it more than the candidates.
        let map_width =
            (main.width / 2).max(map::preferred_width(main.height).min(main.width * 11 / 20));
        let cols = Split::default()
            .direction(Direction::Horizontal)
            .constraints([Constraint::Length(map_width), Constraint::Min(1)])
            .split(main);
        layout.map = Some(compare::picture(frame, cols[0], app, cmp, theme));
        layout.detail = Some(compare::words(frame, cols[1], app, cmp, theme));
    } else {
        let map_width = map::preferred_width(main.height).min(main.width * 11 / 20);
        let cols = Split::default()
            .direction(Direction::Horizontal)
            .constraints([Constraint::Length(map_width), Constraint::Min(1)])
            .split(main);
        // The detail takes the map's place while it has the keyboard.
        if app.focus == Focus::Detail {
            layout.detail = Some(detail::draw(frame, cols[0], app, shown, place_of, theme));
        } else {
            layout.map = Some(map::draw(frame, cols[0], app, shown, theme));
        }
        layout.candidates = Some(candidates::draw(
            frame, cols[1], app, cands, questions, theme,
        ));
    }
    status::bar(frame, rows[2], app, &layout, theme);
    // Lists float beside the map, not over it: the map stays in view while searching,
    // and closing the box repaints text, not the body.
    let beside_map = layout.map.as_ref().map_or(main, |m| {
        let x = (m.area.right() + 1).min(main.right());
        Rect::new(x, main.y, main.right() - x, main.height)
    });
    match &app.overlay {
        Some(Overlay::Help) => layout.help = Some(overlays::help(frame, main, theme)),
        Some(Overlay::Search(s)) => {
            layout.search = Some(overlays::search(frame, beside_map, app, s, theme));
        }
        Some(Overlay::Browse { selected }) => {
            layout.browse = Some(overlays::browse(frame, beside_map, app, *selected, theme));
        }
        Some(Overlay::Export(state)) => overlays::export(frame, main, state, theme),
        Some(Overlay::Age(text)) => overlays::age(frame, main, text, theme),
        Some(Overlay::Screen { selected }) => {
            overlays::screen(frame, main, app.screen_questions(), *selected, theme);
        }
        Some(Overlay::History(h)) => history::draw(frame, main, app, h, theme),
        Some(Overlay::Clients(p)) => clients::draw(frame, main, p, theme),
        Some(Overlay::Note(text)) => clients::note(frame, main, text, theme),
        Some(Overlay::Compare(_)) | None => {}
    }
    layout
}

/// Lines in a pane, wrapped and scrolled by `scroll` rows (never past the last line).
fn scrolled(
    frame: &mut Frame<'_>,
    area: Rect,
    block: Block<'_>,
    lines: Vec<Line<'_>>,
    scroll: u16,
) {
    let max = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_sub(1);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll.min(max), 0)),
        area,
    );
}

/// A bordered pane; the one with the keyboard has a marked, highlighted title. (Only the
/// title changes with focus, so Tab repaints a few cells, not two borders.)
fn pane<'t>(title: &'t str, focused: bool, theme: &Theme) -> Block<'t> {
    let title = if focused {
        Line::styled(format!(" ▸ {title} "), theme.highlight)
    } else {
        Line::styled(format!(" {title} "), theme.title)
    };
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .title(title)
}

fn too_small(frame: &mut Frame<'_>, area: Rect, theme: &Theme) {
    let text = format!("terminal too small (need {MIN_WIDTH}x{MIN_HEIGHT})");
    let y = area.height / 2;
    let line = Rect::new(area.x, area.y + y, area.width, area.height.min(1));
    frame.render_widget(
        Paragraph::new(Line::styled(text, theme.text))
            .centered()
            .wrap(Wrap { trim: true }),
        if area.height > 1 { line } else { area },
    );
}
