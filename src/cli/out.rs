//! Writing results to stdout: whole outputs written at once, with a closed pipe
//! (`painmap muscles | head`) treated as success rather than an error. Text made from
//! atlas strings goes out through [`print_text`] or [`json`], so a control character in
//! an atlas (an escape sequence that would set the window title or clear the screen)
//! reaches the terminal as a visible escape, never as itself.

use std::io::{self, Write};

/// Writes `text` to stdout. A closed pipe is not an error: the reader has what it wanted.
pub fn print(text: &str) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Writes text made from atlas strings: control characters other than line breaks and
/// tabs are written as escapes (`\u{1b}`), see [`crate::atlas::text::printable`].
pub fn print_text(text: &str) -> io::Result<()> {
    print(&crate::atlas::text::printable(text))
}

/// Serializes `value` as pretty JSON with a trailing newline. `serde_json` escapes the C0
/// controls; DEL and the C1 controls (which some terminals obey) are escaped here too, as
/// `\u007f`: they can only occur inside strings, where that is the same character.
pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> anyhow::Result<String> {
    let raw = serde_json::to_string_pretty(value)?;
    let mut s = String::with_capacity(raw.len() + 1);
    for c in raw.chars() {
        if c.is_control() && !c.is_ascii() || c == '\u{7f}' {
            let _ = std::fmt::Write::write_fmt(&mut s, format_args!("\\u{:04x}", u32::from(c)));
        } else {
            s.push(c);
        }
    }
    s.push('\n');
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_every_control_and_stays_json() {
        let value = ["a\u{1b}]0;x\u{7}b\u{7f}c\u{9b}d é"];
        let text = json(&value).unwrap();
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
        let back: Vec<String> = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }
}
