//! The Leitner scheduler. A card starts in box 1; a right answer moves it up a box (at
//! most [`BOXES`]), a wrong one sends it back to box 1. A card in box `b` is due
//! [`INTERVAL_DAYS`]`[b - 1]` days after it was last answered; a new card is due now.
//! The clock is an argument (seconds since the Unix epoch), never read here.

use serde::{Deserialize, Serialize};

/// How many boxes.
pub const BOXES: u8 = 5;
/// Days until a card in box 1..=5 is due again.
pub const INTERVAL_DAYS: [u64; BOXES as usize] = [0, 1, 3, 7, 21];
/// Seconds in a day.
pub const DAY: u64 = 86_400;

/// What is remembered about one card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardState {
    /// The Leitner box, 1 to [`BOXES`].
    #[serde(rename = "box")]
    pub leitner: u8,
    /// When it is next due (seconds since the epoch).
    pub due: u64,
    /// Times answered.
    pub seen: u32,
    /// Times answered correctly.
    pub correct: u32,
    /// When it was last answered.
    pub last: u64,
}

impl CardState {
    /// The state of a card never answered (box 1, due at once).
    pub const NEW: CardState = CardState {
        leitner: 1,
        due: 0,
        seen: 0,
        correct: 0,
        last: 0,
    };

    /// The state after answering at `now`.
    #[must_use]
    pub fn answered(self, correct: bool, now: u64) -> CardState {
        let leitner = if correct {
            self.leitner.clamp(1, BOXES).saturating_add(1).min(BOXES)
        } else {
            1
        };
        CardState {
            leitner,
            due: now.saturating_add(interval(leitner)),
            seen: self.seen.saturating_add(1),
            correct: self.correct.saturating_add(u32::from(correct)),
            last: now,
        }
    }

    /// Whether it is due at `now`.
    pub fn is_due(&self, now: u64) -> bool {
        self.due <= now
    }
}

/// The wait, in seconds, before a card in `leitner` box is due again.
pub fn interval(leitner: u8) -> u64 {
    let i = usize::from(leitner.clamp(1, BOXES) - 1);
    INTERVAL_DAYS[i] * DAY
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: u64 = 1_800_000_000;

    #[test]
    fn a_new_card_is_due_now() {
        assert!(CardState::NEW.is_due(0));
        assert!(CardState::NEW.is_due(T0));
    }

    #[test]
    fn right_answers_climb_the_boxes_and_wait_longer() {
        let mut s = CardState::NEW;
        let mut now = T0;
        for (want_box, days) in [(2, 1), (3, 3), (4, 7), (5, 21), (5, 21)] {
            s = s.answered(true, now);
            assert_eq!(s.leitner, want_box);
            assert_eq!(s.due, now + days * DAY);
            assert!(!s.is_due(now));
            assert!(!s.is_due(s.due - 1));
            assert!(s.is_due(s.due));
            now = s.due;
        }
        assert_eq!((s.seen, s.correct), (5, 5));
    }

    #[test]
    fn a_wrong_answer_goes_back_to_box_one_and_is_due_at_once() {
        let s = CardState::NEW
            .answered(true, T0)
            .answered(true, T0 + DAY)
            .answered(false, T0 + 5 * DAY);
        assert_eq!(s.leitner, 1);
        assert!(s.is_due(T0 + 5 * DAY));
        assert_eq!((s.seen, s.correct), (3, 2));
        assert_eq!(s.last, T0 + 5 * DAY);
    }

    #[test]
    fn a_corrupt_box_number_is_clamped() {
        let s = CardState {
            leitner: 0,
            ..CardState::NEW
        };
        assert_eq!(s.answered(true, T0).leitner, 2);
        let s = CardState {
            leitner: 200,
            ..CardState::NEW
        };
        assert_eq!(s.answered(true, T0).leitner, BOXES);
        assert_eq!(interval(0), 0);
        assert_eq!(interval(99), 21 * DAY);
    }
}
