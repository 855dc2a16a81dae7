//! `rumbo office init` against a real PostgreSQL: the schema created once, migrations applied only when
//! missing, a newer schema refused with "actualice rumbo", and who sees what (roles and row-level security).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::common::{rumbo, stderr, stdout};
use crate::office_support::home;
use crate::pg_support::{self, TestDb};
use rumbo::office::migrate::{self, MigrateError};
use rumbo::office::pgpass::Sources;
use rumbo::office::{ConnInfo, connect};

#[test]
fn office_init_creates_the_schema_then_has_nothing_to_do() {
    let Some(db) = pg_support::test_db() else { return };
    let home = home(&db, "kennedy-1", "ESCRITORIO-1");
    let out = rumbo(home.path(), &["office", "init"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let latest = migrate::latest();
    assert_eq!(stdout(&out).trim(), format!("esquema de la oficina en la versión {latest} (estaba en la 0)"));
    let out = rumbo(home.path(), &["office", "init"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("ya estaba en la versión"), "{}", stdout(&out));
    let mut admin = db.admin();
    assert_eq!(migrate::current(&mut admin).unwrap(), latest);
    let rows: i64 = admin.query_one("SELECT count(*) FROM rumbo.schema_version", &[]).unwrap().get(0);
    assert_eq!(rows, i64::from(latest), "each migration recorded once");
    // The URL given to rumbo appears nowhere in what it printed.
    assert!(!stdout(&out).contains(&db.name) && !stderr(&out).contains(&db.name));
}

#[test]
fn a_newer_schema_is_refused_with_actualice_rumbo_by_init_and_by_a_desk() {
    let Some(db) = pg_support::test_db() else { return };
    let mut admin = db.admin();
    assert!(matches!(migrate::ensure_usable(&mut admin), Err(MigrateError::Missing)));
    migrate::migrate(&mut admin).unwrap();
    assert_eq!(migrate::ensure_usable(&mut admin).unwrap(), migrate::latest());
    let newer = migrate::latest() + 1;
    admin.execute("INSERT INTO rumbo.schema_version (version) VALUES ($1)", &[&newer]).unwrap();
    let e = migrate::migrate(&mut admin).unwrap_err();
    assert!(matches!(e, MigrateError::Newer { found, .. } if found == newer), "{e:?}");
    let e = migrate::ensure_usable(&mut admin).unwrap_err();
    assert!(e.to_string().contains("actualice rumbo"), "a desk refuses it too: {e}");
    let out = rumbo(home(&db, "kennedy-1", "ESCRITORIO-1").path(), &["office", "init"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("actualice rumbo"), "{}", stderr(&out));
}

#[test]
fn without_a_postgres_store_office_init_says_what_config_needs() {
    let home = tempfile::tempdir().unwrap();
    let out = rumbo(home.path(), &["office", "init"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("store: Postgres(url: …)"), "{}", stderr(&out));
}

/// A login role in one of the groups `office init` made, mapped to an office, connected over TCP with TLS.
fn login(db: &TestDb, name: &str, group: &str, office: &str) -> postgres::Client {
    let role = db.login_role(name, "Cl4ve", Some(group));
    db.admin().execute("INSERT INTO rumbo.members VALUES ($1, $2)", &[&role, &office]).unwrap();
    let info = ConnInfo::parse(&db.url(&role, "127.0.0.1", "sslmode=require")).unwrap();
    connect(&info, &Sources { password: Some("Cl4ve".into()), ..Sources::default() }).unwrap()
}

fn insert(client: &mut postgres::Client, id: &str, office: &str) -> Result<u64, postgres::Error> {
    client.execute(
        "INSERT INTO rumbo.sessions (id, office_id, desk, body) VALUES ($1, $2, 'ESCRITORIO-3', 'Session()')",
        &[&id, &office],
    )
}

fn listed(client: &mut postgres::Client) -> Result<Vec<String>, postgres::Error> {
    let rows = client.query("SELECT id FROM rumbo.sessions ORDER BY id", &[])?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

#[test]
fn a_kiosk_cannot_list_sessions_and_a_counselor_sees_only_its_office() {
    let Some(db) = pg_support::test_db() else { return };
    migrate::migrate(&mut db.admin()).unwrap();
    let mut kiosk = login(&db, "kiosco", "rumbo_kiosk", "kennedy-1");
    let mut counselor = login(&db, "ana", "rumbo_counselor", "kennedy-1");
    let mut elsewhere = login(&db, "luis", "rumbo_counselor", "suba-2");
    let mut coordinator = login(&db, "coord", "rumbo_coordinator", "central");

    // The kiosk writes its own office's visit, not another office's, and reads nothing at all.
    assert_eq!(insert(&mut kiosk, "visita1", "kennedy-1").unwrap(), 1);
    assert!(insert(&mut kiosk, "visita2", "suba-2").is_err(), "a kiosk writes only its own office");
    let e = listed(&mut kiosk).unwrap_err();
    assert!(e.as_db_error().is_some_and(|d| d.message().contains("permission denied")), "{e:?}");

    insert(&mut counselor, "ana1", "kennedy-1").unwrap();
    insert(&mut elsewhere, "luis1", "suba-2").unwrap();
    assert!(insert(&mut counselor, "ana2", "suba-2").is_err(), "a counselor writes only its own office");
    assert_eq!(listed(&mut counselor).unwrap(), ["ana1", "visita1"]);
    assert_eq!(listed(&mut elsewhere).unwrap(), ["luis1"]);
    assert_eq!(listed(&mut coordinator).unwrap(), ["ana1", "luis1", "visita1"]);
    // Another office's session cannot be deleted by a counselor either (it is invisible to it).
    assert_eq!(elsewhere.execute("DELETE FROM rumbo.sessions WHERE id = 'ana1'", &[]).unwrap(), 0);
}

#[test]
fn office_inits_at_once_on_a_new_database_all_succeed_and_apply_once() {
    let Some(db) = pg_support::test_db() else { return };
    let results: Vec<_> = std::thread::scope(|scope| {
        let runs: Vec<_> = (0..4).map(|_| scope.spawn(|| migrate::migrate(&mut db.admin()))).collect();
        runs.into_iter().map(|r| r.join().unwrap()).collect()
    });
    let mut applied: Vec<Vec<i32>> = results.into_iter().map(|r| r.unwrap().applied).collect();
    applied.sort();
    let all: Vec<i32> = (1..=migrate::latest()).collect();
    assert_eq!(applied, [vec![], vec![], vec![], all]);
}
