//! The ranking rule on the built-in BPO catalog: an occupation of which the person holds no function
//! ranks below every occupation of which they hold one, whatever the percentages, and says "solo
//! competencias compartidas".

use super::*;
use crate::catalog::{self, CatalogSet, Importance};
use jiff::Timestamp;

const AUX: &str = "auxiliar-servicio-cliente";
const SUPERVISOR: &str = "supervisor-servicio-cliente";

fn builtin() -> CatalogSet {
    let loaded = catalog::load_files(vec![catalog::builtin_file()]).unwrap();
    CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect())
}

/// A session with every essential competency of the catalog marked "la tiene": the soft skills every BPO
/// occupation shares, and no function at all.
fn soft_skills_only(set: &CatalogSet) -> Session {
    let mut s = Session::new("Ana", "Consejera", Timestamp::UNIX_EPOCH, set).unwrap();
    let essential: Vec<String> = set
        .occupations()
        .flat_map(|o| o.competencies.iter())
        .filter(|n| n.importance == Importance::Essential)
        .map(|n| n.competency.clone())
        .collect();
    for id in essential {
        while s.mark_of(MarkKind::Competency, &id) != Some(MarkLevel::Has) {
            s.cycle_mark(MarkKind::Competency, &id, &id, None);
        }
    }
    s
}

#[test]
fn soft_skills_alone_are_shared_competencies_only_everywhere() {
    let set = builtin();
    let s = soft_skills_only(&set);
    for o in set.occupations() {
        let f = fit(&s, &set, &o.id).unwrap();
        assert!(f.percent > 0, "{}: the competencies still count towards the percentage", o.id);
        assert!(f.standing.shared_only(), "{} says solo competencias compartidas", o.id);
        assert!(gap(&s, &set, &o.id).unwrap().standing.shared_only(), "{}", o.id);
    }
    assert!(ranked(&s, &set).iter().all(|(_, st)| st.shared_only() && !st.holds_function));
}

#[test]
fn one_function_ranks_its_occupation_first_over_higher_percentages() {
    let set = builtin();
    let mut s = soft_skills_only(&set);
    let first = set.occupation(SUPERVISOR).unwrap().functions[0].clone();
    s.cycle_mark(MarkKind::Function, &first.id, &first.text, Some(SUPERVISOR));
    assert_eq!(s.mark_of(MarkKind::Function, &first.id), Some(MarkLevel::InDevelopment));

    let supervisor = fit(&s, &set, SUPERVISOR).unwrap();
    let aux = fit(&s, &set, AUX).unwrap();
    assert!(
        aux.percent > supervisor.percent,
        "the case needs a higher percentage from competencies alone: {} vs {}",
        aux.percent,
        supervisor.percent
    );
    assert!(!supervisor.standing.shared_only() && aux.standing.shared_only());

    let ranked = ranked(&s, &set);
    assert_eq!(ranked[0].0, SUPERVISOR);
    assert!(ranked[1..].iter().all(|(_, st)| st.shared_only()));
    let title = set.occupation(SUPERVISOR).unwrap().title.clone();
    assert_eq!(best_fit(&s, &set), Some((title, supervisor.percent)));

    let occupations: Vec<&crate::catalog::Occupation> = set.occupations().collect();
    let standings = standings(&s, &occupations);
    let best = standings.iter().max_by_key(|st| st.rank()).unwrap();
    assert!(best.holds_function && best.percent == supervisor.percent);
}

/// CUOC's catch-all last function ("Desempeñar funciones afines.") is no part of fit: marking it holds no
/// function, moves no percentage, and the gap does not ask for it.
#[test]
fn the_catch_all_function_is_no_part_of_fit() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/catalog/cuoc-2025.ron");
    let text = std::fs::read_to_string(path).unwrap();
    let file = catalog::SourceFile { name: path.to_string(), text };
    let loaded = catalog::load_files(vec![file]).unwrap();
    let set = CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect());
    let cashier = set.occupation("cuoc-52300").unwrap().clone();
    let catch_all = cashier.functions.last().unwrap().clone();
    assert!(catch_all.catch_all && catch_all.text == "Desempeñar funciones afines.");
    let mut s = Session::new("Ana", "", Timestamp::UNIX_EPOCH, &set).unwrap();
    let before = fit(&s, &set, &cashier.id).unwrap();
    assert!(before.missing.iter().all(|item| item.id != catch_all.id), "the gap asks for the catch-all");
    s.cycle_mark(MarkKind::Function, &catch_all.id, &catch_all.text, Some(&cashier.id));
    s.cycle_mark(MarkKind::Function, &catch_all.id, &catch_all.text, Some(&cashier.id));
    assert_eq!(s.mark_of(MarkKind::Function, &catch_all.id), Some(MarkLevel::Has));
    let after = fit(&s, &set, &cashier.id).unwrap();
    assert_eq!(after.percent, before.percent);
    assert!(!after.standing.holds_function);
    // A real function does count.
    let first = &cashier.functions[0];
    s.cycle_mark(MarkKind::Function, &first.id, &first.text, Some(&cashier.id));
    let real = fit(&s, &set, &cashier.id).unwrap();
    assert!(real.standing.holds_function && real.percent > before.percent);
}
