//! Issue 16 end to end: the real binary in tmux at 80×24, a visitor from the welcome through «¿Qué le
//! gusta hacer?» to what they like and on to the code, pressing only keys the screens name — each key is
//! looked for on the screen before it is pressed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)] // runs the rumbo binary and tmux

use crate::e2e_kiosk_visit::{kiosk_env, press_named};
use crate::likes_support::social_first;
use rumbo::interests::QUESTIONS;

/// The button of answer key `1`–`5`, as the question screen names it.
fn button(key: char) -> &'static str {
    ["[1] Me disgusta mucho", "[2] Me disgusta", "[3] Me da igual", "[4] Me gusta", "[5] Me gusta mucho"]
        [key.to_digit(10).unwrap() as usize - 1]
}

#[test]
fn a_visitor_finds_what_they_like_and_goes_on_to_the_code_with_the_keys_the_screens_name() {
    let Some(env) = kiosk_env() else { return };
    let app = env.start_with(&[], &[]);
    press_named(&app, "Pulse Enter para comenzar", "Enter");
    app.wait_for("¿Cómo le llamamos?");
    app.type_text("Lía");
    press_named(&app, "[Enter] Continuar", "Enter");
    press_named(&app, "[s] Sí, guardar", "s");
    press_named(&app, "Eligió: guardar su visita.", "Enter");
    // The third way to start, reached with the arrows the screen names.
    app.wait_screen("the start with its three choices", |s| {
        s.contains("¿Qué le gusta hacer?") && s.contains("[↑↓] elegir") && s.contains("Su código:")
    });
    press_named(&app, "[↑↓] elegir", "Down");
    press_named(&app, "[↑↓] elegir", "Down");
    press_named(&app, "[Enter] entrar", "Enter");
    // The first activity, its five answers and the one line that says what this is not.
    app.wait_screen("the first question whole", |s| {
        s.contains("¿Le gusta hacer esto?")
            && s.contains("[5] Me gusta mucho")
            && s.contains("Exploratorio: no es una prueba validada.")
            && s.contains(" 1/48 ")
    });
    // Twelve activities, one at a time: each answer's key as its button names it.
    for (n, q) in QUESTIONS.iter().take(12).enumerate() {
        let screen = app.wait_for(&format!(" {}/48 ", n + 1));
        assert!(screen.contains(q.es.split_whitespace().next().unwrap()), "{screen}");
        let key = social_first(q.kind);
        press_named(&app, button(key), &key.to_string());
    }
    app.wait_for(" 13/48 ");
    press_named(&app, "[Retroceso] atrás", "BSpace");
    app.wait_screen("back on the twelfth, its answer shown", |s| {
        s.contains(" 12/48 ") && s.contains("Su respuesta:")
    });
    press_named(&app, "[Tab] saltar el resto", "Tab");
    // The whole results drawn (tmux may catch a frame half written): the box's last line and the keys.
    let results = app.wait_screen("the results whole", |s| {
        s.contains("Lo que más le gusta:")
            && (s.contains("Ocupaciones que van con lo que le gusta:")
                || s.contains("Pregunte en el mostrador"))
            && s.contains("Exploratorio: no es una prueba validada.")
            && s.contains("[t] Terminar")
    });
    for words in ["1. Social", "2. Práctico", "3. Organizado", "Exploratorio: no es una prueba validada."] {
        assert!(results.contains(words), "{words:?} in:\n{results}");
    }
    assert!(!results.contains("SRC"), "no code on a visitor's screen:\n{results}");
    // The built-in catalogs the binary loads: with interest profiles (the CUOC's, from O*NET) the way on
    // is the suggested occupations' questions; without any, the screen names the desk instead.
    let profiles = rumbo::catalog::BUILTINS
        .iter()
        .filter_map(|b| b.decoded())
        .any(|c| c.occupations.iter().any(|o| o.interests.is_some()));
    let suggested = results.contains("Ocupaciones que van con lo que le gusta:");
    assert_eq!(suggested, profiles, "{results}");
    if suggested {
        press_named(&app, "[Enter] preguntas sobre esta ocupación", "Enter");
        app.wait_for("¿Sabe hacer esto?");
        press_named(&app, "[s] Sí", "s");
    } else {
        assert!(results.contains("Pregunte en el mostrador"), "{results}");
    }
    press_named(&app, "[t] Terminar", "t");
    press_named(&app, "[s] Sí, terminar", "s");
    app.wait_for("Dé este código en el mostrador");
    press_named(&app, "Pulse Enter para terminar", "Enter");
    app.wait_for("Pulse Enter para comenzar");
    // The saved session holds the twelve answers; the summary for the desk says what the visitor likes.
    let session = std::fs::read_to_string(env.session_file()).unwrap();
    assert!(session.contains("interests:") && session.contains("\"s-tareas\": LikeMuch"), "{session}");
    let summaries: Vec<_> =
        std::fs::read_dir(env.root().join("resumenes")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(summaries.len(), 1, "{summaries:?}");
    let html = std::fs::read_to_string(&summaries[0]).unwrap();
    assert!(html.contains("Lo que le gusta hacer") && html.contains("O*NET 30.2"), "{html}");
    assert!(app.is_running());
}
