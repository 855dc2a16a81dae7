//! Issue 13 through the real binary in tmux: a goal (`*`), a step of the counselor's own with a date,
//! and the follow-up date; the session file gets all three.

use crate::e2e_tmux_support::{Env, wait_file_contains};

#[test]
fn a_goal_a_dated_step_and_a_follow_up_date_reach_the_session_file() {
    let Some(env) = Env::new() else { return };
    let app = env.start();
    app.new_session("Ana", "");
    app.keys(&["Enter"]);
    app.type_text("*");
    app.keys(&["p"]);
    app.wait_for("Perfil   Contacto   Meta");
    app.keys(&["Tab", "Tab"]);
    app.wait_for("★ meta");
    app.keys(&["Tab"]);
    app.wait_for("+ sugerido: Registrar o actualizar la hoja de vida");
    app.keys(&["n"]);
    app.wait_for("Paso: ");
    app.type_text("Llamar a la oficina");
    app.keys(&["Enter"]);
    app.wait_for("☐ Llamar a la oficina");
    app.keys(&["f"]);
    app.wait_for("Fecha (AAAA-MM-DD");
    app.type_text("2027-03-15");
    app.keys(&["Enter"]);
    app.wait_for("Llamar a la oficina · la persona · 2027-03-15");
    app.keys(&["Tab"]);
    app.wait_for("Fecha de seguimiento:");
    app.keys(&["f"]);
    app.type_text("2027-04-01");
    app.keys(&["Enter"]);
    app.wait_for("Fecha de seguimiento:  2027-04-01");
    let file = env.session_file();
    let since = std::time::Instant::now();
    wait_file_contains(&file, "follow_up: Some(\"2027-04-01\")", since);
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains(&format!("format: {},", rumbo::session::FORMAT)), "{saved}");
    assert!(saved.contains("goals: [") && saved.contains("date: Some(\"2027-03-15\")"), "{saved}");
    assert!(saved.contains("text: \"Llamar a la oficina\""), "{saved}");
}
