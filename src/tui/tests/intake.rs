//! The intake: age, red flags, intensities and qualities.

use super::*;

#[test]
fn the_age_is_asked_set_and_shown_and_decides_the_giant_cell_flag() {
    let mut h = Harness::new(120, 40);
    for region in ["left temple", "left jaw"] {
        h.ch('/');
        h.typed(region);
        h.key(KeyCode::Enter);
    }
    let screen = h.screen();
    assert!(!screen.contains("SEE A PHYSICIAN"), "{screen}");
    assert!(screen.contains("Screen: 6 of 6 questions"), "{screen}");
    // The screen asks; the fourth question (jaw pain on chewing) is answered yes.
    h.ch('f');
    assert!(matches!(h.app.overlay, Some(Overlay::Screen { .. })));
    let screen = h.screen();
    assert!(
        screen.contains("Does the jaw ache or tire when chewing"),
        "{screen}"
    );
    h.ch('n');
    assert_eq!(
        h.app.intake.selection.answers.len(),
        1,
        "answered no, then on"
    );
    h.ch('j');
    h.ch('j');
    h.ch('y');
    h.key(KeyCode::Esc);
    assert_eq!(
        h.app.intake.selection.answers,
        [
            crate::screen::Answer {
                concept: "sudden-onset".into(),
                yes: false
            },
            crate::screen::Answer {
                concept: "jaw-claudication".into(),
                yes: true
            },
        ]
    );
    let screen = h.screen();
    assert!(screen.contains("Ask the age: over 50"), "{screen}");
    h.ch('a');
    assert!(matches!(h.app.overlay, Some(Overlay::Age(_))));
    h.typed("6x2");
    h.key(KeyCode::Enter);
    assert_eq!(h.app.intake.selection.age, Some(62));
    let screen = h.screen();
    assert!(screen.contains("SEE A PHYSICIAN"), "{screen}");
    assert!(screen.contains("raised by the answer"), "{screen}");
    assert!(screen.contains("age 62"), "{screen}");
    assert!(!screen.contains("Ask the age"), "{screen}");
    h.ch('a');
    h.key(KeyCode::Backspace);
    h.key(KeyCode::Backspace);
    h.typed("40");
    h.key(KeyCode::Enter);
    assert_eq!(h.app.intake.selection.age, Some(40));
    assert!(!h.screen().contains("SEE A PHYSICIAN"));
    h.ch('a');
    h.typed("9");
    h.key(KeyCode::Enter);
    assert_eq!(h.app.intake.selection.age, Some(40), "409 is refused");
    assert!(matches!(h.app.overlay, Some(Overlay::Age(_))));
    h.key(KeyCode::Esc);
    h.ch('a');
    h.key(KeyCode::Backspace);
    h.key(KeyCode::Backspace);
    h.key(KeyCode::Enter);
    assert_eq!(h.app.intake.selection.age, None);
}

#[test]
fn red_flags_show_as_a_banner() {
    let mut h = Harness::new(120, 40);
    for region in ["left chest", "left jaw"] {
        h.ch('/');
        h.typed(region);
        h.key(KeyCode::Enter);
    }
    assert!(h.screen().contains("SEE A PHYSICIAN"), "{}", h.screen());
}

#[test]
fn digits_and_p_note_intensity_and_quality() {
    let mut h = Harness::new(120, 40);
    h.ch('/');
    h.typed("left temple");
    h.key(KeyCode::Enter);
    let temple = RegionInstance::new("temple", Some(Side::Left));
    h.ch('7');
    assert_eq!(h.app.intake.note(&temple).intensity, Some(7));
    h.ch('1');
    h.ch('0');
    assert_eq!(
        h.app.intake.note(&temple).intensity,
        Some(10),
        "1 then 0 is ten"
    );
    h.ch('0');
    assert_eq!(h.app.intake.note(&temple).intensity, Some(0));
    h.ch('6');
    h.ch('p');
    h.ch('p');
    assert_eq!(
        h.app.intake.note(&temple).quality,
        Some(crate::intake::Quality::Burning)
    );
    let screen = h.screen();
    assert!(
        screen.contains("6b"),
        "the map shows intensity and quality: {screen}"
    );
    assert!(screen.contains("left temple 6 burning"), "{screen}");
    // Burning reaches the ranking, for the temple only.
    assert_eq!(
        h.app.intake.ranking_selection().qualities,
        [(temple.clone(), "burning".to_string())]
    );
    // With the cursor on another region, the keys apply there (and select it).
    h.key(KeyCode::Right);
    let map = h.layout.map.clone().unwrap();
    let under = map
        .region_at(h.app.cursor.unwrap().x, h.app.cursor.unwrap().y)
        .cloned()
        .unwrap();
    h.ch('3');
    assert_eq!(h.app.intake.note(&under).intensity, Some(3));
    assert!(h.app.intake.selection.regions.contains(&under));
}

#[test]
fn a_symptoms_only_intake_lists_reasons_without_a_stray_separator() {
    let mut h = Harness::new(120, 40);
    h.ch('/');
    h.typed("sciatica");
    h.key(KeyCode::Enter);
    let screen = h.screen();
    assert!(screen.contains("sciatica"), "{screen}");
    assert!(!screen.contains("  · sciatica"), "{screen}");
}

#[test]
fn the_red_flag_banner_wraps_and_shows_the_whole_warning() {
    for (w, h_) in [(120, 40), (80, 24)] {
        let mut h = Harness::new(w, h_);
        temple_and_jaw_aged_58(&mut h);
        let screen = h.screen();
        let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("See a physician the same day: untreated it can cost sight."),
            "{w}x{h_}: {screen}"
        );
    }
}

#[test]
fn a_digit_or_quality_key_on_an_unmarked_region_says_it_added_it() {
    let mut h = Harness::new(120, 40);
    h.ch('/');
    h.typed("left temple");
    h.key(KeyCode::Enter);
    // Onto another region with the arrows, then a digit.
    h.key(KeyCode::Right);
    let c = h.app.cursor.unwrap();
    let under = h.layout.map.as_ref().unwrap().region_at(c.x, c.y).cloned();
    let under = under.expect("the cursor is on a region");
    h.ch('4');
    let words = crate::report::instance_words(atlas(), &under);
    assert_eq!(h.app.status, format!("{words} added with intensity 4"));
    h.key(KeyCode::Right);
    h.key(KeyCode::Right);
    let c = h.app.cursor.unwrap();
    if let Some(other) = h.layout.map.as_ref().unwrap().region_at(c.x, c.y).cloned()
        && !h.app.intake.selection.regions.contains(&other)
    {
        h.ch('p');
        let words = crate::report::instance_words(atlas(), &other);
        assert_eq!(h.app.status, format!("{words} added: aching"));
    }
}
