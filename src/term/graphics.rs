//! Terminal graphics: which image protocol the terminal speaks (kitty, sixel, iTerm2),
//! found by asking it, and a pixmap encoded for it with `ratatui-image` (pure Rust, no C
//! library).
//!
//! Detection never hangs and never changes the user's settings: no question when stdout
//! or stdin is not a terminal, the locale is not UTF-8 or `TERM` is dumb; under tmux only
//! when its `allow-passthrough` option is already on (read with `tmux show -gv`, never
//! set). Else one query (kitty's graphics query, XTVERSION, the primary and secondary
//! device attributes, the cell size in pixels, and a status report that every terminal
//! answers, last), read until the status report comes or for at most [`QUERY_TIMEOUT`].
//! An answer that comes later is recognised and dropped by the explorer's input decoder
//! ([`super::keys`]). What the answers mean is decided in [`super::caps`].
//!
//! A cell size outside [`CELL_MIN`]..=[`CELL_MAX`] is not believed (a terminal that says
//! 65535 px would otherwise make painmap allocate terabytes): images are then off.

use std::fmt::Write as _;
use std::io::{self, IsTerminal as _, Write as _};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::Env;
use super::caps::{self, Answers, Identity};
use super::keys::{Decoder, Input};
use super::replies::Reply;
use crate::body::glyphs::Glyphs;
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::{Rect, Size};
use ratatui::style::Color;
use ratatui::widgets::Widget as _;
pub use ratatui_image::protocol::Protocol as Encoded;
use ratatui_image::protocol::{iterm2::Iterm2, kitty::Kitty, sixel::Sixel};

/// How long the terminal has to answer the query. A terminal answers in a few
/// milliseconds; one that never answers costs no more than this.
pub const QUERY_TIMEOUT: Duration = Duration::from_millis(50);

/// How long tmux has to say whether passthrough is on.
const TMUX_TIMEOUT: Duration = Duration::from_millis(400);

/// The smallest cell believed, in pixels `(width, height)`.
pub const CELL_MIN: (u16, u16) = (3, 6);

/// The largest cell believed, in pixels: a 4K screen at a very large font.
pub const CELL_MAX: (u16, u16) = (64, 128);

/// The most pixels one picture may have: a 100x36-cell map at 16x32 px cells is 1.8 M.
/// Rasterising is linear in pixels; this keeps a first frame near a second.
pub const MAX_PIXELS: u64 = 2_000_000;

/// An image protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    /// kitty's graphics protocol (unicode placeholders).
    Kitty,
    /// DEC sixel.
    Sixel,
    /// iTerm2's inline images.
    Iterm2,
}

impl Protocol {
    /// Its name on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Protocol::Kitty => "kitty",
            Protocol::Sixel => "sixel",
            Protocol::Iterm2 => "iterm2",
        }
    }
}

/// What detection found: the protocol, the pixel size of a cell, and whether the
/// escapes must pass through tmux.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Terminal {
    /// The protocol to use.
    pub protocol: Protocol,
    /// Pixels per cell, `(width, height)`, within [`CELL_MIN`]..=[`CELL_MAX`].
    pub cell: (u16, u16),
    /// Inside tmux (escapes wrapped for passthrough).
    pub tmux: bool,
}

/// A cell size to assume when the terminal does not say.
pub const DEFAULT_CELL: (u16, u16) = (10, 20);

/// A cell size, when it is one to believe.
pub fn bounded_cell((w, h): (u16, u16)) -> Option<(u16, u16)> {
    ((CELL_MIN.0..=CELL_MAX.0).contains(&w) && (CELL_MIN.1..=CELL_MAX.1).contains(&h))
        .then_some((w, h))
}

/// Whether a picture of `cols` by `rows` cells of `cell` pixels stays within
/// [`MAX_PIXELS`] (else it is drawn as text).
pub fn fits((cols, rows): (u16, u16), (cw, ch): (u16, u16)) -> bool {
    u64::from(cols) * u64::from(cw) * u64::from(rows) * u64::from(ch) <= MAX_PIXELS
}

/// Everything detection learnt, and why it chose what it chose (`painmap terminal`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detection {
    /// Who the terminal is.
    pub identity: Identity,
    /// What it answered (empty when it was not asked).
    pub answers: Answers,
    /// Whether it was asked, and if not why not.
    pub asked: Result<Duration, String>,
    /// The image protocol chosen, and why.
    pub graphics: (Option<Protocol>, String),
    /// The glyph tier chosen, and why.
    pub glyphs: (Glyphs, String),
    /// The cell size in pixels, and where it came from.
    pub cell: ((u16, u16), String),
    /// Inside tmux.
    pub tmux: bool,
}

impl Detection {
    /// The terminal to draw images for, when a protocol was chosen.
    pub fn terminal(&self) -> Option<Terminal> {
        self.graphics.0.map(|protocol| self.forced(protocol))
    }

    /// A protocol the user asked for, at the detected cell size.
    pub fn forced(&self, protocol: Protocol) -> Terminal {
        Terminal {
            protocol,
            cell: self.cell.0,
            tmux: self.tmux,
        }
    }
}

/// Whether tmux's `allow-passthrough` is already on (it is read, never set).
pub fn tmux_passthrough() -> bool {
    let Ok(mut child) = Command::new("tmux")
        .args(["show", "-gv", "allow-passthrough"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
    else {
        return false;
    };
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if start.elapsed() < TMUX_TIMEOUT => {
                std::thread::sleep(Duration::from_millis(5));
            }
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return false;
            }
        }
    }
    let mut out = String::new();
    if let Some(mut so) = child.stdout.take() {
        let _ = io::Read::read_to_string(&mut so, &mut out);
    }
    passthrough_on(&out)
}

/// tmux's answer for `allow-passthrough` means on (`on` or `all`).
pub fn passthrough_on(answer: &str) -> bool {
    matches!(answer.trim(), "on" | "all")
}

/// The controlling terminal, opened for writing the query.
fn controlling() -> Option<std::fs::File> {
    std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/tty")
        .ok()
}

/// The pixel size of a cell from the kernel's window size, if it knows.
fn cell_from_winsize() -> Option<(u16, u16)> {
    let ws = rustix::termios::tcgetwinsize(io::stdin()).ok()?;
    (ws.ws_xpixel > 0 && ws.ws_ypixel > 0 && ws.ws_col > 0 && ws.ws_row > 0)
        .then(|| (ws.ws_xpixel / ws.ws_col, ws.ws_ypixel / ws.ws_row))
}

/// The query: kitty's graphics query, XTVERSION, the secondary and primary device
/// attributes, the cell size, and the status report, which comes last.
pub fn query_text(tmux: bool) -> String {
    let (start, esc, end) = if tmux {
        ("\x1bPtmux;", "\x1b\x1b", "\x1b\\")
    } else {
        ("", "\x1b", "")
    };
    format!(
        "{start}{esc}_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA{esc}\\{esc}[>0q{esc}[>c{esc}[c{esc}[16t{esc}[5n{end}"
    )
}

/// Where the answers are read from: bytes that come within `wait`, or `None` when none
/// came (the terminal's input; a scripted terminal in tests).
pub trait Source {
    /// Bytes that arrived within `wait`; `None` when none did; empty at end of input.
    fn read(&mut self, wait: Duration) -> io::Result<Option<Vec<u8>>>;
}

/// Reads answers from `source` until the status report or `timeout`. Keys typed meanwhile
/// are dropped (the screen has not started). Returns what was answered.
pub fn read_answers(source: &mut dyn Source, timeout: Duration) -> Answers {
    let deadline = Instant::now() + timeout;
    let mut decoder = Decoder::new();
    let mut answers = Answers::default();
    let mut inputs = Vec::new();
    while !answers.complete {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        match source.read(left) {
            Ok(Some(bytes)) if !bytes.is_empty() => decoder.push(&bytes, &mut inputs),
            _ => break,
        }
        for input in inputs.drain(..) {
            match input {
                Input::Reply(Reply::Kitty { ok }) => answers.kitty = Some(ok),
                Input::Reply(Reply::Primary(p)) => answers.primary = p,
                Input::Reply(Reply::Secondary(p)) => answers.secondary = p,
                Input::Reply(Reply::Version(v)) => answers.version = Some(v),
                Input::Reply(Reply::CellSize(w, h)) => answers.cell = Some((w, h)),
                Input::Reply(Reply::Status) => answers.complete = true,
                Input::Reply(Reply::Other) | Input::Event(_) => {}
            }
        }
    }
    answers
}

/// The terminal's input, read with `poll` so a wait is bounded.
pub struct Stdin;

impl Source for Stdin {
    fn read(&mut self, wait: Duration) -> io::Result<Option<Vec<u8>>> {
        let stdin = io::stdin();
        let ts = rustix::event::Timespec {
            tv_sec: i64::try_from(wait.as_secs()).unwrap_or(i64::MAX),
            tv_nsec: i64::from(wait.subsec_nanos()),
        };
        let mut fds = [rustix::event::PollFd::new(
            &stdin,
            rustix::event::PollFlags::IN,
        )];
        if rustix::event::poll(&mut fds, Some(&ts))? == 0 {
            return Ok(None);
        }
        let mut buf = [0u8; 4096];
        let n = rustix::io::read(&stdin, &mut buf)?;
        Ok(Some(buf[..n].to_vec()))
    }
}

/// Why the terminal is not asked, when it is not.
fn not_asked(env: &Env, tty: bool) -> Option<String> {
    if !tty {
        return Some("stdin is not a terminal, or neither stdout nor /dev/tty is".into());
    }
    if env.dumb() {
        return Some("TERM is dumb".into());
    }
    if !env.utf8() {
        return Some(format!("the locale ({}) is not UTF-8", env.locale()));
    }
    if env.in_tmux() && !tmux_passthrough() {
        return Some("inside tmux, whose allow-passthrough is off (painmap never sets it)".into());
    }
    None
}

/// Detects the terminal: asks it when `ask` and it is a terminal that can be asked (see
/// the module docs), then reads the answers and the environment through the capability
/// table.
pub fn detect(env: &Env, ask: bool) -> Detection {
    // The query goes to the terminal itself (`/dev/tty`), so `painmap terminal --json >
    // file` still asks; the answers come on stdin.
    let tty = io::stdin().is_terminal() && (io::stdout().is_terminal() || controlling().is_some());
    let tmux = env.in_tmux();
    let refused = if ask {
        not_asked(env, tty)
    } else {
        Some("not needed".into())
    };
    let (answers, asked) = if let Some(why) = refused {
        (Answers::default(), Err(why))
    } else {
        let start = Instant::now();
        let answers = query(tmux).unwrap_or_default();
        (answers, Ok(start.elapsed()))
    };
    let winsize = if io::stdin().is_terminal() {
        cell_from_winsize()
    } else {
        None
    };
    from_answers(env, answers, asked, winsize, tmux)
}

/// What the answers and the environment mean (pure, for tests): the identity, the
/// protocol and glyphs by [`caps`], and a cell size that is believed.
pub fn from_answers(
    env: &Env,
    answers: Answers,
    asked: Result<Duration, String>,
    winsize: Option<(u16, u16)>,
    tmux: bool,
) -> Detection {
    let identity = Identity::of(env, answers.version.as_deref());
    let glyphs = caps::glyphs(env, &identity);
    let mut graphics = caps::graphics(env, &identity, &answers);
    if asked.is_err() {
        graphics = (None, "the terminal was not asked: text".into());
    }
    let said = answers.cell.or(winsize);
    let cell = match said.map(|c| (c, bounded_cell(c))) {
        Some((_, Some(c))) => (
            c,
            if answers.cell.is_some() {
                "the terminal's answer".to_string()
            } else {
                "the window size".to_string()
            },
        ),
        Some(((w, h), None)) => {
            if graphics.0.is_some() {
                graphics = (None, format!("a cell of {w}x{h} px is not believed: text"));
            }
            (DEFAULT_CELL, format!("{w}x{h} px is out of range; assumed"))
        }
        None => (DEFAULT_CELL, "assumed".to_string()),
    };
    Detection {
        identity,
        answers,
        asked,
        graphics,
        glyphs,
        cell,
        tmux,
    }
}

/// Sends the capability query and reads the answers; the terminal's line discipline is
/// restored after.
fn query(tmux: bool) -> io::Result<Answers> {
    use ratatui::crossterm::terminal;
    let was_raw = terminal::is_raw_mode_enabled().unwrap_or(false);
    if !was_raw {
        terminal::enable_raw_mode()?;
    }
    let result = (|| {
        if let Some(mut tty) = controlling() {
            tty.write_all(query_text(tmux).as_bytes())?;
        } else {
            let mut out = io::stdout();
            out.write_all(query_text(tmux).as_bytes())?;
            out.flush()?;
        }
        Ok(read_answers(&mut Stdin, QUERY_TIMEOUT))
    })();
    if !was_raw {
        let _ = terminal::disable_raw_mode();
    }
    result
}

/// An RGBA image encoded for a protocol to fill `cols` by `rows` cells, as the text to
/// write at the cursor, row by row (each row ends in a newline; kitty's rows are its
/// placeholder characters coloured with the image id).
pub fn encode(
    protocol: Protocol,
    rgba: Vec<u8>,
    size: (u32, u32),
    (cols, rows): (u16, u16),
    tmux: bool,
    kitty_id: u32,
) -> anyhow::Result<String> {
    let encoded = encoded(protocol, rgba, size, (cols, rows), tmux, kitty_id)?;
    let area = Rect::new(0, 0, cols, rows);
    let mut buf = Buffer::empty(area);
    ratatui_image::Image::new(&encoded).render(area, &mut buf);
    let text = buffer_text(&buf);
    if protocol == Protocol::Kitty || rows == 0 {
        return Ok(text);
    }
    // A sixel or iTerm2 picture moves the cursor (and may scroll) by a different amount
    // in each terminal. So the room is made first (IND scrolls at the bottom line, as a
    // newline would, but is no line break), the picture is drawn from its top left with
    // the cursor saved, and the cursor is put back there: the `rows` line ends that follow
    // land just below the picture, in every terminal.
    let make_room = format!("{}\x1b[{rows}A\x1b7", "\x1bD".repeat(usize::from(rows)));
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default();
    let mut out = format!("{make_room}{first}\x1b8\n");
    for line in lines {
        out.push_str(line);
        out.push('\n');
    }
    Ok(out)
}

/// An RGBA image encoded for a protocol to fill `cols` by `rows` cells, as a picture a
/// ratatui frame can hold (`ratatui_image::Image`): the explorer's map.
pub fn encoded(
    protocol: Protocol,
    rgba: Vec<u8>,
    (w, h): (u32, u32),
    (cols, rows): (u16, u16),
    tmux: bool,
    kitty_id: u32,
) -> anyhow::Result<Encoded> {
    anyhow::ensure!(
        u64::from(w) * u64::from(h) <= MAX_PIXELS,
        "a picture of {w}x{h} pixels is over the limit"
    );
    let img = image::RgbaImage::from_raw(w, h, rgba)
        .ok_or_else(|| anyhow::anyhow!("image buffer of the wrong size"))?;
    let img = image::DynamicImage::ImageRgba8(img);
    let size = Size::new(cols, rows);
    Ok(match protocol {
        Protocol::Kitty => Encoded::Kitty(Kitty::new(img, size, kitty_id, tmux, false)?),
        Protocol::Sixel => Encoded::Sixel(Sixel::new(img, size, tmux)?),
        Protocol::Iterm2 => Encoded::ITerm2(Iterm2::new(img, size, tmux)?),
    })
}

/// A buffer written out as text: each cell's symbol (cells an image covers but does
/// not draw are skipped), kitty's placeholder colour as a 24-bit foreground.
fn buffer_text(buf: &Buffer) -> String {
    let mut out = String::new();
    let a = buf.area;
    for y in a.top()..a.bottom() {
        let mut coloured = false;
        for x in a.left()..a.right() {
            let Some(cell) = buf.cell((x, y)) else {
                continue;
            };
            if cell.diff_option == CellDiffOption::Skip {
                continue;
            }
            if let Color::Rgb(r, g, b) = cell.fg {
                let _ = write!(out, "\u{1b}[38;2;{r};{g};{b}m");
                coloured = true;
            }
            out.push_str(cell.symbol());
        }
        if coloured {
            out.push_str("\u{1b}[39m");
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image() -> (Vec<u8>, (u32, u32)) {
        let (w, h) = (40u32, 40u32);
        let mut px = Vec::new();
        for y in 0..h {
            for x in 0..w {
                px.extend_from_slice(if (x / 10 + y / 10) % 2 == 0 {
                    &[200, 16, 46, 255]
                } else {
                    &[255, 255, 255, 255]
                });
            }
        }
        (px, (w, h))
    }

    #[test]
    fn kitty_transmits_once_and_places_with_unicode_placeholders() {
        let (px, size) = image();
        let text = encode(Protocol::Kitty, px, size, (4, 2), false, 7).unwrap();
        let start = text.find("\u{1b}_G").unwrap();
        let head: String = text[start..].chars().take(60).collect();
        assert!(head.contains("a=T") && head.contains("U=1"), "{head:?}");
        assert!(
            head.contains("f=32") && head.contains("s=40,v=40"),
            "{head:?}"
        );
        // Every cell is a placeholder (U+10EEEE), coloured with the image id.
        assert_eq!(text.matches('\u{10EEEE}').count(), 8);
        assert!(text.contains("\u{1b}[38;2;0;0;7m"));
        assert_eq!(text.lines().count(), 2);
    }

    #[test]
    fn sixel_is_one_dcs_sequence() {
        let (px, size) = image();
        let text = encode(Protocol::Sixel, px, size, (4, 2), false, 1).unwrap();
        let start = text.find("\u{1b}P").unwrap();
        assert!(text[start..].contains('q'), "a sixel introducer");
        // Room made first, the cursor saved and put back around the picture.
        assert!(
            text.starts_with("\u{1b}D\u{1b}D\u{1b}[2A\u{1b}7"),
            "{:?}",
            &text[..20]
        );
        assert!(text.lines().next().unwrap().ends_with("\u{1b}\\\u{1b}8"));
        assert_eq!(text.lines().count(), 2);
        // Two colours in the palette: `#n;2;r;g;b` with red at about 78 %.
        assert!(
            text.contains(";2;78;6;18") || text.contains(";2;78;7;18"),
            "{}",
            &text[start..start + 120]
        );
    }

    #[test]
    fn sixel_and_iterm2_under_tmux_are_wrapped_for_passthrough() {
        let (px, size) = image();
        let sixel = encode(Protocol::Sixel, px.clone(), size, (4, 2), true, 1).unwrap();
        assert!(sixel.contains("\u{1b}7\u{1b}Ptmux;"));
        let iterm = encode(Protocol::Iterm2, px, size, (4, 2), false, 1).unwrap();
        assert!(
            iterm.contains("\u{1b}]1337;File=inline=1"),
            "{}",
            &iterm[..60]
        );
    }

    #[test]
    fn a_huge_cell_is_not_believed_and_no_picture_is_unbounded() {
        let env = Env::of(&[("LANG", "C.UTF-8")]);
        let sixel = Answers {
            primary: vec![62, 4],
            cell: Some((65535, 65535)),
            complete: true,
            ..Answers::default()
        };
        let d = from_answers(&env, sixel.clone(), Ok(Duration::ZERO), None, false);
        assert_eq!(d.cell.0, DEFAULT_CELL);
        assert_eq!(d.terminal(), None, "images off: {}", d.graphics.1);
        // The window size's pixels feed the cell too, bounded the same way.
        let d = from_answers(
            &env,
            Answers {
                cell: None,
                ..sixel.clone()
            },
            Ok(Duration::ZERO),
            Some((4000, 9000)),
            false,
        );
        assert_eq!(d.terminal(), None);
        let d = from_answers(
            &env,
            Answers {
                cell: Some((20, 40)),
                ..sixel
            },
            Ok(Duration::ZERO),
            None,
            false,
        );
        assert_eq!(
            d.terminal().map(|t| t.cell),
            Some((20, 40)),
            "a real HiDPI cell"
        );
        assert!(!fits((120, 40), (64, 128)));
        assert!(fits((100, 36), (16, 32)));
        let big = vec![0u8; 4];
        assert!(encoded(Protocol::Sixel, big, (3000, 3000), (10, 10), false, 1).is_err());
    }

    #[test]
    fn passthrough_is_read_not_set() {
        assert!(passthrough_on("on\n") && passthrough_on("all"));
        assert!(!passthrough_on("off\n") && !passthrough_on(""));
    }
}
