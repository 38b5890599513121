//! Auto-framing: which views a diagram shows.
//!
//! A pattern that lives on the head, a hand or a foot (every region it marks is drawn in
//! that close-up) is shown in the close-up, with the whole body beside it when there is
//! room. A pattern that runs down a limb or over the trunk is shown on the whole body,
//! front and back; when it also reaches something small (a tooth, a finger, a toe) the
//! close-up of that part joins it when there is room.

use super::geom::Rect;
use super::model::{Area, BodyModel, ViewId};
use super::overlay::Overlay;
use crate::atlas::{RegionInstance, Side};

/// One picture of a diagram.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PanelSpec {
    /// The view.
    pub view: ViewId,
    /// The side shown by a unilateral view.
    pub side: Side,
    /// The part of the view shown, or all of it.
    pub crop: Option<Rect>,
    /// Dropped first when the width is short.
    pub optional: bool,
    /// Its height as a share of the diagram's picture height (a close-up beside the
    /// whole body is drawn smaller).
    pub scale: f32,
}

impl PanelSpec {
    /// A required panel showing a whole view.
    pub fn new(view: ViewId, side: Side) -> Self {
        PanelSpec {
            view,
            side,
            crop: None,
            optional: false,
            scale: 1.0,
        }
    }

    fn optional(mut self) -> Self {
        self.optional = true;
        self
    }
}

/// The panels of a diagram, left to right.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Frame {
    /// The panels, required ones first.
    pub panels: Vec<PanelSpec>,
}

/// The height of a close-up drawn beside the whole body, as a share of the body's.
const CLOSE_UP_BESIDE_BODY: f32 = 0.55;

/// A region drawn smaller than this (in square units of the whole-body view) is too small
/// to read there: teeth, fingers, toes, the jaw joint.
const FINE_AREA: f32 = 40.0;

/// Every close-up view, in the order a student cycles through them on a "draw" card:
/// all views but the whole body's (front, back and the side).
pub const CLOSE_UPS: &[ViewId] = &[
    ViewId::HeadFront,
    ViewId::HeadSide,
    ViewId::HandPalm,
    ViewId::HandBack,
    ViewId::FootTop,
    ViewId::FootSole,
    ViewId::FootInner,
    ViewId::FootOuter,
];

/// One stop of the `v` cycle through the pictures of the body: the whole body (front
/// and back), one close-up on a side, or a magnified part of a whole-body view. The
/// explorer's map steps through [`Stop::map_cycle`]; a study card steps through the
/// close-ups of its own side ([`Stop::close_ups`]) beside the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The whole body, front and back.
    WholeBody,
    /// A close-up of one side (a bilateral close-up, the head from the front, is listed
    /// once, on the right).
    CloseUp(ViewId, Side),
    /// A magnified part of a whole-body view on one side (the model's zooms, by index).
    Zoom(ViewId, Side, u8),
}

impl Stop {
    /// The whole body, then each close-up area in turn, each side in turn (right first),
    /// each view of the area in [`CLOSE_UPS`] order; a bilateral close-up once. With
    /// `side`, only the close-ups of that side.
    pub fn close_ups(model: &BodyModel, side: Option<Side>) -> Vec<Stop> {
        let mut stops = vec![Stop::WholeBody];
        for area in [Area::Head, Area::Hand, Area::Foot] {
            let views = || CLOSE_UPS.iter().copied().filter(move |v| v.area() == area);
            stops.extend(
                views()
                    .filter(|&v| model.view(v).is_bilateral())
                    .map(|v| Stop::CloseUp(v, side.unwrap_or(Side::Right))),
            );
            for s in [Side::Right, Side::Left] {
                if side.is_some_and(|only| only != s) {
                    continue;
                }
                stops.extend(
                    views()
                        .filter(|&v| !model.view(v).is_bilateral())
                        .map(|v| Stop::CloseUp(v, s)),
                );
            }
        }
        stops
    }

    /// Every picture the explorer's map shows, in `v` order: [`Stop::close_ups`], then
    /// the magnified parts of the front and back views, each side in turn.
    pub fn map_cycle(model: &BodyModel) -> Vec<Stop> {
        let mut stops = Stop::close_ups(model, None);
        for view in Area::WholeBody.views().iter().copied() {
            for side in [Side::Right, Side::Left] {
                let n = model.view(view).zoom_count().min(usize::from(u8::MAX));
                stops.extend((0..n as u8).map(|k| Stop::Zoom(view, side, k)));
            }
        }
        stops
    }

    /// The stop `steps` on from this one (backwards when negative), round `cycle`; a stop
    /// not in it counts as its first.
    #[must_use]
    pub fn step(self, cycle: &[Stop], steps: isize) -> Stop {
        let n = cycle.len() as isize;
        if n == 0 {
            return self;
        }
        let here = cycle.iter().position(|&s| s == self).unwrap_or(0) as isize;
        cycle[(here + steps).rem_euclid(n) as usize]
    }

    /// The close-up shown, if any.
    pub fn close_up(self) -> Option<ViewId> {
        match self {
            Stop::CloseUp(v, _) => Some(v),
            Stop::WholeBody | Stop::Zoom(..) => None,
        }
    }

    /// Its title: "Whole body", "Right palm", "Left hip to calf, back"...
    pub fn title(self, model: &BodyModel) -> String {
        match self {
            Stop::WholeBody => "Whole body".to_owned(),
            Stop::CloseUp(v, side) => model.view(v).title(side),
            Stop::Zoom(v, side, k) => model
                .view(v)
                .zoom(usize::from(k), side)
                .map_or_else(|| model.view(v).title(side), |(t, _)| t),
        }
    }
}

impl Frame {
    /// The whole body, front and back, and beside it one close-up (or none), all on
    /// `side`. For asking where a pattern goes: framing to the answer would give it away.
    pub fn whole_body_with(close_up: Option<ViewId>, side: Side) -> Frame {
        let mut panels: Vec<PanelSpec> = Area::WholeBody
            .views()
            .iter()
            .map(|&v| PanelSpec::new(v, side))
            .collect();
        panels.extend(close_up.map(|v| PanelSpec {
            scale: CLOSE_UP_BESIDE_BODY,
            ..PanelSpec::new(v, side)
        }));
        Frame { panels }
    }

    /// The first close-up (in [`CLOSE_UPS`] order) that draws all of `region`: where a
    /// trigger point in it is best seen, or `None` for one on a limb or the trunk.
    pub fn close_up_of(model: &BodyModel, region: &str) -> Option<ViewId> {
        let i = model.region_index(region)?;
        CLOSE_UPS
            .iter()
            .copied()
            .find(|&v| model.view(v).draws_whole(i))
    }

    /// The whole body, front and back.
    pub fn whole_body() -> Frame {
        // Both views show both sides, so the side is only nominal.
        Frame::whole_body_with(None, Side::Right)
    }

    /// The views that best show what an overlay marks (see the module docs).
    pub fn for_overlay(model: &BodyModel, overlay: &Overlay) -> Frame {
        let regions: Vec<&RegionInstance> = overlay.regions().collect();
        if regions.is_empty() {
            return Frame::whole_body();
        }
        let side = overlay
            .marks()
            .map(|(t, _)| &t.location)
            .chain(regions.iter().copied())
            .find_map(|r| r.side)
            .unwrap_or(Side::Right);
        let draws = |view: ViewId, r: &RegionInstance| {
            model
                .region_index(&r.region)
                .is_some_and(|i| model.view(view).draws(i))
        };
        let draws_whole = |view: ViewId, r: &RegionInstance| {
            model
                .region_index(&r.region)
                .is_some_and(|i| model.view(view).draws_whole(i))
        };
        let count =
            |view: ViewId, list: &[&RegionInstance]| list.iter().filter(|r| draws(view, r)).count();
        // Choosing between close-ups, an essential zone counts twice: the sole, which
        // draws the ball of the foot, before the top, which draws only the spillover.
        let score = |view: ViewId, list: &[&RegionInstance]| {
            list.iter()
                .filter(|r| draws(view, r))
                .map(|r| if overlay.essential.contains(r) { 2 } else { 1 })
                .sum::<usize>()
        };

        for area in [Area::Head, Area::Hand, Area::Foot] {
            let holds = regions
                .iter()
                .all(|r| area.views().iter().any(|&v| draws_whole(v, r)));
            if !holds {
                continue;
            }
            let mut panels = close_up_views(area, &regions, score)
                .into_iter()
                .map(|v| PanelSpec::new(v, side))
                .collect::<Vec<_>>();
            for &v in Area::WholeBody.views() {
                if count(v, &regions) > 0 {
                    panels.push(PanelSpec::new(v, side).optional());
                }
            }
            return Frame { panels };
        }

        // The whole body; and, when there is room, the close-up that adds the most:
        // zones too small for the whole body (teeth, fingers, toes, the arch) count most,
        // then other zones it draws whole (a heel, a temple).
        let zones: Vec<&RegionInstance> = overlay.zones().collect();
        let mut panels = whole_body_views(model, overlay, side, |v| count(v, &zones));
        let is_fine = |r: &RegionInstance| {
            model.region_index(&r.region).is_some_and(|i| {
                let area: f32 = Area::WholeBody
                    .views()
                    .iter()
                    .flat_map(|&v| model.view(v).shapes_of(i, None))
                    .map(|s| s.weight)
                    .sum();
                area < FINE_AREA
            })
        };
        let best = [Area::Head, Area::Hand, Area::Foot]
            .into_iter()
            .map(|a| {
                let score: usize = zones
                    .iter()
                    .filter(|r| a.views().iter().any(|&v| draws_whole(v, r)))
                    .map(|r| if is_fine(r) { 10 } else { 1 })
                    .sum();
                (score, a)
            })
            .filter(|&(score, _)| score > 0)
            .max_by_key(|&(score, a)| (score, std::cmp::Reverse(a)));
        if let Some((_, area)) = best {
            let shown: Vec<&RegionInstance> = zones
                .iter()
                .copied()
                .filter(|r| area.views().iter().any(|&v| draws_whole(v, r)))
                .collect();
            // The one view that shows the most of them (the first in the area's order
            // on a tie).
            let view = close_up_views(area, &shown, score)
                .into_iter()
                .enumerate()
                .min_by_key(|&(k, v)| (std::cmp::Reverse(score(v, &shown)), k))
                .map(|(_, v)| v);
            // Kept at any size when it is the only picture of an essential zone (the arch
            // of the foot, a tooth): else it makes way for a larger body.
            let only = |v: ViewId| {
                overlay
                    .essential
                    .iter()
                    .any(|r| draws(v, r) && Area::WholeBody.views().iter().all(|&b| !draws(b, r)))
            };
            panels.extend(view.map(|v| {
                let spec = PanelSpec {
                    scale: CLOSE_UP_BESIDE_BODY,
                    ..PanelSpec::new(v, side)
                };
                if only(v) { spec } else { spec.optional() }
            }));
        }
        Frame { panels }
    }
}

/// The whole-body views of a pattern on the trunk or a limb: the side of the body, when
/// every trigger point marked has its zones drawn there (the lateral patterns), with the
/// front or back it is also drawn on (else the one that draws more of its zones, when
/// there is room); otherwise the front and the back.
fn whole_body_views(
    model: &BodyModel,
    overlay: &Overlay,
    side: Side,
    zones_drawn: impl Fn(ViewId) -> usize,
) -> Vec<PanelSpec> {
    let marks: Vec<&str> = overlay.marks().map(|(t, _)| t.id.as_str()).collect();
    let lateral = !marks.is_empty() && marks.iter().all(|id| model.has_zones(id, ViewId::BodySide));
    if !lateral {
        return Frame::whole_body().panels;
    }
    let mut panels = vec![PanelSpec::new(ViewId::BodySide, side)];
    let body = Area::WholeBody.views();
    let shaped: Vec<ViewId> = body
        .iter()
        .copied()
        .filter(|&v| marks.iter().any(|id| model.has_zones(id, v)))
        .collect();
    if shaped.is_empty() {
        // The one with the X, else the one that draws more of the zones.
        let marked = |v: ViewId| {
            marks
                .iter()
                .any(|id| model.points_of(id).iter().any(|p| p.view == v))
        };
        let best = body
            .iter()
            .copied()
            .max_by_key(|&v| (marked(v), zones_drawn(v), std::cmp::Reverse(v.index())));
        panels.extend(best.map(|v| PanelSpec::new(v, side).optional()));
    } else {
        panels.extend(shaped.into_iter().map(|v| PanelSpec::new(v, side)));
    }
    panels
}

/// The views of a close-up that show the most of `regions` (at most two, in the area's
/// order).
fn close_up_views(
    area: Area,
    regions: &[&RegionInstance],
    count: impl Fn(ViewId, &[&RegionInstance]) -> usize,
) -> Vec<ViewId> {
    let mut ranked: Vec<(usize, usize, ViewId)> = area
        .views()
        .iter()
        .enumerate()
        .map(|(k, &v)| (count(v, regions), k, v))
        .filter(|&(n, _, _)| n > 0)
        .collect();
    ranked.sort_by_key(|&(n, k, _)| (std::cmp::Reverse(n), k));
    // A second view only if it shows something the first does not.
    let mut chosen: Vec<(usize, ViewId)> = Vec::new();
    for &(_, k, v) in &ranked {
        if chosen.len() == 2 {
            break;
        }
        let adds = chosen.is_empty()
            || regions.iter().any(|r| {
                count(v, std::slice::from_ref(r)) > 0
                    && chosen
                        .iter()
                        .all(|&(_, c)| count(c, std::slice::from_ref(r)) == 0)
            });
        if adds {
            chosen.push((k, v));
        }
    }
    chosen.sort_by_key(|&(k, _)| k);
    chosen.into_iter().map(|(_, v)| v).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlay(location: &str, essential: &[&str], side: Side) -> Overlay {
        let model = crate::body::shipped();
        let ess: Vec<String> = essential.iter().map(|s| (*s).to_owned()).collect();
        Overlay::for_trigger_point(model, "t", location, &ess, &[], &[], side)
    }

    fn views(f: &Frame) -> Vec<(ViewId, bool)> {
        f.panels.iter().map(|p| (p.view, p.optional)).collect()
    }

    #[test]
    fn v_cycles_through_every_close_up_of_each_side_and_comes_back() {
        let m = crate::body::shipped();
        let all = Stop::map_cycle(m);
        assert_eq!(all[0], Stop::WholeBody);
        // Every close-up on each side (the head from the front once), and every zoom.
        for &v in CLOSE_UPS {
            let n = all.iter().filter(|s| s.close_up() == Some(v)).count();
            assert_eq!(n, if m.view(v).is_bilateral() { 1 } else { 2 }, "{v}");
        }
        assert!(all.contains(&Stop::CloseUp(ViewId::HandPalm, Side::Left)));
        assert!(all.contains(&Stop::CloseUp(ViewId::FootSole, Side::Right)));
        assert!(all.contains(&Stop::Zoom(ViewId::Back, Side::Left, 1)));
        // Stepping visits each once and comes back round, both ways.
        let mut s = Stop::WholeBody;
        let mut seen = Vec::new();
        for _ in 0..all.len() {
            seen.push(s);
            s = s.step(&all, 1);
        }
        assert_eq!(seen, all);
        assert_eq!(s, Stop::WholeBody);
        assert_eq!(Stop::WholeBody.step(&all, -1), *all.last().unwrap());
        // One side only: the whole body and that side's close-ups, in the same order.
        let right = Stop::close_ups(m, Some(Side::Right));
        let closes: Vec<Option<ViewId>> = right.iter().map(|s| s.close_up()).collect();
        let expected: Vec<Option<ViewId>> = std::iter::once(None)
            .chain(CLOSE_UPS.iter().copied().map(Some))
            .collect();
        assert_eq!(closes, expected);
        assert!(
            Stop::close_ups(m, Some(Side::Left))
                .iter()
                .all(|s| matches!(s, Stop::WholeBody | Stop::CloseUp(_, Side::Left)))
        );
        assert_eq!(
            Stop::CloseUp(ViewId::HandPalm, Side::Right).title(m),
            "Right palm"
        );
        assert_eq!(
            Stop::Zoom(ViewId::Front, Side::Left, 0).title(m),
            "Left shoulder to hip, front"
        );
        // A zoom of the side on the viewer's right is the mirrored box.
        let front = m.view(ViewId::Front);
        let (_, r) = front.zoom(0, Side::Right).unwrap();
        let (_, l) = front.zoom(0, Side::Left).unwrap();
        assert!(
            r.x1 < l.x1 && (r.x0 + l.x1 - 100.0).abs() < 1e-3,
            "{r:?} {l:?}"
        );
    }

    #[test]
    fn close_ups_are_every_view_but_the_whole_body() {
        assert_eq!(CLOSE_UPS.len(), ViewId::ALL.len() - 3);
        assert!(CLOSE_UPS.iter().all(|v| v.area() != Area::WholeBody));
    }

    #[test]
    fn a_question_frame_shows_the_body_and_the_close_up_asked_for() {
        let f = Frame::whole_body_with(Some(ViewId::FootSole), Side::Left);
        assert_eq!(
            views(&f),
            vec![
                (ViewId::Front, false),
                (ViewId::Back, false),
                (ViewId::FootSole, false)
            ]
        );
        assert!(f.panels.iter().all(|p| p.side == Side::Left));
        assert!(f.panels[2].scale < 1.0);
        assert_eq!(views(&Frame::whole_body_with(None, Side::Right)).len(), 2);
        let m = crate::body::shipped();
        assert_eq!(Frame::close_up_of(m, "jaw"), Some(ViewId::HeadFront));
        assert_eq!(
            Frame::close_up_of(m, "thumb-web").map(ViewId::area),
            Some(Area::Hand)
        );
        assert_eq!(
            Frame::close_up_of(m, "instep").map(ViewId::area),
            Some(Area::Foot)
        );
        assert_eq!(Frame::close_up_of(m, "calf"), None);
        assert_eq!(Frame::close_up_of(m, "no-such-region"), None);
    }

    #[test]
    fn head_pattern_gets_the_head_close_up() {
        let m = crate::body::shipped();
        let f = Frame::for_overlay(
            m,
            &overlay("jaw", &["upper-teeth", "ear", "tmj"], Side::Left),
        );
        let v = views(&f);
        assert!(
            v.iter().any(|&(v, o)| v.area() == Area::Head && !o),
            "{v:?}"
        );
        assert!(v.iter().any(|&(v, o)| v == ViewId::Front && o), "{v:?}");
        assert!(f.panels.iter().all(|p| p.side == Side::Left));
    }

    #[test]
    fn hand_and_foot_patterns_get_their_close_ups() {
        let m = crate::body::shipped();
        let f = Frame::for_overlay(
            m,
            &overlay("thumb-web", &["index-finger", "hand-back"], Side::Right),
        );
        assert_eq!(f.panels[0].view, ViewId::HandBack, "{:?}", views(&f));
        let f = Frame::for_overlay(m, &overlay("instep", &["heel", "ankle-inner"], Side::Right));
        assert_eq!(f.panels[0].view.area(), Area::Foot, "{:?}", views(&f));
    }

    #[test]
    fn limb_pattern_gets_the_whole_body() {
        let m = crate::body::shipped();
        let f = Frame::for_overlay(
            m,
            &overlay(
                "buttock",
                &["hip-side", "thigh-outer", "leg-outer"],
                Side::Left,
            ),
        );
        assert_eq!(
            views(&f),
            vec![(ViewId::Front, false), (ViewId::Back, false)]
        );
        // Down the arm to the fingers: the whole body, and the hand when there is room.
        let f = Frame::for_overlay(m, &overlay("forearm-back", &["middle-finger"], Side::Right));
        let v = views(&f);
        assert_eq!(&v[..2], &[(ViewId::Front, false), (ViewId::Back, false)]);
        assert!(
            v[2..].iter().all(|&(v, o)| v.area() == Area::Hand && o),
            "{v:?}"
        );
    }
}
