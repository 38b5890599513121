//! The shipped body model, embedded already built: the build step (`build.rs`) parsed
//! and checked `data/body.ron` with [`super::model`]'s own code, mirrored the shapes and
//! found their anchors and the silhouette's boundaries, and wrote the result in binary
//! form. Loading it only decodes. (Kept out of `model.rs`, which the build step compiles
//! itself, since this file needs the build step's output.)

use super::model::BodyModel;
use std::sync::OnceLock;

/// The built model in binary form, from the build step.
static SHIPPED_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/body.bin"));

/// The model shipped in `data/body.ron`, built once per process.
///
/// # Panics
///
/// Never in a built binary: the build step built the model from `data/body.ron`
/// (failing the build if it is not valid) and wrote the form decoded here; the
/// `the_embedded_model_is_the_shipped_file` test holds the two equal.
pub fn shipped() -> &'static BodyModel {
    static MODEL: OnceLock<BodyModel> = OnceLock::new();
    MODEL.get_or_init(|| {
        #[allow(clippy::expect_used, reason = "embedded by the build step, tested")]
        postcard::from_bytes(SHIPPED_BIN).expect("the embedded body model decodes")
    })
}
