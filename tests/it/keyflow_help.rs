//! The `?` help at the smallest screen: it never covers the header or the footer, scrolls with the list
//! keys and the wheel, never past its last line, and says there is more above or below.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::keyflow_support::{App, mouse};
use crossterm::event::{KeyCode, MouseEventKind};
use rumbo::app::{HelpScroll, Msg, Overlay};
use rumbo::i18n::Lang;

fn help_open(lang: Lang) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::start(dir.path());
    app.model.lang = lang;
    app.new_session("Ana", None, true);
    app.char('?');
    (dir, app)
}

fn scroll(app: &App) -> HelpScroll {
    match &app.ws().overlay {
        Some(Overlay::Help(scroll)) => *scroll,
        _ => panic!("the help is open"),
    }
}

/// The words each language uses: the footer's close hint, its scroll hint, the markers, the help's last line
/// (the end of O*NET's credit, in the license's words, issue 16).
fn words(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::Es => ["Esc cerrar", "↑↓ desplazar", "↑ más", "↓ más", "tested these modifications."],
        Lang::En => ["Esc close", "↑↓ scroll", "↑ more", "↓ more", "tested these modifications."],
    }
}

#[test]
fn the_help_at_80x24_leaves_header_and_footer_and_scrolls_to_its_last_line() {
    // English is shorter: it fits at 80×24 (see the next test).
    for lang in [Lang::Es] {
        let (_dir, mut app) = help_open(lang);
        let [close, scroll_hint, above, below, last] = words(lang);
        assert_eq!(app.model.size, (80, 24));
        let screen = app.screen();
        assert!(screen[0].contains("rumbo · Ana"), "the header stays: {}", screen[0]);
        assert!(screen[22].contains(scroll_hint) && screen[22].contains(close), "{}", screen[22]);
        assert!(screen[23].contains('?'), "the global footer line stays: {}", screen[23]);
        assert!(screen[21].contains(below) && !screen[1].contains(above), "{screen:#?}");
        assert!(!app.screen_text().contains(last), "the last line is below: {screen:#?}");
        let room = scroll(&app).max.expect("the frame told update how far it scrolls");
        assert!(room > 0, "it does not fit at 80×24");

        app.press(KeyCode::End);
        assert_eq!(scroll(&app).offset, room);
        let screen = app.screen();
        assert!(app.screen_text().contains(last), "{screen:#?}");
        assert!(screen[1].contains(above) && !screen[21].contains(below), "{screen:#?}");
        // Never past its end, however often Down or PgDn are pressed.
        for _ in 0..50 {
            app.press(KeyCode::Down);
            app.press(KeyCode::PageDown);
        }
        assert_eq!(scroll(&app).offset, room);
        // So one Up moves it at once.
        let before = app.screen();
        app.press(KeyCode::Up);
        assert_eq!(scroll(&app).offset, room - 1);
        assert_ne!(app.screen(), before);
        app.press(KeyCode::PageUp);
        app.press(KeyCode::Home);
        assert_eq!(scroll(&app).offset, 0);
        // `k` and `j` scroll too (the list keys, through the keymap).
        app.char('j');
        assert_eq!(scroll(&app).offset, 1);
        app.char('k');
        assert_eq!(scroll(&app).offset, 0);
    }
}

#[test]
fn a_help_that_fits_shows_whole_and_says_only_how_to_close_it() {
    let (_dir, mut app) = help_open(Lang::En);
    // Rows more than 80×24: the plan's keys (issue 13) made the help one line longer than that,
    // `v` (issue 14) one more, the fit's meaning (issue 14) three more, the sources with O*NET's
    // credit (issue 16) ten more and `u` (issue 16) one more.
    app.model.size = (80, 41);
    app.send(rumbo::app::Msg::Resize(80, 41));
    let [close, scroll_hint, above, below, last] = words(Lang::En);
    let screen = app.screen();
    assert_eq!(scroll(&app), HelpScroll { offset: 0, max: Some(0) }, "{screen:#?}");
    assert!(screen[0].contains("rumbo · Ana"), "{}", screen[0]);
    let keys = &screen[screen.len() - 2];
    assert!(keys.contains(close) && !keys.contains(scroll_hint), "{keys}");
    let text = app.screen_text();
    assert!(text.contains(last) && !text.contains(above) && !text.contains(below), "{screen:#?}");
}

#[test]
fn the_wheel_scrolls_the_help_and_stops_at_its_end() {
    let (_dir, mut app) = help_open(Lang::Es);
    let room = scroll(&app).max.unwrap();
    app.pointer(mouse(MouseEventKind::ScrollDown, 40, 12));
    assert_eq!(scroll(&app).offset, 1);
    for _ in 0..40 {
        app.pointer(mouse(MouseEventKind::ScrollDown, 40, 12));
    }
    assert_eq!(scroll(&app).offset, room);
    app.pointer(mouse(MouseEventKind::ScrollUp, 40, 12));
    assert_eq!(scroll(&app).offset, room - 1);
    assert!(matches!(app.ws().overlay, Some(Overlay::Help(_))), "the wheel does not close it");
}

#[test]
fn a_larger_window_shows_it_whole_and_the_scroll_follows() {
    let (_dir, mut app) = help_open(Lang::Es);
    app.press(KeyCode::End);
    assert!(scroll(&app).offset > 0);
    // Tall enough for all of it since the sources and O*NET's credit (issue 16).
    app.send(Msg::Resize(120, 50));
    assert_eq!(scroll(&app), HelpScroll { offset: 0, max: Some(0) });
    let screen = app.screen();
    let text = app.screen_text();
    assert!(text.contains("Ratón: clic para elegir") && text.contains("Tab / Mayús+Tab"), "{screen:#?}");
    assert!(!text.contains("↓ más") && !text.contains("↑ más"), "{screen:#?}");
    // Whole, it says only how to close it.
    assert!(screen[48].contains("Esc cerrar") && !screen[48].contains("desplazar"), "{}", screen[48]);
}
