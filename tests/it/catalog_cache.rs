//! The binary cache of loaded catalogs (`rumbo::catalog::cache`): it never changes what is loaded.
//! A hit gives what a fresh load gives; any change to a file is parsed again; a broken file is
//! reported exactly as without a cache and never cached; a damaged, truncated or foreign cache is
//! ignored and replaced; small sets never touch it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)] // tests fail loudly by design

use crate::common;
use crate::esco;

use common::BASE;
use rumbo::catalog::cache::{self, Cache, Use};
use rumbo::catalog::{Catalog, CatalogSources, Problem, load};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

type Loaded = Result<(Vec<Catalog>, Vec<String>), Vec<Problem>>;

fn sources(paths: &[PathBuf]) -> CatalogSources {
    CatalogSources { paths: paths.to_vec(), ..CatalogSources::builtins(&["bpo-bogota"]) }
}

/// A cache in `dir` used for any size, so the small test catalogs go through it.
fn cache_in(dir: &Path) -> Cache {
    Cache::in_dir(dir).with_min_bytes(0)
}

fn plain(loaded: Result<(rumbo::catalog::CatalogSet, Vec<String>), Vec<Problem>>) -> Loaded {
    loaded.map(|(set, names)| (set.catalogs().to_vec(), names))
}

fn fresh(paths: &[PathBuf]) -> Loaded {
    plain(load(&sources(paths)))
}

fn cached(paths: &[PathBuf], cache: &Cache) -> (Loaded, Use) {
    let (loaded, used) = cache::load_reporting(&sources(paths), Some(cache));
    (plain(loaded), used)
}

/// Two catalog files: BASE, and a second catalog with ids of its own that adds to BASE's sector.
fn two_files(dir: &Path) -> Vec<PathBuf> {
    let a = dir.join("a.ron");
    let b = dir.join("b.ron");
    fs::write(&a, BASE).unwrap();
    let second = BASE
        .replace("id: \"prueba\"", "id: \"segunda\"")
        .replace("\"fuente\"", "\"fuente-2\"")
        .replace(
            "sectors: [Sector(id: \"sector-a\", name: \"Sector A\", source: \"fuente-2\")],",
            "sectors: [],",
        )
        .replace("comp-a", "comp-b")
        .replace("ocup-a", "ocup-b")
        .replace("fa-01", "fb-01")
        .replace("prog-a", "prog-b")
        .replace("Ocupación A", "Ocupación B con tildes: técnico, niño");
    fs::write(&b, second).unwrap();
    vec![a, b]
}

#[test]
fn a_hit_gives_what_a_fresh_load_gives() {
    let dir = tempfile::tempdir().unwrap();
    let paths = two_files(dir.path());
    let cache = cache_in(&dir.path().join("cache"));
    let expected = fresh(&paths);
    assert!(expected.is_ok(), "{expected:?}");
    assert_eq!(cached(&paths, &cache), (expected.clone(), Use::Written));
    assert!(cache.path().is_file());
    for _ in 0..2 {
        assert_eq!(cached(&paths, &cache), (expected.clone(), Use::Hit));
    }
    // The same files in another order are another set: names and order count.
    let reversed: Vec<PathBuf> = paths.iter().rev().cloned().collect();
    assert_eq!(cached(&reversed, &cache), (fresh(&reversed), Use::Written));
}

#[test]
fn a_catalog_replacing_the_built_in_one_is_cached_as_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let builtin = rumbo::catalog::BUILTIN_TEXT.replace("\"Técnicos de sistemas\"", "\"Técnicos de redes\"");
    let path = dir.path().join("bpo.ron");
    fs::write(&path, builtin).unwrap();
    let cache = cache_in(&dir.path().join("cache"));
    let expected = fresh(std::slice::from_ref(&path));
    assert_eq!(expected.as_ref().unwrap().0.len(), 1, "the file replaces the built-in catalog");
    assert_eq!(cached(std::slice::from_ref(&path), &cache), (expected.clone(), Use::Written));
    assert_eq!(cached(std::slice::from_ref(&path), &cache), (expected, Use::Hit));
}

#[test]
fn any_change_to_a_file_is_parsed_again() {
    let dir = tempfile::tempdir().unwrap();
    let paths = two_files(dir.path());
    let cache = cache_in(&dir.path().join("cache"));
    assert_eq!(cached(&paths, &cache).1, Use::Written);
    // One letter of a title.
    let changed = BASE.replace("Ocupación A", "Ocupación Z");
    fs::write(&paths[0], &changed).unwrap();
    let (loaded, used) = cached(&paths, &cache);
    assert_eq!(used, Use::Written);
    assert_eq!(loaded, fresh(&paths));
    assert_eq!(loaded.unwrap().0[1].occupations[0].title, "Ocupación Z");
    assert_eq!(cached(&paths, &cache).1, Use::Hit);
    // Only a byte-order mark added: same text, same catalogs, parsed again all the same is fine.
    fs::write(&paths[0], format!("\u{FEFF}{changed}")).unwrap();
    assert_eq!(cached(&paths, &cache).0, fresh(&paths));
    // A file added to the set, or one left out.
    let third = dir.path().join("c.ron");
    fs::write(&third, BASE.replace("id: \"prueba\"", "id: \"tercera\"")).unwrap();
    let more = [paths.clone(), vec![third.clone()]].concat();
    let (loaded, used) = cached(&more, &cache);
    assert_eq!((loaded.clone(), used), (fresh(&more), Use::Refused));
    assert!(loaded.is_err(), "the third file repeats the first one's ids");
    let third_text = BASE.replace("prueba", "tercera").replace("-a", "-c").replace("fa-01", "fc-01");
    fs::write(&third, third_text.replace("\"fuente\"", "\"fuente-3\"")).unwrap();
    let (loaded, used) = cached(&more, &cache);
    assert_eq!((loaded.clone(), used), (fresh(&more), Use::Written));
    assert_eq!(loaded.unwrap().0.len(), 4);
    assert_eq!(cached(&paths[..1], &cache), (fresh(&paths[..1]), Use::Written));
}

#[test]
fn a_broken_file_is_reported_the_same_and_never_cached() {
    let dir = tempfile::tempdir().unwrap();
    let paths = two_files(dir.path());
    let cache = cache_in(&dir.path().join("cache"));
    let good = cached(&paths, &cache).0;
    let written = fs::read(cache.path()).unwrap();
    for broken in [
        BASE.replace("title: \"Prueba\",", "title: \"Prueba\", colour: \"red\","),
        BASE.replace("sector: \"sector-a\"", "sector: \"no-existe\""),
        BASE.replace("format: 1", "format: 7"),
        BASE.replace("Hacer algo", "Hacer\u{202E} algo"),
        "Catalog(".to_string(),
    ] {
        fs::write(&paths[0], &broken).unwrap();
        let expected = fresh(&paths);
        assert!(expected.is_err(), "{broken}");
        assert_eq!(cached(&paths, &cache), (expected.clone(), Use::Refused), "{broken}");
        assert_eq!(cached(&paths, &cache), (expected, Use::Refused), "{broken}");
        assert_eq!(fs::read(cache.path()).unwrap(), written, "the cache of the good files is kept");
    }
    // Not UTF-8, or gone: a reading problem, reported as without a cache.
    fs::write(&paths[0], [0xff, 0xfe, 0x00]).unwrap();
    assert_eq!(cached(&paths, &cache), (fresh(&paths), Use::Bypassed));
    fs::remove_file(&paths[0]).unwrap();
    assert_eq!(cached(&paths, &cache), (fresh(&paths), Use::Bypassed));
    assert!(fresh(&paths).is_err());
    // Put back as it was: the cache still holds it.
    fs::write(&paths[0], BASE).unwrap();
    assert_eq!(cached(&paths, &cache), (good, Use::Hit));
}

#[test]
fn a_damaged_truncated_or_foreign_cache_is_ignored_and_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let paths = two_files(dir.path());
    let cache = cache_in(&dir.path().join("cache"));
    let expected = fresh(&paths);
    assert_eq!(cached(&paths, &cache).1, Use::Written);
    let good = fs::read(cache.path()).unwrap();
    // A cache written for other files, in the same folder layout.
    let other_dir = tempfile::tempdir().unwrap();
    let other_paths = two_files(other_dir.path());
    fs::write(
        &other_paths[1],
        BASE.replace("id: \"prueba\"", "id: \"otra\"").replace("\"fuente\"", "\"f2\""),
    )
    .unwrap();
    let other_cache = cache_in(&other_dir.path().join("cache"));
    assert_eq!(cached(&other_paths[1..], &other_cache).1, Use::Written);
    let foreign = fs::read(other_cache.path()).unwrap();

    let flip = |at: usize| {
        let mut bytes = good.clone();
        bytes[at] ^= 0x20;
        bytes
    };
    let damages: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("ten bytes", good[..10].to_vec()),
        ("header only", good[..56].to_vec()),
        ("half", good[..good.len() / 2].to_vec()),
        ("last byte missing", good[..good.len() - 1].to_vec()),
        ("one byte more", [good.clone(), vec![0]].concat()),
        ("magic", flip(0)),
        ("key", flip(20)),
        ("length", flip(33)),
        ("checksum", flip(45)),
        ("payload start", flip(60)),
        ("payload end", flip(good.len() - 2)),
        ("noise", (0..good.len()).map(|i| (i * 7 + 3) as u8).collect()),
        ("foreign", foreign),
        ("text", b"not a cache at all\n".to_vec()),
    ];
    for (what, bytes) in damages {
        fs::write(cache.path(), &bytes).unwrap();
        assert_eq!(cached(&paths, &cache), (expected.clone(), Use::Written), "{what}");
        assert_eq!(fs::read(cache.path()).unwrap(), good, "{what}: replaced by a good one");
        assert_eq!(cached(&paths, &cache), (expected.clone(), Use::Hit), "{what}");
    }
    // A folder where the file should be: loading still works, there is just no cache.
    fs::remove_file(cache.path()).unwrap();
    fs::create_dir(cache.path()).unwrap();
    assert_eq!(cached(&paths, &cache), (expected.clone(), Use::Written));
    assert_eq!(cached(&paths, &cache), (expected, Use::Written));
}

#[test]
fn small_sets_and_no_cache_leave_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let paths = two_files(dir.path());
    let cache = Cache::in_dir(&dir.path().join("cache"));
    // The built-in catalog plus two small files: under `Cache::MIN_BYTES`, parsed every time.
    assert_eq!(cached(&paths, &cache), (fresh(&paths), Use::Bypassed));
    assert_eq!(cache::load_reporting(&sources(&paths), None).1, Use::Bypassed);
    assert!(!dir.path().join("cache").exists());
}

fn rumbo(home: &Path, cache: Option<&Path>, args: &[&str]) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rumbo"));
    command
        .args(args)
        .env("RUMBO_CONFIG_DIR", home.join("config"))
        .env("RUMBO_DATA_DIR", home.join("data"))
        .env("LANG", "es_CO.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    match cache {
        Some(dir) => command.env("RUMBO_CACHE_DIR", dir),
        None => command.env("RUMBO_CACHE_DIR", ""),
    };
    command.output().unwrap()
}

#[test]
fn the_binary_caches_large_sets_where_rumbo_cache_dir_says() {
    let home = tempfile::tempdir().unwrap();
    let catalog = esco::write_to(home.path(), esco::Scale::TENTH).unwrap();
    assert!(fs::metadata(&catalog).unwrap().len() as usize >= Cache::MIN_BYTES);
    let catalog = catalog.to_str().unwrap();
    let cache_dir = home.path().join("cache");
    let args = ["search", "--catalog", catalog, "mantenimiento equipos", "--json"];
    // `catalog check` always parses, and never writes the cache.
    let check = rumbo(home.path(), Some(&cache_dir), &["catalog", "check", "--catalog", catalog]);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    assert!(!cache_dir.exists());
    let uncached = rumbo(home.path(), None, &args);
    assert!(uncached.status.success(), "{}", String::from_utf8_lossy(&uncached.stderr));
    assert!(!cache_dir.exists(), "RUMBO_CACHE_DIR set but empty: no cache");
    let first = rumbo(home.path(), Some(&cache_dir), &args);
    assert!(cache_dir.join(Cache::FILE_NAME).is_file());
    let second = rumbo(home.path(), Some(&cache_dir), &args);
    assert_eq!(first.stdout, uncached.stdout);
    assert_eq!(second.stdout, uncached.stdout);
    assert!(second.status.success());
    // A broken file: the same message with and without the cache, and exit 1.
    fs::write(catalog, "Catalog(format: 1, id: \"roto\"").unwrap();
    let broken_uncached = rumbo(home.path(), None, &args);
    let broken = rumbo(home.path(), Some(&cache_dir), &args);
    assert_eq!(broken.status.code(), Some(1));
    assert_eq!((broken.stdout, broken.stderr), (broken_uncached.stdout, broken_uncached.stderr));
}

/// `rumbo search` reads the search index straight from the cache when the files have not changed,
/// without decoding the catalogs; a changed file, a damaged index file or a broken catalog never
/// gives other output than searching without any cache.
#[test]
fn rumbo_search_uses_the_cached_index_only_for_the_files_it_was_built_from() {
    use rumbo::search::IndexFile;
    let home = tempfile::tempdir().unwrap();
    let catalog_path = esco::write_to(home.path(), esco::Scale::TENTH).unwrap();
    let catalog = catalog_path.to_str().unwrap();
    let cache_dir = home.path().join("cache");
    let index_file = cache_dir.join(IndexFile::FILE_NAME);
    let search = |query: &str, cache: Option<&Path>| {
        let out = rumbo(home.path(), cache, &["search", "--catalog", catalog, query, "--limit", "50"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(!out.stdout.is_empty(), "{query}: found nothing");
        String::from_utf8(out.stdout).unwrap()
    };
    let uncached = search("mantenimiento", None);
    assert_eq!(search("mantenimiento", Some(&cache_dir)), uncached);
    assert!(index_file.is_file(), "the first search caches the index");
    let stored = fs::read(&index_file).unwrap();
    let written = fs::metadata(&index_file).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert_eq!(search("mantenimiento", Some(&cache_dir)), uncached, "from the cached index");
    let modified = fs::metadata(&index_file).unwrap().modified().unwrap();
    assert_eq!(modified, written, "a hit does not rewrite it");

    // A changed catalog: the old index is not used, and is replaced.
    let text = fs::read_to_string(&catalog_path).unwrap();
    // Every occurrence: the first is in a description, which is not searched, and a search finds
    // only texts that hold the word.
    let changed = text.replace("mantenimiento", "zanahoria");
    assert_ne!(changed, text);
    fs::write(&catalog_path, changed).unwrap();
    let after_change = search("zanahoria", None);
    assert_eq!(search("zanahoria", Some(&cache_dir)), after_change);
    assert_ne!(fs::read(&index_file).unwrap(), stored, "rewritten for the changed file");
    assert_eq!(search("zanahoria", Some(&cache_dir)), after_change, "the new one is used");

    // A damaged index file: ignored, the same results, and replaced.
    let mut damaged = fs::read(&index_file).unwrap();
    let middle = damaged.len() / 2;
    damaged[middle] ^= 0x55;
    fs::write(&index_file, &damaged).unwrap();
    assert_eq!(search("zanahoria", Some(&cache_dir)), after_change);
    assert_ne!(fs::read(&index_file).unwrap(), damaged, "replaced");

    // A broken catalog: the same error as without a cache, whatever the cache holds.
    fs::write(&catalog_path, "Catalog(format: 1, id: \"roto\"").unwrap();
    let args = ["search", "--catalog", catalog, "zanahoria"];
    let (broken, broken_uncached) =
        (rumbo(home.path(), Some(&cache_dir), &args), rumbo(home.path(), None, &args));
    assert_eq!(broken.status.code(), Some(1));
    assert_eq!((broken.stdout, broken.stderr), (broken_uncached.stdout, broken_uncached.stderr));
}
