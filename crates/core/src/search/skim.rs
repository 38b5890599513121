//! Pieces of skim's scoring (the `fuzzy-matcher` crate's `SkimMatcherV2`) computed
//! without its alignment matrix, where the search's hot loop needs them cheap. Each is
//! held to skim's own answers by a test over every key of the shipped and a synthetic
//! atlas.

/// Skim's score and matched position for a one-character pattern, without its
/// alignment matrix (which costs an allocation and a pass per key). For one character
/// skim's dynamic programme reduces to: the best position's in-place bonus, plus the
/// match score, less one for the gap before it and two for a case mismatch; on a tie
/// the later position wins. The unit test `one_char_match_is_skims` holds this to
/// skim's own answer on every key of the shipped and a synthetic atlas.
pub(super) fn one_char_match(key: &str, p: char) -> Option<(i64, usize)> {
    const MATCH: i64 = 16;
    const GAP: i64 = -1;
    const CASE_MISMATCH: i64 = -2;
    let mut best: Option<(i64, usize)> = None;
    let mut prev = '\0';
    for (j, c) in key.chars().enumerate() {
        if c.eq_ignore_ascii_case(&p) {
            let bonus = in_place_bonus(prev, c) * if j == 0 { 2 } else { 1 };
            let matched = (MATCH + if c == p { 0 } else { CASE_MISMATCH }).max(0);
            let score = GAP + bonus + matched;
            if best.is_none_or(|(s, _)| score >= s) {
                best = Some((score, j));
            }
        }
        prev = c;
    }
    best
}

/// Skim's bonus for matching `c` after `prev`: the head of a word, after a soft
/// separator, or a camel-case hump.
fn in_place_bonus(prev: char, c: char) -> i64 {
    #[derive(PartialEq)]
    enum Type {
        Empty,
        Upper,
        Lower,
        Number,
        HardSep,
        SoftSep,
    }
    let of = |ch: char| match ch {
        '\0' => Type::Empty,
        ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => Type::HardSep,
        '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => Type::SoftSep,
        '0'..='9' => Type::Number,
        'A'..='Z' => Type::Upper,
        _ => Type::Lower,
    };
    match (of(prev), of(c)) {
        (Type::Empty | Type::HardSep, _) => 8,
        (Type::SoftSep, _) => 7,
        (Type::Lower | Type::Number, Type::Upper) => 6,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Atlas;
    use crate::search::SearchIndex;
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;
    use std::collections::BTreeSet;

    #[test]
    fn one_char_match_is_skims() {
        let skim = SkimMatcherV2::default().ignore_case();
        let synthetic = crate::atlas::synth::synthetic_text(2).unwrap();
        let atlases = [
            Atlas::shipped().unwrap(),
            Atlas::from_text(&synthetic, "synthetic.ron").unwrap(),
        ];
        let mut keys: BTreeSet<String> = BTreeSet::new();
        for atlas in &atlases {
            let idx = SearchIndex::new(atlas);
            for thing in &idx.parts.things {
                keys.extend(idx.keys_of(thing).iter().map(|k| idx.folded(k).to_string()));
            }
        }
        // Raw keys too: upper case, camel humps, digits and separators of every kind.
        keys.extend(
            [
                "SCM", "TrP1", "a-b_c.d", "x(y)z", "Éa", "2Ab", "aB3c", "  a", "ab'c~d",
            ]
            .map(String::from),
        );
        let mut patterns: BTreeSet<char> = keys.iter().flat_map(|k| k.chars()).collect();
        patterns.extend(['A', 'S', 'Q', 'é']);
        let mut compared = 0;
        for key in &keys {
            for &p in &patterns {
                let theirs = skim
                    .fuzzy_indices(key, &p.to_string())
                    .map(|(score, idx)| (score, idx[0]));
                assert_eq!(one_char_match(key, p), theirs, "{key:?} / {p:?}");
                compared += usize::from(theirs.is_some());
            }
        }
        assert!(compared > 10_000, "{compared}");
    }
}
