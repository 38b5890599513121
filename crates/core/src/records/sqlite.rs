//! [`SqliteStore`]: the records in a local SQLite file, in WAL mode with a busy timeout
//! so two terminals can save at once; every visit is written in one transaction.

use super::error::RecordsError;
use super::file::{self, Found};
use super::schema;
use super::{
    AtlasStamp, ClientSummary, Date, SavedVisit, ScreeningAnswer, Store, StoredCandidate, Visit,
    VisitFlag, VisitRegion, side_of,
};
use crate::intake::Quality;
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior, params};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a save waits for another program's write to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The records in one SQLite file.
#[derive(Debug)]
pub struct SqliteStore {
    conn: Connection,
    path: PathBuf,
    /// How long a write or `forget`'s checkpoint waits for other programs.
    busy: Duration,
}

impl SqliteStore {
    /// Opens the records at `path`, migrating an older schema. With `create` a missing
    /// file is made (owner-only, in an owner-only folder); without it a missing file is
    /// `Ok(None)`. `own_folder`: the folder is painmap's own (the default location), so it
    /// is made owner-only even if it already existed.
    ///
    /// A file that is not SQLite, is another program's, is damaged or has a newer schema
    /// is refused before anything is written to it.
    pub fn open(
        path: &Path,
        create: bool,
        own_folder: bool,
    ) -> Result<Option<SqliteStore>, RecordsError> {
        let found = file::inspect(path)?;
        if found == Found::Missing {
            if !create {
                return Ok(None);
            }
            file::create(path, own_folder)?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| fail(path, &e))?;
        let mut store = SqliteStore {
            conn,
            path: path.to_owned(),
            busy: BUSY_TIMEOUT,
        };
        // Setting up a fresh file can meet SQLITE_BUSY at once, without SQLite's busy
        // handler (two programs switching it to WAL together): wait and try again, within
        // the same timeout.
        let start = Instant::now();
        loop {
            match store.prepare(found) {
                Err(RecordsError::Busy { .. }) if start.elapsed() < BUSY_TIMEOUT => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                result => break result?,
            }
        }
        file::protect(path, own_folder)?;
        Ok(Some(store))
    }

    /// Checks the file under SQLite's eyes, then sets the connection up and migrates.
    /// Nothing is written until the checks have passed.
    fn prepare(&mut self, found: Found) -> Result<(), RecordsError> {
        let path = self.path.clone();
        let err = |e: rusqlite::Error| fail(&path, &e);
        self.conn.busy_timeout(BUSY_TIMEOUT).map_err(err)?;
        if let Found::Database(_) = found {
            // The full check, not `quick_check`: it also proves every index agrees with
            // its table (a damaged index would serve wrong rows and be written to). It
            // reads the whole file once: see docs/records.md for its cost.
            let verdict: String = self
                .conn
                .query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))
                .map_err(err)?;
            if verdict != "ok" {
                return Err(RecordsError::Damaged {
                    file: path,
                    detail: "SQLite's integrity check failed".into(),
                });
            }
            let version = schema::version(&self.conn).map_err(err)?;
            file::check_version(&path, version)?;
            let app: i32 = self
                .conn
                .query_row("PRAGMA application_id", [], |r| r.get(0))
                .map_err(err)?;
            let tables: i64 = self
                .conn
                .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
                .map_err(err)?;
            if app != schema::APPLICATION_ID && (app != 0 || version != 0 || tables != 0) {
                return Err(RecordsError::Foreign { file: path });
            }
            // painmap sets its id and the version in the same transaction: tables at
            // version 0 were made by something else.
            if version == 0 && tables != 0 {
                return Err(RecordsError::Damaged {
                    file: path,
                    detail: "it has tables but no schema version".into(),
                });
            }
        }
        let mode: String = self
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(err)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(RecordsError::Sqlite {
                file: path,
                detail: format!("cannot switch to WAL mode (still {mode})"),
            });
        }
        // FULL: a visit reported saved survives a power cut, not just a crash.
        self.conn
            .execute_batch(
                "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;",
            )
            .map_err(err)?;
        let found = schema::migrate(&mut self.conn).map_err(err)?;
        file::check_version(&path, found)
    }

    /// Reclaims the space of removed rows and pushes the rewrite out of the WAL into the
    /// file, so what was forgotten is gone from the disk and not only from the tables.
    fn reclaim(&mut self) -> Result<(), RecordsError> {
        // From here the rows are out of the tables: a failure says so, and never
        // "nothing was saved". VACUUM rewrites the file without the freed pages
        // (secure_delete zeroed them in the log too).
        self.conn
            .execute_batch("VACUUM")
            .map_err(|e| RecordsError::NotReclaimed {
                file: self.path.clone(),
                detail: reclaim_words(&e),
            })?;
        self.checkpoint()
    }

    /// Pushes the log into the file and empties it, so removed rows are gone from the
    /// disk and not only from the tables. SQLite waits for readers up to the busy
    /// timeout, then answers busy (1 in the first column) rather than failing: that, or
    /// a log left with frames or bytes, is an error that says which process holds it.
    fn checkpoint(&mut self) -> Result<(), RecordsError> {
        let (busy, log, moved): (i64, i64, i64) = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .map_err(|e| RecordsError::NotReclaimed {
                file: self.path.clone(),
                detail: reclaim_words(&e),
            })?;
        let wal_len = std::fs::metadata(file::companion(&self.path, "-wal")).map_or(0, |m| m.len());
        if busy != 0 || log != moved || wal_len != 0 {
            return Err(RecordsError::Held {
                file: self.path.clone(),
                holders: file::holders(&self.path),
                seconds: self.busy.as_secs_f64(),
            });
        }
        Ok(())
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Waits `wait` (instead of 10 s) for other programs from now on: for a caller that
    /// must not block long.
    pub fn set_busy_timeout(&mut self, wait: Duration) -> Result<(), RecordsError> {
        self.busy = wait;
        let path = self.path.clone();
        self.conn.busy_timeout(wait).map_err(|e| fail(&path, &e))
    }

    fn err(&self) -> impl Fn(rusqlite::Error) -> RecordsError + '_ {
        |e| fail(&self.path, &e)
    }

    fn unexpected(&self, what: &'static str) -> RecordsError {
        RecordsError::Unexpected {
            file: self.path.clone(),
            what,
        }
    }

    fn client_id(&self, name: &str) -> Result<Option<i64>, RecordsError> {
        self.conn
            .query_row("SELECT id FROM client WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .optional()
            .map_err(self.err())
    }

    /// Reads one visit's regions, symptoms and candidates.
    fn visit_parts(&self, id: i64) -> Result<VisitParts, RecordsError> {
        let err = self.err();
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT region, side, intensity, quality FROM visit_region
                 WHERE visit_id = ?1 ORDER BY position",
            )
            .map_err(&err)?;
        let rows = st
            .query_map([id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<u8>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                ))
            })
            .map_err(&err)?;
        let mut regions = Vec::new();
        for row in rows {
            let (region, side, intensity, quality) = row.map_err(&err)?;
            regions.push(VisitRegion {
                region,
                side: self.side(side)?,
                intensity,
                quality: match quality {
                    None => None,
                    Some(q) => Some(
                        Quality::ALL
                            .into_iter()
                            .find(|x| x.as_str() == q)
                            .ok_or_else(|| self.unexpected("visit_region.quality"))?,
                    ),
                },
            });
        }
        let mut st = self
            .conn
            .prepare_cached("SELECT word FROM visit_symptom WHERE visit_id = ?1 ORDER BY position")
            .map_err(&err)?;
        let symptoms = st
            .query_map([id], |r| r.get(0))
            .map_err(&err)?
            .collect::<Result<Vec<String>, _>>()
            .map_err(&err)?;
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT rank, muscle, trigger_point, side, score FROM visit_candidate
                 WHERE visit_id = ?1 ORDER BY rank",
            )
            .map_err(&err)?;
        let rows = st
            .query_map([id], |r| {
                Ok((
                    r.get::<_, u32>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, u32>(4)?,
                ))
            })
            .map_err(&err)?;
        let mut candidates = Vec::new();
        for row in rows {
            let (rank, muscle, trigger_point, side, score) = row.map_err(&err)?;
            candidates.push(StoredCandidate {
                rank,
                muscle,
                trigger_point,
                side: self.side(side)?,
                score,
            });
        }
        let (red_flags, screening) = self.flags_and_answers(id)?;
        Ok(VisitParts {
            regions,
            symptoms,
            candidates,
            red_flags,
            screening,
        })
    }

    /// Reads one visit's red flags and screening answers.
    fn flags_and_answers(
        &self,
        id: i64,
    ) -> Result<(Vec<VisitFlag>, Vec<ScreeningAnswer>), RecordsError> {
        let red_flags = self.rows_of_visit(
            "SELECT flag, title FROM visit_flag WHERE visit_id = ?1 ORDER BY position",
            id,
            |r| {
                Ok(VisitFlag {
                    id: r.get(0)?,
                    title: r.get(1)?,
                })
            },
        )?;
        let screening = self.rows_of_visit(
            "SELECT concept, answer FROM visit_screening WHERE visit_id = ?1 ORDER BY concept",
            id,
            |r| {
                Ok(ScreeningAnswer {
                    concept: r.get(0)?,
                    answer: r.get(1)?,
                })
            },
        )?;
        Ok((red_flags, screening))
    }

    /// The rows a query over one visit's id gives, each made by `row`.
    fn rows_of_visit<T>(
        &self,
        sql: &str,
        id: i64,
        row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, RecordsError> {
        let err = self.err();
        let mut st = self.conn.prepare_cached(sql).map_err(&err)?;
        st.query_map([id], row)
            .map_err(&err)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(&err)
    }

    fn side(&self, word: Option<String>) -> Result<Option<crate::atlas::Side>, RecordsError> {
        match word {
            None => Ok(None),
            Some(w) => side_of(&w).map(Some).ok_or_else(|| self.unexpected("side")),
        }
    }
}

/// The tables holding a visit's parts, emptied when a visit is amended (its rows are
/// written anew).
const PART_TABLES: [&str; 5] = [
    "visit_region",
    "visit_symptom",
    "visit_candidate",
    "visit_flag",
    "visit_screening",
];

/// The rows of a visit kept in their own tables.
struct VisitParts {
    regions: Vec<VisitRegion>,
    symptoms: Vec<String>,
    candidates: Vec<StoredCandidate>,
    red_flags: Vec<VisitFlag>,
    screening: Vec<ScreeningAnswer>,
}

/// An SQLite error in words that name the file and never a row's contents.
fn fail(path: &Path, e: &rusqlite::Error) -> RecordsError {
    let file = path.to_owned();
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseCorrupt) => RecordsError::Damaged {
            file,
            detail: "SQLite reports the disk image malformed".into(),
        },
        Some(ErrorCode::NotADatabase) => RecordsError::Damaged {
            file,
            detail: "SQLite cannot read it as a database".into(),
        },
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => RecordsError::Busy {
            file,
            seconds: BUSY_TIMEOUT.as_secs(),
        },
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            RecordsError::Sqlite {
                file,
                detail: "cannot open it: the file or its folder is not writable by you \
                         (SQLite writes its -wal and -shm files beside it, even to read)"
                    .into(),
            }
        }
        Some(ErrorCode::DiskFull) => RecordsError::Sqlite {
            file,
            detail: "the disk is full; nothing was saved".into(),
        },
        _ => RecordsError::Sqlite {
            file,
            detail: sqlite_words(e),
        },
    }
}

/// SQLite's own message, without the SQL text some errors carry (a failed migration
/// would quote the whole schema), on one line and cut short: it names tables and
/// columns, never values.
fn sqlite_words(e: &rusqlite::Error) -> String {
    let text = match e {
        rusqlite::Error::SqliteFailure(code, Some(message)) => format!("{message} ({code})"),
        rusqlite::Error::SqlInputError { msg, .. } => msg.clone(),
        other => other.to_string(),
    };
    crate::atlas::text::shown(&crate::escape::line(&text))
}

/// Why a removed client's space was not reclaimed, in words.
fn reclaim_words(e: &rusqlite::Error) -> String {
    match e.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => "the disk is full".into(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => format!(
            "another program held the file past {} s",
            BUSY_TIMEOUT.as_secs()
        ),
        _ => sqlite_words(e),
    }
}

/// Writes a visit's rows kept in their own tables (regions, symptoms, candidates), inside
/// the caller's transaction.
fn insert_parts(tx: &rusqlite::Transaction<'_>, id: i64, visit: &Visit) -> rusqlite::Result<()> {
    let mut st = tx.prepare_cached(
        "INSERT INTO visit_region (visit_id, position, region, side, intensity, quality)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, r) in visit.regions.iter().enumerate() {
        st.execute(params![
            id,
            i as i64,
            r.region,
            r.side.map(crate::atlas::Side::as_str),
            r.intensity,
            r.quality.map(Quality::as_str)
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO visit_symptom (visit_id, position, word) VALUES (?1, ?2, ?3)",
    )?;
    for (i, w) in visit.symptoms.iter().enumerate() {
        st.execute(params![id, i as i64, w])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO visit_candidate (visit_id, rank, muscle, trigger_point, side, score)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for c in &visit.candidates {
        st.execute(params![
            id,
            c.rank,
            c.muscle,
            c.trigger_point,
            c.side.map(crate::atlas::Side::as_str),
            c.score
        ])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO visit_flag (visit_id, position, flag, title) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, f) in visit.red_flags.iter().enumerate() {
        st.execute(params![id, i as i64, f.id, f.title])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO visit_screening (visit_id, concept, answer) VALUES (?1, ?2, ?3)",
    )?;
    for a in &visit.screening {
        st.execute(params![id, a.concept, a.answer])?;
    }
    Ok(())
}

impl Store for SqliteStore {
    fn save_visit(
        &mut self,
        client: &str,
        visit: &Visit,
        saved_at: &str,
    ) -> Result<i64, RecordsError> {
        let path = self.path.clone();
        visit.check().map_err(|detail| RecordsError::Refused {
            file: path.clone(),
            detail,
        })?;
        super::check_client_name(client).map_err(|detail| RecordsError::Refused {
            file: path.clone(),
            detail,
        })?;
        let err = |e: rusqlite::Error| fail(&path, &e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        tx.execute(
            "INSERT INTO client (name, created_at) VALUES (?1, ?2) ON CONFLICT(name) DO NOTHING",
            params![client, saved_at],
        )
        .map_err(err)?;
        let client_id: i64 = tx
            .query_row("SELECT id FROM client WHERE name = ?1", [client], |r| {
                r.get(0)
            })
            .map_err(err)?;
        tx.execute(
            "INSERT INTO visit (client_id, date, saved_at, age, note, atlas_version, atlas_hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                client_id,
                visit.date.to_string(),
                saved_at,
                visit.age,
                visit.note,
                visit.atlas.version,
                visit.atlas.hash
            ],
        )
        .map_err(err)?;
        let id = tx.last_insert_rowid();
        insert_parts(&tx, id, visit).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(id)
    }

    fn amend_visit(
        &mut self,
        client: &str,
        id: i64,
        visit: &Visit,
        amended_at: &str,
    ) -> Result<bool, RecordsError> {
        let path = self.path.clone();
        visit.check().map_err(|detail| RecordsError::Refused {
            file: path.clone(),
            detail,
        })?;
        let err = |e: rusqlite::Error| fail(&path, &e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let changed = tx
            .execute(
                "UPDATE visit SET date = ?3, age = ?4, note = ?5, atlas_version = ?6,
                 atlas_hash = ?7, amended_at = ?8
                 WHERE id = ?1 AND client_id = (SELECT id FROM client WHERE name = ?2)",
                params![
                    id,
                    client,
                    visit.date.to_string(),
                    visit.age,
                    visit.note,
                    visit.atlas.version,
                    visit.atlas.hash,
                    amended_at
                ],
            )
            .map_err(err)?;
        if changed == 0 {
            return Ok(false);
        }
        for table in PART_TABLES {
            tx.execute(&format!("DELETE FROM {table} WHERE visit_id = ?1"), [id])
                .map_err(err)?;
        }
        insert_parts(&tx, id, visit).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(true)
    }

    fn forget_visit(&mut self, client: &str, id: i64) -> Result<bool, RecordsError> {
        let path = self.path.clone();
        let err = |e: rusqlite::Error| fail(&path, &e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let gone = tx
            .execute(
                "DELETE FROM visit
                 WHERE id = ?1 AND client_id = (SELECT id FROM client WHERE name = ?2)",
                params![id, client],
            )
            .map_err(err)?;
        tx.commit().map_err(err)?;
        if gone == 0 {
            return Ok(false);
        }
        self.reclaim()?;
        Ok(true)
    }

    fn history(&self, client: &str) -> Result<Option<Vec<SavedVisit>>, RecordsError> {
        let Some(client_id) = self.client_id(client)? else {
            return Ok(None);
        };
        let err = self.err();
        let mut st = self
            .conn
            .prepare(
                "SELECT id, date, saved_at, age, note, atlas_version, atlas_hash, amended_at
                 FROM visit WHERE client_id = ?1 ORDER BY date, id",
            )
            .map_err(&err)?;
        let rows = st
            .query_map([client_id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<u8>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, String>(6)?,
                    r.get::<_, Option<String>>(7)?,
                ))
            })
            .map_err(&err)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(&err)?;
        let mut visits = Vec::with_capacity(rows.len());
        for (id, date, saved_at, age, note, version, hash, amended_at) in rows {
            let date = Date::parse(&date).map_err(|_| self.unexpected("visit.date"))?;
            let VisitParts {
                regions,
                symptoms,
                candidates,
                red_flags,
                screening,
            } = self.visit_parts(id)?;
            visits.push(SavedVisit {
                id,
                saved_at,
                amended_at,
                visit: Visit {
                    date,
                    age,
                    regions,
                    symptoms,
                    note,
                    red_flags,
                    screening,
                    candidates,
                    atlas: AtlasStamp { version, hash },
                },
            });
        }
        Ok(Some(visits))
    }

    fn clients(&self) -> Result<Vec<ClientSummary>, RecordsError> {
        let err = self.err();
        let mut st = self
            .conn
            .prepare(
                "SELECT c.name, count(v.id), max(v.date) FROM client c
                 LEFT JOIN visit v ON v.client_id = c.id
                 GROUP BY c.id ORDER BY c.name",
            )
            .map_err(&err)?;
        let rows = st
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, u32>(1)?,
                    r.get::<_, Option<String>>(2)?,
                ))
            })
            .map_err(&err)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(&err)?;
        let mut clients = Vec::with_capacity(rows.len());
        for (name, visits, last) in rows {
            // The same check as `history`: a date that is not a day is not shown as one.
            let last_visit = match last {
                None => None,
                Some(d) => Some(
                    Date::parse(&d)
                        .map_err(|_| self.unexpected("visit.date"))?
                        .to_string(),
                ),
            };
            clients.push(ClientSummary {
                name,
                visits,
                last_visit,
            });
        }
        Ok(clients)
    }

    fn forget(&mut self, client: &str) -> Result<bool, RecordsError> {
        let path = self.path.clone();
        let err = |e: rusqlite::Error| fail(&path, &e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let gone = tx
            .execute("DELETE FROM client WHERE name = ?1", [client])
            .map_err(err)?;
        tx.commit().map_err(err)?;
        if gone > 0 {
            self.reclaim()?;
        } else {
            // Nothing to remove, but a log a reader held open at the last `forget` may
            // still hold the rows: empty it now.
            self.checkpoint()?;
        }
        Ok(gone > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Side;

    fn visit(date: &str, candidates: Vec<StoredCandidate>) -> Visit {
        Visit {
            date: Date::parse(date).unwrap(),
            age: Some(30),
            regions: vec![VisitRegion {
                region: "heel".into(),
                side: Some(Side::Right),
                intensity: Some(4),
                quality: Some(Quality::Burning),
            }],
            symptoms: vec!["tingling".into()],
            note: Some("note".into()),
            red_flags: vec![VisitFlag {
                id: "dvt".into(),
                title: "Possible clot".into(),
            }],
            screening: vec![ScreeningAnswer {
                concept: "calf-swelling".into(),
                answer: true,
            }],
            candidates,
            atlas: AtlasStamp {
                version: "1".into(),
                hash: "abc".into(),
            },
        }
    }

    #[test]
    fn visits_round_trip_in_date_order_and_candidates_may_be_muscles() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("store");
        let path = dir.join("sub/c.sqlite3");
        assert!(
            SqliteStore::open(&path, true, false).is_err(),
            "a named folder is not made"
        );
        assert!(!dir.exists());
        let mut store = SqliteStore::open(&path, true, true).unwrap().unwrap();
        // A ranking by muscle stores no trigger point.
        let by_muscle = vec![StoredCandidate {
            rank: 1,
            muscle: "soleus".into(),
            trigger_point: None,
            side: None,
            score: 9,
        }];
        let late = visit("2026-02-01", by_muscle);
        let early = visit("2026-01-01", vec![]);
        let a = store.save_visit("Ann", &late, "t1").unwrap();
        let b = store.save_visit("Ann", &early, "t2").unwrap();
        store.save_visit("Bo", &early, "t3").unwrap();
        let got = store.history("Ann").unwrap().unwrap();
        assert_eq!(got.iter().map(|v| v.id).collect::<Vec<_>>(), [b, a]);
        assert_eq!(got[1].visit, late);
        assert_eq!(got[0].saved_at, "t2");
        assert_eq!(store.history("ann").unwrap(), None, "names as typed");
        let clients = store.clients().unwrap();
        assert_eq!(clients.len(), 2);
        assert_eq!(clients[0].visits, 2);
        assert_eq!(clients[0].last_visit.as_deref(), Some("2026-02-01"));
        assert!(store.forget("Ann").unwrap());
        assert!(!store.forget("Ann").unwrap());
        assert_eq!(store.history("Ann").unwrap(), None);
        drop(store);
        // Reopening an existing file migrates nothing and keeps the rest.
        let store = SqliteStore::open(&path, false, false).unwrap().unwrap();
        assert_eq!(store.clients().unwrap().len(), 1);
        assert!(
            SqliteStore::open(&dir.join("none"), false, false)
                .unwrap()
                .is_none()
        );
    }
}
