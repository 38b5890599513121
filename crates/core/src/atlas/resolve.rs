//! Resolving what people type into regions and muscles: ids, names and aliases, any
//! case, accents folded, with an optional side prefix for regions (`left`, `L`, `rt`...:
//! [`super::side::SIDE_WORDS`]), and
//! "did you mean" suggestions when nothing matches.

use super::side::{SideWord, split_side_prefix};
use super::text::{edit_distance, key};
use super::{Atlas, Muscle, RegionInstance, Side};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// A token that names no region or muscle.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    /// No region answers to the token.
    #[error("unknown region '{token}'{}", did_you_mean(.suggestions))]
    UnknownRegion {
        /// What was typed.
        token: String,
        /// Close matches, best first.
        suggestions: Vec<String>,
    },
    /// The token names a body area ("arm", "left leg"), which holds several regions.
    #[error(
        "'{token}' is a body area ({area}), not one region; name one of its regions: {}",
        .regions.join(", ")
    )]
    Area {
        /// What was typed.
        token: String,
        /// The area's heading.
        area: String,
        /// The ids of the area's regions, in atlas order.
        regions: Vec<String>,
    },
    /// No muscle answers to the token.
    #[error("unknown muscle '{token}'{}", did_you_mean(.suggestions))]
    UnknownMuscle {
        /// What was typed.
        token: String,
        /// Close matches, best first.
        suggestions: Vec<String>,
    },
}

fn did_you_mean(suggestions: &[String]) -> String {
    match suggestions {
        [] => String::new(),
        [one] => format!("; did you mean '{one}'?"),
        [init @ .., last] => {
            let init: Vec<String> = init.iter().map(|s| format!("'{s}'")).collect();
            format!("; did you mean {} or '{last}'?", init.join(", "))
        }
    }
}

/// Splits a leading side word (`left`, `L`, `rt`...) off a folded key. "Both" is not one
/// region instance, so it is not read as a side here (free text reads it).
fn split_side(k: &str) -> (Option<Side>, &str) {
    match split_side_prefix(k) {
        (Some(SideWord::One(side)), rest) => (Some(side), rest),
        _ => (None, k),
    }
}

impl Atlas {
    /// Resolves `left temple`, `Temple`, `temporal region`, `neck side`, `sternum`...
    /// A side given for a midline region is dropped: midline belongs to both sides.
    pub fn resolve_region(&self, token: &str) -> Result<RegionInstance, ResolveError> {
        let k = key(token);
        let (side, rest) = split_side(&k);
        // A region whose own name starts with a side word would win over the prefix.
        let keys = &self.ix().region_keys;
        let found = keys
            .get(&k)
            .map(|&i| (i, None))
            .or_else(|| keys.get(rest).map(|&i| (i, side)));
        match found {
            Some((i, side)) => {
                let region = &self.file.regions[i];
                let side = if region.midline { None } else { side };
                Ok(RegionInstance::new(region.id.clone(), side))
            }
            None => Err(self.area_named(rest).map_or_else(
                || ResolveError::UnknownRegion {
                    token: token.trim().to_string(),
                    suggestions: suggest(rest, keys.keys(), |k| {
                        self.file.regions[keys[k]].id.clone()
                    }),
                },
                |area| ResolveError::Area {
                    token: token.trim().to_string(),
                    area: area.to_string(),
                    regions: self
                        .file
                        .regions
                        .iter()
                        .filter(|r| r.group == area)
                        .map(|r| r.id.clone())
                        .collect(),
                },
            )),
        }
    }

    /// The region heading one of whose parts `k` (a lookup key) is: "arm" for "Arm",
    /// "hand" for "Wrist & hand".
    fn area_named(&self, k: &str) -> Option<&str> {
        self.file
            .regions
            .iter()
            .map(|r| r.group.as_str())
            .find(|group| group.split(['&', ',']).any(|part| key(part) == k))
    }

    /// Resolves a muscle by id, name or alias (`SCM`, `traps`, `Sternocleidomastoid`).
    pub fn resolve_muscle(&self, token: &str) -> Result<&Muscle, ResolveError> {
        let k = key(token);
        let keys = self.muscle_keys();
        match keys.get(&k) {
            Some(&i) => Ok(&self.file.muscles[i]),
            None => Err(ResolveError::UnknownMuscle {
                token: token.trim().to_string(),
                suggestions: suggest(&k, keys.keys(), |k| self.file.muscles[keys[k]].id.clone()),
            }),
        }
    }
}

/// Up to three ids whose keys are close to `typed`: small edit distances first, then
/// fuzzy (subsequence) matches. Each id appears once.
fn suggest<'a>(
    typed: &str,
    keys: impl Iterator<Item = &'a String>,
    id_of: impl Fn(&str) -> String,
) -> Vec<String> {
    if typed.is_empty() {
        return Vec::new();
    }
    let matcher = SkimMatcherV2::default().ignore_case();
    let typed_len = typed.chars().count();
    let limit = (typed_len / 3).max(1) + 1;
    let lower = typed.to_lowercase();
    let mut scored: Vec<(i64, String)> = keys
        .filter_map(|k| {
            // A name that begins with what was typed ("glut": the glutei) is what was
            // meant before any near spelling of a short alias ("lat").
            if typed_len >= 3 && k.to_lowercase().starts_with(&lower) {
                return Some((2_000_000 - k.chars().count() as i64, k.clone()));
            }
            // The lengths' difference is a lower bound of the distance: a long paste
            // is not compared letter by letter with every name.
            let near = typed_len.abs_diff(k.chars().count()) <= limit;
            let d = if near {
                edit_distance(typed, k)
            } else {
                usize::MAX
            };
            if d <= limit {
                // Closer is better; any edit-distance hit beats a fuzzy one.
                return Some((1_000_000 - d as i64, k.clone()));
            }
            // A subsequence is never longer than the key, so a long paste is not
            // matched letter by letter against every name either.
            if typed_len < 3 || typed_len > k.chars().count() {
                return None;
            }
            let fuzzy = matcher.fuzzy_match(k, typed)?;
            Some((fuzzy, k.clone()))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let mut out: Vec<String> = Vec::new();
    for (_, k) in scored {
        let id = id_of(&k);
        if !out.contains(&id) {
            out.push(id);
        }
        if out.len() == 3 {
            break;
        }
    }
    out
}
