//! A test terminal for any [`Screen`]: events go through its input mapping and update,
//! and every event is followed by a redraw, as in the real loop.

use super::Screen;
use super::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// The time the harness's events happen at: 2025-11-24 10:30 UTC.
pub const NOW: i64 = 1_763_980_200;

/// A screen on a `TestBackend`, with the layout of its last frame.
pub struct Harness<S: Screen> {
    /// The state.
    pub app: S,
    /// The test terminal.
    pub term: Terminal<TestBackend>,
    /// What the last frame drew.
    pub layout: S::Layout,
}

impl<S: Screen> Harness<S> {
    /// Draws `app` on a `w` by `h` test terminal.
    pub fn start(app: S, w: u16, h: u16) -> Harness<S> {
        let mut harness = Harness {
            app,
            term: Terminal::new(TestBackend::new(w, h)).unwrap(),
            layout: S::Layout::default(),
        };
        harness.draw();
        harness
    }

    /// Redraws (monochrome theme).
    pub fn draw(&mut self) {
        let theme = Theme::mono();
        let app = &self.app;
        let mut layout = S::Layout::default();
        self.term.draw(|f| layout = app.draw(f, &theme)).unwrap();
        self.layout = layout;
    }

    /// Feeds one event; returns the message it mapped to.
    pub fn event(&mut self, e: &Event) -> Option<S::Msg> {
        let msg = self.app.map(e, &self.layout, NOW);
        if let Some(m) = msg.clone() {
            self.app.apply(m);
        }
        self.draw();
        msg
    }

    /// Presses a key.
    pub fn key(&mut self, code: KeyCode) -> Option<S::Msg> {
        self.event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
    }

    /// Presses a character key.
    pub fn ch(&mut self, c: char) -> Option<S::Msg> {
        self.key(KeyCode::Char(c))
    }

    /// Types a string.
    pub fn typed(&mut self, s: &str) {
        for c in s.chars() {
            self.ch(c);
        }
    }

    /// Clicks the left button at a screen cell.
    pub fn click(&mut self, col: u16, row: u16) -> Option<S::Msg> {
        self.mouse(MouseEventKind::Down(MouseButton::Left), col, row)
    }

    /// Turns the wheel at a screen cell.
    pub fn wheel(&mut self, col: u16, row: u16, down: bool) -> Option<S::Msg> {
        let kind = if down {
            MouseEventKind::ScrollDown
        } else {
            MouseEventKind::ScrollUp
        };
        self.mouse(kind, col, row)
    }

    fn mouse(&mut self, kind: MouseEventKind, col: u16, row: u16) -> Option<S::Msg> {
        self.event(&Event::Mouse(MouseEvent {
            kind,
            column: col,
            row,
            modifiers: KeyModifiers::NONE,
        }))
    }

    /// The screen as text, one line per row.
    pub fn screen(&self) -> String {
        let buf = self.term.backend().buffer();
        let mut s = String::new();
        for y in 0..buf.area.height {
            for x in 0..buf.area.width {
                s.push_str(buf[(x, y)].symbol());
            }
            s.push('\n');
        }
        s
    }
}
