//! Ranking: a selection (regions on sides, symptom words, an age) in, candidates out,
//! each with its score and the reasons behind it. Pure.
//!
//! # The formula
//!
//! Clinicians think in muscles, so a candidate is a **muscle on a side**, scored over all
//! of its trigger points; [`rank_points`] gives the same formula per trigger point.
//!
//! For each selected region a candidate covers, it earns, from the trigger point that
//! serves that region best:
//! - the zone: [`ESSENTIAL`] or [`SPILLOVER`], half of that ([`RARE_ESSENTIAL`],
//!   [`RARE_SPILLOVER`]) when the zone is marked rare for that point, or [`LOCAL`] when the
//!   point itself lies there (an active point is tender where it is);
//! - the pain guides' word, where a guide for that region lists the muscle and the point
//!   reaches it in a zone not marked rare, by a pattern the manuals describe (not a
//!   practice description): the guide's first muscle counts as [`ESSENTIAL`] whatever
//!   its zone (the guides order by how often a muscle is the cause) plus [`GUIDE_FIRST`];
//!   the second earns [`GUIDE_NEXT`], two less per place further down, at least
//!   [`GUIDE_LISTED`] (places in the guide's own order; with a second guide, the mean
//!   place; see [`guide`]);
//! - the point's provenance: [`CHARTED`] in Travell & Simons, [`DAVIES`], [`CONSENSUS`],
//!   or [`PRACTICE`] for a practice description.
//!
//! To that it adds [`EXTRA_REGION`] for each covered region beyond the first, the
//! likelihood of its best tier among the points that serve it ([`COMMON`],
//! [`OCCASIONAL`], rare nothing) and [`SYMPTOM`] for each symptom word one of its points
//! reaching the selection matches. With symptoms only (no region), a candidate is a muscle
//! with a point whose symptoms match; it earns the symptom points and, from its best
//! such point, the likelihood, the provenance and the guide hint ([`GUIDE_HINT`], one
//! less per place) of the point's best placed essential zone.
//!
//! The weights keep the principles in order, checked at compile time in [`weights`]:
//! where no guide speaks, an essential match outweighs a spillover one with every
//! likelihood, symptom and provenance bonus, and two spillover matches do not outweigh
//! one essential; for one region the guide's first outranks every other muscle of the
//! same provenance whatever their likelihood, yet one matching symptom word can lift the
//! guide's third above it; the guide's word never outweighs covering a second region
//! essentially; covering more of the selection ranks higher among equals; a
//! practice-only pattern ranks below a charted one of equal fit.
//!
//! # Ties
//!
//! Equal scores are ordered by the guides: the lower the sum of the muscle's places in
//! the guides of the regions it covers (an unlisted muscle counts [`UNLISTED`] there; a
//! guide of the region that does not list it counts its length), the higher. What the guides cannot separate is a true tie: the candidates share a
//! rank number (shown "=3") and are listed in atlas order. A name never breaks a tie.
//!
//! # Laterality
//!
//! A trigger point on the left covers left regions and midline regions; it covers right
//! regions only where its pattern crosses (the `crosses` list). A region selected without
//! a side matches either side. When no selected region has a side, candidates carry no
//! side either.

mod drawn;
mod flags;
pub mod guide;
mod score;
mod top;
pub mod weights;

#[cfg(test)]
mod tests;

pub use drawn::{DRAWN, DrawnCandidate, DrawnRanking, Fit, drawing_selection, rank_drawing};
pub use flags::{AgeQuestion, Raised, age_questions, red_flags, screen_questions};
pub use score::{MuscleCandidate, PointCandidate, UNLISTED};
pub use top::{Placed, Ranking};
pub use weights::{
    CHARTED, COMMON, CONSENSUS, DAVIES, ESSENTIAL, EXTRA_REGION, GUIDE_FIRST, GUIDE_HINT,
    GUIDE_LISTED, LOCAL, OCCASIONAL, PRACTICE, RARE_ESSENTIAL, RARE_SPILLOVER, SPILLOVER, SYMPTOM,
};

use crate::atlas::text::fold;
use crate::atlas::{Atlas, RegionInstance, Side, TriggerPoint};
use serde::Serialize;

/// The oldest age an intake accepts.
pub const MAX_AGE: u8 = 130;

/// What the user told us: where it hurts, symptom words, and the age when known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Selected region instances, in the order given (duplicates are ignored).
    pub regions: Vec<RegionInstance>,
    /// Symptom words, as typed.
    pub symptoms: Vec<String>,
    /// Pain qualities given for one region ("tingling" in the left palm): a quality counts
    /// like a symptom word, for the candidates that cover that region only.
    pub qualities: Vec<(RegionInstance, String)>,
    /// The client's age in years, when known (some red flags depend on it).
    pub age: Option<u8>,
    /// The client's own words, as said (free text): the screen listens to them for the
    /// concepts red flags are made of ([`crate::screen`]).
    pub said: Vec<String>,
    /// The screening questions answered.
    pub answers: Vec<crate::screen::Answer>,
}

impl Selection {
    /// A selection of these regions with no symptoms.
    pub fn of(regions: impl IntoIterator<Item = RegionInstance>) -> Selection {
        let mut s = Selection::default();
        for r in regions {
            s.add(r);
        }
        s
    }

    /// Adds a region instance unless it is already selected.
    pub fn add(&mut self, region: RegionInstance) {
        if !self.regions.contains(&region) {
            self.regions.push(region);
        }
    }

    /// Selects the region if absent, else removes it. Returns whether it is now selected.
    pub fn toggle(&mut self, region: RegionInstance) -> bool {
        if let Some(i) = self.regions.iter().position(|r| *r == region) {
            self.regions.remove(i);
            false
        } else {
            self.regions.push(region);
            true
        }
    }

    /// No region selected and no symptoms (an age alone ranks nothing).
    pub fn is_empty(&self) -> bool {
        self.regions.is_empty() && self.symptoms.is_empty()
    }

    /// Gives the answer to the screening question on `concept`, replacing an earlier
    /// one; `None` takes the answer back.
    pub fn answer(&mut self, concept: &str, yes: Option<bool>) {
        self.answers.retain(|a| a.concept != concept);
        if let Some(yes) = yes {
            self.answers.push(crate::screen::Answer {
                concept: concept.to_string(),
                yes,
            });
        }
    }
}

/// Which zone of a trigger point a selected region falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Zone {
    /// Felt in nearly everyone.
    Essential,
    /// Felt in some, when the point is more irritable.
    Spillover,
    /// Not a referral zone: the trigger point itself lies there.
    Local,
}

impl Zone {
    /// `"essential"`, `"spillover"` or `"local"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Zone::Essential => "essential",
            Zone::Spillover => "spillover",
            Zone::Local => "local",
        }
    }
}

/// One reason a candidate ranks: a selected region it covers, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// The selected region instance covered.
    pub region: RegionInstance,
    /// The zone it falls in.
    pub zone: Zone,
    /// The zone is marked rare for the trigger point that gives it.
    pub rare: bool,
    /// The muscle's place in the region's pain guides (0 = first; with two guides its
    /// mean place) when the guide speaks for this match: the guide lists the muscle
    /// there and the point reaches it in a zone not marked rare, by a pattern the manuals
    /// describe (not a practice description). `None` otherwise.
    pub guide: Option<u32>,
}

impl Match {
    /// The zone's points ([`ESSENTIAL`], [`RARE_ESSENTIAL`], ...).
    pub fn zone_points(&self) -> u32 {
        match (self.zone, self.rare) {
            (Zone::Essential, false) => ESSENTIAL,
            (Zone::Essential, true) => RARE_ESSENTIAL,
            (Zone::Spillover, false) => SPILLOVER,
            (Zone::Spillover, true) => RARE_SPILLOVER,
            (Zone::Local, _) => LOCAL,
        }
    }

    /// The region's points from the point giving this match, before its provenance:
    /// [`weights::region`].
    pub fn region_points(&self) -> u32 {
        weights::region(self.zone_points(), self.guide)
    }

    /// The guide's first muscle for the region, speaking for this match.
    pub fn guide_first(&self) -> bool {
        self.guide == Some(0)
    }
}

/// Does a trigger point on `side` reach the selected `region` instance, and in which
/// zone (and is that zone rare for it)?
pub fn coverage(
    atlas: &Atlas,
    tp: &TriggerPoint,
    side: Option<Side>,
    selected: &RegionInstance,
) -> Option<(Zone, bool)> {
    let id = &selected.region;
    // A point found on one side only does not exist on the other.
    if let (Some(only), Some(side)) = (tp.side, side)
        && only != side
    {
        return None;
    }
    let zone = if tp.essential.contains(id) {
        Zone::Essential
    } else if tp.spillover.contains(id) {
        Zone::Spillover
    } else if tp.location == *id {
        Zone::Local
    } else {
        return None;
    };
    let reaches = side.is_none_or(|side| atlas.reach(tp, id, side).covers(selected.side));
    let rare = zone != Zone::Local && tp.rare.contains(id);
    reaches.then_some((zone, rare))
}

/// Does a symptom word match a trigger point's symptom phrase? Both are folded; a word of
/// three letters or more matches inside a phrase ("tingl" in "tingling"), and a phrase
/// matches inside a longer query ("tinnitus" in "ringing tinnitus").
pub fn symptom_matches(word: &str, phrase: &str) -> bool {
    let (w, p) = (fold(word.trim()), fold(phrase));
    !w.is_empty() && (w == p || (w.chars().count() >= 3 && p.contains(&w)) || w.contains(&p))
}

/// The best `top` muscles on a side for the selection, best first, with the count of
/// every candidate. Only the best `top` are put in order (a partial selection), so the
/// cost grows with the atlas, not with its logarithm.
pub fn rank<'a>(
    atlas: &'a Atlas,
    selection: &Selection,
    top: usize,
) -> Ranking<MuscleCandidate<'a>> {
    top::best(score::muscles(atlas, selection), top)
}

/// [`rank`] per trigger point on a side (`rank --by point`).
pub fn rank_points<'a>(
    atlas: &'a Atlas,
    selection: &Selection,
    top: usize,
) -> Ranking<PointCandidate<'a>> {
    top::best(score::points(atlas, selection), top)
}
