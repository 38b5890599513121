//! Cards from the atlas: for every trigger point, a "name the muscle" card (its referral
//! diagram and four muscles to choose from) and a "draw the pattern" card (its name; the
//! student marks its essential zone). The side each card is shown on, the distractors and
//! the order all come from one seed, so `--seed` makes a session reproducible.

use super::rng::Rng;
use crate::atlas::{Atlas, Muscle, MuscleGroup, Side, TriggerPoint};

/// How many choices a "name the muscle" card offers.
pub const CHOICES: usize = 4;

/// The two kinds of card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CardKind {
    /// A referral diagram; which muscle is it?
    Name,
    /// A named trigger point; mark its essential zone on the map.
    Draw,
}

impl CardKind {
    /// `"name"` or `"draw"`, as used in card ids.
    pub fn as_str(self) -> &'static str {
        match self {
            CardKind::Name => "name",
            CardKind::Draw => "draw",
        }
    }

    /// What the card asks, for headings.
    pub fn title(self) -> &'static str {
        match self {
            CardKind::Name => "Name the muscle",
            CardKind::Draw => "Draw the pattern",
        }
    }
}

/// One card of a deck.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// What it asks.
    pub kind: CardKind,
    /// The answer's muscle id.
    pub muscle: String,
    /// The trigger point id.
    pub trigger_point: String,
    /// The side the pattern is shown on (or asked for).
    pub side: Side,
    /// The muscle's body group, for the summary.
    pub group: MuscleGroup,
    /// For "name" cards: [`CHOICES`] muscle ids, the answer among them. Empty otherwise.
    pub choices: Vec<String>,
}

impl Card {
    /// The stable id progress is saved under: `name:upper-trapezius-1`.
    pub fn id(&self) -> String {
        card_id(self.kind, &self.trigger_point)
    }

    /// Where the answer is among the choices (0-based), for "name" cards.
    pub fn answer_index(&self) -> Option<usize> {
        self.choices.iter().position(|m| *m == self.muscle)
    }

    /// The card's muscle and trigger point in `atlas`.
    pub fn lookup<'a>(&self, atlas: &'a Atlas) -> Option<(&'a Muscle, &'a TriggerPoint)> {
        atlas.trigger_point(&self.trigger_point)
    }
}

/// The id of a card of `kind` for trigger point `tp`.
pub fn card_id(kind: CardKind, tp: &str) -> String {
    format!("{}:{tp}", kind.as_str())
}

/// Every card of a session's scope, in the seed's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deck {
    /// The cards.
    pub cards: Vec<Card>,
}

impl Deck {
    /// The deck for `group` (or the whole atlas), shuffled by `seed`.
    pub fn build(atlas: &Atlas, group: Option<MuscleGroup>, seed: u64) -> Deck {
        let mut rng = Rng::new(seed);
        let mut cards = Vec::new();
        for (muscle, tp) in atlas.trigger_points() {
            if group.is_some_and(|g| g != muscle.group) {
                continue;
            }
            for kind in [CardKind::Name, CardKind::Draw] {
                let side = if rng.below(2) == 0 {
                    Side::Left
                } else {
                    Side::Right
                };
                let choices = match kind {
                    CardKind::Name => choices(atlas, muscle, &mut rng),
                    CardKind::Draw => Vec::new(),
                };
                cards.push(Card {
                    kind,
                    muscle: muscle.id.clone(),
                    trigger_point: tp.id.clone(),
                    side,
                    group: muscle.group,
                    choices,
                });
            }
        }
        rng.shuffle(&mut cards);
        Deck { cards }
    }
}

/// The answer and three other muscles, preferring the answer's own body group (so the
/// choice is not given away by the body part), in a random order.
fn choices(atlas: &Atlas, answer: &Muscle, rng: &mut Rng) -> Vec<String> {
    let others = |same: bool| -> Vec<&Muscle> {
        atlas
            .muscles()
            .iter()
            .filter(|m| m.id != answer.id && (m.group == answer.group) == same)
            .collect()
    };
    let mut near = others(true);
    let mut far = others(false);
    rng.shuffle(&mut near);
    rng.shuffle(&mut far);
    let mut picked: Vec<String> = near
        .into_iter()
        .chain(far)
        .take(CHOICES - 1)
        .map(|m| m.id.clone())
        .collect();
    picked.push(answer.id.clone());
    rng.shuffle(&mut picked);
    picked
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn atlas() -> Atlas {
        Atlas::shipped().unwrap()
    }

    #[test]
    fn one_card_of_each_kind_per_trigger_point() {
        let a = atlas();
        let deck = Deck::build(&a, None, 1);
        assert_eq!(deck.cards.len(), 2 * a.trigger_point_count());
        let ids: BTreeSet<String> = deck.cards.iter().map(Card::id).collect();
        assert_eq!(ids.len(), deck.cards.len(), "ids are unique");
    }

    #[test]
    fn name_cards_have_four_distinct_choices_with_the_answer() {
        let a = atlas();
        for card in Deck::build(&a, None, 9).cards {
            match card.kind {
                CardKind::Name => {
                    assert_eq!(card.choices.len(), CHOICES);
                    let set: BTreeSet<&String> = card.choices.iter().collect();
                    assert_eq!(set.len(), CHOICES);
                    assert!(card.answer_index().is_some());
                }
                CardKind::Draw => assert!(card.choices.is_empty()),
            }
        }
    }

    #[test]
    fn distractors_prefer_the_same_group() {
        let a = atlas();
        let deck = Deck::build(&a, Some(MuscleGroup::Head), 4);
        assert!(!deck.cards.is_empty());
        for card in deck.cards.iter().filter(|c| c.kind == CardKind::Name) {
            for m in &card.choices {
                assert_eq!(a.muscle(m).unwrap().group, MuscleGroup::Head, "{card:?}");
            }
        }
    }

    #[test]
    fn small_groups_borrow_distractors_from_elsewhere() {
        let a = atlas();
        let g = MuscleGroup::ALL
            .into_iter()
            .min_by_key(|g| a.muscles().iter().filter(|m| m.group == *g).count())
            .unwrap();
        for card in Deck::build(&a, Some(g), 2).cards {
            assert!(card.kind == CardKind::Draw || card.choices.len() == CHOICES);
        }
    }

    #[test]
    fn group_filter_keeps_only_that_group() {
        let a = atlas();
        let deck = Deck::build(&a, Some(MuscleGroup::Leg), 1);
        assert!(!deck.cards.is_empty());
        assert!(deck.cards.iter().all(|c| c.group == MuscleGroup::Leg));
    }

    #[test]
    fn the_seed_fixes_the_order_sides_and_choices() {
        let a = atlas();
        assert_eq!(Deck::build(&a, None, 42), Deck::build(&a, None, 42));
        assert_ne!(Deck::build(&a, None, 42), Deck::build(&a, None, 43));
    }
}
