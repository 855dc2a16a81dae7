//! A kiosk that starts with the office's server down (issue 15): the visitor's consented visit is saved
//! on the kiosk, and once the server is back the kiosk's own retry timer (as the main loop runs it) sends
//! it, without anyone touching the kiosk. A server of the test's own (pg_restart.rs).
#![allow(clippy::unwrap_used)]

use crate::kiosk_visit_support::Visitor;
use crate::pg_restart::own_server;
use crate::pg_support::TestDb;
use rumbo::app::Screen;
use rumbo::office::{DbUrl, migrate};
use rumbo::runtime::Reach;
use std::time::{Duration, Instant};

/// A kiosk login of kennedy-1 over the server's socket (trusted there: no password to hand around).
fn kiosk_url(db: &TestDb) -> String {
    let role = format!("{}_quiosco", db.name);
    db.admin().batch_execute(&format!("CREATE ROLE {role} LOGIN IN ROLE rumbo_kiosk")).unwrap();
    db.admin().execute("INSERT INTO rumbo.members VALUES ($1, 'kennedy-1')", &[&role]).unwrap();
    let host = db.server.dir.display().to_string().replace('/', "%2F");
    format!("postgresql://{role}@{host}:{}/{}?sslmode=disable", db.server.port, db.name)
}

fn row_desk(db: &TestDb, id: &str) -> Option<String> {
    let row = db.admin().query_opt("SELECT desk FROM rumbo.sessions WHERE id = $1", &[&id]).unwrap();
    row.map(|r| r.get(0))
}

#[test]
fn office_kiosk_started_without_the_server_sends_the_visit_once_it_is_back() {
    let Some((server, db)) = own_server() else { return };
    migrate::migrate(&mut db.admin()).unwrap();
    let url = kiosk_url(&db);
    server.stop();
    let dir = tempfile::tempdir().unwrap();
    // As `rumbo --kiosk` starts when the server does not answer: offline, no lock connection.
    let mut v = Visitor::start(dir.path());
    let reach =
        Reach { url: DbUrl::new(&url), office_id: "kennedy-1".into(), desk: "KIOSCO-1".into(), locks: false };
    v.runner.set_office_offline(reach);
    v.begin("Ana", true);
    v.by_title("vendedor");
    v.char('s');
    let id = v.ws().session.id.clone();
    v.char('t');
    v.char('s');
    assert!(matches!(&v.model.screen, Screen::KioskDone(Some(Ok(_)))), "the visitor gets a code offline too");
    assert!(v.saved().consent.is_some(), "the visit is saved on the kiosk");
    v.press(crossterm::event::KeyCode::Enter);
    assert!(matches!(v.model.screen, Screen::Welcome));

    server.start();
    let deadline = Instant::now() + Duration::from_secs(60);
    while row_desk(&db, &id).is_none() {
        assert!(Instant::now() < deadline, "the visit did not reach the server within 60 s");
        if v.runner.office_retry_at().is_some_and(|at| at <= Instant::now()) {
            v.runner.reconnect_now(&mut v.model);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(row_desk(&db, &id).as_deref(), Some("KIOSCO-1"));
    let body: String =
        db.admin().query_one("SELECT body FROM rumbo.sessions WHERE id = $1", &[&id]).unwrap().get(0);
    assert!(body.contains("Ana") && body.contains("exports"), "with its summary recorded: {body}");
}

/// The real binary: `rumbo` in kiosk mode started with the server down starts all the same, a visitor
/// goes from the welcome to the code, and the visit reaches the server once it is back — by the kiosk's
/// retry timer alone (nobody presses anything after the visit).
#[test]
fn office_kiosk_the_real_kiosk_started_without_the_server_sends_the_visit_once_it_is_back() {
    let Some((server, db)) = own_server() else { return };
    let Some(env) = crate::e2e_tmux_support::Env::new() else { return };
    migrate::migrate(&mut db.admin()).unwrap();
    let url = kiosk_url(&db);
    let hash = rumbo::kiosk::pin::hash("482193").unwrap();
    let config = format!(
        "Config(\n  store: Postgres(url: \"{url}\"),\n  desk: \"KIOSCO-1\",\n  \
         kiosk: Kiosk(enabled: true, export_dir: {}, admin_pin: {}),\n  \
         office: Office(id: \"kennedy-1\", name: \"Oficina Kennedy\", front_desk: \"Mostrador 2\"),\n)\n",
        ron::to_string(env.root().join("resumenes").to_str().unwrap()).unwrap(),
        ron::to_string(&hash).unwrap(),
    );
    std::fs::write(env.config().join("config.ron"), config).unwrap();
    server.stop();
    let app = env.start();
    let code = crate::e2e_kiosk_visit::visit(&app);
    assert_eq!(env.session_files().len(), 1, "the visit is saved on the kiosk");

    server.start();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let row = db.admin().query_opt("SELECT desk FROM rumbo.sessions WHERE code = $1", &[&code]).unwrap();
        if let Some(row) = row {
            assert_eq!(row.get::<_, String>(0), "KIOSCO-1");
            break;
        }
        assert!(Instant::now() < deadline, "the visit {code} did not reach the server within 60 s");
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(app.is_running());
}
