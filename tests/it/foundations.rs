//! Defects a new user met, each fixed at its root: usage errors for impossible counts,
//! "no match" said in words, records told apart from notes, and the shell conventions.

use crate::util::{code, run, scratch, stderr, stdout};

#[test]
fn top_zero_is_a_usage_error() {
    for args in [
        &["rank", "temple", "--top", "0"][..],
        &["search", "st", "--top", "0"],
    ] {
        let out = run(args);
        assert_eq!(code(&out), 2, "{args:?}");
        assert!(stdout(&out).is_empty(), "{args:?}: nothing ranked");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("'0'") && err.contains("--top"), "{err}");
    }
}

#[test]
fn nothing_found_is_said_in_words() {
    let out = run(&["search", "zzzz"]);
    assert_eq!(code(&out), 1);
    assert_eq!(
        stderr(&out).trim(),
        "painmap: no match for 'zzzz' (try fewer letters, or `painmap regions` / `painmap muscles`)"
    );
    let out = run(&["glossary", "zzz"]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("no glossary term matches 'zzz'"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_note_given_to_open_is_refused_in_words() {
    let tmp = scratch("open-md");
    let dir = tmp.path();
    let note = dir.join("x.md");
    std::fs::write(&note, "# painmap intake note\n").unwrap();
    let out = run(&["--open", note.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("x.md: not an intake record (it is a Markdown note)"),
        "{err}"
    );
    assert!(!err.contains("expected value"), "{err}");
}

#[test]
fn completions_and_the_manual_page_come_from_the_grammar() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = run(&["completions", shell]);
        assert_eq!(code(&out), 0, "{shell}");
        let text = stdout(&out);
        assert!(text.contains("painmap"), "{shell}");
        assert!(text.contains("rank") && text.contains("symptom"), "{shell}");
    }
    let out = run(&["completions", "tcsh"]);
    assert_eq!(code(&out), 2);
    let out = run(&["man"]);
    assert_eq!(code(&out), 0);
    let page = stdout(&out);
    assert!(
        page.starts_with(".ie") || page.contains(".TH painmap"),
        "roff"
    );
    assert!(page.contains("rank") && page.contains("study"));
}

#[test]
fn a_long_argument_is_not_echoed_whole() {
    let long = format!("\u{1b}]0;title\u{7}{}", "x".repeat(100_000));
    let out = run(&["rank", "temple", "--top", &long]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.len() < 400, "{} bytes echoed", err.len());
    assert!(
        !err.contains('\u{1b}'),
        "no escape reaches the terminal: {err:?}"
    );
}
