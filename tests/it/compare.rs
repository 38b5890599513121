//! `painmap compare`: two patterns on one body, what only each covers and what both do,
//! in text (snapshots at 80 and 120 columns, ASCII), SVG and JSON.

use crate::picture::elements;
use crate::util::{code, json, run, stderr, stdout};

#[test]
fn infraspinatus_and_supraspinatus_are_drawn_and_listed() {
    let out = run(&["compare", "infraspinatus", "supraspinatus", "--width", "80"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    for words in [
        "Comparing 1 Infraspinatus with 2 Supraspinatus, on the patient's right side",
        "Where to press: shoulder blade",
        "Symptoms: deep shoulder pain",
        "Only 1, Infraspinatus:",
        "   essential: between the shoulder blades",
        "Only 2, Supraspinatus:",
        "   essential: outer elbow",
        "Both:",
        "   outer shoulder: 1 spillover, 2 essential",
        "X1",
        "X2",
        "1 essential",
        "2 spillover",
        "both",
    ] {
        assert!(text.contains(words), "{words}\n{text}");
    }
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
    insta::assert_snapshot!("infraspinatus_supraspinatus_80", text);
    let wide = stdout(&run(&[
        "compare",
        "infraspinatus",
        "supraspinatus",
        "--width",
        "120",
    ]));
    assert!(wide.lines().all(|l| l.chars().count() <= 120));
    insta::assert_snapshot!("infraspinatus_supraspinatus_120", wide);
}

#[test]
fn ascii_tells_the_two_apart_without_colour() {
    let out = run(&[
        "compare",
        "scalenes",
        "adductor-pollicis",
        "--glyphs",
        "ascii",
        "--width",
        "80",
    ]);
    assert_eq!(code(&out), 0);
    assert!(
        out.stdout
            .iter()
            .all(|&b| b == b'\n' || (0x20..0x7f).contains(&b))
    );
    let text = stdout(&out);
    // Each pattern's marks, the overlap at the thumb, and the legend naming them.
    for mark in ["##", "==", "%%", "X1", "X2", "~~ 2 spillover", "%% both"] {
        assert!(text.contains(mark), "{mark}\n{text}");
    }
    assert!(text.contains("   thumb: essential in both"), "{text}");
    insta::assert_snapshot!("scalenes_adductor_pollicis_ascii_80", text);
}

#[test]
fn colour_gives_each_pattern_its_hue() {
    let out = run(&[
        "compare",
        "infraspinatus",
        "supraspinatus",
        "--color",
        "always",
        "--width",
        "100",
    ]);
    let text = stdout(&out);
    // Red for 1, blue for 2, purple where both reach (256-colour mosaic fills).
    for n in [160, 27, 129] {
        let fill = |end: char| format!(";5;{n}{end}");
        assert!(
            text.contains(&fill(';')) || text.contains(&fill('m')),
            "colour {n}"
        );
    }
}

#[test]
fn svg_marks_each_zone_with_its_pattern() {
    let out = run(&[
        "compare",
        "infraspinatus",
        "supraspinatus",
        "--format",
        "svg",
    ]);
    assert_eq!(code(&out), 0);
    let doc = stdout(&out);
    assert!(doc.starts_with("<?xml"));
    let els = elements(&doc);
    let zones: Vec<_> = els
        .iter()
        .filter(|e| {
            e.name == "polygon" && matches!(e.attr("class"), Some("essential" | "spillover"))
        })
        .collect();
    assert!(!zones.is_empty());
    for z in &zones {
        assert!(
            matches!(z.attr("data-pattern"), Some("1" | "2")),
            "{z:?} has no data-pattern"
        );
        assert!(z.view.is_some(), "{z:?} is in a view");
    }
    let has = |pattern: &str, region: &str, class: &str| {
        zones.iter().any(|z| {
            z.attr("data-pattern") == Some(pattern)
                && z.attr("data-region") == Some(region)
                && z.attr("class") == Some(class)
                && z.attr("data-side") == Some("right")
        })
    };
    assert!(has("1", "shoulder-front", "essential"));
    assert!(has("2", "elbow-outer", "essential"));
    assert!(has("1", "shoulder-outer", "spillover") && has("2", "shoulder-outer", "essential"));
    assert!(!has("2", "shoulder-front", "essential"));
    // Every X of both muscles, each in its pattern's group.
    for (tp, pattern) in [
        ("infraspinatus-main", "1"),
        ("infraspinatus-medial", "1"),
        ("supraspinatus-medial", "2"),
        ("supraspinatus-tendon", "2"),
    ] {
        assert!(
            els.iter().any(|e| e.attr("data-tp") == Some(tp)),
            "{tp} has an X"
        );
        assert!(doc.contains(&format!("<g class=\"x\" data-pattern=\"{pattern}\">")));
    }
    assert!(doc.contains("class=\"xlabel\" data-pattern=\"2\""));
}

#[test]
fn json_lists_the_regions_by_pattern() {
    let out = run(&[
        "compare",
        "soleus-1",
        "quadratus plantae",
        "--side",
        "left",
        "--json",
    ]);
    assert_eq!(code(&out), 0);
    let v = json(&out);
    assert_eq!(v["side"], "left");
    assert_eq!(v["first"]["id"], "soleus-1");
    assert_eq!(v["second"]["id"], "quadratus-plantae");
    assert_eq!(v["both"][0]["region"], "heel");
    assert_eq!(v["both"][0]["first"]["zone"], "essential");
    assert_eq!(v["both"][0]["second"]["zone"], "essential");
    assert_eq!(v["only_first"][0]["region"], "achilles");
    assert_eq!(v["only_first"][0]["second"], serde_json::Value::Null);
    assert_eq!(v["only_second"].as_array().map(Vec::len), Some(0));
    assert!(
        v["first"]["where_to_press"]
            .as_str()
            .unwrap()
            .starts_with("calf: ")
    );
}

#[test]
fn an_unknown_id_is_one_line_naming_it() {
    let out = run(&["compare", "infraspinatis", "supraspinatus"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("'infraspinatis'") && err.contains("infraspinatus"),
        "{err}"
    );
    assert!(stdout(&out).is_empty());
    let out = run(&["compare", "soleus", "nothing-like-it"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("'nothing-like-it'"));
}
