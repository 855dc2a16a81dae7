//! Search on the ESCO-scale catalog (52,040 texts) per query length: a fresh search, a search narrowed
//! from the query one letter shorter (what the popup does while typing), and the highlights of the
//! rows a popup shows. `cargo bench --bench search`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // benchmarks fail loudly by design
#[path = "esco/mod.rs"]
mod esco;

use rumbo::search::{Narrowing, SearchIndex, SearchResults};
use std::sync::LazyLock;

static INDEX: LazyLock<SearchIndex> = LazyLock::new(|| esco::load(Some(esco::Scale::ESCO)).1);

/// What the popup keeps, as `rumbo::app` does.
const ROWS: usize = 200;

const QUERY: &str = "mantenimiento de equipos";

fn main() {
    LazyLock::force(&INDEX);
    divan::main();
}

fn prefix(len: usize) -> String {
    QUERY.chars().take(len).collect()
}

const LENGTHS: [usize; 9] = [1, 2, 3, 4, 6, 9, 13, 17, 24];

/// Every item scored: a new query, a pasted one, or a key after Backspace.
#[divan::bench(args = LENGTHS)]
fn fresh(bencher: divan::Bencher, len: usize) {
    let query = prefix(len);
    bencher.bench(|| INDEX.search(&query, None, Some(ROWS)));
}

/// Only what the query one letter shorter matched is scored: a key typed in the popup.
#[divan::bench(args = LENGTHS)]
fn narrowed(bencher: divan::Bencher, len: usize) {
    let query = prefix(len);
    let mut before = Narrowing::default();
    INDEX.search_narrowing(&prefix(len - 1), None, Some(ROWS), &mut before);
    bencher
        .with_inputs(|| before.clone())
        .bench_local_refs(|narrowing| INDEX.search_narrowing(&query, None, Some(ROWS), narrowing));
}

/// The highlights of the 30 rows a 40-line terminal shows.
#[divan::bench(args = [3, 24])]
fn highlight_30_rows(bencher: divan::Bencher, len: usize) {
    let query = prefix(len);
    let results: SearchResults = INDEX.search(&query, None, Some(ROWS));
    bencher.bench(|| {
        results.hits.iter().take(30).map(|hit| INDEX.highlight(hit.item, &query).len()).sum::<usize>()
    });
}

/// Every match ranked, no limit: what `rumbo search QUERY` without `--limit` does.
#[divan::bench(args = ["sena", "ma", "soldadura", "mantenimiento de equipos"])]
fn unlimited(bencher: divan::Bencher, query: &str) {
    bencher.bench(|| INDEX.search(query, None, None));
}
