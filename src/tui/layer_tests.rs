//! The map's layer (`o`) and "What else it could be" in the explorer, driven through
//! input mapping, `update` and `draw` on a `TestBackend`.

use super::app::App;
use crate::atlas::{Atlas, RegionInstance, Side};
use crate::layers::Kind;
use std::sync::OnceLock;

fn atlas() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| Atlas::shipped().unwrap())
}

type Harness = super::testkit::Harness<App<'static>>;

fn with(regions: &[&str], side: Side, w: u16, h: u16) -> Harness {
    let mut app = App::new(atlas());
    for r in regions {
        app.intake.toggle(RegionInstance::new(*r, Some(side)));
    }
    app.rerank();
    Harness::start(app, w, h)
}

#[test]
fn o_cycles_the_layer_and_the_map_names_it() {
    let mut h = with(&[], Side::Left, 120, 40);
    let mut seen = Vec::new();
    for _ in 0..4 {
        h.ch('o');
        seen.push(h.app.layer);
    }
    assert_eq!(
        seen,
        [
            Some(Kind::Dermatome),
            Some(Kind::Nerve),
            Some(Kind::Organ),
            None
        ]
    );
    h.ch('o');
    let screen = h.screen();
    assert!(screen.contains("Body map · dermatomes"), "{screen}");
    for label in ["C5", "T4", "L5", "S1"] {
        assert!(
            screen.contains(label),
            "{label} labelled on the map\n{screen}"
        );
    }
    // Without the layer, no band is named.
    h.ch('o');
    h.ch('o');
    h.ch('o');
    assert!(!h.screen().contains("T10"));
}

#[test]
fn the_s1_stripe_shows_s1_beside_the_muscles_with_its_questions() {
    let h = with(
        &["thigh-back", "calf", "heel", "foot-outer", "lesser-toes"],
        Side::Left,
        120,
        40,
    );
    let ids: Vec<&str> = h.app.what_else().iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.first(), Some(&"S1"), "{ids:?}");
    assert!(
        h.app
            .candidates()
            .iter()
            .any(|c| c.item.muscle.id == "gluteus-minimus"),
        "gluteus minimus ranks"
    );
    let screen = h.screen();
    assert!(screen.contains("What else it could be"), "{screen}");
    assert!(screen.contains("S1 dermatome L 86%"), "{screen}");
    let asks: Vec<&str> = h.app.what_else()[0]
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    for q in ["numbness", "weakness", "reflexes", "cough", "press"] {
        assert!(asks.contains(&q), "{asks:?}");
    }
    // Wide enough, the panel's line names them.
    let wide = with(
        &["thigh-back", "calf", "heel", "foot-outer", "lesser-toes"],
        Side::Left,
        220,
        50,
    );
    let screen = wide.screen();
    assert!(
        screen.contains("ask numbness, band, weakness, reflexes, cough"),
        "{screen}"
    );
}

#[test]
fn left_arm_and_jaw_raise_the_cardiac_banner_at_80x24() {
    let h = with(&["upper-arm-inner", "jaw"], Side::Left, 80, 24);
    assert!(
        h.app.red_flags().iter().any(|f| f.flag.id == "cardiac"),
        "the heart's fit raises the cardiac flag"
    );
    let screen = h.screen();
    assert!(screen.contains("SEE A PHYSICIAN"), "{screen}");
    assert!(screen.contains("! Heart L"), "{screen}");
    // The right arm and jaw do not.
    let right = with(&["upper-arm-inner", "jaw"], Side::Right, 80, 24);
    assert!(!right.app.red_flags().iter().any(|f| f.flag.id == "cardiac"));
}

#[test]
fn the_layer_draws_at_every_small_size_without_panic() {
    for (w, h) in [(60, 18), (80, 24), (61, 19), (200, 60)] {
        let mut harness = with(&["calf"], Side::Left, w, h);
        for _ in 0..4 {
            harness.ch('o');
            harness.ch('v');
        }
    }
}
