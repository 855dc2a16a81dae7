//! The index proper: how items are laid out and folded, built once per loaded catalog set.

use super::fold::{fold_char, fold_decomposed, fold_to_ascii, is_combining};
use super::query::Query;
use super::words::Words;
use super::{BLOCK, ItemRef, SearchItem, threads, to_u32};
use crate::catalog::{CatalogSet, ItemKind};
use nucleo_matcher::Utf32Str;
use std::sync::OnceLock;

/// What the scoring loop reads per item, kept apart from [`SearchItem`] for cache locality.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub(super) struct Entry {
    /// Its index in [`SearchIndex::items`].
    pub(super) item: u32,
    pub(super) kind: ItemKind,
    /// Whether the haystack is in `Index::ascii` (else in `Index::unicode`).
    pub(super) ascii: bool,
    pub(super) start: u32,
    pub(super) len: u32,
    /// Where the title proper starts in the haystack (after a program's "institution — ").
    pub(super) title_start: u32,
}

/// Where an item's id and text are in [`Index::texts`], and whose function it is.
#[derive(Clone, Copy, Debug, serde::Serialize, serde::Deserialize)]
pub(super) struct Record {
    pub(super) kind: ItemKind,
    pub(super) text: (u32, u32),
    pub(super) id: (u32, u32),
    /// For a function or a job title, the item of its occupation; `NO_OWNER` otherwise.
    pub(super) owner: u32,
    /// For an occupation, its code ([`occupation_code`]); empty otherwise.
    pub(super) code: (u32, u32),
}

/// The code a search result gives for an occupation: its CUOC code if it has one, else the first
/// code its catalog gives (a BPO occupation's CNO code), else none.
pub(super) fn occupation_code(occupation: &crate::catalog::Occupation) -> &str {
    let cuoc = occupation.codes.iter().find(|code| code.system == "CUOC");
    cuoc.or(occupation.codes.first()).map_or("", |code| code.code.as_str())
}

pub(super) const NO_OWNER: u32 = u32::MAX;

/// The index itself (see [`SearchIndex`]). Item texts and ids lie back to back in one buffer
/// rather than in a `String` each: a catalog the size of ESCO has 52,000 items, and 160,000 small
/// allocations were most of what building an index cost, at every start. Kept in the cache as it
/// is ([`super::stored`]), less the look-ups that are quickly worked out again.
#[derive(Clone, Debug, Default)]
pub(super) struct Index {
    /// Every item's text, then its id, back to back.
    pub(super) texts: String,
    pub(super) records: Vec<Record>,
    /// [`SearchIndex::items`], made the first time it is asked for.
    pub(super) items: OnceLock<Vec<SearchItem>>,
    /// One per item, in the order a search scans them: shortest haystack first, equal lengths in
    /// item order, so the best possible ranks come first (see [`Best`]). Narrowed searches read
    /// them at increasing positions too, so a scan reads memory front to back.
    pub(super) entries: Vec<Entry>,
    /// Item → its position in `entries`.
    pub(super) slots: Vec<u32>,
    /// The folded haystacks that are pure ASCII, back to back in scan order.
    pub(super) ascii: Vec<u8>,
    /// The other folded haystacks, back to back in scan order.
    pub(super) unicode: Vec<char>,
    /// Haystack position → char position in the text, for the few items whose text had combining
    /// marks; sorted by item.
    pub(super) positions: Vec<(u32, Box<[u32]>)>,
    /// `0..entries.len()`: what a search that cannot narrow scans.
    pub(super) every: Vec<u32>,
    /// The words of the texts, with their stems, and which words each entry holds.
    pub(super) words: Words,
}

/// An item to index, borrowed from the catalogs.
pub(super) struct Source<'a> {
    pub(super) kind: ItemKind,
    pub(super) id: &'a str,
    pub(super) text: Text<'a>,
    /// For a function or a job title, the position of its occupation's item among all sources;
    /// `NO_OWNER` else.
    pub(super) owner: u32,
    /// For an occupation, its code; empty else.
    pub(super) code: &'a str,
}

/// An item's text: its own, or a program's "institution — name".
#[derive(Clone, Copy)]
pub(super) enum Text<'a> {
    Own(&'a str),
    Program { institution: &'a str, name: &'a str },
}

impl Text<'_> {
    /// Its length in bytes, near enough to size buffers.
    pub(super) fn len(&self) -> usize {
        match self {
            Text::Own(text) => text.len(),
            Text::Program { institution, name } => institution.len() + name.len() + 5,
        }
    }
}

impl Index {
    /// Indexes every sector, occupation, job title, function, competency and program, grouped by
    /// kind in catalog order.
    pub fn new(set: &CatalogSet) -> Index {
        Index::from_sources(&Index::sources(set), threads())
    }

    /// What each item is made of, borrowed; the texts are copied and folded by `build`.
    pub(super) fn sources(set: &CatalogSet) -> Vec<Source<'_>> {
        let mut sources: Vec<Source<'_>> = Vec::new();
        for sector in set.sectors() {
            sources.push(Source {
                kind: ItemKind::Sector,
                id: &sector.id,
                text: Text::Own(&sector.name),
                owner: NO_OWNER,
                code: "",
            });
        }
        let first_occupation = sources.len();
        for occupation in set.occupations() {
            let (text, code) = (Text::Own(&occupation.title), occupation_code(occupation));
            sources.push(Source {
                kind: ItemKind::Occupation,
                id: &occupation.id,
                text,
                owner: NO_OWNER,
                code,
            });
        }
        // Job titles right after the occupations: on a tie they come before functions, since a
        // title is what a person says they did.
        for (n, occupation) in set.occupations().enumerate() {
            let owner = to_u32(first_occupation + n);
            for title in &occupation.alt_titles {
                // The title's own code (CUOC's `52300.007`) is its id; without one, its occupation's.
                let id = if title.code.is_empty() { &occupation.id } else { &title.code };
                let text = Text::Own(&title.title);
                sources.push(Source { kind: ItemKind::Title, id, text, owner, code: "" });
            }
        }
        for (n, occupation) in set.occupations().enumerate() {
            for function in &occupation.functions {
                let owner = to_u32(first_occupation + n);
                sources.push(Source {
                    kind: ItemKind::Function,
                    id: &function.id,
                    text: Text::Own(&function.text),
                    owner,
                    code: "",
                });
            }
        }
        // A competency another declares itself the same as is listed once, as the declaring one.
        for competency in set.competencies().filter(|c| !set.is_declared_same(&c.id)) {
            let text = Text::Own(&competency.name);
            let (id, owner) = (&competency.id, NO_OWNER);
            sources.push(Source { kind: ItemKind::Competency, id, text, owner, code: "" });
        }
        for program in set.programs() {
            let text = if program.institution.trim().is_empty() {
                Text::Own(&program.name)
            } else {
                Text::Program { institution: &program.institution, name: &program.name }
            };
            sources.push(Source {
                kind: ItemKind::Program,
                id: &program.id,
                text,
                owner: NO_OWNER,
                code: "",
            });
        }
        sources
    }

    pub(super) fn from_sources(sources: &[Source<'_>], threads: usize) -> Index {
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
            vec![
                Record { kind: ItemKind::Sector, text: (0, 0), id: (0, 0), owner: NO_OWNER, code: (0, 0) };
                order.len()
            ];
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
        index.words = index.words_of_entries();
        index
    }

    /// The vocabulary of the entries' haystacks (see [`Words`]).
    pub(super) fn words_of_entries(&self) -> Words {
        Words::of(self.entries.iter().map(|entry| self.haystack(entry)))
    }

    /// `raw` made a query, with its words looked up in this index's vocabulary.
    pub(super) fn prepare(&self, raw: &str, case: nucleo_matcher::pattern::CaseMatching) -> Option<Query> {
        let mut query = Query::new(raw, case)?;
        query.tables = query.terms.iter().map(|term| self.words.term(term)).collect();
        Some(query)
    }

    /// The items of `sources` at `part` of `order`, in that order. The first part reserves room for
    /// all of `whole`, so the other parts are appended to it without moving it.
    pub(super) fn build(sources: &[Source<'_>], part: &[u32], whole: &[u32]) -> Index {
        let mut index = Index::default();
        let room = if whole.is_empty() { part } else { whole };
        let of = |item: &u32| &sources[*item as usize];
        index.records.reserve(room.len());
        index.entries.reserve(room.len());
        let size: usize = room.iter().map(|item| of(item).text.len()).sum();
        index.ascii.reserve(size);
        index
            .texts
            .reserve(size + room.iter().map(|item| of(item).id.len() + of(item).code.len()).sum::<usize>());
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
            let code_start = index.texts.len();
            index.texts.push_str(source.code);
            let code = (to_u32(code_start), to_u32(source.code.len()));
            index.records.push(Record { kind: source.kind, text, id, owner: source.owner, code });
            index.fold_item(&mut scratch, item, start..id_start, title_start);
        }
        index
    }

    /// Adds `other`'s entries, records and buffers after this one's. Item numbers and owners are
    /// positions among all sources already.
    pub(super) fn append(&mut self, other: Index) {
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
            code: (record.code.0 + texts, record.code.1),
            ..record
        }));
        self.texts.push_str(&other.texts);
        self.ascii.extend(other.ascii);
        self.unicode.extend(other.unicode);
    }

    /// Adds an item of no occupation; [`Index::finish`] must follow the last one.
    #[cfg(test)]
    pub(super) fn push(&mut self, kind: ItemKind, id: &str, text: String, title_start: usize) {
        let start = self.texts.len();
        self.texts.push_str(&text);
        let id_start = self.texts.len();
        self.texts.push_str(id);
        let (text, id) = ((to_u32(start), to_u32(text.len())), (to_u32(id_start), to_u32(id.len())));
        self.records.push(Record { kind, text, id, owner: NO_OWNER, code: (to_u32(self.texts.len()), 0) });
        self.fold_item(&mut Vec::new(), to_u32(self.records.len() - 1), start..id_start, title_start);
    }

    /// Folds the text at `range` of `texts` (the last record's, of item `item`) into a haystack,
    /// through `scratch`.
    pub(super) fn fold_item(
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
    pub(super) fn finish(&mut self) {
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
        self.words = self.words_of_entries();
    }

    pub(super) fn haystack(&self, entry: &Entry) -> Utf32Str<'_> {
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

    /// The code of item `item`'s occupation (itself for an occupation; its owner for a function or
    /// a job title); empty when it has none. Panics when out of range, as indexing does.
    pub fn occupation_code(&self, item: usize) -> &str {
        let record = &self.records[item];
        let owner = if record.kind == ItemKind::Occupation {
            Some(record)
        } else {
            self.records.get(record.owner as usize)
        };
        owner.map_or("", |owner| &self.texts[owner.code.0 as usize..(owner.code.0 + owner.code.1) as usize])
    }

    /// Every item, owned. Made on first use and kept (as much memory again as the index): prefer
    /// [`SearchIndex::item`].
    pub fn items(&self) -> &[SearchItem] {
        self.items.get_or_init(|| (0..self.len()).map(|item| self.item(item).to_owned()).collect())
    }
}
