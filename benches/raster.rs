//! Rasterizing the body: a full whole-body view at 80x24 and 200x60 (budget: 1 ms), and
//! the explorer's front-and-back map with a pattern painted over it, and a whole mosaic
//! frame at 120x40 (rasterise and draw; budget: 2 ms); and the image tier's cost when
//! the picture changes (a cursor move): one explorer panel drawn with tiny-skia and
//! encoded as sixel and as kitty.
use criterion::{Criterion, criterion_group, criterion_main};
use painmap::atlas::Side;
use painmap::body::ViewId;
use painmap::body::diagram::Diagram;
use painmap::body::frame::Frame;
use painmap::body::glyphs::{GlyphSet, Glyphs};
use painmap::body::overlay::{Overlay, paint};
use painmap::body::raster::{Raster, Viewport};
use painmap::graphics::{Protocol, Terminal};
use painmap::tui::picture::ImageTier;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let model = painmap::body::shipped();
    let zones: Vec<String> = ["buttock", "thigh-back", "calf"].map(String::from).to_vec();
    let overlay = Overlay::for_trigger_point(
        model,
        "gluteus-minimus-posterior",
        "buttock",
        &zones,
        &["hip-side".to_owned()],
        &[],
        Side::Left,
    );
    c.bench_function("raster front 80x24", |b| {
        b.iter(|| {
            Raster::new(
                model,
                black_box(Viewport::new(ViewId::Front, Side::Right, 80, 24)),
            )
        });
    });
    c.bench_function("diagram front+back 80x24", |b| {
        b.iter(|| {
            let d = Diagram::layout(model, &Frame::whole_body(), black_box(80), 24, 1);
            d.render(&overlay, GlyphSet::Unicode)
        });
    });
    for glyphs in [Glyphs::Quadrant, Glyphs::Octant] {
        c.bench_function(&format!("mosaic frame 120x40 {}", glyphs.as_str()), |b| {
            b.iter(|| {
                let d = Diagram::layout(model, &Frame::whole_body(), black_box(120), 40, 1);
                d.draw(&overlay, glyphs, false)
            });
        });
    }
    c.bench_function("raster front 200x60", |b| {
        b.iter(|| {
            Raster::new(
                model,
                black_box(Viewport::new(ViewId::Front, Side::Right, 200, 60)),
            )
        });
    });
    c.bench_function("raster+paint back 200x60", |b| {
        b.iter(|| {
            let r = Raster::new(
                model,
                black_box(Viewport::new(ViewId::Back, Side::Right, 200, 60)),
            );
            paint(&r, &overlay, GlyphSet::Unicode)
        });
    });
    c.bench_function("diagram front+back 200x60", |b| {
        b.iter(|| {
            let d = Diagram::layout(model, &Frame::whole_body(), black_box(200), 60, 1);
            d.render(&overlay, GlyphSet::Unicode)
        });
    });
    // The explorer's front panel at 120x40 (about 36 by 37 cells) in 9 by 18 pixel cells;
    // the cursor moves each time, so every iteration draws and encodes anew.
    for protocol in [Protocol::Sixel, Protocol::Kitty] {
        let tier = ImageTier::new(Terminal {
            protocol,
            cell: (9, 18),
            tmux: false,
        });
        let raster = Raster::new(model, Viewport::new(ViewId::Front, Side::Left, 36, 37));
        let area = ratatui::layout::Rect::new(0, 0, 36, 37);
        let mut buf = ratatui::buffer::Buffer::empty(area);
        let mut moving = overlay.clone();
        let mut step = 0u16;
        c.bench_function(&format!("picture panel 36x37 {protocol:?}"), |b| {
            b.iter(|| {
                step = (step + 1) % 36;
                moving.cursor = Some((step, 10));
                tier.draw(&raster, black_box(&moving), area, &mut buf)
            });
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
