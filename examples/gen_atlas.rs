//! Writes a synthetic atlas `--scale` times the shipped one, for benchmarks and for
//! trying painmap on a large atlas:
//!
//! ```text
//! cargo run --release --example gen_atlas -- --scale 100 --out /tmp/atlas-100x.ron
//! ```
//!
//! Without `--out` the atlas goes to stdout.
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_atlas: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let mut scale = 100;
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--scale" => scale = args.next().ok_or("--scale needs a number")?.parse()?,
            "--out" => out = Some(args.next().ok_or("--out needs a path")?),
            "-h" | "--help" => {
                println!("usage: gen_atlas [--scale N] [--out PATH]");
                return Ok(());
            }
            other => return Err(format!("unknown argument '{other}'").into()),
        }
    }
    let text = painmap::atlas::synth::synthetic_text(scale)?;
    match out {
        Some(path) => std::fs::write(&path, text)?,
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(())
}
