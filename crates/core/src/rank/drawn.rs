//! Ranking from a pain drawing: the regions the drawing touches are the selection (so a
//! drawing ranks as the same regions clicked would), and each candidate earns, on top,
//! points for how much of the drawing its zones explain, and its place among equals by
//! how much of its essential zone is shaded. The formula is in `docs/ranking.md`:
//!
//! - `explained` = shaded samples inside the essential or spillover zone of any of its
//!   points that reach the selection / all shaded samples;
//! - `filled` = the best, over those points, of shaded samples inside the point's
//!   essential zone / the essential zone's samples, on the sheets drawn on;
//! - score = the selection's score of the touched regions + [`DRAWN`] x `explained`
//!   (rounded); equal scores go by the guides, then by `filled`, then are true ties.
//!
//! A single shaded region ranks as that region selected: every candidate covering it
//! explains all of it (the zones are drawn over whole regions), so all gain the same
//! points, and `filled` only orders what the guides left tied.

use super::score::MuscleCandidate;
use super::top::{self, Keyed, Ranking};
use super::{Selection, rank};
use crate::atlas::{Atlas, RegionInstance, Side};
use crate::body::overlay::{ESSENTIAL, Overlay, SPILLOVER};
use crate::drawing::{Drawing, Grid, NONE, Touched};

/// The points for explaining the whole drawing (a share earns its share).
pub const DRAWN: u32 = 200;
/// The points for a drawing that shades the whole essential zone, when the drawing
/// spans more than one region (one region says where it hurts, not a shape).
pub const FILLED: u32 = 200;

/// How a candidate's zones meet the drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// The share of the shaded area inside its zones (0 to 1).
    pub explained: f64,
    /// The share of its best point's essential zone that is shaded (0 to 1).
    pub filled: f64,
    /// The touched regions it covers, each with its share of the drawing.
    pub parts: Vec<(RegionInstance, f64)>,
}

/// A candidate ranked from a drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct DrawnCandidate<'a> {
    /// The muscle on its side, its score including [`DRAWN`] x `explained`.
    pub candidate: MuscleCandidate<'a>,
    /// How it meets the drawing.
    pub fit: Fit,
    key: u32,
    order: usize,
}

impl Keyed for DrawnCandidate<'_> {
    fn key(&self) -> (u32, u32) {
        (self.candidate.score, self.key)
    }
    fn order(&self) -> usize {
        self.order
    }
}

/// What a drawing ranks to.
#[derive(Debug, Clone)]
pub struct DrawnRanking<'a> {
    /// The best candidates.
    pub ranking: Ranking<DrawnCandidate<'a>>,
    /// The selection the drawing stands for (its touched regions with their qualities,
    /// added to the one given).
    pub selection: Selection,
    /// The regions touched, most shaded first.
    pub touched: Vec<Touched>,
}

/// The selection a drawing stands for: `base` with the regions the drawing touches added
/// (most shaded first), each with the quality most of its shading carries.
pub fn drawing_selection(drawing: &Drawing, base: &Selection) -> (Selection, Vec<Touched>) {
    let model = crate::body::shipped();
    let touched = drawing.regions(model);
    let mut selection = base.clone();
    for t in &touched {
        selection.add(t.region.clone());
        if let Some(q) = t.quality {
            let word = q.as_str().to_owned();
            if !selection
                .qualities
                .contains(&(t.region.clone(), word.clone()))
            {
                selection.qualities.push((t.region.clone(), word));
            }
        }
    }
    (selection, touched)
}

/// A drawn sheet: its grid and which samples are shaded on the body.
struct Drawn<'m> {
    grid: Grid<'m>,
    shaded: Vec<bool>,
}

/// Ranks the muscles that explain a drawing (with `base`'s symptoms, age and answers).
pub fn rank_drawing<'a>(
    atlas: &'a Atlas,
    drawing: &Drawing,
    base: &Selection,
    top: usize,
) -> DrawnRanking<'a> {
    let model = crate::body::shipped();
    let (selection, touched) = drawing_selection(drawing, base);
    let sheets: Vec<Drawn<'_>> = drawing
        .sheets
        .iter()
        .map(|s| {
            let grid = Grid::new(model, s.id);
            let (w, h) = grid.size();
            let shaded = (0..h)
                .flat_map(|j| (0..w).map(move |i| (i, j)))
                .map(|(i, j)| grid.on_body(i, j) && s.at(i, j) != NONE)
                .collect();
            Drawn { grid, shaded }
        })
        .collect();
    let total: usize = sheets
        .iter()
        .map(|s| s.shaded.iter().filter(|&&b| b).count())
        .sum();
    let all = rank(atlas, &selection, usize::MAX);
    let count = all.total;
    let mut scored: Vec<DrawnCandidate<'a>> = Vec::new();
    let mut finals: Vec<u32> = Vec::new();
    for placed in all.candidates {
        let c = placed.item;
        // No later candidate can reach the best `top` once even the whole drawing's
        // points leave it below the `top`-th score found.
        if finals.len() >= top.max(1) && c.score + DRAWN + FILLED < finals[top.max(1) - 1] {
            break;
        }
        let order = Keyed::order(&c);
        let d = fit(atlas, c, order, &sheets, total, &touched);
        let at = finals.partition_point(|&s| s >= d.candidate.score);
        finals.insert(at, d.candidate.score);
        scored.push(d);
    }
    let mut ranking = top::best(scored, top);
    ranking.total = count;
    DrawnRanking {
        ranking,
        selection,
        touched,
    }
}

fn fit<'a>(
    atlas: &Atlas,
    mut c: MuscleCandidate<'a>,
    order: usize,
    sheets: &[Drawn<'_>],
    total: usize,
    touched: &[Touched],
) -> DrawnCandidate<'a> {
    let model = crate::body::shipped();
    let sides: Vec<Side> = c.side.map_or(Side::BOTH.to_vec(), |s| vec![s]);
    let (mut explained, mut filled) = (0usize, 0f64);
    for sheet in sheets {
        // 2: in an essential zone, 1: in a spillover zone (or where a point lies).
        let mut zone = vec![0u8; sheet.shaded.len()];
        for p in &c.points {
            let (mut ess, mut ess_shaded) = (0usize, 0usize);
            // An active point is tender where it lies: its own region is explained too.
            let location = model.region_index(&p.trigger_point.location);
            for (k, z) in zone.iter_mut().enumerate() {
                if let Some((r, s)) = sheet.grid.region_index(k)
                    && Some(r) == location
                    && (s.is_none() || sides.iter().any(|&x| Some(x) == s))
                {
                    *z = (*z).max(1);
                }
            }
            for &side in &sides {
                let mut overlay = Overlay::of_point(atlas, p.trigger_point, side);
                overlay.trigger_points.clear();
                let marks = sheet.grid.zone_marks(&overlay);
                for (k, m) in marks.iter().enumerate() {
                    if m & ESSENTIAL != 0 {
                        zone[k] = 2;
                    } else if m & SPILLOVER != 0 {
                        zone[k] = zone[k].max(1);
                    }
                    if m & ESSENTIAL != 0 {
                        ess += 1;
                        ess_shaded += usize::from(sheet.shaded[k]);
                    }
                }
            }
            if ess > 0 {
                filled = filled.max(ess_shaded as f64 / ess as f64);
            }
        }
        explained += zone
            .iter()
            .zip(&sheet.shaded)
            .filter(|&(_, &s)| s)
            .map(|(&z, _)| usize::from(z))
            .sum::<usize>();
    }
    let explained = if total == 0 {
        0.0
    } else {
        explained as f64 / (2 * total) as f64
    };
    let parts = c
        .matches
        .iter()
        .filter_map(|m| {
            let t = touched.iter().find(|t| t.region == m.region)?;
            Some((m.region.clone(), t.shaded as f64 / total.max(1) as f64))
        })
        .collect();
    c.score += (f64::from(DRAWN) * explained).round() as u32;
    if touched.len() > 1 {
        c.score += (f64::from(FILLED) * filled).round() as u32;
    }
    let key = c.guide_key.saturating_mul(1001) + (1000 - (filled * 1000.0).round() as u32);
    DrawnCandidate {
        candidate: c,
        fit: Fit {
            explained,
            filled,
            parts,
        },
        key,
        order,
    }
}
