//! What one search of a sequence leaves for the next, so a query that only grew scans less.

use super::ItemKind;
use super::query::Query;
use super::words::Term;

/// What the last search of a sequence matched, so the next one can score only those items when its
/// query only grew. Start with `Narrowing::default()`; see [`SearchIndex::search_narrowing`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Narrowing {
    /// The last query, cleaned and folded; empty when there is nothing to narrow.
    pub(super) query: String,
    pub(super) filter: Option<ItemKind>,
    /// How many items the index had: a `Narrowing` from another index is never used.
    pub(super) items: usize,
    /// The last query's words, in the order typed.
    pub(super) words: Vec<String>,
    /// The last query's terms against the vocabulary ([`super::words::Term`]).
    pub(super) terms: Vec<Term>,
    /// Every item the last query matched, as positions in [`Index::entries`], increasing,
    /// with what is known of the points it loses on each word.
    pub(super) matched: Matched,
}

/// Items that matched, and for each of them and each word of the query (in the order typed), how
/// many points below [`bound::most_anywhere`] nucleo surely scores it, as [`bound::most`] showed
/// (0 when it was not worked out). A word only grows as it is typed, and a longer word never loses
/// fewer points than its beginning did (`a_longer_word_never_loses_less`), so the next key starts
/// from these and most texts are ruled out without working anything out again. `EXACT` marks a
/// loss worked out for this very word, which need not be worked out again while it stays the same.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Matched {
    pub(super) slots: Vec<u32>,
    /// `slots.len()` × the number of words.
    pub(super) losses: Vec<u16>,
}

pub(super) const EXACT: u16 = 0x8000;

/// What a search knows from the one before it: the losses of the items it scans (one row of
/// `stride` per candidate), and for each word of the new query (in the order typed) the word of the
/// old one it grew from, if any, and whether it is the same word.
pub(super) struct Prior<'a> {
    pub(super) losses: &'a [u16],
    pub(super) stride: usize,
    pub(super) from: Vec<Option<(usize, bool)>>,
}

impl Narrowing {
    /// Whether a search for `query` can scan only the items matched before: it only grew, and
    /// each of the last query's words finds no word of the texts the new one at its place did not.
    /// Not so when a grown word stops being a stop word's beginning ("auxiliar d" → "auxiliar de",
    /// which drops the "de"), reaches five letters (then a typo is forgiven), or stems otherwise.
    pub(super) fn covers(&self, query: &Query, filter: Option<ItemKind>, items: usize) -> bool {
        !self.query.is_empty()
            && self.filter == filter
            && self.items == items
            && query.folded.starts_with(&self.query)
            && query.typed.len() >= self.words.len()
            && query.typed.iter().zip(&self.words).all(|(new, old)| new.starts_with(old.as_str()))
            && query.tables.len() >= self.terms.len()
            && query.tables.iter().zip(&self.terms).all(|(new, old)| new.within(old))
    }

    /// How the words of a query that [`Narrowing::covers`] relate to the last query's: the same
    /// word, or one that grew from it (only the last can grow, and only into the same position).
    pub(super) fn prior(&self, words: &[String]) -> Prior<'_> {
        let from = words
            .iter()
            .enumerate()
            .map(|(i, word)| {
                let old = self.words.get(i)?;
                word.starts_with(old.as_str()).then_some((i, word == old))
            })
            .collect();
        Prior { losses: &self.matched.losses, stride: self.words.len(), from }
    }
}
