//! Figures: the panels of a [`Frame`] placed in a plane of pixels (or SVG units), each
//! view fitted into its box with its proportions kept. The vector tiers (SVG, images)
//! draw from a figure; a figure can follow a text [`Diagram`]'s layout so an image lines
//! up with the text titles printed above it.

use super::diagram::Diagram;
use super::frame::Frame;
use super::geom::{Pt, Rect};
use super::model::{BodyModel, ViewId};
use super::raster::{CELL_ASPECT, shown_box};
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
    /// Figure units per view unit.
    pub scale: f32,
    /// The view's origin offset: figure point = `offset + scale * view point`.
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
            offset,
        }
    }

    /// A view point in figure coordinates.
    pub fn place(&self, p: Pt) -> Pt {
        Pt::new(
            self.offset.x + p.x * self.scale,
            self.offset.y + p.y * self.scale,
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
    pub fn of_diagram(
        model: &BodyModel,
        diagram: &Diagram<'_>,
        cell_w: f32,
        cell_h: f32,
    ) -> Figure {
        let top = diagram.panels().iter().map(|p| p.row).min().unwrap_or(0);
        let rows = diagram
            .panels()
            .iter()
            .map(|p| p.row + p.raster.height() - top)
            .max()
            .unwrap_or(0);
        let panels = diagram
            .panels()
            .iter()
            .map(|p| {
                let vp = p.raster.viewport();
                // The text panel's box, with the cell aspect the raster assumed.
                let x0 = f32::from(p.col) * cell_w;
                let y0 = f32::from(p.row - top) * cell_h;
                let dest = Rect {
                    x0,
                    y0,
                    x1: x0 + f32::from(p.raster.width()) * cell_w,
                    y1: y0 + f32::from(p.raster.height()) * cell_h,
                };
                FigurePanel::new(model, vp.view, vp.side, vp.crop, dest)
            })
            .collect();
        Figure {
            width: f32::from(diagram.width()) * cell_w,
            height: f32::from(rows) * cell_h,
            panels,
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
        let m = BodyModel::shipped();
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
}
