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
/// Where a pain guide lists the muscle for a covered region (and the point reaches it in
/// a zone not marked rare, by a pattern the manuals describe), the region earns this lift
/// when the muscle is the guide's first, and its zone counts as essential whatever it
/// is: the guides order by how often a muscle is the cause, and the first is the most
/// frequent. Further down, the lift is [`GUIDE_NEXT`] less two per place below the
/// second (14, 12, 10, 8, 6, 4, 2), never below [`GUIDE_LISTED`].
pub const GUIDE_FIRST: u32 = 19;
/// The lift of the guide's second muscle for a region.
pub const GUIDE_NEXT: u32 = 14;
/// The least lift a muscle listed in a region's pain guide earns there.
pub const GUIDE_LISTED: u32 = 1;
/// With symptom words only (no region), the guide's hint for the point's best placed
/// essential zone: this for the first, one less per place, at least [`GUIDE_LISTED`].
pub const GUIDE_HINT: u32 = 5;
/// The largest attestation weight.
const ATTESTED_MAX: u32 = CHARTED;

// Without a guide's word, an essential match outweighs a spillover one with every
// bonus a region can carry, the likelihood and a symptom word.
const _: () = assert!(ESSENTIAL > SPILLOVER + ATTESTED_MAX + COMMON + SYMPTOM);
// Two spillover matches, with every bonus, do not outweigh one bare essential match.
const _: () = assert!(ESSENTIAL > 2 * (SPILLOVER + ATTESTED_MAX) + EXTRA_REGION + COMMON);
// A zone outweighs the point merely lying there, with all the bonuses.
const _: () = assert!(SPILLOVER > LOCAL + ATTESTED_MAX);
// For one region, the guide's first outranks every other muscle reaching it in a zone
// with the same provenance, whatever their likelihood; one symptom word matched by a
// muscle the guide lists lower can still put it first.
const _: () = assert!(GUIDE_FIRST > guide_lift(1) + COMMON);
const _: () = assert!(GUIDE_FIRST < guide_lift(2) + SYMPTOM);
const _: () = assert!(GUIDE_LISTED > 0);
// The guide's word never outweighs covering a second region essentially.
const _: () = assert!(GUIDE_FIRST + ATTESTED_MAX + COMMON < ESSENTIAL + EXTRA_REGION);
// A rare zone counts less than the zone would, and a rare essential zone still more
// than a spillover one.
const _: () = assert!(RARE_ESSENTIAL < ESSENTIAL && RARE_ESSENTIAL > SPILLOVER);
const _: () = assert!(RARE_SPILLOVER < SPILLOVER && RARE_SPILLOVER > LOCAL);
// A practice-only pattern ranks below a charted one of equal fit: the guide's lift
// speaks for the manuals' patterns only (see `Match::guided`), so a charted point the
// guide lists last still beats a practice one.
const _: () = assert!(GUIDE_LISTED + CHARTED > PRACTICE);
const _: () = assert!(CHARTED > DAVIES && DAVIES > CONSENSUS && CONSENSUS > PRACTICE);
// Covering more of the selection ranks higher among equals.
const _: () = assert!(EXTRA_REGION > 0);
// With symptoms only, the guide's hint stays small: below a likelihood step plus a
// symptom.
const _: () = assert!(GUIDE_HINT < COMMON + SYMPTOM);

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

/// The guide's lift for a muscle at `place` (0 = listed first) in a region's guide.
pub const fn guide_lift(place: u32) -> u32 {
    if place == 0 {
        return GUIDE_FIRST;
    }
    let lift = (GUIDE_NEXT + 2).saturating_sub(place.saturating_mul(2));
    if lift > GUIDE_LISTED {
        lift
    } else {
        GUIDE_LISTED
    }
}

/// A covered region's points, before the point's provenance: the zone's own points,
/// plus the guide's lift where the guide speaks for the point (`guided`: the muscle's
/// place there); the guide's first counts as [`ESSENTIAL`] whatever its zone.
pub fn region(zone_points: u32, guided: Option<u32>) -> u32 {
    match guided {
        None => zone_points,
        Some(0) => ESSENTIAL.max(zone_points) + GUIDE_FIRST,
        Some(place) => zone_points + guide_lift(place),
    }
}

/// With symptoms only, the guide's hint for a muscle at `place` (0 = listed first) in a
/// region's guide, 0 when it is not listed.
pub fn guide_hint(place: Option<u32>) -> u32 {
    place.map_or(0, |k| GUIDE_HINT.saturating_sub(k).max(GUIDE_LISTED))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guide_weights_fall_by_place_and_never_below_listed() {
        let w: Vec<u32> = (0..7).map(|k| guide_hint(Some(k))).collect();
        assert_eq!(w, [5, 4, 3, 2, 1, 1, 1]);
        assert_eq!(guide_hint(None), 0);
        let lift: Vec<u32> = [0, 1, 2, 3, 4, 5, 40, u32::MAX]
            .into_iter()
            .map(guide_lift)
            .collect();
        assert_eq!(lift, [19, 14, 12, 10, 8, 6, 1, 1]);
        assert_eq!(region(SPILLOVER, Some(0)), ESSENTIAL + GUIDE_FIRST);
        assert_eq!(region(SPILLOVER, Some(1)), SPILLOVER + GUIDE_NEXT);
        assert_eq!(region(SPILLOVER, None), SPILLOVER);
    }
}
