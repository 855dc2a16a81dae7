//! Issue 16 on the real data: a person who likes one kind of activity and dislikes the rest is pointed,
//! through the Pearson ranking over the CUOC catalog's O*NET-derived profiles, to occupations whose own
//! profile puts that kind first — for each of the six kinds. The unit tests use made-up profiles; this
//! one checks the questions, the scores and the catalog fit together.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use rumbo::catalog::{CatalogSet, SourceFile, load_files};
use rumbo::interests::{Answer, QUESTIONS, Riasec};
use rumbo::session::{BestFilter, Session, suggestions};

fn cuoc() -> CatalogSet {
    let text = std::fs::read_to_string(crate::cuoc_catalog::CUOC_FILE).unwrap();
    let file = SourceFile { name: "cuoc-2025.ron".into(), text };
    CatalogSet::new(
        load_files(vec![file]).unwrap_or_else(|p| panic!("{p:?}")).into_iter().map(|l| l.catalog).collect(),
    )
}

#[test]
fn liking_one_kind_only_puts_occupations_of_that_kind_first() {
    let set = cuoc();
    for kind in Riasec::ALL {
        let mut session = Session::new("Ana", "", "2026-03-02T14:30:00Z".parse().unwrap(), &set).unwrap();
        for question in QUESTIONS {
            let answer = if question.kind == kind { Answer::LikeMuch } else { Answer::DislikeMuch };
            session.set_interest(question.id, Some(answer), &set);
        }
        let code = session.interest_reading();
        let ranked = suggestions(&session, &set, &BestFilter::default());
        assert!(ranked.len() >= 600, "{kind:?}: only {} ranked ({code:?})", ranked.len());
        let top: Vec<String> = ranked
            .iter()
            .take(10)
            .map(|s| format!("{} {}", s.occupation.id, s.occupation.interests.as_ref().unwrap().code()))
            .collect();
        for s in ranked.iter().take(10) {
            let first = s.occupation.interests.as_ref().unwrap().code().chars().next().unwrap();
            assert_eq!(first, kind.letter(), "{kind:?}: the ten first {top:?}");
            assert!(s.correlation > 0.6, "{kind:?}: r = {} in {top:?}", s.correlation);
        }
    }
}
