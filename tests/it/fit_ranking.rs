//! The ranking rule where the counselor meets it: `s` (sort by fit) in the Ocupaciones pane and the order
//! of the exported summary. An occupation of which the person holds no function ranks below every one
//! of which they hold a function, and the summary says "solo competencias compartidas".

use rumbo::app::{Persistence, Workspace};
use rumbo::catalog::{CatalogSet, Importance};
use rumbo::export::{Format, NotesChoice, render, summarize};
use rumbo::i18n::Lang;
use rumbo::session::{MarkKind, MarkLevel, Session};

const AUX: &str = "auxiliar-servicio-cliente";
const SUPERVISOR: &str = "supervisor-servicio-cliente";

fn builtin() -> CatalogSet {
    let loaded = rumbo::catalog::load_files(vec![rumbo::catalog::builtin_file()]).unwrap();
    CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect())
}

/// Every essential competency "la tiene" (the BPO catalog gives them to all six occupations), one
/// function of Supervisores in development: Auxiliares has the higher percentage, Supervisores the
/// function. The counselor added both to the explored occupations, so the export lists both.
fn session(set: &CatalogSet) -> Session {
    let mut s = Session::new("Ana", "Luz", "2026-03-02T14:30:00Z".parse().unwrap(), set).unwrap();
    for o in set.occupations() {
        for need in o.competencies.iter().filter(|n| n.importance == Importance::Essential) {
            while s.mark_of(MarkKind::Competency, &need.competency) != Some(MarkLevel::Has) {
                s.cycle_mark(MarkKind::Competency, &need.competency, &need.competency, None);
            }
        }
    }
    let f = set.occupation(SUPERVISOR).unwrap().functions[0].clone();
    s.cycle_mark(MarkKind::Function, &f.id, &f.text, Some(SUPERVISOR));
    s.focus.occupation = Some(AUX.to_string());
    s.explored = vec![AUX.to_string(), SUPERVISOR.to_string()];
    s
}

#[test]
fn sorting_by_fit_puts_the_occupation_with_a_function_first() {
    let set = builtin();
    let mut ws = Workspace::new(session(&set), Persistence::Saved);
    ws.sort_by_fit = true;
    let order: Vec<&str> = ws.occupations(&set).iter().map(|o| o.id.as_str()).collect();
    assert_eq!(order[0], SUPERVISOR, "{order:?}");
    assert_eq!(order[1], AUX, "then the highest percentage among the rest: {order:?}");
}

#[test]
fn the_summary_ranks_the_same_and_names_shared_competencies() {
    let set = builtin();
    let s = session(&set);
    let tz = jiff::tz::TimeZone::UTC;
    let summary = summarize(&s, &set, Lang::Es, NotesChoice::None, &tz);
    let order: Vec<(&str, bool)> =
        summary.occupations.iter().map(|o| (o.id.as_str(), o.shared_only)).collect();
    assert_eq!(order, [(SUPERVISOR, false), (AUX, true)]);
    assert!(summary.occupations[1].fit > summary.occupations[0].fit, "a higher percentage, ranked lower");

    let markdown = render(&s, &set, Lang::Es, Format::Markdown, NotesChoice::None, &tz);
    let aux_title = &set.occupation(AUX).unwrap().title;
    let fit = summary.occupations[1].fit;
    let heading = format!("### {aux_title} — Ajuste: {fit} % (solo competencias compartidas)");
    assert!(markdown.contains(&heading), "{markdown}");
    let english = render(&s, &set, Lang::En, Format::Html, NotesChoice::None, &tz);
    assert!(english.contains("(shared competencies only)"), "{english}");
    let json = render(&s, &set, Lang::Es, Format::Json, NotesChoice::None, &tz);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let occupations = value["summary"]["occupations"].as_array().unwrap();
    let shared: Vec<bool> = occupations.iter().map(|o| o["shared_only"].as_bool().unwrap()).collect();
    assert_eq!(shared, [false, true]);
}
