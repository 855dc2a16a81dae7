//! One writer per session on the office's server (src/office/lock.rs) against a real PostgreSQL: two desks
//! (two lock connections, two desk names), the second told where the session is open; released on drop and
//! when the holder is killed; a holder row without its lock blocks no one; who may hold what.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]

use crate::office_support::{member, migrated, sources};
use rumbo::office::ConnInfo;
use rumbo::office::lock::{DeskLocks, Holder, Taken};
use std::io::{BufRead, Write};
use std::time::{Duration, Instant};

fn desk(url: &str, office: &str, name: &str) -> DeskLocks {
    DeskLocks::connect(&ConnInfo::parse(url).unwrap(), &sources(), office, name).unwrap()
}

#[track_caller]
fn elsewhere(taken: Taken) -> Holder {
    match taken {
        Taken::Elsewhere(holder) => holder,
        Taken::Mine(hold) => panic!("took {}, held elsewhere", hold.session_id()),
    }
}

#[track_caller]
fn mine(taken: Taken) -> rumbo::office::lock::SessionHold {
    match taken {
        Taken::Mine(hold) => hold,
        Taken::Elsewhere(holder) => panic!("held elsewhere: {holder:?}"),
    }
}

fn es() -> &'static rumbo::i18n::Strings {
    rumbo::i18n::Lang::Es.strings()
}

#[test]
fn a_second_desk_is_told_where_the_session_is_open_until_the_first_lets_go() {
    let Some(db) = migrated() else { return };
    let a_url = member(&db, "ana", "rumbo_counselor", "kennedy-1");
    let b_url = member(&db, "beto", "rumbo_counselor", "kennedy-1");
    let a = desk(&a_url, "kennedy-1", "ESCRITORIO-A");
    let b = desk(&b_url, "kennedy-1", "ESCRITORIO-B");
    let before = jiff::Timestamp::now();
    let hold = mine(a.take("sesion1").unwrap());
    let holder = elsewhere(b.take("sesion1").unwrap());
    assert_eq!(holder.message(es()), "abierta en ESCRITORIO-A");
    let since = holder.since.expect("since when");
    assert!(since >= before - jiff::SignedDuration::from_secs(60), "{since} vs {before}");
    // Other sessions are B's to take; A asking again for its own does not stack a second lock.
    let _other = mine(b.take("sesion2").unwrap());
    assert_eq!(elsewhere(a.take("sesion2").unwrap()).message(es()), "abierta en ESCRITORIO-B");
    assert_eq!(elsewhere(a.take("sesion1").unwrap()).desk.as_deref(), Some("ESCRITORIO-A"));
    drop(hold);
    let hold = mine(b.take("sesion1").unwrap());
    assert_eq!(elsewhere(a.take("sesion1").unwrap()).message(es()), "abierta en ESCRITORIO-B");
    hold.release().unwrap();
    let _ = mine(a.take("sesion1").unwrap());
    // The same session id in another office is another lock.
    let c_url = member(&db, "carla", "rumbo_counselor", "suba-2");
    let _ = mine(desk(&c_url, "suba-2", "ESCRITORIO-C").take("sesion2").unwrap());
}

/// Polls until `locks` takes `session`, panicking at the deadline: the event is the take itself.
fn wait_until_taken(locks: &DeskLocks, session: &str, within: Duration) -> rumbo::office::lock::SessionHold {
    let deadline = Instant::now() + within;
    loop {
        match locks.take(session).unwrap() {
            Taken::Mine(hold) => return hold,
            Taken::Elsewhere(holder) if Instant::now() > deadline => {
                panic!("{session} still held after {within:?}: {holder:?}")
            }
            Taken::Elsewhere(_) => std::thread::sleep(Duration::from_millis(50)),
        }
    }
}

/// Run by the next test in a process of its own: takes the lock as ESCRITORIO-K, says so, then is killed
/// (`RUMBO_LOCK_END=kill`) or quits at a line on its input without releasing anything itself (`=quit`).
#[test]
#[ignore = "run by a_holder_that_quits_or_is_killed_with_sigkill_frees_the_session"]
fn lock_holder_for_the_quit_and_kill_test() {
    let url = std::env::var("RUMBO_LOCK_URL").unwrap();
    let locks = desk(&url, "kennedy-1", "ESCRITORIO-K");
    let _hold = mine(locks.take("sesion1").unwrap());
    println!("LOCKED");
    let _ = std::io::stdin().lines().next();
    std::process::exit(0); // no destructor runs: the process's end alone must free it
}

#[test]
fn a_holder_that_quits_or_is_killed_with_sigkill_frees_the_session() {
    let Some(db) = migrated() else { return };
    let url = member(&db, "ana", "rumbo_counselor", "kennedy-1");
    let b = desk(&url, "kennedy-1", "ESCRITORIO-B");
    for end in ["quit", "kill"] {
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "office_lock::lock_holder_for_the_quit_and_kill_test",
                "--exact",
                "--ignored",
                "--nocapture",
            ])
            .env("RUMBO_LOCK_URL", &url)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let locked = std::io::BufReader::new(child.stdout.take().unwrap())
            .lines()
            .map_while(Result::ok)
            .any(|l| l == "LOCKED");
        assert!(locked, "{end}: the child took the lock");
        assert_eq!(elsewhere(b.take("sesion1").unwrap()).message(es()), "abierta en ESCRITORIO-K");
        if end == "kill" {
            child.kill().unwrap(); // SIGKILL: no destructor, no unlock sent
        } else {
            writeln!(child.stdin.as_mut().unwrap()).unwrap();
        }
        child.wait().unwrap();
        let started = Instant::now();
        let hold = wait_until_taken(&b, "sesion1", Duration::from_secs(60));
        println!("{end}: free {} ms after the holder ended", started.elapsed().as_millis());
        // What freed it: the child's backend is gone, only B's lock connection is left.
        let left: i64 = db
            .admin()
            .query_one(
                "SELECT count(*) FROM pg_stat_activity
                 WHERE application_name = 'rumbo locks' AND datname = current_database()",
                &[],
            )
            .unwrap()
            .get(0);
        assert_eq!(left, 1, "{end}: only B's lock connection remains");
        drop(hold);
    }
}

#[test]
fn a_stale_holder_row_without_its_lock_blocks_no_one() {
    let Some(db) = migrated() else { return };
    let url = member(&db, "ana", "rumbo_counselor", "kennedy-1");
    let mut admin = db.admin();
    // A dead desk's row, naming a backend that is alive (pids are reused) but does not hold the key.
    let key = rumbo::office::lock::lock_key("kennedy-1", "sesion1");
    admin
        .execute(
            "INSERT INTO rumbo.session_holders (office_id, session_id, desk, lock_key, backend_pid)
             VALUES ('kennedy-1', 'sesion1', 'ESCRITORIO-MUERTO', $1, pg_backend_pid())",
            &[&key],
        )
        .unwrap();
    let b = desk(&url, "kennedy-1", "ESCRITORIO-B");
    let _hold = mine(b.take("sesion1").unwrap());
    let row: String = admin
        .query_one("SELECT desk FROM rumbo.session_holders WHERE session_id = 'sesion1'", &[])
        .unwrap()
        .get(0);
    assert_eq!(row, "ESCRITORIO-B", "the live holder's row replaced the dead one's");
    let c = desk(&url, "kennedy-1", "ESCRITORIO-C");
    assert_eq!(elsewhere(c.take("sesion1").unwrap()).message(es()), "abierta en ESCRITORIO-B");
    // A row is believed only for the backend that holds the lock: one rewritten to name another backend is
    // not, and the desk says only that the session is open elsewhere.
    admin
        .execute(
            "UPDATE rumbo.session_holders SET desk = 'ESCRITORIO-MUERTO', backend_pid = pg_backend_pid()",
            &[],
        )
        .unwrap();
    assert_eq!(elsewhere(c.take("sesion1").unwrap()).message(es()), "abierta en otro puesto");
}

#[test]
fn the_lock_connection_sets_the_servers_keepalives() {
    let Some(db) = migrated() else { return };
    let url = member(&db, "ana", "rumbo_counselor", "kennedy-1");
    let a = desk(&url, "kennedy-1", "ESCRITORIO-A");
    let setting = |name: &str| a.server_setting(name).unwrap();
    // 60 s idle + 6 probes 10 s apart: a dead desk's locks are free within 2 minutes.
    assert_eq!(
        [setting("tcp_keepalives_idle"), setting("tcp_keepalives_interval"), setting("tcp_keepalives_count")],
        ["60", "10", "6"]
    );
    assert_eq!([setting("tcp_user_timeout"), setting("idle_session_timeout")], ["120000", "0"]);
    assert!(a.is_alive());
}

#[test]
fn a_kiosk_holds_its_visit_reads_no_holders_and_a_desk_holds_only_its_office() {
    let Some(db) = migrated() else { return };
    let kiosk_url = member(&db, "kiosco", "rumbo_kiosk", "kennedy-1");
    let desk_url = member(&db, "ana", "rumbo_counselor", "kennedy-1");
    let kiosk = desk(&kiosk_url, "kennedy-1", "QUIOSCO-1");
    let _visit = mine(kiosk.take("visita1").unwrap());
    let a = desk(&desk_url, "kennedy-1", "ESCRITORIO-A");
    assert_eq!(elsewhere(a.take("visita1").unwrap()).message(es()), "abierta en QUIOSCO-1");
    // The kiosk reads no sessions, nor which sessions are open where.
    let mut kiosk_sql = rumbo::office::connect(&ConnInfo::parse(&kiosk_url).unwrap(), &sources()).unwrap();
    let e = kiosk_sql.query("SELECT * FROM rumbo.session_holders", &[]).unwrap_err();
    assert!(e.as_db_error().is_some_and(|d| d.message().contains("permission denied")), "{e:?}");
    // A desk whose config.ron names another office than the server gives its role holds nothing, and
    // leaves no lock behind.
    let wrong = desk(&desk_url, "suba-2", "ESCRITORIO-A");
    let e = wrong.take("sesion9").unwrap_err();
    assert!(e.to_string().contains("not of this office"), "{e}");
    let c_url = member(&db, "carla", "rumbo_counselor", "suba-2");
    let _ = mine(desk(&c_url, "suba-2", "ESCRITORIO-C").take("sesion9").unwrap());
    // Nor is it told where another office's session is open.
    let outsider = desk(&c_url, "kennedy-1", "ESCRITORIO-C");
    assert_eq!(elsewhere(outsider.take("visita1").unwrap()).desk, None);
}

#[test]
fn docs_office_md_gives_the_lock_connections_numbers() {
    use rumbo::office::lock::{KEEPALIVE_COUNT, KEEPALIVE_IDLE, KEEPALIVE_INTERVAL, TCP_USER_TIMEOUT};
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/office.md")).unwrap();
    for said in [
        format!("`tcp_keepalives_idle = {}`", KEEPALIVE_IDLE.as_secs()),
        format!("`tcp_keepalives_interval = {}`", KEEPALIVE_INTERVAL.as_secs()),
        format!("`tcp_keepalives_count = {KEEPALIVE_COUNT}`"),
        format!("`tcp_user_timeout = {}`", TCP_USER_TIMEOUT.as_millis()),
        "«abierta en ESCRITORIO-3»".to_string(),
        "rumbo.session_holders".to_string(),
        "*transaction pooling*".to_string(),
    ] {
        assert!(doc.contains(&said), "docs/office.md lacks {said}");
    }
}
