//! The picture's colours, in one place: the RGB tones of the image tier (PNG and the
//! terminal graphics protocols), the same tones as CSS for the SVG, the 256- and
//! 16-colour indices of the mosaic, and the one decision of what a mosaic cell sets
//! (foreground, background, bold), which `show`'s printed diagrams and the explorer's
//! map both ask here. Change a colour here and every output follows.

use super::glyphs::Style;
use crate::color::Palette;

/// An RGB colour.
pub type Rgb = [u8; 3];

/// The paper.
pub const PAPER: Rgb = [255, 255, 255];
/// The body's soft tone.
pub const SKIN: Rgb = [241, 220, 203];
/// The outline.
pub const INK: Rgb = [90, 70, 56];
/// Interior lines (eyes, creases) in the SVG.
pub const DETAIL: Rgb = [138, 112, 96];
/// The essential zone, and spillover's dots.
pub const RED: Rgb = [200, 16, 46];
/// The selection.
pub const BLUE: Rgb = [74, 127, 212];
/// The X and the words.
pub const X_INK: Rgb = [16, 32, 58];
/// A compared second pattern's hatching.
pub const BLUE2: Rgb = [31, 79, 208];
/// A compared second pattern's X.
pub const X2_INK: Rgb = [14, 42, 140];

/// An RGB colour as CSS (`#c8102e`).
pub fn css(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

/// The palette index a mosaic fills with this style, `None` for empty space and text.
/// In 256 colours the body is a soft tone, its outline dark, essential red, spillover
/// light red, the selection blue, the X yellow; a compared second pattern blue (light
/// for spillover), the overlap purple. In the 16 ANSI colours the body is light grey
/// (white) and its outline dark grey, so that nothing but a zone reads as red: essential
/// red, spillover bright red (stippled over the grey), the selection bright blue, the
/// second pattern blue and cyan, the overlap magenta, the X bright yellow (bold, on the
/// zone, the body or the outline under it), the cursor bright cyan.
pub fn fill(style: Style, palette: Palette) -> Option<u8> {
    let (rich, basic) = match style {
        Style::Background | Style::Legend | Style::Title | Style::Label => return None,
        Style::Body => (180, 7),
        Style::Outline | Style::Detail => (239, 8),
        Style::Essential => (160, 1),
        Style::Spillover => (210, 9),
        Style::Selected => (68, 12),
        Style::Essential2 => (27, 4),
        Style::Spillover2 => (117, 6),
        Style::Overlap => (129, 5),
        Style::TriggerPoint => (226, 11),
        Style::Cursor => (51, 14),
    };
    Some(match palette {
        Palette::Ansi256 => rich,
        Palette::Ansi16 => basic,
    })
}

/// What a mosaic cell sets on the terminal: its foreground and background palette
/// indices and whether it is bold (the X). `None` when neither style has a fill (text
/// and empty space: the caller's own text style applies).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellColours {
    /// The glyph's colour.
    pub fg: Option<u8>,
    /// The colour behind it.
    pub bg: Option<u8>,
    /// Bold (the X).
    pub bold: bool,
}

/// The one decision of a mosaic cell's colours: the foreground style's fill, the
/// background style's fill, bold for the X.
pub fn cell_colours(fg: Style, bg: Style, palette: Palette) -> Option<CellColours> {
    let (f, b) = (fill(fg, palette), fill(bg, palette));
    (f.is_some() || b.is_some()).then_some(CellColours {
        fg: f,
        bg: b,
        bold: fg == Style::TriggerPoint,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_is_the_same_tone() {
        assert_eq!(css(RED), "#c8102e");
        assert_eq!(css(SKIN), "#f1dccb");
        assert_eq!(css(BLUE2), "#1f4fd0");
    }

    #[test]
    fn a_cell_is_coloured_when_either_style_fills_and_the_x_is_bold() {
        let c = cell_colours(Style::TriggerPoint, Style::Essential, Palette::Ansi16).unwrap();
        assert_eq!((c.fg, c.bg, c.bold), (Some(11), Some(1), true));
        let c = cell_colours(Style::Outline, Style::Background, Palette::Ansi256).unwrap();
        assert_eq!((c.fg, c.bg, c.bold), (Some(239), None, false));
        assert_eq!(
            cell_colours(Style::Legend, Style::Background, Palette::Ansi256),
            None
        );
    }
}
