//! Text normalisation shared by lookups, validation and search: case folding, accent
//! folding and separator folding, so "Sterno-cleido", "sterno cleido" and "STÉRNO" meet.

/// Folds one character to a plain lowercase ASCII letter where it is an accented Latin
/// letter; other characters are lowercased. Always one char in, one char out, so match
/// indices computed on a folded string are valid on the original.
pub fn fold_char(c: char) -> char {
    // Names and ids are mostly ASCII, which has no accents to fold.
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ł' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' => 's',
        'ť' | 'ţ' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        // Typographic apostrophes fold to the ASCII one people type.
        '\u{2019}' | '\u{2018}' => '\'',
        other => other,
    }
}

/// Folds case and accents, char for char (see [`fold_char`]).
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// The lookup key for a name, id or alias: folded, with `-` and `_` read as spaces and
/// runs of white space collapsed. "Neck-side", "neck side" and "NECK  SIDE" share a key.
pub fn key(s: &str) -> String {
    // One pass and one allocation: keys are made for every id, name and alias at load.
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        let c = match fold_char(c) {
            '-' | '_' => ' ',
            other => other,
        };
        if c.is_whitespace() {
            gap = !out.is_empty();
        } else {
            if gap {
                out.push(' ');
                gap = false;
            }
            out.push(c);
        }
    }
    out
}

/// The longest piece of user or file text an error message echoes, in characters.
pub const SHOWN_CHARS: usize = 60;

/// Text from a file or an argument made safe to print: control characters (which could
/// move the cursor, set the window title or clear the screen) are written as escapes such
/// as `\u{1b}`, and anything past [`SHOWN_CHARS`] characters is cut with an ellipsis.
pub fn shown(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i == SHOWN_CHARS {
            out.push('\u{2026}');
            break;
        }
        push_printable(&mut out, c);
    }
    out
}

/// [`shown`] without the cut: for whole texts (atlas prose) printed to a terminal.
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_unprintable) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_printable(&mut out, c);
    }
    std::borrow::Cow::Owned(out)
}

/// C0 and C1 controls and DEL, except the line breaks and tabs text may hold.
fn is_unprintable(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

fn push_printable(out: &mut String, c: char) {
    if is_unprintable(c) {
        out.extend(c.escape_unicode());
    } else {
        out.push(c);
    }
}

/// Optimal-string-alignment edit distance (insertions, deletions, substitutions and
/// adjacent transpositions), for "did you mean" suggestions on typos like "tempel".
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for (i, row) in d.chunks_mut(width).enumerate() {
        row[0] = i;
    }
    for (j, cell) in d.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

/// Is `id` lowercase kebab-case (`a-z`, `0-9`, single `-` between words)?
pub fn is_kebab_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_separators() {
        assert_eq!(fold("Stérno"), "sterno");
        assert_eq!(key("  Neck-Side_x  y "), "neck side x y");
        assert_eq!(fold("Ö").chars().count(), 1);
    }

    /// The one-pass key is the folded text with separators read as spaces and white
    /// space collapsed, as written out the long way.
    #[test]
    fn key_is_folding_then_collapsing_white_space() {
        let long_way = |s: &str| {
            let folded: String = s
                .chars()
                .map(|c| match fold_char(c) {
                    '-' | '_' => ' ',
                    other => other,
                })
                .collect();
            folded.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        for s in [
            "",
            " ",
            "-",
            "a",
            " Neck-Side ",
            "a__b--c",
            "\tÉ\u{a0}x\u{2003}y\n",
            "Ω ß İ",
            "  trailing  ",
            "x-",
            "-x",
            "Sterno-cleido_MASTOID",
            "\u{2019}s",
            "日本 語",
        ] {
            assert_eq!(key(s), long_way(s), "{s:?}");
        }
    }

    #[test]
    fn edit_distance_counts_transpositions_once() {
        assert_eq!(edit_distance("tempel", "temple"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn kebab_ids() {
        assert!(is_kebab_id("upper-trapezius-1"));
        assert!(!is_kebab_id("Upper"));
        assert!(!is_kebab_id("a--b"));
        assert!(!is_kebab_id(""));
        assert!(!is_kebab_id("-a"));
    }

    #[test]
    fn shown_text_cannot_drive_the_terminal() {
        assert_eq!(shown("a\u{1b}]0;evil\u{7}b"), "a\\u{1b}]0;evil\\u{7}b");
        let long = "x".repeat(200);
        assert_eq!(shown(&long).chars().count(), SHOWN_CHARS + 1);
        assert_eq!(printable("line\nnext\u{9b}"), "line\nnext\\u{9b}");
        assert!(matches!(printable("plain"), std::borrow::Cow::Borrowed(_)));
    }
}
