//! `keys:` in config.ron: partial overrides of the keymap, and every kind of conflict refused where it is
//! written (FILE:LINE:COL).
#![allow(clippy::unwrap_used)]

use rumbo::app::keymap::{Action, Place};
use rumbo::config::Config;
use std::path::Path;

fn refused(text: &str) -> String {
    Config::parse(text, Path::new("config.ron")).unwrap_err().to_string()
}

#[test]
fn a_partial_override_changes_one_action_and_keeps_the_rest() {
    let config =
        Config::parse("Config(\n    keys: (buscar: \"ctrl+f\"),\n)", Path::new("config.ron")).unwrap();
    let map = config.keymap().unwrap();
    assert_eq!(rumbo::ui::keys::name(&map.keys(Action::Search)[0], rumbo::i18n::Lang::Es), "Ctrl+F");
    let n = crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char('n'),
        crossterm::event::KeyModifiers::NONE,
    );
    assert_eq!(map.action(&n, Place::Sectors, false), Some(Action::Notes));
}

#[test]
fn two_actions_on_one_key_where_both_apply_are_refused() {
    // `s` sorts in Sectores and Ocupaciones, where `buscar` works too.
    let e = refused("Config(\n    keys: (buscar: \"s\"),\n)");
    assert!(e.starts_with("config.ron:2:20: keys.buscar: \"s\" is also the key of ordenar"), "{e}");
    // `/` filters on Sesiones and searches in the workspace: never both at once, so allowed.
    let text = "Config(keys: (filtrar: \"f\"))";
    assert!(Config::parse(text, Path::new("config.ron")).is_ok());
}

#[test]
fn the_kiosk_admin_key_and_ctrl_c_are_refused() {
    let e = refused("Config(\n  kiosk: (admin_key: \"ctrl+alt+b\"),\n  keys: (notas: \"Ctrl+Alt+B\"),\n)");
    assert!(e.starts_with("config.ron:3:17: keys.notas: \"ctrl+alt+b\" is kiosk.admin_key"), "{e}");
    // The default admin_key counts too, written or not.
    let e = refused("Config(keys: (ayuda: \"ctrl+alt+a\"))");
    assert!(e.starts_with("config.ron:1:22: keys.ayuda: "), "{e}");
    let e = refused("Config(keys: (terminar: \"ctrl+c\"))");
    assert!(e.starts_with("config.ron:1:25: keys.terminar: ctrl+c is locked"), "{e}");
}

#[test]
fn a_plain_character_where_text_is_typed_is_refused() {
    // Esc closes the search popup and the notes, and leaves the alias field: a digit there is text.
    let e = refused("Config(\n    keys: (\n        cerrar: \"1\",\n    ),\n)");
    assert!(e.starts_with("config.ron:3:17: keys.cerrar: \"1\" is a plain character"), "{e}");
    assert!(Config::parse("Config(keys: (cerrar: \"ctrl+q\"))", Path::new("config.ron")).is_ok());
}

#[test]
fn an_unknown_action_or_key_is_refused_where_written() {
    let e = refused("Config(\n    keys: (search: \"x\"),\n)");
    assert!(e.starts_with("config.ron:2:"), "{e}");
    assert!(e.contains("search"), "{e}");
    let e = refused("Config(keys: (buscar: \"hyper+x\"))");
    assert!(e.starts_with("config.ron:1:23: keys.buscar: \"hyper+x\" is not a key"), "{e}");
}

#[test]
fn every_action_name_is_documented_with_its_default_keys() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/config.md")).unwrap();
    for action in Action::ALL {
        let keys = action.default_keys().join(", ");
        let row = format!("| `{}` | `{keys}` |", action.name());
        assert!(doc.contains(&row), "docs/config.md lacks the row starting {row}");
    }
}

#[test]
fn the_actions_of_dialogs_and_text_fields_are_checked_like_the_others() {
    // Enter goes to a search result: a letter there is typed into the query.
    let e = refused("Config(\n    keys: (ir: \"g\"),\n)");
    assert!(e.starts_with("config.ron:2:16: keys.ir: \"g\" is a plain character"), "{e}");
    // Two keys of the export dialog on one key.
    let e = refused("Config(keys: (exportar_guardar: \"up\"))");
    assert!(
        e.starts_with("config.ron:1:33: keys.exportar_guardar: \"up\" is also the key of exportar_campo"),
        "{e}"
    );
    // The kiosk's PIN prompt cannot take the key that opens it.
    let e = refused("Config(keys: (pin_confirmar: \"ctrl+alt+a\"))");
    assert!(e.starts_with("config.ron:1:30: keys.pin_confirmar: "), "{e}");
    assert!(e.contains("kiosk.admin_key"), "{e}");
    // Where no text is typed a letter is fine: the export dialog, the consent box.
    let text = "Config(keys: (exportar_guardar: \"x\", consentimiento: \"x\"))";
    assert!(Config::parse(text, Path::new("config.ron")).is_ok());
}
