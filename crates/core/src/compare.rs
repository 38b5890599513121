//! Two referral patterns compared region by region: what only the first covers, what
//! only the second covers and what both cover, each region with the zone it lies in for
//! each pattern (essential or spillover, and rare where the atlas marks it so). Telling
//! look-alikes apart (infraspinatus vs supraspinatus, the scalenes vs a thumb muscle,
//! soleus vs quadratus plantae for the heel) is the core of learning referral maps.
//!
//! A [`Pattern`] is a muscle with all its trigger points, or one of them. [`compare`]
//! puts two on one side of the body, by the atlas's laterality rule
//! ([`Atlas::reach`]); [`Comparison::overlay`] draws both on one body (the second in
//! marks of its own, see [`crate::body::overlay::Zones`]) and [`Comparison::lines`] says
//! it in words. Pure: no terminal, no clock.

use crate::atlas::{Atlas, GuideZone, Muscle, RegionInstance, ResolveError, Side, TriggerPoint};
use crate::body::overlay::{Overlay, Zones};
use crate::report::place;
use serde::Serialize;

/// A pattern to compare: a muscle with all its trigger points, or one of its points.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern<'a> {
    /// The muscle.
    pub muscle: &'a Muscle,
    /// Its trigger points taken (all of them, or one).
    pub points: Vec<&'a TriggerPoint>,
}

impl<'a> Pattern<'a> {
    /// A muscle with all its trigger points.
    pub fn muscle(muscle: &'a Muscle) -> Pattern<'a> {
        Pattern {
            muscle,
            points: muscle.trigger_points.iter().collect(),
        }
    }

    /// One trigger point of a muscle.
    pub fn point(muscle: &'a Muscle, tp: &'a TriggerPoint) -> Pattern<'a> {
        Pattern {
            muscle,
            points: vec![tp],
        }
    }

    /// What was typed: a trigger-point id (`soleus-1`, any case), else a muscle by id,
    /// name or alias (`SCM`, `infraspinatus`). An unknown word is the muscle resolver's
    /// error ("unknown muscle 'x'; did you mean ...?").
    pub fn resolve(atlas: &'a Atlas, token: &str) -> Result<Pattern<'a>, ResolveError> {
        if let Some((m, tp)) = atlas.trigger_point(&token.trim().to_lowercase()) {
            return Ok(Pattern::point(m, tp));
        }
        atlas.resolve_muscle(token).map(Pattern::muscle)
    }

    /// Whether it is the whole muscle (every one of its points).
    pub fn is_whole_muscle(&self) -> bool {
        self.points.len() == self.muscle.trigger_points.len()
    }

    /// The id it goes by: the muscle's, or the one point's when it is a part of its
    /// muscle.
    pub fn id(&self) -> &'a str {
        match self.points.as_slice() {
            [tp] if !self.is_whole_muscle() => &tp.id,
            _ => &self.muscle.id,
        }
    }

    /// Its name: the muscle's ("Infraspinatus"), with the point's when it is one of
    /// several ("Soleus, `TrP1`, low inner calf").
    pub fn name(&self) -> String {
        match self.points.as_slice() {
            [tp] if !self.is_whole_muscle() => format!("{}, {}", self.muscle.name, tp.name),
            _ => self.muscle.name.clone(),
        }
    }

    /// Where to press, in one line: for one point, its place and how to find it; for
    /// several, each place with the points that lie there.
    pub fn where_to_press(&self, atlas: &Atlas) -> String {
        if let [tp] = self.points.as_slice() {
            return format!("{}: {}", place(atlas, &tp.location, None), tp.location_note);
        }
        let mut places: Vec<(&str, Vec<String>)> = Vec::new();
        for tp in &self.points {
            // Point names keep their case ("TrP1, low inner calf").
            let name = tp.name.clone();
            match places.iter_mut().find(|(at, _)| *at == tp.location) {
                Some((_, names)) => names.push(name),
                None => places.push((&tp.location, vec![name])),
            }
        }
        places
            .iter()
            .map(|(at, names)| format!("{} ({})", place(atlas, at, None), names.join("; ")))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Its points' symptoms and mimics, each once, in the atlas's order.
    pub fn symptoms(&self) -> Vec<&'a str> {
        let mut out: Vec<&str> = Vec::new();
        for s in self.points.iter().flat_map(|tp| &tp.symptoms) {
            if !out.contains(&s.as_str()) {
                out.push(s);
            }
        }
        out
    }

    /// The zones of all its points on `side` (the best zone where two points reach one
    /// region), by the atlas's laterality rule.
    fn covers(&self, atlas: &Atlas, side: Side) -> Vec<(RegionInstance, Cover)> {
        let mut out: Vec<(RegionInstance, Cover)> = Vec::new();
        for tp in &self.points {
            let zones = [
                (&tp.essential, GuideZone::Essential),
                (&tp.spillover, GuideZone::Spillover),
            ];
            for (list, zone) in zones {
                for r in list {
                    let cover = Cover {
                        zone,
                        rare: tp.rare.contains(r),
                    };
                    for inst in atlas.reach(tp, r, side).instances(r) {
                        match out.iter_mut().find(|(i, _)| *i == inst) {
                            Some((_, c)) => *c = c.better(cover),
                            None => out.push((inst, cover)),
                        }
                    }
                }
            }
        }
        out
    }

    /// Its zones and X on `side`, as the body overlay draws one pattern.
    fn overlay(&self, atlas: &Atlas, side: Side) -> Overlay {
        let mut out = Overlay::default();
        for tp in &self.points {
            let one = Overlay::of_point(atlas, tp, side);
            out.essential.extend(one.essential);
            out.spillover.extend(one.spillover);
            out.trigger_points.extend(one.trigger_points);
        }
        out
    }
}

/// How one pattern covers a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Cover {
    /// In its essential or its spillover zone (the better, where two of a muscle's
    /// points reach it).
    pub zone: GuideZone,
    /// The atlas marks the zone rare for the point (for every point giving it).
    pub rare: bool,
}

impl Cover {
    /// The better of two covers of one region: essential over spillover; rare only if
    /// both are.
    #[must_use]
    fn better(self, other: Cover) -> Cover {
        match self.zone.cmp(&other.zone) {
            std::cmp::Ordering::Less => self,
            std::cmp::Ordering::Greater => other,
            std::cmp::Ordering::Equal => Cover {
                zone: self.zone,
                rare: self.rare && other.rare,
            },
        }
    }

    /// "essential", "spillover", "spillover (rare)".
    pub fn words(self) -> String {
        if self.rare {
            format!("{} (rare)", self.zone.as_str())
        } else {
            self.zone.as_str().to_owned()
        }
    }
}

/// A region (on a side, or none for a midline region) and how each pattern covers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegionCover {
    /// The region id.
    pub region: String,
    /// Its side; `None` for a midline region.
    pub side: Option<Side>,
    /// How the first pattern covers it, if it does.
    pub first: Option<Cover>,
    /// How the second pattern covers it, if it does.
    pub second: Option<Cover>,
}

/// Two patterns compared on one side of the body.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison<'a> {
    /// Pattern 1.
    pub first: Pattern<'a>,
    /// Pattern 2.
    pub second: Pattern<'a>,
    /// The patient's side both are drawn on.
    pub side: Side,
    /// Regions only pattern 1 covers, in the atlas's region order (head to toe).
    pub only_first: Vec<RegionCover>,
    /// Regions only pattern 2 covers.
    pub only_second: Vec<RegionCover>,
    /// Regions both cover.
    pub both: Vec<RegionCover>,
}

/// Compares two patterns with their trigger points on `side`: each region either
/// reaches, and how (zones that cross the midline reach the other side too; midline
/// regions have no side).
pub fn compare<'a>(
    atlas: &'a Atlas,
    first: &Pattern<'a>,
    second: &Pattern<'a>,
    side: Side,
) -> Comparison<'a> {
    let one = first.covers(atlas, side);
    let two = second.covers(atlas, side);
    let mut all: Vec<RegionCover> = one
        .iter()
        .map(|(inst, c)| (inst, Some(*c), None))
        .chain(two.iter().map(|(inst, c)| (inst, None, Some(*c))))
        .fold(Vec::new(), |mut acc: Vec<RegionCover>, (inst, a, b)| {
            match acc
                .iter_mut()
                .find(|r| r.region == inst.region && r.side == inst.side)
            {
                Some(r) => {
                    r.first = r.first.or(a);
                    r.second = r.second.or(b);
                }
                None => acc.push(RegionCover {
                    region: inst.region.clone(),
                    side: inst.side,
                    first: a,
                    second: b,
                }),
            }
            acc
        });
    let order = |r: &RegionCover| {
        let at = atlas.regions().iter().position(|x| x.id == r.region);
        (at.unwrap_or(usize::MAX), r.side != Some(side), r.side)
    };
    all.sort_by_key(order);
    let mut cmp = Comparison {
        first: first.clone(),
        second: second.clone(),
        side,
        only_first: Vec::new(),
        only_second: Vec::new(),
        both: Vec::new(),
    };
    for r in all {
        match (r.first.is_some(), r.second.is_some()) {
            (true, true) => cmp.both.push(r),
            (true, false) => cmp.only_first.push(r),
            _ => cmp.only_second.push(r),
        }
    }
    cmp
}

/// One line of a comparison in words: a heading, or an item under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// A heading ("1  Infraspinatus (right)", "Only 1, Infraspinatus:", "Both:") and the
    /// pattern it is about: 1 or 2, or 0 for both (a face may colour it so).
    Heading(u8, String),
    /// An item under the heading ("Where to press: ...", "essential: front of shoulder").
    Item(String),
}

impl Line {
    /// The line's text.
    pub fn text(&self) -> &str {
        match self {
            Line::Heading(_, t) | Line::Item(t) => t,
        }
    }
}

impl<'a> Comparison<'a> {
    /// Both patterns on one body: the first's zones and X as for one pattern, the
    /// second's as [`Overlay::second`].
    pub fn overlay(&self, atlas: &Atlas) -> Overlay {
        let mut out = self.first.overlay(atlas, self.side);
        let two = self.second.overlay(atlas, self.side);
        out.second = Some(Zones {
            essential: two.essential,
            spillover: two.spillover,
            trigger_points: two.trigger_points,
        });
        out
    }

    /// Pattern 1 or 2.
    pub fn pattern(&self, number: u8) -> &Pattern<'a> {
        if number == 2 {
            &self.second
        } else {
            &self.first
        }
    }

    /// Who the patterns are: for each, a heading with its number, name and side, then
    /// where to press and its symptoms, a line each.
    pub fn pattern_lines(&self, atlas: &Atlas) -> Vec<Line> {
        let mut out = Vec::new();
        for n in [1, 2] {
            let p = self.pattern(n);
            let count = p.points.len();
            let points = if count > 1 {
                format!(", {count} points")
            } else {
                String::new()
            };
            out.push(Line::Heading(
                n,
                format!("{n}  {} ({}){points}", p.name(), self.side),
            ));
            out.push(Line::Item(format!(
                "Where to press: {}",
                p.where_to_press(atlas)
            )));
            let symptoms = p.symptoms();
            if !symptoms.is_empty() {
                out.push(Line::Item(format!("Symptoms: {}", symptoms.join(", "))));
            }
        }
        out
    }

    /// What each covers, in words: only 1 (essential, then spillover), only 2, both
    /// (each region with its zone for 1 and for 2).
    pub fn region_lines(&self, atlas: &Atlas) -> Vec<Line> {
        let name = |r: &RegionCover| {
            // Everything is on the chosen side unless it says otherwise.
            let side = r.side.filter(|&s| s != self.side).map(Side::as_str);
            place(atlas, &r.region, side)
        };
        let mut out = Vec::new();
        for (n, list) in [(1u8, &self.only_first), (2, &self.only_second)] {
            out.push(Line::Heading(
                n,
                format!("Only {n}, {}:", self.pattern(n).muscle.name),
            ));
            let cover = |r: &RegionCover| if n == 1 { r.first } else { r.second };
            let mut any = false;
            for zone in [GuideZone::Essential, GuideZone::Spillover] {
                let names: Vec<String> = list
                    .iter()
                    .filter_map(|r| {
                        let c = cover(r)?;
                        (c.zone == zone).then(|| {
                            if c.rare {
                                format!("{} (rare)", name(r))
                            } else {
                                name(r)
                            }
                        })
                    })
                    .collect();
                if !names.is_empty() {
                    any = true;
                    out.push(Line::Item(format!(
                        "{}: {}",
                        zone.as_str(),
                        names.join(", ")
                    )));
                }
            }
            if !any {
                out.push(Line::Item("nothing".to_owned()));
            }
        }
        out.push(Line::Heading(0, "Both:".to_owned()));
        if self.both.is_empty() {
            out.push(Line::Item("nothing".to_owned()));
        }
        for r in &self.both {
            let (a, b) = (r.first.map(Cover::words), r.second.map(Cover::words));
            let how = match (a, b) {
                (Some(a), Some(b)) if a == b => format!("{a} in both"),
                (a, b) => format!("1 {}, 2 {}", a.unwrap_or_default(), b.unwrap_or_default()),
            };
            out.push(Line::Item(format!("{}: {how}", name(r))));
        }
        out
    }

    /// [`Comparison::pattern_lines`] then [`Comparison::region_lines`].
    pub fn lines(&self, atlas: &Atlas) -> Vec<Line> {
        let mut out = self.pattern_lines(atlas);
        out.extend(self.region_lines(atlas));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::body::overlay::{ESSENTIAL, ESSENTIAL2, MarkTable, SPILLOVER, SPILLOVER2};

    fn atlas() -> Atlas {
        Atlas::shipped().unwrap()
    }

    fn ids(list: &[RegionCover]) -> Vec<&str> {
        list.iter().map(|r| r.region.as_str()).collect()
    }

    fn cover(zone: GuideZone) -> Cover {
        Cover { zone, rare: false }
    }

    #[test]
    fn infraspinatus_and_supraspinatus_share_the_outer_shoulder() {
        let a = atlas();
        let one = Pattern::resolve(&a, "infraspinatus").unwrap();
        let two = Pattern::resolve(&a, "Supraspinatus").unwrap();
        let c = compare(&a, &one, &two, Side::Right);
        // The outer elbow is supraspinatus's own; the outer shoulder both, essential only
        // for supraspinatus; the front of the shoulder both, essential only for
        // infraspinatus (supraspinatus's spillover there, T&S ch. 21).
        assert_eq!(
            ids(&c.only_first),
            ["neck-base", "interscapular", "upper-arm-front", "thumb"]
        );
        assert_eq!(ids(&c.only_second), ["shoulder-back", "elbow-outer"]);
        assert_eq!(
            ids(&c.both),
            [
                "shoulder-front",
                "shoulder-outer",
                "upper-arm-outer",
                "forearm-thumb-side"
            ]
        );
        let outer = &c.both[1];
        assert_eq!(outer.side, Some(Side::Right));
        assert_eq!(outer.first, Some(cover(GuideZone::Spillover)));
        assert_eq!(outer.second, Some(cover(GuideZone::Essential)));
        assert_eq!(c.only_first[1].first, Some(cover(GuideZone::Essential)));
        assert_eq!(c.only_second[1].second, Some(cover(GuideZone::Essential)));
        assert!(c.first.is_whole_muscle() && c.first.points.len() == 2);
    }

    #[test]
    fn soleus_and_quadratus_plantae_meet_at_the_heel() {
        let a = atlas();
        let soleus = Pattern::resolve(&a, "soleus").unwrap();
        let qp = Pattern::resolve(&a, "quadratus plantae").unwrap();
        let c = compare(&a, &soleus, &qp, Side::Left);
        assert_eq!(ids(&c.both), ["heel"]);
        assert_eq!(c.both[0].first, Some(cover(GuideZone::Essential)));
        assert_eq!(c.both[0].second, Some(cover(GuideZone::Essential)));
        assert!(c.only_second.is_empty());
        for r in ["achilles", "calf", "sacroiliac", "jaw"] {
            assert!(ids(&c.only_first).contains(&r), "{r}");
        }
        // One point of the muscle alone: the low calf point reaches the heel and the
        // Achilles, nothing else.
        let tp1 = Pattern::resolve(&a, "SOLEUS-1").unwrap();
        assert_eq!(tp1.name(), "Soleus, TrP1, low inner calf");
        assert_eq!(tp1.id(), "soleus-1");
        let c = compare(&a, &tp1, &qp, Side::Left);
        assert_eq!(ids(&c.only_first), ["achilles"]);
        assert_eq!(c.only_first[0].side, Some(Side::Left));
    }

    #[test]
    fn the_scalenes_reach_the_thumb_that_the_thumb_muscle_covers() {
        let a = atlas();
        let scalenes = Pattern::resolve(&a, "scalenes").unwrap();
        let thumb = Pattern::resolve(&a, "adductor-pollicis").unwrap();
        let c = compare(&a, &scalenes, &thumb, Side::Right);
        assert_eq!(ids(&c.both), ["thumb"]);
        assert_eq!(ids(&c.only_second), ["thumb-web"]);
        assert_eq!(c.only_second[0].second, Some(cover(GuideZone::Spillover)));
        assert!(ids(&c.only_first).contains(&"chest"));
        let words: Vec<String> = c.lines(&a).iter().map(|l| l.text().to_owned()).collect();
        assert!(words.contains(&"Only 2, Adductor pollicis:".to_owned()));
        assert!(words.contains(&"spillover: web of thumb".to_owned()));
        assert!(words.contains(&"thumb: essential in both".to_owned()));
        assert!(
            words
                .iter()
                .any(|w| w.starts_with("Where to press: side of neck: "))
        );
    }

    #[test]
    fn the_overlay_draws_both_and_their_overlap() {
        let a = atlas();
        let one = Pattern::resolve(&a, "infraspinatus").unwrap();
        let two = Pattern::resolve(&a, "supraspinatus").unwrap();
        let c = compare(&a, &one, &two, Side::Right);
        let ov = c.overlay(&a);
        let model = crate::body::shipped();
        let table = MarkTable::new(model, &ov);
        let at = |r: &str| table.get(model.region_index(r).unwrap(), Some(Side::Right));
        assert_eq!(at("shoulder-front"), ESSENTIAL | SPILLOVER2);
        assert_eq!(at("elbow-outer"), ESSENTIAL2);
        assert_eq!(at("shoulder-outer"), SPILLOVER | ESSENTIAL2);
        assert_eq!(at("upper-arm-outer"), SPILLOVER | SPILLOVER2);
        assert_eq!(at("shoulder-outer") & SPILLOVER, SPILLOVER);
        // Numbered Xs: two of the first, three of the second.
        let labels: Vec<u8> = ov.marks().map(|(_, n)| n).collect();
        assert_eq!(labels, [1, 1, 2, 2, 2]);
    }

    #[test]
    fn unknown_names_are_the_resolvers_error() {
        let a = atlas();
        let e = Pattern::resolve(&a, "infraspinatis").unwrap_err();
        let words = e.to_string();
        assert!(
            words.starts_with("unknown muscle 'infraspinatis'; did you mean 'infraspinatus'"),
            "{words}"
        );
    }

    #[test]
    fn a_crossing_zone_is_listed_on_both_sides() {
        let a = atlas();
        let (m, tp) = a
            .trigger_points()
            .find(|(_, tp)| !tp.crosses.is_empty())
            .unwrap();
        let one = Pattern::point(m, tp);
        let c = compare(&a, &one, &one, Side::Right);
        let crossing = &tp.crosses[0];
        if a.region(crossing).is_some_and(|r| !r.midline) {
            let sides: Vec<Option<Side>> = c
                .both
                .iter()
                .filter(|r| r.region == *crossing)
                .map(|r| r.side)
                .collect();
            assert_eq!(sides, [Some(Side::Right), Some(Side::Left)]);
        }
        assert!(c.only_first.is_empty() && c.only_second.is_empty());
    }
}
