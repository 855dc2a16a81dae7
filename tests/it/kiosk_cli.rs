//! `rumbo kiosk set-pin` and how config.ron decides whether a kiosk may start, through the real binary:
//! only an argon2 hash of the PIN is stored, every other byte of the file stays; a broken file, a missing
//! or unusable PIN, or a bad `admin_key` stop rumbo before it draws anything; sessions past
//! `retention_days` are purged, counted and never named.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)] // runs the rumbo binary and tmux

use crate::e2e_tmux_support;

use e2e_tmux_support::Env;
use rumbo::catalog::{self, CatalogSet};
use rumbo::config::Config;
use rumbo::kiosk::pin;
use rumbo::session::{Session, SessionStore};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

const PIN: &str = "482193";

/// A commented config.ron as IT staff might write it, with an old PIN hash in it.
const OLD_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2FsZHVyYXZpZWph$Y2FsY3VsYWRvIGhhY2UgbXVjaG8gdGllbXBvIHlh";
const COMMENTED: &str = r#"// Quiosco de la sala 2 — lo mantiene sistemas (ext. 214)
Config(
    retention_days: 90, // días
    export_dir: "/srv/rumbo/exportes",
    kiosk: Kiosk(
        admin_key: "ctrl+alt+k",   // no la de siempre
        admin_pin: "$argon2id$v=19$m=19456,t=2,p=1$c2FsZHVyYXZpZWph$Y2FsY3VsYWRvIGhhY2UgbXVjaG8gdGllbXBvIHlh",
        enabled: true,
        /* segundos */ idle_seconds: 240,
    ),
)
"#;

struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("config")).unwrap();
        Home { dir }
    }

    fn config_file(&self) -> PathBuf {
        self.dir.path().join("config").join("config.ron")
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn write_config(&self, text: &str) {
        std::fs::write(self.config_file(), text).unwrap();
    }

    fn config_text(&self) -> Option<String> {
        std::fs::read_to_string(self.config_file()).ok()
    }

    /// `rumbo ARGS…` with `stdin` piped in (or nothing: /dev/null). In a session of its own (`setsid`),
    /// with no controlling terminal: a rumbo that wrongly starts fails to open /dev/tty instead of taking
    /// over the terminal `cargo test` runs in.
    fn run(&self, args: &[&str], stdin: Option<&str>) -> Output {
        let mut child = Command::new("setsid")
            .arg("--wait")
            .arg(env!("CARGO_BIN_EXE_rumbo"))
            .args(args)
            .env("RUMBO_CONFIG_DIR", self.dir.path().join("config"))
            .env("RUMBO_DATA_DIR", self.data())
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "es_CO.UTF-8")
            .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("setsid (util-linux) runs the rumbo binary");
        if let Some(input) = stdin {
            child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        }
        child.wait_with_output().unwrap()
    }

    fn set_pin(&self, stdin: &str) -> Output {
        self.run(&["kiosk", "set-pin"], Some(stdin))
    }

    fn stored_hash(&self) -> String {
        Config::parse(&self.config_text().unwrap(), &self.config_file()).unwrap().kiosk.admin_pin
    }
}

fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn ron_string(text: &str) -> String {
    ron::to_string(text).unwrap()
}

/// The stored PIN is an argon2 hash of `pin`, and `pin` itself is nowhere in the file.
fn assert_pin_stored(home: &Home, pin: &str) {
    let text = home.config_text().unwrap();
    let hash = home.stored_hash();
    assert!(hash.starts_with("$argon2id$"), "{text}");
    assert!(pin::is_hash(&hash), "{hash}");
    assert!(pin::verify(pin, &hash), "the stored hash does not verify {pin}");
    assert!(!pin::verify("0000", &hash));
    assert!(!text.contains(pin), "the PIN itself is in config.ron:\n{text}");
}

#[test]
fn set_pin_from_one_piped_line_stores_only_its_hash() {
    let home = Home::new();
    let out = home.set_pin("482193\n");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).starts_with("PIN guardado en "), "{}", stdout(&out));
    assert!(!stdout(&out).contains(PIN) && !stderr(&out).contains(PIN));
    assert_pin_stored(&home, PIN);
    // A file that did not exist is the default configuration plus the PIN.
    let config = Config::parse(&home.config_text().unwrap(), &home.config_file()).unwrap();
    let mut expected = Config::default();
    expected.kiosk.admin_pin = config.kiosk.admin_pin.clone();
    assert_eq!(config, expected);
    // Without a final newline too; a second run replaces the hash, salted anew.
    let first = home.stored_hash();
    let out = home.set_pin("739164");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_pin_stored(&home, "739164");
    assert_ne!(home.stored_hash(), first);
}

#[test]
fn set_pin_from_two_matching_lines() {
    let home = Home::new();
    home.write_config(COMMENTED);
    let out = home.set_pin("482193\r\n482193\r\n");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_pin_stored(&home, PIN);
}

#[test]
fn blanks_around_a_piped_pin_are_not_part_of_it() {
    let home = Home::new();
    home.write_config(COMMENTED);
    let out = home.set_pin(" 482193 \n");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_pin_stored(&home, PIN);
}

#[test]
fn two_different_lines_change_nothing() {
    let home = Home::new();
    home.write_config(COMMENTED);
    let out = home.set_pin("482193\n482139\n");
    assert_eq!(code(&out), 1);
    assert_eq!(stderr(&out), "error: los dos PIN no coinciden; no se cambió nada\n");
    assert_eq!(stdout(&out), "");
    assert_eq!(home.config_text().unwrap(), COMMENTED, "config.ron was touched");
    // Nor is a file created where there was none.
    let empty = Home::new();
    assert_eq!(code(&empty.set_pin("482193\n482139\n")), 1);
    assert_eq!(empty.config_text(), None);
}

#[test]
fn a_short_or_missing_pin_changes_nothing() {
    let home = Home::new();
    home.write_config(COMMENTED);
    for input in ["123\n", "123\n123\n", "\n", "", "4821\n", "48219\n"] {
        let out = home.set_pin(input);
        assert_eq!(code(&out), 1, "{input:?}");
        assert_eq!(stderr(&out), "error: el PIN debe tener al menos 6 caracteres\n", "{input:?}");
        assert_eq!(home.config_text().unwrap(), COMMENTED, "config.ron was touched by {input:?}");
    }
    let out = home.set_pin("48\u{1b}2193\n");
    assert_eq!((code(&out), stderr(&out)), (1, "error: el PIN tiene caracteres no permitidos\n".into()));
    assert_eq!(home.config_text().unwrap(), COMMENTED);
}

#[test]
fn a_trivial_pin_changes_nothing_and_says_why() {
    let home = Home::new();
    home.write_config(COMMENTED);
    for input in ["000000\n", "123456\n", "654321\n", "abcdef\n", "9876543210\n"] {
        let out = home.set_pin(input);
        assert_eq!(code(&out), 1, "{input:?}");
        let said = stderr(&out);
        assert!(said.starts_with("error: ese PIN es de los primeros que se prueban"), "{input:?}: {said}");
        assert!(said.contains("123456") && said.contains("elija otro"), "{said}");
        assert_eq!(home.config_text().unwrap(), COMMENTED, "config.ron was touched by {input:?}");
    }
}

/// The lock left by wrong PINs at the kiosk (`<data>/kiosk-pin.ron`) goes when IT sets a PIN.
#[test]
fn set_pin_clears_the_lock_of_wrong_pins() {
    use rumbo::kiosk::{lock::PinLock, lock_file};
    let home = Home::new();
    let now = jiff::Timestamp::now();
    lock_file::save(&home.data(), &PinLock::strictest(now)).unwrap();
    assert!(lock_file::load(&home.data(), now).lock.locked(now).is_some());
    // A PIN refused leaves the lock as it was.
    assert_eq!(code(&home.set_pin("111111\n")), 1);
    assert!(lock_file::load(&home.data(), now).lock.locked(now).is_some());
    let out = home.set_pin("482193\n");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(!lock_file::path(&home.data()).exists());
    assert_eq!(lock_file::load(&home.data(), now).lock, PinLock::default());
}

#[test]
fn set_pin_keeps_every_other_byte_of_config_ron() {
    // The PIN replaced: comments, order, spacing and every other key exactly as they were.
    let home = Home::new();
    home.write_config(COMMENTED);
    let out = home.set_pin("482193\n");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let hash = home.stored_hash();
    assert_eq!(home.config_text().unwrap(), COMMENTED.replace(OLD_HASH, &hash));
    assert_pin_stored(&home, PIN);

    // The PIN added to a kiosk that had none: only `admin_pin: "…", ` is new.
    let without = COMMENTED.replace(&format!("        admin_pin: {},\n", ron_string(OLD_HASH)), "");
    assert!(!without.contains("admin_pin"));
    home.write_config(&without);
    assert_eq!(code(&home.set_pin("482193\n")), 0);
    let hash = home.stored_hash();
    let text = home.config_text().unwrap();
    let inserted = format!("admin_pin: {}, ", ron_string(&hash));
    assert_eq!(text.matches(&inserted).count(), 1, "{text}");
    assert_eq!(text.replacen(&inserted, "", 1), without);
    assert_pin_stored(&home, PIN);

    // And to a file with no kiosk at all, CRLF line ends kept.
    let plain = "// sin quiosco\r\nConfig(\r\n    retention_days: 30, // un mes\r\n)\r\n";
    home.write_config(plain);
    assert_eq!(code(&home.set_pin("482193\n")), 0);
    let text = home.config_text().unwrap();
    let hash = home.stored_hash();
    let inserted = format!("\n    kiosk: Kiosk(admin_pin: {}),", ron_string(&hash));
    assert_eq!(text.replacen(&inserted, "", 1), plain, "{text}");
    let config = Config::parse(&text, &home.config_file()).unwrap();
    assert_eq!(config.retention_days, 30);
    assert_pin_stored(&home, PIN);
}

#[test]
fn set_pin_leaves_a_broken_config_alone() {
    let home = Home::new();
    let broken = "Config(\n    kiosk: Kiosk(enabled: true, idle_secnds: 12),\n)\n";
    home.write_config(broken);
    let out = home.set_pin("482193\n");
    assert_eq!(code(&out), 1);
    let place = format!("{}:2:33: ", home.config_file().display());
    assert!(
        stderr(&out).starts_with(&format!("error: config.ron no es válido: {place}")),
        "{}",
        stderr(&out)
    );
    assert_eq!(home.config_text().unwrap(), broken);
}

#[test]
fn set_pin_on_a_terminal_asks_twice_and_shows_nothing() {
    let Some(env) = Env::new() else { return };
    let file = env.config().join("config.ron");
    std::fs::write(&file, COMMENTED).unwrap();
    let app = env.start_with(&[], &["kiosk", "set-pin"]);
    app.wait_for("PIN de administrador (no se muestra):");
    // Ctrl+U starts again; Ctrl+D and Alt+x are not characters of the PIN.
    app.type_text("99");
    app.keys(&["C-u"]);
    app.type_text("48");
    app.keys(&["C-d", "M-x"]);
    app.type_text("2193");
    app.keys(&["Enter"]);
    app.wait_for("Repita el PIN:");
    app.type_text(PIN);
    app.keys(&["Enter"]);
    assert_eq!(app.exit_status(), "0", "{}", app.screen());
    let screen = app.screen();
    assert!(screen.contains("PIN guardado en"), "{screen}");
    for shown in [PIN, "99", "48", "21", "x"] {
        let prompts: String =
            screen.lines().filter(|l| l.starts_with("PIN de") || l.starts_with("Repita")).collect();
        assert!(!prompts.contains(shown), "«{shown}» was echoed:\n{screen}");
    }
    assert!(!screen.contains(PIN), "the PIN was echoed:\n{screen}");
    let text = std::fs::read_to_string(&file).unwrap();
    let hash = Config::parse(&text, &file).unwrap().kiosk.admin_pin;
    assert!(pin::verify(PIN, &hash), "the PIN typed is not the one stored");
    assert_eq!(text, COMMENTED.replace(OLD_HASH, &hash));
    drop(app);

    // Two different PINs, or Ctrl+C: exit 1, the file as it was.
    let app = env.start_with(&[], &["kiosk", "set-pin"]);
    app.wait_for("PIN de administrador");
    app.type_text("1357");
    app.keys(&["Enter"]);
    app.wait_for("Repita el PIN:");
    app.type_text("1358");
    app.keys(&["Enter"]);
    assert_eq!(app.exit_status(), "1");
    assert!(app.screen().contains("los dos PIN no coinciden"), "{}", app.screen());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    drop(app);
    let app = env.start_with(&[], &["kiosk", "set-pin"]);
    app.wait_for("PIN de administrador");
    app.type_text("13");
    app.send_hex(&["03"]);
    assert_eq!(app.exit_status(), "1");
    assert!(app.screen().contains("Cancelado; no se cambió nada."), "{}", app.screen());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}

/// Starting rumbo (the app, `args` after it) with config.ron `text`: exit 1, nothing on standard output
/// (nothing drawn), and the one-line error on standard error, which is returned.
fn refused(text: Option<&str>, args: &[&str]) -> (Home, String) {
    let home = Home::new();
    if let Some(text) = text {
        home.write_config(text);
    }
    let out = home.run(args, None);
    assert_eq!(code(&out), 1, "rumbo started with {text:?}: {}", stderr(&out));
    assert_eq!(stdout(&out), "", "something was drawn");
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    (home, err)
}

#[test]
fn a_broken_config_stops_a_kiosk_with_file_line_col() {
    let broken = "Config(\n    kiosk: Kiosk(enabled: true, idle_secnds: 12),\n)\n";
    for args in [&[][..], &["--kiosk"]] {
        let (home, err) = refused(Some(broken), args);
        let expected = format!(
            "error: config.ron no es válido: {}:2:33: Unexpected field named `idle_secnds` in `Kiosk`",
            home.config_file().display()
        );
        assert!(err.starts_with(&expected), "{err}");
    }
    // Cut short: the place is still given.
    let (home, err) = refused(Some("Config(\n    kiosk: Kiosk(enabled: true,\n"), &["--kiosk"]);
    let prefix = format!("error: config.ron no es válido: {}:2:", home.config_file().display());
    assert!(err.starts_with(&prefix), "{err}");
}

#[test]
fn a_kiosk_without_a_usable_pin_refuses_to_start() {
    let hint = "error: el modo quiosco necesita un PIN de administrador: ejecute «rumbo kiosk set-pin»\n";
    let hash = pin::hash(PIN).unwrap();
    let cut = hash.rsplit_once('$').unwrap().0;
    for (text, args) in [
        (None, &["--kiosk"][..]),
        (Some("Config(kiosk: Kiosk(enabled: true))".to_string()), &[]),
        (Some("Config(kiosk: Kiosk(admin_pin: \"\"))".to_string()), &["--kiosk"]),
        // The PIN itself written where its hash goes, or a hash cut short: no PIN could ever end it.
        (Some(format!("Config(kiosk: Kiosk(enabled: true, admin_pin: {}))", ron_string(PIN))), &[]),
        (Some(format!("Config(kiosk: Kiosk(enabled: true, admin_pin: {}))", ron_string(cut))), &[]),
    ] {
        let (_, err) = refused(text.as_deref(), args);
        assert_eq!(err, hint, "{text:?}");
    }
}

#[test]
fn a_kiosk_with_an_invalid_admin_key_refuses_to_start() {
    let hash = ron_string(&pin::hash(PIN).unwrap());
    for key in ["ctrl+alt+ñ", "a", "ctrl+alt", "hyper+a", ""] {
        let text =
            format!("Config(kiosk: Kiosk(enabled: true, admin_pin: {hash}, admin_key: {}))", ron_string(key));
        let (_, err) = refused(Some(&text), &[]);
        assert_eq!(err, format!("error: admin_key no válido «{key}» en config.ron (ejemplo: ctrl+alt+a)\n"));
    }
}

#[test]
fn a_broken_config_in_a_real_terminal_shows_the_place_and_nothing_else() {
    let Some(env) = Env::new() else { return };
    std::fs::write(env.config().join("config.ron"), "Config(kiosk: Kiosk(enabled: true, pin: \"4821\"))\n")
        .unwrap();
    let (screen, status) = env.run_briefly(&[], &[]);
    assert_eq!(status, "1", "{screen}");
    // What rumbo wrote, without the note tmux adds once the pane has ended — which may land among the
    // pieces of the message, as may the line breaks around it.
    let mut text = screen.clone();
    while let Some(at) = text.find("Pane is dead (") {
        let end = text[at..].find(')').map_or(text.len(), |e| at + e + 1);
        text.replace_range(at..end, "");
    }
    let text = text.replace('\n', "");
    let text = text.trim();
    let place = format!("{}:1:", env.config().join("config.ron").display());
    assert!(text.starts_with("error: config.ron no es válido: "), "{screen}");
    assert!(text.contains(&place), "{screen}");
    assert!(text.contains("Unexpected field named `pin`"), "{screen}");
    // That one message and nothing else: no welcome, nothing of rumbo's screens.
    assert_eq!(text.matches("error: ").count(), 1, "{screen}");
    assert!(text.ends_with("instead"), "{screen}");
    assert!(!screen.contains("Bienvenida") && !screen.contains('║'), "{screen}");
}

fn set() -> &'static CatalogSet {
    static SET: OnceLock<CatalogSet> = OnceLock::new();
    SET.get_or_init(|| {
        let loaded = catalog::load_files(vec![catalog::builtin_file()]).unwrap();
        CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect())
    })
}

/// A session created and last changed `days` ago, saved in `data`; its id.
fn saved_days_ago(data: &Path, alias: &str, days: i64) -> String {
    let when = jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24 * days);
    let mut session = Session::new(alias, "Consejera Ruiz", when, set()).unwrap();
    session.created = when;
    session.updated = when;
    session.set_notes("nota privada");
    let store = SessionStore::open(data).unwrap();
    store.save(&session).unwrap();
    backdate(&store, &session);
    session.id
}

/// Gives the session's file the time of its last change: the purge counts the file's time too.
fn backdate(store: &SessionStore, session: &Session) {
    let file = std::fs::File::options().write(true).open(store.path_of(&session.id).unwrap()).unwrap();
    file.set_modified(session.updated.into()).unwrap();
}

fn session_ids(data: &Path) -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(data.join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .map(|p| p.file_stem().unwrap().to_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn purge_uses_180_days_by_default_and_reports_counts_only() {
    let home = Home::new();
    let old = saved_days_ago(&home.data(), "Anacleta", 181);
    let recent = saved_days_ago(&home.data(), "Bernarda", 179);
    let fresh = saved_days_ago(&home.data(), "Casimira", 1);
    // Age is counted from the last change, not from the creation: a session begun 400 days ago and worked
    // on last week is kept.
    let when = jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24 * 400);
    let mut revived = Session::new("Dorotea", "", when, set()).unwrap();
    revived.created = when;
    revived.touch(jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24 * 7));
    let store = SessionStore::open(&home.data()).unwrap();
    store.save(&revived).unwrap();
    backdate(&store, &revived);
    let revived = revived.id;
    let names = [
        "Anacleta",
        "Bernarda",
        "Casimira",
        "Dorotea",
        "Consejera",
        "nota privada",
        &old,
        &recent,
        &fresh,
        &revived,
    ];
    let report = |out: &Output| {
        assert_eq!(code(out), 0, "{}", stderr(out));
        assert_eq!(stderr(out), "");
        let text = stdout(out);
        for name in names {
            assert!(!text.contains(name), "the purge named «{name}»: {text}");
        }
        assert_eq!(text.lines().count(), 1, "{text}");
        // "Sesiones borradas por antigüedad: N." (maybe with more counts after it): the sessions' count.
        let count = text.strip_prefix("Sesiones borradas por antigüedad: ").expect(&text);
        count.chars().take_while(char::is_ascii_digit).collect::<String>().parse::<usize>().expect(&text)
    };

    // No config.ron: retention_days is 180.
    let out = home.run(&["sessions", "purge"], None);
    assert_eq!(report(&out), 1);
    let mut left = vec![recent.clone(), fresh.clone(), revived.clone()];
    left.sort();
    assert_eq!(session_ids(&home.data()), left);

    // --older-than wins over config.ron.
    home.write_config("Config(retention_days: 1000)");
    let out = home.run(&["sessions", "purge", "--older-than", "100"], None);
    assert_eq!(report(&out), 1);
    let mut left = vec![fresh.clone(), revived.clone()];
    left.sort();
    assert_eq!(session_ids(&home.data()), left);
    let out = home.run(&["sessions", "purge", "--older-than", "100"], None);
    assert_eq!(report(&out), 0);

    // retention_days from config.ron.
    home.write_config("// un día\nConfig(retention_days: 1)");
    let out = home.run(&["sessions", "purge"], None);
    assert_eq!(report(&out), 2);
    assert_eq!(session_ids(&home.data()), Vec::<String>::new());
}

#[test]
fn set_pin_keeps_the_keys_block_as_it_is() {
    let home = Home::new();
    let keys = "    keys: (\n        buscar: \"ctrl+f\", // como en el navegador\n        terminar:   \"f10\",\n    ),\n";
    let text = COMMENTED.replacen("Config(\n", &format!("Config(\n{keys}"), 1);
    home.write_config(&text);
    let before = Config::parse(&text, &home.config_file()).unwrap();
    assert_eq!(before.keys.buscar.as_deref(), Some("ctrl+f"));
    let out = home.set_pin("482193\n");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let after_text = home.config_text().unwrap();
    assert!(after_text.contains(keys), "the keys: block changed:\n{after_text}");
    let after = Config::parse(&after_text, &home.config_file()).unwrap();
    assert_eq!(after.keys, before.keys);
    // Only the PIN's hash differs.
    assert_eq!(after_text.replace(&after.kiosk.admin_pin, OLD_HASH), text);
    assert_pin_stored(&home, PIN);
}
