//! The body map: clicks, the cursor, sides, close-ups and layouts.

use super::*;

#[test]
fn clicks_select_the_patients_side() {
    let mut h = Harness::new(120, 40);
    // The patient's left temple is on the viewer's right of the front view.
    let (col, row) = h.cell_of("temple", Some(Side::Left));
    let map = h.layout.map.clone().unwrap();
    assert!(
        col > map.area.x + map.area.width / 4,
        "front view: patient's left on the right"
    );
    let map_area = h.layout.map.as_ref().unwrap().area;
    assert_eq!(
        h.click(col, row),
        Some(Msg::ClickMap(
            crate::tui::app::Cursor {
                x: col - map_area.x,
                y: row - map_area.y
            },
            Some(RegionInstance::new("temple", Some(Side::Left)))
        ))
    );
    assert_eq!(h.selected(), ["left temple"]);
    h.click(col, row);
    assert!(h.selected().is_empty(), "a second click unselects");
}

#[test]
fn back_view_puts_the_patients_left_on_the_viewers_left() {
    let h = Harness::new(120, 40);
    let map = h.layout.map.clone().unwrap();
    let middle = map.area.x + map.area.width / 2;
    let (left_col, _) = h.cell_of("buttock", Some(Side::Left));
    let (right_col, _) = h.cell_of("buttock", Some(Side::Right));
    assert!(
        left_col > middle && right_col > middle,
        "buttocks are in the back view"
    );
    assert!(left_col < right_col);
}

#[test]
fn cursor_keys_name_and_toggle_the_region() {
    let mut h = Harness::new(120, 40);
    assert!(matches!(h.key(KeyCode::Right), Some(Msg::CursorTo(_))));
    let start = h.app.cursor.unwrap();
    h.key(KeyCode::Right);
    h.ch('l');
    assert_eq!(h.app.cursor.unwrap().x, start.x + 2);
    h.ch('k');
    h.key(KeyCode::Down);
    h.ch('j');
    h.ch('h');
    assert_eq!(h.app.cursor.unwrap().y, start.y + 1);
    let shift_up = Event::Key(KeyEvent::new(KeyCode::Up, KeyModifiers::SHIFT));
    h.event(&shift_up);
    assert_eq!(h.app.cursor.unwrap().y, start.y - 3);
    // Walk until a region is under the cursor, then Space toggles exactly it.
    let map = h.layout.map.clone().unwrap();
    let here = map
        .region_at(h.app.cursor.unwrap().x, h.app.cursor.unwrap().y)
        .cloned();
    let here = here.expect("the cursor starts on the chest");
    assert!(h.screen().contains(&format!(
        "cursor: {}",
        crate::report::instance_words(atlas(), &here)
    )));
    h.ch(' ');
    assert_eq!(h.app.intake.selection.regions, std::slice::from_ref(&here));
    h.key(KeyCode::Enter);
    assert!(h.app.intake.selection.regions.is_empty());
    // The cursor never leaves the map.
    for _ in 0..300 {
        h.key(KeyCode::Left);
        h.key(KeyCode::Up);
    }
    assert_eq!((h.app.cursor.unwrap().x, h.app.cursor.unwrap().y), (0, 0));
}

#[test]
fn the_cursor_is_on_the_map_from_the_first_frame_and_space_marks_there() {
    for (w, hgt) in [(80, 24), (120, 40)] {
        let mut h = Harness::new(w, hgt);
        assert!(h.app.cursor.is_none());
        assert!(
            h.screen().contains('◆'),
            "the cursor is drawn: {}",
            h.screen()
        );
        let map = h.layout.map.clone().unwrap();
        let at = h.app.cursor_on(map.area.width, map.area.height);
        let under = map
            .region_at(at.x, at.y)
            .cloned()
            .expect("a region at the start");
        h.ch(' ');
        assert_eq!(h.app.intake.selection.regions, std::slice::from_ref(&under));
    }
}

#[test]
fn brackets_step_through_a_muscles_points() {
    let mut h = Harness::new(120, 40);
    h.ch('/');
    h.typed("soleus");
    h.key(KeyCode::Enter);
    let first = h.app.shown_point().unwrap().1.id.clone();
    h.ch(']');
    let second = h.app.shown_point().unwrap().1.id.clone();
    assert_ne!(first, second);
    h.ch('[');
    assert_eq!(h.app.shown_point().unwrap().1.id, first);
    h.key(KeyCode::Esc);
    assert!(h.app.pinned.is_none());
}

#[test]
fn brackets_step_through_the_highlighted_muscles_points_reaching_the_selection() {
    let mut h = Harness::new(120, 40);
    for region in ["left calf", "left heel"] {
        h.ch('/');
        h.typed(region);
        h.key(KeyCode::Enter);
    }
    // The first muscle with two or more points reaching the selection.
    let cands = h.app.candidates();
    let i = cands
        .iter()
        .position(|c| c.item.points.len() >= 2)
        .expect("a muscle with several points in the calf and heel");
    let points: Vec<String> = cands[i]
        .item
        .points
        .iter()
        .map(|p| p.trigger_point.id.clone())
        .collect();
    h.key(KeyCode::Tab);
    for _ in 0..i {
        h.ch('j');
    }
    assert_eq!(h.app.shown_point().unwrap().1.id, points[0]);
    h.ch(']');
    assert_eq!(h.app.shown_point().unwrap().1.id, points[1]);
    assert!(h.app.pinned.is_none(), "still following the list");
    assert!(
        h.screen().contains("reaching the selection"),
        "{}",
        h.screen()
    );
    h.ch('[');
    assert_eq!(h.app.shown_point().unwrap().1.id, points[0]);
    h.ch('[');
    assert_eq!(&h.app.shown_point().unwrap().1.id, points.last().unwrap());
    // Moving the highlight starts at the next muscle's best point.
    h.ch('j');
    assert_eq!(h.app.highlighted_point, 0);
}

#[test]
fn compact_layout_swaps_map_and_detail() {
    let mut h = Harness::new(80, 24);
    assert!(h.layout.map.is_some() && h.layout.candidates.is_some());
    assert!(h.layout.detail.is_none());
    h.key(KeyCode::Tab);
    h.key(KeyCode::Tab);
    assert_eq!(h.app.focus, Focus::Detail);
    assert!(h.layout.map.is_none() && h.layout.detail.is_some());
}

#[test]
fn too_small_says_so() {
    let h = Harness::new(50, 12);
    assert!(h.screen().contains("terminal too small (need 60x18)"));
}

#[test]
fn v_cycles_the_map_through_every_close_up_and_back() {
    use crate::body::frame::Stop;
    let model = crate::body::shipped();
    let mut h = Harness::new(80, 24);
    let all = Stop::map_cycle(model);
    for (i, &stop) in all.iter().enumerate() {
        assert_eq!(h.app.map, stop);
        if let Stop::CloseUp(_, _) = stop {
            let title = stop.title(model);
            assert!(
                h.screen().contains(&format!("Body map: {title}")) || h.screen().contains(&title),
                "{title}\n{}",
                h.screen()
            );
        }
        assert_eq!(h.ch('v'), Some(Msg::CycleMap(true)), "stop {i}");
    }
    assert_eq!(h.app.map, Stop::WholeBody, "round again");
    h.ch('V');
    assert_eq!(h.app.map, *all.last().unwrap());
    h.ch('v');
    // A click and Space mark regions in a close-up too.
    while h.app.map != Stop::CloseUp(crate::body::ViewId::HandPalm, Side::Left) {
        h.ch('v');
    }
    let (x, y) = h.cell_of("thumb", Some(Side::Left));
    h.click(x, y);
    assert_eq!(h.selected(), vec!["left thumb".to_owned()]);
    let (x, y) = h.cell_of("little-finger", Some(Side::Left));
    let map = h.layout.map.clone().unwrap();
    // The cursor goes there (keys), then Space toggles.
    let at = |h: &Harness| h.app.cursor_on(map.area.width, map.area.height);
    while at(&h).x != x - map.area.x {
        h.key(if at(&h).x < x - map.area.x {
            KeyCode::Right
        } else {
            KeyCode::Left
        });
    }
    while at(&h).y != y - map.area.y {
        h.key(if at(&h).y < y - map.area.y {
            KeyCode::Down
        } else {
            KeyCode::Up
        });
    }
    h.ch(' ');
    assert_eq!(
        h.selected(),
        vec!["left thumb".to_owned(), "left little-finger".to_owned()]
    );
}

/// At 80x24, every region of the vocabulary (each side of a sided one) can be clicked on
/// the map in some picture of the `v` cycle.
#[test]
fn every_region_can_be_clicked_at_80x24() {
    use crate::body::frame::Stop;
    use std::collections::BTreeSet;
    let model = crate::body::shipped();
    let mut h = Harness::new(80, 24);
    let mut hit: BTreeSet<String> = BTreeSet::new();
    for _ in Stop::map_cycle(model) {
        let map = h.layout.map.clone().expect("map shown");
        for y in 0..map.area.height {
            for x in 0..map.area.width {
                let (sx, sy) = (map.area.x + x, map.area.y + y);
                if let Some(Msg::ClickMap(_, Some(r))) = crate::tui::input::map(
                    &Event::Mouse(MouseEvent {
                        kind: MouseEventKind::Down(MouseButton::Left),
                        column: sx,
                        row: sy,
                        modifiers: KeyModifiers::NONE,
                    }),
                    &h.app,
                    &h.layout,
                    0,
                ) {
                    hit.insert(r.to_string());
                }
            }
        }
        h.ch('v');
    }
    let mut missing = Vec::new();
    for r in atlas().regions() {
        let wanted: Vec<RegionInstance> = if r.midline {
            vec![RegionInstance::new(r.id.clone(), None)]
        } else {
            Side::BOTH
                .iter()
                .map(|&s| RegionInstance::new(r.id.clone(), Some(s)))
                .collect()
        };
        for w in wanted {
            if !hit.contains(&w.to_string()) {
                missing.push(w.to_string());
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} cannot be clicked: {missing:?}",
        missing.len()
    );
}

#[test]
fn a_click_moves_the_cursor_so_keys_note_the_region_clicked() {
    let mut h = Harness::new(120, 40);
    // The cursor is moved somewhere else first.
    h.key(KeyCode::Down);
    let (col, row) = h.cell_of("temple", Some(Side::Left));
    h.click(col, row);
    let cands = h.app.candidates().len();
    h.ch('7');
    let temple = RegionInstance::new("temple", Some(Side::Left));
    assert_eq!(h.app.intake.note(&temple).intensity, Some(7));
    assert_eq!(h.selected(), ["left temple"], "nothing else is added");
    assert_eq!(h.app.candidates().len(), cands);
    h.ch('p');
    assert_eq!(h.selected(), ["left temple"]);
}
