//! The search index of the built-ins is kept in the cache folder (`search.bin`) and read back on
//! the next start, but only ever for the very catalogs it was built from: a file that replaces a
//! built-in (same id) gives another key, and the index is built again.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::common::{rumbo, stderr, stdout};
use rumbo::catalog::BUILTIN_TEXT;
use rumbo::catalog::CatalogSources;
use rumbo::catalog::cache::{self, Cache, Use};
use rumbo::search::IndexFile;
use std::path::Path;
use std::time::SystemTime;

fn search(home: &Path, args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.extend(["--json", "--limit", "5"]);
    let out = rumbo(home, &all);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
}

fn written(path: &Path) -> (Vec<u8>, SystemTime) {
    (std::fs::read(path).unwrap(), std::fs::metadata(path).unwrap().modified().unwrap())
}

#[test]
fn the_built_ins_index_is_kept_and_never_used_for_a_file_that_replaces_one() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let index = h.join("cache").join(IndexFile::FILE_NAME);
    let cajera = search(h, &["search", "cajera"]);
    assert!(cajera.contains("cuoc-52300"), "{cajera}");
    assert!(index.is_file(), "the first start keeps the built-ins' index");
    let first = written(&index);
    assert_eq!(search(h, &["search", "cajera"]), cajera, "read back");
    assert_eq!(written(&index), first, "a hit does not write it again");

    // The office's edition of the BPO catalog, with a word no built-in has.
    let edition = h.join("bpo.ron");
    let text =
        BUILTIN_TEXT.replace("Auxiliares de información y servicio al cliente", "Zanahorios de la oficina");
    assert_ne!(text, BUILTIN_TEXT);
    std::fs::write(&edition, text).unwrap();
    let with_edition = ["--catalog", edition.to_str().unwrap(), "search", "zanahorios"];
    let found = search(h, &with_edition);
    assert!(found.contains("Zanahorios de la oficina"), "{found}");
    assert_ne!(written(&index).0, first.0, "built again for the edition and kept");
    assert_eq!(search(h, &with_edition), found);
    // The edition changed again: its index is not used either.
    std::fs::write(&edition, BUILTIN_TEXT.replace("Auxiliares de información", "Nabos de información"))
        .unwrap();
    let found = search(h, &["--catalog", edition.to_str().unwrap(), "search", "zanahorios"]);
    assert!(!found.contains("Zanahorios"), "{found}");

    // Without the file: the built-in again, not the edition's index.
    assert!(!search(h, &["search", "zanahorios"]).contains("Zanahorios"));
    assert_eq!(search(h, &["search", "cajera"]), cajera);
    assert_eq!(written(&index).0, first.0, "the same index as the first start's");
}

#[test]
fn the_built_ins_have_a_key_for_what_is_derived_from_them_but_bpo_alone_is_too_small() {
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::in_dir(dir.path());
    let every = CatalogSources::every_builtin();
    let loading = cache::load_keyed(&every, Some(&cache));
    assert!(loading.result.is_ok());
    assert_eq!(loading.used, Use::Bypassed, "the catalogs themselves are not cached");
    let key = loading.key.expect("a key for the index");
    assert_eq!(cache::sources_key(&every, &cache), Some(key), "what `rumbo search` looks under");
    let cuoc = CatalogSources::builtins(&["cuoc-2025"]);
    let cuoc_key = cache::load_keyed(&cuoc, Some(&cache)).key.expect("the CUOC alone is worth it");
    assert_ne!(cuoc_key, key);
    // The BPO catalog alone indexes in a few milliseconds: nothing to keep.
    let bpo = CatalogSources::builtins(&["bpo-bogota"]);
    assert_eq!(cache::load_keyed(&bpo, Some(&cache)).key, None);
    assert_eq!(cache::sources_key(&bpo, &cache), None);
    assert!(!dir.path().join(Cache::FILE_NAME).exists());
}
