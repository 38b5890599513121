//! Input mapping: a terminal event, the state and the last frame's layout in; a message
//! out. Pure, so every key and click is unit-tested.

use super::app::{App, Cursor, Focus, Overlay};
use super::layout::Layout;
use super::msg::Msg;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// Maps one event to a message, or `None` when it means nothing here.
/// `now` (seconds since the Unix epoch) stamps the export's name and date.
pub fn map(event: &Event, app: &App<'_>, layout: &Layout, now: i64) -> Option<Msg> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => key_msg(*key, app, layout, now),
        Event::Mouse(mouse) => mouse_msg(*mouse, app, layout),
        _ => None,
    }
}

fn key_msg(key: KeyEvent, app: &App<'_>, layout: &Layout, now: i64) -> Option<Msg> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && matches!(key.code, KeyCode::Char('c' | 'C')) {
        return Some(Msg::Quit);
    }
    match &app.overlay {
        Some(Overlay::Help) => match key.code {
            KeyCode::Char('q') => Some(Msg::Quit),
            _ => Some(Msg::ToggleHelp),
        },
        Some(Overlay::Search(_)) => match key.code {
            KeyCode::Esc => Some(Msg::Back),
            KeyCode::Enter => Some(Msg::SearchAccept(None)),
            KeyCode::Up => Some(Msg::Move(-1)),
            KeyCode::Down | KeyCode::Tab => Some(Msg::Move(1)),
            KeyCode::Char('p') if ctrl => Some(Msg::Move(-1)),
            KeyCode::Char('n') if ctrl => Some(Msg::Move(1)),
            KeyCode::Backspace => Some(Msg::SearchBackspace),
            KeyCode::Char(c) if !ctrl => Some(Msg::SearchInput(c)),
            _ => None,
        },
        Some(Overlay::Export(_)) => match key.code {
            KeyCode::Esc => Some(Msg::Back),
            KeyCode::Enter => Some(Msg::ExportAccept(now)),
            KeyCode::Backspace => Some(Msg::ExportBackspace),
            KeyCode::Char(c) if !ctrl => Some(Msg::ExportInput(c)),
            _ => None,
        },
        Some(Overlay::Browse { .. }) => match key.code {
            KeyCode::Esc | KeyCode::Char('m') => Some(Msg::Back),
            KeyCode::Char('q') => Some(Msg::Quit),
            KeyCode::Enter => Some(Msg::BrowseAccept(None)),
            KeyCode::Up | KeyCode::Char('k') => Some(Msg::Move(-1)),
            KeyCode::Down | KeyCode::Char('j') => Some(Msg::Move(1)),
            KeyCode::PageUp => Some(Msg::Move(-10)),
            KeyCode::PageDown => Some(Msg::Move(10)),
            _ => None,
        },
        None => main_key(key, app, layout, now),
    }
}

fn main_key(key: KeyEvent, app: &App<'_>, layout: &Layout, now: i64) -> Option<Msg> {
    match key.code {
        KeyCode::Char('q') => return Some(Msg::Quit),
        KeyCode::Char('?') => return Some(Msg::ToggleHelp),
        KeyCode::Char('/') => return Some(Msg::OpenSearch),
        KeyCode::Char('m') => return Some(Msg::OpenBrowse),
        KeyCode::Char('x') => return Some(Msg::Clear),
        KeyCode::Tab => return Some(Msg::CycleFocus(true)),
        KeyCode::BackTab => return Some(Msg::CycleFocus(false)),
        KeyCode::Esc => return Some(Msg::Back),
        KeyCode::Char(']') => return Some(Msg::CyclePoint(true)),
        KeyCode::Char('[') => return Some(Msg::CyclePoint(false)),
        KeyCode::Char('e') => return Some(Msg::OpenExport(now)),
        KeyCode::Char('v') => return Some(Msg::CycleMap(true)),
        KeyCode::Char('V') => return Some(Msg::CycleMap(false)),
        KeyCode::Char(c @ '0'..='9') => {
            let digit = c.to_digit(10).and_then(|d| u8::try_from(d).ok())?;
            return intake_target(app, layout).map(|r| Msg::IntensityDigit(r, digit));
        }
        KeyCode::Char('p') => return intake_target(app, layout).map(Msg::CycleQuality),
        _ => {}
    }
    match app.focus {
        Focus::Map => map_key(key, app, layout),
        Focus::Candidates => match key.code {
            KeyCode::Up | KeyCode::Char('k') => Some(Msg::Move(-1)),
            KeyCode::Down | KeyCode::Char('j') => Some(Msg::Move(1)),
            KeyCode::PageUp => Some(Msg::Move(-10)),
            KeyCode::PageDown => Some(Msg::Move(10)),
            KeyCode::Home | KeyCode::Char('g') => Some(Msg::Move(isize::MIN)),
            KeyCode::End | KeyCode::Char('G') => Some(Msg::Move(isize::MAX)),
            KeyCode::Enter | KeyCode::Right | KeyCode::Char('l') => Some(Msg::Activate),
            _ => None,
        },
        Focus::Detail => match key.code {
            KeyCode::Up | KeyCode::Char('k') => Some(Msg::ScrollDetail(-1)),
            KeyCode::Down | KeyCode::Char('j') => Some(Msg::ScrollDetail(1)),
            KeyCode::PageUp => Some(Msg::ScrollDetail(-10)),
            KeyCode::PageDown | KeyCode::Char(' ') => Some(Msg::ScrollDetail(10)),
            KeyCode::Left | KeyCode::Char('h') => Some(Msg::Focus(Focus::Candidates)),
            _ => None,
        },
    }
}

/// Arrows or hjkl move the map cursor by one cell (shifted: four); Space or Enter
/// toggles the region under it.
fn map_key(key: KeyEvent, app: &App<'_>, layout: &Layout) -> Option<Msg> {
    let map = layout.map.as_ref()?;
    let step: i32 = if key.modifiers.contains(KeyModifiers::SHIFT) {
        4
    } else {
        1
    };
    let (dx, dy) = match key.code {
        KeyCode::Left | KeyCode::Char('h') => (-step, 0),
        KeyCode::Right | KeyCode::Char('l') => (step, 0),
        KeyCode::Up | KeyCode::Char('k') => (0, -step),
        KeyCode::Down | KeyCode::Char('j') => (0, step),
        KeyCode::Char('H') => (-4, 0),
        KeyCode::Char('L') => (4, 0),
        KeyCode::Char('K') => (0, -4),
        KeyCode::Char('J') => (0, 4),
        KeyCode::Char(' ') | KeyCode::Enter => {
            if !app.cursor_shown {
                return None;
            }
            let here = clamp(app.cursor, map.area.width, map.area.height);
            return map.region_at(here.x, here.y).cloned().map(Msg::Toggle);
        }
        _ => return None,
    };
    let here = if app.cursor_shown {
        clamp(app.cursor, map.area.width, map.area.height)
    } else {
        start(map.area.width, map.area.height)
    };
    // The first move only reveals the cursor.
    let to = if app.cursor_shown {
        let x = (i32::from(here.x) + dx).clamp(0, i32::from(map.area.width.saturating_sub(1)));
        let y = (i32::from(here.y) + dy).clamp(0, i32::from(map.area.height.saturating_sub(1)));
        Cursor {
            x: x as u16,
            y: y as u16,
        }
    } else {
        here
    };
    Some(Msg::CursorTo(to))
}

/// The region intensity and quality keys apply to: the one under the map cursor, else
/// the region selected last.
fn intake_target(app: &App<'_>, layout: &Layout) -> Option<crate::atlas::RegionInstance> {
    let under_cursor = layout
        .map
        .as_ref()
        .filter(|_| app.cursor_shown && app.focus == Focus::Map)
        .and_then(|map| {
            let c = clamp(app.cursor, map.area.width, map.area.height);
            map.region_at(c.x, c.y).cloned()
        });
    under_cursor.or_else(|| app.intake.selection.regions.last().cloned())
}

/// Where the cursor first appears: the chest of the front view (the left half of the
/// map), where there is something to name.
pub fn start(width: u16, height: u16) -> Cursor {
    Cursor {
        x: width / 4,
        y: height * 2 / 5,
    }
}

/// The cursor kept inside a map of this size (the map shrinks when the terminal does).
pub fn clamp(c: Cursor, width: u16, height: u16) -> Cursor {
    Cursor {
        x: c.x.min(width.saturating_sub(1)),
        y: c.y.min(height.saturating_sub(1)),
    }
}

fn mouse_msg(mouse: MouseEvent, app: &App<'_>, layout: &Layout) -> Option<Msg> {
    let (col, row) = (mouse.column, mouse.row);
    let down = matches!(mouse.kind, MouseEventKind::Down(MouseButton::Left));
    let wheel = match mouse.kind {
        MouseEventKind::ScrollUp => -1,
        MouseEventKind::ScrollDown => 1,
        _ => 0,
    };
    match &app.overlay {
        Some(Overlay::Help) => return down.then_some(Msg::ToggleHelp),
        Some(Overlay::Export(_)) => return None,
        Some(Overlay::Search(_)) => {
            let list = layout.search?;
            if wheel != 0 {
                return Some(Msg::Move(wheel));
            }
            return down.then(|| list.item_at(col, row).map(|i| Msg::SearchAccept(Some(i))))?;
        }
        Some(Overlay::Browse { .. }) => {
            let list = layout.browse?;
            if wheel != 0 {
                return Some(Msg::Move(wheel * 3));
            }
            return down.then(|| list.item_at(col, row).map(|i| Msg::BrowseAccept(Some(i))))?;
        }
        None => {}
    }
    let over = |r: Option<ratatui::layout::Rect>| {
        r.is_some_and(|r| r.contains(ratatui::layout::Position::new(col, row)))
    };
    if let Some(list) = layout.candidates.filter(|l| over(Some(l.area))) {
        if wheel != 0 {
            return Some(Msg::ScrollList(wheel));
        }
        return down.then(|| list.item_at(col, row).map(Msg::OpenCandidate))?;
    }
    if over(layout.detail) {
        if wheel != 0 {
            return Some(Msg::ScrollDetail(wheel as i32 * 3));
        }
        return down.then_some(Msg::Focus(Focus::Detail));
    }
    match &layout.map {
        Some(map) if down => map.region_at_screen(col, row).cloned().map(Msg::Toggle),
        _ => None,
    }
}
