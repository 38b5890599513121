//! The explorer driven through input mapping, `update` and `draw` on a `TestBackend`:
//! every key, clicks on the map and lists, and a no-panic sweep over sizes and events.

use super::app::{App, Focus, Overlay};
use super::msg::Msg;
use super::theme::Theme;
use crate::atlas::{Atlas, RegionInstance, Side};
use crate::study::rng::Rng;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use std::sync::OnceLock;

fn atlas() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| Atlas::shipped().unwrap())
}

/// The explorer on a test terminal.
type Harness = super::testkit::Harness<App<'static>>;

impl Harness {
    fn new(w: u16, h: u16) -> Harness {
        Harness::start(App::new(atlas()), w, h)
    }

    /// A screen cell of the map showing this region instance.
    fn cell_of(&self, region: &str, side: Option<Side>) -> (u16, u16) {
        let map = self.layout.map.as_ref().expect("map shown");
        for y in 0..map.area.height {
            for x in 0..map.area.width {
                if map.region_at(x, y) == Some(&RegionInstance::new(region, side)) {
                    return (map.area.x + x, map.area.y + y);
                }
            }
        }
        panic!("{region} {side:?} not on the map");
    }

    fn selected(&self) -> Vec<String> {
        self.app
            .intake
            .selection
            .regions
            .iter()
            .map(ToString::to_string)
            .collect()
    }
}

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
            super::app::Cursor {
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
fn focus_cycles_and_lists_move() {
    let mut h = Harness::new(120, 40);
    h.ch('/');
    h.typed("heel");
    h.key(KeyCode::Enter);
    assert_eq!(h.app.focus, Focus::Map);
    h.key(KeyCode::Tab);
    assert_eq!(h.app.focus, Focus::Candidates);
    h.ch('j');
    h.key(KeyCode::Down);
    assert_eq!(h.app.highlighted, 2);
    h.ch('k');
    assert_eq!(h.app.highlighted, 1);
    h.key(KeyCode::End);
    assert_eq!(h.app.highlighted, h.app.candidates().len() - 1);
    h.key(KeyCode::Home);
    assert_eq!(h.app.highlighted, 0);
    h.key(KeyCode::PageDown);
    h.key(KeyCode::PageUp);
    assert_eq!(h.app.highlighted, 0);
    h.key(KeyCode::Enter);
    assert_eq!(h.app.focus, Focus::Detail);
    h.key(KeyCode::Down);
    h.ch('j');
    assert_eq!(h.app.detail_scroll, 2);
    h.key(KeyCode::PageUp);
    assert_eq!(h.app.detail_scroll, 0);
    h.key(KeyCode::Tab);
    assert_eq!(h.app.focus, Focus::Map);
    h.key(KeyCode::BackTab);
    assert_eq!(h.app.focus, Focus::Detail);
    h.key(KeyCode::Esc);
    assert_eq!(h.app.focus, Focus::Candidates);
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
fn the_age_is_asked_set_and_shown_and_decides_the_giant_cell_flag() {
    let mut h = Harness::new(120, 40);
    for region in ["left temple", "left jaw"] {
        h.ch('/');
        h.typed(region);
        h.key(KeyCode::Enter);
    }
    let screen = h.screen();
    assert!(!screen.contains("SEE A PHYSICIAN"), "{screen}");
    assert!(screen.contains("Ask the age: over 50"), "{screen}");
    h.ch('a');
    assert!(matches!(h.app.overlay, Some(Overlay::Age(_))));
    h.typed("6x2");
    h.key(KeyCode::Enter);
    assert_eq!(h.app.intake.selection.age, Some(62));
    let screen = h.screen();
    assert!(screen.contains("SEE A PHYSICIAN"), "{screen}");
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
fn browse_lists_every_muscle() {
    let mut h = Harness::new(120, 40);
    h.ch('m');
    assert!(matches!(h.app.overlay, Some(Overlay::Browse { .. })));
    assert_eq!(h.layout.browse.unwrap().len, atlas().muscles().len());
    h.ch('j');
    h.key(KeyCode::PageDown);
    h.key(KeyCode::PageUp);
    h.ch('k');
    h.key(KeyCode::Enter);
    assert_eq!(h.app.focus, Focus::Detail);
    assert_eq!(
        h.app.pinned.as_ref().unwrap().muscle,
        h.app.browse_order()[0].id
    );
    h.ch('m');
    h.ch('m');
    assert!(h.app.overlay.is_none());
}

#[test]
fn help_toggles_and_lists_every_key() {
    let mut h = Harness::new(120, 40);
    h.ch('?');
    assert_eq!(h.app.overlay, Some(Overlay::Help));
    let screen = h.screen();
    for row in super::keymap::HELP {
        let keys = super::keymap::row_keys(row);
        assert!(screen.contains(&keys), "help lists {keys}: {screen}");
        assert!(screen.contains(row.what), "help says {}", row.what);
    }
    h.ch('x');
    assert!(h.app.overlay.is_none(), "any key closes the help");
}

#[test]
fn clear_and_quit() {
    let mut h = Harness::new(100, 30);
    h.ch('/');
    h.typed("calf");
    h.key(KeyCode::Enter);
    h.ch('x');
    h.ch('x');
    assert!(h.app.intake.selection.is_empty());
    h.ch('q');
    assert!(h.app.quit);
    let mut h = Harness::new(100, 30);
    h.ch('/');
    h.event(&Event::Key(KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
    )));
    assert!(h.app.quit, "Ctrl-C quits even from the search");
}

#[test]
fn mouse_opens_candidates_and_scrolls() {
    let mut h = Harness::new(120, 40);
    h.ch('/');
    h.typed("low back");
    h.key(KeyCode::Enter);
    let list = h.layout.candidates.unwrap();
    // The second item's first row.
    let msg = h.click(list.area.x + 2, list.area.y + 2);
    assert_eq!(msg, Some(Msg::OpenCandidate(1)));
    assert_eq!(h.app.highlighted, 1);
    assert_eq!(h.app.focus, Focus::Detail);
    h.wheel(list.area.x + 2, list.area.y + 2, true);
    assert_eq!(h.app.highlighted, 2);
    h.wheel(list.area.x + 2, list.area.y + 2, false);
    assert_eq!(h.app.highlighted, 1);
    let detail = h.layout.detail.unwrap();
    h.wheel(detail.x + 2, detail.y + 2, true);
    assert_eq!(h.app.detail_scroll, 3);
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

fn temp_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("painmap-tui-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Opens the export prompt and replaces the suggested name with `path`.
fn export_to(h: &mut Harness, path: &std::path::Path) {
    h.ch('e');
    let Some(Overlay::Export(e)) = &h.app.overlay else {
        panic!("export prompt")
    };
    let suggested = e.path.clone();
    assert!(
        suggested.starts_with("painmap-")
            && std::path::Path::new(&suggested)
                .extension()
                .is_some_and(|x| x == "md"),
        "{suggested}"
    );
    assert_eq!(suggested.len(), "painmap-YYYYMMDD-HHMM.md".len());
    for _ in 0..suggested.len() {
        h.key(KeyCode::Backspace);
    }
    h.typed(&path.display().to_string());
    h.key(KeyCode::Enter);
}

#[test]
fn an_empty_intake_is_not_exported() {
    let mut h = Harness::new(120, 40);
    h.ch('e');
    assert!(h.app.overlay.is_none(), "no prompt for an empty intake");
    assert!(
        h.screen().contains("nothing to export yet"),
        "{}",
        h.screen()
    );
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
fn export_writes_a_note_and_never_replaces_silently() {
    let dir = temp_dir("export");
    let mut h = Harness::new(120, 40);
    h.ch('/');
    h.typed("left temple");
    h.key(KeyCode::Enter);
    h.ch('7');
    let path = dir.join("note.md");
    export_to(&mut h, &path);
    assert!(h.app.overlay.is_none());
    assert!(h.app.status.starts_with("wrote /"), "{}", h.app.status);
    let note = std::fs::read_to_string(&path).unwrap();
    assert!(note.starts_with("# painmap intake note"));
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "a note is health data: owner-only");
    }
    assert!(note.contains("| Temple | left | 7 | - |"), "{note}");
    assert!(note.contains("Upper trapezius"), "{note}");
    assert!(note.contains("painmap is an educational reference, not a diagnosis"));
    // Again to the same name: asked first; Esc keeps the file.
    h.ch('8');
    export_to(&mut h, &path);
    let Some(Overlay::Export(e)) = &h.app.overlay else {
        panic!()
    };
    assert!(e.confirm && e.error.as_ref().unwrap().contains("exists"));
    h.key(KeyCode::Esc);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), note, "kept");
    // Confirmed: replaced.
    export_to(&mut h, &path);
    h.key(KeyCode::Enter);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("| Temple | left | 8 | - |")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_failed_export_is_shown_and_the_intake_stays() {
    let dir = temp_dir("fail");
    let mut h = Harness::new(120, 40);
    h.ch('/');
    h.typed("calf");
    h.key(KeyCode::Enter);
    export_to(&mut h, &dir.join("no-such-dir").join("note.md"));
    let Some(Overlay::Export(e)) = &h.app.overlay else {
        panic!("prompt stays open")
    };
    assert!(
        e.error.as_ref().unwrap().starts_with("could not write"),
        "{e:?}"
    );
    let error = e.error.clone().unwrap();
    assert!(
        error.ends_with("no such file or folder"),
        "in words: {error}"
    );
    assert!(!error.contains("os error"), "{error}");
    assert!(h.screen().contains("could not write"));
    assert_eq!(h.selected(), ["calf"]);
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        0,
        "no partial file"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_json_export_reopens_as_the_same_intake() {
    let dir = temp_dir("json");
    let mut h = Harness::new(120, 40);
    for r in ["left temple", "right jaw"] {
        h.ch('/');
        h.typed(r);
        h.key(KeyCode::Enter);
    }
    h.ch('4');
    h.ch('p');
    h.ch('/');
    h.typed("dizziness");
    h.key(KeyCode::Enter);
    let path = dir.join("intake.json");
    export_to(&mut h, &path);
    let text = std::fs::read_to_string(&path).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], "painmap-intake");
    assert_eq!(v["regions"][1]["intensity"], 4);
    assert_eq!(v["regions"][1]["quality"], "aching");
    assert!(
        v["report"]["candidates"]
            .as_array()
            .is_some_and(|c| !c.is_empty())
    );
    let back = crate::record::Record::load(&path, atlas()).unwrap();
    assert_eq!(back, h.app.intake);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A number in `0..n`, as a terminal coordinate or index.
fn below(rng: &mut Rng, n: usize) -> u16 {
    u16::try_from(rng.below(n)).unwrap_or(u16::MAX)
}

fn random_event(rng: &mut Rng, w: u16, h: u16) -> Event {
    const KEYS: [KeyCode; 16] = [
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Backspace,
        KeyCode::PageDown,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::Char(' '),
        KeyCode::Char('/'),
        KeyCode::Char('m'),
        KeyCode::Char('?'),
    ];
    // No `e`: the export prompt writes files, and a sweep must not litter the tree.
    const CHARS: &[u8] = b"abcdfghijklmnopqrstuvwxyz[]xhjkl ";
    match below(rng, 4) {
        0 => Event::Key(KeyEvent::new(
            KEYS[usize::from(below(rng, 16))],
            KeyModifiers::NONE,
        )),
        1 => Event::Key(KeyEvent::new(
            KeyCode::Char(char::from(CHARS[usize::from(below(rng, CHARS.len()))])),
            KeyModifiers::NONE,
        )),
        2 => Event::Mouse(MouseEvent {
            kind: [
                MouseEventKind::Down(MouseButton::Left),
                MouseEventKind::ScrollDown,
                MouseEventKind::ScrollUp,
            ][usize::from(below(rng, 3))],
            column: below(rng, usize::from(w) + 2),
            row: below(rng, usize::from(h) + 2),
            modifiers: KeyModifiers::NONE,
        }),
        _ => Event::Resize(w, h),
    }
}

#[test]
fn never_panics_at_any_small_size() {
    let mut rng = Rng::new(0x9e37_79b9_7f4a_7c15);
    for w in 0..=40 {
        for h in 0..=15 {
            let mut harness = Harness::new(w, h);
            for _ in 0..3 {
                let e = random_event(&mut rng, w, h);
                if !matches!(
                    e,
                    Event::Key(KeyEvent {
                        code: KeyCode::Char('q'),
                        ..
                    })
                ) {
                    harness.event(&e);
                }
            }
        }
    }
}

#[test]
fn never_panics_on_random_large_sizes_and_events() {
    let mut rng = Rng::new(42);
    for _ in 0..10 {
        let (w, h) = (60 + below(&mut rng, 200), 18 + below(&mut rng, 80));
        let mut harness = Harness::new(w, h);
        for _ in 0..80 {
            let e = random_event(&mut rng, w, h);
            harness.event(&e);
            harness.app.quit = false;
        }
        // And shrinking under it.
        harness
            .term
            .backend_mut()
            .resize(below(&mut rng, 70), below(&mut rng, 25));
        harness.draw();
    }
}

#[test]
fn the_loop_runs_scripted_events_to_quit() {
    let mut app = App::new(atlas());
    let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let mut script: Vec<Event> = "/heel"
        .chars()
        .map(|c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
        .collect();
    script.push(Event::Key(KeyEvent::new(
        KeyCode::Enter,
        KeyModifiers::NONE,
    )));
    script.push(Event::Resize(90, 28));
    // The intake is unsaved: the first q asks, the second quits.
    for _ in 0..2 {
        script.push(Event::Key(KeyEvent::new(
            KeyCode::Char('q'),
            KeyModifiers::NONE,
        )));
    }
    script.reverse();
    let mut next = || Ok(script.pop());
    super::run_loop(
        &mut term,
        &mut app,
        &Theme::mono(),
        &mut next,
        &|| false,
        &|| super::testkit::NOW,
    )
    .unwrap();
    assert!(app.quit);
    assert_eq!(
        app.intake.selection.regions,
        [RegionInstance::new("heel", None)]
    );
    let buf = term.backend().buffer();
    let first_row: String = (0..buf.area.width).map(|x| buf[(x, 0)].symbol()).collect();
    assert!(first_row.contains("Body map"), "{first_row}");
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
                if let Some(Msg::ClickMap(_, Some(r))) = super::input::map(
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

/// A fresh folder for one test's client records.
fn records_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("painmap-tui-records-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn s_saves_the_visit_and_h_shows_the_history_and_the_comparison() {
    let dir = records_dir("save");
    let mut h = Harness::new(120, 40);
    h.ch('s');
    assert!(h.app.status.contains("--client"), "{}", h.app.status);
    h.ch('H');
    assert!(h.app.overlay.is_none(), "no client, no history");
    h.app.records = Some(super::app::ClientRecords {
        client: "T 1".into(),
        db: dir.join("c.sqlite3"),
        own_folder: false,
    });
    h.draw();
    assert!(
        h.screen().contains("Body map · T 1"),
        "the title shows the client"
    );
    h.ch('s');
    assert!(h.app.status.contains("nothing to save"), "{}", h.app.status);
    h.ch('/');
    h.typed("right heel");
    h.key(KeyCode::Enter);
    h.ch('6');
    h.ch('s');
    assert_eq!(h.app.status, "saved: visit 1");
    // Today it is better, and the calf is new.
    h.ch('3');
    h.ch('/');
    h.typed("right calf");
    h.key(KeyCode::Enter);
    h.ch('H');
    let Some(Overlay::History(hist)) = &h.app.overlay else {
        panic!("history open: {}", h.app.status);
    };
    assert_eq!(hist.visits.len(), 1);
    assert!(h.screen().contains("right heel 6"), "{}", h.screen());
    assert!(
        h.screen().contains("· 1 visit "),
        "not '1 visits': {}",
        h.screen()
    );
    h.key(KeyCode::Enter);
    let screen = h.screen();
    assert!(screen.contains("What changed"), "{screen}");
    assert!(screen.contains("right heel: better 6→3"), "{screen}");
    assert!(screen.contains("new"), "{screen}");
    h.key(KeyCode::Esc);
    assert!(matches!(&h.app.overlay, Some(Overlay::History(x)) if !x.comparing));
    h.key(KeyCode::Esc);
    assert!(h.app.overlay.is_none());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_failed_save_says_so_and_keeps_the_intake() {
    let dir = records_dir("fail");
    let mut h = Harness::new(100, 30);
    // A folder where the file should be: the save fails, nothing is lost.
    h.app.records = Some(super::app::ClientRecords {
        client: "T 2".into(),
        db: dir.clone(),
        own_folder: false,
    });
    h.ch('/');
    h.typed("jaw");
    h.key(KeyCode::Enter);
    h.ch('s');
    assert!(h.app.status.starts_with("save failed:"), "{}", h.app.status);
    assert!(!h.app.status.contains("T 2"), "no client name in errors");
    assert_eq!(h.app.intake.selection.regions.len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
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
    use super::app::{SEARCH_RESULTS, SearchRow};
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

#[test]
fn c_compares_the_candidate_with_the_one_highlighted_before() {
    for (w, ht) in [(80, 24), (120, 40)] {
        let mut h = Harness::new(w, ht);
        let right_outer_shoulder = RegionInstance::new("shoulder-outer", Some(Side::Right));
        super::update::update(&mut h.app, Msg::Toggle(right_outer_shoulder));
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
    super::update::update(&mut h.app, Msg::Toggle(right_outer_shoulder));
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
    super::update::update(&mut app, Msg::Toggle(region));
    super::update::update(&mut app, Msg::Move(1));
    super::update::update(&mut app, Msg::ComparePrevious);
    assert!(matches!(app.overlay, Some(Overlay::Compare(_))));
    let sizes = (0..=130u16)
        .step_by(7)
        .flat_map(|w| (0..=45u16).step_by(5).map(move |h| (w, h)));
    for (w, h) in sizes.chain([(60, 18), (80, 24), (110, 30), (200, 60)]) {
        for theme in [Theme::mono(), Theme::colour()] {
            let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
            term.draw(|f| {
                super::view::draw(f, &app, &theme);
            })
            .unwrap();
        }
    }
}

/// Marks the left temple and jaw of a 58-year-old: the giant-cell-arteritis flag.
fn temple_and_jaw_aged_58(h: &mut Harness) {
    for region in ["left temple", "left jaw"] {
        h.ch('/');
        h.typed(region);
        h.key(KeyCode::Enter);
    }
    h.ch('a');
    h.typed("58");
    h.key(KeyCode::Enter);
}

#[test]
fn the_explorer_saves_the_age_and_the_red_flags_with_the_visit() {
    use crate::records::{SqliteStore, Store};
    let dir = records_dir("age");
    let db = dir.join("c.sqlite3");
    let mut h = Harness::new(120, 40);
    h.app.records = Some(super::app::ClientRecords {
        client: "MK-58".into(),
        db: db.clone(),
        own_folder: false,
    });
    temple_and_jaw_aged_58(&mut h);
    h.ch('s');
    assert_eq!(h.app.status, "saved: visit 1");
    let store = SqliteStore::open(&db, false, false).unwrap().unwrap();
    let visits = store.history("MK-58").unwrap().unwrap();
    assert_eq!(visits[0].visit.age, Some(58), "the age is kept");
    let flags: Vec<&str> = visits[0]
        .visit
        .red_flags
        .iter()
        .map(|f| f.id.as_str())
        .collect();
    assert_eq!(flags, ["giant-cell-arteritis"]);
    let _ = std::fs::remove_dir_all(&dir);
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

#[test]
fn a_second_s_updates_todays_visit_instead_of_copying_it() {
    use crate::records::{SqliteStore, Store};
    let dir = records_dir("twice");
    let db = dir.join("c.sqlite3");
    let mut h = Harness::new(120, 40);
    h.app.records = Some(super::app::ClientRecords {
        client: "T 3".into(),
        db: db.clone(),
        own_folder: false,
    });
    h.ch('/');
    h.typed("right heel");
    h.key(KeyCode::Enter);
    h.ch('s');
    assert_eq!(h.app.status, "saved: visit 1");
    h.ch('s');
    assert!(
        h.app.status.starts_with("updated: visit 1"),
        "{}",
        h.app.status
    );
    h.ch('6');
    h.ch('s');
    let store = SqliteStore::open(&db, false, false).unwrap().unwrap();
    let visits = store.history("T 3").unwrap().unwrap();
    assert_eq!(visits.len(), 1, "one visit, not copies");
    assert_eq!(visits[0].visit.regions[0].intensity, Some(6), "updated");
    assert!(visits[0].amended_at.is_some());
    // A cleared intake is a new one: its `s` saves a new visit.
    h.ch('x');
    h.ch('/');
    h.typed("left calf");
    h.key(KeyCode::Enter);
    h.ch('s');
    assert_eq!(h.app.status, "saved: visit 2");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn x_and_q_ask_before_dropping_an_unsaved_intake() {
    let mut h = Harness::new(100, 30);
    h.ch('/');
    h.typed("calf");
    h.key(KeyCode::Enter);
    h.ch('x');
    assert!(!h.app.intake.selection.is_empty(), "not cleared at once");
    assert!(
        h.app.status.contains("x again clears it"),
        "{}",
        h.app.status
    );
    h.ch('x');
    assert!(h.app.intake.selection.is_empty(), "the second x clears");
    h.ch('/');
    h.typed("calf");
    h.key(KeyCode::Enter);
    h.ch('q');
    assert!(!h.app.quit);
    assert!(h.app.status.contains("q again quits"), "{}", h.app.status);
    // Another key forgets the question.
    h.key(KeyCode::Tab);
    h.ch('q');
    assert!(!h.app.quit);
    h.ch('q');
    assert!(h.app.quit);
    // Exported work is not unsaved.
    let dir = temp_dir("kept");
    let mut h = Harness::new(100, 30);
    h.ch('/');
    h.typed("calf");
    h.key(KeyCode::Enter);
    export_to(&mut h, &dir.join("n.md"));
    h.ch('q');
    assert!(h.app.quit, "{}", h.app.status);
    let _ = std::fs::remove_dir_all(&dir);
}
