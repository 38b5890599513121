//! `painmap terminal` and the config file: what is reported, which choice wins (a flag
//! over the file, the file over detection), a broken file refused in one line, and the
//! cost of a terminal that never answers the query.

use crate::util::{code, json, painmap, scratch, stderr};
use std::process::Command;

/// A config folder of its own holding `text` as `painmap/config.toml`.
fn config(name: &str, text: &str) -> tempfile::TempDir {
    let dir = scratch(&format!("config-{name}"));
    std::fs::create_dir_all(dir.path().join("painmap")).unwrap();
    std::fs::write(dir.path().join("painmap/config.toml"), text).unwrap();
    dir
}

#[test]
fn terminal_json_reports_the_terminal_and_the_choices() {
    let out = painmap().args(["terminal", "--json"]).output().unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let j = json(&out);
    for key in [
        "terminal", "version", "graphics", "glyphs", "cell", "locale", "tmux",
    ] {
        assert!(j.get(key).is_some(), "{key} in {j}");
    }
    assert_eq!(j["graphics"], "text", "stdin is not a terminal: not asked");
    assert_eq!(j["asked"], false);
    assert_eq!(
        j["glyphs"], "quadrant",
        "an unknown terminal gets quadrants"
    );
}

#[test]
fn the_config_file_is_obeyed_and_a_flag_overrides_it() {
    let dir = config("glyphs", "# mine\nglyphs = \"half\"\n");
    let run = |extra: &[&str]| {
        let out = painmap()
            .env("XDG_CONFIG_HOME", dir.path())
            .args(["terminal", "--json"])
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        json(&out)["glyphs"].as_str().unwrap().to_string()
    };
    assert_eq!(run(&[]), "half");
    assert_eq!(run(&["--glyphs", "sextant"]), "sextant");
    // And `show` draws in it: half blocks, no quadrant.
    let out = painmap()
        .env("XDG_CONFIG_HOME", dir.path())
        .args(["show", "infraspinatus", "--tp", "infraspinatus-main"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains('▀') || text.contains('▄'), "{text}");
    assert!(!text.contains('▚') && !text.contains('▞'), "no quadrants");
}

#[test]
fn pick_saves_the_tier_and_keeps_the_rest() {
    let dir = config("pick", "# mine\ncolor = \"never\"\n");
    let out = painmap()
        .env("XDG_CONFIG_HOME", dir.path())
        .args(["terminal", "--pick", "quadrant"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = std::fs::read_to_string(dir.path().join("painmap/config.toml")).unwrap();
    assert_eq!(text, "# mine\ncolor = \"never\"\nglyphs = \"quadrant\"\n");
    let out = painmap()
        .env("XDG_CONFIG_HOME", dir.path())
        .args(["terminal", "--pick", "squares"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
}

#[test]
fn a_broken_config_file_is_one_line_with_its_place() {
    let dir = config(
        "broken",
        "glyphs = \"quadrant\"\ngraphics = \"holograms\"\n",
    );
    let out = painmap()
        .env("XDG_CONFIG_HOME", dir.path())
        .args(["regions"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("config.toml:2:1:") && err.contains("holograms"),
        "{err}"
    );
    let dir = config("unknown", "\n\nglyph = \"quadrant\"\n");
    let out = painmap()
        .env("XDG_CONFIG_HOME", dir.path())
        .arg("regions")
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("config.toml:3:1:"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_terminal_that_never_answers_costs_at_most_50_ms() {
    // `script` gives painmap a terminal that nobody answers on.
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipping: script (util-linux) is not installed");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_painmap");
    let out = Command::new("script")
        .args(["-qec", &format!("{bin} terminal --json"), "/dev/null"])
        .env("LANG", "C.UTF-8")
        .env("TERM", "xterm-256color")
        .env_remove("TMUX")
        .env(
            "XDG_CONFIG_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/painmap-test-config"),
        )
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).replace('\r', "");
    let start = text.find("{\n").expect("JSON after the query");
    let j: serde_json::Value = serde_json::from_str(&text[start..]).unwrap();
    assert_eq!(j["asked"], true, "{j}");
    assert_eq!(j["answers"]["complete"], false);
    let ms = j["answered_ms"].as_u64().unwrap();
    // The wait is 50 ms; the rest is room for a busy machine (it was 400 ms).
    assert!((50..=150).contains(&ms), "waited {ms} ms");
    assert_eq!(j["graphics"], "text");
}
