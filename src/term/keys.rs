//! The terminal's input bytes decoded into what the user did (keys, clicks, wheel turns,
//! a paste) and what the terminal answered (replies to painmap's queries), byte by byte,
//! in one state machine.
//!
//! Only the user writes keys: a reply is recognised by its shape (an APC, DCS or OSC
//! string, or a control sequence that only a terminal sends, see [`super::replies`])
//! whenever it arrives, so an answer that comes after the query gave up waiting (a slow
//! SSH link) is dropped instead of typed. A bracketed paste (`CSI 200 ~` … `CSI 201 ~`)
//! is one event, never a stream of keys. Every sequence is bounded: a string longer than
//! [`STRING_MAX`] is read to its end and dropped, a paste is cut at [`PASTE_MAX`], and an
//! unfinished sequence is given up after [`STALE`] of quiet.

use super::replies::{self, Reply};
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use std::time::Duration;

/// How long a lone ESC waits for the rest of a sequence before it is the Esc key.
pub const ESC_WAIT: Duration = Duration::from_millis(25);

/// How long an unfinished sequence (a reply cut across packets, a paste) waits for its
/// end before it is given up (dropped; a paste is kept as far as it came).
pub const STALE: Duration = Duration::from_secs(1);

/// The longest string sequence (a reply) kept; the rest is read and dropped.
pub const STRING_MAX: usize = 4096;

/// The longest paste kept, in bytes; the rest is read and dropped.
pub const PASTE_MAX: usize = 1 << 20;

/// The longest control sequence; a longer one is read to its end and dropped.
const CSI_MAX: usize = 64;

/// The end of a bracketed paste.
const PASTE_END: &[u8] = b"\x1b[201~";

/// One thing the terminal sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Something the user did.
    Event(Event),
    /// An answer to a query: never a key.
    Reply(Reply),
}

#[derive(Debug, Default)]
enum State {
    #[default]
    Ground,
    Esc,
    Csi(Vec<u8>),
    Ss3,
    Str {
        kind: u8,
        body: Vec<u8>,
        esc: bool,
    },
    Paste {
        text: Vec<u8>,
        matched: usize,
    },
    Utf8 {
        bytes: [u8; 4],
        have: usize,
        need: usize,
    },
    X10(Vec<u8>),
}

/// The decoder: bytes in (in any pieces), inputs out.
#[derive(Debug, Default)]
pub struct Decoder {
    state: State,
}

impl Decoder {
    /// A decoder at rest.
    pub fn new() -> Decoder {
        Decoder::default()
    }

    /// Decodes `bytes`, appending what they complete to `out`.
    pub fn push(&mut self, bytes: &[u8], out: &mut Vec<Input>) {
        for &b in bytes {
            self.byte(b, out);
        }
    }

    /// How long to wait for more bytes before calling [`Decoder::idle`]: `None` when
    /// nothing is pending.
    pub fn waiting(&self) -> Option<Duration> {
        match &self.state {
            State::Ground => None,
            State::Esc | State::Ss3 | State::Utf8 { .. } => Some(ESC_WAIT),
            State::Csi(body) if body.is_empty() => Some(ESC_WAIT),
            _ => Some(STALE),
        }
    }

    /// No byte came for `quiet`: a lone ESC is the Esc key (ESC `[` and ESC `O` are
    /// Alt-`[` and Alt-`O`), and a sequence stale for [`STALE`] is given up.
    pub fn idle(&mut self, quiet: Duration, out: &mut Vec<Input>) {
        let Some(wait) = self.waiting() else { return };
        if quiet < wait {
            return;
        }
        match std::mem::take(&mut self.state) {
            State::Esc => out.push(key(KeyCode::Esc, KeyModifiers::NONE)),
            State::Csi(_) => out.push(key(KeyCode::Char('['), KeyModifiers::ALT)),
            State::Ss3 => out.push(key(KeyCode::Char('O'), KeyModifiers::ALT)),
            State::Paste { text, .. } => out.push(paste(&text)),
            _ => {}
        }
    }

    fn byte(&mut self, b: u8, out: &mut Vec<Input>) {
        match std::mem::take(&mut self.state) {
            State::Ground => self.ground(b, out),
            State::Esc => self.escape(b, out),
            State::Csi(mut body) => match b {
                0x20..=0x3f => {
                    if body.len() <= CSI_MAX {
                        body.push(b);
                    }
                    self.state = State::Csi(body);
                }
                0x40..=0x7e if body.len() > CSI_MAX => {}
                0x40..=0x7e => self.csi(&body, b, out),
                0x1b => self.state = State::Esc,
                _ => self.ground(b, out),
            },
            State::Ss3 => {
                let code = match b {
                    b'A' => Some(KeyCode::Up),
                    b'B' => Some(KeyCode::Down),
                    b'C' => Some(KeyCode::Right),
                    b'D' => Some(KeyCode::Left),
                    b'H' => Some(KeyCode::Home),
                    b'F' => Some(KeyCode::End),
                    b'P'..=b'S' => Some(KeyCode::F(1 + b - b'P')),
                    _ => None,
                };
                if let Some(code) = code {
                    out.push(key(code, KeyModifiers::NONE));
                }
            }
            State::Str {
                kind,
                mut body,
                esc,
            } => match b {
                b'\\' if esc => out.push(Input::Reply(replies::string(kind, &body))),
                // ESC inside a string ends it (ECMA-48) and starts a new sequence.
                _ if esc => {
                    out.push(Input::Reply(Reply::Other));
                    self.escape(b, out);
                }
                0x1b => {
                    self.state = State::Str {
                        kind,
                        body,
                        esc: true,
                    }
                }
                0x07 => out.push(Input::Reply(replies::string(kind, &body))),
                // CAN and SUB cancel the sequence.
                0x18 | 0x1a => {}
                _ => {
                    if body.len() < STRING_MAX {
                        body.push(b);
                    }
                    self.state = State::Str {
                        kind,
                        body,
                        esc: false,
                    };
                }
            },
            State::Paste { mut text, matched } => match paste_byte(&mut text, matched, b) {
                Some(matched) => self.state = State::Paste { text, matched },
                None => out.push(paste(&text)),
            },
            State::Utf8 {
                mut bytes,
                have,
                need,
            } => {
                if b & 0xc0 != 0x80 {
                    // A broken character: drop it, and read this byte afresh.
                    self.ground(b, out);
                    return;
                }
                bytes[have] = b;
                if have + 1 < need {
                    self.state = State::Utf8 {
                        bytes,
                        have: have + 1,
                        need,
                    };
                } else if let Some(c) = std::str::from_utf8(&bytes[..need])
                    .ok()
                    .and_then(|s| s.chars().next())
                {
                    out.push(char_key(c, KeyModifiers::NONE));
                }
            }
            State::X10(mut bytes) => {
                bytes.push(b);
                if let [cb, cx, cy] = bytes[..] {
                    let at = |v: u8| u16::from(v.saturating_sub(33));
                    let e = mouse(u16::from(cb.saturating_sub(32)), at(cx), at(cy), true);
                    out.push(Input::Event(e));
                } else {
                    self.state = State::X10(bytes);
                }
            }
        }
    }

    fn ground(&mut self, b: u8, out: &mut Vec<Input>) {
        let none = KeyModifiers::NONE;
        let ctrl = KeyModifiers::CONTROL;
        match b {
            0x1b => self.state = State::Esc,
            b'\r' => out.push(key(KeyCode::Enter, none)),
            b'\t' => out.push(key(KeyCode::Tab, none)),
            0x7f | 0x08 => out.push(key(KeyCode::Backspace, none)),
            0x00 => out.push(key(KeyCode::Char(' '), ctrl)),
            0x01..=0x1a => out.push(key(KeyCode::Char(char::from(b - 1 + b'a')), ctrl)),
            0x1c..=0x1f => out.push(key(KeyCode::Char(char::from(b - 0x1c + b'4')), ctrl)),
            0x20..=0x7e => out.push(char_key(char::from(b), none)),
            0xc2..=0xf4 => {
                let need = match b {
                    0xc2..=0xdf => 2,
                    0xe0..=0xef => 3,
                    _ => 4,
                };
                let mut bytes = [0; 4];
                bytes[0] = b;
                self.state = State::Utf8 {
                    bytes,
                    have: 1,
                    need,
                };
            }
            _ => {}
        }
    }

    fn escape(&mut self, b: u8, out: &mut Vec<Input>) {
        match b {
            b'[' => self.state = State::Csi(Vec::new()),
            b'O' => self.state = State::Ss3,
            b'_' | b'P' | b']' | b'^' | b'X' => {
                self.state = State::Str {
                    kind: b,
                    body: Vec::new(),
                    esc: false,
                };
            }
            0x1b => {
                out.push(key(KeyCode::Esc, KeyModifiers::NONE));
                self.state = State::Esc;
            }
            0x20..=0x7e => out.push(char_key(char::from(b), KeyModifiers::ALT)),
            _ => {
                out.push(key(KeyCode::Esc, KeyModifiers::NONE));
                self.ground(b, out);
            }
        }
    }

    fn csi(&mut self, body: &[u8], last: u8, out: &mut Vec<Input>) {
        if body == b"200" && last == b'~' {
            self.state = State::Paste {
                text: Vec::new(),
                matched: 0,
            };
            return;
        }
        if body.is_empty() && last == b'M' {
            self.state = State::X10(Vec::with_capacity(3));
            return;
        }
        if let Some(reply) = replies::csi(body, last) {
            out.push(Input::Reply(reply));
            return;
        }
        if let Some(rest) = body.strip_prefix(b"<") {
            if let [b, x, y] = replies::params(rest)[..] {
                let at = |v: u16| v.saturating_sub(1);
                out.push(Input::Event(mouse(b, at(x), at(y), last == b'M')));
            }
            return;
        }
        if let Some(e) = csi_key(body, last) {
            out.push(Input::Event(Event::Key(e)));
        }
    }
}

/// One byte of a paste: `None` when it completes the end marker, else how much of the
/// marker is matched now (bytes that turn out not to be the marker join the text).
fn paste_byte(text: &mut Vec<u8>, matched: usize, b: u8) -> Option<usize> {
    if PASTE_END.get(matched) == Some(&b) {
        return (matched + 1 < PASTE_END.len()).then_some(matched + 1);
    }
    let mut keep = |bytes: &[u8]| {
        let room = PASTE_MAX.saturating_sub(text.len());
        text.extend_from_slice(&bytes[..bytes.len().min(room)]);
    };
    keep(&PASTE_END[..matched]);
    if b == PASTE_END[0] {
        Some(1)
    } else {
        keep(&[b]);
        Some(0)
    }
}

fn paste(text: &[u8]) -> Input {
    let text = String::from_utf8_lossy(text)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    Input::Event(Event::Paste(text))
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Input {
    Input::Event(Event::Key(KeyEvent::new(code, modifiers)))
}

/// A character key; an upper-case letter carries Shift, as crossterm reports it.
fn char_key(c: char, modifiers: KeyModifiers) -> Input {
    let shift = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    key(KeyCode::Char(c), modifiers | shift)
}

/// xterm's modifier parameter (1 + a bit each for Shift, Alt, Ctrl, Super).
fn modifiers(param: u16) -> KeyModifiers {
    let bits = param.saturating_sub(1);
    let mut m = KeyModifiers::NONE;
    for (bit, flag) in [
        (1, KeyModifiers::SHIFT),
        (2, KeyModifiers::ALT),
        (4, KeyModifiers::CONTROL),
        (8, KeyModifiers::SUPER),
    ] {
        if bits & bit != 0 {
            m |= flag;
        }
    }
    m
}

/// A key sent as a control sequence (arrows, Home, End, Page Up and Down, Insert,
/// Delete, Shift-Tab, function keys), with xterm's modifiers.
fn csi_key(body: &[u8], last: u8) -> Option<KeyEvent> {
    if body
        .first()
        .is_some_and(|b| !b.is_ascii_digit() && *b != b';')
    {
        return None;
    }
    let p = replies::params(body);
    let m = modifiers(p.get(1).copied().unwrap_or(1));
    let code = match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(1 + last - b'P'),
        b'Z' => return Some(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
        b'~' => match p.first().copied().unwrap_or(0) {
            1 | 7 => KeyCode::Home,
            2 => KeyCode::Insert,
            3 => KeyCode::Delete,
            4 | 8 => KeyCode::End,
            5 => KeyCode::PageUp,
            6 => KeyCode::PageDown,
            n @ 11..=15 => KeyCode::F((n - 10) as u8),
            n @ 17..=21 => KeyCode::F((n - 11) as u8),
            n @ 23..=24 => KeyCode::F((n - 12) as u8),
            _ => return None,
        },
        _ => return None,
    };
    Some(KeyEvent::new(code, m))
}

/// A mouse report: `b` the button code (xterm's bits), at a 0-based cell; `press` is
/// false for SGR's release (`m`).
fn mouse(b: u16, column: u16, row: u16, press: bool) -> Event {
    let button = match b & 0b11 {
        0 => MouseButton::Left,
        1 => MouseButton::Middle,
        _ => MouseButton::Right,
    };
    let kind = if b & 64 != 0 {
        match b & 0b11 {
            0 => MouseEventKind::ScrollUp,
            1 => MouseEventKind::ScrollDown,
            2 => MouseEventKind::ScrollLeft,
            _ => MouseEventKind::ScrollRight,
        }
    } else if b & 32 != 0 {
        if b & 0b11 == 3 {
            MouseEventKind::Moved
        } else {
            MouseEventKind::Drag(button)
        }
    } else if !press || b & 0b11 == 3 {
        MouseEventKind::Up(button)
    } else {
        MouseEventKind::Down(button)
    };
    let mut modifiers = KeyModifiers::NONE;
    for (bit, flag) in [
        (4, KeyModifiers::SHIFT),
        (8, KeyModifiers::ALT),
        (16, KeyModifiers::CONTROL),
    ] {
        if b & bit != 0 {
            modifiers |= flag;
        }
    }
    Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers,
    })
}

/// Decodes a whole byte string and gives up what is left unfinished (for tests and the
/// fuzz target).
pub fn decode_all(bytes: &[u8]) -> Vec<Input> {
    let mut d = Decoder::new();
    let mut out = Vec::new();
    d.push(bytes, &mut out);
    d.idle(STALE, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(bytes: &[u8]) -> Vec<Event> {
        decode_all(bytes)
            .into_iter()
            .filter_map(|i| match i {
                Input::Event(e) => Some(e),
                Input::Reply(_) => None,
            })
            .collect()
    }

    fn k(code: KeyCode, m: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(code, m))
    }

    #[test]
    fn keys_as_crossterm_reads_them() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            events(b"a\rQ\x7f\t\x1b[A\x1b[1;5C\x1bOP\x1b[5~\x1b[Z\x03"),
            [
                k(KeyCode::Char('a'), none),
                k(KeyCode::Enter, none),
                k(KeyCode::Char('Q'), KeyModifiers::SHIFT),
                k(KeyCode::Backspace, none),
                k(KeyCode::Tab, none),
                k(KeyCode::Up, none),
                k(KeyCode::Right, KeyModifiers::CONTROL),
                k(KeyCode::F(1), none),
                k(KeyCode::PageUp, none),
                k(KeyCode::BackTab, KeyModifiers::SHIFT),
                k(KeyCode::Char('c'), KeyModifiers::CONTROL),
            ]
        );
        assert_eq!(events("é".as_bytes()), [k(KeyCode::Char('é'), none)]);
        assert_eq!(events(b"\x1b"), [k(KeyCode::Esc, none)]);
        assert_eq!(events(b"\x1bx"), [k(KeyCode::Char('x'), KeyModifiers::ALT)]);
    }

    #[test]
    fn mouse_reports() {
        let down = events(b"\x1b[<0;11;6M");
        assert_eq!(
            down,
            [Event::Mouse(MouseEvent {
                kind: MouseEventKind::Down(MouseButton::Left),
                column: 10,
                row: 5,
                modifiers: KeyModifiers::NONE
            })]
        );
        let wheel = events(b"\x1b[<65;1;1M\x1b[<0;3;3m");
        assert!(matches!(
            wheel[..],
            [
                Event::Mouse(MouseEvent {
                    kind: MouseEventKind::ScrollDown,
                    ..
                }),
                Event::Mouse(MouseEvent {
                    kind: MouseEventKind::Up(MouseButton::Left),
                    ..
                })
            ]
        ));
        let x10 = events(b"\x1b[M +&");
        assert!(matches!(
            x10[..],
            [Event::Mouse(MouseEvent {
                kind: MouseEventKind::Down(MouseButton::Left),
                column: 10,
                row: 5,
                ..
            })]
        ));
    }

    #[test]
    fn replies_never_become_keys_whenever_and_however_they_arrive() {
        let reply = b"\x1b_Gi=31;OK\x1b\\\x1bP>|kitty(0.26.5)\x1b\\\x1b[6;20;10t\x1b[?62;4;22c\x1b[>1;4000;0c\x1b[0n";
        assert!(events(reply).is_empty());
        // Split at every byte, with keys around it.
        let mut d = Decoder::new();
        let mut out = Vec::new();
        d.push(b"7", &mut out);
        for b in reply {
            d.push(&[*b], &mut out);
        }
        d.push(b"s", &mut out);
        let keys: Vec<_> = out
            .iter()
            .filter(|i| matches!(i, Input::Event(_)))
            .collect();
        assert_eq!(keys.len(), 2, "{out:?}");
        let replies: Vec<_> = out
            .iter()
            .filter_map(|i| match i {
                Input::Reply(r) => Some(r.clone()),
                Input::Event(_) => None,
            })
            .collect();
        assert_eq!(
            replies,
            [
                Reply::Kitty { ok: true },
                Reply::Version("kitty(0.26.5)".into()),
                Reply::CellSize(10, 20),
                Reply::Primary(vec![62, 4, 22]),
                Reply::Secondary(vec![1, 4000, 0]),
                Reply::Status
            ]
        );
    }

    #[test]
    fn a_paste_is_one_event_and_bounded() {
        assert_eq!(
            events(b"\x1b[200~left temple\x1b[2\r\x1b[201~x"),
            [
                Event::Paste("left temple\x1b[2\n".into()),
                k(KeyCode::Char('x'), KeyModifiers::NONE)
            ]
        );
        let mut big = b"\x1b[200~".to_vec();
        big.extend(std::iter::repeat_n(b'a', PASTE_MAX + 10));
        big.extend_from_slice(PASTE_END);
        match &events(&big)[..] {
            [Event::Paste(text)] => assert_eq!(text.len(), PASTE_MAX),
            other => panic!("{}", other.len()),
        }
        // A paste that never ends is kept as far as it came.
        assert_eq!(events(b"\x1b[200~abc"), [Event::Paste("abc".into())]);
    }

    #[test]
    fn endless_strings_are_bounded_and_then_given_up() {
        let mut d = Decoder::new();
        let mut out = Vec::new();
        d.push(b"\x1b_G", &mut out);
        d.push(&vec![b'x'; STRING_MAX * 4], &mut out);
        assert!(out.is_empty());
        assert_eq!(d.waiting(), Some(STALE));
        d.idle(STALE / 2, &mut out);
        assert_eq!(d.waiting(), Some(STALE), "not yet stale");
        d.idle(STALE, &mut out);
        assert_eq!(d.waiting(), None);
        d.push(b"q", &mut out);
        assert_eq!(out.len(), 1);
    }
}
