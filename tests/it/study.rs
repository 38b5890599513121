//! `painmap study`: argument errors and the no-terminal refusal as plain runs, and real
//! sessions in tmux on a private socket with `XDG_DATA_HOME` in a temporary directory
//! (skipped, saying why, when tmux is missing).

use crate::util::{Tmux, code, run, stderr};
use painmap::atlas::{Atlas, MuscleGroup};
use painmap::study::{CardKind, Deck};
use std::path::{Path, PathBuf};
use std::thread::sleep;
use std::time::Duration;

#[test]
fn an_unknown_group_lists_the_groups() {
    let out = run(&["study", "--group", "toes"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("toes"), "{err}");
    assert!(err.contains("head, neck, shoulder"), "{err}");
    assert!(err.contains("pelvic-floor"), "{err}");
}

#[test]
fn study_refuses_without_a_terminal() {
    let out = run(&["study", "--seed", "1"]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(err.contains("needs a terminal"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

/// `painmap study ARGS` in tmux with its data directory in `data`.
fn session(name: &str, w: u16, h: u16, data: &Path, args: &str) -> Option<Tmux> {
    let name = format!("study-{name}");
    Tmux::start(
        &name,
        w,
        h,
        &format!("XDG_DATA_HOME={} study {args}", data.display()),
    )
}

/// A fresh data directory, removed on drop.
struct DataDir(PathBuf);

impl DataDir {
    fn new(name: &str) -> DataDir {
        let p =
            std::env::temp_dir().join(format!("painmap-it-study-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        DataDir(p)
    }

    fn progress(&self) -> PathBuf {
        self.0.join("painmap/progress.json")
    }
}

impl Drop for DataDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn a_card_is_answered_and_progress_persists_across_runs() {
    let data = DataDir::new("persist");
    let Some(t) = session("persist", 80, 24, &data.0, "--seed 1") else {
        return;
    };
    // The footer is drawn last.
    let s = t.wait_for_any(&["1-4 choose"]);
    assert!(s.contains("Name the muscle"), "{s}");
    assert!(s.contains("card 1 of 376"), "{s}");
    // An X on the diagram (the left part of the screen), not just in the text.
    assert!(
        s.lines()
            .skip(1)
            .any(|l| l.chars().take(40).any(|c| c == 'X')),
        "{s}"
    );
    assert!(s.contains(" 1  ") && s.contains(" 4  "), "{s}");
    t.keys(&["1"]);
    t.wait_for_any(&["Any key"]);
    let s = t.screen();
    assert!(s.contains("Correct") || s.contains("Not quite"), "{s}");
    t.keys(&["q"]);
    let s = t.wait_for_any(&["EXIT="]);
    assert!(s.contains("EXIT=0"), "{s}");
    assert!(s.contains("Studied 1 card"), "{s}");
    let text = std::fs::read_to_string(data.progress()).expect("progress.json written");
    assert!(
        text.contains("\"version\": 1") && text.contains("name:"),
        "{text}"
    );
    drop(t);

    // A second run sees the answer.
    let Some(t) = session("persist2", 80, 24, &data.0, "--seed 1") else {
        return;
    };
    t.wait_for_any(&["q quit"]);
    t.keys(&["Tab"]);
    t.wait_for_any(&["Study summary"]);
    sleep(Duration::from_millis(200));
    let s = t.screen();
    assert!(s.contains("1 answered so far"), "{s}");
    assert!(s.contains("375 never seen"), "{s}");
    t.keys(&["q"]);
    assert!(t.wait_for_any(&["EXIT="]).contains("EXIT=0"));
}

#[test]
fn a_damaged_progress_file_is_named_and_kept() {
    let data = DataDir::new("corrupt");
    std::fs::create_dir_all(data.progress().parent().unwrap()).unwrap();
    std::fs::write(data.progress(), "{\"version\": 1, \"cards\": [").unwrap();
    let Some(t) = session("corrupt", 100, 24, &data.0, "") else {
        return;
    };
    let s = t.wait_for_any(&["EXIT="]);
    assert!(s.contains("EXIT=2"), "{s}");
    assert!(s.contains("progress.json is damaged"), "{s}");
    assert_eq!(
        std::fs::read_to_string(data.progress()).unwrap(),
        "{\"version\": 1, \"cards\": ["
    );
}

#[test]
fn a_draw_card_at_120x40_takes_marks_and_scores_them() {
    let data = DataDir::new("draw");
    let Some(t) = session("draw", 120, 40, &data.0, "--seed 1 --group leg") else {
        return;
    };
    t.wait_for_any(&["1-4 choose"]);
    // Answer name cards (rightly: a draw card comes a few cards after its name card, and
    // missed cards come back first) until a draw card comes.
    let atlas = Atlas::shipped().unwrap();
    let deck = Deck::build(&atlas, Some(MuscleGroup::Leg), 1);
    for _ in 0..40 {
        let s = t.screen();
        if s.contains("Draw the pattern") {
            break;
        }
        let key = right_choice(&s, &deck, &atlas)
            .map_or(1, |i| i + 1)
            .to_string();
        t.keys(&[key.as_str()]);
        t.wait_for_any(&["Any key"]);
        t.keys(&["n"]);
        sleep(Duration::from_millis(100));
    }
    t.wait_for_any(&["Space/click"]);
    let s = t.screen();
    assert!(s.contains("Mark the essential zone"), "{s}");
    // `v` brings a close-up beside the body, whatever the answer.
    let before = s;
    t.keys(&["v"]);
    sleep(Duration::from_millis(200));
    assert_ne!(t.screen(), before, "v changes the close-up");
    t.keys(&["Down"]);
    t.keys(&["Space"]);
    t.keys(&["Enter"]);
    t.wait_for_any(&["Any key"]);
    let s = t.screen();
    assert!(s.contains("Overlap") && s.contains("Essential zone"), "{s}");
    t.keys(&["q"]);
    assert!(t.wait_for_any(&["EXIT="]).contains("EXIT=0"));
}

/// The index of the right answer of the name card on `screen`: the answer of the deck's
/// name card offering the four muscles listed there.
fn right_choice(screen: &str, deck: &Deck, atlas: &Atlas) -> Option<usize> {
    let listed: Vec<String> = (1..=4)
        .filter_map(|i| {
            let mark = format!(" {i}  ");
            let line = screen.lines().find(|l| l.contains(&mark))?;
            let name = line.rsplit(&mark).next()?.trim();
            let m = atlas.muscles().iter().find(|m| m.name == name)?;
            Some(m.id.clone())
        })
        .collect();
    let mut sorted = listed.clone();
    sorted.sort();
    let card = deck.cards.iter().find(|c| {
        let mut offered = c.choices.clone();
        offered.sort();
        c.kind == CardKind::Name && offered == sorted
    })?;
    listed.iter().position(|m| *m == card.muscle)
}
