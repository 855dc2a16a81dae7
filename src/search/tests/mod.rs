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
fn indexes_every_item_of_the_builtin_catalog() {
    let loaded = load_files(vec![builtin_file()]).unwrap();
    let set = CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect());
    let functions: usize = set.occupations().map(|o| o.functions.len()).sum();
    let expected = set.sectors().count()
        + set.occupations().count()
        + functions
        + set.competencies().count()
        + set.programs().count();
    assert_eq!(INDEX.len(), expected);
    assert!(!INDEX.is_empty());
    let item = |kind, id: &str| INDEX.items().iter().find(|i| i.kind == kind && i.id == id).unwrap().clone();
    assert_eq!(item(ItemKind::Occupation, "tecnico-sistemas").text, "Técnicos de sistemas");
    assert_eq!(item(ItemKind::Competency, "trabajo-en-equipo").text, "Trabajo en equipo");
    let function = item(ItemKind::Function, "vnt-13");
    assert_eq!(function.text, "Recuperar cartera vencida.");
    let owner = set.occupation(&function.occupation.as_ref().unwrap().0).unwrap();
    assert_eq!(function.occupation, Some((owner.id.clone(), owner.title.clone())));
    assert_eq!(
        item(ItemKind::Program, "sena-telemarketing").text,
        "SENA — Gestión comercial y Telemarketing en Contact Center"
    );
    assert!(INDEX.items().iter().all(|i| (i.kind == ItemKind::Function) == i.occupation.is_some()));
    assert!(Index::new(&CatalogSet::default()).is_empty());
}

/// The built-in catalog many times over (ids made unique), some texts decomposed.
fn many_catalogs(copies: usize) -> CatalogSet {
    let loaded = load_files(vec![builtin_file()]).unwrap();
    let base = loaded.into_iter().next().unwrap().catalog;
    let mut catalog = base.clone();
    for n in 1..copies {
        for occupation in &base.occupations {
            let mut copy = occupation.clone();
            copy.id = format!("{}-{n}", copy.id);
            for function in &mut copy.functions {
                function.id = format!("{}-{n}", function.id);
                if n % 7 == 0 {
                    function.text = function.text.replacen('e', "e\u{301}", 1);
                }
            }
            catalog.occupations.push(copy);
        }
    }
    CatalogSet::new(vec![catalog])
}

#[test]
fn an_index_built_in_the_background_is_the_same() {
    let set = Arc::new(many_catalogs(3));
    let now = SearchIndex::new(&set);
    let later = SearchIndex::in_background(set.clone());
    assert_eq!(later.len(), now.len());
    assert_eq!(format!("{:?}", later.built()), format!("{:?}", now.built()));
    for query in ["tecnico", "sena agente", "cartera"] {
        assert_eq!(later.search(query, None, Some(20)), now.search(query, None, Some(20)));
    }
    assert_eq!(later.items(), now.items());
}

#[test]
fn building_on_several_cores_gives_what_one_core_gives() {
    let set = many_catalogs(300);
    let sources = Index::sources(&set);
    assert!(sources.len() > 3 * 4 * BLOCK, "{}", sources.len());
    let one = Index::from_sources(&sources, 1);
    for item in (0..one.len()).map(|n| one.item(n)).filter(|item| item.kind == ItemKind::Function) {
        let (id, title) = item.occupation.unwrap();
        let occupation = set.occupation(id).unwrap();
        assert_eq!(title, occupation.title);
        assert!(occupation.functions.iter().any(|f| f.id == item.id && f.text == item.text));
    }
    for threads in [2, 3] {
        assert_eq!(format!("{:?}", Index::from_sources(&sources, threads)), format!("{one:?}"));
    }
}

#[test]
fn every_way_of_folding_gives_the_same_haystack() {
    let texts =
        ["Técnicos de sistemas", "plain ascii text", "ÑANDÚ — Ⅻ İstanbul ß", "SENA — Gestión", "中文"];
    for (i, text) in texts.into_iter().enumerate() {
        let title_start = [0, 3, 7, 7, 99][i];
        let mut fast = Index::default();
        fast.push(ItemKind::Program, "x", text.to_string(), title_start);
        let mut slow = Index::default();
        let ((ascii, start_at, len, start), _) =
            fold_decomposed(&mut slow.ascii, &mut slow.unicode, text, title_start);
        let entry = &fast.entries[0];
        assert_eq!(
            (entry.ascii, entry.start as usize, entry.len as usize, entry.title_start as usize),
            (ascii, start_at, len, start),
            "{text}"
        );
        assert_eq!((&fast.ascii, &fast.unicode), (&slow.ascii, &slow.unicode), "{text}");
    }
}

#[test]
fn the_ascii_fast_path_folds_like_text_fold_char() {
    for c in (0u8..=127).map(char::from) {
        assert_eq!(fold_char(c), text::fold_char(c), "{c:?}");
    }
    for c in ['É', 'ñ', 'Ñ', 'ü', 'Ⅻ', 'İ', 'ß', '中'].into_iter().chain('\u{80}'..'\u{400}') {
        assert_eq!(fold_char(c), text::fold_char(c), "{c:?}");
    }
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
        ("vendedores ventas no tecnicas", ItemKind::Occupation, "Vendedores, ventas no técnicas"),
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

#[test]
fn highlight_gives_char_positions_in_the_original_text() {
    let item = find("técnicos de sistemas").hits[0].item;
    assert_eq!(INDEX.items()[item].text, "Técnicos de sistemas");
    let marks = INDEX.highlight(item, "tecnicos");
    assert_eq!(marks, (0..8).collect::<Vec<_>>());
    assert!(marks.contains(&1)); // the 'é', matched by a plain 'e'
    let chars: Vec<char> = INDEX.items()[item].text.chars().collect();
    assert_eq!(chars[1], 'é');
    // Several words: their positions together, sorted and without duplicates.
    let marks = INDEX.highlight(item, "SISTEMAS técnicos");
    let mut expected: Vec<usize> = (0..8).chain(12..20).collect();
    expected.sort_unstable();
    assert_eq!(marks, expected);
    // No match, no item, no words: nothing to draw.
    assert!(INDEX.highlight(item, "cartera").is_empty());
    assert!(INDEX.highlight(usize::MAX, "tecnicos").is_empty());
    assert!(INDEX.highlight(item, "  ").is_empty());
}

#[test]
fn highlighted_chars_fold_to_query_chars() {
    for query in ["tecnico", "cartera", "gestion bpo", "ingles", "sena agente", "cómputo"] {
        let folded = text::fold(query);
        for hit in find(query).hits {
            let chars: Vec<char> = INDEX.items()[hit.item].text.chars().collect();
            let marks = INDEX.highlight(hit.item, query);
            assert!(!marks.is_empty(), "{query}");
            assert!(marks.windows(2).all(|w| w[0] < w[1]));
            for m in marks {
                assert!(folded.contains(text::fold_char(chars[m])), "{query}: {}", chars[m]);
            }
        }
    }
}

#[test]
fn decomposed_accents_match_and_highlight_correctly() {
    // The same catalog with "Técnicos" written as "e" + combining acute (NFD).
    let text = BUILTIN_TEXT.replace("\"Técnicos de sistemas\"", "\"Te\u{301}cnicos de sistemas\"");
    let index = index_of(vec![SourceFile { name: BUILTIN_NAME.into(), text }]);
    let results = index.search("técnicos de sistemas", None, None);
    let first = results.hits[0];
    assert!(first.exact);
    assert_eq!(index.items()[first.item].text, "Te\u{301}cnicos de sistemas");
    assert_eq!(first.score, find("técnicos de sistemas").hits[0].score);
    // Positions skip the combining mark (char 2) and still point into the original text.
    let marks = index.highlight(first.item, "tecnicos");
    assert_eq!(marks, [0, 1, 3, 4, 5, 6, 7, 8]);
    // A decomposed query works too.
    assert_eq!(index.search("te\u{301}cnicos de sistemas", None, None), results);
}

#[test]
fn respect_and_ignore_case_give_the_same_results_on_folded_text() {
    let queries = [
        "tecnico",
        "TÉCNICO",
        "cartera",
        "trabajo en equipo",
        "sena",
        "bilingüismo",
        "ÑANDÚ",
        "gestión bpo",
        "a",
        "—",
        "¿qué?",
        "Ⅻ",
        "İstanbul",
        "ß",
    ];
    for query in queries {
        for filter in [None, Some(ItemKind::Function)] {
            let respect = INDEX.search_with(query, filter, None, CaseMatching::Respect, None);
            let ignore = INDEX.search_with(query, filter, None, CaseMatching::Ignore, None);
            assert_eq!(respect, ignore, "{query}");
        }
    }
}

mod pruning;
mod spanish;
