//! `rumbo search`: accent- and case-insensitive, exact title first, `--kind` filters, `--limit` limits.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::common;

use common::{rumbo, stderr, stdout};
use serde_json::Value;

fn search_json(args: &[&str]) -> Value {
    let home = tempfile::tempdir().expect("tempdir");
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.push("--json");
    let out = rumbo(home.path(), &all);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).expect("json")
}

fn ids(value: &Value) -> Vec<String> {
    value["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| r["id"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn accents_and_capitals_do_not_matter() {
    let plain = search_json(&["tecnico"]);
    assert_eq!(ids(&plain).first().map(String::as_str), Some("tecnico-sistemas"));
    assert_eq!(ids(&plain), ids(&search_json(&["TÉCNICO"])));
    let cartera = ids(&search_json(&["cartera", "--limit", "2"]));
    assert!(
        cartera.contains(&"vnt-13".to_string()) && cartera.contains(&"asc-07".to_string()),
        "{cartera:?}"
    );
}

#[test]
fn an_exact_title_ranks_first() {
    assert_eq!(ids(&search_json(&["trabajo en equipo"]))[0], "trabajo-en-equipo");
    assert_eq!(ids(&search_json(&["Técnicos de sistemas"]))[0], "tecnico-sistemas");
    assert_eq!(ids(&search_json(&["recuperar cartera vencida."]))[0], "vnt-13");
}

#[test]
fn kind_filters_and_functions_name_their_occupation() {
    let value = search_json(&["ventas", "--kind", "function"]);
    let results = value["results"].as_array().expect("results");
    assert!(!results.is_empty());
    for r in results {
        assert_eq!(r["kind"], "function");
        assert!(r["occupation"]["id"].is_string() && r["occupation"]["title"].is_string(), "{r}");
    }
    let programs = search_json(&["ventas", "--kind", "program"]);
    assert!(programs["results"].as_array().expect("results").iter().all(|r| r["kind"] == "program"));
}

#[test]
fn limit_limits_and_total_counts_everything() {
    let all = search_json(&["ventas"]);
    let two = search_json(&["ventas", "--limit", "2"]);
    assert_eq!(two["results"].as_array().map(Vec::len), Some(2));
    assert_eq!(two["total"], all["total"]);
    assert!(all["total"].as_u64().unwrap_or(0) > 2);
    assert_eq!(ids(&two), ids(&all)[..2]);
}

#[test]
fn plain_output_has_kind_id_text_and_occupation() {
    let home = tempfile::tempdir().expect("tempdir");
    let out = rumbo(home.path(), &["search", "cartera vencida", "--limit", "1"]);
    assert_eq!(
        stdout(&out).trim(),
        "función  vnt-13  Recuperar cartera vencida.  (en: Vendedores, ventas no técnicas)"
    );
    let out = rumbo(home.path(), &["--lang", "en", "search", "zzzzqqq"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("No results for `zzzzqqq`"), "{}", stderr(&out));
}
