//! Pages to print: the client's handout for a muscle and the practice's intake note, as
//! PDF. Pure: bytes out, no file or clock (the caller writes them, owner-only and
//! atomically, with [`crate::fsutil::write_private`]).
//!
//! - [`page`]: the page-flow builder (A4, base-14 Helvetica in `WinAnsi`, wrapping by
//!   the fonts' widths).
//! - [`picture`]: a body figure as vector paths, from the body model the SVG draws.
//! - [`handout`]: one muscle for the client (its picture, where to press, self-care,
//!   the source and the disclaimer).
//! - [`note`]: one visit for the practice's file (the body chart, regions, sides,
//!   intensities, qualities, red flags, screening answers, the session and the note).

pub mod handout;
pub mod note;
pub mod page;
pub mod picture;

pub use handout::handout;
pub use note::intake_note;
