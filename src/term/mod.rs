//! Everything painmap learns from the terminal it runs in, in one place: the environment
//! variables that describe it ([`Env`], read once by the binary and passed down), what
//! it answers when asked ([`replies`]), what it can draw ([`caps`], one table keyed on
//! its identity and version), its image protocols ([`graphics`]), and the bytes it sends
//! as keys ([`keys`], where replies are recognised and never become keystrokes).
//!
//! `TERM=dumb`, "inside tmux" and "a UTF-8 locale" are each decided here and nowhere
//! else.

pub mod caps;
pub mod config;
pub mod graphics;
pub mod keys;
pub mod replies;

use std::collections::BTreeMap;

/// The variables that say something about the terminal or the user's wishes for it.
const NAMES: [&str; 17] = [
    "TERM",
    "TERM_PROGRAM",
    "TERM_PROGRAM_VERSION",
    "COLORTERM",
    "NO_COLOR",
    "TMUX",
    "LC_ALL",
    "LC_CTYPE",
    "LANG",
    "LC_TERMINAL",
    "KITTY_WINDOW_ID",
    "KONSOLE_VERSION",
    "ALACRITTY_WINDOW_ID",
    "ALACRITTY_SOCKET",
    "WEZTERM_EXECUTABLE",
    "GHOSTTY_RESOURCES_DIR",
    "VTE_VERSION",
];

/// The terminal's environment, read once: a variable set to the empty string counts as
/// unset (as `NO_COLOR` asks).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Env {
    vars: BTreeMap<&'static str, String>,
}

impl Env {
    /// This process's environment.
    pub fn here() -> Env {
        Env::from_lookup(&|k| std::env::var(k).ok())
    }

    /// The environment as `lookup` tells it (tests pass a table).
    pub fn from_lookup(lookup: &dyn Fn(&str) -> Option<String>) -> Env {
        let vars = NAMES
            .iter()
            .filter_map(|&k| lookup(k).filter(|v| !v.is_empty()).map(|v| (k, v)))
            .collect();
        Env { vars }
    }

    /// An environment of these pairs (for tests and examples).
    pub fn of(pairs: &[(&str, &str)]) -> Env {
        Env::from_lookup(&|k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    /// A variable's value, when set and not empty.
    pub fn var(&self, name: &str) -> Option<&str> {
        self.vars.get(name).map(String::as_str)
    }

    /// `TERM=dumb`: a terminal that cannot move the cursor or colour text.
    pub fn dumb(&self) -> bool {
        self.var("TERM") == Some("dumb")
    }

    /// Inside tmux: its `TMUX` variable, or a `TERM` or `TERM_PROGRAM` that names it.
    pub fn in_tmux(&self) -> bool {
        self.var("TMUX").is_some()
            || self.var("TERM").is_some_and(|t| t.starts_with("tmux"))
            || self.var("TERM_PROGRAM") == Some("tmux")
    }

    /// Whether the locale's character type is UTF-8: the first of `LC_ALL`, `LC_CTYPE`
    /// and `LANG` that is set decides; none set (the C locale) is not UTF-8.
    pub fn utf8(&self) -> bool {
        ["LC_ALL", "LC_CTYPE", "LANG"]
            .iter()
            .find_map(|k| self.var(k))
            .is_some_and(|v| {
                let v = v.to_ascii_lowercase();
                v.contains("utf-8") || v.contains("utf8")
            })
    }

    /// The locale that decides the character type, for reports.
    pub fn locale(&self) -> &str {
        ["LC_ALL", "LC_CTYPE", "LANG"]
            .iter()
            .find_map(|k| self.var(k))
            .unwrap_or("C")
    }

    /// Whether to colour, by [`crate::color::enabled`] with this environment's
    /// `NO_COLOR` and `TERM`.
    pub fn color(&self, mode: crate::color::ColorMode, is_tty: bool) -> bool {
        let os = |k| self.var(k).map(std::ffi::OsStr::new);
        crate::color::enabled(mode, is_tty, os("NO_COLOR"), os("TERM"))
    }

    /// The palette the terminal shows ([`crate::color::Palette::detect`]).
    pub fn palette(&self) -> crate::color::Palette {
        let os = |k| self.var(k).map(std::ffi::OsStr::new);
        crate::color::Palette::detect(os("TERM"), os("COLORTERM"), self.in_tmux())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dumb_tmux_and_locale_are_decided_once() {
        assert!(Env::of(&[("TERM", "dumb")]).dumb());
        assert!(!Env::of(&[("TERM", "xterm")]).dumb());
        assert!(Env::of(&[("TMUX", "/tmp/x,1,0")]).in_tmux());
        assert!(Env::of(&[("TERM", "tmux-256color")]).in_tmux());
        assert!(Env::of(&[("TERM_PROGRAM", "tmux")]).in_tmux());
        assert!(!Env::of(&[("TMUX", ""), ("TERM", "screen")]).in_tmux());
        assert!(Env::of(&[("LANG", "en_US.UTF-8")]).utf8());
        assert!(!Env::of(&[("LC_ALL", "C"), ("LANG", "en_US.UTF-8")]).utf8());
        assert!(!Env::of(&[]).utf8());
        assert_eq!(
            Env::of(&[("LC_CTYPE", "de_DE.utf8")]).locale(),
            "de_DE.utf8"
        );
    }
}
