//! Loading the ESCO-scale catalog: the full parse (first start after a change) and the cached start,
//! each up to a built search index, plus their parts. `cargo bench --bench load`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // benchmarks fail loudly by design
#[path = "esco/mod.rs"]
mod esco;

use rumbo::catalog::CatalogSet;
use rumbo::catalog::cache::{self, Cache};
use rumbo::catalog::{Catalog, CatalogSources};
use rumbo::search::{IndexFile, SearchIndex};
use std::path::PathBuf;
use std::sync::LazyLock;

/// The generated catalog on disk, and a warm cache for it; kept for the whole run.
struct Fixture {
    _dir: tempfile::TempDir,
    sources: CatalogSources,
    cache: Cache,
    index: IndexFile,
}

static FIXTURE: LazyLock<Fixture> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let catalog = esco::write_to(dir.path(), esco::Scale::ESCO).expect("the catalog is written");
    let sources = CatalogSources { paths: vec![catalog], ..CatalogSources::builtins(&["bpo-bogota"]) };
    let cache = Cache::in_dir(&dir.path().join("cache"));
    let loading = cache::load_keyed(&sources, Some(&cache));
    let (set, _) = loading.result.expect("the generated catalog loads");
    let index = IndexFile::new(&cache, loading.key.expect("cached"));
    SearchIndex::new_stored(&set, Some(&index));
    Fixture { _dir: dir, sources, cache, index }
});

fn main() {
    LazyLock::force(&FIXTURE);
    divan::main();
}

fn catalog_path() -> PathBuf {
    FIXTURE.sources.paths[0].clone()
}

/// For comparison: serde + ron alone on the 15 MB file, no validation.
#[divan::bench(sample_count = 10)]
fn ron_parse_only() -> Catalog {
    let text = std::fs::read_to_string(catalog_path()).expect("readable");
    ron::from_str(&text).expect("parses")
}

/// First start after a change: read, parse, validate, build the look-ups and the search index.
#[divan::bench(sample_count = 10)]
fn cold() -> SearchIndex {
    let (set, _) = cache::load(&FIXTURE.sources, None).expect("loads");
    SearchIndex::new(&set)
}

/// Start with nothing changed: hash the files, read and decode the cached catalogs, build their
/// look-ups, read the cached search index. (The app reads the index on another core while it draws
/// the first frame; `rumbo search` reads only the index: `search_process_part`.)
#[divan::bench(sample_count = 30)]
fn cached() -> (CatalogSet, SearchIndex) {
    let loading = cache::load_keyed(&FIXTURE.sources, Some(&FIXTURE.cache));
    let (set, _) = loading.result.expect("loads");
    let file = IndexFile::new(&FIXTURE.cache, loading.key.expect("a cache hit"));
    let index = SearchIndex::new_stored(&set, Some(&file));
    (set, index)
}

/// Part of `cached`: the catalogs alone, through the cache (hash the files, read and decode the
/// cache, build the look-ups).
#[divan::bench(sample_count = 30)]
fn cached_part_catalogs() -> CatalogSet {
    cache::load(&FIXTURE.sources, Some(&FIXTURE.cache)).expect("loads").0
}

/// Part of `cached`: the search index alone, read from the cache.
#[divan::bench(sample_count = 30)]
fn cached_part_search_index() -> SearchIndex {
    SearchIndex::stored(&FIXTURE.index).expect("a stored index")
}

/// What `rumbo search` does before it searches: hash the files while the cached index is read on
/// the other core. The catalogs themselves are not decoded.
#[divan::bench(sample_count = 30)]
fn search_process_part() -> SearchIndex {
    SearchIndex::stored_in(&FIXTURE.cache, || cache::sources_key(&FIXTURE.sources, &FIXTURE.cache))
        .expect("a stored index")
}

/// Building the search index from loaded catalogs (a first start, or no cache), on every core.
#[divan::bench(sample_count = 30)]
fn index_build(bencher: divan::Bencher) {
    let (set, _) = cache::load(&FIXTURE.sources, Some(&FIXTURE.cache)).expect("loads");
    bencher.bench(|| SearchIndex::new(&set));
}
