//! Why the client records could not be opened, read or written. Messages name the
//! database file and never a client's name or note (they end up in logs and bug reports).

use std::path::PathBuf;
use thiserror::Error;

/// A failure of the client records.
#[derive(Debug, Error)]
pub enum RecordsError {
    /// Neither `XDG_DATA_HOME` nor `HOME` is set.
    #[error(
        "cannot find a place for the client records: set XDG_DATA_HOME or HOME, or pass --db FILE"
    )]
    NoDataDir,
    /// The path exists but is not a regular file.
    #[error("client records {file}: is not a regular file")]
    NotAFile {
        /// The database file.
        file: PathBuf,
    },
    /// The file exists but is not an SQLite database (it is left untouched).
    #[error(
        "client records {file}: not an SQLite database; left as it is (pass --db FILE to use another)"
    )]
    NotSqlite {
        /// The file.
        file: PathBuf,
    },
    /// An SQLite database, but another program's (it is left untouched).
    #[error(
        "client records {file}: another program's SQLite database, not painmap's; left as it is (pass --db FILE to use another)"
    )]
    Foreign {
        /// The file.
        file: PathBuf,
    },
    /// SQLite reports the file damaged (it is left untouched).
    #[error(
        "client records {file}: the database is damaged ({detail}); left as it is, restore it from a back-up"
    )]
    Damaged {
        /// The file.
        file: PathBuf,
        /// What SQLite said (never row contents).
        detail: String,
    },
    /// The schema was written by a newer painmap.
    #[error(
        "client records {file}: schema version {found} is newer than this painmap reads ({supported}); left as it is"
    )]
    Newer {
        /// The file.
        file: PathBuf,
        /// The version found.
        found: i64,
        /// The newest this program knows.
        supported: i64,
    },
    /// The file or its folder could not be created, read or protected.
    #[error("client records {file}: {detail}")]
    Io {
        /// The file.
        file: PathBuf,
        /// What went wrong, in words.
        detail: String,
    },
    /// Another program held the file locked past the busy timeout.
    #[error("client records {file}: still in use by another program after {seconds} s; try again")]
    Busy {
        /// The file.
        file: PathBuf,
        /// How long painmap waited.
        seconds: u64,
    },
    /// Any other SQLite failure (disk full...).
    #[error("client records {file}: {detail}")]
    Sqlite {
        /// The file.
        file: PathBuf,
        /// SQLite's message (its messages carry no row contents).
        detail: String,
    },
    /// A value read back is not one this program writes (e.g. an unknown side).
    #[error(
        "client records {file}: unexpected value in {what}; the file may come from another program"
    )]
    Unexpected {
        /// The file.
        file: PathBuf,
        /// The column.
        what: &'static str,
    },
}
