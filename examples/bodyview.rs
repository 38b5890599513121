//! Prints one view of the body model: `cargo run --example bodyview -- VIEW W H [ascii]`.
use painmap::atlas::Side;
use painmap::body::ViewId;
use painmap::body::glyphs::GlyphSet;
use painmap::body::overlay::{Overlay, paint};
use painmap::body::raster::{Raster, Viewport};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let view = ViewId::ALL
        .into_iter()
        .find(|v| format!("{v:?}").eq_ignore_ascii_case(&args[0]))
        .unwrap();
    let w: u16 = args[1].parse().unwrap();
    let h: u16 = args[2].parse().unwrap();
    let glyphs = if args.get(3).is_some_and(|a| a == "ascii") {
        GlyphSet::Ascii
    } else {
        GlyphSet::Unicode
    };
    let side = if args.get(4).is_some_and(|a| a == "left") {
        Side::Left
    } else {
        Side::Right
    };
    let model = painmap::body::shipped();
    let r = Raster::new(model, Viewport::new(view, side, w, h));
    let cells = paint(&r, &Overlay::default(), glyphs);
    for row in cells.chunks(usize::from(w)) {
        let s: String = row.iter().map(|c| c.ch).collect();
        println!("{}", s.trim_end());
    }
    if args.get(5).is_some_and(|a| a == "regions") {
        // Region map: one letter per region.
        for row in 0..h {
            let s: String = (0..w)
                .map(|c| match r.cell(c, row).and_then(|c| c.region) {
                    Some((i, _)) => char::from(b'A' + (i % 58) as u8),
                    None => ' ',
                })
                .collect();
            println!("{}", s.trim_end());
        }
    }
}
