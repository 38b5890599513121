//! Scoring answers. A "name the muscle" answer is right or wrong. A drawn pattern is
//! scored by overlap: the Jaccard index of the region instances the student marked and
//! the trigger point's essential zone on its side, with precision and recall reported.
//!
//! Laterality follows [`crate::rank`]: a zone lies on the trigger point's side, except
//! midline regions (no side: they belong to both) and the zones its pattern `crosses`
//! (expected on both sides, as the answer diagram draws them). Marks in the spillover zone
//! are neither right nor wrong: they are set aside, not counted against the student.

use crate::atlas::{Atlas, RegionInstance, Side, TriggerPoint};
use std::collections::BTreeSet;

/// The overlap at or above which a drawn pattern counts as correct.
pub const PASS: f64 = 0.6;

/// Whether a "name the muscle" answer is right: the same muscle id.
pub fn score_name(answer: &str, given: &str) -> bool {
    answer == given
}

/// How a drawn pattern compares with the essential zone.
#[derive(Debug, Clone, PartialEq)]
pub struct Overlap {
    /// |marked ∩ expected| / |marked ∪ expected|, 0.0 to 1.0.
    pub jaccard: f64,
    /// Share of the marked regions that are in the essential zone.
    pub precision: f64,
    /// Share of the essential zone that was marked.
    pub recall: f64,
    /// Marked and expected.
    pub hits: Vec<RegionInstance>,
    /// Expected but not marked.
    pub missed: Vec<RegionInstance>,
    /// Marked but outside the pattern.
    pub extra: Vec<RegionInstance>,
    /// Marked in the spillover zone (not scored).
    pub spillover: Vec<RegionInstance>,
}

impl Overlap {
    /// At least [`PASS`].
    pub fn correct(&self) -> bool {
        self.jaccard >= PASS
    }
}

/// A region instance as scoring sees it: midline regions have no side.
fn normal(atlas: &Atlas, inst: &RegionInstance) -> RegionInstance {
    let midline = atlas.region(&inst.region).is_some_and(|r| r.midline);
    RegionInstance::new(inst.region.clone(), if midline { None } else { inst.side })
}

/// The instances of a zone list for a trigger point on `side`.
pub fn zone_instances(
    atlas: &Atlas,
    tp: &TriggerPoint,
    zone: &[String],
    side: Side,
) -> BTreeSet<RegionInstance> {
    zone.iter()
        .flat_map(|r| atlas.reach(tp, r, side).instances(r))
        .collect()
}

/// Scores the regions marked for trigger point `tp` on `side`.
pub fn score_draw(
    atlas: &Atlas,
    tp: &TriggerPoint,
    side: Side,
    marked: &[RegionInstance],
) -> Overlap {
    let expected = zone_instances(atlas, tp, &tp.essential, side);
    let spill = zone_instances(atlas, tp, &tp.spillover, side);
    let marked: BTreeSet<RegionInstance> = marked.iter().map(|m| normal(atlas, m)).collect();
    let (spillover, scored): (BTreeSet<_>, BTreeSet<_>) = marked
        .into_iter()
        .partition(|m| spill.contains(m) && !expected.contains(m));
    let hits: Vec<RegionInstance> = scored.intersection(&expected).cloned().collect();
    let missed: Vec<RegionInstance> = expected.difference(&scored).cloned().collect();
    let extra: Vec<RegionInstance> = scored.difference(&expected).cloned().collect();
    let union = hits.len() + missed.len() + extra.len();
    let ratio = |n: usize, d: usize| if d == 0 { 1.0 } else { n as f64 / d as f64 };
    Overlap {
        jaccard: ratio(hits.len(), union),
        precision: if scored.is_empty() {
            0.0
        } else {
            ratio(hits.len(), scored.len())
        },
        recall: ratio(hits.len(), expected.len()),
        hits,
        missed,
        extra,
        spillover: spillover.into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn atlas() -> Atlas {
        Atlas::shipped().unwrap()
    }

    fn tp(a: &Atlas, id: &str) -> TriggerPoint {
        a.trigger_point(id).unwrap().1.clone()
    }

    fn inst(r: &str, s: Option<Side>) -> RegionInstance {
        RegionInstance::new(r, s)
    }

    fn essential(a: &Atlas, t: &TriggerPoint, side: Side) -> Vec<RegionInstance> {
        zone_instances(a, t, &t.essential, side)
            .into_iter()
            .collect()
    }

    #[test]
    fn naming_is_exact() {
        assert!(score_name("masseter", "masseter"));
        assert!(!score_name("masseter", "temporalis"));
    }

    #[test]
    fn the_whole_essential_zone_on_the_right_side_scores_one() {
        let a = atlas();
        let t = tp(&a, "upper-trapezius-1");
        let o = score_draw(&a, &t, Side::Left, &essential(&a, &t, Side::Left));
        assert!((o.jaccard - 1.0).abs() < 1e-9, "{o:?}");
        assert!(o.correct());
        assert!(o.missed.is_empty() && o.extra.is_empty());
    }

    #[test]
    fn the_wrong_side_scores_nothing() {
        let a = atlas();
        let t = tp(&a, "upper-trapezius-1");
        let o = score_draw(&a, &t, Side::Left, &essential(&a, &t, Side::Right));
        assert!(o.jaccard < 1e-9, "{o:?}");
        assert!(!o.correct());
    }

    #[test]
    fn partial_overlap_is_jaccard_with_precision_and_recall() {
        let a = atlas();
        let t = tp(&a, "upper-trapezius-1");
        let want = essential(&a, &t, Side::Left);
        assert!(want.len() >= 2, "{want:?}");
        // Half of it plus one wrong region.
        let mut marked: Vec<RegionInstance> = want[..1].to_vec();
        marked.push(inst("heel", Some(Side::Left)));
        let o = score_draw(&a, &t, Side::Left, &marked);
        let n = want.len() as f64;
        assert!((o.jaccard - 1.0 / (n + 1.0)).abs() < 1e-9, "{o:?}");
        assert!((o.precision - 0.5).abs() < 1e-9);
        assert!((o.recall - 1.0 / n).abs() < 1e-9);
        assert_eq!(o.extra, vec![inst("heel", Some(Side::Left))]);
        assert_eq!(o.missed.len(), want.len() - 1);
    }

    #[test]
    fn the_pass_mark_is_inclusive() {
        let a = atlas();
        // Find a point with at least 3 essential regions: marking 3 of 5, say.
        let t = a
            .trigger_points()
            .map(|(_, t)| t.clone())
            .find(|t| zone_instances(&a, t, &t.essential, Side::Right).len() >= 5)
            .unwrap();
        let want = essential(&a, &t, Side::Right);
        let k = (want.len() * 3).div_ceil(5);
        let o = score_draw(&a, &t, Side::Right, &want[..k]);
        assert_eq!(o.correct(), o.jaccard >= PASS);
        assert!(o.correct(), "{o:?}");
    }

    #[test]
    fn nothing_marked_scores_zero() {
        let a = atlas();
        let t = tp(&a, "soleus-1");
        let o = score_draw(&a, &t, Side::Right, &[]);
        assert!(o.jaccard < 1e-9 && o.precision < 1e-9 && o.recall < 1e-9);
        assert!(!o.correct());
    }

    #[test]
    fn midline_regions_match_whatever_side_the_map_gave() {
        let a = atlas();
        let t = a
            .trigger_points()
            .map(|(_, t)| t.clone())
            .find(|t| {
                t.essential
                    .iter()
                    .any(|r| a.region(r).is_some_and(|r| r.midline))
            })
            .expect("a point with a midline zone");
        let mut marked = essential(&a, &t, Side::Left);
        for m in &mut marked {
            if m.side.is_none() {
                m.side = Some(Side::Right);
            }
        }
        let o = score_draw(&a, &t, Side::Left, &marked);
        assert!((o.jaccard - 1.0).abs() < 1e-9, "{o:?}");
    }

    #[test]
    fn crossing_zones_are_expected_on_both_sides() {
        let a = atlas();
        let t = a
            .trigger_points()
            .map(|(_, t)| t.clone())
            .find(|t| t.crosses.iter().any(|r| t.essential.contains(r)))
            .expect("a point whose essential zone crosses");
        let r = t
            .crosses
            .iter()
            .find(|r| t.essential.contains(r))
            .unwrap()
            .clone();
        let want = essential(&a, &t, Side::Left);
        assert!(want.contains(&inst(&r, Some(Side::Left))));
        assert!(want.contains(&inst(&r, Some(Side::Right))));
    }

    #[test]
    fn spillover_marks_are_set_aside() {
        let a = atlas();
        let t = a
            .trigger_points()
            .map(|(_, t)| t.clone())
            .find(|t| !t.spillover.is_empty())
            .unwrap();
        let mut marked = essential(&a, &t, Side::Right);
        marked.extend(zone_instances(&a, &t, &t.spillover, Side::Right));
        let o = score_draw(&a, &t, Side::Right, &marked);
        assert!((o.jaccard - 1.0).abs() < 1e-9, "{o:?}");
        assert!(!o.spillover.is_empty());
    }
}
