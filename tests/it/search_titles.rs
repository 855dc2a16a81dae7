//! Search by the job titles people use (issue 12), with the CUOC loaded beside the BPO catalog: the
//! same rank-1 table through `rumbo search` and through the app's search popup, the `title` kind and
//! its JSON, and Enter on a title going to its occupation.

use crate::common::stderr;
use crate::cuoc_support::start_cuoc;
use crossterm::event::KeyCode;
use rumbo::app::{Overlay, Pane};
use rumbo::catalog::ItemKind;
use rumbo::i18n::Lang;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// Query → the CUOC codes of which the first result must belong to one, each of them among the
/// first five (the table: "cajera" may put either cashier occupation first).
const TABLE: [(&str, &[&str]); 6] = [
    ("cajera", &["52300", "42110"]),
    ("call center", &["42220"]),
    ("asesor comercial", &["33220"]),
    ("mesero", &["51310"]),
    ("soldador", &["72120"]),
    ("auxiliar de enfermería", &["53291"]),
];

/// The CUOC code of the occupation a result is or belongs to ("" for anything else).
fn code_of(kind: ItemKind, id: &str, occupation: Option<&str>) -> String {
    let occupation = if kind == ItemKind::Occupation { Some(id) } else { occupation };
    occupation.and_then(|id| id.strip_prefix("cuoc-")).unwrap_or("").to_string()
}

fn check_table(path: &str, mut top5: impl FnMut(&str) -> Vec<String>) {
    for (query, first) in TABLE {
        let codes = top5(query);
        assert!(
            first.contains(&codes.first().map(String::as_str).unwrap_or("")),
            "{path}: {query:?} → {codes:?}, expected {first:?} first"
        );
        for code in first {
            assert!(
                codes.contains(&code.to_string()),
                "{path}: {query:?} → {codes:?} lacks {code} in the top 5"
            );
        }
    }
}

fn search(home: &Path, cache: &Path, args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_rumbo"))
        .args(["--catalog", crate::cuoc_catalog::CUOC_FILE, "search"])
        .args(args)
        .arg("--json")
        .env("RUMBO_CONFIG_DIR", home.join("config"))
        .env("RUMBO_DATA_DIR", home.join("data"))
        .env("RUMBO_CACHE_DIR", cache)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn cli_top5(home: &Path, cache: &Path, query: &str) -> Vec<String> {
    let found = search(home, cache, &[query, "--limit", "5"]);
    found["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let kind: ItemKind = serde_json::from_value(r["kind"].clone()).unwrap();
            code_of(kind, r["id"].as_str().unwrap(), r["occupation"]["id"].as_str())
        })
        .collect()
}

#[test]
fn titles_rank_first_in_rumbo_search_built_and_then_read_from_the_cache() {
    let home = tempfile::tempdir().unwrap();
    let cache = home.path().join("cache");
    // The first run builds the index and stores it; the second reads the stored one, which must
    // hold the titles too.
    check_table("rumbo search (built)", |q| cli_top5(home.path(), &cache, q));
    assert!(cache.join("search.bin").exists(), "the index was stored");
    check_table("rumbo search (cached)", |q| cli_top5(home.path(), &cache, q));
}

#[test]
fn a_title_in_json_names_its_occupation_with_code_and_name() {
    let home = tempfile::tempdir().unwrap();
    let found =
        search(home.path(), &home.path().join("cache"), &["cajera de supermercado", "--kind", "title"]);
    let results = found["results"].as_array().unwrap();
    assert!(results.iter().all(|r| r["kind"] == "title"), "{found}");
    let first = &results[0];
    assert_eq!(first["id"], "52300.015");
    assert_eq!(first["text"], "Cajero de supermercado / Cajera de supermercado");
    assert_eq!(first["occupation"]["id"], "cuoc-52300");
    assert_eq!(first["occupation"]["code"], "52300");
    assert!(first["occupation"]["title"].as_str().unwrap().starts_with("Cajeros de comercio"), "{first}");
}

#[test]
fn titles_rank_first_in_the_search_popup() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = start_cuoc(dir.path(), Lang::Es);
    app.new_session("Ana", None, true);
    let index = app.model.index.clone();
    check_table("popup", |query| {
        app.char('/');
        app.type_text(query);
        let Some(Overlay::Search(popup)) = &app.ws().overlay else { panic!("the search is open") };
        let codes = popup.hits[..5.min(popup.hits.len())]
            .iter()
            .map(|hit| {
                let item = index.item(hit.item);
                code_of(item.kind, item.id, item.occupation.map(|(id, _)| id))
            })
            .collect();
        app.press(KeyCode::Esc);
        codes
    });
}

#[test]
fn enter_on_a_title_goes_to_its_occupation() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = start_cuoc(dir.path(), Lang::Es);
    app.new_session("Ana", None, true);
    app.char('/');
    app.type_text("soldador");
    let Some(Overlay::Search(popup)) = &app.ws().overlay else { panic!("the search is open") };
    let first = app.model.index.item(popup.hits[0].item);
    assert_eq!((first.kind, first.id), (ItemKind::Title, "72120.019"));
    app.press(KeyCode::Enter);
    assert!(app.ws().overlay.is_none(), "Enter closes the search");
    assert_eq!(app.occupation().as_deref(), Some("cuoc-72120"));
    assert_eq!(app.focus(), Pane::Occupations);
    let set = app.model.catalog.clone();
    let sector = &set.occupation("cuoc-72120").unwrap().sector;
    assert_eq!(set.sectors().nth(app.ws().sector).unwrap().id, *sector, "its sector is selected too");
}
