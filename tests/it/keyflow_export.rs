//! `e` in the workspace: the export dialog writes the summary to the export folder and says where; a
//! session without consent can be exported before it is discarded; a failed save is retried by itself.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::keyflow_support;

use crossterm::event::KeyCode;
use keyflow_support::App;
use rumbo::app::{Effect, Msg, Overlay, Persistence, Screen, update};
use std::fs;

fn exports(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir.join("exports"))
        .map(|d| d.filter_map(Result::ok).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn e_exports_markdown_by_default_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.new_session("Ana Lucía", None, true);
    app.search_and_jump("cartera");
    app.char(' ');
    app.char('n');
    app.type_text("Nota privada de la sesión");
    app.press(KeyCode::Esc);
    app.char('e');
    assert!(matches!(app.ws().overlay, Some(Overlay::Export(_))));
    assert!(app.screen_text().contains("Exportar resumen"));
    app.press(KeyCode::Enter);
    let names = exports(dir.path());
    assert_eq!(names.len(), 1, "{names:?}");
    let name = &names[0];
    assert!(name.starts_with("rumbo-") && name.contains("-ana-lucia-") && name.ends_with(".md"), "{name}");
    assert!(app.screen_text().contains("Guardado en"), "{}", app.screen_text());
    let text = fs::read_to_string(dir.path().join("exports").join(name)).unwrap();
    assert!(text.contains("Recuperar cartera"), "the marked function is in it");
    assert!(!text.contains("Nota privada"), "session notes stay out unless asked for");

    // HTML, with the session notes: a second file, the first untouched.
    app.press(KeyCode::Right);
    app.press(KeyCode::Down);
    app.char(' ');
    app.press(KeyCode::Enter);
    let names = exports(dir.path());
    assert_eq!(names.len(), 2, "{names:?}");
    let html = names.iter().find(|n| n.ends_with(".html")).unwrap();
    let text = fs::read_to_string(dir.path().join("exports").join(html)).unwrap();
    assert!(text.contains("Nota privada de la sesión"));
    // Exporting the same again never overwrites: -2.
    app.press(KeyCode::Enter);
    assert!(exports(dir.path()).iter().any(|n| n.ends_with("-2.html")));
    app.press(KeyCode::Esc);
    assert!(app.ws().overlay.is_none());
}

#[test]
fn an_unsaved_session_can_be_exported_before_it_is_discarded() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.new_session("Sin permiso", None, false);
    app.char('q');
    assert!(matches!(app.ws().overlay, Some(Overlay::ConfirmDiscard)));
    app.char('e');
    assert!(matches!(app.ws().overlay, Some(Overlay::Export(_))));
    app.press(KeyCode::Enter);
    assert_eq!(exports(dir.path()).len(), 1, "the summary is written");
    assert!(matches!(app.model.screen, Screen::Sessions), "and the session is left");
    let sessions = dir.path().join("sessions");
    let saved = fs::read_dir(&sessions).map(|d| d.count()).unwrap_or(0);
    assert_eq!(saved, 0, "still nothing of the session is saved");
}

#[test]
fn a_failed_save_is_retried_without_another_change() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.new_session("Ana", None, true);
    app.press(KeyCode::Enter);
    app.press(KeyCode::Enter);
    app.char(' ');
    assert_eq!(app.ws().persistence, Persistence::Pending);
    let effects = update(&mut app.model, Msg::Saved(Err("disco lleno".into())));
    assert!(matches!(app.ws().persistence, Persistence::Failed(_)));
    assert_eq!(effects, vec![Effect::RetrySave]);
    let effects = update(&mut app.model, Msg::SaveDue);
    assert!(matches!(effects.as_slice(), [Effect::SaveSession(_)]), "{effects:?}");
}
