//! Atomic file writes: write a temporary file beside the target, flush it to disk, then
//! move it into place, so a reader (or a crash) never sees half a file.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically. When `replace` is false an existing file is never
/// touched: the call fails with `AlreadyExists`. On any failure the temporary file is
/// removed and the target is left as it was.
pub fn write_atomic(path: &Path, bytes: &[u8], replace: bool) -> io::Result<()> {
    let tmp = temp_path(path);
    let result = write_then_place(&tmp, path, bytes, replace);
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn write_then_place(tmp: &Path, path: &Path, bytes: &[u8], replace: bool) -> io::Result<()> {
    // Notes and records are health data: owner-only whatever the umask.
    let private = || {
        let mut o = OpenOptions::new();
        o.write(true).create_new(true).mode(0o600);
        o
    };
    let mut file = match private().open(tmp) {
        Ok(f) => f,
        // A file left by a crashed run with the same process id: replace it.
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && tmp.is_file() => {
            fs::remove_file(tmp)?;
            private().open(tmp)?
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

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("painmap-fsutil-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).unwrap();
        d
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
        let d = dir("new");
        let p = d.join("note.md");
        write_atomic(&p, b"hello", false).unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "hello");
        assert_eq!(entries(&d), ["note.md"], "no temporary file left");
        fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn never_replaces_without_being_told() {
        let d = dir("keep");
        let p = d.join("note.md");
        fs::write(&p, "original").unwrap();
        let err = write_atomic(&p, b"new", false).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&p).unwrap(), "original");
        assert_eq!(entries(&d), ["note.md"]);
        write_atomic(&p, b"new", true).unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
        assert_eq!(entries(&d), ["note.md"]);
        fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn a_stale_temporary_file_is_replaced_and_an_obstruction_is_an_error() {
        let d = dir("stale");
        let p = d.join("note.md");
        fs::write(temp_path(&p), "left by a crash").unwrap();
        write_atomic(&p, b"new", false).unwrap();
        assert_eq!(entries(&d), ["note.md"]);
        fs::create_dir(temp_path(&p)).unwrap();
        let err = write_atomic(&d.join("note.md"), b"x", true).unwrap_err();
        assert_ne!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
        fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn a_failed_write_leaves_nothing() {
        let d = dir("fail");
        // The target's directory does not exist: nothing can be written, nothing is left.
        let p = d.join("missing").join("note.md");
        assert!(write_atomic(&p, b"x", false).is_err());
        assert!(entries(&d).is_empty());
        // The target is a directory: the temporary file is cleaned up.
        let target = d.join("taken");
        fs::create_dir(&target).unwrap();
        assert!(write_atomic(&target, b"x", true).is_err());
        assert_eq!(entries(&d), ["taken"]);
        fs::remove_dir_all(&d).unwrap();
    }
}
