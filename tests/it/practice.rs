//! A practice's day on a plain terminal: the history in a locale that is not UTF-8 is
//! ASCII only (no middle dots, no sparkline bars), and the same in UTF-8 keeps them.

use crate::util::{code, painmap, stderr, stdout};
use std::fs;

#[test]
fn history_in_the_c_locale_is_ascii_only() {
    let dir = std::env::temp_dir().join(format!("painmap-it-practice-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let db = dir.join("clients.sqlite3");
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
    let _ = fs::remove_dir_all(&dir);
}
