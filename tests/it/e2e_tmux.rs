//! End-to-end tests: the real `rumbo` binary in a real terminal (tmux), typed at as a counselor would,
//! checked on screen and on disk. Closing the window, SIGTERM, a second rumbo on the same session,
//! resizing down to 1×1, and no CPU used while idle.
//!
//! tmux is required; without it these tests fail with a message saying so (`.ci/run` installs it).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::e2e_tmux_support;

use e2e_tmux_support::{Env, Rumbo, wait_file_contains};
use rumbo::app::CONSENT_VERSION;
use rumbo::session::{MarkKind, MarkLevel, Session, SessionStore};
use std::path::Path;
use std::thread::sleep;
use std::time::{Duration, Instant};

/// The debounce is 0.8 s; the promise to the counselor is two.
const ON_DISK_WITHIN: Duration = Duration::from_secs(2);
/// An idle rumbo may be woken now and then, but must not use the CPU: at most this many clock ticks
/// (normally 10 ms each) over [`IDLE_PERIOD`].
const IDLE_TICKS: u64 = 2;
const IDLE_PERIOD: Duration = Duration::from_secs(2);
/// After the window closes or SIGTERM arrives.
const EXIT_WITHIN: Duration = Duration::from_secs(3);

/// Closes a popup with Escape alone, and waits for it to be gone before anything else is typed.
fn close_popup(app: &Rumbo, marker: &str) {
    app.escape();
    app.wait_screen(&format!("«{marker}» to close"), |s| !s.contains(marker));
}

fn load(data: &Path, file: &Path) -> Session {
    let id = file.file_stem().unwrap().to_str().unwrap();
    SessionStore::open(data).unwrap().load(id).unwrap()
}

fn mark(session: &Session, id: &str) -> Option<MarkLevel> {
    session.mark_of(MarkKind::Function, id)
}

/// Whether the occupation's row shows a fit above 0 %, e.g. "│ Auxiliares de… cliente   11% │".
/// (tmux may show a frame half drawn, so callers wait for this rather than assert it once.)
fn shows_fit(screen: &str, occupation: &str) -> bool {
    let Some(line) = screen.lines().find(|l| l.contains(occupation)) else { return false };
    let Some(end) = line.find('%') else { return false };
    let digits: Vec<char> = line[..end].chars().rev().take_while(char::is_ascii_digit).collect();
    let digits: String = digits.into_iter().rev().collect();
    digits.parse::<u32>().is_ok_and(|p| p > 0)
}

#[test]
fn a_whole_session_is_typed_shown_saved_and_resumed() {
    let Some(env) = Env::new() else { return };
    // The BPO sector alone: the walk below counts its rows.
    let app = env.start_with(&[], &["--builtin", "bpo-bogota"]);
    app.wait_for("Aún no hay sesiones guardadas");
    app.new_session("Marisol", "Luz Ángela");
    let file = env.session_file();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{} is readable by others", file.display());
    }

    // Ocupaciones → "Auxiliares de… cliente" (información y servicio al cliente) → Funciones; ◐ on the first function, ● on the second.
    app.keys(&["Tab", "Down", "Enter"]);
    app.wait_for("Espacio marcar");
    app.keys(&["Space"]);
    app.wait_for("◐");
    let marked = Instant::now();
    app.keys(&["Down", "Space", "Space"]);
    app.wait_screen("● and the fit", |s| s.contains("●") && shows_fit(s, "Auxiliares de… cliente"));
    let took = wait_file_contains(&file, "asc-02", marked);
    eprintln!("marks on disk {took:?} after they were typed");
    assert!(took < ON_DISK_WITHIN, "the marks took {took:?} to reach the disk");

    // Search "cartera", jump to the function, mark it.
    app.keys(&["/"]);
    app.wait_for("Buscar en el catálogo");
    app.type_text("cartera");
    app.wait_for("Recuperar cartera vencida");
    app.keys(&["Enter"]);
    app.wait_screen("the search to close", |s| !s.contains("Buscar en el catálogo"));
    app.keys(&["Space"]);
    app.wait_screen("◐ and the fit", |s| {
        s.contains("◐ Recuperar cartera vencida") && shows_fit(s, "Vendedores… no técnicas")
    });

    let typed = Instant::now();
    app.type_note("Prefiere turnos de la mañana");
    close_popup(&app, "De la sesión");
    let took = wait_file_contains(&file, "Prefiere turnos de la ma", typed);
    eprintln!("note on disk {took:?} after it was typed");
    assert!(took < ON_DISK_WITHIN, "the note took {took:?} to reach the disk");

    // q: back to Sesiones, with the best fit; q again: out, cleanly.
    app.keys(&["q"]);
    app.wait_screen("the session listed with its best fit", |s| {
        s.contains("rumbo · Sesiones") && shows_fit(s, "Marisol")
    });
    app.keys(&["q"]);
    assert_eq!(app.exit_status(), "0");

    let session = load(&env.data(), &file);
    assert_eq!(session.alias, "Marisol");
    assert_eq!(session.counselor, "Luz Ángela");
    assert_eq!(session.consent.as_ref().map(|c| c.text_version.as_str()), Some(CONSENT_VERSION));
    assert_eq!(mark(&session, "asc-01"), Some(MarkLevel::InDevelopment));
    assert_eq!(mark(&session, "asc-02"), Some(MarkLevel::Has));
    assert_eq!(mark(&session, "vnt-13"), Some(MarkLevel::InDevelopment));
    assert_eq!(session.notes, "Prefiere turnos de la mañana");
    let text = std::fs::read_to_string(&file).unwrap();
    for expected in ["alias: \"Marisol\"", "consent: Some(Consent(", "level: Has", "level: InDevelopment"] {
        assert!(text.contains(expected), "no «{expected}» in {}:\n{text}", file.display());
    }
    drop(app);

    // Again: Enter resumes the session where it was left, marks, fit and note with it.
    let app = env.start();
    app.wait_for("Marisol");
    app.keys(&["Enter"]);
    app.wait_screen("the session resumed, saved, with its fits", |s| {
        s.contains("rumbo · Marisol")
            && s.contains("guardado")
            && shows_fit(s, "Auxiliares de… cliente")
            && shows_fit(s, "Vendedores… no técnicas")
    });
    // Back on the occupation it was left on: its functions, with the mark, are one Enter away.
    app.keys(&["Enter", "End"]);
    app.wait_for("◐ Recuperar cartera vencida");
    app.keys(&["n"]);
    app.wait_for("Prefiere turnos de la mañana");
    close_popup(&app, "De la sesión");
    app.keys(&["q"]);
    app.wait_for("rumbo · Sesiones");
    app.keys(&["q"]);
    assert_eq!(app.exit_status(), "0");
}

#[test]
fn closing_the_terminal_right_after_typing_keeps_the_last_words() {
    let Some(env) = Env::new() else { return };
    let app = env.start();
    app.new_session("Camilo", "");
    app.keys(&["n"]);
    app.wait_for("De la sesión");
    // A long burst, so the window closes while rumbo is still taking the keys in and drawing them.
    let words = "quiere estudiar algo corto y trabajar pronto, ".repeat(6);
    let words = words.trim_end_matches([',', ' ']);
    app.type_and_close(words);
    let took = app.wait_exit(EXIT_WITHIN);
    eprintln!("rumbo exited {took:?} after the terminal closed");
    let file = env.session_file();
    assert_eq!(load(&env.data(), &file).notes, words, "the last words were lost");
}

#[test]
fn closing_the_terminal_with_a_save_pending_saves_at_once() {
    let Some(env) = Env::new() else { return };
    let app = env.start();
    app.new_session("Julia", "");
    let words = "y al final dijo que quiere estudiar";
    app.type_note(words);
    let file = env.session_file();
    // The window closes while the debounced save is still ahead: only the shutdown can save the words.
    let pending =
        app.screen().contains("guardando…") && !std::fs::read_to_string(&file).unwrap().contains(words);
    app.close_terminal();
    let took = app.wait_exit(EXIT_WITHIN);
    eprintln!("save pending when closed: {pending}; rumbo exited {took:?} after the terminal closed");
    assert_eq!(load(&env.data(), &file).notes, words, "the last words were lost");
}

#[test]
fn sigterm_saves_the_last_words_and_exits_cleanly() {
    let Some(env) = Env::new() else { return };
    let app = env.start();
    app.new_session("Dora", "");
    let words = "trae la hoja de vida el martes";
    app.type_note(words);
    let sent = Instant::now();
    app.signal("TERM");
    assert_eq!(app.exit_status(), "0");
    let took = sent.elapsed();
    eprintln!("rumbo exited {took:?} after SIGTERM");
    assert!(took < EXIT_WITHIN, "rumbo took {took:?} to exit after SIGTERM");
    let screen = app.screen();
    assert!(!screen.contains("rumbo · Dora"), "the terminal was left on rumbo's screen:\n{screen}");
    let file = env.session_file();
    assert_eq!(load(&env.data(), &file).notes, words);
}

#[test]
fn closing_the_terminal_ends_rumbo_even_with_sighup_blocked() {
    // Whoever starts rumbo may block SIGHUP (the mask survives exec). Closing the terminal must still end
    // it within seconds, not leave crossterm's reader spinning on the dead terminal for ever.
    let Some(env) = Env::new() else { return };
    let block_sighup =
        "use POSIX; sigprocmask(SIG_BLOCK, POSIX::SigSet->new(SIGHUP)) or die; exec @ARGV or die";
    let app = env.start_via(&["perl", "-e", block_sighup]);
    app.new_session("Elena", "");
    app.type_note("sin señal de cierre");
    let file = env.session_file();
    wait_file_contains(&file, "sin se", Instant::now());
    app.wait_for("guardado");
    app.close_terminal();
    let took = app.wait_exit(Duration::from_secs(6));
    eprintln!("with SIGHUP blocked, rumbo exited {took:?} after the terminal closed");
    assert_eq!(load(&env.data(), &file).notes, "sin señal de cierre");
}

#[test]
fn a_second_rumbo_opens_the_same_session_read_only() {
    let Some(env) = Env::new() else { return };
    let first = env.start();
    first.new_session("Fabio", "Luz");
    first.keys(&["Tab", "Enter"]);
    first.wait_for("Espacio marcar");
    first.keys(&["Space"]);
    first.wait_for("◐");
    let file = env.session_file();
    wait_file_contains(&file, "InDevelopment", Instant::now());
    first.wait_for("guardado");

    let second = env.start();
    second.wait_for("Fabio");
    second.keys(&["Enter"]);
    second.wait_screen("the session read-only, with its mark", |s| {
        s.contains("rumbo · Fabio") && s.contains("solo lectura") && s.contains("◐")
    });
    // Marks and notes cannot change there, and nothing is written.
    let before = std::fs::read_to_string(&file).unwrap();
    second.keys(&["Enter", "Enter", "Space", "Down", "Space"]);
    second.keys(&["n"]);
    second.wait_for("De la sesión");
    second.type_text("no debe guardarse");
    // Esc comes after every key typed: once the popup has closed, each of them was handled. Opened again,
    // the notes show none of them.
    close_popup(&second, "De la sesión");
    second.keys(&["n"]);
    let reopened = second.wait_for("De la sesión");
    assert!(!reopened.contains("no debe guardarse"), "{reopened}");
    assert!(!reopened.contains("guardarse"), "{reopened}");
    close_popup(&second, "De la sesión");
    second.keys(&["q"]);
    second.wait_for("rumbo · Sesiones");
    second.keys(&["q"]);
    assert_eq!(second.exit_status(), "0");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), before, "the read-only rumbo wrote the session");

    // The first one still owns it.
    first.keys(&["Space"]);
    first.wait_for("●");
    wait_file_contains(&file, "level: Has", Instant::now());
    first.keys(&["q"]);
    first.wait_for("rumbo · Sesiones");
    first.keys(&["q"]);
    assert_eq!(first.exit_status(), "0");
}

#[test]
fn resizing_at_any_moment_keeps_it_running_and_redrawing() {
    let Some(env) = Env::new() else { return };
    let app = env.start();
    app.wait_for("rumbo · Sesiones");
    app.resize(40, 10);
    app.wait_for("Amplíe la ventana (mínimo 80×24)");
    app.resize(1, 1);
    app.wait_screen("the 1×1 screen", |s| s.trim().chars().count() <= 1);
    app.resize(80, 24);
    app.wait_for("rumbo · Sesiones");

    app.new_session("Gloria", "");
    app.keys(&["n"]);
    app.wait_for("De la sesión");
    app.type_text("antes ");
    app.resize(40, 10);
    app.wait_for("Amplíe la ventana");
    app.type_text("durante ");
    app.resize(1, 1);
    app.type_text("diminuta ");
    app.resize(79, 24);
    app.wait_for("Amplíe la ventana");
    app.resize(120, 40);
    app.type_text("después");
    app.wait_screen("the whole note at 120×40", |s| {
        s.contains("antes durante diminuta después") && s.contains("rumbo · Gloria")
    });
    close_popup(&app, "De la sesión");
    app.resize(80, 24);
    app.wait_screen("the workspace at 80×24", |s| s.lines().count() == 24 && s.contains("Sectores"));
    assert!(app.is_running());
    app.keys(&["q"]);
    app.wait_for("rumbo · Sesiones");
    app.keys(&["q"]);
    assert_eq!(app.exit_status(), "0");
    let file = env.session_file();
    assert_eq!(load(&env.data(), &file).notes, "antes durante diminuta después");
}

#[test]
fn an_idle_rumbo_uses_no_cpu() {
    let Some(env) = Env::new() else { return };
    // The BPO catalog alone: with the CUOC, a debug build spends the first second or so indexing it
    // for search, once, after the first frame; that is start-up work, not idling.
    let app = env.start_with(&[], &["--builtin", "bpo-bogota"]);
    app.wait_for("Aún no hay sesiones guardadas");
    sleep(Duration::from_millis(200));
    let start_screen = app.idle_ticks(IDLE_PERIOD);

    app.new_session("Hugo", "");
    app.keys(&["Tab", "Enter"]);
    app.wait_for("Espacio marcar");
    app.keys(&["Space"]);
    app.wait_for("guardando…");
    let file = env.session_file();
    wait_file_contains(&file, "InDevelopment", Instant::now());
    app.wait_for("guardado");
    sleep(Duration::from_millis(200));
    let workspace = app.idle_ticks(IDLE_PERIOD);
    eprintln!("CPU ticks over {IDLE_PERIOD:?} idle: start screen {start_screen}, workspace {workspace}");
    assert!(start_screen <= IDLE_TICKS, "{start_screen} ticks idle on the start screen");
    assert!(workspace <= IDLE_TICKS, "{workspace} ticks idle in the workspace after a save");

    app.close_terminal();
    let took = app.wait_exit(EXIT_WITHIN);
    eprintln!("exited {took:?} after the terminal closed");
}
