//! The explorer as a practice uses it: `C` picks or starts a client without a restart
//! (type to filter, Enter picks), the visit then saves to that client; `e` with a `.pdf`
//! name writes the intake note as PDF.

use super::app::{App, Overlay};
use super::testkit::Harness as Kit;
use crate::atlas::Atlas;
use crate::records::{SqliteStore, Store, Visit};
use ratatui::crossterm::event::KeyCode;
use std::sync::OnceLock;

type Harness = Kit<App<'static>>;

fn atlas() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| Atlas::shipped().unwrap())
}

/// An explorer started without `--client`, its records in `db`.
fn explorer(db: &std::path::Path, w: u16, h: u16) -> Harness {
    let mut app = App::new(atlas());
    app.records_at = Some(super::clients::RecordsAt {
        db: db.to_path_buf(),
        own_folder: false,
    });
    Harness::start(app, w, h)
}

fn mark(h: &mut Harness, region: &str) {
    h.ch('/');
    h.typed(region);
    h.key(KeyCode::Enter);
}

fn seed(db: &std::path::Path, clients: &[&str]) {
    let mut store = SqliteStore::open(db, true, false).unwrap().unwrap();
    for c in clients {
        let mut intake = crate::intake::Intake::default();
        intake.toggle(crate::atlas::RegionInstance::new(
            "heel",
            Some(crate::atlas::Side::Right),
        ));
        let visit = Visit::of_intake(
            atlas(),
            &intake,
            crate::date::Date::parse("2026-11-01").unwrap(),
        );
        store.save_visit(c, &visit, "2026-11-01 10:00 UTC").unwrap();
    }
}

#[test]
fn c_filters_the_clients_and_the_visit_saves_to_the_one_picked() {
    let d = super::tests::temp_dir();
    let db = d.path().join("c.sqlite3");
    seed(&db, &["AB-01", "MK-58", "MK-61"]);
    let mut h = explorer(&db, 80, 24);
    mark(&mut h, "left temple");
    h.ch('C');
    let Some(Overlay::Clients(p)) = &h.app.overlay else {
        panic!("C opens the picker: {}", h.app.status);
    };
    assert_eq!(p.names, ["AB-01", "MK-58", "MK-61"]);
    assert!(h.screen().contains("AB-01"), "{}", h.screen());
    h.typed("mk");
    let screen = h.screen();
    assert!(
        screen.contains("MK-58") && screen.contains("MK-61"),
        "{screen}"
    );
    assert!(!screen.contains("AB-01"), "filtered out: {screen}");
    h.key(KeyCode::Down);
    h.key(KeyCode::Enter);
    assert!(h.app.overlay.is_none());
    assert_eq!(h.app.records.as_ref().unwrap().client, "MK-61");
    assert!(h.app.status.contains("MK-61"), "{}", h.app.status);
    assert!(
        h.screen().contains("MK-61"),
        "the map's title names the client"
    );
    h.ch('s');
    assert_eq!(h.app.status, "saved: visit 4");
    let store = SqliteStore::open(&db, false, false).unwrap().unwrap();
    let visits = store.history("MK-61").unwrap().unwrap();
    assert_eq!(visits.len(), 2, "the visit went to the client picked");
    assert_eq!(store.history("MK-58").unwrap().unwrap().len(), 1);
}

#[test]
fn c_starts_a_new_client_when_none_matches_and_refuses_an_empty_name() {
    let d = super::tests::temp_dir();
    let db = d.path().join("c.sqlite3");
    let mut h = explorer(&db, 120, 40);
    h.ch('C');
    assert!(h.screen().contains("no clients yet"), "{}", h.screen());
    h.key(KeyCode::Enter);
    let Some(Overlay::Clients(p)) = &h.app.overlay else {
        panic!("an empty name keeps the picker open");
    };
    assert!(p.error.as_deref().unwrap_or("").contains("empty"));
    h.typed("SK-02");
    assert!(
        h.screen().contains("Enter starts a new client \"SK-02\""),
        "{}",
        h.screen()
    );
    h.key(KeyCode::Enter);
    assert_eq!(h.app.records.as_ref().unwrap().client, "SK-02");
    mark(&mut h, "right heel");
    h.ch('s');
    assert_eq!(h.app.status, "saved: visit 1");
    // Esc leaves the client as it was.
    h.ch('C');
    h.typed("zz");
    h.key(KeyCode::Esc);
    assert!(h.app.overlay.is_none());
    assert_eq!(h.app.records.as_ref().unwrap().client, "SK-02");
}

#[test]
fn e_with_a_pdf_name_writes_the_intake_note_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let d = super::tests::temp_dir();
    let mut h = explorer(&d.path().join("c.sqlite3"), 120, 40);
    mark(&mut h, "left temple");
    h.ch('e');
    if let Some(Overlay::Export(e)) = &mut h.app.overlay {
        e.path = d.path().join("note.pdf").display().to_string();
    }
    h.key(KeyCode::Enter);
    assert!(h.app.status.starts_with("wrote "), "{}", h.app.status);
    let path = d.path().join("note.pdf");
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "a PDF, not the Markdown note");
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn n_writes_the_note_that_saves_with_the_visit_and_reopens_with_it() {
    let d = super::tests::temp_dir();
    let db = d.path().join("c.sqlite3");
    let mut h = explorer(&db, 80, 24);
    h.ch('C');
    h.typed("MK-58");
    h.key(KeyCode::Enter);
    mark(&mut h, "left temple");
    h.ch('N');
    assert!(
        h.screen().contains("saved with the visit"),
        "{}",
        h.screen()
    );
    h.typed("worse when chewing");
    h.key(KeyCode::Enter);
    assert_eq!(h.app.intake.note.as_deref(), Some("worse when chewing"));
    // The prompt reopens with the note, and Esc keeps it as it was.
    h.ch('N');
    assert!(h.screen().contains("worse when chewing"), "{}", h.screen());
    h.typed(" xx");
    h.key(KeyCode::Esc);
    assert_eq!(h.app.intake.note.as_deref(), Some("worse when chewing"));
    h.ch('s');
    assert_eq!(h.app.status, "saved: visit 1");
    let store = SqliteStore::open(&db, false, false).unwrap().unwrap();
    let visits = store.history("MK-58").unwrap().unwrap();
    assert_eq!(visits[0].visit.note.as_deref(), Some("worse when chewing"));
    // The visit's intake (what history shows and compares) carries it back.
    assert_eq!(
        visits[0].visit.intake().note.as_deref(),
        Some("worse when chewing")
    );
    // Emptied, the note is removed.
    h.ch('N');
    h.event(&ratatui::crossterm::event::Event::Key(
        ratatui::crossterm::event::KeyEvent::new(
            KeyCode::Char('u'),
            ratatui::crossterm::event::KeyModifiers::CONTROL,
        ),
    ));
    h.key(KeyCode::Enter);
    assert_eq!(h.app.intake.note, None);
}
