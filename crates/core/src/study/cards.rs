//! Cards from the atlas: for every trigger point, a "name the muscle" card (its referral
//! diagram and four muscles to choose from) and a "draw the pattern" card (its name; the
//! student marks its essential zone). The side each card is shown on, the order, and the
//! order of the choices each time a card is shown all come from one seed, so `--seed`
//! makes a session reproducible.
//!
//! The three wrong choices are the look-alikes: the muscles whose patterns overlap the
//! answer's most ([`likeness`]: shared regions, essential counting most, then the same
//! body area), so a card is answered by telling similar patterns apart rather than by
//! ruling out a muscle on the other end of the body.

use super::rng::Rng;
use crate::atlas::{Atlas, Muscle, MuscleGroup, Side, TriggerPoint};
use std::collections::BTreeSet;

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
    /// For "name" cards: [`CHOICES`] muscle ids, the answer first, then its look-alikes,
    /// most alike first (shown in a new order each time, see [`Card::shuffled_choices`]).
    /// Empty otherwise.
    pub choices: Vec<String>,
}

impl Card {
    /// The stable id progress is saved under: `name:upper-trapezius-1`.
    pub fn id(&self) -> String {
        card_id(self.kind, &self.trigger_point)
    }

    /// The choices in a fresh random order, never the order they were shown in the last
    /// time (`previous`), so a position cannot be learnt instead of a pattern.
    pub fn shuffled_choices(&self, rng: &mut Rng, previous: Option<&[String]>) -> Vec<String> {
        let mut order = self.choices.clone();
        rng.shuffle(&mut order);
        if order.len() > 1 && previous.is_some_and(|p| p == order.as_slice()) {
            let by = 1 + rng.below(order.len() - 1);
            order.rotate_left(by);
        }
        order
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
    /// The seed it was built from (a session shuffles the choices from it too).
    pub seed: u64,
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
                    CardKind::Name => choices(atlas, muscle, tp, &mut rng),
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
        Deck { cards, seed }
    }
}

/// How alike two referral patterns are: 3 for each region both have in the essential
/// zone, 2 for one in the essential zone of one and the spillover of the other, 1 for
/// one in both spillovers.
pub fn likeness(a: &TriggerPoint, b: &TriggerPoint) -> u32 {
    fn set(z: &[String]) -> BTreeSet<&str> {
        z.iter().map(String::as_str).collect()
    }
    let (ae, asp, be, bsp) = (
        set(&a.essential),
        set(&a.spillover),
        set(&b.essential),
        set(&b.spillover),
    );
    let n = |x: &BTreeSet<&str>, y: &BTreeSet<&str>| x.intersection(y).count() as u32;
    3 * n(&ae, &be) + 2 * (n(&ae, &bsp) + n(&asp, &be)) + n(&asp, &bsp)
}

/// The body areas (the atlas's region groups: "Shoulder & upper back"...) a pattern's
/// essential zone lies in.
fn areas<'a>(atlas: &'a Atlas, tp: &TriggerPoint) -> BTreeSet<&'a str> {
    tp.essential
        .iter()
        .filter_map(|r| atlas.region(r))
        .map(|r| r.group.as_str())
        .collect()
}

/// The trigger point of `muscle` whose pattern is most like `tp`'s (its first on a tie),
/// the one to set beside `tp` when the two muscles are compared.
pub fn closest_point<'a>(muscle: &'a Muscle, tp: &TriggerPoint) -> Option<&'a TriggerPoint> {
    muscle
        .trigger_points
        .iter()
        .enumerate()
        .max_by_key(|(i, t)| (likeness(t, tp), std::cmp::Reverse(*i)))
        .map(|(_, t)| t)
}

/// The answer and its [`CHOICES`]` - 1` look-alikes, most alike first: other muscles by
/// how much their closest pattern overlaps `tp`'s ([`likeness`]), then whether they are
/// in the same body group, then whether a pattern of theirs reaches the same body area;
/// the seed orders muscles alike in all three.
fn choices(atlas: &Atlas, answer: &Muscle, tp: &TriggerPoint, rng: &mut Rng) -> Vec<String> {
    let home = areas(atlas, tp);
    let mut others: Vec<(u32, bool, bool, &Muscle)> = atlas
        .muscles()
        .iter()
        .filter(|m| m.id != answer.id)
        .map(|m| {
            let like = m.trigger_points.iter().map(|t| likeness(t, tp)).max();
            let near = m
                .trigger_points
                .iter()
                .any(|t| !areas(atlas, t).is_disjoint(&home));
            (like.unwrap_or(0), m.group == answer.group, near, m)
        })
        .collect();
    rng.shuffle(&mut others);
    others.sort_by_key(|&(like, group, near, _)| std::cmp::Reverse((like, group, near)));
    let mut picked = vec![answer.id.clone()];
    picked.extend(
        others
            .into_iter()
            .take(CHOICES - 1)
            .map(|(.., m)| m.id.clone()),
    );
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
                    assert_eq!(card.choices[0], card.muscle, "the answer first");
                }
                CardKind::Draw => assert!(card.choices.is_empty()),
            }
        }
    }

    fn name_card<'d>(deck: &'d Deck, tp: &str) -> &'d Card {
        deck.cards
            .iter()
            .find(|c| c.kind == CardKind::Name && c.trigger_point == tp)
            .unwrap()
    }

    #[test]
    fn distractors_are_the_look_alikes() {
        let a = atlas();
        for seed in [1, 2, 3] {
            let deck = Deck::build(&a, None, seed);
            // The heel: soleus and quadratus plantae are the classic pair.
            let soleus = name_card(&deck, "soleus-1");
            assert!(
                soleus.choices.iter().any(|m| m == "quadratus-plantae"),
                "{soleus:?}"
            );
            // Every distractor shares some of the answer's pattern when any muscle does.
            for card in deck.cards.iter().filter(|c| c.kind == CardKind::Name) {
                let (_, tp) = card.lookup(&a).unwrap();
                let best = a
                    .muscles()
                    .iter()
                    .filter(|m| m.id != card.muscle)
                    .flat_map(|m| &m.trigger_points)
                    .map(|t| likeness(t, tp))
                    .max()
                    .unwrap();
                let like = |id: &String| {
                    let m = a.muscle(id).unwrap();
                    likeness(closest_point(m, tp).unwrap(), tp)
                };
                assert_eq!(like(&card.choices[1]), best, "{card:?}");
                assert!(like(&card.choices[1]) >= like(&card.choices[3]), "{card:?}");
            }
        }
    }

    #[test]
    fn likeness_counts_shared_regions_essential_most() {
        let a = atlas();
        let tp = |id: &str| a.trigger_point(id).unwrap().1;
        // Supraspinatus' outer point (essential: outer shoulder; spillover: outer upper
        // arm) and infraspinatus' main point (essential: front of the shoulder; spillover
        // includes the outer shoulder and the outer upper arm): 2 + 1.
        let supra = tp("supraspinatus-lateral");
        let infra = tp("infraspinatus-main");
        assert_eq!(likeness(supra, infra), 3);
        assert_eq!(likeness(supra, infra), likeness(infra, supra));
        // With itself: one essential region (3) and one spillover region (1).
        assert_eq!(likeness(supra, supra), 4);
        assert_eq!(likeness(supra, tp("soleus-1")), 0);
        // The closest point of supraspinatus to infraspinatus' main point.
        let m = a.muscle("supraspinatus").unwrap();
        assert!(closest_point(m, infra).is_some());
    }

    #[test]
    fn a_shown_card_never_repeats_its_last_order() {
        let a = atlas();
        let deck = Deck::build(&a, None, 1);
        let card = name_card(&deck, "soleus-1");
        let mut rng = Rng::new(8);
        let mut last = card.shuffled_choices(&mut rng, None);
        let mut orders = BTreeSet::new();
        for _ in 0..200 {
            let next = card.shuffled_choices(&mut rng, Some(&last));
            assert_ne!(next, last);
            let mut sorted = next.clone();
            sorted.sort();
            let mut want = card.choices.clone();
            want.sort();
            assert_eq!(sorted, want, "the same four choices");
            orders.insert(next.clone());
            last = next;
        }
        assert!(orders.len() > 12, "many orders: {}", orders.len());
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
