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

/// The longest prompt, in characters: a search or a file name longer than this means
/// nothing more, and a bounded prompt keeps each keystroke's search bounded.
pub const PROMPT_MAX: usize = 256;

/// Applies an edit to `text`.
pub fn apply(text: &mut String, edit: Edit) {
    match edit {
        Edit::Insert(c) if !c.is_control() && text.chars().count() < PROMPT_MAX => text.push(c),
        Edit::Insert(_) => {}
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

/// Appends pasted text, as typing it would but at once: line breaks and tabs become
/// spaces, other control characters are dropped, and the prompt stops at [`PROMPT_MAX`].
/// Returns whether some of the paste was left out.
pub fn paste(text: &mut String, pasted: &str) -> bool {
    let mut room = PROMPT_MAX.saturating_sub(text.chars().count());
    for c in pasted.chars() {
        let c = if matches!(c, '\n' | '\r' | '\t') {
            ' '
        } else {
            c
        };
        if c.is_control() {
            continue;
        }
        if room == 0 {
            return true;
        }
        text.push(c);
        room -= 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_is_cut_at_the_prompt_limit_and_has_no_controls() {
        let mut s = String::from("left ");
        assert!(!paste(&mut s, "temple\n\u{1b}[2Jx"));
        assert_eq!(s, "left temple [2Jx");
        let big = "a".repeat(20_000);
        assert!(paste(&mut s, &big));
        assert_eq!(s.chars().count(), PROMPT_MAX);
        apply(&mut s, Edit::Insert('b'));
        assert_eq!(
            s.chars().count(),
            PROMPT_MAX,
            "typing stops at the limit too"
        );
    }

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
