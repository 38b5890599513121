//! The reader: text in, a [`Reading`] out (regions on sides, qualities, symptoms, times,
//! and what was not understood). It reads a small grammar, not a word list.
//!
//! How it reads, in order:
//! 1. Words ([`super::words`]): folded, split at clause breaks. A word the lexicon does
//!    not know is read as its singular ("temples": a plural of a paired place means both
//!    sides); else, when it is not an everyday word ("week", "more", "March") and one
//!    place or feeling word with the same first letter is within a small edit distance,
//!    as that word ("tempel" as "temple"). A word that is itself English but often typed
//!    for a body word ("heal") is read so only where its place makes sense (a foot is
//!    spoken of). Every correction is reported ([`Correction`]).
//! 2. Marks ([`Item`]): idioms ("neck of the woods", "on the other hand") are passed
//!    over first; fillers drop out; side words become side marks (not "right across",
//!    "right where", "I left"; "left more than right" and `L>R` are both; "that side"
//!    repeats the last side); negations, landmarks ("above", "halfway", "your"), actions
//!    ("when I lift"), "is fine" and time words ("last week", "two years ago") become
//!    marks of their own.
//! 3. Places are matched longest first within a clause; when a phrase starting inside a
//!    match reaches further ("down the back | of my thigh"), that one is taken. Two places
//!    joined by "to" ("from the hip to the knee") become the regions along a line of the
//!    body between them.
//! 4. Qualities and symptoms are matched the same way.
//! 5. Sides, by clause ([`Lexicon::assign`]): a side before a place names it and carries
//!    on to the places after it ("left shoulder blade and the top of the shoulder"); a
//!    side after the places of its clause names them ("knee, the right one", "temple on
//!    the left side when I chew"), or, alone in its clause, the clause before's. A place
//!    after a landmark word or an action is not a pain site; a limb said with a finer
//!    place of its own only carries the side ("index finger on my right hand"); "on the
//!    inside" makes a place said before it its inner part; a negation ("no", "not")
//!    excludes what follows it to the clause's end or "but", "fine" the places before it.
//! 6. Whatever is left is `unmatched`: listed, never guessed.
//!
//! The marks and clauses are public through [`Lexicon::clauses`], so other readers of
//! free text (clinical concepts) can reuse the same words, negation and times.

use super::lexicon::{Feeling, Lexicon, PlaceMeaning};
use super::words::{Piece, pieces};
use crate::atlas::RegionInstance;
use crate::atlas::side::{SideWord, side_word_at};
use crate::atlas::text::edit_distance;
use crate::intake::Quality;
use painmap_model::parse::lexicon_index::Set;
use std::collections::HashSet;

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
    /// Time, duration and frequency words, as typed ("last week", "every morning").
    pub times: Vec<String>,
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
    /// A plural whose singular the lexicon knows ("knees").
    plural: bool,
    /// Its singular, when it is a plural the lexicon knows as such ("thighs").
    single: Option<String>,
    used: bool,
}

/// A mark in the text, as the reader sees it (fillers removed). Public so concept
/// readers can walk the same clauses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// A word (an index into the text's words).
    Word(usize),
    /// A side word (or words: "either side").
    Side(SideWord),
    /// "that side", "the same side": the side said last.
    SameSide,
    /// "no", "not", "denies": what follows, to the clause's end or "but", is excluded.
    Negation,
    /// "above", "halfway to", "your": the place after it is a landmark.
    Landmark,
    /// "is fine", "ok": the places before it in the clause are well.
    Well,
    /// A time, duration or frequency ("last week", "for a month", "every morning").
    Time,
    /// A clause break; `stop` when it ends a sentence (a side said before it stays
    /// there).
    Break {
        /// The end of a sentence (`.` `;` `!` `?`, a new line), not a comma.
        stop: bool,
    },
}

/// A place found: where its words are (in items), and what it means.
#[derive(Debug, Clone)]
struct PlaceHit {
    first: usize,
    last: usize,
    meaning: PlaceMeaning,
    /// The phrase's key ("inside knee").
    key: String,
    /// Its last word was a plural ("knees").
    plural: bool,
}

/// A feeling found, at the item of its first word.
#[derive(Debug)]
struct FeelingHit {
    at: usize,
    feelings: Vec<Feeling>,
}

/// One clause of a text, as marks: for readers of other things than places (clinical
/// concepts) that want the same words, negations and times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// The folded words of the clause, fillers removed, each with whether a negation
    /// said earlier in the clause reaches it.
    pub words: Vec<(String, bool)>,
    /// Time words of the clause, as typed.
    pub times: Vec<String>,
}

/// Words after "right" that make it an adverb ("right across", "right where").
const ADVERB_NEXT: [&str; 30] = [
    "across", "in", "on", "at", "where", "through", "up", "down", "behind", "under", "above",
    "below", "into", "there", "here", "now", "away", "by", "next", "before", "after", "round",
    "around", "along", "over", "between", "inside", "against", "beside", "near",
];

/// Words before "left" that make it a verb ("I left work", "since I left").
const VERB_BEFORE: [&str; 12] = [
    "i", "im", "we", "he", "she", "they", "you", "have", "has", "had", "just", "been",
];

impl Lexicon {
    /// Reads free text.
    pub fn read(&self, text: &str) -> Reading {
        let mut reading = Reading::default();
        let (mut words, stops) = self.words_of(text);
        let items = self.items(&mut words, &stops, &mut reading.times);
        let found = self.find_places(&items, &mut words);
        let feelings = self.find_feelings(&items, &mut words);
        let places = self.join_paths(&items, &mut words, found);
        self.pass_over(&items, &mut words);
        self.assign(&items, &mut words, places, &feelings, &mut reading);
        collect_unmatched(&items, &words, &mut reading);
        reading
    }

    /// The text's clauses as marks: folded words (fillers, side words and time words
    /// out), each with whether a negation reaches it, and the clause's times. The same
    /// tokenizer, spelling rules and negation reach as [`Lexicon::read`].
    pub fn clauses(&self, text: &str) -> Vec<Clause> {
        let (mut words, stops) = self.words_of(text);
        let mut times = Vec::new();
        let items = self.items(&mut words, &stops, &mut times);
        let mut out = Vec::new();
        let mut clause = Clause {
            words: Vec::new(),
            times: Vec::new(),
        };
        let mut negating = false;
        let mut time_at = 0;
        for item in &items {
            match item {
                Item::Break { .. } => {
                    negating = false;
                    out.push(std::mem::replace(
                        &mut clause,
                        Clause {
                            words: Vec::new(),
                            times: Vec::new(),
                        },
                    ));
                }
                Item::Negation => negating = true,
                Item::Time => {
                    if let Some(t) = times.get(time_at) {
                        clause.times.push(t.clone());
                    }
                    time_at += 1;
                }
                Item::Word(w) => {
                    if let Some(x) = &words[*w] {
                        if self.negation_ends.contains(&x.norm) {
                            negating = false;
                        }
                        clause.words.push((x.norm.clone(), negating));
                    }
                }
                _ => {}
            }
        }
        if !clause.words.is_empty() || !clause.times.is_empty() {
            out.push(clause);
        }
        out
    }

    /// Folds, de-pluralises and corrects the words; a break is `None`, and the second
    /// list says which breaks end a sentence.
    fn words_of(&self, text: &str) -> (Vec<Option<Word>>, Vec<bool>) {
        let pieces = pieces(text);
        let said: HashSet<&str> = pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Word { folded, .. } => Some(folded.as_str()),
                Piece::Break | Piece::Stop => None,
            })
            .collect();
        let stops = pieces.iter().map(|p| *p == Piece::Stop).collect();
        let words = pieces
            .iter()
            .map(|p| match p {
                Piece::Break | Piece::Stop => None,
                Piece::Word { typed, folded } => {
                    // "hip's" is one hip, not hips.
                    let possessive = typed.ends_with("'s") || typed.ends_with('\u{2019}');
                    let (norm, corrected, plural) = self.normalise(folded, &said);
                    let single = self.singular(&norm).filter(|s| *s != norm && !possessive);
                    Some(Word {
                        typed: typed.clone(),
                        norm,
                        corrected,
                        plural: plural && !possessive,
                        single,
                        used: false,
                    })
                }
            })
            .collect();
        (words, stops)
    }

    /// The singular of a plural the lexicon knows ("knees" -> "knee").
    fn singular(&self, folded: &str) -> Option<String> {
        if folded == "feet" {
            return Some("foot".into());
        }
        for (suffix, with) in [("ies", "y"), ("ves", "f"), ("es", ""), ("s", "")] {
            if let Some(stem) = folded.strip_suffix(suffix) {
                let singular = format!("{stem}{with}");
                if stem.chars().count() >= 2 && self.knows(&singular) {
                    return Some(singular);
                }
            }
        }
        None
    }

    /// A known word as is; "temples" as "temple" (a plural); a near miss as the one place
    /// or feeling word closest to it, with the same first letter (two or more equally
    /// close: left alone); never an everyday word; a confusable word only near its
    /// context. Returns (word, corrected, plural).
    fn normalise(&self, folded: &str, said: &HashSet<&str>) -> (String, bool, bool) {
        if let Some((read, near)) = self.confusables.get(folded) {
            let fits = said.iter().any(|w| {
                near.iter()
                    .any(|n| n == w || self.singular(w).is_some_and(|s| &s == n))
            });
            if fits {
                return (read.clone(), true, false);
            }
        }
        let plural = self
            .singular(folded)
            .filter(|s| !self.one_side_plurals.contains(folded) && s != folded);
        if self.knows(folded) || folded.chars().any(|c| c.is_ascii_digit() || c == '/') {
            return (folded.to_string(), false, plural.is_some());
        }
        if let Some(singular) = plural {
            return (singular, false, true);
        }
        if self.singular(folded).is_some() {
            // A plural that is one side ("toes"): its singular, not a plural.
            return (self.singular(folded).unwrap_or_default(), false, false);
        }
        let n = folded.chars().count();
        if n < 4 || self.ordinary.contains(folded) {
            return (folded.to_string(), false, false);
        }
        let limit = if n <= 6 { 1 } else { 2 };
        let first = folded.chars().next();
        let mut best: Option<(usize, &str)> = None;
        let mut tied = false;
        let letters = letter_counts(folded);
        for len in n.saturating_sub(limit)..=n + limit {
            for w in self.by_length.get(len).into_iter().flatten() {
                // The letters alone rule most words out, without the edit distance:
                // "worse" can never be two edits from "wrist".
                if w.chars().count() < 3
                    || w.chars().next() != first
                    || bag_distance(&letters, &letter_counts(w)) > limit
                {
                    continue;
                }
                let d = edit_distance(folded, w);
                if d > limit {
                    continue;
                }
                // Between equally close words, the one ending alike ("buttok" is
                // "buttock", not "button").
                let ends_alike = |x: &str| x.chars().last() == folded.chars().last();
                match best {
                    Some((b, _)) if d > b => {}
                    Some((b, prev)) if d == b => match (ends_alike(prev), ends_alike(w)) {
                        (true, false) => {}
                        (false, true) => best = Some((d, w)),
                        _ => tied = true,
                    },
                    _ => {
                        best = Some((d, w));
                        tied = false;
                    }
                }
            }
        }
        match best {
            // "sholders" is read as "shoulders", a plural still.
            Some((_, w)) if !tied => (
                w.to_string(),
                true,
                !self.one_side_plurals.contains(w) && self.singular(w).is_some_and(|s| s != w),
            ),
            _ => (folded.to_string(), false, false),
        }
    }

    /// The folded word at `i`, if any (fillers included).
    fn norm_at(words: &[Option<Word>], i: usize) -> Option<&str> {
        words
            .get(i)
            .and_then(|w| w.as_ref())
            .map(|w| w.norm.as_str())
    }

    /// Words into items: idioms passed over, fillers dropped, side words, negations,
    /// landmarks, actions, "fine" and times as marks. Time words go to `times`.
    #[allow(
        clippy::too_many_lines,
        reason = "one pass over the words, mark by mark"
    )]
    fn items(
        &self,
        words: &mut [Option<Word>],
        stops: &[bool],
        times: &mut Vec<String>,
    ) -> Vec<Item> {
        let mut items = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let Some(w) = &words[i] else {
                let stop = stops.get(i).copied().unwrap_or(false);
                match items.last_mut() {
                    Some(last @ Item::Break { .. }) => {
                        *last = Item::Break {
                            stop: stop || *last == Item::Break { stop: true },
                        };
                    }
                    Some(_) => items.push(Item::Break { stop }),
                    None => {}
                }
                i += 1;
                continue;
            };
            // Idioms, fillers kept: "on the other hand", "neck of the woods".
            let raw: Vec<&str> = words[i..]
                .iter()
                .map_while(|w| w.as_ref().map(|w| w.norm.as_str()))
                .take(self.longest_idiom)
                .collect();
            // "back" is the one place word that is also an adverb: an idiom of the
            // adverb ("back when", "back from") is none where "back" is owned or
            // qualified ("my lower back when I bend").
            let owned = raw[0] == "back"
                && i.checked_sub(1)
                    .and_then(|p| Self::norm_at(words, p))
                    .is_some_and(|p| {
                        matches!(
                            p,
                            "my" | "his"
                                | "her"
                                | "their"
                                | "lower"
                                | "upper"
                                | "low"
                                | "mid"
                                | "middle"
                                | "sore"
                                | "bad"
                                | "stiff"
                                | "achy"
                                | "aching"
                        ) || side_word_at(&[p]).is_some()
                    });
            if !owned && let Some(n) = longest(&raw, |k| self.idioms.contains(k)) {
                for k in i..i + n {
                    mark(words, k);
                }
                i += n;
                continue;
            }
            if self.fillers.contains(&w.norm) {
                let norm = w.norm.clone();
                // "that side", "the same side": the side said last.
                let after_on = i
                    .checked_sub(1)
                    .and_then(|p| Self::norm_at(words, p))
                    .is_some_and(|p| matches!(p, "on" | "onto"));
                if matches!(norm.as_str(), "that" | "this")
                    && !after_on
                    && Self::norm_at(words, i + 1) == Some("side")
                {
                    items.push(Item::SameSide);
                    mark(words, i);
                    mark(words, i + 1);
                    i += 2;
                    continue;
                }
                mark(words, i);
                i += 1;
                continue;
            }
            if w.norm == "same" && Self::norm_at(words, i + 1) == Some("side") {
                items.push(Item::SameSide);
                mark(words, i);
                mark(words, i + 1);
                i += 2;
                continue;
            }
            // "right across", "right where": an adverb. "I left work": a verb.
            let prev = i.checked_sub(1).and_then(|p| Self::norm_at(words, p));
            let next = Self::norm_at(words, i + 1);
            let said_as_side =
                prev.is_some_and(|p| matches!(p, "the" | "my" | "her" | "his" | "to"));
            // "temples r pounding", "they r sore": "r" is "are" between a plural or
            // a pronoun and what is said of it.
            let r_is_are = w.norm == "r"
                && prev.is_some_and(|p| {
                    matches!(p, "they" | "u" | "you" | "we" | "both")
                        || words[i - 1].as_ref().is_some_and(|x| x.plural)
                })
                && next.is_some_and(|n| {
                    !self.places.contains_key(n)
                        && !self.comparisons.contains(n)
                        && side_word_at(&[n]).is_none()
                });
            let not_a_side = r_is_are
                || (w.norm == "right"
                    && !said_as_side
                    && next.is_some_and(|n| ADVERB_NEXT.contains(&n)))
                || (w.norm == "left"
                    && (prev.is_some_and(|p| VERB_BEFORE.contains(&p)) || next == Some("handed")));
            if not_a_side {
                mark(words, i);
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
                // "the right one", "left side": the word after says nothing more.
                let n = if norms
                    .get(n)
                    .is_some_and(|w| matches!(*w, "one" | "ones" | "side" | "sided" | "sides"))
                    && !self.starts_place_with_side(&norms[n + 1..])
                {
                    n + 1
                } else {
                    n
                };
                i = self.take(words, &ahead, n);
                continue;
            }
            let marks: [(&Set<String>, Item); 4] = [
                (&self.negations, Item::Negation),
                (&self.landmarks, Item::Landmark),
                (&self.well, Item::Well),
                (&self.times, Item::Time),
            ];
            let mut marked = false;
            for (set, item) in marks {
                if let Some(n) = longest(&norms, |k| set.contains(k)) {
                    // A place phrase starting here wins ("under the arm" is the armpit,
                    // not a landmark).
                    if item == Item::Landmark {
                        let plain: Vec<(usize, usize)> = ahead
                            .iter()
                            .filter(|(_, w)| side_word_at(&[w.as_str()]).is_none())
                            .map(|(k, _)| (*k, *k))
                            .collect();
                        let sides = ahead.len() - plain.len();
                        if self
                            .place_at(words, &plain)
                            .is_some_and(|(_, m)| m + sides > n)
                        {
                            break;
                        }
                    }
                    if item == Item::Time {
                        // A number just before is part of the time ("two years ago").
                        let mut typed: Vec<String> = Vec::new();
                        if let Some(Item::Word(p)) = items.last().copied()
                            && words[p].as_ref().is_some_and(|x| {
                                !x.used && is_number(&x.norm) && !self.places.contains_key(&x.norm)
                            })
                        {
                            items.pop();
                            mark(words, p);
                            if let Some(x) = &words[p] {
                                typed.push(x.typed.clone());
                            }
                        }
                        typed.extend(
                            ahead[..n]
                                .iter()
                                .filter_map(|(k, _)| words[*k].as_ref().map(|x| x.typed.clone())),
                        );
                        // Times said in a row are one ("two years ago").
                        if items.last() == Some(&Item::Time) {
                            if let Some(last) = times.last_mut() {
                                last.push(' ');
                                last.push_str(&typed.join(" "));
                            }
                            i = self.take(words, &ahead, n);
                            marked = true;
                            break;
                        }
                        times.push(typed.join(" "));
                    }
                    items.push(item);
                    i = self.take(words, &ahead, n);
                    marked = true;
                    break;
                }
            }
            if marked {
                continue;
            }
            items.push(Item::Word(i));
            i += 1;
        }
        self.join_compared_sides(words, &items)
    }

    /// "left more than right", "L worse than R", "left and right": two side marks with
    /// only comparison words between are one mark for both sides.
    fn join_compared_sides(&self, words: &mut [Option<Word>], items: &[Item]) -> Vec<Item> {
        let mut out: Vec<Item> = Vec::with_capacity(items.len());
        let mut i = 0;
        while i < items.len() {
            // "thigh and knee, both on the right": "both" is the places, the side follows.
            if let (Item::Side(SideWord::Both), Some(Item::Side(b))) = (items[i], items.get(i + 1))
                && *b != SideWord::Both
            {
                out.push(Item::Side(*b));
                i += 2;
                continue;
            }
            if let Item::Side(a) = items[i] {
                let mut j = i + 1;
                while let Some(Item::Word(w)) = items.get(j) {
                    let between = words[*w].as_ref().is_some_and(|x| {
                        self.comparisons.contains(&x.norm)
                            || matches!(x.norm.as_str(), "and" | "or")
                    });
                    if !between {
                        break;
                    }
                    j += 1;
                }
                if j > i + 1
                    && let Some(Item::Side(b)) = items.get(j)
                {
                    for it in &items[i + 1..j] {
                        if let Item::Word(w) = it {
                            mark(words, *w);
                        }
                    }
                    out.push(Item::Side(a.union(*b)));
                    i = j + 1;
                    continue;
                }
            }
            out.push(items[i]);
            i += 1;
        }
        out
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

    /// The longest place phrase at the start of `window`: its words as matched (as
    /// typed, or with plurals as singulars: "front of my thighs"), and its length.
    fn place_at(
        &self,
        words: &[Option<Word>],
        window: &[(usize, usize)],
    ) -> Option<(Vec<String>, usize)> {
        let norms = norms_of(words, window);
        let singles: Vec<String> = window
            .iter()
            .zip(&norms)
            .map(|((_, w), n)| {
                words[*w]
                    .as_ref()
                    .and_then(|x| x.single.clone())
                    .unwrap_or_else(|| n.clone())
            })
            .collect();
        let known = |k: &str| self.places.contains_key(k);
        match (longest(&norms, known), longest(&singles, known)) {
            (Some(a), Some(b)) if b > a => Some((singles, b)),
            (Some(a), _) => Some((norms, a)),
            (None, Some(b)) => Some((singles, b)),
            (None, None) => None,
        }
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
            let Some((norms, mut n)) = self.place_at(words, &window) else {
                i += 1;
                continue;
            };
            // A phrase starting inside this one that reaches further is the place said
            // ("down the back of my thigh" is the back of the thigh).
            let mut start = 0;
            for k in 1..n {
                if let Some(m) = longest(&norms[k..], |key| self.places.contains_key(key))
                    && k + m > n
                {
                    start = k;
                    n = k + m;
                    break;
                }
            }
            let k = norms[start..n].join(" ");
            let meaning = self.places[&k].clone();
            for (_, w) in &window[start..n] {
                mark(words, *w);
            }
            // A plural of a paired place ("knees"), not a plural phrase ("between the
            // shoulder blades"): its singular names the same place.
            // One plural word is a plural place even when its singular names another
            // part ("shoulders" are their tops, "shoulder" the outer shoulder).
            let plural = words[window[n - 1].1].as_ref().is_some_and(|w| w.plural) && {
                n - start == 1 || {
                    let single: Vec<String> = norms[start..n]
                        .iter()
                        .map(|w| self.singular(w).unwrap_or_else(|| w.clone()))
                        .collect();
                    self.places
                        .get(&single.join(" "))
                        .is_some_and(|m| m.regions == meaning.regions)
                }
            };
            hits.push(PlaceHit {
                first: window[start].0,
                last: window[n - 1].0,
                meaning,
                key: k,
                plural,
            });
            i = window[n - 1].0 + 1;
        }
        hits
    }

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
                let joined = !gap
                    .iter()
                    .any(|it| matches!(it, Item::Negation | Item::Landmark | Item::Well))
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
                    .then(|| {
                        Self::cut_at(&prev.meaning, &hit.meaning)
                            .or_else(|| self.along(&prev.meaning, &hit.meaning))
                    })
                    .flatten()
                {
                    for w in gap_words {
                        mark(words, w);
                    }
                    prev.meaning = PlaceMeaning {
                        regions,
                        around: Vec::new(),
                        sided: None,
                    };
                    prev.plural = false;
                    prev.last = hit.last;
                    // A path is no limb: "my arm went numb from the elbow to the
                    // little finger" leaves the arm only carrying the side.
                    prev.key = String::new();
                    continue;
                }
            }
            out.push(hit);
        }
        out
    }

    /// "down the back of the arm to the elbow": a stretch said, then where it stops on
    /// it: the stretch up to there.
    fn cut_at(path: &PlaceMeaning, end: &PlaceMeaning) -> Option<Vec<String>> {
        if path.regions.len() < 2 {
            return None;
        }
        let k = path
            .regions
            .iter()
            .position(|r| end.regions.contains(r) || end.around.contains(r))?;
        (k > 0).then(|| path.regions[..=k].to_vec())
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
    /// Walks the marks clause by clause: gives places their sides, sets landmarks,
    /// actions, negations and "fine" apart, reads aspects ("on the inside") and limbs
    /// that only carry a side, and writes the reading.
    #[allow(clippy::too_many_lines, reason = "one walk over the marks, in order")]
    fn assign(
        &self,
        items: &[Item],
        words: &mut [Option<Word>],
        places: Vec<PlaceHit>,
        feelings: &[FeelingHit],
        reading: &mut Reading,
    ) {
        let starts: HashSet<usize> = places.iter().map(|p| p.first).collect();
        let clause_of: Vec<usize> = items
            .iter()
            .scan(0, |c, it| {
                let here = *c;
                if matches!(it, Item::Break { .. }) {
                    *c += 1;
                }
                Some(here)
            })
            .collect();
        let mut said: Vec<Placed> = Vec::new();
        let in_place: HashSet<usize> = places.iter().flat_map(|p| p.first..=p.last).collect();
        let mut hits = places.into_iter().peekable();
        let mut current: Option<SideWord> = None; // carried on from the last side said
        let mut pending: Option<SideWord> = None; // said before a place not yet reached
        let mut last_side: Option<SideWord> = None;
        let mut negating = false;
        let mut landmark_next = false;
        let mut acting = false;
        let mut acted_on = false;
        let mut negated_feelings: Vec<Feeling> = Vec::new();
        let mut next_feeling = 0;
        // The words of places: a side carried past a comma needs the clause before to
        // end in a place or a side ("left shoulder, arm and hand"), not in something said
        // of it ("left knee hurts, neck is stiff": the neck has no side).
        let mut list_open = false;
        // Past a closed clause, the side said before reaches on only along the same limb
        // or line, or where the pain is said to spread ("R buttock ache, goes down the
        // back of the thigh"); "left knee hurts, and my neck is stiff" leaves the neck
        // without one.
        let mut guarded = false;
        let mut spreading = false;
        for (i, item) in items.iter().enumerate() {
            let clause = clause_of[i];
            match item {
                Item::Side(_) | Item::SameSide => list_open = true,
                Item::Break { .. } => {}
                Item::Word(w) if in_place.contains(&i) || self.is_list_glue(words, *w) => {}
                _ => list_open = false,
            }
            let side_said = match item {
                Item::Break { stop } => {
                    guarded |= *stop || !list_open;
                    spreading = false;
                    list_open = false;
                    negating = false;
                    acting = false;
                    acted_on = false;
                    landmark_next = false;
                    None
                }
                Item::Negation => {
                    negating = true;
                    None
                }
                Item::Landmark => {
                    landmark_next = true;
                    None
                }
                Item::Well => {
                    for p in said.iter_mut().filter(|p| p.clause == clause) {
                        p.negated = true;
                    }
                    None
                }
                Item::Side(s) => Some(*s),
                Item::SameSide => last_side,
                Item::Time => None,
                Item::Word(w) => {
                    if words[*w]
                        .as_ref()
                        .is_some_and(|x| self.negation_ends.contains(&x.norm))
                    {
                        negating = false;
                    }
                    spreading |= self.is_spreading(words, *w);
                    // An action stays a word (a symptom may hold it: "can't turn my
                    // head"); the places after it in its clause are its objects.
                    let norms = norms_of(words, &self.window(items, i));
                    if longest(&norms, |k| self.actions.contains(k)).is_some() {
                        acting = true;
                    }
                    // "just below it": the landmark was "it".
                    if norms
                        .first()
                        .is_some_and(|n| matches!(n.as_str(), "it" | "them"))
                    {
                        landmark_next = false;
                    }
                    None
                }
            };
            if let Some(side) = side_said {
                last_side = Some(side);
                guarded = false;
                let clause_end = (i + 1..items.len())
                    .find(|&j| matches!(items[j], Item::Break { .. }))
                    .unwrap_or(items.len());
                let before = said.iter().any(|p| p.clause == clause && !p.landmark);
                let after = (i + 1..clause_end).any(|j| starts.contains(&j));
                let directly = starts.contains(&(i + 1));
                let listed = said
                    .iter()
                    .filter(|p| p.clause == clause && !p.landmark)
                    .count();
                if side == SideWord::Both && listed >= 2 && !directly {
                    // "mid back and lower back both achey": both of them, not both sides.
                } else if directly || (after && !before) {
                    let s = pending.map_or(side, |p| p.union(side));
                    pending = Some(s);
                    current = Some(s);
                    // "look over my shoulder ... the left side of my neck catches".
                    if acted_on {
                        acting = false;
                    }
                } else {
                    // After its places: those of this clause, or alone in its clause,
                    // those of the clause before that had any.
                    let target = if before {
                        Some(clause)
                    } else {
                        said.iter().rev().find(|p| !p.landmark).map(|p| p.clause)
                    };
                    if let Some(c) = target {
                        // "my knees ache, worse on the left": both, the left more.
                        let compared = i > 0
                            && matches!(items[i - 1], Item::Word(w)
                            if Self::norm_at(words, w).is_some_and(|n| {
                                matches!(n, "worse" | "more" | "greater" | "worst")
                            }));
                        let mut named = false;
                        for p in said
                            .iter_mut()
                            .filter(|p| p.clause == c && !p.landmark && !p.explicit)
                        {
                            named = true;
                            if compared && (p.hit.plural || p.side == Some(SideWord::Both)) {
                                continue;
                            }
                            p.set_side(side);
                        }
                        // "left knee fine, the right one ...": the same place, other side.
                        if !named
                            && !before
                            && !after
                            && let Some(last) = said
                                .iter()
                                .rev()
                                .find(|p| p.clause == c && !p.landmark && p.side != Some(side))
                        {
                            let mut copy = last.clone();
                            copy.clause = clause;
                            copy.negated = negating;
                            copy.explicit = false;
                            copy.set_side(side);
                            said.push(copy);
                        }
                    }
                    current = Some(side);
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
            while let Some(hit) = hits.next_if(|h| h.last == i) {
                // "neck stiff at the back": "back" here says which part of the neck.
                if hit.key == "back"
                    && self.said_as_part(items, words, hit.first)
                    && let Some(prev) = said
                        .iter_mut()
                        .rev()
                        .filter(|p| !p.landmark)
                        .find(|p| p.clause == clause || p.clause + 1 == clause)
                {
                    self.narrow(prev, "back");
                    continue;
                }
                // "between the knee and the ankle": both ends are landmarks.
                let and_landmark = said.last().is_some_and(|p| {
                    p.landmark
                        && p.hit.last < hit.first
                        && items[p.hit.last + 1..hit.first].iter().all(|it| {
                            matches!(it, Item::Word(w) if Self::norm_at(words, *w) == Some("and"))
                        })
                        && hit.first > p.hit.last + 1
                });
                let landmark = landmark_next || acting || and_landmark;
                let toward = if landmark_next && !acting {
                    Self::direction_before(items, words, hit.first)
                } else {
                    0
                };
                acted_on |= acting;
                landmark_next = false;
                let (side, explicit) = match pending.take() {
                    Some(s) => (Some(s), true),
                    None if guarded && !spreading => {
                        let anchor = said
                            .iter()
                            .rev()
                            .find(|p| p.explicit && !p.landmark && p.side.is_some());
                        match anchor {
                            Some(a) if !self.near(&a.hit.meaning.regions, &hit.meaning.regions) => {
                                (None, false)
                            }
                            _ => (current, false),
                        }
                    }
                    None => (current, false),
                };
                if landmark && explicit {
                    // "side of my head above the left ear": the side is the clause's.
                    if let Some(s) = side {
                        for p in said
                            .iter_mut()
                            .filter(|p| p.clause == clause && !p.landmark && !p.explicit)
                        {
                            p.set_side(s);
                        }
                    }
                }
                list_open = true;
                said.push(Placed {
                    hit,
                    clause,
                    side,
                    explicit,
                    negated: negating,
                    landmark,
                    toward,
                    dropped: false,
                });
            }
        }
        self.beside(&mut said);
        self.aspects(items, words, &clause_of, &mut said);
        self.containers(&mut said);
        self.write_places(&said, reading);
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

    /// "above" (-1) or "below", "beneath" (+1) said just before the place word at item
    /// `first` (fillers and "just" passed over), else 0.
    fn direction_before(items: &[Item], words: &[Option<Word>], first: usize) -> i8 {
        let Some(Item::Word(w)) = items.get(first) else {
            return 0;
        };
        for k in (0..*w).rev() {
            match Self::norm_at(words, k) {
                Some("above") => return -1,
                Some("below" | "beneath" | "under" | "underneath") => return 1,
                Some("the" | "my" | "your" | "her" | "his" | "just" | "a" | "little" | "bit") => {}
                Some(n) if side_word_at(&[n]).is_some() => {}
                _ => return 0,
            }
        }
        0
    }

    /// "pain just below my left knee": a place said only as "above" or "below" a
    /// landmark, with no other place in its clause, is the region next to the landmark
    /// that way along a line of the body (the lines run from the head down).
    fn beside(&self, placed: &mut [Placed]) {
        for k in 0..placed.len() {
            let p = &placed[k];
            if !p.landmark || p.toward == 0 {
                continue;
            }
            let alone = !placed
                .iter()
                .any(|q| q.clause == p.clause && !q.landmark && !q.negated);
            // "right breast, aching under the nipple": a landmark on a place already said
            // is a spot on it, not the way to another.
            let on_a_place_said = placed.iter().any(|q| {
                !q.landmark
                    && p.hit
                        .meaning
                        .regions
                        .iter()
                        .any(|r| q.hit.meaning.regions.contains(r))
            });
            if !alone || on_a_place_said {
                continue;
            }
            let next = p.hit.meaning.regions.first().and_then(|r| {
                self.lines.iter().find_map(|line| {
                    let at = line.iter().position(|x| x == r)?;
                    let to = at.checked_add_signed(isize::from(p.toward))?;
                    line.get(to).cloned()
                })
            });
            if let Some(region) = next {
                let p = &mut placed[k];
                p.landmark = false;
                p.hit.meaning = PlaceMeaning {
                    regions: vec![region],
                    around: Vec::new(),
                    sided: None,
                };
                p.hit.key = String::new();
            }
        }
    }

    /// Does this word say the pain spreads on, or is said again ("radiates", "goes",
    /// "into", "also")?
    fn is_spreading(&self, words: &[Option<Word>], w: usize) -> bool {
        Self::norm_at(words, w).is_some_and(|n| {
            self.between.contains(n)
                || matches!(
                    n,
                    "radiates"
                        | "radiating"
                        | "radiate"
                        | "refers"
                        | "referring"
                        | "referred"
                        | "spreads"
                        | "spreading"
                        | "spread"
                        | "goes"
                        | "going"
                        | "went"
                        | "travels"
                        | "travelling"
                        | "traveling"
                        | "shoots"
                        | "shooting"
                        | "moves"
                        | "moving"
                        | "runs"
                        | "down"
                        | "up"
                        | "also"
                        | "too"
                )
        })
    }

    /// Are two places of one limb (a container holds both) or close on a line of the
    /// body (at most three regions apart)?
    fn near(&self, a: &[String], b: &[String]) -> bool {
        a.iter().any(|x| {
            b.iter().any(|y| {
                x == y
                    || self
                        .containers
                        .values()
                        .any(|holds| holds.contains(x) && holds.contains(y))
                    || self.lines.iter().any(|line| {
                        match (
                            line.iter().position(|r| r == x),
                            line.iter().position(|r| r == y),
                        ) {
                            (Some(i), Some(j)) => i.abs_diff(j) <= 3,
                            _ => false,
                        }
                    })
            })
        })
    }

    /// Does this word only join a list of places ("and", "or", "too")?
    #[allow(clippy::unused_self, reason = "kept with its callers")]
    fn is_list_glue(&self, words: &[Option<Word>], w: usize) -> bool {
        Self::norm_at(words, w).is_some_and(|n| {
            matches!(
                n,
                "and" | "or" | "plus" | "also" | "too" | "mostly" | "mainly" | "especially"
            )
        })
    }

    /// Is the place word at item `first` said as a part ("at the back", "on the back")?
    #[allow(clippy::unused_self, reason = "kept with its callers")]
    fn said_as_part(&self, items: &[Item], words: &[Option<Word>], first: usize) -> bool {
        let Some(Item::Word(w)) = items.get(first) else {
            return false;
        };
        let before = |k: usize| w.checked_sub(k).and_then(|p| Self::norm_at(words, p));
        let after = |k: usize| Self::norm_at(words, w + k);
        // "at the back", or "the back of it" (the place said before).
        (before(1) == Some("the") && matches!(before(2), Some("at" | "on" | "to")))
            || (after(1) == Some("of") && matches!(after(2), Some("it" | "them")))
    }

    /// Narrows a place by a part said of it ("inside" + "knee" is the inner knee);
    /// false when the lexicon has no such place.
    fn narrow(&self, p: &mut Placed, aspect: &str) -> bool {
        let mut key = format!("{aspect} {}", p.hit.key);
        if !self.places.contains_key(&key) {
            let single: Vec<String> = p
                .hit
                .key
                .split(' ')
                .map(|w| self.singular(w).unwrap_or_else(|| w.to_string()))
                .collect();
            key = format!("{aspect} {}", single.join(" "));
        }
        match self.places.get(&key) {
            Some(m) => {
                p.hit.meaning = m.clone();
                p.hit.key = key;
                true
            }
            None => false,
        }
    }

    /// "knee ... on the inside", "hip, the left one, mostly the side": an aspect word
    /// left over narrows the place said last in its clause (or, alone in its clause, in
    /// the clause before).
    fn aspects(
        &self,
        items: &[Item],
        words: &mut [Option<Word>],
        clause_of: &[usize],
        placed: &mut [Placed],
    ) {
        for (i, item) in items.iter().enumerate() {
            let Item::Word(w) = item else { continue };
            let Some(norm) = words[*w]
                .as_ref()
                .filter(|x| self.aspects.contains(&x.norm))
                .map(|x| x.norm.clone())
            else {
                continue;
            };
            if placed.iter().any(|p| p.hit.first <= i && i <= p.hit.last) {
                continue;
            }
            let clause = clause_of[i];
            let here = placed
                .iter()
                .rposition(|p| p.clause == clause && p.hit.last < i && !p.landmark);
            let target = here.or_else(|| {
                if placed.iter().any(|p| p.clause == clause) {
                    return None;
                }
                placed
                    .iter()
                    .rposition(|p| p.clause < clause && !p.landmark)
            });
            if let Some(t) = target
                && self.narrow(&mut placed[t], &norm)
            {
                mark(words, *w);
            }
        }
    }

    /// A limb said with a finer place it holds only carries its side to it ("index
    /// finger on my right hand", "elbow on the outside, right arm").
    fn containers(&self, placed: &mut [Placed]) {
        for c in 0..placed.len() {
            let Some(holds) = self.containers.get(&placed[c].hit.key) else {
                continue;
            };
            if placed[c].landmark || placed[c].negated {
                continue;
            }
            let clause = placed[c].clause;
            let held: Vec<usize> = (0..placed.len())
                .filter(|&q| {
                    q != c
                        && !placed[q].landmark
                        && !placed[q].dropped
                        && placed[q].clause + 2 >= clause
                        && placed[q].clause <= clause + 2
                        && !self.containers.contains_key(&placed[q].hit.key)
                        && placed[q]
                            .hit
                            .meaning
                            .regions
                            .iter()
                            .any(|r| holds.contains(r))
                })
                .collect();
            if held.is_empty() {
                continue;
            }
            placed[c].dropped = true;
            if let Some(side) = placed[c].side {
                for q in held {
                    if !placed[q].explicit || placed[c].explicit && placed[q].side.is_none() {
                        placed[q].side = Some(side);
                        placed[q].explicit = placed[c].explicit;
                    }
                }
            }
        }
    }

    /// The places into the reading: regions on their sides (a plural of a paired place
    /// with no side said is both), negated ones apart; a region also read on a side is
    /// not listed again without one.
    fn write_places(&self, placed: &[Placed], reading: &mut Reading) {
        for p in placed.iter().filter(|p| !p.dropped && !p.landmark) {
            for region in &p.hit.meaning.regions {
                if p.negated {
                    push_once(&mut reading.negated, region);
                    continue;
                }
                let side = match p.side {
                    None if p.hit.plural => Some(SideWord::Both),
                    s => s,
                };
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
        let sided: HashSet<String> = reading
            .regions
            .iter()
            .filter(|r| r.side.is_some())
            .map(|r| r.region.clone())
            .collect();
        reading
            .regions
            .retain(|r| r.side.is_some() || !sided.contains(&r.region));
    }
}

/// A place as the clause grammar sees it.
#[derive(Debug, Clone)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent facts the grammar sets one by one"
)]
struct Placed {
    hit: PlaceHit,
    clause: usize,
    side: Option<SideWord>,
    /// Its side was said of it (not carried on from an earlier place).
    explicit: bool,
    negated: bool,
    /// A landmark or an action's object: not a pain site.
    landmark: bool,
    /// A landmark said with "above" (-1) or "below" (+1), else 0.
    toward: i8,
    /// A limb that only carried a side.
    dropped: bool,
}

impl Placed {
    /// A side said after the place: it names it, and a place read otherwise when a side
    /// is said after it ("neck, right side") becomes that region.
    fn set_side(&mut self, side: SideWord) {
        self.side = Some(side);
        self.explicit = true;
        if matches!(side, SideWord::One(_))
            && let Some(sided) = self.hit.meaning.sided.take()
        {
            self.hit.meaning.regions = vec![sided];
        }
    }
}

/// Is this word a number ("2", "two", "couple")?
fn is_number(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_digit())
        || matches!(
            word,
            "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "eleven"
                | "twelve"
                | "twenty"
                | "thirty"
                | "few"
                | "couple"
                | "several"
                | "many"
                | "last"
                | "past"
                | "next"
                | "this"
                | "every"
                | "each"
        )
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

#[cfg(test)]
mod grammar_tests {
    //! The misreads issue #24 lists, each read right now.
    use crate::atlas::{Atlas, Side};
    use crate::parse::Lexicon;

    fn read(text: &str) -> (Vec<String>, Vec<&'static str>, super::Reading) {
        let atlas = Atlas::shipped().unwrap();
        let reading = Lexicon::for_atlas(&atlas).unwrap().read(text);
        let mut regions: Vec<String> = reading
            .regions
            .iter()
            .map(|r| match r.side {
                Some(Side::Left) => format!("left {}", r.region),
                Some(Side::Right) => format!("right {}", r.region),
                None => r.region.clone(),
            })
            .collect();
        regions.sort();
        let qualities = reading.qualities.iter().map(|q| q.as_str()).collect();
        (regions, qualities, reading)
    }

    #[test]
    fn compound_places_are_one_place() {
        assert_eq!(
            read("aching down the back of my right thigh").0,
            ["right thigh-back"]
        );
        assert_eq!(
            read("my upper back teeth hurt on the right").0,
            ["right upper-teeth"]
        );
        assert_eq!(read("sore bum cheek on the left").0, ["left buttock"]);
    }

    #[test]
    fn sides_the_way_people_say_them() {
        assert_eq!(
            read("carpal tunnel in both hands").0,
            ["left wrist-front", "right wrist-front"]
        );
        assert_eq!(
            read("both knees hurt on the inside").0,
            ["left knee-inner", "right knee-inner"]
        );
        assert_eq!(
            read("hamstrings tight, L more than R").0,
            ["left thigh-back", "right thigh-back"]
        );
        assert_eq!(
            read("left knee fine, the right one is killing me").0,
            ["right kneecap"]
        );
        assert_eq!(read("headache right across my forehead").0, ["forehead"]);
    }

    #[test]
    fn a_correction_must_make_sense_in_its_place() {
        let (regions, _, reading) = read("heal pain on my right foot");
        assert_eq!(regions, ["right heel"]);
        assert_eq!(reading.corrections[0].read, "heel");
        let (_, _, reading) = read("a knot in my shoulder for a week");
        assert!(reading.symptoms.is_empty(), "{reading:?}");
        assert!(reading.corrections.is_empty(), "{reading:?}");
        let (regions, _, reading) = read("hurt my neck two years ago");
        assert_eq!(regions, ["neck-back"]);
        assert_eq!(reading.times, ["two years ago"]);
        let (_, _, reading) = read("stiff since last week");
        assert!(reading.symptoms.is_empty(), "{reading:?}");
    }

    #[test]
    fn a_quality_only_when_said() {
        let (regions, qualities, _) = read("IT band is tight");
        assert_eq!(regions, ["thigh-outer"]);
        assert!(qualities.is_empty());
        let (regions, qualities, _) = read("pressure in both cheeks");
        assert_eq!(regions, ["left cheek", "right cheek"]);
        assert!(qualities.is_empty());
    }

    #[test]
    fn landmarks_idioms_and_actions_are_not_places() {
        assert_eq!(
            read("side of my head above the left ear").0,
            ["left head-side"]
        );
        assert_eq!(
            read("groin pain on the right when I lift my knee up").0,
            ["right groin"]
        );
        assert_eq!(
            read("in your neck of the woods, my left hip is playing up").0,
            ["left hip-side"]
        );
    }

    #[test]
    fn a_side_reaches_a_list_but_not_an_unrelated_clause() {
        // One side said for a list.
        assert_eq!(
            read("left shoulder, arm and hand ache").0,
            [
                "left hand-back",
                "left shoulder-outer",
                "left upper-arm-outer"
            ]
        );
        assert_eq!(
            read("left side: shoulder and arm").0,
            ["left shoulder-outer", "left upper-arm-outer"]
        );
        // Said to spread, or the same limb: the side goes on.
        assert_eq!(
            read("Right buttock deep ache, goes down the back of the thigh sometimes").0,
            ["right buttock", "right thigh-back"]
        );
        assert_eq!(
            read("outer side of my left knee hurts after a walk, also the front of the knee").0,
            ["left knee-outer", "left kneecap"]
        );
        // A closed clause about a place far away: no side for it.
        assert_eq!(
            read("left knee hurts, and my neck is stiff").0,
            ["left kneecap", "neck-back"]
        );
        assert_eq!(
            read("my right calf cramps. headaches behind the eye too").0,
            ["eye", "right calf"]
        );
        // "both" as a pronoun for the places, the side after it.
        assert_eq!(
            read("back of my thigh and behind the knee, both on the right").0,
            ["right knee-back", "right thigh-back"]
        );
    }

    #[test]
    fn compared_sides_are_both() {
        for text in ["stiff neck R>L", "neck stiff, L>R", "L<R stiff neck"] {
            assert_eq!(
                read(text).0,
                ["left neck-back", "right neck-back"],
                "{text}"
            );
        }
        assert_eq!(
            read("my knees ache after running, worse on the left").0,
            ["left kneecap", "right kneecap"]
        );
        // A side after a single place still names it.
        assert_eq!(read("my jaw aches, mostly the left side").0, ["left jaw"]);
    }

    #[test]
    fn above_or_below_a_landmark_alone_is_the_region_next_to_it() {
        assert_eq!(
            read("pain just above my right knee").0,
            ["right thigh-front"]
        );
        assert_eq!(read("sore just below the left knee").0, ["left shin"]);
        assert_eq!(read("ache below my elbow").0, ["forearm-back"]);
        // With a place of its own, the landmark stays a landmark.
        assert_eq!(
            read("side of my head above the left ear").0,
            ["left head-side"]
        );
    }

    #[test]
    fn r_between_a_plural_and_what_is_said_of_it_is_are() {
        assert_eq!(
            read("temples r pounding after work").0,
            ["left temple", "right temple"]
        );
        assert_eq!(read("R shoulder sore").0, ["right shoulder-outer"]);
        assert_eq!(
            read("hamstrings R>L").0,
            ["left thigh-back", "right thigh-back"]
        );
    }

    #[test]
    fn a_stretch_stops_where_it_is_said_to() {
        assert_eq!(
            read("ache in the back of my left shoulder, down the back of the arm to the elbow").0,
            [
                "left elbow-back",
                "left shoulder-back",
                "left upper-arm-back"
            ]
        );
        // The limb the stretch runs along only carries the side.
        assert_eq!(
            read("my arm went numb from the elbow to the little finger, right side").0,
            [
                "right elbow-inner",
                "right forearm-little-finger-side",
                "right little-finger"
            ]
        );
    }

    #[test]
    fn words_that_change_meaning_with_their_company() {
        assert_eq!(
            read("my backside goes numb on drives, left cheek mostly").0,
            ["left buttock"]
        );
        assert_eq!(
            read("pressure in both cheeks").0,
            ["left cheek", "right cheek"]
        );
        // A place fallen on is not where it hurts.
        assert_eq!(
            read("fell on my butt skating, tailbone still tender").0,
            ["coccyx"]
        );
        assert_eq!(
            read("pain under my left shoulder blade").0,
            ["left mid-back"]
        );
        assert_eq!(
            read("sore neck and shoulders").0,
            ["left shoulder-top", "neck-back", "right shoulder-top"]
        );
        assert_eq!(
            read("right breast, aching under the nipple").0,
            ["right chest"]
        );
        assert_eq!(read("right hand, back of it, aches").0, ["right hand-back"]);
        assert_eq!(read("my knee, the back of it").0, ["knee-back"]);
        assert_eq!(
            read("the angle of my jaw on the right side, under the ear, aches").0,
            ["right jaw"]
        );
    }

    #[test]
    fn a_place_word_owned_or_qualified_starts_no_idiom() {
        assert_eq!(
            read("sharp pain in my left lower back when i bend over").0,
            ["left low-back"]
        );
        assert_eq!(read("pain in my back from lifting").0, ["low-back"]);
        assert_eq!(read("back when i was young my knee hurt").0, ["kneecap"]);
    }

    #[test]
    fn clauses_carry_negation_and_times() {
        let atlas = Atlas::shipped().unwrap();
        let clauses = Lexicon::for_atlas(&atlas)
            .unwrap()
            .clauses("no fever but sweating, for a week");
        assert_eq!(clauses.len(), 2);
        assert!(clauses[0].words.contains(&("fever".to_string(), true)));
        assert!(clauses[0].words.contains(&("sweating".to_string(), false)));
        assert_eq!(clauses[1].times, ["week"]);
    }
}
