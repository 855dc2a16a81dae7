//! Shared by the office store tests: login roles mapped to offices, and homes whose config.ron points
//! `rumbo` at a test database.
#![allow(dead_code, clippy::unwrap_used)]

use crate::pg_support::{self, TestDb};
use rumbo::office::pgpass::Sources;
use rumbo::office::store::OfficeStore;
use rumbo::office::{ConnInfo, connect};

/// A login role in one of the groups `office init` made, mapped to `office`, connected over TCP with TLS.
pub fn login(db: &TestDb, name: &str, group: &str, office: &str) -> postgres::Client {
    let role = db.login_role(name, "Cl4ve", Some(group));
    db.admin().execute("INSERT INTO rumbo.members VALUES ($1, $2)", &[&role, &office]).unwrap();
    let info = ConnInfo::parse(&db.url(&role, "127.0.0.1", "sslmode=require")).unwrap();
    connect(&info, &Sources { password: Some("Cl4ve".into()), ..Sources::default() }).unwrap()
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
