//! Issue 10 in the app, through the runner on a temporary folder: what `e` exports is recorded in the
//! session and goes with it on `d`; the kiosk's summary is recorded in the visitor's session; a session
//! from a newer rumbo opens read-only, says "actualice rumbo" and is never written over.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use crate::keyflow_support::{App, new_model, render};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rumbo::app::kiosk::{AdminKey, KioskState};
use rumbo::app::{Msg, Screen};
use rumbo::runtime::Runner;
use rumbo::session::{FORMAT, SessionStore};
use std::fs;
use std::path::Path;

fn files_in(dir: &Path) -> Vec<std::path::PathBuf> {
    fs::read_dir(dir).map(|d| d.map(|e| e.unwrap().path()).collect()).unwrap_or_default()
}

/// A home for one test and the shared summaries folder inside it.
fn home() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("compartida");
    (dir, shared)
}

#[test]
fn d_deletes_the_exports_the_session_recorded() {
    let (dir, shared) = home();
    let mut app = App::start(dir.path());
    app.runner.set_export_dir(shared.clone());
    app.new_session("Ana", None, true);
    app.char('e');
    app.press(KeyCode::Enter);
    app.press(KeyCode::Right);
    app.press(KeyCode::Enter);
    app.press(KeyCode::Esc);
    let exported = files_in(&shared);
    assert_eq!(exported.len(), 2, "{exported:?}");
    // Someone else's summary in the same folder.
    let other = shared.join("rumbo-2026-03-05-bernardo-b3rn4r.md");
    fs::write(&other, "de otra persona").unwrap();
    app.char('q');
    assert!(matches!(app.model.screen, Screen::Sessions));
    let saved = app.saved();
    assert_eq!(saved.exports.len(), 2, "both recorded");
    assert_eq!(saved.format, FORMAT);

    app.char('d');
    app.char('s');
    assert!(app.model.sessions.rows.is_empty());
    assert_eq!(files_in(&shared), [other], "hers gone, his kept");
    let screen = app.screen_text();
    assert!(screen.contains("Sesión borrada (4 archivos)."), "{screen}");
}

#[test]
fn d_names_an_export_that_changed_since() {
    let (dir, shared) = home();
    let mut app = App::start(dir.path());
    app.runner.set_export_dir(shared.clone());
    app.new_session("Ana", None, true);
    app.char('e');
    app.press(KeyCode::Enter);
    app.press(KeyCode::Esc);
    app.char('q');
    let file = files_in(&shared).remove(0);
    fs::write(&file, "cambiado a mano").unwrap();
    app.char('d');
    app.char('s');
    assert!(file.exists());
    let screen = app.screen().iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        screen.contains(&name) && screen.contains("cambió desde la exportación: no se borró"),
        "{screen}"
    );
}

/// A kiosk on `dir`, summaries to `exports`, with the kiosk's default mode.
fn kiosk(dir: &Path, exports: &Path) -> (rumbo::app::Model, Runner) {
    let mut model = new_model();
    let key = AdminKey::parse("ctrl+alt+a").unwrap();
    model.kiosk = Some(KioskState::new(300, key, "$argon2id$x".into(), jiff::Timestamp::now()));
    model.screen = Screen::Welcome;
    let mut runner = Runner::new(dir).unwrap();
    runner.set_export_dir(exports.to_path_buf());
    runner.set_export_mode(rumbo::config::Config::default().kiosk_export_mode());
    runner.start(&mut model);
    (model, runner)
}

fn press(model: &mut rumbo::app::Model, runner: &mut Runner, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\t' => KeyCode::Tab,
            c => KeyCode::Char(c),
        };
        runner.dispatch(model, vec![Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))]);
    }
}

#[test]
fn the_kiosk_records_its_summary_in_the_visitors_session() {
    let dir = tempfile::tempdir().unwrap();
    let exports = dir.path().join("resumenes");
    let (mut model, mut runner) = kiosk(dir.path(), &exports);
    // With consent: the summary is recorded in her session, so retention deletes both.
    press(&mut model, &mut runner, "\nLucía\ns\n\nvendedor\nsts");
    let summaries = files_in(&exports);
    assert_eq!(summaries.len(), 1);
    // The name the README gives the front desk: date and code, no alias (item 10).
    let Screen::KioskDone(Some(Ok(code))) = &model.screen else { panic!("no code on screen") };
    let name = summaries[0].file_name().unwrap().to_string_lossy().into_owned();
    let date = jiff::Timestamp::now().to_zoned(model.tz.clone()).strftime("%Y-%m-%d").to_string();
    assert_eq!(name, format!("rumbo-{date}-{}.html", code.to_lowercase()));
    let readme = include_str!("../../README.md");
    assert!(
        readme.contains("`rumbo-<fecha>-<código>.html`") && readme.contains("`rumbo-<date>-<code>.html`")
    );
    assert!(!readme.contains("-<alias>-k7m2qx"), "the README names kiosk summaries as the code writes them");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&summaries[0]).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640, "the front desk's group reads kiosk summaries");
    }
    let store = SessionStore::open(dir.path()).unwrap();
    let ids = crate::keyflow_support::session_ids(dir.path());
    let session = store.load(&ids[0]).unwrap();
    assert_eq!(session.exports.iter().map(|r| r.path.clone()).collect::<Vec<_>>(), summaries);
    let erased = rumbo::session::erase(&store, &ids[0]).unwrap();
    assert!(erased.removed().any(|p| p == &summaries[0]));
    assert!(files_in(&exports).is_empty());

    // Without consent there is no session to record it in: the summary is written all the same.
    press(&mut model, &mut runner, "\n\nMarta\nn\n\nvendedor\nts");
    assert_eq!(files_in(&exports).len(), 1);
    assert!(crate::keyflow_support::session_ids(dir.path()).is_empty());
}

#[test]
fn a_session_from_a_newer_rumbo_opens_read_only_and_says_actualice_rumbo() {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::open(dir.path()).unwrap();
    let id = "fu7ur3000000";
    let newer = FORMAT + 1;
    let text = format!(
        "Session(format: {newer}, id: \"{id}\", alias: \"Futura\", created: \"2026-01-01T00:00:00Z\", \
         updated: \"2026-01-02T00:00:00Z\", consent: Some((given_at: \"2026-01-01T00:00:00Z\")), \
         emociones: [\"curiosidad\"], notes: \"nota\")"
    );
    let file = store.path_of(id).unwrap();
    fs::write(&file, &text).unwrap();
    let mut app = App::start(dir.path());
    app.press(KeyCode::Enter);
    assert!(app.model.workspace().is_some(), "it opens");
    let header = render(&app.model).remove(0);
    assert!(header.contains("actualice rumbo"), "{header}");
    // Nothing typed or marked reaches the file, nor does leaving.
    app.press(KeyCode::Tab);
    app.press(KeyCode::Tab);
    app.char(' ');
    app.char('n');
    app.type_text("escrito");
    app.press(KeyCode::Esc);
    app.send(Msg::SaveDue);
    app.char('q');
    assert_eq!(fs::read_to_string(&file).unwrap(), text, "never written over");
}

#[test]
fn a_read_only_session_exports_nothing_it_could_not_record() {
    let dir = tempfile::tempdir().unwrap();
    let store = SessionStore::open(dir.path()).unwrap();
    let session = crate::export_support::session();
    store.save(&session).unwrap();
    let held = store.lock(&session.id).unwrap();
    let shared = dir.path().join("compartida");
    let mut app = App::start(dir.path());
    app.runner.set_export_dir(shared.clone());
    app.press(KeyCode::Enter);
    assert!(app.ws().is_read_only(), "open in another rumbo");
    app.char('e');
    app.press(KeyCode::Enter);
    assert!(files_in(&shared).is_empty());
    let words = app.screen_text().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("solo lectura: el resumen no se podría anotar"), "{words}");
    drop(held);
}
