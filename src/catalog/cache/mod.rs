//! A compact binary copy of the loaded catalogs, so a start with unchanged files skips the RON parse.
//!
//! Parsing and validating an ESCO-sized catalog (15 MB of RON) takes a quarter of a second; decoding
//! the same catalogs from postcard takes a small fraction of that. The cache never changes what rumbo
//! loads:
//!
//! - Every start still reads every source file. The cache is used only when all of them were read
//!   without a problem, and only if its key matches: an xxh3-128 hash of rumbo's version, the catalog
//!   format, this layout, the source of the code that decides what a catalog holds and whether it is
//!   valid (so a development build with a changed model never reads an old layout), and each file's
//!   name and text in order. Any change to any file, a file added or removed, or another rumbo gives
//!   another key, and the catalogs are parsed and validated as if there were no cache.
//! - Only catalogs that loaded without a single problem are written, so a broken file is reported the
//!   same way every time.
//! - The payload carries its length and its own xxh3-128 checksum, and must decode to the last byte.
//!   A truncated, corrupt or foreign file is ignored (and replaced by the next successful load).
//! - It is written atomically (`atomic-write-file`): another rumbo reading at the same moment sees the
//!   old file or the new one, never half of one. Failing to write it is not an error.
//!
//! Small sets (files under [`Cache::MIN_BYTES`]) parse faster than the cache would read, so they
//! never touch it. The built-in catalogs do not count: they are already in binary form (decoding
//! them takes what reading them from the cache would), so rumbo with only its built-ins never
//! writes the catalog cache either. With a large file they are cached with it, as loaded. The
//! search index worked out from them is another matter (see [`Cache::keeps_derived`]): with a
//! large built-in, [`Loading::key`] is given all the same, and the index is kept under it.
//!
//! File layout: `MAGIC` (16 bytes), key (16), payload length (u64 LE), payload checksum (16), payload
//! (see [`codec`]: postcard of `[(file name, Catalog)]` in two parts, decoded on two cores).
mod codec;
pub mod envelope;
mod key;

pub use key::key;

use super::load::{Origin, display, finish, read_sources};
use super::problem::Problem;
use super::set::CatalogSet;
use super::{CatalogSources, Loaded, load_inputs};
use codec::{decode, encode};
use key::{Sizes, listed, streamed_key};
use std::path::{Path, PathBuf};

/// What loading gives: the catalogs and their file names, or every problem found.
pub type LoadResult = Result<(CatalogSet, Vec<String>), Vec<Problem>>;

const MAGIC: &[u8; 16] = b"rumbo catalogs\n\0";
/// Bumped when the file layout above changes.
const LAYOUT: u32 = 2;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cache {
    path: PathBuf,
    min_bytes: usize,
}

impl Cache {
    /// The cache file's name inside its folder.
    pub const FILE_NAME: &str = "catalogs.bin";
    /// Source files adding up to less than this are parsed every time (about 15 ms of parsing).
    pub const MIN_BYTES: usize = 1 << 20;

    /// A cache in `dir` (created when first written), for sets of at least [`Cache::MIN_BYTES`].
    pub fn in_dir(dir: &Path) -> Cache {
        Cache { path: dir.join(Cache::FILE_NAME), min_bytes: Cache::MIN_BYTES }
    }

    /// The same cache, used from `min_bytes` of source text on (0: always).
    pub fn with_min_bytes(self, min_bytes: usize) -> Cache {
        Cache { min_bytes, ..self }
    }

    /// `RUMBO_CACHE_DIR` if set (set but empty: no cache at all), else the platform's cache folder
    /// (`~/.cache/rumbo` on Linux).
    pub fn from_env() -> Option<Cache> {
        match std::env::var_os("RUMBO_CACHE_DIR") {
            Some(dir) if dir.is_empty() => None,
            Some(dir) => Some(Cache::in_dir(Path::new(&dir))),
            None => directories::ProjectDirs::from("", "", "rumbo").map(|p| Cache::in_dir(p.cache_dir())),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Another cache file in the same folder, named `name`.
    pub fn sibling(&self, name: &str) -> PathBuf {
        self.path.with_file_name(name)
    }

    /// Stores `loaded` under `key`; best effort.
    fn write(&self, key: &[u8; 16], loaded: &[Loaded]) -> std::io::Result<()> {
        envelope::write_streamed(&self.path, MAGIC, key, |out| encode(loaded, out))
    }
}

/// Like [`super::load`], through `cache` when there is one: the same catalogs, names and problems.
pub fn load(
    sources: &CatalogSources,
    cache: Option<&Cache>,
) -> Result<(CatalogSet, Vec<String>), Vec<Problem>> {
    load_reporting(sources, cache).0
}

/// What [`load_reporting`] did with the cache.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use {
    /// No cache, a set too small for one, or a file that could not be read.
    Bypassed,
    /// The catalogs came from the cache.
    Hit,
    /// Parsed and validated; the cache was written (or could not be) for next time.
    Written,
    /// Parsed and validated, with a problem: nothing was written.
    Refused,
}

/// [`load`], also saying what it did with the cache (for tests and benchmarks).
pub fn load_reporting(sources: &CatalogSources, cache: Option<&Cache>) -> (LoadResult, Use) {
    let loading = load_keyed(sources, cache);
    (loading.result, loading.used)
}

/// What a load through the cache gave.
pub struct Loading {
    pub result: LoadResult,
    pub used: Use,
    /// The key of the source files the catalogs came from, when they loaded without a problem and
    /// what is worked out from them is worth caching (a hit, a write, or built-ins large enough):
    /// what the search index ([`crate::search::IndexFile`]) is cached under.
    pub key: Option<[u8; 16]>,
}

/// The cache key of the files `sources` names as they are now, when what is derived from their
/// catalogs would be cached under it (listed and hashed, not parsed): for a caller that only needs
/// what was derived from the catalogs and cached under their key, and need not load them.
pub fn sources_key(sources: &CatalogSources, cache: &Cache) -> Option<[u8; 16]> {
    let (list, sizes) = listed(sources)?;
    if !cache.keeps_derived(sizes) {
        return None;
    }
    streamed_key(&list)
}

impl Cache {
    /// Whether catalogs of these sizes are worth keeping in the cache themselves: files large
    /// enough that parsing them takes longer than reading the cache. Built-ins never are.
    fn keeps_catalogs(&self, sizes: Sizes) -> bool {
        sizes.files >= self.min_bytes as u64
    }

    /// Whether what is worked out from catalogs of these sizes (the search index) is worth keeping:
    /// the built-ins count here, since indexing them takes as long as indexing files of that size
    /// (both built-ins: some 50 ms, every start, were it not kept).
    fn keeps_derived(&self, sizes: Sizes) -> bool {
        sizes.files + sizes.builtins >= self.min_bytes as u64
    }
}

/// [`load`], with what it did with the cache and the key of the files it loaded.
pub fn load_keyed(sources: &CatalogSources, cache: Option<&Cache>) -> Loading {
    let listed = cache.and_then(|cache| listed(sources).map(|(list, sizes)| (cache, list, sizes)));
    let (cache, list) = match listed {
        Some((cache, list, sizes)) if cache.keeps_catalogs(sizes) => (cache, list),
        listed => {
            let derived = listed.is_some_and(|(cache, _, sizes)| cache.keeps_derived(sizes));
            let (inputs, problems) = read_sources(sources);
            // Keyed on the texts read, like a write below: only for catalogs that load cleanly.
            let key = (derived && problems.is_empty()).then(|| key(&inputs));
            let result = finish(inputs, problems);
            let key = key.filter(|_| result.is_ok());
            return Loading { result, used: Use::Bypassed, key };
        }
    };
    // The cache file is read (and its checksum checked) on another core while the sources are
    // hashed: both take a few milliseconds at this size, and a start is made of little else.
    let (streamed, bytes) = std::thread::scope(|scope| {
        let bytes = scope
            .spawn(|| std::fs::read(&cache.path).ok().filter(|bytes| envelope::open(bytes, MAGIC).is_some()));
        (streamed_key(&list), bytes.join().ok().flatten())
    });
    let stored = bytes.as_deref().and_then(|bytes| envelope::open(bytes, MAGIC));
    if let Some((_, payload)) = stored.filter(|(stored, _)| streamed.is_some_and(|key| key == *stored)) {
        let names: Vec<String> = list
            .iter()
            .map(|origin| match origin {
                Origin::Builtin(b) => b.name.to_string(),
                Origin::File(path) => display(path),
            })
            .collect();
        let decoded = decode(payload, &names);
        drop(bytes);
        return match decoded {
            Some(loaded) => Loading { result: Ok(into_set(loaded)), used: Use::Hit, key: streamed },
            // Checked but undecodable: only a foreign layout under a colliding key could do that.
            // Load without the cache, and leave it for the next successful load to replace.
            None => Loading { result: super::load(sources), used: Use::Bypassed, key: None },
        };
    }
    let (inputs, problems) = read_sources(sources);
    if !problems.is_empty() {
        return Loading { result: finish(inputs, problems), used: Use::Bypassed, key: None };
    }
    // Keyed on the texts just read, which are the ones parsed, even if a file changed since it was
    // hashed above.
    let key = key(&inputs);
    match load_inputs(inputs) {
        Ok(loaded) => {
            // A cache that cannot be written only costs the next start the full parse.
            let _ = cache.write(&key, &loaded);
            Loading { result: Ok(into_set(loaded)), used: Use::Written, key: Some(key) }
        }
        Err(problems) => Loading { result: Err(problems), used: Use::Refused, key: None },
    }
}

fn into_set(loaded: Vec<Loaded>) -> (CatalogSet, Vec<String>) {
    let names = loaded.iter().map(|l| l.file.clone()).collect();
    (CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect()), names)
}
