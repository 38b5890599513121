//! Fuzzy search over muscles, regions and symptoms, for the explorer's `/` and
//! `painmap search`. Pure: an index built once from an atlas, queried per keystroke.
//!
//! Matching uses skim's algorithm with case ignored (so "SCM" finds the alias `SCM` and
//! "scm" does too) on accent-folded keys. Folding maps one char to one char, so the
//! matched indices are valid positions (in chars) in the label shown.

use crate::atlas::Atlas;
use crate::atlas::text::fold;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// What a search result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HitKind {
    /// A muscle (id is the muscle id).
    Muscle,
    /// A region (id is the region id).
    Region,
    /// A symptom word (id is the symptom text).
    Symptom,
}

impl HitKind {
    /// `"muscle"`, `"region"` or `"symptom"`.
    pub fn as_str(self) -> &'static str {
        match self {
            HitKind::Muscle => "muscle",
            HitKind::Region => "region",
            HitKind::Symptom => "symptom",
        }
    }
}

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
}

/// One searchable string.
#[derive(Debug, Clone)]
struct Entry {
    kind: HitKind,
    id: String,
    label: String,
    /// The folded text matched against.
    key: String,
    /// Where `key` starts in `label`, in chars.
    offset: usize,
}

/// A search index over one atlas.
pub struct SearchIndex {
    entries: Vec<Entry>,
    matcher: SkimMatcherV2,
}

impl SearchIndex {
    /// Indexes muscle names and aliases, region names, ids and aliases, and every
    /// distinct symptom phrase.
    pub fn new(atlas: &Atlas) -> SearchIndex {
        let mut entries = Vec::new();
        let mut push = |kind, id: &str, name: &str, words: &[&String]| {
            entries.push(Entry {
                kind,
                id: id.to_string(),
                label: name.to_string(),
                key: fold(name),
                offset: 0,
            });
            for word in words {
                if fold(word) == fold(name) {
                    continue;
                }
                entries.push(Entry {
                    kind,
                    id: id.to_string(),
                    label: format!("{name} ({word})"),
                    key: fold(word),
                    offset: name.chars().count() + 2,
                });
            }
        };
        for m in atlas.muscles() {
            let words: Vec<&String> = m.aliases.iter().collect();
            push(HitKind::Muscle, &m.id, &m.name, &words);
        }
        for r in atlas.regions() {
            let words: Vec<&String> = std::iter::once(&r.id).chain(&r.aliases).collect();
            push(HitKind::Region, &r.id, &r.name, &words);
        }
        let symptoms: BTreeSet<&String> = atlas
            .trigger_points()
            .flat_map(|(_, tp)| &tp.symptoms)
            .collect();
        for s in symptoms {
            push(HitKind::Symptom, s, s, &[]);
        }
        SearchIndex {
            entries,
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }

    /// The best `limit` hits for `query`, best first; each muscle, region or symptom at
    /// most once (its best-matching name or alias), and only those scoring at least 70%
    /// of the best. An empty query finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let q = fold(query.trim());
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        // Score every entry (cheap), keep each thing's best entry, cut, and only then
        // compute the matched letters of what is shown.
        let mut best: Vec<(i64, usize)> = Vec::new();
        // (kind, id) -> index in `best`.
        let mut seen: HashMap<(HitKind, &str), usize> = HashMap::new();
        for (n, e) in self.entries.iter().enumerate() {
            let Some(score) = self.matcher.fuzzy_match(&e.key, &q) else {
                continue;
            };
            // A name or alias that is the query, or starts with it, is what people mean.
            let score = score
                + if e.key == q {
                    30
                } else if e.key.starts_with(&q) {
                    20
                } else {
                    0
                };
            match seen.get(&(e.kind, e.id.as_str())) {
                Some(&i) if best[i].0 >= score => {}
                Some(&i) => best[i] = (score, n),
                None => {
                    seen.insert((e.kind, e.id.as_str()), best.len());
                    best.push((score, n));
                }
            }
        }
        let entry = |n: usize| &self.entries[n];
        best.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then_with(|| entry(a.1).kind.cmp(&entry(b.1).kind))
                .then_with(|| entry(a.1).label.cmp(&entry(b.1).label))
        });
        // Skim scores letters scattered across words ("tingl" in "pain sitTINg
        // cross-LeGged") not far below real matches; keep what is close to the best.
        let floor = best.first().map_or(0, |h| h.0 * 7 / 10);
        best.into_iter()
            .take_while(|h| h.0 >= floor)
            .take(limit)
            .map(|(score, n)| {
                let e = entry(n);
                let indices = self
                    .matcher
                    .fuzzy_indices(&e.key, &q)
                    .map(|(_, idx)| idx.into_iter().map(|i| i + e.offset).collect())
                    .unwrap_or_default();
                Hit {
                    kind: e.kind,
                    id: e.id.clone(),
                    label: e.label.clone(),
                    score,
                    indices,
                }
            })
            .collect()
    }
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("entries", &self.entries.len())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> SearchIndex {
        let atlas =
            Atlas::from_text(include_str!("../tests/fixtures/mini.ron"), "mini.ron").unwrap();
        SearchIndex::new(&atlas)
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
