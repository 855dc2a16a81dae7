//! Issue 14 (polish): `v` (`ver_texto_completo`) in the gap popup opens the whole text of the selected
//! item or program, which a row at 80 columns cuts with "…"; closing it returns to the gap with its
//! cursor where it was.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::keyflow_support::App;
use crate::kiosk_visit_support::flat;
use crossterm::event::KeyCode;
use rumbo::app::{GapRow, Overlay, Pane};

/// The gap popup open at 80×24 on the first occupation with an item too long for its row.
fn gap_with_a_long_item(dir: &std::path::Path) -> (App, usize, String) {
    let mut app = App::start(dir);
    app.model.size = (80, 24);
    app.new_session("Ana", None, true);
    let set = app.model.catalog.clone();
    let sector = set.sectors().next().unwrap().id.clone();
    for i in 0..set.occupations_in(&sector).count() {
        app.ws_mut().occupation = i;
        app.ws_mut().focus = Pane::Occupations;
        app.char('g');
        let Some(Overlay::Gap(view)) = &app.ws().overlay else { panic!("g opens the gap") };
        let long = view.rows.iter().enumerate().find_map(|(at, row)| match row {
            GapRow::Item(item) if item.text.chars().count() > 90 => Some((at, item.text.clone())),
            _ => None,
        });
        if let Some((at, text)) = long {
            return (app, at, text);
        }
        app.press(KeyCode::Esc);
    }
    panic!("no occupation with a long gap item");
}

fn selected(app: &App) -> usize {
    match &app.ws().overlay {
        Some(Overlay::Gap(view)) => view.selected,
        _ => panic!("the gap is open: {}", app.screen_text()),
    }
}

#[test]
fn v_in_the_gap_shows_the_whole_item_and_closing_returns_to_the_gap_where_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, at, text) = gap_with_a_long_item(dir.path());
    for _ in 0..at {
        app.press(KeyCode::Down);
    }
    assert_eq!(selected(&app), at);
    let before = flat(&app.screen_text());
    assert!(!before.contains(&text), "the row cuts the item at 80 columns");
    assert!(before.contains("v texto completo"), "the footer names v: {before}");

    app.char('v');
    match &app.ws().overlay {
        Some(Overlay::FullText(full)) => assert!(matches!(full.under.as_deref(), Some(Overlay::Gap(_)))),
        _ => panic!("v opens the whole text over the gap: {}", app.screen_text()),
    }
    let shown = flat(&app.screen_text());
    assert!(shown.contains(&flat(&text)), "the whole item: {text}\n{}", app.screen_text());
    assert!(shown.contains("Texto completo"), "{shown}");

    // `v` again closes it: the gap, its cursor where it was.
    app.char('v');
    assert_eq!(selected(&app), at);
    // Esc too; then the list keys move the gap's cursor again.
    app.char('v');
    app.press(KeyCode::Esc);
    assert_eq!(selected(&app), at);
    app.press(KeyCode::Down);
    assert_eq!(selected(&app), at + 1);
}

#[test]
fn v_on_a_program_in_the_gap_shows_all_its_details() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, _, _) = gap_with_a_long_item(dir.path());
    let Some(Overlay::Gap(view)) = &app.ws().overlay else { unreachable!() };
    let Some((at, program)) = view.rows.iter().enumerate().find_map(|(i, row)| match row {
        GapRow::Program(p) => Some((i, p.clone())),
        _ => None,
    }) else {
        panic!("the gap lists programs");
    };
    app.press(KeyCode::End);
    while selected(&app) > at {
        app.press(KeyCode::Up);
    }
    app.char('v');
    let shown = flat(&app.screen_text());
    assert!(shown.contains(&flat(&program.name)), "{}", app.screen_text());
    assert!(shown.contains(&flat(&program.institution)), "{}", app.screen_text());
    app.press(KeyCode::Char('q'));
    assert_eq!(selected(&app), at, "q closes the whole text, back to the gap's cursor");
}
