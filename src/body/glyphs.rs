//! Glyph sets and the semantic cell style.
//!
//! A drawn cell is a character and a [`Style`]: what the cell means (outline, essential
//! zone, trigger point...), never a colour. The terminal UI maps styles to its theme;
//! `show` maps them to ANSI colours only when colour is on ([`Style::ansi`]).

use super::raster::Edge;

/// Which characters to draw with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum GlyphSet {
    /// Printable ASCII only, for pasting into notes: `#` essential, `:` spillover, `X`
    /// trigger point, `+` selected, outline `/ \ | _ -`.
    Ascii,
    /// Unicode shading and box-drawing lines: `█` essential, `▒` spillover, `░` selected.
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
    /// The ANSI SGR parameters for this style (`"31"` for red...), or `None` for plain
    /// text. Essential is red, spillover light red, the trigger point bold yellow.
    pub fn ansi(self) -> Option<&'static str> {
        match self {
            Style::Background | Style::Body | Style::Outline | Style::Legend => None,
            Style::Detail => Some("2"),
            Style::Essential => Some("31"),
            Style::Spillover => Some("91"),
            Style::Selected => Some("36"),
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
    /// cursor); a space for other styles.
    pub fn mark(self, style: Style) -> char {
        match (self, style) {
            (GlyphSet::Ascii, Style::Essential) => '#',
            (GlyphSet::Ascii, Style::Spillover) => ':',
            (GlyphSet::Ascii, Style::Selected) => '+',
            (GlyphSet::Ascii, Style::Cursor) => '@',
            (GlyphSet::Unicode, Style::Essential) => '█',
            (GlyphSet::Unicode, Style::Spillover) => '▒',
            (GlyphSet::Unicode, Style::Selected) => '░',
            (GlyphSet::Unicode, Style::Cursor) => '◆',
            (_, Style::TriggerPoint) => 'X',
            _ => ' ',
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
    const MARKS: [Style; 5] = [
        Style::Essential,
        Style::Spillover,
        Style::Selected,
        Style::TriggerPoint,
        Style::Cursor,
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
