//! Loading the ESCO-scale catalog: the full parse (first start after a change) and the cached start,
//! each up to a built search index, plus their parts. `cargo bench --bench load`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // benchmarks fail loudly by design
#[path = "esco/mod.rs"]
mod esco;

use rumbo::catalog::cache::{self, Cache};
use rumbo::catalog::{Catalog, CatalogSources};
use rumbo::search::SearchIndex;
use std::path::PathBuf;
use std::sync::LazyLock;

/// The generated catalog on disk, and a warm cache for it; kept for the whole run.
struct Fixture {
    _dir: tempfile::TempDir,
    sources: CatalogSources,
    cache: Cache,
}

static FIXTURE: LazyLock<Fixture> = LazyLock::new(|| {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let catalog = esco::write_to(dir.path(), esco::Scale::ESCO).expect("the catalog is written");
    let sources = CatalogSources { builtin: true, config_catalogs: None, paths: vec![catalog] };
    let cache = Cache::in_dir(&dir.path().join("cache"));
    cache::load(&sources, Some(&cache)).expect("the generated catalog loads");
    Fixture { _dir: dir, sources, cache }
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

/// Start with nothing changed: read, hash, decode the cache, build the look-ups and the search index.
#[divan::bench(sample_count = 30)]
fn cached() -> SearchIndex {
    let (set, _) = cache::load(&FIXTURE.sources, Some(&FIXTURE.cache)).expect("loads");
    SearchIndex::new(&set)
}

/// Part of `cached`: the catalogs alone, through the cache (hash the files, read and decode the
/// cache, build the look-ups).
#[divan::bench(sample_count = 30)]
fn cached_part_catalogs() -> rumbo::catalog::CatalogSet {
    cache::load(&FIXTURE.sources, Some(&FIXTURE.cache)).expect("loads").0
}

/// Part of `cached`: the search index alone.
#[divan::bench(sample_count = 30)]
fn cached_part_search_index(bencher: divan::Bencher) {
    let (set, _) = cache::load(&FIXTURE.sources, Some(&FIXTURE.cache)).expect("loads");
    bencher.bench(|| SearchIndex::new(&set));
}
