//! Issue 14 end to end: the real binary in tmux at 80×24, a visitor from the welcome to the code using only
//! the keys the screens name — each key is looked for on the screen before it is pressed — in the normal
//! theme, with `NO_COLOR=1` and with `--theme alto-contraste`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)] // runs the rumbo binary and tmux

use crate::e2e_tmux_support::{Env, Rumbo};

const PIN: &str = "482193";

pub fn kiosk_env() -> Option<Env> {
    kiosk_env_with("", "")
}

/// The kiosk's home, with `office_fields` added to its `office` block (`, id: "…"`) and `more` lines to
/// its config (a `store:`); the office tests start kiosks on the server this way.
pub fn kiosk_env_with(office_fields: &str, more: &str) -> Option<Env> {
    let env = Env::new()?;
    let hash = rumbo::kiosk::pin::hash(PIN).unwrap();
    let text = format!(
        "Config(\n    kiosk: Kiosk(enabled: true, export_dir: {}, admin_pin: {}),\n    office: Office(name: \"Oficina Kennedy\", front_desk: \"Mostrador 2\"{office_fields}),\n{more})\n",
        ron::to_string(env.root().join("resumenes").to_str().unwrap()).unwrap(),
        ron::to_string(&hash).unwrap(),
    );
    std::fs::write(env.config().join("config.ron"), text).unwrap();
    Some(env)
}

/// Presses `key` (tmux's name) once the screen names it as `shown` (`[s] Sí, guardar`, `Enter`): the visitor
/// only ever presses what the screen says.
pub fn press_named(app: &Rumbo, shown: &str, key: &str) -> String {
    let screen = app.wait_for(shown);
    app.keys(&[key]);
    screen
}

/// The whole visit; returns the code shown at the end.
pub fn visit(app: &Rumbo) -> String {
    press_named(app, "Pulse Enter para comenzar", "Enter");
    app.wait_for("¿Cómo le llamamos?");
    app.type_text("Teo");
    press_named(app, "[Enter] Continuar", "Enter");
    press_named(app, "[s] Sí, guardar", "s");
    press_named(app, "Eligió: guardar su visita.", "Enter");
    // The code is in the header from the first save.
    let start = app.wait_screen("the start, saved, its keys drawn", |s| {
        s.contains("¿Por dónde empezamos?") && s.contains("Su código:") && s.contains("[Enter] entrar")
    });
    let header_code = start.lines().next().unwrap().split("Su código: ").nth(1).unwrap().trim().to_string();
    app.keys(&["Enter"]);
    app.wait_for("Escriba su oficio o cargo");
    app.type_text("vendedor");
    press_named(app, "[Enter] elegir", "Enter");
    let question = app.wait_for("¿Sabe hacer esto?");
    assert!(question.contains("1/"), "{question}");
    press_named(app, "[s] Sí", "s");
    app.wait_for(" 2/");
    press_named(app, "[a] Estoy aprendiendo", "a");
    app.wait_for(" 3/");
    press_named(app, "[n] Todavía no", "n");
    app.wait_for(" 4/");
    press_named(app, "[Retroceso] atrás", "BSpace");
    app.wait_for("Su respuesta: Todavía no");
    press_named(app, "[r] ver resultados", "r");
    let results = app.wait_for("Las ocupaciones que más encajan");
    assert!(results.contains("le falta aprender"), "{results}");
    press_named(app, "[t] Terminar", "t");
    press_named(app, "[s] Sí, terminar", "s");
    let done = app.wait_for("Dé este código en el mostrador");
    assert!(done.contains("Dónde: Mostrador 2") && done.contains("Oficina: Oficina Kennedy"), "{done}");
    assert!(done.contains(&header_code), "the code at the end is the header's:\n{done}");
    press_named(app, "Pulse Enter para terminar", "Enter");
    let welcome = app.wait_for("Pulse Enter para comenzar");
    assert!(!welcome.contains("Teo") && !welcome.contains(&header_code), "{welcome}");
    header_code
}

fn run(extra: &[&str], args: &[&str]) {
    let Some(env) = kiosk_env() else { return };
    let app = env.start_with(extra, args);
    let code = visit(&app);
    let summaries: Vec<String> = std::fs::read_dir(env.root().join("resumenes"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(summaries.len(), 1, "{summaries:?}");
    assert!(summaries[0].contains(&code.to_lowercase()), "{summaries:?} for {code}");
    assert!(app.is_running());
}

#[test]
fn a_visitor_goes_from_the_welcome_to_the_code_with_the_keys_the_screens_name() {
    run(&[], &[]);
}

#[test]
fn the_same_visit_without_colour() {
    run(&["NO_COLOR=1"], &[]);
}

#[test]
fn the_same_visit_in_high_contrast() {
    run(&[], &["--theme", "alto-contraste"]);
}
