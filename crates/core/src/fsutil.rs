//! Files: the one hardened reader every file painmap reads goes through, and atomic
//! writes (a temporary file beside the target, flushed to disk, then moved into place, so
//! a reader or a crash never sees half a file). Health data (notes, records, progress) is
//! written owner-only.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Why a file could not be read, in words a user understands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// Nothing at that path.
    #[error("no such file")]
    NotFound,
    /// Not allowed to read it.
    #[error("permission denied")]
    PermissionDenied,
    /// A directory.
    #[error("is a directory, not a file")]
    Directory,
    /// A FIFO, socket or device: reading it could block forever or never end.
    #[error("is a {0}, not a regular file")]
    NotRegular(&'static str),
    /// Over the reader's cap.
    #[error("is larger than the {limit}-byte limit")]
    TooLarge {
        /// The cap.
        limit: u64,
    },
    /// Any other failure, in the system's words.
    #[error("{0}")]
    Other(String),
}

impl ReadError {
    fn from_io(e: &io::Error) -> ReadError {
        match e.kind() {
            io::ErrorKind::NotFound => ReadError::NotFound,
            io::ErrorKind::PermissionDenied => ReadError::PermissionDenied,
            io::ErrorKind::IsADirectory => ReadError::Directory,
            _ => ReadError::Other(io_words(e)),
        }
    }
}

/// `O_NONBLOCK` on Linux and the BSDs' values differ; libc knows them.
const OPEN_NONBLOCK: i32 = libc::O_NONBLOCK | libc::O_NOCTTY;

/// Reads a whole regular file of at most `limit` bytes. Opening never blocks (a FIFO with
/// no writer would), anything but a regular file is refused before a byte is read, and the
/// read stops past the cap whatever size the file claims (`/dev/zero` claims 0).
pub fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let (mut file, size) = open_capped(path, limit)?;
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.read_to_end(&mut bytes)
        .map_err(|e| ReadError::from_io(&e))?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// [`read_capped`] a piece at a time, for a reader that needs each byte once (a hash of
/// a large file): each piece goes to `each` and no more than one piece is held.
pub fn read_pieces(path: &Path, limit: u64, each: &mut dyn FnMut(&[u8])) -> Result<(), ReadError> {
    let (mut file, _) = open_capped(path, limit)?;
    let mut buf = vec![0; 256 * 1024];
    let mut total = 0u64;
    loop {
        let n = match file.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(ReadError::from_io(&e)),
        };
        total += n as u64;
        if total > limit {
            return Err(ReadError::TooLarge { limit });
        }
        each(buf.get(..n).unwrap_or_default());
    }
}

/// Opens a regular file of at most `limit` bytes for [`read_capped`] and
/// [`read_pieces`]: the file (reading stops one byte past the cap, so going over it is
/// seen) and the size it claims.
fn open_capped(path: &Path, limit: u64) -> Result<(io::Take<File>, u64), ReadError> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(OPEN_NONBLOCK)
        .open(path)
        .map_err(|e| ReadError::from_io(&e))?;
    let meta = file.metadata().map_err(|e| ReadError::from_io(&e))?;
    let kind = meta.file_type();
    if kind.is_dir() {
        return Err(ReadError::Directory);
    }
    if !kind.is_file() {
        return Err(ReadError::NotRegular(if kind.is_fifo() {
            "named pipe"
        } else if kind.is_socket() {
            "socket"
        } else if kind.is_char_device() {
            "character device"
        } else if kind.is_block_device() {
            "block device"
        } else {
            "special file"
        }));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge { limit });
    }
    // The file may grow between the check and the read; never read past the cap.
    Ok((file.take(limit.saturating_add(1)), meta.len()))
}

/// A path as typed, with a leading `~` or `~/` read as the home folder `home` (a shell
/// does this on the command line, but not in a prompt or after `--db=`). Anything else,
/// `~user` included, is left as typed.
pub fn expand_tilde(typed: &Path, home: Option<&Path>) -> PathBuf {
    let Some(home) = home.filter(|h| h.is_absolute()) else {
        return typed.to_owned();
    };
    match typed.strip_prefix("~") {
        Ok(rest) => home.join(rest),
        Err(_) => typed.to_owned(),
    }
}

/// [`expand_tilde`] with this process's `HOME`.
pub fn expand_home(typed: &Path) -> PathBuf {
    expand_tilde(typed, std::env::var_os("HOME").as_deref().map(Path::new))
}

/// Plain words for an I/O failure: "no such folder", "permission denied", "disk full"...
/// rather than "(os error 2)".
pub fn io_words(e: &io::Error) -> String {
    use io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "no such file or folder".into(),
        K::PermissionDenied => "permission denied".into(),
        K::AlreadyExists => "a file of that name already exists".into(),
        K::IsADirectory => "is a folder".into(),
        K::NotADirectory => "a part of the path is not a folder".into(),
        K::StorageFull => "the disk is full".into(),
        K::QuotaExceeded => "the disk quota is exceeded".into(),
        K::ReadOnlyFilesystem => "the file system is read-only".into(),
        K::InvalidFilename => "the file name is too long or not allowed".into(),
        _ => {
            // The system's own words, without the "(os error N)" tail.
            let text = e.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_lowercase(),
                None => text,
            }
        }
    }
}

/// Who may read a written file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// As the umask allows (pictures, exports that hold no health data).
    Shared,
    /// The owner only (0600), whatever the umask: notes, records, progress.
    Private,
}

/// Writes `bytes` to `path` atomically. When `replace` is false an existing file is never
/// touched: the call fails with `AlreadyExists`. On any failure the temporary file is
/// removed and the target is left as it was.
pub fn write_atomic(path: &Path, bytes: &[u8], replace: bool) -> io::Result<()> {
    write_atomic_as(path, bytes, replace, Access::Shared)
}

/// [`write_atomic`] for health data: the file is created 0600 whatever the umask.
pub fn write_private(path: &Path, bytes: &[u8], replace: bool) -> io::Result<()> {
    write_atomic_as(path, bytes, replace, Access::Private)
}

fn write_atomic_as(path: &Path, bytes: &[u8], replace: bool, access: Access) -> io::Result<()> {
    let tmp = temp_path(path);
    let result = write_then_place(&tmp, path, bytes, replace, access);
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn create_temp(tmp: &Path, access: Access) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    if access == Access::Private {
        options.mode(0o600);
    }
    options.open(tmp)
}

fn write_then_place(
    tmp: &Path,
    path: &Path,
    bytes: &[u8],
    replace: bool,
    access: Access,
) -> io::Result<()> {
    let mut file = match create_temp(tmp, access) {
        Ok(f) => f,
        // A file left by a crashed run with the same process id: replace it.
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && tmp.is_file() => {
            fs::remove_file(tmp)?;
            create_temp(tmp, access)?
        }
        // Something else in the way must not read as "the target exists".
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            return Err(io::Error::other(format!(
                "{} is in the way of the temporary file",
                tmp.display()
            )));
        }
        Err(e) => return Err(e),
    };
    if access == Access::Private {
        // The mode given at creation is masked by the umask; make it exact.
        file.set_permissions(fs::Permissions::from_mode(0o600))?;
    }
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    if replace {
        fs::rename(tmp, path)?;
    } else {
        // A hard link fails if the target exists, so there is no window in which an
        // existing file could be replaced.
        fs::hard_link(tmp, path)?;
        fs::remove_file(tmp)?;
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        // Make the rename itself durable; not every platform lets a directory be opened.
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
    Ok(())
}

/// Creates `dir` (and its parents) for health data: a folder painmap creates is 0700
/// whatever the umask. An existing folder is left as its owner set it.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
}

/// The hidden temporary name beside `path` a write goes through, unique to this process.
/// (painmap writes a given file from one thread at a time.)
pub fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "painmap".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leading_tilde_is_the_home_folder() {
        let home = Some(Path::new("/home/t"));
        let e = |p: &str| expand_tilde(Path::new(p), home);
        assert_eq!(e("~/notes/a.md"), Path::new("/home/t/notes/a.md"));
        assert_eq!(e("~"), Path::new("/home/t"));
        assert_eq!(
            e("~bob/a.md"),
            Path::new("~bob/a.md"),
            "another user's is left"
        );
        assert_eq!(e("a/~/b"), Path::new("a/~/b"));
        assert_eq!(
            expand_tilde(Path::new("~/a"), Some(Path::new("rel"))),
            Path::new("~/a"),
            "a relative HOME is not trusted"
        );
    }

    /// A fresh folder, removed when the test ends.
    fn dir() -> tempfile::TempDir {
        tempfile::tempdir().unwrap()
    }

    fn entries(d: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn writes_a_new_file() {
        let d_tmp = dir();
        let d = d_tmp.path();
        let p = d.join("note.md");
        write_atomic(&p, b"hello", false).unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "hello");
        assert_eq!(entries(d), ["note.md"], "no temporary file left");
    }

    #[test]
    fn never_replaces_without_being_told() {
        let d_tmp = dir();
        let d = d_tmp.path();
        let p = d.join("note.md");
        fs::write(&p, "original").unwrap();
        let err = write_atomic(&p, b"new", false).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&p).unwrap(), "original");
        assert_eq!(entries(d), ["note.md"]);
        write_atomic(&p, b"new", true).unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
        assert_eq!(entries(d), ["note.md"]);
    }

    #[test]
    fn a_stale_temporary_file_is_replaced_and_an_obstruction_is_an_error() {
        let d_tmp = dir();
        let d = d_tmp.path();
        let p = d.join("note.md");
        fs::write(temp_path(&p), "left by a crash").unwrap();
        write_atomic(&p, b"new", false).unwrap();
        assert_eq!(entries(d), ["note.md"]);
        fs::create_dir(temp_path(&p)).unwrap();
        let err = write_atomic(&d.join("note.md"), b"x", true).unwrap_err();
        assert_ne!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
    }

    #[test]
    fn a_failed_write_leaves_nothing() {
        let d_tmp = dir();
        let d = d_tmp.path();
        // The target's directory does not exist: nothing can be written, nothing is left.
        let p = d.join("missing").join("note.md");
        assert!(write_atomic(&p, b"x", false).is_err());
        assert!(entries(d).is_empty());
        // The target is a directory: the temporary file is cleaned up.
        let target = d.join("taken");
        fs::create_dir(&target).unwrap();
        assert!(write_atomic(&target, b"x", true).is_err());
        assert_eq!(entries(d), ["taken"]);
    }

    #[test]
    fn the_reader_refuses_special_files_without_blocking() {
        let d_tmp = dir();
        let d = d_tmp.path();
        let fifo = d.join("fifo");
        let status = std::process::Command::new("mkfifo").arg(&fifo).status();
        if status.is_ok_and(|s| s.success()) {
            assert_eq!(
                read_capped(&fifo, 10),
                Err(ReadError::NotRegular("named pipe"))
            );
        }
        assert_eq!(
            read_capped(Path::new("/dev/zero"), 10),
            Err(ReadError::NotRegular("character device"))
        );
        assert_eq!(read_capped(d, 10), Err(ReadError::Directory));
        assert_eq!(read_capped(&d.join("none"), 10), Err(ReadError::NotFound));
        let big = d.join("big");
        fs::write(&big, [b'x'; 11]).unwrap();
        assert_eq!(
            read_capped(&big, 10),
            Err(ReadError::TooLarge { limit: 10 })
        );
        assert_eq!(read_capped(&big, 11).unwrap().len(), 11);
    }

    #[test]
    fn private_files_and_folders_are_owner_only_whatever_the_umask() {
        let d_tmp = dir();
        let d = d_tmp.path();
        let folder = d.join("a/b");
        create_private_dir(&folder).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&folder), 0o700);
        let p = folder.join("note.md");
        write_private(&p, b"x", false).unwrap();
        assert_eq!(mode(&p), 0o600);
        write_private(&p, b"y", true).unwrap();
        assert_eq!(mode(&p), 0o600, "a replaced file stays private");
    }

    #[test]
    fn io_errors_read_as_words() {
        let e = io::Error::from_raw_os_error(2);
        assert_eq!(io_words(&e), "no such file or folder");
        let e = io::Error::from_raw_os_error(28);
        assert_eq!(io_words(&e), "the disk is full");
        assert!(!io_words(&io::Error::from_raw_os_error(5)).contains("os error"));
    }
}
