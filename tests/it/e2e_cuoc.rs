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

/// Issue 12, Experiencia through the real binary: `l`, a job title, Enter; the job's destrezas show as
/// coming from it and the session file gets the job (format 3); Supr removes it and its marks.
#[test]
fn a_past_job_added_and_removed_in_the_real_app() {
    let Some(env) = Env::new() else { return };
    let app = env.start_with(&[], &["--catalog", super::cuoc_catalog::CUOC_FILE]);
    app.new_session("Ana", "");
    app.keys(&["l"]);
    app.wait_for("Trabajos anteriores (0)");
    app.type_text("soldador");
    app.wait_for("Soldador — Soldadores y oxicortadores (CUOC 72120)");
    app.keys(&["Enter"]);
    app.wait_for("Trabajos anteriores (1)");
    app.wait_for("· de: Soldador");
    let file = env.session_file();
    let since = std::time::Instant::now();
    super::e2e_tmux_support::wait_file_contains(&file, "past_jobs: [", since);
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(
        saved.contains(&format!("format: {},", rumbo::session::FORMAT))
            && saved.contains("occupation: \"cuoc-72120\""),
        "{saved}"
    );
    assert!(saved.contains("from: ["), "{saved}");
    // To the jobs (Tab: title, Tab: jobs), Supr: gone, with the marks it made.
    app.keys(&["Tab", "Tab", "DC"]);
    app.wait_for("Trabajos anteriores (0)");
    app.wait_screen("no mark from the job left", |s| !s.contains("· de: Soldador"));
    app.escape();
    app.wait_screen("the panel closed", |s| !s.contains("Trabajos anteriores"));
    app.keys(&["q"]);
    app.wait_for("n nueva");
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(!saved.contains("past_jobs: [") && !saved.contains("from: ["), "{saved}");
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
