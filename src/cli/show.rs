//! `painmap show MUSCLE [--tp ID] [--ascii] [--width N] [--json]`: one muscle in full,
//! with the referral diagram of each trigger point.

use super::args::ShowArgs;
use super::{out, status};
use crate::atlas::{Atlas, Muscle, Side, TriggerPoint};
use crate::body::BodyModel;
use crate::body::diagram::render_lines;
use crate::body::glyphs::GlyphSet;
use crate::body::overlay::Overlay;
use crate::report::place;
use std::fmt::Write as _;

/// How the diagrams are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiagramStyle {
    /// Columns to fit within.
    pub width: u16,
    /// ASCII or Unicode.
    pub glyphs: GlyphSet,
    /// ANSI colour.
    pub color: bool,
}

/// The side the diagrams show: the patient's right, as the classic charts do.
const DRAWN_SIDE: Side = Side::Right;

/// Prints the muscle's notes and each trigger point's pattern and diagram (or JSON).
pub fn run(atlas: &Atlas, args: &ShowArgs, color: bool) -> anyhow::Result<u8> {
    let muscle = atlas.resolve_muscle(&args.muscle)?;
    let points = selected_points(muscle, args.tp.as_deref())?;
    let text = if args.json {
        let mut m = muscle.clone();
        m.trigger_points = points.into_iter().cloned().collect();
        out::json(&m)?
    } else {
        let style = DiagramStyle {
            width: args.width.unwrap_or_else(terminal_width),
            glyphs: if args.ascii {
                GlyphSet::Ascii
            } else {
                GlyphSet::Unicode
            },
            color: color && !args.ascii,
        };
        let text = details(atlas, muscle, &points, Some(style));
        if args.ascii { ascii_only(&text) } else { text }
    };
    out::print(&text)?;
    Ok(status(true))
}

/// The terminal's width when stdout is a terminal, else 80.
fn terminal_width() -> u16 {
    use std::io::IsTerminal as _;
    if std::io::stdout().is_terminal()
        && let Ok((cols, _)) = ratatui::crossterm::terminal::size()
        && cols > 0
    {
        return cols;
    }
    80
}

/// Printable ASCII only (a safety net for atlases with other characters).
fn ascii_only(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | ' '..='~' => c,
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            _ => '?',
        })
        .collect()
}

/// The diagram of one trigger point, as lines.
pub fn diagram(tp: &TriggerPoint, style: DiagramStyle) -> Vec<String> {
    let model = BodyModel::shipped();
    let overlay = Overlay::of_point(model, tp, DRAWN_SIDE);
    render_lines(model, &overlay, style.width, style.glyphs, style.color)
}

/// The muscle's trigger points, or just the one `--tp` names.
pub fn selected_points<'a>(
    muscle: &'a Muscle,
    tp: Option<&str>,
) -> anyhow::Result<Vec<&'a TriggerPoint>> {
    match tp {
        None => Ok(muscle.trigger_points.iter().collect()),
        Some(id) => {
            if let Some(t) = muscle.trigger_points.iter().find(|t| t.id == id.trim()) {
                return Ok(vec![t]);
            }
            let ids: Vec<&str> = muscle
                .trigger_points
                .iter()
                .map(|t| t.id.as_str())
                .collect();
            anyhow::bail!(
                "muscle '{}' has no trigger point '{id}' (it has: {})",
                muscle.id,
                ids.join(", ")
            )
        }
    }
}

/// The muscle header and notes, then each trigger point (with its diagram when a style
/// is given).
pub fn details(
    atlas: &Atlas,
    m: &Muscle,
    points: &[&TriggerPoint],
    style: Option<DiagramStyle>,
) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{} ({})", m.name, m.id);
    if !m.aliases.is_empty() {
        let _ = writeln!(s, "Also: {}", m.aliases.join(", "));
    }
    let _ = writeln!(s, "Group: {}    Source: {}\n", m.group.as_str(), m.source);
    let _ = writeln!(s, "{}\n", m.note);
    for tp in points {
        trigger_point(&mut s, atlas, tp);
        if let Some(style) = style {
            let _ = writeln!(s, "  Diagram (the patient's {DRAWN_SIDE} side):");
            for line in diagram(tp, style) {
                let _ = writeln!(s, "{line}");
            }
            s.push('\n');
        }
    }
    list(&mut s, "Aggravated by", &m.aggravating);
    list(&mut s, "Self-care", &m.self_care);
    list(&mut s, "Consider also", &m.differential);
    s
}

fn trigger_point(s: &mut String, atlas: &Atlas, tp: &TriggerPoint) {
    let names = |ids: &[String]| {
        ids.iter()
            .map(|id| place(atlas, id, None))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(s, "* {} [{}] ({})", tp.name, tp.id, tp.likelihood.as_str());
    let _ = writeln!(
        s,
        "  Lies in:   {}: {}",
        place(atlas, &tp.location, None),
        tp.location_note
    );
    let _ = writeln!(s, "  Essential: {}", names(&tp.essential));
    if !tp.spillover.is_empty() {
        let _ = writeln!(s, "  Spillover: {}", names(&tp.spillover));
    }
    if !tp.crosses.is_empty() {
        let _ = writeln!(s, "  Both sides: {}", names(&tp.crosses));
    }
    if !tp.symptoms.is_empty() {
        let _ = writeln!(s, "  Symptoms:  {}", tp.symptoms.join(", "));
    }
    if let Some(source) = &tp.source {
        let _ = writeln!(s, "  Source:    {source}");
    }
    s.push('\n');
}

fn list(s: &mut String, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(s, "{title}:");
    for item in items {
        let _ = writeln!(s, "  - {item}");
    }
    s.push('\n');
}
