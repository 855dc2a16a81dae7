//! Issue 10, privacy and retention, through the real binary: retention limits, private file modes and
//! `export_permissions`, and deletion that removes every export a session recorded (and says which it
//! could not).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)] // runs the rumbo binary

use crate::common::{rumbo, stderr, stdout};
use crate::export_support::{ID, at, session};
use rumbo::session::{Session, SessionStore};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

fn store(home: &Path) -> SessionStore {
    SessionStore::open(&home.join("data")).unwrap()
}

fn session_file(home: &Path, id: &str) -> PathBuf {
    home.join("data").join("sessions").join(format!("{id}.ron"))
}

fn write_config(home: &Path, text: &str) -> PathBuf {
    fs::create_dir_all(home.join("config")).unwrap();
    let file = home.join("config").join("config.ron");
    fs::write(&file, text).unwrap();
    file
}

/// A saved session last changed on `updated`, its file written then too.
fn saved_at(home: &Path, mut s: Session, updated: &str) -> Session {
    s.created = at("2020-01-01T09:00:00Z");
    s.updated = at(updated);
    store(home).save(&s).unwrap();
    let file = fs::File::options().write(true).open(session_file(home, &s.id)).unwrap();
    file.set_modified(s.updated.into()).unwrap();
    s
}

#[test]
fn retention_days_outside_1_to_3650_is_refused_where_it_is_written() {
    let home = tempfile::tempdir().unwrap();
    saved_at(home.path(), session(), "2020-01-02T10:00:00Z");
    for (value, shown) in [("0", "0"), ("3651", "3651")] {
        let file = write_config(home.path(), &format!("Config(\n    retention_days: {value},\n)"));
        // At start (the purge runs there) and for `sessions purge`: refused, nothing deleted.
        let out = rumbo(home.path(), &["sessions", "purge"]);
        assert_eq!(code(&out), 1, "{}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains(&format!("{}:2:21: ", file.display())), "{err}");
        assert!(err.contains(&format!("retention_days: {shown} ")) && err.contains("1–3650"), "{err}");
        assert!(session_file(home.path(), ID).exists());
    }
}

#[test]
fn purge_older_than_0_is_a_usage_error_that_gives_the_range() {
    let home = tempfile::tempdir().unwrap();
    saved_at(home.path(), session(), "2020-01-02T10:00:00Z");
    for days in ["0", "3651"] {
        let out = rumbo(home.path(), &["sessions", "purge", "--older-than", days]);
        assert_eq!(code(&out), 2, "{days}: {}", stderr(&out));
        assert_eq!(
            stderr(&out),
            format!("error: --older-than {days}: fuera del intervalo permitido, de 1 a 3650 días\n")
        );
        assert_eq!(stdout(&out), "");
        assert!(session_file(home.path(), ID).exists(), "nothing purged");
    }
}

#[test]
fn a_session_changed_in_the_last_day_is_never_purged() {
    let home = tempfile::tempdir().unwrap();
    // Last marked long ago, but its file was written a moment ago (brought back from a copy, say).
    let mut s = session();
    s.created = at("2020-01-01T09:00:00Z");
    s.updated = at("2020-01-02T10:00:00Z");
    store(home.path()).save(&s).unwrap();
    let out = rumbo(home.path(), &["sessions", "purge", "--older-than", "1"]);
    assert_eq!(stdout(&out), "Sesiones borradas por antigüedad: 0; resúmenes: 0.\n", "{}", stderr(&out));
    assert!(session_file(home.path(), ID).exists());
    // Through the library too: even asked for 0 days, the last day's sessions stay.
    let now = jiff::Timestamp::now();
    let mut recent = session();
    recent.id = "r3c3nt000000".into();
    recent.touch(now - jiff::SignedDuration::from_hours(2));
    store(home.path()).save(&recent).unwrap();
    let purged = rumbo::session::purge(&store(home.path()), 0, now).unwrap();
    assert_eq!(purged.sessions, 0);
    assert!(session_file(home.path(), &recent.id).exists());
}

/// `rumbo ARGS…` under umask 022, the usual default that makes new files readable by everyone.
#[cfg(unix)]
fn rumbo_umask_022(home: &Path, args: &[&str]) -> Output {
    std::process::Command::new("sh")
        .arg("-c")
        .arg("umask 022; exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_rumbo"))
        .args(args)
        .env("RUMBO_CONFIG_DIR", home.join("config"))
        .env("RUMBO_DATA_DIR", home.join("data"))
        .env("LANG", "es_CO.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
fn written_path(out: &Output) -> PathBuf {
    let text = stdout(out);
    let path = text.trim().rsplit_once(' ').map(|(_, p)| p).unwrap_or_default().to_string();
    assert!(Path::new(&path).is_file(), "{text}");
    PathBuf::from(path)
}

#[cfg(unix)]
#[test]
fn exports_are_private_unless_export_permissions_says_otherwise() {
    let home = tempfile::tempdir().unwrap();
    store(home.path()).save(&session()).unwrap();
    // Default: the folder rumbo creates is 0700, the file 0600, whatever the umask.
    let out_dir = home.path().join("resumenes").join("2026");
    write_config(home.path(), &format!("Config(export_dir: {:?})", out_dir));
    let out = rumbo_umask_022(home.path(), &["export", ID]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let file = written_path(&out);
    assert_eq!((mode(&home.path().join("resumenes")), mode(&out_dir), mode(&file)), (0o700, 0o700, 0o600));
    assert_eq!(mode(&session_file(home.path(), ID)), 0o600);
    assert_eq!(mode(&home.path().join("data")), 0o700);

    // "0640": readable by the group (the front desk), folder enterable by it; never by everyone.
    let shared = home.path().join("compartida");
    write_config(home.path(), &format!("Config(export_dir: {:?}, export_permissions: \"0640\")", shared));
    let out = rumbo_umask_022(home.path(), &["export", ID, "--format", "html"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let file = written_path(&out);
    assert_eq!((mode(&shared), mode(&file)), (0o750, 0o640));

    // A folder that exists keeps its mode (the office set it up); only the new file gets one.
    let existing = home.path().join("existente");
    fs::create_dir(&existing).unwrap();
    fs::set_permissions(&existing, std::os::unix::fs::PermissionsExt::from_mode(0o2770)).unwrap();
    write_config(home.path(), &format!("Config(export_dir: {:?}, export_permissions: \"0660\")", existing));
    let out = rumbo_umask_022(home.path(), &["export", ID]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!((mode(&existing), mode(&written_path(&out))), (0o770, 0o660));
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(fs::metadata(&existing).unwrap().permissions().mode() & 0o7777, 0o2770);
    }
}

#[test]
fn export_permissions_accepts_only_three_modes() {
    let home = tempfile::tempdir().unwrap();
    store(home.path()).save(&session()).unwrap();
    for (text, place) in [
        ("Config(\n  export_permissions: \"0644\",\n)", ":2:23: "),
        ("Config(\n  kiosk: Kiosk(\n    export_permissions: \"0666\",\n  ),\n)", ":3:25: "),
    ] {
        let file = write_config(home.path(), text);
        let out = rumbo(home.path(), &["export", ID]);
        assert_eq!(code(&out), 1, "{}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains(&format!("{}{place}", file.display())), "{err}");
        assert!(err.contains("\"0600\", \"0640\", \"0660\""), "{err}");
    }
}

/// Exports `ID` with `args`; the file written.
fn export(home: &Path, args: &[&str]) -> PathBuf {
    let mut all = vec!["export", ID];
    all.extend_from_slice(args);
    let out = rumbo(home, &all);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    PathBuf::from(text.trim().rsplit_once(' ').unwrap().1)
}

#[test]
fn delete_removes_every_recorded_export_and_names_what_it_could_not() {
    let home = tempfile::tempdir().unwrap();
    store(home.path()).save(&session()).unwrap();
    let shared = home.path().join("compartida");
    write_config(home.path(), &format!("Config(export_dir: {:?})", shared));
    let md = export(home.path(), &[]);
    let html = export(home.path(), &["--format", "html"]);
    let usb = home.path().join("usb");
    fs::create_dir(&usb).unwrap();
    let json = export(home.path(), &["--format", "json", "-o", usb.join("ana.json").to_str().unwrap()]);
    assert!(md.starts_with(&shared) && html.starts_with(&shared) && json.starts_with(&usb));
    // The session remembers each; the fixture (format 3) already has `exports`, and keeps its format.
    let saved = store(home.path()).load(ID).unwrap();
    assert_eq!(saved.format, 3);
    let recorded: Vec<&Path> = saved.exports.iter().map(|r| r.path.as_path()).collect();
    assert_eq!(recorded, [md.as_path(), html.as_path(), json.as_path()]);
    // Someone edits the HTML; the memory stick is gone; another person's summary shares the folder.
    fs::write(&html, fs::read_to_string(&html).unwrap() + "<!-- editado -->").unwrap();
    fs::remove_file(&json).unwrap();
    let other = shared.join("rumbo-2026-03-05-bernardo-b3rn4r.md");
    fs::write(&other, "de otra persona").unwrap();
    let journal = session_file(home.path(), ID).with_extension("journal");
    fs::write(&journal, "edición pendiente").unwrap();

    let out = rumbo(home.path(), &["sessions", "delete", ID, "--yes"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let printed = stdout(&out);
    for removed in [&session_file(home.path(), ID), &journal, &md] {
        assert!(printed.contains(&format!("borrado: {}\n", removed.display())), "{printed}");
        assert!(!removed.exists(), "{}", removed.display());
    }
    assert!(printed.contains(&format!("no se encontró {}\n", json.display())), "{printed}");
    assert!(
        printed.contains(&format!("{}: cambió desde la exportación: no se borró\n", html.display())),
        "{printed}"
    );
    assert!(html.exists() && other.exists());
}

#[test]
fn an_export_is_not_written_while_the_session_is_open_elsewhere() {
    // It could not be recorded in the session, and would outlive the session's deletion.
    let home = tempfile::tempdir().unwrap();
    store(home.path()).save(&session()).unwrap();
    let out_dir = home.path().join("out");
    write_config(home.path(), &format!("Config(export_dir: {:?})", out_dir));
    let held = store(home.path()).lock(ID).unwrap();
    let out = rumbo(home.path(), &["export", ID]);
    assert_eq!(code(&out), 1);
    assert_eq!(stderr(&out), format!("error: la sesión «{ID}» está abierta en otro rumbo\n"));
    assert!(!out_dir.exists());
    // To standard output nothing is kept, so nothing needs recording.
    let out = rumbo(home.path(), &["export", ID, "-o", "-"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    drop(held);
}

#[cfg(unix)]
#[test]
fn config_and_cache_rumbo_writes_are_private() {
    // config.ron by `rumbo kiosk set-pin`, in a config folder it creates, under umask 022.
    let home = tempfile::tempdir().unwrap();
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("umask 022; printf 'k7Q-29xz-Lm\\n' | \"$0\" kiosk set-pin")
        .arg(env!("CARGO_BIN_EXE_rumbo"))
        .env("RUMBO_CONFIG_DIR", home.path().join("config"))
        .env("RUMBO_DATA_DIR", home.path().join("data"))
        .env("LANG", "es_CO.UTF-8")
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let config = home.path().join("config");
    assert_eq!((mode(&config), mode(&config.join("config.ron"))), (0o700, 0o600));

    // The catalog cache, in a cache folder it creates.
    let dir = home.path().join("cache").join("rumbo");
    let cache = rumbo::catalog::cache::Cache::in_dir(&dir).with_min_bytes(0);
    let sources = rumbo::catalog::CatalogSources::builtins(&["bpo-bogota"]);
    let (loaded, _) = rumbo::catalog::cache::load_reporting(&sources, Some(&cache));
    assert!(loaded.is_ok());
    let files: Vec<PathBuf> = fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    assert!(!files.is_empty());
    assert_eq!(mode(&dir), 0o700);
    for file in files {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
}
