//! One escape rule for each place text leaves painmap: the terminal, a Markdown note, a
//! CSV file, JSON and an SVG (XML) document. Every command and format builds its output from
//! data (atlas text, which an `--atlas` file makes untrusted; notes, symptoms and names
//! from the client records, which another program may have edited) through these
//! functions, so no control character from data reaches a screen or a file as itself: an
//! ESC that would set the window title, write the clipboard (OSC 52) or clear the screen
//! comes out as the visible `\u{1b}`.
//!
//! The terminal rule itself is [`crate::atlas::text::printable`]: atlas validation, which
//! knows nothing else of this crate, quotes file text with it. Every other target starts
//! from it and adds its own syntax, so the character rule is written once.
//!
//! A PDF writer, when there is one, takes text through [`pdf`]'s rule here too.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Text for a terminal: control characters other than line breaks and tabs written as
/// escapes (`\u{1b}`). Line breaks stay: whole texts (atlas prose) keep their lines.
pub fn terminal(text: &str) -> Cow<'_, str> {
    crate::atlas::text::printable(text)
}

/// Text for one line of a terminal (a table cell, a list item): [`terminal`], with every
/// run of white space (line breaks and tabs included) read as one space, so a stored
/// note cannot break the layout or forge a line of its own.
pub fn line(text: &str) -> String {
    let one: Vec<&str> = text.split_whitespace().collect();
    terminal(&one.join(" ")).into_owned()
}

/// [`line`], cut to at most `max` characters with an ellipsis: for a warning that quotes
/// what was typed, which may be a 3 MB paste.
pub fn line_cut(text: &str, max: usize) -> String {
    let whole = line(text);
    if whole.chars().count() <= max {
        return whole;
    }
    let mut out: String = whole.chars().take(max.saturating_sub(1)).collect();
    out.push('\u{2026}');
    out
}

/// Text inside a Markdown list item or table cell: one line ([`line`]), with every
/// character Markdown could read as markup (a table's `|`, emphasis, links, headings,
/// HTML) escaped with a backslash, so the text shows as typed and the table keeps its
/// columns.
pub fn markdown(text: &str) -> String {
    let text = line(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '\\' | '~' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; a
/// leading `= + - @` (and tab or carriage return, which some spreadsheets skip before
/// reading a formula) is neutralised with a `'` so a spreadsheet never runs a typed note
/// as a formula; control characters other than line breaks and tabs are escaped as for
/// the [`terminal`], since a CSV is also read with `cat`.
pub fn csv(field: &str) -> String {
    let field = terminal(field);
    let field = if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{field}")
    } else {
        field.into_owned()
    };
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field
    }
}

/// Text inside an XML element or a quoted attribute (SVG): `& < > " '` as entities, and
/// every control character XML 1.0 forbids (all but tab, line feed and carriage return,
/// which even a character reference may not name) as the visible [`terminal`] escape, so
/// the document stays well-formed whatever the atlas holds. DEL and the C1 controls,
/// which XML allows, are escaped too: an SVG is also printed to a terminal.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {
                let _ = write!(out, "{}", c.escape_unicode());
            }
            c => out.push(c),
        }
    }
    out
}

/// A value as pretty JSON with a trailing newline. `serde_json` escapes the C0 controls;
/// DEL and the C1 controls (which some terminals obey) are escaped here too, as
/// `\u007f`: they can only occur inside strings, where that is the same character.
pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, serde_json::Error> {
    let raw = serde_json::to_string_pretty(value)?;
    let mut s = String::with_capacity(raw.len() + 1);
    for c in raw.chars() {
        if c.is_control() && !c.is_ascii() || c == '\u{7f}' {
            let _ = write!(s, "\\u{:04x}", u32::from(c));
        } else {
            s.push(c);
        }
    }
    s.push('\n');
    Ok(s)
}

/// Text for a PDF text string: one line ([`line`]), the string delimiters and the
/// backslash escaped as the PDF syntax asks (`\(`, `\)`, `\\`).
pub fn pdf(text: &str) -> String {
    let text = line(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '(' | ')' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether `text` holds a character no output may carry as itself: a control character
/// other than a line break or a tab. What comes in (a note, a symptom, an imported
/// record) is refused with this, so the records never hold one.
pub fn has_control(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "x\u{1b}]0;TITLE\u{7}\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}[2J\u{9b}1m\u{7f}\r";

    fn clean(s: &str) -> bool {
        !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t')
    }

    #[test]
    fn no_target_lets_a_control_through() {
        for out in [
            terminal(HOSTILE).into_owned(),
            line(HOSTILE),
            markdown(HOSTILE),
            csv(HOSTILE),
            xml(HOSTILE),
            pdf(HOSTILE),
        ] {
            assert!(clean(&out), "{out:?}");
            assert!(out.contains("\\u{1b}"), "{out:?}");
        }
        assert!(has_control(HOSTILE));
        assert!(!has_control("a note\nover two lines\twith a tab"));
    }

    #[test]
    fn json_escapes_every_control_and_stays_json() {
        let value = ["a\u{1b}]0;x\u{7}b\u{7f}c\u{9b}d é"];
        let text = json(&value).unwrap();
        assert!(clean(&text), "{text:?}");
        let back: Vec<String> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn each_target_escapes_its_own_syntax() {
        assert_eq!(line("a\n b\t c"), "a b c");
        assert_eq!(line_cut("abcdef", 4), "abc\u{2026}");
        assert_eq!(line_cut("abc", 4), "abc");
        assert_eq!(markdown("a|b*\nc"), "a\\|b\\* c");
        assert_eq!(csv("plain"), "plain");
        assert_eq!(csv("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(csv("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv("two\nlines"), "\"two\nlines\"");
        assert_eq!(xml("a<b & 'c'"), "a&lt;b &amp; &apos;c&apos;");
        assert_eq!(pdf("(a\\b)"), "\\(a\\\\b\\)");
    }
}
