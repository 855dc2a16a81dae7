//! Every footer at 80 columns, in both languages: hints that do not fit are left out whole, never cut
//! mid-word ("… · m m…"); `?` and Esc stay.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::keyflow_support::{App, new_model, render};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rumbo::app::keymap::{Keymap, Place};
use rumbo::app::kiosk::{AdminKey, KioskState};
use rumbo::app::{Model, Msg, Screen, update};
use rumbo::i18n::Lang;
use rumbo::session::StoreError;
use rumbo::ui::keys::{self, *};

/// Every footer table, and each pane's.
fn tables() -> Vec<&'static [Entry]> {
    let mut all = vec![
        FOOTER_COMMON,
        FOOTER_KIOSK,
        FOOTER_SESSIONS,
        FOOTER_RETRY,
        FOOTER_FORM,
        FOOTER_QUIT,
        FOOTER_CLOSE,
        FOOTER_HELP,
        FOOTER_SEARCH,
        FOOTER_NOTES,
        FOOTER_DISCARD,
        FOOTER_PIN,
        FOOTER_COPY,
        FOOTER_BEST_FIT,
        FOOTER_EXPERIENCE_SEARCH,
        FOOTER_EXPERIENCE_JOBS,
        FOOTER_EXPERIENCE_ITEMS,
    ];
    all.extend(Place::PANES.iter().map(|p| footer_pane(*p)));
    all
}

/// The rows of `screen` that are a footer: they hold the first hint of some table. None may end in `…`.
fn cut_footers(screen: &[String], lang: Lang) -> Vec<String> {
    let map = Keymap::default();
    let firsts: Vec<String> =
        tables().iter().filter(|t| !t.is_empty()).map(|t| keys::footer(&map, &t[..1], lang)).collect();
    let mut found = 0;
    let mut cut = Vec::new();
    for row in screen {
        let inner = row.trim_matches(|c: char| c.is_whitespace() || "│║┃".contains(c));
        if firsts.iter().any(|f| inner.contains(f.as_str())) {
            found += 1;
            if inner.ends_with('…') {
                cut.push(row.clone());
            }
        }
    }
    assert!(found > 0, "no footer found on:\n{}", screen.join("\n"));
    cut
}

fn check(what: &str, screen: Vec<String>, lang: Lang, cut: &mut Vec<String>) {
    for row in cut_footers(&screen, lang) {
        cut.push(format!("{what} ({lang:?}): {row}"));
    }
}

#[test]
fn no_footer_cuts_a_hint_at_80_columns() {
    let mut cut = Vec::new();
    for lang in [Lang::Es, Lang::En] {
        let dir = tempfile::tempdir().unwrap();
        let mut app = App::start(dir.path());
        app.model.lang = lang;
        assert_eq!(app.model.size, (80, 24));
        check("Sesiones", app.screen(), lang, &mut cut);
        app.char('n');
        check("nueva sesión", app.screen(), lang, &mut cut);
        app.press(KeyCode::Esc);
        app.new_session("Ana", None, true);
        let mut step = |app: &mut App, what: &str, keys: &[KeyCode]| {
            for key in keys {
                app.press(*key);
            }
            check(what, app.screen(), lang, &mut cut);
        };
        let c = KeyCode::Char;
        step(&mut app, "Sectores", &[]);
        step(&mut app, "Ocupaciones", &[KeyCode::Enter]);
        step(&mut app, "detalle", &[c('a')]);
        step(&mut app, "Funciones", &[KeyCode::Tab]);
        step(&mut app, "Competencias", &[KeyCode::Right]);
        step(&mut app, "Programas", &[KeyCode::Tab]);
        step(&mut app, "ayuda", &[c('?')]);
        step(&mut app, "búsqueda", &[KeyCode::Esc, c('/')]);
        step(&mut app, "notas", &[KeyCode::Esc, c('n')]);
        step(&mut app, "brecha", &[KeyCode::Esc, c('g')]);
        step(&mut app, "exportar", &[KeyCode::Esc, c('e')]);
        step(&mut app, "mejor ajuste", &[KeyCode::Esc, c('m')]);
        step(&mut app, "experiencia", &[KeyCode::Esc, c('l')]);
        step(&mut app, "experiencia, trabajos", &[KeyCode::Tab]);
        step(&mut app, "experiencia, lo que dieron", &[KeyCode::Tab]);
        app.press(KeyCode::Esc);
        // Saves failing: "r reintentar guardar" comes first, the pane's hints after it.
        let error = StoreError::Io { path: "x".into(), source: std::io::Error::from_raw_os_error(28) };
        app.press(KeyCode::BackTab);
        app.char(' ');
        app.send(Msg::Saved(Err(rumbo::app::SaveFailure::from_store(error))));
        step(&mut app, "sin guardar, Ocupaciones", &[KeyCode::BackTab]);
        let retry = keys::footer(&Keymap::default(), FOOTER_RETRY, lang);
        assert!(app.screen()[22].starts_with(&format!(" {retry} · ")), "{}", app.screen()[22]);
        // Without consent, `q` asks first.
        let dir = tempfile::tempdir().unwrap();
        let mut app = App::start(dir.path());
        app.model.lang = lang;
        app.new_session("Ana", None, false);
        step(&mut app, "descartar", &[c('q')]);
        // A kiosk: its workspace and the PIN prompt.
        let mut kiosk = kiosk_model(lang);
        // Issue 14: the visitor's screens; their keys are buttons (`[t] Terminar`), the last row.
        let bottom = |kiosk: &Model, what: &str, cut: &mut Vec<String>| {
            let screen = render(kiosk);
            let last = screen.last().cloned().unwrap_or_default();
            assert!(last.contains("[t]"), "{what}: no Terminar on\n{}", screen.join("\n"));
            if last.trim_end().ends_with('…') {
                cut.push(format!("{what}: {last}"));
            }
        };
        let keys = [KeyCode::Enter, c('V'), KeyCode::Enter, c('s'), KeyCode::Enter];
        for key in keys {
            update(&mut kiosk, Msg::Key(KeyEvent::new(key, KeyModifiers::NONE)));
        }
        assert!(kiosk.workspace().is_some(), "the kiosk's visitor is on the path");
        bottom(&kiosk, "quiosco, por dónde empezar", &mut cut);
        let keys = [KeyCode::Enter, c('v'), c('e'), c('n'), c('d'), KeyCode::Enter];
        for key in keys {
            update(&mut kiosk, Msg::Key(KeyEvent::new(key, KeyModifiers::NONE)));
        }
        bottom(&kiosk, "quiosco, pregunta", &mut cut);
        update(&mut kiosk, Msg::Key(KeyEvent::new(c('r'), KeyModifiers::NONE)));
        bottom(&kiosk, "quiosco, resultados", &mut cut);
        let admin = KeyEvent::new(c('a'), KeyModifiers::CONTROL | KeyModifiers::ALT);
        update(&mut kiosk, Msg::Key(admin));
        check("quiosco, PIN", render(&kiosk), lang, &mut cut);
    }
    assert!(cut.is_empty(), "footers cut mid-hint:\n{}", cut.join("\n"));
}

fn kiosk_model(lang: Lang) -> Model {
    let mut model = new_model();
    model.lang = lang;
    let key = AdminKey::parse("ctrl+alt+a").unwrap();
    model.kiosk = Some(KioskState::new(300, key, String::new(), model.now));
    model.screen = Screen::Welcome;
    model
}

#[test]
fn a_footer_too_long_leaves_out_whole_hints_and_keeps_help_and_esc() {
    let map = Keymap::default();
    let occupations = footer_pane(Place::Occupations);
    let whole = keys::footer(&map, occupations, Lang::Es);
    assert!(whole.chars().count() > 79, "the test needs a footer wider than the screen: {whole}");
    let fitted = keys::footer_within(&map, occupations, Lang::Es, 79);
    assert!(fitted.chars().count() <= 79 && whole.starts_with(&fitted), "{fitted}");
    assert!(fitted.ends_with("g brecha"), "whole hints, the last ones left out: {fitted}");
    // At a width that leaves room for one hint, Esc stays and the others go.
    let search = keys::footer_within(&map, FOOTER_SEARCH, Lang::Es, 12);
    assert_eq!(search, "Esc cerrar");
    let common = keys::footer_within(&map, FOOTER_COMMON, Lang::Es, 20);
    assert_eq!(common, "? ayuda");
}
