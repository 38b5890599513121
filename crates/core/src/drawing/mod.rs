//! Pain drawings: the client's pain shaded on the body chart, kept per view in a grid of
//! the view's own frame ([`grid`]), independent of the terminal. Strokes carry a quality
//! (aching, burning, ...) or none.
//!
//! The measures the digital pain-drawing literature uses (Shaballout et al., JMIR
//! mHealth 2019; Barbero, Cescon et al.): the **extent** (the share of the body surface
//! shaded, per view and over the whole-body views), the extent per quality, and the
//! **Jaccard** similarity of two drawings (shared area over combined area). The regions a
//! drawing touches are derived from it ([`Drawing::regions`]), so the rest of painmap
//! (notes, red flags, records, ranking) reads a drawing as it reads a selection;
//! [`crate::rank::rank_drawing`] ranks the patterns that explain its shape.

#![allow(
    clippy::many_single_char_names,
    reason = "sample grids: i, j, u, v, w, h"
)]

pub mod grid;
pub mod json;
#[cfg(test)]
mod tests;

use crate::atlas::RegionInstance;
use crate::body::BodyModel;
use crate::body::geom::Pt;
use crate::intake::Quality;
pub use grid::{Grid, SheetId};

/// What a sample holds: nothing, pain of no stated quality, or pain of a quality.
pub type Ink = u8;
/// No pain.
pub const NONE: Ink = 0;
/// Pain, no quality stated.
pub const PAIN: Ink = 1;

/// The ink of a quality (`None`: plain pain).
pub fn ink_of(quality: Option<Quality>) -> Ink {
    quality.map_or(PAIN, |q| {
        let i = Quality::ALL.iter().position(|&x| x == q).unwrap_or(0);
        PAIN + 1 + i as u8
    })
}

/// The quality of an ink (`None` for plain pain and for no pain).
pub fn quality_of(ink: Ink) -> Option<Quality> {
    usize::from(ink)
        .checked_sub(usize::from(PAIN) + 1)
        .and_then(|i| Quality::ALL.get(i).copied())
}

/// One view's drawing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// Which view (and side).
    pub id: SheetId,
    /// Samples across.
    pub width: usize,
    /// Samples down.
    pub height: usize,
    /// Row-major inks.
    pub inks: Vec<Ink>,
}

impl Sheet {
    /// An empty sheet of the grid's size.
    pub fn new(model: &BodyModel, id: SheetId) -> Sheet {
        let (width, height) = grid::size_of(model, id);
        Sheet {
            id,
            width,
            height,
            inks: vec![NONE; width * height],
        }
    }

    /// The ink at a sample (none outside).
    pub fn at(&self, i: usize, j: usize) -> Ink {
        if i < self.width && j < self.height {
            self.inks[j * self.width + i]
        } else {
            NONE
        }
    }

    /// Whether nothing is drawn.
    pub fn is_empty(&self) -> bool {
        self.inks.iter().all(|&k| k == NONE)
    }
}

/// A pain drawing: one sheet per view drawn on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drawing {
    /// The sheets, in [`SheetId`] order, none empty after [`Drawing::tidy`].
    pub sheets: Vec<Sheet>,
}

/// A drawing's extent: shaded body samples over body samples.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Extent {
    /// Shaded samples on the body.
    pub shaded: usize,
    /// Samples on the body.
    pub body: usize,
}

impl Extent {
    /// The share in per cent (0 when there is no body).
    pub fn percent(self) -> f64 {
        if self.body == 0 {
            0.0
        } else {
            self.shaded as f64 * 100.0 / self.body as f64
        }
    }

    fn add(&mut self, o: Extent) {
        self.shaded += o.shaded;
        self.body += o.body;
    }
}

/// A region the drawing touches, and how much of the drawing lies in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Touched {
    /// The region on its side.
    pub region: RegionInstance,
    /// Shaded samples in it (over every sheet).
    pub shaded: usize,
    /// The quality most of its shading carries, if any.
    pub quality: Option<Quality>,
}

/// A region counts as touched when at least this share of it is shaded...
const REGION_SHARE: f64 = 0.4;
/// ... or it holds at least this share of the sheet's drawing (a small spot in a large
/// region still names it).
const DRAWING_SHARE: f64 = 0.15;

impl Drawing {
    /// The sheet of an id, if drawn on.
    pub fn sheet(&self, id: SheetId) -> Option<&Sheet> {
        self.sheets.iter().find(|s| s.id == id)
    }

    /// The sheet of an id, made when absent.
    pub fn sheet_mut(&mut self, model: &BodyModel, id: SheetId) -> &mut Sheet {
        let i = match self.sheets.binary_search_by(|s| s.id.cmp(&id)) {
            Ok(i) => i,
            Err(i) => {
                self.sheets.insert(i, Sheet::new(model, id));
                i
            }
        };
        &mut self.sheets[i]
    }

    /// Whether nothing is drawn.
    pub fn is_empty(&self) -> bool {
        self.sheets.iter().all(Sheet::is_empty)
    }

    /// Drops empty sheets.
    pub fn tidy(&mut self) {
        self.sheets.retain(|s| !s.is_empty());
    }

    /// Paints (or, with [`NONE`], erases) a disc of `radius` samples around a point of a
    /// view. Returns whether any sample changed.
    pub fn paint(&mut self, model: &BodyModel, id: SheetId, p: Pt, radius: f32, ink: Ink) -> bool {
        let grid = Grid::new(model, id);
        let (u, v) = grid.sample_of(p);
        self.paint_at(model, id, u, v, radius, ink)
    }

    /// Paints a disc around a sample position (fractional sample units).
    pub fn paint_at(
        &mut self,
        model: &BodyModel,
        id: SheetId,
        u: f32,
        v: f32,
        radius: f32,
        ink: Ink,
    ) -> bool {
        if !u.is_finite() || !v.is_finite() {
            return false;
        }
        let sheet = self.sheet_mut(model, id);
        let r = radius.max(0.5);
        let (w, h) = (sheet.width as f32, sheet.height as f32);
        let i0 = (u - r).floor().clamp(0.0, w) as usize;
        let i1 = (u + r).ceil().clamp(0.0, w) as usize;
        let j0 = (v - r).floor().clamp(0.0, h) as usize;
        let j1 = (v + r).ceil().clamp(0.0, h) as usize;
        let mut changed = false;
        for j in j0..j1 {
            for i in i0..i1 {
                let (du, dv) = (i as f32 + 0.5 - u, j as f32 + 0.5 - v);
                if du * du + dv * dv <= r * r {
                    let k = j * sheet.width + i;
                    changed |= sheet.inks[k] != ink;
                    sheet.inks[k] = ink;
                }
            }
        }
        changed
    }

    /// The extent of each sheet drawn on, with `keep` choosing which inks count.
    fn extents(&self, model: &BodyModel, keep: impl Fn(Ink) -> bool) -> Vec<(SheetId, Extent)> {
        self.sheets
            .iter()
            .map(|s| {
                let grid = Grid::new(model, s.id);
                let mut e = Extent::default();
                for j in 0..s.height {
                    for i in 0..s.width {
                        if grid.on_body(i, j) {
                            e.body += 1;
                            if s.at(i, j) != NONE && keep(s.at(i, j)) {
                                e.shaded += 1;
                            }
                        }
                    }
                }
                (s.id, e)
            })
            .collect()
    }

    /// The extent per sheet drawn on.
    pub fn extent_per_view(&self, model: &BodyModel) -> Vec<(SheetId, Extent)> {
        self.extents(model, |_| true)
    }

    /// The extent over the whole-body views (front and back, both counted whether drawn
    /// on or not): the share of the body surface shaded. Close-ups magnify part of that
    /// surface and have their own extent ([`Drawing::extent_per_view`]).
    pub fn extent(&self, model: &BodyModel) -> Extent {
        self.whole_body_extent(model, |_| true)
    }

    /// The extent of one quality (`None`: pain with no quality stated) over the
    /// whole-body views.
    pub fn quality_extent(&self, model: &BodyModel, quality: Option<Quality>) -> Extent {
        let ink = ink_of(quality);
        self.whole_body_extent(model, |k| k == ink)
    }

    fn whole_body_extent(&self, model: &BodyModel, keep: impl Fn(Ink) -> bool) -> Extent {
        let mut total = Extent::default();
        for (id, e) in self.extents(model, keep) {
            if id.whole_body() {
                total.add(e);
            }
        }
        // A whole-body view not drawn on still counts its body.
        for view in crate::body::Area::WholeBody.views() {
            let id = SheetId::new(model, *view, crate::atlas::Side::Left);
            if self.sheet(id).is_none() {
                let grid = Grid::new(model, id);
                let (w, h) = grid.size();
                total.body += (0..h)
                    .flat_map(|j| (0..w).map(move |i| (i, j)))
                    .filter(|&(i, j)| grid.on_body(i, j))
                    .count();
            }
        }
        total
    }

    /// The Jaccard similarity of two drawings: the body samples shaded in both over
    /// those shaded in either, over every sheet. `None` when neither shades anything.
    pub fn jaccard(&self, other: &Drawing, model: &BodyModel) -> Option<f64> {
        let mut ids: Vec<SheetId> = self
            .sheets
            .iter()
            .chain(&other.sheets)
            .map(|s| s.id)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let (mut both, mut either) = (0usize, 0usize);
        for id in ids {
            let grid = Grid::new(model, id);
            let (w, h) = grid.size();
            let (a, b) = (self.sheet(id), other.sheet(id));
            for j in 0..h {
                for i in 0..w {
                    if !grid.on_body(i, j) {
                        continue;
                    }
                    let x = a.is_some_and(|s| s.at(i, j) != NONE);
                    let y = b.is_some_and(|s| s.at(i, j) != NONE);
                    both += usize::from(x && y);
                    either += usize::from(x || y);
                }
            }
        }
        (either > 0).then(|| both as f64 / either as f64)
    }

    /// The regions the drawing touches, with their sides, in order of how much of the
    /// drawing they hold (then by name): a region counts when two fifths of it are shaded or
    /// it holds a tenth of a sheet's drawing.
    pub fn regions(&self, model: &BodyModel) -> Vec<Touched> {
        let mut out: Vec<(Touched, [usize; 8])> = Vec::new();
        for s in &self.sheets {
            let grid = Grid::new(model, s.id);
            // Per region instance: its samples, its shaded samples and their inks.
            let mut tally: Vec<(RegionInstance, usize, usize, [usize; 8])> = Vec::new();
            let mut shaded_total = 0usize;
            for j in 0..s.height {
                for i in 0..s.width {
                    let Some(r) = grid.region(i, j) else { continue };
                    let ink = s.at(i, j);
                    let k = if let Some(k) = tally.iter().position(|t| t.0 == r) {
                        k
                    } else {
                        tally.push((r, 0, 0, [0; 8]));
                        tally.len() - 1
                    };
                    tally[k].1 += 1;
                    if ink != NONE {
                        tally[k].2 += 1;
                        tally[k].3[usize::from(ink).min(7)] += 1;
                        shaded_total += 1;
                    }
                }
            }
            for (region, size, shaded, inks) in tally {
                let touched = shaded >= 2
                    && (shaded as f64 >= REGION_SHARE * size as f64
                        || shaded as f64 >= DRAWING_SHARE * shaded_total as f64);
                if !touched {
                    continue;
                }
                match out.iter_mut().find(|(t, _)| t.region == region) {
                    Some((t, all)) => {
                        t.shaded += shaded;
                        for (a, b) in all.iter_mut().zip(inks) {
                            *a += b;
                        }
                    }
                    None => out.push((
                        Touched {
                            region,
                            shaded,
                            quality: None,
                        },
                        inks,
                    )),
                }
            }
        }
        let mut touched: Vec<Touched> = out
            .into_iter()
            .map(|(mut t, inks)| {
                // The quality most of its shading carries (plain pain counts as none).
                let best = (usize::from(PAIN)..8).max_by_key(|&k| (inks[k], std::cmp::Reverse(k)));
                t.quality = best
                    .filter(|&k| inks[k] > 0)
                    .and_then(|k| quality_of(k as Ink));
                t
            })
            .collect();
        touched.sort_by(|a, b| {
            b.shaded
                .cmp(&a.shaded)
                .then_with(|| a.region.cmp(&b.region))
        });
        touched
    }

    /// Shaded body samples over every sheet (what the ranking explains).
    pub fn shaded(&self, model: &BodyModel) -> usize {
        self.extent_per_view(model)
            .iter()
            .map(|(_, e)| e.shaded)
            .sum()
    }
}
