//! The bytes budget: after a first full frame, one keystroke must write at most 2 KB to
//! the terminal (ratatui sends only the cells that changed). Counted by drawing through a
//! real `CrosstermBackend` into a `Vec`. Time budgets live in the benches, not here.

use painmap::atlas::Atlas;
use painmap::tui::app::App;
use painmap::tui::layout::Layout;
use painmap::tui::theme::Theme;
use painmap::tui::{input, update, view};
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// The budget for one keystroke's frame.
const BUDGET: usize = 2048;

type Term = Terminal<CrosstermBackend<Vec<u8>>>;

fn terminal(w: u16, h: u16) -> Term {
    Terminal::with_options(
        CrosstermBackend::new(Vec::new()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        },
    )
    .unwrap()
}

/// Presses `code` and returns how many bytes the frame after it wrote.
fn press(term: &mut Term, app: &mut App<'_>, layout: &mut Layout, code: KeyCode) -> usize {
    let theme = Theme::colour();
    let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    if let Some(msg) = input::map(&event, app, layout) {
        update::update(app, msg);
    }
    term.backend_mut().writer_mut().clear();
    term.draw(|f| *layout = view::draw(f, app, &theme)).unwrap();
    term.backend().writer().len()
}

fn keys(s: &str) -> Vec<KeyCode> {
    s.chars().map(KeyCode::Char).collect()
}

#[test]
fn one_keystroke_writes_at_most_2_kb() {
    let atlas = Atlas::shipped().unwrap();
    for (w, h) in [(80, 24), (120, 40)] {
        let mut term = terminal(w, h);
        let mut app = App::new(&atlas);
        let mut layout = Layout::default();
        let first = press(&mut term, &mut app, &mut layout, KeyCode::Null);
        assert!(
            first > BUDGET,
            "the first frame is drawn in full ({first} bytes)"
        );
        // Select two regions through search, as people do.
        for query in ["left temple", "left side of neck"] {
            press(&mut term, &mut app, &mut layout, KeyCode::Char('/'));
            for code in keys(query) {
                press(&mut term, &mut app, &mut layout, code);
            }
            press(&mut term, &mut app, &mut layout, KeyCode::Enter);
        }
        // Typical keystrokes: the map cursor, the candidate list, a search letter.
        let mut script = vec![KeyCode::Right, KeyCode::Right, KeyCode::Down, KeyCode::Tab];
        script.extend([KeyCode::Char('j'), KeyCode::Char('j'), KeyCode::Char('k')]);
        script.extend([KeyCode::Char('/'), KeyCode::Char('s'), KeyCode::Char('t')]);
        script.extend([KeyCode::Backspace, KeyCode::Esc]);
        for code in script {
            let bytes = press(&mut term, &mut app, &mut layout, code);
            eprintln!("{w}x{h} {code:?}: {bytes} bytes");
            assert!(bytes <= BUDGET, "{w}x{h} {code:?} wrote {bytes} bytes");
        }
    }
}
