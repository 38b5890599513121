//! Glyph sets and the semantic cell style.
//!
//! A drawn cell is a character and a [`Style`]: what the cell means (outline, essential
//! zone, trigger point...), never a colour. The terminal UI maps styles to its theme;
//! `show` maps them to ANSI colours only when colour is on ([`Style::ansi`]).

use super::raster::Edge;
use crate::color::Palette;

/// Which characters to draw with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum GlyphSet {
    /// Printable ASCII only, for pasting into notes: `#` essential, `:` spillover, `X`
    /// trigger point, `+` selected, outline `/ \ | _ -`; a compared second pattern `=`
    /// essential, `~` spillover, `%` where both reach.
    Ascii,
    /// Unicode shading and box-drawing lines: `█` essential, `▒` spillover, `░` selected;
    /// a compared second pattern `≡` essential, `≈` spillover, `▓` where both reach.
    #[default]
    Unicode,
}

/// What a drawn cell means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Style {
    /// Empty space.
    #[default]
    Background,
    /// Inside the body, nothing marked.
    Body,
    /// The silhouette's outline.
    Outline,
    /// An interior line (eye, mouth, crease).
    Detail,
    /// Essential referral zone.
    Essential,
    /// Spillover referral zone.
    Spillover,
    /// A region the user selected.
    Selected,
    /// The second pattern's essential zone, in a comparison.
    Essential2,
    /// The second pattern's spillover zone, in a comparison.
    Spillover2,
    /// A region both patterns of a comparison reach.
    Overlap,
    /// A trigger point's X.
    TriggerPoint,
    /// The keyboard cursor.
    Cursor,
    /// An R or L side label.
    Label,
    /// A panel title.
    Title,
    /// Legend text.
    Legend,
}

impl Style {
    /// The palette index a mosaic fills with this style ([`super::palette::fill`]).
    pub fn fill(self, palette: Palette) -> Option<u8> {
        super::palette::fill(self, palette)
    }

    /// The ANSI SGR parameters for this style (`"31"` for red...), or `None` for plain
    /// text. Essential is red, spillover light red, the trigger point bold yellow; a
    /// compared second pattern blue, the overlap magenta.
    pub fn ansi(self) -> Option<&'static str> {
        match self {
            Style::Background | Style::Body | Style::Outline | Style::Legend => None,
            Style::Detail => Some("2"),
            Style::Essential => Some("31"),
            Style::Spillover => Some("91"),
            Style::Selected => Some("36"),
            Style::Essential2 => Some("34"),
            Style::Spillover2 => Some("94"),
            Style::Overlap => Some("35"),
            Style::TriggerPoint => Some("1;33"),
            Style::Cursor => Some("7"),
            Style::Label | Style::Title => Some("1"),
        }
    }
}

impl GlyphSet {
    /// The character for a line through a cell.
    pub fn edge(self, e: Edge) -> char {
        match (self, e) {
            (GlyphSet::Ascii, Edge::Vertical) => '|',
            (GlyphSet::Ascii, Edge::Rising) => '/',
            (GlyphSet::Ascii, Edge::Falling) => '\\',
            (_, Edge::Low) => '_',
            (_, Edge::CurveLeft) => '(',
            (_, Edge::CurveRight) => ')',
            (GlyphSet::Ascii, Edge::High) => '-',
            (GlyphSet::Ascii, Edge::Dot) => '.',
            (GlyphSet::Ascii, Edge::Spot) => 'o',
            (GlyphSet::Unicode, Edge::Spot) => '•',
            (GlyphSet::Unicode, Edge::Vertical) => '│',
            (GlyphSet::Unicode, Edge::Rising) => '╱',
            (GlyphSet::Unicode, Edge::Falling) => '╲',
            (GlyphSet::Unicode, Edge::High) => '─',
            (GlyphSet::Unicode, Edge::Dot) => '·',
        }
    }

    /// The character filling a marked cell (essential, spillover, selected, trigger point,
    /// cursor; a compared second pattern's zones and the overlap); a space for other
    /// styles.
    pub fn mark(self, style: Style) -> char {
        match (self, style) {
            (GlyphSet::Ascii, Style::Essential) => '#',
            (GlyphSet::Ascii, Style::Spillover) => ':',
            (GlyphSet::Ascii, Style::Selected) => '+',
            (GlyphSet::Ascii, Style::Cursor) => '@',
            (GlyphSet::Ascii, Style::Essential2) => '=',
            (GlyphSet::Ascii, Style::Spillover2) => '~',
            (GlyphSet::Ascii, Style::Overlap) => '%',
            (GlyphSet::Unicode, Style::Essential) => '█',
            (GlyphSet::Unicode, Style::Spillover) => '▒',
            (GlyphSet::Unicode, Style::Selected) => '░',
            (GlyphSet::Unicode, Style::Cursor) => '◆',
            (GlyphSet::Unicode, Style::Essential2) => '≡',
            (GlyphSet::Unicode, Style::Spillover2) => '≈',
            (GlyphSet::Unicode, Style::Overlap) => '▓',
            (_, Style::TriggerPoint) => 'X',
            _ => ' ',
        }
    }
}

/// How a diagram is drawn in text: line art (ASCII or Unicode) or a filled mosaic of
/// block characters at sub-cell resolution (see [`super::mosaic`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Glyphs {
    /// Printable ASCII line art: `#` essential, `:` spillover, `X`, outline `/ \ | _ -`.
    Ascii,
    /// Unicode line art (box-drawing outline, shaded zones).
    Outline,
    /// Half blocks `▀ ▄`: 1x2 samples a cell, in every font.
    Half,
    /// Quadrants `▘ ▚ ▟`: 2x2 samples a cell, in nearly every font.
    #[default]
    Quadrant,
    /// Sextants (U+1FB00, Unicode 13): 2x3 samples a cell.
    Sextant,
    /// Octants (U+1CD00, Unicode 16): 2x4 samples a cell.
    Octant,
}

impl Glyphs {
    /// Every glyph choice, plainest first.
    pub const ALL: [Glyphs; 6] = [
        Glyphs::Ascii,
        Glyphs::Outline,
        Glyphs::Half,
        Glyphs::Quadrant,
        Glyphs::Sextant,
        Glyphs::Octant,
    ];

    /// Samples per cell, `(across, down)`, for the mosaic tiers; `None` for line art.
    pub fn samples(self) -> Option<(usize, usize)> {
        match self {
            Glyphs::Ascii | Glyphs::Outline => None,
            Glyphs::Half => Some((1, 2)),
            Glyphs::Quadrant => Some((2, 2)),
            Glyphs::Sextant => Some((2, 3)),
            Glyphs::Octant => Some((2, 4)),
        }
    }

    /// The line-art glyph set used for text around the picture (and for the line-art
    /// tiers themselves).
    pub fn line_art(self) -> GlyphSet {
        if self == Glyphs::Ascii {
            GlyphSet::Ascii
        } else {
            GlyphSet::Unicode
        }
    }

    /// Its name on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Glyphs::Ascii => "ascii",
            Glyphs::Outline => "outline",
            Glyphs::Half => "half",
            Glyphs::Quadrant => "quadrant",
            Glyphs::Sextant => "sextant",
            Glyphs::Octant => "octant",
        }
    }
}

/// One drawn cell: a character, what it means, and whether its region is selected (a
/// selected cell under a zone keeps the zone's mark; the UI may underline it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Cell {
    /// The character (always one column wide).
    pub ch: char,
    /// What it means.
    pub style: Style,
    /// Whether the cell's region is selected.
    pub selected: bool,
}

impl Cell {
    /// A blank background cell.
    pub const BLANK: Cell = Cell {
        ch: ' ',
        style: Style::Background,
        selected: false,
    };

    /// A cell of text in a style.
    pub fn text(ch: char, style: Style) -> Cell {
        Cell {
            ch,
            style,
            selected: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EDGES: [Edge; 9] = [
        Edge::Spot,
        Edge::CurveLeft,
        Edge::CurveRight,
        Edge::Vertical,
        Edge::Rising,
        Edge::Falling,
        Edge::Low,
        Edge::High,
        Edge::Dot,
    ];
    const MARKS: [Style; 8] = [
        Style::Essential,
        Style::Spillover,
        Style::Selected,
        Style::TriggerPoint,
        Style::Cursor,
        Style::Essential2,
        Style::Spillover2,
        Style::Overlap,
    ];

    #[test]
    fn ascii_set_is_printable_ascii() {
        for e in EDGES {
            assert!(GlyphSet::Ascii.edge(e).is_ascii_graphic());
        }
        for s in MARKS {
            assert!(GlyphSet::Ascii.mark(s).is_ascii_graphic());
        }
    }

    /// In 16 colours nothing but a zone is red (a terminal would turn the body's soft
    /// tone into red), and the fills still tell body, outline, zones and X apart.
    #[test]
    fn sixteen_colour_fills_keep_red_for_the_zones() {
        let all = [
            Style::Body,
            Style::Outline,
            Style::Detail,
            Style::Essential,
            Style::Spillover,
            Style::Selected,
            Style::Essential2,
            Style::Spillover2,
            Style::Overlap,
            Style::TriggerPoint,
            Style::Cursor,
        ];
        let red = |i: u8| i == 1 || i == 9;
        for s in all {
            let i = s.fill(Palette::Ansi16).unwrap();
            assert!(i < 16, "{s:?}");
            assert_eq!(
                red(i),
                matches!(s, Style::Essential | Style::Spillover),
                "{s:?}"
            );
        }
        assert_eq!(Style::Body.fill(Palette::Ansi16), Some(7), "light grey");
        let mut distinct: Vec<u8> = [
            Style::Body,
            Style::Outline,
            Style::Essential,
            Style::Spillover,
            Style::Selected,
            Style::TriggerPoint,
        ]
        .iter()
        .filter_map(|s| s.fill(Palette::Ansi16))
        .collect();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), 6);
        assert_eq!(Style::Body.fill(Palette::Ansi256), Some(180));
        assert_eq!(Style::Background.fill(Palette::Ansi16), None);
    }

    #[test]
    fn marks_are_distinct() {
        for set in [GlyphSet::Ascii, GlyphSet::Unicode] {
            let mut chars: Vec<char> = MARKS.iter().map(|&s| set.mark(s)).collect();
            chars.sort_unstable();
            chars.dedup();
            assert_eq!(chars.len(), MARKS.len(), "{set:?}");
        }
    }
}
