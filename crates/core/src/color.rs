//! Whether to colour the output: one decision for every face, from the user's choice and
//! what is known of the output and the environment. The faces read the environment and
//! pass the values in.

use std::ffi::OsStr;

/// The user's choice (`--color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorMode {
    /// Colour on a terminal, unless `NO_COLOR` is set (and not empty) or `TERM` is dumb.
    #[default]
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Whether to colour: `Always` and `Never` decide; `Auto` colours a terminal (`is_tty`)
/// whose `NO_COLOR` is unset or empty and whose `TERM` is not `dumb`.
pub fn enabled(
    mode: ColorMode,
    is_tty: bool,
    no_color: Option<&OsStr>,
    term: Option<&OsStr>,
) -> bool {
    match mode {
        ColorMode::Always => true,
        ColorMode::Never => false,
        ColorMode::Auto => {
            is_tty && no_color.is_none_or(OsStr::is_empty) && term.is_none_or(|t| t != "dumb")
        }
    }
}

/// [`enabled`] for this process's environment (`NO_COLOR`, `TERM`).
pub fn enabled_here(mode: ColorMode, is_tty: bool) -> bool {
    enabled(
        mode,
        is_tty,
        std::env::var_os("NO_COLOR").as_deref(),
        std::env::var_os("TERM").as_deref(),
    )
}

/// How many colours the terminal shows, decided with [`Palette::detect`] and handed to
/// the faces as a plain value: pictures fill with the 256-colour palette where it is
/// there, and with the 16 ANSI colours where it is not (a terminal or tmux would turn
/// the 256-colour tones into whichever of its 16 is nearest: a soft skin tone into red).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Palette {
    /// The 16 ANSI colours (0-7 and their bright forms 8-15).
    Ansi16,
    /// The xterm 256-colour palette.
    #[default]
    Ansi256,
}

/// Terminals that have 256 colours whatever their `TERM` says of it.
const RICH_TERMS: [&str; 6] = [
    "xterm-kitty",
    "alacritty",
    "foot",
    "foot-extra",
    "xterm-ghostty",
    "wezterm",
];

impl Palette {
    /// The palette a terminal shows, from `TERM` and `COLORTERM`: 256 colours where
    /// `TERM` names them (`xterm-256color`, `tmux-256color`, `*-direct`) or a terminal
    /// that always has them (kitty, Alacritty, foot, Ghostty, `WezTerm`), or where
    /// `COLORTERM` says `truecolor` or `24bit`; 16 otherwise (`xterm`, `screen`,
    /// `linux`, none). Inside tmux (`in_tmux`) only `TERM` counts: tmux draws in what its
    /// `default-terminal` says, and `COLORTERM` is left over from where it started.
    pub fn detect(term: Option<&OsStr>, colorterm: Option<&OsStr>, in_tmux: bool) -> Palette {
        let term = term.and_then(OsStr::to_str).unwrap_or_default();
        let rich_term =
            term.contains("256color") || term.ends_with("-direct") || RICH_TERMS.contains(&term);
        let truecolor = !in_tmux
            && colorterm.and_then(OsStr::to_str).is_some_and(|c| {
                c.eq_ignore_ascii_case("truecolor") || c.eq_ignore_ascii_case("24bit")
            });
        if rich_term || truecolor {
            Palette::Ansi256
        } else {
            Palette::Ansi16
        }
    }

    /// [`Palette::detect`] for this process's environment (`TERM`, `COLORTERM`, `TMUX`).
    pub fn here() -> Palette {
        Palette::detect(
            std::env::var_os("TERM").as_deref(),
            std::env::var_os("COLORTERM").as_deref(),
            std::env::var_os("TMUX").is_some_and(|t| !t.is_empty()),
        )
    }

    /// The SGR parameters that set the foreground to a colour of this palette: `38;5;N`
    /// in 256 colours, `3N` or `9N` in 16 (which every terminal reads).
    pub fn fg_sgr(self, index: u8) -> String {
        match self {
            Palette::Ansi256 => format!("38;5;{index}"),
            Palette::Ansi16 if index < 8 => format!("3{index}"),
            Palette::Ansi16 => format!("9{}", index.min(15) - 8),
        }
    }

    /// The SGR parameters that set the background: `48;5;N`, or `4N` or `10N`.
    pub fn bg_sgr(self, index: u8) -> String {
        match self {
            Palette::Ansi256 => format!("48;5;{index}"),
            Palette::Ansi16 if index < 8 => format!("4{index}"),
            Palette::Ansi16 => format!("10{}", index.min(15) - 8),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_choice_then_the_terminal_then_the_environment() {
        let s = |v: &'static str| Some(OsStr::new(v));
        assert!(enabled(ColorMode::Always, false, s("1"), s("dumb")));
        assert!(!enabled(ColorMode::Never, true, None, s("xterm")));
        assert!(enabled(ColorMode::Auto, true, None, s("xterm")));
        assert!(
            enabled(ColorMode::Auto, true, s(""), None),
            "empty NO_COLOR"
        );
        assert!(!enabled(ColorMode::Auto, false, None, s("xterm")), "a pipe");
        assert!(!enabled(ColorMode::Auto, true, s("1"), s("xterm")));
        assert!(!enabled(ColorMode::Auto, true, None, s("dumb")));
    }
}

#[cfg(test)]
mod palette_tests {
    use super::*;

    fn detect(term: Option<&str>, colorterm: Option<&str>, tmux: bool) -> Palette {
        Palette::detect(term.map(OsStr::new), colorterm.map(OsStr::new), tmux)
    }

    #[test]
    fn sixteen_colours_unless_the_terminal_says_more() {
        use Palette::{Ansi16, Ansi256};
        assert_eq!(detect(Some("xterm-256color"), None, false), Ansi256);
        assert_eq!(detect(Some("tmux-256color"), None, true), Ansi256);
        assert_eq!(detect(Some("xterm-direct"), None, false), Ansi256);
        assert_eq!(detect(Some("xterm-kitty"), None, false), Ansi256);
        assert_eq!(detect(Some("xterm"), Some("truecolor"), false), Ansi256);
        assert_eq!(detect(Some("xterm"), Some("24bit"), false), Ansi256);
        assert_eq!(detect(Some("xterm"), None, false), Ansi16);
        assert_eq!(detect(Some("linux"), None, false), Ansi16);
        assert_eq!(detect(None, None, false), Ansi16);
        // tmux with a 16-colour default-terminal downgrades whatever COLORTERM says.
        assert_eq!(detect(Some("screen"), Some("truecolor"), true), Ansi16);
        assert_eq!(detect(Some("screen"), None, true), Ansi16);
    }

    #[test]
    fn sixteen_colour_codes_are_the_classic_ones() {
        assert_eq!(Palette::Ansi256.fg_sgr(160), "38;5;160");
        assert_eq!(Palette::Ansi256.bg_sgr(7), "48;5;7");
        assert_eq!(Palette::Ansi16.fg_sgr(1), "31");
        assert_eq!(Palette::Ansi16.fg_sgr(9), "91");
        assert_eq!(Palette::Ansi16.bg_sgr(7), "47");
        assert_eq!(Palette::Ansi16.bg_sgr(8), "100");
        assert_eq!(Palette::Ansi16.bg_sgr(200), "107", "clamped to the 16");
    }
}
