//! What a search index is made of, and how it is made from an atlas's muscles and
//! regions: every id, name, alias and folded key end to end in one string, and the
//! things and keys as spans into it. This file knows only the atlas's model and key
//! folding, so the build step (`build.rs`) compiles it too and embeds the shipped
//! atlas's parts ready-made; the matching lives in [`super`].

use crate::atlas::model::{Muscle, Region};
use crate::atlas::text::fold_char;
use serde::{Deserialize, Serialize};

/// What a search result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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

/// Where a piece of text lies in the index's one string, in bytes (char boundaries,
/// made so when the piece was pushed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// The first byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

/// One searchable string of a thing: its name or one of its aliases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Key {
    /// Its folded text, what is matched against.
    pub folded: Span,
    /// The alias it is; `None` for the name. The label shown is the name, or "name
    /// (alias)" for an alias, made only for the hits shown.
    pub alias: Option<Span>,
}

/// One thing that can be found: a muscle, a region or a symptom, with all its keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thing {
    /// What it is.
    pub kind: HitKind,
    /// Its id.
    pub id: Span,
    /// Its name.
    pub name: Span,
    /// Its keys in the index's list, the name's first.
    pub keys: std::ops::Range<u32>,
}

/// A search index's data: what [`super::SearchIndex`] searches, and what is written to
/// the cache and embedded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Parts {
    /// Every thing, muscles, then regions, then symptoms.
    pub things: Vec<Thing>,
    /// Every thing's keys, thing after thing.
    pub keys: Vec<Key>,
    /// Every id, name, alias and folded key, end to end.
    pub text: String,
}

impl Parts {
    /// Indexes muscle names and aliases, region names, ids and aliases, and every
    /// distinct symptom phrase.
    pub fn of(muscles: &[Muscle], regions: &[Region]) -> Parts {
        let mut things = Vec::new();
        let mut keys: Vec<Key> = Vec::new();
        let mut text = String::new();
        let mut push = |kind, id: &str, name: &str, words: &mut dyn Iterator<Item = &str>| {
            let id_at = put(&mut text, id, false);
            let name_at = if name == id {
                id_at
            } else {
                put(&mut text, name, false)
            };
            let first = keys.len();
            let mut add = |alias: Option<Span>, raw: &str, text: &mut String| {
                let folded = put(text, raw, true);
                let new = at(text, folded);
                if keys[first..].iter().any(|k| at(text, k.folded) == new) {
                    text.truncate(folded.start as usize);
                    return;
                }
                keys.push(Key { folded, alias });
            };
            add(None, name, &mut text);
            for word in words {
                let alias = put(&mut text, word, false);
                add(Some(alias), word, &mut text);
            }
            things.push(Thing {
                kind,
                id: id_at,
                name: name_at,
                keys: first as u32..keys.len() as u32,
            });
        };
        for m in muscles {
            push(
                HitKind::Muscle,
                &m.id,
                &m.name,
                &mut m.aliases.iter().map(String::as_str),
            );
        }
        for r in regions {
            let words = std::iter::once(&r.id).chain(&r.aliases);
            push(
                HitKind::Region,
                &r.id,
                &r.name,
                &mut words.map(String::as_str),
            );
        }
        // Distinct symptoms, in order: a hash set first (most points repeat words), then
        // a sort of what is left.
        let mut seen: std::collections::HashSet<&str, foldhash::fast::FixedState> =
            std::collections::HashSet::default();
        let mut symptoms: Vec<&str> = muscles
            .iter()
            .flat_map(|m| &m.trigger_points)
            .flat_map(|tp| &tp.symptoms)
            .filter_map(|s| seen.insert(s.as_str()).then_some(s.as_str()))
            .collect();
        symptoms.sort_unstable();
        for s in symptoms {
            push(HitKind::Symptom, s, s, &mut std::iter::empty());
        }
        Parts { things, keys, text }
    }
}

/// Appends `piece` to `text`, folded (see [`fold_char`]) if asked, and says where it is.
fn put(text: &mut String, piece: &str, folded: bool) -> Span {
    let start = text.len();
    if !folded {
        text.push_str(piece);
    } else if piece.is_ascii() {
        // ASCII folds to its lower case, in place.
        text.push_str(piece);
        if let Some(new) = text.get_mut(start..) {
            new.make_ascii_lowercase();
        }
    } else {
        text.extend(piece.chars().map(fold_char));
    }
    Span {
        start: start as u32,
        end: text.len() as u32,
    }
}

/// A piece of `text` (a span made when the piece was pushed, so on char boundaries).
pub fn at(text: &str, span: Span) -> &str {
    text.get(span.start as usize..span.end as usize)
        .unwrap_or_default()
}
