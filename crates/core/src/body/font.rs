//! Words in a picture: the Hershey simplex Roman stroke font, drawn with tiny-skia paths,
//! so a PNG carries its names, view titles, R and L, legend and source as drawn text
//! without a font file, a C library or a rasteriser crate (3.5 KB in the binary).
//!
//! The glyphs are A. V. Hershey's (U.S. National Bureau of Standards, 1967), in the
//! public domain; the file `font/futural.jhf` is the usual JHF transcription, taken from
//! the `Hershey-Fonts` 2.1.0 package (see `font/README.md`). Each line is one glyph, for
//! the characters 32 to 127 in order: a number (columns 1-5), the count of coordinate
//! pairs (6-8), the left and right bearings, then pairs of letters whose distance from
//! `R` is the coordinate; " R" lifts the pen. The cap height is 21 units (y -12 to 9).
//!
//! Text outside printable ASCII is folded first (accents dropped, typographic quotes and
//! dashes made plain); anything else is drawn as `?`, never skipped silently.

use std::sync::OnceLock;

use tiny_skia::PathBuilder;

/// The JHF source.
const JHF: &str = include_str!("font/futural.jhf");

/// One glyph: its advance and its strokes, in font units (y down, baseline at 9).
#[derive(Debug, Clone, Default)]
struct Glyph {
    left: i8,
    right: i8,
    strokes: Vec<Vec<(i8, i8)>>,
}

/// Font units from the top of a capital to the baseline.
pub const CAP: f32 = 21.0;
/// Where the baseline is, in font units below the origin of a glyph's coordinates.
const BASELINE: f32 = 9.0;

fn glyphs() -> &'static [Glyph] {
    static GLYPHS: OnceLock<Vec<Glyph>> = OnceLock::new();
    GLYPHS.get_or_init(|| JHF.lines().map(parse).collect())
}

fn coord(b: u8) -> i8 {
    i8::try_from(i16::from(b) - i16::from(b'R')).unwrap_or(0)
}

/// One JHF line (malformed input yields an empty glyph: the file is ours and tested).
fn parse(line: &str) -> Glyph {
    let b = line.as_bytes();
    if b.len() < 10 {
        return Glyph::default();
    }
    let mut g = Glyph {
        left: coord(b[8]),
        right: coord(b[9]),
        strokes: vec![Vec::new()],
    };
    for pair in b[10..].chunks_exact(2) {
        if pair == b" R" {
            g.strokes.push(Vec::new());
        } else if let Some(s) = g.strokes.last_mut() {
            s.push((coord(pair[0]), coord(pair[1])));
        }
    }
    g.strokes.retain(|s| !s.is_empty());
    g
}

/// The character drawn for `c`: itself when printable ASCII, else a plain fold of it.
fn fold(c: char) -> char {
    match c {
        ' '..='~' => c,
        '\u{2018}' | '\u{2019}' | '\u{2032}' => '\'',
        '\u{201c}' | '\u{201d}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{2026}' => '.',
        '\u{a0}' => ' ',
        'à'..='å' => 'a',
        'À'..='Å' => 'A',
        'ç' => 'c',
        'Ç' => 'C',
        'è'..='ë' => 'e',
        'È'..='Ë' => 'E',
        'ì'..='ï' => 'i',
        'Ì'..='Ï' => 'I',
        'ñ' => 'n',
        'Ñ' => 'N',
        'ò'..='ö' | 'ø' => 'o',
        'Ò'..='Ö' | 'Ø' => 'O',
        'ù'..='ü' => 'u',
        'Ù'..='Ü' => 'U',
        'ý' | 'ÿ' => 'y',
        'ß' => 's',
        _ => '?',
    }
}

fn glyph(c: char) -> &'static Glyph {
    static EMPTY: Glyph = Glyph {
        left: 0,
        right: 0,
        strokes: Vec::new(),
    };
    let k = (fold(c) as usize).saturating_sub(32);
    glyphs().get(k).unwrap_or(&EMPTY)
}

/// The width of `text` drawn with capitals `cap` pixels tall.
pub fn width(text: &str, cap: f32) -> f32 {
    let s = cap / CAP;
    text.chars()
        .map(|c| {
            let g = glyph(c);
            f32::from(g.right - g.left) * s
        })
        .sum()
}

/// Adds the strokes of `text` to `pb`, its baseline's left end at `(x, y)`, capitals
/// `cap` pixels tall; returns the x where the next character would start. Stroke the
/// path (about a tenth of `cap` wide, round caps) to draw it.
pub fn text(pb: &mut PathBuilder, text: &str, x: f32, y: f32, cap: f32) -> f32 {
    let s = cap / CAP;
    let mut pen = x;
    for c in text.chars() {
        let g = glyph(c);
        let ox = pen - f32::from(g.left) * s;
        for stroke in &g.strokes {
            for (k, &(gx, gy)) in stroke.iter().enumerate() {
                let (px, py) = (ox + f32::from(gx) * s, y + (f32::from(gy) - BASELINE) * s);
                if k == 0 {
                    pb.move_to(px, py);
                } else {
                    pb.line_to(px, py);
                }
            }
            if let [only] = stroke.as_slice() {
                // A single point (none in this font, but cheap to keep visible).
                pb.line_to(
                    ox + f32::from(only.0) * s + 0.01,
                    y + (f32::from(only.1) - BASELINE) * s,
                );
            }
        }
        pen += f32::from(g.right - g.left) * s;
    }
    pen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_printable_ascii_character_has_a_glyph() {
        assert_eq!(glyphs().len(), 96);
        for c in '!'..='~' {
            let g = glyph(c);
            assert!(!g.strokes.is_empty(), "{c:?}");
            assert!(g.right > g.left, "{c:?}");
        }
        assert!(glyph(' ').strokes.is_empty());
    }

    #[test]
    fn width_grows_with_text_and_size_and_folds_accents() {
        assert!(width("Infraspinatus", 20.0) > width("Infra", 20.0));
        assert!((width("AB", 40.0) - 2.0 * width("AB", 20.0)).abs() < 1e-3);
        assert!((width("é", 20.0) - width("e", 20.0)).abs() < 1e-3);
        assert!((width("\u{1b}", 20.0) - width("?", 20.0)).abs() < 1e-3);
    }

    #[test]
    fn a_capital_reaches_from_the_baseline_to_cap_height() {
        let mut pb = PathBuilder::new();
        let end = text(&mut pb, "H", 10.0, 100.0, 21.0);
        let b = pb.finish().unwrap().bounds();
        assert!((b.bottom() - 100.0).abs() < 0.5, "{b:?}");
        assert!((b.top() - 79.0).abs() < 0.5, "{b:?}");
        assert!(end > b.right());
    }
}
