//! The manual: each command's examples (shown by `--help` and in its manual page) and
//! the manual pages' own sections (files, environment, exit status, the explorer's keys).
//! One table feeds both, so `--help` and `painmap man` never disagree.

use super::args::{Cli, ManArgs};
use super::{FOUND, out};
use clap::{CommandFactory as _, FromArgMatches as _};
use std::fmt::Write as _;
use std::path::Path;

/// Each command's examples: the command line, then what it does.
const EXAMPLES: &[(&str, &[(&str, &str)])] = &[
    (
        "",
        &[
            ("painmap", "open the explorer on the shipped atlas"),
            (
                "painmap --client MK-58",
                "the explorer, saving visits for client MK-58",
            ),
            (
                "painmap rank \"left temple\" jaw --age 58",
                "rank from the command line",
            ),
        ],
    ),
    (
        "rank",
        &[
            (
                "painmap rank \"left temple\" \"left side of neck\" --top 3",
                "the three likeliest muscles",
            ),
            (
                "painmap rank \"pain behind my left knee, burning\"",
                "a phrase, read as painmap parse reads it",
            ),
            ("painmap rank calf heel --json", "the same as JSON"),
        ],
    ),
    (
        "guide",
        &[(
            "painmap guide \"front of shoulder\"",
            "the pain guides' order of causes",
        )],
    ),
    (
        "search",
        &[(
            "painmap search scm",
            "fuzzy search: muscles, regions, symptoms",
        )],
    ),
    (
        "parse",
        &[(
            "painmap parse \"sore bum cheek on the left\" --json",
            "what painmap reads in a phrase",
        )],
    ),
    (
        "regions",
        &[("painmap regions --json", "every region id, name and alias")],
    ),
    (
        "muscles",
        &[("painmap muscles", "every muscle and its trigger points")],
    ),
    (
        "show",
        &[
            ("painmap show gluteus-minimus", "a muscle's points, drawn"),
            (
                "painmap show infraspinatus --format svg > infra.svg",
                "as an SVG picture",
            ),
        ],
    ),
    (
        "compare",
        &[(
            "painmap compare infraspinatus supraspinatus",
            "two patterns, region by region",
        )],
    ),
    (
        "validate",
        &[("painmap validate my-atlas.ron", "check an atlas file")],
    ),
    (
        "glossary",
        &[("painmap glossary", "the words painmap uses, explained")],
    ),
    (
        "handout",
        &[(
            "painmap handout masseter --out masseter.pdf",
            "a self-care sheet to hand to the client",
        )],
    ),
    (
        "visit",
        &[(
            "painmap visit MK-58 \"left temple\" jaw --age 58 --intensity \"left temple=6\"",
            "save a visit",
        )],
    ),
    (
        "history",
        &[
            ("painmap history MK-58", "a client's visits and trends"),
            ("painmap history MK-58 --json", "the same as JSON"),
            (
                "painmap history MK-58 --pdf note.pdf",
                "the latest visit's intake note, to print",
            ),
        ],
    ),
    (
        "clients",
        &[(
            "painmap clients",
            "every client, visit count and last visit",
        )],
    ),
    (
        "forget",
        &[(
            "painmap forget MK-58 --yes",
            "remove a client and every visit for good",
        )],
    ),
    (
        "study",
        &[
            (
                "painmap study --group shoulder",
                "study the shoulder's patterns",
            ),
            (
                "painmap study --stats",
                "what is due and how well it is known",
            ),
        ],
    ),
    (
        "completions",
        &[(
            "painmap completions zsh > ~/.zfunc/_painmap",
            "zsh completions",
        )],
    ),
    (
        "terminal",
        &[
            (
                "painmap terminal",
                "what was detected and why, and a sample of each picture tier",
            ),
            (
                "painmap terminal --pick quadrant",
                "save the tier that draws right in the config file",
            ),
            ("painmap terminal --json", "the same for a script"),
        ],
    ),
    (
        "man",
        &[
            ("painmap man | man -l -", "read this manual"),
            (
                "painmap man --out-dir ~/.local/share/man/man1",
                "install every page",
            ),
        ],
    ),
];

const FILES: &str = "$XDG_DATA_HOME/painmap/clients.sqlite3 (else ~/.local/share/painmap/clients.sqlite3): \
the client records, owner-only. $XDG_DATA_HOME/painmap/progress.json: study progress. \
$XDG_CACHE_HOME/painmap/ (else ~/.cache/painmap/): a user atlas parsed once and kept; safe to delete. \
$XDG_CONFIG_HOME/painmap/config.toml (else ~/.config/painmap/config.toml): defaults for glyphs, graphics, \
color, db and atlas; a flag wins over it.";

const ENVIRONMENT: &str = "NO_COLOR (set and not empty): no colour. TERM=dumb: no colour, and no explorer. \
TERM, COLORTERM: how many colours. TMUX: inside tmux. TERM_PROGRAM, TERM_PROGRAM_VERSION, KITTY_WINDOW_ID, \
KONSOLE_VERSION and the like: who the terminal is, when it does not say itself (painmap terminal). \
XDG_DATA_HOME, XDG_CACHE_HOME, XDG_CONFIG_HOME, HOME: where files are kept. \
LANG, LC_ALL, LC_CTYPE: a non-UTF-8 locale draws in ASCII.";

const EXIT_STATUS: &str = "0: results. 1: nothing found. 2: an error (a bad region, atlas, record or \
argument), said in one line on stderr. A closed pipe is not an error.";

/// The examples of a command (`""` for painmap itself), as `--help` shows them.
fn examples_text(name: &str) -> Option<String> {
    let (_, rows) = EXAMPLES.iter().find(|(n, _)| *n == name)?;
    let mut text = String::from("Examples:\n");
    for (line, what) in *rows {
        let _ = writeln!(text, "  {line}\n      {what}");
    }
    Some(text)
}

/// The command-line grammar with each command's examples after its help.
pub fn command() -> clap::Command {
    let mut cmd = Cli::command();
    if let Some(text) = examples_text("") {
        cmd = cmd.after_help(text);
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        if let Some(text) = examples_text(&name) {
            cmd = cmd.mut_subcommand(&name, |c| c.after_help(text));
        }
    }
    cmd
}

/// The arguments, parsed with the grammar of [`command`].
pub fn parse() -> Result<Cli, clap::Error> {
    let matches = command().try_get_matches()?;
    Cli::from_arg_matches(&matches)
}

/// Prints a manual page, or writes them all into a folder. `keys` is the explorer's key
/// table (keys, what they do), handed in by the caller so this face does not import the
/// other.
pub fn man(args: &ManArgs, keys: &[(String, String)]) -> anyhow::Result<u8> {
    let root = command();
    if let Some(dir) = &args.out_dir {
        return write_all(&root, dir, keys);
    }
    let page = match &args.command {
        None => page(&root, None, keys)?,
        Some(name) => {
            let Some(sub) = root.find_subcommand(name) else {
                anyhow::bail!(
                    "no command '{}': `painmap --help` lists them",
                    crate::atlas::text::shown(name)
                );
            };
            page(sub, Some(name), keys)?
        }
    };
    out::print(&page)?;
    Ok(FOUND)
}

/// Writes painmap.1 and painmap-COMMAND.1 for every command into `dir`.
fn write_all(root: &clap::Command, dir: &Path, keys: &[(String, String)]) -> anyhow::Result<u8> {
    let mut pages = vec![("painmap.1".to_string(), page(root, None, keys)?)];
    for sub in root.get_subcommands() {
        let name = sub.get_name();
        pages.push((format!("painmap-{name}.1"), page(sub, Some(name), keys)?));
    }
    for (file, text) in &pages {
        let path = dir.join(file);
        std::fs::write(&path, text).map_err(|e| {
            anyhow::anyhow!(
                "{}: {e}",
                crate::atlas::text::shown(&path.display().to_string())
            )
        })?;
    }
    out::print(&format!(
        "wrote {} pages in {}\n",
        pages.len(),
        dir.display()
    ))?;
    Ok(FOUND)
}

/// One page: clap's sections, then the examples, and on painmap(1) the files, the
/// environment, the exit status and the explorer's keys.
fn page(
    cmd: &clap::Command,
    name: Option<&str>,
    keys: &[(String, String)],
) -> anyhow::Result<String> {
    let title = name.map_or_else(|| "painmap".to_string(), |n| format!("painmap-{n}"));
    let cmd = cmd.clone().name(title.clone()).after_help(None::<&str>);
    let mut buf = Vec::new();
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(&mut buf)?;
    man.render_name_section(&mut buf)?;
    man.render_synopsis_section(&mut buf)?;
    man.render_description_section(&mut buf)?;
    man.render_options_section(&mut buf)?;
    let mut roff = String::from_utf8_lossy(&buf).into_owned();
    if name.is_none() {
        roff.push_str(".SH COMMANDS\n");
        for sub in cmd.get_subcommands() {
            let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
            let _ = write!(
                roff,
                ".TP\n\\fBpainmap {}\\fR\n{}.\nSee \\fBpainmap-{}\\fR(1), printed by \\fBpainmap man {}\\fR.\n",
                sub.get_name(),
                escape(&about),
                sub.get_name(),
                sub.get_name()
            );
        }
    }
    if let Some((_, rows)) = EXAMPLES.iter().find(|(n, _)| *n == name.unwrap_or("")) {
        roff.push_str(".SH EXAMPLES\n");
        for (line, what) in *rows {
            let _ = write!(roff, ".TP\n\\fB{}\\fR\n{}\n", escape(line), escape(what));
        }
    }
    if name.is_none() {
        let _ = write!(roff, ".SH KEYS\nIn the explorer:\n");
        for (k, what) in keys {
            let _ = write!(roff, ".TP\n\\fB{}\\fR\n{}\n", escape(k), escape(what));
        }
    }
    for (head, text) in [
        ("FILES", FILES),
        ("ENVIRONMENT", ENVIRONMENT),
        ("EXIT STATUS", EXIT_STATUS),
    ] {
        let _ = write!(roff, ".SH {head}\n{}\n", escape(text));
    }
    Ok(roff)
}

/// Text made safe for roff: backslashes doubled, and a line never starts with a dot or
/// an apostrophe (which roff would read as a request).
fn escape(text: &str) -> String {
    let text = text.replace('\\', "\\\\").replace('-', "\\-");
    text.lines()
        .map(|l| {
            if l.starts_with('.') || l.starts_with('\'') {
                format!("\\&{l}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_examples_and_every_example_names_a_command() {
        let root = Cli::command();
        for sub in root.get_subcommands() {
            assert!(
                EXAMPLES.iter().any(|(n, _)| *n == sub.get_name()),
                "{} has no examples",
                sub.get_name()
            );
        }
        for (name, rows) in EXAMPLES {
            assert!(
                name.is_empty() || root.find_subcommand(name).is_some(),
                "{name}"
            );
            for (line, _) in *rows {
                assert!(line.starts_with("painmap"), "{line}");
            }
        }
    }

    #[test]
    fn a_page_has_the_sections_a_manual_needs() {
        let keys = vec![("/".to_string(), "search".to_string())];
        let main = page(&command(), None, &keys).unwrap();
        for head in [
            ".SH EXAMPLES",
            ".SH FILES",
            ".SH ENVIRONMENT",
            ".SH EXIT STATUS",
            ".SH KEYS",
            ".SH COMMANDS",
        ] {
            assert!(main.contains(head), "{head}");
        }
        let root = command();
        let rank = page(root.find_subcommand("rank").unwrap(), Some("rank"), &keys).unwrap();
        assert!(rank.contains("painmap\\-rank") && rank.contains(".SH EXAMPLES"));
        assert!(!rank.contains(".SH KEYS"));
    }

    #[test]
    fn roff_requests_in_text_are_neutralised() {
        assert_eq!(escape(".SH x\n'y\\z"), "\\&.SH x\n\\&'y\\\\z");
    }
}
