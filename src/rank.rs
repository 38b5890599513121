//! Ranking: a selection (regions on sides, plus symptom words) in, candidates (trigger
//! point x side) out, each with its score and the reasons behind it. Pure.
//!
//! # The formula
//!
//! A candidate is a trigger point on a side. For each selected region it covers it earns
//! [`ESSENTIAL`] points (essential zone) or [`SPILLOVER`] points (spillover zone), or
//! [`LOCAL`] points when the trigger point itself lies there (an active point is tender
//! where it is, even when its pattern is felt elsewhere, as with the SCM); for each
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

use crate::atlas::text::fold;
use crate::atlas::{Atlas, Likelihood, Muscle, RedFlag, RegionInstance, Side, TriggerPoint};
use serde::Serialize;

/// Points for a selected region in a trigger point's essential zone.
pub const ESSENTIAL: u32 = 30;
/// Points for a selected region in its spillover zone.
pub const SPILLOVER: u32 = 10;
/// Points for a selected region where the trigger point itself lies (and is not in a zone).
pub const LOCAL: u32 = 6;
/// Points for each covered selected region beyond the first.
pub const EXTRA_REGION: u32 = 5;
/// Points for a common trigger point.
pub const COMMON: u32 = 4;
/// Points for an occasional trigger point.
pub const OCCASIONAL: u32 = 2;
/// Points for each matching symptom word.
pub const SYMPTOM: u32 = 8;

// The weights keep the principles in order, checked when the crate compiles: two
// spillover matches do not outweigh one essential match, an essential match outweighs a
// spillover one with any likelihood or symptom, and a zone outweighs the point's own spot.
const _: () = assert!(2 * SPILLOVER + EXTRA_REGION + COMMON < ESSENTIAL);
const _: () = assert!(ESSENTIAL > SPILLOVER + COMMON + SYMPTOM);
const _: () = assert!(SPILLOVER > LOCAL);

/// What the user told us: where it hurts, and symptom words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Selected region instances, in the order given (duplicates are ignored).
    pub regions: Vec<RegionInstance>,
    /// Symptom words, as typed.
    pub symptoms: Vec<String>,
    /// Pain qualities given for one region ("tingling" in the left palm): a quality counts
    /// like a symptom word, for the candidates that cover that region only.
    pub qualities: Vec<(RegionInstance, String)>,
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
    /// Not a referral zone: the trigger point itself lies there.
    Local,
}

impl Zone {
    /// `"essential"` or `"spillover"`.
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
    } else if tp.location == *id {
        Zone::Local
    } else {
        return None;
    };
    let reaches = side.is_none_or(|side| atlas.reach(tp, id, side).covers(selected.side));
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
    let said_here = selection
        .qualities
        .iter()
        .filter(|(region, _)| matches.iter().any(|m| m.region == *region))
        .map(|(_, word)| word);
    let mut symptoms: Vec<String> = Vec::new();
    for w in selection.symptoms.iter().chain(said_here) {
        if !symptoms.contains(w) && tp.symptoms.iter().any(|p| symptom_matches(w, p)) {
            symptoms.push(w.clone());
        }
    }
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
            Zone::Local => LOCAL,
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
    // With regions selected, only points touching one of them can score.
    let pool: Vec<(&Muscle, &TriggerPoint)> = if selection.regions.is_empty() {
        atlas.trigger_points().collect()
    } else {
        atlas.trigger_points_touching(selection.regions.iter().map(|r| r.region.as_str()))
    };
    let mut out: Vec<Candidate<'a>> = pool
        .into_iter()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn mini() -> Atlas {
        Atlas::from_text(include_str!("../tests/fixtures/mini.ron"), "mini.ron").unwrap()
    }

    fn sel(atlas: &Atlas, tokens: &[&str]) -> Selection {
        Selection::of(tokens.iter().map(|t| atlas.resolve_region(t).unwrap()))
    }

    fn order(ranked: &[Candidate<'_>]) -> Vec<String> {
        ranked
            .iter()
            .map(|c| match c.side {
                Some(s) => format!("{} {s}", c.trigger_point.id),
                None => c.trigger_point.id.clone(),
            })
            .collect()
    }

    #[test]
    fn essential_beats_spillover() {
        let atlas = mini();
        let ranked = rank(&atlas, &sel(&atlas, &["temple"]));
        let pos = |id: &str| {
            ranked
                .iter()
                .position(|c| c.trigger_point.id == id)
                .unwrap()
        };
        // alpha: temple essential; beta: temple spillover; both common.
        assert!(pos("alpha-1") < pos("beta-1"));
        assert!(ranked[pos("alpha-1")].score > ranked[pos("beta-1")].score);
        assert_eq!(ranked[pos("beta-1")].matches[0].zone, Zone::Spillover);
    }

    #[test]
    fn the_point_itself_counts_least() {
        let atlas = mini();
        // delta lies in the side of the neck and refers it as spillover there; gamma
        // refers the neck as essential; epsilon only lies in the chest.
        let ranked = rank(&atlas, &sel(&atlas, &["chest"]));
        let eps = ranked
            .iter()
            .find(|c| c.trigger_point.id == "epsilon-1")
            .unwrap();
        assert_eq!(
            eps.matches[0].zone,
            Zone::Spillover,
            "a zone wins over local"
        );
        let ranked = rank(&atlas, &sel(&atlas, &["jaw", "temple"]));
        let alpha = ranked
            .iter()
            .find(|c| c.trigger_point.id == "alpha-1")
            .unwrap();
        assert_eq!(alpha.matches.len(), 2);
        let ranked = rank(&atlas, &sel(&atlas, &["neck-side"]));
        let sterno = ranked
            .iter()
            .find(|c| c.trigger_point.id == "sterno-1")
            .unwrap();
        assert_eq!(sterno.matches[0].zone, Zone::Local);
        assert_eq!(sterno.score, LOCAL + COMMON);
        assert!(ranked[0].trigger_point.id == "gamma-1");
    }

    #[test]
    fn covering_two_selected_regions_beats_one() {
        let atlas = mini();
        let ranked = rank(&atlas, &sel(&atlas, &["temple", "neck-side"]));
        // gamma (occasional) covers both; alpha (common) covers only the temple.
        assert_eq!(ranked[0].trigger_point.id, "gamma-1");
        assert_eq!(ranked[0].matches.len(), 2);
        let alpha = ranked
            .iter()
            .find(|c| c.trigger_point.id == "alpha-1")
            .unwrap();
        assert!(ranked[0].score > alpha.score);
    }

    #[test]
    fn likelihood_refines_but_never_beats_a_zone() {
        let atlas = mini();
        // delta (rare) covers the forehead as essential; sterno (common) too.
        let ranked = rank(&atlas, &sel(&atlas, &["forehead"]));
        assert_eq!(order(&ranked), ["sterno-1", "delta-1"]);
    }

    #[test]
    fn left_selection_ranks_left_points_only() {
        let atlas = mini();
        let ranked = rank(&atlas, &sel(&atlas, &["left temple"]));
        assert!(!ranked.is_empty());
        assert!(ranked.iter().all(|c| c.side == Some(Side::Left)));
        let ranked = rank(&atlas, &sel(&atlas, &["right jaw"]));
        assert!(ranked.iter().all(|c| c.side == Some(Side::Right)));
    }

    #[test]
    fn crossing_pattern_reaches_the_other_side() {
        let atlas = mini();
        let ranked = rank(&atlas, &sel(&atlas, &["left forehead"]));
        // delta crosses to both foreheads: its right-side point covers the left forehead.
        let delta_sides: Vec<_> = ranked
            .iter()
            .filter(|c| c.trigger_point.id == "delta-1")
            .map(|c| c.side)
            .collect();
        assert_eq!(delta_sides, [Some(Side::Left), Some(Side::Right)]);
        // sterno does not cross.
        assert!(
            ranked
                .iter()
                .filter(|c| c.trigger_point.id == "sterno-1")
                .all(|c| c.side == Some(Side::Left))
        );
    }

    #[test]
    fn midline_regions_belong_to_both_sides() {
        let atlas = mini();
        let mut s = sel(&atlas, &["left chest"]);
        s.add(atlas.resolve_region("right sternum").unwrap());
        assert_eq!(s.regions[1].side, None, "a midline region drops its side");
        let ranked = rank(&atlas, &s);
        let eps: Vec<_> = ranked
            .iter()
            .filter(|c| c.trigger_point.id == "epsilon-1")
            .map(|c| c.side)
            .collect();
        assert_eq!(eps, [Some(Side::Left), Some(Side::Right)]);
    }

    #[test]
    fn unsided_selection_gives_unsided_candidates() {
        let atlas = mini();
        let ranked = rank(&atlas, &sel(&atlas, &["temple"]));
        assert!(ranked.iter().all(|c| c.side.is_none()));
        // Mixed: a sided region makes sided candidates; the unsided one matches both.
        let ranked = rank(&atlas, &sel(&atlas, &["left temple", "neck-side"]));
        let gamma: Vec<_> = ranked
            .iter()
            .filter(|c| c.trigger_point.id == "gamma-1")
            .map(|c| (c.side, c.matches.len()))
            .collect();
        assert_eq!(gamma, [(Some(Side::Left), 2), (Some(Side::Right), 1)]);
    }

    #[test]
    fn ties_break_by_name_and_are_deterministic() {
        let atlas = mini();
        let s = sel(&atlas, &["chest"]);
        let first = order(&rank(&atlas, &s));
        assert_eq!(first[..2], ["eta-1", "zeta-1"]);
        for _ in 0..5 {
            assert_eq!(order(&rank(&atlas, &s)), first);
        }
    }

    #[test]
    fn symptoms_refine_the_order() {
        let atlas = mini();
        let mut s = sel(&atlas, &["neck-side", "forehead"]);
        let without = rank(&atlas, &s);
        s.symptoms = vec!["Tinnitus".into()];
        let with = rank(&atlas, &s);
        let score = |r: &[Candidate<'_>], id: &str| {
            r.iter().find(|c| c.trigger_point.id == id).unwrap().score
        };
        assert_eq!(
            score(&with, "delta-1"),
            score(&without, "delta-1") + SYMPTOM
        );
        let delta = with
            .iter()
            .find(|c| c.trigger_point.id == "delta-1")
            .unwrap();
        assert_eq!(delta.symptoms, ["Tinnitus"]);
    }

    #[test]
    fn symptoms_alone_rank_matching_points() {
        let atlas = mini();
        let s = Selection {
            regions: vec![],
            symptoms: vec!["dizz".into()],
            ..Selection::default()
        };
        let ids = order(&rank(&atlas, &s));
        assert_eq!(ids, ["gamma-1", "delta-1"]);
    }

    #[test]
    fn a_quality_counts_only_for_points_covering_its_region() {
        let atlas = mini();
        let forehead = RegionInstance::new("forehead", None);
        let chest = RegionInstance::new("chest", None);
        let delta = |s: &Selection| {
            rank(&atlas, s)
                .into_iter()
                .find(|c| c.trigger_point.id == "delta-1")
                .map(|c| c.symptoms)
        };
        let mut s = Selection::of([forehead.clone(), chest.clone()]);
        s.qualities.push((chest, "tinnitus".into()));
        assert_eq!(
            delta(&s),
            Some(vec![]),
            "said of the chest, which delta does not cover"
        );
        s.qualities.push((forehead, "tinnitus".into()));
        assert_eq!(delta(&s), Some(vec!["tinnitus".to_string()]));
    }

    #[test]
    fn nothing_covered_is_empty() {
        let atlas = mini();
        let s = Selection {
            regions: vec![],
            symptoms: vec!["zz-nothing".into()],
            ..Selection::default()
        };
        assert!(rank(&atlas, &s).is_empty());
    }

    #[test]
    fn red_flags_need_every_part_of_a_condition() {
        let atlas = mini();
        let ids = |s: &Selection| {
            red_flags(&atlas, s)
                .iter()
                .map(|f| f.id.clone())
                .collect::<Vec<_>>()
        };
        assert!(ids(&sel(&atlas, &["chest"])).is_empty());
        assert_eq!(ids(&sel(&atlas, &["left chest", "right jaw"])), ["cardiac"]);
        let mut s = sel(&atlas, &["temple"]);
        s.symptoms = vec!["high fever since monday".into()];
        assert_eq!(ids(&s), ["fever"]);
        s.symptoms = vec!["feverfew tea".into()];
        assert!(ids(&s).is_empty(), "whole words only");
    }

    #[test]
    fn phrases_match_whole_words() {
        assert!(has_phrase("Calf SWELLING today", "swelling"));
        assert!(has_phrase("the worst headache ever", "worst headache"));
        assert!(!has_phrase("tired", "red"));
        assert!(!has_phrase("headache", "worst headache"));
        assert!(!has_phrase("anything", ""));
    }

    #[test]
    fn symptom_words_match_inside_phrases() {
        assert!(symptom_matches("tingl", "tingling in the fingers"));
        assert!(symptom_matches("ringing tinnitus", "tinnitus"));
        assert!(!symptom_matches("ti", "tinnitus"));
        assert!(!symptom_matches("  ", "tinnitus"));
    }
}
