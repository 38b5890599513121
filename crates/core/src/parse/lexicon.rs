//! The phrase book: lay and clinical phrases for the atlas's regions, paths along a limb,
//! words for pain qualities and symptoms, negations and words to pass over. The data is
//! `data/lexicon.ron` (embedded); this module parses it (unknown fields refused, syntax
//! errors as `file:line:col`), checks it against the atlas (every region and symptom it
//! names exists, with "did you mean"; no phrase means two things) and indexes it.
//!
//! Side words are not in the lexicon: they are the one table of
//! [`crate::atlas::side::SIDE_WORDS`], shared with region resolution and `--side`.

use super::lexicon_file::LexiconFile;
use crate::atlas::{Atlas, ResolveError};
use painmap_model::parse::lexicon_index::Terms;
use painmap_model::ron_file::{SyntaxError, from_ron};

/// The lexicon shipped inside the binary.
pub const SHIPPED_LEXICON: &str = include_str!("../../../../data/lexicon.ron");

/// The name the shipped lexicon goes by in messages.
pub const SHIPPED_LEXICON_NAME: &str = "data/lexicon.ron";

/// Why a lexicon could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LexiconError {
    /// RON syntax or shape error.
    #[error(transparent)]
    Parse(#[from] SyntaxError),
    /// The file parsed but does not fit the atlas.
    #[error("{file}: {}{}", .problems.first().map_or("invalid lexicon", String::as_str),
        if .problems.len() > 1 { format!(" (and {} more)", .problems.len() - 1) } else { String::new() })]
    Invalid {
        /// The file's name.
        file: String,
        /// Every problem, each naming the entry at fault.
        problems: Vec<String>,
    },
}

pub use painmap_model::parse::lexicon_index::{Feeling, LexiconIndex, PlaceMeaning};

/// A validated, indexed lexicon for one atlas (the index, with the reader's methods).
#[derive(Debug, Clone)]
pub struct Lexicon(LexiconIndex);

impl std::ops::Deref for Lexicon {
    type Target = LexiconIndex;

    fn deref(&self) -> &LexiconIndex {
        &self.0
    }
}

/// How strictly a lexicon is checked against its atlas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Strictness {
    /// Every problem is an error.
    Strict,
    /// Entries naming what the atlas lacks are left out (the shipped lexicon over
    /// another atlas).
    Lenient,
}

impl Lexicon {
    /// Parses and validates lexicon text against `atlas`; `name` is used in messages.
    pub fn from_text(text: &str, name: &str, atlas: &Atlas) -> Result<Lexicon, LexiconError> {
        build(&parse(text, name)?, name, atlas, Strictness::Strict)
    }

    /// The shipped lexicon for `atlas`. Over the shipped atlas every entry must hold
    /// (the tests check it); over another atlas, entries naming regions or symptoms it
    /// lacks are left out, since the shipped phrases speak of the shipped atlas.
    pub fn for_atlas(atlas: &Atlas) -> Result<Lexicon, LexiconError> {
        if atlas.is_shipped() {
            // The build step indexed the shipped pair and checked it strictly.
            return postcard::from_bytes(SHIPPED_INDEX)
                .map(Lexicon)
                .map_err(|e| {
                    LexiconError::Parse(SyntaxError::at_start(
                        SHIPPED_LEXICON_NAME,
                        format!("the embedded lexicon index is damaged ({e}); rebuild painmap"),
                    ))
                });
        }
        build(
            &shipped_file()?,
            SHIPPED_LEXICON_NAME,
            atlas,
            Strictness::Lenient,
        )
    }

    /// Is this folded word known (a phrase word, filler, negation or side word)?
    pub fn knows(&self, word: &str) -> bool {
        self.vocabulary.contains(word)
    }
}

/// The shipped lexicon's binary form, written by the build step (`build.rs`) from
/// `data/lexicon.ron` after parsing it with the same types.
static SHIPPED_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.bin"));

/// The shipped lexicon as written, decoded from its embedded binary form (no RON to
/// parse at run time). An undecodable form can only be a build defect; it is reported
/// like a damaged file rather than trusted.
fn shipped_file() -> Result<LexiconFile, LexiconError> {
    postcard::from_bytes(SHIPPED_BIN).map_err(|e| {
        LexiconError::Parse(SyntaxError::at_start(
            SHIPPED_LEXICON_NAME,
            format!("the embedded lexicon is damaged ({e}); rebuild painmap"),
        ))
    })
}

/// Parses RON text, mapping ron's span to `file:line:col`.
fn parse(text: &str, file: &str) -> Result<LexiconFile, LexiconError> {
    Ok(from_ron::<LexiconFile>(text, file)?)
}

/// The shipped pair's index, made and checked by the build step (`build.rs`).
static SHIPPED_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lexicon-index.bin"));

/// Indexes a lexicon against an atlas's terms; strictly, any problem is an error.
fn build(
    file: &LexiconFile,
    name: &str,
    atlas: &Atlas,
    strictness: Strictness,
) -> Result<Lexicon, LexiconError> {
    let unknown = |id: &str| -> Option<String> {
        if atlas.region(id).is_some() {
            return None;
        }
        Some(match atlas.resolve_region(id) {
            Ok(r) => format!("'{id}' is not a region id; did you mean '{}'?", r.region),
            Err(e @ ResolveError::UnknownRegion { .. }) => e.to_string(),
            Err(_) => format!("unknown region '{id}'"),
        })
    };
    let mut symptoms: Vec<String> = atlas
        .trigger_points()
        .flat_map(|(_, tp)| tp.symptoms.iter().cloned())
        .chain(
            atlas
                .concepts()
                .iter()
                .flat_map(|c| c.symptoms.iter().cloned()),
        )
        .collect();
    symptoms.sort_unstable();
    symptoms.dedup();
    let terms = Terms {
        regions: atlas.regions(),
        symptoms,
        unknown_region: &unknown,
    };
    let (index, problems) = painmap_model::parse::lexicon_index::build(file, &terms);
    if strictness == Strictness::Strict && !problems.is_empty() {
        return Err(LexiconError::Invalid {
            file: name.into(),
            problems,
        });
    }
    Ok(Lexicon(index))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded binary form (written by the build step) is `data/lexicon.ron` now.
    #[test]
    fn the_embedded_lexicon_is_the_shipped_file() {
        let embedded = shipped_file().unwrap();
        let parsed = parse(SHIPPED_LEXICON, SHIPPED_LEXICON_NAME).unwrap();
        assert_eq!(format!("{embedded:?}"), format!("{parsed:?}"));
    }

    fn shipped_atlas() -> Atlas {
        Atlas::shipped().unwrap()
    }

    /// The index the build step embedded is the one indexing at run time makes.
    #[test]
    fn the_embedded_index_is_the_shipped_pair_indexed_now() {
        let atlas = shipped_atlas();
        assert!(atlas.is_shipped());
        let embedded = Lexicon::for_atlas(&atlas).unwrap();
        let built = Lexicon::from_text(SHIPPED_LEXICON, SHIPPED_LEXICON_NAME, &atlas).unwrap();
        assert!(embedded.0 == built.0);
    }

    #[test]
    fn the_shipped_lexicon_fits_the_shipped_atlas_strictly() {
        let atlas = shipped_atlas();
        if let Err(e) = Lexicon::from_text(SHIPPED_LEXICON, SHIPPED_LEXICON_NAME, &atlas) {
            match e {
                LexiconError::Invalid { problems, .. } => panic!("{}", problems.join("\n")),
                other @ LexiconError::Parse(_) => panic!("{other}"),
            }
        }
    }

    #[test]
    fn every_region_has_a_lay_phrase_of_its_own() {
        let text = SHIPPED_LEXICON;
        for r in shipped_atlas().regions() {
            assert!(
                text.contains(&format!("Place(region: \"{}\"", r.id)),
                "no lay phrases for region '{}'",
                r.id
            );
        }
    }

    fn error(text: &str) -> String {
        Lexicon::from_text(text, "lex.ron", &shipped_atlas())
            .unwrap_err()
            .to_string()
    }

    const EMPTY: &str = "fillers: [], ignore: [], negations: [], negation_ends: [], between: [], \
        paths: [], lines: [], qualities: [], symptoms: []";

    #[test]
    fn syntax_errors_name_line_and_column() {
        let e = error("Lexicon(\n  fillers: [\"a\" \"b\"],\n)");
        assert!(e.starts_with("lex.ron:2:"), "{e}");
    }

    #[test]
    fn unknown_fields_are_refused() {
        let e = error(&format!("Lexicon({EMPTY}, places: [], colour: [])"));
        assert!(e.starts_with("lex.ron:1:") && e.contains("colour"), "{e}");
    }

    #[test]
    fn unknown_regions_and_symptoms_are_named_with_suggestions() {
        let e = error(&format!(
            "Lexicon({EMPTY}, places: [Place(region: \"tempel\", phrases: [\"x\"])])"
        ));
        assert_eq!(
            e,
            "lex.ron: place 'tempel': unknown region 'tempel'; did you mean 'temple' or 'heel'?"
        );
        let text = format!("Lexicon({EMPTY}, places: [])").replace(
            "symptoms: []",
            "symptoms: [Symptom(symptom: \"sciatika\", phrases: [\"x\"])]",
        );
        let e = error(&text);
        assert!(
            e.contains("symptom 'sciatika'") && e.contains("'sciatica'"),
            "{e}"
        );
    }

    #[test]
    fn a_phrase_cannot_name_two_places() {
        let e = error(&format!(
            "Lexicon({EMPTY}, places: [Place(region: \"calf\", phrases: [\"heel spur\"])])"
        ));
        assert!(
            e.contains("'heel spur' already names the atlas's region 'heel'"),
            "{e}"
        );
    }

    #[test]
    fn over_another_atlas_entries_it_lacks_are_left_out() {
        let mini = Atlas::from_text(
            include_str!("../../../../tests/fixtures/mini.ron"),
            "mini.ron",
        )
        .unwrap();
        let lexicon = Lexicon::for_atlas(&mini).unwrap();
        let reading = lexicon.read("pain in the left temple and the calf");
        assert_eq!(reading.regions.len(), 1, "{reading:?}");
        assert_eq!(reading.unmatched, ["calf"]);
    }
}
