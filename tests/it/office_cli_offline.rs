//! `rumbo sessions …` and `rumbo export` with the office's server out of reach (issue 15): they read this
//! desk's copies, say so on stderr («sin conexión: sesiones guardadas en este equipo», never the URL) and
//! exit 3; what needs the whole office (delete, purge, import, --all-offices) refuses. A server that
//! answers but refuses (password, TLS) is not "offline": exit 1 as before. A server of the test's own,
//! stopped and started again (pg_restart.rs).
#![allow(clippy::unwrap_used, clippy::disallowed_methods)]

use crate::common::{rumbo, stderr, stdout};
use crate::office_support::{PASSWORD, counselor, home};
use crate::pg_restart::own_server;
use crate::pg_support;
use rumbo::catalog::CatalogSet;
use rumbo::office::migrate;
use rumbo::office::store::OfficeStore;
use rumbo::session::{Session, SessionStore};
use std::path::Path;
use std::process::Output;

const CACHED: &str = "sin conexión: sesiones guardadas en este equipo";

pub fn session(alias: &str) -> Session {
    let mut s = Session::new(alias, "Luz", jiff::Timestamp::now(), &CatalogSet::new(Vec::new())).unwrap();
    s.follow_up = Some(jiff::Zoned::now().date().yesterday().unwrap());
    s
}

/// `rumbo ARGS…` in `home` with `env` added (a password, a home folder).
fn rumbo_env(home: &Path, args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut command = crate::common::rumbo_command(home, args);
    command.env_remove("PGPASSWORD");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().unwrap()
}

#[test]
fn office_cli_offline_reads_this_desks_copies_says_so_and_exits_3() {
    let Some((server, db)) = own_server() else { return };
    migrate::migrate(&mut db.admin()).unwrap();
    let b = home(&db, "kennedy-1", "ESCRITORIO-2");
    let pedro = session("Pedro");
    OfficeStore::on(db.admin(), "kennedy-1", "ESCRITORIO-1").unwrap().save(&pedro).unwrap();
    // This desk's copy, not yet sent.
    let local = SessionStore::open(&b.path().join("data")).unwrap();
    let marta = session("Marta");
    local.save(&marta).unwrap();
    server.stop();

    let hidden = [db.name.as_str(), "postgresql://", &db.server.dir.display().to_string(), PASSWORD];
    let offline = |args: &[&str]| {
        let out = rumbo(b.path(), args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(3), "{args:?}: {err}");
        assert!(err.contains("no respondió") && err.contains(CACHED), "{args:?}: {err}");
        for secret in hidden {
            assert!(!err.contains(secret), "{args:?} shows {secret:?}: {err}");
        }
        stdout(&out)
    };
    let listed = offline(&["sessions", "list"]);
    assert!(listed.contains("Marta") && !listed.contains("Pedro"), "{listed}");
    assert!(offline(&["sessions", "show", &marta.id[..8]]).contains("Marta"));
    assert!(offline(&["sessions", "due"]).contains("Marta"));
    assert!(offline(&["export", &marta.id, "-o", "-"]).contains("Marta"));
    // A file is recorded in this desk's copy (sent with it later), never left unrecorded.
    let file = b.path().join("marta.md");
    offline(&["export", &marta.id, "-o", &file.display().to_string()]);
    assert!(file.exists());
    let copy = local.load(&marta.id).unwrap();
    assert!(copy.exports.iter().any(|r| r.path == file), "{:?}", copy.exports);
    assert!(copy.updated > marta.updated, "changed, so the copy counts as not yet sent");

    // Nothing that needs the whole office; nothing done.
    let import = b.path().join("s.ron");
    std::fs::write(&import, std::fs::read(local.path_of(&marta.id).unwrap()).unwrap()).unwrap();
    let refused: [&[&str]; 5] = [
        &["sessions", "delete", &marta.id, "--yes"],
        &["sessions", "purge", "--older-than", "30"],
        &["sessions", "list", "--all-offices"],
        &["sessions", "due", "--all-offices"],
        &["sessions", "import", &import.display().to_string()],
    ];
    for args in refused {
        let out = rumbo(b.path(), args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(3), "{args:?}: {err}");
        assert!(err.contains("no se hace sin conexión"), "{args:?}: {err}");
        assert!(stdout(&out).is_empty(), "{args:?}: {}", stdout(&out));
    }
    assert!(local.path_of(&marta.id).unwrap().exists() && file.exists(), "nothing deleted");
    // A failure stays a failure.
    let out = rumbo(b.path(), &["sessions", "show", "zzzzzzzz"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));

    server.start();
    let out = rumbo(b.path(), &["sessions", "list"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("sin conexión"), "{}", stderr(&out));
    assert!(stdout(&out).contains("Pedro") && stdout(&out).contains("Marta"), "{}", stdout(&out));
}

/// A server that answers and refuses is no reason to show this desk's copies: a wrong password, a CA
/// certificate that is not there. Exit 1 and the reason, as before.
#[test]
fn office_cli_a_refused_password_or_tls_is_an_error_not_offline() {
    let Some(db) = pg_support::test_db() else { return };
    migrate::migrate(&mut db.admin()).unwrap();
    let url = counselor(&db, "ana");
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("config")).unwrap();
    let config = |url: &str| {
        let text =
            format!("Config(\n  store: Postgres(url: \"{url}\"),\n  office: (id: \"kennedy-1\"),\n)\n");
        std::fs::write(dir.path().join("config/config.ron"), text).unwrap();
    };
    let pgpass = pg_support::pgpass_file(dir.path(), "*:*:*:*:otra-clave\n");
    config(&url);
    let out = rumbo_env(dir.path(), &["sessions", "list"], &[("PGPASSFILE", &pgpass), ("HOME", dir.path())]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("servidor de la oficina") && err.contains("password"), "{err}");
    assert!(!err.contains("sin conexión") && !err.contains("otra-clave"), "{err}");
    // verify-full and no CA certificate where libpq looks (this HOME): refused, naming the place.
    config(&url.replace("sslmode=require", "sslmode=verify-full"));
    let out = rumbo_env(dir.path(), &["sessions", "list"], &[("PGPASSFILE", &pgpass), ("HOME", dir.path())]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("root.crt") && !err.contains("sin conexión"), "{err}");
}
