//! Signals at random moments: each of SIGTERM, SIGINT, SIGHUP and SIGQUIT sent to the
//! explorer 50 times (`PAINMAP_SIGNAL_RUNS` to change), at a random moment between its
//! start and 1.5 s later (while it starts, draws, or waits), each in a tmux pane with a
//! real shell. Every time the shell must get its terminal back: cooked mode, the cursor
//! shown, the main screen, no mouse reporting; and the status is 128 + the signal (or,
//! before painmap handles signals at all, the shell's report of the same signal).
//! Also Ctrl-Z and SIGTSTP: suspended with the terminal restored, and on `fg` the
//! explorer is back, drawn and answering keys.

use crate::util::Tmux;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

/// The pid of painmap under the pane's shell, waiting up to 5 s for it to appear.
fn painmap_pid(t: &Tmux) -> Option<String> {
    let shell = t.pane_flag("pane_pid");
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(5) {
        let out = Command::new("pgrep")
            .args(["-P", &shell, "-x", "painmap"])
            .output()
            .ok()?;
        let pid = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if !pid.is_empty() {
            return Some(pid);
        }
        sleep(Duration::from_millis(2));
    }
    None
}

/// A small random generator (xorshift), seeded from the clock; the seed is printed so a
/// failure can be replayed.
struct Rng(u64);

impl Rng {
    fn new() -> Rng {
        let seed = std::env::var("PAINMAP_SIGNAL_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(1, |d| d.as_nanos() as u64)
            })
            | 1;
        eprintln!("signal test seed: {seed}");
        Rng(seed)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn runs() -> usize {
    std::env::var("PAINMAP_SIGNAL_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(50)
}

/// Sends `signal` (`TERM`, `INT`...) `runs()` times at random moments; returns the
/// failures.
fn storm(signal: &'static str, number: u8) -> Vec<String> {
    let Some(t) = Tmux::shell(&format!("storm-{signal}"), 100, 30) else {
        return vec!["tmux is missing".into()];
    };
    let bin = env!("CARGO_BIN_EXE_painmap");
    let mut rng = Rng::new();
    let mut failures = Vec::new();
    for i in 0..runs() {
        t.text(&format!(
            "clear; LANG=C.UTF-8 {bin}; echo DONE{i}=$?; stty -a | grep -q ' icanon' && echo COOKED{i}"
        ));
        t.keys(&["Enter"]);
        let Some(pid) = painmap_pid(&t) else {
            failures.push(format!("{signal} run {i}: painmap did not start"));
            continue;
        };
        sleep(Duration::from_millis(rng.below(1500)));
        let _ = Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status();
        let s = t.wait_for(&format!("COOKED{i}"));
        let status = 128 + u32::from(number);
        let problems = [
            (!s.contains(&format!("DONE{i}={status}")), "status"),
            (!s.contains(&format!("COOKED{i}")), "raw mode left on"),
            (t.pane_flag("cursor_flag") != "1", "cursor hidden"),
            (t.pane_flag("alternate_on") != "0", "alternate screen"),
            (t.pane_flag("mouse_any_flag") != "0", "mouse reporting"),
        ];
        for (bad, what) in problems {
            if bad {
                failures.push(format!("{signal} run {i}: {what}: {s}"));
            }
        }
    }
    failures
}

#[test]
#[ignore = "needs tmux; 200 runs (about a minute): .ci/run runs it"]
fn every_ending_signal_restores_the_terminal_every_time() {
    let storms = [("TERM", 15), ("INT", 2), ("HUP", 1), ("QUIT", 3)];
    let failures: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = storms
            .iter()
            .map(|&(s, n)| scope.spawn(move || storm(s, n)))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Stops the explorer (Ctrl-Z or SIGTSTP), checks the shell has its terminal, brings it
/// back with `fg`, and checks it draws and answers.
fn suspend_and_resume(t: &Tmux, stop: &dyn Fn()) {
    stop();
    let s = t.wait_for("Stopped");
    assert!(s.contains("Stopped"), "{s}");
    assert_eq!(
        t.pane_flag("alternate_on"),
        "0",
        "main screen while stopped"
    );
    assert_eq!(
        t.pane_flag("cursor_flag"),
        "1",
        "cursor shown while stopped"
    );
    assert_eq!(
        t.pane_flag("mouse_any_flag"),
        "0",
        "no mouse reporting while stopped"
    );
    t.text("clear; fg");
    t.keys(&["Enter"]);
    let s = t.wait_for("Body map");
    assert!(s.contains("Body map"), "drawn again after fg: {s}");
    assert_eq!(t.pane_flag("alternate_on"), "1");
    assert_eq!(t.pane_flag("mouse_any_flag"), "1");
    // Raw mode again: one key, no Enter, opens the search.
    t.keys(&["/"]);
    let s = t.wait_for("Search");
    assert!(s.contains("Search"), "keys arrive at once after fg: {s}");
    t.keys(&["Escape"]);
}

#[test]
#[ignore = "needs tmux and bash: .ci/run runs it"]
fn ctrl_z_and_sigtstp_suspend_and_fg_resumes() {
    let Some(t) = Tmux::shell("suspend", 100, 30) else {
        return;
    };
    let bin = env!("CARGO_BIN_EXE_painmap");
    t.text(&format!(
        "LANG=C.UTF-8 {bin}; echo EXIT=$?; stty -a | grep -q ' icanon' && echo COOKED"
    ));
    t.keys(&["Enter"]);
    t.wait_for("Body map");
    suspend_and_resume(&t, &|| t.keys(&["C-z"]));
    let pid = painmap_pid(&t).expect("painmap runs");
    suspend_and_resume(&t, &|| {
        Command::new("kill").args(["-TSTP", &pid]).status().unwrap();
    });
    t.keys(&["q"]);
    // A list stopped and resumed is not carried on by bash: ask again.
    sleep(Duration::from_millis(300));
    t.text("clear; echo EXIT=$?; stty -a | grep -q ' icanon' && echo COOKED");
    t.keys(&["Enter"]);
    let s = t.wait_for("COOKED");
    assert!(s.contains("EXIT=0") && s.contains("COOKED"), "{s}");
    assert_eq!(t.pane_flag("alternate_on"), "0");
    assert_eq!(t.pane_flag("cursor_flag"), "1");
}
