//! Sides of the body and region instances (a region on a side).
//!
//! Sides are always the patient's. A midline region has no side; a selection made
//! without a side matches either side.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The patient's side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The patient's left.
    Left,
    /// The patient's right.
    Right,
}

impl Side {
    /// Both sides, left first.
    pub const BOTH: [Side; 2] = [Side::Left, Side::Right];

    /// `"left"` or `"right"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }

    /// The other side.
    #[must_use]
    pub fn opposite(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A region on a side: `left temple`, or `sternum` (midline, no side), or `temple` with no
/// side given (matches either side).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct RegionInstance {
    /// The region id from the vocabulary.
    pub region: String,
    /// The side, or `None` for midline regions and selections without a side.
    pub side: Option<Side>,
}

impl RegionInstance {
    /// A region on a side (or none).
    pub fn new(region: impl Into<String>, side: Option<Side>) -> Self {
        RegionInstance {
            region: region.into(),
            side,
        }
    }
}

impl fmt::Display for RegionInstance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.side {
            Some(side) => write!(f, "{side} {}", self.region),
            None => f.write_str(&self.region),
        }
    }
}

/// Where a trigger point refers pain in one of its zone regions: the laterality rule, in
/// the one place it lives. Referral is to the point's own side, except in a midline region
/// (it belongs to both sides) and where the point's pattern crosses (felt on both sides).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// A midline region: no side.
    Midline,
    /// The pattern crosses: both sides.
    Both,
    /// The point's own side.
    Own(Side),
}

impl Reach {
    /// The rule: a region that is `midline`, or that the pattern `crosses`, for a point
    /// on `side`.
    pub fn of(midline: bool, crosses: bool, side: Side) -> Reach {
        if midline {
            Reach::Midline
        } else if crosses {
            Reach::Both
        } else {
            Reach::Own(side)
        }
    }

    /// Whether pain reaches the region on `wanted` (`None`: either side).
    pub fn covers(self, wanted: Option<Side>) -> bool {
        match (self, wanted) {
            (Reach::Own(own), Some(w)) => own == w,
            _ => true,
        }
    }

    /// The one side drawn, or `None` for a midline region or a crossing pattern (drawn on
    /// both sides).
    pub fn side(self) -> Option<Side> {
        match self {
            Reach::Own(s) => Some(s),
            Reach::Midline | Reach::Both => None,
        }
    }

    /// The region instances pain reaches: one without a side for a midline region, one on
    /// each side for a crossing pattern, else one on the point's side.
    pub fn instances(self, region: &str) -> Vec<RegionInstance> {
        match self {
            Reach::Midline => vec![RegionInstance::new(region, None)],
            Reach::Both => Side::BOTH
                .iter()
                .map(|&s| RegionInstance::new(region, Some(s)))
                .collect(),
            Reach::Own(s) => vec![RegionInstance::new(region, Some(s))],
        }
    }
}
