//! The atlas: model types, loading and validation. [`Atlas`] can only be built by the
//! validating loader, so every id inside one refers to something that exists.

pub mod model;
pub mod side;

pub use side::{RegionInstance, Side};
