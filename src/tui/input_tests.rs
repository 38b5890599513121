//! The terminal's input as the explorer reads it: bytes through the decoder, then the
//! input map and update. A scripted terminal answers the graphics query late; a paste
//! arrives whole.

use super::app::{App, Overlay};
use super::testkit::Harness;
use crate::atlas::{Atlas, RegionInstance, Side};
use crate::term::graphics::{self, Source};
use crate::term::keys::{Decoder, Input, STALE};
use ratatui::crossterm::event::{Event, KeyCode};
use std::time::Duration;

fn atlas() -> &'static Atlas {
    static ATLAS: std::sync::OnceLock<Atlas> = std::sync::OnceLock::new();
    ATLAS.get_or_init(|| Atlas::shipped().unwrap())
}

/// A terminal that says nothing within the query's wait (its answer comes later, as
/// over a slow SSH link).
struct Slow;

impl Source for Slow {
    fn read(&mut self, _wait: Duration) -> std::io::Result<Option<Vec<u8>>> {
        Ok(None)
    }
}

/// Feeds terminal bytes through the decoder into the explorer; returns the events that
/// reached it.
fn feed(h: &mut Harness<App<'static>>, bytes: &[u8]) -> Vec<Event> {
    let mut d = Decoder::new();
    let mut out = Vec::new();
    // Byte by byte, as a slow link delivers them.
    for b in bytes {
        d.push(&[*b], &mut out);
    }
    d.idle(STALE, &mut out);
    let events: Vec<Event> = out
        .into_iter()
        .filter_map(|i| match i {
            Input::Event(e) => Some(e),
            Input::Reply(_) => None,
        })
        .collect();
    for e in &events {
        h.event(e);
    }
    events
}

#[test]
fn a_late_answer_to_the_graphics_query_is_never_typed() {
    let mut h = Harness::start(App::new(atlas()), 120, 40);
    feed(&mut h, b"/left temple\r7");
    let temple = RegionInstance::new("temple", Some(Side::Left));
    assert_eq!(h.app.intake.note(&temple).intensity, Some(7));
    // The query gives up waiting: nothing came in time.
    let answers = graphics::read_answers(&mut Slow, Duration::from_millis(1));
    assert!(!answers.complete);
    // Then the answer comes, with its digits ("31", "62;4;22", "20;10"), among keys.
    let answer =
        b"\x1b_Gi=31;OK\x1b\\\x1bP>|kitty(0.26.5)\x1b\\\x1b[?62;4;22c\x1b[>1;4000;0c\x1b[6;20;10t\x1b[0n";
    let events = feed(&mut h, answer);
    assert!(events.is_empty(), "an answer is not keys: {events:?}");
    assert_eq!(
        h.app.intake.note(&temple).intensity,
        Some(7),
        "the intake is as the user left it"
    );
    assert!(h.app.overlay.is_none());
    // The user's own key after it still counts.
    let events = feed(&mut h, b"5");
    assert_eq!(events.len(), 1);
    assert_eq!(h.app.intake.note(&temple).intensity, Some(5));
}

#[test]
fn a_20_kb_paste_into_search_is_one_edit_and_one_search() {
    let mut h = Harness::start(App::new(atlas()), 120, 40);
    h.key(KeyCode::Char('/'));
    let text = "left temple ".repeat(20_000 / 12);
    let mut bytes = b"\x1b[200~".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    bytes.extend_from_slice(b"\x1b[201~");
    let start = std::time::Instant::now();
    let events = feed(&mut h, &bytes);
    let took = start.elapsed();
    assert_eq!(events.len(), 1, "one paste event");
    let Some(Overlay::Search(s)) = &h.app.overlay else {
        panic!("the search stays open: a paste is not commands");
    };
    assert_eq!(s.query.chars().count(), super::edit::PROMPT_MAX);
    assert!(s.query.starts_with("left temple left"));
    assert!(h.app.status.contains("cut"), "{}", h.app.status);
    // Generous for a debug build on a busy machine; the bench measures the real cost.
    assert!(took < Duration::from_secs(5), "{took:?}");
}

#[test]
fn a_paste_outside_a_prompt_does_nothing() {
    let mut h = Harness::start(App::new(atlas()), 120, 40);
    let before = h.app.intake.clone();
    feed(&mut h, b"\x1b[200~qx/7s\x1b[201~");
    assert!(!h.app.quit, "a pasted q does not quit");
    assert!(h.app.overlay.is_none());
    assert_eq!(h.app.intake, before);
}
