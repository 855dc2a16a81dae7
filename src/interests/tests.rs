use super::*;
use proptest::prelude::*;
use std::collections::{BTreeMap, HashSet};

/// Every question of type `kind` answered `answer`.
fn sheet(by_type: [Answer; 6]) -> BTreeMap<String, Answer> {
    QUESTIONS.iter().map(|q| (q.id.to_string(), by_type[q.kind.index()])).collect()
}

#[test]
fn the_bank_has_at_least_eight_questions_per_type_with_unique_ids_and_both_languages() {
    assert!(QUESTIONS.len() >= 48);
    for kind in Riasec::ALL {
        assert!(QUESTIONS.iter().filter(|q| q.kind == kind).count() >= 8, "{kind:?}");
    }
    let ids: HashSet<_> = QUESTIONS.iter().map(|q| q.id).collect();
    assert_eq!(ids.len(), QUESTIONS.len(), "ids are unique");
    let es: HashSet<_> = QUESTIONS.iter().map(|q| q.es).collect();
    assert_eq!(es.len(), QUESTIONS.len(), "no question asked twice");
    for q in QUESTIONS {
        assert!(q.id.starts_with(q.kind.letter().to_ascii_lowercase()), "{}", q.id);
        assert!(!q.es.trim().is_empty() && !q.en.trim().is_empty() && q.es != q.en, "{}", q.id);
        assert_eq!(question(q.id), Some(q));
    }
    // Asked in rounds: the first six questions are one of each type.
    let first: HashSet<_> = QUESTIONS[..6].iter().map(|q| q.kind).collect();
    assert_eq!(first.len(), 6);
}

#[test]
fn answers_go_from_one_to_five_and_keys_map_to_them() {
    assert_eq!(Answer::ALL.map(Answer::value), [1, 2, 3, 4, 5]);
    assert_eq!(Answer::from_step(1), Some(Answer::DislikeMuch));
    assert_eq!(Answer::from_step(5), Some(Answer::LikeMuch));
    assert_eq!(Answer::from_step(0), None);
    assert_eq!(Answer::from_step(6), None);
}

#[test]
fn scores_are_means_on_the_one_to_seven_scale_and_skips_do_not_count() {
    use Answer::*;
    let mut answers = sheet([LikeMuch, DislikeMuch, Neutral, Like, Dislike, Neutral]);
    let s = scores(&answers);
    assert_eq!(s.values, [7.0, 1.0, 4.0, 5.5, 2.5, 4.0]);
    assert_eq!(s.answered, [8; 6]);
    // One R question skipped, one answered «Me da igual»: R is the mean of 6 × 5 and 1 × 3.
    answers.remove("r-bicicleta");
    answers.insert("r-mueble".into(), Neutral);
    let s = scores(&answers);
    assert_eq!(s.answered[0], 7);
    assert!((s.values[0] - (1.0 + (33.0 / 7.0 - 1.0) * 1.5)).abs() < 1e-12);
    // An answer to a question the bank no longer has is ignored.
    answers.insert("r-retirada".into(), DislikeMuch);
    assert_eq!(scores(&answers).answered[0], 7);
}

#[test]
fn the_code_is_the_three_highest_types() {
    assert_eq!(code(&[2.0, 6.5, 1.0, 7.0, 3.0, 5.0]), "SIC");
    assert_eq!(code(&[7.0, 1.0, 1.0, 1.0, 1.0, 6.0]), "RCI");
}

#[test]
fn ties_keep_the_riasec_order() {
    // S and E tie for first: S comes first in R I A S E C. A and C tie for third: A.
    assert_eq!(code(&[1.0, 2.0, 4.0, 6.0, 6.0, 4.0]), "SEA");
    // All tied but one.
    assert_eq!(code(&[3.0, 3.0, 3.0, 3.0, 3.0, 5.0]), "CRI");
}

#[test]
fn a_flat_sheet_is_not_read_and_ranks_nothing() {
    for answer in Answer::ALL {
        let s = scores(&sheet([answer; 6]));
        assert_eq!(read(&s), Reading::Flat, "{answer:?}");
        assert_eq!(s.ready(), None);
        let occupations = [("a", [7.0, 1.0, 2.0, 3.0, 4.0, 5.0])];
        assert!(rank(&s.values, occupations).is_empty(), "no correlation with a flat sheet");
    }
}

#[test]
fn too_few_answers_name_the_short_types() {
    use Answer::*;
    let mut answers: BTreeMap<String, Answer> = BTreeMap::new();
    assert_eq!(read(&scores(&answers)), Reading::TooFew { short: Riasec::ALL.to_vec() });
    // Two answers of every type but C, which has one.
    for q in QUESTIONS.iter().take(12) {
        answers.insert(q.id.into(), if q.kind == Riasec::Realistic { LikeMuch } else { Dislike });
    }
    answers.remove("c-carpetas");
    assert_eq!(read(&scores(&answers)), Reading::TooFew { short: vec![Riasec::Conventional] });
    answers.insert("c-carpetas".into(), Neutral);
    assert_eq!(read(&scores(&answers)), Reading::Ready { code: "RCI".into() });
}

#[test]
fn pearson_is_one_for_the_same_shape_and_none_for_a_flat_profile() {
    let a = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
    let b = [3.0, 3.5, 4.0, 4.5, 5.0, 5.5];
    assert!((pearson(&a, &b).unwrap_or(0.0) - 1.0).abs() < 1e-12);
    let reversed = [6.0, 5.0, 4.0, 3.0, 2.0, 1.0];
    assert!((pearson(&a, &reversed).unwrap_or(0.0) + 1.0).abs() < 1e-12);
    assert_eq!(pearson(&a, &[4.0; 6]), None);
}

#[test]
fn the_ranking_puts_the_closest_shape_first_and_keeps_order_on_ties() {
    let person = [7.0, 2.0, 1.0, 3.0, 2.0, 4.0];
    let items = [
        ("social", [2.0, 3.0, 3.0, 7.0, 4.0, 2.0]),
        ("welder", [7.0, 3.0, 1.0, 2.0, 2.0, 4.0]),
        ("flat", [4.0; 6]),
        ("welder twin", [7.0, 3.0, 1.0, 2.0, 2.0, 4.0]),
    ];
    let ranked: Vec<_> = rank(&person, items).into_iter().map(|s| s.item).collect();
    assert_eq!(ranked, ["welder", "welder twin", "social"]);
}

/// Pearson's r by the textbook sums, and a ranking by repeated selection of the best remaining.
fn reference(person: &[f64; 6], items: &[[f64; 6]]) -> Vec<(usize, f64)> {
    let r = |x: &[f64; 6], y: &[f64; 6]| {
        let n = 6.0;
        let (sx, sy): (f64, f64) = (x.iter().sum(), y.iter().sum());
        let sxy: f64 = (0..6).map(|i| x[i] * y[i]).sum();
        let sxx: f64 = x.iter().map(|v| v * v).sum();
        let syy: f64 = y.iter().map(|v| v * v).sum();
        let (vx, vy) = (n * sxx - sx * sx, n * syy - sy * sy);
        if vx <= 1e-9 || vy <= 1e-9 { None } else { Some((n * sxy - sx * sy) / (vx * vy).sqrt()) }
    };
    let mut left: Vec<(usize, f64)> =
        items.iter().enumerate().filter_map(|(i, p)| r(person, p).map(|c| (i, c))).collect();
    let mut out = Vec::new();
    while !left.is_empty() {
        let mut best = 0;
        for (k, item) in left.iter().enumerate() {
            if item.1 > left[best].1 + 1e-9 {
                best = k;
            }
        }
        out.push(left.remove(best));
    }
    out
}

fn profile() -> impl Strategy<Value = [f64; 6]> {
    // O*NET's values have two decimals on 1–7; whole halves make ties (and flat profiles) common too.
    prop_oneof![
        prop::array::uniform6(100u32..=700).prop_map(|a| a.map(|v| f64::from(v) / 100.0)),
        prop::array::uniform6(2u32..=14).prop_map(|a| a.map(|v| f64::from(v) / 2.0)),
    ]
}

proptest! {
    #[test]
    fn ranking_matches_a_plain_reference(person in profile(), items in prop::collection::vec(profile(), 0..40)) {
        let ranked = rank(&person, items.iter().copied().enumerate());
        let expected = reference(&person, &items);
        prop_assert_eq!(ranked.len(), expected.len());
        for (i, (got, want)) in ranked.iter().zip(&expected).enumerate() {
            prop_assert!((got.correlation - want.1).abs() < 1e-9, "place {}: {} vs {}", i, got.correlation, want.1);
            prop_assert!((-1.0..=1.0).contains(&got.correlation));
            // Same item unless it ties with its neighbour (then either order is the same ranking).
            let tied = expected.iter().filter(|e| (e.1 - want.1).abs() < 1e-9).count() > 1;
            prop_assert!(tied || got.item == want.0, "place {}: item {} vs {}", i, got.item, want.0);
        }
    }

    #[test]
    fn scores_stay_on_one_to_seven_and_the_code_has_three_distinct_letters(
        picks in prop::collection::vec(prop::option::of(0usize..5), QUESTIONS.len())
    ) {
        let answers: BTreeMap<String, Answer> = QUESTIONS.iter().zip(&picks)
            .filter_map(|(q, p)| p.map(|p| (q.id.to_string(), Answer::ALL[p]))).collect();
        let s = scores(&answers);
        for i in 0..6 {
            prop_assert!(s.answered[i] == 0 || (1.0..=7.0).contains(&s.values[i]));
        }
        let c = code(&s.values);
        let letters: HashSet<char> = c.chars().collect();
        prop_assert_eq!(letters.len(), 3);
        let first = Riasec::ALL.iter().find(|t| t.letter() == c.chars().next().unwrap_or('?')).map(|t| s.values[t.index()]);
        prop_assert!(first.is_some_and(|f| s.values.iter().all(|v| *v <= f + 1e-9)), "the first letter has the top score");
    }
}
