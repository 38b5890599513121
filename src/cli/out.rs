//! Writing results to stdout: whole outputs written at once, with a closed pipe
//! (`painmap muscles | head`) treated as success rather than an error.
//!
//! [`print`] is the way out for every command: what it writes goes through the
//! terminal rule ([`crate::escape::terminal`]), so a control character that came from
//! data (an atlas string, a note or a name read from the client records) reaches the
//! terminal as a visible escape (`\u{1b}`), never as itself, whatever the command forgot.
//! [`print_raw`] is only for output whose escape sequences are painmap's own (colour,
//! terminal images), built from parts already escaped one by one.

use std::io::{self, Write};

/// Writes `text` to stdout, control characters other than line breaks and tabs escaped.
/// A closed pipe is not an error: the reader has what it wanted.
pub fn print(text: &str) -> io::Result<()> {
    print_raw(&crate::escape::terminal(text))
}

/// Writes `text` to stdout as it is: for colour and pictures, whose data parts the caller
/// escaped ([`crate::escape`]).
pub fn print_raw(text: &str) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Serializes `value` as pretty JSON with a trailing newline ([`crate::escape::json`]:
/// every control character escaped).
pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> anyhow::Result<String> {
    Ok(crate::escape::json(value)?)
}
