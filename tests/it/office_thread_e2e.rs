//! The real binary in tmux, on the office's server, while that server hangs (its processes for the test's
//! database SIGSTOPped: connections open, nothing answered — as a vanished host looks): the counselor's
//! typing is drawn and saved on this desk as ever; once the server resumes every word reaches the row;
//! and SIGTERM while it hangs ends rumbo within seconds, the words kept on this desk.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]

use crate::e2e_tmux_support::{Env, wait_file_contains, wait_until};
use crate::office_offline::counselor_url;
use crate::office_support::migrated;
use crate::pg_support::TestDb;
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn body(db: &TestDb) -> String {
    let row = db.admin().query_opt("SELECT body FROM rumbo.sessions", &[]).unwrap();
    row.map(|r| r.get(0)).unwrap_or_default()
}

fn backends(db: &TestDb) -> Vec<String> {
    let sql =
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()";
    db.admin().query(sql, &[]).unwrap().iter().map(|r| r.get::<_, i32>(0).to_string()).collect()
}

fn signal(pids: &[String], signal: &str) {
    for pid in pids {
        let quiet = std::process::Stdio::null();
        let _ = std::process::Command::new("kill").args([signal, pid]).stderr(quiet).status();
    }
}

/// Stops the server's processes; they are resumed when the guard goes (or after a minute, whatever the
/// test does meanwhile).
struct Hung {
    pids: Vec<String>,
    done: Option<mpsc::Sender<()>>,
}

fn hang(db: &TestDb) -> Hung {
    let pids = backends(db);
    signal(&pids, "-STOP");
    let (done, wait) = mpsc::channel::<()>();
    let resume = pids.clone();
    std::thread::spawn(move || {
        let _ = wait.recv_timeout(Duration::from_secs(60));
        signal(&resume, "-CONT");
    });
    Hung { pids, done: Some(done) }
}

impl Drop for Hung {
    fn drop(&mut self) {
        signal(&self.pids, "-CONT");
        self.done.take();
    }
}

#[test]
fn office_thread_e2e_a_hung_server_leaves_typing_live_and_sigterm_ends_within_seconds() {
    let Some(db) = migrated() else { return };
    let Some(env) = Env::new() else { return };
    let url = counselor_url(&db);
    let config = format!(
        "Config(\n  store: Postgres(url: \"{url}\"),\n  office: (id: \"kennedy-1\"),\n  desk: \"ESCRITORIO-A\",\n)\n"
    );
    std::fs::write(env.config().join("config.ron"), config).unwrap();
    let rumbo = env.start();
    rumbo.new_session("Marta", "Luz");
    rumbo.type_note("uno");
    rumbo.escape();
    wait_until("the first words on the server", || body(&db).contains("uno").then_some(()));

    let hung = hang(&db);
    let since = Instant::now();
    // Drawn at once, and saved on this desk after the usual delay, while the send waits on the server.
    rumbo.type_note(" dos");
    let drawn = since.elapsed();
    rumbo.escape();
    let file = env.session_file();
    wait_file_contains(&file, "uno dos", since);
    rumbo.type_note(" tres");
    rumbo.escape();
    wait_file_contains(&file, "uno dos tres", since);
    assert!(!body(&db).contains("dos"), "nothing reached the row while the server hung");
    drop(hung);
    wait_until("every word on the server", || body(&db).contains("uno dos tres").then_some(()));

    // Hung again, and rumbo is told to end: it waits a few seconds for the server, not for ever.
    let hung = hang(&db);
    rumbo.type_note(" cuatro");
    rumbo.escape();
    rumbo.signal("TERM");
    let took = rumbo.wait_exit(Duration::from_secs(15));
    drop(hung);
    let here = std::fs::read_to_string(&file).unwrap();
    assert!(here.contains("uno dos tres cuatro"), "kept on this desk: {here}");
    assert!(took < Duration::from_secs(8), "SIGTERM took {took:?} while the server hung");
    println!(
        "while the server hung: a note drawn {drawn:?} after typing began; SIGTERM ended rumbo in {took:?}"
    );
}
