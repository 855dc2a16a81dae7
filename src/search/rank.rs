//! How hits rank, and the best ones a scan keeps.

use super::{BLOCK, Hit};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// How a hit ranks: greater is better. Field order is the ranking: an exact title first, then more query words
/// held whole, then the score, then the shorter text, then catalog order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Rank {
    pub(super) exact: bool,
    /// How many query words the text holds as themselves or their stems ([`super::words`]).
    pub(super) whole: u8,
    pub(super) score: u32,
    pub(super) shorter: Reverse<u32>,
    pub(super) earlier: Reverse<u32>,
}

impl Rank {
    pub(super) fn hit(self) -> Hit {
        Hit { item: self.earlier.0 as usize, score: self.score, exact: self.exact, whole_words: self.whole }
    }
}

/// The hits a scan keeps: all of them, or the best `limit` so far (a heap with the worst on top).
pub(super) enum Best {
    All(Vec<Rank>),
    Top { limit: usize, heap: BinaryHeap<Reverse<Rank>> },
}

impl Best {
    pub(super) fn new(limit: Option<usize>) -> Best {
        match limit {
            None => Best::All(Vec::new()),
            Some(limit) => Best::Top { limit, heap: BinaryHeap::with_capacity(limit.min(BLOCK) + 1) },
        }
    }

    /// Whether a hit ranked `at_best` could still be among the kept ones. This is the pruning: once
    /// `limit` hits have the highest possible score, an item whose text is no shorter cannot beat
    /// them, so nucleo is not even asked to score it (it is still counted, and kept for narrowing).
    pub(super) fn could_take(&self, at_best: Rank) -> bool {
        match self {
            Best::All(_) => true,
            Best::Top { limit, heap } => {
                heap.len() < *limit || heap.peek().is_some_and(|Reverse(worst)| at_best > *worst)
            }
        }
    }

    pub(super) fn is_full(&self) -> bool {
        match self {
            Best::All(_) => false,
            Best::Top { limit, heap } => heap.len() >= *limit,
        }
    }

    pub(super) fn offer(&mut self, rank: Rank) {
        match self {
            Best::All(all) => all.push(rank),
            Best::Top { limit, heap } => {
                if heap.len() < *limit {
                    heap.push(Reverse(rank));
                } else if heap.peek().is_some_and(|Reverse(worst)| rank > *worst) {
                    heap.pop();
                    heap.push(Reverse(rank));
                }
            }
        }
    }

    pub(super) fn into_ranks(self) -> Vec<Rank> {
        match self {
            Best::All(all) => all,
            Best::Top { heap, .. } => heap.into_iter().map(|Reverse(rank)| rank).collect(),
        }
    }
}
