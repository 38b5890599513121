//! A practice's day on a plain terminal: the history in a locale that is not UTF-8 is
//! ASCII only (no middle dots, no sparkline bars), and the same in UTF-8 keeps them; a
//! visit dated in the future is refused; `history` of a name in other capitals hints at
//! the saved one.

use crate::util::{code, painmap, scratch, stderr, stdout};

#[test]
fn history_in_the_c_locale_is_ascii_only() {
    let dir = scratch("practice-ascii");
    let db = dir.path().join("clients.sqlite3");
    for (date, n) in [("2026-11-03", "7"), ("2026-11-10", "4")] {
        let out = painmap()
            .arg("--db")
            .arg(&db)
            .args(["visit", "SK-01", "right heel", "right calf", "--intensity"])
            .arg(format!("right heel={n}"))
            .args(["--date", date])
            .output()
            .unwrap();
        assert_eq!(code(&out), 0, "{}", stderr(&out));
    }
    let history = |lang: &str, format: &str| {
        let out = painmap()
            .env("LANG", lang)
            .arg("--db")
            .arg(&db)
            .args(["history", "SK-01", "--format", format])
            .output()
            .unwrap();
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        stdout(&out)
    };
    for format in ["text", "markdown"] {
        let text = history("C", format);
        assert!(text.is_ascii(), "{format} in LANG=C: {text}");
        assert!(text.contains("right heel"), "{text}");
    }
    let text = history("C", "text");
    // The sparkline in ASCII bars, the unmarked visit a dash.
    assert!(text.contains("right heel  *=  7 4"), "{text}");
    assert!(text.contains("right calf  --  - -"), "{text}");
    let utf8 = history("C.UTF-8", "text");
    assert!(utf8.contains('·') && utf8.contains('▆'), "{utf8}");
}

#[test]
fn a_visit_dated_in_the_future_is_refused_and_nothing_saved() {
    let dir = scratch("practice-future");
    let db = dir.path().join("clients.sqlite3");
    let out = painmap()
        .arg("--db")
        .arg(&db)
        .args(["visit", "SK-01", "right heel", "--date", "2062-11-03"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("in the future"), "{}", stderr(&out));
    // Nothing was saved (the file was never made).
    let out = painmap()
        .arg("--db")
        .arg(&db)
        .args(["history", "SK-01"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 1, "{}", stdout(&out));
}

#[test]
fn history_of_a_name_in_other_capitals_hints_at_the_saved_one() {
    let dir = scratch("practice-case");
    let db = dir.path().join("clients.sqlite3");
    let out = painmap()
        .arg("--db")
        .arg(&db)
        .args(["visit", "MK-58", "left temple"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = painmap()
        .arg("--db")
        .arg(&db)
        .args(["history", "mk-58"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("did you mean 'MK-58'?"),
        "{}",
        stderr(&out)
    );
    // A name unlike any other names none.
    let out = painmap()
        .arg("--db")
        .arg(&db)
        .args(["history", "zz"])
        .output()
        .unwrap();
    assert!(!stderr(&out).contains("MK-58"), "{}", stderr(&out));
}

#[test]
fn a_quality_in_the_readers_words_is_kept_as_its_quality() {
    let dir = scratch("practice-quality");
    let db = dir.path().join("clients.sqlite3");
    let visit = |quality: &str| {
        painmap()
            .arg("--db")
            .arg(&db)
            .args([
                "visit",
                "SK-01",
                "right heel",
                "--date",
                "2026-11-03",
                "--quality",
            ])
            .arg(format!("right heel={quality}"))
            .output()
            .unwrap()
    };
    let out = visit("stabbing");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = painmap()
        .arg("--db")
        .arg(&db)
        .args(["history", "SK-01", "--json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["visits"][0]["regions"][0]["quality"], "sharp");
    // A word for no quality is still refused, with the list.
    let out = visit("wobbly");
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("one of aching"), "{}", stderr(&out));
}
