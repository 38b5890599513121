//! The explorer at 120x40 on a `TestBackend`, at the shipped atlas (1x) and a 100x
//! synthetic one: the first frame (index, rank and draw, with and without loading the
//! atlas) and one keystroke (input mapping, update and draw) in the map, the candidate
//! list and the search box; a 20 KB paste into the search box.
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use painmap::atlas::{Atlas, SHIPPED_ATLAS, synth};
use painmap::term::keys::{Decoder, Input};
use painmap::tui::app::App;
use painmap::tui::layout::Layout;
use painmap::tui::theme::Theme;
use painmap::tui::{input, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use std::hint::black_box;
use std::time::Duration;

const W: u16 = 120;
const H: u16 = 40;

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// One keystroke: map, update, draw. Returns the new layout.
fn press(
    term: &mut Terminal<TestBackend>,
    app: &mut App<'_>,
    layout: &Layout,
    code: KeyCode,
) -> Layout {
    let theme = Theme::colour();
    if let Some(msg) = input::map(&key(code), app, layout, 0) {
        update::update(app, msg);
    }
    let mut next = Layout::default();
    term.draw(|f| next = view::draw(f, app, &theme))
        .expect("draw");
    next
}

/// The explorer after `/left temple<Enter>/left side of neck<Enter>`: two regions
/// selected, candidates ranked, the top one drawn on the map.
fn explorer(atlas: &Atlas) -> (Terminal<TestBackend>, App<'_>, Layout) {
    let mut term = Terminal::new(TestBackend::new(W, H)).expect("test backend");
    let mut app = App::new(atlas);
    let mut layout = press(&mut term, &mut app, &Layout::default(), KeyCode::Null);
    for query in ["left temple", "left side of neck"] {
        layout = press(&mut term, &mut app, &layout, KeyCode::Char('/'));
        for c in query.chars() {
            layout = press(&mut term, &mut app, &layout, KeyCode::Char(c));
        }
        layout = press(&mut term, &mut app, &layout, KeyCode::Enter);
    }
    (term, app, layout)
}

fn bench(c: &mut Criterion) {
    let big = synth::synthetic_text(100).expect("the synthetic atlas serializes");
    let texts = [("1x", SHIPPED_ATLAS), ("100x", big.as_str())];
    let atlases: Vec<(&str, Atlas)> = texts
        .iter()
        .map(|(name, text)| (*name, Atlas::from_text(text, "bench.ron").expect("valid")))
        .collect();
    let theme = Theme::colour();

    let mut group = c.benchmark_group("first frame 120x40");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(8));
    // Start-up as the explorer does it: load the atlas, build the app, draw.
    group.bench_function("1x load+draw", |b| {
        b.iter(|| {
            let atlas = Atlas::from_text(black_box(SHIPPED_ATLAS), "bench.ron").expect("valid");
            let app = App::new(&atlas);
            let mut term = Terminal::new(TestBackend::new(W, H)).expect("test backend");
            term.draw(|f| {
                view::draw(f, &app, &theme);
            })
            .expect("draw");
        });
    });
    for (name, atlas) in &atlases {
        group.bench_with_input(BenchmarkId::new("app+draw", name), atlas, |b, atlas| {
            b.iter(|| {
                let app = App::new(atlas);
                let mut term = Terminal::new(TestBackend::new(W, H)).expect("test backend");
                term.draw(|f| {
                    view::draw(f, &app, &theme);
                })
                .expect("draw");
            });
        });
    }
    group.finish();

    let mut group = c.benchmark_group("keystroke 120x40");
    for (name, atlas) in &atlases {
        // The candidate list: down and up again, re-ranking and redrawing each time.
        let (mut term, mut app, mut layout) = explorer(atlas);
        layout = press(&mut term, &mut app, &layout, KeyCode::Tab);
        let mut down = true;
        group.bench_function(BenchmarkId::new("candidates j/k", name), |b| {
            b.iter(|| {
                let code = if down {
                    KeyCode::Char('j')
                } else {
                    KeyCode::Char('k')
                };
                down = !down;
                layout = press(&mut term, &mut app, &layout, code);
            });
        });

        // The map cursor: right and left.
        let (mut term, mut app, mut layout) = explorer(atlas);
        layout = press(&mut term, &mut app, &layout, KeyCode::Right);
        let mut right = true;
        group.bench_function(BenchmarkId::new("map cursor", name), |b| {
            b.iter(|| {
                let code = if right { KeyCode::Right } else { KeyCode::Left };
                right = !right;
                layout = press(&mut term, &mut app, &layout, code);
            });
        });

        // The search box: type a letter, then take it back; "n" after "ster", and "s"
        // in an empty box (a first letter matches nearly everything).
        let cases = [
            ("ster", 'n', "search type"),
            ("", 's', "search first letter"),
        ];
        for (typed, letter, bench) in cases {
            let (mut term, mut app, mut layout) = explorer(atlas);
            layout = press(&mut term, &mut app, &layout, KeyCode::Char('/'));
            for c in typed.chars() {
                layout = press(&mut term, &mut app, &layout, KeyCode::Char(c));
            }
            let mut typing = true;
            group.bench_function(BenchmarkId::new(bench, name), |b| {
                b.iter(|| {
                    let code = if typing {
                        KeyCode::Char(letter)
                    } else {
                        KeyCode::Backspace
                    };
                    typing = !typing;
                    layout = press(&mut term, &mut app, &layout, code);
                });
            });
        }
    }
    group.finish();

    paste(c, &atlases, &theme);
}

/// A 20 KB bracketed paste into the search box, from the terminal's bytes: decoded (one
/// event), mapped, applied (one search over the prompt, cut at its limit) and drawn; then
/// Ctrl-U clears the box for the next round.
fn paste(c: &mut Criterion, atlases: &[(&str, Atlas)], theme: &Theme) {
    let mut group = c.benchmark_group("paste 120x40");
    group.sample_size(20);
    let text = "left temple ".repeat(20_000 / 12);
    let mut bytes = b"\x1b[200~".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    bytes.extend_from_slice(b"\x1b[201~");
    for (name, atlas) in atlases {
        let (mut term, mut app, mut layout) = explorer(atlas);
        layout = press(&mut term, &mut app, &layout, KeyCode::Char('/'));
        let clear = Event::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
        group.bench_function(BenchmarkId::new("20 KB into search", name), |b| {
            b.iter(|| {
                let mut inputs = Vec::new();
                Decoder::new().push(black_box(&bytes), &mut inputs);
                for input in inputs {
                    if let Input::Event(e) = input
                        && let Some(msg) = input::map(&e, &app, &layout, 0)
                    {
                        update::update(&mut app, msg);
                    }
                }
                let mut next = Layout::default();
                term.draw(|f| next = view::draw(f, &app, theme))
                    .expect("draw");
                layout = next;
                if let Some(msg) = input::map(&clear, &app, &layout, 0) {
                    update::update(&mut app, msg);
                }
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
