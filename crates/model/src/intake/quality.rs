//! Pain qualities: how the pain feels in a region. Kept apart (serde only) so the build
//! step can read the lexicon, which names them, with the same type.

use serde::{Deserialize, Serialize};

/// How the pain feels in a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Quality {
    /// A dull, deep ache.
    Aching,
    /// Burning.
    Burning,
    /// Pins and needles.
    Tingling,
    /// Reduced feeling.
    Numbness,
    /// Sharp, stabbing.
    Sharp,
}

impl Quality {
    /// Every quality, in the order `p` cycles through them.
    pub const ALL: [Quality; 5] = [
        Quality::Aching,
        Quality::Burning,
        Quality::Tingling,
        Quality::Numbness,
        Quality::Sharp,
    ];

    /// The word, which is also the symptom word it adds to the ranking.
    pub fn as_str(self) -> &'static str {
        match self {
            Quality::Aching => "aching",
            Quality::Burning => "burning",
            Quality::Tingling => "tingling",
            Quality::Numbness => "numbness",
            Quality::Sharp => "sharp",
        }
    }

    /// The next quality in the cycle none -> aching -> ... -> sharp -> none.
    pub fn cycle(current: Option<Quality>) -> Option<Quality> {
        match current {
            None => Some(Quality::ALL[0]),
            Some(q) => {
                let i = Quality::ALL.iter().position(|x| *x == q).unwrap_or(0);
                Quality::ALL.get(i + 1).copied()
            }
        }
    }
}
