//! Line editing in the explorer's prompts (search, export), with the readline habits a
//! terminal user expects: Backspace, Ctrl-U clears, Ctrl-W deletes the word before the end.
//! Edits work on characters, never on bytes.

/// One edit of a prompt's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Type a character.
    Insert(char),
    /// Delete the last character (Backspace).
    Backspace,
    /// Delete the last word and the spaces after it (Ctrl-W).
    DeleteWord,
    /// Clear the line (Ctrl-U).
    Clear,
}

/// Applies an edit to `text`.
pub fn apply(text: &mut String, edit: Edit) {
    match edit {
        Edit::Insert(c) => text.push(c),
        Edit::Backspace => {
            text.pop();
        }
        Edit::DeleteWord => {
            let kept = text
                .trim_end()
                .trim_end_matches(|c: char| !c.is_whitespace());
            text.truncate(kept.len());
        }
        Edit::Clear => text.clear(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edited(text: &str, edit: Edit) -> String {
        let mut s = text.to_string();
        apply(&mut s, edit);
        s
    }

    #[test]
    fn readline_habits() {
        assert_eq!(edited("left temple", Edit::DeleteWord), "left ");
        assert_eq!(edited("left temple  ", Edit::DeleteWord), "left ");
        assert_eq!(edited("cabeça", Edit::DeleteWord), "");
        assert_eq!(edited("", Edit::DeleteWord), "");
        assert_eq!(edited("lefté", Edit::Backspace), "left");
        assert_eq!(edited("anything", Edit::Clear), "");
        assert_eq!(edited("ab", Edit::Insert('é')), "abé");
    }
}
