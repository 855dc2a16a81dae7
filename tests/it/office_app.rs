//! The app on the office's server (`store: Postgres`), driven like the keyflow tests: a session made at
//! desk A is on the start screen of desk B, opens there and B's change reaches A; deleting it removes the
//! row; a kiosk's Terminar and idle timeout send a consented visit, and a visit without consent is not
//! stored.
#![allow(clippy::unwrap_used)]

use crate::keyflow_support::{App, new_model};
use crate::kiosk_visit_support::Visitor;
use crate::office_support::{desk, login};
use crate::pg_support::{self, TestDb};
use crossterm::event::KeyCode;
use rumbo::app::{Msg, Screen};
use rumbo::office::migrate;
use rumbo::office::store::OfficeStore;
use rumbo::runtime::Runner;
use rumbo::session::{MarkKind, MarkLevel};
use std::path::Path;

pub fn at_desk(dir: &Path, server: OfficeStore) -> App {
    let mut model = new_model();
    let mut runner = Runner::new(dir).unwrap();
    runner.set_office(server);
    runner.start(&mut model);
    App { model, runner, dir: dir.to_path_buf() }
}

fn row(db: &TestDb, id: &str) -> Option<(String, String)> {
    let row = db.admin().query_opt("SELECT desk, body FROM rumbo.sessions WHERE id = $1", &[&id]).unwrap();
    row.map(|r| (r.get(0), r.get(1)))
}

fn local_file(dir: &Path, id: &str) -> std::path::PathBuf {
    dir.join("sessions").join(format!("{id}.ron"))
}

#[test]
fn office_app_a_session_made_at_desk_a_opens_at_desk_b_and_bs_change_reaches_a() {
    let Some(db) = pg_support::test_db() else { return };
    migrate::migrate(&mut db.admin()).unwrap();
    let (dir_a, dir_b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut a = at_desk(dir_a.path(), desk(&db, "ana", "kennedy-1", "ESCRITORIO-1"));
    a.new_session("Marta", Some("Luz"), true);
    let id = a.ws().session.id.clone();
    assert_eq!(row(&db, &id).unwrap().0, "ESCRITORIO-1", "created: saved here, then on the server");
    a.char('q');
    assert!(matches!(a.model.screen, Screen::Sessions));
    assert!(!local_file(dir_a.path(), &id).exists(), "closed with everything sent: no copy left at desk A");

    let mut b = at_desk(dir_b.path(), desk(&db, "bea", "kennedy-1", "ESCRITORIO-2"));
    let listed: Vec<&str> = b.model.sessions.rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(listed, [id.as_str()], "desk B's start screen lists it");
    b.press(KeyCode::Enter);
    assert_eq!(b.ws().session.alias, "Marta");
    assert!(!b.ws().is_read_only(), "opened for writing at desk B");
    // B marks a function; the save goes to B's journal and file, then to the server.
    b.press(KeyCode::Enter);
    let set = b.model.catalog.clone();
    let function = set.occupation(&b.occupation().unwrap()).unwrap().functions[0].id.clone();
    b.press(KeyCode::Enter);
    b.press(KeyCode::Home);
    b.char(' ');
    b.send(Msg::SaveDue);
    let (by, body) = row(&db, &id).unwrap();
    assert_eq!(by, "ESCRITORIO-2");
    assert!(body.contains(&function), "{body}");
    b.char('q');
    assert!(!local_file(dir_b.path(), &id).exists());

    // Back at desk A: the list and the session are B's.
    a.send(Msg::Key(crossterm::event::KeyEvent::from(KeyCode::Enter)));
    assert_eq!(a.ws().session.mark_of(MarkKind::Function, &function), Some(MarkLevel::InDevelopment));
}

#[test]
fn office_app_deleting_a_session_removes_its_row() {
    let Some(db) = pg_support::test_db() else { return };
    migrate::migrate(&mut db.admin()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut other = desk(&db, "bea", "kennedy-1", "ESCRITORIO-2");
    let mut kept = rumbo::session::Session::new(
        "Pedro",
        "",
        jiff::Timestamp::now(),
        &rumbo::catalog::CatalogSet::new(vec![]),
    )
    .unwrap();
    kept.updated -= jiff::SignedDuration::from_hours(1);
    other.save(&kept).unwrap();
    let mut a = at_desk(dir.path(), desk(&db, "ana", "kennedy-1", "ESCRITORIO-1"));
    a.new_session("Marta", None, true);
    let id = a.ws().session.id.clone();
    a.char('q');
    assert_eq!(a.model.sessions.rows[0].id, id, "the newest first");
    a.send(Msg::Key(crossterm::event::KeyEvent::from(KeyCode::Delete)));
    a.char('s');
    assert!(row(&db, &id).is_none(), "the row is gone");
    assert!(row(&db, &kept.id).is_some(), "only that one");
    let listed: Vec<&str> = a.model.sessions.rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(listed, [kept.id.as_str()]);
}

pub fn kiosk(db: &TestDb, dir: &Path, role: &str) -> Visitor {
    let mut v = Visitor::start(dir);
    let server = OfficeStore::on(login(db, role, "rumbo_kiosk", "kennedy-1"), "kennedy-1", "KIOSCO-1");
    v.runner.set_office(server.unwrap());
    v
}

#[test]
fn office_app_the_kiosks_terminar_and_idle_timeout_send_a_consented_visit_only() {
    let Some(db) = pg_support::test_db() else { return };
    migrate::migrate(&mut db.admin()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut v = kiosk(&db, dir.path(), "kiosco");
    v.begin("Ana", true);
    v.by_title("vendedor");
    v.char('s');
    let id = v.ws().session.id.clone();
    assert!(row(&db, &id).is_none(), "nothing sent during the visit (a kiosk may only insert, once)");
    v.char('t');
    v.char('s');
    assert!(matches!(&v.model.screen, Screen::KioskDone(Some(Ok(c))) if *c == desk_code_of(&id)));
    let (by, body) = row(&db, &id).unwrap();
    assert_eq!(by, "KIOSCO-1");
    assert!(body.contains("exports"), "sent with its summary recorded: {body}");
    let code: String =
        db.admin().query_one("SELECT code FROM rumbo.sessions WHERE id = $1", &[&id]).unwrap().get(0);
    assert_eq!(code, desk_code_of(&id));

    // The idle timeout sends the visit too.
    v.press(KeyCode::Enter);
    let mut v = kiosk(&db, dir.path(), "kiosco2");
    v.begin("Bea", true);
    v.by_title("vendedor");
    v.char('s');
    let walked = v.ws().session.id.clone();
    v.walk_away();
    assert!(matches!(v.model.screen, Screen::Welcome));
    assert_eq!(row(&db, &walked).unwrap().0, "KIOSCO-1");

    // Without consent: not stored, and the visitor (and the desk, by the summary) is told.
    v.begin("Jorge", false);
    v.by_title("vendedor");
    v.char('s');
    let unsaved = v.ws().session.id.clone();
    v.char('t');
    v.char('s');
    assert!(row(&db, &unsaved).is_none());
    let count: i64 = db.admin().query_one("SELECT count(*) FROM rumbo.sessions", &[]).unwrap().get(0);
    assert_eq!(count, 2);
}

fn desk_code_of(id: &str) -> String {
    id.chars().take(6).collect::<String>().to_uppercase()
}

#[test]
fn office_app_refuses_to_start_when_the_office_has_no_schema() {
    let Some(db) = pg_support::test_db() else { return };
    let home = crate::office_support::home(&db, "kennedy-1", "ESCRITORIO-1");
    let out = crate::common::rumbo(home.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = crate::common::stderr(&out);
    assert!(err.contains("servidor de la oficina") && err.contains("office init"), "{err}");
    assert!(!home.path().join("data/sessions").exists(), "nothing kept on this computer");
}
