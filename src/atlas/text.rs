//! Text normalisation shared by lookups, validation and search: case folding, accent
//! folding and separator folding, so "Sterno-cleido", "sterno cleido" and "STÉRNO" meet.

/// Folds one character to a plain lowercase ASCII letter where it is an accented Latin
/// letter; other characters are lowercased. Always one char in, one char out, so match
/// indices computed on a folded string are valid on the original.
pub fn fold_char(c: char) -> char {
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
    let folded: String = s
        .chars()
        .map(|c| match fold_char(c) {
            '-' | '_' => ' ',
            other => other,
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
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
}
