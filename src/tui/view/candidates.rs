//! The ranked muscles: two rows each, the muscle (its rank, "=3" in a tie) and its
//! reasons, with the intake (age, notes) and any "ask the age" line above them.

use super::pane;
use crate::columns::fit;
use crate::rank::{AgeQuestion, MuscleCandidate, Placed, Zone};
use crate::report::{instance_words, place, zone_words};
use crate::tui::app::{App, Focus};
use crate::tui::layout::ListLayout;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph, Wrap};

/// Draws the list and returns where its items are.
pub fn draw(
    frame: &mut Frame<'_>,
    area: Rect,
    app: &App<'_>,
    cands: &[Placed<MuscleCandidate<'_>>],
    questions: &[AgeQuestion<'_>],
    theme: &Theme,
) -> ListLayout {
    let title = if cands.is_empty() {
        "Candidates".to_string()
    } else {
        format!("Candidates ({})", cands.len())
    };
    let block = pane(&title, app.focus == Focus::Candidates, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if cands.is_empty() {
        let hint = if app.intake.selection.is_empty() {
            "Mark where it hurts: click the body map, or move the cursor with the arrow \
             keys and press Space. Press / to search regions, muscles and symptoms, \
             ? for help."
        } else {
            "No trigger point in the atlas refers pain there."
        };
        frame.render_widget(
            Paragraph::new(Line::styled(hint, theme.dim)).wrap(Wrap { trim: true }),
            inner,
        );
        return ListLayout {
            area: inner,
            offset: 0,
            rows_per_item: 2,
            len: 0,
        };
    }
    let inner = intake_line(frame, inner, app, theme);
    let inner = ask_age_line(frame, inner, questions, theme);
    let inner = screen_line(frame, inner, app, theme);
    let inner = super::layers::panel(frame, inner, app, theme);
    let width = usize::from(inner.width);
    let items: Vec<ListItem<'_>> = cands.iter().map(|c| item(app, c, width, theme)).collect();
    let list = List::new(items).highlight_style(theme.highlight);
    let mut state = ListState::default()
        .with_selected(Some(app.highlighted.min(cands.len() - 1)))
        .with_offset(0);
    frame.render_stateful_widget(list, inner, &mut state);
    ListLayout {
        area: inner,
        offset: state.offset(),
        rows_per_item: 2,
        len: cands.len(),
    }
}

fn item<'a>(
    app: &App<'_>,
    placed: &Placed<MuscleCandidate<'_>>,
    width: usize,
    theme: &Theme,
) -> ListItem<'a> {
    let c = &placed.item;
    // The side as a tag by the score, so it survives truncation of the name.
    let side = c.side.map_or(String::new(), |s| format!(" {}", s.letter()));
    // The points beneath the muscle are counted here; `[ ]` steps through them.
    let points = match c.points.len() {
        0 | 1 => String::new(),
        n => format!(" ({n} points)"),
    };
    let score = format!("{side} {}", c.score);
    let room = width.saturating_sub(score.len());
    // The name first: the count of points goes when both do not fit.
    let full = format!("{:>3}. {}{points}", placed.label(), c.muscle.name);
    let head = if full.chars().count() <= room {
        full
    } else {
        fit(&format!("{:>3}. {}", placed.label(), c.muscle.name), room)
    };
    let pad = width.saturating_sub(head.chars().count() + score.len());
    let mut reasons: Vec<Span<'a>> = vec![Span::raw("    ")];
    for (k, m) in c.matches.iter().enumerate() {
        if k > 0 {
            reasons.push(Span::styled(" · ", theme.dim));
        }
        let zone_style = match m.zone {
            Zone::Essential => theme.essential,
            Zone::Spillover => theme.spillover,
            Zone::Local => theme.dim,
        };
        // The candidate's own side is on its first row; name only a different one.
        let words = if m.region.side.is_some() && m.region.side == c.side {
            place(app.atlas, &m.region.region, None)
        } else {
            instance_words(app.atlas, &m.region)
        };
        reasons.push(Span::raw(words));
        reasons.push(Span::styled(
            format!(
                " ({})",
                zone_words(m.zone.as_str(), m.rare, m.guide_first())
            ),
            zone_style,
        ));
    }
    for (k, word) in c.symptoms.iter().enumerate() {
        // A symptoms-only intake has no region before the first word to separate it from.
        let sep = if k == 0 && c.matches.is_empty() {
            ""
        } else {
            " · "
        };
        reasons.push(Span::styled(format!("{sep}{word}"), theme.matched));
    }
    ListItem::new(vec![
        Line::from(vec![
            Span::styled(head, theme.title),
            Span::raw(" ".repeat(pad)),
            Span::styled(score, theme.dim),
        ]),
        Line::from(fit_spans(reasons, width)),
    ])
}

/// Spans cut to `width` characters by [`fit`]'s rule (an ellipsis at the cut, never a
/// bracket left open), each keeping its style.
fn fit_spans(spans: Vec<Span<'_>>, width: usize) -> Vec<Span<'_>> {
    let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
    let fitted = fit(&text, width);
    if fitted == text {
        return spans;
    }
    // The kept text, then what the cut adds: the ellipsis and any bracket it closes.
    let total = fitted.chars().count();
    let tail_len = fitted.chars().rev().take_while(|&c| c != '…').count() + 1;
    let mut left = total.saturating_sub(tail_len);
    let tail: String = fitted.chars().skip(left).collect();
    let mut out = Vec::new();
    for span in spans {
        let len = span.content.chars().count();
        if left == 0 {
            break;
        }
        if len <= left {
            left -= len;
            out.push(span);
        } else {
            let cut: String = span.content.chars().take(left).collect();
            out.push(Span::styled(cut, span.style));
            left = 0;
        }
    }
    out.push(Span::raw(tail));
    out
}

/// "left temple 7 burning · side of neck": the intake on one line above the list, when
/// any region has a note. Returns the area left for the list.
fn intake_line(frame: &mut Frame<'_>, inner: Rect, app: &App<'_>, theme: &Theme) -> Rect {
    let age = app.intake.selection.age;
    if (app.intake.notes.is_empty() && age.is_none()) || inner.height < 4 {
        return inner;
    }
    let age = age.map(|a| format!("age {a}"));
    let words: Vec<String> = age
        .into_iter()
        .chain(app.intake.selection.regions.iter().map(|r| {
            let note = app.intake.note(r);
            let mut w = instance_words(app.atlas, r);
            if let Some(i) = note.intensity {
                w.push(' ');
                w.push_str(&i.to_string());
            }
            if let Some(q) = note.quality {
                w.push(' ');
                w.push_str(q.as_str());
            }
            w
        }))
        .collect();
    let line = fit(&words.join(" · "), usize::from(inner.width));
    frame.render_widget(
        Paragraph::new(Line::styled(line, theme.label)),
        Rect::new(inner.x, inner.y, inner.width, 1),
    );
    Rect::new(inner.x, inner.y + 1, inner.width, inner.height - 1)
}

/// "Ask the age: over 50, ..." in dim text above the list, when a red flag waits on it.
/// Returns the area left for the list.
fn ask_age_line(
    frame: &mut Frame<'_>,
    inner: Rect,
    questions: &[AgeQuestion<'_>],
    theme: &Theme,
) -> Rect {
    let Some(q) = questions.first() else {
        return inner;
    };
    if inner.height < 4 {
        return inner;
    }
    let text = format!(
        "{} (a sets it)",
        crate::report::ask_age(&q.flag.title, q.over)
    );
    frame.render_widget(
        Paragraph::new(Line::styled(
            fit(&text, usize::from(inner.width)),
            theme.dim,
        )),
        Rect::new(inner.x, inner.y, inner.width, 1),
    );
    Rect::new(inner.x, inner.y + 1, inner.width, inner.height - 1)
}

/// "Screen: 3 of 7 questions to ask (f)" above the list, when the selection has a
/// serious differential. Returns the area left for the list.
fn screen_line(frame: &mut Frame<'_>, inner: Rect, app: &App<'_>, theme: &Theme) -> Rect {
    let questions = app.screen_questions();
    if questions.is_empty() || inner.height < 4 {
        return inner;
    }
    let open = questions
        .iter()
        .filter(|q| q.answer.is_none() && q.heard.is_none())
        .count();
    let text = if open == 0 {
        format!("Screen: all {} questions answered (f)", questions.len())
    } else {
        format!("Screen: {open} of {} questions to ask (f)", questions.len())
    };
    let style = if open == 0 { theme.dim } else { theme.label };
    frame.render_widget(
        Paragraph::new(Line::styled(fit(&text, usize::from(inner.width)), style)),
        Rect::new(inner.x, inner.y, inner.width, 1),
    );
    Rect::new(inner.x, inner.y + 1, inner.width, inner.height - 1)
}
