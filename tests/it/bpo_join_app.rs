//! The BPO catalog beside the CUOC, where the counselor meets it (issue 12): `c` goes from a BPO occupation
//! to its CUOC equivalents and Backspace back; a skill both catalogs name is one mark, one search result,
//! and counts for the fit of occupations of both.

use crate::keyflow_support::App;
use crossterm::event::KeyCode;
use rumbo::app::{Model, Pane};
use rumbo::catalog::{CatalogSet, ItemKind};
use rumbo::i18n::Lang;
use rumbo::runtime::Runner;
use rumbo::search::SearchIndex;
use rumbo::session::{MarkKind, MarkLevel, fit};
use std::sync::Arc;

const AUX: &str = "auxiliar-servicio-cliente";

/// The BPO catalog and the committed CUOC one, loaded together, with their index.
fn both() -> (Arc<CatalogSet>, Arc<SearchIndex>) {
    super::cuoc_support::cuoc_catalog()
}

fn start(dir: &std::path::Path, with_cuoc: bool) -> App {
    let (set, index) = if with_cuoc { both() } else { crate::keyflow_support::catalog() };
    let mut model = Model::new(Lang::Es, set, index);
    model.size = (120, 40);
    let mut runner = Runner::new(dir).unwrap();
    runner.start(&mut model);
    let mut app = App { model, runner, dir: dir.to_path_buf() };
    app.new_session("Ana", Some("Luz"), true);
    app
}

/// From the BPO sector, the occupations pane on Auxiliares de información y servicio al cliente.
fn on_aux(app: &mut App) {
    app.press(KeyCode::Tab);
    while app.occupation().as_deref() != Some(AUX) {
        app.press(KeyCode::Down);
    }
}

#[test]
fn c_goes_to_each_cuoc_equivalent_and_backspace_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = start(dir.path(), true);
    on_aux(&mut app);
    assert!(app.screen_text().contains("CUOC 42220 (parcial)"), "{}", app.screen_text());
    assert!(app.screen_text().contains("c: ver su ocupación en la CUOC (3)"), "{}", app.screen_text());
    app.char('c');
    assert_eq!(app.occupation().as_deref(), Some("cuoc-42220"));
    assert_eq!(app.focus(), Pane::Occupations);
    assert!(app.screen_text().contains("Equivalente 1 de 3"), "{}", app.screen_text());
    app.char('c');
    assert_eq!(app.occupation().as_deref(), Some("cuoc-42251"));
    app.char('c');
    app.char('c');
    assert_eq!(app.occupation().as_deref(), Some("cuoc-42220"), "the fourth press starts over");
    app.press(KeyCode::Backspace);
    assert_eq!(app.occupation().as_deref(), Some(AUX), "back to the BPO occupation");
    let set = app.model.catalog.clone();
    assert_eq!(set.sectors().nth(app.ws().sector).unwrap().id, "bpo");
}

#[test]
fn without_the_cuoc_the_codes_show_and_say_why_there_is_no_jump() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = start(dir.path(), false);
    on_aux(&mut app);
    let screen = app.screen_text();
    assert!(screen.contains("CUOC 42220 (parcial)"), "{screen}");
    assert!(screen.contains("La CUOC no está cargada"), "{screen}");
    app.char('c');
    assert_eq!(app.occupation().as_deref(), Some(AUX), "nothing to go to");
}

#[test]
fn a_shared_skill_is_one_mark_for_both_catalogs() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = start(dir.path(), true);
    on_aux(&mut app);
    // Competencias of Auxiliares: Trabajo en equipo (2nd) and Capacidad de persuasión (5th), "la tiene".
    app.press(KeyCode::Tab);
    app.press(KeyCode::Right);
    app.press(KeyCode::Down);
    app.char(' ');
    app.char(' ');
    for _ in 0..3 {
        app.press(KeyCode::Down);
    }
    app.char(' ');
    app.char(' ');
    let set = app.model.catalog.clone();
    let session = app.ws().session.clone();
    assert_eq!(session.mark_of(MarkKind::Competency, "trabajo-en-equipo"), Some(MarkLevel::Has));
    assert_eq!(session.mark_of(MarkKind::Competency, "capacidad-de-persuasion"), Some(MarkLevel::Has));
    // CUOC occupations that need CUOC's own "Trabajo en equipo" or "Persuasión" count them.
    let cashier = fit(&session, &set, "cuoc-52300").unwrap();
    assert!(cashier.has.iter().any(|i| i.id == "cuoc-destreza-11"), "{:?}", cashier.has);
    assert!(cashier.percent > 0);
    let calls = fit(&session, &set, "cuoc-42220").unwrap();
    assert!(calls.has.iter().any(|i| i.id == "cuoc-destreza-12"), "{:?}", calls.has);
    // And the competencies tab of the CUOC equivalent (42220) shows the same mark, Space on the same id.
    app.char('c');
    assert_eq!(app.occupation().as_deref(), Some("cuoc-42220"));
    app.press(KeyCode::Tab);
    let rows = app.ws().detail_rows(&set);
    let row = rows.iter().find(|r| r.text == "Persuasión").unwrap();
    assert_eq!(row.id, "capacidad-de-persuasion", "Space there changes the same mark");
    assert!(row.same.as_ref().is_some_and(|(_, inferred)| *inferred), "{row:?}");
    assert!(app.screen_text().contains("●"), "{}", app.screen_text());
    // Search lists it once.
    let results = app.model.index.search("trabajo en equipo", None, None);
    let hits: Vec<&str> = results
        .hits
        .iter()
        .map(|h| app.model.index.item(h.item))
        .filter(|i| i.kind == ItemKind::Competency)
        .map(|i| i.id)
        .collect();
    assert_eq!(hits, ["trabajo-en-equipo"]);
}

#[test]
fn the_bpo_catalog_alone_still_loads_with_its_declarations() {
    let (set, index) = crate::keyflow_support::catalog();
    assert!(
        set.competency("trabajo-en-equipo")
            .unwrap()
            .same_as
            .iter()
            .any(|s| s.competency == "cuoc-destreza-11")
    );
    // A mark made under CUOC's id (a session from a rumbo with the CUOC) still names a known competency.
    assert_eq!(set.competency_or_same("cuoc-destreza-11").unwrap().id, "trabajo-en-equipo");
    let results = index.search("trabajo en equipo", None, None);
    assert!(!results.hits.is_empty());
}
