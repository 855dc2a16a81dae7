//! "Deletion everywhere" (issue 15): deleting a session removes its row and leaves a deletion mark
//! (`rumbo.deleted_sessions`); a desk holding a copy of it (here: edits it could not send) applies the
//! mark when it next connects — its file, journal and base go — and the start screen says what it removed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::office_conflict::write_note;
use crate::office_support::{at_desk, counselor, migrated};
use rumbo::app::{Notice, Screen};
use rumbo::office::sessions;
use rumbo::session::{ExportRecord, SessionStore};

#[test]
fn office_marks_a_session_deleted_at_one_desk_leaves_no_copy_at_another_and_it_is_told() {
    let Some(db) = migrated() else { return };
    let (dir_a, dir_b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (url_a, url_b) = (counselor(&db, "ana"), counselor(&db, "beto"));
    let mut a = at_desk(dir_a.path(), &url_a, "ESCRITORIO-A");
    a.new_session("Marta", None, true);
    let id = a.ws().session.id.clone();
    // A is cut off from its lock: its next words stay on A, as a copy the server lacks.
    db.admin()
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE application_name = 'rumbo locks' AND datname = current_database()",
            &[],
        )
        .unwrap();
    write_note(&mut a, "palabras de Ana");
    a.char('q');
    drop(a);
    let copy = dir_a.path().join("sessions").join(format!("{id}.ron"));
    assert!(copy.exists(), "A keeps its unsent copy");
    // A summary exported at A and recorded in its copy (as `e` records one), for the mark to remove too.
    let exported = dir_a.path().join("Marta.html");
    std::fs::write(&exported, "<p>resumen</p>").unwrap();
    let store_a = SessionStore::open(dir_a.path()).unwrap();
    let mut here = store_a.load(&id).unwrap();
    here.record_export(ExportRecord::of(&exported, b"<p>resumen</p>"));
    store_a.save(&here).unwrap();

    // B deletes the session (as `rumbo sessions delete` and the app's `d` do).
    let mut b = at_desk(dir_b.path(), &url_b, "ESCRITORIO-B");
    b.char('q');
    let mut store_b = crate::office_support::desk(&db, "beto2", "kennedy-1", "ESCRITORIO-B");
    sessions::erase(&SessionStore::open(dir_b.path()).unwrap(), &mut store_b, &id).unwrap();
    let rows: i64 = db.admin().query_one("SELECT count(*) FROM rumbo.sessions", &[]).unwrap().get(0);
    assert_eq!(rows, 0);
    let marks: i64 = db
        .admin()
        .query_one("SELECT count(*) FROM rumbo.deleted_sessions WHERE session_id = $1", &[&id])
        .unwrap()
        .get(0);
    assert_eq!(marks, 1, "the deletion is marked");

    // A connects again: its copy goes, and it says so.
    let a = at_desk(dir_a.path(), &url_a, "ESCRITORIO-A");
    assert!(!copy.exists(), "A's copy of the deleted session is gone");
    assert!(!exported.exists(), "and the summary it recorded");
    let left: Vec<_> = std::fs::read_dir(dir_a.path().join("sessions"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.contains(&id))
        .collect();
    assert!(left.is_empty(), "nothing of it left: {left:?}");
    assert!(matches!(a.model.screen, Screen::Sessions));
    assert_eq!(a.model.sessions.notice, Some(Notice::DeletedElsewhere { sessions: 1, exports: 1 }));
    assert!(
        a.screen_text().contains("1 sesiones eliminadas en otro puesto (y 1 archivos"),
        "{}",
        a.screen_text()
    );
    assert!(!a.screen_text().contains("Marta"), "not listed any more");
}
