//! Shared by the office store tests: login roles mapped to offices, and homes whose config.ron points
//! `rumbo` at a test database.
#![allow(dead_code, clippy::unwrap_used)]

use crate::e2e_tmux_support::{Env, Rumbo, wait_until_within};
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

/// `rumbo ARGS…` in `home` (also its HOME) with [`PASSWORD`] in `PGPASSWORD`, no pgpass file.
pub fn rumbo_with_password(home: &Path, args: &[&str]) -> std::process::Output {
    let mut command = crate::common::rumbo_command(home, args);
    command.env("HOME", home).env("PGPASSWORD", PASSWORD).env_remove("PGPASSFILE");
    command.output().unwrap()
}

/// How long the two-desk tests wait for the server or a desk to catch up (a reconnect is tried every 5 s,
/// on a machine other builds load).
pub const SERVER_WAIT: std::time::Duration = std::time::Duration::from_secs(40);

/// A home for the real binary at `desk` of kennedy-1: config.ron with `store: Postgres(url)`; its own
/// data folder, so each desk keeps its own journal and copies.
pub fn desk_env(url: &str, desk: &str) -> Option<Env> {
    let env = Env::new()?;
    let config = format!(
        "Config(\n  store: Postgres(url: \"{url}\"),\n  office: (id: \"kennedy-1\"),\n  desk: \"{desk}\",\n)\n"
    );
    std::fs::write(env.config().join("config.ron"), config).unwrap();
    Some(env)
}

/// `rumbo` at that desk, in tmux, with the logins' password as `PGPASSWORD`; returns once it runs.
pub fn start_desk(env: &Env) -> Rumbo {
    env.start_with(&[&format!("PGPASSWORD={PASSWORD}")], &[])
}

/// Every session row: (id, body), oldest first.
pub fn rows(db: &TestDb) -> Vec<(String, String)> {
    let rows = db.admin().query("SELECT id, body FROM rumbo.sessions ORDER BY created_at, id", &[]).unwrap();
    rows.iter().map(|r| (r.get(0), r.get(1))).collect()
}

pub fn row_body(db: &TestDb, id: &str) -> Option<String> {
    db.admin().query_opt("SELECT body FROM rumbo.sessions WHERE id = $1", &[&id]).unwrap().map(|r| r.get(0))
}

/// Advisory locks held now in this test's database (the desks' one-writer locks), as the server sees them.
pub fn advisory_locks(db: &TestDb) -> i64 {
    let sql = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted \
               AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
    db.admin().query_one(sql, &[]).unwrap().get(0)
}

/// Polls the server until `ok` holds (or [`SERVER_WAIT`] passes, failing with `what`).
pub fn wait_server(what: &str, mut ok: impl FnMut() -> bool) {
    wait_until_within(SERVER_WAIT, what, || ok().then_some(()));
}

/// In the workspace: types `text` into the session's note and closes the notes (saved soon after).
pub fn write_note(desk: &Rumbo, text: &str) {
    desk.type_note(text);
    close_notes(desk);
}

pub fn close_notes(desk: &Rumbo) {
    desk.escape();
    desk.wait_screen("the notes closed", |s| !s.contains("De la sesión"));
}

/// From the start screen: the first row (once `alias` is listed), Enter, into its workspace.
pub fn open_first(desk: &Rumbo, alias: &str) {
    desk.wait_screen(&format!("«{alias}» listed"), |s| s.contains("n nueva") && s.contains(alias));
    desk.keys(&["Enter"]);
    // The whole workspace frame, not its header over the rest of the start screen (a capture can catch
    // a frame half drawn, and the start screen's «… solo lectura» line with it).
    let header = format!("rumbo · {alias}");
    desk.wait_screen(&format!("the workspace of «{alias}»"), |s| {
        s.contains(&header) && s.contains("? ayuda") && !s.contains("Enter reanudar")
    });
}

/// Back to the start screen (the session closed: what it had pending is saved and sent by then).
pub fn leave(desk: &Rumbo) {
    desk.keys(&["q"]);
    desk.wait_for("n nueva");
}
