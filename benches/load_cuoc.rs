//! Loading the CUOC 2025 catalog (assets/catalog/cuoc-2025.ron) beside the built-in one: a first start
//! (parse, validate, look-ups, search index) and a cached one. `cargo bench --bench load_cuoc`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // benchmarks fail loudly by design

use rumbo::catalog::cache::{self, Cache};
use rumbo::catalog::{CatalogSet, CatalogSources};
use rumbo::search::{IndexFile, SearchIndex};
use std::sync::LazyLock;

struct Fixture {
    _dir: tempfile::TempDir,
    sources: CatalogSources,
    cache: Cache,
}

static FIXTURE: LazyLock<Fixture> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/catalog/cuoc-2025.ron");
    let sources = CatalogSources { builtin: true, config_catalogs: None, paths: vec![file] };
    let cache = Cache::in_dir(&dir.path().join("cache"));
    let loading = cache::load_keyed(&sources, Some(&cache));
    let (set, _) = loading.result.expect("the CUOC catalog loads");
    let index = IndexFile::new(&cache, loading.key.expect("cached"));
    SearchIndex::new_stored(&set, Some(&index));
    Fixture { _dir: dir, sources, cache }
});

fn main() {
    LazyLock::force(&FIXTURE);
    divan::main();
}

/// First start after a change: read, parse, validate, build the look-ups and the search index.
#[divan::bench(sample_count = 10)]
fn cold() -> SearchIndex {
    let (set, _) = cache::load(&FIXTURE.sources, None).expect("loads");
    SearchIndex::new(&set)
}

/// The catalogs alone, no cache: read, parse, validate, look-ups.
#[divan::bench(sample_count = 10)]
fn cold_catalogs_only() -> CatalogSet {
    cache::load(&FIXTURE.sources, None).expect("loads").0
}

/// Start with nothing changed: the catalogs and the search index from the cache.
#[divan::bench(sample_count = 30)]
fn cached() -> (CatalogSet, SearchIndex) {
    let loading = cache::load_keyed(&FIXTURE.sources, Some(&FIXTURE.cache));
    let (set, _) = loading.result.expect("loads");
    let file = IndexFile::new(&FIXTURE.cache, loading.key.expect("a cache hit"));
    let index = SearchIndex::new_stored(&set, Some(&file));
    (set, index)
}
