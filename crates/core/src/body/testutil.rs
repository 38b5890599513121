//! Test helpers: the region vocabulary read straight from `data/atlas.ron`.

use serde::Deserialize;

use crate::atlas::model::Region;

#[derive(Deserialize)]
#[serde(rename = "Atlas")]
struct Vocabulary {
    regions: Vec<Region>,
}

/// The regions of the shipped atlas (the vocabulary every view must cover).
pub fn vocabulary() -> Vec<Region> {
    let v: Vocabulary = ron::from_str(include_str!("../../../../data/atlas.ron")).unwrap();
    v.regions
}

use super::overlay::Overlay;
use crate::atlas::Side;

/// A made-up trigger point: (name, location, essential, spillover, side).
pub type Pattern = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
    Side,
);

/// Made-up trigger points shaped like classic patterns, for pictures and snapshots.
pub const PATTERNS: [Pattern; 4] = [
    (
        "gluteus-minimus-posterior",
        "buttock",
        &["buttock", "thigh-back", "calf"],
        &["sit-bone", "knee-back"],
        Side::Left,
    ),
    (
        "masseter-superficial",
        "jaw",
        &["upper-teeth", "lower-teeth", "cheek", "jaw"],
        &["eye", "tmj", "ear"],
        Side::Right,
    ),
    (
        "first-dorsal-interosseous",
        "thumb-web",
        &["index-finger"],
        &["hand-back", "thumb-web"],
        Side::Left,
    ),
    (
        "soleus-1",
        "calf",
        &["heel"],
        &["achilles", "calf", "instep"],
        Side::Right,
    ),
];

/// The overlay of one of [`PATTERNS`].
pub fn pattern(k: usize) -> (&'static str, Overlay) {
    let (name, location, essential, spillover, side) = PATTERNS[k];
    let strings = |l: &[&str]| l.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let overlay = Overlay::for_trigger_point(
        crate::body::shipped(),
        name,
        location,
        &strings(essential),
        &strings(spillover),
        &[],
        side,
    );
    (name, overlay)
}
