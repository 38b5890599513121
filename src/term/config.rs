//! The user's defaults: `$XDG_CONFIG_HOME/painmap/config.toml` (else
//! `~/.config/painmap/config.toml`), holding what a user would otherwise type every time.
//!
//! ```toml
//! glyphs = "quadrant"   # auto, octant, sextant, quadrant, half, outline, ascii
//! graphics = "off"      # auto, kitty, sixel, iterm2, off
//! color = "never"       # auto, always, never
//! db = "/home/me/practice/clients.sqlite3"
//! atlas = "/home/me/atlas.ron"
//! ```
//!
//! A flag wins over the file, the file over detection. A missing file is no error; a
//! broken one is (one line naming the file, line and column), as is an unknown key or
//! value. `painmap terminal --glyphs …` and the explorer's text-tier key write one key,
//! keeping every other line as it was.

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The largest config file read.
const MAX_BYTES: u64 = 64 * 1024;

/// The glyph names the file accepts.
pub const GLYPHS: [&str; 7] = [
    "auto", "octant", "sextant", "quadrant", "half", "outline", "ascii",
];
/// The graphics names the file accepts.
pub const GRAPHICS: [&str; 5] = ["auto", "kitty", "sixel", "iterm2", "off"];
/// The colour names the file accepts.
pub const COLOR: [&str; 3] = ["auto", "always", "never"];

/// The settings in the file; each `None` when not set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `--glyphs`.
    pub glyphs: Option<String>,
    /// `--graphics`.
    pub graphics: Option<String>,
    /// `--color`.
    pub color: Option<String>,
    /// `--db`.
    pub db: Option<PathBuf>,
    /// `--atlas`.
    pub atlas: Option<PathBuf>,
}

/// The config file's place: `$XDG_CONFIG_HOME/painmap/config.toml` when that is an
/// absolute path, else `$HOME/.config/painmap/config.toml`; `None` when neither is known.
pub fn path(env: &dyn Fn(&str) -> Option<String>) -> Option<PathBuf> {
    let absolute = |name: &str| env(name).map(PathBuf::from).filter(|p| p.is_absolute());
    absolute("XDG_CONFIG_HOME")
        .map(|d| d.join("painmap").join("config.toml"))
        .or_else(|| absolute("HOME").map(|h| h.join(".config/painmap/config.toml")))
}

impl Config {
    /// Reads the file at `path`; no file is the empty config.
    pub fn load(path: &Path) -> anyhow::Result<Config> {
        let bytes = match crate::fsutil::read_capped(path, MAX_BYTES) {
            Ok(bytes) => bytes,
            Err(crate::fsutil::ReadError::NotFound) => {
                return Ok(Config::default());
            }
            Err(e) => anyhow::bail!("{}: {e}", path.display()),
        };
        let text = String::from_utf8(bytes)
            .map_err(|_| anyhow::anyhow!("{}: not UTF-8 text", path.display()))?;
        Config::parse(&text).map_err(|e| anyhow::anyhow!("{}:{e}", path.display()))
    }

    /// Reads config text; an error is `line:col: what`.
    pub fn parse(text: &str) -> Result<Config, String> {
        let config: Config = toml::from_str(text).map_err(|e| {
            let (line, col) = e.span().map_or((1, 1), |s| line_col(text, s.start));
            let what = e.message().lines().next().unwrap_or("invalid").to_string();
            format!("{line}:{col}: {}", crate::atlas::text::printable(&what))
        })?;
        for (key, value, allowed) in [
            ("glyphs", &config.glyphs, &GLYPHS[..]),
            ("graphics", &config.graphics, &GRAPHICS[..]),
            ("color", &config.color, &COLOR[..]),
        ] {
            if let Some(v) = value
                && !allowed.contains(&v.as_str())
            {
                let at = text
                    .lines()
                    .position(|l| l.trim_start().starts_with(key))
                    .map_or(1, |i| i + 1);
                return Err(format!(
                    "{at}:1: {key} = {} is not one of {}",
                    crate::atlas::text::shown(v),
                    allowed.join(", ")
                ));
            }
        }
        Ok(config)
    }
}

fn line_col(text: &str, byte: usize) -> (usize, usize) {
    let before = text.get(..byte).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// `text` with `key = "value"` set: the line that sets it replaced, else one added;
/// every other line kept.
pub fn with_key(text: &str, key: &str, value: &str) -> String {
    let line = format!("{key} = \"{value}\"");
    let mut out = Vec::new();
    let mut done = false;
    let mut in_table = false;
    for l in text.lines() {
        let t = l.trim_start();
        in_table |= t.starts_with('[');
        let sets = !in_table
            && t.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='));
        if sets && !done {
            out.push(line.clone());
            done = true;
        } else if !sets {
            out.push(l.to_string());
        }
    }
    if !done {
        // Top-level keys go before the first table.
        let at = out
            .iter()
            .position(|l| l.trim_start().starts_with('['))
            .unwrap_or(out.len());
        out.insert(at, line);
    }
    let mut s = out.join("\n");
    s.push('\n');
    s
}

/// Sets one key in the file at `path` (created with its folder when missing), written
/// atomically; the result is checked before it is written.
pub fn save_key(path: &Path, key: &str, value: &str) -> anyhow::Result<()> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => anyhow::bail!("{}: {}", path.display(), crate::fsutil::io_words(&e)),
    };
    let new = with_key(&text, key, value);
    Config::parse(&new).map_err(|e| anyhow::anyhow!("{}:{e}", path.display()))?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| anyhow::anyhow!("{}: {}", dir.display(), crate::fsutil::io_words(&e)))?;
    }
    crate::fsutil::write_atomic(path, new.as_bytes(), true)
        .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), crate::fsutil::io_words(&e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_values_and_errors() {
        let c = Config::parse("glyphs = \"quadrant\"\ndb = \"/x/c.sqlite3\"\n").unwrap();
        assert_eq!(c.glyphs.as_deref(), Some("quadrant"));
        assert_eq!(c.db, Some(PathBuf::from("/x/c.sqlite3")));
        let e = Config::parse("\nglyph = \"quadrant\"\n").unwrap_err();
        assert!(e.starts_with("2:1:") && e.contains("glyph"), "{e}");
        let e = Config::parse("glyphs = \"squares\"\n").unwrap_err();
        assert!(e.starts_with("1:1:") && e.contains("squares"), "{e}");
        let e = Config::parse("glyphs = \n").unwrap_err();
        assert!(e.starts_with("1:"), "{e}");
    }

    #[test]
    fn one_key_is_set_and_the_rest_kept() {
        let text = "# mine\ncolor = \"never\"\nglyphs = \"octant\"\n";
        assert_eq!(
            with_key(text, "glyphs", "quadrant"),
            "# mine\ncolor = \"never\"\nglyphs = \"quadrant\"\n"
        );
        assert_eq!(with_key("", "graphics", "off"), "graphics = \"off\"\n");
        assert_eq!(
            with_key("glyphsx = 1\n", "glyphs", "half"),
            "glyphsx = 1\nglyphs = \"half\"\n"
        );
    }

    #[test]
    fn the_place_follows_xdg() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| (*v).to_string())
            }
        };
        assert_eq!(
            path(&env(&[("XDG_CONFIG_HOME", "/c"), ("HOME", "/h")])),
            Some(PathBuf::from("/c/painmap/config.toml"))
        );
        assert_eq!(
            path(&env(&[("XDG_CONFIG_HOME", "rel"), ("HOME", "/h")])),
            Some(PathBuf::from("/h/.config/painmap/config.toml"))
        );
        assert_eq!(path(&env(&[])), None);
    }
}
