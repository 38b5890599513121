//! Who the terminal is and what it draws: one table, keyed on its identity and version,
//! not on a single name or a single "yes".
//!
//! The identity comes from the terminal's own answer to XTVERSION (`CSI > 0 q`) when it
//! gives one, else from the variables it sets (`TERM_PROGRAM` and
//! `TERM_PROGRAM_VERSION`, `KITTY_WINDOW_ID`, `KONSOLE_VERSION`, `TERM`...). Then:
//!
//! | picture | when |
//! |---|---|
//! | kitty, unicode placeholders | kitty answers the graphics query and is >= 0.28 (`U=1` came in 0.28), or Ghostty |
//! | iTerm2 inline images | iTerm2 and `WezTerm` (by `TERM_PROGRAM` / `LC_TERMINAL`) |
//! | sixel | the primary device attributes list 4 |
//! | text | anything else, including terminals that answer kitty's query without drawing placeholders (older kitty, Konsole) |
//!
//! | mosaic | when |
//! |---|---|
//! | octants (2x4) | Ghostty, kitty >= 0.37 (they draw the Unicode 16 octants themselves) |
//! | sextants (2x3) | kitty >= 0.20, `WezTerm`, foot (they draw legacy-computing blocks themselves) |
//! | half blocks (1x2) | the Linux console |
//! | quadrants (2x2) | anything else: every terminal font has them (Alacritty 0.11 draws block elements but not sextants) |
//! | ASCII | a locale that is not UTF-8, or `TERM=dumb` |

use super::Env;
use super::graphics::Protocol;
use crate::body::glyphs::Glyphs;

/// A version as numbers (`0.26.5` is `[0, 26, 5]`), compared field by field.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Version(pub Vec<u32>);

impl Version {
    /// The leading numbers of `text` (`"0.26.5"`, `"20240203-110809"`, `"3.4a"`);
    /// `None` when it starts with no digit.
    pub fn parse(text: &str) -> Option<Version> {
        let lead: &str = text
            .split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .next()
            .unwrap_or_default();
        let parts: Vec<u32> = lead
            .split('.')
            .take(4)
            .map_while(|p| p.parse().ok())
            .collect();
        (!parts.is_empty()).then_some(Version(parts))
    }

    /// Whether this version is at least `min`.
    pub fn at_least(&self, min: &[u32]) -> bool {
        self.0.as_slice() >= min
    }
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self.0.iter().map(u32::to_string).collect();
        f.write_str(&parts.join("."))
    }
}

/// Who the terminal is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Identity {
    /// Its name, lower case (`kitty`, `xterm`, `wezterm`, `ghostty`, `konsole`,
    /// `alacritty`, `foot`, `iterm2`, `mlterm`, `linux`...); `unknown` when nothing says.
    pub name: String,
    /// Its version, when it says.
    pub version: Option<Version>,
    /// Where the name came from (`XTVERSION`, or the variable).
    pub source: &'static str,
}

impl Identity {
    /// The identity from the XTVERSION answer, else the environment.
    pub fn of(env: &Env, xtversion: Option<&str>) -> Identity {
        if let Some(id) = xtversion.and_then(from_xtversion) {
            return id;
        }
        from_env(env)
    }

    fn is(&self, name: &str) -> bool {
        self.name == name
    }

    fn at_least(&self, min: &[u32]) -> bool {
        self.version.as_ref().is_some_and(|v| v.at_least(min))
    }
}

/// `kitty(0.26.5)`, `XTerm(379)`, `WezTerm 20240203-110809-5046fc22`, `foot(1.16.2)`,
/// `ghostty 1.0.1`, `tmux 3.4`: a name, then a version in brackets or after a space.
fn from_xtversion(text: &str) -> Option<Identity> {
    let text = text.trim();
    let cut = text.find(['(', ' ']).unwrap_or(text.len());
    let (name, rest) = text.split_at(cut);
    if name.is_empty() {
        return None;
    }
    let rest = rest.trim_start_matches([' ', '(']).trim_end_matches(')');
    let name = match name.to_ascii_lowercase().as_str() {
        "iterm2" | "iterm.app" => "iterm2".to_string(),
        other => other.to_string(),
    };
    Some(Identity {
        name,
        version: Version::parse(rest),
        source: "XTVERSION",
    })
}

fn from_env(env: &Env) -> Identity {
    let id = |name: &str, version: Option<&str>, source| Identity {
        name: name.to_string(),
        version: version.and_then(Version::parse),
        source,
    };
    let program = env.var("TERM_PROGRAM").map(str::to_ascii_lowercase);
    let program_version = env.var("TERM_PROGRAM_VERSION");
    let term = env.var("TERM").unwrap_or_default();
    match program.as_deref() {
        Some("wezterm") => return id("wezterm", program_version, "TERM_PROGRAM"),
        Some("ghostty") => return id("ghostty", program_version, "TERM_PROGRAM"),
        Some("iterm.app") => return id("iterm2", program_version, "TERM_PROGRAM"),
        _ => {}
    }
    if env.var("LC_TERMINAL").is_some_and(|t| t.contains("iTerm")) {
        return id("iterm2", env.var("LC_TERMINAL_VERSION"), "LC_TERMINAL");
    }
    if env.var("KITTY_WINDOW_ID").is_some() || term == "xterm-kitty" {
        return id("kitty", None, "KITTY_WINDOW_ID / TERM");
    }
    if term == "xterm-ghostty" || env.var("GHOSTTY_RESOURCES_DIR").is_some() {
        return id("ghostty", None, "TERM");
    }
    if let Some(v) = env.var("KONSOLE_VERSION") {
        // 221201 is 22.12.1.
        let n: u32 = v.parse().unwrap_or(0);
        return Identity {
            name: "konsole".into(),
            version: Some(Version(vec![n / 10000, n / 100 % 100, n % 100])),
            source: "KONSOLE_VERSION",
        };
    }
    if env.var("WEZTERM_EXECUTABLE").is_some() {
        return id("wezterm", None, "WEZTERM_EXECUTABLE");
    }
    if term == "alacritty"
        || env.var("ALACRITTY_WINDOW_ID").is_some()
        || env.var("ALACRITTY_SOCKET").is_some()
    {
        return id("alacritty", None, "ALACRITTY_WINDOW_ID / TERM");
    }
    if term.starts_with("foot") {
        return id("foot", None, "TERM");
    }
    if term == "linux" {
        return id("linux", None, "TERM");
    }
    if term.starts_with("mlterm") {
        return id("mlterm", None, "TERM");
    }
    if let Some(program) = program {
        return id(&program, program_version, "TERM_PROGRAM");
    }
    id("unknown", None, "nothing")
}

/// What the terminal answered to the graphics query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Answers {
    /// kitty's graphics query: `Some(ok)` when answered.
    pub kitty: Option<bool>,
    /// The primary device attributes.
    pub primary: Vec<u16>,
    /// The secondary device attributes.
    pub secondary: Vec<u16>,
    /// The XTVERSION answer.
    pub version: Option<String>,
    /// The cell size in pixels, as sent.
    pub cell: Option<(u16, u16)>,
    /// Whether the status report came (every answer before it came too).
    pub complete: bool,
}

/// The glyph tier for a terminal, and why.
pub fn glyphs(env: &Env, id: &Identity) -> (Glyphs, String) {
    if !env.utf8() {
        return (
            Glyphs::Ascii,
            format!("the locale ({}) is not UTF-8", env.locale()),
        );
    }
    if env.dumb() {
        return (Glyphs::Ascii, "TERM is dumb".into());
    }
    let named = |what: &str| format!("{} {what}", shown(id));
    if id.is("ghostty") || (id.is("kitty") && id.at_least(&[0, 37])) {
        return (Glyphs::Octant, named("draws octants itself"));
    }
    if (id.is("kitty") && id.at_least(&[0, 20])) || id.is("wezterm") || id.is("foot") {
        return (Glyphs::Sextant, named("draws sextants itself"));
    }
    if id.is("linux") {
        return (
            Glyphs::Half,
            "the Linux console's font has half blocks".into(),
        );
    }
    (
        Glyphs::Quadrant,
        format!("{}: quadrants, which every terminal font draws", shown(id)),
    )
}

/// The image protocol for a terminal, and why (`None`: text).
pub fn graphics(env: &Env, id: &Identity, answers: &Answers) -> (Option<Protocol>, String) {
    let placeholders = id.is("ghostty") || (id.is("kitty") && id.at_least(&[0, 28]));
    if answers.kitty.is_some() && placeholders {
        return (
            Some(Protocol::Kitty),
            format!(
                "{} answers kitty's query and draws its placeholders",
                shown(id)
            ),
        );
    }
    if id.is("iterm2")
        || id.is("wezterm")
        || env.var("LC_TERMINAL").is_some_and(|t| t.contains("iTerm"))
    {
        return (
            Some(Protocol::Iterm2),
            format!("{} shows iTerm2 inline images", shown(id)),
        );
    }
    if answers.primary.contains(&4) {
        return (
            Some(Protocol::Sixel),
            "the device attributes list sixel (4)".into(),
        );
    }
    if answers.kitty.is_some() {
        return (
            None,
            format!(
                "{} answers kitty's query, but its unicode placeholders need kitty >= 0.28 or Ghostty: text",
                shown(id)
            ),
        );
    }
    if !answers.complete {
        return (None, "the terminal did not answer in time: text".into());
    }
    (None, "no image protocol answered: text".into())
}

/// The identity as words: `kitty 0.26.5`, `unknown terminal`.
pub fn shown(id: &Identity) -> String {
    match (&id.version, id.name.as_str()) {
        (_, "unknown") => "an unknown terminal".into(),
        (Some(v), name) => format!("{name} {v}"),
        (None, name) => format!("{name} (version unknown)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const UTF: (&str, &str) = ("LANG", "en_US.UTF-8");

    fn glyphs_of(pairs: &[(&str, &str)], xtversion: Option<&str>) -> Glyphs {
        let env = Env::of(pairs);
        glyphs(&env, &Identity::of(&env, xtversion)).0
    }

    fn graphics_of(xtversion: Option<&str>, answers: &Answers) -> Option<Protocol> {
        let env = Env::of(&[UTF]);
        graphics(&env, &Identity::of(&env, xtversion), answers).0
    }

    #[test]
    fn versions_compare_by_field() {
        assert!(Version::parse("0.26.5").unwrap() < Version::parse("0.28.0").unwrap());
        assert!(Version::parse("0.28").unwrap().at_least(&[0, 28]));
        assert!(!Version::parse("0.27.99").unwrap().at_least(&[0, 28]));
        assert_eq!(Version::parse("3.4a").unwrap().to_string(), "3.4");
        assert_eq!(Version::parse("x"), None);
    }

    #[test]
    fn identity_from_the_answer_then_the_environment() {
        let env = Env::of(&[("TERM", "xterm-kitty")]);
        let id = Identity::of(&env, Some("kitty(0.26.5)"));
        assert_eq!(
            (id.name.as_str(), id.version.unwrap().to_string()),
            ("kitty", "0.26.5".into())
        );
        let id = Identity::of(&env, None);
        assert_eq!((id.name.as_str(), id.version), ("kitty", None));
        let id = Identity::of(&Env::of(&[]), Some("WezTerm 20240203-110809-5046fc22"));
        assert_eq!(id.name, "wezterm");
        let id = Identity::of(&Env::of(&[("KONSOLE_VERSION", "221201")]), None);
        assert_eq!(id.version.unwrap().to_string(), "22.12.1");
    }

    #[test]
    fn placeholders_only_where_they_are_drawn() {
        let kitty = Answers {
            kitty: Some(true),
            complete: true,
            ..Answers::default()
        };
        assert_eq!(
            graphics_of(Some("kitty(0.26.5)"), &kitty),
            None,
            "kitty 0.26 in Debian 12"
        );
        assert_eq!(
            graphics_of(Some("kitty(0.28.0)"), &kitty),
            Some(Protocol::Kitty)
        );
        assert_eq!(
            graphics_of(Some("ghostty 1.0.1"), &kitty),
            Some(Protocol::Kitty)
        );
        assert_eq!(
            graphics_of(None, &kitty),
            None,
            "a yes from an unknown terminal"
        );
        let sixel = Answers {
            primary: vec![62, 4, 22],
            kitty: Some(true),
            complete: true,
            ..Answers::default()
        };
        assert_eq!(
            graphics_of(Some("XTerm(379)"), &sixel),
            Some(Protocol::Sixel)
        );
        assert_eq!(graphics_of(None, &Answers::default()), None);
    }

    #[test]
    fn glyphs_follow_the_locale_and_the_terminal() {
        assert_eq!(glyphs_of(&[], None), Glyphs::Ascii);
        assert_eq!(glyphs_of(&[("LC_ALL", "C"), UTF], None), Glyphs::Ascii);
        assert_eq!(glyphs_of(&[UTF, ("TERM", "dumb")], None), Glyphs::Ascii);
        assert_eq!(
            glyphs_of(&[UTF, ("TERM", "xterm-256color")], None),
            Glyphs::Quadrant
        );
        assert_eq!(
            glyphs_of(&[UTF, ("TERM", "alacritty")], None),
            Glyphs::Quadrant,
            "Alacritty 0.11 has no sextants"
        );
        assert_eq!(
            glyphs_of(&[UTF, ("KITTY_WINDOW_ID", "1")], None),
            Glyphs::Quadrant,
            "kitty of no known version"
        );
        assert_eq!(glyphs_of(&[UTF], Some("kitty(0.26.5)")), Glyphs::Sextant);
        assert_eq!(glyphs_of(&[UTF], Some("kitty(0.39.0)")), Glyphs::Octant);
        assert_eq!(
            glyphs_of(&[UTF, ("TERM_PROGRAM", "WezTerm")], None),
            Glyphs::Sextant
        );
        assert_eq!(
            glyphs_of(&[UTF, ("TERM", "xterm-ghostty")], None),
            Glyphs::Octant
        );
        assert_eq!(glyphs_of(&[UTF, ("TERM", "linux")], None), Glyphs::Half);
    }
}
