//! `rumbo sessions import FILE` with `store: Postgres` (issue 15): into the office's server, validated as
//! on this computer, read back; `rumbo office import`'s rules for an id the server has (identical: nothing
//! to do; other content: a clash, reported, not overwritten); a session deleted in the office comes in
//! under a new id. Nothing is kept on this computer, and the file is left as it was.
#![allow(clippy::unwrap_used)]

use crate::common::{rumbo, stderr, stdout};
use crate::office_cli_offline::session;
use crate::office_support::{home, migrated};
use rumbo::office::store::OfficeStore;
use rumbo::session::{Session, to_text};

fn body(db: &crate::pg_support::TestDb, id: &str) -> Option<String> {
    let row = db.admin().query_opt("SELECT body FROM rumbo.sessions WHERE id = $1", &[&id]).unwrap();
    row.map(|r| r.get(0))
}

fn import(home: &std::path::Path, session: &Session) -> std::process::Output {
    let file = home.join("sesion.ron");
    std::fs::write(&file, to_text(session).unwrap()).unwrap();
    rumbo(home, &["sessions", "import", &file.display().to_string()])
}

#[test]
fn office_cli_sessions_import_writes_the_row_and_reports_a_clash_without_overwriting() {
    let Some(db) = migrated() else { return };
    let b = home(&db, "kennedy-1", "ESCRITORIO-B");
    let marta = session("Marta");
    let out = import(b.path(), &marta);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains(&format!("importada: {} (Marta)", marta.id)), "{}", stdout(&out));
    assert_eq!(body(&db, &marta.id), Some(to_text(&marta).unwrap()), "the row is the file's session");
    let here = b.path().join("data/sessions");
    assert!(!here.exists() || here.read_dir().unwrap().next().is_none(), "nothing kept on this computer");

    let out = import(b.path(), &marta);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("ya estaba, idéntica"), "{}", stdout(&out));

    let mut other = marta.clone();
    other.alias = "Otra".into();
    let out = import(b.path(), &other);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("otro contenido") && stderr(&out).contains(&marta.id), "{}", stderr(&out));
    assert_eq!(body(&db, &marta.id), Some(to_text(&marta).unwrap()), "not overwritten");
    let rows: i64 = db.admin().query_one("SELECT count(*) FROM rumbo.sessions", &[]).unwrap().get(0);
    assert_eq!(rows, 1);
}

#[test]
fn office_cli_sessions_import_refuses_a_bad_file_and_renews_a_deleted_id() {
    let Some(db) = migrated() else { return };
    let b = home(&db, "kennedy-1", "ESCRITORIO-B");
    let file = b.path().join("rota.ron");
    std::fs::write(&file, "Session(\n  id: \"abc\",\n  alias: ,\n)\n").unwrap();
    let out = rumbo(b.path(), &["sessions", "import", &file.display().to_string()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("rota.ron:3:"), "FILE:LINE:COL: {}", stderr(&out));

    // Deleted at another desk: never written back under its id; it comes in as a new session.
    let pedro = session("Pedro");
    let mut a = OfficeStore::on(db.admin(), "kennedy-1", "ESCRITORIO-A").unwrap();
    a.save(&pedro).unwrap();
    a.delete_marked(&pedro.id).unwrap();
    let out = import(b.path(), &pedro);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("se borró en la oficina"), "{}", stdout(&out));
    assert_eq!(body(&db, &pedro.id), None);
    let ids: Vec<String> =
        db.admin().query("SELECT id FROM rumbo.sessions", &[]).unwrap().iter().map(|r| r.get(0)).collect();
    assert_eq!(ids.len(), 1);
    assert!(body(&db, &ids[0]).unwrap().contains("Pedro"));
}
