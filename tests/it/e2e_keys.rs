//! End to end: `keys:` in config.ron changes a key of the real binary in a real terminal (tmux), and a
//! conflicting `keys:` stops rumbo with the key's place in the file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::e2e_tmux_support::Env;

#[test]
fn a_key_changed_in_config_ron_works_in_the_running_app() {
    let Some(env) = Env::new() else { return };
    std::fs::write(env.config().join("config.ron"), "Config(keys: (buscar: \"ctrl+f\", notas: \"f4\"))\n")
        .unwrap();
    let app = env.start();
    app.new_session("Marisol", "");
    app.wait_screen("the footer with the office's keys", |s| s.contains("Ctrl+F buscar · F4 notas"));
    // `/` is the start screen's filter now, and only there: in the workspace it says so.
    app.keys(&["/"]);
    app.wait_for("/ filtra la lista o busca un código de quiosco — solo en Sesiones");
    app.keys(&["C-f"]);
    app.wait_for("Buscar en el catálogo");
    app.type_text("sol");
    app.wait_screen("the query typed", |s| s.contains("sol"));
    app.keys(&["Escape"]);
    app.wait_screen("the search closed", |s| !s.contains("Buscar en el catálogo"));
    app.keys(&["F4"]);
    app.wait_for("Notas");
}

#[test]
fn a_conflicting_key_stops_rumbo_with_its_place() {
    let Some(env) = Env::new() else { return };
    std::fs::write(env.config().join("config.ron"), "Config(\n  keys: (notas: \"s\"),\n)\n").unwrap();
    let (screen, status) = env.run_briefly(&[], &[]);
    assert!(screen.contains("config.ron:2:17: keys.notas: \"s\" is also the key of ordenar"), "{screen}");
    assert!(status.contains('1'), "{status}");
}
