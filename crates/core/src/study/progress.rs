//! Saved progress: `progress.json` under `$XDG_DATA_HOME/painmap/` (else
//! `~/.local/share/painmap/`), a versioned JSON map from card id to its [`CardState`].
//!
//! Format 2 (written now) keeps each card's FSRS memory: `stability`, `difficulty`,
//! `due`, `seen`, `correct`, `last`. Format 1 (the Leitner scheduler's) kept a `box`
//! instead of the memory; such a file is read as it is and migrated card by card: a box
//! becomes the memory [`super::schedule::memory_of_leitner_box`] gives (its answers
//! replayed through FSRS), the due date and the counts stay. The file is rewritten in
//! format 2 by the next save, under the same lock and merge as any save.
//!
//! Writes are atomic: the new contents go to a temporary file in the same directory,
//! which is flushed to disk and then renamed over the old file, so a crash leaves either
//! the old progress or the new, never half a file. A file that cannot be read or parsed
//! is an error naming the file; it is never silently replaced.
//!
//! Two sessions may study on one data folder at once. A save takes an advisory lock
//! (`.progress.json.lock` beside the file), reads what is on disk, merges it card by card
//! (the newest answer wins) and writes the result before letting go, so no session's
//! answers are lost to another's save. Temporary files left by a session that was killed
//! mid-save are removed when the next session starts.

use super::schedule::{CardState, memory_of_leitner_box};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use thiserror::Error;

/// The file name inside the data directory.
pub const FILE_NAME: &str = "progress.json";
/// The format version written (and the newest one read).
pub const VERSION: u32 = 2;
/// The Leitner format, read and migrated.
pub const LEITNER_VERSION: u32 = 1;
/// A progress file larger than this is refused rather than read.
pub const MAX_BYTES: u64 = 16 * 1024 * 1024;
/// How long a save waits for another session's save to finish before giving up (a save
/// takes milliseconds; a lock held longer belongs to a stopped process).
pub const LOCK_WAIT: Duration = Duration::from_secs(3);

/// Why progress could not be found, read or written.
#[derive(Debug, Error)]
pub enum ProgressError {
    /// Neither `XDG_DATA_HOME` nor `HOME` is set.
    #[error("cannot find a place for study progress: set XDG_DATA_HOME or HOME")]
    NoDataDir,
    /// The file exists but cannot be read.
    #[error("cannot read study progress {file}: {reason}")]
    Read {
        /// The file.
        file: PathBuf,
        /// Why. Said in the message, so not also chained as its source (a chain would
        /// print it twice: "is a named pipe ...: is a named pipe ...").
        reason: crate::fsutil::ReadError,
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
    /// Another session held the lock for longer than [`LOCK_WAIT`].
    #[error(
        "cannot save study progress to {file}: another painmap has held {lock} for over {} s",
        LOCK_WAIT.as_secs()
    )]
    Locked {
        /// The file.
        file: PathBuf,
        /// The lock file.
        lock: PathBuf,
    },
}

/// Everything remembered about a student's cards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

    /// Takes in another copy of the progress, card by card: the state answered last wins
    /// (on a tie, the one answered more often), so answers given in two sessions are
    /// all kept.
    pub fn merge(&mut self, other: &Progress) {
        for (card, theirs) in &other.cards {
            let newer = self
                .cards
                .get(card)
                .is_none_or(|ours| (theirs.last, theirs.seen) > (ours.last, ours.seen));
            if newer {
                self.cards.insert(card.clone(), *theirs);
            }
        }
    }

    /// Parses progress from a file's bytes; `file` names it in errors.
    pub fn from_bytes(bytes: &[u8], file: &Path) -> Result<Progress, ProgressError> {
        let text = std::str::from_utf8(bytes).map_err(|_| ProgressError::Corrupt {
            file: file.to_owned(),
            detail: "not UTF-8 text".into(),
        })?;
        Progress::from_json(text, file)
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
        match head.version {
            LEITNER_VERSION => {
                let old: LeitnerProgress = serde_json::from_str(text).map_err(corrupt)?;
                Ok(old.migrated())
            }
            VERSION => serde_json::from_str(text).map_err(corrupt),
            found => Err(ProgressError::Version {
                file: file.to_owned(),
                found,
            }),
        }
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
            Err(reason) => {
                return Err(ProgressError::Read {
                    file: path.to_owned(),
                    reason,
                });
            }
        };
        Progress::from_bytes(&bytes, path)
    }

    /// Saves this progress into `path`: under the lock, what is on disk is read and
    /// merged with it ([`Progress::merge`]) and the result written atomically, 0600 in a
    /// 0700 folder. A damaged file on disk is an error and stays as it is.
    pub fn save(&self, path: &Path) -> Result<(), ProgressError> {
        let write_err = |source| ProgressError::Write {
            file: path.to_owned(),
            source,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            crate::fsutil::create_private_dir(dir).map_err(write_err)?;
        }
        let lock = lock_path(path);
        let _held = hold_lock(&lock, LOCK_WAIT).map_err(|e| match e {
            TryLockError::WouldBlock => ProgressError::Locked {
                file: path.to_owned(),
                lock: lock.clone(),
            },
            TryLockError::Error(source) => write_err(source),
        })?;
        let mut merged = Progress::load(path)?;
        merged.merge(self);
        let mut json =
            serde_json::to_string_pretty(&merged).map_err(|e| write_err(io::Error::other(e)))?;
        json.push('\n');
        crate::fsutil::write_private(path, json.as_bytes(), true).map_err(write_err)
    }
}

/// A progress file of format 1, as the Leitner scheduler wrote it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LeitnerProgress {
    #[allow(
        dead_code,
        reason = "read to check the file's shape; the version is known"
    )]
    version: u32,
    cards: BTreeMap<String, LeitnerState>,
}

/// One card of a format-1 file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LeitnerState {
    #[serde(rename = "box")]
    leitner: u8,
    due: u64,
    seen: u32,
    correct: u32,
    last: u64,
}

impl LeitnerProgress {
    /// The same cards in FSRS terms: each box becomes its memory; due dates and counts
    /// are kept, so nothing falls due earlier or later than the student was told.
    fn migrated(self) -> Progress {
        let cards = self
            .cards
            .into_iter()
            .map(|(id, old)| {
                let memory = memory_of_leitner_box(old.leitner);
                let state = CardState {
                    stability: memory.stability,
                    difficulty: memory.difficulty,
                    due: old.due,
                    seen: old.seen,
                    correct: old.correct,
                    last: old.last,
                };
                (id, state)
            })
            .collect();
        Progress {
            version: VERSION,
            cards,
        }
    }
}

/// The advisory lock file beside a progress file: `.progress.json.lock`.
pub fn lock_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| FILE_NAME.into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.lock"))
}

/// Takes the exclusive lock on `lock` (created 0600 if missing), waiting up to `wait`
/// for another holder. The lock goes with the returned file (and with the process).
fn hold_lock(lock: &Path, wait: Duration) -> Result<File, TryLockError> {
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(lock)
        .map_err(TryLockError::Error)?;
    let deadline = Instant::now() + wait;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(e) => return Err(e),
        }
    }
}

/// Removes the temporary files (`.progress.json.PID.tmp`) that sessions killed
/// mid-save left beside `path`: those whose process is no longer running (on systems
/// with `/proc`; elsewhere none is removed). Returns how many were removed.
pub fn remove_stale_temps(path: &Path) -> usize {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return 0;
    };
    if !Path::new("/proc/self").exists() {
        return 0;
    }
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(pid) = file
            .to_str()
            .and_then(|f| f.strip_prefix(&prefix))
            .and_then(|f| f.strip_suffix(".tmp"))
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        let ours = pid == std::process::id();
        let running = !ours && Path::new(&format!("/proc/{pid}")).exists();
        let plain_file = entry.file_type().is_ok_and(|t| t.is_file());
        if !running && plain_file && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Where progress lives in the data directory ([`crate::folders::data_dir`]); `None`
/// (neither `XDG_DATA_HOME` nor `HOME` gave one) is an error naming both.
pub fn path_in(data_dir: Option<&Path>) -> Result<PathBuf, ProgressError> {
    data_dir
        .map(|d| d.join(FILE_NAME))
        .ok_or(ProgressError::NoDataDir)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;
    use std::fs;

    fn sample() -> Progress {
        let mut p = Progress::default();
        p.record("name:soleus-1", true, 1000);
        p.record("draw:soleus-1", false, 2000);
        p
    }

    #[test]
    fn round_trip() {
        let d = tempfile::tempdir().unwrap();
        let path = d.path().join("deep/er/progress.json");
        let p = sample();
        p.save(&path).unwrap();
        assert_eq!(Progress::load(&path).unwrap(), p);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains("\"version\": 2"), "{text}");
        // No temporary file is left behind; the lock file stays (removing it while
        // another session waits on it would let two saves run at once).
        let mut names: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                OsString::from(".progress.json.lock"),
                "progress.json".into()
            ]
        );
    }

    #[test]
    fn a_missing_file_is_empty_progress() {
        let d = tempfile::tempdir().unwrap();
        let p = Progress::load(&d.path().join("progress.json")).unwrap();
        assert_eq!(p, Progress::default());
        assert_eq!(p.state("name:x"), CardState::NEW);
    }

    #[test]
    fn a_failed_save_keeps_the_old_file_and_leaves_no_partial_one() {
        let d = tempfile::tempdir().unwrap();
        let path = d.path().join("progress.json");
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
        let d = tempfile::tempdir().unwrap();
        let path = d.path().join("progress.json");
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

    /// A progress file the Leitner scheduler wrote (format 1), kept in the repository.
    const LEITNER_FILE: &str = include_str!("../../../../tests/fixtures/progress-v1.json");

    #[test]
    fn a_leitner_file_migrates_box_by_box_and_is_rewritten_on_save() {
        use crate::study::schedule::memory_of_leitner_box;
        use std::os::unix::fs::PermissionsExt as _;
        let d = tempfile::tempdir().unwrap();
        let path = d.path().join("progress.json");
        fs::write(&path, LEITNER_FILE).unwrap();
        let p = Progress::load(&path).unwrap();
        assert_eq!(p.version, VERSION);
        assert_eq!(p.cards.len(), 3);
        for (card, leitner, due, seen, correct) in [
            ("draw:soleus-1", 1, 1_760_000_000, 3, 1),
            ("name:infraspinatus-main", 3, 1_760_259_200, 2, 2),
            ("name:soleus-1", 5, 1_761_814_400, 6, 5),
        ] {
            let st = p.state(card);
            let m = memory_of_leitner_box(leitner);
            assert_eq!((st.stability, st.difficulty), (m.stability, m.difficulty));
            assert_eq!(
                (st.due, st.seen, st.correct, st.last),
                (due, seen, correct, 1_760_000_000)
            );
        }
        // Box 5 is the strongest memory, box 1 the weakest.
        assert!(p.state("name:soleus-1").stability > 28.0);
        assert!(p.state("draw:soleus-1").stability < 0.5);
        // Loading changes nothing on disk; the next save writes format 2, 0600, with the
        // migrated cards merged with the new answer.
        assert_eq!(fs::read_to_string(&path).unwrap(), LEITNER_FILE);
        let mut mine = p.clone();
        mine.record("name:masseter-superficial", true, 1_760_100_000);
        mine.save(&path).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("\"version\": 2") && text.contains("\"stability\""),
            "{text}"
        );
        assert!(!text.contains("\"box\""), "{text}");
        assert_eq!(Progress::load(&path).unwrap(), mine);
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }

    #[test]
    fn a_session_that_loaded_a_leitner_file_merges_with_one_that_saved_format_two() {
        let d = tempfile::tempdir().unwrap();
        let path = d.path().join("progress.json");
        fs::write(&path, LEITNER_FILE).unwrap();
        let mut first = Progress::load(&path).unwrap();
        let mut second = Progress::load(&path).unwrap();
        first.record("name:soleus-1", false, 1_802_000_000);
        first.save(&path).unwrap();
        second.record("draw:soleus-1", true, 1_802_000_100);
        second.save(&path).unwrap();
        let on_disk = Progress::load(&path).unwrap();
        assert_eq!(on_disk.state("name:soleus-1").last, 1_802_000_000);
        assert_eq!(on_disk.state("draw:soleus-1").last, 1_802_000_100);
        assert_eq!(on_disk.cards.len(), 3);
    }

    #[test]
    fn a_leitner_file_of_the_wrong_shape_is_damaged() {
        let text = "{\"version\": 1, \"cards\": {\"name:a\": {\"stability\": 3.0}}}";
        let err = Progress::from_json(text, Path::new("p.json")).unwrap_err();
        assert!(matches!(err, ProgressError::Corrupt { .. }), "{err}");
        let text = "{\"version\": 0, \"cards\": {}}";
        assert!(matches!(
            Progress::from_json(text, Path::new("p.json")),
            Err(ProgressError::Version { found: 0, .. })
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
        let d = tempfile::tempdir().unwrap();
        // A directory where the file should be.
        let err = Progress::load(d.path()).unwrap_err();
        assert!(
            matches!(
                err,
                ProgressError::Read { .. } | ProgressError::Corrupt { .. }
            ),
            "{err}"
        );
    }

    #[test]
    fn merge_keeps_the_newest_answer_of_each_card() {
        let mut a = Progress::default();
        a.record("name:a", true, 100);
        a.record("name:both", true, 200);
        let mut b = Progress::default();
        b.record("name:b", false, 150);
        b.record("name:both", false, 300);
        let mut merged = a.clone();
        merged.merge(&b);
        assert_eq!(merged.cards.len(), 3);
        assert_eq!(merged.state("name:a"), a.state("name:a"));
        assert_eq!(merged.state("name:b"), b.state("name:b"));
        assert_eq!(merged.state("name:both").last, 300);
        // The other way round gives the same.
        let mut other = b.clone();
        other.merge(&a);
        assert_eq!(other, merged);
    }

    #[test]
    fn two_sessions_saving_in_turn_keep_every_answer() {
        let d = tempfile::tempdir().unwrap();
        let path = d.path().join("painmap/progress.json");
        // Both start from the same (empty) file.
        let mut first = Progress::load(&path).unwrap();
        let mut second = Progress::load(&path).unwrap();
        first.record("name:a", true, 100);
        first.save(&path).unwrap();
        second.record("name:b", true, 110);
        second.save(&path).unwrap();
        first.record("name:c", false, 120);
        first.save(&path).unwrap();
        let on_disk = Progress::load(&path).unwrap();
        let cards: Vec<_> = on_disk.cards.keys().map(String::as_str).collect();
        assert_eq!(cards, ["name:a", "name:b", "name:c"]);
        assert!(lock_path(&path).exists());
    }

    #[test]
    fn saves_from_many_threads_at_once_lose_nothing() {
        let d = tempfile::tempdir().unwrap();
        let path = d.path().join("progress.json");
        std::thread::scope(|s| {
            for t in 0..4u64 {
                let path = &path;
                s.spawn(move || {
                    let mut mine = Progress::default();
                    for k in 0..10u64 {
                        mine.record(&format!("name:{t}-{k}"), true, 1000 + k);
                        mine.save(path).unwrap();
                    }
                });
            }
        });
        assert_eq!(Progress::load(&path).unwrap().cards.len(), 40);
    }

    #[test]
    fn a_held_lock_is_waited_for_then_reported() {
        let d = tempfile::tempdir().unwrap();
        let lock = lock_path(&d.path().join("progress.json"));
        let held = hold_lock(&lock, Duration::ZERO).unwrap();
        let start = Instant::now();
        assert!(matches!(
            hold_lock(&lock, Duration::from_millis(100)),
            Err(TryLockError::WouldBlock)
        ));
        assert!(start.elapsed() >= Duration::from_millis(100));
        drop(held);
        assert!(hold_lock(&lock, Duration::ZERO).is_ok());
    }

    #[test]
    fn a_damaged_file_is_not_overwritten_by_a_save() {
        let d = tempfile::tempdir().unwrap();
        let path = d.path().join("progress.json");
        fs::write(&path, "{\"version\": 1, \"cards\": ").unwrap();
        let err = sample().save(&path).unwrap_err();
        assert!(matches!(err, ProgressError::Corrupt { .. }), "{err}");
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            "{\"version\": 1, \"cards\": "
        );
    }

    #[test]
    fn stale_temporary_files_of_dead_sessions_are_removed() {
        let d = tempfile::tempdir().unwrap();
        let path = d.path().join("progress.json");
        // A process that has ended: its id is free (and not soon reused).
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let alive = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .unwrap();
        let stale = d.path().join(format!(".progress.json.{dead}.tmp"));
        let live = d.path().join(format!(".progress.json.{}.tmp", alive.id()));
        let other = d.path().join(".notes.md.1.tmp");
        for f in [&stale, &live, &other] {
            fs::write(f, "x").unwrap();
        }
        assert_eq!(remove_stale_temps(&path), 1);
        assert!(!stale.exists());
        assert!(live.exists(), "a running session's file is kept");
        assert!(other.exists(), "only progress temporaries are touched");
        let mut alive = alive;
        let _ = alive.kill();
        let _ = alive.wait();
    }
}
