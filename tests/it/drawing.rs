//! Pain drawings from outside: `rank --drawing FILE` (a bad file is one line naming
//! `FILE:LINE:COL`, exit 2), and a drawing made in tmux with mouse drags at 80x24 and again
//! at 120x40 over the same body area giving the same regions and ranking.

#![allow(
    clippy::many_single_char_names,
    reason = "grids and screens: w, h, t, x, y"
)]

use crate::util::Tmux;
use std::process::Command;

fn painmap(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_painmap"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

#[test]
fn a_bad_drawing_file_is_one_line_with_its_place_and_exit_2() {
    let dir = crate::util::scratch("drawing-bad");
    let path = dir.path().join("bad.json");
    std::fs::write(
        &path,
        "{\n  \"format\": \"painmap-drawing\",\n  \"version\": 1,\n  \"sheets\": [ 7 ]\n}\n",
    )
    .unwrap();
    let out = painmap(&["rank", "--drawing", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("bad.json:4:"), "{err}");
}

#[test]
fn rank_drawing_reads_the_explorers_file_and_says_what_each_candidate_explains() {
    use painmap::drawing::{Drawing, Grid, PAIN, SheetId, json};
    let model = painmap::body::shipped();
    let id = SheetId::new(
        model,
        painmap::body::ViewId::Front,
        painmap::atlas::Side::Left,
    );
    let grid = Grid::new(model, id);
    let (w, h) = grid.size();
    let mut d = Drawing::default();
    let want = painmap::atlas::RegionInstance::new("chest", Some(painmap::atlas::Side::Left));
    for j in 0..h {
        for i in 0..w {
            if grid.region(i, j).as_ref() == Some(&want) {
                d.sheet_mut(model, id).inks[j * w + i] = PAIN;
            }
        }
    }
    let dir = crate::util::scratch("drawing-chest");
    let path = dir.path().join("chest.json");
    std::fs::write(&path, json::to_json(&d)).unwrap();
    let out = painmap(&["rank", "--drawing", path.to_str().unwrap(), "--json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["candidates"][0]["muscle"], "pectoralis-major", "{v}");
    assert_eq!(v["drawing"]["regions"][0]["region"], "chest");
    assert!(v["drawing"]["extent_percent"].as_f64().unwrap() > 0.5);
    assert!(v["drawing"]["explains"][0]["explained"].as_f64().unwrap() > 0.99);
    let text = painmap(&["rank", "--drawing", path.to_str().unwrap()]);
    let s = String::from_utf8_lossy(&text.stdout);
    assert!(
        s.contains("of the body surface shaded") && s.contains("explains 100% of the drawing"),
        "{s}"
    );
}

/// The front view's body box on a captured screen: (first col, first row, cols, rows)
/// of the silhouette's glyphs in the map's left half, below the "Front" title.
fn front_body(screen: &str) -> (usize, usize, usize, usize) {
    let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let title = lines
        .iter()
        .position(|l| l.iter().collect::<String>().contains("Front"))
        .unwrap();
    // The map pane ends at its right border: the first "╮" on the top row.
    let right = lines[0].iter().position(|&c| c == '╮').unwrap();
    let half = right / 2;
    let (mut c0, mut r0, mut c1, mut r1) = (usize::MAX, usize::MAX, 0, 0);
    for (r, l) in lines.iter().enumerate().skip(title + 1) {
        if l.first() == Some(&'╰') {
            break;
        }
        for (c, &ch) in l.iter().enumerate().take(half).skip(1) {
            if ch != ' ' {
                c0 = c0.min(c);
                c1 = c1.max(c);
                r0 = r0.min(r);
                r1 = r1.max(r);
            }
        }
    }
    (c0, r0, c1 + 1 - c0, r1 + 1 - r0)
}

/// Drags down the left front of the trunk (patient's left: the viewer's right), from the
/// chest to the upper belly, at a size; returns the status line and the first candidates.
fn drag_in_tmux(name: &str, w: u16, h: u16) -> (String, Vec<String>) {
    let t = Tmux::start(name, w, h, "");
    t.wait_for("Body map");
    // The picture settled: the same body box twice, filling most of the map's height.
    let mut last = (0, 0, 0, 0);
    let mut settled = None;
    for _ in 0..100 {
        let b = front_body(&t.screen());
        if b == last && b.3 * 2 > usize::from(h) {
            settled = Some(b);
            break;
        }
        last = b;
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let (c0, r0, cols, rows) = settled.expect("the body map settles");
    t.keys(&["d"]);
    t.wait_for("drawing, extent");
    let at = |fx: f64, fy: f64| {
        (
            c0 + (fx * cols as f64) as usize + 1,
            r0 + (fy * rows as f64) as usize + 1,
        )
    };
    let (a, b) = ((0.58, 0.25), (0.58, 0.33));
    let steps = 12;
    for k in 0..=steps {
        let f = f64::from(k) / f64::from(steps);
        let (x, y) = at(a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f);
        let code = if k == 0 { 0 } else { 32 };
        t.text(&format!("\u{1b}[<{code};{x};{y}M"));
    }
    let (x, y) = at(b.0, b.1);
    t.text(&format!("\u{1b}[<0;{x};{y}m"));
    let s = t.wait_for(" regions: ");
    let status = s
        .lines()
        .find(|l| l.contains(" regions: "))
        .unwrap_or_default()
        .split(" regions: ")
        .nth(1)
        .unwrap_or_default()
        .split("  ")
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned();
    let s = t.wait_for("Candidates (");
    let top: Vec<String> = s
        .lines()
        .filter_map(|l| {
            let l = l
                .split('│')
                .find(|p| p.trim_start().starts_with("1. ") || p.trim_start().starts_with("2. "))?;
            Some(l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        })
        .collect();
    t.keys(&["q"]);
    (status, top)
}

#[test]
#[ignore = "needs tmux"]
fn the_same_drag_in_tmux_at_80x24_and_120x40_gives_the_same_regions_and_ranking() {
    let (small, small_top) = drag_in_tmux("draw80", 80, 24);
    let (large, large_top) = drag_in_tmux("draw120", 120, 40);
    assert!(small.contains("left chest"), "{small}");
    assert_eq!(small, large, "the same regions");
    assert!(!small_top.is_empty(), "candidates are listed");
    assert_eq!(small_top, large_top);
}
