//! The database file on disk: where it lives, the owner-only folder and file, and the
//! checks made before SQLite is allowed near it (a foreign or newer file is refused
//! without a byte written).

use super::error::RecordsError;
use super::schema::{APPLICATION_ID, SCHEMA_VERSION};
use std::fs::{self, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// The file name inside the data directory.
pub const FILE_NAME: &str = "clients.sqlite3";

/// The first 16 bytes of every SQLite 3 database.
const MAGIC: &[u8; 16] = b"SQLite format 3\0";
/// The size of the database header.
const HEADER: usize = 100;

fn io_err(file: &Path, what: &str, e: &io::Error) -> RecordsError {
    RecordsError::Io {
        file: file.to_owned(),
        detail: format!("{what}: {}", crate::fsutil::io_words(e)),
    }
}

/// What was found at the path before opening it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// Nothing: the caller may create it.
    Missing,
    /// An empty file (a fresh database).
    Empty,
    /// An SQLite database whose header claims this schema version.
    Database(i64),
}

/// Looks at the file without changing it: missing, empty, or an SQLite database whose
/// header schema version this program reads. Anything else is an error.
pub fn inspect(path: &Path) -> Result<Found, RecordsError> {
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Found::Missing),
        Err(e) => return Err(io_err(path, "cannot read", &e)),
    };
    if !meta.is_file() {
        return Err(RecordsError::NotAFile {
            file: path.to_owned(),
        });
    }
    let mut header = Vec::with_capacity(HEADER);
    fs::File::open(path)
        .and_then(|f| f.take(HEADER as u64).read_to_end(&mut header))
        .map_err(|e| io_err(path, "cannot read", &e))?;
    if header.is_empty() {
        return Ok(Found::Empty);
    }
    if header.len() < HEADER || &header[..MAGIC.len()] != MAGIC {
        return Err(RecordsError::NotSqlite {
            file: path.to_owned(),
        });
    }
    // The user_version field, big-endian at offset 60.
    let version = i64::from(i32::from_be_bytes([
        header[60], header[61], header[62], header[63],
    ]));
    let app = i32::from_be_bytes([header[68], header[69], header[70], header[71]]);
    if app != 0 && app != APPLICATION_ID {
        return Err(RecordsError::Foreign {
            file: path.to_owned(),
        });
    }
    check_version(path, version)?;
    Ok(Found::Database(version))
}

/// A schema version this program can read (and migrate up from).
pub fn check_version(path: &Path, found: i64) -> Result<(), RecordsError> {
    if (0..=SCHEMA_VERSION).contains(&found) {
        Ok(())
    } else {
        Err(RecordsError::Newer {
            file: path.to_owned(),
            found,
            supported: SCHEMA_VERSION,
        })
    }
}

/// Makes an empty owner-only file, unless one appeared meanwhile (another painmap got
/// there first: fine), and, for painmap's own folder (`own_folder`), the folder
/// (owner-only, whatever the umask). A folder named with `--db` is never made: a typo
/// must not create folders across the disk.
pub fn create(path: &Path, own_folder: bool) -> Result<(), RecordsError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !own_folder && !dir.is_dir() {
            return Err(no_folder(path, dir));
        }
        crate::fsutil::create_private_dir(dir)
            .map_err(|e| io_err(path, "cannot create its folder", &e))?;
    }
    match OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
    {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(io_err(path, "cannot create", &e)),
    }
}

/// Owner-only permissions on the database, its `-wal` and `-shm` companions, and (for
/// the default location) its painmap folder.
pub fn protect(path: &Path, own_folder: bool) -> Result<(), RecordsError> {
    let mut files = vec![path.to_owned()];
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        files.push(PathBuf::from(name));
    }
    for f in &files {
        match fs::metadata(f) {
            Ok(m) if m.is_file() && m.permissions().mode() & 0o077 != 0 => {
                fs::set_permissions(f, fs::Permissions::from_mode(0o600))
                    .map_err(|e| io_err(path, "cannot make it owner-only", &e))?;
            }
            _ => {}
        }
    }
    if own_folder && let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
            .map_err(|e| io_err(path, "cannot make its folder owner-only", &e))?;
    }
    Ok(())
}

/// The database to use: `--db FILE` as given, else [`FILE_NAME`] in the data directory
/// ([`crate::folders::data_dir`]; `None`: the environment gave none). The flag says
/// whether the folder is painmap's own (made owner-only even when it already existed).
/// A `--db` whose folder does not exist is an error for every command, reading or
/// writing: "no client records yet" would read as lost records, and painmap makes only
/// its own default folder.
pub fn locate(db: Option<&Path>, data_dir: Option<&Path>) -> Result<(PathBuf, bool), RecordsError> {
    match (db, data_dir) {
        (Some(p), _) => {
            let dir = p
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            if !dir.is_dir() {
                return Err(no_folder(p, dir));
            }
            Ok((p.to_owned(), false))
        }
        (None, Some(dir)) => Ok((dir.join(FILE_NAME), true)),
        (None, None) => Err(RecordsError::NoDataDir),
    }
}

fn no_folder(file: &Path, dir: &Path) -> RecordsError {
    RecordsError::Io {
        file: file.to_owned(),
        detail: format!(
            "its folder {} does not exist; nothing was created (make the folder first, or \
             leave out --db for the default place)",
            dir.display()
        ),
    }
}
