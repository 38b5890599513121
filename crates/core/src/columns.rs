//! Fitting words into columns: the one word wrap and the one cut with an ellipsis, for
//! the explorer, study and the printed output. Widths are in characters; nothing is ever
//! cut inside a character, and a cut never leaves a bracket open: "(essential, rare)"
//! is shown whole or not at all.

/// `s` cut to `width` characters, ending in `…` when it was cut. A cut that would leave
/// an opening bracket without its closing one is taken back to before that bracket.
pub fn fit(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let kept: Vec<char> = s.chars().take(width.saturating_sub(1)).collect();
    let mut out: String = kept[..balanced_prefix(&kept)].iter().collect();
    if out.len() < kept.len() {
        out.truncate(out.trim_end().len());
    }
    out.push('…');
    out
}

/// How many of `chars` can be kept without an opening bracket left unclosed: up to the
/// first bracket still open at the end, or all of them.
fn balanced_prefix(chars: &[char]) -> usize {
    let mut open: Vec<usize> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '(' | '[' => open.push(i),
            ')' | ']' => {
                open.pop();
            }
            _ => {}
        }
    }
    open.first().copied().unwrap_or(chars.len())
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
        assert_eq!(fit(reasons, 20), "left temple…");
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
