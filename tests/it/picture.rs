//! The picture tiers of `painmap show`: SVG (read back and checked against the atlas),
//! PNG, the graphics protocols, the block mosaics and the ASCII locale.
#![allow(
    clippy::many_single_char_names,
    reason = "plane geometry: a, b, c, n, p, x, y"
)]

use crate::util::{code, painmap, run, scratch, stdout};
use painmap::atlas::{Atlas, Side};
use painmap::body::ViewId;

/// One element of an SVG document: its name and attributes.
#[derive(Debug)]
pub(crate) struct El {
    pub(crate) name: String,
    attrs: Vec<(String, String)>,
    /// The `data-view` and `data-side` of the view group it is in.
    pub(crate) view: Option<(String, Option<String>)>,
}

impl El {
    pub(crate) fn attr(&self, k: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.as_str())
    }
}

/// A tiny reader for the SVG the writer makes: tags, attributes and the view groups
/// they sit in (enough for the contract; not a general XML parser).
pub(crate) fn elements(doc: &str) -> Vec<El> {
    let mut out = Vec::new();
    // The stack of open `<g>`s: the view each one opens, if any.
    let mut stack: Vec<Option<(String, Option<String>)>> = Vec::new();
    for chunk in doc.split('<').skip(1) {
        let tag = chunk.split('>').next().unwrap_or("");
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            if name.trim() == "g" {
                stack.pop();
            }
            continue;
        }
        let self_closing = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let (name, rest) = tag.split_once(' ').unwrap_or((tag, ""));
        let mut attrs = Vec::new();
        let mut rest = rest.trim();
        while let Some((k, after)) = rest.split_once("=\"") {
            let Some((v, tail)) = after.split_once('"') else {
                break;
            };
            attrs.push((k.trim().to_owned(), v.to_owned()));
            rest = tail.trim();
        }
        let el = El {
            name: name.to_owned(),
            attrs,
            view: stack.iter().rev().find_map(Clone::clone),
        };
        if el.name == "g" && !self_closing {
            let view = el
                .attr("data-view")
                .map(|v| (v.to_owned(), el.attr("data-side").map(str::to_owned)));
            stack.push(view);
        }
        out.push(el);
    }
    out
}

fn points(el: &El) -> Vec<(f32, f32)> {
    el.attr("points")
        .unwrap_or("")
        .split_whitespace()
        .filter_map(|p| {
            let (x, y) = p.split_once(',')?;
            Some((x.parse().ok()?, y.parse().ok()?))
        })
        .collect()
}

fn inside(poly: &[(f32, f32)], (x, y): (f32, f32)) -> bool {
    let mut c = false;
    let n = poly.len();
    for i in 0..n {
        let (a, b) = (poly[i], poly[(i + 1) % n]);
        if (a.1 > y) != (b.1 > y) && x < (b.0 - a.0) * (y - a.1) / (b.1 - a.1) + a.0 {
            c = !c;
        }
    }
    c
}

/// How far (view units, the body is about 240 tall) an X's centre may sit outside its
/// region's edge.
const NEAR: f32 = 2.0;

/// Distance from a point to a polygon's edges (0 inside).
fn distance(poly: &[(f32, f32)], p: (f32, f32)) -> f32 {
    if inside(poly, p) {
        return 0.0;
    }
    let n = poly.len();
    (0..n)
        .map(|i| {
            let (a, b) = (poly[i], poly[(i + 1) % n]);
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let l2 = dx * dx + dy * dy;
            let t = if l2 > 0.0 {
                (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / l2).clamp(0.0, 1.0)
            } else {
                0.0
            };
            ((a.0 + t * dx - p.0).powi(2) + (a.1 + t * dy - p.1).powi(2)).sqrt()
        })
        .fold(f32::INFINITY, f32::min)
}

fn view_of(id: &str) -> ViewId {
    *ViewId::ALL
        .iter()
        .find(|v| v.to_string() == id)
        .unwrap_or_else(|| panic!("unknown view {id}"))
}

fn side_str(s: Side) -> &'static str {
    s.as_str()
}

/// Checks one SVG document: the contract's elements, and each X on its location region
/// (on its side), in the patient's side of the view that the conventions say.
fn check_svg(
    doc: &str,
    atlas: &Atlas,
    muscle: &str,
    side: Side,
    problems: &mut Vec<String>,
) -> usize {
    let els = elements(doc);
    let model = painmap::body::shipped();
    let m = atlas.muscles().iter().find(|m| m.id == muscle).unwrap();
    let mut xs = 0;
    for view in els
        .iter()
        .filter(|e| e.name == "g" && e.attr("data-view").is_some())
    {
        let id = view.attr("data-view").unwrap();
        let v = model.view(view_of(id));
        assert_eq!(
            view.attr("data-side").is_some(),
            !v.is_bilateral(),
            "{muscle} {id}"
        );
    }
    for x in els.iter().filter(|e| e.attr("data-tp").is_some()) {
        let tp_id = x.attr("data-tp").unwrap();
        let tp = m.trigger_points.iter().find(|t| t.id == tp_id).unwrap();
        let (view, _) = x.view.clone().unwrap();
        let at: (f32, f32) = (
            x.attr("cx").unwrap().parse().unwrap(),
            x.attr("cy").unwrap().parse().unwrap(),
        );
        let midline = model.is_midline(&tp.location);
        let off = els
            .iter()
            .filter(|e| {
                e.name == "polygon"
                    && e.attr("class") == Some("region")
                    && e.view.as_ref().map(|v| v.0.as_str()) == Some(view.as_str())
                    && e.attr("data-region") == Some(tp.location.as_str())
                    && (midline || e.attr("data-side") == Some(side_str(side)))
            })
            .map(|e| distance(&points(e), at))
            .fold(f32::INFINITY, f32::min);
        // The X's centre on its region, or within a hair of its edge (the mark itself is
        // several units across).
        if off > NEAR {
            problems.push(format!(
                "{muscle} {tp_id} ({side}): the X in {view} at {at:?} is {off:.1} units off {}",
                tp.location
            ));
        }
        // The patient's right on the viewer's left in front, on the right from behind.
        let vid = view_of(&view);
        if !midline && matches!(vid, ViewId::Front | ViewId::Back) {
            let b = model.view(vid).bounds();
            let mid = f32::midpoint(b.x0, b.x1);
            let viewer_left = (vid == ViewId::Front) == (side == Side::Right);
            if (at.0 < mid) != viewer_left {
                problems.push(format!(
                    "{muscle} {tp_id} ({side}) in {view}: on the wrong side"
                ));
            }
        }
        xs += 1;
    }
    xs
}

#[test]
fn the_svg_of_every_muscle_puts_every_x_on_its_region_on_both_sides() {
    let atlas = Atlas::shipped().unwrap();
    let ids: Vec<String> = atlas.muscles().iter().map(|m| m.id.clone()).collect();
    let halves: Vec<Vec<String>> = ids
        .chunks(ids.len().div_ceil(2))
        .map(<[String]>::to_vec)
        .collect();
    let problems = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for half in &halves {
            let atlas = &atlas;
            let problems = &problems;
            scope.spawn(move || {
                let mut found = Vec::new();
                for id in half {
                    for side in Side::BOTH {
                        let out = run(&["show", id, "--format", "svg", "--side", side.as_str()]);
                        assert_eq!(code(&out), 0, "{id}");
                        let doc = stdout(&out);
                        assert!(doc.starts_with("<?xml") && doc.trim_end().ends_with("</svg>"));
                        let m = atlas.muscles().iter().find(|m| &m.id == id).unwrap();
                        let xs = check_svg(&doc, atlas, id, side, &mut found);
                        assert!(xs >= m.trigger_points.len(), "{id}: every point has an X");
                    }
                }
                problems.lock().unwrap().extend(found);
            });
        }
    });
    let problems = problems.into_inner().unwrap();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_region_of_a_view_is_in_the_svg_marked_or_not() {
    let doc = stdout(&run(&[
        "show", "soleus", "--tp", "soleus-1", "--format", "svg",
    ]));
    let els = elements(&doc);
    let model = painmap::body::shipped();
    let mut views = 0;
    for g in els.iter().filter(|e| e.attr("data-view").is_some()) {
        let vid = view_of(g.attr("data-view").unwrap());
        let side = match g.attr("data-side") {
            Some("left") => Side::Left,
            _ => Side::Right,
        };
        let shapes = model.view(vid).drawing(side).shapes.len();
        let drawn = els
            .iter()
            .filter(|e| {
                e.attr("class") == Some("region")
                    && e.view.as_ref().map(|v| v.0.as_str()) == g.attr("data-view")
            })
            .count();
        assert_eq!(drawn, shapes, "{vid}");
        views += 1;
    }
    assert!(views >= 2);
    let classes: Vec<&str> = els.iter().filter_map(|e| e.attr("class")).collect();
    assert!(classes.contains(&"essential"));
    // Sided regions say their side; midline ones do not.
    for e in els.iter().filter(|e| e.attr("data-region").is_some()) {
        let r = e.attr("data-region").unwrap();
        assert_eq!(e.attr("data-side").is_none(), model.is_midline(r), "{r}");
    }
}

#[test]
fn png_is_written_atomically_to_out() {
    let tmp = scratch("png");
    let dir = tmp.path();
    let file = dir.join("soleus.png");
    let out = run(&[
        "show",
        "soleus",
        "--format",
        "png",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&file).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let out = run(&["show", "soleus", "--format", "png"]);
    assert_eq!(code(&out), 2);
}

#[test]
fn block_glyphs_draw_a_filled_silhouette_in_their_characters() {
    for (glyphs, set) in [
        ("half", "▀▄"),
        ("quadrant", "▘▝▀▖▌▞▛▗▚▐▜▄▙▟"),
        ("sextant", ""),
        ("octant", ""),
    ] {
        let out = painmap()
            .args(["show", "soleus", "--tp", "soleus-1", "--glyphs", glyphs])
            .args(["--color", "always", "--width", "80"])
            .output()
            .unwrap();
        let text = stdout(&out);
        let partial = text
            .chars()
            .filter(|&c| match glyphs {
                "sextant" => ('\u{1FB00}'..='\u{1FB3B}').contains(&c),
                "octant" => ('\u{1CD00}'..='\u{1CDE5}').contains(&c),
                _ => set.contains(c),
            })
            .count();
        assert!(partial > 30, "{glyphs}: {partial}");
        // Filled: full cells in the body's tone.
        let filled =
            text.matches("\u{1b}[38;5;180m█").count() + text.matches("38;5;180;48;5;").count();
        assert!(filled > 10, "{glyphs}: {filled}\n{text}");
        let others = ['│', '╱', '╲', '─'];
        assert!(
            !text.chars().any(|c| others.contains(&c)),
            "{glyphs}: no line art"
        );
    }
}

#[test]
fn graphics_kitty_and_sixel_write_their_protocols() {
    let kitty = stdout(&run(&[
        "show",
        "soleus",
        "--tp",
        "soleus-1",
        "--graphics",
        "kitty",
    ]));
    assert!(
        kitty.contains("\u{1b}_G") && kitty.contains("a=T"),
        "kitty graphics"
    );
    assert!(kitty.contains('\u{10EEEE}'), "kitty's placeholders");
    let sixel = stdout(&run(&[
        "show",
        "soleus",
        "--tp",
        "soleus-1",
        "--graphics",
        "sixel",
    ]));
    let start = sixel.find("\u{1b}P").expect("a DCS");
    assert!(
        sixel[start..].contains("q\""),
        "a sixel introducer and raster attributes"
    );
    // Titles and the legend stay text around the picture.
    assert!(sixel.contains("Front") && sixel.contains("essential pain"));
    let iterm = stdout(&run(&[
        "show",
        "soleus",
        "--tp",
        "soleus-1",
        "--graphics",
        "iterm2",
    ]));
    assert!(iterm.contains("\u{1b}]1337;File=inline=1"));
    // Auto off a terminal is text.
    let auto = stdout(&run(&["show", "soleus", "--tp", "soleus-1"]));
    assert!(!auto.contains('\u{1b}'));
}

#[test]
fn a_non_utf8_locale_gets_pure_ascii() {
    for locale in [("LC_ALL", "C"), ("LANG", "C"), ("LC_CTYPE", "POSIX")] {
        let out = painmap()
            .args(["show", "soleus"])
            .env_remove("LANG")
            .env(locale.0, locale.1)
            .output()
            .unwrap();
        assert_eq!(code(&out), 0);
        assert!(
            out.stdout
                .iter()
                .all(|&b| b == b'\n' || (0x20..0x7f).contains(&b)),
            "{locale:?}"
        );
        let text = stdout(&out);
        assert!(text.contains('#') && text.contains('X') && text.contains('|'));
    }
}
