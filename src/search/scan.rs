//! Searching the index: which items match, which could rank, and scoring only those.

use super::bound;
use super::index::Index;
use super::narrowing::{EXACT, Matched, Narrowing, Prior};
use super::query::Query;
use super::rank::{Best, Rank};
use super::{BLOCK, SearchResults, threads, to_u32};
use crate::catalog::ItemKind;
use nucleo_matcher::pattern::CaseMatching;
use nucleo_matcher::{Config, Matcher};
use std::cmp::Reverse;
use std::sync::atomic::{AtomicUsize, Ordering as AtomicOrdering};

/// How many searches found a score above its bound and started over the plain way: a bug, or a
/// nucleo that scores differently; the tests check it stays 0.
#[cfg(test)]
pub(super) static FALLBACKS: AtomicUsize = AtomicUsize::new(0);

/// What one thread found: its best hits, the items it matched block by block, and whether every
/// score it got was within its bound.
pub(super) struct Found {
    pub(super) best: Best,
    pub(super) matched: Vec<(usize, Matched)>,
    pub(super) sound: bool,
}

/// One thread's scan: what it looks for, what it has kept, its reusable buffers.
pub(super) struct Scan {
    pub(super) filter: Option<ItemKind>,
    pub(super) method: Method,
    /// Whether to compute per-text bounds: only worth it when hits can be left out.
    pub(super) bounds: bool,
    pub(super) best: Best,
    pub(super) matcher: Matcher,
    pub(super) scratch: bound::Scratch,
    /// The losses of the text being scanned, one per word as typed.
    pub(super) losses: Vec<u16>,
    /// No score was above its bound.
    pub(super) sound: bool,
}

/// How a scan decides what matches: by a subsequence test, nucleo scoring only the hits that could
/// be kept (the way searches run), or nucleo on every item (`Reference`, the plain algorithm the
/// tests compare against, and the only one that honours `CaseMatching::Ignore`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Method {
    Pruned,
    Reference,
}

impl Index {
    /// See [`super::SearchIndex::search`].
    pub fn search(&self, query: &str, filter: Option<ItemKind>, limit: Option<usize>) -> SearchResults {
        self.search_with(query, filter, limit, CaseMatching::Respect, None)
    }

    /// See [`super::SearchIndex::search_narrowing`].
    pub fn search_narrowing(
        &self,
        query: &str,
        filter: Option<ItemKind>,
        limit: Option<usize>,
        narrowing: &mut Narrowing,
    ) -> SearchResults {
        self.search_with(query, filter, limit, CaseMatching::Respect, Some(narrowing))
    }

    pub(super) fn search_with(
        &self,
        query: &str,
        filter: Option<ItemKind>,
        limit: Option<usize>,
        case: CaseMatching,
        narrowing: Option<&mut Narrowing>,
    ) -> SearchResults {
        let method = if case == CaseMatching::Respect { Method::Pruned } else { Method::Reference };
        self.search_by(query, filter, limit, case, narrowing, method, threads())
    }

    #[allow(clippy::too_many_arguments)] // private; tests vary the last two
    pub(super) fn search_by(
        &self,
        raw: &str,
        filter: Option<ItemKind>,
        limit: Option<usize>,
        case: CaseMatching,
        narrowing: Option<&mut Narrowing>,
        method: Method,
        threads: usize,
    ) -> SearchResults {
        let Some(query) = self.prepare(raw, case) else {
            if let Some(narrowing) = narrowing {
                *narrowing = Narrowing::default();
            }
            return SearchResults::default();
        };
        let (candidates, prior) = match narrowing.as_deref() {
            Some(last) if last.covers(&query, filter, self.len()) => {
                (&last.matched.slots[..], last.prior(&query.typed))
            }
            _ => (&self.every[..], Prior { losses: &[], stride: 0, from: vec![None; query.typed.len()] }),
        };
        let (mut ranks, matched, sound) =
            self.scan(&query, filter, limit, candidates, &prior, method, threads);
        if !sound {
            #[cfg(test)]
            FALLBACKS.fetch_add(1, AtomicOrdering::Relaxed);
            // A bound was wrong, so a text may have been skipped that belonged in the results.
            return self.search_by(raw, filter, limit, case, narrowing, Method::Reference, threads);
        }
        let total = matched.slots.len();
        if let Some(narrowing) = narrowing {
            let (words, terms) = (query.typed, query.tables);
            *narrowing = Narrowing { query: query.folded, filter, items: self.len(), words, terms, matched };
        }
        ranks.sort_unstable_by(|a, b| b.cmp(a));
        if let Some(limit) = limit {
            ranks.truncate(limit);
        }
        SearchResults { hits: ranks.into_iter().map(Rank::hit).collect(), total }
    }

    /// Scans `candidates`: the best hits (all of them without a limit, in no order), and every
    /// candidate that matched, in candidate order. On one core for a few candidates, in blocks that
    /// every core takes in turn for many; the result does not depend on how many cores there are.
    // One private scan shared by the plain and the narrowing search; its inputs are the search's own.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn scan(
        &self,
        query: &Query,
        filter: Option<ItemKind>,
        limit: Option<usize>,
        candidates: &[u32],
        prior: &Prior<'_>,
        method: Method,
        threads: usize,
    ) -> (Vec<Rank>, Matched, bool) {
        let blocks: Vec<&[u32]> = candidates.chunks(BLOCK).collect();
        let threads = threads.min(blocks.len());
        let next = AtomicUsize::new(0);
        let work = || {
            let mut scan = Scan {
                filter,
                method,
                // Without a limit every match is scored anyway.
                bounds: limit.is_some(),
                best: Best::new(limit),
                matcher: Matcher::new(Config::DEFAULT),
                scratch: bound::Scratch::default(),
                losses: Vec::new(),
                sound: true,
            };
            let mut matched_blocks = Vec::new();
            loop {
                let block = next.fetch_add(1, AtomicOrdering::Relaxed);
                let Some(slots) = blocks.get(block) else {
                    return Found { best: scan.best, matched: matched_blocks, sound: scan.sound };
                };
                let mut matched = Matched::default();
                self.scan_block(query, slots, block * BLOCK, prior, &mut scan, &mut matched);
                matched_blocks.push((block, matched));
            }
        };
        let founds: Vec<Found> = if threads <= 1 {
            vec![work()]
        } else {
            std::thread::scope(|scope| {
                let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
                let mut founds = vec![work()];
                for helper in helpers {
                    // A helper only panics if scanning does; then so would this thread.
                    match helper.join() {
                        Ok(found) => founds.push(found),
                        Err(panic) => std::panic::resume_unwind(panic),
                    }
                }
                founds
            })
        };
        let mut ranks = Vec::new();
        let mut matched_blocks = Vec::with_capacity(blocks.len());
        let mut sound = true;
        for found in founds {
            ranks.extend(found.best.into_ranks());
            matched_blocks.extend(found.matched);
            sound &= found.sound;
        }
        matched_blocks.sort_unstable_by_key(|(block, _)| *block);
        let count = matched_blocks.iter().map(|(_, m)| m.slots.len()).sum();
        let mut matched = Matched {
            slots: Vec::with_capacity(count),
            losses: Vec::with_capacity(count * query.typed.len()),
        };
        for (_, block) in matched_blocks {
            matched.slots.extend(block.slots);
            matched.losses.extend(block.losses);
        }
        (ranks, matched, sound)
    }

    /// Scans the entries at `slots` (candidates `first..` of the search) for `query`: every match
    /// into `matched`, and the matches that could rank among the hits kept scored by nucleo and
    /// offered. With [`Method::Pruned`], a text is first tested for a match without scoring it; then
    /// its best possible rank, with the most points the query can get at all less what the text
    /// is known to lose (from `prior`, then worked out with [`bound`] word by word), is held against
    /// the worst hit kept so far, and only a text that could beat it is scored. A score above its
    /// bound (a nucleo that no longer scores like 0.3) clears `sound`, and the search is done again
    /// the plain way.
    pub(super) fn scan_block(
        &self,
        query: &Query,
        slots: &[u32],
        first: usize,
        prior: &Prior<'_>,
        scan: &mut Scan,
        matched: &mut Matched,
    ) {
        let pruned = scan.method == Method::Pruned;
        for (n, &slot) in slots.iter().enumerate() {
            let Some(entry) = self.entries.get(slot as usize) else { continue };
            if scan.filter.is_some_and(|kind| kind != entry.kind) {
                continue;
            }
            let haystack = self.haystack(entry);
            // Each query word must be one of the text's words, or its stem, prefix or typo.
            let Some(whole) = self.words.answer(slot as usize, &query.tables) else { continue };
            if !query.holds_marks(haystack) {
                continue;
            }
            // What is known from the last search, as a lower bound (a grown word is no longer EXACT).
            let row = (first + n) * prior.stride;
            scan.losses.clear();
            scan.losses.extend(prior.from.iter().map(|from| match *from {
                Some((old, same)) => {
                    let loss = prior.losses.get(row + old).copied().unwrap_or(0);
                    if same { loss } else { loss & !EXACT }
                }
                None => 0,
            }));
            let lost: u32 = scan.losses.iter().map(|&loss| u32::from(loss & !EXACT)).sum();
            let exact = query.is_title_of(haystack, entry.title_start as usize);
            let mut at_best = Rank {
                exact,
                whole,
                score: query.most.saturating_sub(lost),
                shorter: Reverse(entry.len),
                earlier: Reverse(entry.item),
            };
            let mut hopeless = pruned && !scan.best.could_take(at_best);
            // Until `limit` hits are kept any match is taken, so there is nothing to bound yet.
            if pruned && scan.bounds && !hopeless && scan.best.is_full() {
                for word in &query.words {
                    let known = scan.losses[word.typed];
                    if known & EXACT != 0 {
                        continue;
                    }
                    let most = word.most_in(haystack, &mut scan.scratch).min(word.most);
                    let loss = u16::try_from(word.most - most).unwrap_or(u16::MAX >> 1).min(!EXACT);
                    at_best.score -= u32::from(loss.saturating_sub(known));
                    scan.losses[word.typed] = loss.max(known) | EXACT;
                    if !scan.best.could_take(at_best) {
                        hopeless = true;
                        break;
                    }
                }
            }
            if !hopeless {
                let score = query.score(haystack, &mut scan.matcher);
                if score > at_best.score {
                    scan.sound = false;
                }
                scan.best.offer(Rank { score, ..at_best });
            }
            matched.slots.push(slot);
            matched.losses.extend_from_slice(&scan.losses);
        }
    }

    /// The char positions in `items()[item].text` that `query` matched, sorted, for drawing. Empty
    /// when the item does not match or does not exist.
    pub fn highlight(&self, item: usize, query: &str) -> Vec<usize> {
        // Without the vocabulary tables: working them out for each row drawn costs more than
        // marking, and a row drawn is a hit already.
        let query = Query::new(query, CaseMatching::Respect);
        let entry = self.slots.get(item).and_then(|&slot| self.entries.get(slot as usize));
        let (Some(entry), Some(query)) = (entry, query) else {
            return Vec::new();
        };
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut found = Vec::new();
        let haystack = self.haystack(entry);
        for (atom, word) in query.atoms.iter().zip(&query.words) {
            // A word found only by its stem or a typo is no subsequence: its text words are marked.
            if atom.indices(haystack, &mut matcher, &mut found).is_none() {
                let chars: Vec<char> = haystack.chars().collect();
                for term in super::words::split(&query.typed[word.typed]) {
                    super::words::mark_words(&chars, term, &mut found);
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        let map = self
            .positions
            .binary_search_by_key(&to_u32(item), |(at, _)| *at)
            .ok()
            .map(|i| &self.positions[i].1);
        found
            .into_iter()
            .map(|i| match map {
                Some(map) => map.get(i as usize).map_or(i as usize, |&p| p as usize),
                None => i as usize,
            })
            .collect()
    }
}
