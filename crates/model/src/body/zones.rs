//! Referral zones as shapes of their own (`data/zones.ron`): for each trigger point, on
//! the views where the manual shows its pattern, the essential and spillover zones drawn
//! with a few primitives written against the named landmarks of the body model
//! (`landmarks` in `data/body.ron`), so a band down the side of the leg is a band and
//! moves with the body.
//!
//! The primitives, each resolved to polygons in the view's authored frame (the side a
//! view's shapes are written for) and mirrored like a trigger point's position:
//! - `Band(along: [p, ...], width: (start, end))`: a band through two or more points (a
//!   smooth curve through them), its width changing evenly from start to end, round at
//!   both ends;
//! - `Blob(at: p, size: (rx, ry))`: an oval around a point;
//! - `Fan(from: p, to: [p, ...])`: from an apex out to an arc through the points;
//! - `Region("id")`: a region of the view, whole.
//!
//! A point `p` is a landmark (`"acromion"`), a landmark moved by a few units
//! (`"acromion +1.5,-2"`), or a plain `"x,y"`.
//!
//! The regions a pattern lists stay what ranking, search and notes use; [`agreement`]
//! checks that the shapes and the lists agree.

#![allow(
    clippy::many_single_char_names,
    reason = "plane geometry: v, b, w, h, i, j, p"
)]

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::geom::{Polygon, Pt, Rect};
use super::model::{BodyModel, ViewId};
use crate::atlas::Side;

/// The shipped zone shapes as written.
pub const SHIPPED_ZONES: &str = include_str!("../../../../data/zones.ron");

/// The name the zone file goes by in messages.
pub const ZONES_FILE: &str = "data/zones.ron";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Zones")]
struct ZoneFile {
    patterns: BTreeMap<String, Vec<OnView>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "On")]
struct OnView {
    view: ViewId,
    #[serde(default)]
    essential: Vec<Prim>,
    #[serde(default)]
    spillover: Vec<Prim>,
}

#[derive(Debug, Deserialize)]
enum Prim {
    Band {
        along: Vec<String>,
        width: (f32, f32),
    },
    Blob {
        at: String,
        size: (f32, f32),
    },
    Fan {
        from: String,
        to: Vec<String>,
    },
    Region(String),
}

/// Essential or spillover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ZoneKind {
    /// Felt in nearly everyone (solid).
    Essential,
    /// Felt in some (stippled).
    Spillover,
}

/// One zone of a pattern on one view: its polygons (their union is the zone), in the
/// view's authored frame (see [`super::model::View::place`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ZoneShape {
    /// The view it is drawn on.
    pub view: ViewId,
    /// Essential or spillover.
    pub kind: ZoneKind,
    /// The polygons, all wound the same way (so a non-zero fill of them all is their
    /// union).
    pub polys: Vec<Polygon>,
    /// Where it is written in the zone file: line and column (1-based).
    pub at: (u32, u32),
}

impl ZoneShape {
    /// Whether a point (in the authored frame) lies in the zone.
    pub fn contains(&self, p: Pt) -> bool {
        self.polys.iter().any(|q| q.contains(p))
    }

    /// The box around it.
    pub fn bbox(&self) -> Rect {
        self.polys
            .iter()
            .fold(Rect::EMPTY, |b, p| b.union(p.bbox()))
    }
}

/// A problem in the zone file, where it is written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{ZONES_FILE}:{line}:{col}: {message}")]
pub struct ZoneError {
    /// 1-based line.
    pub line: u32,
    /// 1-based column.
    pub col: u32,
    /// What is wrong.
    pub message: String,
}

/// The line and column (1-based) of a byte offset in `text`.
fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before
        .rfind('\n')
        .map_or(before, |i| before.get(i + 1..).unwrap_or(""))
        .chars()
        .count()
        + 1;
    (
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(col).unwrap_or(u32::MAX),
    )
}

/// Finds where things are written: the key of a pattern, then its views in order, then
/// a quoted name within an entry.
struct Locator<'t> {
    text: &'t str,
}

impl Locator<'_> {
    fn find(&self, needle: &str, from: usize) -> Option<usize> {
        self.text.get(from..)?.find(needle).map(|i| i + from)
    }

    fn key(&self, id: &str) -> usize {
        self.find(&format!("\"{id}\""), 0).unwrap_or(0)
    }

    /// The `k`th `view:` after `from`.
    fn view(&self, from: usize, k: usize) -> usize {
        let mut at = from;
        for _ in 0..=k {
            match self.find("view", at) {
                Some(i) => at = i + 1,
                None => return from,
            }
        }
        at - 1
    }
}

/// Parses a point: a landmark, a landmark moved (`"name +dx,dy"`) or `"x,y"`.
fn point(model: &BodyModel, view: ViewId, text: &str) -> Result<Pt, String> {
    let text = text.trim();
    let starts_numeric = text
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || c == '-' || c == '.');
    let plain = |t: &str| -> Result<Pt, String> {
        let (x, y) = t
            .split_once(',')
            .ok_or_else(|| format!("`{t}` is not `x,y`"))?;
        let num = |s: &str| {
            s.trim()
                .parse::<f32>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| format!("`{s}` is not a number"))
        };
        Ok(Pt::new(num(x)?, num(y)?))
    };
    if starts_numeric {
        return plain(text);
    }
    let (name, shift) = match text.split_once(char::is_whitespace) {
        Some((n, rest)) => {
            let rest = rest.trim();
            let rest = rest.strip_prefix('+').unwrap_or(rest);
            (n, Some(plain(rest)?))
        }
        None => (text, None),
    };
    let at = model
        .view(view)
        .landmark(name)
        .ok_or_else(|| format!("view {view} has no landmark `{name}`"))?;
    Ok(shift.map_or(at, |d| Pt::new(at.x + d.x, at.y + d.y)))
}

/// A polygon wound one way (positive shoelace sum), so a non-zero fill unites them.
fn wound(mut pts: Vec<Pt>) -> Polygon {
    let twice: f32 = (0..pts.len())
        .map(|i| {
            let (a, b) = (pts[i], pts[(i + 1) % pts.len()]);
            a.x * b.y - b.x * a.y
        })
        .sum();
    if twice < 0.0 {
        pts.reverse();
    }
    Polygon::new(pts)
}

/// An oval of `n` corners.
fn oval(c: Pt, rx: f32, ry: f32, n: usize) -> Polygon {
    wound(
        (0..n)
            .map(|k| {
                let t = std::f32::consts::TAU * k as f32 / n as f32;
                Pt::new(c.x + rx * t.cos(), c.y + ry * t.sin())
            })
            .collect(),
    )
}

/// A smooth curve through the points (Catmull-Rom, four steps a segment).
fn smooth(pts: &[Pt]) -> Vec<Pt> {
    if pts.len() < 3 {
        return pts.to_vec();
    }
    let n = pts.len();
    let at = |i: isize| pts[i.clamp(0, n as isize - 1) as usize];
    let mut out = Vec::with_capacity(n * 4);
    for i in 0..n - 1 {
        let i = i as isize;
        let (p0, p1, p2, p3) = (at(i - 1), at(i), at(i + 1), at(i + 2));
        for k in 0..4 {
            let t = k as f32 / 4.0;
            let (t2, t3) = (t * t, t * t * t);
            let f = |a: f32, b: f32, c: f32, d: f32| {
                0.5 * (2.0 * b
                    + (c - a) * t
                    + (2.0 * a - 5.0 * b + 4.0 * c - d) * t2
                    + (3.0 * b - a - 3.0 * c + d) * t3)
            };
            out.push(Pt::new(
                f(p0.x, p1.x, p2.x, p3.x),
                f(p0.y, p1.y, p2.y, p3.y),
            ));
        }
    }
    out.push(pts[n - 1]);
    out
}

/// A band along the points: a quad for each piece of the smoothed curve and a disc at
/// each joint and end (round ends, no gaps at the bends).
fn band(pts: &[Pt], (w0, w1): (f32, f32)) -> Vec<Polygon> {
    let line = smooth(pts);
    let mut lens = vec![0.0f32];
    for w in line.windows(2) {
        let d = (w[1].x - w[0].x).hypot(w[1].y - w[0].y);
        lens.push(lens.last().copied().unwrap_or(0.0) + d);
    }
    let total = lens.last().copied().unwrap_or(0.0).max(f32::EPSILON);
    let half = |k: usize| (w0 + (w1 - w0) * lens[k] / total) * 0.5;
    let mut out = Vec::new();
    for k in 0..line.len().saturating_sub(1) {
        let (a, b) = (line[k], line[k + 1]);
        let len = (b.x - a.x).hypot(b.y - a.y);
        if len <= f32::EPSILON {
            continue;
        }
        let (nx, ny) = (-(b.y - a.y) / len, (b.x - a.x) / len);
        let (ha, hb) = (half(k), half(k + 1));
        out.push(wound(vec![
            Pt::new(a.x + nx * ha, a.y + ny * ha),
            Pt::new(b.x + nx * hb, b.y + ny * hb),
            Pt::new(b.x - nx * hb, b.y - ny * hb),
            Pt::new(a.x - nx * ha, a.y - ny * ha),
        ]));
    }
    for (k, &p) in line.iter().enumerate() {
        let r = half(k);
        if r > 0.0 {
            out.push(oval(p, r, r, 12));
        }
    }
    out
}

fn polygons(model: &BodyModel, view: ViewId, prim: &Prim) -> Result<Vec<Polygon>, String> {
    let pt = |t: &String| point(model, view, t);
    match prim {
        Prim::Band { along, width } => {
            if along.len() < 2 {
                return Err("a band runs along two points or more".into());
            }
            if !(width.0 >= 0.0 && width.1 >= 0.0 && width.0 + width.1 > 0.0) {
                return Err("a band's widths are positive".into());
            }
            let pts = along.iter().map(pt).collect::<Result<Vec<_>, _>>()?;
            Ok(band(&pts, *width))
        }
        Prim::Blob { at, size } => {
            if !(size.0 > 0.0 && size.1 > 0.0) {
                return Err("a blob's size is positive".into());
            }
            Ok(vec![oval(pt(at)?, size.0, size.1, 20)])
        }
        Prim::Fan { from, to } => {
            if to.len() < 2 {
                return Err("a fan opens to two points or more".into());
            }
            let apex = pt(from)?;
            let arc = to.iter().map(pt).collect::<Result<Vec<_>, _>>()?;
            let mut pts = vec![apex];
            pts.extend(smooth(&arc));
            Ok(vec![wound(pts)])
        }
        Prim::Region(id) => {
            let v = model.view(view);
            let idx = model
                .region_index(id)
                .filter(|&i| v.draws(i))
                .ok_or_else(|| format!("view {view} draws no region `{id}`"))?;
            Ok(v.shapes_of(idx, Some(v.authored))
                .map(|s| wound(s.poly.points().to_vec()))
                .collect())
        }
    }
}

/// Parses the zone file against a body model (its views, landmarks and regions) into
/// each trigger point's zone shapes.
pub fn parse(
    model: &BodyModel,
    text: &str,
) -> Result<BTreeMap<String, Vec<ZoneShape>>, super::model::BodyError> {
    let file: ZoneFile = crate::ron_file::from_ron(text, ZONES_FILE)?;
    let loc = Locator { text };
    let mut out = BTreeMap::new();
    for (id, views) in file.patterns {
        let key = loc.key(&id);
        let mut shapes: Vec<ZoneShape> = Vec::new();
        for (k, on) in views.iter().enumerate() {
            let at_off = loc.view(key, k);
            let at = line_col(text, at_off);
            let err = |message: String| ZoneError {
                line: at.0,
                col: at.1,
                message: format!("`{id}`, view {}: {message}", on.view),
            };
            if shapes.iter().any(|s| s.view == on.view) {
                return Err(err("the view is given twice".into()).into());
            }
            if on.essential.is_empty() && on.spillover.is_empty() {
                return Err(err("no zone drawn".into()).into());
            }
            for (kind, prims) in [
                (ZoneKind::Essential, &on.essential),
                (ZoneKind::Spillover, &on.spillover),
            ] {
                let mut polys = Vec::new();
                for prim in prims {
                    polys.extend(polygons(model, on.view, prim).map_err(err)?);
                }
                if !polys.is_empty() {
                    shapes.push(ZoneShape {
                        view: on.view,
                        kind,
                        polys,
                        at,
                    });
                }
            }
        }
        out.insert(id, shapes);
    }
    Ok(out)
}

/// How much of a listed region the shapes must cover, on some view that draws both.
pub const MIN_COVER: f32 = 0.2;
/// How much of a view's shapes may lie in regions the pattern does not list.
pub const MAX_SPREAD: f32 = 0.25;

/// The view sampled on a grid: the region instance (on the authored side, or midline)
/// at each sample inside the silhouette.
struct Grid {
    x0: f32,
    y0: f32,
    step: f32,
    w: usize,
    cells: Vec<Option<u16>>,
}

impl Grid {
    fn of(model: &BodyModel, view: ViewId) -> Grid {
        let v = model.view(view);
        let b = v.bounds();
        let step = (b.width().max(b.height()) / 160.0).max(0.1);
        let w = (b.width() / step).ceil() as usize;
        let h = (b.height() / step).ceil() as usize;
        let side = v.authored;
        let mut cells = Vec::with_capacity(w * h);
        for j in 0..h {
            for i in 0..w {
                let p = Pt::new(
                    b.x0 + (i as f32 + 0.5) * step,
                    b.y0 + (j as f32 + 0.5) * step,
                );
                let r = v
                    .region_at(p, side)
                    .filter(|(_, s)| s.is_none_or(|s| s == side))
                    .map(|(r, _)| r);
                cells.push(r);
            }
        }
        Grid {
            x0: b.x0,
            y0: b.y0,
            step,
            w,
            cells,
        }
    }

    fn point(&self, k: usize) -> Pt {
        Pt::new(
            self.x0 + ((k % self.w) as f32 + 0.5) * self.step,
            self.y0 + ((k / self.w) as f32 + 0.5) * self.step,
        )
    }
}

/// Checks a pattern's shapes against the regions it lists: each listed region that a
/// shaped view draws is covered by at least [`MIN_COVER`] of it on some shaped view,
/// and on each shaped view at most [`MAX_SPREAD`] of the shapes lies in regions the
/// pattern does not list. The problems, each where the file writes the view.
pub fn agreement(
    model: &BodyModel,
    tp_id: &str,
    shapes: &[ZoneShape],
    listed: &[&str],
    grids: &mut GridCache,
) -> Vec<ZoneError> {
    let mut problems = Vec::new();
    let listed_idx: Vec<u16> = listed
        .iter()
        .filter_map(|r| model.region_index(r))
        .collect();
    let mut best: BTreeMap<u16, (f32, (u32, u32))> = BTreeMap::new();
    let mut views: Vec<ViewId> = shapes.iter().map(|s| s.view).collect();
    views.dedup();
    for view in views {
        let grid = grids.get(model, view);
        let on: Vec<&ZoneShape> = shapes.iter().filter(|s| s.view == view).collect();
        let at = on.first().map_or((1, 1), |s| s.at);
        let n = usize::from(u16::try_from(model.regions().len()).unwrap_or(u16::MAX));
        let (mut area, mut covered) = (vec![0u32; n], vec![0u32; n]);
        let (mut inside, mut astray) = (0u32, vec![0u32; n]);
        for (k, cell) in grid.cells.iter().enumerate() {
            let Some(r) = *cell else { continue };
            let r = usize::from(r);
            area[r] += 1;
            let p = grid.point(k);
            if on.iter().any(|s| s.contains(p)) {
                covered[r] += 1;
                inside += 1;
                if !listed_idx.iter().any(|&l| usize::from(l) == r) {
                    astray[r] += 1;
                }
            }
        }
        for &l in &listed_idx {
            let a = area[usize::from(l)];
            if a > 0 {
                let f = covered[usize::from(l)] as f32 / a as f32;
                let e = best.entry(l).or_insert((f, at));
                if f > e.0 {
                    *e = (f, at);
                }
            }
        }
        let stray: u32 = astray.iter().sum();
        if inside > 0 && stray as f32 / inside as f32 > MAX_SPREAD {
            let worst = astray
                .iter()
                .enumerate()
                .max_by_key(|(_, c)| **c)
                .map_or("", |(r, _)| model.region_id(r as u16));
            problems.push(ZoneError {
                line: at.0,
                col: at.1,
                message: format!(
                    "`{tp_id}`, view {view}: {:.0}% of the shapes lie in regions the pattern does not list (most in `{worst}`)",
                    100.0 * stray as f32 / inside as f32
                ),
            });
        }
    }
    for (l, (f, at)) in best {
        if f < MIN_COVER {
            problems.push(ZoneError {
                line: at.0,
                col: at.1,
                message: format!(
                    "`{tp_id}`: listed region `{}` is {:.0}% covered by the shapes (at least {:.0}% on some view)",
                    model.region_id(l),
                    100.0 * f,
                    100.0 * MIN_COVER
                ),
            });
        }
    }
    problems
}

/// The views' sample grids, made once for a run of [`agreement`] checks.
#[derive(Default)]
pub struct GridCache {
    grids: BTreeMap<ViewId, Grid>,
}

impl GridCache {
    fn get(&mut self, model: &BodyModel, view: ViewId) -> &Grid {
        self.grids
            .entry(view)
            .or_insert_with(|| Grid::of(model, view))
    }
}

/// The side a zone shape is drawn for when its trigger point is on `side` (a midline
/// point: the side the view is written for).
pub fn drawn_side(model: &BodyModel, view: ViewId, side: Option<Side>) -> Side {
    side.unwrap_or(model.view(view).authored)
}

/// One pattern's lists, as the check reads them: the trigger point's id and the regions
/// it lists (essential and spillover).
pub struct Listed<'a> {
    /// The trigger-point id.
    pub id: &'a str,
    /// Its essential and spillover regions.
    pub regions: Vec<&'a str>,
}

impl<'a> Listed<'a> {
    /// What a trigger point of the atlas lists: its essential and spillover regions.
    pub fn of(tp: &'a crate::atlas::model::TriggerPoint) -> Listed<'a> {
        Listed {
            id: &tp.id,
            regions: tp
                .essential
                .iter()
                .chain(&tp.spillover)
                .map(String::as_str)
                .collect(),
        }
    }
}

/// Checks every pattern drawn as shapes against an atlas's lists ([`agreement`]), and
/// that every drawn pattern belongs to a trigger point of the atlas (the shipped one:
/// the build step runs this). The problems, in the zone file's order.
pub fn check<'a>(model: &BodyModel, atlas: impl IntoIterator<Item = Listed<'a>>) -> Vec<ZoneError> {
    check_with(model, atlas, true)
}

/// [`check`] for an atlas of one's own (`painmap validate FILE`): the shapes of the
/// trigger points it has are checked against its lists; shapes of points it does not
/// have are never drawn for it, so they are no problem.
pub fn check_own<'a>(
    model: &BodyModel,
    atlas: impl IntoIterator<Item = Listed<'a>>,
) -> Vec<ZoneError> {
    check_with(model, atlas, false)
}

fn check_with<'a>(
    model: &BodyModel,
    atlas: impl IntoIterator<Item = Listed<'a>>,
    all_known: bool,
) -> Vec<ZoneError> {
    let listed: BTreeMap<&str, Vec<&str>> = atlas.into_iter().map(|l| (l.id, l.regions)).collect();
    let mut grids = GridCache::default();
    let mut problems = Vec::new();
    for id in model.zone_ids() {
        let shapes = model.zones_of(id);
        match listed.get(id) {
            Some(regions) => {
                problems.extend(agreement(model, id, shapes, regions, &mut grids));
            }
            None if !all_known => {}
            None => {
                let at = shapes.first().map_or((1, 1), |s| s.at);
                problems.push(ZoneError {
                    line: at.0,
                    col: at.1,
                    message: format!("`{id}` is not a trigger point of the atlas"),
                });
            }
        }
    }
    problems.sort_by_key(|p| (p.line, p.col));
    problems
}
