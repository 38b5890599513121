//! How a client's pain changed: the intensity of each region across visits (a trend and
//! its sparkline), and what changed between two visits (new, gone, better, worse).

use super::{SavedVisit, Visit};
use crate::atlas::RegionInstance;
use serde::Serialize;

/// One region's intensity at each visit, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegionTrend {
    /// The region on its side.
    pub region: RegionInstance,
    /// Per visit: its intensity, or `None` when the region was not marked or had none.
    pub values: Vec<Option<u8>>,
}

/// The trend of every region marked at any visit, in the order regions first appeared.
pub fn trends(visits: &[SavedVisit]) -> Vec<RegionTrend> {
    let mut out: Vec<RegionTrend> = Vec::new();
    for (i, v) in visits.iter().enumerate() {
        for r in &v.visit.regions {
            let inst = r.instance();
            let pos = if let Some(p) = out.iter().position(|t| t.region == inst) {
                p
            } else {
                out.push(RegionTrend {
                    region: inst,
                    values: vec![None; visits.len()],
                });
                out.len() - 1
            };
            out[pos].values[i] = r.intensity;
        }
    }
    out
}

/// Bars for intensities 0-10, lowest first.
const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// A one-line bar chart of intensities: one character per visit, `·` where there is no
/// value.
pub fn sparkline(values: &[Option<u8>]) -> String {
    values
        .iter()
        .map(|v| match v {
            None => '·',
            Some(n) => BARS[(usize::from((*n).min(10)) * (BARS.len() - 1) + 5) / 10],
        })
        .collect()
}

/// What happened to a region between an earlier visit and a later one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// Marked now, not then.
    New,
    /// Marked then, not now.
    Gone,
    /// Less intense now.
    Better,
    /// More intense now.
    Worse,
    /// Marked both times, intensity unchanged (or not given).
    Same,
}

impl Change {
    /// The word shown.
    pub fn as_str(self) -> &'static str {
        match self {
            Change::New => "new",
            Change::Gone => "gone",
            Change::Better => "better",
            Change::Worse => "worse",
            Change::Same => "same",
        }
    }
}

/// One region's change, with its intensities then and now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// The region on its side.
    pub region: RegionInstance,
    /// What changed.
    pub change: Change,
    /// Its intensity at the earlier visit.
    pub before: Option<u8>,
    /// Its intensity at the later one.
    pub after: Option<u8>,
}

impl Comparison {
    /// The intensities in words after the change's word: " 6→3" (with `arrow` between),
    /// " was 6" for a region gone, " 4" for a new one; nothing when none was given.
    pub fn from_to(&self, arrow: &str) -> String {
        match (self.before, self.after) {
            (Some(b), Some(a)) => format!(" {b}{arrow}{a}"),
            (Some(b), None) if self.change == Change::Gone => format!(" was {b}"),
            (None, Some(a)) => format!(" {a}"),
            _ => String::new(),
        }
    }
}

/// Region by region, what changed from `earlier` to `later`: the later visit's regions
/// in order, then those gone.
pub fn compare(earlier: &Visit, later: &Visit) -> Vec<Comparison> {
    let find = |v: &Visit, r: &RegionInstance| {
        v.regions
            .iter()
            .find(|x| x.region == r.region && x.side == r.side)
            .map(|x| x.intensity)
    };
    let mut out = Vec::new();
    for r in &later.regions {
        let inst = r.instance();
        let (change, before) = match find(earlier, &inst) {
            None => (Change::New, None),
            Some(before) => (
                match (before, r.intensity) {
                    (Some(b), Some(a)) if a < b => Change::Better,
                    (Some(b), Some(a)) if a > b => Change::Worse,
                    _ => Change::Same,
                },
                before,
            ),
        };
        out.push(Comparison {
            region: inst,
            change,
            before,
            after: r.intensity,
        });
    }
    for r in &earlier.regions {
        let inst = r.instance();
        if find(later, &inst).is_none() {
            out.push(Comparison {
                region: inst,
                change: Change::Gone,
                before: r.intensity,
                after: None,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Side;
    use crate::records::{AtlasStamp, Date, VisitRegion};

    fn visit(date: &str, regions: &[(&str, Option<Side>, Option<u8>)]) -> Visit {
        Visit {
            date: Date::parse(date).unwrap(),
            age: None,
            regions: regions
                .iter()
                .map(|(r, side, intensity)| VisitRegion {
                    region: (*r).into(),
                    side: *side,
                    intensity: *intensity,
                    quality: None,
                })
                .collect(),
            symptoms: vec![],
            note: None,
            red_flags: vec![],
            screening: vec![],
            candidates: vec![],
            atlas: AtlasStamp {
                version: "0".into(),
                hash: "0".into(),
            },
        }
    }

    fn saved(v: Visit) -> SavedVisit {
        SavedVisit {
            id: 1,
            saved_at: String::new(),
            amended_at: None,
            visit: v,
        }
    }

    #[test]
    fn trends_follow_each_region_across_visits() {
        let r = Some(Side::Right);
        let visits = [
            saved(visit("2026-01-01", &[("heel", r, Some(7))])),
            saved(visit(
                "2026-01-08",
                &[("heel", r, Some(5)), ("calf", r, None)],
            )),
            saved(visit("2026-01-15", &[("calf", r, Some(2))])),
        ];
        let t = trends(&visits);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].region, RegionInstance::new("heel", r));
        assert_eq!(t[0].values, [Some(7), Some(5), None]);
        assert_eq!(t[1].values, [None, None, Some(2)]);
        assert_eq!(sparkline(&t[0].values), "▆▅·");
        assert_eq!(sparkline(&[Some(0), Some(10)]), "▁█");
    }

    #[test]
    fn comparisons_mark_new_gone_better_worse() {
        let l = Some(Side::Left);
        let then = visit(
            "2026-01-01",
            &[
                ("temple", l, Some(6)),
                ("jaw", None, Some(2)),
                ("neck", l, Some(4)),
            ],
        );
        let now = visit(
            "2026-01-08",
            &[
                ("temple", l, Some(3)),
                ("jaw", None, Some(5)),
                ("heel", l, None),
            ],
        );
        let c: Vec<(String, Change)> = compare(&then, &now)
            .into_iter()
            .map(|c| (c.region.to_string(), c.change))
            .collect();
        assert_eq!(
            c,
            [
                ("left temple".to_string(), Change::Better),
                ("jaw".to_string(), Change::Worse),
                ("left heel".to_string(), Change::New),
                ("left neck".to_string(), Change::Gone),
            ]
        );
        // The same side matters: a left temple is not the right one.
        let other = visit("2026-01-08", &[("temple", Some(Side::Right), Some(6))]);
        assert_eq!(compare(&then, &other)[0].change, Change::New);
    }
}
