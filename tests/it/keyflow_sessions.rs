//! Keyflow tests of the start screen "Sesiones" and the new-session form: `n`, Enter, `d`, `/`, `q`; the
//! list newest first; a corrupt file reported and left alone; the counselor remembered on this computer.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::keyflow_support;

use crossterm::event::KeyCode;
use jiff::Timestamp;
use keyflow_support::{App, catalog, key, session_ids};
use rumbo::app::{Effect, FormField, Msg, Persistence, Screen};
use rumbo::session::{MarkKind, Session, SessionStore};
use std::fs;
use std::path::Path;

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

/// Writes a session with consent as an earlier rumbo would have, `has` functions of `occupation` marked.
fn saved_session(dir: &Path, alias: &str, updated: &str, occupation: &str, has: usize) -> Session {
    let (set, _) = catalog();
    let mut s = Session::new(alias, "Luz", at("2019-01-05T09:00:00Z"), &set).unwrap();
    s.give_consent(at("2019-01-05T09:00:00Z"), "ley-1581-2012/v1");
    let o = set.occupation(occupation).unwrap();
    for f in o.functions.iter().take(has) {
        s.cycle_mark(MarkKind::Function, &f.id, &f.text, Some(occupation));
        s.cycle_mark(MarkKind::Function, &f.id, &f.text, Some(occupation));
    }
    s.touch(at(updated));
    SessionStore::open(dir).unwrap().save(&s).unwrap();
    s
}

fn form(app: &App) -> &rumbo::app::NewSessionForm {
    match &app.model.screen {
        Screen::NewSession(form) => form,
        _ => panic!("the form is not open"),
    }
}

#[test]
fn saved_sessions_are_listed_newest_first_with_date_best_occupation_and_fit() {
    let dir = tempfile::tempdir().unwrap();
    saved_session(dir.path(), "Antigua", "2026-01-10T08:00:00Z", "tecnico-sistemas", 2);
    saved_session(dir.path(), "Reciente", "2026-02-20T15:30:00Z", "auxiliar-servicio-cliente", 8);
    saved_session(dir.path(), "Media", "2026-02-01T10:00:00Z", "vendedor-ventas-tecnicas", 1);
    let app = App::start(dir.path());
    let aliases: Vec<&str> = app.model.sessions.rows.iter().map(|r| r.alias.as_str()).collect();
    assert_eq!(aliases, ["Reciente", "Media", "Antigua"]);

    let screen = app.screen();
    let row = |alias: &str| screen.iter().find(|l| l.contains(alias)).unwrap().clone();
    let reciente = row("Reciente");
    assert!(reciente.contains("2026-02-20 15:30"), "{reciente}");
    assert!(reciente.contains("Auxiliares de"), "{reciente}");
    let best = app.model.sessions.rows[0].best.clone().unwrap();
    assert!(best.1 > 0);
    assert!(reciente.contains(&format!("{}%", best.1)), "{reciente}");
    let antigua = row("Antigua");
    assert!(antigua.contains("2026-01-10 08:00") && antigua.contains("Técnicos de sistemas"), "{antigua}");
    let top = screen.iter().position(|l| l.contains("Reciente")).unwrap();
    let bottom = screen.iter().position(|l| l.contains("Antigua")).unwrap();
    assert!(top < bottom, "newest first on screen");
}

#[test]
fn enter_resumes_the_selected_session() {
    let dir = tempfile::tempdir().unwrap();
    saved_session(dir.path(), "Primera", "2026-02-02T08:00:00Z", "tecnico-sistemas", 1);
    saved_session(dir.path(), "Segunda", "2026-02-01T08:00:00Z", "tecnico-sistemas", 1);
    let mut app = App::start(dir.path());
    app.char('j');
    app.press(KeyCode::Enter);
    assert_eq!(app.ws().session.alias, "Segunda");
    assert_eq!(app.ws().persistence, Persistence::Saved);
    app.char('q');
    app.press(KeyCode::Up);
    app.press(KeyCode::Enter);
    assert_eq!(app.ws().session.alias, "Primera");
}

#[test]
fn d_asks_before_deleting_and_only_s_deletes() {
    let dir = tempfile::tempdir().unwrap();
    let keep = saved_session(dir.path(), "Queda", "2026-02-02T08:00:00Z", "tecnico-sistemas", 1);
    let gone = saved_session(dir.path(), "Borrada", "2026-02-01T08:00:00Z", "tecnico-sistemas", 1);
    let mut app = App::start(dir.path());
    app.char('j');
    app.char('d');
    assert_eq!(app.model.sessions.confirm_delete.as_deref(), Some(gone.id.as_str()));
    assert!(app.screen_text().contains("¿Borrar la sesión «Borrada»"), "{}", app.screen_text());
    app.char('n');
    assert!(app.model.sessions.confirm_delete.is_none());
    assert!(matches!(app.model.screen, Screen::Sessions), "the answer is not taken as `n` new session");
    assert_eq!(session_ids(dir.path()).len(), 2, "any other key keeps it");

    app.char('d');
    app.char('s');
    assert_eq!(session_ids(dir.path()), [keep.id]);
    let aliases: Vec<&str> = app.model.sessions.rows.iter().map(|r| r.alias.as_str()).collect();
    assert_eq!(aliases, ["Queda"]);
    assert_eq!(app.model.sessions.selected, 0);
    assert!(!app.screen_text().contains("Borrada"));
}

#[test]
fn slash_filters_by_alias_and_occupation() {
    let dir = tempfile::tempdir().unwrap();
    saved_session(dir.path(), "Marta", "2026-02-03T08:00:00Z", "tecnico-sistemas", 2);
    saved_session(dir.path(), "Mario", "2026-02-02T08:00:00Z", "auxiliar-servicio-cliente", 2);
    saved_session(dir.path(), "Pedro", "2026-02-01T08:00:00Z", "auxiliar-servicio-cliente", 2);
    let mut app = App::start(dir.path());
    app.char('/');
    app.type_text("mar");
    let screen = app.screen_text();
    assert!(screen.contains("Marta") && screen.contains("Mario") && !screen.contains("Pedro"), "{screen}");
    app.press(KeyCode::Enter);
    assert!(!app.model.sessions.filtering, "Enter keeps the filter and leaves it");
    app.char('j');
    app.press(KeyCode::Enter);
    assert_eq!(app.ws().session.alias, "Mario", "Enter opens the selected row of the filtered list");
    app.char('q');

    // By occupation, accents and case folded; Esc clears.
    app.char('/');
    app.press(KeyCode::Backspace);
    app.press(KeyCode::Backspace);
    app.press(KeyCode::Backspace);
    app.type_text("TECNICOS");
    let screen = app.screen_text();
    assert!(screen.contains("Marta") && !screen.contains("Mario"), "{screen}");
    app.press(KeyCode::Esc);
    assert_eq!(app.model.sessions.visible().len(), 3);
    // `q` inside the filter is a letter, outside it quits.
    app.char('/');
    app.char('q');
    assert!(!app.runner.wants_quit());
    app.press(KeyCode::Esc);
    app.char('q');
    assert!(app.runner.wants_quit());
}

#[test]
fn corrupt_session_shows_line_and_column_and_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let good = saved_session(dir.path(), "Sana", "2026-02-03T08:00:00Z", "tecnico-sistemas", 1);
    let path = dir.path().join("sessions").join("rota.ron");
    let bytes =
        b"Session(\n    format: 1,\n    id: \"rota\",\n    alias: \"Rota\",\n    created: [[[\n".to_vec();
    fs::write(&path, &bytes).unwrap();

    let mut app = App::start(dir.path());
    let rows = &app.model.sessions.rows;
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].id, good.id, "good sessions first");
    let problem = rows[1].problem.as_ref().expect("the corrupt row says why");
    let problem = rumbo::ui::failure::row_problem(problem, rumbo::i18n::Lang::Es);
    assert!(problem.contains("rota.ron:5:"), "line:col in {problem}");
    // Enter on it does not open it: the message is shown in full on the start screen.
    app.char('j');
    app.press(KeyCode::Enter);
    assert!(matches!(app.model.screen, Screen::Sessions));
    let screen = app.screen_text();
    assert!(screen.contains("archivo dañado"), "{screen}");
    assert!(screen.contains(":5:"), "line:col on screen:\n{screen}");

    // Working on the other session, saving, quitting: the corrupt file keeps every byte.
    app.press(KeyCode::Home);
    app.press(KeyCode::Enter);
    app.press(KeyCode::Enter);
    app.char(' ');
    app.send(rumbo::app::Msg::SaveDue);
    app.char('q');
    app.new_session("Otra", None, true);
    app.char('q');
    app.send(rumbo::app::Msg::Shutdown);
    assert!(app.runner.wants_quit());
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

#[test]
fn form_alias_is_required_tab_walks_the_fields_and_space_ticks_consent() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.char('n');
    assert_eq!(form(&app).field, FormField::Alias, "the alias has the focus");
    app.press(KeyCode::Enter);
    assert!(form(&app).alias_missing, "Enter without alias asks for one");
    assert!(app.screen_text().contains("Escriba un alias"));
    app.type_text("   ");
    app.press(KeyCode::Enter);
    assert!(matches!(app.model.screen, Screen::NewSession(_)), "a blank alias is no alias");
    for _ in 0..3 {
        app.press(KeyCode::Backspace);
    }
    app.type_text("Eva");
    app.press(KeyCode::Tab);
    assert_eq!(form(&app).field, FormField::Counselor);
    app.type_text("Luz");
    app.press(KeyCode::Tab);
    assert_eq!(form(&app).field, FormField::Consent);
    app.char(' ');
    assert!(form(&app).consent);
    app.char(' ');
    assert!(!form(&app).consent, "Space unticks");
    app.char(' ');
    app.send(keyflow_support::shift_tab());
    assert_eq!(form(&app).field, FormField::Counselor);
    assert_eq!((form(&app).alias.as_str(), form(&app).counselor.as_str()), ("Eva", "Luz"));
    app.press(KeyCode::Enter);
    assert_eq!(app.ws().persistence, Persistence::Saved);
    assert_eq!(app.saved().alias, "Eva");
    assert_eq!(app.saved().counselor, "Luz");
}

#[test]
fn the_counselor_is_remembered_on_this_computer() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.new_session("Uno", Some("Luz Marina"), true);
    app.char('q');
    app.char('n');
    assert_eq!(form(&app).counselor, "Luz Marina", "a second new session pre-fills it");
    app.press(KeyCode::Esc);
    app.char('q');
    drop(app);
    // And after a restart.
    let mut app = App::start(dir.path());
    app.char('n');
    assert_eq!(form(&app).counselor, "Luz Marina");
    assert!(app.screen_text().contains("Luz Marina"));
}

#[test]
fn esc_in_the_form_goes_back_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.char('n');
    app.type_text("Nadie");
    app.press(KeyCode::Esc);
    assert!(matches!(app.model.screen, Screen::Sessions));
    assert!(session_ids(dir.path()).is_empty());
}

#[test]
fn the_session_just_left_stays_selected_though_it_moved_to_the_top() {
    let dir = tempfile::tempdir().unwrap();
    saved_session(dir.path(), "Nueva", "2020-02-02T08:00:00Z", "tecnico-sistemas", 1);
    saved_session(dir.path(), "Vieja", "2020-02-01T08:00:00Z", "tecnico-sistemas", 1);
    let mut app = App::start(dir.path());
    app.char('j');
    app.press(KeyCode::Enter);
    assert_eq!(app.ws().session.alias, "Vieja");
    app.press(KeyCode::Enter);
    app.char('j');
    app.char('q');
    let aliases: Vec<&str> = app.model.sessions.rows.iter().map(|r| r.alias.as_str()).collect();
    assert_eq!(aliases, ["Vieja", "Nueva"], "just saved, so newest");
    app.press(KeyCode::Enter);
    assert_eq!(app.ws().session.alias, "Vieja", "Enter goes back to the same session");
    app.char('q');

    // A session just made is selected when it is left, too.
    app.press(KeyCode::End);
    app.new_session("Recién", None, true);
    app.char('q');
    app.press(KeyCode::Enter);
    assert_eq!(app.ws().session.alias, "Recién");
}

#[test]
fn ctrl_c_leaves_the_form_and_the_workspace_and_quits_from_the_start_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    let ctrl_c = || {
        rumbo::app::Msg::Key(crossterm::event::KeyEvent::new(
            KeyCode::Char('c'),
            crossterm::event::KeyModifiers::CONTROL,
        ))
    };
    app.char('n');
    app.type_text("Ana");
    app.send(ctrl_c());
    assert!(matches!(app.model.screen, Screen::Sessions));
    app.new_session("Ana", None, true);
    app.send(ctrl_c());
    assert!(matches!(app.model.screen, Screen::Sessions));
    assert!(!app.runner.wants_quit());
    app.send(ctrl_c());
    assert!(app.runner.wants_quit());
}

/// While an open is under way (in office mode its answer comes from the office thread, later), another
/// Enter opens nothing: a second session opened over the first would leave the first one's locks held
/// until rumbo quits. Once the answer is in, Enter opens again.
#[test]
fn a_second_enter_while_a_session_is_opening_opens_nothing() {
    let dir = tempfile::tempdir().unwrap();
    saved_session(dir.path(), "Primera", "2026-02-02T08:00:00Z", "tecnico-sistemas", 1);
    saved_session(dir.path(), "Segunda", "2026-02-01T08:00:00Z", "tecnico-sistemas", 1);
    let mut app = App::start(dir.path());
    let first = app.model.sessions.rows[0].id.clone();
    // `update` alone, as the loop calls it: the effect is given, its answer not back yet.
    let given = rumbo::app::update(&mut app.model, key(KeyCode::Enter));
    assert!(matches!(given.as_slice(), [Effect::OpenSession(id)] if *id == first), "{given:?}");
    assert!(rumbo::app::update(&mut app.model, key(KeyCode::Down)).is_empty());
    let again = rumbo::app::update(&mut app.model, key(KeyCode::Enter));
    assert!(again.is_empty(), "a second open while the first is under way: {again:?}");
    // And the start screen says why nothing happened.
    let said = app.screen().join("\n");
    assert!(said.contains("Abriendo «Primera»: espere un momento"), "{said}");
    // The first open answers (here it fails: the row vanished meanwhile); then Enter opens again.
    app.send(Msg::OpenFailed(rumbo::app::Failure::Other("desapareció".into())));
    app.press(KeyCode::Enter);
    assert_eq!(app.ws().session.alias, "Segunda");
    app.char('q');
    let said = app.screen().join("\n");
    assert!(!said.contains("Abriendo"), "the notice outlived the open: {said}");
    app.press(KeyCode::Enter);
    assert_eq!(app.ws().session.alias, "Segunda");
    // And after a session opened, the start screen opens the next one.
    app.char('q');
    app.press(KeyCode::Up);
    app.press(KeyCode::Enter);
    assert_eq!(app.ws().session.alias, "Primera");
}
