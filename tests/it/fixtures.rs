//! One broken atlas per kind of error: each must exit 2 with a one-line message naming
//! the file and the `line:col` or the id at fault.

use crate::util::{code, fixture, run, stderr, stdout};

/// Validates a broken fixture and returns its single stderr line.
fn broken(name: &str) -> String {
    let path = fixture(&format!("broken/{name}"));
    let out = run(&["validate", path.to_str().unwrap()]);
    assert_eq!(code(&out), 2, "{name}: {}", stderr(&out));
    assert!(stdout(&out).is_empty(), "{name}: nothing on stdout");
    let err = stderr(&out);
    assert!(err.starts_with("painmap: "), "{err}");
    assert!(
        err.contains(&format!("broken/{name}")),
        "names the file: {err}"
    );
    err
}

fn one_line(err: &str) -> &str {
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    err.trim_end()
}

#[test]
fn syntax_error_names_line_and_column() {
    let err = broken("syntax.ron");
    assert!(
        one_line(&err).ends_with("syntax.ron:27:13: Expected comma"),
        "{err}"
    );
}

#[test]
fn unknown_field_names_line_column_and_field() {
    let err = broken("unknown-field.ron");
    assert!(one_line(&err).contains("unknown-field.ron:48:58:"), "{err}");
    assert!(err.contains("`colour`"), "{err}");
}

#[test]
fn wrong_type_names_line_and_column() {
    let err = broken("wrong-type.ron");
    assert!(one_line(&err).contains("wrong-type.ron:67:31:"), "{err}");
}

#[test]
fn bad_likelihood_lists_the_choices() {
    let err = broken("bad-likelihood.ron");
    assert!(
        one_line(&err).contains("bad-likelihood.ron:34:69:"),
        "{err}"
    );
    assert!(
        err.contains("`often`") && err.contains("`occasional`"),
        "{err}"
    );
}

#[test]
fn empty_file() {
    let err = broken("empty.ron");
    assert!(
        one_line(&err).contains("empty.ron:1:1: the file is empty"),
        "{err}"
    );
}

#[test]
fn invalid_utf8_names_the_position() {
    let err = broken("not-utf8.ron");
    assert!(
        one_line(&err).contains("not-utf8.ron:5:40: not valid UTF-8"),
        "{err}"
    );
}

#[test]
fn duplicate_region_id() {
    let err = broken("duplicate-region-id.ron");
    assert!(
        err.lines()
            .next()
            .unwrap()
            .ends_with("duplicate region id 'temple'"),
        "{err}"
    );
}

#[test]
fn duplicate_region_alias_is_case_insensitive() {
    let err = broken("duplicate-region-alias.ron");
    assert!(
        one_line(&err).ends_with(
            "duplicate alias 'Mandible': region 'chest' and region 'jaw' both answer to it"
        ),
        "{err}"
    );
}

#[test]
fn duplicate_muscle_id() {
    let err = broken("duplicate-muscle-id.ron");
    assert!(
        one_line(&err).ends_with("duplicate muscle id 'zeta'"),
        "{err}"
    );
}

#[test]
fn duplicate_muscle_alias_is_case_insensitive() {
    let err = broken("duplicate-muscle-alias.ron");
    assert!(
        one_line(&err)
            .ends_with("duplicate alias 'ALF': muscle 'beta' and muscle 'alpha' both answer to it"),
        "{err}"
    );
}

#[test]
fn duplicate_trigger_point_id() {
    let err = broken("duplicate-trigger-point-id.ron");
    assert!(
        one_line(&err)
            .ends_with("duplicate trigger point id 'zeta-1' (in muscles 'zeta' and 'eta')"),
        "{err}"
    );
}

#[test]
fn unknown_region_names_the_trigger_point_and_suggests() {
    let err = broken("unknown-region.ron");
    assert!(
        one_line(&err).ends_with(
            "trigger point 'beta-1' (muscle 'beta'): unknown region 'tempel' in spillover; \
             did you mean 'temple'?"
        ),
        "{err}"
    );
}

#[test]
fn no_essential_region() {
    let err = broken("no-essential.ron");
    assert!(
        one_line(&err)
            .ends_with("trigger point 'epsilon-1' (muscle 'epsilon'): no essential region"),
        "{err}"
    );
}

#[test]
fn essential_and_spillover_at_once() {
    let err = broken("essential-and-spillover.ron");
    assert!(
        one_line(&err).ends_with(
            "trigger point 'alpha-1' (muscle 'alpha'): region 'temple' is both essential and spillover"
        ),
        "{err}"
    );
}

#[test]
fn crosses_must_be_a_zone() {
    let err = broken("crosses-not-a-zone.ron");
    assert!(
        one_line(&err).ends_with("crosses 'jaw', which is not one of its zones"),
        "{err}"
    );
}

#[test]
fn red_flag_with_unknown_region() {
    let err = broken("unknown-flag-region.ron");
    assert!(
        one_line(&err).ends_with("red flag 'cardiac': unknown region 'elbow'"),
        "{err}"
    );
}

#[test]
fn ids_must_be_kebab_case() {
    let err = broken("bad-id.ron");
    assert!(
        one_line(&err).contains("muscle id 'Gamma Muscle' is not lowercase kebab-case"),
        "{err}"
    );
}

#[test]
fn provenance_is_required() {
    let err = broken("missing-attested.ron");
    assert!(
        one_line(&err).ends_with(
            "missing-attested.ron:34:104: Unexpected missing field named `attested` in `TriggerPoint`"
        ),
        "{err}"
    );
}

#[test]
fn bad_provenance_lists_the_choices() {
    let err = broken("bad-attested.ron");
    assert!(one_line(&err).contains("bad-attested.ron:34:91:"), "{err}");
    for word in [
        "`chartered`",
        "`charted`",
        "`davies`",
        "`practice`",
        "`consensus`",
    ] {
        assert!(err.contains(word), "{word}: {err}");
    }
}

#[test]
fn rare_must_be_a_zone() {
    let err = broken("rare-not-a-zone.ron");
    assert!(
        one_line(&err).ends_with(
            "trigger point 'beta-1' (muscle 'beta'): rare 'forehead', which is not one of its zones"
        ),
        "{err}"
    );
}

#[test]
fn guide_with_unknown_region_suggests() {
    let err = broken("unknown-guide-region.ron");
    assert!(
        one_line(&err).ends_with(
            "guide for 'tempel' (test guide): unknown region 'tempel'; did you mean 'temple'?"
        ),
        "{err}"
    );
}

#[test]
fn guide_with_unknown_muscle_suggests() {
    let err = broken("unknown-guide-muscle.ron");
    assert!(
        one_line(&err).ends_with(
            "guide for 'temple' (test guide): unknown muscle 'gamm'; did you mean 'gamma'?"
        ),
        "{err}"
    );
}

#[test]
fn guide_muscle_must_refer_to_the_region() {
    let err = broken("guide-muscle-elsewhere.ron");
    assert!(
        one_line(&err).ends_with(
            "guide for 'temple' (test guide): muscle 'epsilon' has no trigger point that refers to 'temple'"
        ),
        "{err}"
    );
}

#[test]
fn one_guide_per_region_and_source() {
    let err = broken("duplicate-guide.ron");
    assert!(
        one_line(&err).ends_with("duplicate guide for 'temple' (test guide)"),
        "{err}"
    );
}

#[test]
fn guide_lists_a_muscle_once() {
    let err = broken("guide-muscle-twice.ron");
    assert!(
        one_line(&err).ends_with("guide for 'temple' (test guide): muscle 'alpha' is listed twice"),
        "{err}"
    );
}

#[test]
fn guide_zone_is_essential_or_spillover() {
    let err = broken("bad-guide-zone.ron");
    assert!(
        one_line(&err).contains("bad-guide-zone.ron:95:47:"),
        "{err}"
    );
    assert!(
        err.contains("`essential`") && err.contains("`spillover`"),
        "{err}"
    );
}

#[test]
fn missing_file_and_directory() {
    let out = run(&["validate", "/no/such/atlas.ron"]);
    assert_eq!(code(&out), 2);
    assert_eq!(stderr(&out), "painmap: /no/such/atlas.ron: no such file\n");
    let dir = fixture("broken");
    let out = run(&["--atlas", dir.to_str().unwrap(), "regions"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("is a directory"), "{}", stderr(&out));
}

#[test]
fn a_broken_atlas_stops_every_command_with_one_line() {
    let path = fixture("broken/no-essential.ron");
    for cmd in [
        &["rank", "chest"][..],
        &["search", "x"],
        &["regions"],
        &["muscles"],
    ] {
        let mut args = vec!["--atlas", path.to_str().unwrap()];
        args.extend_from_slice(cmd);
        let out = run(&args);
        assert_eq!(code(&out), 2, "{cmd:?}");
        assert_eq!(stderr(&out).lines().count(), 1, "{cmd:?}: {}", stderr(&out));
    }
}

#[test]
fn the_mini_fixture_is_valid() {
    let path = fixture("mini.ron");
    let out = run(&["validate", path.to_str().unwrap()]);
    assert_eq!(code(&out), 0);
    assert_eq!(
        stdout(&out),
        "ok: 6 regions, 8 muscles, 8 trigger points\nzone shapes: 0 of 8 patterns drawn; the others as the regions they list\n"
    );
}
