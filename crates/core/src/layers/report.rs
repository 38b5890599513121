//! "What else it could be" in a report: the layer entries a selection fits well, each
//! with the selected regions it explains, its note and source, and the questions that
//! tell it apart from a trigger point (text and JSON).

use std::fmt::Write as _;

use serde::Serialize;

use crate::atlas::{Atlas, RegionInstance, Side};
use crate::report::place;

use super::Layers;
use super::fit::{Fit, good_fits};

/// A selected region an entry explains.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExplainedRegion {
    /// Region id.
    pub region: String,
    /// `"left"`, `"right"` or null.
    pub side: Option<&'static str>,
}

/// A question that tells the entry apart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LayerQuestion {
    /// Its id.
    pub id: String,
    /// The question.
    pub ask: String,
    /// What a yes points to.
    pub means: String,
}

/// One layer entry that fits the selection well.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReportLayer {
    /// Entry id (`S1`, `median`, `heart`).
    pub id: String,
    /// `"dermatome"`, `"nerve"` or `"organ"`.
    pub kind: &'static str,
    /// Its name.
    pub name: String,
    /// The side fitted: `"left"`, `"right"`, or null for both sides at once.
    pub side: Option<&'static str>,
    /// The fit, 0 to 100 (see `docs/layers.md`).
    pub fit: u8,
    /// The selected regions it explains.
    pub explains: Vec<ExplainedRegion>,
    /// What it feels like, in our words.
    pub note: String,
    /// The reference it follows.
    pub source: String,
    /// The questions that tell it apart from a trigger point.
    pub questions: Vec<LayerQuestion>,
    /// The red flag it raises, if any (`cardiac`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub red_flag: Option<String>,
}

impl ReportLayer {
    fn of(layers: &Layers, fit: &Fit<'_>) -> ReportLayer {
        let e = fit.entry;
        ReportLayer {
            id: e.id.clone(),
            kind: e.kind.as_str(),
            name: e.name.clone(),
            side: fit.side.map(Side::as_str),
            fit: fit.percent(),
            explains: fit
                .explained
                .iter()
                .map(|r| ExplainedRegion {
                    region: r.region.clone(),
                    side: r.side.map(Side::as_str),
                })
                .collect(),
            note: e.note.clone(),
            source: e.source.clone(),
            questions: e
                .ask
                .iter()
                .filter_map(|q| layers.question(q))
                .map(|q| LayerQuestion {
                    id: q.id.clone(),
                    ask: q.ask.clone(),
                    means: q.means.clone(),
                })
                .collect(),
            red_flag: e.flag.clone(),
        }
    }

    /// "S1 dermatome (left), fits 83%".
    pub fn heading(&self) -> String {
        let side = match self.side {
            Some(s) => format!(" ({s})"),
            None => String::new(),
        };
        format!("{}{side}, fits {}%", self.name, self.fit)
    }

    /// "left calf, left heel": the regions it explains, in words.
    pub fn explains_words(&self, atlas: &Atlas) -> String {
        self.explains
            .iter()
            .map(|r| place(atlas, &r.region, r.side))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The entries the selection fits well, best first.
pub fn what_else(layers: &Layers, selected: &[RegionInstance]) -> Vec<ReportLayer> {
    good_fits(layers, selected)
        .iter()
        .map(|f| ReportLayer::of(layers, f))
        .collect()
}

/// The section of a text report (empty when nothing fits).
pub fn text(atlas: &Atlas, entries: &[ReportLayer]) -> String {
    let mut s = String::new();
    if entries.is_empty() {
        return s;
    }
    let _ = writeln!(
        s,
        "\nWhat else it could be (not trigger points; ask before you treat):"
    );
    for e in entries {
        let _ = writeln!(s, "  * {}: {}", e.heading(), e.explains_words(atlas));
        let _ = writeln!(s, "    {} [Source: {}]", e.note, e.source);
        if let Some(flag) = &e.red_flag {
            let _ = writeln!(s, "    Joins the red-flag screen: {flag}.");
        }
        for q in &e.questions {
            let _ = writeln!(s, "    - ask: {} (yes: {})", q.ask, q.means);
        }
    }
    s
}

/// One line per entry, for narrow places: "S1 dermatome (left), fits 83%: left calf, ...".
pub fn lines(atlas: &Atlas, entries: &[ReportLayer]) -> Vec<String> {
    entries
        .iter()
        .map(|e| format!("{}: {}", e.heading(), e.explains_words(atlas)))
        .collect()
}
