//! Free text, as the client says it: "pain behind my left knee and in the calf,
//! burning" read into regions on sides, pain qualities and symptom words, with what was
//! not understood listed rather than guessed. Pure.
//!
//! - [`lexicon`]: the phrase book (`data/lexicon.ron`, embedded), validated against the
//!   atlas it speaks of, and its lookup indexes;
//! - [`words`]: text into folded words and clause breaks (by chars, never by bytes);
//! - [`reading`]: the reader itself, [`Lexicon::read`];
//! - [`args`]: what `rank`'s arguments mean: region names, else phrases.

pub mod args;
pub mod lexicon;
pub(crate) use painmap_model::parse::lexicon_file;
pub mod reading;
pub use painmap_model::parse::words;

pub use args::{ArgsError, RankReading, read_rank_args};
pub use lexicon::{Lexicon, LexiconError, SHIPPED_LEXICON, SHIPPED_LEXICON_NAME};
pub use reading::{Correction, Reading};
