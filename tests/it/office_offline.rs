//! "Nothing lost when the server goes away" (issue 15): the office's server is stopped mid-session (a
//! server of the test's own, pg_restart.rs); the desk keeps working on its journal and file, the header
//! says "sin conexión — guardado en este equipo" and that other desks may edit meanwhile; the server
//! started again, the desk reconnects by itself (its retry timer, as the main loop runs it) and every
//! word written meanwhile reaches the row. A desk that starts with the server down lists the sessions
//! cached on it, labelled, and works the same way.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::keyflow_support::{App, new_model};
use crate::office_conflict::write_note;
use crate::pg_restart::{OwnServer, own_server};
use crate::pg_support::TestDb;
use crossterm::event::KeyCode;
use rumbo::app::{OfficeNote, Screen};
use rumbo::office::lock::DeskLocks;
use rumbo::office::pgpass::Sources;
use rumbo::office::store::OfficeStore;
use rumbo::office::{ConnInfo, DbUrl, connect, migrate};
use rumbo::runtime::{Reach, Runner};
use std::path::Path;
use std::time::{Duration, Instant};

/// A counselor of kennedy-1 over the server's socket (trusted there: no password to hand around).
pub fn counselor_url(db: &TestDb) -> String {
    let role = format!("{}_ana", db.name);
    db.admin().batch_execute(&format!("CREATE ROLE {role} LOGIN IN ROLE rumbo_counselor")).unwrap();
    db.admin().execute("INSERT INTO rumbo.members VALUES ($1, 'kennedy-1')", &[&role]).unwrap();
    let host = db.server.dir.display().to_string().replace('/', "%2F");
    format!("postgresql://{role}@{host}:{}/{}?sslmode=disable", db.server.port, db.name)
}

fn reach(url: &str, desk: &str) -> Reach {
    Reach { url: DbUrl::new(url), office_id: "kennedy-1".into(), desk: desk.into(), locks: true }
}

/// The app at desk A as `rumbo` sets it up: online, or (`online` false) started with the server down.
pub fn desk_a(dir: &Path, url: &str, online: bool) -> App {
    at_desk(dir, url, online, "ESCRITORIO-A")
}

fn at_desk(dir: &Path, url: &str, online: bool, desk: &str) -> App {
    let mut model = new_model();
    let mut runner = Runner::new(dir).unwrap();
    if online {
        let info = ConnInfo::parse(url).unwrap();
        let sources = Sources::default();
        let server = OfficeStore::on(connect(&info, &sources).unwrap(), "kennedy-1", desk).unwrap();
        runner.set_office(server);
        runner.set_office_reach(reach(url, desk));
        runner.set_office_locks(DeskLocks::connect(&info, &sources, "kennedy-1", desk).unwrap());
    } else {
        runner.set_office_offline(reach(url, desk));
    }
    runner.start(&mut model);
    App { model, runner, dir: dir.to_path_buf() }
}

pub fn body(db: &TestDb, id: &str) -> String {
    db.admin().query_one("SELECT body FROM rumbo.sessions WHERE id = $1", &[&id]).unwrap().get(0)
}

/// Runs the desk's reconnect timer as the main loop does, until `done` (or a minute has passed).
pub fn until_reconnected(app: &mut App, mut done: impl FnMut(&mut App) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !done(app) {
        assert!(Instant::now() < deadline, "not reconnected within 60 s");
        if app.runner.office_retry_at().is_some_and(|at| at <= Instant::now()) {
            app.runner.reconnect_now(&mut app.model);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

pub fn migrated_own() -> Option<(OwnServer, TestDb)> {
    let (server, db) = own_server()?;
    migrate::migrate(&mut db.admin()).unwrap();
    Some((server, db))
}

#[test]
fn office_offline_the_server_stopped_mid_session_loses_no_word_and_the_desk_says_so() {
    let Some((server, db)) = migrated_own() else { return };
    let dir = tempfile::tempdir().unwrap();
    let url = counselor_url(&db);
    let mut a = desk_a(dir.path(), &url, true);
    a.new_session("Marta", None, true);
    let id = a.ws().session.id.clone();
    write_note(&mut a, "uno");
    assert!(body(&db, &id).contains("uno"));

    server.stop();
    write_note(&mut a, " dos");
    assert!(!a.ws().is_read_only(), "the desk keeps working");
    assert_eq!(a.ws().office_note, Some(OfficeNote::Offline));
    let header = &a.screen()[0];
    assert!(header.contains("sin conexión — guardado en este equipo"), "{header}");
    write_note(&mut a, " tres");
    let here = std::fs::read_to_string(dir.path().join("sessions").join(format!("{id}.ron"))).unwrap();
    assert!(here.contains("uno dos tres"), "saved on this desk");
    assert!(a.runner.office_retry_at().is_some(), "it will try again by itself");

    server.start();
    until_reconnected(&mut a, |_| body(&db, &id).contains("uno dos tres"));
    assert_eq!(a.ws().office_note, None, "the header no longer says offline");
    assert!(!a.screen()[0].contains("sin conexión"), "{}", a.screen()[0]);
    // Online again, holding the lock: the next words go straight to the row.
    write_note(&mut a, " cuatro");
    assert!(body(&db, &id).contains("uno dos tres cuatro"));
    let holders: i64 =
        db.admin().query_one("SELECT count(*) FROM rumbo.session_holders", &[]).unwrap().get(0);
    assert_eq!(holders, 1, "the lock was taken again");
}

#[test]
fn office_offline_a_desk_started_without_the_server_works_on_its_cached_sessions() {
    let Some((server, db)) = migrated_own() else { return };
    let dir = tempfile::tempdir().unwrap();
    let url = counselor_url(&db);
    let mut a = desk_a(dir.path(), &url, true);
    a.new_session("Marta", None, true);
    let id = a.ws().session.id.clone();
    server.stop();
    write_note(&mut a, "antes de cerrar");
    a.char('q');
    drop(a);

    // rumbo starts again with the server still down: the cached session, labelled.
    let mut a = desk_a(dir.path(), &url, false);
    assert!(matches!(a.model.screen, Screen::Sessions));
    let title = &a.screen()[0];
    assert!(title.contains("sin conexión: sesiones guardadas en este equipo"), "{title}");
    assert!(a.screen_text().contains("Marta"), "{}", a.screen_text());
    a.press(KeyCode::Enter);
    assert_eq!(a.ws().session.id, id);
    assert!(!a.ws().is_read_only());
    assert!(a.screen()[0].contains("sin conexión"), "{}", a.screen()[0]);
    write_note(&mut a, " y después");

    server.start();
    until_reconnected(&mut a, |_| body(&db, &id).contains("antes de cerrar y después"));
    assert_eq!(a.ws().office_note, None);
}

/// The real binary, started with the office's server down: it starts (it used to refuse), says so, and
/// a session made meanwhile reaches the server once it is back — by itself, on its retry timer.
#[test]
fn office_offline_rumbo_starts_without_the_server_and_sends_what_was_made_once_it_is_back() {
    let Some((server, db)) = migrated_own() else { return };
    let Some(env) = crate::office_support::desk_env(&counselor_url(&db), "ESCRITORIO-A") else { return };
    server.stop();
    let rumbo = env.start();
    rumbo.wait_for("sin conexión: sesiones guardadas en este equipo");
    rumbo.new_session("Marta", "Luz");
    rumbo.wait_for("sin conexión — guardado en este equipo");
    server.start();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let n: i64 = db.admin().query_one("SELECT count(*) FROM rumbo.sessions", &[]).unwrap().get(0);
        if n == 1 {
            break;
        }
        assert!(Instant::now() < deadline, "the session did not reach the server within 60 s");
        std::thread::sleep(Duration::from_millis(100));
    }
    rumbo.wait_screen("the header no longer offline", |s| !s.contains("sin conexión"));
}

/// Offline at desk A, the same session changed at desk B once the server is back: when A reconnects,
/// both are kept — B's stays the session, A's becomes a copy, and A's workspace goes on with the copy.
#[test]
fn office_offline_a_session_changed_elsewhere_while_this_desk_was_offline_keeps_both() {
    let Some((server, db)) = migrated_own() else { return };
    let (dir_a, dir_b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let url = counselor_url(&db);
    let mut a = desk_a(dir_a.path(), &url, true);
    a.new_session("Marta", None, true);
    let id = a.ws().session.id.clone();
    server.stop();
    write_note(&mut a, "de Ana");
    assert_eq!(a.ws().office_note, Some(OfficeNote::Offline));
    server.start();
    // B gets there first: the server freed A's lock when it stopped.
    let mut b = at_desk(dir_b.path(), &url, true, "ESCRITORIO-B");
    b.press(KeyCode::Enter);
    assert!(!b.ws().is_read_only());
    write_note(&mut b, "de Beto");
    b.char('q');
    until_reconnected(&mut a, |a| a.ws().office_note != Some(OfficeNote::Offline));
    let Some(OfficeNote::CopyKept { alias }) = a.ws().office_note.clone() else {
        panic!("A is told both are kept: {:?}", a.ws().office_note)
    };
    assert!(alias.starts_with("Marta (copia de ESCRITORIO-A, "), "{alias}");
    assert_ne!(a.ws().session.id, id, "A goes on with its copy");
    assert!(
        body(&db, &id).contains("de Beto") && !body(&db, &id).contains("de Ana"),
        "B's stays the session"
    );
    let copy = a.ws().session.id.clone();
    assert!(body(&db, &copy).contains("de Ana"), "A's words are in the copy");
    // A goes on writing: into the copy, never over B's.
    write_note(&mut a, " y más");
    assert!(body(&db, &copy).contains("de Ana y más"));
    assert!(!body(&db, &id).contains("y más"));
}
