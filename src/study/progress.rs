//! Saved progress: `progress.json` under `$XDG_DATA_HOME/painmap/` (else
//! `~/.local/share/painmap/`), a versioned JSON map from card id to its [`CardState`].
//!
//! Writes are atomic: the new contents go to a temporary file in the same directory,
//! which is flushed to disk and then renamed over the old file, so a crash leaves either
//! the old progress or the new, never half a file. A file that cannot be read or parsed
//! is an error naming the file; it is never silently replaced.

use super::schedule::CardState;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The file name inside the data directory.
pub const FILE_NAME: &str = "progress.json";
/// The format version written (and the newest one read).
pub const VERSION: u32 = 1;
/// A progress file larger than this is refused rather than read.
pub const MAX_BYTES: u64 = 16 * 1024 * 1024;

/// Why progress could not be found, read or written.
#[derive(Debug, Error)]
pub enum ProgressError {
    /// Neither `XDG_DATA_HOME` nor `HOME` is set.
    #[error("cannot find a place for study progress: set XDG_DATA_HOME or HOME")]
    NoDataDir,
    /// The file exists but cannot be read.
    #[error("cannot read study progress {file}: {source}")]
    Read {
        /// The file.
        file: PathBuf,
        /// Why.
        source: crate::fsutil::ReadError,
    },
    /// The file is not valid progress.
    #[error("study progress {file} is damaged ({detail}); move it aside to start afresh")]
    Corrupt {
        /// The file.
        file: PathBuf,
        /// What is wrong, with its line and column.
        detail: String,
    },
    /// The file was written by a newer painmap.
    #[error("study progress {file} has format version {found}; this painmap reads up to {VERSION}")]
    Version {
        /// The file.
        file: PathBuf,
        /// The version found.
        found: u32,
    },
    /// The new progress could not be written (the old file is untouched).
    #[error("cannot save study progress to {file}: {source}")]
    Write {
        /// The file.
        file: PathBuf,
        /// Why.
        source: io::Error,
    },
}

/// Everything remembered about a student's cards.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// Format version ([`VERSION`]).
    pub version: u32,
    /// Card id (`name:soleus-1`) to its state. Cards never answered are absent.
    pub cards: BTreeMap<String, CardState>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            version: VERSION,
            cards: BTreeMap::new(),
        }
    }
}

impl Progress {
    /// A card's state ([`CardState::NEW`] when never answered).
    pub fn state(&self, card: &str) -> CardState {
        self.cards.get(card).copied().unwrap_or(CardState::NEW)
    }

    /// Records an answer to a card at `now`, returning its new state.
    pub fn record(&mut self, card: &str, correct: bool, now: u64) -> CardState {
        let next = self.state(card).answered(correct, now);
        self.cards.insert(card.to_owned(), next);
        next
    }

    /// Parses progress JSON; `file` names it in errors.
    pub fn from_json(text: &str, file: &Path) -> Result<Progress, ProgressError> {
        #[derive(Deserialize)]
        struct Head {
            version: u32,
        }
        let corrupt = |e: serde_json::Error| ProgressError::Corrupt {
            file: file.to_owned(),
            detail: e.to_string(),
        };
        let head: Head = serde_json::from_str(text).map_err(corrupt)?;
        if head.version > VERSION || head.version == 0 {
            return Err(ProgressError::Version {
                file: file.to_owned(),
                found: head.version,
            });
        }
        serde_json::from_str(text).map_err(corrupt)
    }

    /// Loads progress from `path`; a missing file is empty progress.
    pub fn load(path: &Path) -> Result<Progress, ProgressError> {
        use crate::fsutil::ReadError;
        let bytes = match crate::fsutil::read_capped(path, MAX_BYTES) {
            Ok(b) => b,
            Err(ReadError::NotFound) => return Ok(Progress::default()),
            Err(ReadError::TooLarge { .. }) => {
                return Err(ProgressError::Corrupt {
                    file: path.to_owned(),
                    detail: format!("larger than {MAX_BYTES} bytes"),
                });
            }
            Err(source) => {
                return Err(ProgressError::Read {
                    file: path.to_owned(),
                    source,
                });
            }
        };
        let text = String::from_utf8(bytes).map_err(|_| ProgressError::Corrupt {
            file: path.to_owned(),
            detail: "not UTF-8 text".into(),
        })?;
        Progress::from_json(&text, path)
    }

    /// Writes progress to `path` atomically (creating its directory).
    pub fn save(&self, path: &Path) -> Result<(), ProgressError> {
        let write_err = |source| ProgressError::Write {
            file: path.to_owned(),
            source,
        };
        let mut json =
            serde_json::to_string_pretty(self).map_err(|e| write_err(io::Error::other(e)))?;
        json.push('\n');
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::fsutil::create_private_dir(dir).map_err(write_err)?;
        }
        crate::fsutil::write_private(path, json.as_bytes(), true).map_err(write_err)
    }
}

/// The data directory from the values of `XDG_DATA_HOME` and `HOME`: `$XDG_DATA_HOME/painmap`
/// when it is set to an absolute path (as the XDG spec asks), else
/// `$HOME/.local/share/painmap`.
pub fn data_dir_from(xdg: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    let xdg = xdg.map(PathBuf::from).filter(|p| p.is_absolute());
    let base = match xdg {
        Some(p) => p,
        None => PathBuf::from(home.filter(|h| !h.is_empty())?).join(".local/share"),
    };
    Some(base.join("painmap"))
}

/// Where progress lives for this process's environment.
pub fn default_path() -> Result<PathBuf, ProgressError> {
    data_dir_from(std::env::var_os("XDG_DATA_HOME"), std::env::var_os("HOME"))
        .map(|d| d.join(FILE_NAME))
        .ok_or(ProgressError::NoDataDir)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// A fresh directory under the system temp dir, removed on drop.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(name: &str) -> TempDir {
            let p = std::env::temp_dir()
                .join(format!("painmap-progress-{name}-{}", std::process::id()));
            let _ = fs::remove_dir_all(&p);
            fs::create_dir_all(&p).unwrap();
            TempDir(p)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    fn sample() -> Progress {
        let mut p = Progress::default();
        p.record("name:soleus-1", true, 1000);
        p.record("draw:soleus-1", false, 2000);
        p
    }

    #[test]
    fn round_trip() {
        let d = TempDir::new("round");
        let path = d.0.join("deep/er/progress.json");
        let p = sample();
        p.save(&path).unwrap();
        assert_eq!(Progress::load(&path).unwrap(), p);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains("\"version\": 1"), "{text}");
        // No temporary file is left behind.
        let names: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![OsString::from("progress.json")]);
    }

    #[test]
    fn a_missing_file_is_empty_progress() {
        let d = TempDir::new("missing");
        let p = Progress::load(&d.0.join("progress.json")).unwrap();
        assert_eq!(p, Progress::default());
        assert_eq!(p.state("name:x"), CardState::NEW);
    }

    #[test]
    fn a_failed_save_keeps_the_old_file_and_leaves_no_partial_one() {
        let d = TempDir::new("fail");
        let path = d.0.join("progress.json");
        let old = sample();
        old.save(&path).unwrap();
        let before = fs::read(&path).unwrap();
        // Something in the way of the temporary file makes the write fail.
        let tmp = crate::fsutil::temp_path(&path);
        fs::create_dir(&tmp).unwrap();
        let mut new = old.clone();
        new.record("name:masseter-1", true, 3000);
        let err = new.save(&path).unwrap_err();
        assert!(matches!(err, ProgressError::Write { .. }), "{err}");
        assert!(err.to_string().contains("progress.json"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), before, "old progress intact");
        assert!(tmp.is_dir(), "no file written in its place");
        fs::remove_dir(&tmp).unwrap();
        new.save(&path).unwrap();
        assert_eq!(Progress::load(&path).unwrap(), new);
    }

    #[test]
    fn a_corrupt_file_is_an_error_naming_it_and_is_kept() {
        let d = TempDir::new("corrupt");
        let path = d.0.join("progress.json");
        fs::write(&path, "{\"version\": 1, \"cards\": {").unwrap();
        let err = Progress::load(&path).unwrap_err();
        let msg = err.to_string();
        assert!(matches!(err, ProgressError::Corrupt { .. }), "{msg}");
        assert!(msg.contains(&path.display().to_string()), "{msg}");
        assert!(msg.contains("line 1"), "{msg}");
        assert!(!msg.contains('\n'));
        assert!(path.exists(), "never discarded");
        fs::write(&path, "{\"version\": 1, \"cards\": {}, \"extra\": 3}").unwrap();
        assert!(matches!(
            Progress::load(&path),
            Err(ProgressError::Corrupt { .. })
        ));
    }

    #[test]
    fn a_newer_version_is_refused() {
        let err = Progress::from_json("{\"version\": 9, \"cards\": {}}", Path::new("p.json"))
            .unwrap_err();
        assert!(
            matches!(err, ProgressError::Version { found: 9, .. }),
            "{err}"
        );
        assert!(err.to_string().contains("version 9"));
    }

    #[test]
    fn an_unreadable_path_is_a_read_error() {
        let d = TempDir::new("dir");
        // A directory where the file should be.
        let err = Progress::load(&d.0).unwrap_err();
        assert!(
            matches!(
                err,
                ProgressError::Read { .. } | ProgressError::Corrupt { .. }
            ),
            "{err}"
        );
    }

    #[test]
    fn data_dir_follows_xdg_then_home() {
        let p = data_dir_from(Some("/x/data".into()), Some("/home/a".into()));
        assert_eq!(p, Some(PathBuf::from("/x/data/painmap")));
        let p = data_dir_from(Some("relative".into()), Some("/home/a".into()));
        assert_eq!(p, Some(PathBuf::from("/home/a/.local/share/painmap")));
        let p = data_dir_from(None, Some("/home/a".into()));
        assert_eq!(p, Some(PathBuf::from("/home/a/.local/share/painmap")));
        assert_eq!(data_dir_from(None, None), None);
        assert_eq!(data_dir_from(Some(String::new().into()), None), None);
    }
}
