//! Where the pain guides place a muscle for a region: the data behind the ranking's
//! guide weight and its tie rule. Pure.
//!
//! A guide lists, for one region, the muscles that refer pain there, most often the
//! cause first, each marked essential or spillover. A muscle's *place* in a guide is its
//! place in that list (0 = first): the references order by how often a muscle is the
//! cause, not by zone, so a spillover entry listed first stays first. Where a region has
//! several guides (Travell & Simons, and Davies where
//! they differ), a muscle's places are added up, counting a guide that does not list it
//! as its length: the sum is the tie rule, and the sum divided by the number of guides
//! (rounded down) its place for the guide weight. So the muscle both guides put near
//! the top comes first, not whichever one guide happens to put first.

use crate::atlas::{Atlas, Guide};
use std::collections::HashMap;

/// A muscle's standing in a region's guides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    /// The sum of its places over the region's guides (the tie rule; lower is better).
    pub total: u32,
    /// Its mean place, rounded down (what the guide weight is read from).
    pub place: u32,
}

/// The standings of the muscles in the guides of some regions.
#[derive(Debug, Default)]
pub struct Places<'a> {
    /// (region id, muscle id) -> standing.
    places: HashMap<(&'a str, &'a str), Standing>,
}

impl<'a> Places<'a> {
    /// The standings in the guides of these regions only (the selected ones).
    pub fn of_regions<'r>(atlas: &'a Atlas, regions: impl IntoIterator<Item = &'r str>) -> Self {
        let regions: Vec<&str> = regions.into_iter().collect();
        Places::of(
            atlas
                .guides()
                .iter()
                .filter(|g| regions.contains(&g.region.as_str())),
        )
    }

    /// The standings in every guide.
    pub fn all(atlas: &'a Atlas) -> Self {
        Places::of(atlas.guides().iter())
    }

    fn of(guides: impl Iterator<Item = &'a Guide>) -> Self {
        let mut by_region: HashMap<&'a str, Vec<Vec<(u32, &'a str)>>> = HashMap::new();
        for g in guides {
            by_region
                .entry(g.region.as_str())
                .or_default()
                .push(ordered(g));
        }
        let mut places = HashMap::new();
        for (region, lists) in by_region {
            let n = u32::try_from(lists.len()).unwrap_or(u32::MAX).max(1);
            for (_, muscle) in lists.iter().flatten() {
                if places.contains_key(&(region, *muscle)) {
                    continue;
                }
                let total: u32 = lists
                    .iter()
                    .map(|list| {
                        list.iter().find(|(_, m)| m == muscle).map_or_else(
                            || u32::try_from(list.len()).unwrap_or(u32::MAX),
                            |(place, _)| *place,
                        )
                    })
                    .fold(0, u32::saturating_add);
                let standing = Standing {
                    total,
                    place: total / n,
                };
                places.insert((region, *muscle), standing);
            }
        }
        Places { places }
    }

    /// The muscle's standing in the region's guides, `None` when none lists it.
    pub fn standing(&self, region: &str, muscle: &str) -> Option<Standing> {
        self.places.get(&(region, muscle)).copied()
    }
}

/// A guide's muscles with their places, in the guide's order. A muscle listed twice
/// keeps its first place.
pub fn ordered(guide: &Guide) -> Vec<(u32, &str)> {
    let mut out: Vec<(u32, &str)> = Vec::with_capacity(guide.entries.len());
    for e in &guide.entries {
        if !out.iter().any(|(_, m)| *m == e.muscle) {
            let place = u32::try_from(out.len()).unwrap_or(u32::MAX);
            out.push((place, e.muscle.as_str()));
        }
    }
    out
}

/// The guides' first muscle for a region: the least sum of places over the region's
/// guides (with one guide, its first entry; between equal sums, the earlier guide's
/// order decides). `None` when no guide covers the region.
pub fn first<'a>(atlas: &'a Atlas, region: &'a str) -> Option<&'a str> {
    let places = Places::of_regions(atlas, [region]);
    atlas
        .guides_for(region)
        .flat_map(|g| g.entries.iter().map(|e| e.muscle.as_str()))
        .filter_map(|m| places.standing(region, m).map(|s| (s.total, m)))
        .min_by_key(|&(total, _)| total)
        .map(|(_, m)| m)
}
