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
    let v: Vocabulary = ron::from_str(include_str!("../../data/atlas.ron")).unwrap();
    v.regions
}
