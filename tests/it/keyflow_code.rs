//! Kiosk to desk on this computer's sessions (`store: Local`): `/` on the start screen, a kiosk code typed
//! (any case, spaces and dashes ignored), Enter: one session with that code opens — even one saved after
//! the list was read —; several are listed alone to choose from; none is said plainly.
#![allow(clippy::unwrap_used)]

use crate::keyflow_support::App;
use crossterm::event::KeyCode;
use rumbo::app::{Notice, Screen};
use rumbo::catalog::CatalogSet;
use rumbo::session::{Session, SessionStore};
use std::path::Path;

fn saved(dir: &Path, id: &str, alias: &str) {
    let mut s = Session::new(alias, "Luz", jiff::Timestamp::now(), &CatalogSet::new(Vec::new())).unwrap();
    s.id = id.to_string();
    SessionStore::open(dir).unwrap().save(&s).unwrap();
}

/// `/`, the text, Enter.
fn find(app: &mut App, typed: &str) {
    app.char('/');
    app.type_text(typed);
    app.press(KeyCode::Enter);
}

#[test]
fn keyflow_code_one_match_opens_that_visit_even_one_saved_after_the_list_was_read() {
    let dir = tempfile::tempdir().unwrap();
    saved(dir.path(), "bbbbbbcccccc", "Pedro");
    let mut app = App::start(dir.path());
    saved(dir.path(), "k7m2qxaaaaaa", "Marta");
    assert!(!app.model.sessions.rows.iter().any(|r| r.id == "k7m2qxaaaaaa"), "not in the list read at start");
    find(&mut app, "k7m-2qx");
    assert_eq!(app.ws().session.id, "k7m2qxaaaaaa", "Enter opened the visit with that code");
    assert_eq!(app.ws().session.alias, "Marta");
    assert!(!app.ws().is_read_only());

    // Back on the start screen the code is not left as a filter; spaces and capitals work as well.
    app.char('q');
    assert!(matches!(app.model.screen, Screen::Sessions));
    assert!(app.model.sessions.filter.is_empty());
    find(&mut app, " K7M 2QX");
    assert_eq!(app.ws().session.alias, "Marta");
}

#[test]
fn keyflow_code_several_matches_are_listed_alone_to_choose_from() {
    let dir = tempfile::tempdir().unwrap();
    saved(dir.path(), "k7m2qxaaaaaa", "Marta");
    saved(dir.path(), "k7m2qxzzzzzz", "Mara");
    saved(dir.path(), "bbbbbbcccccc", "Pedro");
    let mut app = App::start(dir.path());
    find(&mut app, "K7M2QX");
    assert!(matches!(app.model.screen, Screen::Sessions), "nothing opened yet: a choice first");
    assert_eq!(app.model.sessions.notice, Some(Notice::CodeSeveral("K7M2QX".into())));
    let list = &app.model.sessions;
    let mut shown: Vec<&str> = list.visible().iter().map(|&i| list.rows[i].alias.as_str()).collect();
    shown.sort_unstable();
    assert_eq!(shown, ["Mara", "Marta"], "only the sessions with that code");
    let text = app.screen_text();
    assert!(text.contains("Varias sesiones tienen el código K7M2QX"), "{text}");
    assert!(!text.contains("Pedro"), "{text}");

    app.press(KeyCode::Down);
    let list = &app.model.sessions;
    let chosen = list.rows[list.visible()[1]].id.clone();
    app.press(KeyCode::Enter);
    assert_eq!(app.ws().session.id, chosen, "Enter opens the one chosen");
}

#[test]
fn keyflow_code_none_says_the_visit_may_not_have_been_stored_and_an_alias_stays_a_filter() {
    let dir = tempfile::tempdir().unwrap();
    saved(dir.path(), "bbbbbbcccccc", "Marisa");
    let mut app = App::start(dir.path());
    find(&mut app, "ZZ-ZZ-22");
    assert!(matches!(app.model.screen, Screen::Sessions));
    assert_eq!(app.model.sessions.notice, Some(Notice::CodeNone));
    let text = app.screen_text().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Ningún visitante con ese código en esta oficina"), "{text}");

    // Six letters that are an alias, not a code: the filter works as it always has, and nothing is said.
    app.press(KeyCode::Esc);
    find(&mut app, "marisa");
    assert!(matches!(app.model.screen, Screen::Sessions));
    assert_eq!(app.model.sessions.notice, None);
    assert_eq!(app.model.sessions.filter, "marisa");
    assert_eq!(app.model.sessions.visible().len(), 1);
}
