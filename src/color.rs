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
