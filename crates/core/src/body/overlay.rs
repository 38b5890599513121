//! What is drawn over the body: referral zones, selected regions, trigger points and a
//! cursor, and the painting of a [`Raster`] with them into [`Cell`]s.
//!
//! Regions are [`RegionInstance`]s: a region on a side, or with no side (a midline region,
//! or a selection that matches either side). Zones never erase the outline or an interior
//! line; a zone that would then draw no cell of its own (too small for a cell at this
//! size, or only under the outline and the X) claims the plain body cell nearest to it
//! ([`zone_claims`], one rule for every text tier), so a pattern on a tooth, a finger, a
//! toe or a rib space is always visibly there.
//!
//! An overlay may carry a [`Zones`] of a second pattern (a comparison, see
//! [`crate::compare`]): its zones get marks of their own, regions both patterns reach
//! get the overlap's, and each X is labelled with its pattern's number (`X1`, `X2`).

use super::geom::{Polygon, Pt, Rect};
use super::glyphs::{Cell, GlyphSet, Style};
use super::model::{BodyModel, RegionIdx, ViewId};
use super::raster::{CELL_ASPECT, Ground, Raster};
use super::zones::ZoneKind;
use crate::atlas::{Reach, RegionInstance, Side};

/// A trigger point to mark with an X.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TriggerMark {
    /// The trigger-point id (its position is looked up in the body model's point table).
    pub id: String,
    /// The region it lies in, on its side: the X is drawn only in views that show it
    /// there (see [`BodyModel::trigger_point_at`]).
    pub location: RegionInstance,
}

/// A second pattern's zones and trigger points, drawn with the first for a comparison.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Zones {
    /// Its essential referral zones.
    pub essential: Vec<RegionInstance>,
    /// Its spillover referral zones.
    pub spillover: Vec<RegionInstance>,
    /// Its trigger points.
    pub trigger_points: Vec<TriggerMark>,
}

/// Everything drawn over the body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overlay {
    /// Essential referral zones.
    pub essential: Vec<RegionInstance>,
    /// Spillover referral zones.
    pub spillover: Vec<RegionInstance>,
    /// Regions the user selected.
    pub selected: Vec<RegionInstance>,
    /// Trigger points to mark.
    pub trigger_points: Vec<TriggerMark>,
    /// The keyboard cursor, in the coordinates of the grid being painted.
    pub cursor: Option<(u16, u16)>,
    /// A second pattern drawn with this one (a comparison): `None` for one pattern.
    pub second: Option<Zones>,
}

impl Overlay {
    /// The overlay of an atlas trigger point on `side`, its sides by the atlas's
    /// laterality rule ([`crate::atlas::Atlas::reach`]).
    pub fn of_point(
        atlas: &crate::atlas::Atlas,
        tp: &crate::atlas::TriggerPoint,
        side: Side,
    ) -> Overlay {
        let inst = |r: &String| RegionInstance::new(r.clone(), atlas.reach(tp, r, side).side());
        Overlay {
            essential: tp.essential.iter().map(inst).collect(),
            spillover: tp.spillover.iter().map(inst).collect(),
            selected: Vec::new(),
            trigger_points: vec![TriggerMark {
                id: tp.id.clone(),
                // The X is on the point's own side, whatever its pattern crosses.
                location: RegionInstance::new(
                    tp.location.clone(),
                    atlas
                        .region(&tp.location)
                        .is_none_or(|r| !r.midline)
                        .then_some(side),
                ),
            }],
            cursor: None,
            second: None,
        }
    }

    /// The overlay of a trigger point given by its fields (for examples and tests: the
    /// body model's midline list stands in for the atlas's), by the same rule.
    #[allow(clippy::too_many_arguments, reason = "the fields of a trigger point")]
    pub fn for_trigger_point(
        model: &BodyModel,
        id: &str,
        location: &str,
        essential: &[String],
        spillover: &[String],
        crosses: &[String],
        side: Side,
    ) -> Overlay {
        let reach = |r: &str| Reach::of(model.is_midline(r), crosses.iter().any(|c| c == r), side);
        let inst = |r: &String| RegionInstance::new(r.clone(), reach(r).side());
        let loc_side = Reach::of(model.is_midline(location), false, side).side();
        Overlay {
            essential: essential.iter().map(inst).collect(),
            spillover: spillover.iter().map(inst).collect(),
            selected: Vec::new(),
            trigger_points: vec![TriggerMark {
                id: id.to_owned(),
                location: RegionInstance::new(location, loc_side),
            }],
            cursor: None,
            second: None,
        }
    }

    /// Every region instance the overlay marks (zones, selection and trigger-point
    /// locations, of both patterns), for framing.
    pub fn regions(&self) -> impl Iterator<Item = &RegionInstance> {
        self.zones()
            .chain(&self.selected)
            .chain(self.marks().map(|(t, _)| &t.location))
    }

    /// The referral zones of both patterns, essential then spillover.
    pub fn zones(&self) -> impl Iterator<Item = &RegionInstance> {
        let second = self.second.iter();
        self.essential
            .iter()
            .chain(&self.spillover)
            .chain(second.flat_map(|z| z.essential.iter().chain(&z.spillover)))
    }

    /// Every trigger point to mark, with the label drawn beside its X: 0 (none) for a
    /// single pattern, else its pattern's number, 1 or 2.
    pub fn marks(&self) -> impl Iterator<Item = (&TriggerMark, u8)> {
        let first = u8::from(self.second.is_some());
        let second = self.second.iter().flat_map(|z| &z.trigger_points);
        self.trigger_points
            .iter()
            .map(move |t| (t, first))
            .chain(second.map(|t| (t, 2)))
    }

    /// Whether anything is marked (zones, selection or trigger points).
    pub fn is_empty(&self) -> bool {
        self.essential.is_empty()
            && self.spillover.is_empty()
            && self.selected.is_empty()
            && self.trigger_points.is_empty()
            && self.second.as_ref().is_none_or(|z| {
                z.essential.is_empty() && z.spillover.is_empty() && z.trigger_points.is_empty()
            })
    }

    /// The first pattern alone (zones, selection, X; no second pattern).
    #[must_use]
    pub fn first_pattern(&self) -> Overlay {
        Overlay {
            second: None,
            ..self.clone()
        }
    }

    /// The second pattern as an overlay of its own, if there is one.
    pub fn second_pattern(&self) -> Option<Overlay> {
        self.second.as_ref().map(|z| Overlay {
            essential: z.essential.clone(),
            spillover: z.spillover.clone(),
            trigger_points: z.trigger_points.clone(),
            ..Overlay::default()
        })
    }
}

pub(crate) const ESSENTIAL: u8 = 1;
pub(crate) const SPILLOVER: u8 = 2;
pub(crate) const SELECTED: u8 = 4;
/// The second pattern's essential zone (a comparison).
pub(crate) const ESSENTIAL2: u8 = 8;
/// The second pattern's spillover zone.
pub(crate) const SPILLOVER2: u8 = 16;
/// Either zone of the first pattern.
pub(crate) const FIRST: u8 = ESSENTIAL | SPILLOVER;
/// Either zone of the second pattern.
pub(crate) const SECOND: u8 = ESSENTIAL2 | SPILLOVER2;

/// The zone style of a region's marks: the first pattern's essential or spillover, the
/// second's, or the overlap where both reach; `None` when no zone covers it.
pub(crate) fn zone_style(flags: u8) -> Option<Style> {
    match (flags & FIRST != 0, flags & SECOND != 0) {
        (true, true) => Some(Style::Overlap),
        (true, false) if flags & ESSENTIAL != 0 => Some(Style::Essential),
        (true, false) => Some(Style::Spillover),
        (false, true) if flags & ESSENTIAL2 != 0 => Some(Style::Essential2),
        (false, true) => Some(Style::Spillover2),
        (false, false) => None,
    }
}

/// Where an X's pattern number goes in a row of `width` cells: the cell after it, else
/// the one before; never over another X (`is_x` says which cells hold one).
pub(crate) fn label_cell(
    col: u16,
    row: u16,
    width: u16,
    is_x: impl Fn(usize) -> bool,
) -> Option<usize> {
    let start = usize::from(row) * usize::from(width);
    [
        col.checked_add(1).filter(|&c| c < width),
        col.checked_sub(1),
    ]
    .into_iter()
    .flatten()
    .map(|c| start + usize::from(c))
    .find(|&i| !is_x(i))
}

/// The character of a pattern number (1 or 2).
pub(crate) fn label_char(label: u8) -> char {
    char::from(b'0' + label.min(9))
}

fn side_slot(side: Option<Side>) -> usize {
    match side {
        None => 0,
        Some(Side::Left) => 1,
        Some(Side::Right) => 2,
    }
}

/// A region instance's index in per-instance tables (three per region: no side, left,
/// right).
pub(crate) fn slot(region: RegionIdx, side: Option<Side>) -> usize {
    usize::from(region) * 3 + side_slot(side)
}

/// Marks per (region, cell side): which overlay lists cover a cell of that region.
pub(crate) struct MarkTable {
    flags: Vec<u8>,
}

impl MarkTable {
    pub(crate) fn new(model: &BodyModel, overlay: &Overlay) -> MarkTable {
        let mut flags = vec![0u8; model.regions().len() * 3];
        let mut set = |list: &[RegionInstance], bit: u8| {
            for inst in list {
                let Some(r) = model.region_index(&inst.region) else {
                    continue;
                };
                let base = usize::from(r) * 3;
                match inst.side {
                    None => flags[base..base + 3].iter_mut().for_each(|f| *f |= bit),
                    Some(s) => {
                        flags[base] |= bit;
                        flags[base + side_slot(Some(s))] |= bit;
                    }
                }
            }
        };
        set(&overlay.essential, ESSENTIAL);
        set(&overlay.spillover, SPILLOVER);
        set(&overlay.selected, SELECTED);
        if let Some(z) = &overlay.second {
            set(&z.essential, ESSENTIAL2);
            set(&z.spillover, SPILLOVER2);
        }
        MarkTable { flags }
    }

    /// The table without some marks (the zones a view draws as shapes instead).
    #[must_use]
    pub(crate) fn without(mut self, bits: u8) -> MarkTable {
        for f in &mut self.flags {
            *f &= !bits;
        }
        self
    }

    pub(crate) fn get(&self, region: RegionIdx, side: Option<Side>) -> u8 {
        self.flags
            .get(usize::from(region) * 3 + side_slot(side))
            .copied()
            .unwrap_or(0)
    }
}

/// The zones of an overlay's patterns that one drawing shows as shapes of their own
/// (`data/zones.ron`), placed for their trigger point's side. A pattern is drawn as
/// shapes on a view when every one of its trigger points has shapes there; its listed
/// regions then mark nothing on that view ([`ZoneShapes::replaced`]). Elsewhere (a
/// pattern not drawn yet, a view it has no shapes on) its regions are filled as before.
/// Every tier samples these same polygons; a zone too thin for any cell at the size
/// drawn claims the body cell nearest to it ([`ZoneShapes::claims`]).
#[derive(Debug, Clone)]
pub struct ZoneShapes {
    zones: Vec<ShapedZone>,
    bbox: Rect,
    replaced: u8,
}

/// One zone shape as placed: its mark, its polygons, their box and a point inside.
#[derive(Debug, Clone)]
struct ShapedZone {
    bit: u8,
    polys: Vec<Polygon>,
    bbox: Rect,
    inside: Pt,
}

impl ShapedZone {
    fn contains(&self, p: Pt) -> bool {
        self.bbox.contains(p) && self.polys.iter().any(|q| q.contains(p))
    }
}

impl ZoneShapes {
    /// The shapes of an overlay's patterns in `view` as drawn for `side`.
    pub fn new(model: &BodyModel, overlay: &Overlay, view: ViewId, side: Side) -> ZoneShapes {
        let mut out = ZoneShapes {
            zones: Vec::new(),
            bbox: Rect::EMPTY,
            replaced: 0,
        };
        let second = overlay.second.as_ref().map(|z| z.trigger_points.as_slice());
        for (marks, essential, spillover) in [
            (
                Some(overlay.trigger_points.as_slice()),
                ESSENTIAL,
                SPILLOVER,
            ),
            (second, ESSENTIAL2, SPILLOVER2),
        ] {
            let Some(marks) = marks else { continue };
            if marks.is_empty() || !marks.iter().all(|t| model.has_zones(&t.id, view)) {
                continue;
            }
            out.replaced |= essential | spillover;
            let v = model.view(view);
            for tp in marks {
                let on = super::zones::drawn_side(model, view, tp.location.side);
                // A one-sided view shows the point's side only.
                if !v.is_bilateral() && on != side {
                    continue;
                }
                for z in model.zones_of(&tp.id).iter().filter(|z| z.view == view) {
                    let bit = match z.kind {
                        ZoneKind::Essential => essential,
                        ZoneKind::Spillover => spillover,
                    };
                    let polys: Vec<Polygon> = z
                        .polys
                        .iter()
                        .map(|poly| {
                            if on == v.authored {
                                poly.clone()
                            } else {
                                poly.mirrored(v.axis())
                            }
                        })
                        .collect();
                    let bbox = polys.iter().fold(Rect::EMPTY, |b, p| b.union(p.bbox()));
                    let centre = Pt::new(
                        f32::midpoint(bbox.x0, bbox.x1),
                        f32::midpoint(bbox.y0, bbox.y1),
                    );
                    let inside = if polys.iter().any(|q| q.contains(centre)) {
                        centre
                    } else {
                        polys.first().map_or(centre, Polygon::inner_point)
                    };
                    out.bbox = out.bbox.union(bbox);
                    out.zones.push(ShapedZone {
                        bit,
                        polys,
                        bbox,
                        inside,
                    });
                }
            }
        }
        out
    }

    /// The zone marks this drawing takes from shapes instead of regions.
    pub fn replaced(&self) -> u8 {
        self.replaced
    }

    /// The zone marks at a point of the view (inside the body: the caller clips).
    pub fn at(&self, p: Pt) -> u8 {
        if self.zones.is_empty() || !self.bbox.contains(p) {
            return 0;
        }
        self.zones
            .iter()
            .filter(|z| z.contains(p))
            .fold(0, |f, z| f | z.bit)
    }

    /// Each zone's polygons with its mark (a zone is the union of its polygons, all
    /// wound the same way).
    pub fn polygons(&self) -> impl Iterator<Item = (u8, &Polygon)> {
        self.zones
            .iter()
            .flat_map(|z| z.polys.iter().map(move |p| (z.bit, p)))
    }

    /// The cells that zones with no cell of their own claim, one rule for every text
    /// tier (as [`zone_claims`] for regions): a zone that holds none of the points the
    /// tier draws (`shown`: the centres of plain body cells, or a mosaic's body samples
    /// in clear cells) takes the cell nearest to a point inside it, within
    /// [`CLAIM_REACH`], among the body's cells with no X (`candidate`), a [`CLEAR`] one
    /// first, then one [`PARTLY`] clear, and only where the body has no room at all (a
    /// limb two cells wide) a cell of outline.
    pub(crate) fn claims(
        &self,
        raster: &Raster<'_>,
        shown: &[Pt],
        room: &[u8],
        candidate: impl Fn(usize) -> bool,
    ) -> Vec<(usize, u8)> {
        let w = usize::from(raster.width()).max(1);
        let n = raster.cells().len().min(room.len());
        let mut out: Vec<(usize, u8)> = Vec::new();
        for z in &self.zones {
            if shown.iter().any(|&p| z.contains(p)) {
                continue;
            }
            let (tu, tv) = raster.grid_point(z.inside);
            let best = (0..n)
                .filter(|&i| candidate(i) && !out.iter().any(|&(c, _)| c == i))
                .filter_map(|i| {
                    let (u, v) = ((i % w) as f32 + 0.5, (i / w) as f32 + 0.5);
                    let dist = (u - tu).hypot((v - tv) * CELL_ASPECT);
                    let cramped = f32::from(CLEAR - room[i].min(CLEAR));
                    (dist <= CLAIM_REACH).then_some((dist + cramped * 2.0 * CLAIM_REACH, i))
                })
                .min_by(|a, b| a.0.total_cmp(&b.0));
            if let Some((_, i)) = best {
                out.push((i, z.bit));
            }
        }
        out
    }
}

fn marked_cell(ground: Ground, flags: u8, glyphs: GlyphSet) -> Cell {
    let selected = flags & SELECTED != 0;
    if matches!(ground, Ground::Outline(_) | Ground::Detail(_)) {
        // The outline and the interior lines stay over every mark.
        return Cell {
            selected,
            ..plain_cell(ground, glyphs)
        };
    }
    let style = match zone_style(flags) {
        Some(style) => style,
        None if selected => Style::Selected,
        None => return plain_cell(ground, glyphs),
    };
    Cell {
        ch: glyphs.mark(style),
        style,
        selected,
    }
}

fn plain_cell(ground: Ground, glyphs: GlyphSet) -> Cell {
    match ground {
        Ground::Background => Cell::BLANK,
        Ground::Body => Cell::text(' ', Style::Body),
        Ground::Outline(e) => Cell::text(glyphs.edge(e), Style::Outline),
        Ground::Detail(e) => Cell::text(glyphs.edge(e), Style::Detail),
    }
}

/// Marks the cells that thin zone shapes claim in the text tier ([`ZoneShapes::claims`]).
fn claim_shaped_cells(
    raster: &Raster<'_>,
    shapes: &ZoneShapes,
    table: &MarkTable,
    xs: &[usize],
    out: &mut [Cell],
    glyphs: GlyphSet,
) {
    let w = usize::from(raster.width()).max(1);
    let cells = raster.cells();
    let free = |i: usize| cells[i].ground == Ground::Body && !xs.contains(&i);
    let shown: Vec<Pt> = (0..cells.len())
        .filter(|&i| free(i))
        .map(|i| raster.point_of((i % w) as u16, (i / w) as u16))
        .collect();
    let room: Vec<u8> = cells
        .iter()
        .map(|c| if c.ground == Ground::Body { CLEAR } else { 0 })
        .collect();
    let inside = |i: usize| cells[i].region.is_some() && !xs.contains(&i);
    for (i, bit) in shapes.claims(raster, &shown, &room, inside) {
        let c = cells[i];
        let flags = c.region.map_or(0, |(r, s)| table.get(r, s))
            | shapes.at(raster.point_of((i % w) as u16, (i / w) as u16))
            | bit;
        out[i] = Cell {
            selected: out[i].selected,
            ..marked_cell(Ground::Body, flags, glyphs)
        };
    }
}

/// Paints a raster with an overlay: one [`Cell`] per raster cell, row by row.
pub fn paint(raster: &Raster<'_>, overlay: &Overlay, glyphs: GlyphSet) -> Vec<Cell> {
    let model = raster.model();
    let vp = raster.viewport();
    let shapes = ZoneShapes::new(model, overlay, vp.view, vp.side);
    let table = MarkTable::new(model, overlay).without(shapes.replaced());
    let w = usize::from(raster.width());
    let mut out: Vec<Cell> = raster
        .cells()
        .iter()
        .enumerate()
        .map(|(i, c)| match c.region {
            Some((r, s)) => {
                let (col, row) = ((i % w.max(1)) as u16, (i / w.max(1)) as u16);
                let from_shapes = shapes.at(raster.point_of(col, row));
                marked_cell(c.ground, table.get(r, s) | from_shapes, glyphs)
            }
            None => plain_cell(c.ground, glyphs),
        })
        .collect();

    // Zones that show no cell of their own claim one: a zone's own cell is a plain body
    // cell of its region (no line through it) that no X covers.
    let xs = x_cells(raster, overlay);
    claim_shaped_cells(raster, &shapes, &table, &xs, &mut out, glyphs);
    let room: Vec<u8> = raster
        .cells()
        .iter()
        .map(|c| if c.ground == Ground::Body { CLEAR } else { 0 })
        .collect();
    let mut own = vec![false; model.regions().len() * 3];
    for (i, c) in raster.cells().iter().enumerate() {
        if let Some((r, s)) = c.region
            && room[i] == CLEAR
            && !xs.contains(&i)
        {
            own[slot(r, s)] = true;
        }
    }
    for claim in zone_claims(raster, &table, &xs, &room, &own) {
        let selected = out[claim.cell].selected;
        out[claim.cell] = Cell {
            selected,
            ..marked_cell(Ground::Body, claim.flags, glyphs)
        };
    }

    let mut labels = Vec::new();
    for (tp, label) in overlay.marks() {
        let side = tp.location.side;
        if let Some(p) = model.trigger_point_at(&tp.id, &tp.location.region, vp.view, side)
            && let Some((c, r)) = raster.cell_of(p)
        {
            let i = usize::from(r) * w + usize::from(c);
            out[i] = Cell {
                ch: glyphs.mark(Style::TriggerPoint),
                style: Style::TriggerPoint,
                selected: out[i].selected,
            };
            if label > 0 {
                labels.push((c, r, label));
            }
        }
    }
    // Each X's pattern number beside it, once every X is down (a number never hides one).
    for (c, r, label) in labels {
        let is_x = |i: usize| out[i].style == Style::TriggerPoint && out[i].ch == 'X';
        if let Some(i) = label_cell(c, r, raster.width(), is_x) {
            out[i] = Cell {
                ch: label_char(label),
                style: Style::TriggerPoint,
                selected: out[i].selected,
            };
        }
    }

    if let Some((c, r)) = overlay.cursor
        && let Some(cell) = out.get_mut(usize::from(r) * w + usize::from(c))
        && c < raster.width()
    {
        let ch = if cell.ch == ' ' {
            glyphs.mark(Style::Cursor)
        } else {
            cell.ch
        };
        *cell = Cell {
            ch,
            style: Style::Cursor,
            selected: cell.selected,
        };
    }
    out
}

/// The cells of a raster that the overlay's X marks fall on, of both patterns (row-major
/// indices).
pub(crate) fn x_cells(raster: &Raster<'_>, overlay: &Overlay) -> Vec<usize> {
    let model = raster.model();
    let vp = raster.viewport();
    let w = usize::from(raster.width());
    overlay
        .marks()
        .filter_map(|(tp, _)| {
            let p =
                model.trigger_point_at(&tp.id, &tp.location.region, vp.view, tp.location.side)?;
            let (c, r) = raster.cell_of(p)?;
            Some(usize::from(r) * w + usize::from(c))
        })
        .collect()
}

/// A cell a zone claims because it would draw none of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Claim {
    /// The cell (row-major index in the raster).
    pub cell: usize,
    /// The zone's region and side.
    pub region: RegionIdx,
    /// Its side (`None`: midline).
    pub side: Option<Side>,
    /// The zone's marks (essential, spillover).
    pub flags: u8,
}

/// How far (in cell widths, rows counting [`CELL_ASPECT`] times) a zone reaches for a
/// cell to claim.
const CLAIM_REACH: f32 = 4.0;

/// A cell's room for a zone ([`zone_claims`]): plain body, no line through it.
pub(crate) const CLEAR: u8 = 2;
/// Some body between the lines through it: a zone shows beside them.
pub(crate) const PARTLY: u8 = 1;

/// The one rule for zones too small to be seen, for every text tier: each zone of the
/// view (a marked region instance seen there) that has no cell of its own (`own`, by
/// [`slot`]: its cells all have a line or an X through them, or it has none at this
/// size) claims the cell nearest to its cells (next to its outline or its X), else to
/// its anchor. By the `room` each cell has as the tier draws it: a [`CLEAR`] cell within
/// reach if there is one, else one [`PARTLY`] clear (the zone beside its line), and only
/// where the body has no room at all (a limb two cells wide) a cell of outline, which
/// the zone then covers. Cells of no other zone are preferred; no X cell is claimed, and
/// each cell once. `xs` are the X cells ([`x_cells`]).
pub(crate) fn zone_claims(
    raster: &Raster<'_>,
    table: &MarkTable,
    xs: &[usize],
    room: &[u8],
    own: &[bool],
) -> Vec<Claim> {
    let model = raster.model();
    let vp = raster.viewport();
    let cells = raster.cells();
    let w = usize::from(raster.width()).max(1);
    let mut done = vec![false; model.regions().len() * 3];
    let mut claims: Vec<Claim> = Vec::new();
    let zones = FIRST | SECOND;
    for shape in &model.view(vp.view).drawing(vp.side).shapes {
        let inst = slot(shape.region, shape.side);
        let flags = table.get(shape.region, shape.side);
        if flags & zones == 0 || done[inst] || shape.weight <= 0.0 {
            continue;
        }
        done[inst] = true;
        if own.get(inst).copied().unwrap_or(false) {
            continue;
        }
        let mut targets: Vec<usize> = cells
            .iter()
            .enumerate()
            .filter(|(_, c)| c.region == Some((shape.region, shape.side)))
            .map(|(i, _)| i)
            .collect();
        if targets.is_empty() {
            let anchor = model
                .view(vp.view)
                .drawing(vp.side)
                .shapes
                .iter()
                .filter(|s| (s.region, s.side) == (shape.region, shape.side))
                .max_by(|a, b| a.weight.total_cmp(&b.weight))
                .map_or(shape.anchor, |s| s.anchor);
            targets.extend(
                raster
                    .cell_of(anchor)
                    .map(|(c, r)| usize::from(r) * w + usize::from(c)),
            );
        }
        let pos = |i: usize| ((i % w) as f32, (i / w) as f32 * CELL_ASPECT);
        let mut best: Option<(f32, usize)> = None;
        for (i, c) in cells.iter().enumerate() {
            // A cell inside the body (its centre in a region), not an X, not claimed.
            if c.region.is_none() || xs.contains(&i) || claims.iter().any(|k| k.cell == i) {
                continue;
            }
            let (x, y) = pos(i);
            let dist = targets
                .iter()
                .map(|&t| {
                    let (tx, ty) = pos(t);
                    (x - tx).hypot(y - ty)
                })
                .fold(f32::INFINITY, f32::min);
            if dist > CLAIM_REACH {
                continue;
            }
            // A clear cell first (a line through the cell keeps its line, and in a
            // monochrome mosaic its one ink); plain body before another zone's cell.
            let taken = c.region.is_some_and(|(r, s)| table.get(r, s) & zones != 0);
            let cramped = f32::from(CLEAR - room.get(i).copied().unwrap_or(0).min(CLEAR));
            let score = dist + if taken { CLAIM_REACH } else { 0.0 } + cramped * 2.0 * CLAIM_REACH;
            if best.is_none_or(|(b, _)| score < b) {
                best = Some((score, i));
            }
        }
        if let Some((_, cell)) = best {
            claims.push(Claim {
                cell,
                region: shape.region,
                side: shape.side,
                flags: flags & zones,
            });
        }
    }
    claims
}
