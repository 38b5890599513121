//! Sides of the body and region instances (a region on a side).
//!
//! Sides are always the patient's. A midline region has no side; a selection made
//! without a side matches either side.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The patient's side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The patient's left.
    Left,
    /// The patient's right.
    Right,
}

impl Side {
    /// Both sides, left first.
    pub const BOTH: [Side; 2] = [Side::Left, Side::Right];

    /// `"left"` or `"right"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }

    /// `"Left"` or `"Right"`, to start a title.
    pub fn capitalized(self) -> &'static str {
        match self {
            Side::Left => "Left",
            Side::Right => "Right",
        }
    }

    /// `"LEFT"` or `"RIGHT"`, where the side must not be missed (study's prompt).
    pub fn shouted(self) -> &'static str {
        match self {
            Side::Left => "LEFT",
            Side::Right => "RIGHT",
        }
    }

    /// `'L'` or `'R'`: the letter at a picture's edge or by a score.
    pub fn letter(self) -> char {
        match self {
            Side::Left => 'L',
            Side::Right => 'R',
        }
    }

    /// The other side.
    #[must_use]
    pub fn opposite(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A region on a side: `left temple`, or `sternum` (midline, no side), or `temple` with no
/// side given (matches either side).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct RegionInstance {
    /// The region id from the vocabulary.
    pub region: String,
    /// The side, or `None` for midline regions and selections without a side.
    pub side: Option<Side>,
}

impl RegionInstance {
    /// A region on a side (or none).
    pub fn new(region: impl Into<String>, side: Option<Side>) -> Self {
        RegionInstance {
            region: region.into(),
            side,
        }
    }
}

impl fmt::Display for RegionInstance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.side {
            Some(side) => write!(f, "{side} {}", self.region),
            None => f.write_str(&self.region),
        }
    }
}

/// Where a trigger point refers pain in one of its zone regions: the laterality rule, in
/// the one place it lives. Referral is to the point's own side, except in a midline region
/// (it belongs to both sides) and where the point's pattern crosses (felt on both sides).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// A midline region: no side.
    Midline,
    /// The pattern crosses: both sides.
    Both,
    /// The point's own side.
    Own(Side),
}

impl Reach {
    /// The rule: a region that is `midline`, or that the pattern `crosses`, for a point
    /// on `side`.
    pub fn of(midline: bool, crosses: bool, side: Side) -> Reach {
        if midline {
            Reach::Midline
        } else if crosses {
            Reach::Both
        } else {
            Reach::Own(side)
        }
    }

    /// Whether pain reaches the region on `wanted` (`None`: either side).
    pub fn covers(self, wanted: Option<Side>) -> bool {
        match (self, wanted) {
            (Reach::Own(own), Some(w)) => own == w,
            _ => true,
        }
    }

    /// The one side drawn, or `None` for a midline region or a crossing pattern (drawn on
    /// both sides).
    pub fn side(self) -> Option<Side> {
        match self {
            Reach::Own(s) => Some(s),
            Reach::Midline | Reach::Both => None,
        }
    }

    /// The region instances pain reaches: one without a side for a midline region, one on
    /// each side for a crossing pattern, else one on the point's side.
    pub fn instances(self, region: &str) -> Vec<RegionInstance> {
        match self {
            Reach::Midline => vec![RegionInstance::new(region, None)],
            Reach::Both => Side::BOTH
                .iter()
                .map(|&s| RegionInstance::new(region, Some(s)))
                .collect(),
            Reach::Own(s) => vec![RegionInstance::new(region, Some(s))],
        }
    }
}

/// What a side word says: one side, or both ("both", "bilateral", "bilat").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SideWord {
    /// One side.
    One(Side),
    /// Both sides.
    Both,
}

impl SideWord {
    /// The sides it names, left first.
    pub fn sides(self) -> &'static [Side] {
        match self {
            SideWord::One(Side::Left) => &[Side::Left],
            SideWord::One(Side::Right) => &[Side::Right],
            SideWord::Both => &Side::BOTH,
        }
    }

    /// The union of two side words ("left and right" is both).
    #[must_use]
    pub fn union(self, other: SideWord) -> SideWord {
        if self == other { self } else { SideWord::Both }
    }
}

/// Every side word painmap reads, as folded words: the one table behind region
/// resolution (`left temple`), the explorer's search, `--side` and free text. Clinical
/// shorthand included (`L`, `lt`, `R`, `rt`, `bilat`, `b/l`). Longer entries first, so
/// "either side" wins over a shorter reading.
pub const SIDE_WORDS: [(&[&str], SideWord); 16] = [
    (&["either", "side"], SideWord::Both),
    (&["each", "side"], SideWord::Both),
    (&["both", "sides"], SideWord::Both),
    (&["left"], SideWord::One(Side::Left)),
    (&["l"], SideWord::One(Side::Left)),
    (&["lt"], SideWord::One(Side::Left)),
    (&["lft"], SideWord::One(Side::Left)),
    (&["right"], SideWord::One(Side::Right)),
    (&["r"], SideWord::One(Side::Right)),
    (&["rt"], SideWord::One(Side::Right)),
    (&["rght"], SideWord::One(Side::Right)),
    (&["both"], SideWord::Both),
    (&["bilateral"], SideWord::Both),
    (&["bilaterally"], SideWord::Both),
    (&["bilat"], SideWord::Both),
    (&["b/l"], SideWord::Both),
];

/// The side word at the start of `words` (folded, one word each), with how many words
/// it takes.
pub fn side_word_at<S: AsRef<str>>(words: &[S]) -> Option<(SideWord, usize)> {
    SIDE_WORDS.iter().find_map(|(entry, side)| {
        let fits =
            words.len() >= entry.len() && entry.iter().zip(words).all(|(e, w)| *e == w.as_ref());
        fits.then_some((*side, entry.len()))
    })
}

/// Splits a leading side word off text: `"lt buttock"` is left and `"buttock"`,
/// `"Either side jaw"` is both and `"jaw"`. Words are compared folded (any case, accents
/// folded); the rest is a suffix of `text`, cut at white space (never at a guessed byte
/// offset). Text that is only a side word keeps it as the rest: it names no side of
/// anything.
pub fn split_side_prefix(text: &str) -> (Option<SideWord>, &str) {
    let words: Vec<String> = text
        .split_whitespace()
        .take(2)
        .map(super::text::key)
        .collect();
    let Some((side, n)) = side_word_at(&words) else {
        return (None, text);
    };
    let mut rest = text.trim_start();
    for _ in 0..n {
        rest = rest
            .split_once(char::is_whitespace)
            .map_or("", |(_, r)| r.trim_start());
    }
    if rest.is_empty() {
        (None, text)
    } else {
        (Some(side), rest)
    }
}

impl Side {
    /// Reads one side from a word: `left`, `L`, `lt`, `right`, `R`, `rt` (any case).
    /// "both" is not one side, so it reads as `None`.
    pub fn parse(word: &str) -> Option<Side> {
        let k = super::text::key(word);
        let words: Vec<&str> = k.split(' ').collect();
        match side_word_at(&words) {
            Some((SideWord::One(side), n)) if n == words.len() => Some(side),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorthand_prefixes_split() {
        let left = Some(SideWord::One(Side::Left));
        let right = Some(SideWord::One(Side::Right));
        assert_eq!(split_side_prefix("l temple"), (left, "temple"));
        assert_eq!(split_side_prefix("lt buttock"), (left, "buttock"));
        assert_eq!(split_side_prefix("rt heel"), (right, "heel"));
        assert_eq!(split_side_prefix("r si joint"), (right, "si joint"));
        assert_eq!(
            split_side_prefix("either side jaw"),
            (Some(SideWord::Both), "jaw")
        );
        assert_eq!(split_side_prefix("left"), (None, "left"));
        assert_eq!(split_side_prefix("lower abdomen"), (None, "lower abdomen"));
        assert_eq!(split_side_prefix("leftover"), (None, "leftover"));
        assert_eq!(split_side_prefix("  LEFT   tempé"), (left, "tempé"));
    }

    #[test]
    fn one_side_from_a_word() {
        assert_eq!(Side::parse("L"), Some(Side::Left));
        assert_eq!(Side::parse(" Rt "), Some(Side::Right));
        assert_eq!(Side::parse("right"), Some(Side::Right));
        assert_eq!(Side::parse("both"), None);
        assert_eq!(Side::parse("up"), None);
    }

    #[test]
    fn each_spelling_reads_back_as_its_side() {
        for side in Side::BOTH {
            assert_eq!(Side::parse(side.as_str()), Some(side));
            assert_eq!(Side::parse(side.capitalized()), Some(side));
            assert_eq!(Side::parse(side.shouted()), Some(side));
            assert_eq!(Side::parse(&side.letter().to_string()), Some(side));
        }
    }
}
