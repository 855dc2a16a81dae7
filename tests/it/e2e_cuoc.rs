//! `rumbo` with no flags: the app opens with both built-in catalogs, the BPO sector first and then
//! the CUOC's qualification areas, and a CUOC occupation's functions show.

use crate::e2e_tmux_support::Env;

#[test]
fn the_app_opens_with_both_built_in_catalogs() {
    let Some(env) = Env::new() else { return };
    let app = env.start();
    app.new_session("Ana", "");
    // Sectores: BPO first, then the CUOC's areas; the second one is "Administración, finanzas y derecho".
    app.wait_screen("the BPO sector, then the CUOC's areas", |s| {
        s.contains("BPO (externalización") && s.contains("Administración, finanzas y d") // cut at 80×24
    });
    app.keys(&["Down", "Enter"]);
    app.wait_screen("the CUOC's occupations of that area", |s| s.contains("Directores formulad"));
    app.wait_for("Definir, formular y orientar la política"); // 11110's first function
}

/// `--builtin bpo-bogota`: the BPO catalog alone, the CUOC's areas nowhere.
#[test]
fn builtin_picks_the_catalogs_the_app_opens_with() {
    let Some(env) = Env::new() else { return };
    let app = env.start_with(&[], &["--builtin", "bpo-bogota"]);
    app.new_session("Ana", "");
    // A whole frame: the footer is drawn last.
    let screen =
        app.wait_screen("the workspace", |s| s.contains("BPO (externalización") && s.contains("q salir"));
    assert!(!screen.contains("Administración, finanzas"), "{screen}");
}
