//! A later change to the catalog loses no mark: a mark whose item is gone is kept, shown as such, and can
//! still be changed; marks on items still there keep counting.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::keyflow_support;

use crossterm::event::KeyCode;
use keyflow_support::App;
use rumbo::app::Msg;
use rumbo::session::{Mark, MarkKind, MarkLevel, Session, SessionStore};

/// A saved session made "under an older catalog": one function and one competency that no longer exist.
fn session_with_gone_items(dir: &std::path::Path) -> String {
    let (set, _) = keyflow_support::catalog();
    let mut session = Session::new("Rosa", "", "2026-03-02T15:04:00Z".parse().unwrap(), &set).unwrap();
    session.give_consent("2026-03-02T15:04:00Z".parse().unwrap(), "v1");
    let gone = |kind, id: &str, text: &str, occupation: Option<&str>| Mark {
        kind,
        id: id.into(),
        text: text.into(),
        occupation: occupation.map(str::to_string),
        level: MarkLevel::Has,
        from: vec![],
    };
    session.marks.push(gone(
        MarkKind::Function,
        "asc-99",
        "Atender por chat a clientes",
        Some("auxiliar-servicio-cliente"),
    ));
    session.marks.push(gone(MarkKind::Competency, "liderazgo", "Liderazgo", None));
    session.marks.push(gone(
        MarkKind::Function,
        "asc-01",
        "Contestar preguntas…",
        Some("auxiliar-servicio-cliente"),
    ));
    session.focus.sector = Some("bpo".into());
    session.focus.occupation = Some("auxiliar-servicio-cliente".into());
    SessionStore::open(dir).unwrap().save(&session).unwrap();
    session.id
}

#[test]
fn gone_items_show_as_such_and_are_never_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let id = session_with_gone_items(dir.path());
    let mut app = App::start(dir.path());
    app.press(KeyCode::Enter);
    assert_eq!(app.occupation().as_deref(), Some("auxiliar-servicio-cliente"));

    // Funciones: the 8 functions of the catalog, then the gone one, flagged.
    app.press(KeyCode::Enter);
    let rows = app.ws().detail_rows(&app.model.catalog);
    assert_eq!(rows.len(), 9);
    assert!(rows[8].gone && rows[8].id == "asc-99");
    assert!(!rows[0].gone);
    app.char('g');
    // After its last program (the gap is a list now: End scrolls to its end).
    app.press(KeyCode::End);
    let gap = app.screen_text();
    assert!(gap.contains("Atender por chat") && gap.contains("Liderazgo"), "{gap}");
    app.press(KeyCode::Esc);
    app.press(KeyCode::End);
    assert!(app.screen_text().contains("ya no está en el catálogo"), "{}", app.screen_text());
    // It is kept until the person says otherwise: Space takes ● to none, and then the row goes.
    app.char(' ');
    assert_eq!(app.ws().session.mark_of(MarkKind::Function, "asc-99"), None);
    assert_eq!(app.ws().detail_rows(&app.model.catalog).len(), 8);
    assert_eq!(app.ws().function, 7, "the selection stays on the list");

    // Competencias: the gone competency after the seven of the catalog.
    app.press(KeyCode::Right);
    let rows = app.ws().detail_rows(&app.model.catalog);
    assert_eq!(rows.last().map(|r| (r.id.as_str(), r.gone)), Some(("liderazgo", true)));

    // The gap lists every gone mark too.
    app.char('g');
    app.press(KeyCode::End);
    let screen = app.screen_text();
    assert!(screen.contains("Liderazgo"), "{screen}");
    app.press(KeyCode::Esc);

    app.send(Msg::Shutdown);
    let saved = SessionStore::open(dir.path()).unwrap().load(&id).unwrap();
    assert_eq!(saved.mark_of(MarkKind::Competency, "liderazgo"), Some(MarkLevel::Has));
    assert_eq!(saved.mark_of(MarkKind::Function, "asc-99"), None);
    assert_eq!(saved.mark_of(MarkKind::Function, "asc-01"), Some(MarkLevel::Has));
}
