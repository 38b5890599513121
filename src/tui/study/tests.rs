//! Study mode driven through input mapping, `update` and `draw` on a `TestBackend`: the
//! name and draw cards, feedback, summary, quitting, and a no-panic sweep over sizes.

use super::app::{RETRY_AFTER, Screen, StudyApp};
use super::update::{self, Msg};
use crate::atlas::{Atlas, MuscleGroup, RegionInstance};
use crate::body::model::ViewId;
use crate::study::cards::{CardKind, Deck};
use crate::study::progress::Progress;
use crate::study::rng::Rng;
use crate::study::score::zone_instances;
use ratatui::crossterm::event::KeyCode;
use std::sync::OnceLock;

const T0: u64 = 1_800_000_000;

fn atlas() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| Atlas::shipped().unwrap())
}

/// Study mode on a test terminal.
type Harness = crate::tui::testkit::Harness<StudyApp<'static>>;

impl Harness {
    fn new(w: u16, h: u16, seed: u64) -> Harness {
        let deck = Deck::build(atlas(), None, seed);
        Harness::with(w, h, deck, Progress::default())
    }

    fn with(w: u16, h: u16, deck: Deck, progress: Progress) -> Harness {
        Harness::start(StudyApp::new(atlas(), deck, progress, None, T0), w, h)
    }

    /// Skips to the next card of `kind`, answering the others right.
    fn until(&mut self, kind: CardKind) {
        for _ in 0..50 {
            if self.app.card().is_some_and(|c| c.kind == kind) {
                return;
            }
            self.answer_right();
            self.key(KeyCode::Char(' '));
        }
        panic!("no {kind:?} card");
    }
}

#[test]
fn the_first_card_names_a_muscle_with_an_x_and_four_choices() {
    let h = Harness::new(80, 24, 1);
    let s = h.screen();
    assert_eq!(h.app.screen, Screen::Card);
    assert!(s.contains("Name the muscle"), "{s}");
    assert!(s.contains('X'), "{s}");
    assert!(s.contains("Front") && s.contains("Back"), "{s}");
    for i in 1..=4 {
        assert!(s.contains(&format!(" {i}  ")), "{s}");
    }
    assert!(s.contains("card 1 of 384"), "{s}");
}

#[test]
fn answering_with_a_number_gives_feedback_and_records_it() {
    let mut h = Harness::new(80, 24, 1);
    let card = h.app.card().unwrap().clone();
    let right = h.app.answer_index().unwrap();
    let msg = h.key(KeyCode::Char(char::from(b'1' + right as u8)));
    assert_eq!(msg, Some(Msg::Choose(right)));
    assert!(matches!(&h.app.screen, Screen::Feedback(o) if o.correct));
    assert!(h.screen().contains("Correct"), "{}", h.screen());
    let st = h.app.progress.state(&card.id());
    assert_eq!((st.stability, st.seen, st.correct), (3.173, 1, 1));
    // Any key: the next card.
    h.key(KeyCode::Char('z'));
    assert_eq!(h.app.screen, Screen::Card);
    assert_eq!(h.app.pos, 1);
}

#[test]
fn a_wrong_choice_says_not_quite_and_shows_the_answer() {
    let mut h = Harness::new(80, 24, 1);
    let card = h.app.card().unwrap().clone();
    let wrong = (h.app.answer_index().unwrap() + 1) % 4;
    h.key(KeyCode::Char(char::from(b'1' + wrong as u8)));
    let s = h.screen();
    assert!(s.contains("Not quite"), "{s}");
    let name = &atlas().muscle(&card.muscle).unwrap().name;
    assert!(s.contains(name.as_str()), "{s}");
    let st = h.app.progress.state(&card.id());
    assert!(st.is_due(T0), "a wrong answer is due again at once");
}

#[test]
fn typing_completes_fuzzily_and_enter_accepts_the_top_match() {
    let mut h = Harness::new(100, 30, 1);
    let card = h.app.card().unwrap().clone();
    let name = atlas().muscle(&card.muscle).unwrap().name.clone();
    let typed: String = name.chars().filter(|c| c.is_alphabetic()).take(6).collect();
    h.typed(&typed.to_uppercase());
    assert_eq!(h.app.typed, typed.to_uppercase());
    assert!(!h.app.completions.is_empty());
    assert!(h.screen().contains("Name: "), "{}", h.screen());
    h.key(KeyCode::Backspace);
    assert_eq!(h.app.typed.chars().count(), typed.chars().count() - 1);
    h.key(KeyCode::Esc);
    assert!(h.app.typed.is_empty(), "Esc clears before it quits");
    assert!(!h.app.quit);
    // The full name ranks the answer first.
    h.typed(&name.to_lowercase());
    assert_eq!(
        h.app.completions[0].muscle, card.muscle,
        "{:?}",
        h.app.completions
    );
    h.key(KeyCode::Enter);
    assert!(matches!(&h.app.screen, Screen::Feedback(o) if o.correct));
}

#[test]
fn q_is_a_letter_once_typing_but_quits_otherwise() {
    let mut h = Harness::new(80, 24, 1);
    h.typed("sq");
    assert_eq!(h.app.typed, "sq");
    assert!(!h.app.quit);
    h.key(KeyCode::Esc);
    assert_eq!(h.key(KeyCode::Char('q')), Some(Msg::Quit));
    assert!(h.app.quit);
}

#[test]
fn a_draw_card_marks_regions_by_click_and_by_cursor_and_scores_overlap() {
    let mut h = Harness::new(120, 40, 3);
    h.until(CardKind::Draw);
    // A draw card whose zone can be clicked at this size (the tailbone, say, is too small
    // for a cell of the whole-body map at 120x40).
    for _ in 0..20 {
        let card = h.app.card().unwrap().clone();
        let tp = atlas().trigger_point(&card.trigger_point).unwrap().1;
        let map = h.layout.map.clone().expect("a map to mark");
        let zones = zone_instances(atlas(), tp, &tp.essential, card.side);
        let on_map = (0..map.area.height)
            .flat_map(|y| (0..map.area.width).map(move |x| (x, y)))
            .any(|(x, y)| map.region_at(x, y).is_some_and(|r| zones.contains(r)));
        if on_map {
            break;
        }
        h.answer_right();
        h.key(KeyCode::Char(' '));
        h.until(CardKind::Draw);
    }
    let card = h.app.card().unwrap().clone();
    let tp = atlas().trigger_point(&card.trigger_point).unwrap().1;
    let s = h.screen();
    assert!(s.contains("Draw the pattern") && s.contains('X'), "{s}");
    let map = h.layout.map.clone().expect("a map to mark");
    // The cursor starts on the X, shown from the first frame; an arrow moves it from there.
    let start = h.layout.start.expect("the X is on the map");
    assert!(h.screen().contains("Cursor: "), "{}", h.screen());
    h.key(KeyCode::Up);
    assert_eq!(
        h.app.cursor,
        Some((start.0, start.1.saturating_sub(1))),
        "the cursor moves from the X"
    );
    // Click every cell of the essential zone's first region instance.
    let want = zone_instances(atlas(), tp, &tp.essential, card.side);
    for inst in &want {
        let hit = (0..map.area.height)
            .flat_map(|y| (0..map.area.width).map(move |x| (x, y)))
            .find(|&(x, y)| map.region_at(x, y) == Some(inst));
        if let Some((x, y)) = hit {
            h.click(map.area.x + x, map.area.y + y);
        }
    }
    assert!(!h.app.marked.is_empty(), "clicks mark regions");
    // The cursor: the first arrow shows it, Space marks what is under it.
    let before = h.app.marked.len();
    h.key(KeyCode::Down);
    assert!(h.screen().contains("Cursor: "), "{}", h.screen());
    for _ in 0..200 {
        h.key(KeyCode::Left);
    }
    assert_eq!(h.app.cursor.unwrap().0, 0, "the cursor stays on the map");
    h.key(KeyCode::Char(' '));
    assert_eq!(
        h.app.marked.len(),
        before,
        "nothing under the cursor at the edge"
    );
    h.key(KeyCode::Enter);
    let Screen::Feedback(o) = &h.app.screen else {
        panic!("feedback expected");
    };
    let o = o.overlap.clone().unwrap();
    assert!(h.screen().contains("Overlap"), "{}", h.screen());
    assert!(o.recall > 0.0, "{o:?}");
}

#[test]
fn a_draw_card_frames_the_question_without_the_answer_and_v_cycles_close_ups() {
    // Soleus: a trigger point in the calf whose pattern is on the heel. Framed to the
    // answer it would open on a foot close-up.
    let deck = Deck::build(atlas(), Some(MuscleGroup::Leg), 1);
    let pos = deck
        .cards
        .iter()
        .position(|c| c.kind == CardKind::Draw && c.trigger_point == "soleus-1")
        .expect("a soleus draw card");
    let mut h = Harness::with(120, 40, deck, Progress::default());
    h.app.queue = vec![pos];
    h.app.show_card();
    h.draw();
    let side = h.app.card().unwrap().side;
    let titles = |h: &Harness| {
        let s = h.screen();
        crate::body::frame::CLOSE_UPS
            .iter()
            .filter(|&&v| s.contains(&crate::body::shipped().view(v).title(side)))
            .count()
    };
    assert_eq!(h.app.close_up(), None, "the calf is on no close-up");
    assert_eq!(titles(&h), 0, "no close-up\n{}", h.screen());
    assert!(h.screen().contains("Front") && h.screen().contains("Back"));
    // v: each close-up in turn, drawn and clickable, then none again.
    let mut seen = Vec::new();
    for _ in 0..crate::body::frame::CLOSE_UPS.len() {
        assert_eq!(h.key(KeyCode::Char('v')), Some(Msg::CycleCloseUp));
        let view = h.app.close_up().expect("a close-up");
        let s = h.screen();
        assert!(
            s.contains(&crate::body::shipped().view(view).title(side)),
            "{s}"
        );
        seen.push(view);
    }
    assert_eq!(seen, crate::body::frame::CLOSE_UPS);
    h.key(KeyCode::Char('v'));
    assert_eq!(h.app.close_up(), None);
    // Marking in a close-up counts: the sole's heel.
    h.key(KeyCode::Char('v'));
    while h.app.close_up() != Some(ViewId::FootSole) {
        h.key(KeyCode::Char('v'));
    }
    let map = h.layout.map.clone().unwrap();
    let heel = RegionInstance::new("heel", Some(side));
    let cells: Vec<(u16, u16)> = (0..map.area.height)
        .flat_map(|y| (0..map.area.width).map(move |x| (x, y)))
        .filter(|&(x, y)| map.region_at(x, y) == Some(&heel))
        .collect();
    assert!(!cells.is_empty(), "the heel is on the map");
    // The close-up is the rightmost panel.
    let &(x, y) = cells.iter().max_by_key(|c| c.0).unwrap();
    h.click(map.area.x + x, map.area.y + y);
    assert_eq!(h.app.marked, vec![heel]);
    // The feedback frames the answer; the next card starts from its own close-up.
    h.key(KeyCode::Enter);
    assert!(matches!(h.app.screen, Screen::Feedback(_)));
    h.app.reset_answer();
    assert_eq!(h.app.close_up_steps, 0);
}

#[test]
fn a_choice_too_long_for_the_panel_ends_in_an_ellipsis() {
    let long = "Finger flexors (flexor digitorum superficialis and profundus)";
    let deck = Deck::build(atlas(), Some(MuscleGroup::Forearm), 1);
    let pos = deck
        .cards
        .iter()
        .position(|c| {
            c.kind == CardKind::Name
                && c.choices
                    .iter()
                    .any(|m| atlas().muscle(m).is_some_and(|m| m.name == long))
        })
        .expect("a card offering the long name");
    let mut h = Harness::with(80, 24, deck, Progress::default());
    h.app.queue = vec![pos];
    h.app.show_card();
    h.draw();
    let s = h.screen();
    let row = s
        .lines()
        .find(|l| l.contains("Finger flexors"))
        .unwrap_or_else(|| panic!("{s}"));
    assert!(!row.contains(long) && row.trim_end().ends_with("…)"), "{s}");
    // The cut never leaves the bracket open: it is closed after the ellipsis.
    assert!(row.contains("Finger flexors (flexor dig…)"), "{s}");
}

#[test]
fn submitting_nothing_is_not_quite() {
    let mut h = Harness::new(80, 24, 5);
    h.until(CardKind::Draw);
    h.key(KeyCode::Enter);
    assert!(matches!(&h.app.screen, Screen::Feedback(o) if !o.correct));
    assert!(h.screen().contains("Not quite"));
}

#[test]
fn a_click_on_a_choice_answers_it() {
    let mut h = Harness::new(80, 24, 1);
    let list = h.layout.choices.expect("choices on screen");
    let msg = h.click(list.area.x + 2, list.area.y + 2);
    assert_eq!(msg, Some(Msg::Choose(2)));
    assert!(matches!(h.app.screen, Screen::Feedback(_)));
}

#[test]
fn tab_opens_the_summary_and_returns_to_the_card() {
    let mut h = Harness::new(80, 24, 1);
    h.key(KeyCode::Char('1'));
    h.key(KeyCode::Tab);
    assert_eq!(h.app.screen, Screen::Summary);
    let s = h.screen();
    assert!(
        s.contains("Study summary") && s.contains("Body group"),
        "{s}"
    );
    assert!(s.contains("384 cards"), "{s}");
    h.key(KeyCode::Tab);
    assert!(matches!(h.app.screen, Screen::Feedback(_)));
}

impl Harness {
    /// Answers the current card right: its muscle, or exactly its essential zone.
    fn answer_right(&mut self) {
        let card = self.app.card().unwrap().clone();
        if let Some(i) = self.app.answer_index() {
            update::update(&mut self.app, Msg::Choose(i));
        } else {
            let tp = atlas().trigger_point(&card.trigger_point).unwrap().1;
            for r in zone_instances(atlas(), tp, &tp.essential, card.side) {
                update::update(&mut self.app, Msg::Toggle(r));
            }
            update::update(&mut self.app, Msg::Submit);
        }
        self.draw();
        assert!(
            matches!(&self.app.screen, Screen::Feedback(o) if o.correct),
            "{card:?}"
        );
    }
}

#[test]
fn the_session_ends_on_the_summary_when_nothing_is_due() {
    let deck = Deck::build(atlas(), Some(MuscleGroup::Foot), 1);
    let n = deck.cards.len();
    let mut h = Harness::with(80, 24, deck, Progress::default());
    for _ in 0..n {
        h.answer_right();
        h.key(KeyCode::Char('n'));
    }
    assert_eq!(h.app.screen, Screen::Summary);
    assert_eq!(h.app.answered as usize, n);
    assert!(h.screen().contains("foot"), "{}", h.screen());
    // Keys other than q do nothing now; q quits.
    h.key(KeyCode::Enter);
    assert_eq!(h.app.screen, Screen::Summary);
    h.key(KeyCode::Char('q'));
    assert!(h.app.quit);
}

#[test]
fn a_missed_card_comes_back_later_in_the_session_until_it_is_right() {
    let deck = Deck::build(atlas(), Some(MuscleGroup::Foot), 1);
    let n = deck.cards.len();
    assert!(n > RETRY_AFTER + 1, "{n}");
    let mut h = Harness::with(120, 40, deck, Progress::default());
    let missed = h.app.card().unwrap().clone();
    let wrong = h.app.answer_index().map_or(KeyCode::Enter, |i| {
        KeyCode::Char(char::from(b'1' + ((i + 1) % 4) as u8))
    });
    h.key(wrong);
    assert!(matches!(&h.app.screen, Screen::Feedback(o) if !o.correct));
    assert!(
        h.screen().contains("review later in this session"),
        "{}",
        h.screen()
    );
    assert_eq!(h.app.left(), n + 1, "the session grew by one card");
    // The next RETRY_AFTER cards are others; then the missed one again.
    for _ in 0..RETRY_AFTER {
        h.key(KeyCode::Char('n'));
        assert_ne!(h.app.card().unwrap().id(), missed.id());
        h.answer_right();
    }
    h.key(KeyCode::Char('n'));
    assert_eq!(h.app.card().unwrap().id(), missed.id());
    h.answer_right();
    assert!(
        !h.app.again_later(),
        "right the second time: done for today"
    );
    assert!(h.screen().contains("review in 1 day"), "{}", h.screen());
    let st = h.app.progress.state(&missed.id());
    // Wrong, then right the same day: FSRS-5's short-term stability.
    assert_eq!((st.seen, st.correct), (2, 1));
    assert!(
        (st.stability - 0.566_698_302_492_597_2).abs() < 1e-9,
        "{st:?}"
    );
    // The rest of the deck, then the summary: every card once, the missed one twice.
    while h.app.screen != Screen::Summary {
        h.key(KeyCode::Char('n'));
        if h.app.screen == Screen::Card {
            h.answer_right();
        }
    }
    assert_eq!(h.app.answered as usize, n + 1);
}

#[test]
fn progress_is_saved_after_each_answer() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("study");
    let path = dir.join("progress.json");
    let deck = Deck::build(atlas(), None, 1);
    let mut app = StudyApp::new(atlas(), deck, Progress::default(), Some(path.clone()), T0);
    let id = app.card().unwrap().id();
    let effect = update::update(&mut app, Msg::Choose(0)).expect("an answer asks for a save");
    assert!(!path.exists(), "update itself writes nothing");
    update::update(&mut app, effect.run());
    assert!(app.save_error.is_none(), "{:?}", app.save_error);
    let saved = Progress::load(&path).unwrap();
    assert_eq!(saved.state(&id).seen, 1);
}

#[test]
fn nothing_due_opens_on_the_summary() {
    let deck = Deck::build(atlas(), Some(MuscleGroup::Hand), 1);
    let mut p = Progress::default();
    for c in &deck.cards {
        p.record(&c.id(), true, T0);
    }
    let h = Harness::with(80, 24, deck, p);
    assert_eq!(h.app.screen, Screen::Summary);
    let s = h.screen();
    assert!(s.contains("Nothing due"), "{s}");
    assert!(s.contains("100%"), "{s}");
}

#[test]
fn too_small_says_so() {
    let h = Harness::new(40, 10, 1);
    assert!(h.screen().contains("too small"), "{}", h.screen());
}

#[test]
fn no_panic_at_any_size_or_key() {
    let mut rng = Rng::new(11);
    let keys = [
        KeyCode::Char('1'),
        KeyCode::Char('4'),
        KeyCode::Char('a'),
        KeyCode::Char(' '),
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Backspace,
        KeyCode::Tab,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Char('n'),
    ];
    let mut sizes: Vec<(u16, u16)> = Vec::new();
    for w in (0..=60).step_by(3) {
        for h in (0..=20).step_by(2) {
            sizes.push((w, h));
        }
    }
    sizes.extend([(80, 24), (120, 40), (200, 60), (51, 16), (50, 16), (49, 15)]);
    for (i, &(w, h)) in sizes.iter().enumerate() {
        let mut hn = Harness::new(w, h, i as u64);
        for _ in 0..6 {
            let k = keys[rng.below(keys.len())];
            hn.key(k);
            if hn.app.quit {
                break;
            }
            let (x, y) = (rng.below(usize::from(w) + 1), rng.below(usize::from(h) + 1));
            hn.click(x as u16, y as u16);
        }
    }
}

#[test]
fn space_on_a_new_draw_card_marks_under_its_own_x_not_the_last_cards_cursor() {
    let mut h = Harness::new(120, 40, 3);
    h.until(CardKind::Draw);
    // Move the cursor far from the X, answer, and go on to the next draw card.
    for _ in 0..30 {
        h.key(KeyCode::Left);
    }
    h.key(KeyCode::Enter);
    h.key(KeyCode::Char('n'));
    h.until(CardKind::Draw);
    assert_eq!(h.app.cursor, None, "a new card starts on its X");
    let card = h.app.card().unwrap().clone();
    let start = h.layout.start.expect("the X is on the map");
    let under = h
        .layout
        .map
        .as_ref()
        .unwrap()
        .region_at(start.0, start.1)
        .cloned();
    h.key(KeyCode::Char(' '));
    assert_eq!(
        h.app.marked,
        under.into_iter().collect::<Vec<_>>(),
        "{card:?}"
    );
    assert!(
        h.app
            .marked
            .iter()
            .all(|r| r.side.is_none_or(|s| s == card.side))
    );
}

#[test]
fn a_card_that_comes_back_shows_its_choices_in_another_order() {
    let deck = Deck::build(atlas(), Some(MuscleGroup::Foot), 1);
    let mut h = Harness::with(80, 24, deck, Progress::default());
    let missed = h.app.card().unwrap().clone();
    let first = h.app.shown.clone();
    let wrong = (h.app.answer_index().unwrap() + 1) % 4;
    h.key(KeyCode::Char(char::from(b'1' + wrong as u8)));
    for _ in 0..=RETRY_AFTER {
        h.key(KeyCode::Char('n'));
        if h.app.card().unwrap().id() == missed.id() {
            break;
        }
        h.answer_right();
    }
    assert_eq!(h.app.card().unwrap().id(), missed.id());
    assert_ne!(h.app.shown, first, "the same card, its choices moved");
    let mut a = h.app.shown.clone();
    let mut b = first.clone();
    a.sort();
    b.sort();
    assert_eq!(a, b, "the same four choices");
    // The screen lists them in the new order.
    let s = h.screen();
    for (i, m) in h.app.shown.iter().enumerate() {
        let start: String = h.app.muscle_name(m).chars().take(12).collect();
        let mark = format!(" {}  {start}", i + 1);
        assert!(s.contains(&mark), "{mark}\n{s}");
    }
}

/// The panel's text (right of column `col`), its lines joined and spaces collapsed.
fn panel_text(s: &str, col: usize) -> String {
    let joined: Vec<String> = s.lines().map(|l| l.chars().skip(col).collect()).collect();
    joined
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_answer_shows_where_to_press_and_a_self_care_line() {
    let mut h = Harness::new(120, 40, 1);
    let card = h.app.card().unwrap().clone();
    let (m, tp) = card.lookup(atlas()).unwrap();
    h.answer_right();
    let s = h.screen();
    let panel = panel_text(&s, 76);
    assert!(panel.contains("Where to press (X):"), "{s}");
    assert!(panel.contains(&tp.location_note), "{s}");
    assert!(
        panel.contains(&format!("Self-care: {}", m.self_care[0])),
        "{s}"
    );
}

#[test]
fn a_wrong_name_shows_the_chosen_pattern_beside_the_answer() {
    let deck = Deck::build(atlas(), None, 1);
    let pos = deck
        .cards
        .iter()
        .position(|c| c.kind == CardKind::Name && c.trigger_point == "infraspinatus-main")
        .unwrap();
    let mut h = Harness::with(120, 40, deck, Progress::default());
    h.app.queue = vec![pos];
    h.app.show_card();
    h.draw();
    let answer = h.app.answer_index().unwrap();
    let wrong = (answer + 1) % 4;
    let chosen = h.app.shown[wrong].clone();
    h.key(KeyCode::Char(char::from(b'1' + wrong as u8)));
    let s = h.screen();
    let chosen_name = atlas().muscle(&chosen).unwrap().name.clone();
    assert!(s.contains("Not quite"), "{s}");
    // Both patterns on one body, titled and told apart by the legend.
    assert!(
        s.contains(&format!(
            "1 You chose: {chosen_name} · 2 Answer: Infraspinatus"
        )),
        "{s}"
    );
    assert!(s.contains("X1") && s.contains("X2"), "{s}");
    // In words: only 1, only 2, both, and where to press each.
    let panel = panel_text(&s, 76);
    assert!(panel.contains(&format!("Only 1, {chosen_name}:")), "{s}");
    assert!(panel.contains("Only 2, Infraspinatus:"), "{s}");
    assert!(panel.contains("Both:"), "{s}");
    assert!(panel.contains("Self-care:"), "{s}");
    // The comparison is drawn at 80x24 too.
    h.term.backend_mut().resize(80, 24);
    h.draw();
    let s = h.screen();
    assert!(s.contains("1 You chose:") && s.contains("Only 1,"), "{s}");
}

#[test]
fn a_drawn_answer_tells_hits_misses_and_extra_marks_apart_by_glyph() {
    let deck = Deck::build(atlas(), None, 1);
    let pos = deck
        .cards
        .iter()
        .position(|c| c.kind == CardKind::Draw && c.trigger_point == "infraspinatus-main")
        .unwrap();
    let mut h = Harness::with(120, 40, deck, Progress::default());
    h.app.queue = vec![pos];
    h.app.show_card();
    h.draw();
    let side = h.app.card().unwrap().side;
    // One extra mark (the heel), no hit: the essential zone is missed.
    h.app.marked = vec![RegionInstance::new("heel", Some(side))];
    h.key(KeyCode::Enter);
    let s = h.screen();
    let legend = super::feedback::legend(crate::body::glyphs::GlyphSet::Unicode);
    assert!(s.contains(&legend) || s.contains("○ missed"), "{s}");
    assert!(s.contains("○"), "missed cells drawn\n{s}");
    assert!(s.contains("+ extra mark"), "{s}");
    assert!(s.contains("Missed:") && s.contains("Extra marks:"), "{s}");
    // Now right: the whole zone, hits only.
    let mut h2 = Harness::with(120, 40, Deck::build(atlas(), None, 1), Progress::default());
    h2.app.queue = vec![pos];
    h2.app.show_card();
    let tp = atlas().trigger_point("infraspinatus-main").unwrap().1;
    h2.app.marked = zone_instances(atlas(), tp, &tp.essential, side)
        .into_iter()
        .collect();
    h2.draw();
    h2.key(KeyCode::Enter);
    let s = h2.screen();
    assert!(s.contains("Correct") && s.contains("Hit:"), "{s}");
    // Nothing missed: no hollow mark on the map (the legend still names it).
    let map: String = s
        .lines()
        .filter(|l| !l.contains("missed"))
        .map(|l| l.chars().take(70).collect::<String>())
        .collect();
    assert!(!map.contains('○'), "nothing missed\n{s}");
}
