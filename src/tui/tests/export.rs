//! Exporting the intake as a note or JSON.

use super::*;

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
fn export_writes_a_note_and_never_replaces_silently() {
    let dir = temp_dir();
    let mut h = Harness::new(120, 40);
    h.ch('/');
    h.typed("left temple");
    h.key(KeyCode::Enter);
    h.ch('7');
    let path = dir.path().join("note.md");
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
}

#[test]
fn a_failed_export_is_shown_and_the_intake_stays() {
    let dir = temp_dir();
    let mut h = Harness::new(120, 40);
    h.ch('/');
    h.typed("calf");
    h.key(KeyCode::Enter);
    export_to(&mut h, &dir.path().join("no-such-dir").join("note.md"));
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
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no partial file"
    );
}

#[test]
fn a_json_export_reopens_as_the_same_intake() {
    let dir = temp_dir();
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
    let path = dir.path().join("intake.json");
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
}
