//! The keymap from the keyboard's side: a key an office changed in config.ron works in the app (and the
//! old one no longer does), a key pressed where it means nothing says where it works, and every action
//! has its words in both languages and a place in the help.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::keyflow_support::{App, render};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rumbo::app::keymap::{Action, Keymap, Place};
use rumbo::app::{Msg, Notice, Overlay, Pane};
use rumbo::config::Config;
use rumbo::i18n::Lang;
use rumbo::ui::keys::{
    self, FOOTER_BEST_FIT, FOOTER_CLOSE, FOOTER_COMMON, FOOTER_COPY, FOOTER_DISCARD, FOOTER_FORM,
    FOOTER_KIOSK, FOOTER_NOTES, FOOTER_PIN, FOOTER_QUIT, FOOTER_RETRY, FOOTER_SEARCH, FOOTER_SESSIONS, HELP,
    README_MORE, footer_pane,
};

fn ctrl(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

#[test]
fn a_key_changed_in_config_ron_works_in_the_app_and_shows_in_footer_and_help() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(
        home.path().join("config.ron"),
        "// the office's keys\nConfig(\n    keys: (buscar: \"ctrl+f\", ordenar: \"o\"),\n)\n",
    )
    .unwrap();
    // As `rumbo` starts: config.ron read and checked, its keymap given to the model.
    let config = Config::load(home.path()).unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut app = App::start(data.path());
    app.model.keymap = config.keymap().unwrap();
    app.new_session("Ana", None, true);

    app.press(KeyCode::Enter);
    assert_eq!(app.focus(), Pane::Occupations);
    app.char('o');
    assert!(app.ws().sort_by_fit, "o sorts now");
    app.char('s');
    assert!(app.ws().sort_by_fit, "s no longer sorts");
    let footer = app.screen_text();
    assert!(footer.contains("o ordenar por ajuste"), "{footer}");
    assert!(footer.contains("Ctrl+F buscar"), "{footer}");

    app.char('/');
    assert!(app.ws().overlay.is_none(), "/ no longer searches");
    app.send(ctrl('f'));
    assert!(matches!(app.ws().overlay, Some(Overlay::Search(_))), "Ctrl+F searches");
    // Letters are still typed into the query.
    app.type_text("so");
    let Some(Overlay::Search(popup)) = &app.ws().overlay else { panic!("the search is open") };
    assert_eq!(popup.query, "so");
    app.press(KeyCode::Esc);
    app.char('?');
    let help = app.screen_text();
    assert!(help.contains("Ctrl+F    buscar en todo el catálogo"), "{help}");
}

#[test]
fn a_key_that_means_nothing_here_says_where_it_works() {
    let data = tempfile::tempdir().unwrap();
    let mut app = App::start(data.path());
    app.new_session("Ana", None, true);
    app.press(KeyCode::Tab);
    app.press(KeyCode::Tab);
    assert_eq!(app.focus(), Pane::Functions);
    app.char('s');
    assert!(!app.ws().sort_by_fit);
    let hint = "s ordena por ajuste — solo en Sectores, Ocupaciones";
    assert_eq!(app.ws().hint.map(|h| keys::hint(&h, Lang::Es)).as_deref(), Some(hint));
    assert!(app.screen_text().contains(hint), "{}", app.screen_text());
    // The next key takes the hint away, and the pane's keys come back.
    app.press(KeyCode::Down);
    assert_eq!(app.ws().hint, None);
    assert!(app.screen_text().contains("Espacio marcar"));
    // In Sectores, Espacio marks nothing: it says where it does.
    app.press(KeyCode::Tab);
    app.press(KeyCode::Tab);
    app.char(' ');
    let said = app.ws().hint.map(|h| keys::hint(&h, Lang::Es));
    assert_eq!(said.as_deref(), Some("Espacio marcar — solo en Funciones, Programas de formación"));
    // On the start screen, a workspace key says where it works too.
    app.char('q');
    app.char('g');
    let notice = app.model.sessions.notice.as_ref().map(|n| rumbo::ui::failure::notice(n, Lang::Es));
    assert_eq!(
        notice.as_deref(),
        Some(
            "g muestra la brecha — solo en Sectores, Ocupaciones, Funciones, Programas de formación, Detalle de la ocupación"
        )
    );
    // A notice that says something else stays: a stray key does not hide it.
    app.model.sessions.notice = Some(Notice::ReadOnlyRefused);
    app.char('g');
    assert_eq!(app.model.sessions.notice, Some(Notice::ReadOnlyRefused));
}

#[test]
fn shift_tab_is_in_the_footers_where_it_works() {
    let data = tempfile::tempdir().unwrap();
    let mut app = App::start(data.path());
    app.new_session("Ana", None, true);
    let screen = app.screen_text();
    assert!(screen.contains("Tab/Mayús+Tab panel"), "{screen}");
    app.model.lang = Lang::En;
    assert!(render(&app.model).join("\n").contains("Tab/Shift+Tab pane"));
}

/// Every label id the keymap's texts use.
fn label_ids() -> Vec<&'static str> {
    let mut ids: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
    ids.extend(HELP.iter().chain(README_MORE).map(|r| r.text));
    ids.push("ayuda.raton");
    let places = [Place::Sectors, Place::Occupations, Place::Functions, Place::Programs];
    let footers = [
        FOOTER_CLOSE,
        FOOTER_COMMON,
        FOOTER_FORM,
        FOOTER_KIOSK,
        FOOTER_QUIT,
        FOOTER_RETRY,
        FOOTER_SESSIONS,
        FOOTER_SEARCH,
        FOOTER_NOTES,
        FOOTER_DISCARD,
        FOOTER_PIN,
        FOOTER_COPY,
        FOOTER_BEST_FIT,
    ];
    for entries in footers.into_iter().chain(places.map(footer_pane)) {
        ids.extend(entries.iter().map(|(_, label)| *label));
    }
    ids
}

#[test]
fn every_action_has_words_in_both_languages_and_a_place_in_the_help() {
    for id in label_ids() {
        for lang in [Lang::Es, Lang::En] {
            assert!(!lang.label(id).trim().is_empty(), "no {lang:?} label for {id}");
        }
    }
    let rows = HELP.iter().chain(README_MORE);
    let listed: Vec<Action> = rows.flat_map(|r| r.groups.iter().flat_map(|g| g.iter().copied())).collect();
    let map = Keymap::default();
    for action in Action::ALL {
        // Esc is the help's own last line, "Esc cerrar".
        assert!(listed.contains(action) || *action == Action::Close, "{action:?} is in no help row");
        // A key of the workspace is in the `?` popup itself.
        if action.places().iter().any(|p| Place::PANES.contains(p)) || *action == Action::Close {
            let key = keys::name(&map.keys(*action)[0], Lang::Es);
            let lines = keys::help_lines(&map, Lang::Es);
            let hint = keys::footer(&map, FOOTER_CLOSE, Lang::Es);
            let found =
                lines.iter().chain([&hint]).any(|l| l.split("    ").next().is_some_and(|k| k.contains(&key)));
            assert!(found, "{action:?} ({key}) is not in the ? help");
        }
    }
    let data = tempfile::tempdir().unwrap();
    let mut app = App::start(data.path());
    app.new_session("Ana", None, true);
    app.char('?');
    // At 80×24 the help scrolls: every key is drawn on one page or another.
    let mut drawn = app.screen_text();
    assert!(drawn.contains("Esc cerrar"), "{drawn}");
    for _ in 0..40 {
        app.press(KeyCode::Down);
        drawn.push_str(&app.screen_text());
    }
    for line in keys::help_lines(&map, Lang::Es) {
        let keys = line.split("    ").next().unwrap();
        assert!(drawn.contains(keys), "{keys} is not drawn:\n{drawn}");
    }
}
