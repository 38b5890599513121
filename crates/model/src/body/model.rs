//! The body model: views (whole body front and back, close-ups of the head, hand and
//! foot), their silhouettes, the region shapes drawn in each and the trigger-point
//! positions, loaded from `data/body.ron`.
//!
//! Each view has its own coordinate frame (square units, x to the viewer's right, y
//! down). A *bilateral* view (front, back, head from the front) is drawn around a vertical
//! axis: its silhouette, details and sided region shapes are authored on the viewer's left
//! half, for the side of the patient seen there (the patient's right in a front view, the
//! patient's left in a back view), and mirrored for the other side. A *unilateral* view
//! (a hand, a foot, the head in profile) shows one side; it is authored for one side and
//! mirrored as a whole for the other. Midline regions are drawn once and have no side.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use serde::{Deserialize, Serialize};

use super::geom::{Polygon, Pt, Rect, parse_points};
use crate::atlas::Side;

/// The shipped body model as written, the one source of its embedded binary form.
pub const SHIPPED: &str = include_str!("../../../../data/body.ron");

/// A hash map with a fixed-seed fast hasher: the keys are the model's own ids, and the
/// build step's output stays the same from one build to the next.
type Map<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// One of the pictures the body is drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum ViewId {
    /// Whole body from the front (the patient faces the viewer).
    Front,
    /// Whole body from behind.
    Back,
    /// Head and neck from the front.
    HeadFront,
    /// Head and neck in profile (one side).
    HeadSide,
    /// A hand, palm side, fingers up.
    HandPalm,
    /// A hand, back side, fingers up.
    HandBack,
    /// A foot from above, toes up.
    FootTop,
    /// A foot from below, toes up.
    FootSole,
    /// A foot from its inner (big-toe) side.
    FootInner,
    /// A foot from its outer (little-toe) side.
    FootOuter,
    /// The whole body in profile, from one side (the lateral patterns: a band down the
    /// side of the thigh and leg is drawn here, as the manuals draw it).
    BodySide,
}

/// Which part of the body a view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Area {
    /// The whole body (front and back views).
    WholeBody,
    /// The head and neck close-ups.
    Head,
    /// The hand close-ups.
    Hand,
    /// The foot close-ups.
    Foot,
}

impl Area {
    /// Every area, whole body first.
    pub const ALL: [Area; 4] = [Area::WholeBody, Area::Head, Area::Hand, Area::Foot];

    /// The views of this area, in the order they are shown.
    pub fn views(self) -> &'static [ViewId] {
        match self {
            Area::WholeBody => &[ViewId::Front, ViewId::Back],
            Area::Head => &[ViewId::HeadFront, ViewId::HeadSide],
            Area::Hand => &[ViewId::HandPalm, ViewId::HandBack],
            Area::Foot => &[
                ViewId::FootTop,
                ViewId::FootSole,
                ViewId::FootInner,
                ViewId::FootOuter,
            ],
        }
    }
}

impl ViewId {
    /// Every view, whole body first.
    pub const ALL: [ViewId; 11] = [
        ViewId::Front,
        ViewId::Back,
        ViewId::HeadFront,
        ViewId::HeadSide,
        ViewId::HandPalm,
        ViewId::HandBack,
        ViewId::FootTop,
        ViewId::FootSole,
        ViewId::FootInner,
        ViewId::FootOuter,
        ViewId::BodySide,
    ];

    /// Its position in [`ViewId::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The view drawn in the same frame from the other side of the body: the front for
    /// the back and the back for the front (a close-up has none).
    pub fn twin(self) -> Option<ViewId> {
        match self {
            ViewId::Front => Some(ViewId::Back),
            ViewId::Back => Some(ViewId::Front),
            _ => None,
        }
    }

    /// Whether the view looks at a surface, so a point under it may be marked there (a
    /// side is seen at the edges of the front and back views and in a profile; the front
    /// and back of the head at the edges of its profile). Never the opposite surface: a
    /// point on the front is not marked from behind, one on the back of the hand not on
    /// the palm.
    pub fn sees(self, face: Face) -> bool {
        match self {
            ViewId::Front | ViewId::HeadFront | ViewId::HandPalm | ViewId::FootTop => {
                face != Face::Back
            }
            ViewId::Back | ViewId::HandBack | ViewId::FootSole => face != Face::Front,
            ViewId::HeadSide => true,
            // The side of the body, with the front and the back at its edges.
            ViewId::BodySide => face != Face::Medial,
            // A foot's side shows its own border and the top of the foot, not the sole.
            ViewId::FootInner => matches!(face, Face::Medial | Face::Front),
            ViewId::FootOuter => matches!(face, Face::Lateral | Face::Front),
        }
    }

    /// The part of the body it shows.
    pub fn area(self) -> Area {
        match self {
            ViewId::Front | ViewId::Back | ViewId::BodySide => Area::WholeBody,
            ViewId::HeadFront | ViewId::HeadSide => Area::Head,
            ViewId::HandPalm | ViewId::HandBack => Area::Hand,
            ViewId::FootTop | ViewId::FootSole | ViewId::FootInner | ViewId::FootOuter => {
                Area::Foot
            }
        }
    }
}

/// The patient's side as written in `body.ron`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
enum SideDef {
    Left,
    Right,
}

impl From<SideDef> for Side {
    fn from(s: SideDef) -> Side {
        match s {
            SideDef::Left => Side::Left,
            SideDef::Right => Side::Right,
        }
    }
}

/// How a view treats the two sides, as written in `body.ron`.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
enum SymmetryDef {
    /// Both sides, mirrored about `axis`; `viewer_left` is the patient's side drawn on the
    /// viewer's left half (where the shapes are authored).
    Bilateral { axis: f32, viewer_left: SideDef },
    /// One side, authored for `side` and mirrored as a whole for the other.
    Unilateral { side: SideDef },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "BodyModel")]
struct BodyFile {
    midline: Vec<String>,
    silhouettes: BTreeMap<String, SilhouetteDef>,
    views: Vec<ViewDef>,
    #[serde(default)]
    points: BTreeMap<String, Vec<(ViewId, f32, f32)>>,
    /// The surface a trigger point lies under, where it is not the one its whole-body
    /// positions say ([`Face::of_views`]).
    #[serde(default)]
    faces: BTreeMap<String, Face>,
}

/// The surface of the body (or of a limb, in anatomical position) a trigger point lies
/// under: a view marks the point only if it looks at that surface ([`ViewId::sees`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum Face {
    /// The front (the palm, the top of the foot).
    Front,
    /// The back (the back of the hand, the sole).
    Back,
    /// The outer side (seen at the edge from the front and from behind).
    Lateral,
    /// The inner side (seen at the edge from the front and from behind).
    Medial,
}

impl Face {
    /// The surface a point lies under by the whole-body views it is authored in: the
    /// front alone, the back alone, else the side (both, or only close-ups).
    pub fn of_views(views: impl IntoIterator<Item = ViewId>) -> Face {
        let (mut front, mut back) = (false, false);
        for v in views {
            front |= v == ViewId::Front;
            back |= v == ViewId::Back;
        }
        match (front, back) {
            (true, false) => Face::Front,
            (false, true) => Face::Back,
            _ => Face::Lateral,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Silhouette")]
struct SilhouetteDef {
    outline: Vec<String>,
    /// Polygons whose sides are drawn round, `( )` (the head).
    #[serde(default)]
    round: Vec<String>,
    #[serde(default)]
    details: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "View")]
struct ViewDef {
    id: ViewId,
    title: String,
    symmetry: SymmetryDef,
    silhouette: String,
    #[serde(default)]
    flip: Option<f32>,
    #[serde(default)]
    details: Vec<String>,
    /// Regions this view shows only in part (a close-up's cut edge): they do not make a
    /// pattern fit the close-up.
    #[serde(default)]
    partial: Vec<String>,
    /// Magnified parts of a whole-body view ("{Side} shoulder to hip", "x0,y0 x1,y1"),
    /// authored on the viewer's left half and mirrored for the other side.
    #[serde(default)]
    zooms: Vec<(String, String)>,
    /// Named anatomical landmarks ("acromion", "x,y"), authored like the regions: the
    /// zone shapes of `data/zones.ron` are written against them.
    #[serde(default)]
    landmarks: Vec<(String, String)>,
    regions: Vec<(String, String)>,
}

/// Why a body model could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum BodyError {
    /// The text is not valid RON for the body model.
    #[error(transparent)]
    Syntax(#[from] crate::ron_file::SyntaxError),
    /// The RON is well formed but the model is not.
    #[error("body model: {0}")]
    Invalid(String),
    /// A zone shape is wrong, where the zone file writes it.
    #[error(transparent)]
    Zone(#[from] super::zones::ZoneError),
}

/// A region index into [`BodyModel::regions`].
pub type RegionIdx = u16;

/// One region polygon drawn in a view, on a side (or none for midline regions).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Shape {
    /// Index into [`BodyModel::regions`].
    pub region: RegionIdx,
    /// The patient's side, `None` for midline regions.
    pub side: Option<Side>,
    /// The polygon, clipped to the silhouette when drawn.
    pub poly: Polygon,
    /// A point inside both the polygon and the silhouette (for marks and labels).
    pub anchor: Pt,
    /// Its area inside the silhouette, roughly.
    pub weight: f32,
}

/// A view as drawn for one side: silhouette, details and region shapes.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Drawing {
    /// Silhouette polygons; their union is the body.
    pub outline: Vec<Polygon>,
    /// Interior lines (mouth, jaw line, creases): polylines; a single point is a spot
    /// (an eye).
    pub details: Vec<Vec<Pt>>,
    /// The segments of the silhouette's outline (those between the union of the outline
    /// polygons and the outside; the seam of a mirrored half is not among them).
    pub boundary: Vec<Boundary>,
    /// Region shapes in painting order (later shapes win).
    pub shapes: Vec<Shape>,
}

/// A piece of the silhouette's outline, running so that the body lies on the side of
/// its normal `(-dy, dx)` (on screen, with y down: the body is to the left when it runs
/// down).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Boundary {
    /// Start.
    pub a: Pt,
    /// End.
    pub b: Pt,
    /// Drawn round, `( )`, where it runs up and down.
    pub round: bool,
}

impl Drawing {
    /// The drawing mirrored about `x = axis`, for the other side.
    fn mirrored(&self, axis: f32) -> Drawing {
        Drawing {
            outline: self.outline.iter().map(|p| p.mirrored(axis)).collect(),
            details: self
                .details
                .iter()
                .map(|d| d.iter().map(|p| p.mirrored(axis)).collect())
                .collect(),
            boundary: self
                .boundary
                .iter()
                .map(|s| Boundary {
                    a: s.b.mirrored(axis),
                    b: s.a.mirrored(axis),
                    round: s.round,
                })
                .collect(),
            shapes: self
                .shapes
                .iter()
                .map(|s| Shape {
                    region: s.region,
                    side: s.side.map(Side::opposite),
                    poly: s.poly.mirrored(axis),
                    anchor: s.anchor.mirrored(axis),
                    weight: s.weight,
                })
                .collect(),
        }
    }
}

/// A view of the body.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct View {
    id: ViewId,
    title: String,
    bilateral: Option<Side>,
    pub authored: Side,
    axis: f32,
    bounds: Rect,
    drawings: [Drawing; 2],
    partial: Vec<RegionIdx>,
    zooms: Vec<(String, Rect)>,
    landmarks: Vec<(String, Pt)>,
}

impl View {
    /// Which view this is.
    pub fn id(&self) -> ViewId {
        self.id
    }

    /// Its title for the side shown (`{side}`/`{Side}` in the template become
    /// `right`/`Right`...). Bilateral views ignore the side.
    pub fn title(&self, side: Side) -> String {
        self.title
            .replace("{side}", side.as_str())
            .replace("{Side}", side.capitalized())
    }

    /// For a bilateral view, the patient's side seen on the viewer's left.
    pub fn viewer_left(&self) -> Option<Side> {
        self.bilateral
    }

    /// A named landmark, where it is authored (see [`View::place`] for the other side).
    pub fn landmark(&self, name: &str) -> Option<Pt> {
        self.landmarks
            .iter()
            .find(|(n, _)| n == name)
            .map(|&(_, p)| p)
    }

    /// The landmarks' names, as written.
    pub fn landmark_names(&self) -> impl Iterator<Item = &str> {
        self.landmarks.iter().map(|(n, _)| n.as_str())
    }

    /// How many magnified parts ([`View::zoom`]) the view has.
    pub fn zoom_count(&self) -> usize {
        self.zooms.len()
    }

    /// A magnified part of the view on a side: its title and the box it shows (for the
    /// side seen on the viewer's right of a bilateral view, the mirrored box).
    pub fn zoom(&self, k: usize, side: Side) -> Option<(String, Rect)> {
        let (title, b) = self.zooms.get(k)?;
        let title = title
            .replace("{side}", side.as_str())
            .replace("{Side}", side.capitalized());
        let b = if self.bilateral.is_some_and(|l| l != side) {
            Rect::EMPTY
                .including(Pt::new(b.x0, b.y0).mirrored(self.axis))
                .including(Pt::new(b.x1, b.y1).mirrored(self.axis))
        } else {
            *b
        };
        Some((title, b))
    }

    /// The vertical line the view mirrors about for the other side.
    pub fn axis(&self) -> f32 {
        self.axis
    }

    /// Whether it shows both sides at once.
    pub fn is_bilateral(&self) -> bool {
        self.bilateral.is_some()
    }

    /// The box holding the whole drawing.
    pub fn bounds(&self) -> Rect {
        self.bounds
    }

    /// The drawing for a side (bilateral views have one drawing for both).
    pub fn drawing(&self, side: Side) -> &Drawing {
        if self.bilateral.is_some() || side == self.authored {
            &self.drawings[0]
        } else {
            &self.drawings[1]
        }
    }

    /// Maps a point authored for this view (as the points table and the authored shapes
    /// are written) to where it is drawn for a trigger point on `side`.
    pub fn place(&self, p: Pt, side: Side) -> Pt {
        if side == self.authored {
            p
        } else {
            p.mirrored(self.axis)
        }
    }

    /// The shapes of a region on a side in the drawing for `side` (a side of `None`
    /// matches shapes on either side and midline shapes).
    pub fn shapes_of(
        &self,
        region: RegionIdx,
        side: Option<Side>,
    ) -> impl Iterator<Item = &Shape> + '_ {
        let drawing = self.drawing(side.unwrap_or(self.authored));
        drawing.shapes.iter().filter(move |s| {
            s.region == region && (side.is_none() || s.side.is_none() || s.side == side)
        })
    }

    /// The box around a region's shapes on a side (clipped to the view's bounds), if the
    /// view draws it.
    pub fn region_box(&self, region: RegionIdx, side: Option<Side>) -> Option<Rect> {
        let b = self
            .shapes_of(region, side)
            .fold(Rect::EMPTY, |b, s| b.union(s.poly.bbox()));
        if b.is_empty() {
            return None;
        }
        let c = self.bounds;
        Some(Rect {
            x0: b.x0.max(c.x0),
            y0: b.y0.max(c.y0),
            x1: b.x1.min(c.x1),
            y1: b.y1.min(c.y1),
        })
    }

    /// Whether the view draws a region (on any side) where it can be seen (not wholly
    /// outside the body or under later shapes).
    pub fn draws(&self, region: RegionIdx) -> bool {
        self.drawings[0]
            .shapes
            .iter()
            .any(|s| s.region == region && s.weight > 0.0)
    }

    /// Whether the view draws all of a region (not just the part at a close-up's edge).
    pub fn draws_whole(&self, region: RegionIdx) -> bool {
        self.draws(region) && !self.partial.contains(&region)
    }

    /// The region instance seen at a point of the drawing for `side`: the last shape in
    /// painting order that holds it, inside the silhouette (as the raster assigns cells).
    pub fn region_at(&self, p: Pt, side: Side) -> Option<(RegionIdx, Option<Side>)> {
        let d = self.drawing(side);
        if !d.outline.iter().any(|o| o.contains(p)) {
            return None;
        }
        d.shapes
            .iter()
            .rev()
            .find(|s| s.poly.contains(p))
            .map(|s| (s.region, s.side))
    }

    /// Whether the point is seen inside `region` on `side` (`None`: a midline region).
    pub fn shows(&self, p: Pt, region: RegionIdx, side: Option<Side>) -> bool {
        let drawing_side = side.unwrap_or(self.authored);
        self.region_at(p, drawing_side)
            .is_some_and(|(r, s)| r == region && (s.is_none() || side.is_none() || s == side))
    }

    /// A point inside the region on a side: the anchor of its largest shape.
    pub fn anchor(&self, region: RegionIdx, side: Option<Side>) -> Option<Pt> {
        self.shapes_of(region, side)
            .max_by(|a, b| a.weight.total_cmp(&b.weight))
            .map(|s| s.anchor)
    }
}

/// Where a trigger point is drawn in one view, as authored (see [`View::place`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PointAt {
    /// The view.
    pub view: ViewId,
    /// The point, authored for the view's authored side.
    pub at: Pt,
}

/// The body model: views, regions and trigger-point positions.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BodyModel {
    regions: Vec<String>,
    index: Map<String, RegionIdx>,
    midline: Vec<bool>,
    views: Vec<View>,
    points: Map<String, Vec<PointAt>>,
    faces: Map<String, Face>,
    zones: Map<String, Vec<super::zones::ZoneShape>>,
}

impl fmt::Display for ViewId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

/// The name the body model goes by in messages (it is always the shipped file).
pub const BODY_FILE: &str = "data/body.ron";

impl BodyModel {
    /// Parses and checks a body model written in RON.
    pub fn parse(text: &str) -> Result<BodyModel, BodyError> {
        let file: BodyFile = crate::ron_file::from_ron(text, BODY_FILE)?;
        build(file)
    }

    /// The model with the zone shapes of a zone file (see [`super::zones`]).
    pub fn with_zones(mut self, text: &str) -> Result<BodyModel, BodyError> {
        let zones = super::zones::parse(&self, text)?;
        self.zones = zones.into_iter().collect();
        Ok(self)
    }

    /// The shipped body model and zone shapes, parsed and built from their RON (the
    /// build step embeds their binary form; tests compare the two).
    pub fn shipped_from_ron() -> Result<BodyModel, BodyError> {
        BodyModel::parse(SHIPPED)?.with_zones(super::zones::SHIPPED_ZONES)
    }

    /// A trigger point's zone shapes, on every view that has them.
    pub fn zones_of(&self, tp_id: &str) -> &[super::zones::ZoneShape] {
        self.zones.get(tp_id).map_or(&[], Vec::as_slice)
    }

    /// Whether a trigger point's pattern is drawn as shapes on a view.
    pub fn has_zones(&self, tp_id: &str, view: ViewId) -> bool {
        self.zones_of(tp_id).iter().any(|z| z.view == view)
    }

    /// The trigger points whose patterns are drawn as shapes.
    pub fn zone_ids(&self) -> impl Iterator<Item = &str> {
        self.zones.keys().map(String::as_str)
    }

    /// Every region id drawn somewhere, sorted; a [`RegionIdx`] indexes this.
    pub fn regions(&self) -> &[String] {
        &self.regions
    }

    /// The index of a region id, if the model draws it.
    pub fn region_index(&self, id: &str) -> Option<RegionIdx> {
        self.index.get(id).copied()
    }

    /// The id of a region index.
    pub fn region_id(&self, idx: RegionIdx) -> &str {
        self.regions
            .get(usize::from(idx))
            .map_or("", String::as_str)
    }

    /// Whether a region is midline (drawn once, no side).
    pub fn is_midline(&self, id: &str) -> bool {
        self.region_index(id)
            .is_some_and(|i| self.midline[usize::from(i)])
    }

    /// A view.
    pub fn view(&self, id: ViewId) -> &View {
        &self.views[id.index()]
    }

    /// Every view, in [`ViewId::ALL`] order.
    pub fn views(&self) -> &[View] {
        &self.views
    }

    /// Trigger-point ids that have authored positions.
    pub fn point_ids(&self) -> impl Iterator<Item = &str> {
        self.points.keys().map(String::as_str)
    }

    /// Where a trigger point on `side` is drawn in a view, if that view shows it.
    ///
    /// One rule for every view: a point is shown only where its location region is drawn
    /// and its position lies inside it (the region seen there, on its side), and only in
    /// a view authored for it: a point is marked on the surface it lies under (the front,
    /// the back, its side), never on the opposite one, and a deep point is not marked
    /// where it could only be felt through the body (`faces` in the model, checked when
    /// it is built: no position is authored on a view that does not see the point's
    /// surface). A trigger point with no authored
    /// position at all (an atlas of its own) is drawn at its location region's anchor in
    /// the views that draw that region whole; a close-up that only grazes the region (the
    /// shin at the top of a foot close-up) never guesses.
    pub fn trigger_point_at(
        &self,
        tp_id: &str,
        location: &str,
        view: ViewId,
        side: Option<Side>,
    ) -> Option<Pt> {
        let region = self.region_index(location)?;
        let on = (!self.midline[usize::from(region)]).then(|| side.unwrap_or(Side::Right));
        let p = self.position_in(tp_id, region, view, side)?;
        self.view(view).shows(p, region, on).then_some(p)
    }

    /// A trigger point's position in a view before the check that its region is seen
    /// there: authored for the view or its twin, else (no authored position at all) its
    /// region's anchor where the view draws the region whole.
    pub fn position_in(
        &self,
        tp_id: &str,
        region: RegionIdx,
        view: ViewId,
        side: Option<Side>,
    ) -> Option<Pt> {
        let v = self.view(view);
        let s = side.unwrap_or(Side::Right);
        let on = (!self.midline[usize::from(region)]).then_some(s);
        let authored = self.points.get(tp_id).map_or(&[][..], Vec::as_slice);
        match authored.iter().find(|p| p.view == view).map(|p| p.at) {
            Some(p) => Some(v.place(p, s)),
            None if authored.is_empty() && v.draws_whole(region) => v.anchor(region, on),
            None => None,
        }
    }

    /// The surface a trigger point lies under (see [`Face`]); `None` for a point with no
    /// authored position.
    pub fn face_of(&self, tp_id: &str) -> Option<Face> {
        self.faces.get(tp_id).copied()
    }

    /// The authored positions of a trigger point.
    pub fn points_of(&self, tp_id: &str) -> &[PointAt] {
        self.points.get(tp_id).map_or(&[], Vec::as_slice)
    }
}

fn polygon(text: &str, what: &str) -> Result<Polygon, BodyError> {
    let pts = parse_points(text).map_err(|e| BodyError::Invalid(format!("{what}: {e}")))?;
    if pts.len() < 3 {
        return Err(BodyError::Invalid(format!(
            "{what}: a polygon needs at least 3 points"
        )));
    }
    Ok(Polygon::new(pts))
}

fn polyline(text: &str, what: &str) -> Result<Vec<Pt>, BodyError> {
    let pts = parse_points(text).map_err(|e| BodyError::Invalid(format!("{what}: {e}")))?;
    if pts.is_empty() {
        return Err(BodyError::Invalid(format!("{what}: an empty line")));
    }
    Ok(pts)
}

/// The spans `[x0, x1)` of the union of polygons along the line at `y`, sorted.
pub fn union_spans(polys: &[Polygon], y: f32, xs: &mut Vec<f32>) -> Vec<(f32, f32)> {
    let mut spans = Vec::new();
    for p in polys {
        xs.clear();
        p.crossings(y, xs);
        xs.sort_by(f32::total_cmp);
        spans.extend(xs.chunks_exact(2).map(|c| (c[0], c[1])));
    }
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut merged: Vec<(f32, f32)> = Vec::with_capacity(spans.len());
    for (a, b) in spans {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// Scan lines used to find a region's anchor.
const LINES: usize = 24;

/// `spans` less the parts covered by `cut` (both sorted, disjoint).
fn subtract(spans: &[(f32, f32)], cut: &[(f32, f32)]) -> Vec<(f32, f32)> {
    let mut out = Vec::new();
    for &(mut a, b) in spans {
        for &(c0, c1) in cut {
            if c1 <= a || c0 >= b {
                continue;
            }
            if c0 > a {
                out.push((a, c0));
            }
            a = a.max(c1);
        }
        if b > a {
            out.push((a, b));
        }
    }
    out
}

/// A point where the polygon is seen (inside the silhouette, not painted over by the
/// `later` shapes), and the area seen (roughly).
fn anchor_in(poly: &Polygon, outline: &[Polygon], later: &[Polygon]) -> (Pt, f32) {
    let b = poly.bbox();
    let mut xs = Vec::new();
    let mut best: Option<(f32, Pt)> = None;
    let mut area = 0.0;
    let dy = b.height() / LINES as f32;
    for k in 0..LINES {
        let y = b.y0 + dy * (k as f32 + 0.5);
        let body = union_spans(outline, y, &mut xs);
        let own = union_spans(std::slice::from_ref(poly), y, &mut xs);
        let own = subtract(&own, &union_spans(later, y, &mut xs));
        for &(a0, a1) in &own {
            for &(b0, b1) in &body {
                let (x0, x1) = (a0.max(b0), a1.min(b1));
                if x1 > x0 {
                    area += (x1 - x0) * dy;
                    // Favour wide spans near the middle line.
                    let off = (k as f32 + 0.5) / LINES as f32 - 0.5;
                    let score = (x1 - x0) * (1.0 - off.abs());
                    if best.is_none_or(|(s, _)| score > s) {
                        best = Some((score, Pt::new(f32::midpoint(x0, x1), y)));
                    }
                }
            }
        }
    }
    match best {
        Some((_, p)) => (p, area),
        None => (poly.inner_point(), 0.0),
    }
}

/// The outline segments that separate the union of the polygons from the outside, less
/// the straight cuts along the top and bottom of the view (where a close-up ends: the
/// neck, the wrist, the leg), which are not edges of the body.
fn boundary_of(outline: &[Polygon], round: &[bool], bounds: Rect) -> Vec<Boundary> {
    let cut = |a: Pt, b: Pt| {
        let on = |y: f32, edge: f32| (y - edge).abs() < 0.01;
        (on(a.y, bounds.y0) && on(b.y, bounds.y0)) || (on(a.y, bounds.y1) && on(b.y, bounds.y1))
    };
    let inside = |p: Pt| outline.iter().any(|q| q.contains(p));
    let mut out = Vec::new();
    for (poly, &round) in outline.iter().zip(round) {
        for (a, b) in poly.edges() {
            let (dx, dy) = (b.x - a.x, b.y - a.y);
            let len = dx.hypot(dy);
            if len <= 0.0 || cut(a, b) {
                continue;
            }
            // Pieces of at most 2 units, so overlapping polygons are cut where they meet.
            let pieces = (len / 2.0).ceil().max(1.0) as usize;
            let eps = 0.05;
            let (ox, oy) = (-dy / len * eps, dx / len * eps);
            let at = |f: f32| Pt::new(a.x + dx * f, a.y + dy * f);
            // Runs of consecutive pieces with the body on the same side become one segment.
            let mut run: Option<(usize, bool)> = None;
            for k in 0..=pieces {
                let state = (k < pieces).then(|| {
                    let m = at((k as f32 + 0.5) / pieces as f32);
                    let left = inside(Pt::new(m.x + ox, m.y + oy));
                    let right = inside(Pt::new(m.x - ox, m.y - oy));
                    (left != right).then_some(left)
                });
                let state = state.flatten();
                match (run, state) {
                    (Some((_, l)), Some(s)) if l == s => {}
                    _ => {
                        if let Some((start, left)) = run.take() {
                            let (p0, p1) = (
                                at(start as f32 / pieces as f32),
                                at(k as f32 / pieces as f32),
                            );
                            let (a, b) = if left { (p0, p1) } else { (p1, p0) };
                            out.push(Boundary { a, b, round });
                        }
                        run = state.map(|l| (k, l));
                    }
                }
            }
        }
    }
    out
}

/// The region shapes of a view, mirrored for the other side in a bilateral view.
fn build_shapes(
    def: &ViewDef,
    index: &Map<String, RegionIdx>,
    midline: &[bool],
    outline: &[Polygon],
    mirror_axis: Option<f32>,
    authored: Side,
) -> Result<Vec<Shape>, BodyError> {
    let what = format!("view {}", def.id);
    let mut shapes = Vec::new();
    for (id, text) in &def.regions {
        let region = index[id.as_str()];
        let poly = polygon(text, &format!("{what}, region `{id}`"))?;
        let mid = midline[usize::from(region)];
        let mut push = |poly: Polygon, side: Option<Side>| {
            shapes.push(Shape {
                region,
                side,
                anchor: poly.inner_point(),
                poly,
                weight: 0.0,
            });
        };
        if mid {
            push(poly, None);
        } else if let Some(axis) = mirror_axis {
            let mirrored = poly.mirrored(axis);
            push(poly, Some(authored));
            push(mirrored, Some(authored.opposite()));
        } else {
            push(poly, Some(authored));
        }
    }
    // Anchors where each shape is seen: later shapes of other regions paint over it.
    for k in 0..shapes.len() {
        let (region, side) = (shapes[k].region, shapes[k].side);
        let later: Vec<Polygon> = shapes[k + 1..]
            .iter()
            .filter(|s| (s.region, s.side) != (region, side))
            .map(|s| s.poly.clone())
            .collect();
        let (anchor, weight) = anchor_in(&shapes[k].poly, outline, &later);
        shapes[k].anchor = anchor;
        shapes[k].weight = weight;
    }
    Ok(shapes)
}

/// A view's named landmarks: kebab-case names, each one point inside the view, once.
fn landmarks_of(def: &ViewDef, what: &str, bounds: Rect) -> Result<Vec<(String, Pt)>, BodyError> {
    let mut landmarks: Vec<(String, Pt)> = Vec::new();
    for (name, text) in &def.landmarks {
        let pts = parse_points(text)
            .map_err(|e| BodyError::Invalid(format!("{what}, landmark `{name}`: {e}")))?;
        let ok_name = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        match pts.as_slice() {
            [p] if ok_name && bounds.padded(2.0, 2.0).contains(*p) => {
                if landmarks.iter().any(|(n, _)| n == name) {
                    return Err(BodyError::Invalid(format!(
                        "{what}: landmark `{name}` is given twice"
                    )));
                }
                landmarks.push((name.clone(), *p));
            }
            _ => {
                return Err(BodyError::Invalid(format!(
                    "{what}, landmark `{name}`: a kebab-case name and one point \"x,y\" inside the view"
                )));
            }
        }
    }
    Ok(landmarks)
}

/// Resolves one view: its silhouette (mirrored or flipped as asked), details and shapes.
fn build_view(
    def: &ViewDef,
    silhouettes: &BTreeMap<String, SilhouetteDef>,
    index: &Map<String, RegionIdx>,
    midline: &[bool],
) -> Result<View, BodyError> {
    let what = format!("view {}", def.id);
    let sil = silhouettes
        .get(&def.silhouette)
        .ok_or_else(|| BodyError::Invalid(format!("{what}: no silhouette `{}`", def.silhouette)))?;
    let mut outline = sil
        .outline
        .iter()
        .chain(&sil.round)
        .map(|t| polygon(t, &what))
        .collect::<Result<Vec<_>, _>>()?;
    let mut round: Vec<bool> = (0..outline.len()).map(|i| i >= sil.outline.len()).collect();
    let mut details = sil
        .details
        .iter()
        .chain(&def.details)
        .map(|t| polyline(t, &what))
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(axis) = def.flip {
        outline = outline.iter().map(|p| p.mirrored(axis)).collect();
        for d in &mut details {
            *d = d.iter().map(|p| p.mirrored(axis)).collect();
        }
    }
    if outline.is_empty() {
        return Err(BodyError::Invalid(format!("{what}: empty silhouette")));
    }
    let (bilateral, authored, axis) = match def.symmetry {
        SymmetryDef::Bilateral { axis, viewer_left } => {
            outline = outline
                .iter()
                .flat_map(|p| [p.clone(), p.mirrored(axis)])
                .collect();
            round = round.iter().flat_map(|&r| [r, r]).collect();
            details = details
                .iter()
                .flat_map(|d| [d.clone(), d.iter().map(|p| p.mirrored(axis)).collect()])
                .collect();
            (Some(Side::from(viewer_left)), Side::from(viewer_left), axis)
        }
        SymmetryDef::Unilateral { side } => {
            let b = outline.iter().fold(Rect::EMPTY, |b, p| b.union(p.bbox()));
            (None, Side::from(side), f32::midpoint(b.x0, b.x1))
        }
    };
    let bounds = outline.iter().fold(Rect::EMPTY, |b, p| b.union(p.bbox()));

    let shapes = build_shapes(
        def,
        index,
        midline,
        &outline,
        bilateral.map(|_| axis),
        authored,
    )?;
    let boundary = boundary_of(&outline, &round, bounds);
    let first = Drawing {
        outline,
        details,
        boundary,
        shapes,
    };
    let second = if bilateral.is_some() {
        first.clone()
    } else {
        first.mirrored(axis)
    };
    let mut partial = Vec::new();
    for id in &def.partial {
        let idx = index
            .get(id.as_str())
            .copied()
            .filter(|&i| first.shapes.iter().any(|s| s.region == i));
        partial.push(idx.ok_or_else(|| {
            BodyError::Invalid(format!("{what}: partial region `{id}` is not drawn here"))
        })?);
    }
    let mut zooms = Vec::new();
    for (title, text) in &def.zooms {
        let pts = parse_points(text)
            .map_err(|e| BodyError::Invalid(format!("{what}, zoom `{title}`: {e}")))?;
        let b = pts.iter().fold(Rect::EMPTY, |b, &p| b.including(p));
        if pts.len() != 2 || b.width() <= 0.0 || b.height() <= 0.0 {
            return Err(BodyError::Invalid(format!(
                "{what}, zoom `{title}`: a box is two corners \"x0,y0 x1,y1\""
            )));
        }
        zooms.push((title.clone(), b));
    }
    let landmarks = landmarks_of(def, &what, bounds)?;
    Ok(View {
        id: def.id,
        title: def.title.clone(),
        bilateral,
        authored,
        axis,
        bounds,
        drawings: [first, second],
        partial,
        zooms,
        landmarks,
    })
}

fn build(file: BodyFile) -> Result<BodyModel, BodyError> {
    // Region index over every id a view draws.
    let mut ids: Vec<String> = file
        .views
        .iter()
        .flat_map(|v| v.regions.iter().map(|(id, _)| id.clone()))
        .collect();
    ids.sort();
    ids.dedup();
    for m in &file.midline {
        if !ids.contains(m) {
            return Err(BodyError::Invalid(format!(
                "midline region `{m}` is not drawn in any view"
            )));
        }
    }
    let index: Map<String, RegionIdx> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.clone(), i as RegionIdx))
        .collect();
    let midline: Vec<bool> = ids.iter().map(|id| file.midline.contains(id)).collect();

    let mut views: Vec<Option<View>> = vec![None; ViewId::ALL.len()];
    for def in &file.views {
        if views[def.id.index()].is_some() {
            return Err(BodyError::Invalid(format!(
                "view {} is defined twice",
                def.id
            )));
        }
        views[def.id.index()] = Some(build_view(def, &file.silhouettes, &index, &midline)?);
    }
    let views = views
        .into_iter()
        .zip(ViewId::ALL)
        .map(|(v, id)| v.ok_or_else(|| BodyError::Invalid(format!("view {id} is missing"))))
        .collect::<Result<Vec<_>, _>>()?;

    let mut points = Map::default();
    let mut faces = Map::default();
    for id in file.faces.keys() {
        if !file.points.contains_key(id) {
            return Err(BodyError::Invalid(format!(
                "face for `{id}`, which has no points"
            )));
        }
    }
    for (tp, list) in file.points {
        let face = file
            .faces
            .get(&tp)
            .copied()
            .unwrap_or_else(|| Face::of_views(list.iter().map(|p| p.0)));
        if let Some((view, ..)) = list.iter().find(|p| !p.0.sees(face)) {
            return Err(BodyError::Invalid(format!(
                "`{tp}` lies under the {face:?} surface, which view {view} does not see"
            )));
        }
        faces.insert(tp.clone(), face);
        let mut out = Vec::with_capacity(list.len());
        for (view, x, y) in list {
            let p = Pt::new(x, y);
            let inside = x.is_finite() && y.is_finite() && views[view.index()].bounds.contains(p);
            if !inside {
                return Err(BodyError::Invalid(format!(
                    "point for `{tp}` in view {view} is outside the view"
                )));
            }
            if out.iter().any(|q: &PointAt| q.view == view) {
                return Err(BodyError::Invalid(format!(
                    "`{tp}` has two points in view {view}"
                )));
            }
            out.push(PointAt { view, at: p });
        }
        points.insert(tp, out);
    }

    Ok(BodyModel {
        regions: ids,
        index,
        midline,
        views,
        points,
        faces,
        zones: Map::default(),
    })
}
