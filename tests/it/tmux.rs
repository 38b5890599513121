//! Real-terminal tests: the explorer in tmux on a private socket. Each skips (and says
//! why) when tmux is not installed.

use crate::util::{Tmux, scratch};
use std::process::Command;
use std::thread::sleep;
use std::time::Duration;

#[test]
#[ignore = "needs tmux"]
fn start_search_select_quit() {
    let t = Tmux::start("select", 100, 30, "");
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
    // The intake is unsaved: q asks, a second q quits.
    t.keys(&["q"]);
    t.wait_for("q again quits");
    t.keys(&["q"]);
    let s = t.wait_for("EXIT=");
    assert!(s.contains("EXIT=0"), "{s}");
}

#[test]
#[ignore = "needs tmux"]
fn quit_restores_the_terminal() {
    let t = Tmux::start("restore", 90, 26, "");
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
#[ignore = "needs tmux"]
fn survives_a_resize_storm() {
    let t = Tmux::start("resize", 100, 30, "");
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
#[ignore = "needs tmux"]
fn sigterm_restores_the_terminal() {
    let t = Tmux::start("sigterm", 90, 26, "");
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
#[ignore = "needs tmux"]
fn export_writes_a_note_in_the_working_directory() {
    let tmp = scratch("tmux-export");
    let dir = tmp.path();
    // Start painmap inside the directory: the note lands where the therapist works.
    let t = Tmux::start_in("export", 100, 30, "", dir);
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
    let notes: Vec<_> = std::fs::read_dir(dir)
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
    // Health data: owner-only whatever the umask (the tmux server has the suite's).
    let mode = std::os::unix::fs::PermissionsExt::mode(
        &std::fs::metadata(dir.join(&notes[0]))
            .unwrap()
            .permissions(),
    );
    assert_eq!(mode & 0o777, 0o600, "{notes:?}");
    assert!(note.contains("| Temple | left | 7 | - |"), "{note}");
}

#[test]
#[ignore = "needs tmux"]
fn closing_the_terminal_ends_painmap() {
    let t = Tmux::start("hangup", 90, 26, "");
    t.wait_for("Body map");
    let shell = t.pane_flag("pane_pid");
    let out = Command::new("pgrep")
        .args(["-P", &shell, "-x", "painmap"])
        .output()
        .unwrap();
    let pid = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(!pid.is_empty(), "painmap runs under the pane's shell");
    // Closing tmux hangs up the terminal: painmap must end, not spin on a dead tty.
    t.cmd(&["kill-server"])
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    loop {
        match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
            Err(_) => break,
            Ok(stat) if stat.split_whitespace().nth(2) == Some("Z") => break,
            Ok(_) => {}
        }
        assert!(
            std::time::Instant::now() < deadline,
            "painmap {pid} still running 5 s after its terminal closed"
        );
        sleep(Duration::from_millis(100));
    }
}

#[test]
#[ignore = "needs tmux"]
fn c_compares_two_candidates_at_80x24() {
    let t = Tmux::start("compare", 80, 24, "");
    t.wait_for("Body map");
    t.keys(&["/"]);
    t.text("right outer shoulder");
    t.keys(&["Enter"]);
    t.wait_for("Candidates (");
    // Supraspinatus is first, the deltoid second: highlight the deltoid, compare.
    t.keys(&["Tab", "Down", "c"]);
    let s = t.wait_for("Only 2, Supraspinatus:");
    for words in [
        "Compare: 1 Deltoid",
        "Only 1, Deltoid:",
        "essential: outer elbow",
        "Both:",
        "1 essential",
        "X1 X2",
    ] {
        assert!(s.contains(words), "{words}\n{s}");
    }
    t.keys(&["Escape"]);
    let s = t.wait_for("Body map");
    assert!(s.contains("Candidates ("), "{s}");
    t.keys(&["q", "q"]);
    assert!(t.wait_for("EXIT=").contains("EXIT=0"));
}
