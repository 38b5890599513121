//! Writes a synthetic atlas `--scale` times the shipped one, for benchmarks and for
//! trying painmap on a large atlas:
//!
//! ```text
//! cargo run --release --example gen_atlas -- --scale 100 --out /tmp/atlas-100x.ron
//! ```
//!
//! Without `--out` the atlas goes to stdout. `--strings PATH` also writes, one a line,
//! the strings `painmap search` looks through in that atlas (muscle names and aliases,
//! region names, ids and aliases, symptoms): what `benches/compare.sh` hands to
//! `fzf --filter` for a like-for-like comparison.
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
    let mut strings = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--scale" => scale = args.next().ok_or("--scale needs a number")?.parse()?,
            "--out" => out = Some(args.next().ok_or("--out needs a path")?),
            "--strings" => strings = Some(args.next().ok_or("--strings needs a path")?),
            "-h" | "--help" => {
                println!("usage: gen_atlas [--scale N] [--out PATH] [--strings PATH]");
                return Ok(());
            }
            other => return Err(format!("unknown argument '{other}'").into()),
        }
    }
    let text = painmap::atlas::synth::synthetic_text(scale)?;
    if let Some(path) = strings {
        let atlas = painmap::atlas::Atlas::from_text(&text, "synthetic.ron")?;
        std::fs::write(&path, searched_strings(&atlas))?;
    }
    match out {
        Some(path) => std::fs::write(&path, text)?,
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(())
}

/// The strings search matches, one a line: each muscle's name and aliases, each region's
/// name, id and aliases, and each distinct symptom.
fn searched_strings(atlas: &painmap::atlas::Atlas) -> String {
    let mut lines: Vec<&str> = Vec::new();
    for m in atlas.muscles() {
        lines.push(&m.name);
        lines.extend(m.aliases.iter().map(String::as_str));
    }
    for r in atlas.regions() {
        lines.extend([r.name.as_str(), r.id.as_str()]);
        lines.extend(r.aliases.iter().map(String::as_str));
    }
    let symptoms: std::collections::BTreeSet<&str> = atlas
        .trigger_points()
        .flat_map(|(_, tp)| tp.symptoms.iter().map(String::as_str))
        .collect();
    lines.extend(symptoms);
    let mut out = lines.join("\n");
    out.push('\n');
    out
}
