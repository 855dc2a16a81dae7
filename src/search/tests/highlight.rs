//! Highlighting: which characters of the original text the popup marks, whatever the folding.

use super::*;

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
