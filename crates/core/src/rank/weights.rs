//! The ranking's weights, and the compile-time checks that keep them in the order the
//! ranking principles ask for (see the module docs of [`crate::rank`]).

use crate::atlas::{Attestation, Likelihood};

/// Points for a selected region in an essential zone.
pub const ESSENTIAL: u32 = 100;
/// Points for a selected region in a spillover zone.
pub const SPILLOVER: u32 = 30;
/// Points for an essential zone marked rare for that trigger point (half the zone).
pub const RARE_ESSENTIAL: u32 = ESSENTIAL / 2;
/// Points for a spillover zone marked rare for that trigger point (half the zone).
pub const RARE_SPILLOVER: u32 = SPILLOVER / 2;
/// Points for a selected region where the trigger point itself lies (and is not a zone).
pub const LOCAL: u32 = 12;
/// Points for each covered selected region beyond the first.
pub const EXTRA_REGION: u32 = 5;
/// Points for a common trigger point.
pub const COMMON: u32 = 4;
/// Points for an occasional trigger point.
pub const OCCASIONAL: u32 = 2;
/// Points for each matching symptom word.
pub const SYMPTOM: u32 = 8;
/// Points, per covered region, for a pattern charted in Travell & Simons.
pub const CHARTED: u32 = 6;
/// Points, per covered region, for a pattern described in Davies' workbook.
pub const DAVIES: u32 = 5;
/// Points, per covered region, for a pattern of clinical consensus.
pub const CONSENSUS: u32 = 3;
/// Points, per covered region, for a practice description (not charted so in the
/// manuals).
pub const PRACTICE: u32 = 0;
/// Points, per covered region, for the muscle a pain guide lists first for that region;
/// each place further down the guide is one less, and every listed muscle earns at
/// least [`GUIDE_LISTED`].
pub const GUIDE_FIRST: u32 = 5;
/// The least a muscle listed in a region's pain guide earns there.
pub const GUIDE_LISTED: u32 = 1;
/// The largest attestation weight.
const ATTESTED_MAX: u32 = CHARTED;

// An essential match outweighs a spillover one with every bonus a region can carry,
// the likelihood and a symptom word.
const _: () = assert!(ESSENTIAL > SPILLOVER + ATTESTED_MAX + GUIDE_FIRST + COMMON + SYMPTOM);
// Two spillover matches, with every bonus, do not outweigh one bare essential match.
const _: () =
    assert!(ESSENTIAL > 2 * (SPILLOVER + ATTESTED_MAX + GUIDE_FIRST) + EXTRA_REGION + COMMON);
// A zone outweighs the point merely lying there, with all the bonuses.
const _: () = assert!(SPILLOVER > LOCAL + ATTESTED_MAX + GUIDE_FIRST);
// A rare zone counts less than the zone would, and a rare essential zone still more
// than a spillover one.
const _: () = assert!(RARE_ESSENTIAL < ESSENTIAL && RARE_ESSENTIAL > SPILLOVER);
const _: () = assert!(RARE_SPILLOVER < SPILLOVER && RARE_SPILLOVER > LOCAL);
// A practice-only pattern ranks below a charted one of equal fit, even when the guide
// lists the practice pattern's muscle first and the charted one's not at all.
const _: () = assert!(CHARTED > PRACTICE + GUIDE_FIRST);
const _: () = assert!(CHARTED > DAVIES && DAVIES > CONSENSUS && CONSENSUS > PRACTICE);
// Covering more of the selection ranks higher among equals.
const _: () = assert!(EXTRA_REGION > 0);
// The guide weight stays small: below a likelihood step plus a symptom.
const _: () = assert!(GUIDE_FIRST < COMMON + SYMPTOM && GUIDE_LISTED > 0);

/// The likelihood tier's points.
pub fn likelihood(l: Likelihood) -> u32 {
    match l {
        Likelihood::Common => COMMON,
        Likelihood::Occasional => OCCASIONAL,
        Likelihood::Rare => 0,
    }
}

/// The attestation's points, per covered region.
pub fn attestation(a: Attestation) -> u32 {
    match a {
        Attestation::Charted => CHARTED,
        Attestation::Davies => DAVIES,
        Attestation::Consensus => CONSENSUS,
        Attestation::Practice => PRACTICE,
    }
}

/// The guide's points for a muscle at `place` (0 = listed first) in a region's guide,
/// 0 when it is not listed.
pub fn guide(place: Option<u32>) -> u32 {
    place.map_or(0, |k| GUIDE_FIRST.saturating_sub(k).max(GUIDE_LISTED))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guide_weights_fall_by_place_and_never_below_listed() {
        let w: Vec<u32> = (0..7).map(|k| guide(Some(k))).collect();
        assert_eq!(w, [5, 4, 3, 2, 1, 1, 1]);
        assert_eq!(guide(None), 0);
    }
}
