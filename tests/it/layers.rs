//! What else it could be, through the real binary: `rank` (text and JSON) beside the
//! muscles, the cardiac flag the heart's zone raises, and `show --layer`.

use crate::util::run;
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let out = run(args);
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{:?}: {}",
        args,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn ids(v: &Value, list: &str, key: &str) -> Vec<String> {
    v[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x[key].as_str().unwrap().to_owned())
        .collect()
}

const S1_STRIPE: [&str; 5] = [
    "left back of thigh",
    "left calf",
    "left heel",
    "left outer edge of foot",
    "left lesser toes",
];

#[test]
fn the_s1_stripe_puts_s1_beside_gluteus_minimus_with_the_telling_questions() {
    let mut args = vec!["rank", "--json", "--top", "5"];
    args.extend(S1_STRIPE);
    let v = json(&args);
    assert!(
        ids(&v, "candidates", "muscle").contains(&"gluteus-minimus".to_owned()),
        "{v}"
    );
    let first = &v["what_else"][0];
    assert_eq!(first["id"], "S1", "{v}");
    assert_eq!(first["kind"], "dermatome");
    assert_eq!(first["side"], "left");
    assert_eq!(first["explains"].as_array().unwrap().len(), 5);
    let asks = ids(first, "questions", "id");
    for q in ["numbness", "weakness", "reflexes", "cough"] {
        assert!(asks.contains(&q.to_owned()), "{asks:?}");
    }
    assert!(
        first["source"]
            .as_str()
            .unwrap()
            .contains("Lee, McPhee & Stringer")
    );

    let mut args = vec!["rank", "--top", "5"];
    args.extend(S1_STRIPE);
    let out = run(&args);
    let text = String::from_utf8_lossy(&out.stdout);
    let muscles = text
        .find("Gluteus minimus")
        .expect("gluteus minimus listed");
    let layer = text.find("What else it could be").expect("the section");
    assert!(muscles < layer, "{text}");
    assert!(text.contains("S1 dermatome (left), fits"), "{text}");
    assert!(
        text.contains("ask: Is it worse on coughing, sneezing or straining?"),
        "{text}"
    );
}

#[test]
fn thumb_and_index_finger_fit_c6_and_the_median_nerve() {
    let v = json(&["rank", "--json", "right thumb", "right index finger"]);
    let found = ids(&v, "what_else", "id");
    assert!(found.contains(&"C6".to_owned()), "{found:?}");
    assert!(found.contains(&"median".to_owned()), "{found:?}");
}

#[test]
fn left_arm_and_jaw_raise_the_cardiac_flag_right_ones_do_not() {
    let v = json(&["rank", "--json", "left inner upper arm", "left jaw"]);
    assert!(
        ids(&v, "red_flags", "id").contains(&"cardiac".to_owned()),
        "{v}"
    );
    let heart = v["what_else"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "heart")
        .expect("the heart fits");
    assert_eq!(heart["red_flag"], "cardiac");
    let v = json(&["rank", "--json", "right inner upper arm", "right jaw"]);
    assert!(
        !ids(&v, "red_flags", "id").contains(&"cardiac".to_owned()),
        "{v}"
    );
}

#[test]
fn show_layer_dermatomes_svg_marks_every_band_c2_to_s2() {
    let out = run(&["show", "--layer", "dermatomes", "--format", "svg"]);
    assert_eq!(out.status.code(), Some(0));
    let svg = String::from_utf8(out.stdout).unwrap();
    let views: Vec<&str> = svg.split("<g data-view=").collect();
    let front = views.iter().find(|v| v.starts_with("\"Front\"")).unwrap();
    let back = views.iter().find(|v| v.starts_with("\"Back\"")).unwrap();
    let mut bands: Vec<String> = ["C", "T", "L", "S"]
        .iter()
        .zip([2..=8, 1..=12, 1..=5, 1..=2])
        .flat_map(|(l, r)| r.map(move |n| format!("{l}{n}")))
        .collect();
    bands.retain(|b| b != "C1");
    assert_eq!(bands.len(), 26);
    for b in &bands {
        let attr = format!("data-dermatome=\"{b}\"");
        assert!(
            front.contains(&attr) || back.contains(&attr),
            "{b} on the whole body"
        );
        assert!(svg.contains(&format!(">{b}<title>")), "{b} named");
    }
    // The arm's and the leg's bands show on both views.
    for b in ["C5", "C6", "C7", "C8", "T1", "T2", "L4", "L5", "S1"] {
        let attr = format!("data-dermatome=\"{b}\"");
        assert!(front.contains(&attr) && back.contains(&attr), "{b}");
    }
}

#[test]
fn show_layer_draws_text_png_and_json_and_refuses_nonsense() {
    let out = run(&["show", "--layer", "nerves", "--ascii", "--width", "80"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.is_ascii());
    assert!(text.lines().all(|l| l.chars().count() <= 80));
    assert!(text.contains("Med Median nerve"), "{text}");

    let dir = std::env::temp_dir().join(format!("painmap-layers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let png = dir.join("organs.png");
    let out = run(&[
        "show",
        "--layer",
        "organs",
        "--format",
        "png",
        "--out",
        png.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    std::fs::remove_dir_all(&dir).ok();

    let v = json(&["show", "--layer", "dermatomes", "--json"]);
    assert_eq!(v.as_array().unwrap().len(), 26);
    assert_eq!(v[0]["id"], "C2");

    let out = run(&["show", "--layer", "muscles"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["show"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["show", "soleus", "--layer", "organs"]);
    assert_eq!(out.status.code(), Some(2), "a muscle or a layer, not both");
}
