//! Shared by issue 16's kiosk and plan tests: the built-in catalog with an interest profile on every
//! occupation (its own where the import gave it one, else a made-up one with a clear shape), so the
//! suggestions do not depend on how far the O*NET import has got; and sheets of answers.
#![allow(dead_code)]

use rumbo::catalog::{Basis, CatalogSet, InterestProfile};
use rumbo::interests::{Answer, QUESTIONS, Riasec};
use rumbo::search::SearchIndex;
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

/// The built-in catalog with a profile on every occupation (see [`with_profiles`]).
pub fn profiled() -> (Arc<CatalogSet>, Arc<SearchIndex>) {
    static BUILT: OnceLock<(Arc<CatalogSet>, Arc<SearchIndex>)> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let loaded = rumbo::catalog::load_files(vec![rumbo::catalog::builtin_file()]).unwrap();
            let set = CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect());
            let set = Arc::new(with_profiles(&set));
            let index = Arc::new(SearchIndex::new(&set));
            (set, index)
        })
        .clone()
}

/// `set` with a profile on every occupation: its own where the import gave it one, else a made-up
/// one that peaks on type `i % 6`, with a second type `(i / 6) % 6` half-way up.
pub fn with_profiles(set: &CatalogSet) -> CatalogSet {
    let mut catalogs = set.catalogs().to_vec();
    for (i, o) in catalogs.iter_mut().flat_map(|c| c.occupations.iter_mut()).enumerate() {
        if o.interests.is_none() {
            let mut values = [2.0; 6];
            values[(i / 6) % 6] = 4.5;
            values[i % 6] = 6.5;
            o.interests = Some(InterestProfile::new(values, Basis::Complete, vec![]));
        }
    }
    CatalogSet::new(catalogs)
}

/// Every question answered on `sheet`, into `session`.
pub fn answer_all(session: &mut rumbo::session::Session, set: &CatalogSet, sheet: fn(Riasec) -> char) {
    for (id, answer) in answers(QUESTIONS.len(), sheet) {
        session.set_interest(&id, Some(answer), set);
    }
}

/// The answer key `1`–`5` gives for a question of `kind` on a sheet that likes Social most, then
/// Realistic, then Conventional, and dislikes the rest.
pub fn social_first(kind: Riasec) -> char {
    match kind {
        Riasec::Social => '5',
        Riasec::Realistic => '4',
        Riasec::Conventional => '3',
        _ => '1',
    }
}

/// The answers of the first `n` questions on `sheet`.
pub fn answers(n: usize, sheet: fn(Riasec) -> char) -> BTreeMap<String, Answer> {
    QUESTIONS
        .iter()
        .take(n)
        .map(|q| {
            let step = sheet(q.kind).to_digit(10).unwrap() as u8;
            (q.id.to_string(), Answer::from_step(step).unwrap())
        })
        .collect()
}
