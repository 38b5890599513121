//! Events to messages, resolved against the layout of the frame on screen (television's
//! pattern: hit-testing is a pure function of the event and the layout).

use super::app::{Screen, StudyApp};
use super::update::Msg;
use crate::tui::layout::{ListLayout, MapLayout};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// What the last frame drew, for hit-testing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StudyLayout {
    /// The body map of a "draw" card.
    pub map: Option<MapLayout>,
    /// The choices of a "name" card.
    pub choices: Option<ListLayout>,
    /// Where the map cursor first appears: the trigger point's X, relative to the map.
    pub start: Option<(u16, u16)>,
}

/// The message an event means, if any.
pub fn map(event: &Event, app: &StudyApp<'_>, layout: &StudyLayout) -> Option<Msg> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => key_msg(*key, app, layout),
        Event::Mouse(mouse) => mouse_msg(*mouse, app, layout),
        _ => None,
    }
}

fn key_msg(key: KeyEvent, app: &StudyApp<'_>, layout: &StudyLayout) -> Option<Msg> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return matches!(key.code, KeyCode::Char('c' | 'q')).then_some(Msg::Quit);
    }
    if key.code == KeyCode::Tab {
        return Some(Msg::ToggleSummary);
    }
    match app.screen {
        Screen::Summary | Screen::Feedback(_) => match key.code {
            KeyCode::Char('q') | KeyCode::Esc => Some(Msg::Quit),
            _ if app.screen == Screen::Summary && app.card().is_none() => None,
            _ => Some(Msg::Next),
        },
        Screen::Card if app.drawing() => draw_key(key, app, layout),
        Screen::Card => name_key(key, app),
    }
}

fn name_key(key: KeyEvent, app: &StudyApp<'_>) -> Option<Msg> {
    let typing = !app.typed.is_empty();
    match key.code {
        KeyCode::Char(c @ '1'..='4') => Some(Msg::Choose(usize::from(c as u8 - b'1'))),
        KeyCode::Char('q') if !typing => Some(Msg::Quit),
        KeyCode::Esc if typing => Some(Msg::ClearTyped),
        KeyCode::Esc => Some(Msg::Quit),
        KeyCode::Char(c) if c.is_alphabetic() || ((c == ' ' || c == '-') && typing) => {
            Some(Msg::Type(c))
        }
        KeyCode::Backspace if typing => Some(Msg::Backspace),
        KeyCode::Enter if typing => Some(Msg::AcceptCompletion),
        _ => None,
    }
}

fn draw_key(key: KeyEvent, app: &StudyApp<'_>, layout: &StudyLayout) -> Option<Msg> {
    let step = |dx: i16, dy: i16| {
        let m = layout.map.as_ref()?;
        let (x, y) = cursor_on(app, layout, m);
        let (x, y) = clamp(
            (x.saturating_add_signed(dx), y.saturating_add_signed(dy)),
            m,
        );
        Some(Msg::Click(x, y, None))
    };
    match key.code {
        KeyCode::Char('q') | KeyCode::Esc => Some(Msg::Quit),
        KeyCode::Left | KeyCode::Char('h') => step(-1, 0),
        KeyCode::Right | KeyCode::Char('l') => step(1, 0),
        KeyCode::Up | KeyCode::Char('k') => step(0, -1),
        KeyCode::Down | KeyCode::Char('j') => step(0, 1),
        KeyCode::Char(' ' | 'x') => {
            let m = layout.map.as_ref()?;
            let (x, y) = cursor_on(app, layout, m);
            m.region_at(x, y).cloned().map(Msg::Toggle)
        }
        KeyCode::Char('v') => Some(Msg::CycleCloseUp),
        KeyCode::Enter => Some(Msg::Submit),
        _ => None,
    }
}

fn mouse_msg(mouse: MouseEvent, app: &StudyApp<'_>, layout: &StudyLayout) -> Option<Msg> {
    if !matches!(mouse.kind, MouseEventKind::Down(MouseButton::Left)) {
        return None;
    }
    let (col, row) = (mouse.column, mouse.row);
    match app.screen {
        Screen::Card if app.drawing() => {
            let m = layout.map.as_ref()?;
            let region = m.region_at_screen(col, row)?.clone();
            Some(Msg::Click(col - m.area.x, row - m.area.y, Some(region)))
        }
        Screen::Card => layout
            .choices
            .and_then(|l| l.item_at(col, row))
            .map(Msg::Choose),
        Screen::Feedback(_) => Some(Msg::Next),
        Screen::Summary => None,
    }
}

/// Where the map cursor is: where it was moved on this card, else on the card's X as the
/// last frame drew it (or near the middle of the map).
pub fn cursor_on(app: &StudyApp<'_>, layout: &StudyLayout, m: &MapLayout) -> (u16, u16) {
    let start = layout
        .start
        .unwrap_or((m.area.width / 4, m.area.height / 3));
    clamp(app.cursor.unwrap_or(start), m)
}

/// The cursor kept inside the map.
pub fn clamp(cursor: (u16, u16), map: &MapLayout) -> (u16, u16) {
    (
        cursor.0.min(map.area.width.saturating_sub(1)),
        cursor.1.min(map.area.height.saturating_sub(1)),
    )
}
