//! The subcommands as a user runs them: exit codes, text, JSON and errors.

use crate::util::{code, json, painmap, run, run_mini, scratch, stderr, stdout};
use std::io::Read;
use std::process::Stdio;

#[test]
fn rank_json_has_the_documented_shape() {
    let out = run_mini(&["rank", "left temple", "left neck-side", "--json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(
        v["selection"],
        serde_json::json!([
            {"region": "temple", "side": "left"},
            {"region": "neck-side", "side": "left"}
        ])
    );
    assert_eq!(v["by"], "muscle");
    assert!(v["age"].is_null());
    let cands = v["candidates"].as_array().unwrap();
    assert_eq!(cands[0]["rank"], 1);
    assert_eq!(cands[0]["tied"], false);
    assert_eq!(cands[0]["muscle"], "gamma");
    assert_eq!(cands[0]["muscle_name"], "Gamma");
    assert!(
        cands[0].get("trigger_point").is_none(),
        "a muscle candidate"
    );
    assert_eq!(cands[0]["side"], "left");
    assert_eq!(cands[0]["likelihood"], "occasional");
    assert_eq!(
        cands[0]["matches"],
        serde_json::json!([
            {"region": "temple", "side": "left", "zone": "essential"},
            {"region": "neck-side", "side": "left", "zone": "essential"}
        ])
    );
    let points = cands[0]["trigger_points"].as_array().unwrap();
    assert_eq!(points[0]["trigger_point"], "gamma-1");
    assert_eq!(points[0]["trigger_point_name"], "TrP1");
    assert_eq!(points[0]["attested"], "charted");
    assert_eq!(points[0]["matches"], cands[0]["matches"]);
    assert!(points[0]["score"].as_u64().unwrap() > 0);
    let scores: Vec<u64> = cands.iter().map(|c| c["score"].as_u64().unwrap()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "descending: {scores:?}"
    );
    assert!(v["red_flags"].as_array().unwrap().is_empty());
    assert!(v["ask_age"].as_array().unwrap().is_empty());
}

#[test]
fn rank_by_point_gives_the_trigger_point_list() {
    let v = json(&run_mini(&[
        "rank",
        "left temple",
        "--by",
        "point",
        "--json",
    ]));
    assert_eq!(v["by"], "point");
    let c = &v["candidates"][0];
    assert_eq!(c["trigger_point"], "alpha-1");
    assert_eq!(c["attested"], "charted");
    assert!(c.get("trigger_points").is_none());
}

#[test]
fn rank_shows_true_ties_as_ties() {
    let text = stdout(&run_mini(&["rank", "chest"]));
    // Zeta and Eta refer the chest alike and no guide separates them.
    assert!(text.contains(" =1. Zeta  [score "), "{text}");
    assert!(text.contains(" =1. Eta  [score "), "{text}");
    let v = json(&run_mini(&["rank", "chest", "--json"]));
    assert_eq!(v["candidates"][1]["rank"], 1);
    assert_eq!(v["candidates"][1]["tied"], true);
}

#[test]
fn the_age_decides_the_giant_cell_flag() {
    let rank_ron = crate::util::fixture("rank.ron");
    let atlas = rank_ron.to_str().unwrap();
    let flags = |extra: &[&str]| {
        let mut args = vec!["--atlas", atlas, "rank", "temple", "jaw", "--json"];
        args.extend_from_slice(extra);
        let v = json(&run(&args));
        (
            v["red_flags"].clone(),
            v["ask_age"].clone(),
            v["age"].clone(),
        )
    };
    let (raised, asked, age) = flags(&[]);
    assert_eq!(raised, serde_json::json!([]));
    assert_eq!(asked[0]["id"], "gca");
    assert_eq!(asked[0]["over"], 50);
    assert!(age.is_null());
    let (raised, asked, age) = flags(&["--age", "62"]);
    assert_eq!(raised[0]["id"], "gca");
    assert_eq!(asked, serde_json::json!([]));
    assert_eq!(age, 62);
    let (raised, asked, _) = flags(&["--age", "40"]);
    assert_eq!(
        (raised, asked),
        (serde_json::json!([]), serde_json::json!([]))
    );
    let text = stdout(&run(&["--atlas", atlas, "rank", "temple", "jaw"]));
    assert!(
        text.contains("Ask the age: over 50, temple pain with jaw pain is a red flag."),
        "{text}"
    );
    let out = run(&["--atlas", atlas, "rank", "temple", "--age", "200"]);
    assert_eq!(code(&out), 2);
}

#[test]
fn guide_prints_the_pain_guides_of_a_region() {
    let rank_ron = crate::util::fixture("rank.ron");
    let atlas = rank_ron.to_str().unwrap();
    let out = run(&["--atlas", atlas, "guide", "calf"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "Calf (calf): test guide\n   1. Gmin                                 essential\n   2. Ham                                  essential\n\n\
         Calf (calf): second guide\n   1. Ham                                  spillover\n   2. Gmin                                 essential\n"
    );
    let v = json(&run(&["--atlas", atlas, "guide", "left calf", "--json"]));
    assert_eq!(v[0]["source"], "test guide");
    assert_eq!(v[0]["entries"][0]["muscle"], "gmin");
    assert_eq!(v[1]["entries"][0]["zone"], "spillover");
    let out = run(&["--atlas", atlas, "guide", "temple"]);
    assert_eq!(code(&out), 1);
    assert!(stdout(&out).contains("No pain guide"), "{}", stdout(&out));
    let out = run(&["--atlas", atlas, "guide", "calff"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("did you mean 'calf'"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn rank_without_sides_gives_null_sides() {
    let v = json(&run_mini(&["rank", "temple", "--format", "json"]));
    for c in v["candidates"].as_array().unwrap() {
        assert!(c["side"].is_null(), "{c}");
    }
    assert!(v["selection"][0]["side"].is_null());
}

#[test]
fn rank_reports_red_flags() {
    let v = json(&run_mini(&[
        "rank",
        "chest",
        "jaw",
        "--symptom",
        "fever",
        "--json",
    ]));
    let ids: Vec<&str> = v["red_flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["cardiac", "fever"]);
}

#[test]
fn rank_text_explains_each_candidate() {
    let out = run_mini(&["rank", "left temple", "left neck-side"]);
    let text = stdout(&out);
    assert!(
        text.starts_with("Where it hurts: left temple, left side of neck\n"),
        "{text}"
    );
    assert!(
        text.contains("  1. Gamma (left)  [score 219, occasional]"),
        "{text}"
    );
    assert!(
        text.contains("       - TrP1  [219, occasional, charted]: left temple (essential)"),
        "{text}"
    );
    assert!(
        text.contains("left temple (essential), left side of neck (essential)"),
        "{text}"
    );
    assert!(text.contains("not a diagnosis"), "{text}");
}

#[test]
fn rank_top_limits_and_counts_the_rest() {
    let v = json(&run_mini(&["rank", "temple", "--top", "1", "--json"]));
    assert_eq!(v["candidates"].as_array().unwrap().len(), 1);
    assert!(v["total_candidates"].as_u64().unwrap() > 1);
}

#[test]
fn rank_markdown_is_a_note() {
    let text = stdout(&run_mini(&["rank", "left temple", "--format", "markdown"]));
    assert!(text.starts_with("# painmap intake note\n"), "{text}");
    assert!(
        text.contains(
            "| 1 | Alpha | TrP1 (charted in Travell & Simons, 110) | left | left temple (essential) | 110 |"
        ),
        "{text}"
    );
    assert!(text.contains("painmap is an educational reference, not a diagnosis"));
}

#[test]
fn rank_accepts_comma_separated_regions() {
    let a = stdout(&run_mini(&["rank", "left temple, left jaw", "--json"]));
    let b = stdout(&run_mini(&["rank", "left temple", "left jaw", "--json"]));
    assert_eq!(a, b);
}

#[test]
fn unknown_region_exits_2_with_a_suggestion() {
    // Nothing in it is understood even as a phrase: resolution's own message.
    let out = run_mini(&["rank", "tmpl"]);
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        "painmap: unknown region 'tmpl'; did you mean 'temple'?\n"
    );
    let out = run(&["rank", "qqqq"]);
    assert_eq!(code(&out), 2);
    assert_eq!(stderr(&out), "painmap: unknown region 'qqqq'\n");
    assert!(stdout(&out).is_empty());
}

#[test]
fn a_typo_is_forgiven_and_said() {
    let out = run_mini(&["rank", "tempel", "--json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "painmap: in 'tempel': read 'tempel' as 'temple'\n"
    );
    assert_eq!(json(&out)["selection"][0]["region"], "temple");
}

#[test]
fn nothing_found_exits_1() {
    let out = run_mini(&["rank", "--symptom", "zzzz"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let out = run_mini(&["search", "qqqqqq"]);
    assert_eq!(code(&out), 1);
    assert!(stdout(&out).is_empty());
}

#[test]
fn rank_with_nothing_selected_is_an_error() {
    let out = run_mini(&["rank"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("nothing to rank"), "{}", stderr(&out));
}

#[test]
fn search_json() {
    let out = run_mini(&["search", "SCM", "--json"]);
    assert_eq!(code(&out), 0);
    let v = json(&out);
    assert_eq!(v[0]["kind"], "muscle");
    assert_eq!(v[0]["id"], "sterno");
    assert_eq!(v[0]["label"], "Stérnocleido (SCM)");
    assert_eq!(v[0]["indices"], serde_json::json!([14, 15, 16]));
    assert!(v[0]["score"].as_i64().unwrap() > 0);
}

/// `search --atlas FILE` keeps the file's search index in the cache: the second run
/// answers the same from it, a damaged index is rebuilt, and a bad file is refused
/// with its line and column all the same.
#[test]
fn search_reads_its_index_back_from_the_cache() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("search-cache");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let atlas = dir.join("atlas.ron");
    std::fs::copy(crate::util::fixture("mini.ron"), &atlas).unwrap();
    let search = |query: &str| {
        painmap()
            .env("XDG_CACHE_HOME", &dir)
            .args([
                "--atlas",
                atlas.to_str().unwrap(),
                "search",
                query,
                "--json",
            ])
            .output()
            .unwrap()
    };
    let first = search("scm");
    assert_eq!(code(&first), 0, "{}", stderr(&first));
    let entries: Vec<_> = std::fs::read_dir(dir.join("painmap"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let index = entries
        .iter()
        .find(|p| p.extension().is_some_and(|x| x == "search"))
        .expect("the index is kept");
    assert!(
        entries
            .iter()
            .any(|p| p.extension().is_some_and(|x| x == "atlas"))
    );
    let mode = std::fs::metadata(index).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let second = search("scm");
    assert_eq!(stdout(&second), stdout(&first));
    let mut bytes = std::fs::read(index).unwrap();
    bytes.truncate(bytes.len() / 2);
    std::fs::write(index, &bytes).unwrap();
    let third = search("scm");
    assert_eq!(stdout(&third), stdout(&first));
    assert!(
        std::fs::metadata(index).unwrap().len() > bytes.len() as u64,
        "rebuilt"
    );
    let text = std::fs::read_to_string(&atlas).unwrap();
    std::fs::write(&atlas, text.replacen("temple", "tempel", 1)).unwrap();
    let bad = search("scm");
    assert_eq!(code(&bad), 2);
    assert!(stderr(&bad).contains("atlas.ron"), "{}", stderr(&bad));
}

#[test]
fn regions_and_muscles_list_the_whole_atlas() {
    let v = json(&run_mini(&["regions", "--json"]));
    assert_eq!(v.as_array().unwrap().len(), 6);
    assert_eq!(v[4]["id"], "sternum");
    assert_eq!(v[4]["midline"], true);
    let v = json(&run_mini(&["muscles", "--json"]));
    assert_eq!(v.as_array().unwrap().len(), 8);
    let tp = &v[0]["trigger_points"][0];
    for field in [
        "id",
        "name",
        "location",
        "essential",
        "spillover",
        "likelihood",
        "symptoms",
    ] {
        assert!(!tp[field].is_null(), "{field}");
    }
    assert_eq!(v[0]["source"], "test fixture");
}

#[test]
fn show_by_alias_and_tp() {
    let out = run_mini(&["show", "alf"]);
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).starts_with("Alpha (alpha)\n"));
    let v = json(&run_mini(&["show", "alpha", "--tp", "alpha-1", "--json"]));
    assert_eq!(v["trigger_points"].as_array().unwrap().len(), 1);
    let out = run_mini(&["show", "alpha", "--tp", "nope"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("has no trigger point 'nope'"));
    let out = run_mini(&["show", "alpah"]);
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        "painmap: unknown muscle 'alpah'; did you mean 'alpha'?\n"
    );
}

#[test]
fn glossary_filters() {
    let out = run_mini(&["glossary", "taut", "--json"]);
    assert_eq!(code(&out), 0);
    assert_eq!(json(&out)[0]["term"], "Trigger point");
    assert_eq!(code(&run_mini(&["glossary", "zzz"])), 1);
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let mut child = painmap()
        .args(["muscles", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one byte, then hang up.
    let mut stdout = child.stdout.take().unwrap();
    let mut byte = [0u8; 1];
    let _ = stdout.read(&mut byte);
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_shipped_atlas_validates() {
    let out = run(&["validate"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).starts_with("ok: 94 regions, "));
}

#[test]
fn clap_definition_is_consistent() {
    use clap::CommandFactory;
    painmap::cli::Cli::command().debug_assert();
}

#[test]
fn open_refuses_bad_records_with_one_line() {
    let tmp = scratch("open");
    let dir = tmp.path();
    let bad_json = dir.join("bad.json");
    std::fs::write(
        &bad_json,
        "{\"format\": \"painmap-intake\",\n \"version\": 1, oops}",
    )
    .unwrap();
    let unknown = dir.join("unknown.json");
    std::fs::write(
        &unknown,
        r#"{"format":"painmap-intake","version":1,"date":"d","regions":[{"region":"tempel","side":"left","intensity":3,"quality":null}],"symptoms":[]}"#,
    )
    .unwrap();
    for (file, expected) in [
        (
            dir.join("missing.json"),
            "missing.json: no such file".to_string(),
        ),
        (bad_json, "bad.json:2:16: key must be a string".to_string()),
        (unknown, "unknown.json: unknown region 'tempel'".to_string()),
        (dir.to_path_buf(), "is a directory".to_string()),
    ] {
        let out = run(&["--open", file.to_str().unwrap()]);
        assert_eq!(code(&out), 2, "{}", stderr(&out));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(&expected), "{err} should contain {expected}");
    }
    let out = run(&["--open", "x.json", "regions"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("takes no command"));
}

#[test]
fn usage_errors_are_one_line_with_exit_2() {
    for (args, says) in [
        (
            &["show", "soleus", "--side", "up"][..],
            "the side is left or right",
        ),
        (&["show", "soleus", "--sid", "left"][..], "'--side'"),
        (&["rnak", "temple"][..], "'rank'"),
        (&["show"][..], "<MUSCLE>"),
        (&["rank", "--top", "many", "temple"][..], "'--top <N>'"),
        (&["frobnicate"][..], "'frobnicate'"),
    ] {
        let out = run(args);
        assert_eq!(code(&out), 2, "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("painmap: ") && err.contains(says), "{err}");
    }
    let out = run(&["--help"]);
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).contains("Usage: painmap"));
}

#[test]
fn a_body_area_lists_its_regions_instead_of_guessing() {
    let out = run(&["rank", "left arm"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("painmap: 'left arm' is a body area (Arm), not one region;")
            && err.contains("upper-arm-front")
            && err.contains("elbow-outer"),
        "{err}"
    );
    let err = stderr(&run(&["rank", "Hand"]));
    assert!(
        err.contains("(Wrist & hand)") && err.contains("thumb-web"),
        "{err}"
    );
    // A typo is read as the region it is close to, and says so; a region named like an
    // area still resolves.
    let err = stderr(&run(&["rank", "tempel"]));
    assert!(err.contains("read 'tempel' as 'temple'"), "{err}");
    assert_eq!(code(&run(&["rank", "upper back"])), 0);
}

#[test]
fn rank_reads_a_symptom_word_given_as_a_region() {
    let out = run(&["rank", "sciatica", "--json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(v["selection"].as_array().map(Vec::len), Some(0));
    assert_eq!(v["symptoms"][0], "sciatica");
    let first = &v["candidates"][0];
    assert_eq!(first["symptoms"][0], "sciatica", "{first}");
}

#[test]
fn clinical_side_shorthand_resolves_in_rank() {
    for (arg, region, side) in [
        ("L temple", "temple", "left"),
        ("R SI joint", "sacroiliac", "right"),
        ("lt buttock", "buttock", "left"),
        ("rt heel", "heel", "right"),
        ("R SI", "sacroiliac", "right"),
    ] {
        let out = run(&["rank", arg, "--json"]);
        assert_eq!(code(&out), 0, "{arg}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{arg}");
        let v = json(&out);
        assert_eq!(v["selection"][0]["region"], region, "{arg}");
        assert_eq!(v["selection"][0]["side"], side, "{arg}");
    }
}

#[test]
fn rank_reads_phrases() {
    let out = run(&[
        "rank",
        "pain behind my left knee and in the calf, burning",
        "--json",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(
        v["selection"],
        serde_json::json!([
            {"region": "knee-back", "side": "left"},
            {"region": "calf", "side": "left"}
        ])
    );
    assert_eq!(v["symptoms"], serde_json::json!(["burning"]));
    let out = run(&["rank", "both temples", "--json"]);
    assert_eq!(json(&out)["selection"].as_array().map(Vec::len), Some(2));
}

#[test]
fn rank_says_what_a_phrase_left_unread() {
    let out = run(&["rank", "left temple and the flibbertigibbet"]);
    assert_eq!(code(&out), 0);
    assert_eq!(
        stderr(&out),
        "painmap: in 'left temple and the flibbertigibbet': not understood: 'flibbertigibbet'\n"
    );
}

#[test]
fn show_side_takes_the_shorthand_too() {
    let a = stdout(&run(&[
        "show", "soleus", "--side", "lt", "--ascii", "--width", "80",
    ]));
    let b = stdout(&run(&[
        "show", "soleus", "--side", "left", "--ascii", "--width", "80",
    ]));
    assert_eq!(a, b);
    let out = run(&["show", "soleus", "--side", "both"]);
    assert_eq!(code(&out), 2);
}

#[test]
fn parse_prints_the_json_contract() {
    let out = run(&[
        "parse",
        "pins and needles down my R arm, no numbness",
        "--json",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        json(&out),
        serde_json::json!({
            "regions": [
                {"region": "upper-arm-outer", "side": "right"},
                {"region": "elbow-outer", "side": "right"},
                {"region": "forearm-back", "side": "right"}
            ],
            "qualities": ["tingling"],
            "symptoms": [],
            "unmatched": []
        })
    );
    let out = run(&["parse", "both", "temples,", "blorp"]);
    assert_eq!(code(&out), 0);
    let text = stdout(&out);
    assert!(
        text.contains("regions:    left temple, right temple"),
        "{text}"
    );
    assert!(text.contains("unmatched:  'blorp'"), "{text}");
}

#[test]
fn parse_exits_1_when_nothing_is_understood() {
    let out = run(&["parse", "qwzx", "--json"]);
    assert_eq!(code(&out), 1);
    assert_eq!(json(&out)["unmatched"], serde_json::json!(["qwzx"]));
    let out = run(&["parse"]);
    assert_eq!(code(&out), 2);
}
