//! Keyflow tests of issue 14's marks: `2` la tiene, `1` en desarrollo, `0` clears, beside Space's cycle,
//! and the legend on the Funciones pane's border with the keys the keymap has.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::keyflow_support::App;
use crossterm::event::KeyCode;
use rumbo::app::{DetailTab, Persistence};
use rumbo::config::Config;
use rumbo::session::{MarkKind, MarkLevel};

/// A session with consent, focused on the first occupation's functions.
fn in_functions(app: &mut App) {
    app.new_session("Ana", None, true);
    app.press(KeyCode::Enter);
    app.press(KeyCode::Enter);
}

#[test]
fn two_one_zero_set_and_clear_a_function_and_a_competency_mark() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    in_functions(&mut app);
    let occupation = app.model.catalog.occupation(&app.occupation().unwrap()).unwrap().clone();
    let function = occupation.functions[0].id.clone();
    let level = |app: &App, kind, id: &str| app.ws().session.mark_of(kind, id);

    app.char('2');
    assert_eq!(level(&app, MarkKind::Function, &function), Some(MarkLevel::Has), "one key for la tiene");
    app.char('2');
    assert_eq!(level(&app, MarkKind::Function, &function), Some(MarkLevel::Has), "2 again keeps it");
    app.char('1');
    assert_eq!(level(&app, MarkKind::Function, &function), Some(MarkLevel::InDevelopment));
    app.char('0');
    assert_eq!(level(&app, MarkKind::Function, &function), None);
    // Space still cycles.
    app.char(' ');
    assert_eq!(level(&app, MarkKind::Function, &function), Some(MarkLevel::InDevelopment));
    app.char('0');

    app.press(KeyCode::Right);
    assert_eq!(app.ws().tab, DetailTab::Competencies);
    let competency = occupation.competencies[0].competency.clone();
    app.char('1');
    assert_eq!(level(&app, MarkKind::Competency, &competency), Some(MarkLevel::InDevelopment));
    app.char('2');
    assert_eq!(level(&app, MarkKind::Competency, &competency), Some(MarkLevel::Has));
    app.char('0');
    assert_eq!(level(&app, MarkKind::Competency, &competency), None);
    app.char('2');
    // Saved as any mark is.
    app.send(rumbo::app::Msg::SaveDue);
    assert_eq!(app.saved().mark_of(MarkKind::Competency, &competency), Some(MarkLevel::Has));

    // In Programs the digits shortlist nothing.
    app.press(KeyCode::Tab);
    app.char('2');
    assert!(app.ws().session.shortlist.is_empty());
}

#[test]
fn a_read_only_session_takes_no_mark_from_the_digits_as_from_space() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    in_functions(&mut app);
    app.ws_mut().persistence = Persistence::ReadOnly;
    for c in ['2', '1', ' ', '0'] {
        app.char(c);
        assert!(app.ws().session.marks.is_empty(), "{c:?} marked a read-only session");
    }
}

#[test]
fn the_legend_names_each_mark_with_its_key_even_a_remapped_one_at_80x24() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    in_functions(&mut app);
    let screen = app.screen_text();
    assert!(screen.contains("2 ● la tiene · 1 ◐ en desarrollo · 0 ○"), "{screen}");

    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        home.path().join("config.ron"),
        "Config(keys: (marcar_la_tiene: \"h\", marcar_en_desarrollo: \"d\", quitar_marca: \"x\"))\n",
    )
    .unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut app = App::start(data.path());
    app.model.keymap = Config::load(home.path()).unwrap().keymap().unwrap();
    in_functions(&mut app);
    let screen = app.screen_text();
    assert!(screen.contains("h ● la tiene · d ◐ en desarrollo · x ○"), "{screen}");
    let occupation = app.model.catalog.occupation(&app.occupation().unwrap()).unwrap().clone();
    app.char('h');
    assert_eq!(
        app.ws().session.mark_of(MarkKind::Function, &occupation.functions[0].id),
        Some(MarkLevel::Has)
    );
}
