//! Red flags: the physician-referral warnings a selection raises, and the ones that
//! wait on the age. Pure.

use super::Selection;
use crate::atlas::text::fold;
use crate::atlas::{Atlas, FlagCondition, RedFlag};

/// A flag that a selection would raise if the client were older than `over`, asked
/// because the age is not known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgeQuestion<'a> {
    /// The flag.
    pub flag: &'a RedFlag,
    /// It is raised above this age.
    pub over: u8,
}

/// How a condition stands against a selection.
enum Holds {
    Yes,
    No,
    /// Everything holds but the age, which is not known; raised above this age.
    IfOlderThan(u8),
}

fn holds(c: &FlagCondition, selection: &Selection) -> Holds {
    let selected = |id: &String| selection.regions.iter().any(|r| &r.region == id);
    // Stricter than trigger-point symptoms: "headache" alone must not raise the
    // "worst headache" flag, so the flag's whole phrase must be in what was said.
    let said = |phrase: &String| selection.symptoms.iter().any(|s| has_phrase(s, phrase));
    let rest = c.all.iter().all(selected)
        && (c.any.is_empty() || c.any.iter().any(selected))
        && (c.symptoms.is_empty() || c.symptoms.iter().any(said));
    match (rest, c.over_age, selection.age) {
        (true, None, _) => Holds::Yes,
        (true, Some(over), Some(age)) if age > over => Holds::Yes,
        (true, Some(over), None) => Holds::IfOlderThan(over),
        _ => Holds::No,
    }
}

/// The red flags raised by a selection: a flag is raised when any of its conditions
/// holds (every listed region selected, one of the `any` regions selected, one of its
/// symptom words given, the age above `over_age` — each part only when given). Sides are
/// ignored on purpose: a warning is better raised once too often.
pub fn red_flags<'a>(atlas: &'a Atlas, selection: &Selection) -> Vec<&'a RedFlag> {
    atlas
        .red_flags()
        .iter()
        .filter(|flag| {
            flag.when
                .iter()
                .any(|c| matches!(holds(c, selection), Holds::Yes))
        })
        .collect()
}

/// The flags not raised only because the age is unknown: the screen says to ask it.
pub fn age_questions<'a>(atlas: &'a Atlas, selection: &Selection) -> Vec<AgeQuestion<'a>> {
    let mut out = Vec::new();
    for flag in atlas.red_flags() {
        let mut over = None;
        for c in &flag.when {
            match holds(c, selection) {
                Holds::Yes => {
                    over = None;
                    break;
                }
                Holds::IfOlderThan(n) => over = Some(over.map_or(n, |o: u8| o.min(n))),
                Holds::No => {}
            }
        }
        if let Some(over) = over {
            out.push(AgeQuestion { flag, over });
        }
    }
    out
}

/// Words of folded text: runs of letters, digits and apostrophes.
fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Does `text` contain the words of `phrase`, in order and whole ("calf swelling"
/// contains "swelling"; "tired" does not contain "red")?
pub fn has_phrase(text: &str, phrase: &str) -> bool {
    let (t, p) = (words(text), words(phrase));
    !p.is_empty() && t.windows(p.len()).any(|w| w == p.as_slice())
}
