//! `painmap show MUSCLE [--tp ID] [--side S] [--ascii] [--width N] [--json]`: one muscle in full,
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
    /// The patient's side the trigger point is drawn on (the classic charts use the
    /// right).
    pub side: Side,
}

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
            side: args.side,
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
pub fn diagram(atlas: &Atlas, tp: &TriggerPoint, style: DiagramStyle) -> Vec<String> {
    let model = BodyModel::shipped();
    let overlay = Overlay::of_point(atlas, tp, style.side);
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
    // Prose is wrapped to the width; diagram lines already fit (and may carry colour).
    let width = style.map_or(usize::MAX, |st| usize::from(st.width));
    let mut s = String::new();
    let mut prose = String::new();
    let _ = writeln!(prose, "{} ({})", m.name, m.id);
    if !m.aliases.is_empty() {
        let _ = writeln!(prose, "Also: {}", m.aliases.join(", "));
    }
    let _ = writeln!(prose, "Group: {}", m.group.as_str());
    let _ = writeln!(prose, "Source: {}\n", m.source);
    let _ = writeln!(prose, "{}\n", m.note);
    s.push_str(&wrap(&prose, width));
    for tp in points {
        prose.clear();
        trigger_point(&mut prose, atlas, tp);
        if let Some(style) = style {
            let _ = writeln!(prose, "  Diagram (the patient's {} side):", style.side);
        }
        s.push_str(&wrap(prose.trim_end_matches('\n'), width));
        s.push('\n');
        if let Some(style) = style {
            for line in diagram(atlas, tp, style) {
                let _ = writeln!(s, "{line}");
            }
        }
        s.push('\n');
    }
    prose.clear();
    list(&mut prose, "Aggravated by", &m.aggravating);
    list(&mut prose, "Self-care", &m.self_care);
    list(&mut prose, "Consider also", &m.differential);
    s.push_str(&wrap(&prose, width));
    s
}

/// Wraps each line at word boundaries to `width` columns. Continuation lines are
/// indented under the text after a leading label ("  Lies in:   ") or bullet ("  - "),
/// so fields and lists stay readable in a narrow terminal.
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.split('\n') {
        if line.chars().count() <= width {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let hang = hanging_indent(line).min(width / 2);
        let mut col = 0;
        for (i, word) in line.split(' ').enumerate() {
            let len = word.chars().count();
            // Leading spaces split into empty words: keep them.
            if i > 0 && col > 0 && col + 1 + len > width && col > hang {
                out.push('\n');
                out.push_str(&" ".repeat(hang));
                col = hang;
            } else if i > 0 {
                out.push(' ');
                col += 1;
            }
            // A word longer than a whole line is cut.
            let mut rest: Vec<char> = word.chars().collect();
            while col + rest.len() > width && rest.len() > width - hang.min(width - 1) {
                let take = width.saturating_sub(col).max(1);
                out.extend(rest.drain(..take.min(rest.len())));
                out.push('\n');
                out.push_str(&" ".repeat(hang));
                col = hang;
            }
            col += rest.len();
            out.extend(rest);
        }
        out.push('\n');
    }
    // `split` yields one more (empty) piece after a final newline.
    if text.ends_with('\n') {
        out.pop();
    }
    out
}

/// Where continuation lines of `line` start: after "  Label:   " or "  - ", else at its
/// own indentation.
fn hanging_indent(line: &str) -> usize {
    let lead = line.len() - line.trim_start().len();
    let rest = &line[lead..];
    if let Some(after) = rest.strip_prefix("- ").or_else(|| rest.strip_prefix("* ")) {
        return lead + 2 + (after.len() - after.trim_start().len());
    }
    match rest.find(": ") {
        Some(i) if i <= 12 && rest[..i].chars().all(|c| c.is_alphabetic() || c == ' ') => {
            let after = &rest[i + 1..];
            lead + i + 1 + (after.len() - after.trim_start().len())
        }
        _ => lead,
    }
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

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrapped_lines_fit_and_keep_every_word() {
        let text = "  Lies in:   temple: At the front of the temple, one or two finger-widths \
                    behind the outer end of the eyebrow\n  - a bullet that goes on and on and \
                    on past the edge\nshort\nsupercalifragilisticexpialidocious-and-more-words";
        for width in [12, 20, 40, 80] {
            let out = wrap(text, width);
            for line in out.lines() {
                assert!(line.chars().count() <= width, "{width}: {line:?}");
            }
            let words = |s: &str| s.split_whitespace().collect::<String>();
            assert_eq!(words(&out), words(text), "{width}: nothing lost");
        }
        let out = wrap("  - one two three four five six", 14);
        assert_eq!(out, "  - one two\n    three four\n    five six\n");
    }
}
