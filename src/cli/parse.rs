//! `painmap parse TEXT... [--json]`: what free text says, resolved with the lexicon.

use super::args::ParseArgs;
use super::{out, status};
use crate::atlas::{Atlas, Side};
use crate::parse::Lexicon;
use serde::Serialize;
use std::fmt::Write as _;

/// The JSON contract.
#[derive(Serialize)]
struct Json<'a> {
    regions: Vec<JsonRegion<'a>>,
    qualities: Vec<&'static str>,
    symptoms: &'a [String],
    unmatched: &'a [String],
}

#[derive(Serialize)]
struct JsonRegion<'a> {
    region: &'a str,
    side: Option<Side>,
}

/// Reads the text (the arguments joined by spaces) and prints the reading. Exit 0 when
/// something was understood, 1 when nothing.
pub fn run(atlas: &Atlas, args: &ParseArgs) -> anyhow::Result<u8> {
    let text = args.text.join(" ");
    let reading = Lexicon::for_atlas(atlas)?.read(&text);
    let printed = if args.json {
        out::json(&Json {
            regions: reading
                .regions
                .iter()
                .map(|r| JsonRegion {
                    region: &r.region,
                    side: r.side,
                })
                .collect(),
            qualities: reading.qualities.iter().map(|q| q.as_str()).collect(),
            symptoms: &reading.symptoms,
            unmatched: &reading.unmatched,
        })?
    } else {
        let mut s = String::new();
        let none = |v: String| if v.is_empty() { "-".to_string() } else { v };
        let _ = writeln!(s, "regions:    {}", none(reading.region_words(atlas)));
        let qualities: Vec<&str> = reading.qualities.iter().map(|q| q.as_str()).collect();
        let _ = writeln!(s, "qualities:  {}", none(qualities.join(", ")));
        let _ = writeln!(s, "symptoms:   {}", none(reading.symptoms.join(", ")));
        if !reading.negated.is_empty() {
            let words: Vec<String> = reading
                .negated
                .iter()
                .map(|w| {
                    atlas
                        .region(w)
                        .map_or_else(|| w.clone(), |r| r.name.to_lowercase())
                })
                .collect();
            let _ = writeln!(s, "excluded:   {}", words.join(", "));
        }
        for c in &reading.corrections {
            let _ = writeln!(s, "read:       '{}' as '{}'", c.typed, c.read);
        }
        let unmatched: Vec<String> = reading.unmatched.iter().map(|u| format!("'{u}'")).collect();
        let _ = writeln!(s, "unmatched:  {}", none(unmatched.join(", ")));
        s
    };
    out::print(&printed)?;
    Ok(status(reading.understood()))
}
