//! What a session starts from and ends with: which cards are due, in what order, and how
//! the student is doing per body group: cards due now, within a day and within a week,
//! accuracy, and retention (the FSRS chance of recall now, averaged over the cards ever
//! answered). [`Summary::of`] makes the summary; [`Summary::headline`] and
//! [`Summary::table`] are the lines both faces print (the study screen's `Tab`, and
//! `painmap study --stats`).

use super::cards::{CardKind, Deck, card_id};
use super::progress::Progress;
use super::schedule::DAY;
use crate::atlas::MuscleGroup;

/// One body group's numbers (or the whole deck's).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupStat {
    /// The group.
    pub group: MuscleGroup,
    /// Cards in the deck from this group.
    pub cards: usize,
    /// Of which due now (new cards included).
    pub due: usize,
    /// Of which never answered.
    pub new: usize,
    /// Not due now, but due within the next 24 hours.
    pub due_tomorrow: usize,
    /// Not due now, but due within the next 7 days (tomorrow's included).
    pub due_week: usize,
    /// Answers given, all time.
    pub seen: u32,
    /// Right answers, all time.
    pub correct: u32,
    /// The mean chance of recall now of the cards ever answered, when there are any.
    pub retention: Option<f64>,
}

impl GroupStat {
    /// Right answers as a share of answers, when there are any.
    pub fn accuracy(&self) -> Option<f64> {
        (self.seen > 0).then(|| f64::from(self.correct) / f64::from(self.seen))
    }
}

/// Cards due, accuracy and retention, overall and per body group (groups in head-to-toe
/// order, only those in the deck).
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// When it was made (seconds since the epoch).
    pub now: u64,
    /// Cards in the deck.
    pub cards: usize,
    /// Cards due now (new cards included).
    pub due: usize,
    /// Cards never answered.
    pub new: usize,
    /// Cards not due now but due within 24 hours.
    pub due_tomorrow: usize,
    /// Cards not due now but due within 7 days (tomorrow's included).
    pub due_week: usize,
    /// Answers given, all time.
    pub seen: u32,
    /// Right answers, all time.
    pub correct: u32,
    /// The mean chance of recall now of the cards ever answered.
    pub retention: Option<f64>,
    /// When the next card not yet due falls due (seconds since the epoch).
    pub next_due: Option<u64>,
    /// Per group.
    pub groups: Vec<GroupStat>,
}

/// Sums what a group's cards add up to.
#[derive(Default)]
struct Tally {
    cards: usize,
    due: usize,
    new: usize,
    tomorrow: usize,
    week: usize,
    seen: u32,
    correct: u32,
    recall_sum: f64,
    recalled: usize,
}

impl Tally {
    fn stat(&self, group: MuscleGroup) -> GroupStat {
        GroupStat {
            group,
            cards: self.cards,
            due: self.due,
            new: self.new,
            due_tomorrow: self.tomorrow,
            due_week: self.week,
            seen: self.seen,
            correct: self.correct,
            retention: (self.recalled > 0).then(|| self.recall_sum / self.recalled as f64),
        }
    }

    fn add(&mut self, g: &Tally) {
        self.cards += g.cards;
        self.due += g.due;
        self.new += g.new;
        self.tomorrow += g.tomorrow;
        self.week += g.week;
        self.seen = self.seen.saturating_add(g.seen);
        self.correct = self.correct.saturating_add(g.correct);
        self.recall_sum += g.recall_sum;
        self.recalled += g.recalled;
    }
}

impl Summary {
    /// The summary of a deck's progress at `now`.
    pub fn of(deck: &Deck, progress: &Progress, now: u64) -> Summary {
        let mut all = Tally::default();
        let mut groups = Vec::new();
        let mut next_due: Option<u64> = None;
        for group in MuscleGroup::ALL {
            let mut g = Tally::default();
            for card in deck.cards.iter().filter(|c| c.group == group) {
                let st = progress.state(&card.id());
                g.cards += 1;
                if st.is_due(now) {
                    g.due += 1;
                } else {
                    let wait = st.due - now;
                    g.tomorrow += usize::from(wait <= DAY);
                    g.week += usize::from(wait <= 7 * DAY);
                    next_due = Some(next_due.map_or(st.due, |d| d.min(st.due)));
                }
                // Counters saturate: a file may hold anything up to u32::MAX, and a
                // right count above the answer count is read as all right.
                g.seen = g.seen.saturating_add(st.seen);
                g.correct = g.correct.saturating_add(st.correct.min(st.seen));
                g.new += usize::from(st.seen == 0);
                if let Some(r) = st.retrievability(now) {
                    g.recall_sum += r;
                    g.recalled += 1;
                }
            }
            if g.cards > 0 {
                all.add(&g);
                groups.push(g.stat(group));
            }
        }
        let total = all.stat(MuscleGroup::ALL[0]);
        Summary {
            now,
            cards: total.cards,
            due: total.due,
            new: total.new,
            due_tomorrow: total.due_tomorrow,
            due_week: total.due_week,
            seen: total.seen,
            correct: total.correct,
            retention: total.retention,
            next_due,
            groups,
        }
    }

    /// Overall accuracy, when anything was answered.
    pub fn accuracy(&self) -> Option<f64> {
        (self.seen > 0).then(|| f64::from(self.correct) / f64::from(self.seen))
    }

    /// The lines above the table: cards, what is due when, answers and retention.
    pub fn headline(&self) -> Vec<String> {
        let mut lines = vec![
            format!(
                "{} cards · {} due now · {} never seen",
                self.cards, self.due, self.new
            ),
            format!(
                "Due within a day: {} · within a week: {}",
                self.due_tomorrow, self.due_week
            ),
            format!(
                "{} answered so far, {} right ({}) · retention now {}",
                self.seen,
                self.correct,
                percent(self.accuracy()),
                percent(self.retention)
            ),
        ];
        if self.due == 0
            && let Some(next) = self.next_due
        {
            let days = next.saturating_sub(self.now).div_ceil(DAY);
            lines.push(format!(
                "Nothing due; the next card is due in {days} day{}.",
                if days == 1 { "" } else { "s" }
            ));
        }
        lines
    }

    /// The per-group table, its heading first: cards, due now, new, due within a day
    /// and a week, retention and accuracy.
    pub fn table(&self) -> Vec<String> {
        let row = |cells: [&str; 8]| {
            format!(
                "{:<13}{:>6}{:>5}{:>5}{:>5}{:>6}{:>8}{:>10}",
                cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7]
            )
        };
        let mut lines = vec![row([
            "Body group",
            "cards",
            "due",
            "new",
            "24h",
            "7d",
            "recall",
            "accuracy",
        ])];
        for g in &self.groups {
            lines.push(row([
                g.group.as_str(),
                &g.cards.to_string(),
                &g.due.to_string(),
                &g.new.to_string(),
                &g.due_tomorrow.to_string(),
                &g.due_week.to_string(),
                &percent(g.retention),
                &percent(g.accuracy()),
            ]));
        }
        lines
    }
}

/// A share as a whole percentage, or a dash when there is none.
pub fn percent(share: Option<f64>) -> String {
    share.map_or_else(
        || "—".to_owned(),
        |x| format!("{}%", (x * 100.0).round() as u32),
    )
}

/// New "draw" cards come this many cards after their trigger point's "name" card.
pub const DRAW_GAP: usize = 3;

/// The deck indexes of the cards due at `now`, in study order: cards already seen (the
/// ones being relearned or reviewed) first, then new ones in the deck's order, with
/// drawing mixed through them: a trigger point is first met as a "name" card and its new
/// "draw" card follows [`DRAW_GAP`] cards later (whether the name was answered right or
/// not), and the new "draw" cards of points already named in an earlier session come one
/// after each new card from the start, not at the end.
pub fn due_order(deck: &Deck, progress: &Progress, now: u64) -> Vec<usize> {
    let mut seen = Vec::new();
    let mut fresh = Vec::new();
    let mut ready = Vec::new();
    for (i, c) in deck.cards.iter().enumerate() {
        let st = progress.state(&c.id());
        if st.is_due(now) {
            if st.seen > 0 {
                seen.push(i);
            } else if c.kind == CardKind::Draw
                && progress
                    .state(&card_id(CardKind::Name, &c.trigger_point))
                    .seen
                    > 0
            {
                ready.push(i);
            } else {
                fresh.push(i);
            }
        }
    }
    // The ready draw cards one after each other new card.
    let mut new = Vec::with_capacity(fresh.len() + ready.len());
    let mut ready = ready.into_iter();
    for i in fresh {
        new.push(i);
        new.extend(ready.next());
    }
    new.extend(ready);
    // The new draw cards whose name card is new in this session too, by trigger point:
    // each is held back until its name card has been shown, wherever the deck put it.
    let new_names: std::collections::BTreeSet<&str> = new
        .iter()
        .map(|&j| &deck.cards[j])
        .filter(|c| c.kind == CardKind::Name)
        .map(|c| c.trigger_point.as_str())
        .collect();
    let mut held: std::collections::BTreeMap<&str, usize> = new
        .iter()
        .filter(|&&j| {
            let c = &deck.cards[j];
            c.kind == CardKind::Draw && new_names.contains(c.trigger_point.as_str())
        })
        .map(|&j| (deck.cards[j].trigger_point.as_str(), j))
        .collect();
    let skipped: std::collections::BTreeSet<usize> = held.values().copied().collect();
    let mut out = seen;
    // Draw cards placed after their name card: (position from which, index).
    let mut placed: Vec<(usize, usize)> = Vec::new();
    let flush = |out: &mut Vec<usize>, placed: &mut Vec<(usize, usize)>| {
        while let Some(k) = placed.iter().position(|&(from, _)| from <= out.len()) {
            out.push(placed.remove(k).1);
        }
    };
    for &i in &new {
        let c = &deck.cards[i];
        flush(&mut out, &mut placed);
        if skipped.contains(&i) {
            continue;
        }
        out.push(i);
        if c.kind == CardKind::Name
            && let Some(j) = held.remove(c.trigger_point.as_str())
        {
            placed.push((out.len() + DRAW_GAP, j));
        }
    }
    placed.sort_unstable();
    out.extend(placed.into_iter().map(|p| p.1));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Atlas;
    use crate::study::schedule::{CardState, DAY};

    const T0: u64 = 1_800_000_000;

    #[test]
    fn everything_is_due_at_first() {
        let a = Atlas::shipped().unwrap();
        let deck = Deck::build(&a, Some(MuscleGroup::Head), 1);
        let p = Progress::default();
        let s = Summary::of(&deck, &p, T0);
        assert_eq!(
            (s.cards, s.due, s.new),
            (deck.cards.len(), s.cards, s.cards)
        );
        assert_eq!(s.accuracy(), None);
        assert_eq!(s.groups.len(), 1);
        assert_eq!(s.next_due, None);
        let order = due_order(&deck, &p, T0);
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(
            sorted,
            (0..deck.cards.len()).collect::<Vec<_>>(),
            "every card once"
        );
    }

    #[test]
    fn a_point_is_named_before_it_is_drawn() {
        let a = Atlas::shipped().unwrap();
        for seed in 0..20 {
            let deck = Deck::build(&a, None, seed);
            let order = due_order(&deck, &Progress::default(), T0);
            assert_eq!(order.len(), deck.cards.len());
            assert_eq!(deck.cards[order[0]].kind, CardKind::Name, "seed {seed}");
            for (k, &i) in order.iter().enumerate() {
                let c = &deck.cards[i];
                if c.kind == CardKind::Draw {
                    let named = order[..k]
                        .iter()
                        .any(|&j| deck.cards[j].trigger_point == c.trigger_point);
                    assert!(named, "seed {seed}: {c:?}");
                }
            }
        }
    }

    #[test]
    fn answers_move_cards_out_of_due_and_count_per_group() {
        let a = Atlas::shipped().unwrap();
        let deck = Deck::build(&a, None, 1);
        let mut p = Progress::default();
        let (c0, c1) = (&deck.cards[0], &deck.cards[1]);
        p.record(&c0.id(), true, T0);
        p.record(&c1.id(), false, T0);
        let s = Summary::of(&deck, &p, T0);
        assert_eq!(s.due, s.cards - 1, "the right answer waits three days");
        assert_eq!(s.new, s.cards - 2);
        assert_eq!((s.seen, s.correct), (2, 1));
        assert_eq!(s.next_due, Some(T0 + 3 * DAY));
        let g0 = s.groups.iter().find(|g| g.group == c0.group).unwrap();
        assert!(g0.seen >= 1);
        // The missed card comes first, before the new ones.
        let order = due_order(&deck, &p, T0);
        assert_eq!(order[0], 1);
        assert!(!order.contains(&0));
        // When its stability (3.173 days) has passed, rounded, the first is due again.
        assert!(!due_order(&deck, &p, T0 + 2 * DAY).contains(&0));
        assert!(due_order(&deck, &p, T0 + 3 * DAY).contains(&0));
    }

    #[test]
    fn counters_at_their_limit_saturate() {
        let a = Atlas::shipped().unwrap();
        let deck = Deck::build(&a, None, 1);
        let full = CardState {
            stability: 30.0,
            difficulty: 5.0,
            due: u64::MAX,
            seen: u32::MAX,
            correct: u32::MAX,
            last: u64::MAX,
        };
        let mut p = Progress::default();
        for c in &deck.cards[..3] {
            p.cards.insert(c.id(), full);
        }
        // More right than answered counts as all right, never above 100 %.
        let odd = CardState { seen: 1, ..full };
        p.cards.insert(deck.cards[3].id(), odd);
        let s = Summary::of(&deck, &p, T0);
        assert_eq!((s.seen, s.correct), (u32::MAX, u32::MAX));
        assert_eq!(s.accuracy(), Some(1.0));
        assert!(s.groups.iter().all(|g| g.correct <= g.seen));
        assert_eq!(s.next_due, Some(u64::MAX));
        let order = due_order(&deck, &p, T0);
        assert_eq!(order.len(), deck.cards.len() - 4);
        let again = p.record(&deck.cards[0].id(), true, u64::MAX);
        assert_eq!(
            (again.seen, again.correct, again.due),
            (u32::MAX, u32::MAX, u64::MAX)
        );
    }

    #[test]
    fn due_soon_and_retention_per_group() {
        let a = Atlas::shipped().unwrap();
        let deck = Deck::build(&a, None, 1);
        let mut p = Progress::default();
        let c0 = deck.cards[0].clone();
        let c1 = deck
            .cards
            .iter()
            .find(|c| c.group == c0.group && c.id() != c0.id())
            .unwrap()
            .clone();
        // Right: stability 3.173 days, due in 3 days; wrong: due now.
        p.record(&c0.id(), true, T0);
        p.record(&c1.id(), false, T0);
        let s = Summary::of(&deck, &p, T0 + DAY / 2);
        let g = s.groups.iter().find(|g| g.group == c0.group).unwrap();
        assert_eq!((g.due_tomorrow, g.due_week), (0, 1));
        assert_eq!((s.due_tomorrow, s.due_week), (0, 1));
        // Half a day on: R = (1 + 19/81 * 0.5/3.173)^-0.5 and (1 + 19/81 * 0.5/0.40255)^-0.5.
        let want = f64::midpoint(
            crate::study::schedule::retrievability(0.5, 3.173),
            crate::study::schedule::retrievability(0.5, 0.40255),
        );
        assert!((g.retention.unwrap() - want).abs() < 1e-12, "{g:?}");
        assert!((s.retention.unwrap() - want).abs() < 1e-12);
        let s = Summary::of(&deck, &p, T0 + 2 * DAY + 1);
        assert_eq!((s.due_tomorrow, s.due_week), (1, 1));
        let others = s.groups.iter().filter(|x| x.group != c0.group);
        assert!(others.clone().all(|x| x.retention.is_none()));
        assert!(others.clone().all(|x| x.due_tomorrow == 0));
    }

    #[test]
    fn the_printed_summary_names_every_group_and_its_numbers() {
        let a = Atlas::shipped().unwrap();
        let deck = Deck::build(&a, Some(MuscleGroup::Foot), 1);
        let mut p = Progress::default();
        for c in &deck.cards {
            p.record(&c.id(), true, T0);
        }
        let s = Summary::of(&deck, &p, T0);
        let head = s.headline().join("\n");
        assert!(
            head.contains(&format!("{} cards · 0 due now", deck.cards.len())),
            "{head}"
        );
        assert!(head.contains("retention now 100%"), "{head}");
        assert!(
            head.contains("Nothing due; the next card is due in"),
            "{head}"
        );
        let table = s.table();
        assert!(table[0].starts_with("Body group") && table[0].contains("recall"));
        assert_eq!(table.len(), 2);
        assert!(table[1].starts_with("foot"), "{table:?}");
        assert!(table[1].ends_with("100%"), "{table:?}");
        assert_eq!(percent(None), "—");
        assert_eq!(percent(Some(0.876)), "88%");
    }

    #[test]
    fn with_seed_3_a_draw_card_comes_within_the_first_15_cards() {
        let a = Atlas::shipped().unwrap();
        let deck = Deck::build(&a, None, 3);
        let order = due_order(&deck, &Progress::default(), T0);
        let first = order
            .iter()
            .position(|&i| deck.cards[i].kind == CardKind::Draw)
            .unwrap();
        assert!(first < 15, "first draw card at {}", first + 1);
        // Drawing is mixed through the session, not bunched at one end: every stretch of
        // 30 cards (but the last) has some.
        for w in order.chunks(30).take(order.len() / 30 - 1) {
            assert!(w.iter().any(|&i| deck.cards[i].kind == CardKind::Draw));
        }
    }

    #[test]
    fn draw_cards_of_points_named_before_come_early_not_last() {
        let a = Atlas::shipped().unwrap();
        let deck = Deck::build(&a, None, 5);
        let mut p = Progress::default();
        // Twenty name cards answered right in an earlier session, their draw cards not.
        let named: Vec<String> = deck
            .cards
            .iter()
            .filter(|c| c.kind == CardKind::Name)
            .take(20)
            .map(|c| c.trigger_point.clone())
            .collect();
        for tp in &named {
            p.record(&card_id(CardKind::Name, tp), true, T0);
        }
        let order = due_order(&deck, &p, T0 + DAY);
        assert_eq!(order.len(), deck.cards.len() - 20);
        // Each comes after one new card: all within the first 40.
        for tp in &named {
            let at = order
                .iter()
                .position(|&i| deck.cards[i].id() == card_id(CardKind::Draw, tp))
                .unwrap();
            assert!(at < 40, "{tp} at {at}");
        }
    }
}
