//! Shared by the office store tests: login roles mapped to offices, and homes whose config.ron points
//! `rumbo` at a test database.
#![allow(dead_code, clippy::unwrap_used)]

use crate::keyflow_support::{App, new_model};
use crate::pg_support::{self, TestDb};
use rumbo::office::lock::DeskLocks;
use rumbo::office::pgpass::Sources;
use rumbo::office::store::OfficeStore;
use rumbo::office::{ConnInfo, connect, migrate};
use rumbo::runtime::Runner;
use std::path::Path;

/// Every login role the tests make has this password, given through [`sources`] (as `PGPASSWORD` would).
pub const PASSWORD: &str = "Cl4ve";

pub fn sources() -> Sources {
    Sources { password: Some(PASSWORD.into()), ..Sources::default() }
}

/// This test's database with `office init`'s schema, or `None` where PostgreSQL is missing (skipped).
pub fn migrated() -> Option<TestDb> {
    let db = pg_support::test_db()?;
    migrate::migrate(&mut db.admin()).unwrap();
    Some(db)
}

/// A login role in `group`, mapped to `office`; its URL over TCP with TLS (keepalives apply over TCP only).
pub fn member(db: &TestDb, name: &str, group: &str, office: &str) -> String {
    let role = db.login_role(name, PASSWORD, Some(group));
    db.admin().execute("INSERT INTO rumbo.members VALUES ($1, $2)", &[&role, &office]).unwrap();
    db.url(&role, "127.0.0.1", "sslmode=require")
}

/// A counselor login of kennedy-1, over TCP with TLS; its URL.
pub fn counselor(db: &TestDb, name: &str) -> String {
    member(db, name, "rumbo_counselor", "kennedy-1")
}

/// The app at `desk` of kennedy-1: its store and its own lock connection, as `rumbo` sets them up.
pub fn at_desk(dir: &Path, url: &str, desk: &str) -> App {
    let info = ConnInfo::parse(url).unwrap();
    let server = OfficeStore::on(connect(&info, &sources()).unwrap(), "kennedy-1", desk).unwrap();
    let locks = DeskLocks::connect(&info, &sources(), "kennedy-1", desk).unwrap();
    let mut model = new_model();
    let mut runner = Runner::new(dir).unwrap();
    runner.set_office(server);
    runner.set_office_locks(locks);
    runner.start(&mut model);
    App { model, runner, dir: dir.to_path_buf() }
}

/// A login role in one of the groups `office init` made, mapped to `office`, connected over TCP with TLS.
pub fn login(db: &TestDb, name: &str, group: &str, office: &str) -> postgres::Client {
    let info = ConnInfo::parse(&member(db, name, group, office)).unwrap();
    connect(&info, &sources()).unwrap()
}

/// A counselor's store at `desk` of `office`.
pub fn desk(db: &TestDb, name: &str, office: &str, desk: &str) -> OfficeStore {
    OfficeStore::on(login(db, name, "rumbo_counselor", office), office, desk).unwrap()
}

/// A home whose config.ron points `rumbo` at this test's database as the superuser over the socket, for
/// `office` at `desk`.
pub fn home(db: &TestDb, office: &str, desk: &str) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("config")).unwrap();
    let url = format!(
        "postgresql://{}@{}:{}/{}?sslmode=disable",
        pg_support::ADMIN,
        db.server.dir.display().to_string().replace('/', "%2F"),
        db.server.port,
        db.name,
    );
    let config = format!(
        "Config(\n  store: Postgres(url: \"{url}\"),\n  office: (id: \"{office}\"),\n  desk: \"{desk}\",\n)\n"
    );
    std::fs::write(home.path().join("config/config.ron"), config).unwrap();
    home
}
