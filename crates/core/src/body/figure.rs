//! Figures: the panels of a [`Frame`] placed in a plane of pixels (or SVG units), each
//! view fitted into its box with its proportions kept. The vector tiers (SVG, images)
//! draw from a figure; a figure can follow a text [`Diagram`]'s layout so an image lines
//! up with the text titles printed above it.

use super::diagram::Diagram;
use super::frame::Frame;
use super::geom::{Pt, Rect};
use super::model::{BodyModel, ViewId};
use super::raster::{CELL_ASPECT, Raster, shown_box};
use crate::atlas::Side;

/// One view placed in a figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FigurePanel {
    /// The view.
    pub view: ViewId,
    /// The side shown by a one-sided view.
    pub side: Side,
    /// The part of the view shown, in view coordinates.
    pub shown: Rect,
    /// Where it goes in the figure.
    pub dest: Rect,
    /// Figure units per view unit, across.
    pub scale: f32,
    /// Figure units per view unit, down: `scale` for a figure of its own, a little more or
    /// less for one laid over text cells whose aspect differs from the one the text
    /// raster assumed (so the picture's every point sits in the cell the text hit grid
    /// gives it).
    pub scale_y: f32,
    /// The view's origin offset: figure point = `offset + (scale, scale_y) * view point`.
    pub offset: Pt,
}

impl FigurePanel {
    fn new(model: &BodyModel, view: ViewId, side: Side, crop: Option<Rect>, dest: Rect) -> Self {
        let shown = shown_box(model, view, crop);
        let scale = (dest.width() / shown.width().max(f32::MIN_POSITIVE))
            .min(dest.height() / shown.height().max(f32::MIN_POSITIVE))
            .max(f32::MIN_POSITIVE);
        let (w, h) = (shown.width() * scale, shown.height() * scale);
        let offset = Pt::new(
            dest.x0 + (dest.width() - w) / 2.0 - shown.x0 * scale,
            dest.y0 + (dest.height() - h) / 2.0 - shown.y0 * scale,
        );
        FigurePanel {
            view,
            side,
            shown,
            dest,
            scale,
            scale_y: scale,
            offset,
        }
    }

    /// A raster's view placed over its cells, `cell_w` by `cell_h` pixels each, the
    /// raster's top left cell at cell `(col, row)` of the figure: every view point lands in
    /// the cell the raster gives it.
    fn over_cells(raster: &Raster<'_>, (col, row): (u16, u16), cell_w: f32, cell_h: f32) -> Self {
        let vp = raster.viewport();
        // The raster's map is affine: two points give its scale and offset.
        let (u0, v0) = raster.grid_point(Pt::new(0.0, 0.0));
        let (u1, v1) = raster.grid_point(Pt::new(1.0, 1.0));
        let (x0, y0) = (f32::from(col) * cell_w, f32::from(row) * cell_h);
        FigurePanel {
            view: vp.view,
            side: vp.side,
            shown: shown_box(raster.model(), vp.view, vp.crop),
            dest: Rect {
                x0,
                y0,
                x1: x0 + f32::from(raster.width()) * cell_w,
                y1: y0 + f32::from(raster.height()) * cell_h,
            },
            scale: (u1 - u0) * cell_w,
            scale_y: (v1 - v0) * cell_h,
            offset: Pt::new(x0 + u0 * cell_w, y0 + v0 * cell_h),
        }
    }

    /// A view point in figure coordinates.
    pub fn place(&self, p: Pt) -> Pt {
        Pt::new(
            self.offset.x + p.x * self.scale,
            self.offset.y + p.y * self.scale_y,
        )
    }
}

/// Panels placed in a `width` by `height` plane.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Width of the plane.
    pub width: f32,
    /// Height of the plane.
    pub height: f32,
    /// The panels, left to right.
    pub panels: Vec<FigurePanel>,
}

/// Space between panels, as a share of the figure's height.
const GAP: f32 = 0.04;

impl Figure {
    /// The panels of a frame side by side, `height` units tall (a close-up beside the
    /// body at its smaller scale, its top aligned with the body's).
    pub fn of_frame(model: &BodyModel, frame: &Frame, height: f32) -> Figure {
        let gap = GAP * height;
        let mut x = gap;
        let mut panels = Vec::new();
        for spec in &frame.panels {
            let b = shown_box(model, spec.view, spec.crop);
            let h = height * spec.scale.clamp(0.1, 1.0);
            let w = b.width() / b.height().max(f32::MIN_POSITIVE) * h;
            let dest = Rect {
                x0: x,
                y0: 0.0,
                x1: x + w,
                y1: h,
            };
            panels.push(FigurePanel::new(
                model, spec.view, spec.side, spec.crop, dest,
            ));
            x += w + gap;
        }
        Figure {
            width: x,
            height,
            panels,
        }
    }

    /// The panels where a text diagram put them, in pixels of `cell_w` by `cell_h` a cell
    /// (its picture rows only: the title row above and the legend below stay text).
    pub fn of_diagram(diagram: &Diagram<'_>, cell_w: f32, cell_h: f32) -> Figure {
        let top = diagram.panels().iter().map(|p| p.row).min().unwrap_or(0);
        let rows = diagram
            .panels()
            .iter()
            .map(|p| p.row + p.raster.height() - top)
            .max()
            .unwrap_or(0);
        let rasters: Vec<_> = diagram
            .panels()
            .iter()
            .map(|p| ((p.col, p.row - top), &p.raster))
            .collect();
        Figure::over_cells(&rasters, (diagram.width(), rows), cell_w, cell_h)
    }

    /// Rasters laid out on a grid of `cols` by `rows` cells (each at its top left cell),
    /// as a figure of `cell_w` by `cell_h` pixels a cell that lines up with them cell for
    /// cell: a picture drawn from it can stand in for the text and keep the text's hit
    /// grid.
    pub fn over_cells(
        rasters: &[((u16, u16), &Raster<'_>)],
        (cols, rows): (u16, u16),
        cell_w: f32,
        cell_h: f32,
    ) -> Figure {
        Figure {
            width: f32::from(cols) * cell_w,
            height: f32::from(rows) * cell_h,
            panels: rasters
                .iter()
                .map(|&(at, r)| FigurePanel::over_cells(r, at, cell_w, cell_h))
                .collect(),
        }
    }
}

/// The cell aspect the text tiers assume, for callers that pick a pixel cell size.
pub const TEXT_CELL_ASPECT: f32 = CELL_ASPECT;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panels_keep_their_proportions_and_do_not_overlap() {
        let m = crate::body::shipped();
        let f = Figure::of_frame(
            m,
            &Frame::whole_body_with(Some(ViewId::HandPalm), Side::Right),
            400.0,
        );
        assert_eq!(f.panels.len(), 3);
        for w in f.panels.windows(2) {
            assert!(w[0].dest.x1 < w[1].dest.x0);
        }
        for p in &f.panels {
            let a = p.place(Pt::new(p.shown.x0, p.shown.y0));
            let b = p.place(Pt::new(p.shown.x1, p.shown.y1));
            assert!(a.x >= p.dest.x0 - 0.01 && b.x <= p.dest.x1 + 0.01);
            assert!(a.y >= p.dest.y0 - 0.01 && b.y <= p.dest.y1 + 0.01);
        }
        assert!(f.width > 0.0 && (f.height - 400.0).abs() < 1e-3);
    }

    #[test]
    fn a_figure_over_cells_puts_every_point_in_the_rasters_cell() {
        use crate::body::raster::Viewport;
        let model = crate::body::shipped();
        // A cell aspect (9 by 21) other than the one the raster assumes (1 by 2).
        let (cw, ch) = (9.0, 21.0);
        for (view, w, h) in [(ViewId::Front, 30, 40), (ViewId::HandPalm, 50, 20)] {
            let raster = Raster::new(model, Viewport::new(view, Side::Right, w, h));
            let figure = Figure::over_cells(&[((3, 2), &raster)], (w + 3, h + 2), cw, ch);
            let panel = figure.panels[0];
            let shown = shown_box(model, view, None);
            for (fx, fy) in [(0.0, 0.0), (0.5, 0.5), (0.71, 0.9), (1.0, 1.0)] {
                let point = Pt::new(
                    shown.x0 + fx * shown.width(),
                    shown.y0 + fy * shown.height(),
                );
                let q = panel.place(point);
                let (u, v) = raster.grid_point(point);
                let (ex, ey) = ((u + 3.0) * cw, (v + 2.0) * ch);
                assert!(
                    (q.x - ex).abs() < 1e-2 && (q.y - ey).abs() < 1e-2,
                    "{view:?} {fx} {fy}: {q:?} vs ({ex}, {ey})"
                );
            }
        }
    }
}
