//! Fitting words into columns: the one word wrap and the one cut with an ellipsis, for
//! the explorer, study and the printed output. Widths are in characters; nothing is ever
//! cut inside a character, and a cut never leaves a bracket open: "(essential, rare)"
//! is shown whole or not at all.

/// `s` cut to `width` characters, ending in `…` when it was cut. A bracket the cut
/// leaves open is closed after the ellipsis ("temple (essential, gu…)"); where too little
/// of its inside would be left to read, the cut is taken back to before the bracket.
pub fn fit(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut keep = width.saturating_sub(1);
    // Each bracket still open needs a closer after the ellipsis: keep that much less.
    loop {
        let open = open_brackets(&chars[..keep]);
        if keep + 1 + open.len() <= width || keep == 0 {
            break;
        }
        keep -= 1;
    }
    let open = open_brackets(&chars[..keep]);
    let mut kept = keep;
    if let Some(&(first, _)) = open.first() {
        // Fewer than three characters inside: show the text before the bracket instead.
        if keep.saturating_sub(first + 1) < 3 {
            kept = first;
        }
    }
    let mut out: String = chars[..kept].iter().collect();
    out.truncate(out.trim_end().len());
    out.push('…');
    for &(_, close) in open_brackets(&chars[..kept]).iter().rev() {
        out.push(close);
    }
    out
}

/// The brackets still open at the end of `chars`: each one's position and its closer.
fn open_brackets(chars: &[char]) -> Vec<(usize, char)> {
    let mut open: Vec<(usize, char)> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '(' => open.push((i, ')')),
            '[' => open.push((i, ']')),
            ')' | ']' => {
                open.pop();
            }
            _ => {}
        }
    }
    open
}

/// Greedy wrap of `items` joined by `sep` into lines of at most `width` characters (an
/// item longer than a line has a line of its own); continuation lines start with
/// `indent` spaces. Words wrap with `sep` " ", a legend's entries with "  ".
pub fn wrap<'a>(
    items: impl IntoIterator<Item = &'a str>,
    sep: &str,
    width: usize,
    indent: usize,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let sep_len = sep.chars().count();
    for item in items {
        let len = cur.chars().count();
        if len > 0 && len + sep_len + item.chars().count() > width {
            out.push(std::mem::take(&mut cur));
            cur = " ".repeat(indent);
        }
        if !cur.trim().is_empty() {
            cur.push_str(sep);
        }
        cur.push_str(item);
    }
    if !cur.trim().is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_ends_in_an_ellipsis_and_never_splits_a_character() {
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("tempé région", 6), "tempé…");
        assert_eq!(fit("abc", 0), "…");
    }

    #[test]
    fn a_cut_never_leaves_a_bracket_open() {
        let reasons = "left temple (essential), jaw (spillover, rare)";
        assert_eq!(fit(reasons, 20), "left temple (essen…)");
        assert_eq!(
            fit(reasons, 15),
            "left temple…",
            "too little inside to read"
        );
        assert_eq!(fit(reasons, 31), "left temple (essential), jaw…");
        assert_eq!(fit(reasons, 46), reasons);
        assert_eq!(fit("a [b] (c d) e f", 12), "a [b] (c d)…");
    }

    #[test]
    fn words_wrap_greedily_with_an_indent() {
        let text = "The X is its trigger point on the patient's left side";
        let lines = wrap(text.split_whitespace(), " ", 20, 2);
        assert_eq!(
            lines,
            [
                "The X is its trigger",
                "  point on the",
                "  patient's left",
                "  side"
            ]
        );
        assert!(wrap("".split_whitespace(), " ", 20, 2).is_empty());
    }

    #[test]
    fn a_legend_breaks_between_entries() {
        let lines = wrap(
            "# essential  : spillover  X trigger point".split("  "),
            "  ",
            24,
            0,
        );
        assert_eq!(lines, ["# essential  : spillover", "X trigger point"]);
    }
}
