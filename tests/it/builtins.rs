//! The built-in catalogs (BPO of Bogotá and the CUOC 2025): which load (`--builtin`, `--no-builtin`),
//! a file with a built-in's id in its place, and the binary form the build makes of them.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::common::{BASE, rumbo, stderr, stdout};
use rumbo::catalog::cache::{self, Cache, Use};
use rumbo::catalog::{
    BUILTINS, Builtin, CatalogSources, Input, SourceFile, builtin, builtin_file, builtin_files, load_files,
    load_inputs, parse,
};
use serde_json::Value;
use std::path::Path;

/// Each loaded catalog's (id, file).
type Listed = Vec<(String, String)>;

/// `catalog check --json` with `args` before it: each catalog's (id, file), or the exit code and
/// stderr when it fails.
fn checked(home: &Path, args: &[&str]) -> Result<Listed, (Option<i32>, String)> {
    let mut all = args.to_vec();
    all.extend(["catalog", "check", "--json"]);
    let out = rumbo(home, &all);
    if out.status.code() != Some(0) {
        return Err((out.status.code(), stderr(&out)));
    }
    let value: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let list = value["catalogs"].as_array().unwrap().iter();
    Ok(list.map(|c| (c["id"].as_str().unwrap().into(), c["file"].as_str().unwrap().into())).collect())
}

fn pairs(list: &[(&str, &str)]) -> Listed {
    list.iter().map(|(id, file)| (id.to_string(), file.to_string())).collect()
}

const BPO: (&str, &str) = ("bpo-bogota", "builtin:bpo-bogota.ron");
const CUOC: (&str, &str) = ("cuoc-2025", "builtin:cuoc-2025.ron");

#[test]
fn both_built_ins_load_by_default_and_builtin_picks_them() {
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    assert_eq!(checked(h, &[]), Ok(pairs(&[BPO, CUOC])), "no flags: both");
    assert_eq!(checked(h, &["--builtin", "cuoc-2025"]), Ok(pairs(&[CUOC])));
    assert_eq!(checked(h, &["--builtin", "bpo-bogota"]), Ok(pairs(&[BPO])));
    // Repeated, in any order: each once, in the order they are built in.
    assert_eq!(checked(h, &["--builtin", "cuoc-2025", "--builtin", "bpo-bogota"]), Ok(pairs(&[BPO, CUOC])));
    assert_eq!(checked(h, &["--builtin", "bpo-bogota", "--builtin=bpo-bogota"]), Ok(pairs(&[BPO])));
    // After the subcommand too (a global flag).
    let out = rumbo(h, &["catalog", "check", "--builtin", "cuoc-2025"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 1, "{}", stdout(&out));
    assert!(stdout(&out).starts_with("cuoc-2025 (builtin:cuoc-2025.ron): 26 sectores, 680 ocupaciones"));
}

#[test]
fn no_builtin_leaves_both_out() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("prueba.ron");
    std::fs::write(&file, BASE).unwrap();
    let file = file.to_str().unwrap();
    let only = checked(home.path(), &["--no-builtin", "--catalog", file]);
    assert_eq!(only, Ok(vec![("prueba".to_string(), file.to_string())]));
    let (code, err) = checked(home.path(), &["--no-builtin"]).unwrap_err();
    assert_eq!(code, Some(1));
    assert!(err.contains("no hay ningún catálogo cargado"), "{err}");
}

#[test]
fn an_unknown_builtin_is_a_usage_error_that_lists_the_known_ids() {
    let home = tempfile::tempdir().unwrap();
    let out = rumbo(home.path(), &["--builtin", "cuoc-2024", "catalog", "check"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().next(), Some("error: valor no válido «cuoc-2024» para «--builtin <ID>»"), "{err}");
    assert!(err.contains("valores posibles: bpo-bogota, cuoc-2025"), "{err}");
    let out = rumbo(home.path(), &["--lang", "en", "search", "x", "--builtin", "bpo"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("[possible values: bpo-bogota, cuoc-2025]"), "{}", stderr(&out));
    // Both at once say opposite things: refused, not guessed.
    let out = rumbo(home.path(), &["--no-builtin", "--builtin", "cuoc-2025", "catalog", "check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no se puede usar junto con"), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
}

#[test]
fn rumbo_search_searches_the_built_ins_the_flags_pick() {
    let home = tempfile::tempdir().unwrap();
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = args.to_vec();
        all.extend(["search", "soldador", "--kind", "occupation", "--json"]);
        let out = rumbo(home.path(), &all);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let value: Value = serde_json::from_str(&stdout(&out)).unwrap();
        value["results"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap().to_string()).collect()
    };
    assert!(ids(&[]).contains(&"cuoc-72120".to_string()), "{:?}", ids(&[]));
    assert_eq!(ids(&["--builtin", "cuoc-2025"]), ids(&[]));
    assert!(ids(&["--builtin", "bpo-bogota"]).is_empty());
}

/// A small catalog with `id`, in a file of its own.
fn edition(id: &str) -> String {
    BASE.replace("id: \"prueba\"", &format!("id: \"{id}\""))
        .replace("title: \"Prueba\"", "title: \"Edición de la oficina\"")
}

#[test]
fn a_file_with_a_built_ins_id_takes_its_place() {
    let home = tempfile::tempdir().unwrap();
    // In the config folder: the office's later edition of the CUOC.
    let catalogs = home.path().join("config").join("catalogs");
    std::fs::create_dir_all(&catalogs).unwrap();
    let in_config = catalogs.join("cuoc.ron");
    std::fs::write(&in_config, edition("cuoc-2025")).unwrap();
    let in_config = in_config.to_str().unwrap().to_string();
    assert_eq!(
        checked(home.path(), &[]),
        Ok(vec![pairs(&[BPO])[0].clone(), ("cuoc-2025".into(), in_config)])
    );
    std::fs::remove_dir_all(&catalogs).unwrap();
    // With --catalog: the BPO catalog's.
    let given = home.path().join("bpo.ron");
    std::fs::write(&given, edition("bpo-bogota")).unwrap();
    let given = given.to_str().unwrap();
    let expected = vec![pairs(&[CUOC])[0].clone(), ("bpo-bogota".to_string(), given.to_string())];
    assert_eq!(checked(home.path(), &["--catalog", given]), Ok(expected));
    // A built-in not loaded is replaced by nothing: the file simply loads.
    let only = checked(home.path(), &["--builtin", "cuoc-2025", "--catalog", given]);
    assert_eq!(only, Ok(vec![pairs(&[CUOC])[0].clone(), ("bpo-bogota".to_string(), given.to_string())]));
    // The app shows the edition's sector, not the built-in BPO one.
    let (set, names) = rumbo::catalog::load(&CatalogSources {
        paths: vec![given.into()],
        ..CatalogSources::every_builtin()
    })
    .unwrap();
    assert_eq!(names, ["builtin:cuoc-2025.ron", given]);
    assert!(set.sector("bpo").is_none() && set.sector("sector-a").is_some());
}

#[test]
fn both_built_ins_load_and_validate_together() {
    let inputs: Vec<Input> = BUILTINS.iter().map(Input::Builtin).collect();
    let loaded = load_inputs(inputs).expect("no problem, no id used twice");
    let ids: Vec<&str> = loaded.iter().map(|l| l.catalog.id.as_str()).collect();
    assert_eq!(ids, ["bpo-bogota", "cuoc-2025"]);
    // Their texts parse and validate the same way (the checks on texts run only when parsing).
    let parsed = load_files(builtin_files()).expect("the texts are valid too");
    for (parsed, decoded) in parsed.iter().zip(&loaded) {
        assert_eq!((&parsed.file, &parsed.catalog), (&decoded.file, &decoded.catalog));
    }
    // The BPO one is what tests build their models from.
    assert_eq!(builtin_file().name, BUILTINS[0].name);
    assert_eq!(builtin("cuoc-2025").map(|b| b.name), Some("builtin:cuoc-2025.ron"));
    assert!(builtin("cuoc").is_none());
}

/// What the build embedded is what the committed files say now: a build made before a change to a
/// catalog (or to the model) fails here instead of shipping the old catalog.
#[test]
fn the_embedded_catalogs_are_the_committed_files() {
    for b in &BUILTINS {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("assets/catalog/{}.ron", b.id));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(b.text == text, "{}: the embedded text is not the committed file's", b.id);
        let (catalog, problems) = parse(&SourceFile { name: b.name.into(), text }).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(catalog.id, b.id, "a built-in's id is its file's");
        assert!(!b.bytes.is_empty(), "{}: build.rs could not read the file", b.id);
        assert!(
            b.decoded() == Some(catalog),
            "{}: the embedded bytes are not the committed file's catalog",
            b.id
        );
    }
}

/// If the build could not make a built-in's binary form (its text did not deserialize), rumbo parses
/// the text instead and reports its problems at their line and column, under the built-in's name.
#[test]
fn a_built_in_the_build_could_not_encode_is_parsed_and_its_problems_placed() {
    static BROKEN: Builtin = Builtin {
        id: "roto",
        name: "builtin:roto.ron",
        text: "Catalog(\n    format: 1,\n    id: \"roto\",\n    titulo: \"x\",\n)",
        bytes: &[],
    };
    let problems = load_inputs(vec![Input::Builtin(&BROKEN)]).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    let rendered = problems[0].render(rumbo::i18n::Lang::Es);
    assert!(rendered.starts_with("builtin:roto.ron:4:"), "{rendered}");
}

/// A problem found against a built-in names it `builtin:<id>.ron`, at the line of its committed file.
#[test]
fn an_id_a_file_repeats_is_placed_in_the_built_in() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("oficina.ron");
    std::fs::write(&file, BASE.replace("sector-a", "cuoc-area-afde")).unwrap();
    let out = rumbo(home.path(), &["--catalog", file.to_str().unwrap(), "catalog", "check"]);
    assert_eq!(out.status.code(), Some(1));
    let line = BUILTINS[1].text.lines().position(|l| l.contains("id: \"cuoc-area-afde\"")).unwrap() + 1;
    let err = stderr(&out);
    assert!(err.contains(&format!("ya está definido en builtin:cuoc-2025.ron:{line}:")), "{err}");
}

#[test]
fn the_built_ins_alone_never_touch_the_catalog_cache() {
    let dir = tempfile::tempdir().unwrap();
    let sources = CatalogSources::every_builtin();
    let fresh = rumbo::catalog::load(&sources).unwrap();
    let (loaded, used) = cache::load_reporting(&sources, Some(&Cache::in_dir(&dir.path().join("c"))));
    assert_eq!(used, Use::Bypassed, "decoding them is as quick as reading the cache");
    assert_eq!(loaded.unwrap().1, fresh.1);
    assert!(!dir.path().join("c").exists());
    // Cached with a large file (here: any size), they come back from it as they were loaded.
    let cache = Cache::in_dir(&dir.path().join("c")).with_min_bytes(0);
    assert_eq!(cache::load_reporting(&sources, Some(&cache)).1, Use::Written);
    let (hit, used) = cache::load_reporting(&sources, Some(&cache));
    assert_eq!(used, Use::Hit);
    let hit = hit.unwrap();
    assert_eq!(hit.1, fresh.1);
    assert!(hit.0.catalogs() == fresh.0.catalogs());
}
