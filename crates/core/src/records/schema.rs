//! The schema and its migrations. `PRAGMA user_version` holds the version; each
//! migration takes the file from one version to the next, inside the transaction that
//! also sets the new version, so a crash leaves the old schema or the new one.

use rusqlite::{Connection, TransactionBehavior};

/// Migration `i` takes the schema from version `i` to `i + 1`. Append only: a released
/// migration is never edited.
const MIGRATIONS: &[&str] = &[
    // 1: clients, visits, and each visit's regions, symptoms and ranked candidates.
    "PRAGMA application_id = 1347240272;
    CREATE TABLE client (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
    );
    CREATE TABLE visit (
        id INTEGER PRIMARY KEY,
        client_id INTEGER NOT NULL REFERENCES client(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        age INTEGER,
        note TEXT,
        atlas_version TEXT NOT NULL,
        atlas_hash TEXT NOT NULL
    );
    CREATE INDEX visit_by_client ON visit(client_id, date, id);
    CREATE TABLE visit_region (
        visit_id INTEGER NOT NULL REFERENCES visit(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        region TEXT NOT NULL,
        side TEXT CHECK (side IN ('left', 'right')),
        intensity INTEGER CHECK (intensity BETWEEN 0 AND 10),
        quality TEXT,
        PRIMARY KEY (visit_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE visit_symptom (
        visit_id INTEGER NOT NULL REFERENCES visit(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        word TEXT NOT NULL,
        PRIMARY KEY (visit_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE visit_candidate (
        visit_id INTEGER NOT NULL REFERENCES visit(id) ON DELETE CASCADE,
        rank INTEGER NOT NULL,
        muscle TEXT NOT NULL,
        trigger_point TEXT,
        side TEXT CHECK (side IN ('left', 'right')),
        score INTEGER NOT NULL,
        PRIMARY KEY (visit_id, rank)
    ) WITHOUT ROWID;",
    // 2: when a visit was last amended; the red flags a visit raised (as the atlas worded
    // them then, so the record shows the referral even if the atlas changes); the
    // screening questions answered at the visit.
    "ALTER TABLE visit ADD COLUMN amended_at TEXT;
    CREATE TABLE visit_flag (
        visit_id INTEGER NOT NULL REFERENCES visit(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        flag TEXT NOT NULL,
        title TEXT NOT NULL,
        PRIMARY KEY (visit_id, position)
    ) WITHOUT ROWID;
    CREATE TABLE visit_screening (
        visit_id INTEGER NOT NULL REFERENCES visit(id) ON DELETE CASCADE,
        concept TEXT NOT NULL,
        answer INTEGER NOT NULL CHECK (answer IN (0, 1)),
        PRIMARY KEY (visit_id, concept)
    ) WITHOUT ROWID;",
];

/// `PRAGMA application_id` of a painmap database ("PMAP"), in the header at offset 68,
/// so another program's SQLite file is told apart before anything is written.
pub const APPLICATION_ID: i32 = 0x504D_4150;

/// The schema version this program writes (and the newest it reads).
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The version a connection's database is at.
pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Brings the schema up to [`SCHEMA_VERSION`]. Takes the write lock first and reads the
/// version under it, so two programs opening a new file at once migrate it once. Returns
/// the version found (a newer one is the caller's to refuse; nothing is written then).
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<i64> {
    if version(conn)? == SCHEMA_VERSION {
        return Ok(SCHEMA_VERSION);
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found = version(&tx)?;
    if !(0..SCHEMA_VERSION).contains(&found) {
        return Ok(found);
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
    }
    tx.commit()?;
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_database_migrates_to_the_latest_once() {
        let mut conn = Connection::open_in_memory().unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), 0);
        assert_eq!(version(&conn).unwrap(), SCHEMA_VERSION);
        assert_eq!(migrate(&mut conn).unwrap(), SCHEMA_VERSION, "nothing to do");
        let tables: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(tables, 7);
    }

    #[test]
    fn a_newer_schema_is_left_alone() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), SCHEMA_VERSION + 1);
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .unwrap();
        assert_eq!(tables, 0, "no table created");
    }
}
