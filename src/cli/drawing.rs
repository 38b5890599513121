//! `rank --drawing FILE`: a pain drawing read, ranked by how well each pattern explains
//! it, its extent and the part of it each candidate explains printed with the report.

use crate::atlas::Atlas;
use crate::drawing::{Drawing, json};
use crate::rank::{DrawnRanking, Placed, Selection, rank_drawing};
use crate::report::{Report, ReportCandidate, instance_words};
use serde::Serialize;
use std::fmt::Write as _;
use std::path::Path;

/// Reads a drawing file; an error is one line naming `FILE:LINE:COL`.
pub fn read(path: &Path) -> anyhow::Result<Drawing> {
    json::read(path).map_err(anyhow::Error::msg)
}

/// What a drawing measures and how the candidates explain it.
#[derive(Debug, Serialize)]
pub struct DrawingSummary {
    /// Per cent of the body surface shaded (front and back views).
    pub extent_percent: f64,
    /// Per cent of each view drawn on.
    pub views: Vec<ViewExtent>,
    /// Per cent of the body surface per quality (`"pain"`: no quality stated).
    pub qualities: Vec<(String, f64)>,
    /// The regions the drawing touches, most shaded first, with their share of it.
    pub regions: Vec<TouchedRegion>,
    /// For each candidate, in order: how much of the drawing it explains.
    pub explains: Vec<Explains>,
}

/// One view's extent.
#[derive(Debug, Serialize)]
pub struct ViewExtent {
    /// The view.
    pub view: String,
    /// Its side, for a close-up.
    pub side: Option<&'static str>,
    /// Per cent shaded.
    pub percent: f64,
}

/// A region the drawing touches.
#[derive(Debug, Serialize)]
pub struct TouchedRegion {
    /// Region id.
    pub region: String,
    /// Its side.
    pub side: Option<&'static str>,
    /// Its share of the drawing (0 to 1).
    pub share: f64,
    /// The quality most of its shading carries.
    pub quality: Option<&'static str>,
}

/// How a candidate explains the drawing.
#[derive(Debug, Serialize)]
pub struct Explains {
    /// Muscle id.
    pub muscle: String,
    /// Its side.
    pub side: Option<&'static str>,
    /// Share of the drawing in its zones, essential counting fully and spillover half.
    pub explained: f64,
    /// Share of its best point's essential zone shaded.
    pub essential_shaded: f64,
    /// The touched regions it covers, each with its share of the drawing.
    pub parts: Vec<TouchedRegion>,
}

#[derive(Serialize)]
struct WithDrawing<'r> {
    #[serde(flatten)]
    report: &'r Report,
    drawing: &'r DrawingSummary,
}

/// Ranks a drawing with a selection's symptoms, age and answers: the report (its
/// selection the drawing's regions) and the drawing's summary.
pub fn report(
    atlas: &Atlas,
    drawing: &Drawing,
    base: &Selection,
    top: usize,
) -> (Report, DrawingSummary) {
    let model = crate::body::shipped();
    let drawn: DrawnRanking<'_> = rank_drawing(atlas, drawing, base, top);
    let mut intake = crate::intake::Intake::of(drawn.selection.clone());
    for t in &drawn.touched {
        if let Some(q) = t.quality {
            intake.notes.entry(t.region.clone()).or_default().quality = Some(q);
        }
    }
    let mut report = Report::build(atlas, &intake, top, crate::report::By::Muscle);
    report.candidates = drawn
        .ranking
        .candidates
        .iter()
        .map(|p| {
            ReportCandidate::of_muscle(&Placed {
                rank: p.rank,
                tied: p.tied,
                item: p.item.candidate.clone(),
            })
        })
        .collect();
    report.total_candidates = drawn.ranking.total;
    let total: usize = drawn.touched.iter().map(|t| t.shaded).sum::<usize>().max(1);
    let region =
        |r: &crate::atlas::RegionInstance, share: f64, q: Option<crate::intake::Quality>| {
            TouchedRegion {
                region: r.region.clone(),
                side: r.side.map(crate::atlas::Side::as_str),
                share,
                quality: q.map(crate::intake::Quality::as_str),
            }
        };
    let mut qualities = vec![(
        "pain".to_owned(),
        drawing.quality_extent(model, None).percent(),
    )];
    for q in crate::intake::Quality::ALL {
        let e = drawing.quality_extent(model, Some(q));
        if e.shaded > 0 {
            qualities.push((q.as_str().to_owned(), e.percent()));
        }
    }
    qualities.retain(|(_, p)| *p > 0.0);
    let summary = DrawingSummary {
        extent_percent: drawing.extent(model).percent(),
        views: drawing
            .extent_per_view(model)
            .into_iter()
            .map(|(id, e)| ViewExtent {
                view: format!("{:?}", id.view),
                side: (!id.whole_body()).then(|| id.side.as_str()),
                percent: e.percent(),
            })
            .collect(),
        qualities,
        regions: drawn
            .touched
            .iter()
            .map(|t| region(&t.region, t.shaded as f64 / total as f64, t.quality))
            .collect(),
        explains: drawn
            .ranking
            .items()
            .map(|c| Explains {
                muscle: c.candidate.muscle.id.clone(),
                side: c.candidate.side.map(crate::atlas::Side::as_str),
                explained: c.fit.explained,
                essential_shaded: c.fit.filled,
                parts: c
                    .fit
                    .parts
                    .iter()
                    .map(|(r, share)| region(r, *share, None))
                    .collect(),
            })
            .collect(),
    };
    (report, summary)
}

/// The report and the summary as one JSON object (the report's fields and `drawing`).
pub fn to_json(report: &Report, summary: &DrawingSummary) -> anyhow::Result<String> {
    super::out::json(&WithDrawing {
        report,
        drawing: summary,
    })
}

/// The summary as text, printed after the report.
pub fn to_text(atlas: &Atlas, summary: &DrawingSummary) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "\nDrawing: {:.1}% of the body surface shaded",
        summary.extent_percent
    );
    for v in &summary.views {
        let side = v.side.map(|x| format!(" ({x})")).unwrap_or_default();
        let _ = writeln!(s, "  {}{side}: {:.1}%", v.view, v.percent);
    }
    for (q, p) in &summary.qualities {
        let _ = writeln!(s, "  {q}: {p:.1}%");
    }
    let parts = |rs: &[TouchedRegion]| {
        rs.iter()
            .map(|r| {
                let inst = crate::atlas::RegionInstance::new(
                    r.region.clone(),
                    r.side.and_then(crate::atlas::Side::parse),
                );
                format!("{} {:.0}%", instance_words(atlas, &inst), r.share * 100.0)
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(s, "  touches: {}", parts(&summary.regions));
    for (k, e) in summary.explains.iter().enumerate() {
        let name = atlas
            .muscle(&e.muscle)
            .map_or(e.muscle.as_str(), |m| m.name.as_str());
        let side = e.side.map(|x| format!(" ({x})")).unwrap_or_default();
        let _ = writeln!(
            s,
            "  {}. {name}{side} explains {:.0}% of the drawing ({}); {:.0}% of its essential zone shaded",
            k + 1,
            e.explained * 100.0,
            parts(&e.parts),
            e.essential_shaded * 100.0
        );
    }
    s
}
