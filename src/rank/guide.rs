//! Where the pain guides place a muscle for a region: the data behind the ranking's
//! guide weight and its tie rule. Pure.
//!
//! A guide lists, for one region, the muscles that refer pain there, most often the
//! cause first, each marked essential or spillover. A muscle's *place* in a guide counts
//! the guide's essential entries first, in order, then its spillover entries, in order
//! (0 = first). With several guides for a region (Travell & Simons and Davies), a muscle
//! takes its best place among them.

use crate::atlas::{Atlas, Guide, GuideZone};
use std::collections::HashMap;

/// The places of the muscles in the guides of some regions.
#[derive(Debug, Default)]
pub struct Places<'a> {
    /// (region id, muscle id) -> best place.
    places: HashMap<(&'a str, &'a str), u32>,
}

impl<'a> Places<'a> {
    /// The places in the guides of these regions only (the selected ones).
    pub fn of_regions<'r>(atlas: &'a Atlas, regions: impl IntoIterator<Item = &'r str>) -> Self {
        let mut places = Places::default();
        let regions: Vec<&str> = regions.into_iter().collect();
        for guide in atlas.guides() {
            if regions.contains(&guide.region.as_str()) {
                places.add(guide);
            }
        }
        places
    }

    /// The places in every guide.
    pub fn all(atlas: &'a Atlas) -> Self {
        let mut places = Places::default();
        for guide in atlas.guides() {
            places.add(guide);
        }
        places
    }

    fn add(&mut self, guide: &'a Guide) {
        for (place, muscle) in ordered(guide) {
            self.places
                .entry((guide.region.as_str(), muscle))
                .and_modify(|p| *p = (*p).min(place))
                .or_insert(place);
        }
    }

    /// The muscle's best place in the region's guides, `None` when none lists it.
    pub fn place(&self, region: &str, muscle: &str) -> Option<u32> {
        self.places.get(&(region, muscle)).copied()
    }
}

/// A guide's muscles with their places: essential entries first, then spillover ones,
/// each in the guide's order. A muscle listed twice keeps its first place.
pub fn ordered(guide: &Guide) -> Vec<(u32, &str)> {
    let mut out: Vec<(u32, &str)> = Vec::with_capacity(guide.entries.len());
    for zone in [GuideZone::Essential, GuideZone::Spillover] {
        for e in guide.entries.iter().filter(|e| e.zone == zone) {
            if !out.iter().any(|(_, m)| *m == e.muscle) {
                let place = u32::try_from(out.len()).unwrap_or(u32::MAX);
                out.push((place, e.muscle.as_str()));
            }
        }
    }
    out
}
