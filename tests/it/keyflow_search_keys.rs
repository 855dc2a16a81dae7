//! Keyflow tests of the search popup's line editing (Ctrl+U, Ctrl+W) and of what each result says about
//! itself: the session's mark on it, and a function's occupation (issue 14).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::keyflow_support::App;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rumbo::app::{Msg, Overlay, SearchPopup};
use rumbo::session::{MarkKind, MarkLevel};

fn session() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.new_session("Ana", None, true);
    app.send(Msg::Resize(80, 24));
    (dir, app)
}

fn ctrl(app: &mut App, c: char) {
    app.send(Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)));
}

fn popup(app: &App) -> &SearchPopup {
    let Some(Overlay::Search(popup)) = &app.ws().overlay else { panic!("the search is open") };
    popup
}

#[test]
fn ctrl_u_empties_the_query_and_its_results_follow() {
    let (_dir, mut app) = session();
    app.char('/');
    let everything = (popup(&app).total, popup(&app).hits.len());
    app.type_text("cartera");
    assert_eq!(popup(&app).total, 2);
    app.press(KeyCode::Down);
    ctrl(&mut app, 'u');
    assert_eq!(popup(&app).query, "");
    assert_eq!((popup(&app).total, popup(&app).hits.len()), everything, "the results of the empty query");
    assert_eq!(popup(&app).selected, 0);
    assert!(!app.screen_text().contains("cartera"), "{}", app.screen_text());
    // The popup is still open and takes the next query.
    app.type_text("cartera");
    assert_eq!(popup(&app).total, 2);
}

#[test]
fn ctrl_w_deletes_one_word_at_a_time() {
    let (_dir, mut app) = session();
    app.char('/');
    app.type_text("recuperar la cartera");
    assert_eq!(popup(&app).total, 2);
    app.type_text(" zzzz");
    assert_eq!(popup(&app).total, 0);
    ctrl(&mut app, 'w');
    assert_eq!(popup(&app).query, "recuperar la cartera ");
    assert_eq!(popup(&app).total, 2, "the results follow the shorter query");
    ctrl(&mut app, 'w');
    assert_eq!(popup(&app).query, "recuperar la ");
    ctrl(&mut app, 'w');
    assert_eq!(popup(&app).query, "recuperar ");
    app.type_text("cartera  ");
    ctrl(&mut app, 'w');
    assert_eq!(popup(&app).query, "recuperar ", "the spaces go with the word before them");
    ctrl(&mut app, 'w');
    ctrl(&mut app, 'w');
    assert_eq!(popup(&app).query, "");
    assert!(app.ws().session.marks.is_empty(), "no key reached the panes");
}

/// The row of the selected result, as drawn.
fn selected_row(app: &App, text: &str) -> String {
    let screen = app.screen();
    let rows: Vec<&String> = screen.iter().filter(|row| row.contains(text)).collect();
    assert_eq!(rows.len(), 1, "one row shows {text:?}:\n{}", screen.join("\n"));
    rows[0].clone()
}

#[test]
fn a_marked_function_shows_its_mark_in_the_results() {
    let (_dir, mut app) = session();
    // Mark asc-07 (a cartera function) as "la tiene" from the search itself: Enter, Space twice.
    app.char('/');
    app.type_text("cartera");
    let index = app.model.index.clone();
    let at = popup(&app).hits.iter().position(|hit| index.item(hit.item).id == "asc-07").unwrap();
    for _ in 0..at {
        app.press(KeyCode::Down);
    }
    app.press(KeyCode::Enter);
    app.char(' ');
    app.char(' ');
    assert_eq!(app.ws().session.mark_of(MarkKind::Function, "asc-07"), Some(MarkLevel::Has));
    app.char('/');
    app.type_text("cartera");
    let set = app.model.catalog.clone();
    let text = |id: &str, occupation: &str| {
        let functions = &set.occupation(occupation).unwrap().functions;
        let text = &functions.iter().find(|f| f.id == id).unwrap().text;
        text.chars().take(20).collect::<String>()
    };
    let marked = selected_row(&app, &text("asc-07", "auxiliar-servicio-cliente"));
    assert!(marked.contains('●'), "{marked}");
    let other = index.item(popup(&app).hits.iter().find(|h| index.item(h.item).id == "vnt-13").unwrap().item);
    let unmarked = selected_row(&app, &other.text.chars().take(20).collect::<String>());
    assert!(unmarked.contains('○') && !unmarked.contains('●'), "{unmarked}");
}

#[test]
fn a_function_result_names_its_occupation_at_80x24() {
    let (_dir, mut app) = session();
    app.char('/');
    app.type_text("cartera");
    let set = app.model.catalog.clone();
    let index = app.model.index.clone();
    let hits = popup(&app).hits.clone();
    assert_eq!(hits.len(), 2);
    let mut occupations = Vec::new();
    for hit in hits {
        let item = index.item(hit.item);
        let (occupation, _) = item.occupation.unwrap();
        let name = set.occupation(occupation).unwrap().list_title().to_string();
        // Its row names it, cut if it must be; the selected one's whole name is on the line above.
        let row = selected_row(&app, &item.text.chars().take(20).collect::<String>());
        let start: String = name.chars().take(20).collect();
        assert!(row.contains(&format!("— {start}")), "{name:?} in {row:?}");
        let screen = app.screen();
        let counted = screen.iter().find(|row| row.contains("resultados")).unwrap();
        assert!(counted.contains(&name), "{name:?} in {counted:?}");
        app.press(KeyCode::Down);
        occupations.push(name);
    }
    assert_ne!(occupations[0], occupations[1], "the two cartera functions are told apart");
}
