//! Keyflow tests: the app driven by key sequences as a counselor would type them, through the real
//! runtime `Runner` against a temporary data folder. The headline flow — new session, search, mark, note,
//! quit, resume — and its twin without consent, where nothing may reach the disk.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::keyflow_support;

use crossterm::event::KeyCode;
use keyflow_support::{App, all_files, session_ids};
use rumbo::app::{CONSENT_VERSION, DetailTab, Msg, Overlay, Pane, Persistence, Screen};
use rumbo::session::{MarkKind, MarkLevel};
use std::fs;

/// The id of the function or competency selected in the functions pane.
fn selected_item(app: &App) -> (MarkKind, String) {
    let set = app.model.catalog.clone();
    let ws = app.ws();
    let occupation = ws.current_occupation(&set).unwrap();
    match ws.tab {
        DetailTab::Functions => (MarkKind::Function, occupation.functions[ws.function].id.clone()),
        DetailTab::Competencies => {
            (MarkKind::Competency, occupation.competencies[ws.competency].competency.clone())
        }
    }
}

#[test]
fn new_session_search_mark_note_quit_and_resume() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    assert!(matches!(app.model.screen, Screen::Sessions));
    app.new_session("Ana", Some("Luz"), true);
    assert_eq!(app.ws().persistence, Persistence::Saved);

    app.search_and_jump("cartera");
    assert_eq!(app.focus(), Pane::Functions, "the function found is focused");
    let (kind, function) = selected_item(&app);
    assert_eq!(kind, MarkKind::Function);
    let text =
        &app.model.catalog.occupation(&app.occupation().unwrap()).unwrap().functions[app.ws().function].text;
    assert!(text.to_lowercase().contains("cartera"), "{text}");
    let occupation = app.occupation().unwrap();
    app.char(' ');
    assert_eq!(app.ws().session.mark_of(MarkKind::Function, &function), Some(MarkLevel::InDevelopment));

    app.char('n');
    app.type_text("Quiere turno de tarde");
    app.press(KeyCode::Tab);
    app.type_text("Tiene experiencia en cobranzas");
    app.press(KeyCode::Esc);
    assert!(app.ws().overlay.is_none());

    // `q` back to Sesiones, `q` again leaves rumbo.
    app.char('q');
    assert!(matches!(app.model.screen, Screen::Sessions));
    app.char('q');
    assert!(app.runner.wants_quit());
    drop(app);

    // A new rumbo on the same folder: the session is listed and Enter resumes it.
    let mut app = App::start(dir.path());
    assert_eq!(app.model.sessions.rows.len(), 1);
    assert_eq!(app.model.sessions.rows[0].alias, "Ana");
    app.press(KeyCode::Enter);
    let ws = app.ws();
    assert_eq!(ws.persistence, Persistence::Saved);
    assert_eq!(ws.session.mark_of(MarkKind::Function, &function), Some(MarkLevel::InDevelopment));
    assert_eq!(ws.session.notes, "Quiere turno de tarde");
    assert_eq!(ws.session.occupation_note(&occupation), Some("Tiene experiencia en cobranzas"));
    assert_eq!(ws.session.counselor, "Luz");
    assert_eq!(app.occupation().as_deref(), Some(occupation.as_str()), "the same occupation is focused");
    assert_eq!(app.focus(), Pane::Occupations);
    let screen = app.screen_text();
    assert!(screen.contains("Ana"), "{screen}");
    // Walk to the marked function: the screen shows its mark.
    app.press(KeyCode::Enter);
    assert_eq!(app.focus(), Pane::Functions);
    for _ in 0..30 {
        if selected_item(&app).1 == function {
            break;
        }
        app.char('j');
    }
    assert_eq!(selected_item(&app).1, function);
    let screen = app.screen_text();
    assert!(screen.contains('◐'), "the mark is shown:\n{screen}");

    // The notes open on the same texts.
    app.char('n');
    let Some(Overlay::Notes(notes)) = &app.ws().overlay else { panic!("n opens the notes") };
    assert_eq!(notes.editor.lines(), ["Quiere turno de tarde"]);
    assert_eq!(notes.occupation.as_deref(), Some(occupation.as_str()));
    app.press(KeyCode::Tab);
    let Some(Overlay::Notes(notes)) = &app.ws().overlay else { panic!("Tab keeps the notes open") };
    assert_eq!(notes.editor.lines(), ["Tiene experiencia en cobranzas"]);
}

#[test]
fn consent_is_stored_with_its_time_and_text_version() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    let before = jiff::Timestamp::now();
    app.new_session("Beto", None, true);
    let saved = app.saved();
    assert_eq!(saved.alias, "Beto");
    let consent = saved.consent.expect("consent stored");
    assert_eq!(consent.text_version, CONSENT_VERSION);
    assert!(consent.given_at >= before && consent.given_at <= jiff::Timestamp::now());
}

#[test]
fn without_consent_nothing_reaches_the_disk() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.new_session("Carmenza", Some("Orientadora Ximena"), false);
    assert_eq!(app.ws().persistence, Persistence::Unsaved);
    let header = app.screen()[0].clone();
    assert!(header.contains("sin guardar"), "{header}");

    app.search_and_jump("cartera");
    app.char(' ');
    app.char(' ');
    app.press(KeyCode::Right);
    app.char(' ');
    app.press(KeyCode::Tab);
    app.char(' ');
    assert!(!app.ws().session.marks.is_empty());
    assert!(!app.ws().session.shortlist.is_empty());
    app.char('n');
    app.type_text("NOTA-SECRETA de la sesion");
    app.press(KeyCode::Tab);
    app.type_text("NOTA-OCUPACION privada");
    app.send(Msg::Paste("PEGADO-PRIVADO".into()));
    app.press(KeyCode::Esc);
    app.send(Msg::SaveDue);
    assert!(app.runner.save_at().is_none(), "nothing is scheduled");
    let header = app.screen()[0].clone();
    assert!(header.contains("sin guardar"), "still unsaved after changes: {header}");

    // Leaving would lose it: rumbo asks; any key but `s` stays.
    app.char('q');
    assert!(app.screen_text().contains("al salir se pierde"), "{}", app.screen_text());
    app.char('x');
    assert!(matches!(app.model.screen, Screen::Workspace(_)), "another key stays");
    app.char('q');
    app.char('s');
    assert!(matches!(app.model.screen, Screen::Sessions));
    assert!(app.model.sessions.rows.is_empty(), "an unsaved session is not listed");
    app.send(Msg::Shutdown);
    assert!(app.runner.wants_quit());

    assert!(session_ids(dir.path()).is_empty());
    for file in all_files(dir.path()) {
        let bytes = fs::read(&file).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for secret in ["Carmenza", "Ximena", "NOTA-SECRETA", "NOTA-OCUPACION", "PEGADO-PRIVADO"] {
            assert!(!text.contains(secret), "{} holds {secret}", file.display());
        }
    }
    assert!(all_files(dir.path()).is_empty(), "no file at all: {:?}", all_files(dir.path()));
}

#[test]
fn shutdown_in_an_unsaved_workspace_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.new_session("Dora", None, false);
    app.char('n');
    app.type_text("algo privado");
    app.send(Msg::Shutdown);
    assert!(app.runner.wants_quit());
    assert!(all_files(dir.path()).is_empty(), "{:?}", all_files(dir.path()));
}
