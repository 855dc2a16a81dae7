//! The keys that were `KeyCode` arms of their own screens (search, notes, export, the discard question, the
//! copy dialog, the Sesiones filter, the consent box, the kiosk's welcome, last screen and PIN) are actions of
//! the keymap now: an office can change them in config.ron, and their hints show the key in force.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::keyflow_support::{App, new_model, render};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use rumbo::app::kiosk::{AdminKey, KioskState};
use rumbo::app::{Msg, Overlay, Screen, update};
use rumbo::config::Config;
use std::path::Path;

fn keymap(keys: &str) -> rumbo::app::keymap::Keymap {
    let text = format!("Config(\n    keys: ({keys}),\n)\n");
    Config::parse(&text, Path::new("config.ron")).unwrap().keymap().unwrap()
}

fn ctrl(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

#[test]
fn the_search_popup_and_the_notes_answer_to_the_keys_config_ron_gives() {
    let data = tempfile::tempdir().unwrap();
    let mut app = App::start(data.path());
    app.model.keymap = keymap("ir: \"ctrl+g\", resultado_siguiente: \"ctrl+n\", nota_siguiente: \"f6\"");
    app.new_session("Ana", None, true);

    app.char('/');
    // Not "agente" any more: only a program holds that word.
    app.type_text("servicio");
    let drawn = app.screen_text();
    assert!(drawn.contains("↑/Ctrl+N elegir · Ctrl+G ir · Ctrl+U vaciar"), "{drawn}");
    app.press(KeyCode::Enter);
    assert!(matches!(app.ws().overlay, Some(Overlay::Search(_))), "Enter no longer goes to the result");
    app.send(ctrl('n'));
    let Some(Overlay::Search(popup)) = &app.ws().overlay else { panic!("the search is open") };
    assert!(popup.hits.len() > 1, "servicio finds several items");
    assert_eq!(popup.selected, 1, "Ctrl+N moves down the results");
    app.send(ctrl('g'));
    assert!(app.ws().overlay.is_none(), "Ctrl+G goes to the result");
    assert!(app.occupation().is_some(), "an occupation is selected");

    app.char('n');
    let drawn = app.screen_text();
    assert!(drawn.contains("F6/Mayús+Tab cambiar de nota"), "{drawn}");
    let Some(Overlay::Notes(notes)) = &app.ws().overlay else { panic!("the notes are open") };
    let before = notes.tab;
    app.press(KeyCode::F(6));
    let Some(Overlay::Notes(notes)) = &app.ws().overlay else { panic!("the notes are open") };
    assert_ne!(notes.tab, before, "F6 switches the note");
}

#[test]
fn the_export_dialog_and_the_discard_question_answer_to_the_keys_config_ron_gives() {
    let data = tempfile::tempdir().unwrap();
    let mut app = App::start(data.path());
    app.model.keymap =
        keymap("exportar_siguiente: \"ctrl+l\", exportar_guardar: \"f5\", exportar_antes: \"x\"");
    // No consent: the session is not saved, and leaving asks first.
    app.new_session("Ana", None, false);
    app.char('q');
    assert!(matches!(app.ws().overlay, Some(Overlay::ConfirmDiscard)), "leaving asks first");
    let drawn = app.screen_text();
    assert!(drawn.contains("s salir y descartarla · x exportar antes"), "{drawn}");
    // Any other key stays in the session: `e` is one now.
    app.char('e');
    assert!(app.ws().overlay.is_none(), "e no longer exports first");
    app.char('q');
    app.char('x');
    let Some(Overlay::Export(dialog)) = &app.ws().overlay else { panic!("x opens the export dialog") };
    let format = dialog.format;
    let drawn = app.screen_text();
    assert!(drawn.contains("↑↓ elegir · ←/Ctrl+L o Espacio cambiar · F5 exportar · Esc cerrar"), "{drawn}");
    app.send(ctrl('l'));
    let Some(Overlay::Export(dialog)) = &app.ws().overlay else { panic!("the dialog is open") };
    assert_ne!(dialog.format, format, "Ctrl+L chooses the next format");
    let format = dialog.format;
    app.press(KeyCode::Right);
    let Some(Overlay::Export(dialog)) = &app.ws().overlay else { panic!("the dialog is open") };
    assert_eq!(dialog.format, format, "→ does nothing now");
}

#[test]
fn the_consent_box_and_the_sessions_filter_answer_to_the_keys_config_ron_gives() {
    let data = tempfile::tempdir().unwrap();
    let mut app = App::start(data.path());
    app.model.keymap = keymap("consentimiento: \"x\", filtro_listo: \"ctrl+d\"");
    app.char('/');
    app.type_text("an");
    app.press(KeyCode::Enter);
    assert!(app.model.sessions.filtering, "Enter no longer ends the filter");
    app.send(ctrl('d'));
    assert!(!app.model.sessions.filtering, "Ctrl+D ends the filter");
    assert_eq!(app.model.sessions.filter, "an", "and keeps it");

    app.char('n');
    app.press(KeyCode::Tab);
    app.press(KeyCode::Tab);
    let drawn = app.screen_text();
    assert!(drawn.contains("x marcar"), "{drawn}");
    app.char(' ');
    let Screen::NewSession(form) = &app.model.screen else { panic!("the form is open") };
    assert!(!form.consent, "Space no longer ticks the box");
    // On the box a plain character is no text: `x` is free to tick it.
    app.char('x');
    let Screen::NewSession(form) = &app.model.screen else { panic!("the form is open") };
    assert!(form.consent, "x ticks the box");
}

#[test]
fn the_kiosk_screens_answer_to_the_keys_config_ron_gives() {
    let mut model = new_model();
    model.keymap = keymap("kiosco_comenzar: \"f2\", pin_confirmar: \"f3\"");
    let admin = AdminKey::parse("ctrl+alt+a").unwrap();
    model.kiosk = Some(KioskState::new(300, admin, String::new(), model.now));
    model.screen = Screen::Welcome;
    let drawn = render(&model).join("\n");
    assert!(drawn.contains("Pulse F2 para comenzar"), "{drawn}");
    update(&mut model, Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)));
    assert!(matches!(model.screen, Screen::Welcome), "Enter no longer starts");
    update(&mut model, Msg::Key(KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE)));
    assert!(matches!(model.screen, Screen::NewSession(_)), "F2 starts");

    let admin_key = KeyEvent::new(KeyCode::Char('a'), KeyModifiers::CONTROL | KeyModifiers::ALT);
    update(&mut model, Msg::Key(admin_key));
    let drawn = render(&model).join("\n");
    assert!(drawn.contains("F3 confirmar · Esc cerrar"), "{drawn}");
    for c in "123456".chars() {
        update(&mut model, Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
    }
    let effects = update(&mut model, Msg::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)));
    assert!(effects.is_empty(), "Enter no longer checks the PIN");
    let effects = update(&mut model, Msg::Key(KeyEvent::new(KeyCode::F(3), KeyModifiers::NONE)));
    assert!(
        effects.iter().any(|e| matches!(e, rumbo::app::Effect::CheckPin { .. })),
        "F3 checks the PIN: {effects:?}"
    );
}
