//! Fit and gap against the built-in BPO catalog, plus a tiny hand-built one for orderings the BPO data
//! cannot show.

use super::*;
use crate::catalog::{self, Catalog, CatalogSet, Function, Importance, Need, Occupation};
use jiff::Timestamp;

const AUX: &str = "auxiliar-servicio-cliente";

fn builtin() -> CatalogSet {
    let loaded = catalog::load_files(vec![catalog::builtin_file()]).unwrap();
    CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect())
}

fn session(set: &CatalogSet) -> Session {
    Session::new("Ana", "Consejera", Timestamp::UNIX_EPOCH, set).unwrap()
}

/// Marks `id` at `level` by cycling, the way the UI does.
fn mark(s: &mut Session, kind: MarkKind, id: &str, level: MarkLevel) {
    let steps = match level {
        MarkLevel::InDevelopment => 1,
        MarkLevel::Has => 2,
    };
    for _ in 0..steps {
        s.cycle_mark(kind, id, id, None);
    }
    assert_eq!(s.mark_of(kind, id), Some(level));
}

/// The essential items of an occupation, functions first.
fn essentials(set: &CatalogSet, occupation: &str) -> Vec<(MarkKind, String)> {
    let o = set.occupation(occupation).unwrap();
    let functions = o.functions.iter().filter(|f| f.importance == Importance::Essential);
    let needs = o.competencies.iter().filter(|n| n.importance == Importance::Essential);
    functions
        .map(|f| (MarkKind::Function, f.id.clone()))
        .chain(needs.map(|n| (MarkKind::Competency, n.competency.clone())))
        .collect()
}

#[test]
fn empty_session_fits_nothing() {
    let set = builtin();
    let s = session(&set);
    for o in set.occupations() {
        let f = fit(&s, &set, &o.id).unwrap();
        assert_eq!(f.percent, 0, "{}", o.id);
        assert!(f.has.is_empty() && f.developing.is_empty());
        assert_eq!(f.missing.len(), o.functions.len() + o.competencies.len());
    }
    assert!(ranked(&s, &set).iter().all(|(_, st)| *st == Standing::default()));
    assert_eq!(best_fit(&s, &set), None);
    assert_eq!(fit(&s, &set, "no-such-occupation"), None);
}

#[test]
fn all_essentials_had_is_full_fit() {
    let set = builtin();
    let mut s = session(&set);
    let items = essentials(&set, AUX);
    assert_eq!(items.len(), 14, "8 functions and 6 essential competencies");
    for (kind, id) in &items {
        mark(&mut s, *kind, id, MarkLevel::Has);
    }
    let f = fit(&s, &set, AUX).unwrap();
    assert_eq!(f.percent, 100);
    assert_eq!(f.has.len(), 14);
    assert_eq!(f.missing.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), ["ingles"]);
    let title = set.occupation(AUX).unwrap().title.clone();
    assert_eq!(best_fit(&s, &set), Some((title, 100)));
}

#[test]
fn in_development_counts_half() {
    let set = builtin();
    let items = essentials(&set, AUX);
    let mut s = session(&set);
    // 7 had, 7 in development: (7 + 3.5) / 14 = 75 %.
    for (n, (kind, id)) in items.iter().enumerate() {
        let level = if n % 2 == 0 { MarkLevel::Has } else { MarkLevel::InDevelopment };
        mark(&mut s, *kind, id, level);
    }
    let f = fit(&s, &set, AUX).unwrap();
    assert_eq!((f.percent, f.has.len(), f.developing.len()), (75, 7, 7));

    // All in development: exactly half.
    let mut s = session(&set);
    for (kind, id) in &items {
        mark(&mut s, *kind, id, MarkLevel::InDevelopment);
    }
    assert_eq!(fit(&s, &set, AUX).unwrap().percent, 50);

    // Rounding: 1/14 = 7.14 % → 7; 0.5/14 = 3.57 % → 4.
    let (kind, id) = &items[0];
    let mut s = session(&set);
    mark(&mut s, *kind, id, MarkLevel::Has);
    assert_eq!(fit(&s, &set, AUX).unwrap().percent, 7);
    let mut s = session(&set);
    mark(&mut s, *kind, id, MarkLevel::InDevelopment);
    assert_eq!(fit(&s, &set, AUX).unwrap().percent, 4);
}

#[test]
fn optional_items_do_not_move_the_percentage() {
    let set = builtin();
    let mut s = session(&set);
    mark(&mut s, MarkKind::Competency, "ingles", MarkLevel::Has);
    let f = fit(&s, &set, AUX).unwrap();
    assert_eq!(f.percent, 0);
    assert_eq!(f.has.len(), 1);
    for (kind, id) in essentials(&set, AUX) {
        mark(&mut s, kind, &id, MarkLevel::Has);
    }
    assert_eq!(fit(&s, &set, AUX).unwrap().percent, 100);
}

#[test]
fn competency_marks_count_for_every_occupation() {
    let set = builtin();
    let mut s = session(&set);
    mark(&mut s, MarkKind::Competency, "trabajo-en-equipo", MarkLevel::Has);
    for o in set.occupations() {
        let needs = o.competencies.iter().any(|n| n.competency == "trabajo-en-equipo");
        assert_eq!(fit(&s, &set, &o.id).unwrap().percent > 0, needs, "{}", o.id);
    }
}

#[test]
fn ranked_is_best_first_and_stable() {
    let set = builtin();
    let mut s = session(&set);
    for (kind, id) in essentials(&set, AUX) {
        mark(&mut s, kind, &id, MarkLevel::Has);
    }
    let ranked = ranked(&s, &set);
    assert_eq!(ranked.len(), set.occupations().count());
    assert_eq!((ranked[0].0.as_str(), ranked[0].1.percent), (AUX, 100));
    assert!(ranked.windows(2).all(|w| w[0].1.rank() >= w[1].1.rank()));
    let order: Vec<&str> = set.occupations().map(|o| o.id.as_str()).collect();
    let position = |id: &str| order.iter().position(|o| *o == id);
    for w in ranked.windows(2).filter(|w| w[0].1.rank() == w[1].1.rank()) {
        assert!(position(&w[0].0) < position(&w[1].0), "ties keep catalog order");
    }
}

#[test]
fn gap_lists_missing_then_developing_and_shortlisted_programs_first() {
    let set = builtin();
    let mut s = session(&set);
    mark(&mut s, MarkKind::Competency, "ingles", MarkLevel::InDevelopment);
    mark(&mut s, MarkKind::Function, "asc-02", MarkLevel::InDevelopment);
    mark(&mut s, MarkKind::Function, "asc-01", MarkLevel::Has);
    s.toggle_shortlist("incap-call-center", "INCAP — Técnico laboral en atención en Call Center");
    let g = gap(&s, &set, AUX).unwrap();
    let ids = |items: &[GapItem]| items.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&g.developing), ["asc-02", "ingles"], "essential before optional");
    assert_eq!(g.missing.len(), 12);
    assert_eq!(g.missing[0].id, "asc-03");
    assert!(g.missing.iter().all(|i| i.importance == Importance::Essential));
    let programs: Vec<&str> = g.programs.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        programs,
        [
            "incap-call-center",
            "uniminuto-voz-datos-bpo",
            "sena-telemarketing",
            "gente-estrategica-contact-center"
        ]
    );
    assert!(g.programs[0].shortlisted && !g.programs[1].shortlisted);
    assert!(g.programs.iter().all(|p| p.inferred), "the BPO catalog infers every link");
    let competency = g.missing.iter().find(|i| i.kind == MarkKind::Competency).unwrap();
    assert_eq!(competency.text, "Trabajo bajo presión", "competencies read by name");
}

fn function(id: &str, importance: Importance) -> Function {
    Function { id: id.into(), text: format!("text {id}"), importance, catch_all: false }
}

/// One occupation whose optional function comes first, and one with nothing essential at all.
fn tiny() -> CatalogSet {
    let occupation = |id: &str, functions, competencies| Occupation {
        id: id.into(),
        sector: "s".into(),
        title: id.into(),
        description: String::new(),
        codes: vec![],
        functions,
        competencies,
        source: String::new(),
        alt_titles: vec![],
        related: vec![],
        level: 0,
        secondary_sectors: vec![],
        interests: None,
    };
    let need = Need {
        competency: "c".into(),
        importance: Importance::Essential,
        link: Default::default(),
        same: vec![],
    };
    let mixed = vec![function("f-opt", Importance::Optional), function("f-ess", Importance::Essential)];
    let catalog = Catalog {
        format: 1,
        id: "tiny".into(),
        title: "Tiny".into(),
        language: "es".into(),
        version: "1".into(),
        sources: vec![],
        sectors: vec![],
        competencies: vec![],
        occupations: vec![
            occupation("mixed", mixed, vec![need]),
            occupation("optional-only", vec![function("g-opt", Importance::Optional)], vec![]),
        ],
        programs: vec![],
    };
    CatalogSet::new(vec![catalog])
}

#[test]
fn missing_puts_essential_before_optional() {
    let set = tiny();
    let s = session(&set);
    let f = fit(&s, &set, "mixed").unwrap();
    let ids: Vec<&str> = f.missing.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["f-ess", "c", "f-opt"]);
}

#[test]
fn nothing_essential_is_zero_not_a_division_by_zero() {
    let set = tiny();
    let mut s = session(&set);
    mark(&mut s, MarkKind::Function, "g-opt", MarkLevel::Has);
    assert_eq!(fit(&s, &set, "optional-only").unwrap().percent, 0);
}

#[test]
fn marks_gone_from_the_catalog_are_orphans_and_kept() {
    let set = builtin();
    let mut s = session(&set);
    mark(&mut s, MarkKind::Function, "asc-01", MarkLevel::Has);
    mark(&mut s, MarkKind::Function, "old-function", MarkLevel::Has);
    mark(&mut s, MarkKind::Competency, "old-competency", MarkLevel::InDevelopment);
    mark(&mut s, MarkKind::Competency, "ingles", MarkLevel::Has);
    let orphans: Vec<&str> = orphans(&s, &set).iter().map(|m| m.id.as_str()).collect();
    assert_eq!(orphans, ["old-function", "old-competency"]);
    assert_eq!(s.marks.len(), 4, "orphans stay in the session");
    assert_eq!(fit(&s, &set, AUX).unwrap().has.len(), 2);
}

/// Every item of the built-in catalog once: (kind, id), functions of each occupation first.
fn all_items(set: &CatalogSet) -> Vec<(MarkKind, String)> {
    let functions =
        set.occupations().flat_map(|o| o.functions.iter().map(|f| (MarkKind::Function, f.id.clone())));
    let competencies = set.competencies().map(|c| (MarkKind::Competency, c.id.clone()));
    functions.chain(competencies).collect()
}

proptest::proptest! {
    /// `best_fit` works out only the occupations holding a marked item; it must agree with ranking
    /// every occupation, ties included (the catalog's first wins), for any marks.
    #[test]
    fn best_fit_is_the_first_of_the_full_ranking(
        picks in proptest::collection::vec((0usize..200, proptest::bool::ANY), 0..12)
    ) {
        let set = builtin();
        let items = all_items(&set);
        let mut s = session(&set);
        for (pick, has) in picks {
            let (kind, id) = &items[pick % items.len()];
            if s.mark_of(*kind, id).is_none() {
                mark(&mut s, *kind, id, if has { MarkLevel::Has } else { MarkLevel::InDevelopment });
            }
        }
        let reference = ranked(&s, &set)
            .into_iter()
            .next()
            .filter(|(_, standing)| standing.counts())
            .map(|(id, standing)| (set.occupation(&id).unwrap().title.clone(), standing.percent));
        proptest::prop_assert_eq!(best_fit(&s, &set), reference);
        let occupations: Vec<&Occupation> = set.occupations().collect();
        let one_by_one: Vec<Standing> =
            occupations.iter().map(|o| fit(&s, &set, &o.id).unwrap().standing).collect();
        proptest::prop_assert_eq!(standings(&s, &occupations), one_by_one);
    }
}

#[test]
fn functions_and_competencies_are_found_with_their_occupations() {
    let set = builtin();
    for occupation in set.occupations() {
        for function in &occupation.functions {
            let (owner, found) = set.function(&function.id).unwrap();
            assert_eq!((owner.id.as_str(), found), (occupation.id.as_str(), function));
        }
        for need in &occupation.competencies {
            assert!(set.occupations_needing(&need.competency).any(|(_, o)| o.id == occupation.id));
        }
        assert!(set.occupations_in(&occupation.sector).any(|o| o.id == occupation.id));
    }
    assert!(set.function("no-existe").is_none());
    assert_eq!(set.occupations_needing("no-existe").count(), 0);
    let needing: usize = set.competencies().map(|c| set.occupations_needing(&c.id).count()).sum();
    assert_eq!(needing, set.occupations().map(|o| o.competencies.len()).sum::<usize>());
}
