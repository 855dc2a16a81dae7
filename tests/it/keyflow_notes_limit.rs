//! Keyflow tests of the note limit: 64,000 characters (Unicode scalar values) per note. A paste keeps
//! what fits and says how much was left out; a full note does not grow by typing; an older, longer
//! note loads whole and can only shrink; a full note is saved quickly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::keyflow_support::{App, catalog};
use crossterm::event::KeyCode;
use rumbo::app::{Msg, Overlay, Persistence};
use rumbo::session::{NOTE_MAX_CHARS, Session, SessionStore};
use std::time::{Duration, Instant};

/// Text of `n` characters, several of them more than one byte, in lines.
fn text(n: usize) -> String {
    "ñandú 🦆 palabras\n".chars().cycle().take(n).collect()
}

fn notes_open(dir: &std::path::Path) -> App {
    let mut app = App::start(dir);
    app.new_session("Ana", None, true);
    app.char('n');
    app
}

fn notice(app: &App) -> Option<String> {
    match &app.ws().overlay {
        Some(Overlay::Notes(notes)) => {
            notes.notice.map(|n| rumbo::ui::failure::notes_notice(n, app.model.lang))
        }
        _ => panic!("the notes are open"),
    }
}

#[test]
fn a_paste_beyond_the_limit_keeps_what_fits_and_says_how_much_was_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = notes_open(dir.path());
    app.type_text("Hola ");
    app.send(Msg::Paste(text(70_000)));
    let notes = &app.ws().session.notes;
    assert_eq!(notes.chars().count(), NOTE_MAX_CHARS);
    assert_eq!(*notes, format!("Hola {}", text(NOTE_MAX_CHARS - 5)));
    let said = notice(&app).expect("the paste says it was cut");
    assert!(said.contains("quedaron fuera 6005 caracteres"), "{said}");
    assert!(app.screen_text().contains("quedaron fuera 6005"), "{}", app.screen_text());
}

#[test]
fn a_full_note_does_not_grow_by_typing_but_shrinks() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = notes_open(dir.path());
    app.send(Msg::Paste(text(NOTE_MAX_CHARS)));
    assert_eq!(notice(&app), None, "it fitted exactly");
    app.send(Msg::SaveDue);
    app.char('x');
    app.press(KeyCode::Enter);
    assert_eq!(app.ws().session.notes, text(NOTE_MAX_CHARS));
    assert_eq!(app.ws().persistence, Persistence::Saved, "nothing changed");
    assert!(notice(&app).unwrap().contains("Nota llena: caben 64000"));
    app.press(KeyCode::Backspace);
    assert_eq!(app.ws().session.notes.chars().count(), NOTE_MAX_CHARS - 1);
    assert_eq!(notice(&app), None);
    app.char('y');
    assert_eq!(app.ws().session.notes.chars().count(), NOTE_MAX_CHARS);
    assert!(app.ws().session.notes.ends_with('y'));
}

#[test]
fn an_older_longer_note_loads_whole_and_only_shrinks() {
    let dir = tempfile::tempdir().unwrap();
    let (set, _) = catalog();
    let mut s = Session::new("Ana", "Luz", "2026-01-10T09:00:00Z".parse().unwrap(), &set).unwrap();
    s.give_consent("2026-01-10T09:00:00Z".parse().unwrap(), "ley-1581-2012/v1");
    let long = text(70_000);
    s.set_notes(&long);
    SessionStore::open(dir.path()).unwrap().save(&s).unwrap();
    let mut app = App::start(dir.path());
    app.press(KeyCode::Enter);
    app.char('n');
    app.type_text("más");
    app.send(Msg::Paste("pegado".into()));
    assert_eq!(app.ws().session.notes, long, "loaded whole, not grown");
    app.press(KeyCode::Backspace);
    assert_eq!(app.ws().session.notes.chars().count(), 69_999);
    app.send(Msg::SaveDue);
    assert_eq!(app.saved().notes.chars().count(), 69_999);
}

#[test]
fn a_full_note_is_saved_well_within_two_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = notes_open(dir.path());
    app.send(Msg::Paste(text(NOTE_MAX_CHARS)));
    let start = Instant::now();
    app.runner.save_now(&mut app.model);
    let took = start.elapsed();
    assert_eq!(app.saved().notes, text(NOTE_MAX_CHARS));
    // The save timer is 0.8 s: the write itself must leave room under the 2 s promised.
    assert!(took < Duration::from_millis(500), "{took:?}");
}
