use super::fold::{fold_char, fold_decomposed};
use super::index::Index;
use super::narrowing::Prior;
use super::query::Query;
use super::scan::{FALLBACKS, Method};
use super::*;
use crate::catalog::{BUILTIN_NAME, BUILTIN_TEXT, SourceFile, builtin_file, load_files};
use crate::text;
use nucleo_matcher::pattern::CaseMatching;
use proptest::prelude::*;
use std::sync::LazyLock;
use std::sync::atomic::Ordering as AtomicOrdering;

fn index_of(files: Vec<SourceFile>) -> Index {
    let loaded = load_files(files).unwrap();
    Index::new(&CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect()))
}

static INDEX: LazyLock<Index> = LazyLock::new(|| index_of(vec![builtin_file()]));

fn texts(results: &SearchResults) -> Vec<&'static str> {
    results.hits.iter().map(|h| INDEX.items()[h.item].text.as_str()).collect()
}

fn find(query: &str) -> SearchResults {
    INDEX.search(query, None, None)
}

fn position(results: &SearchResults, text: &str) -> Option<usize> {
    texts(results).iter().position(|t| *t == text)
}

#[test]
fn accents_and_case_do_not_matter() {
    let tecnico = find("tecnico");
    assert!(position(&tecnico, "Técnicos de sistemas").is_some());
    for query in ["TÉCNICO", "Técnico", "técnico", "TECNICO", "tÉcNiCo"] {
        assert_eq!(find(query), tecnico, "{query}");
    }
    assert_eq!(find("orientacion al logro"), find("ORIENTACIÓN AL LOGRO"));
    assert_eq!(texts(&find("orientacion al logro"))[0], "Orientación al logro");
    assert_eq!(texts(&find("ingles"))[0], "Inglés (bilingüismo)");
}

#[test]
fn cartera_finds_both_collection_functions_first() {
    let cartera = find("cartera");
    let mut top = texts(&cartera)[..2].to_vec();
    top.sort_unstable();
    assert_eq!(
        top,
        [
            "Recuperar cartera en Contact Center BPO o Inhouse, de acuerdo con normas legales y procedimientos.",
            "Recuperar cartera vencida.",
        ]
    );
    // Same score: the shorter text comes first.
    assert_eq!(texts(&cartera)[0], "Recuperar cartera vencida.");
}

#[test]
fn an_exact_title_ranks_first() {
    let cases = [
        ("técnicos de sistemas", ItemKind::Occupation, "Técnicos de sistemas"),
        ("TECNICOS DE SISTEMAS", ItemKind::Occupation, "Técnicos de sistemas"),
        ("  trabajo   en equipo ", ItemKind::Competency, "Trabajo en equipo"),
        ("trabajo en equipo", ItemKind::Competency, "Trabajo en equipo"),
        ("recuperar cartera vencida.", ItemKind::Function, "Recuperar cartera vencida."),
        // Punctuation does not count: nobody types the final period or the comma.
        ("recuperar cartera vencida", ItemKind::Function, "Recuperar cartera vencida."),
        ("vendedores de ventas no tecnicas", ItemKind::Occupation, "Vendedores de ventas no técnicas"),
        ("ingles bilinguismo", ItemKind::Competency, "Inglés (bilingüismo)"),
        // A program's own name, without its institution, counts as its title.
        ("agente contact center", ItemKind::Program, "Gente Estratégica — Agente Contact Center"),
        (
            "sena — gestion comercial y telemarketing en contact center",
            ItemKind::Program,
            "SENA — Gestión comercial y Telemarketing en Contact Center",
        ),
    ];
    for (query, kind, text) in cases {
        let results = find(query);
        let first = results.hits[0];
        assert!(first.exact, "{query}");
        assert_eq!((INDEX.items()[first.item].kind, texts(&results)[0]), (kind, text), "{query}");
        assert!(results.hits[1..].iter().all(|h| !h.exact), "{query}");
    }
    // A prefix of a title is not exact, nor is punctuation alone.
    assert!(find("técnicos de").hits.iter().all(|h| !h.exact));
    assert!(find("—").hits.iter().all(|h| !h.exact));
}

#[test]
fn the_exact_title_wins_even_against_a_higher_score() {
    let mut index = Index::default();
    for text in ["Ver: ¿ cómo vender?", "¿Cómo vender?", "A « ventas»", "«Ventas»"] {
        index.push(ItemKind::Sector, "s", text.to_string(), 0);
    }
    index.finish();
    // nucleo gives the word-boundary bonus after a space, not after "¿" or "«", so the longer
    // texts score higher; the exact ones must still come first.
    for (query, exact) in [("¿cómo vender?", 1), ("«ventas»", 3)] {
        let results = index.search(query, None, None);
        assert_eq!(results.hits[0].item, exact, "{query}");
        assert!(results.hits[0].exact && !results.hits[1].exact);
        assert!(results.hits[1].score > results.hits[0].score, "{query}");
    }
}

#[test]
fn every_word_must_match() {
    let both = find("recuperar vencida");
    assert_eq!(texts(&both)[0], "Recuperar cartera vencida.");
    let alone = |q| find(q).hits.into_iter().map(|h| h.item).collect::<Vec<_>>();
    let (recuperar, vencida) = (alone("recuperar"), alone("vencida"));
    for hit in &both.hits {
        assert!(recuperar.contains(&hit.item) && vencida.contains(&hit.item));
    }
    assert!(both.total <= recuperar.len().min(vencida.len()));
    assert_eq!(find("cartera zzzz").total, 0);
    // Word order does not matter; the set of matches is the same.
    let mut a = alone("equipo trabajo");
    let mut b = alone("trabajo equipo");
    a.sort_unstable();
    b.sort_unstable();
    assert_eq!(a, b);
}

#[test]
fn query_syntax_is_literal() {
    // fzf operators are not interpreted: "!" does not negate, "^" does not anchor.
    assert_eq!(find("!ventas").total, 0);
    assert_eq!(find("^ventas").total, 0);
    assert!(find("(bilingüismo)").total > 0);
}

#[test]
fn ties_break_by_shorter_text_then_catalog_order() {
    for query in ["tecnico", "ventas", "cartera", "mantenimiento equipos", "e", "clientes"] {
        let results = find(query);
        assert_eq!(results, find(query), "deterministic: {query}");
        for pair in results.hits.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let len = |h: Hit| INDEX.items()[h.item].text.chars().count();
            assert!(a.exact >= b.exact, "{query}");
            if a.exact == b.exact {
                assert!(a.whole_words >= b.whole_words, "{query}");
            }
            if a.exact == b.exact && a.whole_words == b.whole_words {
                assert!(a.score >= b.score, "{query}");
                if a.score == b.score {
                    assert!(len(a) <= len(b), "{query}");
                    if len(a) == len(b) {
                        assert!(a.item < b.item, "{query}");
                    }
                }
            }
        }
    }
    // The same function text in three occupations: catalog order.
    let results = find("ejecutar planes de mercadeo de acuerdo con los objetivos");
    let ids: Vec<&str> = results.hits[..3].iter().map(|h| INDEX.items()[h.item].id.as_str()).collect();
    assert_eq!(ids, ["sup-04", "vt-09", "vnt-02"]);
}

#[test]
fn filter_keeps_one_kind() {
    let all = find("servicio");
    for kind in
        [ItemKind::Sector, ItemKind::Occupation, ItemKind::Function, ItemKind::Competency, ItemKind::Program]
    {
        let only = INDEX.search("servicio", Some(kind), None);
        assert!(only.hits.iter().all(|h| INDEX.items()[h.item].kind == kind));
        let expected: Vec<Hit> =
            all.hits.iter().copied().filter(|h| INDEX.items()[h.item].kind == kind).collect();
        assert_eq!(only.hits, expected, "{kind:?}");
        assert_eq!(only.total, expected.len());
    }
    assert!(INDEX.search("servicio", Some(ItemKind::Function), None).total > 0);
    assert_eq!(INDEX.search("servicio", Some(ItemKind::Catalog), None).total, 0);
    let programs = INDEX.search("sena", Some(ItemKind::Program), None);
    assert_eq!(INDEX.items()[programs.hits[0].item].id, "sena-telemarketing");
}

#[test]
fn limit_truncates_hits_but_not_total() {
    let all = find("a");
    assert!(all.total > 10);
    assert_eq!(all.total, all.hits.len());
    for limit in [0, 1, 3, 10, all.total, all.total + 5] {
        let some = INDEX.search("a", None, Some(limit));
        assert_eq!(some.total, all.total);
        assert_eq!(some.hits, all.hits[..limit.min(all.total)], "{limit}");
    }
}

#[test]
fn an_empty_query_finds_nothing() {
    for query in ["", " ", "\t\n  ", "\u{202E}\u{200B}\u{FEFF}", "\u{1b}", "\u{301}"] {
        assert_eq!(INDEX.search(query, None, None), SearchResults::default(), "{query:?}");
        assert_eq!(INDEX.search(query, None, Some(5)), SearchResults::default(), "{query:?}");
    }
}

#[test]
fn forbidden_characters_are_stripped_from_the_query() {
    let clean = find("técnico");
    assert_eq!(find("téc\u{200B}ni\u{202E}co\u{7}"), clean);
    assert_eq!(find("trabajo\ten\nequipo"), find("trabajo en equipo"));
    assert!(find("trabajo\ten\nequipo").hits[0].exact);
}

mod building;
mod highlight;
mod pruning;
mod spanish;
