//! How well a selection, or a shaded area of one view, fits each layer entry.
//!
//! The fit is an F-score weighted towards precision (F0.5): `precision` is the share of
//! what is selected that the entry covers, `recall` the share of the entry that is
//! selected, and
//!
//! ```text
//! fit = 1.25 * precision * recall / (0.25 * precision + recall)
//! ```
//!
//! Precision counts more because a client rarely feels the whole of a dermatome or a
//! nerve's field: tingling in the thumb and index finger is a good C6 fit though C6 runs
//! up the forearm too, while a selection that spills well outside an entry is a poor one.
//! An entry *fits well* at [`WELL`] or more with at least [`MIN_SHARED`] selected
//! regions in it (one region says nothing about a pattern). Sides: an entry found on
//! either side is fitted on each side alone (a left selection never fits a right root);
//! a selection without a side matches either side; midline regions match any.

use crate::atlas::{Atlas, RegionInstance, Side};
use crate::body::raster::Raster;
use crate::rank::Raised;

use super::{Entry, Kind, Layers, Sides, placed, sides_in, sides_of};

/// The fit at or above which an entry is shown beside the muscles.
pub const WELL: f32 = 0.5;
/// The fewest selected regions an entry must hold to be shown.
pub const MIN_SHARED: usize = 2;

/// How well a selection fits one entry on one side.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit<'a> {
    /// The entry.
    pub entry: &'a Entry,
    /// The side fitted (`None`: both sides at once).
    pub side: Option<Side>,
    /// The F0.5 score, 0 to 1.
    pub score: f32,
    /// The share of the selection the entry covers.
    pub precision: f32,
    /// The share of the entry the selection covers.
    pub recall: f32,
    /// The selected regions the entry covers, in selection order.
    pub explained: Vec<RegionInstance>,
}

impl Fit<'_> {
    /// Whether it is good enough to show beside the muscles.
    pub fn is_good(&self) -> bool {
        self.score >= WELL && self.explained.len() >= MIN_SHARED
    }

    /// The fit as a whole per cent (for the screen).
    pub fn percent(&self) -> u8 {
        (self.score.clamp(0.0, 1.0) * 100.0).round() as u8
    }
}

/// F0.5 of a precision and a recall (0 when both are 0).
pub fn f_half(precision: f32, recall: f32) -> f32 {
    let d = 0.25 * precision + recall;
    if d <= 0.0 {
        0.0
    } else {
        1.25 * precision * recall / d
    }
}

/// Whether a selected region instance lies in an entry placed on `side` (`None`: both).
fn holds(entry: &Entry, side: Option<Side>, sel: &RegionInstance) -> bool {
    entry.regions.contains(&sel.region)
        && match (sel.side, side) {
            (None, _) | (_, None) => true,
            (Some(a), Some(b)) => a == b,
        }
}

/// Every entry's best fit to a selection (of the kinds given, all when empty), best
/// first; entries that share no region are left out.
pub fn fits<'a>(layers: &'a Layers, selected: &[RegionInstance], kinds: &[Kind]) -> Vec<Fit<'a>> {
    let mut out: Vec<Fit<'a>> = Vec::new();
    if selected.is_empty() {
        return out;
    }
    for entry in &layers.entries {
        if !kinds.is_empty() && !kinds.contains(&entry.kind) {
            continue;
        }
        let sides: Vec<Option<Side>> = if entry.sides == Sides::Both {
            vec![None]
        } else {
            sides_of(entry).iter().map(|&s| Some(s)).collect()
        };
        let best = sides
            .into_iter()
            .map(|side| {
                let explained: Vec<RegionInstance> = selected
                    .iter()
                    .filter(|s| holds(entry, side, s))
                    .cloned()
                    .collect();
                let hit = entry
                    .regions
                    .iter()
                    .filter(|r| explained.iter().any(|e| &e.region == *r))
                    .count();
                let precision = explained.len() as f32 / selected.len() as f32;
                let recall = hit as f32 / entry.regions.len().max(1) as f32;
                Fit {
                    entry,
                    side,
                    score: f_half(precision, recall),
                    precision,
                    recall,
                    explained,
                }
            })
            .max_by(|a, b| a.score.total_cmp(&b.score));
        if let Some(fit) = best.filter(|f| !f.explained.is_empty()) {
            out.push(fit);
        }
    }
    sort(&mut out);
    out
}

/// Best first; equal fits in file order (stable).
fn sort(fits: &mut [Fit<'_>]) {
    fits.sort_by(|a, b| b.score.total_cmp(&a.score));
}

/// The entries that fit a selection well, best first: what the screen shows beside the
/// muscles.
pub fn good_fits<'a>(layers: &'a Layers, selected: &[RegionInstance]) -> Vec<Fit<'a>> {
    fits(layers, selected, &[])
        .into_iter()
        .filter(Fit::is_good)
        .collect()
}

/// The fit of a shaded area of one view (a drawing's mask, one flag per cell of
/// `raster`, row by row) against each entry drawn there, best first: precision is the
/// share of the shaded body cells inside the entry's shapes, recall the share of the
/// entry's cells shaded. `explained` lists the regions of the shaded cells it covers.
pub fn fit_mask<'a>(layers: &'a Layers, raster: &Raster<'_>, mask: &[bool]) -> Vec<Fit<'a>> {
    let model = raster.model();
    let vp = raster.viewport();
    let view = model.view(vp.view);
    let w = raster.width();
    let cells = raster.cells();
    let shaded: usize = cells
        .iter()
        .zip(mask)
        .filter(|(c, m)| **m && c.region.is_some())
        .count();
    let mut out = Vec::new();
    if shaded == 0 {
        return out;
    }
    for entry in &layers.entries {
        for &side in sides_in(view, vp.side) {
            let polys: Vec<_> = placed(entry, view, side).collect();
            if polys.is_empty() {
                continue;
            }
            let (mut inside, mut both) = (0usize, 0usize);
            let mut explained: Vec<RegionInstance> = Vec::new();
            for (i, c) in cells.iter().enumerate() {
                let Some((r, s)) = c.region else { continue };
                let (col, row) = (
                    (i % usize::from(w.max(1))) as u16,
                    (i / usize::from(w.max(1))) as u16,
                );
                let p = raster.point_of(col, row);
                if !polys.iter().any(|q| q.contains(p)) {
                    continue;
                }
                inside += 1;
                if mask.get(i).copied().unwrap_or(false) {
                    both += 1;
                    let inst = RegionInstance::new(model.region_id(r), s);
                    if !explained.contains(&inst) {
                        explained.push(inst);
                    }
                }
            }
            if both == 0 {
                continue;
            }
            let precision = both as f32 / shaded as f32;
            let recall = both as f32 / inside.max(1) as f32;
            out.push(Fit {
                entry,
                side: (entry.sides != Sides::Both).then_some(side),
                score: f_half(precision, recall),
                precision,
                recall,
                explained,
            });
        }
    }
    sort(&mut out);
    out
}

/// The red flags the good fits name (`flag: Some("cardiac")` on the heart), each once,
/// that the atlas has and the ones already raised do not hold: the hook by which a
/// serious visceral fit joins the red-flag screen. A fit raises its flag only where it
/// reaches two of the entry's `flag_across` areas (the heart: the chest, the inner arm,
/// the jaw), so the inner elbow and forearm of a golfer's elbow stay a muscle's.
pub fn raise<'a>(atlas: &'a Atlas, fits: &[Fit<'_>], raised: &mut Vec<Raised<'a>>) {
    for fit in fits.iter().filter(|f| f.is_good()) {
        let Some(id) = &fit.entry.flag else { continue };
        let areas = &fit.entry.flag_across;
        let reached = areas
            .iter()
            .filter(|area| fit.explained.iter().any(|r| area.contains(&r.region)))
            .count();
        if !areas.is_empty() && reached < 2 {
            continue;
        }
        if raised.iter().any(|r| &r.flag.id == id) {
            continue;
        }
        if let Some(flag) = atlas.red_flags().iter().find(|f| &f.id == id) {
            raised.push(Raised {
                flag,
                because: Vec::new(),
            });
        }
    }
}
