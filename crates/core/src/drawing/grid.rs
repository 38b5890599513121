//! The grid a drawing is kept in: for each view (and side, for a one-sided close-up) a
//! fixed grid of square samples over the view's own frame, so a drawing is the same
//! whatever the terminal's size or the picture's tier. The grid is the label raster
//! ([`Labels`]) of a fixed viewport of the view, one sample across and two down per cell
//! (cells are twice as tall as wide), so a pattern's zones are read on it through the
//! same function every picture uses.

use crate::atlas::{RegionInstance, Side};
use crate::body::geom::Pt;
use crate::body::mosaic::{Labels, SampleGround};
use crate::body::overlay::Overlay;
use crate::body::raster::{Raster, Viewport, cols_per_row, shown_box};
use crate::body::{BodyModel, ViewId};

/// Rows of cells the grid's viewport has (two samples each): 128 samples from head to
/// foot in the whole-body views, finer than any terminal shows them.
pub const ROWS: u16 = 64;

/// The sheet a view is drawn on: bilateral views (front, back) have one sheet for both
/// sides, filed under the patient's side on the viewer's left; a close-up has one per side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SheetId {
    /// The view.
    pub view: ViewId,
    /// The side shown (the canonical side for a bilateral view).
    pub side: Side,
}

impl SheetId {
    /// The sheet of a view on a side, the side made canonical for a bilateral view.
    pub fn new(model: &BodyModel, view: ViewId, side: Side) -> SheetId {
        let side = model.view(view).viewer_left().unwrap_or(side);
        SheetId { view, side }
    }

    /// Whether the sheet shows the whole body (its extent counts in the total).
    pub fn whole_body(self) -> bool {
        self.view.area() == crate::body::Area::WholeBody
    }
}

/// A sheet's grid: its size and what each sample shows.
pub struct Grid<'m> {
    raster: Raster<'m>,
    labels: Labels,
}

impl<'m> Grid<'m> {
    /// The grid of a sheet, with no overlay.
    pub fn new(model: &'m BodyModel, sheet: SheetId) -> Grid<'m> {
        let raster = Raster::new(model, viewport(model, sheet));
        let labels = Labels::new(&raster, &Overlay::default(), 1, 2);
        Grid { raster, labels }
    }

    /// Samples across and down.
    pub fn size(&self) -> (usize, usize) {
        self.labels.size()
    }

    /// Whether a sample lies on the body (inside the silhouette or on its outline).
    pub fn on_body(&self, i: usize, j: usize) -> bool {
        self.labels
            .sample(i, j)
            .is_some_and(|s| s.ground != SampleGround::Background)
    }

    /// The region instance a sample shows, if any.
    pub fn region(&self, i: usize, j: usize) -> Option<RegionInstance> {
        let (r, side) = self.labels.sample(i, j)?.region?;
        Some(RegionInstance::new(self.raster.model().region_id(r), side))
    }

    /// The region index and side of the `k`-th sample (row-major).
    pub fn region_index(&self, k: usize) -> Option<(crate::body::model::RegionIdx, Option<Side>)> {
        let (w, _) = self.size();
        self.labels.sample(k % w.max(1), k / w.max(1))?.region
    }

    /// The sample (fractional, in sample units) at a point of the view.
    pub fn sample_of(&self, p: Pt) -> (f32, f32) {
        let (u, v) = self.raster.grid_point(p);
        (u, v * 2.0)
    }

    /// The point of the view at the centre of a sample.
    pub fn point_of(&self, i: usize, j: usize) -> Pt {
        self.raster
            .view_point(i as f32 + 0.5, f32::midpoint(j as f32, 0.5))
    }

    /// The zones of a pattern on this grid, one mark byte per sample (the overlay's
    /// essential and spillover bits), read from the same label raster every picture
    /// draws: when zones get shapes of their own, the drawing reads those shapes.
    pub fn zone_marks(&self, overlay: &Overlay) -> Vec<u8> {
        let labels = Labels::new(&self.raster, overlay, 1, 2);
        let (w, h) = labels.size();
        let mut out = Vec::with_capacity(w * h);
        for j in 0..h {
            for i in 0..w {
                out.push(labels.sample(i, j).map_or(0, |s| s.marks));
            }
        }
        out
    }
}

/// The fixed viewport of a sheet: the whole view, [`ROWS`] rows, as many columns as keep
/// its proportions.
fn viewport(model: &BodyModel, sheet: SheetId) -> Viewport {
    let per_row = cols_per_row(shown_box(model, sheet.view, None));
    let cols = (per_row * f32::from(ROWS)).ceil().clamp(1.0, 400.0) as u16 + 1;
    Viewport::new(sheet.view, sheet.side, cols, ROWS)
}

/// The size in samples of a sheet's grid, without rasterising it.
pub fn size_of(model: &BodyModel, sheet: SheetId) -> (usize, usize) {
    let vp = viewport(model, sheet);
    (usize::from(vp.width), usize::from(vp.height) * 2)
}
