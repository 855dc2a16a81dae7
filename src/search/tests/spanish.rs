//! Spanish-aware matching: gender and number variants, stop words, one typo, and precision.

use super::pruning::check_narrowing;
use super::*;
use crate::search::words::one_typo_from_a_prefix;

/// An index of these texts, as sectors (item `n` is `texts[n]`).
fn index_of_texts(texts: &[&str]) -> Index {
    let mut index = Index::default();
    for (n, text) in texts.iter().enumerate() {
        index.push(ItemKind::Function, &format!("t{n}"), text.to_string(), 0);
    }
    index.finish();
    index
}

const TRADES: [&str; 9] = [
    "Cajera de supermercado",
    "Cajeros y taquilleros",
    "Recibir pagos como cajero bancario.",
    "Soldador de estructuras metálicas",
    "Meseros y capitanes de meseros",
    "Atender la caja registradora",
    "Auxiliares de enfermería",
    "Carpintero",
    "Cajetilla de cigarrillos",
];

static TRADES_INDEX: LazyLock<Index> = LazyLock::new(|| index_of_texts(&TRADES));

/// The texts `query` finds in [`TRADES`], sorted.
fn trades(query: &str) -> Vec<&'static str> {
    let mut found: Vec<&str> =
        TRADES_INDEX.search(query, None, None).hits.iter().map(|hit| TRADES[hit.item]).collect();
    found.sort_unstable();
    found
}

#[test]
fn gender_and_number_variants_find_the_same_items() {
    let cashiers = ["Cajera de supermercado", "Cajeros y taquilleros", "Recibir pagos como cajero bancario."];
    for query in ["cajera", "cajero", "cajeros", "cajeras", "CAJERAS"] {
        assert_eq!(trades(query), cashiers, "{query}");
    }
    // Waiters, one or many.
    assert_eq!(trades("mesero"), ["Meseros y capitanes de meseros"]);
    assert_eq!(trades("meseras"), ["Meseros y capitanes de meseros"]);
    // Each holds the query word whole (its stem), which a prefix or a typo does not.
    assert!(TRADES_INDEX.search("cajeras", None, None).hits.iter().all(|hit| hit.whole_words == 1));
}

#[test]
fn stop_words_never_decide_a_match() {
    for (with, without) in [
        ("auxiliar de", "auxiliar"),
        ("auxiliares de la enfermería", "auxiliares enfermería"),
        ("cajeros y", "cajeros"),
        ("el soldador para los", "soldador"),
    ] {
        assert_eq!(TRADES_INDEX.search(with, None, None), TRADES_INDEX.search(without, None, None), "{with}");
    }
    assert_eq!(find("auxiliar de"), find("auxiliar"));
    assert!(find("auxiliar").total > 0);
    // Nor does one stop word make a text a match: "de" is in the cashier's text, not the waiter's.
    assert_eq!(trades("meseros de"), ["Meseros y capitanes de meseros"]);
    // A query of stop words only still searches them, or typing "la" would show nothing.
    assert!(trades("la").contains(&"Atender la caja registradora"));
}

#[test]
fn one_typo_is_forgiven_in_a_word_of_five_letters_or_more() {
    // Missing, extra, changed and swapped letters.
    for query in ["solador", "soldadro", "sooldador", "zoldador", "sodlador", "soldadr"] {
        assert_eq!(trades(query), ["Soldador de estructuras metálicas"], "{query}");
    }
    assert_eq!(trades("mesros"), ["Meseros y capitanes de meseros"]);
    // Four letters: no typo forgiven ("carp" is a prefix; "crap", "cajz" are not).
    assert_eq!(trades("carp"), ["Carpintero"]);
    assert!(trades("crap").is_empty());
    assert!(trades("cajz").is_empty());
    assert!(trades("mesr").is_empty());
    // Two typos are too many.
    assert!(trades("sloador").is_empty());
    assert!(one_typo_from_a_prefix(b"solador", b"soldador"));
    assert!(!one_typo_from_a_prefix(b"sldadr", b"soldador"));
}

#[test]
fn a_text_lacking_a_query_word_is_not_a_result() {
    // Fuzzy matching alone found "cartera" in 49 of the built-in catalog's texts.
    let cartera = find("cartera");
    assert_eq!(cartera.total, 2);
    for text in texts(&cartera) {
        let folded = text::fold(text);
        let held = folded.split(|c: char| !c.is_alphanumeric()).any(|word| {
            word == "cartera" || word == "carteras" || one_typo_from_a_prefix(b"cartera", word.as_bytes())
        });
        assert!(held, "{text}");
    }
    // Every text in the catalog holding the word is found.
    let holding = INDEX.items().iter().filter(|i| text::fold(&i.text).contains("cartera")).count();
    assert_eq!(holding, 2);
    // No cashier in the BPO catalog: nothing, rather than functions that happen to hold c, a, j…
    assert_eq!(find("cajera").total, 0);
    assert_eq!(find("cartera zanahoria").total, 0);
    assert_eq!(texts(&find("cartera vencida")), ["Recuperar cartera vencida."]);
    // The letters of the word spread over a text do not make it a match.
    // ("caduco" is a subsequence of "Cajera de supermercado").
    assert!(trades("caduco").is_empty());
}

#[test]
fn accents_and_case_never_matter() {
    for query in ["SOLDADOR", "Soldadór", "soldador", "SOLDÁDOR"] {
        assert_eq!(trades(query), ["Soldador de estructuras metálicas"], "{query}");
    }
    assert_eq!(trades("metalica"), ["Soldador de estructuras metálicas"]);
    assert_eq!(trades("ENFERMERIA"), ["Auxiliares de enfermería"]);
    assert_eq!(trades("enfermería"), trades("ENFERMERIA"));
}

#[test]
fn texts_holding_more_words_whole_rank_first() {
    let index = index_of_texts(&["Ventanilla", "Registrar las ventas del día en el sistema de la tienda"]);
    let results = index.search("venta", None, None);
    let order: Vec<usize> = results.hits.iter().map(|hit| hit.item).collect();
    assert_eq!(order, [1, 0], "a word of the same stem before a word it only begins");
    assert_eq!((results.hits[0].whole_words, results.hits[1].whole_words), (1, 0));
    // Though the shorter text scores as much, which used to put it first.
    assert!(results.hits[1].score >= results.hits[0].score);
}

#[test]
fn typing_a_query_key_by_key_gives_what_a_fresh_search_gives() {
    // Across a stop word ("auxiliar d" → "auxiliar de"), the five-letter typo threshold, stems.
    for keys in ["auxiliar de enfermeria", "solador<<dador", "cajeros", "meseras y cajeras", "cartera de"] {
        check_narrowing(&TRADES_INDEX, keys).unwrap();
        check_narrowing(&INDEX, keys).unwrap();
    }
}
