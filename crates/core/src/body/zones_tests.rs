//! The zone file's rules, one broken fixture each (`data/zones.ron`): every problem names
//! the file, the line and column where it is written, and what is wrong.

use crate::body::model::{BodyError, BodyModel, SHIPPED};
use crate::body::zones::{self, Listed, SHIPPED_ZONES, ZoneKind};

fn body() -> BodyModel {
    BodyModel::parse(SHIPPED).unwrap()
}

/// A zone file of one pattern on one view (its primitives as written).
fn file(id: &str, view: &str, essential: &str, spillover: &str) -> String {
    format!(
        "Zones(\n    patterns: {{\n        \"{id}\": [\n            (\n                view: {view},\n                essential: [{essential}],\n                spillover: [{spillover}],\n            ),\n        ],\n    }},\n)\n"
    )
}

fn parse_err(text: &str) -> String {
    match body().with_zones(text) {
        Ok(_) => panic!("accepted:\n{text}"),
        Err(e) => e.to_string(),
    }
}

/// The problems the agreement check finds for a file, against one pattern's lists.
fn check(text: &str, id: &str, regions: &[&str]) -> Vec<String> {
    let m = body().with_zones(text).unwrap();
    zones::check(
        &m,
        [Listed {
            id,
            regions: regions.to_vec(),
        }],
    )
    .iter()
    .map(ToString::to_string)
    .collect()
}

const BAND: &str =
    r#"Band(along: ["greater-trochanter", "lateral-thigh-mid", "lateral-knee"], width: (6, 4))"#;

#[test]
fn the_shipped_zones_load_and_agree_with_the_atlas() {
    let m = crate::body::shipped();
    let atlas = crate::atlas::Atlas::shipped().unwrap();
    let listed = atlas.trigger_points().map(|(_, tp)| Listed::of(tp));
    assert_eq!(zones::check(m, listed), Vec::new());
    let drawn = m.zone_ids().count();
    assert!(drawn >= 27, "{drawn}");
    // The embedded model carries the same shapes as the file.
    let built = BodyModel::shipped_from_ron().unwrap();
    for id in m.zone_ids() {
        assert_eq!(built.zones_of(id), m.zones_of(id), "{id}");
    }
    assert!(SHIPPED_ZONES.contains("gluteus-minimus-anterior"));
}

#[test]
fn a_good_band_parses_into_one_essential_zone() {
    let m = body()
        .with_zones(&file("gluteus-minimus-anterior", "BodySide", BAND, ""))
        .unwrap();
    let z = m.zones_of("gluteus-minimus-anterior");
    assert_eq!(z.len(), 1);
    assert_eq!(z[0].kind, ZoneKind::Essential);
    // The band holds the landmarks it runs through, and not a point well off it.
    let v = m.view(crate::body::ViewId::BodySide);
    for name in ["greater-trochanter", "lateral-thigh-mid", "lateral-knee"] {
        assert!(z[0].contains(v.landmark(name).unwrap()), "{name}");
    }
    let knee = v.landmark("lateral-knee").unwrap();
    assert!(!z[0].contains(crate::body::geom::Pt::new(knee.x, knee.y + 30.0)));
}

#[test]
fn a_syntax_error_names_line_and_column() {
    let err = parse_err("Zones(\n  patterns: {\n    \"x\": [ (view: Nowhere) ],\n  },\n)");
    assert!(err.starts_with("data/zones.ron:3:"), "{err}");
}

#[test]
fn an_unknown_landmark_is_an_error_where_the_view_is_written() {
    let text = file(
        "gluteus-minimus-anterior",
        "BodySide",
        r#"Band(along: ["greater-trochanter", "no-such-bone"], width: (6, 4))"#,
        "",
    );
    let err = parse_err(&text);
    assert!(err.starts_with("data/zones.ron:5:17: "), "{err}");
    assert!(err.contains("no landmark `no-such-bone`"), "{err}");
}

#[test]
fn a_region_the_view_does_not_draw_is_an_error() {
    let err = parse_err(&file("x", "BodySide", r#"Region("palm")"#, ""));
    assert!(err.contains("draws no region `palm`"), "{err}");
}

#[test]
fn a_band_needs_two_points_and_widths() {
    let one = parse_err(&file(
        "x",
        "BodySide",
        r#"Band(along: ["lateral-knee"], width: (6, 4))"#,
        "",
    ));
    assert!(one.contains("two points or more"), "{one}");
    let flat = parse_err(&file(
        "x",
        "BodySide",
        r#"Band(along: ["lateral-knee", "heel"], width: (0, -1))"#,
        "",
    ));
    assert!(flat.contains("widths are positive"), "{flat}");
}

#[test]
fn a_blob_and_a_fan_are_checked() {
    let blob = parse_err(&file(
        "x",
        "Back",
        r#"Blob(at: "acromion", size: (0, 3))"#,
        "",
    ));
    assert!(blob.contains("size is positive"), "{blob}");
    let fan = parse_err(&file(
        "x",
        "Back",
        r#"Fan(from: "acromion", to: ["c7"])"#,
        "",
    ));
    assert!(fan.contains("two points or more"), "{fan}");
    let bad = parse_err(&file(
        "x",
        "Back",
        r#"Blob(at: "acromion +1;2", size: (2, 3))"#,
        "",
    ));
    assert!(bad.contains("is not `x,y`"), "{bad}");
}

#[test]
fn a_view_given_twice_or_with_nothing_drawn_is_an_error() {
    let twice = "Zones(patterns: {\"x\": [(view: Back, essential: [Blob(at: \"acromion\", size: (2, 2))]), (view: Back, spillover: [Blob(at: \"c7\", size: (2, 2))])]})";
    assert!(parse_err(twice).contains("given twice"));
    let empty = "Zones(patterns: {\"x\": [(view: Back)]})";
    assert!(parse_err(empty).contains("no zone drawn"));
}

#[test]
fn a_listed_region_left_uncovered_is_an_error() {
    // The band down the outer thigh does not reach the outer ankle the list names.
    let text = file("gluteus-minimus-anterior", "BodySide", BAND, "");
    let problems = check(
        &text,
        "gluteus-minimus-anterior",
        &["thigh-outer", "ankle-outer"],
    );
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("data/zones.ron:5:17: ")
            && problems[0].contains("`ankle-outer` is 0% covered"),
        "{problems:?}"
    );
    assert_eq!(
        check(
            &text,
            "gluteus-minimus-anterior",
            &["thigh-outer", "knee-outer", "hip-side"]
        ),
        Vec::<String>::new()
    );
}

#[test]
fn a_shape_spreading_into_unlisted_regions_is_an_error() {
    // A blob over the chest for a pattern that lists only the outer thigh.
    let text = file(
        "x",
        "BodySide",
        r#"Blob(at: "ribs-mid", size: (6, 10))"#,
        BAND,
    );
    let problems = check(&text, "x", &["thigh-outer"]);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("lie in regions the pattern does not list")),
        "{problems:?}"
    );
}

#[test]
fn shapes_for_an_unknown_trigger_point_are_an_error() {
    let text = file("no-such-point", "BodySide", BAND, "");
    let m = body().with_zones(&text).unwrap();
    let problems = zones::check(&m, std::iter::empty());
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0]
            .to_string()
            .contains("not a trigger point of the atlas")
    );
}

#[test]
fn a_landmark_must_be_named_and_inside_its_view() {
    let text = SHIPPED.replace(r#"("heel", "44.6,239"),"#, r#"("heel", "44.6,939"),"#);
    assert_ne!(text, SHIPPED);
    let err = BodyModel::parse(&text).unwrap_err();
    assert!(
        matches!(&err, BodyError::Invalid(m) if m.contains("landmark `heel`")),
        "{err}"
    );
}
