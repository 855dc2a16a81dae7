//! `rumbo --catalog assets/catalog/cuoc-2025.ron`: the app opens with the CUOC beside the built-in BPO
//! catalog, and a CUOC occupation's functions show.

use crate::e2e_tmux_support::Env;

#[test]
fn the_app_opens_with_the_cuoc_catalog() {
    let Some(env) = Env::new() else { return };
    let app = env.start_with(&[], &["--catalog", super::cuoc_catalog::CUOC_FILE]);
    app.new_session("Ana", "");
    // Sectores: BPO first, then the CUOC's areas; the second one is "Administración, finanzas y derecho".
    app.wait_for("Administración, finanzas y d"); // cut to the pane at 80×24
    app.keys(&["Down", "Enter"]);
    app.wait_screen("the CUOC's occupations of that area", |s| s.contains("Directores formulad"));
    app.wait_for("Definir, formular y orientar la política"); // 11110's first function
}
