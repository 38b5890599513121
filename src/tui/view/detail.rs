//! The detail pane: everything a therapist reads about the shown trigger point and its
//! muscle: where it lies, its zones, why it ranks, symptoms, where to press, what else
//! to consider, and the source.

use super::{pane, scrolled};
use crate::atlas::{Muscle, Side, TriggerPoint};
use crate::report::{attested_words, place};
use crate::tui::app::{App, Focus, Shown};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Draws the detail into `area` and returns the area.
pub fn draw(
    frame: &mut Frame<'_>,
    area: Rect,
    app: &App<'_>,
    shown: Option<Shown<'_>>,
    place_of: Option<(usize, usize, bool)>,
    theme: &Theme,
) -> Rect {
    let block = pane("Detail", app.focus == Focus::Detail, theme);
    let lines = match shown {
        Some((m, tp, side)) => lines(app, m, tp, side, place_of, theme),
        None => vec![Line::styled(
            "Select regions to rank candidates; the highlighted one is explained here. \
             Press m to browse every muscle.",
            theme.dim,
        )],
    };
    scrolled(frame, area, block, lines, app.detail_scroll);
    area
}

fn lines<'a>(
    app: &App<'_>,
    m: &Muscle,
    tp: &TriggerPoint,
    side: Option<Side>,
    place_of: Option<(usize, usize, bool)>,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let atlas = app.atlas;
    // A zone rare for this point says so.
    let names = |ids: &[String]| {
        ids.iter()
            .map(|id| {
                let name = place(atlas, id, None);
                if tp.rare.contains(id) {
                    format!("{name} (rare)")
                } else {
                    name
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let field = |label: &str, value: String, style: Style| {
        Line::from(vec![
            Span::styled(format!("{label}: "), theme.title),
            Span::styled(value, style),
        ])
    };
    let mut out = vec![Line::styled(m.name.clone(), theme.title)];
    let side_words = side.map(|s| format!(" ({s})")).unwrap_or_default();
    let (index, n, reaching) =
        place_of.unwrap_or((m.point_index(&tp.id), m.trigger_points.len(), false));
    let of = if reaching {
        format!("{n} reaching the selection")
    } else {
        n.to_string()
    };
    out.push(Line::from(vec![
        Span::raw(format!("{}{side_words}", tp.name)),
        Span::styled(
            if n > 1 {
                format!("  [{} of {of}; [ ] for others]", index + 1)
            } else {
                String::new()
            },
            theme.dim,
        ),
    ]));
    out.push(Line::default());
    out.push(field(
        "Where to press",
        format!("{}: {}", place(atlas, &tp.location, None), tp.location_note),
        theme.text,
    ));
    out.push(field("Essential", names(&tp.essential), theme.essential));
    if !tp.spillover.is_empty() {
        out.push(field("Spillover", names(&tp.spillover), theme.spillover));
    }
    if !tp.crosses.is_empty() {
        out.push(field("Both sides", names(&tp.crosses), theme.text));
    }
    if let Some(only) = tp.side {
        out.push(field("Side", format!("{} only", only.as_str()), theme.text));
    }
    out.push(field(
        "Likelihood",
        tp.likelihood.as_str().to_string(),
        theme.text,
    ));
    out.push(field(
        "Attested",
        attested_words(tp.attested).to_string(),
        theme.text,
    ));
    if !tp.symptoms.is_empty() {
        out.push(field("Symptoms", tp.symptoms.join(", "), theme.text));
    }
    out.push(Line::default());
    out.push(Line::raw(m.note.clone()));
    for (title, items) in [
        ("Self-care", &m.self_care),
        ("Aggravated by", &m.aggravating),
        ("Consider also", &m.differential),
    ] {
        if items.is_empty() {
            continue;
        }
        out.push(Line::default());
        out.push(Line::styled(title.to_string(), theme.title));
        for item in items {
            out.push(Line::raw(format!(" • {item}")));
        }
    }
    out.extend(super::layers::detail_lines(app, theme));
    out.push(Line::default());
    let source = tp.source.as_ref().unwrap_or(&m.source);
    out.push(field("Source", source.clone(), theme.dim));
    out
}
