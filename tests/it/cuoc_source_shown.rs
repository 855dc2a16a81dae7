//! "DANE, CUOC 2025" wherever CUOC content is shown: the gap popup (under its fit) and the search popup's
//! selected result (on its border) say it, where the occupation detail (which says it too) is hidden.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::cuoc_support::{cuoc_catalog, start_cuoc};
use crossterm::event::KeyCode;
use rumbo::i18n::Lang;

/// The popup's bottom border row (`╚…╝`) that holds `text`, if any.
fn on_bottom_border(screen: &[String], text: &str) -> bool {
    screen.iter().any(|row| row.contains('╚') && row.contains(text))
}

#[test]
fn the_gap_of_a_cuoc_occupation_names_its_source_at_80x24() {
    let (set, _) = cuoc_catalog();
    for (lang, said) in [(Lang::Es, "Fuente: DANE, CUOC 2025"), (Lang::En, "Source: DANE, CUOC 2025")] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = start_cuoc(dir.path(), lang);
        app.new_session("Ana", None, true);
        app.ws_mut().sector = set.sectors().position(|s| s.id == "cuoc-area-afde").unwrap();
        app.press(KeyCode::Tab);
        app.char('g');
        let screen = app.screen();
        // Under the fit, inside the popup: its bottom border holds the marks' legend (issue 14).
        assert!(screen.iter().any(|row| row.starts_with('║') && row.contains(said)), "{screen:#?}");
        // The detail that says it too is covered by the popup.
        assert_eq!(screen.iter().filter(|r| r.contains("DANE, CUOC 2025")).count(), 1, "{screen:#?}");
    }
}

#[test]
fn the_search_popup_names_the_source_of_the_selected_result() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = start_cuoc(dir.path(), Lang::Es);
    app.new_session("Ana", None, true);
    app.char('/');
    app.type_text("cajera");
    assert!(on_bottom_border(&app.screen(), "Fuente: DANE, CUOC 2025"), "{:#?}", app.screen());
    // A BPO result says its own source instead: the BPO sector, found by its name.
    for _ in 0..6 {
        app.press(KeyCode::Backspace);
    }
    app.type_text("externalización de procesos comerciales");
    let screen = app.screen();
    let index = app.model.index.clone();
    let Some(rumbo::app::Overlay::Search(popup)) = &app.ws().overlay else { panic!() };
    let item = index.item(popup.hits[popup.selected].item);
    assert_eq!(item.id, "bpo", "{screen:#?}");
    assert!(on_bottom_border(&screen, "Fuente: Pactos"), "{screen:#?}");
    assert!(!screen.iter().any(|r| r.contains("DANE, CUOC 2025")), "{screen:#?}");
}
