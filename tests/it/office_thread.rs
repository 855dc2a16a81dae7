//! Office mode's server and lock calls run on the office thread, never on the loop that reads keys and
//! draws: a server that stops answering (its backends SIGSTOPped — a real hung peer, as a vanished host
//! with a half-open connection looks) or a host that accepts and never answers (a real TcpListener)
//! leaves typing and drawing as they were; once the server resumes, every word arrives, in order.
//! Driven as the main loop drives the runner: keys through `update`, the office thread's answers
//! through the loop's channel (`Incoming::Office`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]

use crate::keyflow_support::{App, new_model, render};
use crate::office_conflict::write_note;
use crate::office_support::{counselor, migrated, sources};
use crate::pg_support::TestDb;
use crossterm::event::KeyCode;
use rumbo::app::Msg;
use rumbo::office::lock::DeskLocks;
use rumbo::office::store::OfficeStore;
use rumbo::office::{ConnInfo, DbUrl, connect};
use rumbo::runtime::events::Incoming;
use rumbo::runtime::{Reach, Runner};
use std::path::Path;
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

/// Desk A as `rumbo` runs it: its links set up, then the loop's channel (the office thread starts).
pub fn live_desk(dir: &Path, url: &str) -> (App, Receiver<Incoming>) {
    let info = ConnInfo::parse(url).unwrap();
    let server = OfficeStore::on(connect(&info, &sources()).unwrap(), "kennedy-1", "ESCRITORIO-A").unwrap();
    let locks = DeskLocks::connect(&info, &sources(), "kennedy-1", "ESCRITORIO-A").unwrap();
    let mut runner = Runner::new(dir).unwrap();
    runner.set_office(server);
    runner.set_office_locks(locks);
    started(runner, dir)
}

fn started(mut runner: Runner, dir: &Path) -> (App, Receiver<Incoming>) {
    let (tx, rx) = mpsc::channel();
    runner.answer_through(tx);
    let mut model = new_model();
    runner.start(&mut model);
    (App { model, runner, dir: dir.to_path_buf() }, rx)
}

/// Feeds what the office thread says to the runner, as the loop does, until `done` (60 s at most).
pub fn pump_until(
    app: &mut App,
    rx: &Receiver<Incoming>,
    what: &str,
    mut done: impl FnMut(&mut App) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !done(app) {
        assert!(Instant::now() < deadline, "{what}: not within 60 s");
        match rx.recv_timeout(Duration::from_millis(100)) {
            Ok(Incoming::Office(answer)) => app.runner.office_answered(&mut app.model, answer),
            Ok(Incoming::Answer(msg)) => app.runner.dispatch(&mut app.model, vec![msg]),
            _ => {}
        }
    }
}

fn body(db: &TestDb, id: &str) -> Option<String> {
    let row = db.admin().query_opt("SELECT body FROM rumbo.sessions WHERE id = $1", &[&id]).unwrap();
    row.map(|r| r.get(0))
}

/// Types `text` into the open session's notes, returns the screen drawn while the notes are open, then
/// leaves them and saves at once (the save goes to the office thread).
fn type_note(app: &mut App, text: &str) -> String {
    app.char('n');
    app.type_text(text);
    let screen = render(&app.model).join("\n");
    app.press(KeyCode::Esc);
    app.send(Msg::SaveDue);
    screen
}

/// The server processes serving this test's database now (not the admin's own).
fn backends(db: &TestDb) -> Vec<i32> {
    let pids: Vec<i32> = db
        .admin()
        .query(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert!(!pids.is_empty());
    pids
}

fn signal(pids: &[i32], signal: &str) {
    for pid in pids {
        let status = std::process::Command::new("kill").args([signal, &pid.to_string()]).status().unwrap();
        assert!(status.success());
    }
}

#[test]
fn office_thread_a_hung_server_does_not_freeze_typing_and_every_word_arrives_once_it_resumes() {
    let Some(db) = migrated() else { return };
    let dir = tempfile::tempdir().unwrap();
    let url = counselor(&db, "ana");
    let (mut a, rx) = live_desk(dir.path(), &url);
    pump_until(&mut a, &rx, "the start screen's list", |a| a.model.sessions.loaded);
    a.new_session("Marta", None, true);
    let id = a.ws().session.id.clone();
    write_note(&mut a, "uno");
    pump_until(&mut a, &rx, "the first note on the server", |_| {
        body(&db, &id).is_some_and(|b| b.contains("uno"))
    });

    // Whatever the office thread said so far is taken in: from here on it can only wait.
    for incoming in rx.try_iter() {
        if let Incoming::Office(answer) = incoming {
            a.runner.office_answered(&mut a.model, answer);
        }
    }
    // The server hangs: its processes for this database stop answering, connections left open.
    let pids = backends(&db);
    signal(&pids, "-STOP");
    // Were the loop to wait for the server, it would wait until the server resumes: a watchdog resumes
    // it after 20 s, so that the old way fails on the time taken rather than hanging the test run.
    let (resume_tx, resume_rx) = mpsc::channel::<()>();
    let watchdog = {
        let pids = pids.clone();
        std::thread::spawn(move || {
            let timed_out = resume_rx.recv_timeout(Duration::from_secs(20)).is_err();
            signal(&pids, "-CONT");
            timed_out
        })
    };
    let typing = Instant::now();
    let screen = type_note(&mut a, " dos");
    assert!(screen.contains("uno dos"), "the words typed are drawn: {screen}");
    let screen = type_note(&mut a, " tres");
    let took = typing.elapsed();
    assert!(screen.contains("uno dos tres"), "{screen}");
    // Everything is on this desk already (journal, then file), whatever the server does.
    let here = std::fs::read_to_string(dir.path().join("sessions").join(format!("{id}.ron"))).unwrap();
    assert!(here.contains("uno dos tres"));
    // Nothing has come back from the server meanwhile: the sends are the ones waiting.
    assert!(rx.try_recv().is_err(), "the office thread is still waiting on the server");
    let hung_for = took;

    let _ = resume_tx.send(());
    if watchdog.join().unwrap() {
        panic!("the loop waited for the server");
    }
    assert!(hung_for < Duration::from_secs(3), "typing took {hung_for:?} while the server hung");
    pump_until(&mut a, &rx, "every word on the server", |_| {
        body(&db, &id).is_some_and(|b| b.contains("uno dos tres"))
    });
    assert!(!a.ws().is_read_only() && a.ws().office_note.is_none(), "{:?}", a.ws().office_note);
    println!("typing two notes and saving twice while the server hung took {hung_for:?}");
}

/// A host that accepts and never answers (a real listener): the offline desk's reconnect, on the office
/// thread, waits on it — and meanwhile the counselor types and sees every key; quitting gives the office
/// thread a few seconds, not for ever, and what was made stays on this desk.
#[test]
fn office_thread_reconnecting_to_a_host_that_never_answers_leaves_the_screen_live() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (accepted_tx, accepted) = mpsc::channel();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming() {
            // Kept open and never answered: a peer that hangs.
            held.push(stream);
            if accepted_tx.send(()).is_err() {
                return;
            }
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let reach = Reach {
        url: DbUrl::new(format!("postgresql://ana@127.0.0.1:{port}/rumbo?sslmode=disable")),
        office_id: "kennedy-1".into(),
        desk: "ESCRITORIO-A".into(),
        locks: true,
    };
    let mut runner = Runner::new(dir.path()).unwrap();
    runner.set_office_offline(reach);
    let (mut a, rx) = started(runner, dir.path());
    pump_until(&mut a, &rx, "the cached list", |a| a.model.sessions.loaded);
    assert!(a.model.office_offline);

    // The retry timer (5 s) goes off on the office thread, which connects to the hung host.
    accepted.recv_timeout(Duration::from_secs(30)).expect("the office thread tries the server by itself");
    let typing = Instant::now();
    a.new_session("Marta", None, true);
    let screen = type_note(&mut a, "escrito mientras tanto");
    let took = typing.elapsed();
    assert!(screen.contains("escrito mientras tanto"), "{screen}");
    assert!(took < Duration::from_secs(3), "typing took {took:?} while the reconnect hung");
    let id = a.ws().session.id.clone();

    // Quitting: the office thread is still stuck; it gets its few seconds, then rumbo ends anyway.
    let quitting = Instant::now();
    let finished = a.runner.finish_office();
    let waited = quitting.elapsed();
    assert!(!finished, "the hung reconnect did not end");
    assert!(waited >= Duration::from_secs(2) && waited < Duration::from_secs(6), "waited {waited:?}");
    let here = std::fs::read_to_string(dir.path().join("sessions").join(format!("{id}.ron"))).unwrap();
    assert!(here.contains("escrito mientras tanto"), "kept on this desk, to be sent later");
    println!("typing while the reconnect hung took {took:?}; quitting waited {waited:?}");
}
