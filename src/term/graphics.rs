//! Terminal graphics glue: which image protocol the terminal speaks (kitty, sixel,
//! iTerm2), and a pixmap encoded for it with `ratatui-image` (pure Rust, no C library).
//!
//! Detection never hangs and never changes the user's settings: off when stdout or stdin
//! is not a terminal or the locale is not UTF-8; under tmux only when its
//! `allow-passthrough` option is already on (read with `tmux show -gv`, never set); else
//! one bounded query (kitty's graphics query, device attributes for sixel, the cell size
//! in pixels, and a status report that every terminal answers), read for at most
//! [`QUERY_TIMEOUT`]. iTerm2's protocol is known from the environment only.

use std::fmt::Write as _;
use std::io::{self, IsTerminal as _, Write as _};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::{Rect, Size};
use ratatui::style::Color;
use ratatui::widgets::Widget as _;
use ratatui_image::picker::cap_parser::{Parser, QueryStdioOptions, Response};
pub use ratatui_image::protocol::Protocol as Encoded;
use ratatui_image::protocol::{iterm2::Iterm2, kitty::Kitty, sixel::Sixel};

/// How long the terminal has to answer the query.
pub const QUERY_TIMEOUT: Duration = Duration::from_millis(400);

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

/// What detection found: the protocol, the pixel size of a cell, and whether the
/// escapes must pass through tmux.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Terminal {
    /// The protocol to use.
    pub protocol: Protocol,
    /// Pixels per cell, `(width, height)`.
    pub cell: (u16, u16),
    /// Inside tmux (escapes wrapped for passthrough).
    pub tmux: bool,
}

/// A cell size to assume when the terminal does not say.
pub const DEFAULT_CELL: (u16, u16) = (10, 20);

fn env(k: &str) -> Option<String> {
    std::env::var(k).ok().filter(|v| !v.is_empty())
}

/// Whether we run inside tmux (by its own variables).
pub fn in_tmux() -> bool {
    env("TMUX").is_some()
        || env("TERM").is_some_and(|t| t.starts_with("tmux"))
        || env("TERM_PROGRAM").is_some_and(|t| t == "tmux")
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
            Ok(None) if start.elapsed() < QUERY_TIMEOUT => {
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

/// The pixel size of a cell from the kernel's window size, if it knows.
fn cell_from_winsize() -> Option<(u16, u16)> {
    let ws = rustix::termios::tcgetwinsize(io::stdout()).ok()?;
    (ws.ws_xpixel > 0 && ws.ws_ypixel > 0 && ws.ws_col > 0 && ws.ws_row > 0)
        .then(|| (ws.ws_xpixel / ws.ws_col, ws.ws_ypixel / ws.ws_row))
}

/// The cell size to draw at: the kernel's, else [`DEFAULT_CELL`].
pub fn cell_size() -> (u16, u16) {
    cell_from_winsize().unwrap_or(DEFAULT_CELL)
}

/// A protocol the user asked for: the cell size from the kernel, tmux from the
/// environment.
pub fn forced(protocol: Protocol) -> Terminal {
    Terminal {
        protocol,
        cell: cell_size(),
        tmux: in_tmux(),
    }
}

/// Detects the terminal's image protocol (see the module docs); `None` for none.
pub fn detect() -> Option<Terminal> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return None;
    }
    if !crate::body::glyphs::utf8_locale(&env) || env("TERM").is_some_and(|t| t == "dumb") {
        return None;
    }
    let tmux = in_tmux();
    if tmux && !tmux_passthrough() {
        return None;
    }
    let answers = query(tmux).unwrap_or_default();
    let cell = answers
        .iter()
        .find_map(|r| match r {
            Response::CellSize(Some((w, h))) if *w > 0 && *h > 0 => Some((*w, *h)),
            _ => None,
        })
        .or_else(cell_from_winsize)
        .unwrap_or(DEFAULT_CELL);
    let protocol = if answers.contains(&Response::Kitty) {
        Protocol::Kitty
    } else if env("TERM_PROGRAM").is_some_and(|p| p.contains("iTerm") || p.contains("WezTerm"))
        || env("LC_TERMINAL").is_some_and(|p| p.contains("iTerm"))
    {
        Protocol::Iterm2
    } else if answers.contains(&Response::Sixel) {
        Protocol::Sixel
    } else {
        return None;
    };
    Some(Terminal {
        protocol,
        cell,
        tmux,
    })
}

/// Sends the capability query and reads the answers until the status report, for at
/// most [`QUERY_TIMEOUT`]; the terminal's line discipline is restored after.
fn query(tmux: bool) -> io::Result<Vec<Response>> {
    use ratatui::crossterm::terminal;
    let was_raw = terminal::is_raw_mode_enabled().unwrap_or(false);
    if !was_raw {
        terminal::enable_raw_mode()?;
    }
    let result = (|| {
        let mut out = io::stdout();
        out.write_all(Parser::query(tmux, QueryStdioOptions::default()).as_bytes())?;
        out.flush()?;
        let stdin = io::stdin();
        let mut parser = Parser::new();
        let mut answers = Vec::new();
        let deadline = Instant::now() + QUERY_TIMEOUT;
        let mut buf = [0u8; 256];
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Ok(answers);
            }
            let ts = rustix::event::Timespec {
                tv_sec: 0,
                tv_nsec: i64::from(left.subsec_nanos()),
            };
            let mut fds = [rustix::event::PollFd::new(
                &stdin,
                rustix::event::PollFlags::IN,
            )];
            if rustix::event::poll(&mut fds, Some(&ts))? == 0 {
                return Ok(answers);
            }
            let n = rustix::io::read(&stdin, &mut buf)?;
            if n == 0 {
                return Ok(answers);
            }
            for &b in &buf[..n] {
                for r in parser.push(char::from(b)) {
                    if r == Response::Status {
                        return Ok(answers);
                    }
                    answers.push(r);
                }
            }
        }
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
    Ok(buffer_text(&buf))
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
        assert!(text.trim_end().ends_with("\u{1b}\\"));
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
        assert!(sixel.starts_with("\u{1b}Ptmux;"));
        let iterm = encode(Protocol::Iterm2, px, size, (4, 2), false, 1).unwrap();
        assert!(
            iterm.contains("\u{1b}]1337;File=inline=1"),
            "{}",
            &iterm[..60]
        );
    }

    #[test]
    fn passthrough_is_read_not_set() {
        assert!(passthrough_on("on\n") && passthrough_on("all"));
        assert!(!passthrough_on("off\n") && !passthrough_on(""));
    }
}
