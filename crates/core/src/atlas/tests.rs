//! Loader and resolution tests on the small fixture atlas.

use super::*;

fn mini() -> Atlas {
    Atlas::from_text(
        include_str!("../../../../tests/fixtures/mini.ron"),
        "mini.ron",
    )
    .unwrap()
}

#[test]
fn resolves_ids_names_and_aliases_in_any_case() {
    let atlas = mini();
    for token in [
        "temple",
        "Temple",
        "TEMPORAL REGION",
        "  temporal   region ",
    ] {
        assert_eq!(
            atlas.resolve_region(token).unwrap(),
            RegionInstance::new("temple", None)
        );
    }
    for token in [
        "neck-side",
        "neck side",
        "Side of neck",
        "lateral neck",
        "Neck_Side",
    ] {
        assert_eq!(atlas.resolve_region(token).unwrap().region, "neck-side");
    }
}

#[test]
fn resolves_sides() {
    let atlas = mini();
    assert_eq!(
        atlas.resolve_region("left temple").unwrap(),
        RegionInstance::new("temple", Some(Side::Left))
    );
    assert_eq!(
        atlas.resolve_region("Right angle of jaw").unwrap(),
        RegionInstance::new("jaw", Some(Side::Right))
    );
    // Midline regions belong to both sides: the side is dropped.
    assert_eq!(
        atlas.resolve_region("left sternum").unwrap(),
        RegionInstance::new("sternum", None)
    );
}

#[test]
fn unknown_region_suggests_the_closest() {
    let atlas = mini();
    let err = atlas.resolve_region("tempel").unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown region 'tempel'; did you mean 'temple'?"
    );
    let err = atlas.resolve_region("left tempel").unwrap_err();
    assert!(
        err.to_string()
            .starts_with("unknown region 'left tempel'; did you mean 'temple'")
    );
    let err = atlas.resolve_region("qqqqqqqqqq").unwrap_err();
    assert_eq!(err.to_string(), "unknown region 'qqqqqqqqqq'");
    assert!(atlas.resolve_region("").is_err());
    assert!(atlas.resolve_region("left").is_err());
}

#[test]
fn resolves_muscles_by_alias_and_accent() {
    let atlas = mini();
    assert_eq!(atlas.resolve_muscle("scm").unwrap().id, "sterno");
    assert_eq!(atlas.resolve_muscle("Sternocleido").unwrap().id, "sterno");
    assert_eq!(atlas.resolve_muscle("STÉRNOCLEIDO").unwrap().id, "sterno");
    let err = atlas.resolve_muscle("alpah").unwrap_err();
    assert!(err.to_string().contains("did you mean 'alpha'"), "{err}");
}

#[test]
fn lookups_by_id() {
    let atlas = mini();
    assert_eq!(atlas.trigger_point("gamma-1").unwrap().0.id, "gamma");
    assert!(atlas.trigger_point("nope").is_none());
    assert_eq!(atlas.region_name("sternum"), "Breastbone");
    assert_eq!(atlas.trigger_point_count(), 8);
}

#[test]
fn reports_every_problem_not_just_the_first() {
    let text = include_str!("../../../../tests/fixtures/mini.ron")
        .replace("spillover: [\"jaw\"]", "spillover: [\"jaww\"]")
        .replace("essential: [\"sternum\"]", "essential: []");
    let err = Atlas::from_text(&text, "x.ron").unwrap_err();
    let lines = err.lines();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(err.to_string().contains("(and 1 more"), "{err}");
}

#[test]
fn the_size_cap_is_checked_before_reading() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let path = dir.join("big.ron");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(MAX_ATLAS_BYTES + 1).unwrap();
    let err = Atlas::from_path(&path).unwrap_err();
    assert!(matches!(err, AtlasError::TooLarge { .. }), "{err}");
}

#[test]
fn trigger_points_touching_lists_each_once_in_file_order() {
    let atlas = mini();
    let ids = |regions: &[&str]| {
        atlas
            .trigger_points_touching(regions.iter().copied())
            .iter()
            .map(|(_, tp)| tp.id.clone())
            .collect::<Vec<_>>()
    };
    // alpha: temple essential; beta: temple spillover; gamma: temple and neck essential;
    // delta and sterno lie in the side of the neck.
    assert_eq!(ids(&["temple"]), ["alpha-1", "beta-1", "gamma-1"]);
    assert_eq!(
        ids(&["temple", "neck-side"]),
        ["alpha-1", "beta-1", "gamma-1", "delta-1", "sterno-1"]
    );
    assert!(ids(&["nowhere"]).is_empty());
}

#[test]
fn guides_and_rare_zones_load() {
    let text = include_str!("../../../../tests/fixtures/mini.ron")
        .replace(
            "likelihood: common, attested: charted, symptoms: [\"toothache\"]",
            "likelihood: common, attested: practice, rare: [\"temple\"], symptoms: [\"toothache\"]",
        )
        .replace(
            "    ],\n)",
            "    ],\n    guides: [Guide(region: \"temple\", source: \"test\", entries: [\
             GuideEntry(muscle: \"gamma\", zone: essential), \
             GuideEntry(muscle: \"beta\", zone: spillover)])],\n)",
        );
    let atlas = Atlas::from_text(&text, "x.ron").unwrap();
    let (_, beta) = atlas.trigger_point("beta-1").unwrap();
    assert_eq!(beta.rare, ["temple"]);
    assert_eq!(beta.attested, Attestation::Practice);
    let guides: Vec<&Guide> = atlas.guides_for("temple").collect();
    assert_eq!(guides.len(), 1);
    let order: Vec<(&str, GuideZone)> = guides[0]
        .entries
        .iter()
        .map(|e| (e.muscle.as_str(), e.zone))
        .collect();
    assert_eq!(
        order,
        [
            ("gamma", GuideZone::Essential),
            ("beta", GuideZone::Spillover)
        ]
    );
    assert!(atlas.guides_for("jaw").next().is_none());
    // The mini atlas itself has no guides: they are optional.
    assert!(mini().guides().is_empty());
}

/// A pasted paragraph is no region: it is refused with the same suggestions a fresh
/// comparison would give (none is near it), and only keys at least as long as it are
/// matched letter by letter, so it stays cheap.
#[test]
fn a_pasted_paragraph_is_an_unknown_region_with_no_suggestion() {
    let atlas = Atlas::shipped().unwrap();
    let paragraph = "it hurts behind the left temple when I chew, worse at night ".repeat(50);
    match atlas.resolve_region(&paragraph) {
        Err(ResolveError::UnknownRegion { suggestions, token }) => {
            assert!(suggestions.is_empty(), "{suggestions:?}");
            assert_eq!(token, paragraph.trim());
        }
        other => panic!("{other:?}"),
    }
    // A short typo still gets its suggestions, fuzzy ones included.
    let Err(ResolveError::UnknownRegion { suggestions, .. }) = atlas.resolve_region("tmple") else {
        panic!("tmple is no region")
    };
    assert!(suggestions.iter().any(|s| s == "temple"), "{suggestions:?}");
    assert!(matches!(
        atlas.resolve_muscle(&"x".repeat(3000)),
        Err(ResolveError::UnknownMuscle { .. })
    ));
}
