//! The ranking's tests: per point on `tests/fixtures/mini.ron`, per muscle, with guides,
//! provenance, rare zones and ages on `tests/fixtures/rank.ron`.

use super::*;
use crate::atlas::Atlas;

fn mini() -> Atlas {
    Atlas::from_text(
        include_str!("../../../../tests/fixtures/mini.ron"),
        "mini.ron",
    )
    .unwrap()
}

fn sel(atlas: &Atlas, tokens: &[&str]) -> Selection {
    Selection::of(tokens.iter().map(|t| atlas.resolve_region(t).unwrap()))
}

/// Every point candidate, best first.
fn rank_all<'a>(atlas: &'a Atlas, s: &Selection) -> Vec<PointCandidate<'a>> {
    rank_points(atlas, s, usize::MAX)
        .candidates
        .into_iter()
        .map(|p| p.item)
        .collect()
}

fn order(ranked: &[PointCandidate<'_>]) -> Vec<String> {
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
    let ranked = rank_all(&atlas, &sel(&atlas, &["temple"]));
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
    let ranked = rank_all(&atlas, &sel(&atlas, &["chest"]));
    let eps = ranked
        .iter()
        .find(|c| c.trigger_point.id == "epsilon-1")
        .unwrap();
    assert_eq!(
        eps.matches[0].zone,
        Zone::Spillover,
        "a zone wins over local"
    );
    let ranked = rank_all(&atlas, &sel(&atlas, &["jaw", "temple"]));
    let alpha = ranked
        .iter()
        .find(|c| c.trigger_point.id == "alpha-1")
        .unwrap();
    assert_eq!(alpha.matches.len(), 2);
    let ranked = rank_all(&atlas, &sel(&atlas, &["neck-side"]));
    let sterno = ranked
        .iter()
        .find(|c| c.trigger_point.id == "sterno-1")
        .unwrap();
    assert_eq!(sterno.matches[0].zone, Zone::Local);
    assert_eq!(
        sterno.score,
        LOCAL + weights::attestation(sterno.trigger_point.attested) + COMMON
    );
    assert!(ranked[0].trigger_point.id == "gamma-1");
}

#[test]
fn covering_two_selected_regions_beats_one() {
    let atlas = mini();
    let ranked = rank_all(&atlas, &sel(&atlas, &["temple", "neck-side"]));
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
    let ranked = rank_all(&atlas, &sel(&atlas, &["forehead"]));
    assert_eq!(order(&ranked), ["sterno-1", "delta-1"]);
}

#[test]
fn left_selection_ranks_left_points_only() {
    let atlas = mini();
    let ranked = rank_all(&atlas, &sel(&atlas, &["left temple"]));
    assert!(!ranked.is_empty());
    assert!(ranked.iter().all(|c| c.side == Some(Side::Left)));
    let ranked = rank_all(&atlas, &sel(&atlas, &["right jaw"]));
    assert!(ranked.iter().all(|c| c.side == Some(Side::Right)));
}

#[test]
fn crossing_pattern_reaches_the_other_side() {
    let atlas = mini();
    let ranked = rank_all(&atlas, &sel(&atlas, &["left forehead"]));
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
    let ranked = rank_all(&atlas, &s);
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
    let ranked = rank_all(&atlas, &sel(&atlas, &["temple"]));
    assert!(ranked.iter().all(|c| c.side.is_none()));
    // Mixed: a sided region makes sided candidates; the unsided one matches both.
    let ranked = rank_all(&atlas, &sel(&atlas, &["left temple", "neck-side"]));
    let gamma: Vec<_> = ranked
        .iter()
        .filter(|c| c.trigger_point.id == "gamma-1")
        .map(|c| (c.side, c.matches.len()))
        .collect();
    assert_eq!(gamma, [(Some(Side::Left), 2), (Some(Side::Right), 1)]);
}

#[test]
fn true_ties_share_a_rank_in_atlas_order_not_by_name() {
    let atlas = mini();
    let s = sel(&atlas, &["chest"]);
    let placed = rank_points(&atlas, &s, 10).candidates;
    // zeta comes before eta in the file; no guide separates them.
    let ids: Vec<(String, usize, bool)> = placed
        .iter()
        .take(2)
        .map(|p| (p.item.trigger_point.id.clone(), p.rank, p.tied))
        .collect();
    assert_eq!(
        ids,
        [
            ("zeta-1".to_string(), 1, true),
            ("eta-1".to_string(), 1, true)
        ]
    );
    let first = order(&rank_all(&atlas, &s));
    for _ in 0..5 {
        assert_eq!(order(&rank_all(&atlas, &s)), first);
    }
}

#[test]
fn symptoms_refine_the_order() {
    let atlas = mini();
    let mut s = sel(&atlas, &["neck-side", "forehead"]);
    let without = rank_all(&atlas, &s);
    s.symptoms = vec!["Tinnitus".into()];
    let with = rank_all(&atlas, &s);
    let score = |r: &[PointCandidate<'_>], id: &str| {
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
        symptoms: vec!["dizz".into()],
        ..Selection::default()
    };
    let ids = order(&rank_all(&atlas, &s));
    assert_eq!(ids, ["gamma-1", "delta-1"]);
}

#[test]
fn nothing_covered_is_empty() {
    let atlas = mini();
    let s = Selection {
        symptoms: vec!["zz-nothing".into()],
        ..Selection::default()
    };
    assert!(rank_all(&atlas, &s).is_empty());
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

fn fixture() -> Atlas {
    Atlas::from_text(
        include_str!("../../../../tests/fixtures/rank.ron"),
        "rank.ron",
    )
    .unwrap()
}

/// Muscle ids with their rank labels ("=1"), best first.
fn muscles(atlas: &Atlas, s: &Selection) -> Vec<String> {
    rank(atlas, s, usize::MAX)
        .candidates
        .iter()
        .map(|p| format!("{} {}", p.label(), p.item.muscle.id))
        .collect()
}

#[test]
fn the_guide_puts_its_first_muscle_first_between_equal_fits() {
    let atlas = fixture();
    assert_eq!(
        muscles(&atlas, &sel(&atlas, &["chest"])),
        ["1 pec", "2 obl"]
    );
    let r = rank(&atlas, &sel(&atlas, &["chest"]), 5);
    let (pec, obl) = (&r.candidates[0].item, &r.candidates[1].item);
    assert_eq!(pec.score - obl.score, GUIDE_FIRST - weights::guide_lift(1));
    assert!(pec.matches[0].guide_first() && !obl.matches[0].guide_first());
}

#[test]
fn the_guides_first_counts_as_essential_unless_its_zone_is_rare() {
    let atlas = fixture();
    // The neck guide lists spill (a spillover zone) first and ess (essential) second:
    // the guides order by how often a muscle is the cause, so spill leads.
    let r = rank(&atlas, &sel(&atlas, &["neck"]), 5);
    let first = &r.candidates[0].item;
    assert_eq!(
        muscles(&atlas, &sel(&atlas, &["neck"])),
        ["1 spill", "2 ess"]
    );
    assert_eq!(first.matches[0].zone, Zone::Spillover);
    assert!(first.matches[0].guide_first());
    assert_eq!(
        first.score,
        ESSENTIAL + GUIDE_FIRST + CHARTED + OCCASIONAL,
        "counted as essential, with the first's lift"
    );
    // The top-of-foot guide lists gmin first, but gmin reaches it only in a rare zone:
    // the guide does not speak for a rare zone, so edl leads and gmin's reason says why.
    let r = rank(&atlas, &sel(&atlas, &["foot-top"]), 5);
    let gmin = &r.candidates[1].item;
    assert_eq!(r.candidates[0].item.muscle.id, "edl");
    assert!(gmin.matches[0].rare && !gmin.matches[0].guide_first());
}

#[test]
fn a_muscle_is_scored_over_all_its_points_with_them_listed_best_first() {
    let atlas = fixture();
    let r = rank(&atlas, &sel(&atlas, &["chest", "sternum", "arm"]), 5);
    let pec = &r.candidates[0].item;
    assert_eq!(pec.muscle.id, "pec");
    // chest from TrP1 (essential), breastbone and arm from TrP2.
    let zones: Vec<(&str, Zone)> = pec
        .matches
        .iter()
        .map(|m| (m.region.region.as_str(), m.zone))
        .collect();
    assert_eq!(
        zones,
        [
            ("chest", Zone::Essential),
            ("sternum", Zone::Essential),
            ("arm", Zone::Spillover)
        ]
    );
    let points: Vec<&str> = pec
        .points
        .iter()
        .map(|p| p.trigger_point.id.as_str())
        .collect();
    assert_eq!(points, ["pec-2", "pec-1"], "the point covering three first");
    assert!(pec.points[0].score > pec.points[1].score);
    // The chest guide lists pec first, so pec-2's chest spillover counts as essential
    // there: the muscle scores as its best point, and the reason shown is pec-1's
    // essential zone.
    assert!(
        pec.score >= pec.points[0].score,
        "the muscle covers at least what any point covers"
    );
}

#[test]
fn a_muscle_whose_points_cover_the_selection_between_them_wins() {
    let atlas = fixture();
    let s = sel(&atlas, &["sacroiliac", "sacrum", "buttock"]);
    assert_eq!(muscles(&atlas, &s)[0], "1 ql");
    // Per point, gmax's single point (two regions) beats either of ql's.
    let points = rank_points(&atlas, &s, 1).candidates;
    assert_eq!(points[0].item.trigger_point.id, "gmax-1");
}

#[test]
fn true_ties_show_as_ties_and_no_name_breaks_them() {
    let atlas = fixture();
    // "Aaa" (tie-b) is first in the file; "Zzz" (tie-a) second: names and ids both
    // sort the other way.
    assert_eq!(
        muscles(&atlas, &sel(&atlas, &["temple"])),
        ["=1 tie-b", "=1 tie-a"]
    );
}

#[test]
fn the_guide_order_breaks_ties_its_weight_cannot() {
    let atlas = fixture();
    let r = rank(&atlas, &sel(&atlas, &["jaw"]), 10);
    let got: Vec<(String, u32)> = r
        .candidates
        .iter()
        .map(|p| (format!("{} {}", p.label(), p.item.muscle.id), p.item.score))
        .collect();
    let ids: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
    // jaw-c (third in the guide, rare) and late-1 (fifth, common) score alike, as do
    // jaw-d and late-2: their places in the guide order them.
    assert_eq!(
        ids,
        [
            "1 jaw-a", "2 jaw-b", "3 jaw-c", "4 late-1", "5 jaw-d", "6 late-2"
        ]
    );
    assert!(got[2].1 == got[3].1 && got[4].1 == got[5].1, "{got:?}");
}

#[test]
fn a_practice_pattern_ranks_below_a_charted_one_of_equal_fit() {
    let atlas = fixture();
    // The arm guide lists delt (practice) first and not tri (charted); pec reaches the
    // arm only as spillover.
    let s = sel(&atlas, &["arm", "elbow"]);
    assert_eq!(muscles(&atlas, &s), ["1 tri", "2 delt", "3 pec"]);
}

#[test]
fn a_rare_zone_counts_less_than_the_zone_would() {
    let atlas = fixture();
    let r = rank(&atlas, &sel(&atlas, &["foot-top"]), 5);
    let got: Vec<(&str, bool)> = r
        .items()
        .map(|c| (c.muscle.id.as_str(), c.matches[0].rare))
        .collect();
    // edl is rare and of clinical consensus, gmin common and charted: the rare zone
    // still puts gmin second.
    assert_eq!(got, [("edl", false), ("gmin", true)]);
    // The point is not rare elsewhere: gmin leads the calf (tied with ham, whom the
    // second calf guide lists first).
    assert!(muscles(&atlas, &sel(&atlas, &["calf"])).contains(&"=1 gmin".to_owned()));
}

#[test]
fn symptoms_alone_rank_by_the_guides_of_the_matching_patterns() {
    let atlas = fixture();
    let s = Selection {
        symptoms: vec!["sciatica".into()],
        ..Selection::default()
    };
    assert_eq!(muscles(&atlas, &s), ["1 gmin", "2 ham"]);
}

#[test]
fn sides_make_separate_candidates() {
    let atlas = fixture();
    let r = rank(&atlas, &sel(&atlas, &["left chest", "sternum"]), 10);
    let got: Vec<_> = r
        .items()
        .map(|c| (c.muscle.id.as_str(), c.side, c.matches.len()))
        .collect();
    assert_eq!(
        got,
        [
            ("pec", Some(Side::Left), 2),
            ("obl", Some(Side::Left), 1),
            ("pec", Some(Side::Right), 1)
        ]
    );
}

#[test]
fn the_giant_cell_flag_waits_for_an_age_over_fifty() {
    let atlas = fixture();
    let mut s = sel(&atlas, &["temple", "jaw"]);
    let raised = |s: &Selection| -> Vec<String> {
        red_flags(&atlas, s).iter().map(|f| f.id.clone()).collect()
    };
    assert!(raised(&s).is_empty());
    let asked = age_questions(&atlas, &s);
    assert_eq!(asked.len(), 1);
    assert_eq!((asked[0].flag.id.as_str(), asked[0].over), ("gca", 50));
    s.age = Some(50);
    assert!(raised(&s).is_empty());
    assert!(age_questions(&atlas, &s).is_empty(), "known, not over 50");
    s.age = Some(51);
    assert_eq!(raised(&s), ["gca"]);
    assert!(age_questions(&atlas, &s).is_empty());
    // Other flags do not look at the age.
    let mut s = sel(&atlas, &["chest", "arm"]);
    assert_eq!(raised(&s), ["cardiac"]);
    s.age = Some(20);
    assert_eq!(raised(&s), ["cardiac"]);
}

#[test]
fn a_quality_counts_only_for_points_covering_its_region() {
    let atlas = mini();
    let forehead = RegionInstance::new("forehead", None);
    let chest = RegionInstance::new("chest", None);
    let delta = |s: &Selection| {
        rank_all(&atlas, s)
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
