//! Messages: everything that can change the explorer's state, already resolved against
//! the layout (a click carries the region under it, not screen coordinates).

use super::app::{ClientRecords, Cursor, Focus};
use crate::atlas::RegionInstance;
use crate::records::{SavedVisit, SqliteStore, Store, Visit};

/// A state change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// Close the explorer.
    Quit,
    /// Draw mode: a stroke, a tool, undo, save ([`super::draw`]).
    Draw(super::draw::DrawMsg),
    /// Show or hide the help.
    ToggleHelp,
    /// Close the overlay, or unpin the detail.
    Back,
    /// Move keyboard focus to the next (true) or previous pane.
    CycleFocus(bool),
    /// Give a pane the keyboard.
    Focus(Focus),
    /// Show the next (true) or previous picture on the map: the whole body, then each
    /// close-up in turn.
    CycleMap(bool),
    /// Put the map cursor here (already clamped to the map).
    CursorTo(Cursor),
    /// Select the region if absent, else remove it.
    Toggle(RegionInstance),
    /// A click on the map: the cursor moves to the cell clicked (relative to the map), and
    /// the region there, if any, is selected or removed.
    ClickMap(Cursor, Option<RegionInstance>),
    /// Clear the selection and symptoms.
    Clear,
    /// Move the highlight in the focused list by this many rows.
    Move(isize),
    /// Highlight a candidate row and open its detail.
    OpenCandidate(usize),
    /// Open the detail of the highlighted candidate (Enter).
    Activate,
    /// Scroll the candidates list (mouse wheel) by rows.
    ScrollList(isize),
    /// Scroll the detail text by lines.
    ScrollDetail(i32),
    /// Show the next (true) or previous trigger point of the muscle in the detail: of
    /// those reaching the selection for a ranked muscle, of all for a pinned one.
    CyclePoint(bool),
    /// Open the search.
    OpenSearch,
    /// Edit the search query (type, Backspace, Ctrl-W, Ctrl-U).
    SearchEdit(super::edit::Edit),
    /// Accept the highlighted search result (or this one, for a click).
    SearchAccept(Option<usize>),
    /// Open the muscle browser.
    OpenBrowse,
    /// Accept the highlighted muscle in the browser (or this one, for a click).
    BrowseAccept(Option<usize>),
    /// A digit typed for a region's intensity ("1" then "0" makes 10).
    IntensityDigit(RegionInstance, u8),
    /// Step a region's pain quality.
    CycleQuality(RegionInstance),
    /// Open the age prompt.
    OpenAge,
    /// Open the screening questions.
    OpenScreen,
    /// Move the highlight among the screening questions.
    ScreenMove(isize),
    /// Answer the highlighted screening question: yes, no, or not asked (`None`).
    ScreenAnswer(Option<bool>),
    /// A digit typed into the age prompt.
    AgeInput(char),
    /// Delete the last digit of the age prompt.
    AgeBackspace,
    /// Set the age (Enter); an empty prompt clears it.
    AgeAccept,
    /// Open the export prompt.
    OpenExport(i64),
    /// Edit the export prompt's file name.
    ExportEdit(super::edit::Edit),
    /// Write the note (Enter).
    ExportAccept(i64),
    /// The write finished: the path written, or why not.
    Saved(Result<String, SaveError>),
    /// Save the intake as a visit of the client (`s`), dated by the time of the key
    /// (seconds since the Unix epoch).
    SaveVisit(i64),
    /// The visit was saved (as which visit), or why not.
    VisitSaved(Result<SavedAs, String>),
    /// Show the client's history (`H`).
    OpenHistory,
    /// The history was read (oldest visit first), or why not.
    HistoryLoaded(Result<Vec<SavedVisit>, String>),
    /// The `C` client picker.
    Clients(super::clients::ClientsMsg),
    /// The `N` note.
    Note(super::note::NoteMsg),
    /// Show the highlighted visit beside today's map, or go back to the list.
    ToggleCompare,
    /// Compare the muscle shown with the one shown before it (`c`).
    ComparePrevious,
    /// Text pasted into the search prompt: one edit, one search.
    SearchPaste(String),
    /// Text pasted into the export prompt.
    ExportPaste(String),
    /// Draw the pictures as text, or as images again (`i`); the choice is saved.
    TogglePictures,
    /// Show the next layer on the map (`o`): none, dermatomes, nerves, organs.
    CycleLayer,
    /// A setting was saved to the config file (where), or why not.
    SettingSaved(Result<String, String>),
}

/// A visit the intake was saved as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedAs {
    /// Whose.
    pub client: String,
    /// Its id.
    pub id: i64,
    /// Its day.
    pub date: crate::records::Date,
    /// Whether it replaced the visit saved earlier (a second `s`).
    pub amended: bool,
}

/// Why a save failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The file exists and replacing it was not confirmed.
    Exists,
    /// Anything else, in words.
    Failed(String),
}

/// Work `update` asks the loop to do outside the state: writing a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write `bytes` to `path` atomically; replace an existing file only if `replace`.
    Write {
        /// Where.
        path: std::path::PathBuf,
        /// What.
        bytes: Vec<u8>,
        /// Whether an existing file may be replaced.
        replace: bool,
    },
    /// Save a visit to the client records.
    SaveVisit {
        /// Where.
        records: ClientRecords,
        /// What.
        visit: Box<Visit>,
        /// When it was saved ("2026-11-24 10:30 UTC").
        saved_at: String,
        /// The visit it replaces (saved earlier today from this intake), if any.
        amend: Option<i64>,
    },
    /// Read the client names (`C`).
    LoadClients {
        /// Where.
        at: super::clients::RecordsAt,
    },
    /// Read the client's visits.
    LoadHistory {
        /// Whose, and where.
        records: ClientRecords,
    },
    /// Set one key of the config file.
    SaveSetting {
        /// The file.
        path: std::path::PathBuf,
        /// The key.
        key: &'static str,
        /// Its value.
        value: &'static str,
    },
}

impl Effect {
    /// Does the work and reports the outcome as a message.
    pub fn run(self) -> Msg {
        match self {
            Effect::SaveSetting { path, key, value } => Msg::SettingSaved(
                crate::term::config::save_key(&path, key, value)
                    .map(|()| path.display().to_string())
                    .map_err(|e| format!("{e:#}")),
            ),
            Effect::Write {
                path,
                bytes,
                replace,
            } => {
                // The prompt is not a shell: `~/notes.md` is read here.
                let path = crate::fsutil::expand_home(&path);
                let shown = std::path::absolute(&path).unwrap_or_else(|_| path.clone());
                // A note or record is health data: owner-only, whatever the umask.
                Msg::Saved(match crate::fsutil::write_private(&path, &bytes, replace) {
                    Ok(()) => Ok(shown.display().to_string()),
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                        Err(SaveError::Exists)
                    }
                    Err(e) => Err(SaveError::Failed(format!(
                        "could not write {}: {}",
                        shown.display(),
                        crate::fsutil::io_words(&e)
                    ))),
                })
            }
            Effect::SaveVisit {
                records,
                visit,
                saved_at,
                amend,
            } => Msg::VisitSaved(
                SqliteStore::open(&records.db, true, records.own_folder)
                    .and_then(|store| {
                        let mut store = store.ok_or(crate::records::RecordsError::NoDataDir)?;
                        // The visit to amend may have been forgotten meanwhile (from the
                        // command line): then this is a new visit.
                        if let Some(id) = amend
                            && store.amend_visit(&records.client, id, &visit, &saved_at)?
                        {
                            return Ok((id, true));
                        }
                        Ok((store.save_visit(&records.client, &visit, &saved_at)?, false))
                    })
                    .map(|(id, amended)| SavedAs {
                        client: records.client.clone(),
                        id,
                        date: visit.date,
                        amended,
                    })
                    .map_err(|e| e.to_string()),
            ),
            Effect::LoadClients { at } => Msg::Clients(super::clients::ClientsMsg::Loaded(
                super::clients::load(&at),
            )),
            Effect::LoadHistory { records } => Msg::HistoryLoaded(
                SqliteStore::open(&records.db, false, records.own_folder)
                    .and_then(|store| match store {
                        Some(store) => store.history(&records.client),
                        None => Ok(None),
                    })
                    .map(Option::unwrap_or_default)
                    .map_err(|e| e.to_string()),
            ),
        }
    }
}
