//! What `rank`'s arguments mean: each is a region name (`left temple`, or several
//! separated by commas, as always), else it is read as free text ("pain behind my left
//! knee and in the calf, burning", "sciatica"). One function, so the command line and
//! any other caller read arguments alike.

use super::lexicon::{Lexicon, LexiconError};
use super::reading::Reading;
use crate::atlas::{Atlas, ResolveError};
use crate::rank::Selection;

/// Why arguments could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ArgsError {
    /// An argument is neither a region nor text with anything understood in it.
    #[error(transparent)]
    Resolve(#[from] ResolveError),
    /// The lexicon could not be loaded.
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
}

/// The selection the arguments make, and what reading them as text said in passing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RankReading {
    /// Regions and symptom words (a quality said counts as a symptom word).
    pub selection: Selection,
    /// Every reading of an argument taken as text, for telling the user what was
    /// corrected or not understood.
    pub readings: Vec<(String, Reading)>,
}

/// Reads `rank`'s region arguments and `--symptom` words. An argument whose
/// comma-separated parts all name regions is those regions; a body area alone ("left
/// arm") stays the error that lists its regions; anything else is read as text with the
/// shipped lexicon (loaded only then), and is an error only when nothing in it is
/// understood.
pub fn read_rank_args(
    atlas: &Atlas,
    regions: &[String],
    symptoms: &[String],
) -> Result<RankReading, ArgsError> {
    let mut out = RankReading::default();
    let mut lexicon: Option<Lexicon> = None;
    for arg in regions {
        let parts: Vec<&str> = arg.split(',').filter(|p| !p.trim().is_empty()).collect();
        let resolved: Vec<Result<_, ResolveError>> =
            parts.iter().map(|p| atlas.resolve_region(p)).collect();
        if resolved.iter().all(Result::is_ok) {
            for r in resolved.into_iter().flatten() {
                out.selection.add(r);
            }
            continue;
        }
        if let [Err(e @ ResolveError::Area { .. })] = resolved.as_slice() {
            return Err(e.clone().into());
        }
        let lex = match &mut lexicon {
            Some(l) => l,
            None => lexicon.insert(Lexicon::for_atlas(atlas)?),
        };
        let reading = lex.read(arg);
        if !reading.understood() {
            // Say it as resolution does: the first part that named nothing, with its
            // suggestions.
            let first = resolved.into_iter().find_map(Result::err);
            return Err(first
                .unwrap_or_else(|| ResolveError::UnknownRegion {
                    token: arg.trim().to_string(),
                    suggestions: Vec::new(),
                })
                .into());
        }
        for r in &reading.regions {
            out.selection.add(r.clone());
        }
        for w in reading.symptom_words() {
            if !out.selection.symptoms.contains(&w) {
                out.selection.symptoms.push(w);
            }
        }
        out.readings.push((arg.clone(), reading));
    }
    for s in symptoms.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        if !out.selection.symptoms.iter().any(|x| x == s) {
            out.selection.symptoms.push(s.to_string());
        }
    }
    Ok(out)
}
