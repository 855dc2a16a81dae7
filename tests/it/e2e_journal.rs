//! End-to-end tests of issue 10's items 3 and 4 against the real binary in tmux: a SIGKILL while a note
//! is being typed loses nothing the journal had (and the journal has it within 100 ms), and a paste
//! past the 64,000-character limit is cut, said, and on disk within two seconds.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::e2e_tmux_support::{Env, wait_until};
use rumbo::session::{NOTE_MAX_CHARS, SessionStore};
use std::time::{Duration, Instant};

fn session_id(env: &Env) -> String {
    env.session_file().file_stem().unwrap().to_str().unwrap().to_string()
}

#[test]
fn a_note_typed_just_before_a_sigkill_is_there_when_the_session_is_reopened() {
    let Some(env) = Env::new() else { return };
    let app = env.start();
    app.new_session("Marisol", "");
    let id = session_id(&env);
    let store = SessionStore::open(&env.data()).unwrap();
    app.type_note("Primera parte");
    let text = "Primera parte, y lo que se escribió justo antes del corte";
    app.type_text(", y lo que se escribió justo antes del corte");
    // The journal (file and journal read together) has every key long before the 0.8 s save…
    // The file is read first: when the session (file and journal) first shows the text, the file alone
    // must not have it yet, or it came from the full save and this run proves nothing.
    let start = Instant::now();
    let file_had = wait_until("the journal to hold the last keys", || {
        let file = store.load_file(&id).ok()?.notes;
        store.load(&id).ok().filter(|s| s.notes == text).map(|_| file)
    });
    let journaled = start.elapsed();
    assert_ne!(file_had, text, "the text reached the file before the journal had it");
    app.wait_for("guardado");
    app.signal("KILL");
    app.wait_exit(Duration::from_secs(3));
    drop(app);

    let app = env.start();
    app.wait_for("Marisol");
    app.keys(&["Enter"]);
    app.wait_for("rumbo · Marisol");
    app.keys(&["n"]);
    app.wait_for(text);
    assert!(store.journal_path(&id).map(|p| !p.exists()).unwrap(), "opening folded the journal");
    assert_eq!(store.load_file(&id).unwrap().notes, text);
    eprintln!("journaled {journaled:?} after the keys were sent; the file alone had {file_had:?} then");
}

#[test]
fn a_paste_past_the_limit_is_cut_said_and_on_disk_within_two_seconds() {
    let Some(env) = Env::new() else { return };
    let app = env.start();
    app.new_session("Rosa", "");
    let id = session_id(&env);
    app.keys(&["n"]);
    app.wait_for("De la sesión");
    let pasted: String = "ñandú y palabras ".chars().cycle().take(70_000).collect();
    let file = env.root().join("pegar.txt");
    std::fs::write(&file, &pasted).unwrap();
    app.tmux(&["load-buffer", file.to_str().unwrap()]);
    app.tmux(&["paste-buffer", "-p", "-t", "e2e"]);
    app.wait_for("quedaron fuera 6000 caracteres");
    let shown = Instant::now();
    let store = SessionStore::open(&env.data()).unwrap();
    let took = wait_until("the full note in the session file", || {
        let notes = store.load_file(&id).ok()?.notes;
        (notes.chars().count() == NOTE_MAX_CHARS).then(|| (notes, shown.elapsed()))
    });
    assert_eq!(took.0, pasted.chars().take(NOTE_MAX_CHARS).collect::<String>());
    assert!(took.1 < Duration::from_secs(2), "on disk {:?} after the paste was shown", took.1);
    // Full: a key typed does not grow it, and says so.
    app.type_text("x");
    app.wait_for("Nota llena: caben 64000 caracteres");
    app.escape();
    app.keys(&["q"]);
    app.wait_for("n nueva");
    assert_eq!(store.load(&id).unwrap().notes.chars().count(), NOTE_MAX_CHARS);
}
