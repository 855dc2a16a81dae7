//! Issue 10, item 11: a key typed after Esc is never lost. Through a real terminal (tmux), on a generated
//! ESCO-style catalog: `/`, "soldador" one key at a time (each once the screen shows it), then Esc, Esc, `q`
//! with 300 ms between them — many times over.
//!
//! A terminal sends Esc as the byte ESC and Alt+q as ESC then `q`; the only difference is whether they are
//! read apart. When rumbo's reader falls behind, an Esc and the key after it are read together, and rumbo
//! got Alt+q — which did nothing: the `q` that should leave the workspace, or the Space that should mark,
//! was lost. Here the reader is made to fall behind on purpose, across a different pair of keys in each run,
//! by stopping rumbo (SIGSTOP) while the keys are typed at their pace, and letting it go on (SIGCONT) after
//! the last of them. rumbo runs under a shell: tmux would resume its own child at once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)] // runs the rumbo binary and tmux

use crate::e2e_tmux_support::{Env, Rumbo, wait_until};
use crate::esco;
use std::thread::sleep;
use std::time::Duration;

const RUNS: usize = 24;
/// Between the keys after the search, as a person presses them.
const PACE: Duration = Duration::from_millis(300);
const ALIAS: &str = "Ana";
const START_SCREEN: &str = "rumbo · Sesiones";

fn workspace(alias: &str) -> String {
    format!("rumbo · {alias}")
}

/// The search popup, "soldador" typed one key at a time, each once the screen shows it.
fn search_soldador(app: &Rumbo) {
    app.keys(&["/"]);
    app.wait_for("Buscar en el catálogo");
    let word = "soldador";
    for end in 1..=word.len() {
        app.type_text(&word[end - 1..end]);
        app.wait_for(&format!("/ {}▏", &word[..end]));
    }
}

/// `keys` at a person's pace; rumbo does not read from the key at `stall_from` (if any) until the last one
/// has been typed, so it reads those together, as a reader that fell behind does.
fn press_at_pace(app: &Rumbo, keys: &[&str], stall_from: Option<usize>) {
    for (i, key) in keys.iter().enumerate() {
        if stall_from == Some(i) {
            app.signal("STOP");
        }
        app.keys(&[key]);
        sleep(PACE);
    }
    if stall_from.is_some() {
        app.signal("CONT");
    }
}

#[test]
fn a_key_typed_after_esc_is_never_lost_even_when_read_with_it() {
    let Some(env) = Env::new() else { return };
    let catalog = esco::write_to(env.root(), esco::Scale::TENTH).unwrap();
    // The BPO catalog beside ESCO's scale, as this test was written for: "soldador" finds a function.
    let script =
        format!("\"$RUMBO\" --builtin bpo-bogota --catalog '{}'; echo \"FIN-$?\"", catalog.display());
    let app = env.start_in_shell(&[], &script);
    app.wait_for("n nueva");
    app.keys(&["n"]);
    app.wait_for("Nueva sesión");
    app.type_text(ALIAS);
    app.keys(&["Tab", "Tab", "Space"]);
    app.wait_for("[x] Acepto que se guarde la sesión");
    app.keys(&["Enter"]);
    app.wait_screen("the workspace, saved", |s| s.contains(&workspace(ALIAS)) && s.contains("guardado"));

    for run in 0..RUNS {
        search_soldador(&app);
        if run % 4 == 3 {
            // Enter goes to the function found, ready to mark; then Esc and Space, read together.
            app.keys(&["Enter"]);
            app.wait_screen("the search to close", |s| !s.contains("Buscar en el catálogo"));
            press_at_pace(&app, &["Escape", "Space"], Some(0));
            app.wait_screen(&format!("run {run}: the Space after Esc to mark"), |s| marked(s, '◐'));
            // Back to no mark: ◐ → ● → nothing.
            app.keys(&["Space"]);
            app.wait_screen("●", |s| marked(s, '●'));
            app.keys(&["Space"]);
            app.wait_screen("no mark", |s| !marked(s, '●') && !marked(s, '◐'));
            continue;
        }
        // Read apart; Esc and Esc together; the second Esc and `q` together.
        let stall_from = [None, Some(0), Some(1)][run % 4];
        press_at_pace(&app, &["Escape", "Escape", "q"], stall_from);
        app.wait_screen(
            &format!("run {run} (reader behind from key {stall_from:?}): the start screen"),
            |s| s.contains(START_SCREEN),
        );
        app.keys(&["Enter"]);
        app.wait_for(&workspace(ALIAS));
    }
    app.keys(&["q"]);
    app.wait_for(START_SCREEN);
    app.keys(&["q"]);
    wait_until("the shell to finish", || (app.pane_var("pane_dead") == "1").then_some(()));
    let screen = app.screen_and_history();
    let status = app.pane_var("pane_dead_status");
    assert!(screen.contains("FIN-0"), "rumbo did not end with status 0 ({status}):\n{screen}");
}

/// A mark on a row, not in the legend on the Funciones pane's border (issue 14), which names every mark.
fn marked(screen: &str, mark: char) -> bool {
    screen
        .lines()
        .filter(|l| !l.contains("la tiene (") && !l.contains(" ● la tiene ·"))
        .any(|l| l.contains(mark))
}
