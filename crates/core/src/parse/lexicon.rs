//! The phrase book: lay and clinical phrases for the atlas's regions, paths along a limb,
//! words for pain qualities and symptoms, negations and words to pass over. The data is
//! `data/lexicon.ron` (embedded); this module parses it (unknown fields refused, syntax
//! errors as `file:line:col`), checks it against the atlas (every region and symptom it
//! names exists, with "did you mean"; no phrase means two things) and indexes it.
//!
//! Side words are not in the lexicon: they are the one table of
//! [`crate::atlas::side::SIDE_WORDS`], shared with region resolution and `--side`.

use super::lexicon_file::LexiconFile;
use super::words::folded_words;
use crate::atlas::side::SIDE_WORDS;
use crate::atlas::text::edit_distance;
use crate::atlas::{Atlas, ResolveError};
use crate::intake::Quality;
use std::collections::{HashMap, HashSet};

/// The lexicon shipped inside the binary.
pub const SHIPPED_LEXICON: &str = include_str!("../../../../data/lexicon.ron");

/// The name the shipped lexicon goes by in messages.
pub const SHIPPED_LEXICON_NAME: &str = "data/lexicon.ron";

/// Why a lexicon could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LexiconError {
    /// RON syntax or shape error.
    #[error("{file}:{line}:{col}: {message}")]
    Parse {
        /// The file's name.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// ron's message.
        message: String,
    },
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

/// A place phrase's meaning: the regions it names, and (for a loose word) the regions
/// it may stand for at a path's end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceMeaning {
    /// Region ids, in order (several for a path phrase).
    pub regions: Vec<String>,
    /// Region ids a path may end on instead.
    pub around: Vec<String>,
    /// The region meant when a side is said after it ("neck, right side").
    pub sided: Option<String>,
}

/// What a feeling phrase means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Feeling {
    /// A pain quality.
    Quality(Quality),
    /// One of the atlas's symptom words, as the atlas spells it.
    Symptom(String),
}

/// A validated, indexed lexicon for one atlas.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Words dropped everywhere, phrases included ("the", "my", "of").
    pub(super) fillers: HashSet<String>,
    /// Folded phrase (words joined by spaces) -> place.
    pub(super) places: HashMap<String, PlaceMeaning>,
    /// Folded phrase -> feelings (two atlas symptom words may fold alike: "can't lie
    /// on side", "can't lie on that side").
    pub(super) feelings: HashMap<String, Vec<Feeling>>,
    /// Folded phrases passed over in silence.
    pub(super) ignore: HashSet<String>,
    /// Folded negation phrases.
    pub(super) negations: HashSet<String>,
    /// Words that end a negation's reach.
    pub(super) negation_ends: HashSet<String>,
    /// Words joining the two ends of a path ("to").
    pub(super) between: HashSet<String>,
    /// Lines of the body, regions in order.
    pub(super) lines: Vec<Vec<String>>,
    /// Every word the lexicon knows, for typo correction.
    pub(super) vocabulary: HashSet<String>,
    /// The words of places and feelings by length in chars, for typo correction.
    pub(super) by_length: Vec<Vec<String>>,
    /// The longest phrase, in words.
    pub(super) longest: usize,
    /// Midline region ids (never sided).
    pub(super) midline: HashSet<String>,
    /// Everyday words never corrected into another.
    pub(super) ordinary: HashSet<String>,
    /// Typed word -> (the word it may be, words one of which must be said too).
    pub(super) confusables: HashMap<String, (String, Vec<String>)>,
    /// Idioms as folded words, fillers kept (matched on the words as typed).
    pub(super) idioms: HashSet<String>,
    /// Landmark, action, "well", comparison, time and aspect phrases (keys).
    pub(super) landmarks: HashSet<String>,
    pub(super) actions: HashSet<String>,
    pub(super) well: HashSet<String>,
    pub(super) comparisons: HashSet<String>,
    pub(super) times: HashSet<String>,
    pub(super) aspects: HashSet<String>,
    /// Plurals that do not mean both sides.
    pub(super) one_side_plurals: HashSet<String>,
    /// Limb phrase (key) -> the regions it holds.
    pub(super) containers: HashMap<String, Vec<String>>,
    /// The longest idiom, in words.
    pub(super) longest_idiom: usize,
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
    postcard::from_bytes(SHIPPED_BIN).map_err(|e| LexiconError::Parse {
        file: SHIPPED_LEXICON_NAME.into(),
        line: 1,
        col: 1,
        message: format!("the embedded lexicon is damaged ({e}); rebuild painmap"),
    })
}

/// Parses RON text, mapping ron's span to `file:line:col`.
fn parse(text: &str, file: &str) -> Result<LexiconFile, LexiconError> {
    crate::atlas::from_ron::<LexiconFile>(text).map_err(|(line, col, message)| {
        LexiconError::Parse {
            file: file.into(),
            line,
            col,
            message,
        }
    })
}

/// A phrase's key: its folded words without fillers, joined by spaces.
pub(super) fn phrase_key(phrase: &str, fillers: &HashSet<String>) -> String {
    folded_words(phrase)
        .into_iter()
        .filter(|w| !fillers.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Checks and indexes the file; in lenient mode entries at fault are left out instead.
#[allow(
    clippy::too_many_lines,
    reason = "one pass per list of the file, each short, reads best in order"
)]
fn build(
    file: &LexiconFile,
    name: &str,
    atlas: &Atlas,
    strictness: Strictness,
) -> Result<Lexicon, LexiconError> {
    let mut problems: Vec<String> = Vec::new();
    let fillers: HashSet<String> = file.fillers.iter().flat_map(|f| folded_words(f)).collect();
    let key = |phrase: &str| phrase_key(phrase, &fillers);
    let unknown_region = |id: &str| -> Option<String> {
        if atlas.region(id).is_some() {
            return None;
        }
        Some(match atlas.resolve_region(id) {
            Ok(r) => format!("'{id}' is not a region id; did you mean '{}'?", r.region),
            Err(e @ ResolveError::UnknownRegion { .. }) => e.to_string(),
            Err(_) => format!("unknown region '{id}'"),
        })
    };

    // Places: the atlas's own ids, names and aliases first, then the lexicon's.
    let mut places: HashMap<String, PlaceMeaning> = HashMap::new();
    let mut place_origin: HashMap<String, String> = HashMap::new();
    for r in atlas.regions() {
        for word in [&r.id, &r.name].into_iter().chain(&r.aliases) {
            let k = key(word);
            if !k.is_empty() && !places.contains_key(&k) {
                places.insert(
                    k.clone(),
                    PlaceMeaning {
                        regions: vec![r.id.clone()],
                        around: Vec::new(),
                        sided: None,
                    },
                );
                place_origin.insert(k, format!("the atlas's region '{}'", r.id));
            }
        }
    }
    let mut add_place =
        |problems: &mut Vec<String>, phrase: &str, meaning: PlaceMeaning, what: String| {
            let k = key(phrase);
            if k.is_empty() {
                problems.push(format!(
                    "{what}: the phrase '{phrase}' has only filler words"
                ));
                return;
            }
            match places.get(&k) {
                Some(existing) if existing.regions == meaning.regions => {}
                Some(_) => problems.push(format!(
                    "{what}: the phrase '{phrase}' already names {}",
                    place_origin.get(&k).map_or("another place", String::as_str)
                )),
                None => {
                    places.insert(k.clone(), meaning);
                    place_origin.insert(k, what);
                }
            }
        };
    for p in &file.places {
        let what = format!("place '{}'", p.region);
        let mut bad = false;
        for id in std::iter::once(&p.region)
            .chain(&p.around)
            .chain(p.sided.as_ref())
        {
            if let Some(msg) = unknown_region(id) {
                problems.push(format!("{what}: {msg}"));
                bad |= id == &p.region;
            }
        }
        if bad {
            continue;
        }
        let around: Vec<String> = p
            .around
            .iter()
            .filter(|id| atlas.region(id).is_some())
            .cloned()
            .collect();
        for phrase in &p.phrases {
            let meaning = PlaceMeaning {
                regions: vec![p.region.clone()],
                around: around.clone(),
                sided: p.sided.clone().filter(|id| atlas.region(id).is_some()),
            };
            add_place(&mut problems, phrase, meaning, what.clone());
        }
    }
    for p in &file.paths {
        let what = format!(
            "path '{}'",
            p.phrases.first().map_or("(no phrase)", String::as_str)
        );
        let unknown: Vec<String> = p
            .regions
            .iter()
            .filter_map(|id| unknown_region(id))
            .collect();
        if !unknown.is_empty() {
            problems.extend(unknown.into_iter().map(|m| format!("{what}: {m}")));
            continue;
        }
        if p.regions.is_empty() {
            problems.push(format!("{what}: a path names at least one region"));
            continue;
        }
        for phrase in &p.phrases {
            let meaning = PlaceMeaning {
                regions: p.regions.clone(),
                around: Vec::new(),
                sided: None,
            };
            add_place(&mut problems, phrase, meaning, what.clone());
        }
    }

    let mut lines = Vec::new();
    for line in &file.lines {
        let mut kept = Vec::new();
        for id in &line.regions {
            match unknown_region(id) {
                Some(msg) => problems.push(format!("line '{}': {msg}", line.name)),
                None => kept.push(id.clone()),
            }
        }
        if kept.len() < 2 {
            problems.push(format!(
                "line '{}': a line needs two regions or more",
                line.name
            ));
        } else {
            lines.push(kept);
        }
    }

    // Feelings: the lexicon's qualities first (they win over a symptom spelt alike),
    // then the atlas's symptom words, then the lexicon's words for them.
    let atlas_symptoms: Vec<&str> = {
        let mut all: Vec<&str> = atlas
            .trigger_points()
            .flat_map(|(_, tp)| tp.symptoms.iter().map(String::as_str))
            .chain(atlas.red_flags().iter().flat_map(|f| {
                f.when
                    .iter()
                    .flat_map(|c| c.symptoms.iter().map(String::as_str))
            }))
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    };
    let mut feelings: HashMap<String, Vec<Feeling>> = HashMap::new();
    for q in &file.qualities {
        for phrase in &q.phrases {
            let k = key(phrase);
            let what = format!("quality '{}'", q.quality.as_str());
            match feelings.get(&k).and_then(|f| f.first()) {
                _ if k.is_empty() => {
                    problems.push(format!(
                        "{what}: the phrase '{phrase}' has only filler words"
                    ));
                }
                Some(Feeling::Quality(other)) if *other != q.quality => problems.push(format!(
                    "{what}: the phrase '{phrase}' is already quality '{}'",
                    other.as_str()
                )),
                _ => {
                    feelings.insert(k, vec![Feeling::Quality(q.quality)]);
                }
            }
        }
    }
    for s in &atlas_symptoms {
        let k = key(s);
        let list = feelings.entry(k).or_default();
        // A quality spelt like a symptom stays the quality alone.
        if !matches!(list.first(), Some(Feeling::Quality(_))) {
            list.push(Feeling::Symptom((*s).to_string()));
        }
    }
    for s in &file.symptoms {
        let what = format!("symptom '{}'", s.symptom);
        if !atlas_symptoms.contains(&s.symptom.as_str()) {
            let near: Vec<&str> = atlas_symptoms
                .iter()
                .copied()
                .filter(|a| edit_distance(a, &s.symptom) <= 2)
                .take(3)
                .collect();
            let hint = match near.as_slice() {
                [] => String::new(),
                [one, ..] => format!("; did you mean '{one}'?"),
            };
            problems.push(format!(
                "{what}: no trigger point of the atlas lists this symptom{hint}"
            ));
            continue;
        }
        for phrase in &s.phrases {
            let k = key(phrase);
            match feelings.get(&k).and_then(|f| f.first()) {
                _ if k.is_empty() => {
                    problems.push(format!(
                        "{what}: the phrase '{phrase}' has only filler words"
                    ));
                }
                Some(Feeling::Symptom(other)) if *other != s.symptom => {
                    problems.push(format!(
                        "{what}: the phrase '{phrase}' already means symptom '{other}'"
                    ));
                }
                Some(_) => {}
                None => {
                    feelings.insert(k, vec![Feeling::Symptom(s.symptom.clone())]);
                }
            }
        }
    }

    let keys = |list: &[String]| -> HashSet<String> {
        list.iter()
            .map(|p| key(p))
            .filter(|k| !k.is_empty())
            .collect()
    };
    let ignore = keys(&file.ignore);
    let negations = keys(&file.negations);
    let negation_ends = keys(&file.negation_ends);
    let between = keys(&file.between);
    let mut containers: HashMap<String, Vec<String>> = HashMap::new();
    for c in &file.containers {
        let holds: Vec<String> = c
            .holds
            .iter()
            .filter(|id| match unknown_region(id) {
                Some(msg) => {
                    problems.push(format!("container: {msg}"));
                    false
                }
                None => true,
            })
            .cloned()
            .collect();
        for phrase in &c.phrases {
            let k = key(phrase);
            if !places.contains_key(&k) {
                problems.push(format!("container '{phrase}' is not a place phrase"));
            }
            containers.insert(k, holds.clone());
        }
    }
    let mut confusables = HashMap::new();
    for c in &file.confusables {
        let near = c.near.iter().map(|w| key(w)).collect();
        confusables.insert(key(&c.typed), (key(&c.read), near));
    }
    // Idioms keep their fillers: "on the other hand" is not "other hand".
    let idioms: HashSet<String> = file
        .idioms
        .iter()
        .map(|i| folded_words(i).join(" "))
        .filter(|k| !k.is_empty())
        .collect();
    let longest_idiom = idioms
        .iter()
        .map(|k| k.split(' ').count())
        .max()
        .unwrap_or(1);
    let mut correctable: HashSet<String> = HashSet::new();
    for k in places.keys().chain(feelings.keys()) {
        correctable.extend(k.split(' ').map(str::to_string));
    }

    if strictness == Strictness::Strict && !problems.is_empty() {
        return Err(LexiconError::Invalid {
            file: name.into(),
            problems,
        });
    }

    let ordinary = keys(&file.ordinary);
    let landmarks = keys(&file.landmarks);
    let actions = keys(&file.actions);
    let well = keys(&file.well);
    let comparisons = keys(&file.comparisons);
    let times = keys(&file.times);
    let aspects = keys(&file.aspects);
    let one_side_plurals = keys(&file.one_side_plurals);
    let mut vocabulary: HashSet<String> = fillers.clone();
    for k in places
        .keys()
        .chain(feelings.keys())
        .chain(&ignore)
        .chain(&negations)
        .chain(&negation_ends)
        .chain(&between)
        .chain(&ordinary)
        .chain(&idioms)
        .chain(&landmarks)
        .chain(&actions)
        .chain(&well)
        .chain(&comparisons)
        .chain(&times)
        .chain(&aspects)
    {
        vocabulary.extend(k.split(' ').map(str::to_string));
    }
    for (words, _) in SIDE_WORDS {
        vocabulary.extend(words.iter().map(|w| (*w).to_string()));
    }
    // A typo is read only as a word of a place or a feeling, never as a filler.
    let mut by_length: Vec<Vec<String>> = Vec::new();
    for w in correctable.iter().filter(|w| !fillers.contains(*w)) {
        let n = w.chars().count();
        if by_length.len() <= n {
            by_length.resize(n + 1, Vec::new());
        }
        by_length[n].push(w.clone());
    }
    for list in &mut by_length {
        list.sort_unstable();
    }
    let longest = places
        .keys()
        .chain(feelings.keys())
        .chain(&ignore)
        .chain(&negations)
        .chain(&landmarks)
        .chain(&actions)
        .chain(&well)
        .chain(&times)
        .map(|k| k.split(' ').count())
        .max()
        .unwrap_or(1);
    Ok(Lexicon {
        fillers,
        places,
        feelings,
        ignore,
        negations,
        negation_ends,
        between,
        lines,
        vocabulary,
        by_length,
        longest,
        midline: atlas
            .regions()
            .iter()
            .filter(|r| r.midline)
            .map(|r| r.id.clone())
            .collect(),
        ordinary,
        confusables,
        idioms,
        landmarks,
        actions,
        well,
        comparisons,
        times,
        aspects,
        one_side_plurals,
        containers,
        longest_idiom,
    })
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

    #[test]
    fn the_shipped_lexicon_fits_the_shipped_atlas_strictly() {
        let atlas = shipped_atlas();
        if let Err(e) = Lexicon::from_text(SHIPPED_LEXICON, SHIPPED_LEXICON_NAME, &atlas) {
            match e {
                LexiconError::Invalid { problems, .. } => panic!("{}", problems.join("\n")),
                other @ LexiconError::Parse { .. } => panic!("{other}"),
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
