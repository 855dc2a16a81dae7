//! Loading both built-in catalogs (BPO and CUOC 2025, decoded from what build.rs made), as every
//! start without other catalogs does, and, for comparison, CUOC parsed from its RON as a file.
//! `cargo bench --bench load_cuoc`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // benchmarks fail loudly by design

use rumbo::catalog::cache::{self, Cache};
use rumbo::catalog::{CatalogSet, CatalogSources};
use rumbo::search::{IndexFile, SearchIndex};
use std::sync::LazyLock;

struct Fixture {
    _dir: tempfile::TempDir,
    /// BPO built in, CUOC read from assets/catalog/cuoc-2025.ron (cached: over `Cache::MIN_BYTES`).
    as_file: CatalogSources,
    cache: Cache,
}

static FIXTURE: LazyLock<Fixture> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/catalog/cuoc-2025.ron");
    let as_file = CatalogSources { paths: vec![file], ..CatalogSources::builtins(&["bpo-bogota"]) };
    let cache = Cache::in_dir(&dir.path().join("cache"));
    let loading = cache::load_keyed(&as_file, Some(&cache));
    let (set, _) = loading.result.expect("the CUOC catalog loads");
    let index = IndexFile::new(&cache, loading.key.expect("cached"));
    SearchIndex::new_stored(&set, Some(&index));
    Fixture { _dir: dir, as_file, cache }
});

fn main() {
    LazyLock::force(&FIXTURE);
    divan::main();
}

/// Both built-ins: decode, validate, look-ups. What a start does before its first frame.
#[divan::bench(sample_count = 20)]
fn builtins() -> CatalogSet {
    cache::load(&CatalogSources::every_builtin(), None).expect("loads").0
}

/// Both built-ins and their search index (built on one core).
#[divan::bench(sample_count = 10)]
fn builtins_and_index() -> SearchIndex {
    let (set, _) = cache::load(&CatalogSources::every_builtin(), None).expect("loads");
    SearchIndex::new(&set)
}

/// CUOC as a file after a change: read, parse, validate, look-ups, search index.
#[divan::bench(sample_count = 10)]
fn file_cold() -> SearchIndex {
    let (set, _) = cache::load(&FIXTURE.as_file, None).expect("loads");
    SearchIndex::new(&set)
}

/// CUOC as a file, the catalogs alone, no cache: read, parse, validate, look-ups.
#[divan::bench(sample_count = 10)]
fn file_cold_catalogs_only() -> CatalogSet {
    cache::load(&FIXTURE.as_file, None).expect("loads").0
}

/// CUOC as an unchanged file: the catalogs and the search index from the cache.
#[divan::bench(sample_count = 30)]
fn file_cached() -> (CatalogSet, SearchIndex) {
    let loading = cache::load_keyed(&FIXTURE.as_file, Some(&FIXTURE.cache));
    let (set, _) = loading.result.expect("loads");
    let file = IndexFile::new(&FIXTURE.cache, loading.key.expect("a cache hit"));
    let index = SearchIndex::new_stored(&set, Some(&file));
    (set, index)
}
