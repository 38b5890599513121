//! The screen's own small reading of text: folded words, each knowing its sentence and
//! its clause, and the two grammar rules the screen needs, negation ("no fever") and
//! someone else's matter ("my sister's cancer"). Kept apart from the phrase reader
//! (`crate::parse`) on purpose, and small, so that it can later take the reader's
//! tokenizer instead; it works by chars, never by byte offsets.
//!
//! - A **sentence** ends at `.`, `!`, `?`, `;` or a line break.
//! - A **clause** also ends at `,`, `:`, `/`, brackets, a dash, and before the words
//!   "but", "though", "tho" and "although".
//! - Apostrophes are dropped inside words ("can't" is `cant`, "I've" is `ive`), so the
//!   atlas's patterns are written without them.

use crate::atlas::text::fold_char;

/// One folded word and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The folded word, apostrophes dropped.
    pub text: String,
    /// Its clause, counted from 0 over the whole text.
    pub clause: usize,
}

/// A sentence's words, in order.
pub type Sentence = Vec<Word>;

/// Words that start a new clause.
const CLAUSE_WORDS: [&str; 4] = ["but", "though", "tho", "although"];

/// Words that negate what follows them closely ("no fever", "not swollen or warm").
const NEGATORS: [&str; 22] = [
    "no", "not", "never", "without", "nor", "neither", "none", "nothing", "nil", "dont", "doesnt",
    "didnt", "isnt", "wasnt", "arent", "werent", "havent", "hasnt", "hadnt", "wont", "denies",
    "denied",
];

/// Words that, after "never", make it a comparison rather than a negation.
const COMPARISONS: [&str; 8] = [
    "like", "so", "this", "that", "before", "such", "worse", "anywhere",
];

/// How many words before a match a negator still reaches.
const NEGATION_REACH: usize = 3;

/// Possessives that, before a relative, make what follows theirs ("my sister").
const POSSESSIVES: [&str; 5] = ["my", "our", "his", "her", "their"];

/// People whose matters are not the client's.
const OTHERS: [&str; 44] = [
    "mum",
    "mom",
    "mother",
    "dad",
    "father",
    "parents",
    "sister",
    "sis",
    "brother",
    "bro",
    "son",
    "daughter",
    "grandson",
    "granddaughter",
    "grandchild",
    "grandkids",
    "grandma",
    "grandmother",
    "grandad",
    "granddad",
    "grandfather",
    "gran",
    "nan",
    "nana",
    "wife",
    "husband",
    "partner",
    "boyfriend",
    "girlfriend",
    "bf",
    "gf",
    "friend",
    "mate",
    "aunt",
    "auntie",
    "uncle",
    "cousin",
    "niece",
    "nephew",
    "colleague",
    "boss",
    "neighbour",
    "neighbor",
    "kids",
];

/// People named without "my" who are still someone else ("Mum had cancer").
const KIN: [&str; 20] = [
    "mum", "mom", "mother", "dad", "father", "sister", "brother", "grandma", "grandad", "nan",
    "gran", "aunt", "uncle", "wife", "husband", "cousin", "kid", "children", "baby", "son",
];

/// Splits text into sentences of folded words.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out: Vec<Sentence> = vec![Vec::new()];
    let mut word = String::new();
    let mut clause = 0usize;
    let mut pending_break = false;
    let flush =
        |word: &mut String, out: &mut Vec<Sentence>, clause: &mut usize, pending: &mut bool| {
            if word.is_empty() {
                return;
            }
            let text = std::mem::take(word);
            let sentence = out.last_mut();
            if let Some(sentence) = sentence {
                if (*pending && !sentence.is_empty()) || CLAUSE_WORDS.contains(&text.as_str()) {
                    *clause += 1;
                }
                *pending = false;
                sentence.push(Word {
                    text,
                    clause: *clause,
                });
            }
        };
    for c in text.chars() {
        let f = fold_char(c);
        if f.is_alphanumeric() {
            word.push(f);
            continue;
        }
        if matches!(c, '\'' | '\u{2019}' | '\u{2018}') && !word.is_empty() {
            continue;
        }
        flush(&mut word, &mut out, &mut clause, &mut pending_break);
        match c {
            '.' | '!' | '?' | ';' | '\n' | '\r' => {
                if out.last().is_some_and(|s| !s.is_empty()) {
                    out.push(Vec::new());
                    clause += 1;
                }
                pending_break = false;
            }
            ',' | ':' | '/' | '(' | ')' | '[' | ']' | '-' | '\u{2013}' | '\u{2014}' => {
                pending_break = true;
            }
            _ => {}
        }
    }
    flush(&mut word, &mut out, &mut clause, &mut pending_break);
    out.retain(|s| !s.is_empty());
    out
}

/// Is the match starting at `start` negated: a negator at most [`NEGATION_REACH`] words
/// before it in its clause? A clause that is only the tail of a list ("no swelling,
/// warmth or redness") is read with the clause before it.
pub fn negated(sentence: &[Word], start: usize) -> bool {
    let Some(first) = sentence.get(start) else {
        return false;
    };
    let before: Vec<&Word> = sentence[..start]
        .iter()
        .rev()
        .take_while(|w| w.clause == first.clause)
        .collect();
    // "never" before a comparison affirms: "I've never had a headache like this".
    let compared = || {
        sentence[start..]
            .iter()
            .take_while(|w| w.clause == first.clause)
            .any(|w| COMPARISONS.contains(&w.text.as_str()))
    };
    if before
        .iter()
        .take(NEGATION_REACH)
        .any(|w| NEGATORS.contains(&w.text.as_str()) && !(w.text == "never" && compared()))
    {
        return true;
    }
    let list_tail = before.len() <= 2
        && (before.is_empty()
            || before
                .iter()
                .any(|w| matches!(w.text.as_str(), "or" | "nor" | "and")));
    let at = start - before.len();
    if list_tail && at > 0 {
        let prev = sentence[at - 1].clause;
        return sentence[..at]
            .iter()
            .rev()
            .take_while(|w| w.clause == prev)
            .take(NEGATION_REACH)
            .any(|w| NEGATORS.contains(&w.text.as_str()));
    }
    false
}

/// Is the match starting at `start` someone else's: "my sister", "our grandson" before
/// it in its clause, with the client not named in between or in the match ("my wife
/// says I've lost weight", "my friend drove into the back of my car" are the client's)?
pub fn someone_elses(sentence: &[Word], start: usize, end: usize) -> bool {
    let Some(first) = sentence.get(start) else {
        return false;
    };
    let clause: Vec<&str> = sentence[..start]
        .iter()
        .filter(|w| w.clause == first.clause)
        .map(|w| w.text.as_str())
        .collect();
    let in_match = sentence[start..end.min(sentence.len())]
        .iter()
        .any(|w| FIRST_PERSON.contains(&w.text.as_str()) || w.text == "my");
    !in_match
        && clause.iter().enumerate().any(|(i, w)| {
            // "mum's" is folded to `mums`.
            let other =
                OTHERS.contains(w) || w.strip_suffix('s').is_some_and(|w| OTHERS.contains(&w));
            let owned = i >= 1 && POSSESSIVES.contains(&clause[i - 1])
                || i >= 2 && POSSESSIVES.contains(&clause[i - 2]);
            let client_after = clause[i + 1..].iter().any(|w| FIRST_PERSON.contains(w));
            // Kin are theirs even unowned: "Mum had breast cancer".
            other && !client_after && (owned || KIN.contains(&w.trim_end_matches('s')))
        })
}

/// Words that name the client as the one it happens to.
const FIRST_PERSON: [&str; 6] = ["i", "im", "ive", "id", "me", "myself"];

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &Sentence) -> Vec<&str> {
        s.iter().map(|w| w.text.as_str()).collect()
    }

    #[test]
    fn sentences_clauses_and_apostrophes() {
        let s = sentences("I can't breathe, it's bad. Né fever; ok");
        assert_eq!(s.len(), 3);
        assert_eq!(words(&s[0]), ["i", "cant", "breathe", "its", "bad"]);
        assert_eq!(
            s[0][2].clause + 1,
            s[0][3].clause,
            "a comma starts a clause"
        );
        assert_eq!(words(&s[1]), ["ne", "fever"]);
        let but = sentences("sore but fine");
        assert_ne!(but[0][0].clause, but[0][1].clause);
    }

    #[test]
    fn negation_reaches_a_little_and_follows_a_list() {
        let s = &sentences("not swollen or warm")[0];
        assert!(negated(s, 3));
        let s = &sentences("no swelling, warmth or redness")[0];
        assert!(negated(s, 4), "the tail of a negated list");
        let s = &sentences("no fever, my calf is swollen")[0];
        assert!(!negated(s, 5), "a new clause is not the list");
        let s = &sentences("I have had a fever")[0];
        assert!(!negated(s, 4));
        let s = &sentences("I never had headache so bad")[0];
        assert!(!negated(s, 3), "never before a comparison affirms");
        let s = &sentences("I never get headaches")[0];
        assert!(negated(s, 3));
    }

    #[test]
    fn someone_elses_matter() {
        let s = &sentences("my sister is going through chemo")[0];
        assert!(someone_elses(s, 5, 6));
        let s = &sentences("I had chemo, my sister drove me")[0];
        assert!(!someone_elses(s, 2, 3));
        let s = &sentences("my mum's breast cancer")[0];
        assert!(someone_elses(s, 3, 4), "a possessive");
        let s = &sentences("Mum had breast cancer")[0];
        assert!(someone_elses(s, 3, 4), "kin need no 'my'");
        let s = &sentences("my wife says I've lost weight")[0];
        assert!(!someone_elses(s, 4, 6), "the client named after the other");
        let s = &sentences("my friend ran into the back of me")[0];
        assert!(!someone_elses(s, 3, 8), "the client in the match");
    }
}
