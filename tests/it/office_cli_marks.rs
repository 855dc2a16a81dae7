//! Deletion marks from the command line (issue 15): a command that connects to the office's server first
//! removes this desk's copies (file, journal, recorded exports) of the sessions deleted at another desk, as
//! the app does when it connects, and says on stderr what it removed; `rumbo office import` does not bring
//! such a copy back to the server.
#![allow(clippy::unwrap_used)]

use crate::common::{rumbo, stderr, stdout};
use crate::office_cli_offline::session;
use crate::office_support::{home, migrated};
use rumbo::office::store::OfficeStore;
use rumbo::session::{ExportRecord, SessionStore};

/// A session on the server that desk B (`dir`) has a copy of, with an export recorded in the copy;
/// then deleted at desk A. Its id and the exported file.
fn deleted_elsewhere(db: &crate::pg_support::TestDb, data: &std::path::Path) -> (String, std::path::PathBuf) {
    let mut a = OfficeStore::on(db.admin(), "kennedy-1", "ESCRITORIO-A").unwrap();
    let marta = session("Marta");
    a.save(&marta).unwrap();
    let file = data.join("marta.md");
    std::fs::create_dir_all(data).unwrap();
    std::fs::write(&file, "# Marta\n").unwrap();
    let mut copy = marta.clone();
    copy.record_export(ExportRecord::of(&file, b"# Marta\n"));
    SessionStore::open(data).unwrap().save(&copy).unwrap();
    assert!(a.delete_marked(&marta.id).unwrap());
    (marta.id, file)
}

#[test]
fn office_cli_a_command_applies_the_deletion_marks_to_this_desk_and_says_what_went() {
    let Some(db) = migrated() else { return };
    let b = home(&db, "kennedy-1", "ESCRITORIO-B");
    let data = b.path().join("data");
    let (id, file) = deleted_elsewhere(&db, &data);
    let kept = session("Pedro");
    SessionStore::open(&data).unwrap().save(&kept).unwrap();

    let out = rumbo(b.path(), &["sessions", "list"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("Borradas de este equipo 1 sesiones eliminadas en otro puesto (y 1 archivos"),
        "{err}"
    );
    assert!(err.contains("marta.md"), "each file removed is named: {err}");
    assert!(!stdout(&out).contains(&id), "{}", stdout(&out));
    assert!(stdout(&out).contains("Pedro"), "{}", stdout(&out));
    let local = SessionStore::open(&data).unwrap();
    assert!(!local.path_of(&id).unwrap().exists() && !file.exists());
    assert!(local.path_of(&kept.id).unwrap().exists(), "only the marked one");
    // Applied once: the next command has nothing to say.
    let out = rumbo(b.path(), &["sessions", "list"]);
    assert!(!stderr(&out).contains("Borradas"), "{}", stderr(&out));
}

#[test]
fn office_cli_office_import_does_not_bring_back_a_session_deleted_elsewhere() {
    let Some(db) = migrated() else { return };
    let b = home(&db, "kennedy-1", "ESCRITORIO-B");
    let data = b.path().join("data");
    let (id, file) = deleted_elsewhere(&db, &data);
    let out = rumbo(b.path(), &["office", "import"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("Borradas de este equipo 1 sesiones"), "{}", stderr(&out));
    assert!(stdout(&out).contains("sesiones copiadas al servidor: 0"), "{}", stdout(&out));
    let rows: i64 = db.admin().query_one("SELECT count(*) FROM rumbo.sessions", &[]).unwrap().get(0);
    assert_eq!(rows, 0, "the deleted session stays deleted");
    assert!(!file.exists() && !SessionStore::open(&data).unwrap().path_of(&id).unwrap().exists());
}
