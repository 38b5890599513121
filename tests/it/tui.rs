//! Whole-screen snapshots of the explorer at 80x24 and 120x40 (insta), and its refusal
//! to start without a terminal.

use crate::util::{code, painmap, stderr};
use painmap::atlas::Atlas;
use painmap::tui::app::App;
use painmap::tui::layout::Layout;
use painmap::tui::theme::Theme;
use painmap::tui::{input, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::process::Stdio;
use std::sync::OnceLock;

fn atlas() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| Atlas::shipped().unwrap())
}

/// Feeds keys through input mapping and update, then returns the screen as text.
fn screen_after(w: u16, h: u16, keys: &[KeyCode]) -> String {
    let mut app = App::new(atlas());
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    let theme = Theme::mono();
    let mut layout = Layout::default();
    term.draw(|f| layout = view::draw(f, &app, &theme)).unwrap();
    for &code in keys {
        let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        if let Some(msg) = input::map(&event, &app, &layout, 0) {
            painmap::tui::dispatch(&mut app, msg);
        }
        term.draw(|f| layout = view::draw(f, &app, &theme)).unwrap();
    }
    let buf = term.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn typed(s: &str) -> Vec<KeyCode> {
    s.chars().map(KeyCode::Char).collect()
}

/// "/left temple<Enter>/left side of neck<Enter>".
fn temple_and_neck() -> Vec<KeyCode> {
    let mut keys = vec![KeyCode::Char('/')];
    keys.extend(typed("left temple"));
    keys.push(KeyCode::Enter);
    keys.push(KeyCode::Char('/'));
    keys.extend(typed("left side of neck"));
    keys.push(KeyCode::Enter);
    keys
}

#[test]
fn snapshots_120x40() {
    insta::assert_snapshot!("start_120x40", screen_after(120, 40, &[]));
    insta::assert_snapshot!(
        "temple_and_neck_120x40",
        screen_after(120, 40, &temple_and_neck())
    );
    let mut keys = temple_and_neck();
    keys.extend([KeyCode::Tab, KeyCode::Enter]);
    insta::assert_snapshot!("detail_120x40", screen_after(120, 40, &keys));
    insta::assert_snapshot!("help_120x40", screen_after(120, 40, &[KeyCode::Char('?')]));
    let mut keys = vec![KeyCode::Char('/')];
    keys.extend(typed("tingl"));
    insta::assert_snapshot!("search_120x40", screen_after(120, 40, &keys));
}

#[test]
fn snapshots_80x24() {
    insta::assert_snapshot!("start_80x24", screen_after(80, 24, &[]));
    insta::assert_snapshot!(
        "temple_and_neck_80x24",
        screen_after(80, 24, &temple_and_neck())
    );
    let mut keys = temple_and_neck();
    keys.extend([KeyCode::Tab, KeyCode::Enter]);
    insta::assert_snapshot!("detail_80x24", screen_after(80, 24, &keys));
    insta::assert_snapshot!("help_80x24", screen_after(80, 24, &[KeyCode::Char('?')]));
    let mut keys = vec![KeyCode::Char('/')];
    keys.extend(typed("scm"));
    insta::assert_snapshot!("search_80x24", screen_after(80, 24, &keys));
}

#[test]
fn snapshot_too_small() {
    insta::assert_snapshot!("too_small_40x10", screen_after(40, 10, &[]));
}

#[test]
fn refuses_without_a_terminal() {
    let out = painmap()
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("the explorer needs a terminal"), "{err}");
    assert!(
        !err.contains('\u{1b}') && out.stdout.is_empty(),
        "no escape codes"
    );
}
