//! Exports a practice can attach: `show` and `compare` as SVG and PNG carry the names,
//! view titles, R and L, the legend in words, the source and the disclaimer; a PNG is at
//! print size unless `--size` says otherwise; compared X are numbered.

use crate::util::{code, run, scratch, stderr, stdout};

/// A PNG's width and height, from its IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let be = |k: usize| u32::from_be_bytes([bytes[k], bytes[k + 1], bytes[k + 2], bytes[k + 3]]);
    (be(16), be(20))
}

/// Runs painmap writing a PNG to a scratch file; returns its bytes.
fn png(args: &[&str], name: &str) -> Vec<u8> {
    let dir = scratch(&format!("exports-{name}"));
    let file = dir.path().join("out.png");
    let mut all = args.to_vec();
    all.extend(["--out", file.to_str().unwrap()]);
    let out = run(&all);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    std::fs::read(&file).unwrap()
}

#[test]
fn a_png_is_print_size_by_default_and_size_chooses() {
    let bytes = png(&["show", "gluteus-minimus", "--format", "png"], "default");
    let (w, h) = png_size(&bytes);
    assert!(h >= 1600, "{w}x{h}");
    let bytes = png(
        &[
            "show", "soleus", "--tp", "soleus-1", "--format", "png", "--size", "400",
        ],
        "small",
    );
    let (_, h) = png_size(&bytes);
    assert!((400..1000).contains(&h), "{h}");
    let bytes = png(
        &[
            "compare",
            "infraspinatus",
            "supraspinatus",
            "--format",
            "png",
        ],
        "compare",
    );
    assert!(png_size(&bytes).1 >= 1600);
}

#[test]
fn a_bad_size_is_one_line_and_exit_2() {
    for args in [
        &[
            "show",
            "soleus",
            "--format",
            "png",
            "--out",
            "never.png",
            "--size",
            "50",
        ][..],
        &[
            "show",
            "soleus",
            "--format",
            "png",
            "--out",
            "never.png",
            "--size",
            "big",
        ],
        &["show", "soleus", "--format", "svg", "--size", "800"],
        &["compare", "soleus", "gastrocnemius", "--size", "800"],
    ] {
        let out = run(args);
        assert_eq!(code(&out), 2, "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains("size"), "{err}");
    }
    assert!(!std::path::Path::new("never.png").exists());
}

/// The text of every `<text>` element of a document.
fn texts(doc: &str) -> Vec<String> {
    doc.split("<text")
        .skip(1)
        .filter_map(|rest| {
            let body = &rest[rest.find('>')? + 1..];
            Some(body[..body.find("</text>")?].to_owned())
        })
        .collect()
}

#[test]
fn the_svg_carries_names_titles_sides_legend_source_and_disclaimer_as_text() {
    let out = run(&[
        "show",
        "gluteus-minimus",
        "--tp",
        "gluteus-minimus-posterior",
        "--format",
        "svg",
    ]);
    assert_eq!(code(&out), 0);
    let doc = stdout(&out);
    let t = texts(&doc);
    let joined = t.join("\n");
    for want in [
        "Gluteus minimus",
        "Posterior points",
        "Front",
        "Back",
        "essential zone",
        "spillover",
        "trigger point",
        "Source: Travell",
        "not a diagnosis",
    ] {
        assert!(joined.contains(want), "{want}: {t:?}");
    }
    assert!(
        t.iter().any(|s| s == "R") && t.iter().any(|s| s == "L"),
        "{t:?}"
    );
}

#[test]
fn a_compared_svg_numbers_each_x_and_its_legend_says_which_is_which() {
    let out = run(&[
        "compare",
        "infraspinatus",
        "supraspinatus",
        "--format",
        "svg",
    ]);
    assert_eq!(code(&out), 0);
    let doc = stdout(&out);
    assert!(doc.contains("class=\"xlabel\" data-pattern=\"1\""));
    assert!(doc.contains("class=\"xlabel\" data-pattern=\"2\""));
    let joined = texts(&doc).join("\n");
    assert!(
        joined.contains("1 Infraspinatus: essential zone"),
        "{joined}"
    );
    assert!(
        joined.contains("2 Supraspinatus: essential zone"),
        "{joined}"
    );
    assert!(joined.contains("ringed X numbered 2"), "{joined}");
}
