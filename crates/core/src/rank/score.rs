//! Scoring one trigger point on a side, and a muscle on a side over its points (the
//! formula is in the docs of [`crate::rank`]).

use super::guide::Places;
use super::top::Keyed;
use super::{Match, Selection, Zone, coverage, symptom_matches, weights};
use crate::atlas::{Atlas, Attestation, Likelihood, Muscle, Side, TriggerPoint};

/// The place an unlisted muscle counts in a region's guide, for the tie rule.
pub const UNLISTED: u32 = 100;

/// A trigger point on a side, scored against a selection.
#[derive(Debug, Clone, PartialEq)]
pub struct PointCandidate<'a> {
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
    /// The sum of the muscle's places in the guides of the covered regions (lower is
    /// better; see [`super::guide`]): the tie rule.
    pub guide_key: u32,
    /// Atlas order, for listing true ties.
    order: usize,
}

/// A muscle on a side, scored over its trigger points.
#[derive(Debug, Clone, PartialEq)]
pub struct MuscleCandidate<'a> {
    /// The muscle.
    pub muscle: &'a Muscle,
    /// Its side, or `None` when the selection has no sides.
    pub side: Option<Side>,
    /// The score (see the module docs).
    pub score: u32,
    /// The best likelihood among the points that serve the selection.
    pub likelihood: Likelihood,
    /// The selected regions it covers, each by its best point, in selection order.
    pub matches: Vec<Match>,
    /// The symptom words its points reaching the selection matched.
    pub symptoms: Vec<String>,
    /// Its trigger points that reach the selection, best first.
    pub points: Vec<PointCandidate<'a>>,
    /// The tie rule, as for a point.
    pub guide_key: u32,
    order: usize,
}

impl Keyed for PointCandidate<'_> {
    fn key(&self) -> (u32, u32) {
        (self.score, self.guide_key)
    }
    fn order(&self) -> usize {
        self.order
    }
}

impl Keyed for MuscleCandidate<'_> {
    fn key(&self) -> (u32, u32) {
        (self.score, self.guide_key)
    }
    fn order(&self) -> usize {
        self.order
    }
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

/// What scoring needs besides the point: the atlas, the selection, the guide places.
struct Ctx<'s, 'a> {
    atlas: &'a Atlas,
    selection: &'s Selection,
    places: Places<'a>,
}

impl<'a> Ctx<'_, 'a> {
    fn new<'s>(atlas: &'a Atlas, selection: &'s Selection) -> Ctx<'s, 'a> {
        let places = if selection.regions.is_empty() {
            // Symptoms only: a point's own essential zones are looked up.
            Places::all(atlas)
        } else {
            Places::of_regions(atlas, selection.regions.iter().map(|r| r.region.as_str()))
        };
        Ctx {
            atlas,
            selection,
            places,
        }
    }

    /// The points that can score, in atlas order.
    fn pool(&self) -> Vec<(&'a Muscle, &'a TriggerPoint)> {
        if self.selection.regions.is_empty() {
            self.atlas.trigger_points().collect()
        } else {
            let regions = self.selection.regions.iter().map(|r| r.region.as_str());
            self.atlas.trigger_points_touching(regions)
        }
    }

    /// The guide hint of a muscle for a region (symptoms only), and its tie key there
    /// (the sum of its places in the region's guides, [`UNLISTED`] when none lists it).
    fn guide(&self, region: &str, muscle: &str) -> (u32, u32) {
        let standing = self.places.standing(region, muscle);
        (
            weights::guide_hint(standing.map(|s| s.place)),
            standing.map_or(UNLISTED, |s| s.total),
        )
    }

    /// For symptoms only: the guide weight and place of the point's best placed
    /// essential zone.
    fn best_guide(&self, m: &Muscle, tp: &TriggerPoint) -> (u32, u32) {
        tp.essential
            .iter()
            .map(|r| self.guide(r, &m.id))
            .min_by_key(|&(_, place)| place)
            .unwrap_or((0, UNLISTED))
    }

    /// Scores one point on one side; `None` when it reaches no selected region (or, with
    /// symptoms only, matches no symptom).
    fn point(
        &self,
        m: &'a Muscle,
        tp: &'a TriggerPoint,
        side: Option<Side>,
        order: usize,
    ) -> Option<PointCandidate<'a>> {
        let matches: Vec<Match> = self
            .selection
            .regions
            .iter()
            .filter_map(|r| {
                coverage(self.atlas, tp, side, r).map(|(zone, rare)| Match {
                    region: r.clone(),
                    zone,
                    rare,
                    guide: self
                        .places
                        .standing(&r.region, &m.id)
                        .filter(|_| speaks(zone, rare, tp.attested))
                        .map(|s| s.place),
                })
            })
            .collect();
        // A quality said of one region counts only for points covering that region.
        let said_here = self
            .selection
            .qualities
            .iter()
            .filter(|(region, _)| matches.iter().any(|m| m.region == *region))
            .map(|(_, word)| word);
        let mut symptoms: Vec<String> = Vec::new();
        for w in self.selection.symptoms.iter().chain(said_here) {
            if !symptoms.contains(w) && tp.symptoms.iter().any(|p| symptom_matches(w, p)) {
                symptoms.push(w.clone());
            }
        }
        let attested = weights::attestation(tp.attested);
        let (regions, guide_key) = if self.selection.regions.is_empty() {
            if symptoms.is_empty() {
                return None;
            }
            let (weight, place) = self.best_guide(m, tp);
            (attested + weight, place)
        } else {
            if matches.is_empty() {
                return None;
            }
            matches.iter().fold((0, 0), |(points, key), x| {
                let (_, place) = self.guide(&x.region.region, &m.id);
                (points + x.region_points() + attested, key + place)
            })
        };
        let score = regions
            + breadth(matches.len())
            + weights::likelihood(tp.likelihood)
            + weights::SYMPTOM * count(symptoms.len());
        Some(PointCandidate {
            muscle: m,
            trigger_point: tp,
            side,
            score,
            matches,
            symptoms,
            guide_key,
            order,
        })
    }

    /// Scores a muscle on a side from its points that reach the selection (at least one,
    /// each already scored, in atlas order).
    fn muscle(&self, mut points: Vec<PointCandidate<'a>>, order: usize) -> MuscleCandidate<'a> {
        let m = points[0].muscle;
        let side = points[0].side;
        let mut symptoms: Vec<String> = Vec::new();
        for p in &points {
            for w in &p.symptoms {
                if !symptoms.contains(w) {
                    symptoms.push(w.clone());
                }
            }
        }
        let (mut matches, mut score, mut guide_key) = (Vec::new(), 0, 0);
        let likelihood;
        if self.selection.regions.is_empty() {
            // The best point's likelihood, provenance and guide weight.
            let best = points
                .iter()
                .map(|p| {
                    let (weight, place) = self.best_guide(m, p.trigger_point);
                    let tier = weights::likelihood(p.trigger_point.likelihood);
                    let own = tier + weights::attestation(p.trigger_point.attested) + weight;
                    (own, std::cmp::Reverse(place), p.trigger_point.likelihood)
                })
                .max_by_key(|&(own, place, _)| (own, place));
            let (own, place, tier) =
                best.unwrap_or((0, std::cmp::Reverse(UNLISTED), Likelihood::Rare));
            score = own;
            guide_key = place.0;
            likelihood = tier;
        } else {
            let mut best_tier = Likelihood::Rare;
            for r in &self.selection.regions {
                // The point that serves this region best: zone and provenance.
                let best = points
                    .iter()
                    .filter_map(|p| {
                        let x = p.matches.iter().find(|x| x.region == *r)?;
                        let own =
                            x.region_points() + weights::attestation(p.trigger_point.attested);
                        // Between equal points, the essential zone is the one shown.
                        Some(((own, x.zone_points()), x, p.trigger_point.likelihood))
                    })
                    .fold(
                        None,
                        |acc: Option<((u32, u32), &Match, Likelihood)>, b| match acc {
                            Some(a) if a.0 >= b.0 => Some(a),
                            _ => Some(b),
                        },
                    );
                let Some(((own, _), x, tier)) = best else {
                    continue;
                };
                let (_, place) = self.guide(&r.region, &m.id);
                score += own;
                guide_key += place;
                best_tier = best_tier.min(tier);
                matches.push(x.clone());
            }
            likelihood = best_tier;
            score += breadth(matches.len()) + weights::likelihood(likelihood);
        }
        score += weights::SYMPTOM * count(symptoms.len());
        points.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then(a.guide_key.cmp(&b.guide_key))
                .then(a.order.cmp(&b.order))
        });
        MuscleCandidate {
            muscle: m,
            side,
            score,
            likelihood,
            matches,
            symptoms,
            points,
            guide_key,
            order,
        }
    }
}

/// Does the guide speak for a match in this zone, so marked, by a pattern so attested?
/// Where the point reaches the region in a zone not marked rare, by a pattern the manuals
/// describe: a rare zone and a practice description earn their zone's points only.
fn speaks(zone: Zone, rare: bool, attested: Attestation) -> bool {
    zone != Zone::Local && !rare && attested != Attestation::Practice
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// [`weights::EXTRA_REGION`] for each covered region beyond the first.
fn breadth(covered: usize) -> u32 {
    weights::EXTRA_REGION * count(covered).saturating_sub(1)
}

/// Every trigger point on a side that reaches the selection, in atlas order.
pub fn points<'a>(atlas: &'a Atlas, selection: &Selection) -> Vec<PointCandidate<'a>> {
    let ctx = Ctx::new(atlas, selection);
    let sides = candidate_sides(selection);
    let mut out = Vec::new();
    for (i, (m, tp)) in ctx.pool().into_iter().enumerate() {
        for (k, &side) in sides.iter().enumerate() {
            out.extend(ctx.point(m, tp, side, i * 2 + k));
        }
    }
    out
}

/// Every muscle on a side with a point that reaches the selection, in atlas order.
pub fn muscles<'a>(atlas: &'a Atlas, selection: &Selection) -> Vec<MuscleCandidate<'a>> {
    let ctx = Ctx::new(atlas, selection);
    let sides = candidate_sides(selection);
    let pool = ctx.pool();
    let mut out = Vec::new();
    // The pool is in atlas order, so a muscle's points are next to each other.
    let mut start = 0;
    let mut group = 0;
    while start < pool.len() {
        let m = pool[start].0;
        let end = pool[start..]
            .iter()
            .position(|(other, _)| !std::ptr::eq(*other, m))
            .map_or(pool.len(), |n| start + n);
        for (k, &side) in sides.iter().enumerate() {
            let scored: Vec<PointCandidate<'a>> = pool[start..end]
                .iter()
                .enumerate()
                .filter_map(|(j, (m, tp))| ctx.point(m, tp, side, (start + j) * 2 + k))
                .collect();
            if !scored.is_empty() {
                out.push(ctx.muscle(scored, group * 2 + k));
            }
        }
        group += 1;
        start = end;
    }
    out
}
