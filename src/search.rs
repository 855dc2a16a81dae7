//! Fuzzy search over every item of the loaded catalogs.
//!
//! # Design
//!
//! The index is built once per loaded [`CatalogSet`] and queried on every keystroke, so all the work
//! that does not depend on the query happens at build time:
//!
//! - Each item's text is accent- and case-folded once ([`text::fold_char`]) into a nucleo
//!   [`Utf32String`] haystack, stored as `Ascii` whenever the folded text is pure ASCII (the usual
//!   case for Spanish once accents are gone), which is nucleo's fast path. The query is folded the
//!   same way, so nucleo runs with `Normalization::Never` and `CaseMatching::Respect`: nothing is
//!   normalized or lower-cased again inside the scoring loop. (Folding the query matters: nucleo
//!   never matches a non-ASCII needle against an ASCII haystack, so an unfolded "técnico" would find
//!   nothing.)
//! - Haystacks are built char by char rather than with `Utf32String::from`, which keeps only the
//!   first char of each grapheme and would shift positions. Combining accents (decomposed text such
//!   as `e` + U+0301) are the one exception: they are dropped from the haystack so "tecnico" matches
//!   decomposed "Técnico" exactly, and the few items that had any keep a haystack→text position map.
//!   Everything else is one haystack char per text char, so highlight positions carry over.
//! - A search builds the query's atoms and one `Matcher` (nucleo allocates ~135 KB for it), then
//!   scores every haystack without allocating per item; hits go into one `Vec`. With a limit only
//!   the best `limit` hits are fully sorted (`select_nth_unstable_by` first).
//! - Highlight positions cost a second, slower matching pass, so they are computed only on demand,
//!   for the rows that are drawn ([`SearchIndex::highlight`]).
//!
//! Ranking: an item whose whole text (or a program's own name) equals the query, ignoring accents,
//! case and extra spaces, comes first; then nucleo's score (the sum over the query's words, each of
//! which must match); then shorter text; then catalog order. The order is total, so deterministic.
//!
//! Query words are matched literally: nucleo's `Pattern::parse` syntax (`!`, `^`, `'`, `$`) is not
//! used, since people at an employment office type words, not fzf operators.

use crate::catalog::{CatalogSet, ItemKind};
use crate::text;
use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
use nucleo_matcher::{Config, Matcher, Utf32Str, Utf32String};
use std::cmp::Ordering;

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
    /// The query equals the item's title (ignoring accents, case and spacing); ranked first.
    pub exact: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchResults {
    /// Best first, at most `limit` of them.
    pub hits: Vec<Hit>,
    /// How many items matched before the limit was applied.
    pub total: usize,
}

/// What the scoring loop reads per item, kept apart from [`SearchItem`] for cache locality.
#[derive(Clone, Debug)]
struct Entry {
    kind: ItemKind,
    haystack: Utf32String,
    /// Where the title proper starts in the haystack (after a program's "institution — ").
    title_start: usize,
    /// Haystack position → char position in the text; only for texts that had combining marks.
    positions: Option<Box<[u32]>>,
}

#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    items: Vec<SearchItem>,
    entries: Vec<Entry>,
}

/// A prepared query: its folded words, joined by single spaces, and one nucleo atom per word.
struct Query {
    words: String,
    /// `words.chars().count()`, to skip texts too short to be the title.
    word_chars: usize,
    atoms: Vec<Atom>,
}

impl SearchIndex {
    /// Indexes every sector, occupation, function, competency and program, grouped by kind in
    /// catalog order.
    pub fn new(set: &CatalogSet) -> SearchIndex {
        let mut index = SearchIndex::default();
        for sector in set.sectors() {
            index.push(ItemKind::Sector, &sector.id, sector.name.clone(), 0, None);
        }
        for occupation in set.occupations() {
            index.push(ItemKind::Occupation, &occupation.id, occupation.title.clone(), 0, None);
        }
        for occupation in set.occupations() {
            for function in &occupation.functions {
                let owner = Some((occupation.id.clone(), occupation.title.clone()));
                index.push(ItemKind::Function, &function.id, function.text.clone(), 0, owner);
            }
        }
        for competency in set.competencies() {
            index.push(ItemKind::Competency, &competency.id, competency.name.clone(), 0, None);
        }
        for program in set.programs() {
            let (text, title_start) = if program.institution.trim().is_empty() {
                (program.name.clone(), 0)
            } else {
                let prefix = format!("{} — ", program.institution);
                (format!("{prefix}{}", program.name), prefix.chars().count())
            };
            index.push(ItemKind::Program, &program.id, text, title_start, None);
        }
        index
    }

    fn push(
        &mut self,
        kind: ItemKind,
        id: &str,
        text: String,
        title_start: usize,
        occupation: Option<(String, String)>,
    ) {
        let mut folded = String::with_capacity(text.len());
        let mut positions: Option<Vec<u32>> = None;
        let (mut kept, mut start) = (0, 0);
        for (i, c) in text.chars().enumerate() {
            if i == title_start {
                start = kept;
            }
            if is_combining(c) {
                // Until the first combining mark every text char had its own haystack char.
                positions.get_or_insert_with(|| (0..i).map(to_u32).collect());
            } else {
                if let Some(map) = &mut positions {
                    map.push(to_u32(i));
                }
                folded.push(text::fold_char(c));
                kept += 1;
            }
        }
        let haystack = if folded.is_ascii() {
            Utf32String::Ascii(folded.into_boxed_str())
        } else {
            Utf32String::Unicode(folded.chars().collect())
        };
        let positions = positions.map(Vec::into_boxed_slice);
        self.entries.push(Entry { kind, haystack, title_start: start, positions });
        self.items.push(SearchItem { kind, id: id.to_string(), text, occupation });
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn items(&self) -> &[SearchItem] {
        &self.items
    }

    /// The items matching every word of `query`, best first; only items of kind `filter` if given.
    /// `limit` caps `hits`, not `total`. A query with no words (after removing forbidden
    /// characters) matches nothing.
    pub fn search(&self, query: &str, filter: Option<ItemKind>, limit: Option<usize>) -> SearchResults {
        self.search_with(query, filter, limit, CaseMatching::Respect)
    }

    fn search_with(
        &self,
        query: &str,
        filter: Option<ItemKind>,
        limit: Option<usize>,
        case: CaseMatching,
    ) -> SearchResults {
        let Some(query) = Query::new(query, case) else {
            return SearchResults::default();
        };
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut hits = Vec::new();
        for (item, entry) in self.entries.iter().enumerate() {
            if filter.is_some_and(|kind| kind != entry.kind) {
                continue;
            }
            let haystack = entry.haystack.slice(..);
            if let Some(score) = query.score(haystack, &mut matcher) {
                let exact = query.is_title_of(entry);
                hits.push(Hit { item, score, exact });
            }
        }
        let total = hits.len();
        let order = |a: &Hit, b: &Hit| self.rank(a, b);
        if let Some(limit) = limit
            && limit < hits.len()
        {
            if limit > 0 {
                hits.select_nth_unstable_by(limit - 1, order);
            }
            hits.truncate(limit);
        }
        hits.sort_unstable_by(order);
        SearchResults { hits, total }
    }

    fn rank(&self, a: &Hit, b: &Hit) -> Ordering {
        let len = |hit: &Hit| self.entries[hit.item].haystack.len();
        (b.exact.cmp(&a.exact))
            .then(b.score.cmp(&a.score))
            .then(len(a).cmp(&len(b)))
            .then(a.item.cmp(&b.item))
    }

    /// The char positions in `items()[item].text` that `query` matched, sorted, for drawing. Empty
    /// when the item does not match or does not exist.
    pub fn highlight(&self, item: usize, query: &str) -> Vec<usize> {
        let (Some(entry), Some(query)) = (self.entries.get(item), Query::new(query, CaseMatching::Respect))
        else {
            return Vec::new();
        };
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut found = Vec::new();
        for atom in &query.atoms {
            if atom.indices(entry.haystack.slice(..), &mut matcher, &mut found).is_none() {
                return Vec::new();
            }
        }
        found.sort_unstable();
        found.dedup();
        found
            .into_iter()
            .map(|i| match &entry.positions {
                Some(map) => map.get(i as usize).map_or(i as usize, |&p| p as usize),
                None => i as usize,
            })
            .collect()
    }
}

impl Query {
    /// Cleans and folds a user's query; `None` when no word is left.
    fn new(raw: &str, case: CaseMatching) -> Option<Query> {
        let folded: String =
            text::sanitize_line(raw).chars().filter(|&c| !is_combining(c)).map(text::fold_char).collect();
        let words: Vec<&str> = folded.split_whitespace().collect();
        if words.is_empty() {
            return None;
        }
        let atoms = words
            .iter()
            .map(|word| Atom::new(word, case, Normalization::Never, AtomKind::Fuzzy, false))
            .collect();
        let words = words.join(" ");
        Some(Query { word_chars: words.chars().count(), words, atoms })
    }

    fn score(&self, haystack: Utf32Str<'_>, matcher: &mut Matcher) -> Option<u32> {
        let mut total = 0u32;
        for atom in &self.atoms {
            total = total.saturating_add(u32::from(atom.score(haystack, matcher)?));
        }
        Some(total)
    }

    /// Whether the query is the item's whole text, or a program's own name.
    fn is_title_of(&self, entry: &Entry) -> bool {
        let whole = entry.haystack.slice(..);
        if whole.len() < self.word_chars {
            return false; // cheap early out: squeezing only shortens
        }
        squeeze(whole.chars()).eq(self.words.chars())
            || entry.title_start > 0
                && entry.title_start <= whole.len()
                && squeeze(whole.slice(entry.title_start..).chars()).eq(self.words.chars())
    }
}

/// `chars` with leading and trailing whitespace dropped and inner runs turned into one space.
fn squeeze(chars: impl Iterator<Item = char>) -> impl Iterator<Item = char> {
    let mut started = false;
    let mut pending = false;
    chars
        .flat_map(move |c| {
            if c.is_whitespace() {
                pending = started;
                return [None, None];
            }
            started = true;
            [std::mem::take(&mut pending).then_some(' '), Some(c)]
        })
        .flatten()
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
