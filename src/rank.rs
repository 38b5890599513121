//! Ranking: a selection (regions on sides, plus symptom words) in, candidates (trigger
//! point x side) out, each with its score and the reasons behind it. Pure.
//!
//! # The formula
//!
//! A candidate is a trigger point on a side. For each selected region it covers it earns
//! [`ESSENTIAL`] points (essential zone) or [`SPILLOVER`] points (spillover zone); for each
//! selected region it covers beyond the first it earns [`EXTRA_REGION`] more, so a point
//! that explains more of the pain ranks higher. Its likelihood tier adds [`COMMON`] or
//! [`OCCASIONAL`] (rare adds nothing), and each symptom word that matches one of its
//! symptoms adds [`SYMPTOM`]. Scores are whole numbers; ties break by muscle name, trigger
//! point name, then side, so the order is deterministic.
//!
//! The weights keep the principles in order: an essential match outweighs any
//! likelihood or a single symptom; likelihood and symptoms only refine the order among
//! points that cover the selection alike.
//!
//! # Laterality
//!
//! A trigger point on the left covers left regions and midline regions; it covers right
//! regions only where its pattern crosses (the `crosses` list). A region selected without
//! a side matches either side. When no selected region has a side, candidates carry no
//! side either.

use crate::atlas::{Atlas, Likelihood, Muscle, RedFlag, RegionInstance, Side, TriggerPoint};
use crate::atlas::text::fold;
use serde::Serialize;

/// Points for a selected region in a trigger point's essential zone.
pub const ESSENTIAL: u32 = 30;
/// Points for a selected region in its spillover zone.
pub const SPILLOVER: u32 = 10;
/// Points for each covered selected region beyond the first.
pub const EXTRA_REGION: u32 = 12;
/// Points for a common trigger point.
pub const COMMON: u32 = 6;
/// Points for an occasional trigger point.
pub const OCCASIONAL: u32 = 3;
/// Points for each matching symptom word.
pub const SYMPTOM: u32 = 8;

/// What the user told us: where it hurts, and symptom words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Selected region instances, in the order given (duplicates are ignored).
    pub regions: Vec<RegionInstance>,
    /// Symptom words, as typed.
    pub symptoms: Vec<String>,
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

    /// Nothing selected and no symptoms.
    pub fn is_empty(&self) -> bool {
        self.regions.is_empty() && self.symptoms.is_empty()
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
}

impl Zone {
    /// `"essential"` or `"spillover"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Zone::Essential => "essential",
            Zone::Spillover => "spillover",
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
}

/// A trigger point on a side, scored against a selection.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate<'a> {
    /// The muscle.
    pub muscle: &'a Muscle,
    /// The trigger point.
    pub trigger_point: &'a TriggerPoint,
    /// Its side, or `None` when the selection has no sides.
    pub side: Option<Side>,
    /// The score (see the module docs).
    pub score: u32,
    /// The selected regions it covers, in selection order.
    pub matches: Vec<Match>,
    /// The symptom words it matched.
    pub symptoms: Vec<String>,
}

/// Does a trigger point on `side` reach the selected `region` instance, and in which zone?
pub fn coverage(
    atlas: &Atlas,
    tp: &TriggerPoint,
    side: Option<Side>,
    selected: &RegionInstance,
) -> Option<Zone> {
    let id = &selected.region;
    let zone = if tp.essential.contains(id) {
        Zone::Essential
    } else if tp.spillover.contains(id) {
        Zone::Spillover
    } else {
        return None;
    };
    let midline = atlas.region(id).is_some_and(|r| r.midline);
    let reaches = midline
        || selected.side.is_none()
        || side.is_none()
        || selected.side == side
        || tp.crosses.contains(id);
    reaches.then_some(zone)
}

/// Does a symptom word match a trigger point's symptom phrase? Both are folded; a word of
/// three letters or more matches inside a phrase ("tingl" in "tingling"), and a phrase
/// matches inside a longer query ("tinnitus" in "ringing tinnitus").
pub fn symptom_matches(word: &str, phrase: &str) -> bool {
    let (w, p) = (fold(word.trim()), fold(phrase));
    !w.is_empty() && (w == p || (w.chars().count() >= 3 && p.contains(&w)) || w.contains(&p))
}

/// Scores one trigger point on one side. `None` when it covers no selected region (or,
/// for a symptoms-only selection, matches no symptom).
pub fn score<'a>(
    atlas: &Atlas,
    selection: &Selection,
    muscle: &'a Muscle,
    tp: &'a TriggerPoint,
    side: Option<Side>,
) -> Option<Candidate<'a>> {
    let matches: Vec<Match> = selection
        .regions
        .iter()
        .filter_map(|r| {
            coverage(atlas, tp, side, r).map(|zone| Match {
                region: r.clone(),
                zone,
            })
        })
        .collect();
    let symptoms: Vec<String> = selection
        .symptoms
        .iter()
        .filter(|w| tp.symptoms.iter().any(|p| symptom_matches(w, p)))
        .cloned()
        .collect();
    let relevant = if selection.regions.is_empty() {
        !symptoms.is_empty()
    } else {
        !matches.is_empty()
    };
    if !relevant {
        return None;
    }
    let zones: u32 = matches
        .iter()
        .map(|m| match m.zone {
            Zone::Essential => ESSENTIAL,
            Zone::Spillover => SPILLOVER,
        })
        .sum();
    let breadth = EXTRA_REGION * (matches.len() as u32).saturating_sub(1);
    let tier = match tp.likelihood {
        Likelihood::Common => COMMON,
        Likelihood::Occasional => OCCASIONAL,
        Likelihood::Rare => 0,
    };
    let score = zones + breadth + tier + SYMPTOM * symptoms.len() as u32;
    Some(Candidate {
        muscle,
        trigger_point: tp,
        side,
        score,
        matches,
        symptoms,
    })
}

/// The sides candidates are considered on: both when any selected region has a side,
/// else none.
fn candidate_sides(selection: &Selection) -> Vec<Option<Side>> {
    if selection.regions.iter().any(|r| r.side.is_some()) {
        Side::BOTH.iter().copied().map(Some).collect()
    } else {
        vec![None]
    }
}

/// Every candidate that covers the selection, best first.
pub fn rank<'a>(atlas: &'a Atlas, selection: &Selection) -> Vec<Candidate<'a>> {
    let sides = candidate_sides(selection);
    let mut out: Vec<Candidate<'a>> = atlas
        .trigger_points()
        .flat_map(|(m, tp)| {
            sides
                .iter()
                .filter_map(move |&side| score(atlas, selection, m, tp, side))
        })
        .collect();
    out.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| a.muscle.name.cmp(&b.muscle.name))
            .then_with(|| a.trigger_point.name.cmp(&b.trigger_point.name))
            .then_with(|| a.side.cmp(&b.side))
    });
    out
}

/// The red flags raised by a selection: a flag is raised when any of its conditions
/// holds (every listed region selected, one of the `any` regions selected, one of its
/// symptom words given — each part only when non-empty). Sides are ignored on purpose:
/// a warning is better raised once too often.
pub fn red_flags<'a>(atlas: &'a Atlas, selection: &Selection) -> Vec<&'a RedFlag> {
    let selected = |id: &String| selection.regions.iter().any(|r| &r.region == id);
    // Stricter than trigger-point symptoms: "headache" alone must not raise the
    // "worst headache" flag, so the flag's whole phrase must be in what was said.
    let said = |phrase: &String| selection.symptoms.iter().any(|s| has_phrase(s, phrase));
    atlas
        .red_flags()
        .iter()
        .filter(|flag| {
            flag.when.iter().any(|c| {
                c.all.iter().all(selected)
                    && (c.any.is_empty() || c.any.iter().any(selected))
                    && (c.symptoms.is_empty() || c.symptoms.iter().any(said))
            })
        })
        .collect()
}

/// Words of folded text: runs of letters, digits and apostrophes.
fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Does `text` contain the words of `phrase`, in order and whole ("calf swelling"
/// contains "swelling"; "tired" does not contain "red")?
pub fn has_phrase(text: &str, phrase: &str) -> bool {
    let (t, p) = (words(text), words(phrase));
    !p.is_empty() && t.windows(p.len()).any(|w| w == p.as_slice())
}
