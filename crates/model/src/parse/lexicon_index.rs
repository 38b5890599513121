//! The lexicon's index: the phrase book (`data/lexicon.ron`) checked against an atlas's
//! terms (its regions, their names and aliases, and its symptom words) and indexed for
//! the reader. Kept in the model crate so the build step makes the shipped pair's index
//! and embeds it: `parse` indexes nothing at run time.

use super::lexicon_file::LexiconFile;
use super::words::folded_words;
use crate::atlas::model::Region;
use crate::atlas::side::SIDE_WORDS;
use crate::atlas::text::edit_distance;
use crate::intake::Quality;
use serde::{Deserialize, Serialize};

/// The index's maps: foldhash, fast to fill when the embedded index is decoded.
pub type Map<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
/// The index's sets.
pub type Set<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;

/// What an atlas offers a lexicon: its regions, its symptom words (sorted, each once),
/// and how to say that a region id is unknown (with "did you mean").
pub struct Terms<'a> {
    /// The atlas's regions.
    pub regions: &'a [Region],
    /// Every symptom word its trigger points and red flags name.
    pub symptoms: Vec<String>,
    /// `None` for a known region id, else the message.
    pub unknown_region: &'a dyn Fn(&str) -> Option<String>,
}

/// A place phrase's meaning: the regions it names, and (for a loose word) the regions
/// it may stand for at a path's end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceMeaning {
    /// Region ids, in order (several for a path phrase).
    pub regions: Vec<String>,
    /// Region ids a path may end on instead.
    pub around: Vec<String>,
    /// The region meant when a side is said after it ("neck, right side").
    pub sided: Option<String>,
}

/// What a feeling phrase means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Feeling {
    /// A pain quality.
    Quality(Quality),
    /// One of the atlas's symptom words, as the atlas spells it.
    Symptom(String),
}

/// A validated, indexed lexicon for one atlas: what the reader looks words up in.
/// Built by the build step for the shipped pair and embedded (nothing to index at run
/// time), or at run time for another atlas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LexiconIndex {
    /// Words dropped everywhere, phrases included ("the", "my", "of").
    pub fillers: Set<String>,
    /// Folded phrase (words joined by spaces) -> place.
    pub places: Map<String, PlaceMeaning>,
    /// Folded phrase -> feelings (two atlas symptom words may fold alike: "can't lie
    /// on side", "can't lie on that side").
    pub feelings: Map<String, Vec<Feeling>>,
    /// Folded phrases passed over in silence.
    pub ignore: Set<String>,
    /// Folded negation phrases.
    pub negations: Set<String>,
    /// Words that end a negation's reach.
    pub negation_ends: Set<String>,
    /// Words joining the two ends of a path ("to").
    pub between: Set<String>,
    /// Lines of the body, regions in order.
    pub lines: Vec<Vec<String>>,
    /// Every word the lexicon knows, for typo correction.
    pub vocabulary: Set<String>,
    /// The words of places and feelings by length in chars, for typo correction.
    pub by_length: Vec<Vec<String>>,
    /// The longest phrase, in words.
    pub longest: usize,
    /// Midline region ids (never sided).
    pub midline: Set<String>,
    /// Everyday words never corrected into another.
    pub ordinary: Set<String>,
    /// Typed word -> (the word it may be, words one of which must be said too).
    pub confusables: Map<String, (String, Vec<String>)>,
    /// Idioms as folded words, fillers kept (matched on the words as typed).
    pub idioms: Set<String>,
    /// Landmark, action, "well", comparison, time and aspect phrases (keys).
    pub landmarks: Set<String>,
    pub actions: Set<String>,
    pub well: Set<String>,
    pub comparisons: Set<String>,
    pub times: Set<String>,
    pub aspects: Set<String>,
    /// Plurals that do not mean both sides.
    pub one_side_plurals: Set<String>,
    /// Limb phrase (key) -> the regions it holds.
    pub containers: Map<String, Vec<String>>,
    /// The longest idiom, in words.
    pub longest_idiom: usize,
}

/// A phrase's key: its folded words without fillers, joined by spaces.
fn phrase_key(phrase: &str, fillers: &Set<String>) -> String {
    folded_words(phrase)
        .into_iter()
        .filter(|w| !fillers.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Checks and indexes the file against an atlas's terms: the index, with every entry
/// at fault left out, and the problems found (each naming its entry).
#[allow(
    clippy::too_many_lines,
    reason = "one pass per list of the file, each short, reads best in order"
)]
pub fn build(file: &LexiconFile, terms: &Terms<'_>) -> (LexiconIndex, Vec<String>) {
    let mut problems: Vec<String> = Vec::new();
    let fillers: Set<String> = file.fillers.iter().flat_map(|f| folded_words(f)).collect();
    let key = |phrase: &str| phrase_key(phrase, &fillers);
    let unknown_region = |id: &str| (terms.unknown_region)(id);
    let has_region = |id: &str| terms.regions.iter().any(|r| r.id == id);

    // Places: the atlas's own ids, names and aliases first, then the lexicon's.
    let mut places: Map<String, PlaceMeaning> = Map::default();
    let mut place_origin: Map<String, String> = Map::default();
    for r in terms.regions {
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
            .filter(|id| has_region(id))
            .cloned()
            .collect();
        for phrase in &p.phrases {
            let meaning = PlaceMeaning {
                regions: vec![p.region.clone()],
                around: around.clone(),
                sided: p.sided.clone().filter(|id| has_region(id)),
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
    let atlas_symptoms: Vec<&str> = terms.symptoms.iter().map(String::as_str).collect();
    let mut feelings: Map<String, Vec<Feeling>> = Map::default();
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

    let keys = |list: &[String]| -> Set<String> {
        list.iter()
            .map(|p| key(p))
            .filter(|k| !k.is_empty())
            .collect()
    };
    let ignore = keys(&file.ignore);
    let negations = keys(&file.negations);
    let negation_ends = keys(&file.negation_ends);
    let between = keys(&file.between);
    let mut containers: Map<String, Vec<String>> = Map::default();
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
    let mut confusables = Map::default();
    for c in &file.confusables {
        let near = c.near.iter().map(|w| key(w)).collect();
        confusables.insert(key(&c.typed), (key(&c.read), near));
    }
    // Idioms keep their fillers: "on the other hand" is not "other hand".
    let idioms: Set<String> = file
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
    let mut correctable: Set<String> = Set::default();
    for k in places.keys().chain(feelings.keys()) {
        correctable.extend(k.split(' ').map(str::to_string));
    }

    let ordinary = keys(&file.ordinary);
    let landmarks = keys(&file.landmarks);
    let actions = keys(&file.actions);
    let well = keys(&file.well);
    let comparisons = keys(&file.comparisons);
    let times = keys(&file.times);
    let aspects = keys(&file.aspects);
    let one_side_plurals = keys(&file.one_side_plurals);
    let mut vocabulary: Set<String> = fillers.clone();
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
    let index = LexiconIndex {
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
        midline: terms
            .regions
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
    };
    (index, problems)
}
