//! Text into words: folded (case and accents), apostrophes dropped ("golfer's" is
//! "golfers"), hyphens read as spaces, `&` and `+` read as "and", and punctuation that
//! ends a clause (`,` `.` `;` `:` `!` `?` brackets) kept as a break. A `/` between two
//! letters or digits stays inside the word (`b/l`, `c/o`, `7/10`); `>` and `<` are read
//! as "more" and "less" (`L>R`). A sentence's end
//! (`.` `;` `!` `?` or a new line) is a [`Piece::Stop`], a stronger break: a side said
//! in one sentence never reaches the next. Works on chars, so any Unicode is safe.

use crate::atlas::text::fold_char;

/// One piece of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// A word: as typed, and folded.
    Word {
        /// The word as typed (for messages).
        typed: String,
        /// Folded, apostrophes dropped.
        folded: String,
    },
    /// A clause break inside a sentence (`,` `:` brackets, quotes).
    Break,
    /// The end of a sentence (`.` `;` `!` `?`, a new line): also a clause break.
    Stop,
}

impl Piece {
    /// Is this a break of either kind?
    pub fn is_break(&self) -> bool {
        matches!(self, Piece::Break | Piece::Stop)
    }
}

/// Splits text into words and clause breaks.
pub fn pieces(text: &str) -> Vec<Piece> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut typed = String::new();
    let mut folded = String::new();
    let flush = |out: &mut Vec<Piece>, typed: &mut String, folded: &mut String| {
        if !folded.is_empty() {
            out.push(Piece::Word {
                typed: std::mem::take(typed),
                folded: std::mem::take(folded),
            });
        }
        typed.clear();
    };
    for (i, &c) in chars.iter().enumerate() {
        let f = fold_char(c);
        if f.is_alphanumeric() {
            typed.push(c);
            folded.push(f);
        } else if f == '\'' || f == '`' {
            // Inside a word: dropped ("can't" is "cant"); elsewhere a quote mark.
            if !folded.is_empty() {
                typed.push(c);
            }
        } else if f == '/'
            && !folded.is_empty()
            && chars
                .get(i + 1)
                .is_some_and(|n| fold_char(*n).is_alphanumeric())
        {
            typed.push(c);
            folded.push('/');
        } else {
            flush(&mut out, &mut typed, &mut folded);
            match f {
                '&' | '+' => out.push(Piece::Word {
                    typed: c.to_string(),
                    folded: "and".into(),
                }),
                // "L>R": left more than right.
                '>' | '<' => out.push(Piece::Word {
                    typed: c.to_string(),
                    folded: if f == '>' { "more" } else { "less" }.into(),
                }),
                // A decimal point ("2.5") is no sentence's end.
                '.' | ';' | '!' | '?' | '\n' if !folded_digit_around(&chars, i) => {
                    match out.last_mut() {
                        Some(p @ Piece::Break) => *p = Piece::Stop,
                        Some(Piece::Word { .. }) => out.push(Piece::Stop),
                        _ => {}
                    }
                }
                ',' | '.' | ':' | '(' | ')' | '[' | ']' | '"' | '\u{201c}' | '\u{201d}'
                    if out.last().is_some_and(|p| !p.is_break()) =>
                {
                    out.push(Piece::Break);
                }
                _ => {}
            }
        }
    }
    flush(&mut out, &mut typed, &mut folded);
    out
}

/// The folded words of a phrase, breaks dropped: how lexicon phrases are keyed.
pub fn folded_words(text: &str) -> Vec<String> {
    pieces(text)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Word { folded, .. } => Some(folded),
            Piece::Break | Piece::Stop => None,
        })
        .collect()
}

/// Is the char at `i` between two digits ("2.5")?
fn folded_digit_around(chars: &[char], i: usize) -> bool {
    let digit = |k: Option<usize>| {
        k.and_then(|k| chars.get(k))
            .is_some_and(char::is_ascii_digit)
    };
    digit(i.checked_sub(1)) && digit(Some(i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        pieces(text)
            .into_iter()
            .map(|p| match p {
                Piece::Word { folded, .. } => folded,
                Piece::Break => "|".into(),
                Piece::Stop => ".".into(),
            })
            .collect()
    }

    #[test]
    fn folds_and_splits() {
        assert_eq!(
            words("Golfer’s elbow, L/R pins-and-needles; 7/10 & Tempé"),
            [
                "golfers", "elbow", "|", "l/r", "pins", "and", "needles", ".", "7/10", "and",
                "tempe"
            ]
        );
        assert_eq!(
            words("left knee. neck, 2.5 cm; hip ,. calf"),
            [
                "left", "knee", ".", "neck", "|", "2", "|", "5", "cm", ".", "hip", ".", "calf"
            ]
        );
        assert_eq!(words("  ,, "), Vec::<String>::new());
        assert_eq!(words("c/o 'knee'"), ["c/o", "knee"]);
        assert_eq!(words("R>L"), ["r", "more", "l"]);
    }

    #[test]
    fn any_unicode_is_safe() {
        for text in [
            "лево колено",
            "膝の痛み",
            "🦵 knee 🔥",
            "e\u{301}",
            "\u{0}\u{7f}/",
        ] {
            let _ = pieces(text);
        }
        assert_eq!(words("🦵knee"), ["knee"]);
    }
}
