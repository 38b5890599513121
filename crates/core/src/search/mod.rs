//! Fuzzy search over muscles, regions and symptoms, for the explorer's `/` and
//! `painmap search`. Pure: an index built once from an atlas (embedded ready-made for
//! the shipped one, or read back from the cache for a user's: [`stored`]), queried per
//! keystroke.
//!
//! Matching uses skim's algorithm with case ignored (so "SCM" finds the alias `SCM` and
//! "scm" does too) on accent-folded keys. Folding maps one char to one char, so the
//! matched indices are valid positions (in chars) in the label shown.

pub use painmap_model::search::parts;
mod skim;
pub mod stored;

pub use parts::HitKind;

use crate::atlas::Atlas;
use crate::atlas::text::fold;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use parts::{Key, Parts, Span, Thing, at};
use serde::Serialize;
use skim::one_char_match;

/// The shipped atlas's index parts in binary form, written by the build step.
static SHIPPED_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/search.bin"));

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    /// What it is.
    pub kind: HitKind,
    /// Its id (muscle or region id, or the symptom text).
    pub id: String,
    /// What to show: the name, with the alias that matched in brackets when it was one.
    pub label: String,
    /// Match quality; higher is better.
    pub score: i64,
    /// Char positions in `label` of the matched letters, for highlighting.
    pub indices: Vec<usize>,
    /// Whether the query is this name or alias exactly (folded): what was typed out.
    #[serde(skip)]
    pub exact: bool,
}

/// A search index over one atlas. Its ids, names, aliases and folded keys are kept end
/// to end in one string, and labels are made only for the hits shown, so building it
/// allocates little.
pub struct SearchIndex {
    parts: Parts,
    matcher: SkimMatcherV2,
    /// The longest folded key, in bytes (no fewer than its chars): a query of more chars
    /// than this matches nothing (its letters cannot all appear in a shorter key), so a
    /// pasted paragraph is turned away before any key is looked at.
    longest: usize,
}

/// What a scan finds: each matching thing's best key as (score, thing, key), and the
/// things that can still match as the query grows.
type Scan = (Vec<(i64, usize, usize)>, Vec<u32>);

/// How many things a search looks at before it splits them over threads: below this a
/// thread costs more than it saves (the shipped atlas has about 500).
const PARALLEL_FROM: usize = 4096;

/// The most threads one search uses.
const MAX_THREADS: usize = 8;

/// What one search found before the floor and the cut: the things one of whose keys
/// holds the query's letters in order. A longer query starting with the same letters
/// can only match among them, so the explorer, searching on every keystroke, hands the
/// last one back ([`SearchIndex::search_from`]) and only those are looked at again. The
/// results are the same as a fresh search's (a unit test holds them so).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Narrowing {
    /// The folded query; empty for none.
    query: String,
    /// Indices of the things that can still match, in index order.
    things: Vec<u32>,
}

impl SearchIndex {
    /// Indexes muscle names and aliases, region names, ids and aliases, and every
    /// distinct symptom phrase.
    pub fn new(atlas: &Atlas) -> SearchIndex {
        SearchIndex::from_parts(Parts::of(atlas.muscles(), atlas.regions()))
    }

    /// The index of the shipped atlas, made by the build step (`build.rs`) with
    /// [`Parts::of`] and embedded: nothing to build at run time.
    pub fn shipped() -> Result<SearchIndex, crate::atlas::AtlasError> {
        stored::decode(SHIPPED_BIN).ok_or_else(|| crate::atlas::AtlasError::Read {
            file: crate::atlas::SHIPPED_NAME.into(),
            reason: "the embedded search index is damaged; rebuild painmap".into(),
        })
    }

    /// An index of these parts (made by [`Parts::of`], or read back and checked by
    /// [`stored`]).
    fn from_parts(parts: Parts) -> SearchIndex {
        let longest = parts
            .keys
            .iter()
            .map(|k| k.folded.end.saturating_sub(k.folded.start) as usize)
            .max()
            .unwrap_or(0);
        SearchIndex {
            parts,
            matcher: SkimMatcherV2::default().ignore_case(),
            longest,
        }
    }

    /// A piece of the index's text.
    fn at(&self, span: Span) -> &str {
        at(&self.parts.text, span)
    }

    /// A thing's keys, the name's first.
    fn keys_of(&self, thing: &Thing) -> &[Key] {
        self.parts
            .keys
            .get(thing.keys.start as usize..thing.keys.end as usize)
            .unwrap_or_default()
    }

    /// A key's folded text.
    fn folded(&self, key: &Key) -> &str {
        self.at(key.folded)
    }

    /// The label shown for a key of a thing: its name, or "name (alias)".
    fn label(&self, thing: &Thing, key: &Key) -> String {
        let name = self.at(thing.name);
        match key.alias {
            None => name.to_string(),
            Some(word) => format!("{name} ({})", self.at(word)),
        }
    }

    /// Labels compared as [`SearchIndex::label`] writes them, without writing them.
    fn label_cmp(&self, a: (&Thing, &Key), b: (&Thing, &Key)) -> std::cmp::Ordering {
        let bytes = |(thing, key): (&Thing, &Key)| {
            let (open, word, close): (&[u8], &str, &[u8]) = match key.alias {
                None => (b"", "", b""),
                Some(word) => (b" (", self.at(word), b")"),
            };
            self.at(thing.name)
                .bytes()
                .chain(open.iter().copied())
                .chain(word.bytes())
                .chain(close.iter().copied())
        };
        bytes(a).cmp(bytes(b))
    }

    /// Where a key's text starts in its label, in chars.
    fn offset(&self, thing: &Thing, key: &Key) -> usize {
        if key.alias.is_some() {
            self.at(thing.name).chars().count() + 2
        } else {
            0
        }
    }

    /// Skim's score of `key` for the folded query, plus a bonus when the key is the
    /// query or starts with it (a name or alias typed out is what people mean).
    fn score(&self, key: &str, q: &str, one: Option<char>) -> Option<i64> {
        let score = match one {
            Some(c) => one_char_match(key, c)?.0,
            // Most keys miss most queries; skim would find that out only after copying
            // both strings, so the caller's plain in-order scan turns them away first.
            None => self.matcher.fuzzy_match(key, q)?,
        };
        Some(
            score
                + if key == q {
                    30
                } else if key.starts_with(q) {
                    20
                } else {
                    0
                },
        )
    }

    /// The best `limit` hits for `query`, best first; each muscle, region or symptom at
    /// most once (its best-matching name or alias), and only those scoring at least 70%
    /// of the best. An empty query finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.search_from(query, limit, &Narrowing::default()).0
    }

    /// [`SearchIndex::search`], looking only among what `previous` found when the query
    /// starts with its query (the query grew), and what this search found, for the next.
    pub fn search_from(
        &self,
        query: &str,
        limit: usize,
        previous: &Narrowing,
    ) -> (Vec<Hit>, Narrowing) {
        let q = fold(query.trim());
        let len = q.chars().count();
        if q.is_empty() || len > self.longest {
            return (Vec::new(), Narrowing::default());
        }
        // A one-letter query matches nearly everything, so it takes the short road.
        let one = {
            let mut chars = q.chars();
            chars.next().filter(|_| chars.next().is_none())
        };
        let all: Vec<u32>;
        let among: &[u32] = if !previous.query.is_empty() && q.starts_with(&previous.query) {
            &previous.things
        } else {
            all = (0..self.parts.things.len() as u32).collect();
            &all
        };
        let (mut best, things) = self.scan(among, &q, one);
        let narrowing = Narrowing {
            things,
            query: q.clone(),
        };
        if limit == 0 {
            return (Vec::new(), narrowing);
        }
        // Skim scores letters scattered across words ("tingl" in "pain sitTINg
        // cross-LeGged") not far below real matches; keep what is close to the best.
        let floor = best.iter().map(|h| h.0).max().unwrap_or(0) * 7 / 10;
        best.retain(|h| h.0 >= floor);
        let label = |&(_, t, k): &(i64, usize, usize)| {
            let thing = &self.parts.things[t];
            (thing, &self.keys_of(thing)[k])
        };
        // Ties: muscles, then regions, then symptoms; a name before an alias (typing
        // "s" lists Sartorius before "Abdominal obliques (side abs)"); then A to Z.
        let order = |a: &(i64, usize, usize), b: &(i64, usize, usize)| {
            b.0.cmp(&a.0)
                .then_with(|| {
                    self.parts.things[a.1]
                        .kind
                        .cmp(&self.parts.things[b.1].kind)
                })
                .then_with(|| (a.2 > 0).cmp(&(b.2 > 0)))
                .then_with(|| self.label_cmp(label(a), label(b)))
                .then_with(|| {
                    self.at(self.parts.things[a.1].id)
                        .cmp(self.at(self.parts.things[b.1].id))
                })
        };
        // Only the first `limit` need sorting.
        if best.len() > limit {
            best.select_nth_unstable_by(limit - 1, order);
            best.truncate(limit);
        }
        best.sort_unstable_by(order);
        let hits = best
            .into_iter()
            .map(|(score, t, k)| {
                let thing = &self.parts.things[t];
                let key = &self.keys_of(thing)[k];
                let text = self.folded(key);
                let found = match one {
                    Some(c) => one_char_match(text, c).map(|(_, at)| vec![at]),
                    None => self.matcher.fuzzy_indices(text, &q).map(|(_, idx)| idx),
                };
                let offset = self.offset(thing, key);
                Hit {
                    kind: thing.kind,
                    id: self.at(thing.id).to_string(),
                    label: self.label(thing, key),
                    score,
                    indices: found
                        .unwrap_or_default()
                        .into_iter()
                        .map(|i| i + offset)
                        .collect(),
                    exact: text == q,
                }
            })
            .collect();
        (hits, narrowing)
    }

    /// Each of `among`'s things whose best key matches the folded query: (score, thing,
    /// key), in `among`'s order; and those that could still match as the query grows.
    /// A long list is split over the machine's cores (as fzf does), each part in its
    /// own thread, and the parts joined in order, so the answer is the same however it
    /// is split.
    fn scan(&self, among: &[u32], q: &str, one: Option<char>) -> Scan {
        // Asked once: the answer reads the cgroup's files, and the explorer searches on
        // every keystroke.
        static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
        let threads = if among.len() >= PARALLEL_FROM {
            *CORES.get_or_init(|| {
                std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_THREADS))
            })
        } else {
            1
        };
        if threads == 1 {
            return self.scan_part(among, q, one);
        }
        let parts: Vec<Scan> = std::thread::scope(|scope| {
            let running: Vec<_> = among
                .chunks(among.len().div_ceil(threads))
                .map(|part| scope.spawn(move || self.scan_part(part, q, one)))
                .collect();
            running
                .into_iter()
                // A part that panicked panics the search, as it would have unsplit.
                .map(|t| t.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        let mut whole = Scan::default();
        for (best, possible) in parts {
            whole.0.extend(best);
            whole.1.extend(possible);
        }
        whole
    }

    /// [`SearchIndex::scan`] of one part, in this thread.
    fn scan_part(&self, among: &[u32], q: &str, one: Option<char>) -> Scan {
        let mut best = Vec::new();
        let mut possible_things = Vec::new();
        for &t in among {
            let Some(thing) = self.parts.things.get(t as usize) else {
                continue;
            };
            let mut top: Option<(i64, usize)> = None;
            let mut possible = false;
            for (k, key) in self.keys_of(thing).iter().enumerate() {
                let text = self.folded(key);
                // The letters in order: what any match needs, now or as the query grows.
                if one.is_none() && !in_order(text, q) {
                    continue;
                }
                possible = true;
                if let Some(score) = self.score(text, q, one)
                    && top.is_none_or(|(s, _)| score > s)
                {
                    top = Some((score, k));
                }
            }
            if let Some((score, k)) = top {
                best.push((score, t as usize, k));
            }
            // A one-letter query's hits are exactly the keys holding the letter.
            if possible && (one.is_none() || top.is_some()) {
                possible_things.push(t);
            }
        }
        (best, possible_things)
    }
}

/// Whether the letters of `q` appear in `key` in order: the necessary condition for
/// any skim match. Both are folded (lower case, accents gone), so letters compare
/// exactly; an ASCII query's letters can only be matched by the same bytes.
fn in_order(key: &str, q: &str) -> bool {
    if q.is_ascii() {
        let mut rest = key.bytes();
        q.bytes().all(|w| rest.any(|b| b == w))
    } else {
        let mut rest = key.chars();
        q.chars().all(|w| rest.any(|c| c == w))
    }
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("things", &self.parts.things.len())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> SearchIndex {
        let atlas = Atlas::from_text(
            include_str!("../../../../tests/fixtures/mini.ron"),
            "mini.ron",
        )
        .unwrap();
        SearchIndex::new(&atlas)
    }

    #[test]
    fn the_embedded_index_is_the_shipped_atlas_s() {
        let built = SearchIndex::new(&Atlas::shipped().unwrap());
        assert_eq!(SearchIndex::shipped().unwrap().parts, built.parts);
    }

    #[test]
    fn on_a_tie_a_name_comes_before_an_alias() {
        let atlas = Atlas::shipped().unwrap();
        let hits = SearchIndex::new(&atlas).search("s", 40);
        assert_eq!(hits[0].label, "Sartorius", "{hits:?}");
        let is_alias =
            |h: &Hit| h.indices.first().is_some_and(|&i| i > 0) && h.label.contains(" (");
        let mut aliases_in_group = 0;
        for (i, h) in hits.iter().enumerate() {
            let same_group = i > 0 && (hits[i - 1].score, hits[i - 1].kind) == (h.score, h.kind);
            if !same_group {
                aliases_in_group = 0;
            }
            if is_alias(h) {
                aliases_in_group += 1;
            } else {
                assert_eq!(
                    aliases_in_group, 0,
                    "a name after an alias at {i}: {hits:?}"
                );
            }
        }
    }

    #[test]
    fn abbreviations_match_in_any_case() {
        let idx = index();
        for q in ["SCM", "scm", "Scm"] {
            let hits = idx.search(q, 5);
            assert_eq!(hits[0].id, "sterno", "{q}");
            assert_eq!(hits[0].label, "Stérnocleido (SCM)");
            let highlighted: String = hits[0]
                .indices
                .iter()
                .map(|&i| hits[0].label.chars().nth(i).unwrap())
                .collect();
            assert_eq!(highlighted, "SCM");
        }
    }

    #[test]
    fn accents_fold_both_ways() {
        let idx = index();
        let plain = idx.search("sterno", 3);
        let accented = idx.search("stérno", 3);
        assert_eq!(plain[0].id, "sterno");
        assert_eq!(plain, accented);
        assert_eq!(plain[0].indices, [0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn finds_regions_and_symptoms_with_kinds() {
        let idx = index();
        let hits = idx.search("templ", 5);
        assert_eq!(
            (hits[0].kind, hits[0].id.as_str()),
            (HitKind::Region, "temple")
        );
        let hits = idx.search("tinnit", 5);
        assert_eq!(
            (hits[0].kind, hits[0].id.as_str()),
            (HitKind::Symptom, "tinnitus")
        );
    }

    #[test]
    fn scattered_matches_are_dropped() {
        let idx = index();
        let hits = idx.search("tinnit", 10);
        assert!(hits.iter().all(|h| h.score * 10 >= hits[0].score * 7));
        assert_eq!(hits.len(), 1, "{hits:?}");
    }

    /// Typing on from the last query looks only among what it found: every prefix of
    /// every query, searched from the one before, gives what a fresh search gives.
    #[test]
    fn narrowing_as_the_query_grows_changes_no_result() {
        let synthetic = crate::atlas::synth::synthetic_text(2).unwrap();
        let atlases = [
            Atlas::shipped().unwrap(),
            Atlas::from_text(&synthetic, "synthetic.ron").unwrap(),
        ];
        let queries = [
            "sternocleidomastoid",
            "upper trap x2",
            "scm",
            "tension headache",
            "left temple",
            "Infraspinatus",
            "hip pain at night",
            "zzzz",
            "qa",
        ];
        let mut compared = 0;
        for atlas in &atlases {
            let idx = SearchIndex::new(atlas);
            for q in queries {
                let mut previous = Narrowing::default();
                let chars: Vec<char> = q.chars().collect();
                for n in 1..=chars.len() {
                    let typed: String = chars[..n].iter().collect();
                    let (hits, next) = idx.search_from(&typed, 40, &previous);
                    assert_eq!(hits, idx.search(&typed, 40), "{typed:?}");
                    assert!(
                        next.things.len() <= previous.things.len() || previous.query.is_empty()
                    );
                    compared += hits.len();
                    previous = next;
                }
                // Deleting a letter (the query no longer grows) searches everything again.
                let shorter: String = chars[..chars.len() / 2].iter().collect();
                let (hits, _) = idx.search_from(&shorter, 40, &previous);
                assert_eq!(hits, idx.search(&shorter, 40), "{shorter:?}");
            }
        }
        assert!(compared > 500, "{compared}");
    }

    /// A pasted paragraph is longer than any name, alias or symptom: nothing can hold
    /// all its letters, so it finds nothing (without matching it against every key),
    /// while a query as long as the longest key still finds it.
    #[test]
    fn a_query_longer_than_any_key_finds_nothing() {
        let atlas = Atlas::shipped().unwrap();
        let idx = SearchIndex::new(&atlas);
        let paragraph = "my left temple hurts when I chew and my neck is stiff ".repeat(60);
        assert!(paragraph.len() > 3000);
        assert!(idx.search(&paragraph, 40).is_empty());
        let (thing, key) = idx
            .parts
            .things
            .iter()
            .flat_map(|t| idx.keys_of(t).iter().map(move |k| (t, k)))
            .max_by_key(|(_, k)| idx.folded(k).len())
            .unwrap();
        let text = idx.folded(key);
        assert_eq!(text.len(), idx.longest);
        let hits = idx.search(text, 40);
        let label = idx.label(thing, key);
        assert!(hits.iter().any(|h| h.label == label), "{hits:?}");
        let one_more = format!("{text}x");
        assert!(idx.search(&one_more, 40).is_empty());
    }

    #[test]
    fn each_thing_once_and_empty_query_finds_nothing() {
        let idx = index();
        let hits = idx.search("t", 100);
        let mut keys: Vec<_> = hits.iter().map(|h| (h.kind, h.id.clone())).collect();
        let n = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), n);
        assert!(idx.search("   ", 10).is_empty());
        assert!(idx.search("temple", 0).is_empty());
    }
}
