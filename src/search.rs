//! Fuzzy search over every item of the loaded catalogs.
//!
//! # Design
//!
//! The index is built once per loaded [`CatalogSet`] and queried on every keystroke, so all the
//! work that does not depend on the query happens at build time, and a keystroke does as little
//! as it can. Measured on the ESCO-scale catalog of `benches/esco` (52,040 texts) by
//! `benches/search.rs` and `benches/keystroke.rs`; figures in the README's "Rendimiento" table.
//!
//! Building:
//!
//! - Each item's text is accent- and case-folded once ([`text::fold_char`], ASCII taken straight)
//!   into a nucleo haystack. Folded texts that are pure ASCII (the usual case for Spanish once
//!   accents are gone), which is nucleo's fast path, lie back to back in one byte buffer, the rest
//!   in one `char` buffer; the original texts and ids lie back to back in one `String`
//!   ([`SearchIndex::item`] borrows from it). No allocation per item: at this size allocations
//!   and the pages they touch were most of the cost of a start. The texts are folded on every core.
//! - The query is folded the same way, so nucleo runs with `Normalization::Never` and
//!   `CaseMatching::Respect`: nothing is normalized or lower-cased again inside the scoring loop.
//!   Folding the query is required, not just tidy: nucleo never matches a non-ASCII needle against
//!   an ASCII haystack, so an unfolded "técnico" would find nothing.
//! - Haystacks are built char by char, not with `Utf32String::from`, which keeps only the first
//!   char of each grapheme and would shift positions. Combining accents (decomposed text, `e` +
//!   U+0301) are the one exception: they are dropped so "tecnico" matches a decomposed "Técnico"
//!   like a composed one, and the few items that had any keep a haystack→text position map.
//!   Otherwise haystack and text are char for char, so highlight positions carry over.
//! - Items are kept shortest text first (the scan order), which is the order in which ties rank.
//!
//! Searching:
//!
//! - Whether a text matches at all is a plain subsequence test per word, far cheaper than a score,
//!   and the count shown is of those. Only texts that could rank among the hits kept are scored by
//!   nucleo: the search keeps the best `limit` so far in a heap, and holds each new match's best
//!   possible rank against the worst of them, first with the most points any text can get
//!   (16 + 10 per char, the first char's bonus twice: a word typed at the start of a text word),
//!   then with the most this text can get ([`bound`]: nucleo's scoring, path by path, over just
//!   the positions where the word's letters are). With 200 hits shown, a few hundred to two
//!   thousand texts get scored instead of tens of thousands. Results are identical to scoring
//!   everything (`Method::Reference`, which the tests compare against), and a score above its
//!   bound would make the search start over that way.
//! - Typing only ever makes the query longer, and an item that matches "mantenimiento" matched
//!   "manten" too (each word of the shorter query is a prefix of a word of the longer one, and
//!   fuzzy matching is subsequence matching). [`SearchIndex::search_narrowing`] keeps the items
//!   the last query matched in a [`Narrowing`], with the points each was shown to lose on each
//!   word, and when the new folded query starts with the old one it scans only those, starting
//!   from those losses (a longer word never loses fewer). Anything else (a deleted letter,
//!   another filter) searches everything again. Same results either way; only the work differs.
//! - Large scans are split into blocks that every core takes from in turn, each with its own
//!   `Matcher`; the blocks' matches are put back in order, so results do not depend on the number
//!   of cores.
//! - Highlight positions need a second, slower matching pass, so they are computed on demand for
//!   the rows that are drawn ([`SearchIndex::highlight`]).
//!
//! Ranking: an item whose whole text (or a program's own name) equals the query, ignoring
//! accents, case, spacing and punctuation (nobody types a function's final period), comes first;
//! then nucleo's score (summed over the query's words, each of which must match); then shorter
//! text; then catalog order. The order is total, so results are deterministic.
//!
//! Query words are matched literally: nucleo's `Pattern::parse` syntax (`!`, `^`, `'`, `$`) is
//! not used, since people at an employment office type words, not fzf operators.

mod bound;

use crate::catalog::{CatalogSet, ItemKind};
use crate::text;
use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicUsize, Ordering as AtomicOrdering};
use std::sync::{Arc, Mutex, OnceLock};

/// One searchable item, with its text as the catalog has it (in Spanish).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchItem {
    pub kind: ItemKind,
    pub id: String,
    /// A sector's name, an occupation's title, a function's text, a competency's name, or a
    /// program as "institution — name" (so a search for "SENA" finds its programs).
    pub text: String,
    /// For a function: the id and title of its occupation.
    pub occupation: Option<(String, String)>,
}

/// One match: an index into [`SearchIndex::items`] and its score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub item: usize,
    /// nucleo's score, summed over the query's words; higher is better.
    pub score: u32,
    /// The query is the item's title (ignoring accents, case, spacing, punctuation); ranked first.
    pub exact: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchResults {
    /// Best first, at most `limit` of them.
    pub hits: Vec<Hit>,
    /// How many items matched before the limit was applied.
    pub total: usize,
}

/// What the last search of a sequence matched, so the next one can score only those items when its
/// query only grew. Start with `Narrowing::default()`; see [`SearchIndex::search_narrowing`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Narrowing {
    /// The last query, cleaned and folded; empty when there is nothing to narrow.
    query: String,
    filter: Option<ItemKind>,
    /// How many items the index had: a `Narrowing` from another index is never used.
    items: usize,
    /// The last query's words, in the order typed.
    words: Vec<String>,
    /// Every item the last query matched, as positions in [`Index::entries`], increasing,
    /// with what is known of the points it loses on each word.
    matched: Matched,
}

/// Items that matched, and for each of them and each word of the query (in the order typed), how
/// many points below [`bound::most_anywhere`] nucleo surely scores it, as [`bound::most`] showed
/// (0 when it was not worked out). A word only grows as it is typed, and a longer word never loses
/// fewer points than its beginning did (`a_longer_word_never_loses_less`), so the next key starts
/// from these and most texts are ruled out without working anything out again. `EXACT` marks a
/// loss worked out for this very word, which need not be worked out again while it stays the same.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Matched {
    slots: Vec<u32>,
    /// `slots.len()` × the number of words.
    losses: Vec<u16>,
}

const EXACT: u16 = 0x8000;

/// What a search knows from the one before it: the losses of the items it scans (one row of
/// `stride` per candidate), and for each word of the new query (in the order typed) the word of the
/// old one it grew from, if any, and whether it is the same word.
struct Prior<'a> {
    losses: &'a [u16],
    stride: usize,
    from: Vec<Option<(usize, bool)>>,
}

impl Narrowing {
    /// Whether a search for `query` (cleaned and folded) can scan only the items matched before.
    fn covers(&self, query: &str, filter: Option<ItemKind>, items: usize) -> bool {
        !self.query.is_empty()
            && self.filter == filter
            && self.items == items
            && query.starts_with(&self.query)
    }

    /// How the words of a query that [`Narrowing::covers`] relate to the last query's: the same
    /// word, or one that grew from it (only the last can grow, and only into the same position).
    fn prior(&self, words: &[String]) -> Prior<'_> {
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

/// What the scoring loop reads per item, kept apart from [`SearchItem`] for cache locality.
#[derive(Clone, Debug)]
struct Entry {
    /// Its index in [`SearchIndex::items`].
    item: u32,
    kind: ItemKind,
    /// Whether the haystack is in `Index::ascii` (else in `Index::unicode`).
    ascii: bool,
    start: u32,
    len: u32,
    /// Where the title proper starts in the haystack (after a program's "institution — ").
    title_start: u32,
}

/// One searchable item, borrowed from the index: what [`SearchIndex::item`] gives, without copying.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemRef<'a> {
    pub kind: ItemKind,
    pub id: &'a str,
    /// As in [`SearchItem::text`].
    pub text: &'a str,
    /// For a function: the id and title of its occupation.
    pub occupation: Option<(&'a str, &'a str)>,
}

impl ItemRef<'_> {
    pub fn to_owned(self) -> SearchItem {
        SearchItem {
            kind: self.kind,
            id: self.id.to_string(),
            text: self.text.to_string(),
            occupation: self.occupation.map(|(id, title)| (id.to_string(), title.to_string())),
        }
    }
}

/// Where an item's id and text are in [`Index::texts`], and whose function it is.
#[derive(Clone, Copy, Debug)]
struct Record {
    kind: ItemKind,
    text: (u32, u32),
    id: (u32, u32),
    /// For a function, the item of its occupation; `NO_OWNER` otherwise.
    owner: u32,
}

const NO_OWNER: u32 = u32::MAX;

/// The index itself (see [`SearchIndex`]). Item texts and ids lie back to back in one buffer
/// rather than in a `String` each: a catalog the size of ESCO has 52,000 items, and 160,000 small
/// allocations were most of what building an index cost, at every start.
#[derive(Clone, Debug, Default)]
struct Index {
    /// Every item's text, then its id, back to back.
    texts: String,
    records: Vec<Record>,
    /// [`SearchIndex::items`], made the first time it is asked for.
    items: OnceLock<Vec<SearchItem>>,
    /// One per item, in the order a search scans them: shortest haystack first, equal lengths in
    /// item order, so the best possible ranks come first (see [`Best`]). Narrowed searches read
    /// them at increasing positions too, so a scan reads memory front to back.
    entries: Vec<Entry>,
    /// Item → its position in `entries`.
    slots: Vec<u32>,
    /// The folded haystacks that are pure ASCII, back to back in scan order.
    ascii: Vec<u8>,
    /// The other folded haystacks, back to back in scan order.
    unicode: Vec<char>,
    /// Haystack position → char position in the text, for the few items whose text had combining
    /// marks; sorted by item.
    positions: Vec<(u32, Box<[u32]>)>,
    /// `0..entries.len()`: what a search that cannot narrow scans.
    every: Vec<u32>,
}

/// An item to index, borrowed from the catalogs.
struct Source<'a> {
    kind: ItemKind,
    id: &'a str,
    text: Text<'a>,
    /// For a function, the position of its occupation's item among all sources; `NO_OWNER` else.
    owner: u32,
}

/// An item's text: its own, or a program's "institution — name".
#[derive(Clone, Copy)]
enum Text<'a> {
    Own(&'a str),
    Program { institution: &'a str, name: &'a str },
}

impl Text<'_> {
    /// Its length in bytes, near enough to size buffers.
    fn len(&self) -> usize {
        match self {
            Text::Own(text) => text.len(),
            Text::Program { institution, name } => institution.len() + name.len() + 5,
        }
    }
}

/// A prepared query: one nucleo atom per folded word, and the key that an exact title must equal.
struct Query {
    /// The cleaned, folded query, before splitting into words (what [`Narrowing`] compares).
    folded: String,
    /// The folded query through [`squeeze`]: its letters and digits, words split by one space.
    key: String,
    /// `key.chars().count()`, to skip texts too short to be the title.
    key_chars: usize,
    atoms: Vec<Atom>,
    /// Each atom's word, for [`bound`]; same order.
    words: Vec<Word>,
    /// The words in the order typed.
    typed: Vec<String>,
    /// The highest score nucleo can give any text for this query ([`bound::most_anywhere`]).
    most: u32,
}

/// A query word as [`bound`] reads it.
struct Word {
    /// Its place among the words as typed.
    typed: usize,
    /// `None` for a word too long to bound; then it counts for [`bound::most_anywhere`].
    needle: Option<bound::Needle>,
    /// [`bound::most_anywhere`] for it.
    most: u32,
}

impl Word {
    fn of(atom: &Atom, typed: usize) -> Word {
        let chars: Vec<char> = atom.needle_text().chars().collect();
        Word { typed, most: bound::most_anywhere(chars.len()), needle: bound::Needle::new(&chars) }
    }

    /// At least what nucleo scores this word in `haystack`, which must match it.
    fn most_in(&self, haystack: Utf32Str<'_>, scratch: &mut bound::Scratch) -> u32 {
        match (haystack, &self.needle) {
            (_, None) => self.most,
            (Utf32Str::Ascii(text), Some(needle)) => bound::most_ascii(text, needle, scratch),
            (Utf32Str::Unicode(text), Some(needle)) => bound::most_chars(text, needle, scratch),
        }
    }
}

/// How many searches found a score above its bound and started over the plain way: a bug, or a
/// nucleo that scores differently; the tests check it stays 0.
#[cfg(test)]
static FALLBACKS: AtomicUsize = AtomicUsize::new(0);

/// Items per block of a scan; fewer candidates than two blocks are scanned on one core.
const BLOCK: usize = 2048;

/// Threads a search may use: the machine's cores, up to 4 (past that, starting them costs more
/// than it saves on 52,000 texts). Asked once: it reads cgroup files on Linux.
fn threads() -> usize {
    static THREADS: OnceLock<usize> = OnceLock::new();
    *THREADS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4))
}

/// How a hit ranks: greater is better. Field order is the ranking: an exact title first, then the
/// score, then the shorter text, then catalog order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    exact: bool,
    score: u32,
    shorter: Reverse<u32>,
    earlier: Reverse<u32>,
}

impl Rank {
    fn hit(self) -> Hit {
        Hit { item: self.earlier.0 as usize, score: self.score, exact: self.exact }
    }
}

/// The hits a scan keeps: all of them, or the best `limit` so far (a heap with the worst on top).
enum Best {
    All(Vec<Rank>),
    Top { limit: usize, heap: BinaryHeap<Reverse<Rank>> },
}

impl Best {
    fn new(limit: Option<usize>) -> Best {
        match limit {
            None => Best::All(Vec::new()),
            Some(limit) => Best::Top { limit, heap: BinaryHeap::with_capacity(limit.min(BLOCK) + 1) },
        }
    }

    /// Whether a hit ranked `at_best` could still be among the kept ones. This is the pruning: once
    /// `limit` hits have the highest possible score, an item whose text is no shorter cannot beat
    /// them, so nucleo is not even asked to score it (it is still counted, and kept for narrowing).
    fn could_take(&self, at_best: Rank) -> bool {
        match self {
            Best::All(_) => true,
            Best::Top { limit, heap } => {
                heap.len() < *limit || heap.peek().is_some_and(|Reverse(worst)| at_best > *worst)
            }
        }
    }

    fn is_full(&self) -> bool {
        match self {
            Best::All(_) => false,
            Best::Top { limit, heap } => heap.len() >= *limit,
        }
    }

    fn offer(&mut self, rank: Rank) {
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

    fn into_ranks(self) -> Vec<Rank> {
        match self {
            Best::All(all) => all,
            Best::Top { heap, .. } => heap.into_iter().map(|Reverse(rank)| rank).collect(),
        }
    }
}

/// What one thread found: its best hits, the items it matched block by block, and whether every
/// score it got was within its bound.
struct Found {
    best: Best,
    matched: Vec<(usize, Matched)>,
    sound: bool,
}

/// One thread's scan: what it looks for, what it has kept, its reusable buffers.
struct Scan {
    filter: Option<ItemKind>,
    method: Method,
    /// Whether to compute per-text bounds: only worth it when hits can be left out.
    bounds: bool,
    best: Best,
    matcher: Matcher,
    scratch: bound::Scratch,
    /// The losses of the text being scanned, one per word as typed.
    losses: Vec<u16>,
    /// No score was above its bound.
    sound: bool,
}

/// How a scan decides what matches: by a subsequence test, nucleo scoring only the hits that could
/// be kept (the way searches run), or nucleo on every item (`Reference`, the plain algorithm the
/// tests compare against, and the only one that honours `CaseMatching::Ignore`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Method {
    Pruned,
    Reference,
}

/// The search index of a [`CatalogSet`]: every sector, occupation, function, competency and
/// program, grouped by kind in catalog order. Built at once ([`SearchIndex::new`]) or on another
/// core while the caller goes on ([`SearchIndex::in_background`]); then the first use waits for it.
pub struct SearchIndex {
    built: OnceLock<Index>,
    pending: Mutex<Option<std::thread::JoinHandle<Index>>>,
}

impl SearchIndex {
    /// Indexes every sector, occupation, function, competency and program, on every core.
    pub fn new(set: &CatalogSet) -> SearchIndex {
        SearchIndex::ready(Index::new(set))
    }

    /// Starts indexing `set` on one other core and returns at once. For the app, whose first frame
    /// does not need the index: built meanwhile, it is ready long before anyone types a search.
    pub fn in_background(set: Arc<CatalogSet>) -> SearchIndex {
        let shared = set.clone();
        let build = move || Index::from_sources(&Index::sources(&shared), 1);
        match std::thread::Builder::new().name("search-index".into()).spawn(build) {
            Ok(handle) => SearchIndex { built: OnceLock::new(), pending: Mutex::new(Some(handle)) },
            // No thread to be had: build it here.
            Err(_) => SearchIndex::new(&set),
        }
    }

    fn ready(index: Index) -> SearchIndex {
        SearchIndex { built: OnceLock::from(index), pending: Mutex::new(None) }
    }

    /// The index, once built (waiting for the thread building it, if any).
    fn built(&self) -> &Index {
        self.built.get_or_init(|| {
            let pending = self.pending.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take();
            match pending.map(std::thread::JoinHandle::join) {
                Some(Ok(index)) => index,
                Some(Err(panic)) => std::panic::resume_unwind(panic),
                None => Index::default(),
            }
        })
    }

    pub fn len(&self) -> usize {
        self.built().len()
    }

    pub fn is_empty(&self) -> bool {
        self.built().is_empty()
    }

    /// Item `item` (as in [`Hit::item`]), borrowed. Panics when out of range, as indexing does.
    pub fn item(&self, item: usize) -> ItemRef<'_> {
        self.built().item(item)
    }

    /// Every item, owned. Made on first use and kept (as much memory again as the index): prefer
    /// [`SearchIndex::item`].
    pub fn items(&self) -> &[SearchItem] {
        self.built().items()
    }

    /// The items matching every word of `query`, best first; only items of kind `filter` if given.
    /// `limit` caps `hits`, not `total`. A query with no words (after removing forbidden
    /// characters) matches nothing.
    pub fn search(&self, query: &str, filter: Option<ItemKind>, limit: Option<usize>) -> SearchResults {
        self.built().search(query, filter, limit)
    }

    /// The same results as [`SearchIndex::search`], for one of a sequence of queries typed one key at
    /// a time: when `query` only adds to the query `narrowing` remembers (same filter), only the items
    /// that one matched are scanned. `narrowing` is then updated for the next call.
    pub fn search_narrowing(
        &self,
        query: &str,
        filter: Option<ItemKind>,
        limit: Option<usize>,
        narrowing: &mut Narrowing,
    ) -> SearchResults {
        self.built().search_narrowing(query, filter, limit, narrowing)
    }

    /// The char positions in `items()[item].text` that `query` matched, sorted, for drawing. Empty
    /// when the item does not match or does not exist.
    pub fn highlight(&self, item: usize, query: &str) -> Vec<usize> {
        self.built().highlight(item, query)
    }
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").field("items", &self.len()).finish()
    }
}

impl Index {
    /// Indexes every sector, occupation, function, competency and program, grouped by kind in
    /// catalog order.
    pub fn new(set: &CatalogSet) -> Index {
        Index::from_sources(&Index::sources(set), threads())
    }

    /// What each item is made of, borrowed; the texts are copied and folded by `build`.
    fn sources(set: &CatalogSet) -> Vec<Source<'_>> {
        let mut sources: Vec<Source<'_>> = Vec::new();
        for sector in set.sectors() {
            sources.push(Source {
                kind: ItemKind::Sector,
                id: &sector.id,
                text: Text::Own(&sector.name),
                owner: NO_OWNER,
            });
        }
        let first_occupation = sources.len();
        for occupation in set.occupations() {
            let text = Text::Own(&occupation.title);
            sources.push(Source { kind: ItemKind::Occupation, id: &occupation.id, text, owner: NO_OWNER });
        }
        for (n, occupation) in set.occupations().enumerate() {
            for function in &occupation.functions {
                let owner = to_u32(first_occupation + n);
                sources.push(Source {
                    kind: ItemKind::Function,
                    id: &function.id,
                    text: Text::Own(&function.text),
                    owner,
                });
            }
        }
        for competency in set.competencies() {
            let text = Text::Own(&competency.name);
            sources.push(Source { kind: ItemKind::Competency, id: &competency.id, text, owner: NO_OWNER });
        }
        for program in set.programs() {
            let text = if program.institution.trim().is_empty() {
                Text::Own(&program.name)
            } else {
                Text::Program { institution: &program.institution, name: &program.name }
            };
            sources.push(Source { kind: ItemKind::Program, id: &program.id, text, owner: NO_OWNER });
        }
        sources
    }

    fn from_sources(sources: &[Source<'_>], threads: usize) -> Index {
        // Built straight in scan order, shortest text first. By bytes rather than folded chars:
        // near enough, and only how soon a search can prune depends on it, not what it finds.
        let mut order: Vec<u32> = (0..to_u32(sources.len())).collect();
        order.sort_unstable_by_key(|&item| (sources[item as usize].text.len(), item));
        // Copying and folding 52,000 texts is most of the work: halves on two cores, then joined.
        let threads = threads.min(sources.len().div_ceil(4 * BLOCK)).max(1);
        let chunk = order.len().div_ceil(threads).max(1);
        let mut parts: Vec<Index> = if threads == 1 {
            vec![Index::build(sources, &order, &order)]
        } else {
            std::thread::scope(|scope| {
                let helpers: Vec<_> = order
                    .chunks(chunk)
                    .skip(1)
                    .map(|part| scope.spawn(|| Index::build(sources, part, &[])))
                    .collect();
                let mut parts =
                    vec![Index::build(sources, order.chunks(chunk).next().unwrap_or(&[]), &order)];
                for helper in helpers {
                    match helper.join() {
                        Ok(part) => parts.push(part),
                        Err(panic) => std::panic::resume_unwind(panic),
                    }
                }
                parts
            })
        };
        let mut index = if parts.is_empty() { Index::default() } else { parts.remove(0) };
        for part in parts {
            index.append(part);
        }
        // Records were made in scan order too; items are numbered in catalog order.
        let mut records =
            vec![Record { kind: ItemKind::Sector, text: (0, 0), id: (0, 0), owner: NO_OWNER }; order.len()];
        for (record, &item) in index.records.iter().zip(&order) {
            records[item as usize] = *record;
        }
        index.records = records;
        index.positions.sort_unstable_by_key(|(item, _)| *item);
        index.slots = vec![0; order.len()];
        for (slot, entry) in index.entries.iter().enumerate() {
            index.slots[entry.item as usize] = to_u32(slot);
        }
        index.every = (0..to_u32(order.len())).collect();
        index
    }

    /// The items of `sources` at `part` of `order`, in that order. The first part reserves room for
    /// all of `whole`, so the other parts are appended to it without moving it.
    fn build(sources: &[Source<'_>], part: &[u32], whole: &[u32]) -> Index {
        let mut index = Index::default();
        let room = if whole.is_empty() { part } else { whole };
        let of = |item: &u32| &sources[*item as usize];
        index.records.reserve(room.len());
        index.entries.reserve(room.len());
        let size: usize = room.iter().map(|item| of(item).text.len()).sum();
        index.ascii.reserve(size);
        index.texts.reserve(size + room.iter().map(|item| of(item).id.len()).sum::<usize>());
        let mut scratch = Vec::new();
        for &item in part {
            let source = of(&item);
            let start = index.texts.len();
            let title_start = match source.text {
                Text::Own(text) => {
                    index.texts.push_str(text);
                    0
                }
                Text::Program { institution, name } => {
                    index.texts.push_str(institution);
                    index.texts.push_str(" — ");
                    let title_start = index.texts[start..].chars().count();
                    index.texts.push_str(name);
                    title_start
                }
            };
            let text = (to_u32(start), to_u32(index.texts.len() - start));
            let id_start = index.texts.len();
            index.texts.push_str(source.id);
            let id = (to_u32(id_start), to_u32(source.id.len()));
            index.records.push(Record { kind: source.kind, text, id, owner: source.owner });
            index.fold_item(&mut scratch, item, start..id_start, title_start);
        }
        index
    }

    /// Adds `other`'s entries, records and buffers after this one's. Item numbers and owners are
    /// positions among all sources already.
    fn append(&mut self, other: Index) {
        let (ascii, unicode, texts) =
            (to_u32(self.ascii.len()), to_u32(self.unicode.len()), to_u32(self.texts.len()));
        self.entries.extend(
            other.entries.into_iter().map(|entry| Entry {
                start: entry.start + if entry.ascii { ascii } else { unicode },
                ..entry
            }),
        );
        self.positions.extend(other.positions);
        self.records.extend(other.records.into_iter().map(|record| Record {
            text: (record.text.0 + texts, record.text.1),
            id: (record.id.0 + texts, record.id.1),
            ..record
        }));
        self.texts.push_str(&other.texts);
        self.ascii.extend(other.ascii);
        self.unicode.extend(other.unicode);
    }

    /// Adds an item of no occupation; [`Index::finish`] must follow the last one.
    #[cfg(test)]
    fn push(&mut self, kind: ItemKind, id: &str, text: String, title_start: usize) {
        let start = self.texts.len();
        self.texts.push_str(&text);
        let id_start = self.texts.len();
        self.texts.push_str(id);
        let (text, id) = ((to_u32(start), to_u32(text.len())), (to_u32(id_start), to_u32(id.len())));
        self.records.push(Record { kind, text, id, owner: NO_OWNER });
        self.fold_item(&mut Vec::new(), to_u32(self.records.len() - 1), start..id_start, title_start);
    }

    /// Folds the text at `range` of `texts` (the last record's, of item `item`) into a haystack,
    /// through `scratch`.
    fn fold_item(
        &mut self,
        scratch: &mut Vec<char>,
        item: u32,
        range: std::ops::Range<usize>,
        title_start: usize,
    ) {
        let kind = self.records.last().map_or(ItemKind::Sector, |record| record.kind);
        let text = &self.texts[range];
        let (ascii, start_at, len, start) = if let Some(len) = fold_to_ascii(&mut self.ascii, text) {
            // Most texts: ASCII once folded ("Técnico" → "tecnico"), char for char.
            (true, self.ascii.len() - len, len, if title_start < len { title_start } else { 0 })
        } else if !text.chars().any(is_combining) {
            // Char for char: no position map needed.
            scratch.clear();
            scratch.extend(text.chars().map(fold_char));
            let start = if title_start < scratch.len() { title_start } else { 0 };
            let start_at = self.unicode.len();
            self.unicode.extend_from_slice(scratch);
            (false, start_at, scratch.len(), start)
        } else {
            let (folded, positions) = fold_decomposed(&mut self.ascii, &mut self.unicode, text, title_start);
            if let Some(map) = positions {
                self.positions.push((item, map));
            }
            folded
        };
        self.entries.push(Entry {
            item,
            kind,
            ascii,
            start: to_u32(start_at),
            len: to_u32(len),
            title_start: to_u32(start),
        });
    }

    /// After [`Index::push`]: sorts the entries into scan order and lays their haystacks out
    /// in it. (`Index::new` builds in scan order from the start.)
    #[cfg(test)]
    fn finish(&mut self) {
        let Index { entries, slots, ascii, unicode, every, .. } = self;
        entries.sort_unstable_by_key(|entry| (entry.len, entry.item));
        let mut new_ascii = Vec::with_capacity(ascii.len());
        let mut new_unicode = Vec::with_capacity(unicode.len());
        *slots = vec![0; entries.len()];
        for (slot, entry) in entries.iter_mut().enumerate() {
            slots[entry.item as usize] = to_u32(slot);
            let range = entry.start as usize..(entry.start + entry.len) as usize;
            if entry.ascii {
                entry.start = to_u32(new_ascii.len());
                new_ascii.extend_from_slice(&ascii[range]);
            } else {
                entry.start = to_u32(new_unicode.len());
                new_unicode.extend_from_slice(&unicode[range]);
            }
        }
        *ascii = new_ascii;
        *unicode = new_unicode;
        *every = (0..to_u32(entries.len())).collect();
    }

    fn haystack(&self, entry: &Entry) -> Utf32Str<'_> {
        let range = entry.start as usize..(entry.start + entry.len) as usize;
        if entry.ascii {
            Utf32Str::Ascii(&self.ascii[range])
        } else {
            Utf32Str::Unicode(&self.unicode[range])
        }
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Item `item` (as in [`Hit::item`]), borrowed. Panics when out of range, as indexing does.
    pub fn item(&self, item: usize) -> ItemRef<'_> {
        let record = &self.records[item];
        let at = |(start, len): (u32, u32)| &self.texts[start as usize..(start + len) as usize];
        let occupation = self.records.get(record.owner as usize).map(|owner| (at(owner.id), at(owner.text)));
        ItemRef { kind: record.kind, id: at(record.id), text: at(record.text), occupation }
    }

    /// Every item, owned. Made on first use and kept (as much memory again as the index): prefer
    /// [`SearchIndex::item`].
    pub fn items(&self) -> &[SearchItem] {
        self.items.get_or_init(|| (0..self.len()).map(|item| self.item(item).to_owned()).collect())
    }

    /// The items matching every word of `query`, best first; only items of kind `filter` if given.
    /// `limit` caps `hits`, not `total`. A query with no words (after removing forbidden
    /// characters) matches nothing.
    pub fn search(&self, query: &str, filter: Option<ItemKind>, limit: Option<usize>) -> SearchResults {
        self.search_with(query, filter, limit, CaseMatching::Respect, None)
    }

    /// The same results as [`SearchIndex::search`], for one of a sequence of queries typed one key at
    /// a time: when `query` only adds to the query `narrowing` remembers (same filter), only the items
    /// that one matched are scanned. `narrowing` is then updated for the next call.
    pub fn search_narrowing(
        &self,
        query: &str,
        filter: Option<ItemKind>,
        limit: Option<usize>,
        narrowing: &mut Narrowing,
    ) -> SearchResults {
        self.search_with(query, filter, limit, CaseMatching::Respect, Some(narrowing))
    }

    fn search_with(
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
    fn search_by(
        &self,
        raw: &str,
        filter: Option<ItemKind>,
        limit: Option<usize>,
        case: CaseMatching,
        narrowing: Option<&mut Narrowing>,
        method: Method,
        threads: usize,
    ) -> SearchResults {
        let Some(query) = Query::new(raw, case) else {
            if let Some(narrowing) = narrowing {
                *narrowing = Narrowing::default();
            }
            return SearchResults::default();
        };
        let (candidates, prior) = match narrowing.as_deref() {
            Some(last) if last.covers(&query.folded, filter, self.len()) => {
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
            let words = query.typed;
            *narrowing = Narrowing { query: query.folded, filter, items: self.len(), words, matched };
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
    fn scan(
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
    fn scan_block(
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
            if pruned && !query.matches(haystack) {
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
                // After `matches` always `Some`: that is nucleo's own rule.
                let Some(score) = query.score(haystack, &mut scan.matcher) else { continue };
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
        let query = Query::new(query, CaseMatching::Respect);
        let entry = self.slots.get(item).and_then(|&slot| self.entries.get(slot as usize));
        let (Some(entry), Some(query)) = (entry, query) else {
            return Vec::new();
        };
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut found = Vec::new();
        for atom in &query.atoms {
            if atom.indices(self.haystack(entry), &mut matcher, &mut found).is_none() {
                return Vec::new();
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

impl Query {
    /// Cleans and folds a user's query; `None` when no word is left.
    fn new(raw: &str, case: CaseMatching) -> Option<Query> {
        let clean = text::sanitize_line(raw);
        let folded: String = clean.chars().filter(|&c| !is_combining(c)).map(fold_char).collect();
        let words: Vec<&str> = folded.split_whitespace().collect();
        if words.is_empty() {
            return None;
        }
        let mut atoms: Vec<(usize, Atom)> = words
            .iter()
            .map(|word| Atom::new(word, case, Normalization::Never, AtomKind::Fuzzy, false))
            .enumerate()
            .collect();
        // The sum of scores does not depend on the order; longer words reject more items, so
        // trying them first skips scoring the short ones ("de", "la") on most of the catalog.
        // Among words of the same length the last typed comes first: the others were typed before
        // and matched already; the new one is what narrows the results, and is the one whose
        // bound (see `scan_block`) most often rules a text out.
        atoms.reverse();
        atoms.sort_by_key(|(_, atom)| std::cmp::Reverse(atom.needle_text().len()));
        let key: String = squeeze(folded.chars()).collect();
        let words_of_atoms: Vec<Word> = atoms.iter().map(|(typed, atom)| Word::of(atom, *typed)).collect();
        let most = words_of_atoms.iter().fold(0u32, |sum, word| sum.saturating_add(word.most));
        let typed = words.iter().map(|word| word.to_string()).collect();
        let atoms = atoms.into_iter().map(|(_, atom)| atom).collect();
        Some(Query { key_chars: key.chars().count(), key, atoms, words: words_of_atoms, typed, folded, most })
    }

    /// Whether nucleo would match: every word is a subsequence of the haystack, char for char (the
    /// query runs with `CaseMatching::Respect` and `Normalization::Never`), and a word with a
    /// non-ASCII char never matches an ASCII haystack, as in nucleo. Much cheaper than scoring.
    fn matches(&self, haystack: Utf32Str<'_>) -> bool {
        self.atoms.iter().all(|atom| match (haystack, atom.needle_text()) {
            (Utf32Str::Ascii(text), Utf32Str::Ascii(word)) => {
                let mut rest = text;
                word.iter().all(|&w| match memchr::memchr(w, rest) {
                    Some(at) => {
                        rest = &rest[at + 1..];
                        true
                    }
                    None => false,
                })
            }
            (Utf32Str::Ascii(_), Utf32Str::Unicode(_)) => false,
            (Utf32Str::Unicode(text), Utf32Str::Ascii(word)) => {
                let mut rest = text.iter();
                word.iter().all(|&w| rest.any(|&c| c == char::from(w)))
            }
            (Utf32Str::Unicode(text), Utf32Str::Unicode(word)) => is_subsequence(text, word),
        })
    }

    fn score(&self, haystack: Utf32Str<'_>, matcher: &mut Matcher) -> Option<u32> {
        let mut total = 0u32;
        for atom in &self.atoms {
            total = total.saturating_add(u32::from(atom.score(haystack, matcher)?));
        }
        Some(total)
    }

    /// Whether the query is the item's whole text, or a program's own name (from `title_start`).
    fn is_title_of(&self, whole: Utf32Str<'_>, title_start: usize) -> bool {
        if self.key.is_empty() || whole.len() < self.key_chars {
            return false; // cheap early out: squeezing only shortens
        }
        squeeze(whole.chars()).eq(self.key.chars())
            || title_start > 0
                && title_start <= whole.len()
                && squeeze(whole.slice(title_start..).chars()).eq(self.key.chars())
    }
}

/// Folds `text` onto the end of `ascii` and returns its length, if every char folds to ASCII and
/// none is a combining mark; otherwise leaves `ascii` as it was. Runs of ASCII go in whole.
fn fold_to_ascii(ascii: &mut Vec<u8>, text: &str) -> Option<usize> {
    let start = ascii.len();
    let bytes = text.as_bytes();
    let mut at = 0;
    loop {
        let run = bytes[at..].iter().position(|b| !b.is_ascii()).unwrap_or(bytes.len() - at);
        ascii.extend(bytes[at..at + run].iter().map(u8::to_ascii_lowercase));
        at += run;
        // `at` is at a char's first byte: the end, or a non-ASCII char.
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else { break };
        let folded = fold_char(c);
        if !folded.is_ascii() || is_combining(c) {
            ascii.truncate(start);
            return None;
        }
        ascii.push(folded as u8);
        at += c.len_utf8();
    }
    Some(ascii.len() - start)
}

/// Folds a text with combining marks, which are left out, into a haystack with a position map:
/// whether it went to `ascii` (else to `unicode`), where it starts there, its length, where its
/// title starts; and the map, if it needs one.
#[allow(clippy::type_complexity)]
fn fold_decomposed(
    ascii_buffer: &mut Vec<u8>,
    unicode: &mut Vec<char>,
    text: &str,
    title_start: usize,
) -> ((bool, usize, usize, usize), Option<Box<[u32]>>) {
    // Folded into the ASCII buffer until a folded char is not ASCII; then what was written so
    // far moves to the char buffer, and the rest goes there too.
    let mut ascii = true;
    let start_ascii = ascii_buffer.len();
    let start_unicode = unicode.len();
    let mut positions: Option<Vec<u32>> = None;
    let (mut kept, mut start) = (0, 0);
    for (i, c) in text.chars().enumerate() {
        if i == title_start {
            start = kept;
        }
        if is_combining(c) {
            // Until the first combining mark every text char had its own haystack char.
            positions.get_or_insert_with(|| (0..i).map(to_u32).collect());
            continue;
        }
        if let Some(map) = &mut positions {
            map.push(to_u32(i));
        }
        let folded = fold_char(c);
        if ascii && folded.is_ascii() {
            ascii_buffer.push(folded as u8);
        } else {
            if ascii {
                ascii = false;
                unicode.extend(ascii_buffer.drain(start_ascii..).map(char::from));
            }
            unicode.push(folded);
        }
        kept += 1;
    }
    let (start_at, end) =
        if ascii { (start_ascii, ascii_buffer.len()) } else { (start_unicode, unicode.len()) };
    ((ascii, start_at, end - start_at, start), positions.map(Vec::into_boxed_slice))
}

/// Whether `word` appears in `text` in order, not necessarily together.
fn is_subsequence<T: PartialEq>(text: &[T], word: &[T]) -> bool {
    let mut rest = text.iter();
    word.iter().all(|w| rest.any(|c| c == w))
}

/// The letters and digits of `chars`, each run of anything else (spaces, punctuation) turned into
/// one space, none at either end: "  Recuperar cartera vencida." → "recuperar cartera vencida"
/// once folded. Lazy, so comparing two texts allocates nothing.
fn squeeze(chars: impl Iterator<Item = char>) -> impl Iterator<Item = char> {
    let mut started = false;
    let mut pending = false;
    chars
        .flat_map(move |c| {
            if !c.is_alphanumeric() {
                pending = started;
                return [None, None];
            }
            started = true;
            [std::mem::take(&mut pending).then_some(' '), Some(c)]
        })
        .flatten()
}

/// [`text::fold_char`], with ASCII (almost every char of a Spanish text) taken straight: nucleo's
/// tables give the same answer through two binary searches per char, which made building the index
/// for 52,000 texts several times slower.
fn fold_char(c: char) -> char {
    /// [`text::fold_char`] of every char before U+0180 (Latin-1 and Latin Extended-A: all of
    /// Spanish, Portuguese and French), worked out once.
    static LATIN: OnceLock<Vec<char>> = OnceLock::new();
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let latin = LATIN.get_or_init(|| ('\0'..'\u{180}').map(text::fold_char).collect());
    latin.get(c as usize).copied().unwrap_or_else(|| text::fold_char(c))
}

/// Combining accents, as in decomposed (NFD) text; folding leaves them, matching must skip them.
fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

fn to_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{BUILTIN_NAME, BUILTIN_TEXT, SourceFile, builtin_file, load_files};
    use proptest::prelude::*;
    use std::sync::LazyLock;

    fn index_of(files: Vec<SourceFile>) -> Index {
        let loaded = load_files(files).unwrap();
        Index::new(&CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect()))
    }

    static INDEX: LazyLock<Index> = LazyLock::new(|| index_of(vec![builtin_file()]));

    fn texts(results: &SearchResults) -> Vec<&'static str> {
        results.hits.iter().map(|h| INDEX.items()[h.item].text.as_str()).collect()
    }

    fn find(query: &str) -> SearchResults {
        INDEX.search(query, None, None)
    }

    fn position(results: &SearchResults, text: &str) -> Option<usize> {
        texts(results).iter().position(|t| *t == text)
    }

    #[test]
    fn indexes_every_item_of_the_builtin_catalog() {
        let loaded = load_files(vec![builtin_file()]).unwrap();
        let set = CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect());
        let functions: usize = set.occupations().map(|o| o.functions.len()).sum();
        let expected = set.sectors().count()
            + set.occupations().count()
            + functions
            + set.competencies().count()
            + set.programs().count();
        assert_eq!(INDEX.len(), expected);
        assert!(!INDEX.is_empty());
        let item =
            |kind, id: &str| INDEX.items().iter().find(|i| i.kind == kind && i.id == id).unwrap().clone();
        assert_eq!(item(ItemKind::Occupation, "tecnico-sistemas").text, "Técnicos de sistemas");
        assert_eq!(item(ItemKind::Competency, "trabajo-en-equipo").text, "Trabajo en equipo");
        let function = item(ItemKind::Function, "vnt-13");
        assert_eq!(function.text, "Recuperar cartera vencida.");
        let owner = set.occupation(&function.occupation.as_ref().unwrap().0).unwrap();
        assert_eq!(function.occupation, Some((owner.id.clone(), owner.title.clone())));
        assert_eq!(
            item(ItemKind::Program, "sena-telemarketing").text,
            "SENA — Gestión comercial y Telemarketing en Contact Center"
        );
        assert!(INDEX.items().iter().all(|i| (i.kind == ItemKind::Function) == i.occupation.is_some()));
        assert!(Index::new(&CatalogSet::default()).is_empty());
    }

    /// The built-in catalog many times over (ids made unique), some texts decomposed.
    fn many_catalogs(copies: usize) -> CatalogSet {
        let loaded = load_files(vec![builtin_file()]).unwrap();
        let base = loaded.into_iter().next().unwrap().catalog;
        let mut catalog = base.clone();
        for n in 1..copies {
            for occupation in &base.occupations {
                let mut copy = occupation.clone();
                copy.id = format!("{}-{n}", copy.id);
                for function in &mut copy.functions {
                    function.id = format!("{}-{n}", function.id);
                    if n % 7 == 0 {
                        function.text = function.text.replacen('e', "e\u{301}", 1);
                    }
                }
                catalog.occupations.push(copy);
            }
        }
        CatalogSet::new(vec![catalog])
    }

    #[test]
    fn an_index_built_in_the_background_is_the_same() {
        let set = Arc::new(many_catalogs(3));
        let now = SearchIndex::new(&set);
        let later = SearchIndex::in_background(set.clone());
        assert_eq!(later.len(), now.len());
        assert_eq!(format!("{:?}", later.built()), format!("{:?}", now.built()));
        for query in ["tecnico", "sena agente", "cartera"] {
            assert_eq!(later.search(query, None, Some(20)), now.search(query, None, Some(20)));
        }
        assert_eq!(later.items(), now.items());
    }

    #[test]
    fn building_on_several_cores_gives_what_one_core_gives() {
        let set = many_catalogs(300);
        let sources = Index::sources(&set);
        assert!(sources.len() > 3 * 4 * BLOCK, "{}", sources.len());
        let one = Index::from_sources(&sources, 1);
        for item in (0..one.len()).map(|n| one.item(n)).filter(|item| item.kind == ItemKind::Function) {
            let (id, title) = item.occupation.unwrap();
            let occupation = set.occupation(id).unwrap();
            assert_eq!(title, occupation.title);
            assert!(occupation.functions.iter().any(|f| f.id == item.id && f.text == item.text));
        }
        for threads in [2, 3] {
            assert_eq!(format!("{:?}", Index::from_sources(&sources, threads)), format!("{one:?}"));
        }
    }

    #[test]
    fn every_way_of_folding_gives_the_same_haystack() {
        let texts =
            ["Técnicos de sistemas", "plain ascii text", "ÑANDÚ — Ⅻ İstanbul ß", "SENA — Gestión", "中文"];
        for (i, text) in texts.into_iter().enumerate() {
            let title_start = [0, 3, 7, 7, 99][i];
            let mut fast = Index::default();
            fast.push(ItemKind::Program, "x", text.to_string(), title_start);
            let mut slow = Index::default();
            let ((ascii, start_at, len, start), _) =
                fold_decomposed(&mut slow.ascii, &mut slow.unicode, text, title_start);
            let entry = &fast.entries[0];
            assert_eq!(
                (entry.ascii, entry.start as usize, entry.len as usize, entry.title_start as usize),
                (ascii, start_at, len, start),
                "{text}"
            );
            assert_eq!((&fast.ascii, &fast.unicode), (&slow.ascii, &slow.unicode), "{text}");
        }
    }

    #[test]
    fn the_ascii_fast_path_folds_like_text_fold_char() {
        for c in (0u8..=127).map(char::from) {
            assert_eq!(fold_char(c), text::fold_char(c), "{c:?}");
        }
        for c in ['É', 'ñ', 'Ñ', 'ü', 'Ⅻ', 'İ', 'ß', '中'].into_iter().chain('\u{80}'..'\u{400}') {
            assert_eq!(fold_char(c), text::fold_char(c), "{c:?}");
        }
    }

    #[test]
    fn accents_and_case_do_not_matter() {
        let tecnico = find("tecnico");
        assert!(position(&tecnico, "Técnicos de sistemas").is_some());
        for query in ["TÉCNICO", "Técnico", "técnico", "TECNICO", "tÉcNiCo"] {
            assert_eq!(find(query), tecnico, "{query}");
        }
        assert_eq!(find("orientacion al logro"), find("ORIENTACIÓN AL LOGRO"));
        assert_eq!(texts(&find("orientacion al logro"))[0], "Orientación al logro");
        assert_eq!(texts(&find("ingles"))[0], "Inglés (bilingüismo)");
    }

    #[test]
    fn cartera_finds_both_collection_functions_first() {
        let cartera = find("cartera");
        let mut top = texts(&cartera)[..2].to_vec();
        top.sort_unstable();
        assert_eq!(
            top,
            [
                "Recuperar cartera en Contact Center BPO o Inhouse, de acuerdo con normas legales y procedimientos.",
                "Recuperar cartera vencida.",
            ]
        );
        // Same score: the shorter text comes first.
        assert_eq!(texts(&cartera)[0], "Recuperar cartera vencida.");
    }

    #[test]
    fn an_exact_title_ranks_first() {
        let cases = [
            ("técnicos de sistemas", ItemKind::Occupation, "Técnicos de sistemas"),
            ("TECNICOS DE SISTEMAS", ItemKind::Occupation, "Técnicos de sistemas"),
            ("  trabajo   en equipo ", ItemKind::Competency, "Trabajo en equipo"),
            ("trabajo en equipo", ItemKind::Competency, "Trabajo en equipo"),
            ("recuperar cartera vencida.", ItemKind::Function, "Recuperar cartera vencida."),
            // Punctuation does not count: nobody types the final period or the comma.
            ("recuperar cartera vencida", ItemKind::Function, "Recuperar cartera vencida."),
            ("vendedores ventas no tecnicas", ItemKind::Occupation, "Vendedores, ventas no técnicas"),
            ("ingles bilinguismo", ItemKind::Competency, "Inglés (bilingüismo)"),
            // A program's own name, without its institution, counts as its title.
            ("agente contact center", ItemKind::Program, "Gente Estratégica — Agente Contact Center"),
            (
                "sena — gestion comercial y telemarketing en contact center",
                ItemKind::Program,
                "SENA — Gestión comercial y Telemarketing en Contact Center",
            ),
        ];
        for (query, kind, text) in cases {
            let results = find(query);
            let first = results.hits[0];
            assert!(first.exact, "{query}");
            assert_eq!((INDEX.items()[first.item].kind, texts(&results)[0]), (kind, text), "{query}");
            assert!(results.hits[1..].iter().all(|h| !h.exact), "{query}");
        }
        // A prefix of a title is not exact, nor is punctuation alone.
        assert!(find("técnicos de").hits.iter().all(|h| !h.exact));
        assert!(find("—").hits.iter().all(|h| !h.exact));
    }

    #[test]
    fn the_exact_title_wins_even_against_a_higher_score() {
        let mut index = Index::default();
        for text in ["Ver: ¿ qué vender?", "¿Qué vender?", "A « ventas»", "«Ventas»"] {
            index.push(ItemKind::Sector, "s", text.to_string(), 0);
        }
        index.finish();
        // nucleo gives the word-boundary bonus after a space, not after "¿" or "«", so the longer
        // texts score higher; the exact ones must still come first.
        for (query, exact) in [("¿qué vender?", 1), ("«ventas»", 3)] {
            let results = index.search(query, None, None);
            assert_eq!(results.hits[0].item, exact, "{query}");
            assert!(results.hits[0].exact && !results.hits[1].exact);
            assert!(results.hits[1].score > results.hits[0].score, "{query}");
        }
    }

    #[test]
    fn every_word_must_match() {
        let both = find("recuperar vencida");
        assert_eq!(texts(&both)[0], "Recuperar cartera vencida.");
        let alone = |q| find(q).hits.into_iter().map(|h| h.item).collect::<Vec<_>>();
        let (recuperar, vencida) = (alone("recuperar"), alone("vencida"));
        for hit in &both.hits {
            assert!(recuperar.contains(&hit.item) && vencida.contains(&hit.item));
        }
        assert!(both.total < recuperar.len().min(vencida.len()));
        assert_eq!(find("cartera zzzz").total, 0);
        // Word order does not matter; the set of matches is the same.
        let mut a = alone("equipo trabajo");
        let mut b = alone("trabajo equipo");
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b);
    }

    #[test]
    fn query_syntax_is_literal() {
        // fzf operators are not interpreted: "!" does not negate, "^" does not anchor.
        assert_eq!(find("!ventas").total, 0);
        assert_eq!(find("^ventas").total, 0);
        assert!(find("(bilingüismo)").total > 0);
    }

    #[test]
    fn ties_break_by_shorter_text_then_catalog_order() {
        for query in ["tecnico", "ventas", "cartera", "mantenimiento equipos", "e", "clientes"] {
            let results = find(query);
            assert_eq!(results, find(query), "deterministic: {query}");
            for pair in results.hits.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                let len = |h: Hit| INDEX.items()[h.item].text.chars().count();
                assert!(a.exact >= b.exact, "{query}");
                if a.exact == b.exact {
                    assert!(a.score >= b.score, "{query}");
                    if a.score == b.score {
                        assert!(len(a) <= len(b), "{query}");
                        if len(a) == len(b) {
                            assert!(a.item < b.item, "{query}");
                        }
                    }
                }
            }
        }
        // The same function text in three occupations: catalog order.
        let results = find("ejecutar planes de mercadeo de acuerdo con los objetivos");
        let ids: Vec<&str> = results.hits[..3].iter().map(|h| INDEX.items()[h.item].id.as_str()).collect();
        assert_eq!(ids, ["sup-04", "vt-09", "vnt-02"]);
    }

    #[test]
    fn filter_keeps_one_kind() {
        let all = find("servicio");
        for kind in [
            ItemKind::Sector,
            ItemKind::Occupation,
            ItemKind::Function,
            ItemKind::Competency,
            ItemKind::Program,
        ] {
            let only = INDEX.search("servicio", Some(kind), None);
            assert!(only.hits.iter().all(|h| INDEX.items()[h.item].kind == kind));
            let expected: Vec<Hit> =
                all.hits.iter().copied().filter(|h| INDEX.items()[h.item].kind == kind).collect();
            assert_eq!(only.hits, expected, "{kind:?}");
            assert_eq!(only.total, expected.len());
        }
        assert!(INDEX.search("servicio", Some(ItemKind::Function), None).total > 0);
        assert_eq!(INDEX.search("servicio", Some(ItemKind::Catalog), None).total, 0);
        let programs = INDEX.search("sena", Some(ItemKind::Program), None);
        assert_eq!(INDEX.items()[programs.hits[0].item].id, "sena-telemarketing");
    }

    #[test]
    fn limit_truncates_hits_but_not_total() {
        let all = find("a");
        assert!(all.total > 10);
        assert_eq!(all.total, all.hits.len());
        for limit in [0, 1, 3, 10, all.total, all.total + 5] {
            let some = INDEX.search("a", None, Some(limit));
            assert_eq!(some.total, all.total);
            assert_eq!(some.hits, all.hits[..limit.min(all.total)], "{limit}");
        }
    }

    #[test]
    fn an_empty_query_finds_nothing() {
        for query in ["", " ", "\t\n  ", "\u{202E}\u{200B}\u{FEFF}", "\u{1b}", "\u{301}"] {
            assert_eq!(INDEX.search(query, None, None), SearchResults::default(), "{query:?}");
            assert_eq!(INDEX.search(query, None, Some(5)), SearchResults::default(), "{query:?}");
        }
    }

    #[test]
    fn forbidden_characters_are_stripped_from_the_query() {
        let clean = find("técnico");
        assert_eq!(find("téc\u{200B}ni\u{202E}co\u{7}"), clean);
        assert_eq!(find("trabajo\ten\nequipo"), find("trabajo en equipo"));
        assert!(find("trabajo\ten\nequipo").hits[0].exact);
    }

    #[test]
    fn highlight_gives_char_positions_in_the_original_text() {
        let item = find("técnicos de sistemas").hits[0].item;
        assert_eq!(INDEX.items()[item].text, "Técnicos de sistemas");
        let marks = INDEX.highlight(item, "tecnicos");
        assert_eq!(marks, (0..8).collect::<Vec<_>>());
        assert!(marks.contains(&1)); // the 'é', matched by a plain 'e'
        let chars: Vec<char> = INDEX.items()[item].text.chars().collect();
        assert_eq!(chars[1], 'é');
        // Several words: their positions together, sorted and without duplicates.
        let marks = INDEX.highlight(item, "SISTEMAS técnicos");
        let mut expected: Vec<usize> = (0..8).chain(12..20).collect();
        expected.sort_unstable();
        assert_eq!(marks, expected);
        // No match, no item, no words: nothing to draw.
        assert!(INDEX.highlight(item, "cartera").is_empty());
        assert!(INDEX.highlight(usize::MAX, "tecnicos").is_empty());
        assert!(INDEX.highlight(item, "  ").is_empty());
    }

    #[test]
    fn highlighted_chars_fold_to_query_chars() {
        for query in ["tecnico", "cartera", "gestion bpo", "ingles", "sena agente", "cómputo"] {
            let folded = text::fold(query);
            for hit in find(query).hits {
                let chars: Vec<char> = INDEX.items()[hit.item].text.chars().collect();
                let marks = INDEX.highlight(hit.item, query);
                assert!(!marks.is_empty(), "{query}");
                assert!(marks.windows(2).all(|w| w[0] < w[1]));
                for m in marks {
                    assert!(folded.contains(text::fold_char(chars[m])), "{query}: {}", chars[m]);
                }
            }
        }
    }

    #[test]
    fn decomposed_accents_match_and_highlight_correctly() {
        // The same catalog with "Técnicos" written as "e" + combining acute (NFD).
        let text = BUILTIN_TEXT.replace("\"Técnicos de sistemas\"", "\"Te\u{301}cnicos de sistemas\"");
        let index = index_of(vec![SourceFile { name: BUILTIN_NAME.into(), text }]);
        let results = index.search("técnicos de sistemas", None, None);
        let first = results.hits[0];
        assert!(first.exact);
        assert_eq!(index.items()[first.item].text, "Te\u{301}cnicos de sistemas");
        assert_eq!(first.score, find("técnicos de sistemas").hits[0].score);
        // Positions skip the combining mark (char 2) and still point into the original text.
        let marks = index.highlight(first.item, "tecnicos");
        assert_eq!(marks, [0, 1, 3, 4, 5, 6, 7, 8]);
        // A decomposed query works too.
        assert_eq!(index.search("te\u{301}cnicos de sistemas", None, None), results);
    }

    #[test]
    fn respect_and_ignore_case_give_the_same_results_on_folded_text() {
        let queries = [
            "tecnico",
            "TÉCNICO",
            "cartera",
            "trabajo en equipo",
            "sena",
            "bilingüismo",
            "ÑANDÚ",
            "gestión bpo",
            "a",
            "—",
            "¿qué?",
            "Ⅻ",
            "İstanbul",
            "ß",
        ];
        for query in queries {
            for filter in [None, Some(ItemKind::Function)] {
                let respect = INDEX.search_with(query, filter, None, CaseMatching::Respect, None);
                let ignore = INDEX.search_with(query, filter, None, CaseMatching::Ignore, None);
                assert_eq!(respect, ignore, "{query}");
            }
        }
    }

    /// `count` synthetic texts made of the built-in catalog's words (some with decomposed accents),
    /// enough for parallel scoring to kick in.
    fn big_index(count: usize) -> Index {
        let words: Vec<&str> = INDEX.items().iter().flat_map(|i| i.text.split(' ')).collect();
        let mut index = Index::default();
        let mut seed = 0x2545_f491_u64;
        for n in 0..count {
            let mut text = String::new();
            for _ in 0..(2 + n % 12) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                text.push_str(words[(seed >> 33) as usize % words.len()]);
                text.push(' ');
            }
            if n % 97 == 0 {
                text = text.replacen('a', "a\u{301}", 1);
            }
            let kind = [ItemKind::Function, ItemKind::Competency, ItemKind::Program][n % 3];
            index.push(kind, &format!("i{n}"), text, 0);
        }
        index.finish();
        index
    }

    static BIG: LazyLock<Index> = LazyLock::new(|| big_index(3 * BLOCK + 17));

    /// The plain algorithm: nucleo scores every item, on one core, nothing pruned.
    fn reference(
        index: &Index,
        query: &str,
        filter: Option<ItemKind>,
        limit: Option<usize>,
    ) -> SearchResults {
        index.search_by(query, filter, limit, CaseMatching::Respect, None, Method::Reference, 1)
    }

    /// Whether no nucleo score went over its bound (else the search quietly falls back to the plain
    /// way, which would hide a wrong bound from the other tests).
    fn bounds_held(index: &Index, query: &str, filter: Option<ItemKind>, limit: Option<usize>) -> bool {
        Query::new(query, CaseMatching::Respect).is_none_or(|query| {
            let prior = Prior { losses: &[], stride: 0, from: vec![None; query.typed.len()] };
            index.scan(&query, filter, limit, &index.every, &prior, Method::Pruned, 2).2
        })
    }

    #[test]
    fn pruned_scans_on_any_number_of_cores_give_the_plain_results() {
        let queries =
            ["a", "ca", "de la", "servicio cliente", "zzz", "e", "ventas", "a\u{301}", "ñ", "(", "—"];
        for index in [&*INDEX, &*BIG] {
            for query in queries {
                for filter in [None, Some(ItemKind::Competency)] {
                    for limit in [None, Some(0), Some(1), Some(7), Some(200)] {
                        let plain = reference(index, query, filter, limit);
                        assert!(bounds_held(index, query, filter, limit), "{query:?} {filter:?} {limit:?}");
                        for threads in [1, 2, 3, 8] {
                            let pruned = index.search_by(
                                query,
                                filter,
                                limit,
                                CaseMatching::Respect,
                                None,
                                Method::Pruned,
                                threads,
                            );
                            assert_eq!(pruned, plain, "{query:?} {filter:?} {limit:?} on {threads} threads");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_score_bound_holds_and_is_reached() {
        for query in ["a", "ca", "tecnicos", "de la", "servicio cliente", "sena agente", "ingles"] {
            let most = Query::new(query, CaseMatching::Respect).unwrap().most;
            let results = reference(&BIG, query, None, None);
            assert!(results.hits.iter().all(|hit| hit.score <= most), "{query}");
            let results = reference(&INDEX, query, None, None);
            assert!(results.hits.iter().all(|hit| hit.score <= most), "{query}");
        }
        // A word typed at the start of a word of the text reaches it.
        let first = find("tecnicos de sistemas").hits[0];
        assert_eq!(first.score, bound::most_anywhere(8) + bound::most_anywhere(2) + bound::most_anywhere(8));
        assert_eq!(find("cartera").hits[0].score, bound::most_anywhere(7));
    }

    /// Types `keys` one at a time (`<` is Backspace, `|` switches the filter), checking that every
    /// narrowed search equals a fresh one.
    fn check_narrowing(index: &Index, keys: &str) -> Result<(), TestCaseError> {
        let mut narrowing = Narrowing::default();
        let mut query = String::new();
        let mut filter = None;
        for key in keys.chars() {
            match key {
                '<' => {
                    query.pop();
                }
                '|' => filter = if filter.is_none() { Some(ItemKind::Function) } else { None },
                c => query.push(c),
            }
            for limit in [Some(200), None] {
                let mut copy = narrowing.clone();
                let narrowed = index.search_narrowing(&query, filter, limit, &mut copy);
                prop_assert_eq!(&narrowed, &index.search(&query, filter, limit), "{:?}", query);
            }
            let narrowed = index.search_narrowing(&query, filter, Some(50), &mut narrowing);
            prop_assert_eq!(narrowed.total, narrowing.matched.slots.len());
        }
        prop_assert_eq!(FALLBACKS.load(AtomicOrdering::Relaxed), 0, "a bound did not hold");
        Ok(())
    }

    #[test]
    fn narrowing_gives_the_same_results_as_a_fresh_search() {
        let typed = [
            "mantenimiento de equipos",
            "técnico laboral<<<<<<<laboral",
            "  recuperar   cartera ",
            "sena|agente|<<<<",
            "Te\u{301}cnicos de sistemas",
            "ca<<ca rt",
            "ingles (bil",
        ];
        for keys in typed {
            check_narrowing(&INDEX, keys).unwrap();
            check_narrowing(&BIG, keys).unwrap();
        }
    }

    #[test]
    fn narrowing_only_scores_what_matched_before() {
        let mut narrowing = Narrowing::default();
        INDEX.search_narrowing("ca", None, None, &mut narrowing);
        let before = narrowing.matched.slots.clone();
        INDEX.search_narrowing("car", None, None, &mut narrowing);
        assert!(narrowing.matched.slots.len() < before.len());
        assert!(narrowing.matched.slots.iter().all(|item| before.contains(item)));
        // A query that does not extend the last one, or no words at all, starts afresh.
        assert!(!narrowing.covers("ce", None, INDEX.len()));
        assert!(!narrowing.covers("cart", Some(ItemKind::Function), INDEX.len()));
        assert!(!narrowing.covers("cart", None, INDEX.len() + 1), "another index");
        assert!(narrowing.covers("cart", None, INDEX.len()));
        INDEX.search_narrowing("  ", None, None, &mut narrowing);
        assert_eq!(narrowing, Narrowing::default());
    }

    proptest! {
        #[test]
        fn pruning_is_invisible(
            query in "[a-eA-Eáéñ \u{301}().—]{1,8}",
            limit in prop::option::of(0usize..30),
            kind in prop::option::of(prop::sample::select(vec![ItemKind::Occupation, ItemKind::Function])),
        ) {
            prop_assert_eq!(INDEX.search(&query, kind, limit), reference(&INDEX, &query, kind, limit));
            prop_assert!(bounds_held(&INDEX, &query, kind, limit));
        }

        #[test]
        fn narrowing_is_invisible(keys in "[a-dA-DáéñÑ \u{301}<|]{0,12}") {
            check_narrowing(&INDEX, &keys)?;
        }

        #[test]
        fn any_query_is_safe(
            query in prop_oneof![
                any::<String>(),
                "[a-zA-ZáéíóúüñÑÉ \\t\\n\u{301}\u{202E}\u{200B}!^'$\\\\—¿?.,()]{0,40}",
            ],
            limit in 0usize..20,
            kind in prop::option::of(prop::sample::select(vec![ItemKind::Catalog, ItemKind::Sector,
                ItemKind::Occupation, ItemKind::Function, ItemKind::Competency, ItemKind::Program])),
        ) {
            let limited = INDEX.search(&query, kind, Some(limit));
            prop_assert!(limited.hits.len() <= limit);
            let all = INDEX.search(&query, kind, None);
            prop_assert_eq!(limited.total, all.total);
            prop_assert_eq!(all.hits.len(), all.total);
            prop_assert_eq!(&limited.hits[..], &all.hits[..limit.min(all.total)]);
            for hit in &limited.hits {
                let len = INDEX.items()[hit.item].text.chars().count();
                prop_assert!(INDEX.highlight(hit.item, &query).iter().all(|&m| m < len));
            }
        }
    }
}
