//! Input mapping: a terminal event, the state and the last frame's layout in; a message
//! out. Pure, so every key and click is unit-tested.

use super::app::{App, Cursor, Focus, Overlay};
use super::edit::Edit;
use super::keymap::{self, Action, Scope};
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
        // A paste is text for a prompt, never a run of commands.
        Event::Paste(text) => match &app.overlay {
            Some(Overlay::Search(_)) => Some(Msg::SearchPaste(text.clone())),
            Some(Overlay::Export(_)) => Some(Msg::ExportPaste(text.clone())),
            Some(Overlay::Note(_)) => Some(Msg::Note(super::note::NoteMsg::Paste(text.clone()))),
            _ => None,
        },
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
        Some(Overlay::Search(_)) => keymap::action(Scope::Search, key)
            .and_then(|a| act(a, app, layout, now))
            .or_else(|| edit_key(key).map(Msg::SearchEdit)),
        Some(Overlay::Export(_)) => match key.code {
            KeyCode::Esc => Some(Msg::Back),
            KeyCode::Enter => Some(Msg::ExportAccept(now)),
            _ => edit_key(key).map(Msg::ExportEdit),
        },
        Some(Overlay::Clients(_)) => {
            use super::clients::ClientsMsg as C;
            match key.code {
                KeyCode::Esc => Some(Msg::Back),
                KeyCode::Enter => Some(Msg::Clients(C::Accept)),
                KeyCode::Up => Some(Msg::Clients(C::Move(-1))),
                KeyCode::Down => Some(Msg::Clients(C::Move(1))),
                _ => edit_key(key).map(|e| Msg::Clients(C::Edit(e))),
            }
        }
        Some(Overlay::Note(_)) => match key.code {
            KeyCode::Esc => Some(Msg::Back),
            KeyCode::Enter => Some(Msg::Note(super::note::NoteMsg::Accept)),
            _ => edit_key(key).map(|e| Msg::Note(super::note::NoteMsg::Edit(e))),
        },
        Some(Overlay::Age(_)) => match key.code {
            KeyCode::Esc => Some(Msg::Back),
            KeyCode::Enter => Some(Msg::AgeAccept),
            KeyCode::Backspace => Some(Msg::AgeBackspace),
            KeyCode::Char(c @ '0'..='9') if !ctrl => Some(Msg::AgeInput(c)),
            _ => None,
        },
        Some(Overlay::Screen { .. }) => match key.code {
            KeyCode::Esc | KeyCode::Enter | KeyCode::Char('f' | 'q') => Some(Msg::Back),
            KeyCode::Up | KeyCode::Char('k') => Some(Msg::ScreenMove(-1)),
            KeyCode::Down | KeyCode::Char('j') => Some(Msg::ScreenMove(1)),
            KeyCode::Char('y' | 'Y') => Some(Msg::ScreenAnswer(Some(true))),
            KeyCode::Char('n' | 'N') => Some(Msg::ScreenAnswer(Some(false))),
            KeyCode::Char('u') | KeyCode::Backspace | KeyCode::Delete => {
                Some(Msg::ScreenAnswer(None))
            }
            _ => None,
        },
        Some(Overlay::Browse { .. }) => {
            keymap::action(Scope::Browse, key).and_then(|a| act(a, app, layout, now))
        }
        Some(Overlay::History(_)) => {
            keymap::action(Scope::History, key).and_then(|a| act(a, app, layout, now))
        }
        Some(Overlay::Compare(_)) => {
            keymap::action(Scope::Compare, key).and_then(|a| act(a, app, layout, now))
        }
        None if app.draw.on && !ctrl && super::draw::key(key.code, app, layout, now).is_some() => {
            super::draw::key(key.code, app, layout, now)
        }
        None => {
            if let KeyCode::Char(c @ '0'..='9') = key.code {
                let digit = c.to_digit(10).and_then(|d| u8::try_from(d).ok())?;
                return intake_target(app, layout).map(|r| Msg::IntensityDigit(r, digit));
            }
            let focused = match app.focus {
                Focus::Map => Scope::Map,
                Focus::Candidates => Scope::Candidates,
                Focus::Detail => Scope::Detail,
            };
            keymap::action(Scope::Panes, key)
                .or_else(|| keymap::action(focused, key))
                .and_then(|a| act(a, app, layout, now))
        }
    }
}

/// Typing in a prompt: letters, Backspace, Ctrl-U (clear), Ctrl-W (delete a word).
fn edit_key(key: KeyEvent) -> Option<Edit> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Backspace => Some(Edit::Backspace),
        KeyCode::Char('u') if ctrl => Some(Edit::Clear),
        KeyCode::Char('w') if ctrl => Some(Edit::DeleteWord),
        KeyCode::Char(c) if !ctrl => Some(Edit::Insert(c)),
        _ => None,
    }
}

/// The message an action means in the current state.
fn act(action: Action, app: &App<'_>, layout: &Layout, now: i64) -> Option<Msg> {
    let page = |dir: i8| isize::from(dir) * 10;
    // The comparison's words scroll like the detail.
    let detail = (app.overlay.is_none() && app.focus == Focus::Detail)
        || matches!(app.overlay, Some(Overlay::Compare(_)));
    Some(match action {
        Action::Quit => Msg::Quit,
        Action::Help => Msg::ToggleHelp,
        Action::Search => Msg::OpenSearch,
        Action::Browse => Msg::OpenBrowse,
        Action::Clear => Msg::Clear,
        Action::NextPane => Msg::CycleFocus(true),
        Action::PrevPane => Msg::CycleFocus(false),
        Action::Back => Msg::Back,
        Action::NextPoint => Msg::CyclePoint(true),
        Action::PrevPoint => Msg::CyclePoint(false),
        Action::Export => Msg::OpenExport(now),
        Action::Clients => Msg::Clients(super::clients::ClientsMsg::Open),
        Action::Note => Msg::Note(super::note::NoteMsg::Open),
        Action::Age => Msg::OpenAge,
        Action::Screen => Msg::OpenScreen,
        Action::NextMap => Msg::CycleMap(true),
        Action::PrevMap => Msg::CycleMap(false),
        Action::Quality => return intake_target(app, layout).map(Msg::CycleQuality),
        Action::Cursor(dx, dy) => return move_cursor(app, layout, dx, dy),
        Action::Toggle => {
            let map = layout.map.as_ref()?;
            let here = app.cursor_on(map.area.width, map.area.height);
            return map.region_at(here.x, here.y).cloned().map(Msg::Toggle);
        }
        Action::Step(d) if detail => Msg::ScrollDetail(i32::from(d)),
        Action::Page(d) if detail => Msg::ScrollDetail(i32::from(d) * 10),
        Action::Step(d) => Msg::Move(isize::from(d)),
        Action::Page(d) => Msg::Move(page(d)),
        Action::End(d) => Msg::Move(if d < 0 { isize::MIN } else { isize::MAX }),
        Action::Open if matches!(app.overlay, Some(Overlay::Browse { .. })) => {
            Msg::BrowseAccept(None)
        }
        Action::Open => Msg::Activate,
        Action::Accept => Msg::SearchAccept(None),
        Action::ToCandidates => Msg::Focus(Focus::Candidates),
        Action::SaveVisit => Msg::SaveVisit(now),
        Action::History => Msg::OpenHistory,
        Action::Compare => Msg::ToggleCompare,
        Action::ComparePrevious => Msg::ComparePrevious,
        Action::Pictures => Msg::TogglePictures,
        Action::Draw => Msg::Draw(super::draw::DrawMsg::Toggle),
        Action::Layer => Msg::CycleLayer,
    })
}

/// The map cursor moved by (dx, dy) cells, kept on the map.
fn move_cursor(app: &App<'_>, layout: &Layout, dx: i8, dy: i8) -> Option<Msg> {
    let map = layout.map.as_ref()?;
    let here = app.cursor_on(map.area.width, map.area.height);
    let x =
        (i32::from(here.x) + i32::from(dx)).clamp(0, i32::from(map.area.width.saturating_sub(1)));
    let y =
        (i32::from(here.y) + i32::from(dy)).clamp(0, i32::from(map.area.height.saturating_sub(1)));
    Some(Msg::CursorTo(Cursor {
        x: x as u16,
        y: y as u16,
    }))
}

/// The region intensity and quality keys apply to: the one under the map cursor once it
/// has been moved, else the region selected last.
fn intake_target(app: &App<'_>, layout: &Layout) -> Option<crate::atlas::RegionInstance> {
    let under_cursor = layout
        .map
        .as_ref()
        // Until the cursor is moved, the keys note the region just selected (from the
        // search, say), not whatever lies under the cursor's starting spot.
        .filter(|_| app.cursor.is_some() && app.focus == Focus::Map)
        .and_then(|map| {
            let c = app.cursor_on(map.area.width, map.area.height);
            map.region_at(c.x, c.y).cloned()
        });
    under_cursor.or_else(|| app.intake.selection.regions.last().cloned())
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
        Some(
            Overlay::Export(_)
            | Overlay::Age(_)
            | Overlay::Screen { .. }
            | Overlay::History(_)
            | Overlay::Compare(_)
            | Overlay::Clients(_)
            | Overlay::Note(_),
        ) => {
            return None;
        }
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
    if app.draw.on
        && let Some(msg) = super::draw::mouse(mouse.kind, col, row, layout)
    {
        return Some(msg);
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
        Some(map) if down && over(Some(map.area)) => {
            let cursor = Cursor {
                x: col - map.area.x,
                y: row - map.area.y,
            };
            Some(Msg::ClickMap(
                cursor,
                map.region_at_screen(col, row).cloned(),
            ))
        }
        _ => None,
    }
}
