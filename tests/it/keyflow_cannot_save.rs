//! Keyflow tests of a rumbo that cannot save: a kiosk whose saves fail still wipes the visitor and then
//! says it cannot save, until a probe on the retry timer succeeds; a read-only data folder lists and
//! opens sessions read-only and writes nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::keyflow_support::{self, App};
use crossterm::event::KeyCode;
use rumbo::app::{Msg, Persistence, Screen};
use rumbo::runtime::Runner;
use rumbo::session::{DiskOp, FaultyDisk, Session, SessionStore};
use std::sync::Arc;

const NOTE: &str = "llamar el martes 7391";

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
    app.press(KeyCode::Enter);
    app.char('s');
    app.press(KeyCode::Enter);
    disk.fill();
    // "¿En qué ha trabajado?": a job title typed (NOTE, never found), then back; an answer.
    app.press(KeyCode::Enter);
    app.type_text(NOTE);
    app.press(KeyCode::Esc);
    app.press(KeyCode::Enter);
    app.type_text("vendedor");
    app.press(KeyCode::Enter);
    app.char('s');
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
    model.save_trouble = Some(rumbo::app::SaveFailure::from_store(failure));
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
