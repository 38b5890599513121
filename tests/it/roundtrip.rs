//! Every field of an intake survives every path it can take: the explorer's save, its
//! JSON export reopened (`--open`) and imported (`visit --from`), `visit` typed on the
//! command line, and the history in every format.

use crate::util::{code, json, painmap, scratch, stderr, stdout};
use painmap::atlas::{Atlas, RegionInstance, Side};
use painmap::intake::{Intake, Quality, RegionNote};
use painmap::record::Record;
use painmap::tui::app::{App, ClientRecords, Overlay};
use painmap::tui::msg::Msg;
use std::path::Path;
use std::process::Output;

/// 2026-11-24 10:30 UTC.
const NOW: i64 = 1_795_516_200;

fn on(db: &Path, args: &[&str]) -> Output {
    painmap()
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("painmap runs")
}

/// A 58-year-old with left temple and jaw pain and a right heel: every field set.
fn full_intake() -> Intake {
    let mut intake = Intake::default();
    intake.add_noted(
        RegionInstance::new("temple", Some(Side::Left)),
        RegionNote {
            intensity: Some(7),
            quality: Some(Quality::Aching),
        },
    );
    intake.add_noted(
        RegionInstance::new("jaw", Some(Side::Left)),
        RegionNote {
            intensity: None,
            quality: Some(Quality::Sharp),
        },
    );
    intake.add_noted(
        RegionInstance::new("heel", Some(Side::Right)),
        RegionNote::default(),
    );
    intake.selection.symptoms.push("dizziness".into());
    intake.selection.age = Some(58);
    // The screen's question on jaw pain when chewing, answered yes: with the age over
    // 50 and the temple, giant cell arteritis.
    intake.selection.answer("jaw-claudication", Some(true));
    intake.note = Some("worse when chewing".into());
    intake
}

/// What every saved visit must hold, as `history --json` writes it.
fn expected_visit() -> serde_json::Value {
    serde_json::json!({
        "age": 58,
        "regions": [
            {"region": "temple", "side": "left", "intensity": 7, "quality": "aching"},
            {"region": "jaw", "side": "left", "intensity": null, "quality": "sharp"},
            {"region": "heel", "side": "right", "intensity": null, "quality": null},
        ],
        "symptoms": ["dizziness"],
        "note": "worse when chewing",
        "red_flags": [{"id": "giant-cell-arteritis", "title": gca_title()}],
        "screening": [{"concept": "jaw-claudication", "answer": true}],
    })
}

fn gca_title() -> String {
    let atlas = Atlas::shipped().unwrap();
    let flag = atlas
        .red_flags()
        .iter()
        .find(|f| f.id == "giant-cell-arteritis");
    flag.unwrap().title.clone()
}

#[test]
fn every_field_survives_every_path() {
    let tmp = scratch("roundtrip");
    let dir = tmp.path();
    let db = dir.join("c.sqlite3");
    let atlas: &'static Atlas = Box::leak(Box::new(Atlas::shipped().unwrap()));
    let intake = full_intake();

    // 1. The explorer saves it as a visit, and exports it as a record.
    let mut app = App::with_intake(atlas, intake.clone());
    app.records = Some(ClientRecords {
        client: "RT".into(),
        db: db.clone(),
        own_folder: false,
    });
    painmap::tui::dispatch(&mut app, Msg::SaveVisit(NOW));
    assert_eq!(app.status, "saved: visit 1");
    let record = dir.join("intake.json");
    painmap::tui::dispatch(&mut app, Msg::OpenExport(NOW));
    if let Some(Overlay::Export(e)) = &mut app.overlay {
        e.path = record.display().to_string();
    }
    painmap::tui::dispatch(&mut app, Msg::ExportAccept(NOW));
    assert!(app.status.starts_with("wrote "), "{}", app.status);

    // 2. `--open` reads back the very intake.
    assert_eq!(Record::load(&record, atlas).unwrap(), intake);
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&record).unwrap()).unwrap();
    assert_eq!(saved["age"], 58);
    assert_eq!(saved["note"], "worse when chewing");
    assert_eq!(
        saved["report"]["red_flags"][0]["id"],
        "giant-cell-arteritis"
    );

    // 3. `visit --from` imports it; 4. `visit` types it.
    let out = on(&db, &["visit", "RT", "--from", record.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = on(
        &db,
        &[
            "visit",
            "RT",
            "left temple",
            "left jaw",
            "right heel",
            "--intensity",
            "left temple=7",
            "--quality",
            "temple=aching",
            "--quality",
            "jaw=sharp",
            "-s",
            "dizziness",
            "--age",
            "58",
            "--yes",
            "jaw-claudication",
            "--note",
            "worse when chewing",
            "--date",
            "2026-11-24",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));

    // 5. The history as JSON: three visits, each the whole intake.
    let v = json(&on(&db, &["history", "RT", "--json"]));
    let visits = v["visits"].as_array().unwrap();
    assert_eq!(visits.len(), 3);
    let expected = expected_visit();
    for (i, visit) in visits.iter().enumerate() {
        for (field, want) in expected.as_object().unwrap() {
            assert_eq!(&visit[field], want, "visit {} {field}: {visit}", i + 1);
        }
        assert_eq!(visit["date"], "2026-11-24", "visit {}", i + 1);
    }

    // 6. Text, Markdown and CSV carry the same fields.
    other_formats_carry_every_field(&db);
}

/// Text, Markdown and CSV histories carry every field of the three visits, and tell
/// visits on one day apart by their time.
fn other_formats_carry_every_field(db: &Path) {
    let title = gca_title();
    let text = stdout(&on(db, &["history", "RT"]));
    let md = stdout(&on(db, &["history", "RT", "--format", "markdown"]));
    let csv = stdout(&on(db, &["history", "RT", "--format", "csv"]));
    for (name, out) in [("text", &text), ("markdown", &md)] {
        for words in [
            "age 58",
            "left temple 7 aching",
            "left jaw sharp",
            "right heel",
            "dizziness",
            "worse when chewing",
            "giant-cell-arteritis",
            title.as_str(),
            "Visit 3 · 2026-11-24",
            "10:30 UTC",
        ] {
            let found = out.contains(words)
                || (words == "age 58" && out.contains("Age: 58"))
                || (name == "markdown" && markdown_has(out, words));
            assert!(found, "{name} lacks '{words}':\n{out}");
        }
    }
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 1 + 3 * 3, "{csv}");
    for row in &rows[1..] {
        assert!(row.contains(",2026-11-24,58,"), "{row}");
        assert!(
            row.ends_with(
                ",dizziness,worse when chewing,giant-cell-arteritis,jaw-claudication=yes"
            ),
            "{row}"
        );
    }
    assert!(csv.contains(",temple,left,7,aching,"), "{csv}");
    assert!(csv.contains(",jaw,left,,sharp,"), "{csv}");
    assert!(csv.contains(",heel,right,,,"), "{csv}");
}

/// The Markdown history puts regions in a table: "| Temple | left | 7 | aching |".
fn markdown_has(md: &str, words: &str) -> bool {
    match words {
        "left temple 7 aching" => md.contains("| Temple | left | 7 | aching |"),
        "left jaw sharp" => md.contains("| Jaw | left | - | sharp |"),
        "right heel" => md.contains("| Heel | right | - | - |"),
        _ => false,
    }
}
