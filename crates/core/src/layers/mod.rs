//! What else it could be: the non-myofascial layers (dermatomes C2 to S2, the cutaneous
//! fields of the main peripheral nerves, the visceral referral zones) of
//! `data/layers.ron`, embedded already checked by the build step.
//!
//! - [`fit`]: how well a selection (regions with sides) or a shaded mask on one view
//!   fits each entry, and the red flags a serious fit raises.
//! - [`paint`]: which cells of a raster each entry covers, and its labels, for the text
//!   pictures (the CLI's `show --layer` and the explorer's map).
//! - [`picture`]: the SVG and PNG of a layer, from the vector shapes.
//! - [`report`]: "What else it could be" in a report, with the telling questions.
//!
//! Placement: an entry's shapes are authored like the body model's region shapes and
//! placed on each of its sides with [`crate::body::model::View::place`].

pub mod fit;
pub mod paint;
pub mod picture;
pub mod report;

use std::sync::OnceLock;

pub use painmap_model::layers::{Entry, Kind, Layers, Question, Sides};

use crate::atlas::Side;
use crate::body::geom::Polygon;
use crate::body::model::{View, ViewId};

/// The checked layers in binary form, from the build step.
static SHIPPED_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/layers.bin"));

/// The layers shipped in `data/layers.ron`, decoded once per process.
///
/// # Panics
///
/// Never in a built binary: the build step checked `data/layers.ron` (failing the build
/// if it is not valid) and wrote the form decoded here; the tests decode it.
pub fn shipped() -> &'static Layers {
    static LAYERS: OnceLock<Layers> = OnceLock::new();
    LAYERS.get_or_init(|| {
        #[allow(clippy::expect_used, reason = "embedded by the build step, tested")]
        postcard::from_bytes(SHIPPED_BIN).expect("the embedded layers decode")
    })
}

/// The sides an entry is drawn and fitted on, one at a time (`Both` is fitted as one
/// instance over the two sides: see [`fit`]).
pub fn sides_of(entry: &Entry) -> &'static [Side] {
    match entry.sides {
        Sides::Either | Sides::Both => &[Side::Left, Side::Right],
        Sides::Left => &[Side::Left],
        Sides::Right => &[Side::Right],
    }
}

/// The layer a word names: `dermatomes`, `nerves`, `organs` (or the singular).
pub fn kind_named(word: &str) -> Option<Kind> {
    let w = word.trim().to_ascii_lowercase();
    Kind::ALL
        .into_iter()
        .find(|k| w == k.plural() || w == k.as_str())
}

/// An entry's shapes in a view, placed on `side` (nothing when the entry is not found
/// on that side).
pub fn placed<'e>(
    entry: &'e Entry,
    view: &'e View,
    side: Side,
) -> impl Iterator<Item = Polygon> + 'e {
    let on = sides_of(entry).contains(&side);
    entry
        .shapes
        .iter()
        .filter(move |(v, _)| on && *v == view.id())
        .map(move |(_, poly)| {
            if side == view.authored {
                poly.clone()
            } else {
                Polygon::new(poly.points().iter().map(|&p| view.place(p, side)).collect())
            }
        })
}

/// The sides of an entry drawn in a view shown for `side` (a one-sided view, a hand or a
/// foot, shows only its own side; a bilateral view shows both).
pub fn sides_in(view: &View, shown: Side) -> &'static [Side] {
    if view.is_bilateral() {
        &[Side::Left, Side::Right]
    } else if shown == Side::Left {
        &[Side::Left]
    } else {
        &[Side::Right]
    }
}

/// Whether an entry has a shape in a view.
pub fn drawn_in(entry: &Entry, view: ViewId) -> bool {
    entry.shapes.iter().any(|(v, _)| *v == view)
}

#[cfg(test)]
mod tests;
