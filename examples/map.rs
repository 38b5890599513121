//! Prints the explorer's whole-body map at a size: `cargo run --example map -- W H [ascii]`.
use painmap::body::diagram::Diagram;
use painmap::body::frame::Frame;
use painmap::body::glyphs::GlyphSet;
use painmap::body::overlay::Overlay;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let w: u16 = args.first().and_then(|a| a.parse().ok()).unwrap_or(80);
    let h: u16 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(24);
    let glyphs = if args.iter().any(|a| a == "ascii") {
        GlyphSet::Ascii
    } else {
        GlyphSet::Unicode
    };
    let model = painmap::body::shipped();
    let d = Diagram::layout(model, &Frame::whole_body(), w, h, 1);
    for line in d.render(&Overlay::default(), glyphs).lines() {
        println!("{line}");
    }
}
