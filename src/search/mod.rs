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
//! - Whether a text matches at all is decided word by word ([`words`]): every query word other than
//!   a stop word must be one of the text's words, a word of the same Snowball Spanish stem, a word
//!   it begins, or (five letters or more) one typo away. Worked out once per distinct word of the
//!   catalog per query word, then read per text from a table, so it costs about what the plain
//!   subsequence test it replaced did; the count shown is of those. Only texts that could rank among the hits kept are scored by
//!   nucleo: the search keeps the best `limit` so far in a heap, and holds each new match's best
//!   possible rank against the worst of them, first with the most points any text can get
//!   (16 + 10 per char, the first char's bonus twice: a word typed at the start of a text word),
//!   then with the most this text can get ([`bound`]: nucleo's scoring, path by path, over just
//!   the positions where the word's letters are). With 200 hits shown, a few hundred to two
//!   thousand texts get scored instead of tens of thousands. Results are identical to scoring
//!   everything (`Method::Reference`, which the tests compare against), and a score above its
//!   bound would make the search start over that way.
//! - Typing only ever makes the query longer, and an item that matches "mantenimiento" matched
//!   "manten" too (each word of the shorter query is a prefix of a word of the longer one). Not
//!   always with stems, stop words and typos ("auxiliar d" → "auxiliar de" drops a word), so the
//!   narrowing is used only when each old word's table of words covers the new one's. [`SearchIndex::search_narrowing`] keeps the items
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
//! then the text holding more query words whole (as themselves or by stem, not only as a prefix or
//! a typo); then nucleo's score (summed over the query's words, stop words aside; a word found only
//! by stem or typo, which is no subsequence, adds nothing); then shorter text; then catalog order. The order is total, so results are deterministic.
//!
//! Query words are matched literally: nucleo's `Pattern::parse` syntax (`!`, `^`, `'`, `$`) is
//! not used, since people at an employment office type words, not fzf operators.

mod bound;
mod fold;
mod index;
mod jobs;
mod narrowing;
mod query;
mod rank;
mod scan;
mod stored;
#[cfg(test)]
mod tests;
pub(crate) mod words;

pub use jobs::{JobMatch, JobNarrowing};
pub use narrowing::Narrowing;
pub use stored::IndexFile;

use crate::catalog::{CatalogSet, ItemKind};
use index::Index;
use std::sync::{Arc, Mutex, OnceLock};

/// One searchable item, with its text as the catalog has it (in Spanish).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchItem {
    pub kind: ItemKind,
    pub id: String,
    /// A sector's name, an occupation's title, a function's text, a competency's name, or a
    /// program as "institution — name" (so a search for "SENA" finds its programs).
    pub text: String,
    /// For a function or a job title: the id and title of its occupation.
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
    /// How many of the query's words (stop words aside) the text holds as the word itself or a
    /// word of the same stem, rather than only as a prefix or one typo away; ranked second.
    pub whole_words: u8,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchResults {
    /// Best first, at most `limit` of them.
    pub hits: Vec<Hit>,
    /// How many items matched before the limit was applied.
    pub total: usize,
}

/// One searchable item, borrowed from the index: what [`SearchIndex::item`] gives, without copying.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemRef<'a> {
    pub kind: ItemKind,
    pub id: &'a str,
    /// As in [`SearchItem::text`].
    pub text: &'a str,
    /// For a function or a job title: the id and title of its occupation.
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

/// Items per block of a scan; fewer candidates than two blocks are scanned on one core.
const BLOCK: usize = 2048;

/// Threads a search may use: the machine's cores, up to 4 (past that, starting them costs more
/// than it saves on 52,000 texts). Asked once: it reads cgroup files on Linux.
fn threads() -> usize {
    static THREADS: OnceLock<usize> = OnceLock::new();
    *THREADS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4))
}

/// The search index of a [`CatalogSet`]: every sector, occupation, job title, function,
/// competency and program, grouped by kind in catalog order. Built at once ([`SearchIndex::new`]) or on another
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
        SearchIndex::in_background_stored(set, None)
    }

    /// [`SearchIndex::in_background`], reading the index from `file` when it holds this set's,
    /// and otherwise building it and writing it there for the next start.
    pub fn in_background_stored(set: Arc<CatalogSet>, file: Option<IndexFile>) -> SearchIndex {
        let shared = set.clone();
        let build = move || read_or_build(&shared, file.as_ref(), 1);
        match std::thread::Builder::new().name("search-index".into()).spawn(build) {
            Ok(handle) => SearchIndex { built: OnceLock::new(), pending: Mutex::new(Some(handle)) },
            // No thread to be had: build it here.
            Err(_) => SearchIndex::new(&set),
        }
    }

    /// [`SearchIndex::new`], reading the index from `file` when it holds this set's, and
    /// otherwise building it and writing it there for the next time. Built on one core: that
    /// happens only after the catalogs changed, when parsing them takes far longer anyway, and one
    /// core needs 7 MB less at the peak (the halves built on two cores are joined by copying).
    pub fn new_stored(set: &CatalogSet, file: Option<&IndexFile>) -> SearchIndex {
        SearchIndex::ready(read_or_build(set, file, 1))
    }

    /// The index kept in `file`, if it is there, whole, and under its key: everything
    /// `rumbo search` needs, without loading the catalogs.
    pub fn stored(file: &IndexFile) -> Option<SearchIndex> {
        file.read().map(SearchIndex::ready)
    }

    /// [`SearchIndex::stored`] for the catalogs whose cache key `catalogs` works out (see
    /// [`crate::catalog::cache::sources_key`]), which runs while the index is read on another core.
    pub fn stored_in(
        cache: &crate::catalog::cache::Cache,
        catalogs: impl FnOnce() -> Option<[u8; 16]>,
    ) -> Option<SearchIndex> {
        stored::read_checked(cache, catalogs).map(SearchIndex::ready)
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

    /// The kind of item `item` and its id's length (ids are ASCII, so in chars too), read without
    /// touching its texts: lining up the columns of tens of thousands of results otherwise reads
    /// every text twice. Panics when out of range, as indexing does.
    pub fn kind_and_id_len(&self, item: usize) -> (ItemKind, usize) {
        let record = &self.built().records[item];
        (record.kind, record.id.1 as usize)
    }

    /// Every item, owned. Made on first use and kept (as much memory again as the index): prefer
    /// [`SearchIndex::item`].
    pub fn items(&self) -> &[SearchItem] {
        self.built().items()
    }

    /// The code of item `item`'s occupation: an occupation's own, a function's or a job title's
    /// occupation's; its CUOC code if it has one, else the first its catalog gives; empty if none.
    pub fn occupation_code(&self, item: usize) -> &str {
        self.built().occupation_code(item)
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

/// The index in `file`, or else built from `set` (on up to `threads` cores) and written there.
fn read_or_build(set: &CatalogSet, file: Option<&IndexFile>, threads: usize) -> Index {
    if let Some(index) = file.and_then(IndexFile::read) {
        return index;
    }
    let index = Index::from_sources(&Index::sources(set), threads);
    if let Some(file) = file {
        // Not written, the next start builds it again: slower, not wrong.
        let _ = file.write(&index);
    }
    index
}

fn to_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}
