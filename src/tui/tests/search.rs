//! The search box: regions, muscles, phrases and readline keys.

use super::*;

#[test]
fn search_selects_sided_regions_and_ranks() {
    let mut h = Harness::new(120, 40);
    h.ch('/');
    assert!(matches!(h.app.overlay, Some(Overlay::Search(_))));
    h.typed("left temple");
    assert!(h.screen().contains("Temple"));
    h.key(KeyCode::Enter);
    assert!(h.app.overlay.is_none());
    h.ch('/');
    h.typed("left side of neck");
    h.key(KeyCode::Enter);
    assert_eq!(h.selected(), ["left temple", "left neck-side"]);
    let screen = h.screen();
    assert!(screen.contains("Upper trapezius"), "{screen}");
    let cands = h.app.candidates();
    // The first five muscles (a muscle with several points at the temple counts once).
    let mut top: Vec<&str> = Vec::new();
    for c in cands {
        if !top.contains(&c.item.muscle.id.as_str()) {
            top.push(c.item.muscle.id.as_str());
        }
    }
    top.truncate(5);
    for m in ["upper-trapezius", "temporalis", "sternocleidomastoid"] {
        assert!(top.contains(&m), "{m} near the top: {top:?}");
    }
    assert!(
        cands.iter().map(|c| &c.item).all(
            |c| c.side == Some(Side::Left) || c.matches.iter().all(|m| m.region.side.is_none())
        )
    );
}

#[test]
fn search_keys_move_delete_and_close() {
    let mut h = Harness::new(100, 30);
    h.ch('/');
    h.typed("scmx");
    h.key(KeyCode::Backspace);
    let Some(Overlay::Search(s)) = &h.app.overlay else {
        panic!()
    };
    assert_eq!(s.query, "scm");
    h.key(KeyCode::Down);
    h.key(KeyCode::Up);
    h.key(KeyCode::Esc);
    assert!(h.app.overlay.is_none());
    assert!(h.app.intake.selection.is_empty());
}

#[test]
fn search_opens_muscles_and_adds_symptoms() {
    let mut h = Harness::new(120, 40);
    h.ch('/');
    h.typed("SCM");
    h.key(KeyCode::Enter);
    assert_eq!(h.app.focus, Focus::Detail);
    assert_eq!(h.app.pinned.as_ref().unwrap().muscle, "sternocleidomastoid");
    assert!(h.screen().contains("Sternocleidomastoid"));
    h.ch('/');
    h.typed("tinnitus");
    h.key(KeyCode::Enter);
    assert_eq!(h.app.intake.selection.symptoms, ["tinnitus"]);
    assert!(!h.app.candidates().is_empty());
}

#[test]
fn mouse_picks_search_results() {
    let mut h = Harness::new(120, 40);
    h.ch('/');
    h.typed("right heel");
    let list = h.layout.search.unwrap();
    let hits = h.app.search_rows();
    let row = hits
        .iter()
        .position(|r| matches!(r, crate::tui::app::SearchRow::Hit(hit) if hit.id == "heel"))
        .unwrap() as u16;
    h.click(list.area.x + 3, list.area.y + row);
    assert_eq!(h.selected(), ["right heel"]);
}

#[test]
fn search_takes_any_letter_and_readline_keys() {
    let ctrl = |c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    let mut h = Harness::new(80, 24);
    h.ch('/');
    // Non-ASCII letters once panicked the side prefix ("is not a char boundary").
    for text in ["lefté", "cabeça", "ééé", "left 頭", "r\u{301}ight"] {
        h.typed(text);
        let _ = h.screen();
        h.event(&ctrl('w'));
        h.event(&ctrl('u'));
        let Some(Overlay::Search(s)) = &h.app.overlay else {
            panic!("the search stays open")
        };
        assert_eq!(s.query, "", "Ctrl-U clears");
    }
    h.typed("left side of neck");
    h.event(&ctrl('w'));
    let Some(Overlay::Search(s)) = &h.app.overlay else {
        panic!()
    };
    assert_eq!(s.query, "left side of ", "Ctrl-W deletes a word");
}

#[test]
fn search_reads_clinical_side_shorthand() {
    for (typed, want) in [
        ("L temple", "left temple"),
        ("R SI joint", "right sacroiliac"),
        ("lt buttock", "left buttock"),
        ("rt heel", "right heel"),
    ] {
        let mut h = Harness::new(120, 40);
        h.ch('/');
        h.typed(typed);
        h.key(KeyCode::Enter);
        assert!(h.app.pinned.is_none(), "{typed} opened a muscle");
        assert_eq!(h.selected(), [want], "{typed}");
    }
}

#[test]
fn search_shows_and_applies_a_phrase() {
    let mut h = Harness::new(120, 40);
    h.ch('/');
    h.typed("pain behind my left knee and in the calf, burning");
    let screen = h.screen();
    assert!(
        screen.contains("phrase  left back of knee, left calf · burning"),
        "{screen}"
    );
    h.key(KeyCode::Enter);
    assert!(h.app.overlay.is_none());
    assert_eq!(h.selected(), ["left knee-back", "left calf"]);
    let knee = RegionInstance::new("knee-back", Some(Side::Left));
    assert_eq!(
        h.app.intake.note(&knee).quality,
        Some(crate::intake::Quality::Burning)
    );
    assert!(
        h.screen()
            .contains("left back of knee, left calf · burning selected")
    );
    // Symptoms and a negation: "no burning" takes the quality away again.
    h.ch('/');
    h.typed("sciatica, no burning");
    h.key(KeyCode::Enter);
    assert_eq!(h.app.intake.selection.symptoms, ["sciatica"]);
    assert_eq!(h.app.intake.note(&knee).quality, None);
}

#[test]
fn search_says_what_a_phrase_left_unread() {
    let mut h = Harness::new(120, 40);
    h.ch('/');
    h.typed("L temple wibble");
    let screen = h.screen();
    assert!(
        screen.contains("phrase  left temple (not understood"),
        "{screen}"
    );
    assert!(screen.contains("not understood: 'wibble'"), "{screen}");
}

/// Typing narrows the last search's findings (see `search::Narrowing`); after every
/// keystroke, deletions and a side word included, the hits are a fresh search's.
#[test]
fn search_typing_narrows_with_the_results_of_a_fresh_search() {
    use crate::tui::app::{SEARCH_RESULTS, SearchRow};
    let mut h = Harness::new(120, 40);
    h.ch('/');
    let fresh = |h: &Harness| {
        let Some(Overlay::Search(s)) = &h.app.overlay else {
            panic!("the search is open")
        };
        h.app.index.search(s.side_and_terms().1, SEARCH_RESULTS)
    };
    let shown = |h: &Harness| -> Vec<crate::search::Hit> {
        h.app
            .search_rows()
            .into_iter()
            .filter_map(|r| match r {
                SearchRow::Hit(hit) => Some(hit),
                SearchRow::Phrase(_) => None,
            })
            .collect()
    };
    let mut typed = 0;
    let steps = [
        "s", "t", "e", "r", "n", "\u{8}", "\u{8}", "e", "^U", "left ", "t", "e", "m", "p",
    ];
    for step in steps {
        match step {
            "\u{8}" => h.key(KeyCode::Backspace),
            "^U" => h.event(&Event::Key(KeyEvent::new(
                KeyCode::Char('u'),
                KeyModifiers::CONTROL,
            ))),
            _ => {
                h.typed(step);
                None
            }
        };
        let Some(Overlay::Search(s)) = &h.app.overlay else {
            panic!("the search is open")
        };
        assert_eq!(s.found.terms, s.side_and_terms().1, "update searched");
        assert_eq!(shown(&h), fresh(&h), "after {step:?}");
        typed += usize::from(!shown(&h).is_empty());
    }
    assert!(typed >= 8, "{typed}");
}

/// A muscle's name typed out and Enter opens that muscle, even where the words also
/// read as a place ("upper trapezius" holds "upper trap", the top of the shoulder): the
/// reading comes after the name.
#[test]
fn a_muscle_typed_out_opens_the_muscle() {
    let mut h = Harness::new(120, 40);
    h.ch('/');
    for c in "upper trapezius".chars() {
        h.ch(c);
    }
    h.draw();
    h.key(KeyCode::Enter);
    assert_eq!(
        h.app.shown_pick().map(|p| p.muscle),
        Some("upper-trapezius".into())
    );
    assert!(
        h.app.intake.selection.regions.is_empty(),
        "{}",
        h.app.status
    );
}
