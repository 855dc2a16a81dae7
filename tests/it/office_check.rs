//! `rumbo office check` against the throwaway PostgreSQL: seven plain lines, in the order, for a
//! counselor's desk over verify-full TLS; a failing part flagged on its line and the exit code 1.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]

use crate::common::{stderr, stdout};
use crate::pg_support::{self, TestDb};
use rumbo::office::migrate;
use std::path::Path;
use std::process::Output;

/// `rumbo office check` as a counselor of `office` whose desk says it is `configured`, password in PGPASSWORD.
fn check(db: &TestDb, home: &Path, role: &str, configured: &str) -> Output {
    let url = db.url(
        role,
        "localhost",
        &format!("sslmode=verify-full&sslrootcert={}", db.server.ca_file.display()),
    );
    let config = format!("Config(store: Postgres(url: \"{url}\"), office: (id: \"{configured}\"))");
    std::fs::create_dir_all(home.join("config")).unwrap();
    std::fs::write(home.join("config/config.ron"), config).unwrap();
    crate::office_support::rumbo_with_password(home, &["office", "check"])
}

#[test]
fn office_check_gives_one_verdict_per_line_and_fails_on_a_wrong_office() {
    let Some(db) = pg_support::test_db() else { return };
    migrate::migrate(&mut db.admin()).unwrap();
    let role = db.login_role("ana", "Cl4ve", Some("rumbo_counselor"));
    db.admin().execute("INSERT INTO rumbo.members VALUES ($1, 'kennedy-1')", &[&role]).unwrap();
    let home = tempfile::tempdir().unwrap();

    let out = check(&db, home.path(), &role, "kennedy-1");
    let text = stdout(&out);
    assert!(out.status.success(), "{text}{}", stderr(&out));
    let parts: Vec<&str> =
        text.lines().map(|l| l.split_once(": ").unwrap().0.split_once("  ").unwrap().1.trim()).collect();
    let expected = [
        "conexión",
        "TLS",
        "versión del servidor",
        "esquema",
        "permisos",
        "diferencia de reloj",
        "ida y vuelta",
    ];
    assert_eq!(parts, expected, "{text}");
    let line = |part: &str| text.lines().find(|l| l.contains(&format!("{part}: "))).unwrap().to_string();
    assert!(line("TLS").starts_with("bien ") && line("TLS").contains("verify-full"), "{text}");
    assert!(line("esquema").contains(&format!("versión {}, al día", migrate::latest())), "{text}");
    assert!(line("permisos").contains("rumbo_counselor; oficina kennedy-1"), "{text}");
    assert!(line("versión del servidor").contains("PostgreSQL "), "{text}");
    assert!(!text.contains(&db.name) && !text.contains("Cl4ve"), "no URL, no password: {text}");

    let out = check(&db, home.path(), &role, "suba-2");
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stdout(&out);
    let permissions = text.lines().find(|l| l.contains("permisos: ")).unwrap();
    assert!(
        permissions.starts_with("FALLA")
            && permissions.contains("oficina kennedy-1, y config.ron dice suba-2"),
        "{text}"
    );
}

#[test]
fn office_check_says_when_it_cannot_connect() {
    let Some(db) = pg_support::test_db() else { return };
    let home = tempfile::tempdir().unwrap();
    let out = check(&db, home.path(), "nadie", "kennedy-1");
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.starts_with("FALLA  conexión: "), "{text}");
    assert!(!text.contains("Cl4ve"), "{text}");
}
