//! Red flags: the physician-referral warnings a selection raises, each with what raised
//! it, and the ones that wait on the age. A flag is a combination of regions, concepts
//! (heard in the client's words or answered yes, see [`crate::screen`]) and age. Pure.

use super::Selection;
use crate::atlas::{Atlas, FlagCondition, RedFlag};
use crate::screen::{self, Evidence, Question};

/// A flag that a selection would raise if the client were older than `over`, asked
/// because the age is not known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgeQuestion<'a> {
    /// The flag.
    pub flag: &'a RedFlag,
    /// It is raised above this age.
    pub over: u8,
}

/// A red flag raised, with the concepts that raised it and why each is present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raised<'a> {
    /// The flag.
    pub flag: &'a RedFlag,
    /// The concepts of the condition that held, each heard or answered.
    pub because: Vec<(String, Evidence)>,
}

impl Raised<'_> {
    /// Whether an answer on the screen (not the client's words) raised it.
    pub fn by_answer(&self) -> bool {
        self.because.iter().any(|(_, e)| *e == Evidence::Answered)
    }

    /// "heard 'walk up the hill' (exertion); answered yes: relief-by-rest", or empty for
    /// a flag raised by the regions alone.
    pub fn reasons(&self) -> String {
        let heard: Vec<String> = self
            .because
            .iter()
            .filter_map(|(c, e)| match e {
                Evidence::Heard(w) => Some(format!("'{w}' ({c})")),
                Evidence::Answered => None,
            })
            .collect();
        let answered: Vec<&str> = self
            .because
            .iter()
            .filter(|(_, e)| *e == Evidence::Answered)
            .map(|(c, _)| c.as_str())
            .collect();
        let mut parts = Vec::new();
        if !heard.is_empty() {
            parts.push(format!("heard {}", heard.join(", ")));
        }
        if !answered.is_empty() {
            parts.push(format!(
                "raised by the answer yes to: {}",
                answered.join(", ")
            ));
        }
        parts.join("; ")
    }
}

/// How a condition stands against a selection.
enum Holds {
    Yes,
    No,
    /// Everything holds but the age, which is not known; raised above this age.
    IfOlderThan(u8),
}

fn holds(c: &FlagCondition, selection: &Selection, present: &[(String, Evidence)]) -> Holds {
    let is = |id: &String| present.iter().any(|(c, _)| c == id);
    let rest = screen::regions_hold(&selection.regions, &c.all, &c.any, false)
        && c.concepts.iter().all(is)
        && (c.any_concept.is_empty() || c.any_concept.iter().any(is));
    match (rest, c.over_age, selection.age) {
        (true, None, _) => Holds::Yes,
        (true, Some(over), Some(age)) if age > over => Holds::Yes,
        (true, Some(over), None) => Holds::IfOlderThan(over),
        _ => Holds::No,
    }
}

/// The concepts present in a selection: heard in its words, or answered yes.
fn present(atlas: &Atlas, selection: &Selection) -> Vec<(String, Evidence)> {
    screen::present(atlas, &selection.said, &selection.answers)
}

/// The red flags raised by a selection: a flag is raised when any of its conditions
/// holds (every listed region selected, one of the `any` regions selected, every listed
/// concept present and one of the `any_concept` ones, the age above `over_age`, each
/// part only when given). Sides are ignored on purpose: a warning is better raised once
/// too often.
pub fn red_flags<'a>(atlas: &'a Atlas, selection: &Selection) -> Vec<Raised<'a>> {
    let present = present(atlas, selection);
    let mut out = Vec::new();
    for flag in atlas.red_flags() {
        let Some(c) = flag
            .when
            .iter()
            .find(|c| matches!(holds(c, selection, &present), Holds::Yes))
        else {
            continue;
        };
        let because = present
            .iter()
            .filter(|(id, _)| c.concepts.contains(id) || c.any_concept.contains(id))
            .cloned()
            .collect();
        out.push(Raised { flag, because });
    }
    // A serious visceral fit (the heart's zone: left arm and jaw) raises the flag it
    // names, once (see `crate::layers::fit::raise`).
    let fits = crate::layers::fit::good_fits(crate::layers::shipped(), &selection.regions);
    crate::layers::fit::raise(atlas, &fits, &mut out);
    out
}

/// The flags not raised only because the age is unknown: the screen says to ask it.
pub fn age_questions<'a>(atlas: &'a Atlas, selection: &Selection) -> Vec<AgeQuestion<'a>> {
    let present = present(atlas, selection);
    let mut out = Vec::new();
    for flag in atlas.red_flags() {
        let mut over = None;
        for c in &flag.when {
            match holds(c, selection, &present) {
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

/// The screening questions for a selection's regions, with its answers and what its
/// words already said.
pub fn screen_questions<'a>(atlas: &'a Atlas, selection: &Selection) -> Vec<Question<'a>> {
    let present = present(atlas, selection);
    screen::questions(atlas, &selection.regions, &present, &selection.answers)
}
