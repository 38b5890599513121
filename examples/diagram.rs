//! Prints the diagram of a made-up trigger point, to look at the pictures:
//! `cargo run --example diagram -- WIDTH SIDE LOCATION ESSENTIAL,.. [SPILLOVER,..] [GLYPHS] [color|color16]`
//! (GLYPHS: ascii, outline, half, quadrant, sextant or octant; quadrant by default;
//! `color16` colours from the 16 ANSI colours)
use painmap::atlas::Side;
use painmap::body::diagram::render_lines;
use painmap::body::glyphs::Glyphs;
use painmap::body::overlay::Overlay;
use painmap::color::Palette;

fn list(s: Option<&String>) -> Vec<String> {
    s.map(|s| {
        s.split(',')
            .filter(|x| !x.is_empty() && *x != "-")
            .map(str::to_owned)
            .collect()
    })
    .unwrap_or_default()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let width: u16 = args[0].parse().unwrap_or(80);
    let side = if args[1] == "left" {
        Side::Left
    } else {
        Side::Right
    };
    let model = painmap::body::shipped();
    let overlay = Overlay::for_trigger_point(
        model,
        "example",
        &args[2],
        &list(args.get(3)),
        &list(args.get(4)),
        &[],
        side,
    );
    let color = if args.iter().any(|a| a == "color16") {
        Some(Palette::Ansi16)
    } else {
        args.iter()
            .any(|a| a == "color")
            .then_some(Palette::Ansi256)
    };
    let glyphs = Glyphs::ALL
        .into_iter()
        .find(|g| args.iter().any(|a| a == g.as_str()))
        .unwrap_or_default();
    for line in render_lines(model, &overlay, width, glyphs, color) {
        println!("{line}");
    }
}
