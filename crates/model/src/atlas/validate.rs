//! The atlas's rules, checked after parsing. Every problem is collected (not just the
//! first) and names the region, muscle or trigger point at fault.

use super::model::{AtlasFile, Concept, Muscle, TriggerPoint};
use super::text::{edit_distance, is_kebab_id, key};
use std::collections::{HashMap, HashSet};

/// A hash map with a fast, fixed-seed hasher: the atlas's keys are its own ids and
/// names, not hostile input, and a fixed seed keeps the build step's output the same
/// from one build to the next.
pub type Map<K, V> = HashMap<K, V, foldhash::fast::FixedState>;

/// A hash set with the same hasher as [`Map`].
type Set<T> = HashSet<T, foldhash::fast::FixedState>;

/// The lookup keys ([`key`]: folded ids, names and aliases) of the regions and muscles,
/// each to the index of its owner in the file. Made while checking that no two owners
/// share one, and kept by the atlas's index, so each key is computed once.
#[derive(Debug, Default)]
pub struct Keys {
    /// Region key -> index in `regions`.
    pub regions: Map<String, usize>,
    /// Muscle key -> index in `muscles`.
    pub muscles: Map<String, usize>,
}

/// Checks every rule and returns the problems found, in file order, with the lookup
/// keys (complete when there is no problem).
pub fn check(file: &AtlasFile) -> (Vec<String>, Keys) {
    let mut out = Vec::new();
    let mut keys = Keys::default();
    let region_ids = check_regions(file, &mut keys.regions, &mut out);
    check_muscles(file, &region_ids, &mut keys.muscles, &mut out);
    check_red_flags(file, &region_ids, &mut out);
    check_guides(file, &region_ids, &mut out);
    (out, keys)
}

/// The region lookup keys of a file known to be valid (the build step checked it),
/// without the other checks.
pub fn region_keys(file: &AtlasFile) -> Map<String, usize> {
    lookup_keys(&file.regions, |r| (&r.id, &r.name, &r.aliases))
}

/// [`region_keys`] for the muscles: made apart, since ranking regions needs none.
pub fn muscle_keys(file: &AtlasFile) -> Map<String, usize> {
    lookup_keys(&file.muscles, |m| (&m.id, &m.name, &m.aliases))
}

/// Each item's folded id, name and aliases -> its index.
fn lookup_keys<'a, T>(
    items: &'a [T],
    words: impl Fn(&'a T) -> (&'a String, &'a String, &'a [String]),
) -> Map<String, usize> {
    let mut keys = Map::default();
    for (i, item) in items.iter().enumerate() {
        let (id, name, aliases) = words(item);
        for word in [id, name].into_iter().chain(aliases) {
            keys.insert(key(word), i);
        }
    }
    keys
}

fn check_id(kind: &str, id: &str, out: &mut Vec<String>) {
    if !is_kebab_id(id) {
        out.push(format!(
            "{kind} id '{id}' is not lowercase kebab-case (like 'upper-trapezius')"
        ));
    }
}

/// Region ids unique; ids, names and aliases unique among regions (folded).
fn check_regions<'a>(
    file: &'a AtlasFile,
    keys: &mut Map<String, usize>,
    out: &mut Vec<String>,
) -> Set<&'a str> {
    let mut ids = Set::default();
    let id_of = |i: usize| file.regions[i].id.as_str();
    for (i, region) in file.regions.iter().enumerate() {
        check_id("region", &region.id, out);
        if !ids.insert(region.id.as_str()) {
            out.push(format!("duplicate region id '{}'", region.id));
            continue;
        }
        if region.name.trim().is_empty() {
            out.push(format!("region '{}' has an empty name", region.id));
        }
        let words = [&region.id, &region.name]
            .into_iter()
            .chain(&region.aliases);
        for word in words {
            claim_key(keys, word, i, &id_of, "region", out);
        }
    }
    ids
}

/// Records that the owner at index `owner` answers to `word`; reports a clash with
/// another owner (`id_of` names them).
fn claim_key<'a>(
    keys: &mut Map<String, usize>,
    word: &str,
    owner: usize,
    id_of: &impl Fn(usize) -> &'a str,
    kind: &str,
    out: &mut Vec<String>,
) {
    let k = key(word);
    if k.is_empty() {
        out.push(format!("{kind} '{}' has an empty alias", id_of(owner)));
        return;
    }
    match keys.get(&k) {
        Some(&other) if other != owner => out.push(format!(
            "duplicate alias '{word}': {kind} '{}' and {kind} '{}' both answer to it",
            id_of(owner),
            id_of(other)
        )),
        Some(_) => {}
        None => {
            keys.insert(k, owner);
        }
    }
}

fn check_muscles(
    file: &AtlasFile,
    regions: &Set<&str>,
    keys: &mut Map<String, usize>,
    out: &mut Vec<String>,
) {
    let mut muscle_ids = Set::default();
    let mut tp_ids: Map<&str, &str> = Map::default();
    let id_of = |i: usize| file.muscles[i].id.as_str();
    for (i, muscle) in file.muscles.iter().enumerate() {
        check_id("muscle", &muscle.id, out);
        if !muscle_ids.insert(muscle.id.as_str()) {
            out.push(format!("duplicate muscle id '{}'", muscle.id));
            continue;
        }
        let words = [&muscle.id, &muscle.name]
            .into_iter()
            .chain(&muscle.aliases);
        for word in words {
            claim_key(keys, word, i, &id_of, "muscle", out);
        }
        for (field, text) in [("name", &muscle.name), ("source", &muscle.source)] {
            if text.trim().is_empty() {
                out.push(format!("muscle '{}' has an empty {field}", muscle.id));
            }
        }
        if muscle.trigger_points.is_empty() {
            out.push(format!("muscle '{}' has no trigger points", muscle.id));
        }
        for tp in &muscle.trigger_points {
            check_id("trigger point", &tp.id, out);
            if let Some(other) = tp_ids.insert(tp.id.as_str(), muscle.id.as_str()) {
                out.push(format!(
                    "duplicate trigger point id '{}' (in muscles '{other}' and '{}')",
                    tp.id, muscle.id
                ));
            }
            check_trigger_point(tp, &muscle.id, regions, out);
        }
    }
}

fn check_trigger_point(
    tp: &TriggerPoint,
    muscle: &str,
    regions: &Set<&str>,
    out: &mut Vec<String>,
) {
    let at = format!("trigger point '{}' (muscle '{muscle}')", tp.id);
    let fields = [
        ("location", std::slice::from_ref(&tp.location)),
        ("essential", tp.essential.as_slice()),
        ("spillover", tp.spillover.as_slice()),
        ("crosses", tp.crosses.as_slice()),
        ("rare", tp.rare.as_slice()),
    ];
    for (field, ids) in fields {
        for id in ids {
            if !regions.contains(id.as_str()) {
                out.push(format!(
                    "{at}: unknown region '{id}' in {field}{}",
                    closest(id, regions)
                ));
            }
        }
    }
    if tp.essential.is_empty() {
        out.push(format!("{at}: no essential region"));
    }
    let mut seen = Set::default();
    for id in tp.essential.iter().chain(&tp.spillover) {
        if !seen.insert(id.as_str()) {
            if tp.essential.contains(id) && tp.spillover.contains(id) {
                out.push(format!(
                    "{at}: region '{id}' is both essential and spillover"
                ));
            } else {
                out.push(format!("{at}: region '{id}' is listed twice"));
            }
        }
    }
    for (field, ids) in [("crosses", &tp.crosses), ("rare", &tp.rare)] {
        for id in ids {
            if !tp.essential.contains(id) && !tp.spillover.contains(id) {
                out.push(format!(
                    "{at}: {field} '{id}', which is not one of its zones"
                ));
            }
        }
    }
}

/// Each red flag has an id, a source and conditions that name known regions and
/// concepts; each concept's words are well-formed patterns; each screen asks about
/// known concepts that have a question.
fn check_red_flags(file: &AtlasFile, regions: &Set<&str>, out: &mut Vec<String>) {
    let concepts = check_concepts(file, out);
    let known_region = |what: &str, id: &String, out: &mut Vec<String>| {
        if !regions.contains(id.as_str()) {
            out.push(format!(
                "{what}: unknown region '{id}'{}",
                closest(id, regions)
            ));
        }
    };
    let known_concept = |what: &str, id: &String, out: &mut Vec<String>| {
        if !concepts.contains_key(id.as_str()) {
            let ids: Set<&str> = concepts.keys().copied().collect();
            out.push(format!(
                "{what}: unknown concept '{id}'{}",
                closest(id, &ids)
            ));
        }
    };
    let mut ids = Set::default();
    for flag in &file.red_flags {
        check_id("red flag", &flag.id, out);
        let what = format!("red flag '{}'", flag.id);
        if !ids.insert(flag.id.as_str()) {
            out.push(format!("duplicate {what}"));
        }
        if flag.source.trim().is_empty() {
            out.push(format!("{what} names no screening source"));
        }
        if flag.when.is_empty() {
            out.push(format!("{what} has no conditions"));
        }
        for cond in &flag.when {
            if cond.all.is_empty()
                && cond.any.is_empty()
                && cond.concepts.is_empty()
                && cond.any_concept.is_empty()
            {
                out.push(format!("{what} has an empty condition"));
            }
            for id in cond.all.iter().chain(&cond.any) {
                known_region(&what, id, out);
            }
            for id in cond.concepts.iter().chain(&cond.any_concept) {
                known_concept(&what, id, out);
            }
        }
    }
    let mut screens = Set::default();
    for screen in &file.screens {
        check_id("screen", &screen.id, out);
        let what = format!("screen '{}'", screen.id);
        if !screens.insert(screen.id.as_str()) {
            out.push(format!("duplicate {what}"));
        }
        if screen.all.is_empty() && screen.any.is_empty() {
            out.push(format!("{what} names no region"));
        }
        if screen.ask.is_empty() {
            out.push(format!("{what} asks nothing"));
        }
        for id in screen.all.iter().chain(&screen.any) {
            known_region(&what, id, out);
        }
        for id in &screen.ask {
            known_concept(&what, id, out);
            if concepts
                .get(id.as_str())
                .is_some_and(|c| c.question.is_none())
            {
                out.push(format!("{what}: concept '{id}' has no question to ask"));
            }
        }
    }
}

/// Each concept's id is unique and its words and exceptions are patterns: words, `a|b`,
/// `word*`, and `..` only between words. Returns the concepts by id.
fn check_concepts<'a>(file: &'a AtlasFile, out: &mut Vec<String>) -> Map<&'a str, &'a Concept> {
    let mut concepts = Map::default();
    for c in &file.concepts {
        check_id("concept", &c.id, out);
        if concepts.insert(c.id.as_str(), c).is_some() {
            out.push(format!("duplicate concept '{}'", c.id));
        }
        if c.words.is_empty() {
            out.push(format!("concept '{}' has no words", c.id));
        }
        if c.question.as_ref().is_some_and(|q| q.trim().is_empty()) {
            out.push(format!("concept '{}' has an empty question", c.id));
        }
        for p in c.words.iter().chain(&c.unless) {
            if let Some(problem) = pattern_problem(p) {
                out.push(format!("concept '{}': pattern '{p}' {problem}", c.id));
            }
        }
    }
    concepts
}

/// What is wrong with a concept pattern, if anything.
pub fn pattern_problem(pattern: &str) -> Option<&'static str> {
    let tokens: Vec<&str> = pattern.split_whitespace().collect();
    if tokens.is_empty() {
        return Some("is empty");
    }
    if tokens.first() == Some(&"..") || tokens.last() == Some(&"..") {
        return Some("starts or ends with '..'");
    }
    if tokens.windows(2).any(|w| w == ["..", ".."]) {
        return Some("has '..' twice in a row");
    }
    for t in tokens.iter().filter(|t| **t != "..") {
        for alt in t.split('|').flat_map(|a| a.split('_')) {
            let stem = alt.strip_suffix('*').unwrap_or(alt);
            // Words are matched folded, with apostrophes dropped ("can't" is "cant").
            if stem.is_empty()
                || !stem
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            {
                return Some("has a word that is not lower-case letters or digits");
            }
        }
    }
    None
}

/// Each guide names a known region and only known muscles, each once, and each muscle
/// has a trigger point that refers pain to the guide's region; one guide per (region,
/// source).
fn check_guides(file: &AtlasFile, regions: &Set<&str>, out: &mut Vec<String>) {
    let muscles: Map<&str, &Muscle> = file.muscles.iter().map(|m| (m.id.as_str(), m)).collect();
    let muscle_ids: Set<&str> = muscles.keys().copied().collect();
    let mut seen = Set::default();
    for guide in &file.guides {
        let at = format!("guide for '{}' ({})", guide.region, guide.source);
        if guide.source.trim().is_empty() {
            out.push(format!("guide for '{}' has an empty source", guide.region));
        }
        if !seen.insert((guide.region.as_str(), guide.source.as_str())) {
            out.push(format!("duplicate {at}"));
        }
        let known_region = regions.contains(guide.region.as_str());
        if !known_region {
            out.push(format!(
                "{at}: unknown region '{}'{}",
                guide.region,
                closest(&guide.region, regions)
            ));
        }
        if guide.entries.is_empty() {
            out.push(format!("{at}: no muscles listed"));
        }
        let mut listed = Set::default();
        for entry in &guide.entries {
            let Some(muscle) = muscles.get(entry.muscle.as_str()) else {
                out.push(format!(
                    "{at}: unknown muscle '{}'{}",
                    entry.muscle,
                    closest(&entry.muscle, &muscle_ids)
                ));
                continue;
            };
            if !listed.insert(entry.muscle.as_str()) {
                out.push(format!("{at}: muscle '{}' is listed twice", entry.muscle));
            }
            let refers = muscle.trigger_points.iter().any(|tp| {
                tp.essential
                    .iter()
                    .chain(&tp.spillover)
                    .any(|r| *r == guide.region)
            });
            if known_region && !refers {
                out.push(format!(
                    "{at}: muscle '{}' has no trigger point that refers to '{}'",
                    entry.muscle, guide.region
                ));
            }
        }
    }
}

/// "; did you mean 'temple'?" for the nearest id within two edits, else "".
fn closest(id: &str, ids: &Set<&str>) -> String {
    ids.iter()
        .map(|r| (edit_distance(id, r), *r))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, r)| format!("; did you mean '{r}'?"))
        .unwrap_or_default()
}
