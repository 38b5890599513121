//! The scheduler: FSRS-5, the Free Spaced Repetition Scheduler (the open algorithm Anki
//! uses), written from its published formulas with the published default parameters.
//!
//! Source: open-spaced-repetition, "The Algorithm" (fsrs4anki wiki, the FSRS-5 section),
//! and its reference implementations (py-fsrs, fsrs-rs). A card's memory is two numbers:
//! its *stability* `S` (days until the chance of recall falls to 90 %) and its
//! *difficulty* `D` (1 to 10). The chance of recall `t` days after the last answer, the
//! *retrievability*, is `R(t, S) = (1 + F·t/S)^C` with `C = -0.5`, `F = 19/81` (so that
//! `R(S, S) = 0.9`). A card is due again when `R` falls to the desired retention
//! ([`DESIRED_RETENTION`], 0.9: after `S` days).
//!
//! Study answers are right or wrong: right is FSRS's "Good" (3), wrong is "Again" (1).
//! A wrong answer makes the card due at once (it comes back in this session and opens the
//! next). Answers less than a day apart use FSRS-5's short-term formula.
//!
//! The clock is an argument (seconds since the Unix epoch), never read here.

use serde::{Deserialize, Serialize};

/// Seconds in a day.
pub const DAY: u64 = 86_400;
/// The chance of recall a card is scheduled for: due when it falls this low.
pub const DESIRED_RETENTION: f64 = 0.9;
/// FSRS-5's default parameters `w0..w18` (the published defaults, fitted by the FSRS
/// authors on Anki review logs).
pub const W: [f64; 19] = [
    0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192, 1.01925,
    1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621,
];
/// The forgetting curve's exponent `C`.
const DECAY: f64 = -0.5;
/// The forgetting curve's factor `F = 0.9^(1/C) - 1 = 19/81`.
const FACTOR: f64 = 19.0 / 81.0;
/// Stability is kept in this range (days), as the reference implementations do.
pub const MIN_STABILITY: f64 = 0.01;
/// The longest stability and interval, in days (100 years).
pub const MAX_STABILITY: f64 = 36_500.0;

/// How an answer is graded. Study answers are right or wrong; FSRS's "Hard" and "Easy"
/// have no button here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grade {
    /// Wrong (FSRS grade 1).
    Again,
    /// Right (FSRS grade 3).
    Good,
}

impl Grade {
    /// The grade of a right or wrong answer.
    pub fn of(correct: bool) -> Grade {
        if correct { Grade::Good } else { Grade::Again }
    }

    /// FSRS's number for the grade.
    fn g(self) -> f64 {
        match self {
            Grade::Again => 1.0,
            Grade::Good => 3.0,
        }
    }
}

/// A card's memory in FSRS terms.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Memory {
    /// Days until the chance of recall falls to 90 %.
    pub stability: f64,
    /// 1 (easy) to 10 (hard).
    pub difficulty: f64,
}

/// The chance of recall `elapsed_days` after the last answer of a card of `stability`.
pub fn retrievability(elapsed_days: f64, stability: f64) -> f64 {
    let s = stability.clamp(MIN_STABILITY, MAX_STABILITY);
    (1.0 + FACTOR * elapsed_days.max(0.0) / s).powf(DECAY)
}

/// Whole days until a card of `stability` falls to `retention` (at least 1, at most
/// [`MAX_STABILITY`]): `I = S/F · (r^(1/C) - 1)`, which is `S` at `r = 0.9`.
pub fn interval_days(stability: f64, retention: f64) -> u64 {
    let r = retention.clamp(0.01, 0.99);
    let days = stability.clamp(MIN_STABILITY, MAX_STABILITY) / FACTOR * (r.powf(1.0 / DECAY) - 1.0);
    days.round().clamp(1.0, MAX_STABILITY) as u64
}

/// The initial difficulty of a first answer of `grade`: `D0(G) = w4 - e^(w5·(G-1)) + 1`.
fn initial_difficulty(g: f64) -> f64 {
    (W[4] - (W[5] * (g - 1.0)).exp() + 1.0).clamp(1.0, 10.0)
}

impl Memory {
    /// The memory after the first answer: `S0(G) = w[G-1]`, `D0(G)`.
    pub fn first(grade: Grade) -> Memory {
        let g = grade.g();
        Memory {
            stability: W[g as usize - 1],
            difficulty: initial_difficulty(g),
        }
    }

    /// The memory after answering `grade` `elapsed_days` after the previous answer.
    #[must_use]
    pub fn next(self, grade: Grade, elapsed_days: f64) -> Memory {
        let g = grade.g();
        let s = self.stability.clamp(MIN_STABILITY, MAX_STABILITY);
        let d = self.difficulty.clamp(1.0, 10.0);
        let stability = if elapsed_days < 1.0 {
            // Short-term (same-day) stability: S' = S·e^(w17·(G - 3 + w18)).
            s * (W[17] * (g - 3.0 + W[18])).exp()
        } else {
            let r = retrievability(elapsed_days, s);
            match grade {
                // After a lapse: S'f = w11·D^-w12·((S+1)^w13 - 1)·e^(w14·(1-R)), never
                // above what a same-day lapse would leave, S / e^(w17·w18) (FSRS-5, as
                // py-fsrs 5 computes it).
                Grade::Again => (W[11]
                    * d.powf(-W[12])
                    * ((s + 1.0).powf(W[13]) - 1.0)
                    * (W[14] * (1.0 - r)).exp())
                .min(s / (W[17] * W[18]).exp()),
                // After a recall: S'r = S·(1 + e^w8·(11-D)·S^-w9·(e^(w10·(1-R)) - 1)).
                Grade::Good => {
                    s * (1.0
                        + W[8].exp()
                            * (11.0 - d)
                            * s.powf(-W[9])
                            * ((W[10] * (1.0 - r)).exp() - 1.0))
                }
            }
        };
        // Difficulty: a linear step damped near 10, then a slight pull back to D0(Easy).
        let step = -W[6] * (g - 3.0);
        let damped = d + step * (10.0 - d) / 9.0;
        let difficulty = W[7] * initial_difficulty(4.0) + (1.0 - W[7]) * damped;
        Memory {
            stability: stability.clamp(MIN_STABILITY, MAX_STABILITY),
            difficulty: difficulty.clamp(1.0, 10.0),
        }
    }
}

/// What is remembered about one card.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardState {
    /// FSRS stability in days (0 for a card never answered).
    pub stability: f64,
    /// FSRS difficulty, 1 to 10 (0 for a card never answered).
    pub difficulty: f64,
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
    /// The state of a card never answered (due at once).
    pub const NEW: CardState = CardState {
        stability: 0.0,
        difficulty: 0.0,
        due: 0,
        seen: 0,
        correct: 0,
        last: 0,
    };

    /// The card's memory, when it was ever answered (values read from a file are kept in
    /// range).
    pub fn memory(&self) -> Option<Memory> {
        (self.seen > 0).then(|| Memory {
            stability: self.stability.clamp(MIN_STABILITY, MAX_STABILITY),
            difficulty: self.difficulty.clamp(1.0, 10.0),
        })
    }

    /// The state after answering at `now`, scheduled for [`DESIRED_RETENTION`].
    #[must_use]
    pub fn answered(self, correct: bool, now: u64) -> CardState {
        let grade = Grade::of(correct);
        let memory = match self.memory() {
            None => Memory::first(grade),
            Some(m) => m.next(grade, elapsed_days(self.last, now)),
        };
        let due = if correct {
            now.saturating_add(interval_days(memory.stability, DESIRED_RETENTION) * DAY)
        } else {
            now
        };
        CardState {
            stability: memory.stability,
            difficulty: memory.difficulty,
            due,
            seen: self.seen.saturating_add(1),
            correct: self.correct.saturating_add(u32::from(correct)),
            last: now,
        }
    }

    /// Whether it is due at `now`.
    pub fn is_due(&self, now: u64) -> bool {
        self.due <= now
    }

    /// The chance of recalling it at `now`, when it was ever answered.
    pub fn retrievability(&self, now: u64) -> Option<f64> {
        self.memory()
            .map(|m| retrievability(elapsed_days(self.last, now), m.stability))
    }
}

/// Days from `last` to `now` (0 when the clock went back).
fn elapsed_days(last: u64, now: u64) -> f64 {
    now.saturating_sub(last) as f64 / DAY as f64
}

/// The Leitner intervals of progress files of format 1, in days, for boxes 1 to 5: box
/// `b` was reached by `b - 1` right answers in a row, given these many days apart.
pub const LEITNER_DAYS: [u64; 5] = [0, 1, 3, 7, 21];

/// The FSRS memory a card in Leitner `box` (1 to 5, of a format-1 progress file) starts
/// with: the answers that put it there replayed through FSRS. Box 1 (new, or just
/// missed) is one wrong answer; box `b` is `b - 1` right answers, the first on a new card
/// and each later one after the previous box's Leitner interval. With the default
/// parameters that gives stabilities of 0.40, 3.17, 5.87, 13.2 and 28.8 days.
pub fn memory_of_leitner_box(leitner: u8) -> Memory {
    let b = leitner.clamp(1, 5);
    if b == 1 {
        return Memory::first(Grade::Again);
    }
    let mut m = Memory::first(Grade::Good);
    for k in 2..b {
        m = m.next(Grade::Good, LEITNER_DAYS[usize::from(k) - 1] as f64);
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: u64 = 1_800_000_000;

    /// Worked examples, computed by hand from the FSRS-5 formulas above (in Python, to
    /// full double precision) with the default parameters.
    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn a_new_card_is_due_now() {
        assert!(CardState::NEW.is_due(0));
        assert!(CardState::NEW.is_due(T0));
        assert_eq!(CardState::NEW.memory(), None);
        assert_eq!(CardState::NEW.retrievability(T0), None);
    }

    #[test]
    fn retrievability_is_ninety_percent_after_stability_days() {
        for s in [0.5, 3.173, 10.0, 400.0] {
            assert!(close(retrievability(s, s), 0.9), "{s}");
            assert!(close(retrievability(0.0, s), 1.0));
            assert_eq!(interval_days(s, 0.9), (s.round() as u64).max(1));
        }
        // Ten days on a card of stability 3.173: (1 + 19/81 * 10/3.173)^-0.5.
        assert!(close(retrievability(10.0, 3.173), 0.758_258_816_654_568_2));
        // A higher retention asks for shorter intervals.
        assert!(interval_days(100.0, 0.95) < interval_days(100.0, 0.9));
    }

    #[test]
    fn right_answers_follow_the_worked_example() {
        // New, right: S = w2 = 3.173, D = w4 - e^(2 w5) + 1 = 5.282434422319005; due in
        // round(3.173) = 3 days.
        let s = CardState::NEW.answered(true, T0);
        assert!(close(s.stability, 3.173));
        assert!(close(s.difficulty, 5.282_434_422_319_005));
        assert_eq!(s.due, T0 + 3 * DAY);
        assert!(!s.is_due(s.due - 1) && s.is_due(s.due));
        // Right again on the day it is due (R = 0.9046982108893272): S = 10.73892584613159,
        // D = 5.272967931287446, due in 11 days.
        let s = s.answered(true, s.due);
        assert!(close(s.stability, 10.738_925_846_131_59), "{s:?}");
        assert!(close(s.difficulty, 5.272_967_931_287_446), "{s:?}");
        assert_eq!(s.due, T0 + 14 * DAY);
        // Wrong 11 days later (R = 0.8979): S = 2.185775232039225, D = 6.790567694566929,
        // due at once.
        let now = s.due;
        let s = s.answered(false, now);
        assert!(close(s.stability, 2.185_775_232_039_225), "{s:?}");
        assert!(close(s.difficulty, 6.790_567_694_566_929), "{s:?}");
        assert_eq!(s.due, now);
        assert_eq!((s.seen, s.correct, s.last), (3, 2, now));
    }

    /// Reference values from the published implementation, not from this file's
    /// formulas: py-fsrs 5.1.3 (`fsrs==5.1.3` from the Python package index, by
    /// open-spaced-repetition), its
    /// `Scheduler` with the default parameters and fuzzing off, stepped with its own
    /// `_initial_stability`, `_initial_difficulty`, `_next_stability` (days apart >= 1),
    /// `_short_term_stability` (less than a day), `_next_difficulty` and `_next_interval`.
    /// Each row: days since the previous answer, the answer, then S, D and the interval.
    #[test]
    fn memory_matches_py_fsrs_reference_values() {
        const ROWS: [(f64, bool, f64, f64, u64); 9] = [
            (3.0, true, 10.738_925_846_131_59, 5.272_967_931_287_446, 11),
            (9.0, true, 30.615_949_260_824_888, 5.263_544_986_114_632, 31),
            (
                40.0,
                false,
                3.820_377_347_662_459_4,
                6.784_232_087_673_549,
                4,
            ),
            (
                0.25,
                true,
                5.378_217_259_474_566_5,
                6.767_857_327_381_359,
                5,
            ),
            (2.0, true, 9.102_891_457_029_232, 6.751_557_890_986_513, 9),
            (
                1.0,
                false,
                1.590_585_311_146_522_5,
                7.784_711_730_147_012,
                2,
            ),
            (
                30.0,
                false,
                1.129_860_658_106_341_7,
                8.479_362_549_531_121,
                1,
            ),
            (
                0.5,
                false,
                0.566_092_418_075_326_4,
                8.946_417_641_019_828,
                1,
            ),
            // A lapse long after a short stability: held to S / e^(w17·w18).
            (
                100.0,
                false,
                0.402_119_614_429_583_44,
                9.260_446_578_146_73,
                1,
            ),
        ];
        let mut m = Memory::first(Grade::Good);
        assert!(close(m.stability, 3.173) && close(m.difficulty, 5.282_434_422_319_005));
        assert_eq!(interval_days(m.stability, DESIRED_RETENTION), 3);
        for (days, right, stability, difficulty, interval) in ROWS {
            m = m.next(Grade::of(right), days);
            assert!(close(m.stability, stability), "{days} {right}: {m:?}");
            assert!(close(m.difficulty, difficulty), "{days} {right}: {m:?}");
            assert_eq!(interval_days(m.stability, DESIRED_RETENTION), interval);
        }
    }

    #[test]
    fn an_answer_the_same_day_uses_the_short_term_formula() {
        // New, wrong: S = w0, D = w4; right ten minutes later: S = w0 e^(w17 w18) =
        // 0.5666983024925972, D = 7.176636167311107, due in 1 day.
        let s = CardState::NEW.answered(false, T0);
        assert!(close(s.stability, W[0]) && close(s.difficulty, W[4]));
        assert!(s.is_due(T0));
        let s = s.answered(true, T0 + 600);
        assert!(close(s.stability, 0.566_698_302_492_597_2), "{s:?}");
        assert!(close(s.difficulty, 7.176_636_167_311_107), "{s:?}");
        assert_eq!(s.due, T0 + 600 + DAY);
    }

    #[test]
    fn leitner_boxes_map_to_growing_stabilities() {
        let want = [
            0.40255,
            3.173,
            5.869_141_822_641_378,
            13.238_825_364_380_796,
            28.841_796_700_460_318,
        ];
        for (b, want) in (1..=5).zip(want) {
            let m = memory_of_leitner_box(b);
            assert!(close(m.stability, want), "box {b}: {m:?}");
        }
        assert!(close(
            memory_of_leitner_box(5).difficulty,
            5.254_165_386_489_613
        ));
        // A corrupt box number is clamped.
        assert_eq!(memory_of_leitner_box(0), memory_of_leitner_box(1));
        assert_eq!(memory_of_leitner_box(200), memory_of_leitner_box(5));
    }

    #[test]
    fn values_out_of_range_stay_finite() {
        let wild = CardState {
            stability: f64::MAX,
            difficulty: -3.0,
            due: u64::MAX,
            seen: u32::MAX,
            correct: u32::MAX,
            last: u64::MAX,
        };
        let s = wild.answered(true, u64::MAX);
        assert!(s.stability.is_finite() && s.stability <= MAX_STABILITY);
        assert!((1.0..=10.0).contains(&s.difficulty));
        assert_eq!((s.seen, s.correct, s.due), (u32::MAX, u32::MAX, u64::MAX));
        let r = wild.retrievability(0).unwrap();
        assert!((0.0..=1.0).contains(&r));
        let tiny = CardState {
            stability: 0.0,
            seen: 1,
            ..CardState::NEW
        };
        let r = tiny.retrievability(u64::MAX).unwrap();
        assert!(r.is_finite() && r >= 0.0);
    }
}
