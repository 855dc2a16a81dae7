//! `rumbo sessions list [--json] | show SESSION | delete SESSION [--yes] | purge` through the real binary:
//! their output, their exit codes, and that deleting a session leaves nothing of the person behind.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)] // runs the rumbo binary and tmux

use crate::common;
use crate::export_support;

use common::{rumbo, stderr, stdout};
use export_support::{ID, all_files, at, session, set};
use rumbo::session::{Session, SessionStore};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

fn home() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn store(home: &Path) -> SessionStore {
    SessionStore::open(&home.join("data")).unwrap()
}

fn save(home: &Path, session: &Session) {
    store(home).save(session).unwrap();
}

fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

fn session_file(home: &Path, id: &str) -> PathBuf {
    home.join("data").join("sessions").join(format!("{id}.ron"))
}

/// A second session, updated after the fixture, with nothing marked (so no best fit).
fn bernardo() -> Session {
    let mut s = Session::new("Bernardo", "", at("2026-03-05T13:00:00Z"), set()).unwrap();
    s.id = "b3rn4rd0x2yz".into();
    s.set_notes("Busca turno nocturno.");
    s
}

#[test]
fn list_with_no_sessions() {
    let home = home();
    let out = rumbo(home.path(), &["sessions", "list"]);
    assert_eq!(
        (code(&out), stdout(&out), stderr(&out)),
        (0, "No hay sesiones guardadas.\n".into(), String::new())
    );
    let out = rumbo(home.path(), &["sessions", "list", "--json"]);
    assert_eq!((code(&out), stdout(&out)), (0, "{\"sessions\":[]}\n".into()));
    let out = rumbo(home.path(), &["--lang", "en", "sessions", "list"]);
    assert_eq!(stdout(&out), "No saved sessions.\n");
}

#[test]
fn list_shows_id_alias_dates_and_best_fit_newest_first() {
    let home = home();
    save(home.path(), &session());
    save(home.path(), &bernardo());
    let out = rumbo(home.path(), &["sessions", "list"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].starts_with("b3rn4rd0x2yz  Bernardo "), "{text}");
    assert!(lines[1].starts_with("k3v9q2m7xw4p  Ana María "), "{text}");
    // Created and updated, in the computer's time zone: the dates hold anywhere from UTC-12 to UTC+8.
    assert_eq!(lines[1].matches("2026-03-02 ").count(), 2, "{text}");
    let (title, percent) = rumbo::session::best_fit(&session(), set()).unwrap();
    assert!(lines[1].ends_with(&format!("{percent:>3}%  {title}")), "{text}");
    assert_eq!(title, "Auxiliares de información y servicio al cliente");
    assert!(!lines[0].contains('%'), "nothing marked, no best fit: {text}");
}

#[test]
fn list_json_has_the_same_facts() {
    let home = home();
    save(home.path(), &session());
    save(home.path(), &bernardo());
    let out = rumbo(home.path(), &["sessions", "list", "--json"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let (title, percent) = rumbo::session::best_fit(&session(), set()).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"sessions": [
            {"id": "b3rn4rd0x2yz", "alias": "Bernardo", "created": "2026-03-05T13:00:00Z",
             "updated": "2026-03-05T13:00:00Z", "best_fit": null, "follow_up": null},
            {"id": ID, "alias": "Ana María", "created": "2026-03-02T14:30:00Z",
             "updated": "2026-03-02T15:45:00Z", "best_fit": {"title": title, "percent": percent},
             "follow_up": null},
        ]})
    );
}

#[test]
fn list_reports_a_damaged_file_without_failing() {
    let home = home();
    save(home.path(), &session());
    let file = session_file(home.path(), "dddd1111");
    fs::write(&file, "Session(\n  format: 1,\n  id: \n").unwrap();
    let out = rumbo(home.path(), &["sessions", "list"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.lines().next().unwrap().starts_with(ID), "good sessions first: {text}");
    let damaged = text.lines().nth(1).unwrap();
    assert!(damaged.starts_with("dddd1111  archivo dañado: "), "{text}");
    assert!(damaged.contains(&format!("({}:3:", file.display())), "the place is named: {text}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&rumbo(home.path(), &["sessions", "list", "--json"]))).unwrap();
    assert_eq!(json["sessions"][1]["id"], "dddd1111");
    assert!(json["sessions"][1]["error"].as_str().unwrap().starts_with(&file.display().to_string()));
}

#[test]
fn show_prints_the_whole_session() {
    let home = home();
    save(home.path(), &session());
    let out = rumbo(home.path(), &["sessions", "show", "k3v"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with(&format!("Identificador: {ID}\nÚltima vez: 2026-03-02 ")), "{text}");
    assert!(text.contains("\nConsentimiento: dado el 2026-03-02 "), "{text}");
    assert!(text.contains(" (texto consentimiento-v1)\n"), "{text}");
    assert!(text.contains("\n# Plan de trabajo\n"), "{text}");
    // Everything the counselor wrote, session notes included.
    assert!(text.contains("Atendió público dos años") && text.contains("Le interesa el turno de la tarde."));
    let out = rumbo(home.path(), &["--lang", "en", "sessions", "show", ID]);
    assert!(stdout(&out).contains("\nConsent: given on 2026-03-02 "), "{}", stdout(&out));
}

/// `sessions show` lists the past jobs (the title, the occupation with its codes and source) and says
/// where each mark came from, as the exports do.
#[test]
fn show_lists_past_jobs_and_where_each_mark_came_from() {
    let home = home();
    let (set, _) = rumbo::catalog::load(&rumbo::catalog::CatalogSources::every_builtin()).unwrap();
    let mut person = Session::new("Rosa", "", at("2026-03-02T14:30:00Z"), &set).unwrap();
    person.id = "r0s4c4j3r4xy".into();
    person.add_past_job("Cajera", set.occupation("cuoc-52300").unwrap(), &set);
    let marked: Vec<String> = person.marks.iter().map(|m| m.text.clone()).collect();
    assert!(marked.len() >= 5, "{marked:?}");
    save(home.path(), &person);
    let out = rumbo(home.path(), &["sessions", "show", "r0s4"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    let job = "## Experiencia\n\n- **Cajera** — Cajeros de comercio, taquilleros y expendedores de boletas / \
               Cajeras de comercio, taquilleros y expendedores de boletas · CUOC 52300, CIUO-08 5112 (parcial), \
               CIUO-08 5230 (parcial), CNO 6323 · Fuente: DANE, CUOC 2025\n";
    assert!(text.contains(job), "{text}");
    for name in &marked {
        assert!(text.contains(&format!("- {name} — la tiene (de: Cajera)\n")), "{name}: {text}");
    }
}

#[test]
fn show_without_consent_says_so() {
    let home = home();
    let mut s = session();
    s.consent = None;
    save(home.path(), &s);
    let out = rumbo(home.path(), &["sessions", "show", ID]);
    assert!(stdout(&out).contains("\nConsentimiento: no dado\n"), "{}", stdout(&out));
}

#[test]
fn show_and_list_never_put_escapes_on_the_terminal() {
    let home = home();
    save(home.path(), &export_support::hostile());
    for args in [&["sessions", "list"][..], &["sessions", "list", "--json"], &["sessions", "show", "h0st"]] {
        let out = rumbo(home.path(), args);
        assert_eq!(code(&out), 0, "{args:?}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(!text.chars().any(|c| c != '\n' && rumbo::text::is_forbidden(c)), "{args:?}: {text:?}");
    }
}

#[test]
fn unknown_and_ambiguous_sessions_exit_1() {
    let home = home();
    save(home.path(), &session());
    let mut twin = session();
    twin.id = "k3v9aaaaaaaa".into();
    save(home.path(), &twin);
    for command in ["show", "delete"] {
        let out = rumbo(
            home.path(),
            &["sessions", command, "zzzz", "--yes"][..if command == "show" { 3 } else { 4 }],
        );
        assert_eq!(
            (code(&out), stderr(&out)),
            (1, "error: no hay ninguna sesión «zzzz»\n".into()),
            "{command}"
        );
        assert_eq!(stdout(&out), "");
        let out = rumbo(
            home.path(),
            &["sessions", command, "k3v9", "--yes"][..if command == "show" { 3 } else { 4 }],
        );
        assert_eq!(code(&out), 1, "{command}");
        assert!(
            stderr(&out).contains("k3v9q2m7xw4p, k3v9aaaaaaaa")
                || stderr(&out).contains("k3v9aaaaaaaa, k3v9q2m7xw4p")
        );
    }
    // An empty prefix matches nothing rather than everything.
    let out = rumbo(home.path(), &["sessions", "delete", "", "--yes"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert!(session_file(home.path(), ID).exists() && session_file(home.path(), "k3v9aaaaaaaa").exists());
    let out = rumbo(home.path(), &["--lang", "en", "sessions", "show", "zzzz"]);
    assert_eq!(stderr(&out), "error: there is no session `zzzz`\n");
}

/// A temporary file as an interrupted save leaves it: `.<id>.ron.<6 random characters>`.
fn stray_temp(home: &Path, id: &str, text: &str) -> PathBuf {
    let path = home.join("data").join("sessions").join(format!(".{id}.ron.Xy12Zq"));
    fs::write(&path, text).unwrap();
    path
}

/// `rumbo ARGS…` with `home` as the user's home too, where no Documents folder is configured: exports
/// then go to `~/rumbo` (on Linux; other systems always have a Documents folder).
fn rumbo_homeless(home: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_rumbo"))
        .args(args)
        .env("HOME", home)
        .env_remove("XDG_CONFIG_HOME")
        .env("RUMBO_CONFIG_DIR", home.join("config"))
        .env("RUMBO_DATA_DIR", home.join("data"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "es_CO.UTF-8")
        .output()
        .unwrap()
}

#[test]
fn delete_leaves_nothing_of_the_person_in_the_data_folder() {
    let home = home();
    let ana = session();
    save(home.path(), &ana);
    save(home.path(), &bernardo());
    let file = session_file(home.path(), ID);
    let saved = fs::read_to_string(&file).unwrap();
    // What a crash mid-save and an earlier run leave behind: a temporary copy and the lock file.
    let temp = stray_temp(home.path(), ID, &saved);
    drop(store(home.path()).lock(ID).unwrap());
    let lock = file.with_extension("lock");
    assert!(lock.exists());
    let others_temp = stray_temp(home.path(), "b3rn4rd0x2yz", "Bernardo");
    // Exports where rumbo falls back without a Documents folder (~/rumbo): hers (three) and his.
    let exports = home.path().join("rumbo");
    for args in [
        &["export", ID, "--notes", "all"][..],
        &["export", ID, "--format", "json"],
        &["export", ID],
        &["export", "b3rn"],
    ] {
        let out = rumbo_homeless(home.path(), args);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
    }
    if cfg!(target_os = "linux") {
        assert_eq!(fs::read_dir(&exports).unwrap().count(), 4);
    }

    let out = rumbo(home.path(), &["sessions", "delete", "k3v9", "--yes"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let printed = stdout(&out);
    // Each file removed, by name: the session, its temporary copy, its lock and her three summaries.
    for path in [&file, &temp, &lock] {
        assert!(printed.contains(&format!("borrado: {}\n", path.display())), "{printed}");
    }
    assert_eq!(
        printed.matches("borrado: ").count(),
        if cfg!(target_os = "linux") { 6 } else { 3 },
        "{printed}"
    );
    assert!(
        printed.ends_with(&format!(
            "Sesión {ID} borrada, con todas las copias que rumbo hizo de ella en este equipo. \
             Lo que la persona ya se llevó (impreso, en su memoria USB) no se toca.\n"
        )),
        "{printed}"
    );
    assert!(!file.exists() && !temp.exists() && !lock.exists());

    // Every file left anywhere under the data folder, read whole: none holds her alias or notes.
    let secrets = ["Ana María", "Atendió público dos años", "Le interesa el turno", "Kennedy", ID];
    let left = all_files(&home.path().join("data"));
    for path in &left {
        let bytes = fs::read(path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for secret in secrets {
            assert!(!text.contains(secret), "{} still holds {secret:?}", path.display());
        }
        assert!(!path.to_string_lossy().contains(ID), "{} is left", path.display());
    }
    // The other person's session is untouched, even its stray temporary file.
    assert!(session_file(home.path(), "b3rn4rd0x2yz").exists() && others_temp.exists());
    // Her summaries went with her session (rumbo recorded each); his stays.
    if cfg!(target_os = "linux") {
        let left: Vec<PathBuf> = fs::read_dir(&exports).unwrap().map(|e| e.unwrap().path()).collect();
        assert_eq!(left.len(), 1, "{left:?}");
        assert!(left[0].to_string_lossy().contains("b3rn4r"), "{left:?}");
    }
    assert_eq!(code(&rumbo(home.path(), &["sessions", "show", "b3rn"])), 0);
    assert_eq!(code(&rumbo(home.path(), &["sessions", "show", "k3v9"])), 1);
}

#[test]
fn delete_without_yes_and_without_a_terminal_refuses() {
    let home = home();
    save(home.path(), &session());
    let file = session_file(home.path(), ID);
    let temp = stray_temp(home.path(), ID, "copia");
    let out = rumbo(home.path(), &["sessions", "delete", ID]);
    assert_eq!(code(&out), 1);
    assert_eq!(stderr(&out), "error: para borrar sin preguntar (sin terminal), añada --yes\n");
    assert_eq!(stdout(&out), "");
    assert!(file.exists() && temp.exists(), "nothing deleted");
    let out = rumbo(home.path(), &["--lang", "en", "sessions", "delete", ID]);
    assert_eq!(
        (code(&out), stderr(&out)),
        (1, "error: to delete without asking (no terminal), add --yes\n".into())
    );
}

/// Runs `rumbo ARGS…` on a pseudo-terminal (util-linux `script`), typing `answer`.
fn on_terminal(home: &Path, args: &str, answer: &str) -> (i32, String) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let command = format!("{} {args}", env!("CARGO_BIN_EXE_rumbo"));
    let mut child = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("RUMBO_CONFIG_DIR", home.join("config"))
        .env("RUMBO_DATA_DIR", home.join("data"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "es_CO.UTF-8")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("util-linux `script` runs (it gives rumbo a terminal)");
    // Typed once the question is up; the terminal keeps the line until rumbo reads it.
    child.stdin.take().unwrap().write_all(answer.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (code(&out), String::from_utf8_lossy(&out.stdout).replace('\r', ""))
}

#[cfg(target_os = "linux")]
#[test]
fn delete_on_a_terminal_asks_first() {
    let home = home();
    save(home.path(), &session());
    let file = session_file(home.path(), ID);
    let (status, screen) = on_terminal(home.path(), "sessions delete k3v9", "n\n");
    assert_eq!(status, 0, "{screen}");
    assert!(
        screen.contains(&format!("¿Borrar la sesión «Ana María» ({ID}) y todo lo guardado de ella? [s/N]")),
        "{screen}"
    );
    assert!(screen.contains("No se borró nada."), "{screen}");
    assert!(file.exists());
    let (status, screen) = on_terminal(home.path(), "sessions delete k3v9", "\n");
    assert_eq!(status, 0, "{screen}");
    assert!(file.exists(), "the default answer is no: {screen}");
    let (status, screen) = on_terminal(home.path(), "sessions delete k3v9", "Sí\n");
    assert_eq!(status, 0, "{screen}");
    assert!(screen.contains(&format!("Sesión {ID} borrada, con todas las copias")), "{screen}");
    assert!(!file.exists());
}

#[test]
fn delete_refuses_while_the_session_is_open() {
    let home = home();
    save(home.path(), &session());
    let held = store(home.path()).lock(ID).unwrap();
    let out = rumbo(home.path(), &["sessions", "delete", ID, "--yes"]);
    assert_eq!(code(&out), 1);
    assert_eq!(stderr(&out), format!("error: la sesión «{ID}» está abierta en otro rumbo\n"));
    assert!(session_file(home.path(), ID).exists());
    drop(held);
    assert_eq!(code(&rumbo(home.path(), &["sessions", "delete", ID, "--yes"])), 0);
}

#[test]
fn a_damaged_session_can_still_be_deleted() {
    let home = home();
    let file = session_file(home.path(), "dddd1111");
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    fs::write(&file, "Session(\n  alias: \"Dora\",\n").unwrap();
    let out = rumbo(home.path(), &["sessions", "delete", "dddd", "--yes"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(all_files(&home.path().join("data")).is_empty(), "{:?}", all_files(&home.path().join("data")));
}

/// Sets a file's modification time: the purge counts a session as changed when its file was written.
fn backdate(path: &Path, when: jiff::Timestamp) {
    fs::File::options().write(true).open(path).unwrap().set_modified(when.into()).unwrap();
}

#[test]
fn purge_deletes_old_sessions_and_names_none() {
    let home = home();
    let exports = home.path().join("resumenes");
    fs::create_dir_all(&exports).unwrap();
    // Summaries in the (shared) export folder: hers, recorded in her session, goes with it; an old
    // `rumbo-*` file no session recorded, and anyone else's file, stay.
    let hers = exports.join("rumbo-2020-01-01-ana-v13j0a.md");
    fs::write(&hers, "resumen de Ana").unwrap();
    let mut old = session();
    old.id = "v13j0aaaaaaa".into();
    old.created = at("2020-01-01T10:00:00Z");
    old.updated = at("2020-01-02T10:00:00Z");
    old.record_export(rumbo::session::ExportRecord::of(&hers, b"resumen de Ana"));
    save(home.path(), &old);
    backdate(&session_file(home.path(), &old.id), old.updated);
    let mut recent = bernardo();
    recent.touch(jiff::Timestamp::now());
    save(home.path(), &recent);
    fs::create_dir_all(home.path().join("config")).unwrap();
    fs::write(home.path().join("config/config.ron"), format!("Config(export_dir: {:?})", exports)).unwrap();
    let two_months_ago = jiff::Timestamp::now() - jiff::SignedDuration::from_hours(60 * 24);
    for name in ["rumbo-2020-01-01-otra-zzzzzz.md", "otro-archivo-viejo.txt"] {
        fs::write(exports.join(name), "x").unwrap();
        backdate(&exports.join(name), two_months_ago);
    }
    fs::write(exports.join("rumbo-hoy-bernardo-b3rn4r.md"), "x").unwrap();
    let out = rumbo(home.path(), &["sessions", "purge", "--older-than", "30"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stdout(&out), "Sesiones borradas por antigüedad: 1; resúmenes: 1.\n");
    assert!(!hers.exists());
    for name in ["rumbo-2020-01-01-otra-zzzzzz.md", "otro-archivo-viejo.txt", "rumbo-hoy-bernardo-b3rn4r.md"]
    {
        assert!(exports.join(name).exists(), "{name} was not rumbo's to delete");
    }
    assert!(!session_file(home.path(), "v13j0aaaaaaa").exists());
    assert!(session_file(home.path(), "b3rn4rd0x2yz").exists());
    // retention_days from config.ron when no --older-than is given.
    let mut older = bernardo();
    older.id = "0ld3rrrrrrrr".into();
    older.created = at("2020-01-01T10:00:00Z");
    older.updated = at("2020-01-02T10:00:00Z");
    save(home.path(), &older);
    backdate(&session_file(home.path(), &older.id), older.updated);
    fs::write(home.path().join("config/config.ron"), "Config(retention_days: 365)").unwrap();
    let out = rumbo(home.path(), &["sessions", "purge"]);
    assert_eq!(stdout(&out), "Sesiones borradas por antigüedad: 1; resúmenes: 0.\n", "{}", stderr(&out));
    fs::write(home.path().join("config/config.ron"), "Config(retention: 3)").unwrap();
    let out = rumbo(home.path(), &["sessions", "purge"]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).starts_with("error: config.ron no es válido: "), "{}", stderr(&out));
}

#[test]
fn usage_errors_exit_2() {
    let home = home();
    save(home.path(), &session());
    for args in [
        &["sessions"][..],
        &["sessions", "frobnicate"],
        &["sessions", "list", "--yes"],
        &["sessions", "list", "extra"],
        &["sessions", "show"],
        &["sessions", "delete"],
        &["sessions", "delete", ID, "--force"],
        &["sessions", "purge", "--older-than", "diez"],
        &["sessions", "purge", "--older-than", "-3"],
    ] {
        let out = rumbo(home.path(), args);
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
        assert_eq!(stdout(&out), "", "{args:?}");
    }
    assert!(session_file(home.path(), ID).exists());
}

#[test]
fn an_unusable_data_folder_is_a_clear_error() {
    let home = home();
    fs::write(home.path().join("data"), "no soy una carpeta").unwrap();
    for args in [&["sessions", "list"][..], &["sessions", "show", ID], &["export", ID]] {
        let out = rumbo(home.path(), args);
        assert_eq!(code(&out), 1, "{args:?}");
        assert!(stderr(&out).starts_with("error: error de disco: "), "{args:?}: {}", stderr(&out));
    }
}

/// A session whose last edits are only in its journal (rumbo was killed before the full save):
/// `sessions show` and `export` read it as the next rumbo will, and leave the journal where it is.
#[test]
fn show_and_export_include_what_only_the_journal_has() {
    use rumbo::session::journal;
    let home = home();
    let s = bernardo();
    save(home.path(), &s);
    let mut later = s.clone();
    later.set_notes("Busca turno nocturno. Escrito justo antes del corte.");
    later.touch(at("2026-03-05T13:10:00Z"));
    let bytes = [journal::header(&s), journal::record(&s, &later).unwrap()].concat();
    store(home.path()).append_journal(&s.id, &bytes).unwrap();

    let out = rumbo(home.path(), &["sessions", "show", &s.id]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("justo antes del corte"), "{}", stdout(&out));
    let out = rumbo(home.path(), &["export", &s.id, "--format", "md", "--notes", "all", "-o", "-"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("justo antes del corte"), "{}", stdout(&out));
    assert!(store(home.path()).journal_path(&s.id).unwrap().exists(), "reading folds nothing");
}
