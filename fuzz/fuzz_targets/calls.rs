//! What each fuzz target does with its input, in one place: the fuzz targets call these,
//! and `cargo test` replays the committed corpus (`tests/fixtures/fuzz/<target>/`)
//! through the same functions (tests/it/hostile.rs includes this file by path). None may
//! panic, whatever the bytes.
#![allow(dead_code, reason = "each includer uses its own part")]

use painmap::atlas::Atlas;
use painmap::parse::Lexicon;
use painmap::rank::{Selection, rank, red_flags};
use painmap::record::Record;
use painmap::search::SearchIndex;
use painmap::study::cards::Deck;
use painmap::study::progress::Progress;
use painmap::study::summary::{Summary, due_order};
use painmap::tui::Screen;
use painmap::tui::app::App;
use painmap::tui::study::app::StudyApp;
use painmap::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use std::path::Path;
use std::sync::OnceLock;

/// 2025-11-24 10:30 UTC.
const NOW: i64 = 1_763_980_200;

/// The shipped data every target works on, built once.
pub struct Shipped {
    atlas: Atlas,
    index: SearchIndex,
    lexicon: Lexicon,
    deck: Deck,
}

/// The shipped atlas, its search index, lexicon and study deck.
pub fn shipped() -> &'static Shipped {
    static SHIPPED: OnceLock<Shipped> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let atlas = Atlas::shipped().expect("the shipped atlas is valid");
        let index = SearchIndex::new(&atlas);
        let lexicon = Lexicon::for_atlas(&atlas).expect("the shipped lexicon is valid");
        let deck = Deck::build(&atlas, None, 7);
        Shipped {
            atlas,
            index,
            lexicon,
            deck,
        }
    })
}

/// `atlas`: any bytes that are UTF-8 go through `Atlas::from_text`, which must return
/// `Ok` or `Err`, never panic, overflow the stack or hang; a valid atlas must also index
/// and search.
pub fn atlas(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(atlas) = Atlas::from_text(text, "fuzz.ron")
    {
        let index = SearchIndex::new(&atlas);
        let _ = index.search("a", 10);
    }
}

/// `cache`: any bytes as the payload of a cache entry whose header and checksum vouched
/// for it (the check that stands between a tampered file and the decoders is skipped):
/// decoded as an atlas, which is validated again and, if valid, indexed, searched and
/// ranked; and decoded as a search index, which is searched. Never a panic.
pub fn cache(data: &[u8]) {
    if let Some(file) = painmap::atlas::cache::decode(data)
        && let Ok(atlas) = Atlas::from_decoded(file, "fuzz.atlas")
    {
        let index = SearchIndex::new(&atlas);
        let _ = index.search("a", 10);
        if let Some(region) = atlas.regions().first() {
            let mut selection = Selection::default();
            if let Ok(r) = atlas.resolve_region(&region.id) {
                selection.add(r);
            }
            let _ = rank(&atlas, &selection, 10);
        }
    }
    if let Some(index) = painmap::search::stored::decode(data) {
        for q in ["a", "temple", "sterno cleido", "é", ""] {
            let _ = index.search(q, 10);
        }
    }
}

/// `records`: any bytes as a client database file, then what `clients`, `history` and
/// `visit` do with it: opened (the header, schema, application id and integrity checks),
/// every client listed and their visits read back, their trends made, then a visit saved,
/// read back and forgotten. Each step must return `Ok` or a `RecordsError`, never panic,
/// and nothing read back may reach an output with a control character. The file is the
/// fuzzer process's own, rewritten for each input.
pub fn records(data: &[u8]) {
    use painmap::records::{Date, SqliteStore, Store, Visit, trends};
    // One file per process and thread: `cargo test` replays on several threads.
    let thread = format!("{:?}", std::thread::current().id());
    let thread: String = thread.chars().filter(char::is_ascii_digit).collect();
    let dir = std::env::temp_dir().join(format!(
        "painmap-fuzz-records-{}-{thread}",
        std::process::id()
    ));
    let path = dir.join("clients.sqlite3");
    let _ = std::fs::create_dir_all(&dir);
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut name = path.clone().into_os_string();
        name.push(suffix);
        let _ = std::fs::remove_file(name);
    }
    if std::fs::write(&path, data).is_err() {
        return;
    }
    let atlas = &shipped().atlas;
    let Ok(Some(mut store)) = SqliteStore::open(&path, false, false) else {
        return;
    };
    // What another program wrote is untrusted: shown through the escape rules, it holds
    // no control character.
    let clean = |s: &str| !painmap::escape::has_control(s) && !s.contains('\n');
    if let Ok(clients) = store.clients() {
        for c in clients.iter().take(16) {
            assert!(clean(&painmap::escape::line(&c.name)));
            if let Ok(Some(visits)) = store.history(&c.name) {
                let _ = trends(&visits);
                for v in &visits {
                    let note = v.visit.note.as_deref().unwrap_or_default();
                    assert!(clean(&painmap::escape::line(note)));
                    assert!(clean(&painmap::escape::markdown(note)));
                    assert!(!painmap::escape::has_control(&painmap::escape::csv(note)));
                    let words = v.visit.regions_words(atlas);
                    assert!(clean(&painmap::escape::line(&words)));
                    let _ = v.visit.intake();
                }
            }
        }
    }
    let mut selection = Selection::default();
    if let Ok(r) = atlas.resolve_region("left temple") {
        selection.add(r);
    }
    let intake = painmap::intake::Intake::of(selection);
    let Ok(day) = Date::parse("2025-11-24") else {
        return;
    };
    let visit = Visit::of_intake(atlas, &intake, day);
    if store
        .save_visit("fuzz", &visit, "2025-11-24 10:30 UTC")
        .is_ok()
    {
        let _ = store.history("fuzz");
        let _ = store.forget("fuzz");
    }
}

/// `query`: what people type, through search, muscle and region resolution, the
/// free-text reader, ranking and the red flags, on the shipped atlas.
pub fn query(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let s = shipped();
    let atlas = &s.atlas;
    let _ = s.index.search(text, 40);
    let _ = atlas.resolve_muscle(text);
    let reading = s.lexicon.read(text);
    let _ = (
        reading.summary(atlas),
        reading.caveats(),
        reading.symptom_words(),
    );
    let mut selection = Selection {
        symptoms: text.split_whitespace().map(str::to_owned).collect(),
        ..Selection::default()
    };
    for token in text.split(',') {
        if let Ok(region) = atlas.resolve_region(token) {
            selection.add(region);
        }
    }
    let _ = rank(atlas, &selection, 10);
    let _ = red_flags(atlas, &selection);
}

/// `files`: any bytes as an intake record (parsed, checked against the shipped atlas and
/// the record limits) and as study progress; progress that loads is summarised, put in
/// due order, merged with itself and answered, with times at both ends of the range,
/// where sums and due dates could overflow.
pub fn files(data: &[u8]) {
    let s = shipped();
    let (atlas, deck) = (&s.atlas, &s.deck);
    if let Ok(intake) = Record::from_bytes(data, Path::new("fuzz.json"), atlas) {
        let _ = rank(atlas, &intake.selection, 10);
    }
    let Ok(progress) = Progress::from_bytes(data, Path::new("progress.json")) else {
        return;
    };
    for now in [0, 1_763_980_200, u64::MAX] {
        let summary = Summary::of(deck, &progress, now);
        assert!(summary.correct <= summary.seen);
        let _ = summary.accuracy();
        let order = due_order(deck, &progress, now);
        assert!(order.len() <= deck.cards.len());
    }
    let mut merged = progress.clone();
    merged.merge(&progress);
    assert_eq!(merged, progress);
    for id in progress.cards.keys().take(8) {
        let _ = merged.record(id, true, u64::MAX);
        let _ = merged.record(id, false, 0);
    }
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
        // op 7 with 0xFF: a bracketed paste of `b` x 100 bytes (up to 25 KB), as the
        // terminal input decoder delivers it: one event.
        let e = if chunk[0] % 8 == 7 && chunk[1] == 0xff {
            Event::Paste("left temple, ".repeat(usize::from(chunk[2]) * 100 / 13))
        } else {
            event(chunk[0], chunk[1], chunk[2])
        };
        let started = std::time::Instant::now();
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
        // The cost of one event stays bounded whatever came before it (a paste included):
        // the budget is 2 ms; this catches the pathological (a 20 KB paste once took a
        // minute), with room for an unoptimised, instrumented build.
        let took = started.elapsed();
        assert!(
            took < std::time::Duration::from_secs(2),
            "one event took {took:?}"
        );
    }
}

/// `keys`: a byte stream decoded into key presses, clicks, wheel turns and resizes, fed to
/// the explorer (even first byte) or study mode (odd) through their own input map and
/// update, each followed by a redraw on a test terminal of the current size. File effects
/// (the explorer's export) are not run: the fuzzer must not write files.
pub fn keys(data: &[u8]) {
    let [which, w, h, events @ ..] = data else {
        return;
    };
    // Long sessions get slow without finding more; 600 events is plenty.
    let events = &events[..events.len().min(1800)];
    let size = (u16::from(*w), u16::from(*h) / 2);
    let atlas = &shipped().atlas;
    if which % 2 == 0 {
        let mut app = App::new(atlas);
        drive(
            &mut app,
            |app, msg| {
                // Run the update, not its file effects.
                let _ = painmap::tui::update::update(app, msg);
                // A prompt never grows past its bound, however much is pasted.
                if let Some(painmap::tui::app::Overlay::Search(s)) = &app.overlay {
                    assert!(s.query.chars().count() <= painmap::tui::edit::PROMPT_MAX);
                }
            },
            size,
            events,
        );
    } else {
        let deck = Deck::build(atlas, None, u64::from(*which));
        let mut app = StudyApp::new(atlas, deck, Progress::default(), None, NOW as u64);
        drive(&mut app, Screen::apply, size, events);
    }
}

/// A terminal that answers at its own pace: the bytes before the query's deadline, then
/// (the rest) after it, while the explorer runs.
struct Scripted<'a> {
    chunks: std::slice::Chunks<'a, u8>,
    on_time: usize,
}

impl painmap::term::graphics::Source for Scripted<'_> {
    fn read(&mut self, _wait: std::time::Duration) -> std::io::Result<Option<Vec<u8>>> {
        if self.on_time == 0 {
            return Ok(None);
        }
        self.on_time -= 1;
        Ok(self.chunks.next().map(<[u8]>::to_vec))
    }
}

/// `replies`: the terminal's answers to the graphics query, and keys, arriving in pieces
/// before, during and after the query's timeout. The first byte says how many pieces come
/// in time, the second how long a piece is. What comes in time is read by the query
/// (whose cell size must then be bounded); the rest goes through the explorer's input
/// decoder, split the same way and with idle gaps between pieces, and the events it
/// yields drive the explorer. Decoding in pieces (without gaps) must give what decoding
/// at once gives: where a byte boundary falls changes nothing.
pub fn replies(data: &[u8]) {
    use painmap::term::keys::{Decoder, Input, STALE};
    let [on_time, piece, bytes @ ..] = data else {
        return;
    };
    let bytes = &bytes[..bytes.len().min(64 * 1024)];
    let piece = usize::from(*piece).max(1);
    let mut source = Scripted {
        chunks: bytes.chunks(piece),
        on_time: usize::from(*on_time % 16),
    };
    let answers =
        painmap::term::graphics::read_answers(&mut source, std::time::Duration::from_secs(5));
    let env = painmap::term::Env::of(&[("LANG", "C.UTF-8")]);
    let found = painmap::term::graphics::from_answers(
        &env,
        answers,
        Ok(std::time::Duration::ZERO),
        None,
        false,
    );
    assert!(painmap::term::graphics::bounded_cell(found.cell.0).is_some());
    let late: Vec<u8> = source.chunks.flatten().copied().collect();
    // At once and in pieces.
    let mut whole = Vec::new();
    let mut d = Decoder::new();
    d.push(&late, &mut whole);
    let mut pieces = Vec::new();
    let mut d2 = Decoder::new();
    for chunk in late.chunks(piece) {
        d2.push(chunk, &mut pieces);
    }
    assert_eq!(whole, pieces, "a byte boundary changed what was decoded");
    // With gaps: a lone ESC becomes Esc, a stale sequence is given up.
    let mut gapped = Vec::new();
    let mut d3 = Decoder::new();
    for chunk in late.chunks(piece) {
        d3.push(chunk, &mut gapped);
        d3.idle(STALE, &mut gapped);
    }
    let events: Vec<Event> = gapped
        .into_iter()
        .filter_map(|i| match i {
            Input::Event(e) => Some(e),
            Input::Reply(_) => None,
        })
        .take(200)
        .collect();
    // The events drive the explorer against its first frame's layout (a frame per event
    // would make each input cost a second); the last state is drawn once.
    let atlas = &shipped().atlas;
    let mut app = App::new(atlas);
    let theme = Theme::mono();
    let Ok(mut term) = Terminal::new(TestBackend::new(100, 30));
    let mut layout = painmap::tui::layout::Layout::default();
    let _ = term.draw(|f| layout = app.draw(f, &theme));
    for e in events {
        if let Some(msg) = app.map(&e, &layout, NOW) {
            let _ = painmap::tui::update::update(&mut app, msg);
        }
        if app.quit {
            return;
        }
    }
    let _ = term.draw(|f| layout = app.draw(f, &theme));
}
