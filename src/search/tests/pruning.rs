//! The pruned and narrowed searches give exactly what scoring every item gives.

use super::*;

/// `count` synthetic texts made of the built-in catalog's words (some with decomposed accents),
/// enough for parallel scoring to kick in.
fn big_index(count: usize) -> Index {
    let words: Vec<&str> = INDEX.items().iter().flat_map(|i| i.text.split(' ')).collect();
    let mut index = Index::default();
    let mut seed = 0x2545_f491_u64;
    for n in 0..count {
        let mut text = String::new();
        for _ in 0..(2 + n % 12) {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            text.push_str(words[(seed >> 33) as usize % words.len()]);
            text.push(' ');
        }
        if n % 97 == 0 {
            text = text.replacen('a', "a\u{301}", 1);
        }
        let kind = [ItemKind::Function, ItemKind::Competency, ItemKind::Program][n % 3];
        index.push(kind, &format!("i{n}"), text, 0);
    }
    index.finish();
    index
}

static BIG: LazyLock<Index> = LazyLock::new(|| big_index(3 * BLOCK + 17));

/// The plain algorithm: nucleo scores every item, on one core, nothing pruned.
fn reference(index: &Index, query: &str, filter: Option<ItemKind>, limit: Option<usize>) -> SearchResults {
    index.search_by(query, filter, limit, CaseMatching::Respect, None, Method::Reference, 1)
}

/// Whether no nucleo score went over its bound (else the search quietly falls back to the plain
/// way, which would hide a wrong bound from the other tests).
fn bounds_held(index: &Index, query: &str, filter: Option<ItemKind>, limit: Option<usize>) -> bool {
    index.prepare(query, CaseMatching::Respect).is_none_or(|query| {
        let prior = Prior { losses: &[], stride: 0, from: vec![None; query.typed.len()] };
        index.scan(&query, filter, limit, &index.every, &prior, Method::Pruned, 2).2
    })
}

#[test]
fn pruned_scans_on_any_number_of_cores_give_the_plain_results() {
    let queries = ["a", "ca", "de la", "servicio cliente", "zzz", "e", "ventas", "a\u{301}", "ñ", "(", "—"];
    for index in [&*INDEX, &*BIG] {
        for query in queries {
            for filter in [None, Some(ItemKind::Competency)] {
                for limit in [None, Some(0), Some(1), Some(7), Some(200)] {
                    let plain = reference(index, query, filter, limit);
                    assert!(bounds_held(index, query, filter, limit), "{query:?} {filter:?} {limit:?}");
                    for threads in [1, 2, 3, 8] {
                        let pruned = index.search_by(
                            query,
                            filter,
                            limit,
                            CaseMatching::Respect,
                            None,
                            Method::Pruned,
                            threads,
                        );
                        assert_eq!(pruned, plain, "{query:?} {filter:?} {limit:?} on {threads} threads");
                    }
                }
            }
        }
    }
}

#[test]
fn the_score_bound_holds_and_is_reached() {
    for query in ["a", "ca", "tecnicos", "de la", "servicio cliente", "sena agente", "ingles"] {
        let most = Query::new(query, CaseMatching::Respect).unwrap().most;
        let results = reference(&BIG, query, None, None);
        assert!(results.hits.iter().all(|hit| hit.score <= most), "{query}");
        let results = reference(&INDEX, query, None, None);
        assert!(results.hits.iter().all(|hit| hit.score <= most), "{query}");
    }
    // A word typed at the start of a word of the text reaches it (a stop word does not score).
    let first = find("tecnicos de sistemas").hits[0];
    assert_eq!(first.score, bound::most_anywhere(8) + bound::most_anywhere(8));
    assert_eq!(find("cartera").hits[0].score, bound::most_anywhere(7));
}

/// Types `keys` one at a time (`<` is Backspace, `|` switches the filter), checking that every
/// narrowed search equals a fresh one.
pub(super) fn check_narrowing(index: &Index, keys: &str) -> Result<(), TestCaseError> {
    let mut narrowing = Narrowing::default();
    let mut query = String::new();
    let mut filter = None;
    for key in keys.chars() {
        match key {
            '<' => {
                query.pop();
            }
            '|' => filter = if filter.is_none() { Some(ItemKind::Function) } else { None },
            c => query.push(c),
        }
        for limit in [Some(200), None] {
            let mut copy = narrowing.clone();
            let narrowed = index.search_narrowing(&query, filter, limit, &mut copy);
            prop_assert_eq!(&narrowed, &index.search(&query, filter, limit), "{:?}", query);
        }
        let narrowed = index.search_narrowing(&query, filter, Some(50), &mut narrowing);
        prop_assert_eq!(narrowed.total, narrowing.matched.slots.len());
    }
    prop_assert_eq!(FALLBACKS.load(AtomicOrdering::Relaxed), 0, "a bound did not hold");
    Ok(())
}

#[test]
fn narrowing_gives_the_same_results_as_a_fresh_search() {
    let typed = [
        "mantenimiento de equipos",
        "técnico laboral<<<<<<<laboral",
        "  recuperar   cartera ",
        "sena|agente|<<<<",
        "Te\u{301}cnicos de sistemas",
        "ca<<ca rt",
        "ingles (bil",
    ];
    for keys in typed {
        check_narrowing(&INDEX, keys).unwrap();
        check_narrowing(&BIG, keys).unwrap();
    }
}

fn q(raw: &str) -> Query {
    INDEX.prepare(raw, CaseMatching::Respect).unwrap()
}

#[test]
fn narrowing_only_scores_what_matched_before() {
    let mut narrowing = Narrowing::default();
    INDEX.search_narrowing("ca", None, None, &mut narrowing);
    let before = narrowing.matched.slots.clone();
    INDEX.search_narrowing("car", None, None, &mut narrowing);
    assert!(narrowing.matched.slots.len() < before.len());
    assert!(narrowing.matched.slots.iter().all(|item| before.contains(item)));
    // A query that does not extend the last one, or no words at all, starts afresh.
    assert!(!narrowing.covers(&q("ce"), None, INDEX.len()));
    assert!(!narrowing.covers(&q("cart"), Some(ItemKind::Function), INDEX.len()));
    assert!(!narrowing.covers(&q("cart"), None, INDEX.len() + 1), "another index");
    assert!(narrowing.covers(&q("cart"), None, INDEX.len()));
    INDEX.search_narrowing("  ", None, None, &mut narrowing);
    assert_eq!(narrowing, Narrowing::default());
}

proptest! {
    #[test]
    fn pruning_is_invisible(
        query in "[a-eA-Eáéñ \u{301}().—]{1,8}",
        limit in prop::option::of(0usize..30),
        kind in prop::option::of(prop::sample::select(vec![ItemKind::Occupation, ItemKind::Function])),
    ) {
        prop_assert_eq!(INDEX.search(&query, kind, limit), reference(&INDEX, &query, kind, limit));
        prop_assert!(bounds_held(&INDEX, &query, kind, limit));
    }

    #[test]
    fn narrowing_is_invisible(keys in "[a-dA-DáéñÑ \u{301}<|]{0,12}") {
        check_narrowing(&INDEX, &keys)?;
    }

    #[test]
    fn any_query_is_safe(
        query in prop_oneof![
            any::<String>(),
            "[a-zA-ZáéíóúüñÑÉ \\t\\n\u{301}\u{202E}\u{200B}!^'$\\\\—¿?.,()]{0,40}",
        ],
        limit in 0usize..20,
        kind in prop::option::of(prop::sample::select(vec![ItemKind::Catalog, ItemKind::Sector,
            ItemKind::Occupation, ItemKind::Function, ItemKind::Competency, ItemKind::Program])),
    ) {
        let limited = INDEX.search(&query, kind, Some(limit));
        prop_assert!(limited.hits.len() <= limit);
        let all = INDEX.search(&query, kind, None);
        prop_assert_eq!(limited.total, all.total);
        prop_assert_eq!(all.hits.len(), all.total);
        prop_assert_eq!(&limited.hits[..], &all.hits[..limit.min(all.total)]);
        for hit in &limited.hits {
            let len = INDEX.items()[hit.item].text.chars().count();
            prop_assert!(INDEX.highlight(hit.item, &query).iter().all(|&m| m < len));
        }
    }
}
