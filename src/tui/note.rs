//! The `N` note: the therapist's free-text note on the intake, typed in the explorer. It
//! is the intake's own note, so it is saved with the visit (`s`), exported (`e`: the
//! Markdown, the record and the PDF note) and reopened with the record (`--open`).

use super::app::{App, Overlay};
use super::edit::{Edit, apply, paste};

/// The note prompt's messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteMsg {
    /// `N`: open the prompt with the note as it is.
    Open,
    /// Typing.
    Edit(Edit),
    /// Pasted text (line breaks become spaces).
    Paste(String),
    /// Enter: keep the note (an empty one removes it).
    Accept,
}

/// Applies a note message.
pub fn update(app: &mut App<'_>, msg: NoteMsg) {
    match msg {
        NoteMsg::Open => {
            app.overlay = Some(Overlay::Note(app.intake.note.clone().unwrap_or_default()));
        }
        NoteMsg::Edit(edit) => {
            if let Some(Overlay::Note(text)) = &mut app.overlay {
                apply(text, edit);
            }
        }
        NoteMsg::Paste(pasted) => {
            if let Some(Overlay::Note(text)) = &mut app.overlay
                && paste(text, &pasted)
            {
                app.status = "the note is full: the rest of the paste was left out".into();
            }
        }
        NoteMsg::Accept => {
            let Some(Overlay::Note(text)) = app.overlay.take() else {
                return;
            };
            let text = text.trim().to_owned();
            app.status = if text.is_empty() {
                "note removed".into()
            } else {
                "note kept: s saves it with the visit".into()
            };
            app.intake.note = (!text.is_empty()).then_some(text);
        }
    }
}
