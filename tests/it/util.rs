//! Running the real binary with a clean environment.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// The painmap binary under test.
pub fn painmap() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_painmap"));
    // A UTF-8 locale and a plain terminal identity, so the glyphs `auto` picks do not
    // depend on where the tests run (quadrants).
    cmd.env("NO_COLOR", "1")
        .env_remove("PAINMAP_ATLAS")
        .env("LANG", "C.UTF-8")
        .env("TERM", "xterm-256color")
        // User atlases are cached: keep the tests' entries out of the real cache.
        .env(
            "XDG_CACHE_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/painmap-test-cache"),
        )
        // Nor may the user's config file change what the tests see.
        .env(
            "XDG_CONFIG_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/painmap-test-config"),
        )
        .stdin(Stdio::null());
    for var in [
        "LC_ALL",
        "LC_CTYPE",
        "TERM_PROGRAM",
        "KITTY_WINDOW_ID",
        "WEZTERM_EXECUTABLE",
        "ALACRITTY_WINDOW_ID",
        "KONSOLE_VERSION",
        "TMUX",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

/// A fixture path.
/// A fresh folder for one test, named for it and removed when dropped.
pub fn scratch(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("painmap-{name}-"))
        .tempdir()
        .unwrap()
}

/// A data folder (`XDG_DATA_HOME`) for a study session, removed when dropped.
pub struct DataDir(tempfile::TempDir);

impl DataDir {
    pub fn new(name: &str) -> DataDir {
        DataDir(scratch(name))
    }

    pub fn path(&self) -> &std::path::Path {
        self.0.path()
    }

    /// Where the study progress is kept under this data folder.
    pub fn progress(&self) -> PathBuf {
        self.0.path().join("painmap/progress.json")
    }
}

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Runs painmap with these arguments.
pub fn run(args: &[&str]) -> Output {
    painmap().args(args).output().expect("painmap runs")
}

/// Runs painmap on the mini fixture atlas.
pub fn run_mini(args: &[&str]) -> Output {
    let atlas = fixture("mini.ron");
    let mut all = vec!["--atlas", atlas.to_str().unwrap()];
    all.extend_from_slice(args);
    run(&all)
}

/// The exit code.
pub fn code(out: &Output) -> i32 {
    out.status.code().expect("exited normally")
}

/// Stdout as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("utf-8 stdout")
}

/// Stderr as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("utf-8 stderr")
}

/// Stdout decoded as JSON.
pub fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("valid JSON on stdout")
}

/// A tmux server of our own, killed on drop.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Runs `painmap ARGS` in a new tmux server of its own, in the temp directory.
    pub fn start(name: &str, w: u16, h: u16, args: &str) -> Tmux {
        Tmux::start_in(name, w, h, args, &std::env::temp_dir())
    }

    /// Runs `painmap ARGS` in `dir` (tmux must be installed: these tests are ignored by
    /// default and run by `.ci/run`). ARGS
    /// may start with `VAR=value` assignments, which go before the binary.
    pub fn start_in(name: &str, w: u16, h: u16, args: &str, dir: &std::path::Path) -> Tmux {
        Tmux::start_after(name, w, h, "", args, dir)
    }

    /// [`Tmux::start_in`] with shell commands run first (`umask 022;`).
    pub fn start_after(
        name: &str,
        w: u16,
        h: u16,
        before: &str,
        args: &str,
        dir: &std::path::Path,
    ) -> Tmux {
        // These tests are `#[ignore = "needs tmux"]`: run on purpose, they fail without
        // it rather than pass without having run.
        assert!(
            Command::new("tmux").arg("-V").output().is_ok(),
            "{name}: tmux is not installed (apt-get install tmux)"
        );
        let socket = format!("painmap-test-{name}-{}", std::process::id());
        let bin = env!("CARGO_BIN_EXE_painmap");
        // The shell reports the exit status and whether the terminal came back.
        let (env, args) = split_env(args);
        let script = format!(
            "{before}{env}{bin} {args}; echo EXIT=$?; stty -a | grep -q ' icanon' && echo COOKED; sleep 60"
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
        t
    }

    /// An interactive shell (bash, no rc files) in a new tmux server of its own, for
    /// tests that run painmap many times; `None` when tmux or bash is missing.
    pub fn shell(name: &str, w: u16, h: u16) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err()
            || Command::new("bash").arg("--version").output().is_err()
        {
            eprintln!("skipping {name}: tmux or bash is not installed");
            return None;
        }
        let t = Tmux {
            socket: format!("painmap-test-{name}-{}", std::process::id()),
        };
        let ok = t
            .cmd(&[
                "new-session",
                "-d",
                "-s",
                "t",
                "-x",
                &w.to_string(),
                "-y",
                &h.to_string(),
            ])
            .arg("PS1='$ ' exec bash --norc --noprofile")
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR")
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "tmux starts");
        Some(t)
    }

    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new("tmux");
        c.args(["-L", &self.socket, "-f", "/dev/null"]).args(args);
        c
    }

    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.cmd(&["send-keys", "-t", "t", k]).status().unwrap();
            sleep(Duration::from_millis(40));
        }
    }

    pub fn text(&self, s: &str) {
        self.cmd(&["send-keys", "-t", "t", "-l", s])
            .status()
            .unwrap();
        sleep(Duration::from_millis(60));
    }

    pub fn screen(&self) -> String {
        let out = self
            .cmd(&["capture-pane", "-p", "-t", "t"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn pane_flag(&self, flag: &str) -> String {
        self.pane_flag_of("t", flag)
    }

    /// A format variable of the pane `target` (`t:1`: the session's second window).
    pub fn pane_flag_of(&self, target: &str, flag: &str) -> String {
        let out = self
            .cmd(&[
                "display-message",
                "-p",
                "-t",
                target,
                &format!("#{{{flag}}}"),
            ])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Waits up to 10 s for the screen to contain `what`.
    pub fn wait_for(&self, what: &str) -> String {
        self.wait_for_any(&[what])
    }

    /// Waits up to 10 s for the screen to contain any of `what`.
    pub fn wait_for_any(&self, what: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if what.iter().any(|w| s.contains(w)) || start.elapsed() > Duration::from_secs(10) {
                return s;
            }
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        // Quietly: a test may have ended the server already ("no server running").
        let _ = self
            .cmd(&["kill-server"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

/// Splits leading `VAR=value` words off a command line.
fn split_env(args: &str) -> (String, &str) {
    let mut env = String::new();
    let mut rest = args.trim_start();
    while let Some((word, tail)) = rest.split_once(' ') {
        if !word.contains('=') || word.starts_with('-') {
            break;
        }
        env.push_str(word);
        env.push(' ');
        rest = tail.trim_start();
    }
    (env, rest)
}
