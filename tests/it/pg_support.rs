//! A throwaway PostgreSQL for the office tests: one server per test binary, one database per test.
//!
//! - Binaries: `pg_config --bindir`, else the newest `/usr/lib/postgresql/*/bin` (Debian's layout).
//! - PostgreSQL refuses to run as root: when the tests run as root, the server's folder is given to the
//!   unprivileged `nobody` (it exists everywhere; nothing is added to the system) and initdb and postgres run
//!   through `runuser -u nobody`.
//! - Unix socket in that folder (the admin connection), TCP on a random free port of localhost (with TLS on,
//!   a CA and a server certificate for `localhost` made here with rcgen), scram passwords over TCP.
//! - Stopping it: a static never drops, and a panicking or killed test process runs no destructor. So the
//!   server runs under a tiny shell watchdog whose standard input is a pipe held open by this process only:
//!   when this process ends in any way (exit, panic, SIGKILL) the kernel closes the pipe, the watchdog's
//!   `read` returns, it stops postgres (fast shutdown) and removes the folder.
//!   `the_server_stops_when_its_test_process_is_killed_or_panics` shows it.
//!
//! - The load bench (benches/office_load.rs) includes this file too (`#[path]`), starting its own server with
//!   [`start_with`] (durable, more connections) and restarting it mid-run with [`PgServer::restart`].
//!
//! Without PostgreSQL the tests print SKIPPED (a failure under `RUMBO_NO_SKIP=1`, as in CI).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

pub const ADMIN: &str = "postgres";

/// The tests' server settings: nothing they check needs durability, and without fsync it is faster.
pub const TEST_SETTINGS: &str = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";

pub struct PgServer {
    /// The server's folder: data/, the socket, the certificates, the log.
    pub dir: PathBuf,
    pub port: u16,
    /// The CA that signed the server's certificate (for `sslrootcert=`).
    pub ca_file: PathBuf,
    /// postgres's own pid (from postmaster.pid) as first started ([`PgServer::restart`] returns the new one).
    pub pid: u32,
    /// Kept open for the life of the process: its closing is the watchdog's signal.
    watchdog: Mutex<Child>,
}

static SERVER: OnceLock<Result<PgServer, String>> = OnceLock::new();

/// The binary's server, started on first use; `None` (after printing SKIPPED) where PostgreSQL is absent.
pub fn server() -> Option<&'static PgServer> {
    match SERVER.get_or_init(|| start_with(TEST_SETTINGS)) {
        Ok(server) => Some(server),
        Err(why) if why.starts_with("SKIP:") => {
            crate::common::skip_or_fail(&why["SKIP:".len()..]);
            None
        }
        Err(why) => panic!("the test PostgreSQL did not start: {why}"),
    }
}

/// A database of its own for one test, dropped (with whatever it made) when the guard goes, panic or not.
pub struct TestDb {
    pub server: &'static PgServer,
    pub name: String,
}

/// A fresh database on the binary's server; `None` where PostgreSQL is absent (SKIPPED printed).
pub fn test_db() -> Option<TestDb> {
    Some(test_db_on(server()?))
}

/// A fresh database on `server` (one of a test's own, see pg_restart.rs).
pub fn test_db_on(server: &'static PgServer) -> TestDb {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = format!("t{}_{}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed));
    server.admin("postgres").batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
    TestDb { server, name }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Ok(mut c) = self.server.try_admin("postgres") {
            let _ = c.batch_execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name));
        }
    }
}

impl TestDb {
    /// The superuser, over the socket.
    pub fn admin(&self) -> postgres::Client {
        self.server.admin(&self.name)
    }

    /// A login role with this password (names are made unique to this database: roles are per server).
    pub fn login_role(&self, role: &str, password: &str, member_of: Option<&str>) -> String {
        let name = format!("{}_{role}", self.name);
        let member = member_of.map(|m| format!(" IN ROLE {m}")).unwrap_or_default();
        self.admin()
            .batch_execute(&format!("CREATE ROLE {name} LOGIN PASSWORD '{password}'{member}"))
            .unwrap();
        name
    }

    /// A URL to this database over TCP, as config.ron would give it.
    pub fn url(&self, user: &str, host: &str, params: &str) -> String {
        format!("postgresql://{user}@{host}:{}/{}?{params}", self.server.port, self.name)
    }
}

impl PgServer {
    pub fn admin(&self, db: &str) -> postgres::Client {
        self.try_admin(db).unwrap()
    }

    fn try_admin(&self, db: &str) -> Result<postgres::Client, postgres::Error> {
        postgres::Config::new()
            .host_path(&self.dir)
            .port(self.port)
            .user(ADMIN)
            .dbname(db)
            .connect(postgres::NoTls)
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("log")).unwrap_or_default()
    }

    /// Restarts the server as an administrator would (fast shutdown: every connection is cut, then a new
    /// postmaster on the same folder and port) and waits until it accepts connections again; the new pid.
    /// The watchdog starts the new postmaster (the `restart` mark), so it still stops it at the end.
    pub fn restart(&self) -> Result<u32, String> {
        let old = postmaster_pid(&self.dir).ok_or("no postmaster.pid")?;
        std::fs::write(self.dir.join("restart"), "").map_err(|e| e.to_string())?;
        let signalled = Command::new("kill").args(["-INT", &old.to_string()]).status();
        if !signalled.is_ok_and(|s| s.success()) {
            return Err(format!("kill -INT {old} failed"));
        }
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(pid) = postmaster_pid(&self.dir).filter(|&pid| pid != old)
                && self.try_admin("postgres").is_ok()
            {
                return Ok(pid);
            }
            if Instant::now() > deadline {
                return Err(format!("postgres did not come back within 60 s: {}", self.log()));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn postmaster_pid(dir: &Path) -> Option<u32> {
    std::fs::read_to_string(dir.join("data/postmaster.pid")).ok()?.lines().next()?.trim().parse().ok()
}

pub fn bindir() -> Option<PathBuf> {
    let from_pg_config = Command::new("pg_config")
        .arg("--bindir")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()));
    if let Some(dir) = from_pg_config.filter(|d| d.join("initdb").exists()) {
        return Some(dir);
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .flatten()
        .filter_map(|e| Some((e.file_name().to_str()?.parse().ok()?, e.path().join("bin"))))
        .filter(|(_, bin): &(u32, PathBuf)| bin.join("initdb").exists())
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

pub fn running_as_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// `program args…`, as `nobody` through runuser when this process is root.
fn as_server_user(program: &Path) -> Command {
    if running_as_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "nobody", "--"]).arg(program);
        c
    } else {
        Command::new(program)
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A new server with these `-c name=value` settings (the tests': [`TEST_SETTINGS`]), stopped when this
/// process ends; `Err("SKIP:…")` where PostgreSQL is absent.
pub fn start_with(settings: &str) -> Result<PgServer, String> {
    let Some(bin) = bindir() else {
        return Err("SKIP:PostgreSQL is not installed (no initdb through pg_config --bindir or \
                    /usr/lib/postgresql/*/bin; Debian: apt-get install postgresql)"
            .to_string());
    };
    let root = running_as_root();
    if root && Command::new("runuser").arg("--help").output().is_err() {
        return Err("SKIP:running as root without runuser to start PostgreSQL as another user".into());
    }
    // A free port may be taken between choosing it and postgres binding it: try again, from scratch.
    let mut last = String::new();
    for _ in 0..3 {
        match attempt(&bin, root, settings) {
            Ok(server) => return Ok(server),
            Err(why) => last = why,
        }
    }
    Err(last)
}

/// A new folder, initdb, and postgres on a free port; the folder removed again if it does not start.
pub fn attempt(bin: &Path, root: bool, settings: &str) -> Result<PgServer, String> {
    // Kept on disk (not a TempDir): the watchdog removes it once the server has stopped.
    let dir = tempfile::Builder::new().prefix("rumbo-pg-").tempdir().map_err(|e| e.to_string())?.keep();
    let ca_file = crate::pg_certs::write_certificates(&dir);
    if root {
        chown_to_nobody(&dir);
    }
    let out = as_server_user(&bin.join("initdb"))
        .arg("-D")
        .arg(dir.join("data"))
        .args(["-U", ADMIN, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale"])
        .args(["--no-sync", "--no-instructions"])
        .output()
        .map_err(|e| format!("initdb: {e}"))?;
    let port = free_port();
    let launched = if out.status.success() {
        launch(bin, &dir, port, settings)
    } else {
        Err(format!("initdb failed: {}", String::from_utf8_lossy(&out.stderr)))
    };
    match launched {
        Ok((watchdog, pid)) => Ok(PgServer { dir, port, ca_file, pid, watchdog: Mutex::new(watchdog) }),
        Err(why) => {
            let _ = std::fs::remove_dir_all(&dir);
            Err(why)
        }
    }
}

/// Starts postgres under the watchdog and waits until it accepts connections.
///
/// The watchdog keeps its standard input (this process's pipe) as fd 3 for a background reader; when the
/// pipe closes (this process ended, however) the reader marks the folder `stopping` and stops postgres
/// (fast shutdown); once postgres has exited, a folder so marked is removed. If postgres exits on its own (a
/// taken port), the watchdog exits and leaves the folder, log included, for the error message. A postgres
/// that exits while the folder holds a `restart` mark (and no `stopping` one) is started again
/// ([`PgServer::restart`]); the reader stops whichever postgres runs (postmaster.pid).
pub fn launch(bin: &Path, dir: &Path, port: u16, settings: &str) -> Result<(Child, u32), String> {
    let postgres = bin.join("postgres");
    let script = format!(
        "exec 3<&0; : >'{dir}/log'; \
         (read _ignored <&3; : >'{dir}/stopping'; kill -INT $(head -n1 '{dir}/data/postmaster.pid')) & \
         while :; do \
         '{postgres}' -D '{dir}/data' -p {port} -k '{dir}' -c listen_addresses=localhost \
         -c ssl=on -c ssl_cert_file='{dir}/server.crt' -c ssl_key_file='{dir}/server.key' \
         {settings} </dev/null >>'{dir}/log' 2>&1 & pg=$!; \
         wait $pg; [ -e '{dir}/restart' ] && [ ! -e '{dir}/stopping' ] || break; rm -f '{dir}/restart'; \
         done; [ -e '{dir}/stopping' ] && rm -rf '{dir}'",
        postgres = postgres.display(),
        dir = dir.display(),
    );
    let mut watchdog = as_server_user(Path::new("sh"))
        .args(["-c", &script])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("sh: {e}"))?;
    let deadline = Instant::now() + Duration::from_secs(60);
    let connect = || {
        postgres::Config::new()
            .host_path(dir)
            .port(port)
            .user(ADMIN)
            .dbname("postgres")
            .connect(postgres::NoTls)
    };
    loop {
        if connect().is_ok() {
            let pid = postmaster_pid(dir).ok_or("no postmaster.pid")?;
            return Ok((watchdog, pid));
        }
        if let Ok(Some(_)) = watchdog.try_wait() {
            let log = std::fs::read_to_string(dir.join("log")).unwrap_or_default();
            return Err(format!("postgres exited: {log}"));
        }
        if Instant::now() > deadline {
            let _ = watchdog.stdin.take().map(|mut s| s.write_all(b"\n"));
            let _ = watchdog.wait();
            return Err("postgres did not accept connections within 60 s".into());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn chown_to_nobody(dir: &Path) {
    let out = Command::new("id").args(["-u", "nobody"]).output().unwrap();
    let uid: u32 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
    let out = Command::new("id").args(["-g", "nobody"]).output().unwrap();
    let gid: u32 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
    std::os::unix::fs::chown(dir, Some(uid), Some(gid)).unwrap();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        std::os::unix::fs::chown(entry.path(), Some(uid), Some(gid)).unwrap();
    }
}

/// Whether a process with this pid is alive (Linux: /proc).
pub fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .is_ok_and(|stat| !stat.rsplit(')').next().unwrap_or("").trim_start().starts_with('Z'))
}

/// A pgpass file with these lines, private, in a folder of its own (for `Sources::passfile`).
pub fn pgpass_file(dir: &Path, lines: &str) -> PathBuf {
    let file = dir.join("pgpass");
    crate::pg_certs::write_private(&file, lines);
    file
}
