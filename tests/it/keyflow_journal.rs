//! Keyflow tests of the journal, through the store seam: edits reach `<id>.journal` well before the full
//! save, a "crash" (the app dropped without saving, or the disk stopped at a point) loses only what was
//! not yet journaled, the next opening replays and folds it, and sessions without consent write none.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::keyflow_support::{self, App};
use crossterm::event::KeyCode;
use rumbo::app::{Msg, Persistence};
use rumbo::runtime::JOURNAL_DELAY;
use rumbo::session::{DiskOp, FaultyDisk};
use std::fs;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A fresh session with consent, its notes editor open, on a fault-injecting disk.
fn notes_open(dir: &std::path::Path, consent: bool) -> (Arc<FaultyDisk>, App) {
    let disk = Arc::new(FaultyDisk::new());
    let mut app = App::start_with_disk(dir, disk.clone());
    app.new_session("Ana", None, consent);
    app.char('n');
    (disk, app)
}

/// What a new rumbo finds: started afresh on the folder, the one session opened.
fn reopened(dir: &std::path::Path) -> App {
    let mut app = App::start(dir);
    app.press(KeyCode::Enter);
    app
}

fn journal_path(app: &App) -> std::path::PathBuf {
    app.store().journal_path(&app.ws().session.id).unwrap()
}

#[test]
fn typed_notes_reach_the_journal_within_100_ms_and_survive_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let (disk, mut app) = notes_open(dir.path(), true);
    let before = Instant::now();
    app.type_text("Le interesa");
    let due = app.runner.journal_at().expect("a change asks for a journal append");
    assert!(due <= before + Duration::from_millis(100), "{:?} after the change", due - before);
    assert!(app.runner.save_at().unwrap() > due, "the journal goes well before the full save");
    assert!(app.screen()[0].contains("guardando"), "{}", app.screen()[0]);
    app.runner.journal_now(&mut app.model);
    assert_eq!(disk.done(DiskOp::Append), 1, "one append for the whole burst of keys");
    assert!(app.screen()[0].contains("guardado"), "in the journal is saved: {}", app.screen()[0]);
    app.type_text(" la tarde");
    app.runner.journal_now(&mut app.model);
    app.type_text(" (perdido)");
    // SIGKILL: no save, no shutdown; the last words never reached the journal.
    let id = app.ws().session.id.clone();
    drop(app);
    assert!(App::start(dir.path()).store().load_file(&id).unwrap().notes.is_empty(), "never fully saved");

    let app = reopened(dir.path());
    assert_eq!(app.ws().session.notes, "Le interesa la tarde");
    // Opening folded the journal into the file and removed it.
    assert_eq!(app.store().load_file(&id).unwrap().notes, "Le interesa la tarde");
    assert!(!journal_path(&app).exists());
}

#[test]
fn a_full_save_folds_the_journal_and_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let (_disk, mut app) = notes_open(dir.path(), true);
    app.type_text("uno");
    app.runner.journal_now(&mut app.model);
    let journal = journal_path(&app);
    assert!(journal.exists());
    app.send(Msg::SaveDue);
    assert_eq!(app.ws().persistence, Persistence::Saved);
    assert!(!journal.exists(), "folded into the file");
    assert_eq!(app.saved().notes, "uno");
    // Journaling starts again from the saved state.
    app.type_text(" dos");
    app.runner.journal_now(&mut app.model);
    drop(app);
    assert_eq!(reopened(dir.path()).ws().session.notes, "uno dos");
}

#[test]
fn a_crash_between_the_save_and_the_journal_removal_replays_nothing_twice() {
    let dir = tempfile::tempdir().unwrap();
    let (disk, mut app) = notes_open(dir.path(), true);
    app.type_text("uno");
    app.runner.journal_now(&mut app.model);
    // The save writes the file, then the process dies before the journal is removed.
    disk.fail_next(&[DiskOp::Remove], rumbo::session::Fault::Other, 1);
    app.send(Msg::SaveDue);
    assert!(journal_path(&app).exists());
    drop(app);
    assert_eq!(reopened(dir.path()).ws().session.notes, "uno", "not \"unouno\"");
}

#[test]
fn a_torn_append_keeps_what_came_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let (disk, mut app) = notes_open(dir.path(), true);
    app.type_text("entero");
    app.runner.journal_now(&mut app.model);
    app.type_text(" roto");
    disk.tear_next_append(7);
    app.runner.journal_now(&mut app.model);
    assert!(app.screen()[0].contains("guardando"), "a failed append is not saved: {}", app.screen()[0]);
    drop(app);
    assert_eq!(reopened(dir.path()).ws().session.notes, "entero");
}

#[test]
fn a_keystroke_in_a_long_note_appends_a_few_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (_disk, mut app) = notes_open(dir.path(), true);
    let long: String = "palabra ñandú\n".chars().cycle().take(60_000).collect();
    app.send(Msg::Paste(long.clone()));
    app.send(Msg::SaveDue);
    app.char('x');
    app.runner.journal_now(&mut app.model);
    let size = fs::metadata(journal_path(&app)).unwrap().len();
    assert!(size < 400, "header and one keystroke: {size} bytes");
    drop(app);
    assert_eq!(reopened(dir.path()).ws().session.notes, format!("{long}x"));
}

#[test]
fn a_session_without_consent_writes_no_journal() {
    let dir = tempfile::tempdir().unwrap();
    let (disk, mut app) = notes_open(dir.path(), false);
    app.type_text("sin consentimiento");
    assert!(app.runner.journal_at().is_none());
    app.send(Msg::JournalDue);
    assert_eq!(disk.attempts(DiskOp::Append), 0);
    assert!(
        keyflow_support::all_files(dir.path()).iter().all(|p| p.extension().is_none_or(|e| e != "journal"))
    );
}

#[test]
fn the_journal_timer_is_shorter_than_100_ms() {
    assert!(JOURNAL_DELAY < Duration::from_millis(100));
}

/// A crash at every point of a stretch of typing, journaling and saving (the disk refuses everything
/// after its n-th change, as a killed process would do nothing more): the session reopened always has
/// at least what the header had called saved, and nothing that was not typed.
#[test]
fn a_crash_at_any_point_keeps_everything_the_header_called_saved() {
    let words = ["uno ", "dos ", "tres ", "cuatro ", "cinco"];
    for stop in 0..16 {
        let dir = tempfile::tempdir().unwrap();
        let (disk, mut app) = notes_open(dir.path(), true);
        disk.stop_after(stop);
        let mut typed = String::new();
        let mut acknowledged = String::new();
        for (i, word) in words.iter().enumerate() {
            app.type_text(word);
            typed.push_str(word);
            app.runner.journal_now(&mut app.model);
            if i % 2 == 1 {
                app.send(Msg::SaveDue);
            }
            let ws = app.ws();
            if ws.persistence == Persistence::Saved
                || (ws.persistence == Persistence::Pending && ws.journaled)
            {
                assert!(app.screen()[0].contains("guardado"), "{}", app.screen()[0]);
                acknowledged = typed.clone();
            }
        }
        drop(app);
        let notes = reopened(dir.path()).ws().session.notes.clone();
        assert!(notes.starts_with(&acknowledged), "stop {stop}: {notes:?} lost part of {acknowledged:?}");
        assert!(typed.starts_with(&notes), "stop {stop}: {notes:?} is not what was typed");
    }
}
