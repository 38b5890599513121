//! The explorer's keys, in one table: [`BINDINGS`] says which key does what where, and
//! both the input mapping ([`super::input`]) and the help overlay read it, so what the
//! help says is what the keys do. [`HELP`] only groups actions into rows and words them;
//! the keys each row shows are derived from the bindings.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The panes, whatever has the focus (no overlay open).
    Panes,
    /// The body map has the focus.
    Map,
    /// The candidate list has the focus.
    Candidates,
    /// The detail pane has the focus.
    Detail,
    /// The search prompt is open.
    Search,
    /// The muscle browser is open.
    Browse,
    /// The client's history is open.
    History,
    /// A comparison (`c`) is shown.
    Compare,
}

/// What a key does, before the state gives it its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Close the explorer.
    Quit,
    /// Open or close the help.
    Help,
    /// Open the search.
    Search,
    /// Open the muscle browser.
    Browse,
    /// Clear the selection and symptoms.
    Clear,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Close the overlay, unpin the detail, or step back a pane.
    Back,
    /// The muscle's next trigger point.
    NextPoint,
    /// The muscle's previous trigger point.
    PrevPoint,
    /// Open the export prompt.
    Export,
    /// Pick or start a client (`C`).
    Clients,
    /// Write the intake's note (`N`).
    Note,
    /// Ask the client's age.
    Age,
    /// Open the screening questions (red flags).
    Screen,
    /// The map's next picture (whole body, then each close-up).
    NextMap,
    /// The map's previous picture.
    PrevMap,
    /// Step the pain quality of that region.
    Quality,
    /// Move the map cursor by (dx, dy) cells.
    Cursor(i8, i8),
    /// Select or unselect the region under the cursor.
    Toggle,
    /// Move the highlight in a list (or scroll the detail) by this many rows.
    Step(i8),
    /// Move a page up (-1) or down (1).
    Page(i8),
    /// To the first (-1) or last (1) row.
    End(i8),
    /// Open the highlighted row.
    Open,
    /// Accept the highlighted search result.
    Accept,
    /// Back from the detail to the candidates.
    ToCandidates,
    /// Save the intake as a visit of the client.
    SaveVisit,
    /// Open the client's history.
    History,
    /// Show the highlighted visit beside today's map, or go back to the list.
    Compare,
    /// Compare the muscle shown with the one shown before it.
    ComparePrevious,
    /// Pictures as text, or as images again.
    Pictures,
    /// Draw mode: shade where it hurts.
    Draw,
    /// The map's layer: none, dermatomes, nerves, organs.
    Layer,
}

/// A key: its code and whether Ctrl or Shift is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl held.
    pub ctrl: bool,
    /// Shift held (for keys without a shifted character: arrows).
    pub shift: bool,
}

const fn k(code: KeyCode) -> Key {
    Key {
        code,
        ctrl: false,
        shift: false,
    }
}

const fn c(ch: char) -> Key {
    k(KeyCode::Char(ch))
}

const fn ctrl(ch: char) -> Key {
    Key {
        code: KeyCode::Char(ch),
        ctrl: true,
        shift: false,
    }
}

const fn shift(code: KeyCode) -> Key {
    Key {
        code,
        ctrl: false,
        shift: true,
    }
}

/// One binding: these keys, in this scope, do this.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    /// Where.
    pub scope: Scope,
    /// The keys (the first is the one the help names first).
    pub keys: &'static [Key],
    /// What they do.
    pub action: Action,
}

const fn b(scope: Scope, keys: &'static [Key], action: Action) -> Binding {
    Binding {
        scope,
        keys,
        action,
    }
}

use Action as A;
use KeyCode as C;
use Scope as S;

/// Every key binding of the explorer (typing in the search and export prompts aside).
pub const BINDINGS: &[Binding] = &[
    b(S::Panes, &[c('q')], A::Quit),
    b(S::Panes, &[c('?')], A::Help),
    b(S::Panes, &[c('/')], A::Search),
    b(S::Panes, &[c('m')], A::Browse),
    b(S::Panes, &[c('x')], A::Clear),
    b(S::Panes, &[k(C::Tab)], A::NextPane),
    b(S::Panes, &[k(C::BackTab)], A::PrevPane),
    b(S::Panes, &[k(C::Esc)], A::Back),
    b(S::Panes, &[c(']')], A::NextPoint),
    b(S::Panes, &[c('[')], A::PrevPoint),
    b(S::Panes, &[c('e')], A::Export),
    b(S::Panes, &[c('C')], A::Clients),
    b(S::Panes, &[c('N')], A::Note),
    b(S::Panes, &[c('a')], A::Age),
    b(S::Panes, &[c('f')], A::Screen),
    b(S::Panes, &[c('v')], A::NextMap),
    b(S::Panes, &[c('V')], A::PrevMap),
    b(S::Panes, &[c('p')], A::Quality),
    b(S::Panes, &[c('s')], A::SaveVisit),
    // `H` is the history (the name for it), so Shift-Left alone moves fast left.
    b(S::Panes, &[c('H')], A::History),
    b(S::Panes, &[c('c')], A::ComparePrevious),
    b(S::Panes, &[c('i')], A::Pictures),
    b(S::Panes, &[c('d')], A::Draw),
    b(S::Panes, &[c('o')], A::Layer),
    b(S::Map, &[k(C::Left), c('h')], A::Cursor(-1, 0)),
    b(S::Map, &[k(C::Right), c('l')], A::Cursor(1, 0)),
    b(S::Map, &[k(C::Up), c('k')], A::Cursor(0, -1)),
    b(S::Map, &[k(C::Down), c('j')], A::Cursor(0, 1)),
    b(S::Map, &[shift(C::Left)], A::Cursor(-4, 0)),
    b(S::Map, &[shift(C::Right), c('L')], A::Cursor(4, 0)),
    b(S::Map, &[shift(C::Up), c('K')], A::Cursor(0, -4)),
    b(S::Map, &[shift(C::Down), c('J')], A::Cursor(0, 4)),
    b(S::Map, &[c(' '), k(C::Enter)], A::Toggle),
    b(S::Candidates, &[k(C::Up), c('k')], A::Step(-1)),
    b(S::Candidates, &[k(C::Down), c('j')], A::Step(1)),
    b(S::Candidates, &[k(C::PageUp)], A::Page(-1)),
    b(S::Candidates, &[k(C::PageDown)], A::Page(1)),
    b(S::Candidates, &[k(C::Home), c('g')], A::End(-1)),
    b(S::Candidates, &[k(C::End), c('G')], A::End(1)),
    b(S::Candidates, &[k(C::Enter), k(C::Right), c('l')], A::Open),
    b(S::Detail, &[k(C::Up), c('k')], A::Step(-1)),
    b(S::Detail, &[k(C::Down), c('j')], A::Step(1)),
    b(S::Detail, &[k(C::PageUp)], A::Page(-1)),
    b(S::Detail, &[k(C::PageDown), c(' ')], A::Page(1)),
    b(S::Detail, &[k(C::Left), c('h')], A::ToCandidates),
    b(S::Search, &[k(C::Esc)], A::Back),
    b(S::Search, &[k(C::Enter)], A::Accept),
    b(S::Search, &[k(C::Up), ctrl('p')], A::Step(-1)),
    b(S::Search, &[k(C::Down), k(C::Tab), ctrl('n')], A::Step(1)),
    b(S::Browse, &[k(C::Esc), c('m')], A::Back),
    b(S::Browse, &[c('q')], A::Quit),
    b(S::Browse, &[k(C::Enter)], A::Open),
    b(S::Browse, &[k(C::Up), c('k')], A::Step(-1)),
    b(S::Browse, &[k(C::Down), c('j')], A::Step(1)),
    b(S::Browse, &[k(C::PageUp)], A::Page(-1)),
    b(S::Browse, &[k(C::PageDown)], A::Page(1)),
    b(S::History, &[k(C::Esc), c('H')], A::Back),
    b(S::History, &[c('q')], A::Quit),
    b(S::History, &[k(C::Enter), c('c')], A::Compare),
    b(S::History, &[k(C::Up), c('k')], A::Step(-1)),
    b(S::History, &[k(C::Down), c('j')], A::Step(1)),
    b(S::History, &[k(C::Home), c('g')], A::End(-1)),
    b(S::History, &[k(C::End), c('G')], A::End(1)),
    b(S::Compare, &[k(C::Esc), c('c')], A::Back),
    b(S::Compare, &[c('q')], A::Quit),
    b(S::Compare, &[k(C::Up), c('k')], A::Step(-1)),
    b(S::Compare, &[k(C::Down), c('j')], A::Step(1)),
    b(S::Compare, &[k(C::PageUp)], A::Page(-1)),
    b(S::Compare, &[k(C::PageDown), c(' ')], A::Page(1)),
];

/// The action a key means in a scope.
pub fn action(scope: Scope, key: KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let shift = key.modifiers.contains(KeyModifiers::SHIFT);
    BINDINGS
        .iter()
        .filter(|bd| bd.scope == scope)
        .find(|bd| {
            bd.keys.iter().any(|k| {
                k.code == key.code
                    && k.ctrl == ctrl
                    // A character key's shift is in the character ('H'); arrows carry it.
                    && (matches!(k.code, KeyCode::Char(_)) || k.shift == shift)
            })
        })
        .map(|bd| bd.action)
}

/// One row of the help: the actions it covers and what they do, in words. The keys shown
/// are those bound to the actions in those scopes; rows with no action are notes (keys
/// that are not in the table: clicks, the wheel, digits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HelpRow {
    /// Which bindings the row shows.
    pub shows: &'static [(Scope, Action)],
    /// Keys or gestures outside the table, shown before the bound keys.
    pub extra: &'static str,
    /// What they do.
    pub what: &'static str,
}

const fn row(shows: &'static [(Scope, Action)], what: &'static str) -> HelpRow {
    HelpRow {
        shows,
        extra: "",
        what,
    }
}

/// The help, in order (short enough for an 80x24 terminal).
pub const HELP: &[HelpRow] = &[
    row(
        &[
            (S::Map, A::Cursor(-1, 0)),
            (S::Map, A::Cursor(1, 0)),
            (S::Map, A::Cursor(0, -1)),
            (S::Map, A::Cursor(0, 1)),
        ],
        "move the map cursor (Shift or J K L: faster)",
    ),
    row(
        &[(S::Map, A::Toggle)],
        "map: select or unselect the region under the cursor",
    ),
    HelpRow {
        shows: &[],
        extra: "click · wheel",
        what: "select a region, open a candidate · scroll lists",
    },
    row(
        &[(S::Panes, A::Search)],
        "search regions, muscles, symptoms (\"left temple\")",
    ),
    HelpRow {
        shows: &[(S::Search, A::Accept)],
        extra: "in search:",
        what: "region: toggle · muscle: open · symptom: add",
    },
    HelpRow {
        shows: &[],
        extra: "Ctrl-U · Ctrl-W",
        what: "in a prompt: clear the line · delete a word",
    },
    row(
        &[(S::Panes, A::Back)],
        "close; back from a muscle opened by search",
    ),
    HelpRow {
        shows: &[(S::Panes, A::Clear), (S::Panes, A::Draw)],
        extra: "",
        what: "clear · draw (+ - brush, e erase, u undo, w save)",
    },
    HelpRow {
        shows: &[
            (S::Panes, A::Quality),
            (S::Panes, A::Age),
            (S::Panes, A::Screen),
            (S::Panes, A::Export),
        ],
        extra: "0-9",
        what: "intensity (10: 1 0) · quality · age · screen · export",
    },
    row(
        &[(S::Panes, A::NextPane), (S::Panes, A::PrevPane)],
        "next / previous pane: map, candidates, detail",
    ),
    row(
        &[(S::Candidates, A::Step(-1)), (S::Candidates, A::Step(1))],
        "candidates: choose · detail: scroll",
    ),
    row(
        &[
            (S::Candidates, A::Page(-1)),
            (S::Candidates, A::Page(1)),
            (S::Candidates, A::End(-1)),
            (S::Candidates, A::End(1)),
        ],
        "move faster in lists",
    ),
    row(
        &[(S::Candidates, A::Open), (S::Panes, A::ComparePrevious)],
        "open the detail · compare with the muscle before",
    ),
    row(
        &[(S::Panes, A::PrevPoint), (S::Panes, A::NextPoint)],
        "previous / next trigger point of the muscle shown",
    ),
    row(
        &[
            (S::Panes, A::NextMap),
            (S::Panes, A::PrevMap),
            (S::Panes, A::Pictures),
            (S::Panes, A::Layer),
        ],
        "map: next / previous picture · image or text · layer",
    ),
    row(
        &[
            (S::Panes, A::Browse),
            (S::Panes, A::SaveVisit),
            (S::Panes, A::History),
            (S::Panes, A::Clients),
            (S::Panes, A::Note),
        ],
        "muscles · save the visit · history · client · note",
    ),
    HelpRow {
        shows: &[(S::History, A::Compare)],
        extra: "in history:",
        what: "that visit's map beside today's, changes marked",
    },
    HelpRow {
        shows: &[(S::Panes, A::Help), (S::Panes, A::Quit)],
        extra: "Ctrl-C",
        what: "this help · quit",
    },
    HelpRow {
        shows: &[],
        extra: "R … L",
        what: "patient's sides: in Front their right is your left",
    },
    HelpRow {
        shows: &[],
        extra: "█ ▒ X ░",
        what: "essential zone · spillover · trigger point · selected",
    },
];

/// The help's rows as (keys, what they do), for the manual page.
pub fn table() -> Vec<(String, String)> {
    HELP.iter()
        .map(|r| (row_keys(r), r.what.to_string()))
        .collect()
}

/// A key as the help names it.
pub fn label(key: Key) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(ch) => ch.to_string(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        other => format!("{other:?}"),
    };
    match (key.ctrl, key.shift) {
        (true, _) => format!("Ctrl-{}", base.to_uppercase()),
        (false, true) => format!("Shift-{base}"),
        _ => base,
    }
}

/// The keys a help row shows, derived from the bindings: "← h → l ↑ k ↓ j".
pub fn row_keys(r: &HelpRow) -> String {
    let mut words: Vec<String> = Vec::new();
    if !r.extra.is_empty() {
        words.push(r.extra.to_string());
    }
    for (scope, action) in r.shows {
        for bd in BINDINGS
            .iter()
            .filter(|bd| bd.scope == *scope && bd.action == *action)
        {
            for key in bd.keys {
                let l = label(*key);
                if !words.contains(&l) {
                    words.push(l);
                }
            }
        }
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_shows_bound_keys_and_every_pane_key_is_in_the_help() {
        for r in HELP {
            for (scope, action) in r.shows {
                assert!(
                    BINDINGS
                        .iter()
                        .any(|bd| bd.scope == *scope && bd.action == *action),
                    "help row '{}' shows an unbound action {action:?}",
                    r.what
                );
            }
        }
        for bd in BINDINGS.iter().filter(|bd| bd.scope != S::Browse) {
            let documented = HELP.iter().any(|r| {
                r.shows.iter().any(|(_, a)| *a == bd.action)
                    || matches!(bd.action, A::Cursor(..) | A::Step(_) | A::Page(_))
                    || bd.action == A::ToCandidates
            });
            assert!(documented, "{bd:?} is not in the help");
        }
    }

    #[test]
    fn no_key_means_two_things_in_one_scope() {
        for (i, x) in BINDINGS.iter().enumerate() {
            for y in &BINDINGS[i + 1..] {
                if x.scope == y.scope {
                    for key in x.keys {
                        assert!(!y.keys.contains(key), "{key:?} twice in {:?}", x.scope);
                    }
                }
            }
        }
    }

    #[test]
    fn the_help_fits_an_80x24_terminal() {
        // The overlay pads the keys to the widest, inside a frame: each row must fit.
        let keys = HELP
            .iter()
            .map(|r| row_keys(r).chars().count())
            .max()
            .unwrap_or(0);
        for r in HELP {
            let width = 2 + 1 + keys + 2 + r.what.chars().count();
            assert!(width <= 80, "{} is {width} wide", r.what);
        }
        assert!(HELP.len() + 4 <= 24);
    }
}
