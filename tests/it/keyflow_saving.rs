//! Keyflow tests of saving: a change schedules a save and `SaveDue` writes it; leaving, quitting and
//! signals write what is pending first; read-only sessions change nothing; failed saves are said out
//! loud; resuming restores marks, shortlist, notes and the focused occupation.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::keyflow_support;

use crossterm::event::KeyCode;
use keyflow_support::{App, key, new_model};
use rumbo::app::{Effect, Msg, Pane, Persistence, Screen, update};
use rumbo::session::{MarkKind, MarkLevel};
use std::fs;

/// A started app in a fresh session with consent, on the occupations pane.
fn session() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.new_session("Ana", None, true);
    app.press(KeyCode::Enter);
    (dir, app)
}

/// Marks the first function of the selected occupation (from the occupations pane, and back).
fn mark_first_function(app: &mut App) -> String {
    let set = app.model.catalog.clone();
    let function = set.occupation(&app.occupation().unwrap()).unwrap().functions[0].id.clone();
    app.press(KeyCode::Enter);
    app.press(KeyCode::Home);
    app.char(' ');
    app.send(keyflow_support::shift_tab());
    function
}

#[test]
fn a_change_schedules_a_save_and_save_due_writes_it() {
    let (_dir, mut app) = session();
    let function = mark_first_function(&mut app);
    assert_eq!(app.ws().persistence, Persistence::Pending);
    assert!(app.runner.save_at().is_some(), "a save is scheduled");
    assert_eq!(app.saved().marks, [], "not written yet");
    assert!(app.screen()[0].contains("guardando"), "{}", app.screen()[0]);
    app.send(Msg::SaveDue);
    assert_eq!(app.ws().persistence, Persistence::Saved);
    assert!(app.runner.save_at().is_none());
    assert_eq!(app.saved().mark_of(MarkKind::Function, &function), Some(MarkLevel::InDevelopment));
    assert!(app.screen()[0].contains("guardado"), "{}", app.screen()[0]);
    // Nothing pending: a stray SaveDue writes nothing.
    let before = fs::read(app.store().path_of(&app.ws().session.id).unwrap()).unwrap();
    app.send(Msg::SaveDue);
    assert_eq!(fs::read(app.store().path_of(&app.ws().session.id).unwrap()).unwrap(), before);
}

#[test]
fn update_asks_for_a_save_on_every_kind_of_change() {
    let mut model = new_model();
    let effects = |model: &mut rumbo::app::Model, msg| update(model, msg);
    effects(&mut model, key(KeyCode::Char('n')));
    for c in "Ana".chars() {
        effects(&mut model, key(KeyCode::Char(c)));
    }
    effects(&mut model, key(KeyCode::Tab));
    effects(&mut model, key(KeyCode::Tab));
    effects(&mut model, key(KeyCode::Char(' ')));
    let created = effects(&mut model, key(KeyCode::Enter));
    assert!(matches!(created.as_slice(), [Effect::CreateSession(s)] if s.consent.is_some()), "{created:?}");
    effects(&mut model, Msg::Saved(Ok(())));
    assert_eq!(model.workspace().unwrap().persistence, Persistence::Saved);

    // Moving to another occupation (recorded for resume), a mark, a shortlisted program, a note.
    effects(&mut model, key(KeyCode::Enter));
    assert_eq!(effects(&mut model, key(KeyCode::Down)), [Effect::ScheduleSave]);
    effects(&mut model, key(KeyCode::Enter));
    assert_eq!(effects(&mut model, key(KeyCode::Char(' '))), [Effect::ScheduleSave]);
    effects(&mut model, key(KeyCode::Tab));
    assert_eq!(effects(&mut model, key(KeyCode::Char(' '))), [Effect::ScheduleSave]);
    effects(&mut model, key(KeyCode::Char('n')));
    assert_eq!(effects(&mut model, key(KeyCode::Char('x'))), [Effect::ScheduleSave]);
    assert_eq!(effects(&mut model, Msg::Paste("y".into())), [Effect::ScheduleSave]);
    effects(&mut model, key(KeyCode::Esc));
    // Looking around is not a change.
    assert_eq!(effects(&mut model, key(KeyCode::Char('?'))), []);
    effects(&mut model, key(KeyCode::Esc));

    let saved = effects(&mut model, Msg::SaveDue);
    let [Effect::SaveSession(session)] = saved.as_slice() else { panic!("{saved:?}") };
    assert_eq!(session.marks.len(), 1);
    assert_eq!(session.shortlist.len(), 1);
    assert_eq!(session.notes, "xy");
    assert!(session.focus.occupation.is_some());
}

#[test]
fn a_failed_creation_is_reported_in_the_header() {
    let mut model = new_model();
    for msg in
        [key(KeyCode::Char('n')), key(KeyCode::Char('A')), key(KeyCode::BackTab), key(KeyCode::Char(' '))]
    {
        update(&mut model, msg);
    }
    let effects = update(&mut model, key(KeyCode::Enter));
    assert!(matches!(effects.as_slice(), [Effect::CreateSession(_)]), "{effects:?}");
    update(&mut model, Msg::Saved(Err("disco lleno".into())));
    assert_eq!(model.workspace().unwrap().persistence, Persistence::Failed("disco lleno".into()));
    let header = keyflow_support::render(&model)[0].clone();
    assert!(header.contains("disco lleno"), "{header}");
}

#[test]
fn quitting_writes_pending_changes_before_quit() {
    // `q` to the start screen writes at once, without waiting for SaveDue.
    let (_dir, mut app) = session();
    let function = mark_first_function(&mut app);
    assert_eq!(app.ws().persistence, Persistence::Pending);
    app.char('q');
    assert!(matches!(app.model.screen, Screen::Sessions));
    assert_eq!(app.saved().mark_of(MarkKind::Function, &function), Some(MarkLevel::InDevelopment));
    assert!(app.runner.save_at().is_none(), "nothing left scheduled");

    // The effects come in that order: save, then quit.
    let mut model = new_model();
    update(&mut model, key(KeyCode::Char('n')));
    update(&mut model, key(KeyCode::Char('B')));
    update(&mut model, key(KeyCode::BackTab));
    update(&mut model, key(KeyCode::Char(' ')));
    update(&mut model, key(KeyCode::Enter));
    update(&mut model, Msg::Saved(Ok(())));
    update(&mut model, key(KeyCode::Char('n')));
    update(&mut model, key(KeyCode::Char('z')));
    let effects = update(&mut model, Msg::Shutdown);
    let [Effect::SaveSession(session), Effect::Quit] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!(session.notes, "z");
    assert!(model.quitting);
}

#[test]
fn shutdown_writes_pending_changes_then_quits() {
    let (dir, mut app) = session();
    app.char('n');
    app.type_text("antes del SIGHUP");
    assert!(app.runner.save_at().is_some());
    app.send(Msg::Shutdown);
    assert!(app.runner.wants_quit());
    assert_eq!(app.saved().notes, "antes del SIGHUP");
    drop(app);
    let mut app = App::start(dir.path());
    app.press(KeyCode::Enter);
    assert_eq!(app.ws().session.notes, "antes del SIGHUP");
}

#[test]
fn a_locked_session_opens_read_only_and_changes_nothing() {
    let (_dir, mut app) = session();
    app.char('j');
    app.send(Msg::SaveDue);
    app.char('q');
    let id = app.model.sessions.rows[0].id.clone();
    let path = app.store().path_of(&id).unwrap();
    let before = fs::read(&path).unwrap();
    let _other = app.store().lock(&id).unwrap();

    app.press(KeyCode::Enter);
    assert_eq!(app.ws().persistence, Persistence::ReadOnly);
    assert!(app.screen()[0].contains("solo lectura"), "{}", app.screen()[0]);
    let session = app.ws().session.clone();
    app.press(KeyCode::Enter);
    app.char(' ');
    app.press(KeyCode::Right);
    app.char(' ');
    app.press(KeyCode::Tab);
    app.char(' ');
    app.char('n');
    app.type_text("no se guarda");
    app.send(Msg::Paste("tampoco".into()));
    app.press(KeyCode::Tab);
    app.type_text("ni esto");
    app.press(KeyCode::Esc);
    app.send(keyflow_support::shift_tab());
    app.send(keyflow_support::shift_tab());
    app.char('j');
    let ws = app.ws();
    assert_eq!((&ws.session.marks, &ws.session.shortlist), (&session.marks, &session.shortlist));
    assert_eq!(
        (&ws.session.notes, &ws.session.occupation_notes),
        (&session.notes, &session.occupation_notes)
    );
    assert!(app.runner.save_at().is_none(), "no save scheduled");
    app.send(Msg::SaveDue);
    app.char('q');
    app.send(Msg::Shutdown);
    assert_eq!(fs::read(&path).unwrap(), before, "the file is untouched");
}

#[test]
fn a_save_that_fails_keeps_the_file_and_says_so() {
    let (_dir, mut app) = session();
    let id = app.ws().session.id.clone();
    let path = app.store().path_of(&id).unwrap();
    // The file is damaged behind rumbo's back: it must not be written over.
    let broken = b"Session(format: 1, id: \"roto\", alias: [\n".to_vec();
    fs::write(&path, &broken).unwrap();
    mark_first_function(&mut app);
    app.send(Msg::SaveDue);
    let Persistence::Failed(failure) = &app.ws().persistence else { panic!("{:?}", app.ws().persistence) };
    let detail = rumbo::ui::failure::text(&failure.error, app.model.lang);
    assert!(detail.contains(":1:"), "{failure:?}");
    assert!(app.screen()[0].contains("sin guardar —"), "{}", app.screen()[0]);
    // Leaving tries once more; it fails again, so the session is kept in memory and marked as unsaved on
    // the start screen, whose title says why.
    app.char('q');
    assert!(matches!(app.model.screen, Screen::Sessions));
    assert_eq!(app.model.unsaved.len(), 1, "the changes are kept");
    assert!(app.model.sessions.rows[0].unsaved);
    let screen = app.screen_text();
    assert!(screen.contains("sin guardar —") && screen.contains("● sin guardar"), "{screen}");
    assert_eq!(fs::read(&path).unwrap(), broken);
}

#[test]
fn resuming_restores_marks_shortlist_notes_and_the_focused_occupation() {
    let (dir, mut app) = session();
    app.press(KeyCode::End);
    app.char('k');
    let occupation = app.occupation().unwrap();
    let set = app.model.catalog.clone();
    let o = set.occupation(&occupation).unwrap();
    app.press(KeyCode::Enter);
    app.char('j');
    app.char(' ');
    app.char(' ');
    app.press(KeyCode::Right);
    app.char(' ');
    app.press(KeyCode::Tab);
    app.char(' ');
    app.char('n');
    app.type_text("general");
    app.press(KeyCode::Tab);
    app.type_text("de la ocupación");
    app.press(KeyCode::Esc);
    let expected = app.ws().session.clone();
    app.send(Msg::Shutdown);
    drop(app);

    let mut app = App::start(dir.path());
    app.press(KeyCode::Enter);
    let ws = app.ws();
    assert_eq!(ws.session.mark_of(MarkKind::Function, &o.functions[1].id), Some(MarkLevel::Has));
    assert_eq!(
        ws.session.mark_of(MarkKind::Competency, &o.competencies[0].competency),
        Some(MarkLevel::InDevelopment)
    );
    let programs = set.programs_for(&occupation);
    assert!(ws.session.is_shortlisted(&programs[0].id));
    assert_eq!(ws.session.notes, "general");
    assert_eq!(ws.session.occupation_note(&occupation), Some("de la ocupación"));
    assert_eq!(app.occupation().as_deref(), Some(occupation.as_str()));
    assert_eq!(app.focus(), Pane::Occupations);
    assert_eq!(ws.session, expected);
    assert!(app.screen_text().contains(&o.title[..12]));
}

#[test]
fn the_occupation_marked_is_restored_even_if_the_selection_never_moved() {
    let (dir, mut app) = session();
    // The first occupation is selected from the start: marking on it is what makes it the focus.
    let first = app.occupation().unwrap();
    app.press(KeyCode::Enter);
    app.char(' ');
    assert_eq!(app.ws().session.marks.len(), 1);
    assert_eq!(app.ws().session.focus.occupation.as_deref(), Some(first.as_str()));
    app.char('q');
    app.char('q');
    drop(app);
    let mut app = App::start(dir.path());
    app.press(KeyCode::Enter);
    assert_eq!(app.occupation().as_deref(), Some(first.as_str()));
    assert_eq!(app.focus(), Pane::Occupations, "back on the occupations, not on the sectors");
}

/// The runtime writes through the store seam: a full disk seen through a `FaultyDisk` fails the save
/// and the header says so.
#[test]
fn a_runner_on_a_faulty_disk_reports_the_failed_save() {
    use rumbo::session::FaultyDisk;
    use std::sync::Arc;
    let dir = tempfile::tempdir().unwrap();
    let disk = Arc::new(FaultyDisk::new());
    let mut app = App::start_with_disk(dir.path(), disk.clone());
    app.new_session("Ana", None, true);
    app.press(KeyCode::Enter);
    disk.fill();
    mark_first_function(&mut app);
    app.send(Msg::SaveDue);
    assert!(matches!(app.ws().persistence, Persistence::Failed(_)), "{:?}", app.ws().persistence);
    assert!(app.screen()[0].contains("sin guardar — disco lleno"), "{}", app.screen()[0]);
    disk.clear();
    app.send(Msg::SaveDue);
    assert_eq!(app.ws().persistence, Persistence::Saved);
}
