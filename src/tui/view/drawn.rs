//! The pain drawing over the map: each cell's sub-samples (the glyph tier's 2x4, 2x3,
//! 2x2 or 1x2) looked up in the drawing's grid, the shaded ones drawn as a block glyph
//! in the drawing's colour, so the drawing shows at the picture's full resolution; in
//! ASCII a cell whose centre is shaded shows `%`.

#![allow(
    clippy::many_single_char_names,
    reason = "plane geometry: p, q, u, v, w, h"
)]

use crate::body::glyphs::Glyphs;
use crate::body::mosaic::block_char;
use crate::body::raster::{Ground, Raster};
use crate::drawing::{Drawing, Grid, NONE, SheetId};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

/// Paints the drawing of the raster's view over `body` (where the raster was drawn).
pub fn paint(buf: &mut Buffer, body: Rect, raster: &Raster<'_>, drawing: &Drawing, theme: &Theme) {
    let model = crate::body::shipped();
    let vp = raster.viewport();
    let id = SheetId::new(model, vp.view, vp.side);
    let Some(sheet) = drawing.sheet(id) else {
        return;
    };
    let grid = Grid::new(model, id);
    let (sx, sy) = theme.glyphs.samples().unwrap_or((1, 1));
    let style = if theme.color {
        Style::default().fg(Color::Magenta)
    } else {
        Style::default().add_modifier(Modifier::BOLD)
    };
    for row in 0..raster.height() {
        for col in 0..raster.width() {
            let Some(cell) = raster.cell(col, row) else {
                continue;
            };
            if matches!(cell.ground, Ground::Background | Ground::Outline(_)) {
                continue;
            }
            let p = raster.point_of(col, row);
            let q = raster.point_of(col.saturating_add(1), row.saturating_add(1));
            let (dx, dy) = (q.x - p.x, q.y - p.y);
            let mut bits = 0u8;
            let mut k = 0;
            for j in 0..sy {
                for i in 0..sx {
                    let x = p.x + ((i as f32 + 0.5) / sx as f32 - 0.5) * dx;
                    let y = p.y + ((j as f32 + 0.5) / sy as f32 - 0.5) * dy;
                    let (u, v) = grid.sample_of(crate::body::geom::Pt::new(x, y));
                    if u >= 0.0 && v >= 0.0 && sheet.at(u as usize, v as usize) != NONE {
                        bits |= 1 << k;
                    }
                    k += 1;
                }
            }
            if bits == 0 {
                continue;
            }
            let ch = if theme.glyphs.samples().is_some() && theme.glyphs != Glyphs::Ascii {
                block_char(theme.glyphs, bits)
            } else {
                '%'
            };
            if let Some(c) = buf.cell_mut((body.x + col, body.y + row)) {
                c.set_char(ch);
                c.set_style(style);
            }
        }
    }
}
