//! Zone shapes from the outside: `validate` checks an atlas's lists against the shipped
//! zone shapes, and `show --format svg` draws the lateral patterns on the side of the
//! body with the X only where the point lies.

use crate::util::{code, run, stderr, stdout};

/// An atlas whose anterior gluteus minimus lists a region its drawn band does not cover
/// (the heel): `validate` names the zone file's line and column.
#[test]
fn validate_reports_shapes_that_disagree_with_the_lists() {
    let shipped =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/atlas.ron")).unwrap();
    let from = r#"essential: ["buttock", "hip-side", "thigh-outer", "knee-outer", "leg-outer", "ankle-outer"],"#;
    assert!(shipped.contains(from));
    let broken = shipped.replacen(
        from,
        r#"essential: ["buttock", "hip-side", "thigh-outer", "knee-outer", "leg-outer", "ankle-outer", "heel"],"#,
        1,
    );
    let dir = std::env::temp_dir().join(format!("painmap-zones-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("atlas.ron");
    std::fs::write(&path, broken).unwrap();
    let out = run(&["validate", path.to_str().unwrap()]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code(&out), 2, "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.lines()
            .all(|l| l.starts_with("painmap: data/zones.ron:")),
        "{err}"
    );
    assert!(
        err.contains("gluteus-minimus-anterior") && err.contains("`heel` is 0% covered"),
        "{err}"
    );
}

#[test]
fn the_shipped_atlas_says_how_many_patterns_are_drawn() {
    let out = run(&["validate"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    let line = text.lines().nth(1).unwrap_or_default();
    assert!(line.starts_with("zone shapes: "), "{text}");
    let drawn: usize = line
        .trim_start_matches("zone shapes: ")
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(drawn >= 27, "{line}");
}

/// The lateral patterns are drawn on the side of the body (`data-view="BodySide"`, a
/// name that says side, as `HeadSide` does), with their zones as shapes of their own.
#[test]
fn lateral_patterns_are_drawn_on_the_side_of_the_body() {
    for (muscle, tp) in [
        ("gluteus-minimus", "gluteus-minimus-anterior"),
        ("tensor-fasciae-latae", "tensor-fasciae-latae-1"),
        ("vastus-lateralis", "vastus-lateralis-mid"),
        ("fibularis-longus", "fibularis-longus-1"),
    ] {
        let out = run(&["show", muscle, "--tp", tp, "--format", "svg"]);
        assert_eq!(code(&out), 0, "{muscle}: {}", stderr(&out));
        let svg = stdout(&out);
        let side = svg
            .split("<g data-view=\"BodySide\"")
            .nth(1)
            .unwrap_or_else(|| panic!("{muscle}: no side view"));
        let side = side.split("<g data-view=").next().unwrap_or_default();
        assert!(
            side.contains("data-zone=\"shape\" class=\"essential\""),
            "{muscle}"
        );
        assert!(
            side.contains(&format!("data-tp=\"{tp}\"")),
            "{muscle}: no X on the side"
        );
    }
}

/// The X is never on the opposite surface (the cases the issue lists), in the SVG a
/// practice would hand out.
#[test]
fn the_x_is_never_drawn_on_the_opposite_surface() {
    for (muscle, tp, wrong) in [
        ("gluteus-minimus", "gluteus-minimus-anterior", "Back"),
        ("sternocleidomastoid", "sternocleidomastoid-sternal", "Back"),
        (
            "first-dorsal-interosseous",
            "first-dorsal-interosseous-1",
            "HandPalm",
        ),
    ] {
        let out = run(&["show", muscle, "--tp", tp, "--format", "svg"]);
        assert_eq!(code(&out), 0, "{muscle}: {}", stderr(&out));
        let svg = stdout(&out);
        for view in svg.split("<g data-view=\"").skip(1) {
            if view.starts_with(&format!("{wrong}\"")) {
                assert!(!view.contains("data-tp="), "{tp} marked on {wrong}");
            }
        }
        assert!(
            svg.contains(&format!("data-tp=\"{tp}\"")),
            "{tp} not marked at all"
        );
    }
}
