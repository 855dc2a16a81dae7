//! `rumbo sessions list|due --all-offices`: every office's sessions with an office column, for the
//! coordinator role; a counselor is refused plainly (row-level security would show it its own office only,
//! as if that were all); on this computer's sessions (`store: Local`) it says it needs the server.
#![allow(clippy::unwrap_used, clippy::disallowed_methods)]

use crate::common::{rumbo, stderr, stdout};
use crate::pg_support::{self, TestDb};
use rumbo::catalog::CatalogSet;
use rumbo::office::migrate;
use rumbo::office::store::OfficeStore;
use rumbo::session::Session;
use std::path::Path;
use std::process::Output;

fn saved_at(db: &TestDb, office: &str, alias: &str) -> Session {
    let mut s = Session::new(alias, "Luz", jiff::Timestamp::now(), &CatalogSet::new(Vec::new())).unwrap();
    s.follow_up = Some(jiff::Zoned::now().date().yesterday().unwrap());
    OfficeStore::on(db.admin(), office, "ESCRITORIO-1").unwrap().save(&s).unwrap();
    s
}

/// A desk whose config.ron logs in as `group`'s member `name` of `office` (password in PGPASSWORD).
fn desk_as(db: &TestDb, name: &str, group: &str, office: &str) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let role = db.login_role(name, "Cl4ve", Some(group));
    db.admin().execute("INSERT INTO rumbo.members VALUES ($1, $2)", &[&role, &office]).unwrap();
    let url = db.url(&role, "127.0.0.1", "sslmode=require");
    let config = format!("Config(store: Postgres(url: \"{url}\"), office: (id: \"{office}\"))");
    std::fs::create_dir_all(home.path().join("config")).unwrap();
    std::fs::write(home.path().join("config/config.ron"), config).unwrap();
    home
}

/// `rumbo ARGS` at that desk.
fn run(home: &Path, args: &[&str]) -> Output {
    crate::office_support::rumbo_with_password(home, args)
}

/// The line of `out` naming `id`.
fn line_of<'a>(out: &'a str, needle: &str) -> &'a str {
    out.lines().find(|l| l.contains(needle)).unwrap_or_else(|| panic!("no line with {needle}: {out}"))
}

#[test]
fn office_all_offices_lists_every_office_for_the_coordinator_and_refuses_a_counselor() {
    let Some(db) = pg_support::test_db() else { return };
    migrate::migrate(&mut db.admin()).unwrap();
    let marta = saved_at(&db, "kennedy-1", "Marta");
    let pedro = saved_at(&db, "suba-2", "Pedro");

    let coordinator = desk_as(&db, "coord", "rumbo_coordinator", "central");
    let list = ["sessions", "list", "--all-offices"];
    let out = run(coordinator.path(), &list);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(line_of(&text, &marta.id).starts_with("kennedy-1  "), "{text}");
    assert!(line_of(&text, &pedro.id).starts_with("suba-2     "), "office column, padded: {text}");
    let out = run(coordinator.path(), &["sessions", "list", "--all-offices", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let offices: Vec<&str> =
        json["sessions"].as_array().unwrap().iter().map(|s| s["office"].as_str().unwrap()).collect();
    assert_eq!(offices, ["kennedy-1", "suba-2"]);
    let out = run(coordinator.path(), &["sessions", "due", "--all-offices"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        line_of(&text, "Marta").starts_with("kennedy-1  ") && line_of(&text, "Pedro").starts_with("suba-2 "),
        "{text}"
    );
    // Without the flag the coordinator's desk lists its own office only (here none).
    let out = run(coordinator.path(), &["sessions", "list"]);
    assert!(!stdout(&out).contains(&marta.id) && !stdout(&out).contains(&pedro.id), "{}", stdout(&out));

    let counselor = desk_as(&db, "ana", "rumbo_counselor", "kennedy-1");
    assert!(stdout(&run(counselor.path(), &["sessions", "list"])).contains(&marta.id), "its own office's");
    for args in [&list[..], &["sessions", "due", "--all-offices"][..]] {
        let out = run(counselor.path(), args);
        assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
        assert!(stdout(&out).is_empty(), "not even its own office's, as if it were all: {}", stdout(&out));
        let err = stderr(&out);
        assert!(
            err.contains("--all-offices es solo para el rol de coordinación (rumbo_coordinator)"),
            "{err}"
        );
    }

    let local = tempfile::tempdir().unwrap();
    let out = rumbo(local.path(), &list);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--all-offices necesita el servidor de la oficina"), "{}", stderr(&out));
}
