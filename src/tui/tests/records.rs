//! Saving visits to a client record and the history.

use super::*;

#[test]
fn s_saves_the_visit_and_h_shows_the_history_and_the_comparison() {
    let dir = temp_dir();
    let mut h = Harness::new(120, 40);
    h.ch('s');
    assert!(h.app.status.contains("--client"), "{}", h.app.status);
    h.ch('H');
    assert!(h.app.overlay.is_none(), "no client, no history");
    h.app.records = Some(crate::tui::app::ClientRecords {
        client: "T 1".into(),
        db: dir.path().join("c.sqlite3"),
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
}

#[test]
fn a_failed_save_says_so_and_keeps_the_intake() {
    let dir = temp_dir();
    let mut h = Harness::new(100, 30);
    // A folder where the file should be: the save fails, nothing is lost.
    h.app.records = Some(crate::tui::app::ClientRecords {
        client: "T 2".into(),
        db: dir.path().to_path_buf(),
        own_folder: false,
    });
    h.ch('/');
    h.typed("jaw");
    h.key(KeyCode::Enter);
    h.ch('s');
    assert!(h.app.status.starts_with("save failed:"), "{}", h.app.status);
    assert!(!h.app.status.contains("T 2"), "no client name in errors");
    assert_eq!(h.app.intake.selection.regions.len(), 1);
}

#[test]
fn the_explorer_saves_the_age_and_the_red_flags_with_the_visit() {
    use crate::records::{SqliteStore, Store};
    let dir = temp_dir();
    let db = dir.path().join("c.sqlite3");
    let mut h = Harness::new(120, 40);
    h.app.records = Some(crate::tui::app::ClientRecords {
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
    let screening = &visits[0].visit.screening;
    assert_eq!(screening.len(), 1, "the screening answer is kept");
    assert_eq!(
        (screening[0].concept.as_str(), screening[0].answer),
        ("jaw-claudication", true)
    );
}

#[test]
fn a_second_s_updates_todays_visit_instead_of_copying_it() {
    use crate::records::{SqliteStore, Store};
    let dir = temp_dir();
    let db = dir.path().join("c.sqlite3");
    let mut h = Harness::new(120, 40);
    h.app.records = Some(crate::tui::app::ClientRecords {
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
}
