//! The reader: text in, a [`Reading`] out (regions on sides, qualities, symptoms, and
//! what was not understood).
//!
//! How it reads, in order:
//! 1. Words are folded; a word the lexicon does not know is read as its singular
//!    ("temples") or, when one known word is within a small edit distance, as that word
//!    ("tempel" as "temple"), which is reported as a [`Correction`].
//! 2. Fillers ("the", "my") drop out; side words (the atlas's one table), negations and
//!    clause breaks become marks.
//! 3. Places are matched longest first; side marks inside a phrase are passed over, so
//!    "back of my left knee" is the left back of the knee. Two places joined by "to"
//!    ("from the hip to the knee") become the regions along a line of the body between.
//! 4. Qualities and symptoms are matched the same way (a symptom may share words with a
//!    place: "heel spur").
//! 5. Words to ignore are passed over; whatever is left is `unmatched`.
//!
//! Sides: a side word applies to the places after it until another side word ("left
//! temple and side of the neck" is all left); "both" gives left and right; a side word
//! ending a clause ("temple on the left") applies to that clause's places; a place never
//! given a side stays unsided, and a midline place never has one. A negation ("no",
//! "denies") excludes what follows it up to the clause's end or "but".

use super::lexicon::{Feeling, Lexicon, PlaceMeaning};
use super::words::{Piece, pieces};
use crate::atlas::RegionInstance;
use crate::atlas::side::{SideWord, side_word_at};
use crate::atlas::text::edit_distance;
use crate::intake::Quality;

/// A word read as another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    /// As typed.
    pub typed: String,
    /// The word it was read as.
    pub read: String,
}

/// What a text says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    /// Regions on sides, in the order said, each once.
    pub regions: Vec<RegionInstance>,
    /// Pain qualities, in the order said.
    pub qualities: Vec<Quality>,
    /// The atlas's symptom words, in the order said.
    pub symptoms: Vec<String>,
    /// Runs of words not understood, as typed.
    pub unmatched: Vec<String>,
    /// Words read as other words (typos forgiven, never silently).
    pub corrections: Vec<Correction>,
    /// What a negation excluded: quality and symptom words, region ids.
    pub negated: Vec<String>,
}

impl Reading {
    /// Was anything understood (a region, a quality, a symptom, or a negation of one)?
    pub fn understood(&self) -> bool {
        !(self.regions.is_empty()
            && self.qualities.is_empty()
            && self.symptoms.is_empty()
            && self.negated.is_empty())
    }

    /// Qualities and symptoms as ranking's symptom words.
    pub fn symptom_words(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .qualities
            .iter()
            .map(|q| q.as_str().to_string())
            .collect();
        for s in &self.symptoms {
            if !out.contains(s) {
                out.push(s.clone());
            }
        }
        out
    }
}

/// One word of the text.
#[derive(Debug)]
struct Word {
    typed: String,
    /// Folded, possibly corrected.
    norm: String,
    corrected: bool,
    used: bool,
}

/// The text as marks and words (fillers removed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Word(usize),
    Side(SideWord),
    Negation,
    Break,
}

/// A place found: where its words end (in items), and what it means.
#[derive(Debug)]
struct PlaceHit {
    first: usize,
    last: usize,
    meaning: PlaceMeaning,
}

/// A feeling found, at the item of its first word.
#[derive(Debug)]
struct FeelingHit {
    at: usize,
    feelings: Vec<Feeling>,
}

impl Lexicon {
    /// Reads free text.
    pub fn read(&self, text: &str) -> Reading {
        let mut reading = Reading::default();
        let mut words = self.words_of(text);
        let items = self.items(&mut words);
        let found = self.find_places(&items, &mut words);
        let feelings = self.find_feelings(&items, &mut words);
        let places = self.join_paths(&items, &mut words, found);
        self.pass_over(&items, &mut words);
        self.assign(&items, &words, &places, &feelings, &mut reading);
        collect_unmatched(&items, &words, &mut reading);
        reading
    }

    /// Folds, de-pluralises and corrects the words.
    fn words_of(&self, text: &str) -> Vec<Option<Word>> {
        pieces(text)
            .into_iter()
            .map(|p| match p {
                Piece::Break => None,
                Piece::Word { typed, folded } => {
                    let (norm, corrected) = self.normalise(&folded);
                    Some(Word {
                        typed,
                        norm,
                        corrected,
                        used: false,
                    })
                }
            })
            .collect()
    }

    /// A known word as is; "temples" as "temple"; a near miss as the one known word
    /// closest to it (two or more equally close: left alone).
    fn normalise(&self, folded: &str) -> (String, bool) {
        if self.knows(folded) || folded.chars().any(|c| c.is_ascii_digit() || c == '/') {
            return (folded.to_string(), false);
        }
        for (suffix, with) in [("ies", "y"), ("ves", "f"), ("es", ""), ("s", "")] {
            if let Some(stem) = folded.strip_suffix(suffix) {
                let singular = format!("{stem}{with}");
                if self.knows(&singular) {
                    return (singular, false);
                }
            }
        }
        let n = folded.chars().count();
        if n < 4 {
            return (folded.to_string(), false);
        }
        let limit = if n <= 6 { 1 } else { 2 };
        let mut best: Option<(usize, &str)> = None;
        let mut tied = false;
        let letters = letter_counts(folded);
        for len in n.saturating_sub(limit)..=n + limit {
            for w in self.by_length.get(len).into_iter().flatten() {
                // The letters alone rule most words out, without the edit distance:
                // "worse" can never be two edits from "wrist".
                if w.chars().count() < 3 || bag_distance(&letters, &letter_counts(w)) > limit {
                    continue;
                }
                let d = edit_distance(folded, w);
                if d > limit {
                    continue;
                }
                match best {
                    Some((b, _)) if d > b => {}
                    Some((b, _)) if d == b => tied = true,
                    _ => {
                        best = Some((d, w));
                        tied = false;
                    }
                }
            }
        }
        match best {
            Some((_, w)) if !tied => (w.to_string(), true),
            _ => (folded.to_string(), false),
        }
    }

    /// Words into items: fillers dropped, side words and negations as marks.
    fn items(&self, words: &mut [Option<Word>]) -> Vec<Item> {
        let mut items = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let Some(w) = &mut words[i] else {
                if items.last().is_some_and(|it| *it != Item::Break) {
                    items.push(Item::Break);
                }
                i += 1;
                continue;
            };
            if self.fillers.contains(&w.norm) {
                w.used = true;
                i += 1;
                continue;
            }
            // The next few words of the clause (fillers out), for multi-word marks.
            let ahead: Vec<(usize, String)> = words[i..]
                .iter()
                .enumerate()
                .map_while(|(k, w)| w.as_ref().map(|w| (i + k, w.norm.clone())))
                .filter(|(_, n)| !self.fillers.contains(n))
                .take(self.longest)
                .collect();
            let norms: Vec<&str> = ahead.iter().map(|(_, n)| n.as_str()).collect();
            if let Some((side, n)) = side_word_at(&norms) {
                items.push(Item::Side(side));
                // "either side of the neck": the last "side" belongs to the place.
                let n = if n > 1
                    && matches!(norms[n - 1], "side" | "sides")
                    && self.starts_place_with_side(&norms[n..])
                {
                    if let Some(w) = &mut words[ahead[n - 1].0] {
                        w.norm = "side".into();
                    }
                    n - 1
                } else {
                    n
                };
                i = self.take(words, &ahead, n);
                continue;
            }
            if let Some(n) = longest(&norms, |k| self.negations.contains(k)) {
                items.push(Item::Negation);
                i = self.take(words, &ahead, n);
                continue;
            }
            items.push(Item::Word(i));
            i += 1;
        }
        items
    }

    /// Is "side" followed by these words a place ("side neck")?
    fn starts_place_with_side(&self, rest: &[&str]) -> bool {
        (1..=rest.len()).any(|n| {
            let mut k = String::from("side");
            for w in &rest[..n] {
                k.push(' ');
                k.push_str(w);
            }
            self.places.contains_key(&k)
        })
    }

    /// Marks the first `n` words of `ahead` used; the index after the last.
    #[allow(clippy::unused_self, reason = "kept with its callers")]
    fn take(&self, words: &mut [Option<Word>], ahead: &[(usize, String)], n: usize) -> usize {
        for (k, _) in &ahead[..n] {
            if let Some(w) = &mut words[*k] {
                w.used = true;
            }
        }
        ahead[n - 1].0 + 1
    }

    /// From item `i`: the word items of the clause (side marks passed over), up to the
    /// longest phrase.
    fn window(&self, items: &[Item], i: usize) -> Vec<(usize, usize)> {
        items[i..]
            .iter()
            .enumerate()
            .filter(|(_, it)| !matches!(it, Item::Side(_)))
            .map_while(|(k, it)| match it {
                Item::Word(w) => Some((i + k, *w)),
                _ => None,
            })
            .take(self.longest)
            .collect()
    }

    fn find_places(&self, items: &[Item], words: &mut [Option<Word>]) -> Vec<PlaceHit> {
        let mut hits = Vec::new();
        let mut i = 0;
        while i < items.len() {
            if !matches!(items[i], Item::Word(_)) {
                i += 1;
                continue;
            }
            let window = self.window(items, i);
            let norms = norms_of(words, &window);
            match longest(&norms, |k| self.places.contains_key(k)) {
                Some(n) => {
                    let k = norms[..n].join(" ");
                    let meaning = self.places[&k].clone();
                    for (_, w) in &window[..n] {
                        mark(words, *w);
                    }
                    hits.push(PlaceHit {
                        first: window[0].0,
                        last: window[n - 1].0,
                        meaning,
                    });
                    i = window[n - 1].0 + 1;
                }
                None => i += 1,
            }
        }
        hits
    }

    /// "hip to knee": two places joined by a `between` word (and nothing else unknown)
    /// become the regions between them along the first line that holds both.
    fn join_paths(
        &self,
        items: &[Item],
        words: &mut [Option<Word>],
        places: Vec<PlaceHit>,
    ) -> Vec<PlaceHit> {
        let mut out: Vec<PlaceHit> = Vec::new();
        for hit in places {
            if let Some(prev) = out.last_mut() {
                let gap = &items[prev.last + 1..hit.first];
                let gap_words: Vec<usize> = gap
                    .iter()
                    .filter_map(|it| match it {
                        Item::Word(w) => Some(*w),
                        _ => None,
                    })
                    .collect();
                // A clause break may sit in a path ("funny bone, tingling down to the
                // pinky"); a feeling said on the way is no obstacle either.
                let joined = !gap.contains(&Item::Negation)
                    && gap_words.iter().any(|w| {
                        words[*w]
                            .as_ref()
                            .is_some_and(|w| self.between.contains(&w.norm))
                    })
                    && gap_words.iter().all(|w| {
                        words[*w].as_ref().is_some_and(|w| {
                            w.used
                                || self.between.contains(&w.norm)
                                || self.ignore.contains(&w.norm)
                        })
                    });
                if let Some(regions) = joined
                    .then(|| self.along(&prev.meaning, &hit.meaning))
                    .flatten()
                {
                    for w in gap_words {
                        mark(words, w);
                    }
                    prev.meaning = PlaceMeaning {
                        regions,
                        around: Vec::new(),
                    };
                    prev.last = hit.last;
                    continue;
                }
            }
            out.push(hit);
        }
        out
    }

    /// The regions from `a` to `b` along the first line holding both (either end may
    /// stand for one of its `around` regions).
    fn along(&self, a: &PlaceMeaning, b: &PlaceMeaning) -> Option<Vec<String>> {
        let ends = |m: &PlaceMeaning, last: bool| -> Vec<String> {
            let own = if last {
                m.regions.last()
            } else {
                m.regions.first()
            };
            own.into_iter().chain(&m.around).cloned().collect()
        };
        let (from, to) = (ends(a, true), ends(b, false));
        self.lines.iter().find_map(|line| {
            let at = |cands: &[String]| cands.iter().find_map(|c| line.iter().position(|r| r == c));
            let (i, j) = (at(&from)?, at(&to)?);
            if i == j {
                return None;
            }
            let mut seg: Vec<String> = line[i.min(j)..=i.max(j)].to_vec();
            if i > j {
                seg.reverse();
            }
            Some(seg)
        })
    }

    fn find_feelings(&self, items: &[Item], words: &mut [Option<Word>]) -> Vec<FeelingHit> {
        let mut hits = Vec::new();
        let mut covered_to = 0; // items before this are inside an accepted symptom
        for i in 0..items.len() {
            if !matches!(items[i], Item::Word(_)) {
                continue;
            }
            let window = self.window(items, i);
            let norms = norms_of(words, &window);
            let Some(n) = longest(&norms, |k| self.feelings.contains_key(k)) else {
                continue;
            };
            let feelings = self.feelings[&norms[..n].join(" ")].clone();
            let end = window[n - 1].0 + 1;
            // A quality inside a longer symptom still counts ("deep ache" is aching).
            let quality_prefix = (1..n).find_map(|m| {
                match self
                    .feelings
                    .get(&norms[..m].join(" "))
                    .and_then(|f| f.first())
                {
                    Some(Feeling::Quality(q)) => Some(*q),
                    _ => None,
                }
            });
            let fresh = end > covered_to;
            if fresh || matches!(feelings.first(), Some(Feeling::Quality(_))) {
                for (_, w) in &window[..n] {
                    mark(words, *w);
                }
                hits.push(FeelingHit { at: i, feelings });
                covered_to = covered_to.max(end);
            }
            if let Some(q) = quality_prefix.filter(|_| fresh) {
                hits.push(FeelingHit {
                    at: i,
                    feelings: vec![Feeling::Quality(q)],
                });
            }
        }
        hits
    }

    /// Words to ignore, negation ends, path joiners, and "side" after a side word.
    fn pass_over(&self, items: &[Item], words: &mut [Option<Word>]) {
        let mut i = 0;
        while i < items.len() {
            let Item::Word(w) = items[i] else {
                i += 1;
                continue;
            };
            let after_side = i > 0 && matches!(items[i - 1], Item::Side(_));
            if words[w].as_ref().is_some_and(|x| {
                after_side && matches!(x.norm.as_str(), "side" | "sides" | "sided")
            }) {
                mark(words, w);
                i += 1;
                continue;
            }
            let window: Vec<(usize, usize)> = self
                .window(items, i)
                .into_iter()
                .take_while(|(_, w)| words[*w].as_ref().is_some_and(|x| !x.used))
                .collect();
            let norms = norms_of(words, &window);
            let quiet = |k: &str| {
                self.ignore.contains(k)
                    || self.between.contains(k)
                    || self.negation_ends.contains(k)
            };
            match longest(&norms, quiet) {
                Some(n) => {
                    for (_, w) in &window[..n] {
                        mark(words, *w);
                    }
                    i = window[n - 1].0 + 1;
                }
                None => i += 1,
            }
        }
    }

    /// Walks the items giving places their sides and applying negations.
    #[allow(clippy::too_many_lines, reason = "one walk over the marks, in order")]
    fn assign(
        &self,
        items: &[Item],
        words: &[Option<Word>],
        places: &[PlaceHit],
        feelings: &[FeelingHit],
        reading: &mut Reading,
    ) {
        // Per place: its side and whether a side word gave it directly.
        let mut sided: Vec<(Option<SideWord>, bool, bool)> = Vec::new(); // side, explicit, negated
        let mut current: Option<SideWord> = None;
        let mut fresh_mark: Option<SideWord> = None; // a side word no place has taken yet
        let mut negating = false;
        let mut clause_start = 0; // index into `sided` of the clause's first place
        let mut prev_clause_start = 0; // the same for the last clause that had places
        let mut next_place = 0;
        let mut next_feeling = 0;
        let mut negated_feelings: Vec<Feeling> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            match item {
                Item::Break => {
                    negating = false;
                    if sided.len() > clause_start {
                        prev_clause_start = clause_start;
                    }
                    clause_start = sided.len();
                }
                Item::Negation => negating = true,
                Item::Side(side) => {
                    // "knee, right side": a clause of its own speaks of the one before.
                    let from = if sided.len() > clause_start {
                        clause_start
                    } else {
                        prev_clause_start
                    };
                    let postfix = self.ends_clause(items, words, i) && sided.len() > from;
                    if postfix {
                        for s in &mut sided[from..] {
                            if !s.1 {
                                *s = (Some(*side), true, s.2);
                            }
                        }
                        current = Some(*side);
                        fresh_mark = None;
                    } else {
                        let side = match fresh_mark {
                            Some(prev) => prev.union(*side),
                            None => *side,
                        };
                        current = Some(side);
                        fresh_mark = Some(side);
                    }
                }
                Item::Word(w) => {
                    if words[*w]
                        .as_ref()
                        .is_some_and(|x| self.negation_ends.contains(&x.norm))
                    {
                        negating = false;
                    }
                }
            }
            while next_feeling < feelings.len() && feelings[next_feeling].at == i {
                for f in &feelings[next_feeling].feelings {
                    if negating {
                        negated_feelings.push(f.clone());
                    } else {
                        match f {
                            Feeling::Quality(q) if !reading.qualities.contains(q) => {
                                reading.qualities.push(*q);
                            }
                            Feeling::Symptom(s) if !reading.symptoms.contains(s) => {
                                reading.symptoms.push(s.clone());
                            }
                            _ => {}
                        }
                    }
                }
                next_feeling += 1;
            }
            while next_place < places.len() && places[next_place].last == i {
                let explicit = fresh_mark.is_some();
                sided.push((current, explicit, negating));
                fresh_mark = None;
                next_place += 1;
            }
        }
        for f in negated_feelings {
            match f {
                Feeling::Quality(q) => {
                    reading.qualities.retain(|x| *x != q);
                    push_once(&mut reading.negated, q.as_str());
                }
                Feeling::Symptom(s) => {
                    reading.symptoms.retain(|x| *x != s);
                    push_once(&mut reading.negated, &s);
                }
            }
        }
        for (hit, (side, _, negated)) in places.iter().zip(&sided) {
            for region in &hit.meaning.regions {
                if *negated {
                    push_once(&mut reading.negated, region);
                    continue;
                }
                let instances: Vec<RegionInstance> = match side {
                    _ if self.midline.contains(region) => {
                        vec![RegionInstance::new(region.clone(), None)]
                    }
                    None => vec![RegionInstance::new(region.clone(), None)],
                    Some(s) => s
                        .sides()
                        .iter()
                        .map(|s| RegionInstance::new(region.clone(), Some(*s)))
                        .collect(),
                };
                for r in instances {
                    if !reading.regions.contains(&r) {
                        reading.regions.push(r);
                    }
                }
            }
        }
        reading.corrections = words
            .iter()
            .flatten()
            .filter(|w| w.corrected && w.used)
            .map(|w| Correction {
                typed: w.typed.clone(),
                read: w.norm.clone(),
            })
            .collect();
    }

    /// Does the side word at `i` end its clause ("temple on the left", "knee, right
    /// side")? Only words passed over may follow it.
    fn ends_clause(&self, items: &[Item], words: &[Option<Word>], i: usize) -> bool {
        items[i + 1..]
            .iter()
            .take_while(|it| **it != Item::Break)
            .all(|it| match it {
                Item::Word(w) => words[*w].as_ref().is_some_and(|x| {
                    matches!(x.norm.as_str(), "side" | "sides" | "sided")
                        || (self.ignore.contains(&x.norm) && !self.places.contains_key(&x.norm))
                }),
                _ => false,
            })
    }
}

/// Runs of words left unused, as typed.
fn collect_unmatched(items: &[Item], words: &[Option<Word>], reading: &mut Reading) {
    let mut run: Vec<&str> = Vec::new();
    for item in items {
        let unused = match item {
            Item::Word(w) => words[*w].as_ref().filter(|x| !x.used),
            _ => None,
        };
        match unused {
            Some(w) => run.push(&w.typed),
            None if !run.is_empty() => reading.unmatched.push(std::mem::take(&mut run).join(" ")),
            None => {}
        }
    }
    if !run.is_empty() {
        reading.unmatched.push(run.join(" "));
    }
}

fn push_once(list: &mut Vec<String>, s: &str) {
    if !list.iter().any(|x| x == s) {
        list.push(s.to_string());
    }
}

fn mark(words: &mut [Option<Word>], w: usize) {
    if let Some(x) = &mut words[w] {
        x.used = true;
    }
}

fn norms_of(words: &[Option<Word>], window: &[(usize, usize)]) -> Vec<String> {
    window
        .iter()
        .map(|(_, w)| {
            words[*w]
                .as_ref()
                .map_or_else(String::new, |x| x.norm.clone())
        })
        .collect()
}

/// The longest prefix of `norms` (in words) whose joined key `known` accepts.
fn longest<S: AsRef<str>>(norms: &[S], known: impl Fn(&str) -> bool) -> Option<usize> {
    (1..=norms.len()).rev().find(|&n| {
        let k = norms[..n]
            .iter()
            .map(AsRef::as_ref)
            .collect::<Vec<_>>()
            .join(" ");
        known(&k)
    })
}

impl Reading {
    /// The regions in words: "left back of knee, left calf".
    pub fn region_words(&self, atlas: &crate::atlas::Atlas) -> String {
        self.regions
            .iter()
            .map(|r| crate::report::instance_words(atlas, r))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The whole reading on one line: "left back of knee, left calf · burning ·
    /// sciatica · no numbness".
    pub fn summary(&self, atlas: &crate::atlas::Atlas) -> String {
        let mut parts: Vec<String> = Vec::new();
        if !self.regions.is_empty() {
            parts.push(self.region_words(atlas));
        }
        let feelings = self.symptom_words();
        if !feelings.is_empty() {
            parts.push(feelings.join(", "));
        }
        if !self.negated.is_empty() {
            let words: Vec<String> = self
                .negated
                .iter()
                .map(|w| {
                    let name = atlas.region(w).map_or(w.as_str(), |r| r.name.as_str());
                    format!("no {}", name.to_lowercase())
                })
                .collect();
            parts.push(words.join(", "));
        }
        parts.join(" · ")
    }

    /// Corrections and what was not understood, on one line ("read 'tempel' as 'temple';
    /// not understood: 'blorp'"), or empty.
    pub fn caveats(&self) -> String {
        let mut parts = Vec::new();
        if !self.corrections.is_empty() {
            let read: Vec<String> = self
                .corrections
                .iter()
                .map(|c| format!("'{}' as '{}'", c.typed, c.read))
                .collect();
            parts.push(format!("read {}", read.join(", ")));
        }
        if !self.unmatched.is_empty() {
            let not: Vec<String> = self.unmatched.iter().map(|u| format!("'{u}'")).collect();
            parts.push(format!("not understood: {}", not.join(", ")));
        }
        parts.join("; ")
    }
}

/// How often each letter a-z occurs in a word (anything else in one last bin).
fn letter_counts(word: &str) -> [u8; 27] {
    let mut counts = [0u8; 27];
    for c in word.chars() {
        let i = if c.is_ascii_lowercase() {
            usize::from(c as u8 - b'a')
        } else {
            26
        };
        counts[i] = counts[i].saturating_add(1);
    }
    counts
}

/// The bag distance of two words' letter counts: a lower bound of their edit distance
/// (each edit changes at most one letter's surplus on either side).
fn bag_distance(a: &[u8; 27], b: &[u8; 27]) -> usize {
    let (mut more, mut fewer) = (0usize, 0usize);
    for (x, y) in a.iter().zip(b) {
        if x > y {
            more += usize::from(x - y);
        } else {
            fewer += usize::from(y - x);
        }
    }
    more.max(fewer)
}

#[cfg(test)]
mod bound_tests {
    use super::*;

    #[test]
    fn the_letter_bound_never_exceeds_the_edit_distance() {
        let words = [
            "shoulder", "shouldr", "wrist", "worse", "tempel", "temple", "pinky", "knee", "kene",
        ];
        for a in words {
            for b in words {
                let bound = bag_distance(&letter_counts(a), &letter_counts(b));
                assert!(bound <= edit_distance(a, b), "{a} {b}");
            }
        }
    }
}
