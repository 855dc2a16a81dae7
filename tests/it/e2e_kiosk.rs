//! Kiosk mode end to end: the real `rumbo` binary in a real terminal (tmux), with `kiosk.enabled` in
//! config.ron. What a visitor can press does not end it; only the administrator's PIN does. Signals, a
//! closed window and a panic save the last answer. An idle visit is saved and its summary written, then
//! it leaves nothing on screen; "Terminar" leaves a summary for the desk and shows only a code.
//!
//! tmux is required; without it these tests fail with a message saying so (`.ci/run` installs it).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)] // runs the rumbo binary and tmux

use crate::e2e_tmux_support;

use e2e_tmux_support::{Env, Rumbo, wait_until};
use rumbo::catalog::{self, CatalogSet};
use rumbo::session::{Session, SessionStore};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::thread::sleep;
use std::time::{Duration, Instant};

const PIN: &str = "482193";
const WELCOME: &str = "Pulse Enter para comenzar";
const COUNTDOWN: &str = "se cerrará en";
/// After SIGTERM, SIGHUP or the window closing.
const EXIT_WITHIN: Duration = Duration::from_secs(3);

fn pin_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| rumbo::kiosk::pin::hash(PIN).unwrap())
}

fn ron_string(text: &str) -> String {
    ron::to_string(text).unwrap()
}

/// A kiosk's config.ron: enabled, with the PIN's hash and its own summaries folder (returned).
fn kiosk_config(env: &Env, idle_seconds: u32, extra: &str) -> PathBuf {
    let export = env.root().join("resumenes");
    let text = format!(
        "Config(\n    kiosk: Kiosk(enabled: true, idle_seconds: {idle_seconds}, export_dir: {}, admin_pin: {}),\n{extra})\n",
        ron_string(export.to_str().unwrap()),
        ron_string(pin_hash()),
    );
    std::fs::write(env.config().join("config.ron"), text).unwrap();
    export
}

/// A kiosk that waits five minutes before ending an idle visit: longer than any of these tests.
fn kiosk() -> Option<(Env, PathBuf)> {
    let env = Env::new()?;
    let export = kiosk_config(&env, 300, "");
    Some((env, export))
}

/// From the welcome screen: Enter, the alias, Enter, `s` ("Sí, guardar"), Enter — saved, its code in the
/// header; then "¿En qué ha trabajado?", a job title, the first one found: the first question.
fn begin_visit(app: &Rumbo, alias: &str) -> String {
    app.wait_for(WELCOME);
    app.keys(&["Enter"]);
    app.wait_for("Antes de empezar");
    app.type_text(alias);
    app.wait_for(&format!(" {alias}_"));
    app.keys(&["Enter"]);
    app.wait_screen("the consent choice", |s| s.contains(&format!(" {alias} ")));
    app.keys(&["s"]);
    app.wait_for("Eligió: guardar su visita.");
    app.keys(&["Enter"]);
    app.wait_screen("the visit, saved", |s| s.contains("Su código:") && s.contains("¿Por dónde empezamos?"));
    app.keys(&["Enter"]);
    app.wait_for("Escriba su oficio o cargo");
    app.type_text("vendedor");
    app.wait_for(" vendedor_");
    app.keys(&["Enter"]);
    // The keys line too: it is drawn last, so the screen returned is the whole frame, not one half drawn.
    app.wait_screen("the first question", |s| at_question(s) == Some(1) && s.contains("[t] Terminar"))
}

/// The question on screen ("4" of "4/18"), if one is.
fn at_question(screen: &str) -> Option<usize> {
    screen.lines().find_map(|line| {
        let inner = line.trim_matches(|c: char| c == '║' || c.is_whitespace());
        let (at, total) = inner.split_once(' ').map_or(inner, |(first, _)| first).split_once('/')?;
        total.parse::<usize>().ok()?;
        at.parse().ok()
    })
}

/// An answer's key, and the next question on screen.
fn answer(app: &Rumbo, key: &str) {
    let before = at_question(&app.screen()).expect("a question on screen");
    app.keys(&[key]);
    app.wait_screen("the next question", |s| at_question(s) == Some(before + 1));
}

/// The answers in the visitor's session on disk: marks, and "Todavía no".
fn answers_on_disk(env: &Env) -> (usize, usize) {
    let file = env.session_file();
    let id = file.file_stem().unwrap().to_str().unwrap();
    let session = SessionStore::open(&env.data()).unwrap().load(id).unwrap();
    (session.marks.len(), session.answered_no.len())
}

/// Ctrl+Alt+A, the PIN, Enter.
fn admin_exit(app: &Rumbo, pin: &str) {
    app.keys(&["C-M-a"]);
    app.wait_for("Administración");
    app.type_text(pin);
    app.wait_for(&format!("PIN: {}▏", "•".repeat(pin.chars().count())));
    app.keys(&["Enter"]);
}

/// What a visitor might press to get out: Ctrl+C, Ctrl+Z, Ctrl+\, Ctrl+D as raw bytes, q, Escape on its
/// own, F1…F12, Alt+x — and SIGINT from outside.
fn hostile() -> Vec<String> {
    let mut keys: Vec<String> =
        ["hex:03", "hex:1a", "hex:1c", "hex:04", "q", "Escape"].map(String::from).into();
    keys.extend((1..=12).map(|n| format!("F{n}")));
    keys.extend(["M-x".to_string(), "SIGINT".to_string()]);
    keys
}

fn press(app: &Rumbo, key: &str) {
    if key == "SIGINT" {
        app.signal("INT");
        return;
    }
    let before = app.bytes_read();
    match key.strip_prefix("hex:") {
        Some(byte) => app.send_hex(&[byte]),
        None => app.keys(&[key]),
    }
    // Read on its own, so Escape is Escape and not Alt+ the probe's first key.
    wait_until(&format!("rumbo to read {key}"), || (app.bytes_read() > before).then_some(()));
}

/// Presses each hostile key on a screen showing `before`; after each, rumbo still runs, still answers
/// (`probe`: a key whose effect is seen and undone) and shows the same screen.
fn survives_hostile_keys(app: &Rumbo, before: &str, probe: impl Fn(&Rumbo)) {
    for key in hostile() {
        press(app, &key);
        sleep(Duration::from_millis(20));
        assert!(app.is_running(), "{key} ended the kiosk");
        probe(app);
        assert!(app.is_running(), "{key} ended the kiosk");
        // Waited for, not read once: tmux may show a frame half drawn.
        app.wait_screen(&format!("the screen as it was before {key}"), |s| {
            without_clock(s) == without_clock(before)
        });
    }
}

/// The screen with the header's digits (date and time) blanked: the minute may turn between two looks.
fn without_clock(screen: &str) -> String {
    let (header, rest) = screen.split_once('\n').unwrap_or((screen, ""));
    let header: String = header.chars().map(|c| if c.is_ascii_digit() { '#' } else { c }).collect();
    format!("{header}\n{rest}")
}

#[test]
fn nothing_a_visitor_presses_ends_a_kiosk_and_the_pin_does() {
    let Some((env, _)) = kiosk() else { return };
    let app = env.start();
    let welcome = app.wait_for(WELCOME);
    // On the welcome screen: the admin prompt opens and closes again.
    survives_hostile_keys(&app, &welcome, |app| {
        app.keys(&["C-M-a"]);
        app.wait_for("Administración");
        app.escape();
        app.wait_screen("the admin prompt to close", |s| !s.contains("Administración"));
    });
    eprintln!("{} hostile keys on the welcome screen: still running", hostile().len());

    let question = begin_visit(&app, "Zulma");
    // On a question: "¿Terminar?" opens and `n` closes it again.
    survives_hostile_keys(&app, &question, |app| {
        app.keys(&["t"]);
        app.wait_for("¿Terminar?");
        app.keys(&["n"]);
        app.wait_screen("the question to close", |s| !s.contains("¿Terminar?"));
    });
    eprintln!("{} hostile keys on a question: still running", hostile().len());

    // The right PIN, just after an answer: rumbo ends cleanly, the answer saved.
    answer(&app, "a");
    admin_exit(&app, PIN);
    let started = Instant::now();
    assert_eq!(app.exit_status(), "0");
    eprintln!("the right PIN ended the kiosk within {:?}", started.elapsed());
    assert_eq!(answers_on_disk(&env), (1, 0));
}

/// Three wrong PINs typed into the open prompt: "1111", Enter, each answered before the next.
fn three_wrong_pins(app: &Rumbo) {
    for attempt in 1..=3 {
        app.type_text("1111");
        app.wait_for("PIN: ••••▏");
        app.keys(&["Enter"]);
        // The prompt empties at once and says "comprobando…" while the check runs off the loop; the
        // answer is drawn when it comes back.
        let screen =
            app.wait_screen("the PIN's answer", |s| s.contains("PIN: ▏") && !s.contains("comprobando"));
        if attempt < 3 {
            assert!(screen.contains("PIN incorrecto."), "attempt {attempt}:\n{screen}");
        }
    }
}

/// The right PIN and Enter at a locked prompt: not even checked, and rumbo stays. A key typed after Enter
/// shows as one dot only once Enter was handled (it empties the prompt) — and rumbo, had Enter ended it,
/// would never have drawn it.
fn right_pin_refused_while_locked(app: &Rumbo, what: &str) {
    app.type_text(PIN);
    app.wait_for(&format!("PIN: {}▏", "•".repeat(PIN.len())));
    app.keys(&["Enter"]);
    app.type_text("7");
    let screen = app.wait_for("PIN: •▏");
    assert!(app.is_running(), "the right PIN ended a locked kiosk {what}");
    assert!(screen.contains("bloqueado: espere"), "{what}:\n{screen}");
    assert!(!screen.contains(PIN), "the PIN was shown:\n{screen}");
    app.keys(&["BSpace"]);
    app.wait_for("PIN: ▏");
}

#[test]
fn three_wrong_pins_lock_the_prompt_even_for_the_right_one() {
    let Some((env, _)) = kiosk() else { return };
    let app = env.start();
    app.wait_for(WELCOME);
    app.keys(&["C-M-a"]);
    app.wait_for("Administración");
    three_wrong_pins(&app);
    let locked = app.wait_for("bloqueado: espere");
    assert!(!locked.contains("1111"), "a PIN was shown:\n{locked}");
    right_pin_refused_while_locked(&app, "");

    // Closing the prompt does not reset the lock.
    app.escape();
    app.wait_screen("the prompt to close", |s| !s.contains("Administración"));
    app.keys(&["C-M-a"]);
    let screen = app.wait_for("Administración");
    assert!(screen.contains("bloqueado: espere"), "{screen}");
    right_pin_refused_while_locked(&app, "after Esc");
}

/// The lock is kept in `<data>/kiosk-pin.ron` (0600): a restarted kiosk is still locked, until IT runs
/// `rumbo kiosk set-pin`.
#[test]
fn the_pin_lock_survives_a_restart_until_set_pin() {
    let Some((env, _)) = kiosk() else { return };
    let app = env.start();
    app.wait_for(WELCOME);
    app.keys(&["C-M-a"]);
    app.wait_for("Administración");
    three_wrong_pins(&app);
    app.wait_for("bloqueado: espere");
    // As systemd would restart it: SIGTERM ends a kiosk, and it starts again.
    app.signal("TERM");
    assert_eq!(app.exit_status(), "0");
    drop(app);
    let file = env.data().join("kiosk-pin.ron");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    }

    let app = env.start();
    app.wait_for(WELCOME);
    app.keys(&["C-M-a"]);
    let screen = app.wait_for("Administración");
    assert!(screen.contains("bloqueado: espere"), "restarted unlocked:\n{screen}");
    right_pin_refused_while_locked(&app, "after a restart");
    app.signal("TERM");
    assert_eq!(app.exit_status(), "0");
    drop(app);

    // IT sets the PIN again: the lock goes, and the new PIN opens the kiosk.
    let new_pin = "730516";
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_rumbo"))
        .args(["kiosk", "set-pin"])
        .env("RUMBO_CONFIG_DIR", env.config())
        .env("RUMBO_DATA_DIR", env.data())
        .env("LANG", "es_CO.UTF-8")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), format!("{new_pin}\n").as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!file.exists(), "set-pin left the lock");
    let app = env.start();
    app.wait_for(WELCOME);
    admin_exit(&app, new_pin);
    assert_eq!(app.exit_status(), "0");
}

#[test]
fn sigterm_saves_the_last_words_and_exits_0() {
    let Some((env, _)) = kiosk() else { return };
    let app = env.start();
    begin_visit(&app, "Teresa");
    answer(&app, "n");
    let sent = Instant::now();
    app.signal("TERM");
    assert_eq!(app.exit_status(), "0");
    let took = sent.elapsed();
    eprintln!("kiosk exited {took:?} after SIGTERM");
    assert!(took < EXIT_WITHIN, "{took:?}");
    assert_eq!(answers_on_disk(&env), (0, 1), "the last answer is on disk");
}

#[test]
fn sighup_saves_the_last_words_and_exits_0() {
    let Some((env, _)) = kiosk() else { return };
    let app = env.start();
    begin_visit(&app, "Hilda");
    answer(&app, "n");
    let sent = Instant::now();
    app.signal("HUP");
    assert_eq!(app.exit_status(), "0");
    let took = sent.elapsed();
    eprintln!("kiosk exited {took:?} after SIGHUP");
    assert!(took < EXIT_WITHIN, "{took:?}");
    assert_eq!(answers_on_disk(&env), (0, 1), "the last answer is on disk");
}

#[test]
fn closing_the_terminal_saves_the_last_words_and_exits_0() {
    let Some((env, _)) = kiosk() else { return };
    let app = env.start();
    begin_visit(&app, "Carmen");
    answer(&app, "s");
    let (status, took) = app.close_terminal_and_status(EXIT_WITHIN);
    eprintln!("kiosk exited with {status} {took:?} after its terminal closed");
    assert_eq!(status, "0");
    assert_eq!(answers_on_disk(&env), (1, 0), "the last answer is on disk");
}

#[test]
fn a_panic_restores_the_terminal_and_saves_the_last_answer_first() {
    let Some(env) = Env::new() else { return };
    kiosk_config(&env, 300, "");
    // The shell shows how rumbo ended and the terminal's modes it was left with.
    let app = env.start_in_shell(&["RUMBO_TEST_PANIC=1"], r#""$RUMBO"; echo "FIN-$?"; stty -a"#);
    begin_visit(&app, "Pilar");
    answer(&app, "s");
    app.keys(&["F12"]);
    wait_until("the shell to finish", || (app.pane_var("pane_dead") == "1").then_some(()));
    let screen = app.screen_joined();
    assert_eq!(app.pane_var("alternate_on"), "0", "left on the alternate screen:\n{screen}");
    let lines: Vec<&str> = screen.lines().map(str::trim_end).collect();
    let fin = lines.iter().find_map(|l| l.strip_prefix("FIN-")).expect(&screen);
    assert_ne!(fin, "0", "a panic ended rumbo with status 0:\n{screen}");
    // The message is whole: the shell's next line did not land on top of it.
    assert!(
        lines.iter().any(|l| l.starts_with("thread 'main'") && l.contains("panicked at")),
        "the panic message is missing or overwritten:\n{screen}"
    );
    assert!(screen.contains("prueba: pánico pedido con F12"), "{screen}");
    // The panic is known by its type (not by an error's text): the person reads what happened, in words.
    assert!(screen.contains("rumbo se cerró por un error interno"), "{screen}");
    // Raw mode undone: the terminal echoes, reads lines and turns Ctrl+C into SIGINT again.
    let modes: Vec<&str> = screen.split_whitespace().collect();
    for mode in ["icanon", "echo", "isig", "iexten", "icrnl", "ixon", "opost"] {
        assert!(modes.contains(&mode), "«{mode}» is off after the panic:\n{screen}");
    }
    assert_eq!(answers_on_disk(&env), (1, 0), "the answer given before the panic was lost");
}

#[test]
fn an_idle_visit_counts_down_is_saved_and_leaves_nothing_on_screen() {
    let Some(env) = Env::new() else { return };
    kiosk_config(&env, 12, "");
    let app = env.start();
    let alias = "Zacarías";
    let question = begin_visit(&app, alias);
    let code = question
        .lines()
        .find_map(|l| l.split("Su código: ").nth(1))
        .map(|rest| rest.trim().to_string())
        .expect("the code in the header");
    answer(&app, "s");
    let typed = Instant::now();

    // 12 s idle: the countdown shows for the last 6. A key then cancels it, and does nothing else.
    let countdown = app.wait_for(COUNTDOWN);
    eprintln!("countdown {:?} after the last key", typed.elapsed());
    assert_eq!(at_question(&countdown), Some(2), "the visit should still be there:\n{countdown}");
    app.type_text("s");
    let typed = Instant::now();
    app.wait_screen("the countdown to be cancelled", |s| !s.contains(COUNTDOWN) && at_question(s).is_some());
    assert_eq!(at_question(&app.screen()), Some(2), "the key meant to stay answered a question");

    // Idle again: countdown, then the welcome screen.
    app.wait_for(COUNTDOWN);
    let counted = typed.elapsed();
    let welcome = app.wait_for(WELCOME);
    let ended = typed.elapsed();
    eprintln!("after the key: countdown again at {counted:?}, welcome at {ended:?}");
    assert!(counted >= Duration::from_secs(5), "the countdown came back after {counted:?}");
    assert!(ended >= Duration::from_secs(11), "the visit ended after {ended:?}, before 12 s idle");

    for (what, text) in [
        ("screen", welcome),
        ("screen and scroll-back", app.screen_and_history()),
        ("normal screen under rumbo's", app.screen_under()),
    ] {
        for secret in [alias, code.as_str()] {
            assert!(!text.contains(secret), "«{secret}» is still in the {what}:\n{text}");
        }
    }
    assert_eq!(answers_on_disk(&env), (1, 0), "the idle visit's answer was not saved");
    // Issue 14: the summary is written as "Terminar" would, under the code the header showed.
    let exports = env.root().join("resumenes");
    let written = wait_until("the idle visit's summary", || {
        let names: Vec<String> = std::fs::read_dir(&exports)
            .ok()?
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        (!names.is_empty()).then_some(names)
    });
    assert!(written.len() == 1 && written[0].contains(&code.to_lowercase()), "{written:?} for {code}");

    // The next visitor starts from nothing.
    app.keys(&["Enter"]);
    let form = app.wait_for("Antes de empezar");
    assert!(!form.contains(alias), "{form}");
    assert!(app.is_running());
}

/// Whether `screen` shows something that looks like a file path (`/…/…`) or names `root`.
fn shows_a_path(screen: &str, root: &Path) -> bool {
    let root = root.to_str().unwrap();
    screen.contains(root)
        || screen.split_whitespace().any(|word| {
            let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '/');
            word.matches('/').count() >= 2 && word.chars().any(char::is_alphanumeric)
        })
}

#[test]
fn terminar_leaves_the_summary_for_the_desk_and_shows_only_its_code() {
    let Some((env, export)) = kiosk() else { return };
    let app = env.start();
    let mut screens = vec![app.wait_for(WELCOME)];
    screens.push(begin_visit(&app, "Yolanda"));
    answer(&app, "s");
    screens.push(app.screen());
    app.keys(&["t"]);
    screens.push(app.wait_for("¿Terminar?"));
    app.keys(&["s"]);
    let done = app.wait_for("Dé este código en el mostrador");
    screens.push(done.clone());

    // The code: six letters or digits on a line of its own.
    let codes: Vec<&str> = done
        .lines()
        .map(|l| l.trim_matches(|c: char| c == '║' || c.is_whitespace()))
        .filter(|l| l.len() == 6 && l.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
        .collect();
    assert_eq!(codes.len(), 1, "no single code on screen:\n{done}");
    let code = codes[0];
    let files: Vec<PathBuf> = std::fs::read_dir(&export).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(files.len(), 1, "{files:?}");
    let name = files[0].file_name().unwrap().to_str().unwrap();
    eprintln!("code {code}, summary {name}");
    assert!(name.ends_with(".html"), "{name}");
    assert!(name.contains(&code.to_lowercase()), "the code {code} is not in the file's name {name}");
    let session = env.session_file();
    assert!(session.file_stem().unwrap().to_str().unwrap().starts_with(&code.to_lowercase()));
    let html = std::fs::read_to_string(&files[0]).unwrap();
    assert!(html.contains("Yolanda") && html.contains("<html"), "{html}");

    app.keys(&["Enter"]);
    let welcome = app.wait_for(WELCOME);
    assert!(!welcome.contains("Yolanda") && !welcome.contains(code), "{welcome}");
    screens.push(welcome);
    screens.push(app.screen_and_history());
    for screen in &screens {
        assert!(!shows_a_path(screen, env.root()), "a path is shown:\n{screen}");
    }
    assert!(app.is_running());
}

#[test]
fn a_summary_that_cannot_be_written_names_no_path() {
    let Some((env, export)) = kiosk() else { return };
    // The summaries folder is a file: nothing can be written there.
    std::fs::write(&export, "no es una carpeta").unwrap();
    let app = env.start();
    begin_visit(&app, "Rebeca");
    app.keys(&["t"]);
    app.wait_for("¿Terminar?");
    app.keys(&["s"]);
    let failed = app.wait_for("No se pudo guardar el resumen");
    assert!(!shows_a_path(&failed, env.root()), "a path is shown:\n{failed}");
    app.keys(&["Enter"]);
    app.wait_for(WELCOME);
    assert!(app.is_running());
}

fn set() -> &'static CatalogSet {
    static SET: OnceLock<CatalogSet> = OnceLock::new();
    SET.get_or_init(|| {
        let loaded = catalog::load_files(vec![catalog::builtin_file()]).unwrap();
        CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect())
    })
}

/// A session last changed `days` ago, saved in `data`; its file.
fn saved_days_ago(data: &Path, alias: &str, days: i64) -> PathBuf {
    let when = jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24 * days);
    let mut session = Session::new(alias, "", when, set()).unwrap();
    session.created = when;
    session.updated = when;
    let store = SessionStore::open(data).unwrap();
    store.save(&session).unwrap();
    let file = data.join("sessions").join(format!("{}.ron", session.id));
    // Written when it last changed: the purge counts the file's time too.
    std::fs::File::options().write(true).open(&file).unwrap().set_modified(when.into()).unwrap();
    file
}

#[test]
fn a_kiosk_purges_sessions_past_retention_when_it_starts() {
    let Some(env) = Env::new() else { return };
    kiosk_config(&env, 300, "    retention_days: 30,\n");
    let old = saved_days_ago(&env.data(), "Antigua", 31);
    let recent = saved_days_ago(&env.data(), "Reciente", 29);
    assert!(old.exists() && recent.exists());
    let app = env.start();
    let welcome = app.wait_for(WELCOME);
    assert!(!old.exists(), "a session 31 days old was kept with retention_days: 30");
    assert!(recent.exists(), "a session 29 days old was purged with retention_days: 30");
    assert!(!welcome.contains("Antigua") && !welcome.contains("Reciente"), "{welcome}");
}

#[test]
fn closing_the_terminal_ends_a_kiosk_mid_visit_even_with_sighup_blocked() {
    // Whoever starts the kiosk may block SIGHUP (the mask survives exec). A closed terminal must still end
    // it within seconds, the last answer saved — not after the idle timeout, with the input thread spinning.
    let Some((env, _)) = kiosk() else { return };
    let block_sighup =
        "use POSIX; sigprocmask(SIG_BLOCK, POSIX::SigSet->new(SIGHUP)) or die; exec @ARGV or die";
    let app = env.start_via(&["perl", "-e", block_sighup]);
    begin_visit(&app, "Lucía");
    answer(&app, "s");
    app.close_terminal();
    let took = app.wait_exit(Duration::from_secs(6));
    eprintln!("with SIGHUP blocked, the kiosk exited {took:?} after its terminal closed");
    assert_eq!(answers_on_disk(&env), (1, 0));
}
