//! Comparing two candidates side by side.

use super::*;

#[test]
fn c_compares_the_candidate_with_the_one_highlighted_before() {
    for (w, ht) in [(80, 24), (120, 40)] {
        let mut h = Harness::new(w, ht);
        let right_outer_shoulder = RegionInstance::new("shoulder-outer", Some(Side::Right));
        crate::tui::update::update(&mut h.app, Msg::Toggle(right_outer_shoulder));
        h.draw();
        // Nothing shown before: `c` says what it needs.
        h.ch('c');
        assert!(h.app.overlay.is_none());
        assert!(h.app.status.contains("shown before"), "{}", h.app.status);
        // Supraspinatus first, deltoid second: highlight the deltoid, then compare.
        h.app.focus = Focus::Candidates;
        h.key(KeyCode::Down);
        let (now, _, _) = h.app.shown_point().unwrap();
        assert_eq!(now.id, "deltoid");
        h.ch('c');
        assert!(
            matches!(h.app.overlay, Some(Overlay::Compare(_))),
            "{w}x{ht}"
        );
        let screen = h.screen();
        for words in [
            "Compare: 1 Deltoid",
            "Only 1, Deltoid:",
            "Only 2, Supraspinatus:",
            "Both:",
            "outer shoulder: essential in",
        ] {
            assert!(screen.contains(words), "{w}x{ht}: {words}\n{screen}");
        }
        // Both Xs, labelled.
        assert!(screen.contains("X1") || screen.contains("1X"), "{screen}");
        assert!(screen.contains("X2") || screen.contains("2X"), "{screen}");
        // Esc (or c) goes back to the map and the candidates.
        h.key(KeyCode::Esc);
        assert!(h.app.overlay.is_none());
        h.ch('c');
        assert!(matches!(h.app.overlay, Some(Overlay::Compare(_))));
        h.ch('c');
        assert!(h.app.overlay.is_none());
        assert!(h.screen().contains("Candidates"));
    }
}

/// The same muscle shown again another way (opened from the search, then highlighted
/// as a candidate) is not "the one shown before": `c` would compare it with itself.
#[test]
fn c_never_compares_a_muscle_with_itself() {
    let mut h = Harness::new(120, 40);
    h.ch('/');
    for c in "supraspinatus".chars() {
        h.ch(c);
    }
    h.key(KeyCode::Enter);
    assert_eq!(h.app.shown_pick().unwrap().muscle, "supraspinatus");
    let right_outer_shoulder = RegionInstance::new("shoulder-outer", Some(Side::Right));
    crate::tui::update::update(&mut h.app, Msg::Toggle(right_outer_shoulder));
    h.app.focus = Focus::Candidates;
    h.draw();
    assert_eq!(h.app.shown_pick().unwrap().muscle, "supraspinatus");
    h.ch('c');
    assert!(h.app.overlay.is_none(), "{}", h.app.status);
    assert!(h.app.status.contains("shown before"), "{}", h.app.status);
}

#[test]
fn a_comparison_draws_at_every_size_and_in_colour() {
    let mut app = App::new(atlas());
    let region = RegionInstance::new("heel", Some(Side::Left));
    crate::tui::update::update(&mut app, Msg::Toggle(region));
    crate::tui::update::update(&mut app, Msg::Move(1));
    crate::tui::update::update(&mut app, Msg::ComparePrevious);
    assert!(matches!(app.overlay, Some(Overlay::Compare(_))));
    let sizes = (0..=130u16)
        .step_by(7)
        .flat_map(|w| (0..=45u16).step_by(5).map(move |h| (w, h)));
    for (w, h) in sizes.chain([(60, 18), (80, 24), (110, 30), (200, 60)]) {
        for theme in [Theme::mono(), Theme::colour()] {
            let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
            term.draw(|f| {
                crate::tui::view::draw(f, &app, &theme);
            })
            .unwrap();
        }
    }
}
