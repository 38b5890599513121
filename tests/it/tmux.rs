//! Real-terminal tests: the explorer in tmux on a private socket. Each skips (and says
//! why) when tmux is not installed.

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

/// A tmux server of our own, killed on drop.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(name: &str, w: u16, h: u16, args: &str) -> Option<Tmux> {
        Tmux::start_in(name, w, h, args, &std::env::temp_dir())
    }

    fn start_in(name: &str, w: u16, h: u16, args: &str, dir: &std::path::Path) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("skipping {name}: tmux is not installed (apt-get install tmux)");
            return None;
        }
        let socket = format!("painmap-test-{name}-{}", std::process::id());
        let bin = env!("CARGO_BIN_EXE_painmap");
        // The shell reports the exit status and whether the terminal came back.
        let script = format!(
            "{bin} {args}; echo EXIT=$?; stty -a | grep -q ' icanon' && echo COOKED; sleep 60"
        );
        let t = Tmux { socket };
        let ok = t
            .cmd(&[
                "new-session",
                "-d",
                "-s",
                "t",
                "-c",
                &dir.display().to_string(),
                "-x",
                &w.to_string(),
                "-y",
                &h.to_string(),
            ])
            .arg(&script)
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR")
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "tmux starts");
        Some(t)
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new("tmux");
        c.args(["-L", &self.socket, "-f", "/dev/null"]).args(args);
        c
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.cmd(&["send-keys", "-t", "t", k]).status().unwrap();
            sleep(Duration::from_millis(40));
        }
    }

    fn text(&self, s: &str) {
        self.cmd(&["send-keys", "-t", "t", "-l", s])
            .status()
            .unwrap();
        sleep(Duration::from_millis(60));
    }

    fn screen(&self) -> String {
        let out = self
            .cmd(&["capture-pane", "-p", "-t", "t"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn pane_flag(&self, flag: &str) -> String {
        let out = self
            .cmd(&["display-message", "-p", "-t", "t", &format!("#{{{flag}}}")])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Waits up to 10 s for the screen to contain `what`.
    fn wait_for(&self, what: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(what) || start.elapsed() > Duration::from_secs(10) {
                return s;
            }
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]).status();
    }
}

#[test]
fn start_search_select_quit() {
    let Some(t) = Tmux::start("select", 100, 30, "") else {
        return;
    };
    let s = t.wait_for("Body map");
    assert!(s.contains("Front") && s.contains("Back"), "{s}");
    assert_eq!(t.pane_flag("alternate_on"), "1");
    assert_eq!(t.pane_flag("mouse_any_flag"), "1", "mouse capture is on");
    t.keys(&["/"]);
    t.text("left temple");
    t.keys(&["Enter"]);
    let s = t.wait_for("Candidates (");
    assert!(s.contains("Upper trapezius"), "{s}");
    assert!(s.contains("left temple selected"), "{s}");
    t.keys(&["q"]);
    let s = t.wait_for("EXIT=");
    assert!(s.contains("EXIT=0"), "{s}");
}

#[test]
fn quit_restores_the_terminal() {
    let Some(t) = Tmux::start("restore", 90, 26, "") else {
        return;
    };
    t.wait_for("Body map");
    t.keys(&["?"]);
    t.wait_for("Help");
    t.keys(&["C-c"]);
    let s = t.wait_for("COOKED");
    assert!(
        s.contains("EXIT=0") && s.contains("COOKED"),
        "raw mode is off: {s}"
    );
    assert!(!s.contains("Body map"), "the alternate screen is gone: {s}");
    assert_eq!(t.pane_flag("alternate_on"), "0");
    assert_eq!(t.pane_flag("mouse_any_flag"), "0", "mouse capture is off");
    assert_eq!(t.pane_flag("cursor_flag"), "1", "the cursor is shown");
}

#[test]
fn survives_a_resize_storm() {
    let Some(t) = Tmux::start("resize", 100, 30, "") else {
        return;
    };
    t.wait_for("Body map");
    for (w, h) in [
        (30, 8),
        (200, 60),
        (61, 18),
        (10, 3),
        (120, 40),
        (80, 24),
        (59, 17),
        (100, 30),
    ] {
        t.cmd(&[
            "resize-window",
            "-t",
            "t",
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
        ])
        .status()
        .unwrap();
        sleep(Duration::from_millis(30));
    }
    t.cmd(&["resize-window", "-t", "t", "-x", "100", "-y", "30"])
        .status()
        .unwrap();
    let s = t.wait_for("Body map");
    assert!(s.contains("Body map"), "still drawing: {s}");
    t.keys(&["q"]);
    assert!(t.wait_for("EXIT=").contains("EXIT=0"));
}

#[test]
fn sigterm_restores_the_terminal() {
    let Some(t) = Tmux::start("sigterm", 90, 26, "") else {
        return;
    };
    t.wait_for("Body map");
    let pid = t.pane_flag("pane_pid");
    // The pane runs a shell; painmap is its child.
    let out = Command::new("pkill")
        .args(["-TERM", "-P", &pid, "-x", "painmap"])
        .status();
    assert!(
        out.is_ok_and(|s| s.success()),
        "painmap found and signalled"
    );
    let s = t.wait_for("COOKED");
    assert!(s.contains("EXIT=143") && s.contains("COOKED"), "{s}");
    assert_eq!(t.pane_flag("alternate_on"), "0");
    assert_eq!(t.pane_flag("mouse_any_flag"), "0");
}

#[test]
fn export_writes_a_note_in_the_working_directory() {
    let dir = std::env::temp_dir().join(format!("painmap-tmux-export-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // Start painmap inside the directory: the note lands where the therapist works.
    let Some(t) = Tmux::start_in("export", 100, 30, "", &dir) else {
        return;
    };
    t.wait_for("Body map");
    t.keys(&["/"]);
    t.text("left temple");
    t.keys(&["Enter", "7", "e"]);
    t.wait_for("Export");
    t.keys(&["Enter"]);
    let s = t.wait_for("wrote ");
    assert!(s.contains("wrote /"), "{s}");
    t.keys(&["q"]);
    t.wait_for("EXIT=");
    let notes: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].starts_with("painmap-")
            && std::path::Path::new(&notes[0])
                .extension()
                .is_some_and(|x| x == "md"),
        "{notes:?}"
    );
    let note = std::fs::read_to_string(dir.join(&notes[0])).unwrap();
    assert!(note.contains("| Temple | left | 7 | - |"), "{note}");
    std::fs::remove_dir_all(&dir).unwrap();
}
