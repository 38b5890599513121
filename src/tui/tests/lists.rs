//! Focus, the candidate and browse lists, help, clear and quit.

use super::*;

#[test]
fn focus_cycles_and_lists_move() {
    let mut h = Harness::new(120, 40);
    h.ch('/');
    h.typed("heel");
    h.key(KeyCode::Enter);
    assert_eq!(h.app.focus, Focus::Map);
    h.key(KeyCode::Tab);
    assert_eq!(h.app.focus, Focus::Candidates);
    h.ch('j');
    h.key(KeyCode::Down);
    assert_eq!(h.app.highlighted, 2);
    h.ch('k');
    assert_eq!(h.app.highlighted, 1);
    h.key(KeyCode::End);
    assert_eq!(h.app.highlighted, h.app.candidates().len() - 1);
    h.key(KeyCode::Home);
    assert_eq!(h.app.highlighted, 0);
    h.key(KeyCode::PageDown);
    h.key(KeyCode::PageUp);
    assert_eq!(h.app.highlighted, 0);
    h.key(KeyCode::Enter);
    assert_eq!(h.app.focus, Focus::Detail);
    h.key(KeyCode::Down);
    h.ch('j');
    assert_eq!(h.app.detail_scroll, 2);
    h.key(KeyCode::PageUp);
    assert_eq!(h.app.detail_scroll, 0);
    h.key(KeyCode::Tab);
    assert_eq!(h.app.focus, Focus::Map);
    h.key(KeyCode::BackTab);
    assert_eq!(h.app.focus, Focus::Detail);
    h.key(KeyCode::Esc);
    assert_eq!(h.app.focus, Focus::Candidates);
}

#[test]
fn browse_lists_every_muscle() {
    let mut h = Harness::new(120, 40);
    h.ch('m');
    assert!(matches!(h.app.overlay, Some(Overlay::Browse { .. })));
    assert_eq!(h.layout.browse.unwrap().len, atlas().muscles().len());
    h.ch('j');
    h.key(KeyCode::PageDown);
    h.key(KeyCode::PageUp);
    h.ch('k');
    h.key(KeyCode::Enter);
    assert_eq!(h.app.focus, Focus::Detail);
    assert_eq!(
        h.app.pinned.as_ref().unwrap().muscle,
        h.app.browse_order()[0].id
    );
    h.ch('m');
    h.ch('m');
    assert!(h.app.overlay.is_none());
}

#[test]
fn help_toggles_and_lists_every_key() {
    let mut h = Harness::new(120, 40);
    h.ch('?');
    assert_eq!(h.app.overlay, Some(Overlay::Help));
    let screen = h.screen();
    for row in crate::tui::keymap::HELP {
        let keys = crate::tui::keymap::row_keys(row);
        assert!(screen.contains(&keys), "help lists {keys}: {screen}");
        assert!(screen.contains(row.what), "help says {}", row.what);
    }
    h.ch('x');
    assert!(h.app.overlay.is_none(), "any key closes the help");
}

#[test]
fn clear_and_quit() {
    let mut h = Harness::new(100, 30);
    h.ch('/');
    h.typed("calf");
    h.key(KeyCode::Enter);
    h.ch('x');
    h.ch('x');
    assert!(h.app.intake.selection.is_empty());
    h.ch('q');
    assert!(h.app.quit);
    let mut h = Harness::new(100, 30);
    h.ch('/');
    h.event(&Event::Key(KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
    )));
    assert!(h.app.quit, "Ctrl-C quits even from the search");
}

#[test]
fn mouse_opens_candidates_and_scrolls() {
    let mut h = Harness::new(120, 40);
    h.ch('/');
    h.typed("low back");
    h.key(KeyCode::Enter);
    let list = h.layout.candidates.unwrap();
    // The second item's first row.
    let msg = h.click(list.area.x + 2, list.area.y + 2);
    assert_eq!(msg, Some(Msg::OpenCandidate(1)));
    assert_eq!(h.app.highlighted, 1);
    assert_eq!(h.app.focus, Focus::Detail);
    h.wheel(list.area.x + 2, list.area.y + 2, true);
    assert_eq!(h.app.highlighted, 2);
    h.wheel(list.area.x + 2, list.area.y + 2, false);
    assert_eq!(h.app.highlighted, 1);
    let detail = h.layout.detail.unwrap();
    h.wheel(detail.x + 2, detail.y + 2, true);
    assert_eq!(h.app.detail_scroll, 3);
}

#[test]
fn x_and_q_ask_before_dropping_an_unsaved_intake() {
    let mut h = Harness::new(100, 30);
    h.ch('/');
    h.typed("calf");
    h.key(KeyCode::Enter);
    h.ch('x');
    assert!(!h.app.intake.selection.is_empty(), "not cleared at once");
    assert!(
        h.app.status.contains("x again clears it"),
        "{}",
        h.app.status
    );
    h.ch('x');
    assert!(h.app.intake.selection.is_empty(), "the second x clears");
    h.ch('/');
    h.typed("calf");
    h.key(KeyCode::Enter);
    h.ch('q');
    assert!(!h.app.quit);
    assert!(h.app.status.contains("q again quits"), "{}", h.app.status);
    // Another key forgets the question.
    h.key(KeyCode::Tab);
    h.ch('q');
    assert!(!h.app.quit);
    h.ch('q');
    assert!(h.app.quit);
    // Exported work is not unsaved.
    let dir = temp_dir();
    let mut h = Harness::new(100, 30);
    h.ch('/');
    h.typed("calf");
    h.key(KeyCode::Enter);
    export_to(&mut h, &dir.path().join("n.md"));
    h.ch('q');
    assert!(h.app.quit, "{}", h.app.status);
}

/// A long status keeps the bottom line to itself: the key hints shrink, then go, and are
/// never cut mid-word over the status ("...this selection? help · q q").
#[test]
fn a_long_status_is_never_overwritten_by_the_hints() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut hn = Harness::new(w, h);
        hn.key(KeyCode::Right);
        for status in [
            "no screening questions for this selection",
            "no screening questions for this selection, and a status longer than any line of the terminal can hold whole",
        ] {
            hn.app.status = status.to_string();
            hn.draw();
            let screen = hn.screen();
            let last = screen.lines().last().unwrap().trim_end().to_string();
            assert!(last.starts_with("cursor: "), "{w}x{h}: {last}");
            assert!(
                last.ends_with("q quit") || last.ends_with('…') || last.ends_with("selection"),
                "{w}x{h}: the hints are whole or gone: {last}"
            );
            assert!(last.chars().count() <= usize::from(w), "{last}");
        }
    }
}
