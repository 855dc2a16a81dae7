//! `rumbo search`: accent- and case-insensitive, exact title first, `--kind` filters, `--limit` limits.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::common;

use common::{rumbo, stderr, stdout};
use serde_json::Value;

fn search_json(args: &[&str]) -> Value {
    let home = tempfile::tempdir().expect("tempdir");
    // The BPO catalog alone: these tests are about how a search matches, on its known items.
    let mut all = vec!["--builtin", "bpo-bogota", "search"];
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
        "función  vnt-13  Recuperar cartera vencida.  (en: Vendedores de ventas no técnicas)"
    );
    let out = rumbo(home.path(), &["--lang", "en", "search", "zzzzqqq"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("No results for `zzzzqqq`"), "{}", stderr(&out));
}

/// A catalog of trades the built-in BPO catalog lacks, for the Spanish-aware rules.
const TRADES: &str = r#"Catalog(
    format: 1,
    id: "oficios",
    title: "Oficios",
    language: "es",
    sources: [Source(id: "fuente", title: "Fuente")],
    sectors: [Sector(id: "comercio", name: "Comercio y oficios", source: "fuente")],
    competencies: [Competency(id: "atencion", name: "Atención al público", kind: Social)],
    occupations: [
        Occupation(id: "cajeros", sector: "comercio", title: "Cajeros y taquilleros",
            functions: [Function(id: "caj-01", text: "Recibir pagos en efectivo como cajera de almacén.")],
            competencies: [Need(competency: "atencion")]),
        Occupation(id: "soldadores", sector: "comercio", title: "Soldadores y oxicortadores",
            functions: [Function(id: "sol-01", text: "Unir piezas de metal con soldadura.")],
            competencies: [Need(competency: "atencion")]),
        Occupation(id: "meseros", sector: "comercio", title: "Meseros",
            functions: [Function(id: "mes-01", text: "Atender las mesas del restaurante.")],
            competencies: [Need(competency: "atencion")]),
        Occupation(id: "aux-enfermeria", sector: "comercio", title: "Auxiliares de enfermería",
            functions: [Function(id: "enf-01", text: "Tomar los signos vitales de los pacientes.")],
            competencies: [Need(competency: "atencion")]),
    ],
    programs: [],
)
"#;

/// `rumbo search QUERY --json --no-builtin --catalog` [`TRADES`]: the ids found.
fn trades(query: &str) -> Vec<String> {
    let home = tempfile::tempdir().expect("tempdir");
    let catalog = home.path().join("oficios.ron");
    std::fs::write(&catalog, TRADES).expect("catalog written");
    let catalog = catalog.to_str().expect("utf-8 path");
    let out = rumbo(home.path(), &["search", "--no-builtin", "--catalog", catalog, "--json", query]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut found = ids(&serde_json::from_str(&stdout(&out)).expect("json"));
    found.sort_unstable();
    found
}

#[test]
fn gender_and_number_variants_find_the_same_items() {
    for query in ["cajera", "cajero", "cajeros", "Cajeras"] {
        assert_eq!(trades(query), ["caj-01", "cajeros"], "{query}");
    }
    assert_eq!(trades("mesera"), ["meseros"]);
}

#[test]
fn stop_words_never_decide_a_match() {
    assert_eq!(trades("auxiliar de"), trades("auxiliar"));
    assert_eq!(trades("auxiliar de"), ["aux-enfermeria"]);
    assert_eq!(trades("los auxiliares de la enfermería"), ["aux-enfermeria"]);
}

#[test]
fn one_typo_is_forgiven_from_five_letters() {
    assert_eq!(trades("solador"), ["soldadores"]);
    assert_eq!(trades("soldaodr"), ["soldadores"]);
    // Four letters, no typo: "mesa" finds the tables, "mesr" nothing.
    assert_eq!(trades("mesa"), ["mes-01"]);
    assert!(trades("mesr").is_empty());
}

#[test]
fn a_text_lacking_a_query_word_is_not_a_result() {
    // Fuzzy matching alone found "cartera" in 49 of the built-in catalog's 107 items.
    let value = search_json(&["cartera"]);
    assert_eq!(value["total"], 2);
    let mut found = ids(&value);
    found.sort_unstable();
    assert_eq!(found, ["asc-07", "vnt-13"]);
    assert_eq!(search_json(&["cajera"])["total"], 0, "no cashier in the BPO catalog");
    assert!(trades("soldador restaurante").is_empty());
    assert_eq!(trades("ÁTENDER MESAS"), ["mes-01"], "accents and case never matter");
}
