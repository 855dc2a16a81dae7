//! Keyflow tests of saves that fail, through the store seam (`FaultyDisk`): a session left while the
//! disk is full keeps its text in memory, is marked on the start screen and retried until it is on disk;
//! quitting asks (retry, a copy elsewhere, stay). Kiosks and read-only folders: `keyflow_cannot_save`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::keyflow_support::{self, App};
use crossterm::event::KeyCode;
use rumbo::app::{Msg, Persistence, QuitPrompt, Screen};
use rumbo::runtime::RETRY_DELAY;
use rumbo::session::{DiskOp, Fault, FaultyDisk, Session, SessionStore};
use std::fs;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

const NOTE: &str = "llamar el martes 7391";

/// A session with consent on a disk that then fills up; a note typed and the workspace left with `q`.
fn left_on_a_full_disk() -> (tempfile::TempDir, Arc<FaultyDisk>, App) {
    let dir = tempfile::tempdir().unwrap();
    let disk = Arc::new(FaultyDisk::new());
    let mut app = App::start_with_disk(dir.path(), disk.clone());
    app.new_session("Ana", None, true);
    disk.fill();
    app.char('n');
    app.type_text(NOTE);
    app.press(KeyCode::Esc);
    app.send(Msg::SaveDue);
    assert!(matches!(app.ws().persistence, Persistence::Failed(_)), "{:?}", app.ws().persistence);
    app.char('q');
    assert!(matches!(app.model.screen, Screen::Sessions), "q leaves the workspace");
    (dir, disk, app)
}

fn on_disk(dir: &Path) -> Session {
    let store = SessionStore::open(dir).unwrap();
    let ids = keyflow_support::session_ids(dir);
    assert_eq!(ids.len(), 1, "{ids:?}");
    store.load(&ids[0]).unwrap()
}

#[test]
fn leaving_while_saves_fail_keeps_the_text_and_retries_until_it_is_on_disk() {
    let (dir, disk, mut app) = left_on_a_full_disk();
    // Kept in memory, marked on the start screen, the cause on its title line.
    assert_eq!(app.model.unsaved.len(), 1);
    assert_eq!(app.model.unsaved[0].session.notes, NOTE);
    let screen = app.screen_text();
    assert!(screen.contains("● sin guardar"), "{screen}");
    assert!(app.screen()[0].contains("sin guardar — disco lleno"), "{}", app.screen()[0]);
    assert!(screen.contains("r reintentar guardar"), "{screen}");
    assert_ne!(on_disk(dir.path()).notes, NOTE);
    // Its lock is kept: no other rumbo may open the older file meanwhile.
    let id = app.model.unsaved[0].session.id.clone();
    assert!(app.store().is_locked(&id).unwrap());

    // The retry timer is armed with no key pressed, RETRY_DELAY (5 s) away.
    let at = app.runner.save_at().expect("a retry is scheduled");
    assert!(at <= Instant::now() + RETRY_DELAY, "retry in {:?}", at - Instant::now());
    assert_eq!(RETRY_DELAY, Duration::from_secs(5));
    // The timer going off while the disk is still full: still kept, still scheduled.
    app.runner.save_now(&mut app.model);
    assert_eq!(app.model.unsaved.len(), 1);
    assert!(app.runner.save_at().is_some(), "retried again later");

    // Space freed: the next timer writes it, the mark goes, the lock is released.
    disk.clear();
    app.runner.save_now(&mut app.model);
    assert_eq!(on_disk(dir.path()).notes, NOTE);
    assert!(app.model.unsaved.is_empty());
    assert!(!app.screen_text().contains("sin guardar"), "{}", app.screen_text());
    assert!(!app.store().is_locked(&id).unwrap());
    // Quitting now asks nothing.
    app.char('q');
    assert!(app.runner.wants_quit());
}

#[test]
fn r_retries_at_once_in_the_workspace_and_on_the_start_screen() {
    let (dir, disk, mut app) = left_on_a_full_disk();
    let writes = disk.attempts(DiskOp::WriteAtomic);
    app.char('r');
    assert_eq!(disk.attempts(DiskOp::WriteAtomic), writes + 1, "r tries at once");
    assert_eq!(app.model.unsaved.len(), 1, "still full");

    // Enter opens it from memory, where its text is; the header says why it is not saved.
    app.press(KeyCode::Enter);
    assert_eq!(app.ws().session.notes, NOTE);
    assert!(app.model.unsaved.is_empty());
    assert!(app.screen()[0].contains("sin guardar — disco lleno"), "{}", app.screen()[0]);
    assert!(app.screen_text().contains("r reintentar guardar"));
    disk.clear();
    app.char('r');
    assert_eq!(app.ws().persistence, Persistence::Saved);
    assert_eq!(on_disk(dir.path()).notes, NOTE);
}

#[test]
fn the_cause_follows_the_error_kind() {
    for (fault, words) in [
        (Fault::NoSpace, "sin guardar — disco lleno"),
        (Fault::ReadOnly, "sin guardar — disco de solo lectura"),
        (Fault::PermissionDenied, "sin guardar — sin permiso de escritura"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let disk = Arc::new(FaultyDisk::new());
        let mut app = App::start_with_disk(dir.path(), disk.clone());
        app.new_session("Ana", None, true);
        disk.fail(DiskOp::WRITES, fault);
        app.char('n');
        app.type_text("x");
        app.press(KeyCode::Esc);
        app.send(Msg::SaveDue);
        assert!(app.screen()[0].contains(words), "{fault:?}: {}", app.screen()[0]);
    }
}

#[test]
fn quitting_with_unsaved_changes_asks_and_never_quits_by_itself() {
    let (dir, disk, mut app) = left_on_a_full_disk();
    app.char('q');
    assert!(!app.runner.wants_quit(), "q with text unsaved does not quit");
    assert_eq!(app.model.sessions.quit_prompt, Some(QuitPrompt::Ask));
    let screen = app.screen_text();
    assert!(screen.contains("Hay cambios sin guardar") && screen.contains("c guardar una copia"), "{screen}");
    // Neither Ctrl+C nor any other key quits from the question; Esc stays.
    app.send(Msg::Key(crossterm::event::KeyEvent::new(
        KeyCode::Char('c'),
        crossterm::event::KeyModifiers::CONTROL,
    )));
    app.char('q');
    app.press(KeyCode::Enter);
    assert!(!app.runner.wants_quit());
    app.press(KeyCode::Esc);
    assert_eq!(app.model.sessions.quit_prompt, None);
    assert!(!app.runner.wants_quit());
    // Asked again, `r` while the disk is still full: still no quit.
    app.char('q');
    app.char('r');
    assert!(!app.runner.wants_quit());
    assert!(app.model.sessions.quit_prompt.is_some());
    // Space freed: `r` writes it, and the quit asked for goes ahead.
    disk.clear();
    app.char('r');
    assert!(app.runner.wants_quit());
    assert_eq!(on_disk(dir.path()).notes, NOTE);
}

#[test]
fn a_copy_elsewhere_is_the_session_file_and_then_quitting_loses_nothing() {
    let (_dir, _disk, mut app) = left_on_a_full_disk();
    let stick = tempfile::tempdir().unwrap();
    app.char('q');
    app.char('c');
    let Some(QuitPrompt::Copy(dialog)) = &app.model.sessions.quit_prompt else { panic!("no copy dialog") };
    assert!(dialog.drives.is_some(), "the drives were listed");
    assert!(app.screen_text().contains("Otra carpeta:"), "{}", app.screen_text());
    // The last row takes a typed folder.
    for _ in 0..8 {
        app.press(KeyCode::Down);
    }
    app.type_text(stick.path().to_str().unwrap());
    app.press(KeyCode::Enter);
    let copy = stick.path().join(format!("{}.ron", app.model.unsaved[0].session.id));
    let text = fs::read_to_string(&copy).unwrap();
    let parsed = rumbo::session::parse("x", &copy, text.as_bytes()).unwrap();
    assert_eq!(parsed, app.model.unsaved[0].session, "the copy is the session file itself");
    assert_eq!(text, rumbo::session::to_text(&parsed).unwrap());
    let notice = rumbo::ui::failure::notice(app.model.sessions.notice.as_ref().unwrap(), app.model.lang);
    assert!(notice.contains("rumbo sessions import") && notice.contains(&copy.display().to_string()));
    // Copied: q quits, nothing is lost.
    app.char('q');
    assert!(app.runner.wants_quit());
}

#[test]
fn a_copy_that_cannot_be_written_says_why_and_keeps_asking() {
    let (_dir, _disk, mut app) = left_on_a_full_disk();
    app.char('q');
    app.char('c');
    for _ in 0..8 {
        app.press(KeyCode::Down);
    }
    app.type_text("/nonexistent/rumbo-test-folder");
    app.press(KeyCode::Enter);
    let Some(QuitPrompt::Copy(dialog)) = &app.model.sessions.quit_prompt else { panic!("dialog closed") };
    let error = dialog.error.as_ref().map(|e| rumbo::ui::failure::text(e, app.model.lang));
    assert!(error.is_some_and(|e| e.contains("No se pudo guardar la copia")), "{dialog:?}");
    app.press(KeyCode::Esc);
    app.press(KeyCode::Esc);
    app.char('q');
    assert!(!app.runner.wants_quit());
}

#[test]
fn deleting_an_unsaved_session_releases_its_lock_first() {
    let (dir, _disk, mut app) = left_on_a_full_disk();
    app.char('d');
    app.char('s');
    assert!(app.model.unsaved.is_empty());
    assert!(keyflow_support::session_ids(dir.path()).is_empty(), "deleted");
    app.char('q');
    assert!(app.runner.wants_quit());
}
