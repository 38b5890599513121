//! Running the real binary with a clean environment.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The painmap binary under test.
pub fn painmap() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_painmap"));
    cmd.env("NO_COLOR", "1")
        .env_remove("PAINMAP_ATLAS")
        .stdin(Stdio::null());
    cmd
}

/// A fixture path.
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
