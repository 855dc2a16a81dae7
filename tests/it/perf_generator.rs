//! The ESCO-scale catalog generator the benchmarks use (`benches/esco`): always the same bytes, a
//! catalog `rumbo catalog check` accepts with the promised counts, and a texts file that lists what
//! rumbo's search indexes, in its order (the file `benches/vs-fzf.sh` gives fzf).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)] // tests fail loudly by design

use crate::esco;

use esco::Scale;
use rumbo::catalog::{CatalogSet, SourceFile, load_files};
use rumbo::search::SearchIndex;
use std::process::Command;
use xxhash_rust::xxh3::xxh3_64;

#[test]
#[ignore = "writes the 15.8 MB generated catalog; run with `cargo test -- --ignored perf_generator`"]
fn the_generator_is_deterministic() {
    let (a, b) = (esco::generate(Scale::TENTH), esco::generate(Scale::TENTH));
    assert!(a.ron == b.ron && a.texts == b.texts);
    // Pinned, so a change of platform, of Rust or of the generator cannot go unnoticed: benchmark
    // results are only comparable on the same data. Change these on purpose only.
    let esco = esco::generate(Scale::ESCO);
    assert_eq!((esco.ron.len(), esco.texts.len()), (15_765_925, 4_067_459));
    assert_eq!((xxh3_64(esco.ron.as_bytes()), xxh3_64(esco.texts.as_bytes())), (PINNED_RON, PINNED_TEXTS));
    assert_eq!(esco.texts.lines().count(), Scale::ESCO.texts());
    assert_eq!(Scale::ESCO.texts(), 52_040);
}

const PINNED_RON: u64 = 0x505a_28d8_d57c_357a;
const PINNED_TEXTS: u64 = 0x57f2_5ee1_9fde_5774;

#[test]
#[ignore = "writes the 15.8 MB generated catalog; run with `cargo test -- --ignored perf_generator`"]
fn rumbo_accepts_the_esco_scale_catalog_with_the_promised_counts() {
    let dir = tempfile::tempdir().unwrap();
    let path = esco::write_to(dir.path(), Scale::ESCO).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_rumbo"))
        .args(["catalog", "check", "--no-builtin", "--json"])
        .arg(&path)
        .env("RUMBO_CONFIG_DIR", dir.path().join("config"))
        .env("LANG", "es_CO.UTF-8")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let counts = &value["catalogs"][0];
    let count = |field: &str| counts[field].as_u64().unwrap();
    assert_eq!(
        [
            count("sectors"),
            count("occupations"),
            count("functions"),
            count("competencies"),
            count("programs")
        ],
        [40, 3_000, 30_000, 14_000, 5_000]
    );
    let ron = std::fs::read_to_string(&path).unwrap();
    assert!(ron.contains("Técnicos en") && ron.contains("ñ"), "Spanish text with accents");
}

#[test]
#[ignore = "writes the 15.8 MB generated catalog; run with `cargo test -- --ignored perf_generator`"]
fn the_texts_file_is_what_rumbo_indexes() {
    let generated = esco::generate(Scale::TENTH);
    let loaded = load_files(vec![SourceFile { name: "esco.ron".into(), text: generated.ron }]).unwrap();
    let set = CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect());
    let functions: usize = set.occupations().map(|o| o.functions.len()).sum();
    let essential: usize =
        set.occupations().flat_map(|o| &o.functions).filter(|f| f.importance == Default::default()).count();
    assert!((0.65..0.75).contains(&(essential as f64 / functions as f64)), "about 70% essential");
    assert!(set.occupations().all(|o| o.competencies.len() == 40 && o.functions.len() == 10));
    assert!(set.programs().all(|p| p.occupations.len() == 3));
    let index = SearchIndex::new(&set);
    let texts: Vec<&str> = index.items().iter().map(|item| item.text.as_str()).collect();
    assert_eq!(texts, generated.texts.lines().collect::<Vec<_>>());
}
