//! What a user can do with a keyboard, a mouse and a window: a byte stream decoded into
//! key presses, clicks, wheel turns and resizes, fed to the explorer or to study mode
//! through their own input map and update, each followed by a redraw on a test terminal of
//! the current size. Nothing may panic, at any size. File effects (the explorer's export)
//! are not run: the fuzzer must not write files.
#![no_main]

use libfuzzer_sys::fuzz_target;
use painmap::atlas::Atlas;
use painmap::study::cards::Deck;
use painmap::study::progress::Progress;
use painmap::tui::Screen;
use painmap::tui::app::App;
use painmap::tui::study::app::StudyApp;
use painmap::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use std::sync::OnceLock;

/// 2025-11-24 10:30 UTC.
const NOW: i64 = 1_763_980_200;

fn atlas() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| Atlas::shipped().expect("the shipped atlas is valid"))
}

/// Keys that mean something somewhere, plus letters that are not ASCII.
const CHARS: &[char] = &[
    'a', 'e', 'l', 'r', 't', 'm', 's', 'q', '/', '?', ' ', '-', '1', '4', '7', '9', '0', '[', ']',
    'e', 'v', 'x', 'c', 'h', 'j', 'k', 'é', 'ç', 'ß', 'ü', '中', '\u{301}', 'L', 'R',
];

fn key(code: KeyCode, b: u8) -> Event {
    let mut modifiers = KeyModifiers::NONE;
    if b & 0x40 != 0 {
        modifiers |= KeyModifiers::CONTROL;
    }
    if b & 0x80 != 0 {
        modifiers |= KeyModifiers::SHIFT;
    }
    Event::Key(KeyEvent::new(code, modifiers))
}

/// Decodes one event from three bytes.
fn event(op: u8, a: u8, b: u8) -> Event {
    match op % 8 {
        0..=2 => key(KeyCode::Char(CHARS[usize::from(a) % CHARS.len()]), b),
        3 => {
            let code = match a % 14 {
                0 => KeyCode::Enter,
                1 => KeyCode::Esc,
                2 => KeyCode::Backspace,
                3 => KeyCode::Tab,
                4 => KeyCode::BackTab,
                5 => KeyCode::Up,
                6 => KeyCode::Down,
                7 => KeyCode::Left,
                8 => KeyCode::Right,
                9 => KeyCode::Home,
                10 => KeyCode::End,
                11 => KeyCode::PageUp,
                12 => KeyCode::PageDown,
                _ => KeyCode::Delete,
            };
            key(code, b)
        }
        4 | 5 => {
            let kind = match a % 6 {
                0 | 1 => MouseEventKind::Down(MouseButton::Left),
                2 => MouseEventKind::Down(MouseButton::Right),
                3 => MouseEventKind::ScrollDown,
                4 => MouseEventKind::ScrollUp,
                _ => MouseEventKind::Moved,
            };
            Event::Mouse(MouseEvent {
                kind,
                column: u16::from(a / 6) * 4 % 240,
                row: u16::from(b) % 80,
                modifiers: KeyModifiers::NONE,
            })
        }
        6 => Event::Resize(u16::from(a), u16::from(b) / 2),
        _ => key(KeyCode::Char(char::from(a)), b & 0x40),
    }
}

/// Draws, then feeds each event and redraws; a resize changes the test terminal first.
fn drive<S: Screen>(
    screen: &mut S,
    mut apply: impl FnMut(&mut S, S::Msg),
    size: (u16, u16),
    events: &[u8],
) {
    let theme = Theme::mono();
    // The test backend cannot fail (its error type is `Infallible`).
    let Ok(mut term) = Terminal::new(TestBackend::new(size.0, size.1));
    let mut layout = S::Layout::default();
    let _ = term.draw(|f| layout = screen.draw(f, &theme));
    for chunk in events.chunks_exact(3) {
        let e = event(chunk[0], chunk[1], chunk[2]);
        if let Event::Resize(w, h) = e {
            term.backend_mut().resize(w, h);
        }
        if let Some(msg) = screen.map(&e, &layout, NOW) {
            apply(screen, msg);
        }
        if screen.quit() {
            return;
        }
        let _ = term.draw(|f| layout = screen.draw(f, &theme));
    }
}

fuzz_target!(|data: &[u8]| {
    let [which, w, h, events @ ..] = data else {
        return;
    };
    // Long sessions get slow without finding more; 600 events is plenty.
    let events = &events[..events.len().min(1800)];
    let size = (u16::from(*w), u16::from(*h) / 2);
    let atlas = atlas();
    if which % 2 == 0 {
        let mut app = App::new(atlas);
        drive(
            &mut app,
            |app, msg| {
                // Run the update, not its file effects.
                let _ = painmap::tui::update::update(app, msg);
            },
            size,
            events,
        );
    } else {
        let deck = Deck::build(atlas, None, u64::from(*which));
        let mut app = StudyApp::new(atlas, deck, Progress::default(), None, NOW as u64);
        drive(&mut app, |app, msg| app.apply(msg), size, events);
    }
});
