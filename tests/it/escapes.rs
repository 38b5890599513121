//! Hostile text at every exit: an atlas whose every name, alias, note, symptom, guide,
//! flag and glossary text carries escape sequences (set the window title, write the
//! clipboard, clear the screen, a C1 CSI, DEL, a carriage return) and Markdown, CSV and
//! XML syntax; notes, symptoms and client names typed with them; and a client database
//! another program filled with them. Every command in every format must print none of
//! those control characters: on stdout, stderr, in written notes and on the explorer's
//! screen, they come out escaped (`\u{1b}`) or are refused.

use crate::util::{code, painmap, scratch, stderr, stdout};
use std::path::{Path, PathBuf};
use std::process::Output;

/// Escape sequences and the other targets' syntax, in one piece of text.
const EVIL: &str = "\u{1b}]0;TITLE\u{7}\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}[2J\u{9b}1m\u{7f}\r|<&>*";

/// The mini atlas with [`EVIL`] in front of every text that is not an id or a reference
/// (ids must stay kebab-case), and a pain guide whose source is evil too.
fn hostile_atlas(dir: &Path) -> PathBuf {
    let mut text = std::fs::read_to_string(crate::util::fixture("mini.ron")).unwrap();
    for key in [
        "name",
        "group",
        "source",
        "note",
        "location_note",
        "title",
        "message",
        "term",
        "definition",
    ] {
        text = text.replace(&format!(" {key}: \""), &format!(" {key}: \"{EVIL}"));
    }
    for list in ["aliases", "symptoms"] {
        text = text.replace(&format!("{list}: [\""), &format!("{list}: [\"{EVIL}"));
    }
    let guide = format!(
        "    guides: [Guide(region: \"temple\", source: \"{EVIL}\", entries: [\
         GuideEntry(muscle: \"gamma\", zone: essential), \
         GuideEntry(muscle: \"beta\", zone: spillover)])],\n)"
    );
    let end = text.rfind(')').unwrap();
    text.replace_range(end.., &guide);
    assert!(text.matches(EVIL).count() > 40, "every text made hostile");
    let path = dir.join("hostile.ron");
    std::fs::write(&path, text).unwrap();
    let out = painmap()
        .args(["validate", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        code(&out),
        0,
        "the hostile atlas is valid: {}",
        stderr(&out)
    );
    path
}

/// The control characters in `text` other than line breaks.
fn controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| c.is_control() && *c != '\n')
        .collect()
}

/// Asserts neither stream holds a control character; returns stdout.
fn clean(what: &str, out: &Output) -> String {
    let (o, e) = (stdout(out), stderr(out));
    assert!(
        controls(&o).is_empty(),
        "{what}: stdout has {:?}: {o}",
        controls(&o)
    );
    assert!(
        controls(&e).is_empty(),
        "{what}: stderr has {:?}: {e}",
        controls(&e)
    );
    o
}

fn run(env: &[(&str, &Path)], args: &[&str]) -> Output {
    let mut cmd = painmap();
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.args(args).output().unwrap()
}

/// Each table row of a Markdown note has as many unescaped `|` as its header: a name
/// holding `|` did not add a column.
fn tables_keep_their_columns(what: &str, md: &str) {
    let mut columns = None;
    for line in md.lines() {
        if !line.starts_with('|') {
            columns = None;
            continue;
        }
        let bars = line
            .match_indices('|')
            .filter(|(i, _)| !line[..*i].ends_with('\\'))
            .count();
        match columns {
            None => columns = Some(bars),
            Some(n) => assert_eq!(bars, n, "{what}: {line}"),
        }
    }
}

/// Runs painmap with the data folder of `dir`, checks neither stream holds a control
/// character and that nothing panicked; returns stdout.
fn walk(dir: &Path, args: &[&str]) -> String {
    let data = dir.join("data");
    let out = run(&[("XDG_DATA_HOME", data.as_path())], args);
    assert!(
        code(&out) <= 2 && !stderr(&out).contains("panicked"),
        "{args:?}: {}",
        stderr(&out)
    );
    clean(&format!("{args:?}"), &out)
}

#[test]
fn no_atlas_command_or_format_prints_a_control_character_from_data() {
    let tmp = scratch("walk-atlas");
    let dir = tmp.path();
    let atlas = hostile_atlas(dir);
    let a = atlas.to_str().unwrap();
    for args in [
        vec!["rank", "temple"],
        vec!["rank", "temple", "--json"],
        vec!["rank", "temple", "--by", "point"],
        vec!["rank", "chest, jaw", "--symptom", "fever", "--age", "60"],
        vec!["guide", "temple"],
        vec!["guide", "temple", "--json"],
        vec!["search", "temp"],
        vec!["search", "temp", "--json"],
        vec!["parse", "tempel pain and dizziness, not the jaw"],
        vec!["parse", "tempel pain and dizziness", "--json"],
        vec!["regions"],
        vec!["regions", "--json"],
        vec!["muscles"],
        vec!["muscles", "--json"],
        vec!["show", "alpha"],
        vec!["show", "alpha", "--ascii"],
        vec!["show", "alpha", "--json"],
        vec!["compare", "alpha", "beta"],
        vec!["compare", "alpha", "beta", "--json"],
        vec!["glossary"],
        vec!["glossary", "--json"],
        vec!["study", "--stats"],
        vec!["study", "--stats", "--json"],
    ] {
        let mut all = vec!["--atlas", a];
        all.extend(&args);
        let text = walk(dir, &all);
        // Outputs that carry atlas text show it, escaped (the JSON of a ranking or a
        // reading names ids; study counts cards).
        let ids_only =
            args[0] == "study" || (matches!(args[0], "rank" | "parse") && args.contains(&"--json"));
        let shown = text.contains("\\u{1b}") || text.contains("\\u001b");
        assert!(shown || ids_only, "{args:?} shows the escape: {text}");
    }
    for args in [
        vec!["rank", "temple", "--format", "markdown"],
        vec![
            "rank",
            "chest, jaw",
            "--by",
            "point",
            "--format",
            "markdown",
            "--symptom",
            "fever",
        ],
    ] {
        let mut all = vec!["--atlas", a];
        all.extend(&args);
        let md = walk(dir, &all);
        tables_keep_their_columns(&format!("{args:?}"), &md);
        assert!(md.contains("\\|"), "{md}");
    }
    // SVG: no control character, and every `<` and `&` of the data is an entity (the
    // document is well-formed).
    for args in [
        vec!["show", "alpha", "--format", "svg"],
        vec!["compare", "alpha", "beta", "--format", "svg"],
    ] {
        let mut all = vec!["--atlas", a];
        all.extend(&args);
        let svg = walk(dir, &all);
        assert!(!svg.contains("|<&>"), "{args:?}: raw markup from data");
        assert!(svg.contains("|&lt;&amp;&gt;"), "{args:?}: {svg}");
    }
    walk(dir, &["validate", a]);
}

#[test]
fn no_records_command_or_format_prints_a_control_character_from_data() {
    let tmp = scratch("walk-records");
    let dir = tmp.path();
    let atlas = hostile_atlas(dir);
    let a = atlas.to_str().unwrap();
    let db = dir.join("clients.sqlite3");
    let d = db.to_str().unwrap();
    // Typed text with escapes: refused on the way in, and the refusal is clean.
    for args in [
        vec!["visit", EVIL, "temple"],
        vec!["visit", "Sam", "temple", "--note", EVIL],
        vec!["visit", "Sam", "temple", "--symptom", EVIL],
        vec!["visit", "Sam", EVIL],
        vec!["rank", EVIL],
        vec!["history", EVIL],
        vec!["forget", EVIL, "--yes"],
    ] {
        let mut all = vec!["--atlas", a, "--db", d];
        all.extend(&args);
        let out = run(&[], &all);
        assert_ne!(code(&out), 0, "{args:?} refused");
        clean(&format!("{args:?}"), &out);
    }
    // Visits saved over the hostile atlas, then a database another program filled with
    // escapes in every text column.
    for date in ["2026-01-05", "2026-02-05"] {
        walk(
            dir,
            &[
                "--atlas",
                a,
                "--db",
                d,
                "visit",
                "Sam",
                "temple",
                "jaw",
                "--symptom",
                "fever",
                "--note",
                "a | b *c*",
                "--intensity",
                "temple=6",
                "--date",
                date,
            ],
        );
    }
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(&format!(
        "INSERT INTO client (name, created_at) VALUES ('x{EVIL}', 'x{EVIL}');
         UPDATE visit SET note = 'n{EVIL}', atlas_version = 'v{EVIL}', atlas_hash = 'h{EVIL}',
           saved_at = 's{EVIL}' WHERE id = 1;
         UPDATE visit SET client_id = (SELECT id FROM client WHERE name = 'x{EVIL}') WHERE id = 2;
         UPDATE visit_symptom SET word = 'w{EVIL}';
         UPDATE visit_region SET region = 'r{EVIL}' WHERE position = 0;
         UPDATE visit_candidate SET muscle = 'm{EVIL}', trigger_point = 't{EVIL}';"
    ))
    .unwrap();
    drop(conn);
    let hostile_name = format!("x{EVIL}");
    let mut walked = 0;
    for atlas_args in [vec![], vec!["--atlas", a]] {
        for client in ["Sam", hostile_name.as_str()] {
            for format in ["text", "json", "markdown", "csv"] {
                let mut all = atlas_args.clone();
                all.extend(["--db", d, "history", client, "--format", format]);
                let text = walk(dir, &all);
                assert!(
                    text.contains("\\u{1b}") || text.contains("\\u001b"),
                    "{all:?}: {text}"
                );
                if format == "markdown" {
                    tables_keep_their_columns(&format!("{all:?}"), &text);
                }
                walked += 1;
            }
        }
        for args in [vec!["clients"], vec!["clients", "--json"]] {
            let mut all = atlas_args.clone();
            all.extend(["--db", d]);
            all.extend(&args);
            let text = walk(dir, &all);
            assert!(
                text.contains("\\u{1b}") || text.contains("\\u001b"),
                "{all:?}: {text}"
            );
            walked += 1;
        }
    }
    assert_eq!(walked, 20);
    assert!(walk(dir, &["--db", d, "forget", "Sam", "--yes"]).contains("forgotten"));
}

/// The explorer's note (what its export writes, as Markdown and as a JSON record) and
/// its screen, over the hostile atlas.
#[test]
fn the_explorer_writes_and_draws_no_control_character_from_data() {
    use painmap::atlas::Atlas;
    use painmap::intake::Intake;
    use painmap::tui::Screen;
    use painmap::tui::app::App;
    use painmap::tui::theme::Theme;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    let tmp = scratch("explorer");
    let dir = tmp.path();
    let atlas = Atlas::from_path(&hostile_atlas(dir)).unwrap();
    let mut selection = painmap::rank::Selection::default();
    for r in ["left temple", "jaw", "chest"] {
        selection.add(atlas.resolve_region(r).unwrap());
    }
    selection.symptoms.push("fever".into());
    let intake = Intake::of(selection);
    let report = painmap::report::Report::build(&atlas, &intake, 10, painmap::report::By::Muscle);
    let md = report.to_markdown(&atlas, "2026-01-05 10:00 UTC");
    assert!(controls(&md).is_empty(), "{md}");
    tables_keep_their_columns("note", &md);
    let record = painmap::record::Record::new(&intake, report, "2026-01-05 10:00 UTC");
    let json = painmap::escape::json(&record).unwrap();
    assert!(controls(&json).is_empty(), "{json}");

    let app = App::with_intake(&atlas, intake);
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    term.draw(|f| {
        app.draw(f, &Theme::mono());
    })
    .unwrap();
    let screen: String = term
        .backend()
        .buffer()
        .content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    assert!(controls(&screen).is_empty(), "{:?}", controls(&screen));
}
