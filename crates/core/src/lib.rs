//! painmap's core: everything that knows no terminal, no command line and no clock.
//!
//! - [`atlas`]: the model, the validating loader (the only way to an [`atlas::Atlas`]),
//!   the embedded binary form and the user-atlas cache, region and muscle resolution;
//! - [`rank`]: a selection in, ranked candidates with reasons out, and red flags;
//! - [`search`]: fuzzy search over muscles, regions and symptoms;
//! - [`report`]: the ranked report as text, JSON or a Markdown note;
//! - [`intake`]: intensities and pain qualities per region;
//! - [`record`]: an intake saved as JSON and reopened;
//! - [`fsutil`]: the hardened reader and atomic, owner-only writes;
//! - [`date`]: calendar dates and stamps, parsed and printed (the clock is passed in);
//! - [`escape`]: the one escape rule per output (terminal, Markdown, CSV, JSON, SVG, PDF);
//! - [`color`]: whether to colour the output, from values the caller read;
//! - [`body`]: the body model and the renderer of referral diagrams;
//! - [`records`]: client records (visits, history, trends) in an SQLite file;
//! - [`study`]: study cards, scoring, the FSRS scheduler and saved progress;
//! - [`parse`]: free text ("pain behind my left knee, burning") read with the lexicon;
//! - [`compare`]: two referral patterns side by side, region by region;
//! - [`screen`]: red-flag concepts heard in the client's words, and the screening
//!   questions a selection asks.
//!
//! The file types and their validation live in the `painmap-model` crate, which the
//! build step shares; the modules here re-export them where they belong.
#![forbid(unsafe_code)]

pub mod atlas;
pub mod body;
pub mod color;
pub mod columns;
pub mod compare;
pub mod date;
pub mod drawing;
pub mod escape;
pub mod folders;
pub mod fsutil;
pub mod intake;
pub mod layers;
pub mod parse;
pub mod pdf;
pub mod rank;
pub mod record;
pub mod records;
pub mod report;
pub mod screen;
pub mod search;
pub mod study;

/// Shown with every ranking and in every note.
pub const DISCLAIMER: &str = "painmap is an educational reference, not a diagnosis. \
Referral patterns suggest where to look; they do not rule out other causes.";
