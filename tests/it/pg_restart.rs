//! A throwaway PostgreSQL of one test's own that the test may stop and start again (the binary's shared
//! server cannot be: other tests use it meanwhile). Same folder, port and certificates; stopping is a fast
//! shutdown (SIGINT, as `pg_ctl stop -m fast`), which ends every client connection. Like the shared one it
//! runs under the watchdog, so it stops when the test process ends however it ends.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]

use crate::pg_support::{self, PgServer, TestDb};
use std::path::PathBuf;
use std::process::Child;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct OwnServer {
    pub server: &'static PgServer,
    bin: PathBuf,
    /// postgres's pid now, and the watchdog of this run (its pipe closing stops it).
    run: Mutex<(u32, Option<Child>)>,
}

/// A server of the test's own with one database; `None` (SKIPPED printed) where PostgreSQL is absent.
pub fn own_server() -> Option<(OwnServer, TestDb)> {
    // The shared server's start says SKIPPED (or fails under RUMBO_NO_SKIP) when PostgreSQL is absent.
    pg_support::server()?;
    let bin = pg_support::bindir()?;
    let server = pg_support::attempt(&bin, pg_support::running_as_root(), pg_support::TEST_SETTINGS).unwrap();
    let pid = server.pid;
    // 'static for TestDb; its watchdog (inside) lives until the process ends, then stops and removes it.
    let server: &'static PgServer = Box::leak(Box::new(server));
    let db = pg_support::test_db_on(server);
    Some((OwnServer { server, bin, run: Mutex::new((pid, None)) }, db))
}

impl OwnServer {
    /// Fast shutdown; returns once postgres has exited.
    pub fn stop(&self) {
        let pid = self.run.lock().unwrap().0;
        let killed = std::process::Command::new("kill").args(["-INT", &pid.to_string()]).status().unwrap();
        assert!(killed.success());
        let deadline = Instant::now() + Duration::from_secs(30);
        while pg_support::alive(pid) {
            assert!(Instant::now() < deadline, "postgres did not stop within 30 s");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Starts it again on the same folder and port; returns once it accepts connections.
    pub fn start(&self) {
        let (watchdog, pid) =
            pg_support::launch(&self.bin, &self.server.dir, self.server.port, pg_support::TEST_SETTINGS)
                .unwrap();
        *self.run.lock().unwrap() = (pid, Some(watchdog));
    }
}
