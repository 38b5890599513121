//! Client records: visits saved from the CLI and the explorer, read back in date order;
//! crash safety (kill -9 at random moments) and two writers at once; damaged, foreign and
//! newer databases refused without a byte changed; owner-only permissions; forgetting.

use crate::util::{Tmux, code, json, painmap, scratch, stderr, stdout};
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Output;

/// A fresh directory for one test, removed on drop.
struct Dir(tempfile::TempDir);

impl Dir {
    fn new(name: &str) -> Dir {
        Dir(scratch(name))
    }

    fn db(&self) -> PathBuf {
        self.0.path().join("clients.sqlite3")
    }
}

/// `painmap --db DB ARGS...`
fn on(db: &Path, args: &[&str]) -> Output {
    painmap()
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("painmap runs")
}

fn mode(p: &Path) -> u32 {
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn integrity(db: &Path) -> String {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

fn visit_ids(db: &Path) -> Vec<i64> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut st = conn.prepare("SELECT id FROM visit ORDER BY id").unwrap();
    st.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn three_visits_come_back_in_date_order_with_their_intensities() {
    let d = Dir::new("three");
    let db = d.db();
    // Saved out of order: the history sorts by date.
    for (date, heel, note) in [
        ("2026-03-10", "2", "much better"),
        ("2026-01-05", "7", "after the marathon"),
        ("2026-02-07", "4", "stretching daily"),
    ] {
        let out = on(
            &db,
            &[
                "visit",
                "Sam K",
                "right heel",
                "left calf",
                "--intensity",
                &format!("right heel={heel}"),
                "--quality",
                "right heel=sharp",
                "--symptom",
                "tingling",
                "--note",
                note,
                "--date",
                date,
                "--age",
                "41",
            ],
        );
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        assert!(stdout(&out).trim().parse::<i64>().is_ok(), "prints the id");
    }
    let out = on(&db, &["history", "Sam K", "--json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(v["client"], "Sam K");
    let visits = v["visits"].as_array().unwrap();
    let dates: Vec<&str> = visits.iter().map(|x| x["date"].as_str().unwrap()).collect();
    assert_eq!(dates, ["2026-01-05", "2026-02-07", "2026-03-10"]);
    let heel: Vec<u64> = visits
        .iter()
        .map(|x| x["regions"][0]["intensity"].as_u64().unwrap())
        .collect();
    assert_eq!(heel, [7, 4, 2]);
    let first = &visits[0];
    assert_eq!(first["regions"][0]["region"], "heel");
    assert_eq!(first["regions"][0]["side"], "right");
    assert_eq!(first["regions"][0]["quality"], "sharp");
    assert_eq!(first["regions"][1]["side"], "left");
    assert_eq!(first["symptoms"][0], "tingling");
    assert_eq!(first["note"], "after the marathon");
    assert_eq!(first["age"], 41);
    assert!(first["atlas"]["hash"].as_str().unwrap().len() == 16);
    let cands = first["candidates"].as_array().unwrap();
    assert!(!cands.is_empty() && cands.len() <= 10);
    assert_eq!(cands[0]["rank"], 1);
    assert!(cands[0]["muscle"].is_string());
    assert_eq!(v["trends"][0]["values"], serde_json::json!([7, 4, 2]));

    let out = on(&db, &["clients", "--json"]);
    assert_eq!(code(&out), 0);
    assert_eq!(
        json(&out),
        serde_json::json!([{"name": "Sam K", "visits": 3, "last_visit": "2026-03-10"}])
    );

    // Text ends with the trend; Markdown and CSV for the practice record.
    let text = stdout(&on(&db, &["history", "Sam K"]));
    let tail = text.lines().rev().take(2).collect::<Vec<_>>();
    assert!(
        tail[1].contains("right heel") && tail[1].contains("7 4 2"),
        "{text}"
    );
    assert!(text.contains("Visit 1 · 2026-01-05"), "{text}");
    let md = stdout(&on(&db, &["history", "Sam K", "--format", "markdown"]));
    assert!(md.contains("| Heel | right | 7 | sharp |"), "{md}");
    let csv = stdout(&on(&db, &["history", "Sam K", "--format", "csv"]));
    assert_eq!(
        csv.lines().count(),
        7,
        "a header and two regions per visit: {csv}"
    );
    assert!(
        csv.contains(",2026-01-05,41,heel,right,7,sharp,tingling,after the marathon"),
        "{csv}"
    );
}

#[test]
fn bad_visits_and_unknown_clients_never_name_the_client() {
    let d = Dir::new("bad");
    let db = d.db();
    let secret = "Jane Q Public";
    for args in [
        // Nothing in it names a place (a typo such as "elbw" is read as elbow, and said).
        vec!["visit", secret, "qqzx"],
        vec!["visit", secret, "jaw", "--intensity", "jaw=11"],
        vec!["visit", secret, "jaw", "--quality", "jaw=itchy"],
        vec!["visit", secret, "jaw", "--date", "2026-02-30"],
        vec!["visit", "  ", "jaw"],
    ] {
        let out = on(&db, &args);
        assert_eq!(code(&out), 2, "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(!err.contains(secret), "{err}");
    }
    assert!(!db.exists(), "nothing saved, nothing created");
    let out = on(&db, &["history", secret]);
    assert_eq!(code(&out), 1);
    assert!(!stderr(&out).contains(secret));
    assert!(!db.exists(), "reading never creates the file");
    let out = on(&db, &["clients", "--json"]);
    assert_eq!((code(&out), json(&out)), (1, serde_json::json!([])));
}

#[test]
fn an_intake_record_is_imported_as_a_visit() {
    let d = Dir::new("import");
    let db = d.db();
    let record = d.0.path().join("intake.json");
    fs::write(
        &record,
        r#"{"format":"painmap-intake","version":1,"date":"2026-04-02 09:30 UTC",
           "regions":[{"region":"temple","side":"left","intensity":5,"quality":"aching"}],
           "symptoms":["dizziness"]}"#,
    )
    .unwrap();
    let out = on(&db, &["visit", "C-17", "--from", record.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v = json(&on(&db, &["history", "C-17", "--json"]));
    let visit = &v["visits"][0];
    assert_eq!(visit["date"], "2026-04-02", "the record's day");
    assert_eq!(visit["regions"][0]["intensity"], 5);
    assert_eq!(visit["regions"][0]["quality"], "aching");
    assert_eq!(visit["symptoms"][0], "dizziness");
}

#[test]
fn forget_needs_yes_and_leaves_no_trace_in_the_file() {
    let d = Dir::new("forget");
    let db = d.db();
    for i in 0..5 {
        let note = format!("zebra-note-{i} {}", "x".repeat(2000));
        let out = on(&db, &["visit", "Quentin Zebra", "jaw", "--note", &note]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
    }
    on(&db, &["visit", "AB", "jaw"]);
    let out = on(&db, &["forget", "Quentin Zebra"]);
    assert_eq!(code(&out), 2, "refused without --yes");
    assert_eq!(
        json(&on(&db, &["clients", "--json"]))
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let before = fs::metadata(&db).unwrap().len();
    let out = on(&db, &["forget", "Quentin Zebra", "--yes"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let clients = json(&on(&db, &["clients", "--json"]));
    assert_eq!(
        clients,
        serde_json::json!([{"name": "AB", "visits": 1, "last_visit": clients[0]["last_visit"]}])
    );
    assert!(
        fs::metadata(&db).unwrap().len() < before,
        "the space is reclaimed"
    );
    for f in fs::read_dir(d.0.path()).unwrap() {
        let bytes = fs::read(f.unwrap().path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("Zebra") && !text.contains("zebra-note"),
            "gone from the disk"
        );
    }
    assert_eq!(
        code(&on(&db, &["forget", "Quentin Zebra", "--yes"])),
        1,
        "already gone"
    );
    assert_eq!(code(&on(&db, &["history", "Quentin Zebra"])), 1);
}

/// A tiny xorshift generator: the kill moments, reproducible from the printed seed.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn kill_9_at_random_moments_never_damages_or_loses_a_saved_visit() {
    let d = Dir::new("kill");
    let db = d.db();
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |t| t.as_nanos() as u64)
        | 1;
    let mut rng = seed;
    assert_eq!(code(&on(&db, &["visit", "K1", "jaw"])), 0);
    // How long a save into an existing file takes here, to spread the kills over its
    // whole life (and a little past it, so some saves finish).
    let start = std::time::Instant::now();
    assert_eq!(code(&on(&db, &["visit", "K1", "right heel", "jaw"])), 0);
    let span = start.elapsed().as_micros() as u64 * 6 / 5 + 1;
    let mut saved = visit_ids(&db);
    let mut killed = 0;
    for i in 0..80 {
        let mut child = painmap()
            .arg("--db")
            .arg(&db)
            .args([
                "visit",
                "K1",
                "right heel",
                "jaw",
                "--note",
                &format!("visit {i}"),
            ])
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_micros(next(&mut rng) % span));
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        if out.status.success() {
            saved.push(stdout(&out).trim().parse().unwrap());
        } else {
            killed += 1;
        }
        assert_eq!(integrity(&db), "ok", "seed {seed}, run {i}");
    }
    let ids = visit_ids(&db);
    for id in &saved {
        assert!(
            ids.contains(id),
            "visit {id} reported saved is kept (seed {seed})"
        );
    }
    // Every visit in the file is whole: its regions were written with it.
    let v = json(&on(&db, &["history", "K1", "--json"]));
    for visit in v["visits"].as_array().unwrap().iter().skip(1) {
        assert_eq!(visit["regions"].as_array().unwrap().len(), 2, "seed {seed}");
    }
    eprintln!(
        "kill -9: {killed} of 80 killed, {} saved (seed {seed})",
        saved.len()
    );
}

#[test]
fn two_writers_at_once_keep_all_fifty_visits() {
    let d = Dir::new("two");
    let db = d.db();
    let writers: Vec<_> = ["A1", "B2"]
        .into_iter()
        .map(|client| {
            let db = db.clone();
            std::thread::spawn(move || {
                for i in 0..25 {
                    let out = on(
                        &db,
                        &[
                            "visit",
                            client,
                            "jaw",
                            "--intensity",
                            &format!("jaw={}", i % 11),
                        ],
                    );
                    assert_eq!(code(&out), 0, "{}", stderr(&out));
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    assert_eq!(visit_ids(&db).len(), 50);
    let clients = json(&on(&db, &["clients", "--json"]));
    let counts: Vec<u64> = clients
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["visits"].as_u64().unwrap())
        .collect();
    assert_eq!(counts, [25, 25]);
    assert_eq!(integrity(&db), "ok");
}

/// Every command on a bad file: one line, exit 2, the file byte for byte as it was.
fn refused(db: &Path, why: &str) {
    let before = fs::read(db).unwrap();
    for args in [
        vec!["visit", "Sam K", "jaw"],
        vec!["history", "Sam K"],
        vec!["clients"],
        vec!["forget", "Sam K", "--yes"],
    ] {
        let out = on(db, &args);
        let err = stderr(&out);
        assert_eq!(code(&out), 2, "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(why), "{args:?}: {err}");
        assert!(!err.contains("Sam K"), "{err}");
        assert_eq!(
            fs::read(db).unwrap(),
            before,
            "{args:?} left the file as it was"
        );
    }
}

#[test]
fn damaged_foreign_and_newer_databases_are_refused_untouched() {
    let d = Dir::new("refuse");
    let text = d.0.path().join("notes.txt");
    fs::write(
        &text,
        "these are not the records you are looking for\n".repeat(10),
    )
    .unwrap();
    refused(&text, "not an SQLite database");

    let other = d.0.path().join("other.sqlite3");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE invoices (n INTEGER); INSERT INTO invoices VALUES (1);")
        .unwrap();
    refused(&other, "another program's");

    let good = d.db();
    for i in 0..20 {
        assert_eq!(
            code(&on(
                &good,
                &["visit", "Sam K", "jaw", "--note", &"n".repeat(i * 100)]
            )),
            0
        );
    }
    let newer = d.0.path().join("newer.sqlite3");
    fs::copy(&good, &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    refused(&newer, "schema version 99 is newer");

    let damaged = d.0.path().join("damaged.sqlite3");
    let mut bytes = fs::read(&good).unwrap();
    assert!(bytes.len() > 4096 * 3, "several pages");
    for b in &mut bytes[4096 + 8..4096 * 2] {
        *b = 0xA5;
    }
    fs::write(&damaged, &bytes).unwrap();
    refused(&damaged, "damaged");

    let truncated = d.0.path().join("truncated.sqlite3");
    fs::write(&truncated, &fs::read(&good).unwrap()[..50]).unwrap();
    refused(&truncated, "not an SQLite database");
}

#[test]
fn the_file_and_folder_are_owner_only_whatever_the_umask() {
    let d = Dir::new("perm");
    let data = d.0.path().join("data");
    let out = painmap()
        .env("XDG_DATA_HOME", &data)
        .env("PAINMAP_BIN", env!("CARGO_BIN_EXE_painmap"))
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success());
    // umask 022 would make new files 0644 and folders 0755.
    let out = std::process::Command::new("sh")
        .args(["-c", "umask 022; exec \"$PAINMAP_BIN\" visit 'Sam K' jaw"])
        .env("XDG_DATA_HOME", &data)
        .env("PAINMAP_BIN", env!("CARGO_BIN_EXE_painmap"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let db = data.join("painmap/clients.sqlite3");
    assert_eq!(mode(&db), 0o600);
    assert_eq!(mode(&data.join("painmap")), 0o700);
    // A file made readable by someone else is closed again at the next open.
    fs::set_permissions(&db, fs::Permissions::from_mode(0o644)).unwrap();
    fs::set_permissions(data.join("painmap"), fs::Permissions::from_mode(0o755)).unwrap();
    // While another connection holds the file, the WAL and shared memory stay on disk.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let _: i64 = conn
        .query_row("SELECT count(*) FROM visit", [], |r| r.get(0))
        .unwrap();
    let out = std::process::Command::new("sh")
        .args(["-c", "umask 022; exec \"$PAINMAP_BIN\" visit 'Sam K' jaw"])
        .env("XDG_DATA_HOME", &data)
        .env("PAINMAP_BIN", env!("CARGO_BIN_EXE_painmap"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(mode(&db), 0o600);
    assert_eq!(mode(&data.join("painmap")), 0o700);
    for companion in ["clients.sqlite3-wal", "clients.sqlite3-shm"] {
        let p = data.join("painmap").join(companion);
        assert!(
            p.exists(),
            "{companion} is there while a connection is open"
        );
        assert_eq!(mode(&p), 0o600, "{companion}");
    }
    drop(conn);
    // --db in a folder of the user's: the file is owner-only (a missing folder is an
    // error, never made: see a_db_in_a_missing_folder_is_an_error...).
    fs::create_dir_all(d.0.path().join("new/folder")).unwrap();
    let elsewhere = d.0.path().join("new/folder/c.db");
    let out = std::process::Command::new("sh")
        .args([
            "-c",
            "umask 022; exec \"$PAINMAP_BIN\" --db \"$DB\" visit X jaw",
        ])
        .env("DB", &elsewhere)
        .env("PAINMAP_BIN", env!("CARGO_BIN_EXE_painmap"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(mode(&elsewhere), 0o600);
}

#[test]
#[ignore = "needs tmux"]
fn the_explorer_saves_a_visit_for_its_client() {
    let d = Dir::new("tmux");
    let data = d.0.path().join("data");
    let t = Tmux::start(
        "records",
        110,
        32,
        &format!("XDG_DATA_HOME={} --client \"Sam K\"", data.display()),
    );
    let s = t.wait_for("Body map");
    assert!(
        s.contains("Body map · Sam K"),
        "the title shows the client: {s}"
    );
    t.keys(&["/"]);
    t.text("right heel");
    t.keys(&["Enter"]);
    t.wait_for("right heel selected");
    t.keys(&["6"]);
    t.wait_for("intensity 6");
    t.keys(&["s"]);
    t.wait_for("saved: visit");
    t.keys(&["H"]);
    let s = t.wait_for("History · Sam K");
    assert!(s.contains("right heel 6"), "{s}");
    t.keys(&["Enter"]);
    let s = t.wait_for("What changed");
    assert!(s.contains("right heel: same 6→6"), "{s}");
    t.keys(&["Escape", "Escape", "q"]);
    assert!(t.wait_for("EXIT=").contains("EXIT=0"));
    let out = painmap()
        .env("XDG_DATA_HOME", &data)
        .args(["history", "Sam K", "--json"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let history = json(&out);
    let r = &history["visits"][0]["regions"][0];
    assert_eq!(
        (r["region"].as_str(), r["side"].as_str()),
        (Some("heel"), Some("right"))
    );
    assert_eq!(r["intensity"], 6);
}

/// Rewrites what SQLite believes an index holds, leaving its pages as they are: the
/// index and its table now disagree, which `quick_check` does not see.
fn damage_index(db: &Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch(
        "PRAGMA writable_schema = ON;
         UPDATE sqlite_schema SET sql = 'CREATE INDEX visit_by_client ON visit(client_id, saved_at, id)'
           WHERE name = 'visit_by_client';
         PRAGMA writable_schema = OFF;",
    )
    .unwrap();
    drop(conn);
    let conn = rusqlite::Connection::open(db).unwrap();
    let quick: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(quick, "ok", "the damage is one quick_check misses");
    assert_ne!(integrity(db), "ok");
}

#[test]
fn a_damaged_index_is_refused_by_the_full_integrity_check() {
    let d = Dir::new("index");
    let db = d.db();
    for date in ["2026-01-05", "2026-02-05", "2026-03-05"] {
        assert_eq!(
            code(&on(&db, &["visit", "Sam K", "jaw", "--date", date])),
            0
        );
    }
    damage_index(&db);
    refused(&db, "integrity check failed");
}

#[test]
fn odd_schema_versions_say_what_they_are_in_one_short_line() {
    let d = Dir::new("versions");
    let good = d.db();
    assert_eq!(code(&on(&good, &["visit", "Sam K", "jaw"])), 0);
    let negative = d.0.path().join("negative.sqlite3");
    fs::copy(&good, &negative).unwrap();
    rusqlite::Connection::open(&negative)
        .unwrap()
        .pragma_update(None, "user_version", -1)
        .unwrap();
    refused(&negative, "schema version -1 is not one painmap writes");
    let zero = d.0.path().join("zero.sqlite3");
    fs::copy(&good, &zero).unwrap();
    rusqlite::Connection::open(&zero)
        .unwrap()
        .pragma_update(None, "user_version", 0)
        .unwrap();
    refused(&zero, "tables but no schema version");
    let out = on(&zero, &["clients"]);
    assert!(stderr(&out).len() < 200, "no schema dump: {}", stderr(&out));
}

#[test]
fn impossible_dates_are_refused_from_every_source() {
    let d = Dir::new("dates");
    let db = d.db();
    let record = d.0.path().join("intake.json");
    for bad in [
        "9999-99-99",
        "2026-02-30",
        "garbage",
        "2026-02-30 10:00 UTC",
    ] {
        fs::write(
            &record,
            format!(
                r#"{{"format":"painmap-intake","version":1,"date":"{bad}","regions":[{{"region":"jaw"}}],"symptoms":[]}}"#
            ),
        )
        .unwrap();
        let out = on(&db, &["visit", "Sam K", "--from", record.to_str().unwrap()]);
        assert_eq!(code(&out), 2, "{bad}: {}", stderr(&out));
        assert!(stderr(&out).contains("is not a date"), "{}", stderr(&out));
        let out = on(&db, &["visit", "Sam K", "jaw", "--date", bad]);
        assert_eq!(code(&out), 2, "--date {bad}");
    }
    assert!(!db.exists(), "nothing was saved, not even a file");
    // A date another program wrote into the file: `clients` checks it as `history` does.
    assert_eq!(code(&on(&db, &["visit", "Sam K", "jaw"])), 0);
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute("UPDATE visit SET date = '2026-02-30'", [])
        .unwrap();
    for args in [vec!["clients"], vec!["history", "Sam K"]] {
        let out = on(&db, &args);
        assert_eq!(code(&out), 2, "{args:?}");
        assert!(stderr(&out).contains("visit.date"), "{}", stderr(&out));
    }
}

#[test]
fn notes_and_symptoms_with_escapes_are_refused_on_the_way_in() {
    let d = Dir::new("inject");
    let db = d.db();
    let hostile = "x\u{1b}]0;TITLE\u{7}\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}[2J";
    for args in [
        vec!["visit", "Sam K", "jaw", "--note", hostile],
        vec!["visit", "Sam K", "jaw", "--symptom", hostile],
    ] {
        let out = on(&db, &args);
        assert_eq!(code(&out), 2, "{}", stderr(&out));
        assert!(stderr(&out).contains("control character"));
        assert!(!stderr(&out).contains('\u{1b}'));
    }
    let record = d.0.path().join("intake.json");
    fs::write(
        &record,
        format!(
            r#"{{"format":"painmap-intake","version":1,"date":"2026-04-02 09:30 UTC","regions":[{{"region":"jaw"}}],"symptoms":[{}]}}"#,
            serde_json::to_string(hostile).unwrap()
        ),
    )
    .unwrap();
    let out = on(&db, &["visit", "Sam K", "--from", record.to_str().unwrap()]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(!db.exists(), "nothing was saved");
    // A note over two lines is fine: it is shown on one.
    let out = on(&db, &["visit", "Sam K", "jaw", "--note", "first\nsecond"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&on(&db, &["history", "Sam K"])).contains("note: first second"));
}

#[test]
fn forget_held_by_a_reader_says_so_and_a_second_run_finishes() {
    use painmap::records::{RecordsError, SqliteStore, Store};
    let d = Dir::new("held");
    let db = d.db();
    for _ in 0..3 {
        let out = on(
            &db,
            &["visit", "Quentin Zebra", "jaw", "--note", "zebra-note"],
        );
        assert_eq!(code(&out), 0, "{}", stderr(&out));
    }
    // Another program reading, its snapshot held open (a `sqlite3` shell mid-query).
    let reader = rusqlite::Connection::open(&db).unwrap();
    reader.execute_batch("BEGIN").unwrap();
    let n: i64 = reader
        .query_row("SELECT count(*) FROM visit", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 3);
    let mut store = SqliteStore::open(&db, false, false).unwrap().unwrap();
    store
        .set_busy_timeout(std::time::Duration::from_millis(300))
        .unwrap();
    match store.forget("Quentin Zebra") {
        Err(e @ RecordsError::Held { .. }) => {
            let words = e.to_string();
            assert!(
                words.contains("run the same `painmap forget` again"),
                "{words}"
            );
            assert!(!words.contains("Zebra"), "{words}");
        }
        other => panic!("forget must not claim success while the log is held: {other:?}"),
    }
    drop(reader);
    assert!(
        !store.forget("Quentin Zebra").unwrap(),
        "already out of the tables"
    );
    drop(store);
    for f in fs::read_dir(d.0.path()).unwrap() {
        let bytes = fs::read(f.unwrap().path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("Zebra") && !text.contains("zebra-note"),
            "gone from the disk"
        );
    }
}

#[test]
fn an_imported_record_keeps_its_age_and_note() {
    let d = Dir::new("import-age");
    let db = d.db();
    let record = d.0.path().join("intake.json");
    fs::write(
        &record,
        r#"{"format":"painmap-intake","version":1,"date":"2026-04-02 09:30 UTC",
           "regions":[{"region":"temple","side":"left","intensity":5,"quality":null},
                      {"region":"jaw","side":"left","intensity":null,"quality":null}],
           "symptoms":[],"age":58,"answers":[{"concept":"jaw-claudication","yes":true}]}"#,
    )
    .unwrap();
    let out = on(&db, &["visit", "MK-58", "--from", record.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v = json(&on(&db, &["history", "MK-58", "--json"]));
    let visit = &v["visits"][0];
    assert_eq!(visit["age"], 58, "{visit}");
    assert_eq!(
        visit["red_flags"][0]["id"], "giant-cell-arteritis",
        "{visit}"
    );
}

#[test]
fn an_unsided_intensity_notes_the_region_marked_on_its_side() {
    let d = Dir::new("sided");
    let db = d.db();
    let out = on(&db, &["visit", "X", "right heel", "--intensity", "heel=7"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v = json(&on(&db, &["history", "X", "--json"]));
    let visit = &v["visits"][0];
    assert_eq!(
        visit["regions"],
        serde_json::json!([{"region": "heel", "side": "right", "intensity": 7, "quality": null}])
    );
    let sides: Vec<&str> = visit["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["side"].as_str())
        .collect();
    assert!(sides.iter().all(|s| *s == "right"), "{sides:?}");
    // Both heels marked: the side must be said.
    let out = on(
        &db,
        &[
            "visit",
            "X",
            "left heel",
            "right heel",
            "--quality",
            "heel=sharp",
        ],
    );
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("both sides"), "{}", stderr(&out));
}

#[test]
fn a_db_in_a_missing_folder_is_an_error_for_every_command_and_creates_nothing() {
    let d = Dir::new("nofolder");
    let db = d.0.path().join("no/such/dir/x.sqlite3");
    for args in [
        vec!["clients"],
        vec!["clients", "--json"],
        vec!["history", "A"],
        vec!["visit", "A", "jaw"],
        vec!["forget", "A", "--yes"],
        vec!["forget", "A", "--visit", "1", "--yes"],
    ] {
        let out = on(&db, &args);
        assert_eq!(code(&out), 2, "{args:?}: {}", stdout(&out));
        let err = stderr(&out);
        assert!(err.contains("does not exist"), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(!d.0.path().join("no").exists(), "{args:?} created a folder");
    }
    // The explorer refuses too, before it needs a terminal.
    let out = on(&db, &["--client", "A"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("does not exist"), "{}", stderr(&out));
    assert!(!d.0.path().join("no").exists());
}

#[test]
fn a_visit_is_amended_and_forgotten_by_its_id() {
    let d = Dir::new("amend");
    let db = d.db();
    let first = on(
        &db,
        &[
            "visit",
            "A",
            "right heel",
            "--date",
            "2026-05-01",
            "--age",
            "40",
        ],
    );
    let id = stdout(&first).trim().to_string();
    let out = on(&db, &["visit", "B", "jaw"]);
    let other = stdout(&out).trim().to_string();
    let out = on(
        &db,
        &[
            "visit",
            "A",
            "right calf",
            "--intensity",
            "calf=5",
            "--amend",
            &id,
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), id);
    let v = json(&on(&db, &["history", "A", "--json"]));
    let visits = v["visits"].as_array().unwrap();
    assert_eq!(visits.len(), 1);
    assert_eq!(visits[0]["date"], "2026-05-01", "the day is kept");
    assert_eq!(visits[0]["regions"][0]["region"], "calf");
    assert!(visits[0]["amended_at"].is_string());
    // Another client's visit is not this client's to amend or forget.
    let out = on(&db, &["visit", "A", "jaw", "--amend", &other]);
    assert_eq!(code(&out), 2);
    let out = on(&db, &["forget", "A", "--visit", &other, "--yes"]);
    assert_eq!(code(&out), 2);
    let out = on(&db, &["forget", "A", "--visit", &id]);
    assert_eq!(code(&out), 2, "needs --yes");
    let out = on(&db, &["forget", "A", "--visit", &id, "--yes"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let v = json(&on(&db, &["history", "A", "--json"]));
    assert_eq!(v["visits"], serde_json::json!([]));
    assert_eq!(
        json(&on(&db, &["history", "B", "--json"]))["visits"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(integrity(&db), "ok");
}

#[test]
#[ignore = "needs tmux"]
fn the_explorer_keeps_the_age_and_the_red_flag_of_a_visit() {
    let d = Dir::new("tmux-flag");
    let db = d.db();
    let t = Tmux::start(
        "records-flag",
        120,
        40,
        &format!("--db {} --client MK-58", db.display()),
    );
    t.wait_for("Body map");
    for region in ["left temple", "left jaw"] {
        t.keys(&["/"]);
        t.text(region);
        t.keys(&["Enter"]);
        t.wait_for(&format!("{region} selected"));
    }
    // The jaw aches on chewing: the screen's fourth question, answered yes.
    t.keys(&["f", "j", "j", "j", "y", "Escape"]);
    t.keys(&["a"]);
    t.text("58");
    t.keys(&["Enter"]);
    let s = t.wait_for("age 58");
    // The whole warning, wrapped: its last words are on the screen.
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("untreated it can cost sight"), "{s}");
    t.keys(&["s"]);
    t.wait_for("saved: visit");
    t.keys(&["q"]);
    assert!(
        t.wait_for("EXIT=").contains("EXIT=0"),
        "saved: q quits at once"
    );
    let v = json(&on(&db, &["history", "MK-58", "--json"]));
    let visit = &v["visits"][0];
    assert_eq!(visit["age"], 58, "{visit}");
    assert_eq!(
        visit["red_flags"][0]["id"], "giant-cell-arteritis",
        "{visit}"
    );
    let text = stdout(&on(&db, &["history", "MK-58"]));
    assert!(text.contains("RED FLAG raised:"), "{text}");
}

#[test]
fn any_two_visits_are_compared_by_their_ids() {
    let d = Dir::new("compare");
    let db = d.db();
    let mut ids = Vec::new();
    for (heel, calf) in [("6", None), ("4", Some("2")), ("3", None)] {
        let mut args = vec!["visit", "C", "right heel", "--intensity", "heel"];
        let heel = format!("heel={heel}");
        args[4] = &heel;
        let calf_pair = calf.map(|c| format!("right calf={c}"));
        if let Some(c) = &calf_pair {
            args.extend(["--intensity", c]);
        }
        let out = on(&db, &args);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        ids.push(stdout(&out).trim().to_string());
    }
    let out = on(&db, &["history", "C", "--compare", &ids[0], &ids[1]]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("right heel: better 6 -> 4"), "{text}");
    assert!(text.contains("right calf: new 2"), "{text}");
    // Visits on one day are told apart by their time.
    assert!(
        text.contains("Visit 1 · ") && text.contains(" UTC to Visit 2"),
        "{text}"
    );
    let v = json(&on(
        &db,
        &["history", "C", "--compare", &ids[1], &ids[2], "--json"],
    ));
    assert_eq!(v["changes"][1]["change"], "gone", "{v}");
    assert_eq!(v["changes"][1]["before"], 2);
    let out = on(&db, &["history", "C", "--compare", &ids[0], "999"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("no visit 999"), "{}", stderr(&out));
}

#[test]
fn clients_export_backs_up_every_visit_owner_only_and_reads_a_tilde() {
    let d = Dir::new("export");
    let db = d.db();
    on(
        &db,
        &[
            "visit",
            "A, B",
            "right heel",
            "--age",
            "40",
            "--note",
            "=SUM(1)",
        ],
    );
    on(
        &db,
        &[
            "visit",
            "C",
            "left temple",
            "left jaw",
            "--yes",
            "jaw-claudication",
            "--age",
            "70",
        ],
    );
    // `~` as the home folder: the shell does not expand it after `=`.
    let home = d.0.path().join("home");
    fs::create_dir_all(&home).unwrap();
    let out = painmap()
        .env("HOME", &home)
        .arg(format!("--db={}", db.display()))
        .args(["clients", "--export", "~/backup.json"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let file = home.join("backup.json");
    assert_eq!(mode(&file), 0o600);
    let v: serde_json::Value = serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
    assert_eq!(v["format"], "painmap-clients");
    assert_eq!(v["clients"][0]["name"], "A, B");
    assert_eq!(v["clients"][1]["visits"][0]["age"], 70);
    assert_eq!(
        v["clients"][1]["visits"][0]["red_flags"][0]["id"],
        "giant-cell-arteritis"
    );
    let csv = d.0.path().join("backup.csv");
    let out = on(&db, &["clients", "--export", csv.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(mode(&csv), 0o600);
    let text = fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("client,visit_id,"), "{text}");
    assert!(text.contains("\"A, B\",1,"), "{text}");
    assert!(
        text.contains(",'=SUM(1),"),
        "a note is never a formula: {text}"
    );
    assert_eq!(text.lines().count(), 1 + 1 + 2, "{text}");
    // Never replaced; an unknown extension says which there are.
    let out = on(&db, &["clients", "--export", csv.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("never replaced"), "{}", stderr(&out));
    let out = on(
        &db,
        &[
            "clients",
            "--export",
            d.0.path().join("b.txt").to_str().unwrap(),
        ],
    );
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains(".json or .csv"), "{}", stderr(&out));
}
