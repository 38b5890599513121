//! No panic at any size or on any event, and the loop runs to quit.

use super::*;

/// A number in `0..n`, as a terminal coordinate or index.
fn below(rng: &mut Rng, n: usize) -> u16 {
    u16::try_from(rng.below(n)).unwrap_or(u16::MAX)
}

fn random_event(rng: &mut Rng, w: u16, h: u16) -> Event {
    const KEYS: [KeyCode; 16] = [
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Backspace,
        KeyCode::PageDown,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::Char(' '),
        KeyCode::Char('/'),
        KeyCode::Char('m'),
        KeyCode::Char('?'),
    ];
    // No `e`: the export prompt writes files, and a sweep must not litter the tree.
    const CHARS: &[u8] = b"abcdfghijklmnopqrstuvwxyz[]xhjkl ";
    match below(rng, 4) {
        0 => Event::Key(KeyEvent::new(
            KEYS[usize::from(below(rng, 16))],
            KeyModifiers::NONE,
        )),
        1 => Event::Key(KeyEvent::new(
            KeyCode::Char(char::from(CHARS[usize::from(below(rng, CHARS.len()))])),
            KeyModifiers::NONE,
        )),
        2 => Event::Mouse(MouseEvent {
            kind: [
                MouseEventKind::Down(MouseButton::Left),
                MouseEventKind::ScrollDown,
                MouseEventKind::ScrollUp,
            ][usize::from(below(rng, 3))],
            column: below(rng, usize::from(w) + 2),
            row: below(rng, usize::from(h) + 2),
            modifiers: KeyModifiers::NONE,
        }),
        _ => Event::Resize(w, h),
    }
}

#[test]
fn never_panics_at_any_small_size() {
    let mut rng = Rng::new(0x9e37_79b9_7f4a_7c15);
    for w in 0..=40 {
        for h in 0..=15 {
            let mut harness = Harness::new(w, h);
            for _ in 0..3 {
                let e = random_event(&mut rng, w, h);
                if !matches!(
                    e,
                    Event::Key(KeyEvent {
                        code: KeyCode::Char('q'),
                        ..
                    })
                ) {
                    harness.event(&e);
                }
            }
        }
    }
}

#[test]
fn never_panics_on_random_large_sizes_and_events() {
    let mut rng = Rng::new(42);
    for _ in 0..10 {
        let (w, h) = (60 + below(&mut rng, 200), 18 + below(&mut rng, 80));
        let mut harness = Harness::new(w, h);
        for _ in 0..80 {
            let e = random_event(&mut rng, w, h);
            harness.event(&e);
            harness.app.quit = false;
        }
        // And shrinking under it.
        harness
            .term
            .backend_mut()
            .resize(below(&mut rng, 70), below(&mut rng, 25));
        harness.draw();
    }
}

#[test]
fn the_loop_runs_scripted_events_to_quit() {
    let mut app = App::new(atlas());
    let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let mut script: Vec<Event> = "/heel"
        .chars()
        .map(|c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
        .collect();
    script.push(Event::Key(KeyEvent::new(
        KeyCode::Enter,
        KeyModifiers::NONE,
    )));
    script.push(Event::Resize(90, 28));
    // The intake is unsaved: the first q asks, the second quits.
    for _ in 0..2 {
        script.push(Event::Key(KeyEvent::new(
            KeyCode::Char('q'),
            KeyModifiers::NONE,
        )));
    }
    script.reverse();
    let mut next = || Ok(script.pop());
    crate::tui::run_loop(
        &mut term,
        &mut app,
        &Theme::mono(),
        &mut next,
        &|| false,
        &|| crate::tui::testkit::NOW,
    )
    .unwrap();
    assert!(app.quit);
    assert_eq!(
        app.intake.selection.regions,
        [RegionInstance::new("heel", None)]
    );
    let buf = term.backend().buffer();
    let first_row: String = (0..buf.area.width).map(|x| buf[(x, 0)].symbol()).collect();
    assert!(first_row.contains("Body map"), "{first_row}");
}
