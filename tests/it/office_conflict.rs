//! "If the session changed on the server meanwhile, both versions are kept (the other as a copy, named
//! so) and the counselor is told" (issue 15): desk A holds edits the server lacks (its lock connection was
//! cut, so they stayed on A), desk B then changes the same session on the server; when A opens it again,
//! the row (B's) stays the session and A's version becomes a new session "… (copia de ESCRITORIO-A, …)",
//! on A and on the server. Nothing either desk wrote is lost.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::keyflow_support::App;
use crate::office_support::{at_desk, counselor, migrated};
use crate::pg_support::TestDb;
use crossterm::event::KeyCode;
use rumbo::app::{Msg, Screen};

/// Every row of the office: (alias, body).
pub fn rows(db: &TestDb) -> Vec<(String, String)> {
    let rows = db.admin().query("SELECT id, body FROM rumbo.sessions ORDER BY created_at", &[]).unwrap();
    rows.iter()
        .map(|r| {
            let body: String = r.get(1);
            let alias = body.split("alias: \"").nth(1).and_then(|s| s.split('"').next()).unwrap().to_string();
            (alias, body)
        })
        .collect()
}

/// Adds `text` to the open session's notes and saves at once.
pub fn write_note(app: &mut App, text: &str) {
    app.char('n');
    app.type_text(text);
    app.press(KeyCode::Esc);
    assert!(app.ws().session.notes.contains(text), "the note was written: {:?}", app.ws().session.notes);
    app.send(Msg::SaveDue);
}

fn cut_lock_connections(db: &TestDb) {
    db.admin()
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE application_name = 'rumbo locks' AND datname = current_database()",
            &[],
        )
        .unwrap();
}

#[test]
fn office_conflict_edits_made_at_two_desks_meanwhile_are_both_kept_and_the_counselor_is_told() {
    let Some(db) = migrated() else { return };
    let (dir_a, dir_b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (url_a, url_b) = (counselor(&db, "ana"), counselor(&db, "beto"));
    let mut a = at_desk(dir_a.path(), &url_a, "ESCRITORIO-A");
    a.new_session("Marta", None, true);
    let id = a.ws().session.id.clone();
    // A is cut off from the lock: what it writes next stays on A.
    cut_lock_connections(&db);
    write_note(&mut a, "palabras de Ana");
    assert!(a.ws().is_read_only(), "A stopped sending");
    a.char('q');
    drop(a);
    assert!(!rows(&db)[0].1.contains("palabras de Ana"), "A's words are not on the server");

    // B, meanwhile, changes the same session on the server.
    let mut b = at_desk(dir_b.path(), &url_b, "ESCRITORIO-B");
    b.press(KeyCode::Enter);
    assert_eq!(b.ws().session.id, id);
    assert!(!b.ws().is_read_only());
    write_note(&mut b, "palabras de Beto");
    b.char('q');
    drop(b);

    // A starts again: its closed session's copy goes to the server at once (not only when opened), and
    // since B changed the row meanwhile, both versions are kept and A is told on the start screen.
    let mut a = at_desk(dir_a.path(), &url_a, "ESCRITORIO-A");
    let alias = a.model.sessions.rows.iter().find(|r| r.id != id).map(|r| r.alias.clone()).unwrap();
    assert!(alias.starts_with("Marta (copia de ESCRITORIO-A, "), "{alias}");
    let told = a.screen_text().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(told.contains(&format!("se guardan las dos: {alias}.")), "{told}");
    // Opened, the session is the server's (B's words).
    a.model.sessions.selected =
        a.model.sessions.visible().iter().position(|&i| a.model.sessions.rows[i].id == id).unwrap();
    a.press(KeyCode::Enter);
    assert_eq!(a.ws().session.id, id, "the session is the server's");
    assert!(a.ws().session.notes.contains("palabras de Beto"), "{:?}", a.ws().session.notes);
    assert!(!a.ws().session.notes.contains("palabras de Ana"));

    let rows = rows(&db);
    assert_eq!(rows.len(), 2, "the session and the copy are both on the server");
    assert!(rows[0].1.contains("palabras de Beto") && !rows[0].1.contains("palabras de Ana"));
    assert_eq!(rows[1].0, alias);
    assert!(rows[1].1.contains("palabras de Ana"), "A's words are in the copy");

    // The copy is a session of its own on the start screen.
    a.char('q');
    assert!(matches!(a.model.screen, Screen::Sessions));
    assert!(a.screen_text().contains("Marta (copia de ESCR"), "{}", a.screen_text());
}

#[test]
fn office_conflict_a_copy_sent_without_a_change_elsewhere_is_not_duplicated() {
    let Some(db) = migrated() else { return };
    let dir_a = tempfile::tempdir().unwrap();
    let url_a = counselor(&db, "ana");
    let mut a = at_desk(dir_a.path(), &url_a, "ESCRITORIO-A");
    a.new_session("Marta", None, true);
    cut_lock_connections(&db);
    write_note(&mut a, "palabras de Ana");
    a.char('q');
    drop(a);
    // Nobody else wrote it: A's copy is simply the newer version, sent with the next save.
    let mut a = at_desk(dir_a.path(), &url_a, "ESCRITORIO-A");
    a.press(KeyCode::Enter);
    assert!(a.ws().session.notes.contains("palabras de Ana"));
    assert_eq!(a.ws().office_note, None);
    write_note(&mut a, " y más");
    let rows = rows(&db);
    assert_eq!(rows.len(), 1, "no copy");
    assert!(rows[0].1.contains("palabras de Ana y más"), "{}", rows[0].1);
}
