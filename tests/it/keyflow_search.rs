//! Keyflow tests of `/` search: Enter jumps to the item in its own pane, with its parents selected and the
//! item focused, so the very next Space marks (or shortlists) it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::keyflow_support;

use crossterm::event::KeyCode;
use keyflow_support::App;
use rumbo::app::{DetailTab, Msg, Overlay, Pane};
use rumbo::catalog::ItemKind;
use rumbo::session::{MarkKind, MarkLevel};

fn session() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.new_session("Ana", None, true);
    (dir, app)
}

/// `/`, the query, ↓ until the selected hit is of `kind` and `id`, Enter.
fn jump_to(app: &mut App, query: &str, kind: ItemKind, id: &str) {
    app.char('/');
    app.type_text(query);
    let index = app.model.index.clone();
    for _ in 0..200 {
        let Some(Overlay::Search(popup)) = &app.ws().overlay else { panic!("the search is open") };
        let hit = popup.hits.get(popup.selected).expect("the item is among the hits");
        let item = &index.items()[hit.item];
        if item.kind == kind && item.id == id {
            break;
        }
        app.press(KeyCode::Down);
    }
    app.press(KeyCode::Enter);
    assert!(app.ws().overlay.is_none(), "Enter closes the search");
}

/// The sector of `occupation` and the occupation itself are the selected parents.
fn assert_parents(app: &App, occupation: &str) {
    let set = app.model.catalog.clone();
    let sector = &set.occupation(occupation).unwrap().sector;
    assert_eq!(set.sectors().nth(app.ws().sector).unwrap().id, *sector);
    assert_eq!(app.occupation().as_deref(), Some(occupation));
    assert_eq!(app.ws().session.focus.occupation.as_deref(), Some(occupation), "recorded for resume");
}

#[test]
fn cartera_finds_a_function_and_space_marks_it_at_once() {
    let (_dir, mut app) = session();
    app.char('/');
    app.type_text("cartera");
    let Some(Overlay::Search(popup)) = &app.ws().overlay else { panic!() };
    assert!(popup.total >= 2, "both cartera functions are found");
    app.press(KeyCode::Esc);
    // The second one, in another occupation than the first.
    jump_to(&mut app, "cartera", ItemKind::Function, "asc-07");
    assert_parents(&app, "auxiliar-servicio-cliente");
    assert_eq!((app.focus(), app.ws().tab), (Pane::Functions, DetailTab::Functions));
    let set = app.model.catalog.clone();
    let functions = &set.occupation("auxiliar-servicio-cliente").unwrap().functions;
    assert_eq!(functions[app.ws().function].id, "asc-07");
    app.char(' ');
    assert_eq!(app.ws().session.mark_of(MarkKind::Function, "asc-07"), Some(MarkLevel::InDevelopment));
    assert_eq!(app.ws().session.marks.len(), 1);
}

#[test]
fn a_competency_opens_the_competencies_tab_on_it() {
    let (_dir, mut app) = session();
    // From another pane and tab: the jump sets both.
    app.press(KeyCode::Tab);
    app.press(KeyCode::End);
    let current = app.occupation().unwrap();
    jump_to(&mut app, "persuasion", ItemKind::Competency, "capacidad-de-persuasion");
    assert_eq!((app.focus(), app.ws().tab), (Pane::Functions, DetailTab::Competencies));
    assert_parents(&app, &current);
    let set = app.model.catalog.clone();
    let needs = &set.occupation(&current).unwrap().competencies;
    assert_eq!(needs[app.ws().competency].competency, "capacidad-de-persuasion");
    app.char(' ');
    let session = &app.ws().session;
    assert_eq!(
        session.mark_of(MarkKind::Competency, "capacidad-de-persuasion"),
        Some(MarkLevel::InDevelopment)
    );
    assert!(app.screen_text().contains('◐'), "{}", app.screen_text());
}

#[test]
fn an_occupation_is_selected_and_focused_in_its_pane() {
    let (_dir, mut app) = session();
    app.press(KeyCode::Tab);
    app.press(KeyCode::Tab);
    app.press(KeyCode::Tab);
    jump_to(&mut app, "tecnicos de sistemas", ItemKind::Occupation, "tecnico-sistemas");
    assert_eq!(app.focus(), Pane::Occupations);
    assert_parents(&app, "tecnico-sistemas");
    assert_eq!((app.ws().function, app.ws().program), (0, 0), "its panes start from the top");
    // Enter goes on into its functions, and Space marks the first.
    app.press(KeyCode::Enter);
    app.char(' ');
    assert_eq!(app.ws().session.mark_of(MarkKind::Function, "tec-01"), Some(MarkLevel::InDevelopment));
    // `s` and `g` act on it straight away too.
    app.send(keyflow_support::shift_tab());
    app.char('s');
    assert_eq!(app.occupation().as_deref(), Some("tecnico-sistemas"));
    app.char('g');
    assert!(matches!(app.ws().overlay, Some(Overlay::Gap(_))));
}

#[test]
fn a_program_is_focused_in_programs_and_space_shortlists_it() {
    let (_dir, mut app) = session();
    jump_to(&mut app, "agente contact center", ItemKind::Program, "gente-estrategica-contact-center");
    assert_eq!(app.focus(), Pane::Programs);
    assert_parents(&app, "auxiliar-servicio-cliente");
    let set = app.model.catalog.clone();
    let programs = set.programs_for("auxiliar-servicio-cliente");
    assert_eq!(programs[app.ws().program].id, "gente-estrategica-contact-center");
    app.char(' ');
    assert!(app.ws().session.is_shortlisted("gente-estrategica-contact-center"));
    assert_eq!(app.ws().session.shortlist.len(), 1);
}

#[test]
fn a_program_of_several_occupations_stays_on_the_focused_one() {
    let (_dir, mut app) = session();
    // SENA's programme serves the auxiliar, the non-technical seller and the merchandiser.
    app.press(KeyCode::Tab);
    app.press(KeyCode::End);
    assert_eq!(app.occupation().as_deref(), Some("mercaderista-impulsador"));
    jump_to(&mut app, "sena telemarketing", ItemKind::Program, "sena-telemarketing");
    assert_eq!(app.occupation().as_deref(), Some("mercaderista-impulsador"), "no need to move away");
    assert_eq!(app.focus(), Pane::Programs);
    let set = app.model.catalog.clone();
    assert_eq!(set.programs_for("mercaderista-impulsador")[app.ws().program].id, "sena-telemarketing");
    app.char(' ');
    assert!(app.ws().session.is_shortlisted("sena-telemarketing"));
    // From an occupation it does not serve, it goes to the first one it names.
    app.send(keyflow_support::shift_tab());
    app.send(keyflow_support::shift_tab());
    app.press(KeyCode::Home);
    jump_to(&mut app, "sena telemarketing", ItemKind::Program, "sena-telemarketing");
    assert_eq!(app.occupation().as_deref(), Some("auxiliar-servicio-cliente"));
}

#[test]
fn search_keys_type_into_the_query_and_arrows_move_through_the_hits() {
    let (_dir, mut app) = session();
    app.char('/');
    app.type_text("jkq ");
    let Some(Overlay::Search(popup)) = &app.ws().overlay else { panic!() };
    assert_eq!(popup.query, "jkq ", "letters are never shortcuts in the search");
    for _ in 0..4 {
        app.press(KeyCode::Backspace);
    }
    app.type_text("ventas");
    app.press(KeyCode::Down);
    app.press(KeyCode::Down);
    app.press(KeyCode::Up);
    let Some(Overlay::Search(popup)) = &app.ws().overlay else { panic!() };
    assert_eq!(popup.selected, 1);
    // A paste goes into the query, cleaned.
    app.send(Msg::Paste(" téc\u{200B}nicas\n".into()));
    let Some(Overlay::Search(popup)) = &app.ws().overlay else { panic!() };
    assert_eq!(popup.query, "ventas técnicas ");
    assert_eq!(popup.selected, 0);
    assert!(app.ws().session.marks.is_empty());
    assert!(app.screen_text().contains("ventas técnicas"));
}

/// The popup follows `rumbo search`'s Spanish-aware rules as it is typed, key by key.
#[test]
fn the_popup_finds_words_not_scattered_letters() {
    let (_dir, mut app) = session();
    let found = |app: &mut App, query: &str| {
        app.char('/');
        app.type_text(query);
        let Some(Overlay::Search(popup)) = &app.ws().overlay else { panic!("the search is open") };
        let mut ids: Vec<String> =
            popup.hits.iter().map(|hit| app.model.index.item(hit.item).id.to_string()).collect();
        ids.sort_unstable();
        let total = popup.total;
        app.press(KeyCode::Esc);
        (total, ids)
    };
    let both = (2, vec!["asc-07".to_string(), "vnt-13".to_string()]);
    // Fuzzy matching alone found "cartera" in 49 of the 107 items.
    assert_eq!(found(&mut app, "cartera"), both);
    assert_eq!(found(&mut app, "CARTERAS"), both, "number and case");
    assert_eq!(found(&mut app, "cartrea"), both, "one typo");
    assert_eq!(found(&mut app, "recuperar la cartera"), both, "a stop word");
    assert_eq!(found(&mut app, "cajera").0, 0, "no cashier in the BPO catalog");
}
