//! A layer on a text picture: which entry each cell of a raster shows (the last entry in
//! file order whose placed shape holds the cell's centre, inside the body), where each
//! entry's label goes, and the whole-layer picture `show --layer` prints.
//!
//! Entries alternate between two fills (by their order in the layer), so neighbouring
//! bands read apart without colour; each is labelled with its short name where it has
//! room. The outline and interior lines stay over the fills.

use crate::atlas::Side;
use crate::body::diagram::{Canvas, Diagram};
use crate::body::frame::{Frame, PanelSpec};
use crate::body::glyphs::{Cell, Glyphs, Style};
use crate::body::model::{BodyModel, ViewId};
use crate::body::overlay::Overlay;
use crate::body::raster::{Ground, Raster};
use crate::color::Palette;

use super::{Entry, Kind, Layers, placed, sides_in};

/// One cell's entry: its index in [`Layers::entries`] and the side it is placed on.
pub type Owner = Option<(usize, Side)>;

/// The entry of `kind` each cell of the raster shows (row by row), `None` outside the
/// body or where no entry of the layer reaches.
pub fn owners(layers: &Layers, kind: Kind, raster: &Raster<'_>) -> Vec<Owner> {
    let model = raster.model();
    let vp = raster.viewport();
    let view = model.view(vp.view);
    let w = usize::from(raster.width()).max(1);
    // Placed shapes, later entries first (they are painted over earlier ones).
    let mut shapes = Vec::new();
    for (k, e) in layers.entries.iter().enumerate().rev() {
        if e.kind != kind {
            continue;
        }
        for &side in sides_in(view, vp.side) {
            for poly in placed(e, view, side) {
                shapes.push((k, side, poly));
            }
        }
    }
    raster
        .cells()
        .iter()
        .enumerate()
        .map(|(i, c)| {
            c.region?;
            let p = raster.point_of((i % w) as u16, (i / w) as u16);
            shapes
                .iter()
                .find(|(_, _, poly)| poly.bbox().contains(p) && poly.contains(p))
                .map(|(k, s, _)| (*k, *s))
        })
        .collect()
}

/// Where each entry's label goes in a raster: `(col, row, entry index)` for the first
/// cell of the label, one per entry and side seen, where the label fits in the body on
/// one row without touching another label.
pub fn labels(layers: &Layers, raster: &Raster<'_>, owners: &[Owner]) -> Vec<(u16, u16, usize)> {
    let w = usize::from(raster.width()).max(1);
    let cells = raster.cells();
    let mut taken = vec![false; cells.len()];
    let mut out = Vec::new();
    let mut instances: Vec<(usize, Side)> = owners.iter().flatten().copied().collect();
    instances.sort_unstable_by_key(|&(k, s)| (k, s == Side::Right));
    instances.dedup();
    for (k, side) in instances {
        let Some(entry) = layers.entries.get(k) else {
            continue;
        };
        let len = entry.short.chars().count();
        let mine: Vec<usize> = (0..owners.len())
            .filter(|&i| owners[i] == Some((k, side)))
            .collect();
        if mine.is_empty() || len == 0 || len > w {
            continue;
        }
        let n = mine.len() as f32;
        let cx = mine.iter().map(|&i| (i % w) as f32).sum::<f32>() / n;
        let cy = mine.iter().map(|&i| (i / w) as f32).sum::<f32>() / n;
        let mut order = mine.clone();
        order.sort_by(|&a, &b| {
            let d = |i: usize| ((i % w) as f32 - cx).hypot(((i / w) as f32 - cy) * 2.0);
            d(a).total_cmp(&d(b))
        });
        let fits = |start: usize| {
            let row = start / w;
            (0..len).all(|j| {
                let i = start + j;
                i / w == row && cells[i].region.is_some() && !taken[i]
            })
        };
        let found = order.into_iter().find_map(|i| {
            let col = (i % w).saturating_sub(len / 2).min(w - len);
            let start = (i / w) * w + col;
            fits(start).then_some(start)
        });
        if let Some(start) = found {
            for flag in &mut taken[start..start + len] {
                *flag = true;
            }
            out.push(((start % w) as u16, (start / w) as u16, k));
        }
    }
    out
}

/// The fill of an entry: its style and character, by its place in the layer (the two
/// alternate so neighbours read apart).
fn fill(nth: usize, glyphs: Glyphs, mono: bool) -> (Style, char) {
    let even = nth.is_multiple_of(2);
    let style = if even {
        Style::Essential2
    } else {
        Style::Spillover2
    };
    let ch = match glyphs {
        Glyphs::Ascii => {
            if even {
                '.'
            } else {
                ':'
            }
        }
        g if g.samples().is_some() && !mono => ' ',
        _ => {
            if even {
                '░'
            } else {
                '▒'
            }
        }
    };
    (style, ch)
}

/// An entry's place among the entries of its kind.
fn nth_of_kind(layers: &Layers, k: usize) -> usize {
    let Some(kind) = layers.entries.get(k).map(|e| e.kind) else {
        return 0;
    };
    layers.entries[..k]
        .iter()
        .filter(|e| e.kind == kind)
        .count()
}

/// Paints a layer over the panels of a drawn diagram: each entry's cells filled (the
/// outline and lines kept), then its labels.
pub fn paint(
    canvas: &mut Canvas,
    diagram: &Diagram<'_>,
    layers: &Layers,
    kind: Kind,
    glyphs: Glyphs,
    mono: bool,
) {
    for p in diagram.panels() {
        let owners = owners(layers, kind, &p.raster);
        let w = usize::from(p.raster.width()).max(1);
        for (i, owner) in owners.iter().enumerate() {
            let Some((k, _)) = owner else { continue };
            let (col, row) = ((i % w) as u16, (i / w) as u16);
            let ground = p
                .raster
                .cell(col, row)
                .map_or(Ground::Background, |c| c.ground);
            if ground != Ground::Body {
                continue;
            }
            let (style, ch) = fill(nth_of_kind(layers, *k), glyphs, mono);
            canvas.put_on(p.col + col, p.row + row, Cell::text(ch, style), style);
        }
        for (col, row, k) in labels(layers, &p.raster, &owners) {
            let (style, _) = fill(nth_of_kind(layers, k), glyphs, mono);
            for (j, ch) in layers.entries[k].short.chars().enumerate() {
                canvas.put_on(
                    p.col + col + j as u16,
                    p.row + row,
                    Cell::text(ch, Style::Label),
                    style,
                );
            }
        }
    }
}

/// The frame a layer is drawn in: the whole body, front and back, and beside it the
/// close-ups where the layer has shapes (the right hand's palm and back, the foot's top
/// and sole).
pub fn frame(layers: &Layers, kind: Kind) -> Frame {
    let mut f = Frame::whole_body();
    for view in [
        ViewId::HandPalm,
        ViewId::HandBack,
        ViewId::FootTop,
        ViewId::FootSole,
    ] {
        if layers.of(kind).any(|e| super::drawn_in(e, view)) {
            f.panels.push(PanelSpec {
                optional: true,
                scale: 0.5,
                ..PanelSpec::new(view, Side::Right)
            });
        }
    }
    f
}

/// The entries of a layer as legend lines (`C6`, `Med Median nerve`), then the
/// source(s), wrapped to `width` characters; `ascii`: printable ASCII only.
pub fn legend(layers: &Layers, kind: Kind, width: u16, ascii: bool) -> Vec<String> {
    let sep = if ascii { " | " } else { " · " };
    let width = usize::from(width).max(8);
    let mut out = vec![format!("{}, approximate:", title(kind))];
    let items: Vec<String> = layers
        .of(kind)
        .map(|e| {
            let item = if e.short == e.id {
                e.id.clone()
            } else {
                format!("{} {}", e.short, e.name)
            };
            crate::escape::line(&item)
        })
        .collect();
    out.extend(crate::columns::wrap(
        items.iter().map(String::as_str),
        sep,
        width,
        0,
    ));
    let mut sources: Vec<&str> = layers.of(kind).map(|e| e.source.as_str()).collect();
    sources.sort_unstable();
    sources.dedup();
    for s in sources {
        let line = crate::escape::line(&format!("Source: {s}"));
        out.extend(crate::columns::wrap(line.split(' '), " ", width, 2));
    }
    out
}

/// The layer's heading.
pub fn title(kind: Kind) -> &'static str {
    match kind {
        Kind::Dermatome => "Dermatomes C2 to S2",
        Kind::Nerve => "Cutaneous fields of the peripheral nerves",
        Kind::Organ => "Visceral referral zones",
    }
}

/// The whole layer as text lines `width` columns wide (`show --layer`): the body with
/// the layer painted over it, then the legend; ANSI colour in `color`'s palette when set.
pub fn text_lines(
    model: &BodyModel,
    layers: &Layers,
    kind: Kind,
    width: u16,
    glyphs: Glyphs,
    color: Option<Palette>,
) -> Vec<String> {
    let height = crate::body::diagram::suggested_height(width)
        .saturating_mul(2)
        .min(60);
    let d = Diagram::layout(model, &frame(layers, kind), width, height, 0);
    let mono = color.is_none();
    let mut canvas = d.draw(&Overlay::default(), glyphs, mono);
    paint(&mut canvas, &d, layers, kind, glyphs, mono);
    let mut lines = match color {
        Some(palette) => canvas.ansi_lines(palette),
        None => canvas.lines(),
    };
    lines.push(String::new());
    lines.extend(legend(layers, kind, width, glyphs == Glyphs::Ascii));
    lines
}

/// The entries of a kind, for listing.
pub fn entries(layers: &Layers, kind: Kind) -> Vec<&Entry> {
    layers.of(kind).collect()
}
