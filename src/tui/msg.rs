//! Messages: everything that can change the explorer's state, already resolved against
//! the layout (a click carries the region under it, not screen coordinates).

use super::app::{Cursor, Focus};
use crate::atlas::RegionInstance;

/// A state change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// Close the explorer.
    Quit,
    /// Show or hide the help.
    ToggleHelp,
    /// Close the overlay, or unpin the detail.
    Back,
    /// Move keyboard focus to the next (true) or previous pane.
    CycleFocus(bool),
    /// Give a pane the keyboard.
    Focus(Focus),
    /// Put the map cursor here (already clamped to the map).
    CursorTo(Cursor),
    /// Select the region if absent, else remove it.
    Toggle(RegionInstance),
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
    /// Show the next (true) or previous trigger point of the muscle in the detail.
    CyclePoint(bool),
    /// Open the search.
    OpenSearch,
    /// Type into the search.
    SearchInput(char),
    /// Delete the last character of the search.
    SearchBackspace,
    /// Accept the highlighted search result (or this one, for a click).
    SearchAccept(Option<usize>),
    /// Open the muscle browser.
    OpenBrowse,
    /// Accept the highlighted muscle in the browser (or this one, for a click).
    BrowseAccept(Option<usize>),
}
