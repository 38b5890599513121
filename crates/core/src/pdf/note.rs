//! The intake note for the practice's file: one visit with its body chart (the marked
//! regions on the whole-body views, a close-up where one is needed), each region with
//! its side, intensity and quality, the symptoms, the red flags raised written out in
//! full, the screening answers, the candidates as ranked then, and the note.

use super::page::{Doc, Font, INK, MUTED, TEXT_W, WARN};
use super::picture;
use crate::atlas::Atlas;
use crate::body::figure::Figure;
use crate::body::frame::Frame;
use crate::body::overlay::Overlay;
use crate::records::Visit;
use crate::report::instance_words;

/// How many of the stored candidates the note lists.
const CANDIDATES: usize = 5;

/// The note of `visit` (of `client`, when known).
#[allow(
    clippy::too_many_lines,
    reason = "one page's sections in reading order"
)]
pub fn intake_note(atlas: &Atlas, client: Option<&str>, visit: &Visit) -> Vec<u8> {
    let model = crate::body::shipped();
    let mut title = String::from("Intake note");
    if let Some(c) = client {
        title = format!("{title}: {c}");
    }
    let mut doc = Doc::new(
        &title,
        &format!(
            "painmap {}, atlas {}: an educational reference, not a diagnosis",
            env!("CARGO_PKG_VERSION"),
            short(&visit.atlas.hash),
        ),
    );
    doc.para(&title, Font::Bold, 18.0, INK, 0.0);
    let mut line = format!("Date {}", visit.date);
    match visit.age {
        Some(age) => line = format!("{line}   Age {age}"),
        None => line = format!("{line}   Age not recorded"),
    }
    doc.para(&line, Font::Regular, 10.5, MUTED, 0.0);
    doc.advance(4.0);

    // Red flags first: the one thing on the page that must not be missed.
    if !visit.red_flags.is_empty() {
        doc.heading("RED FLAGS: refer to a physician", 12.5, WARN);
        for f in &visit.red_flags {
            let flag = atlas.red_flags().iter().find(|r| r.id == f.id);
            let mut text = format!("{} ({}).", f.title, f.id);
            if let Some(flag) = flag {
                text = format!("{text} {} Source: {}.", flag.message, flag.source);
            }
            doc.bullet(&text, 10.0, WARN);
        }
    }

    let overlay = Overlay {
        selected: visit
            .regions
            .iter()
            .map(crate::records::VisitRegion::instance)
            .collect(),
        ..Overlay::default()
    };
    if !overlay.selected.is_empty() {
        let frame = Frame::for_overlay(model, &overlay);
        let figure = Figure::of_frame(model, &frame, 300.0);
        let h = 250.0;
        doc.advance(6.0);
        doc.need(h);
        let top = doc.y();
        let used = picture::draw(
            doc.content(),
            model,
            &figure,
            &overlay,
            super::page::MARGIN,
            top,
            TEXT_W,
            h,
        );
        doc.advance(used + 4.0);
        doc.para(
            "Blue: the regions marked at this visit (the client's sides, as the views are labelled).",
            Font::Regular,
            8.5,
            MUTED,
            0.0,
        );
    }

    doc.heading("Where it hurts", 12.5, INK);
    if visit.regions.is_empty() {
        doc.para("No region marked.", Font::Regular, 10.0, INK, 0.0);
    }
    for r in &visit.regions {
        let mut text = instance_words(atlas, &r.instance());
        if let Some(i) = r.intensity {
            text = format!("{text}: intensity {i}/10");
        }
        if let Some(q) = r.quality {
            text = format!("{text}, {}", q.as_str());
        }
        doc.bullet(&text, 10.0, INK);
    }
    if !visit.symptoms.is_empty() {
        doc.heading("Symptoms", 12.5, INK);
        doc.para(&visit.symptoms.join(", "), Font::Regular, 10.0, INK, 0.0);
    }
    doc.heading("Red-flag screen", 12.5, INK);
    if visit.red_flags.is_empty() {
        doc.para(
            "No red flag raised by the regions, age, symptoms and answers recorded.",
            Font::Regular,
            10.0,
            INK,
            0.0,
        );
    } else {
        let ids: Vec<&str> = visit.red_flags.iter().map(|f| f.id.as_str()).collect();
        doc.para(
            &format!("Raised: {} (written out at the top).", ids.join(", ")),
            Font::Regular,
            10.0,
            WARN,
            0.0,
        );
    }
    for a in &visit.screening {
        let question = atlas
            .concept(&a.concept)
            .and_then(|c| c.question.clone())
            .unwrap_or_else(|| a.concept.clone());
        let answer = if a.answer { "yes" } else { "no" };
        doc.bullet(&format!("{question} {answer}"), 10.0, INK);
    }
    if let Some(note) = visit.note.as_deref().filter(|n| !n.trim().is_empty()) {
        doc.heading("Note", 12.5, INK);
        doc.para(note, Font::Regular, 10.0, INK, 0.0);
    }
    if !visit.candidates.is_empty() {
        doc.heading("Candidates as ranked at the visit", 12.5, INK);
        for c in visit.candidates.iter().take(CANDIDATES) {
            let muscle = atlas
                .muscle(&c.muscle)
                .map_or(c.muscle.as_str(), |m| &m.name);
            let mut text = format!("{}. {muscle}", c.rank);
            if let Some((_, tp)) = c
                .trigger_point
                .as_deref()
                .and_then(|id| atlas.trigger_point(id))
            {
                text = format!("{text}, {}", tp.name);
            }
            if let Some(side) = c.side {
                text = format!("{text} ({side})");
            }
            doc.bullet(&text, 10.0, INK);
        }
    }
    doc.advance(6.0);
    doc.para(crate::DISCLAIMER, Font::Regular, 9.0, MUTED, 0.0);
    doc.finish()
}

/// The first 8 characters of the atlas fingerprint.
fn short(hash: &str) -> &str {
    hash.get(..8).unwrap_or(hash)
}
