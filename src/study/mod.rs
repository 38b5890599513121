//! Study mode's pure core: cards drawn from the atlas, scoring, a Leitner scheduler,
//! saved progress and the summary. Nothing here knows about terminals; the clock is
//! passed in (seconds since the Unix epoch) so every rule is testable.
//!
//! - [`cards`]: one "name the muscle" and one "draw the pattern" card per trigger point,
//!   with distractors, in an order fixed by a seed;
//! - [`score`]: exact naming, and overlap scoring of a drawn pattern;
//! - [`schedule`]: Leitner boxes 1-5;
//! - [`progress`]: the versioned `progress.json`, written atomically;
//! - [`summary`]: cards due and accuracy per body group.

pub mod cards;
pub mod progress;
pub mod rng;
pub mod schedule;
pub mod score;
pub mod summary;

pub use cards::{Card, CardKind, Deck};
pub use progress::{Progress, ProgressError};
pub use schedule::CardState;
pub use score::{Overlap, score_draw};
pub use summary::Summary;
