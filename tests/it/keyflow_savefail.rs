//! Keyflow tests of saves that fail, through the store seam (`FaultyDisk`): a session left while the
//! disk is full keeps its text in memory, is marked on the start screen and retried until it is on disk;
//! quitting asks (retry, a copy elsewhere, stay); a kiosk still wipes and says it cannot save until a
//! probe succeeds; a read-only data folder opens sessions read-only and writes nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::keyflow_support::{self, App};
use crossterm::event::KeyCode;
use rumbo::app::{Msg, Persistence, QuitPrompt, Screen};
use rumbo::runtime::{RETRY_DELAY, Runner};
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
    let notice = app.model.sessions.notice.clone().unwrap();
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
    assert!(dialog.error.as_deref().is_some_and(|e| e.contains("No se pudo guardar la copia")), "{dialog:?}");
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

/// A kiosk: the idle wipe still forgets the visitor when the save fails; the welcome screen then says
/// the computer cannot save, until a probe on the retry timer finds the disk writable again.
#[test]
fn a_kiosk_wipes_all_the_same_and_says_it_cannot_save_until_a_probe_succeeds() {
    use rumbo::app::kiosk::{AdminKey, KioskState};
    let dir = tempfile::tempdir().unwrap();
    let disk = Arc::new(FaultyDisk::new());
    let mut model = keyflow_support::new_model();
    let key = AdminKey::parse("ctrl+alt+a").unwrap();
    model.kiosk = Some(KioskState::new(300, key, String::new(), jiff::Timestamp::now()));
    model.screen = Screen::Welcome;
    let mut runner = Runner::with_disk(dir.path(), disk.clone()).unwrap();
    runner.start(&mut model);
    let mut app = App { model, runner, dir: dir.path().to_path_buf() };
    let welcome = "Este equipo no puede guardar: avise en el mostrador";
    assert!(!app.screen_text().contains(welcome));
    app.press(KeyCode::Enter);
    app.type_text("Valentina");
    app.press(KeyCode::Tab);
    app.char(' ');
    app.press(KeyCode::Enter);
    disk.fill();
    app.char('n');
    app.type_text(NOTE);
    app.press(KeyCode::Esc);
    // The visitor walks away: the idle time runs out.
    app.model.kiosk.as_mut().unwrap().last_input =
        jiff::Timestamp::now() - jiff::SignedDuration::from_hours(1);
    app.send(Msg::Tick);
    assert!(matches!(app.model.screen, Screen::Welcome));
    assert!(app.model.unsaved.is_empty(), "a kiosk keeps nothing of a visitor");
    let screen = app.screen_text();
    assert!(!screen.contains(NOTE) && !screen.contains("Valentina"));
    assert!(screen.contains(welcome), "{screen}");
    // The probe runs on the retry timer: still full, still said.
    let probes = disk.attempts(DiskOp::WriteAtomic);
    assert!(app.runner.save_at().is_some(), "a probe is scheduled");
    app.runner.save_now(&mut app.model);
    assert_eq!(disk.attempts(DiskOp::WriteAtomic), probes + 1, "the timer probed");
    assert!(app.screen_text().contains(welcome));
    // Space freed: the next probe clears the message, and stops the timer.
    disk.clear();
    app.runner.save_now(&mut app.model);
    assert!(!app.screen_text().contains(welcome), "{}", app.screen_text());
    assert!(app.runner.save_at().is_none());
}

/// A kiosk started on a full disk says so from the first screen and probes until it can save.
#[test]
fn a_kiosk_started_unable_to_save_probes_from_the_start() {
    use rumbo::app::kiosk::{AdminKey, KioskState};
    let dir = tempfile::tempdir().unwrap();
    let disk = Arc::new(FaultyDisk::new());
    disk.fill();
    let mut model = keyflow_support::new_model();
    let key = AdminKey::parse("ctrl+alt+a").unwrap();
    model.kiosk = Some(KioskState::new(300, key, String::new(), jiff::Timestamp::now()));
    model.screen = Screen::Welcome;
    let mut runner = Runner::with_disk(dir.path(), disk.clone()).unwrap();
    let store = SessionStore::with_disk(dir.path(), disk.clone()).unwrap();
    let failure = store.probe().unwrap_err();
    model.save_trouble = Some(rumbo::app::SaveFailure::from_store(&failure, model.lang));
    runner.start(&mut model);
    assert!(runner.save_at().is_some(), "probing from the start");
    disk.clear();
    runner.save_now(&mut model);
    assert_eq!(model.save_trouble, None);
}

/// A read-only data folder: sessions are listed and opened read-only; no lock file, no save, no
/// journal; `n` and `d` are refused with a clear message; the banner says why.
#[test]
fn a_read_only_data_folder_lists_and_opens_sessions_writing_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::open(dir.path()).unwrap();
    let mut session = Session::new("Ana", "", jiff::Timestamp::now(), &keyflow_support::catalog().0).unwrap();
    session.notes = "de antes".into();
    store.save(&session).unwrap();
    let before = keyflow_support::all_files(dir.path());

    let mut model = keyflow_support::new_model();
    model.data_read_only = Some("disco de solo lectura".into());
    let mut runner = Runner::read_only(dir.path());
    runner.start(&mut model);
    let mut app = App { model, runner, dir: dir.path().to_path_buf() };
    let screen = app.screen_text();
    assert!(screen.contains("Ana"), "{screen}");
    assert!(app.screen()[0].contains("solo lectura: la carpeta de datos no admite escritura"), "{screen}");
    app.char('n');
    assert!(matches!(app.model.screen, Screen::Sessions));
    assert!(app.screen_text().contains("La carpeta de datos es de solo lectura"));
    app.char('d');
    assert_eq!(app.model.sessions.confirm_delete, None);
    app.press(KeyCode::Enter);
    assert_eq!(app.ws().persistence, Persistence::ReadOnly);
    assert_eq!(app.ws().session.notes, "de antes");
    app.char('n');
    app.type_text("no se guarda");
    app.press(KeyCode::Esc);
    app.send(Msg::SaveDue);
    app.char('q');
    app.send(Msg::Shutdown);
    assert_eq!(keyflow_support::all_files(dir.path()), before, "no lock, journal or save");
}
