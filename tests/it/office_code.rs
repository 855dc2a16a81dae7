//! Kiosk to desk on the office's server: a kiosk (its own role, which may only insert) sends a consented
//! visit; a counselor at another desk finds it by the code the visitor was given, with `/` on the start
//! screen and with `rumbo sessions show CODE`. A visit without consent is not stored, and the desk is told
//! so; another office does not find it.
#![allow(clippy::unwrap_used)]

use crate::common::{rumbo, stderr, stdout};
use crate::office_app::{at_desk, kiosk};
use crate::office_support::{desk, home};
use crate::pg_support;
use crossterm::event::KeyCode;
use rumbo::app::{Notice, Screen};
use rumbo::office::migrate;
use rumbo::session::desk_code;

#[test]
fn office_code_a_kiosk_visit_opens_at_another_desk_by_its_code() {
    let Some(db) = pg_support::test_db() else { return };
    migrate::migrate(&mut db.admin()).unwrap();
    // Desk B is on its start screen before the visit arrives: the code is looked up on the server.
    let dir = tempfile::tempdir().unwrap();
    let mut b = at_desk(dir.path(), desk(&db, "bea", "kennedy-1", "ESCRITORIO-2"));
    let kiosk_dir = tempfile::tempdir().unwrap();
    let mut v = kiosk(&db, kiosk_dir.path(), "kiosco");
    v.begin("Ana", true);
    v.by_title("vendedor");
    v.char('s');
    let code = desk_code(&v.ws().session);
    let id = v.ws().session.id.clone();
    v.char('t');
    v.char('s');
    v.press(KeyCode::Enter);
    // A visitor without consent gets a code too, for the printed summary; nothing reaches the server.
    v.begin("Jorge", false);
    v.by_title("vendedor");
    v.char('s');
    let unstored = desk_code(&v.ws().session);
    v.char('t');
    v.char('s');

    assert!(b.model.sessions.rows.is_empty(), "desk B's list was read before the visit");
    b.char('/');
    b.type_text(&format!("{}-{}", code[..3].to_lowercase(), &code[3..]));
    b.press(KeyCode::Enter);
    assert_eq!(b.ws().session.id, id, "the kiosk's visit opened at desk B by its code");
    assert_eq!(b.ws().session.alias, "Ana");
    assert!(!b.ws().is_read_only());
    b.char('q');

    b.char('/');
    b.type_text(&unstored);
    b.press(KeyCode::Enter);
    assert!(matches!(b.model.screen, Screen::Sessions));
    assert_eq!(b.model.sessions.notice, Some(Notice::CodeNone), "told the visit was not stored");

    // The command line, at a third desk of the office; and at another office, which does not have it.
    let c = home(&db, "kennedy-1", "ESCRITORIO-3");
    let out = rumbo(c.path(), &["sessions", "show", &code]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains(&id) && stdout(&out).contains("Ana"), "{}", stdout(&out));
    let out = rumbo(c.path(), &["sessions", "show", &unstored.to_lowercase()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("Ningún visitante con ese código en esta oficina"), "{}", stderr(&out));
    let elsewhere = home(&db, "suba-2", "ESCRITORIO-1");
    let out = rumbo(elsewhere.path(), &["sessions", "show", &code]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
}
