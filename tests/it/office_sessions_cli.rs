//! `rumbo sessions list/show/delete/purge/due` and `rumbo export` on the office's server: what one desk
//! saved, another desk of the same office lists, shows, exports and deletes; other offices' sessions are
//! not there; retention runs on the server.
#![allow(clippy::unwrap_used)]

use crate::common::{rumbo, stderr, stdout};
use crate::office_support::home;
use crate::pg_support::{self, TestDb};
use rumbo::catalog::CatalogSet;
use rumbo::office::migrate;
use rumbo::office::store::OfficeStore;
use rumbo::session::Session;

/// A session saved by the desk `desk` of `office` (as the superuser over the socket).
fn saved_at(db: &TestDb, office: &str, desk: &str, alias: &str) -> Session {
    let mut s = Session::new(alias, "Luz", jiff::Timestamp::now(), &CatalogSet::new(Vec::new())).unwrap();
    s.follow_up = Some(jiff::Zoned::now().date().yesterday().unwrap());
    OfficeStore::on(db.admin(), office, desk).unwrap().save(&s).unwrap();
    s
}

fn rows(db: &TestDb) -> Vec<String> {
    let rows = db.admin().query("SELECT id FROM rumbo.sessions ORDER BY id", &[]).unwrap();
    rows.iter().map(|r| r.get(0)).collect()
}

#[test]
fn office_sessions_saved_at_one_desk_are_listed_shown_exported_and_deleted_at_another() {
    let Some(db) = pg_support::test_db() else { return };
    migrate::migrate(&mut db.admin()).unwrap();
    let marta = saved_at(&db, "kennedy-1", "ESCRITORIO-1", "Marta");
    let pedro = saved_at(&db, "suba-2", "ESCRITORIO-9", "Pedro");
    let b = home(&db, "kennedy-1", "ESCRITORIO-2");

    let out = rumbo(b.path(), &["sessions", "list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains(&marta.id) && stdout(&out).contains("Marta"), "{}", stdout(&out));
    assert!(!stdout(&out).contains(&pedro.id), "another office's session: {}", stdout(&out));
    assert!(!b.path().join("data/sessions").read_dir().unwrap().any(|e| e.is_ok()), "listing caches nothing");

    let out = rumbo(b.path(), &["sessions", "show", &marta.id[..8]]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Marta"), "{}", stdout(&out));
    let out = rumbo(b.path(), &["sessions", "show", &pedro.id]);
    assert_eq!(out.status.code(), Some(1), "another office's session is unknown here");

    let out = rumbo(b.path(), &["sessions", "due"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Marta") && !stdout(&out).contains("Pedro"), "{}", stdout(&out));

    // An export to a file is recorded in the row, so that deleting the session anywhere knows of it.
    let file = b.path().join("marta.md");
    let out = rumbo(b.path(), &["export", &marta.id, "-o", &file.display().to_string()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let body: String =
        db.admin().query_one("SELECT body FROM rumbo.sessions WHERE id = $1", &[&marta.id]).unwrap().get(0);
    assert!(body.contains("marta.md"), "{body}");
    let left: Vec<_> = b.path().join("data/sessions").read_dir().unwrap().collect();
    assert!(left.is_empty(), "no copy of the session (nor its lock) left on this computer: {left:?}");

    let out = rumbo(b.path(), &["sessions", "delete", &marta.id, "--yes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(rows(&db), [pedro.id.as_str()], "the row is gone, the other office's stays");
    assert!(!file.exists(), "the export recorded in the row is removed with it");
    assert!(!b.path().join(format!("data/sessions/{}.ron", marta.id)).exists());
    let out = rumbo(b.path(), &["sessions", "list"]);
    assert!(!stdout(&out).contains(&marta.id), "{}", stdout(&out));
}

#[test]
fn office_sessions_purge_removes_this_offices_old_rows_once() {
    let Some(db) = pg_support::test_db() else { return };
    migrate::migrate(&mut db.admin()).unwrap();
    let old = saved_at(&db, "kennedy-1", "ESCRITORIO-1", "Vieja");
    let recent = saved_at(&db, "kennedy-1", "ESCRITORIO-1", "Reciente");
    let theirs = saved_at(&db, "suba-2", "ESCRITORIO-9", "Otra");
    let aged = "UPDATE rumbo.sessions SET updated_at = now() - interval '40 days' WHERE id <> $1";
    db.admin().execute(aged, &[&recent.id]).unwrap();
    let b = home(&db, "kennedy-1", "ESCRITORIO-2");
    let out = rumbo(b.path(), &["sessions", "purge", "--older-than", "30"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("antigüedad: 1;"), "{}", stdout(&out));
    let mut left = vec![recent.id.clone(), theirs.id.clone()];
    left.sort();
    assert_eq!(rows(&db), left);
    assert!(!rows(&db).contains(&old.id));
    let out = rumbo(b.path(), &["sessions", "purge", "--older-than", "30"]);
    assert!(stdout(&out).contains("antigüedad: 0;"), "idempotent: {}", stdout(&out));
}

#[test]
fn office_sessions_commands_say_when_the_server_cannot_be_reached() {
    let Some(db) = pg_support::test_db() else { return };
    // No schema yet: the desk is told to run office init, and nothing is written on this computer.
    let b = home(&db, "kennedy-1", "ESCRITORIO-2");
    let out = rumbo(b.path(), &["sessions", "list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("servidor de la oficina") && stderr(&out).contains("office init"),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains(&db.name), "the URL is not shown: {}", stderr(&out));
}
