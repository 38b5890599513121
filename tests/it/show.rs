//! `painmap show`: the referral diagrams, their width, glyph sets and colour.

use crate::util::{code, painmap, run, stdout};

/// The diagram lines of a `show` output: from each "Diagram" caption to its legend.
fn diagram_lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        if line.trim_start().starts_with("Diagram (") {
            inside = true;
            continue;
        }
        if inside {
            out.push(line);
            if line.contains("trigger point") {
                inside = false;
            }
        }
    }
    out
}

#[test]
fn ascii_show_is_printable_ascii_and_fits_80_columns() {
    for muscle in [
        "gluteus-minimus",
        "masseter",
        "first-dorsal-interosseous",
        "soleus",
    ] {
        let out = run(&["show", muscle, "--ascii"]);
        assert_eq!(code(&out), 0, "{muscle}");
        assert!(
            out.stdout
                .iter()
                .all(|&b| b == b'\n' || (0x20..0x7f).contains(&b)),
            "{muscle}: non-printable byte"
        );
        let text = stdout(&out);
        let lines = diagram_lines(&text);
        assert!(lines.len() > 10, "{muscle}: no diagram\n{text}");
        assert!(lines.iter().all(|l| l.len() <= 80), "{muscle}");
        assert!(text.contains('X') && text.contains('#'), "{muscle}");
    }
}

#[test]
fn width_is_respected() {
    for width in ["40", "120"] {
        let out = run(&["show", "upper-trapezius", "--ascii", "--width", width]);
        assert_eq!(code(&out), 0);
        let text = stdout(&out);
        let w: usize = width.parse().unwrap();
        let lines = diagram_lines(&text);
        assert!(!lines.is_empty());
        assert!(lines.iter().all(|l| l.chars().count() <= w), "{text}");
    }
    let out = run(&["show", "soleus", "--width", "0"]);
    assert_eq!(code(&out), 2);
}

#[test]
fn the_picture_is_framed_to_the_pattern() {
    let text = stdout(&run(&["show", "masseter", "--ascii"]));
    assert!(text.contains("Head, front"), "{text}");
    let text = stdout(&run(&["show", "gluteus-minimus", "--ascii"]));
    assert!(text.contains("Front") && text.contains("Back"), "{text}");
}

#[test]
fn colour_only_when_allowed() {
    // NO_COLOR is set by the harness, and stdout is a pipe.
    let plain = stdout(&run(&["show", "soleus"]));
    assert!(!plain.contains('\u{1b}'));
    // Without colour the mosaic's zones are shades (dense essential, light spillover).
    assert!(plain.contains('▓') || plain.contains('░'));
    let out = painmap()
        .args(["show", "soleus", "--color", "always"])
        .output()
        .unwrap();
    // The mosaic in 256 colours: essential red, the body's tone behind the outline.
    assert!(stdout(&out).contains("38;5;160"));
    assert!(stdout(&out).contains(";48;5;180"));
    let out = painmap()
        .args(["show", "soleus", "--color", "always", "--glyphs", "outline"])
        .output()
        .unwrap();
    assert!(stdout(&out).contains("\u{1b}[31m"));
    let out = painmap()
        .args(["show", "soleus", "--ascii", "--color", "always"])
        .output()
        .unwrap();
    assert!(!stdout(&out).contains('\u{1b}'));
}

#[test]
fn json_has_no_diagram() {
    let out = run(&["show", "soleus", "--json"]);
    assert_eq!(code(&out), 0);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], "soleus");
}

#[test]
fn show_ascii_fits_its_width_through_the_binary() {
    // Every muscle is checked in process (cli::show's unit test); two runs of the binary
    // check that the command prints the same thing.
    for (id, width) in [("soleus", 40usize), ("sternocleidomastoid", 80)] {
        let out = run(&["show", id, "--ascii", "--width", &width.to_string()]);
        assert_eq!(code(&out), 0, "{id}");
        assert!(
            out.stdout
                .iter()
                .all(|&b| b == b'\n' || (0x20..0x7f).contains(&b)),
            "{id} {width}: only printable ASCII"
        );
        let text = stdout(&out);
        for line in text.lines() {
            assert!(line.len() <= width, "{id} {width}: {line:?}");
        }
        let picture = diagram_lines(&text).join("\n");
        assert!(picture.contains('X'), "{id} {width}: the X\n{text}");
        assert!(picture.contains('#'), "{id} {width}: the essential zone");
        assert!(picture.contains("# essential"), "{id} {width}: the legend");
    }
}

/// The column of the first `X` inside the Front figure, and the Front figure's middle
/// (halfway between its "R" and "L" labels).
fn front_x(text: &str) -> (usize, usize) {
    let lines = diagram_lines(text);
    let header = lines
        .iter()
        .find(|l| l.contains("Front"))
        .expect("a Front view");
    let (r, l) = (header.find('R').unwrap(), header.find('L').unwrap());
    let x = lines
        .iter()
        .find_map(|line| line.find('X').filter(|&c| c > r && c < l))
        .expect("an X in the Front view");
    (x, usize::midpoint(r, l))
}

#[test]
fn side_puts_the_point_on_that_side_of_each_view() {
    // Upper trapezius TrP1 at 100 columns, on a side or on the default one.
    let show = |side: Option<&str>| {
        let mut args = vec![
            "show",
            "upper-trapezius",
            "--tp",
            "upper-trapezius-1",
            "--ascii",
            "--width",
            "100",
        ];
        args.extend(side.map(|s| ["--side", s]).into_iter().flatten());
        let out = run(&args);
        assert_eq!(code(&out), 0, "{side:?}");
        stdout(&out)
    };
    // In a Front view the patient's left is on the viewer's right.
    let left = show(Some("left"));
    assert!(left.contains("Diagram (the patient's left side)"), "{left}");
    let (x, mid) = front_x(&left);
    assert!(
        x > mid,
        "left side drawn at column {x} (middle {mid})\n{left}"
    );
    let right = show(Some("R"));
    assert!(right.contains("Diagram (the patient's right side)"));
    let (x, mid) = front_x(&right);
    assert!(
        x < mid,
        "right side drawn at column {x} (middle {mid})\n{right}"
    );
    // The default is the classic charts' right side.
    let default = show(None);
    assert_eq!(default, right);
}
