//! Keyflow tests of the workspace: moving between and within panes, the mouse, marks, the shortlist, sort
//! by fit, the popups (gap, help, notes) and leaving.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::keyflow_support;

use crossterm::event::{KeyCode, MouseEventKind};
use keyflow_support::{App, click, mouse, shift_tab};
use ratatui::layout::Rect;
use rumbo::app::{DetailTab, Msg, NotesTab, Overlay, Pane, Screen};
use rumbo::session::{MarkKind, MarkLevel};
use rumbo::ui::layout;

/// A started app in a fresh session with consent, and the folder it writes to.
fn session() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.new_session("Ana", None, true);
    (dir, app)
}

fn occupation_ids(app: &App) -> Vec<String> {
    let set = app.model.catalog.clone();
    app.ws().occupations(&set).iter().map(|o| o.id.clone()).collect()
}

#[test]
fn tab_and_shift_tab_cycle_the_panes_and_enter_drills_in() {
    let (_dir, mut app) = session();
    assert_eq!(app.focus(), Pane::Sectors);
    for expected in [Pane::Occupations, Pane::Functions, Pane::Programs, Pane::Sectors] {
        app.press(KeyCode::Tab);
        assert_eq!(app.focus(), expected);
    }
    for expected in [Pane::Programs, Pane::Functions, Pane::Occupations, Pane::Sectors] {
        app.send(shift_tab());
        assert_eq!(app.focus(), expected);
    }
    for expected in [Pane::Occupations, Pane::Functions, Pane::Programs, Pane::Programs] {
        app.press(KeyCode::Enter);
        assert_eq!(app.focus(), expected);
    }
}

#[test]
fn arrows_vim_keys_pages_home_and_end_move_the_selection() {
    let (_dir, mut app) = session();
    app.press(KeyCode::Enter);
    let count = occupation_ids(&app).len();
    assert_eq!(count, 6);
    app.press(KeyCode::Down);
    app.char('j');
    assert_eq!(app.ws().occupation, 2);
    app.char('k');
    assert_eq!(app.ws().occupation, 1);
    app.press(KeyCode::Up);
    app.press(KeyCode::Up);
    assert_eq!(app.ws().occupation, 0, "stops at the top");
    app.press(KeyCode::End);
    assert_eq!(app.ws().occupation, count - 1);
    app.char('j');
    assert_eq!(app.ws().occupation, count - 1, "stops at the bottom");
    app.press(KeyCode::Home);
    assert_eq!(app.ws().occupation, 0);

    // The supervisor has 15 functions: a page is several rows, never past the end.
    app.press(KeyCode::Enter);
    assert_eq!(app.focus(), Pane::Functions);
    app.press(KeyCode::PageDown);
    let paged = app.ws().function;
    assert!(paged > 1, "PgDn moves more than one row: {paged}");
    app.press(KeyCode::PageDown);
    app.press(KeyCode::PageDown);
    assert_eq!(app.ws().function, 14);
    app.press(KeyCode::PageUp);
    assert_eq!(app.ws().function, 14 - paged);
    app.press(KeyCode::Home);
    assert_eq!(app.ws().function, 0);

    // Choosing another occupation starts its functions from the top.
    app.press(KeyCode::End);
    app.send(shift_tab());
    app.char('j');
    app.press(KeyCode::Tab);
    assert_eq!(app.ws().function, 0);
}

#[test]
fn space_cycles_function_and_competency_marks_and_arrows_switch_the_tab() {
    let (_dir, mut app) = session();
    app.press(KeyCode::Enter);
    app.press(KeyCode::Enter);
    let occupation = app.model.catalog.occupation(&app.occupation().unwrap()).unwrap().clone();
    let function = occupation.functions[0].id.clone();
    let level = |app: &App, kind, id: &str| app.ws().session.mark_of(kind, id);
    app.char(' ');
    assert_eq!(level(&app, MarkKind::Function, &function), Some(MarkLevel::InDevelopment));
    assert!(app.screen_text().contains('◐'));
    app.char(' ');
    assert_eq!(level(&app, MarkKind::Function, &function), Some(MarkLevel::Has));
    assert!(app.screen_text().contains('●'));
    app.char(' ');
    assert_eq!(level(&app, MarkKind::Function, &function), None);

    app.press(KeyCode::Right);
    assert_eq!(app.ws().tab, DetailTab::Competencies);
    app.char('j');
    let competency = occupation.competencies[1].competency.clone();
    app.char(' ');
    assert_eq!(level(&app, MarkKind::Competency, &competency), Some(MarkLevel::InDevelopment));
    app.char(' ');
    assert_eq!(level(&app, MarkKind::Competency, &competency), Some(MarkLevel::Has));
    app.char(' ');
    assert_eq!(level(&app, MarkKind::Competency, &competency), None);
    app.press(KeyCode::Left);
    assert_eq!(app.ws().tab, DetailTab::Functions);
    assert!(app.ws().session.marks.is_empty());

    // Space on sectors or occupations marks nothing.
    app.send(shift_tab());
    app.char(' ');
    assert!(app.ws().session.marks.is_empty());
}

#[test]
fn space_in_programs_shortlists_and_unshortlists() {
    let (_dir, mut app) = session();
    app.press(KeyCode::Enter);
    app.char('j');
    app.press(KeyCode::Tab);
    app.press(KeyCode::Tab);
    assert_eq!(app.focus(), Pane::Programs);
    let occupation = app.occupation().unwrap();
    let programs =
        app.model.catalog.programs_for(&occupation).iter().map(|p| p.id.clone()).collect::<Vec<_>>();
    assert!(programs.len() > 1);
    app.char('j');
    app.char(' ');
    assert!(app.ws().session.is_shortlisted(&programs[1]));
    assert!(!app.ws().session.is_shortlisted(&programs[0]));
    app.char(' ');
    assert!(app.ws().session.shortlist.is_empty());
    app.char(' ');
    app.char('q');
    app.press(KeyCode::Enter);
    assert!(app.ws().session.is_shortlisted(&programs[1]), "the shortlist is saved");
}

#[test]
fn s_sorts_by_fit_and_keeps_the_same_occupation_selected() {
    let (_dir, mut app) = session();
    app.press(KeyCode::Enter);
    let catalog_order = occupation_ids(&app);
    // Mark two functions of the third occupation, then go back to the first.
    app.char('j');
    app.char('j');
    let third = app.occupation().unwrap();
    app.press(KeyCode::Enter);
    app.char(' ');
    app.char(' ');
    app.char('j');
    app.char(' ');
    app.send(shift_tab());
    app.press(KeyCode::Home);
    let first = app.occupation().unwrap();
    app.char('s');
    assert!(app.ws().sort_by_fit);
    assert_eq!(occupation_ids(&app)[0], third, "best fit first");
    assert_eq!(app.occupation().unwrap(), first, "the selection follows the occupation");
    app.char('s');
    assert_eq!(occupation_ids(&app), catalog_order);
    assert_eq!(app.occupation().unwrap(), first);
}

#[test]
fn marking_while_sorted_by_fit_keeps_the_occupation_selected() {
    let (_dir, mut app) = session();
    app.press(KeyCode::Enter);
    app.char('s');
    app.press(KeyCode::End);
    let last = app.occupation().unwrap();
    app.press(KeyCode::Enter);
    // Its fit rises above every other one: it moves up the list, the selection with it.
    app.char(' ');
    app.char(' ');
    assert_eq!(occupation_ids(&app)[0], last);
    assert_eq!(app.occupation().unwrap(), last, "still on the occupation being marked");
    assert_eq!(app.ws().session.focus.occupation.as_deref(), Some(last.as_str()));
    app.char('j');
    app.char(' ');
    let set = app.model.catalog.clone();
    let marked = &set.occupation(&last).unwrap().functions[1].id;
    assert_eq!(app.ws().session.mark_of(MarkKind::Function, marked), Some(MarkLevel::InDevelopment));
    // A competency counts for every occupation that needs it: the order may change, the selection not.
    app.press(KeyCode::Right);
    app.char(' ');
    app.char(' ');
    assert_eq!(app.occupation().unwrap(), last);
}

#[test]
fn g_opens_the_gap_question_mark_the_help_and_esc_closes_any_popup() {
    let (_dir, mut app) = session();
    app.char('g');
    assert!(matches!(app.ws().overlay, Some(Overlay::Gap(_))));
    app.press(KeyCode::Esc);
    assert!(app.ws().overlay.is_none());
    app.char('?');
    assert!(matches!(app.ws().overlay, Some(Overlay::Help(_))));
    assert!(app.screen_text().contains("ordenar ocupaciones por ajuste"), "{}", app.screen_text());
    app.char('j');
    assert!(matches!(app.ws().overlay, Some(Overlay::Help(_))), "keys do not leak through the help");
    assert_eq!(app.ws().occupation, 0);
    app.press(KeyCode::Esc);
    app.char('/');
    assert!(matches!(app.ws().overlay, Some(Overlay::Search(_))));
    app.type_text("ventas");
    app.press(KeyCode::Esc);
    assert!(app.ws().overlay.is_none());
    app.char('n');
    assert!(matches!(app.ws().overlay, Some(Overlay::Notes(_))));
    app.press(KeyCode::Esc);
    assert!(app.ws().overlay.is_none());
    assert!(matches!(app.model.screen, Screen::Workspace(_)), "Esc never leaves the workspace");
}

#[test]
fn notes_have_a_tab_for_the_focused_occupation() {
    let (_dir, mut app) = session();
    app.press(KeyCode::Enter);
    app.char('j');
    let occupation = app.occupation().unwrap();
    app.char('n');
    app.type_text("Sesión: le gusta hablar\ncon gente");
    app.press(KeyCode::Tab);
    let Some(Overlay::Notes(notes)) = &app.ws().overlay else { panic!() };
    assert_eq!(notes.tab, NotesTab::Occupation);
    assert!(notes.editor.lines().iter().all(|l| l.is_empty()), "the occupation's note starts empty");
    app.type_text("Buena opción q j k");
    app.press(KeyCode::Tab);
    let Some(Overlay::Notes(notes)) = &app.ws().overlay else { panic!() };
    assert_eq!(notes.tab, NotesTab::Session);
    app.press(KeyCode::Esc);
    assert_eq!(app.ws().session.notes, "Sesión: le gusta hablar\ncon gente");
    assert_eq!(app.ws().session.occupation_note(&occupation), Some("Buena opción q j k"));
    let title = app.model.catalog.occupation(&occupation).unwrap().title.clone();
    app.char('n');
    app.press(KeyCode::Tab);
    let screen = app.screen_text();
    assert!(screen.contains("Buena opción q j k"), "{screen}");
    assert!(screen.contains(&title[..12]), "the tab names the occupation:\n{screen}");
}

#[test]
fn paste_into_notes_strips_control_bidi_and_zero_width_characters() {
    let (_dir, mut app) = session();
    app.char('n');
    app.send(Msg::Paste("\x1b[31mhola\u{202E}mundo\u{200B}".into()));
    assert_eq!(app.ws().session.notes, "holamundo");
    let Some(Overlay::Notes(notes)) = &app.ws().overlay else { panic!() };
    assert_eq!(notes.editor.lines(), ["holamundo"]);
    app.send(Msg::Paste("\r\nsegunda\u{2066} línea\u{FEFF}".into()));
    assert_eq!(app.ws().session.notes, "holamundo\nsegunda línea");
    app.press(KeyCode::Esc);
    app.send(Msg::SaveDue);
    assert_eq!(app.saved().notes, "holamundo\nsegunda línea");
}

#[test]
fn mouse_click_focuses_and_selects_and_the_wheel_scrolls() {
    let (_dir, mut app) = session();
    app.send(Msg::Resize(100, 30));
    let sectors = app.model.catalog.sectors().count();
    let areas = layout::workspace(Rect::new(0, 0, 100, 30), sectors);

    let list = areas.list(Pane::Occupations);
    app.pointer(click(list.x + 2, list.y + 3));
    assert_eq!(app.focus(), Pane::Occupations);
    assert_eq!(app.ws().occupation, 3);
    let fourth = app.occupation().unwrap();
    assert_eq!(app.ws().session.focus.occupation.as_deref(), Some(fourth.as_str()), "recorded for resume");

    let functions = areas.list(Pane::Functions);
    app.pointer(click(functions.x + 5, functions.y + 2));
    assert_eq!(app.focus(), Pane::Functions);
    assert_eq!(app.ws().function, 2);
    app.char(' ');
    let set = app.model.catalog.clone();
    let f = &set.occupation(&fourth).unwrap().functions[2].id;
    assert_eq!(app.ws().session.mark_of(MarkKind::Function, f), Some(MarkLevel::InDevelopment));

    // The wheel moves the selection of the pane under the pointer.
    app.pointer(mouse(MouseEventKind::ScrollDown, list.x + 2, list.y));
    assert_eq!(app.ws().occupation, 4);
    app.pointer(mouse(MouseEventKind::ScrollUp, list.x + 2, list.y));
    app.pointer(mouse(MouseEventKind::ScrollUp, list.x + 2, list.y));
    assert_eq!(app.ws().occupation, 2);
    app.pointer(mouse(MouseEventKind::ScrollDown, functions.x + 2, functions.y));
    assert_eq!(app.ws().function, 1);

    // Programs take two lines each.
    let programs = areas.list(Pane::Programs);
    app.pointer(click(programs.x + 3, programs.y + 2));
    assert_eq!(app.focus(), Pane::Programs);
    assert_eq!(app.ws().program, 1);
    // A click below the last row focuses without selecting.
    app.pointer(click(list.x + 2, list.y + list.height - 1));
    assert_eq!(app.focus(), Pane::Occupations);
    assert_eq!(app.ws().occupation, 2);
}

#[test]
fn q_leaves_the_workspace_to_the_start_screen_and_q_there_quits() {
    let (_dir, mut app) = session();
    app.char('q');
    assert!(matches!(app.model.screen, Screen::Sessions));
    assert!(!app.runner.wants_quit());
    assert_eq!(app.model.sessions.rows.len(), 1);
    assert!(app.screen_text().contains("Ana"));
    app.char('q');
    assert!(app.runner.wants_quit());
}
