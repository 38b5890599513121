//! The atlas's concept patterns, compiled and matched against a sentence's words:
//! words separated by spaces, `a|b` either word, `word*` any word starting so, `a_b` the
//! words "a b" in a row, as one alternative (`down_below|privates|back_passage`), `..` up
//! to [`GAP`] words in between, or up to [`CLAUSE_GAP`] within one clause ("jaw .. chew"
//! hears "my jaw aches when I chew"), [`YEAR`] a
//! year ("in 2009"). The atlas's
//! validation checks the syntax ([`crate::atlas`]'s `pattern_problem`).

use super::words::Word;

/// The most words a `..` skips.
pub const GAP: usize = 5;

/// The most words a `..` skips when the words it joins stand in one clause: a clause
/// holds one thought, so "I can't feel anything when I go to the loo" is one.
pub const CLAUSE_GAP: usize = 8;

/// Does one pattern word (`walk*`, `yyyy`, `stairs`) match a sentence word?
fn stem_matches(stem: &str, word: &str) -> bool {
    match stem.strip_suffix('*') {
        Some(prefix) => word.starts_with(prefix),
        None if stem == YEAR => {
            word.len() == 4
                && word.chars().all(|c| c.is_ascii_digit())
                && (word.starts_with("19") || word.starts_with("20"))
        }
        None => word == stem,
    }
}

/// Where one alternative (`stairs`, or `back_passage` for several words in a row),
/// placed at word `i`, ends (one past its last word).
fn alt_at(alt: &str, sentence: &[Word], i: usize) -> Option<usize> {
    let mut at = i;
    for stem in alt.split('_') {
        if !stem_matches(stem, &sentence.get(at)?.text) {
            return None;
        }
        at += 1;
    }
    Some(at)
}

/// The pattern word that matches a year, 1900 to 2099.
pub const YEAR: &str = "yyyy";

/// A pattern, read from the atlas's text as it is matched (no copies: the screen
/// listens on every keystroke of the explorer's search).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern<'a> {
    /// The pattern's words: alternatives joined by `|`, or `..`.
    parts: Vec<&'a str>,
}

impl<'a> Pattern<'a> {
    /// Reads a pattern the atlas validated.
    pub fn new(text: &'a str) -> Pattern<'a> {
        Pattern {
            parts: text.split_whitespace().collect(),
        }
    }

    /// Every place the pattern matches in the sentence, as (first word, one past the
    /// last word); at most one match starts at each word, the shortest.
    pub fn find(&self, sentence: &[Word]) -> Vec<(usize, usize)> {
        (0..sentence.len())
            .filter_map(|start| self.at(sentence, 0, start).map(|end| (start, end)))
            .collect()
    }

    /// Where the pattern from part `p` on, placed at word `i`, ends.
    fn at(&self, sentence: &[Word], p: usize, i: usize) -> Option<usize> {
        match self.parts.get(p) {
            None => Some(i),
            // A gap is never last (validated), so the word after it bounds the skip.
            Some(&"..") => (0..=CLAUSE_GAP).find_map(|skip| {
                let end = self.at(sentence, p + 1, i + skip)?;
                let one_clause = || {
                    let before = i.checked_sub(1).and_then(|b| sentence.get(b));
                    let after = sentence.get(i + skip);
                    matches!((before, after), (Some(a), Some(b)) if a.clause == b.clause)
                };
                (skip <= GAP || one_clause()).then_some(end)
            }),
            Some(word) => word
                .split('|')
                .filter_map(|alt| alt_at(alt, sentence, i))
                .find_map(|next| self.at(sentence, p + 1, next)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::words::sentences;
    use super::*;

    fn hits(pattern: &str, text: &str) -> Vec<(usize, usize)> {
        Pattern::new(pattern).find(&sentences(text)[0])
    }

    #[test]
    fn words_alternatives_prefixes_and_gaps() {
        assert_eq!(hits("out of breath", "I get out of breath"), [(2, 5)]);
        assert_eq!(hits("hill|stairs", "up the stairs"), [(2, 3)]);
        assert_eq!(hits("chew*", "when I chewed"), [(2, 3)]);
        assert_eq!(hits("jaw .. chew*", "my jaw aches when I chew"), [(1, 6)]);
        assert_eq!(
            hits("jaw .. chew*", "jaw one two three four five six chew"),
            [(0, 8)],
            "a clause holds a longer gap"
        );
        assert!(hits("jaw .. chew*", "jaw one two three, four five six chew").is_empty());
        assert!(hits("jaw .. chew*", "jaw 1 2 3 4 5 6 7 8 9 chew").is_empty());
        assert!(hits("red", "tired").is_empty(), "whole words");
        assert_eq!(hits("in yyyy", "broke it in 2009"), [(2, 4)]);
        assert_eq!(
            hits(
                "numb* .. down_below|back_passage",
                "numb round my back passage"
            ),
            [(0, 5)],
            "an alternative of several words"
        );
        assert!(hits("numb* .. down_below|back_passage", "numb down my back").is_empty());
        assert!(hits("in yyyy", "in 20 minutes").is_empty());
    }
}
