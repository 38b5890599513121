//! The bytes budget: after a first full frame, one keystroke must write at most 2 KB to
//! the terminal (ratatui sends only the cells that changed); showing another candidate,
//! which replaces the detail text and the pattern, at most 4 KB. Counted by drawing through a
//! real `CrosstermBackend` into a `Vec`. Time budgets live in the benches, not here.

use painmap::atlas::Atlas;
use painmap::tui::app::App;
use painmap::tui::layout::Layout;
use painmap::tui::theme::Theme;
use painmap::tui::{dispatch, input, view};
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::Cell;
use std::io::Write;
use std::rc::Rc;

/// The budget for one keystroke's frame.
const BUDGET: usize = 2048;

/// A writer that counts the bytes it is given (shared, so the test can read it).
#[derive(Clone, Default)]
struct Counter(Rc<Cell<usize>>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

type Term = Terminal<CrosstermBackend<Counter>>;

fn terminal(w: u16, h: u16, counter: &Counter) -> Term {
    Terminal::with_options(
        CrosstermBackend::new(counter.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        },
    )
    .unwrap()
}

/// Presses `code` and returns how many bytes the frame after it wrote.
fn press(
    term: &mut Term,
    counter: &Counter,
    app: &mut App<'_>,
    layout: &mut Layout,
    code: KeyCode,
) -> usize {
    let theme = Theme::colour();
    let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    if let Some(msg) = input::map(&event, app, layout, 0) {
        dispatch(app, msg);
    }
    counter.0.set(0);
    term.draw(|f| *layout = view::draw(f, app, &theme)).unwrap();
    counter.0.get()
}

fn keys(s: &str) -> Vec<KeyCode> {
    s.chars().map(KeyCode::Char).collect()
}

#[test]
fn one_keystroke_writes_at_most_2_kb() {
    let atlas = Atlas::shipped().unwrap();
    for (w, h) in [(80, 24), (120, 40)] {
        let counter = Counter::default();
        let mut term = terminal(w, h, &counter);
        let mut app = App::new(&atlas);
        let mut layout = Layout::default();
        let first = press(&mut term, &counter, &mut app, &mut layout, KeyCode::Null);
        assert!(
            first > BUDGET,
            "the first frame is drawn in full ({first} bytes)"
        );
        // Select two regions through search, as people do.
        for query in ["left temple", "left side of neck"] {
            press(
                &mut term,
                &counter,
                &mut app,
                &mut layout,
                KeyCode::Char('/'),
            );
            for code in keys(query) {
                press(&mut term, &counter, &mut app, &mut layout, code);
            }
            press(&mut term, &counter, &mut app, &mut layout, KeyCode::Enter);
        }
        // Typical keystrokes: the map cursor, the candidate list, a search letter.
        let mut script = vec![KeyCode::Right, KeyCode::Right, KeyCode::Down, KeyCode::Tab];
        script.extend([KeyCode::Char('j'), KeyCode::Char('j'), KeyCode::Char('k')]);
        script.extend([KeyCode::Char('/'), KeyCode::Char('s'), KeyCode::Char('t')]);
        script.extend([KeyCode::Backspace, KeyCode::Esc]);
        for code in script {
            let bytes = press(&mut term, &counter, &mut app, &mut layout, code);
            eprintln!("{w}x{h} {code:?}: {bytes} bytes");
            // Moving to another candidate replaces the detail text and the drawn pattern:
            // that frame may take twice the budget; every other keystroke stays within it.
            let limit = if matches!(code, KeyCode::Char('j' | 'k')) {
                2 * BUDGET
            } else {
                BUDGET
            };
            assert!(bytes <= limit, "{w}x{h} {code:?} wrote {bytes} bytes");
        }
    }
}
