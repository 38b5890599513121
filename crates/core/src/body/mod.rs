//! The body model and the pure renderer that draws referral diagrams as grids of cells.
//!
//! - [`model`]: the views, silhouettes, region shapes and trigger-point positions of
//!   `data/body.ron` ([`BodyModel::shipped`]).
//! - [`geom`]: points, boxes and polygons.
//! - `shipped`: the shipped model, embedded already built by the build step.
//!
//! Nothing here knows about terminals: the output is characters with a semantic
//! semantic style that a caller maps to colours.

pub mod diagram;
pub mod figure;
pub mod frame;
pub use painmap_model::body::geom;
pub mod glyphs;
pub use painmap_model::body::model;
pub use painmap_model::body::zones;
#[cfg(test)]
mod model_tests;
pub mod mosaic;
pub mod overlay;
pub mod pixmap;
pub mod raster;
mod shipped;
pub use shipped::shipped;
pub mod svg;
#[cfg(test)]
mod testutil;
#[cfg(test)]
mod zones_tests;

pub use model::{Area, BodyModel, ViewId};
