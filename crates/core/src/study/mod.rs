//! Study mode's pure core: cards drawn from the atlas, scoring, the FSRS scheduler,
//! saved progress and the summary. Nothing here knows about terminals; the clock is
//! passed in (seconds since the Unix epoch) so every rule is testable.
//!
//! - [`cards`]: one "name the muscle" and one "draw the pattern" card per trigger point,
//!   with look-alike distractors, in an order fixed by a seed;
//! - [`score`]: exact naming, and overlap scoring of a drawn pattern;
//! - [`schedule`]: FSRS-5 (stability, difficulty, retrievability) and the mapping of the
//!   old Leitner boxes;
//! - [`progress`]: the versioned `progress.json`, written atomically;
//! - [`summary`]: cards due now, within a day and a week, accuracy and retention per body
//!   group, and the study order.

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
