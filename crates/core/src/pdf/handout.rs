//! The client's handout: one muscle on one page (a long one may run over), written for
//! the client to take home: the referral picture of each trigger point, where the point
//! lies and where its pain goes in plain words, the atlas's self-care and what makes it
//! worse, the source, and the disclaimer.

use super::page::{Doc, Font, INK, MUTED, TEXT_W, WARN};
use super::picture;
use crate::atlas::{Atlas, Muscle, Side, TriggerPoint};
use crate::body::figure::Figure;
use crate::body::frame::Frame;
use crate::body::overlay::Overlay;
use crate::report::place;

/// At most this many pictures side by side; more points are listed in words.
const PICTURES: usize = 3;

/// The handout of `muscle`'s `points` (all of them, or the ones asked for) drawn on the
/// client's `side`.
#[allow(
    clippy::too_many_lines,
    reason = "one page's sections in reading order"
)]
pub fn handout(atlas: &Atlas, muscle: &Muscle, points: &[&TriggerPoint], side: Side) -> Vec<u8> {
    let model = crate::body::shipped();
    let mut doc = Doc::new(
        &format!("{}: a self-care sheet", muscle.name),
        &format!(
            "painmap {}: an educational reference, not a diagnosis",
            env!("CARGO_PKG_VERSION")
        ),
    );
    doc.para(&muscle.name, Font::Bold, 20.0, INK, 0.0);
    doc.para(
        &format!(
            "Where its trigger points send pain ({side} side shown; the other side is its mirror)"
        ),
        Font::Regular,
        10.5,
        MUTED,
        0.0,
    );
    doc.advance(6.0);
    // The pictures, side by side.
    let shown: Vec<&TriggerPoint> = points.iter().take(PICTURES).copied().collect();
    if !shown.is_empty() {
        let gap = 10.0;
        let w = (TEXT_W - gap * (shown.len() as f32 - 1.0)) / shown.len() as f32;
        let h = if shown.len() == 1 { 280.0 } else { 220.0 };
        doc.need(h + 30.0);
        let top = doc.y();
        let mut used: f32 = 0.0;
        for (i, tp) in shown.iter().enumerate() {
            let overlay = Overlay::of_point(atlas, tp, side);
            let frame = Frame::for_overlay(model, &overlay);
            let figure = Figure::of_frame(model, &frame, 300.0);
            let x = super::page::MARGIN + i as f32 * (w + gap);
            let hh = picture::draw(doc.content(), model, &figure, &overlay, x, top, w, h);
            used = used.max(hh);
        }
        doc.advance(used + 4.0);
        let caption_top = doc.y();
        for (i, tp) in shown.iter().enumerate() {
            let x = super::page::MARGIN + i as f32 * (w + gap);
            for (k, line) in super::page::wrap(&tp.name, Font::Bold, 8.5, w)
                .iter()
                .enumerate()
            {
                doc.text_top(x, caption_top + k as f32 * 11.0, line, Font::Bold, 8.5, INK);
            }
        }
        let lines = shown
            .iter()
            .map(|tp| super::page::wrap(&tp.name, Font::Bold, 8.5, w).len())
            .max()
            .unwrap_or(1);
        doc.advance(lines as f32 * 11.0 + 2.0);
        doc.para(
            "X: the trigger point. Solid red: where its pain is usually felt. Red dots: where it may spread.",
            Font::Regular,
            8.5,
            MUTED,
            0.0,
        );
    }
    if !muscle.note.is_empty() {
        doc.heading("About this muscle", 12.5, INK);
        doc.para(&muscle.note, Font::Regular, 10.0, INK, 0.0);
    }
    doc.heading("Where to press", 12.5, INK);
    for tp in points {
        let at = place(atlas, &tp.location, None);
        let pain: Vec<String> = tp.essential.iter().map(|r| place(atlas, r, None)).collect();
        let mut text = format!("{} ({at}).", tp.name);
        if !tp.location_note.is_empty() {
            text = format!("{text} {}", tp.location_note);
        }
        if !pain.is_empty() {
            text = format!("{text} Its pain is felt in the {}.", pain.join(", "));
        }
        doc.bullet(&text, 10.0, INK);
    }
    if !muscle.self_care.is_empty() {
        doc.heading("Self-care", 12.5, INK);
        for s in &muscle.self_care {
            doc.bullet(s, 10.0, INK);
        }
        doc.para(
            "Work gently: slow strokes rather than hard, sustained pressure. Stop if it hurts more.",
            Font::Regular,
            9.5,
            MUTED,
            0.0,
        );
    }
    if !muscle.aggravating.is_empty() {
        doc.heading("What can make it worse", 12.5, INK);
        for s in &muscle.aggravating {
            doc.bullet(s, 10.0, INK);
        }
    }
    doc.heading("See a doctor", 12.5, WARN);
    doc.para(
        "If the pain is sudden and severe, follows an injury, comes with fever, weight loss, numbness, weakness, chest pain or breathlessness, or keeps getting worse, see a physician before any self-treatment. (Red-flag screening guidance: Finucane et al., JOSPT 2020; chest-pain triage guidance.)",
        Font::Regular,
        10.0,
        INK,
        0.0,
    );
    doc.heading("Source", 10.5, MUTED);
    doc.para(&muscle.source, Font::Regular, 9.0, MUTED, 0.0);
    doc.advance(4.0);
    doc.para(crate::DISCLAIMER, Font::Regular, 9.0, MUTED, 0.0);
    doc.finish()
}
