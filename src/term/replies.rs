//! What a terminal answers to painmap's questions: kitty's graphics reply, the primary and
//! secondary device attributes, its name and version (XTVERSION), the cell size in
//! pixels, and the status report that ends every query. The bytes are split from the
//! keys by [`super::keys::Decoder`]; this module reads the meaning out of one sequence.
//!
//! Everything here comes from outside: numbers are parsed with bounds, a name is kept to
//! printable ASCII and cut, and nothing read here is ever written back unescaped.

/// The longest name kept from an XTVERSION answer.
const NAME_MAX: usize = 64;

/// One answer from the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// kitty's graphics protocol answered the query (`OK`, or an error: the terminal
    /// still speaks the protocol but refused the probe).
    Kitty {
        /// Whether the answer was `OK`.
        ok: bool,
    },
    /// The primary device attributes (`CSI ? … c`): 4 means sixel.
    Primary(Vec<u16>),
    /// The secondary device attributes (`CSI > … c`): type, firmware version, keyboard.
    Secondary(Vec<u16>),
    /// The name and version (XTVERSION, `DCS > | text ST`), printable ASCII only.
    Version(String),
    /// The cell size in pixels, `(width, height)` (`CSI 6 ; h ; w t`), as sent.
    CellSize(u16, u16),
    /// The status report (`CSI 0 n`): every query ends with a status request, so this
    /// is the last answer to come.
    Status,
    /// Another answer, recognised as one and dropped.
    Other,
}

/// The numbers of a parameter string (`"62;4;22"`); a field that is not a number, or
/// too large, is 0; at most 32 fields are kept.
pub fn params(text: &[u8]) -> Vec<u16> {
    text.split(|&b| b == b';')
        .take(32)
        .map(|f| {
            std::str::from_utf8(f)
                .ok()
                .and_then(|s| s.parse::<u16>().ok())
                .unwrap_or(0)
        })
        .collect()
}

/// The meaning of a control sequence (`ESC [`, then `body`: its parameter and
/// intermediate bytes, then `last`, its final byte) when it is an answer; `None` when it
/// is a key or a mouse report.
pub fn csi(body: &[u8], last: u8) -> Option<Reply> {
    let (private, rest) = match body.first() {
        Some(&p @ (b'?' | b'>' | b'=')) => (Some(p), body.get(1..).unwrap_or_default()),
        _ => (None, body),
    };
    match (private, last) {
        (Some(b'?'), b'c') => Some(Reply::Primary(params(rest))),
        (Some(b'>'), b'c') => Some(Reply::Secondary(params(rest))),
        (None, b'n') if rest == b"0" => Some(Reply::Status),
        (Some(_), b'c' | b'u' | b'n' | b'y' | b'R') | (None, b'n') => Some(Reply::Other),
        (None, b't') => {
            let p = params(rest);
            match p.as_slice() {
                [6, h, w] => Some(Reply::CellSize(*w, *h)),
                _ => Some(Reply::Other),
            }
        }
        // A report of a mode (`CSI ? … $ y`, DECRPM) or a cursor position (`CSI r ; c R`,
        // never asked for, but a terminal may still send it): not keys.
        (None, b'y') if rest.ends_with(b"$") => Some(Reply::Other),
        (None, b'R') if rest.contains(&b';') && !rest.starts_with(b"1;") => Some(Reply::Other),
        _ => None,
    }
}

/// The meaning of a string sequence: `kind` is its introducer after ESC (`_` APC, `P`
/// DCS, `]` OSC, `^` PM, `X` SOS), `body` what came before its terminator.
pub fn string(kind: u8, body: &[u8]) -> Reply {
    match kind {
        b'_' if body.starts_with(b"G") => {
            let payload = body
                .iter()
                .position(|&b| b == b';')
                .map_or(&[][..], |i| body.get(i + 1..).unwrap_or_default());
            Reply::Kitty {
                ok: payload.starts_with(b"OK"),
            }
        }
        b'P' if body.starts_with(b">|") => {
            let name: String = body
                .get(2..)
                .unwrap_or_default()
                .iter()
                .filter(|b| b.is_ascii_graphic() || **b == b' ')
                .take(NAME_MAX)
                .map(|&b| char::from(b))
                .collect();
            Reply::Version(name.trim().to_string())
        }
        _ => Reply::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_read_with_bounds() {
        assert_eq!(
            csi(b"?62;4;22", b'c'),
            Some(Reply::Primary(vec![62, 4, 22]))
        );
        assert_eq!(
            csi(b">1;4000;0", b'c'),
            Some(Reply::Secondary(vec![1, 4000, 0]))
        );
        assert_eq!(csi(b"6;20;10", b't'), Some(Reply::CellSize(10, 20)));
        assert_eq!(
            csi(b"6;65535;65535", b't'),
            Some(Reply::CellSize(65535, 65535)),
            "read as sent; bounded where it is used"
        );
        assert_eq!(csi(b"6;99999;1", b't'), Some(Reply::CellSize(1, 0)));
        assert_eq!(csi(b"0", b'n'), Some(Reply::Status));
        assert_eq!(csi(b"1;5", b'A'), None, "Ctrl-Up is a key");
        assert_eq!(csi(b"1;2", b'R'), None, "Shift-F3 is a key");
        assert_eq!(csi(b"12;40", b'R'), Some(Reply::Other));
        assert_eq!(string(b'_', b"Gi=31;OK"), Reply::Kitty { ok: true });
        assert_eq!(
            string(b'_', b"Gi=31;EINVAL:bad"),
            Reply::Kitty { ok: false }
        );
        assert_eq!(
            string(b'P', b">|kitty(0.26.5)"),
            Reply::Version("kitty(0.26.5)".into())
        );
        assert_eq!(
            string(b'P', b">|x\x1b]0;t\x07y"),
            Reply::Version("x]0;ty".into()),
            "no control character survives"
        );
        assert_eq!(string(b']', b"11;rgb:0/0/0"), Reply::Other);
    }
}
