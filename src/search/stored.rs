//! The search index kept in the cache folder beside the catalogs, so an unchanged start does not
//! fold and sort 52,000 texts again, and `rumbo search` need not even decode the catalogs.
//!
//! It is kept under a key made of the catalog cache's key (the content of every source file; see
//! [`crate::catalog::cache`]) and the source of the code that lays the index out, in the same
//! envelope as the catalogs (length and checksum). Only an index built from catalogs that loaded
//! without a problem is written, so finding one under the key of the files as they are now says
//! they are valid. A file that is not whole, not ours, under another key, or whose contents do not
//! hold together ([`Index::holds_together`]) is never used: the index is built again and the file
//! replaced.

use super::index::{Entry, Index, NO_OWNER, Record};
use super::to_u32;
use super::words::Words;
use crate::catalog::cache::{Cache, envelope};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::Xxh3;

const MAGIC: &[u8; 16] = b"rumbo search\n\0\0\0";

/// The code whose changes can change what a stored index holds; part of the key.
const SCHEMA: [&str; 6] = [
    include_str!("index.rs"),
    include_str!("fold.rs"),
    include_str!("words.rs"),
    include_str!("stored.rs"),
    include_str!("../text.rs"),
    env!("CARGO_PKG_VERSION"),
];

/// Where the index of one set of catalogs is kept, and under which key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexFile {
    path: PathBuf,
    key: [u8; 16],
}

impl IndexFile {
    /// The cache file's name inside the cache folder.
    pub const FILE_NAME: &str = "search.bin";

    /// The index of the catalogs whose cache key is `catalogs` (from
    /// [`crate::catalog::cache::load_keyed`] or [`crate::catalog::cache::sources_key`]).
    pub fn new(cache: &Cache, catalogs: [u8; 16]) -> IndexFile {
        let mut hasher = Xxh3::new();
        for part in [MAGIC.as_slice(), &catalogs].into_iter().chain(SCHEMA.map(str::as_bytes)) {
            hasher.update(&(part.len() as u64).to_le_bytes());
            hasher.update(part);
        }
        IndexFile { path: cache.sibling(IndexFile::FILE_NAME), key: hasher.digest128().to_le_bytes() }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The stored index, if there is one under this key and it holds together.
    pub(super) fn read(&self) -> Option<Index> {
        read_any(&self.path).filter(|(key, _)| *key == self.key).map(|(_, index)| index)
    }

    /// Stores `index`; best effort (failing only costs the next start the build).
    pub(super) fn write(&self, index: &Index) -> std::io::Result<()> {
        let texts = TextsRef { texts: &index.texts, records: &index.records };
        let haystacks = HaystacksRef {
            entries: &index.entries,
            ascii: serde_bytes::Bytes::new(&index.ascii),
            unicode: &index.unicode,
            positions: &index.positions,
            words: &index.words,
        };
        let len = postcard::serialize_with_flavor(&texts, postcard::ser_flavors::Size::default())
            .map_err(std::io::Error::other)?;
        envelope::write_streamed(&self.path, MAGIC, &self.key, |out| {
            out.write_all(&(len as u64).to_le_bytes())?;
            postcard::to_io(&texts, &mut *out).map_err(std::io::Error::other)?;
            postcard::to_io(&haystacks, out).map(drop).map_err(std::io::Error::other)
        })
    }
}

/// The index stored at `path` and the key it is stored under, if the file is whole and ours and
/// the index holds together.
fn read_any(path: &Path) -> Option<([u8; 16], Index)> {
    let bytes = std::fs::read(path).ok()?;
    let (key, payload) = envelope::open(&bytes, MAGIC)?;
    let key: [u8; 16] = key.try_into().ok()?;
    let (len, payload) = payload.split_at_checked(8)?;
    let len = usize::try_from(u64::from_le_bytes(len.try_into().ok()?)).ok()?;
    let (texts, haystacks) = payload.split_at_checked(len)?;
    // The two parts side by side, one per core: decoding is most of reading the index.
    let (texts, haystacks) = std::thread::scope(|scope| {
        let haystacks = scope.spawn(|| whole::<Haystacks>(haystacks));
        (whole::<Texts>(texts), haystacks.join().ok().flatten())
    });
    let (Texts { texts, records }, Haystacks { entries, ascii, unicode, positions, words }) =
        (texts?, haystacks?);
    let ascii = ascii.into_vec();
    let index = Index { texts, records, entries, ascii, unicode, positions, words, ..Index::default() };
    index.holds_together().then(|| (key, index.with_lookups()))
}

/// The index stored in `cache`, if it is the index of the catalogs whose cache key `catalogs`
/// works out. The file is read on another core while `catalogs` runs (hashing the source files
/// takes a good part of the time the index takes to read), and only then is its key compared.
pub(super) fn read_checked(cache: &Cache, catalogs: impl FnOnce() -> Option<[u8; 16]>) -> Option<Index> {
    let path = cache.sibling(IndexFile::FILE_NAME);
    let (key, stored) = std::thread::scope(|scope| {
        let stored = scope.spawn(|| read_any(&path));
        let key = catalogs().map(|catalogs| IndexFile::new(cache, catalogs).key);
        (key, stored.join().ok().flatten())
    });
    stored.filter(|(stored, _)| Some(*stored) == key).map(|(_, index)| index)
}

/// The stored index is in two parts, decoded side by side: what shows the results (the items'
/// texts, ids and owners), then what a search scans (the folded haystacks). Field by field as in
/// [`Index`].
#[derive(Serialize)]
struct TextsRef<'a> {
    texts: &'a str,
    records: &'a [Record],
}

#[derive(Deserialize)]
struct Texts {
    texts: String,
    records: Vec<Record>,
}

#[derive(Serialize)]
struct HaystacksRef<'a> {
    entries: &'a [Entry],
    ascii: &'a serde_bytes::Bytes,
    unicode: &'a [char],
    positions: &'a [(u32, Box<[u32]>)],
    words: &'a Words,
}

#[derive(Deserialize)]
struct Haystacks {
    entries: Vec<Entry>,
    ascii: serde_bytes::ByteBuf,
    unicode: Vec<char>,
    positions: Vec<(u32, Box<[u32]>)>,
    words: Words,
}

/// `bytes` decoded, if they hold exactly one `T`.
fn whole<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    match postcard::take_from_bytes::<T>(bytes) {
        Ok((value, [])) => Some(value),
        _ => None,
    }
}

impl Index {
    /// Whether a decoded index can be searched without indexing out of bounds: one entry per
    /// record, each item once, every range inside its buffer and on char boundaries, every owner
    /// and position map naming an item. A checksum already guards against damage; this guards
    /// against a file that is whole but wrong, which must never make rumbo panic.
    fn holds_together(&self) -> bool {
        let items = self.records.len();
        let mut seen = vec![false; items];
        let entries_fit = self.entries.len() == items
            && self.entries.iter().all(|entry| {
                let end = entry.start as usize + entry.len as usize;
                let buffer = if entry.ascii { self.ascii.len() } else { self.unicode.len() };
                let first =
                    seen.get_mut(entry.item as usize).is_some_and(|seen| !std::mem::replace(seen, true));
                first && end <= buffer && entry.title_start <= entry.len
            });
        let text = |(start, len): (u32, u32)| self.texts.get(start as usize..(start as usize + len as usize));
        let records_fit = self.records.iter().all(|record| {
            text(record.text).is_some()
                && text(record.id).is_some()
                && text(record.code).is_some()
                && (record.owner == NO_OWNER || (record.owner as usize) < items)
        });
        let positions_fit = self.positions.iter().all(|(item, _)| (*item as usize) < items)
            && self.positions.is_sorted_by_key(|(item, _)| *item);
        entries_fit
            && records_fit
            && positions_fit
            && self.ascii.is_ascii()
            && self.words.holds_together(items)
    }

    /// The look-ups that are not stored, worked out from the entries.
    fn with_lookups(mut self) -> Index {
        self.slots = vec![0; self.entries.len()];
        for (slot, entry) in self.entries.iter().enumerate() {
            self.slots[entry.item as usize] = to_u32(slot);
        }
        self.every = (0..to_u32(self.entries.len())).collect();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{CatalogSet, builtin_file, load_files};
    use crate::search::SearchIndex;

    fn builtin() -> CatalogSet {
        let loaded = load_files(vec![builtin_file()]).unwrap();
        CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect())
    }

    fn file(dir: &Path, key: u8) -> IndexFile {
        IndexFile::new(&Cache::in_dir(dir), [key; 16])
    }

    #[test]
    fn a_stored_index_searches_like_the_one_built() {
        let dir = tempfile::tempdir().unwrap();
        let built = Index::new(&builtin());
        file(dir.path(), 1).write(&built).unwrap();
        let read = file(dir.path(), 1).read().expect("stored index read back");
        let (built, read) = (SearchIndex::ready(built), SearchIndex::ready(read));
        assert_eq!(read.len(), built.len());
        for item in 0..built.len() {
            assert_eq!(read.item(item), built.item(item));
        }
        for query in ["cartera", "técnico", "SENA", "atencion al cliente", "zzz"] {
            assert_eq!(read.search(query, None, Some(20)), built.search(query, None, Some(20)), "{query}");
            for hit in built.search(query, None, Some(5)).hits {
                assert_eq!(read.highlight(hit.item, query), built.highlight(hit.item, query));
            }
        }
    }

    #[test]
    fn the_app_caches_the_index_it_builds_and_reads_it_the_next_time() {
        let dir = tempfile::tempdir().unwrap();
        let set = std::sync::Arc::new(builtin());
        let stored = file(dir.path(), 3);
        let first = SearchIndex::in_background_stored(set.clone(), Some(stored.clone()));
        // Waits for the thread, which writes the file before it hands the index over.
        let expected = first.search("cartera", None, Some(10));
        assert!(!expected.hits.is_empty());
        assert!(stored.read().is_some(), "written by the first start");
        let written = std::fs::metadata(stored.path()).unwrap().modified().unwrap();
        let second = SearchIndex::in_background_stored(set, Some(stored.clone()));
        assert_eq!(second.search("cartera", None, Some(10)), expected);
        let modified = std::fs::metadata(stored.path()).unwrap().modified().unwrap();
        assert_eq!(modified, written, "read, not written again");
    }

    #[test]
    fn another_key_or_a_damaged_file_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let stored = file(dir.path(), 1);
        stored.write(&Index::new(&builtin())).unwrap();
        assert!(file(dir.path(), 2).read().is_none(), "another key");
        let bytes = std::fs::read(stored.path()).unwrap();
        for at in [0, 20, bytes.len() / 2, bytes.len() - 1] {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x40;
            std::fs::write(stored.path(), &damaged).unwrap();
            assert!(stored.read().is_none(), "byte {at} changed");
        }
        std::fs::write(stored.path(), &bytes[..bytes.len() - 3]).unwrap();
        assert!(stored.read().is_none(), "truncated");
    }

    #[test]
    fn a_whole_file_whose_index_does_not_hold_together_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let good = Index::new(&builtin());
        let breakages: [fn(&mut Index); 6] = [
            |index| index.entries[0].start = u32::MAX / 2,
            |index| index.entries[1].item = index.entries[0].item,
            |index| index.records[0].text = (0, u32::MAX / 2),
            |index| index.records[3].owner = 10_000,
            |index| index.texts = "ñ".repeat(index.texts.len() / 2),
            |index| {
                index.entries.pop();
            },
        ];
        for (n, breakage) in breakages.into_iter().enumerate() {
            let mut broken = good.clone();
            breakage(&mut broken);
            file(dir.path(), 1).write(&broken).unwrap();
            assert!(file(dir.path(), 1).read().is_none(), "breakage {n}");
        }
        file(dir.path(), 1).write(&good).unwrap();
        assert!(file(dir.path(), 1).read().is_some());
    }
}
