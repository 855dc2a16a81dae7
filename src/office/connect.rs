//! URL + password + TLS mode → a `postgres::Client`. The one place rumbo opens a connection to the office's
//! server; every part it puts together is tested on its own ([`super::conninfo`], [`super::pgpass`],
//! [`super::tls`]) and together against a real server (tests/it/office_connect.rs).
//!
//! `connect_timeout` in the postgres crate bounds only the TCP connect (tokio-postgres applies it "to each
//! socket-level connection attempt"); a host that accepts and then never answers (a hung server, a
//! proxy with nothing behind it) would hold the TLS handshake and start-up for ever. libpq's
//! `connect_timeout` bounds the whole attempt, so [`connect`] does too: the attempt runs on a thread of
//! its own and is given up after the timeout. A given-up attempt keeps its thread until its socket
//! dies; while it does, a new attempt at the same server fails at once instead of piling up threads
//! (the office thread retries every 5 s).

use super::conninfo::{ConnInfo, TlsMode};
use super::pgpass::{self, PgpassError, Sources, Target};
use super::tls::{self, TlsError};
use std::collections::HashSet;
use std::sync::{Arc, Mutex, OnceLock, mpsc};
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error(transparent)]
    Password(#[from] PgpassError),
    #[error(transparent)]
    Tls(#[from] TlsError),
    /// The server's or the network's words (they may name the host and user, never the password).
    #[error("{0}")]
    Server(String),
    /// The server could not be reached at all (down, refused, timed out): a desk works on without it.
    #[error("{0}")]
    Unreachable(String),
}

/// Whether `error` says the server is not there (or went away), rather than that it refused: the
/// connection was closed, the network said no, or the server is shutting down. A desk then works on
/// with what it has here, and reconnects (issue 15, "Nothing lost when the server goes away").
pub fn is_unreachable(error: &postgres::Error) -> bool {
    use postgres::error::SqlState;
    use std::io::ErrorKind::*;
    if error.is_closed() {
        return true;
    }
    if let Some(code) = error.code() {
        return [SqlState::ADMIN_SHUTDOWN, SqlState::CRASH_SHUTDOWN, SqlState::CANNOT_CONNECT_NOW]
            .contains(code);
    }
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            // A name that cannot be looked up: with the office's network down its DNS is down too (the
            // standard library words it so; its kind is not one a program may match on).
            if io.to_string().starts_with("failed to lookup address information") {
                return true;
            }
            return matches!(
                io.kind(),
                ConnectionRefused
                    | ConnectionReset
                    | ConnectionAborted
                    | NotConnected
                    | BrokenPipe
                    | TimedOut
                    | UnexpectedEof
                    | NotFound
                    | HostUnreachable
                    | NetworkUnreachable
                    | AddrNotAvailable
            );
        }
        source = cause.source();
    }
    false
}

/// Connects as libpq would with this URL and environment: the password from `PGPASSWORD` or pgpass, TLS as
/// `sslmode` says (none over a Unix socket, which libpq never encrypts either). The whole attempt — TCP,
/// TLS, start-up, password — ends within the URL's `connect_timeout` (10 s unless it says otherwise).
pub fn connect(info: &ConnInfo, sources: &Sources) -> Result<postgres::Client, ConnectError> {
    let limit = info.config.get_connect_timeout().copied().unwrap_or(Duration::from_secs(10));
    let target = format!("{}:{}", info.host(), info.port());
    if abandoned().contains(&target) {
        return Err(ConnectError::Unreachable(still_waiting(limit)));
    }
    let attempt = Arc::new(Mutex::new(Attempt::Running));
    let (done, answer) = mpsc::channel();
    let (info, sources) = (info.clone(), sources.clone());
    let spawned = std::thread::Builder::new().name("office-connect".into()).spawn({
        let (attempt, target) = (attempt.clone(), target.clone());
        move || {
            let result = connect_now(&info, &sources);
            if std::mem::replace(&mut *lock(&attempt), Attempt::Finished) == Attempt::Abandoned {
                abandoned().remove(&target);
            }
            // The caller may have given up and gone: then the connection just closes here.
            let _ = done.send(result);
        }
    });
    if let Err(e) = spawned {
        return Err(ConnectError::Unreachable(e.to_string()));
    }
    match answer.recv_timeout(limit) {
        Ok(result) => result,
        Err(_) => {
            let mut state = lock(&attempt);
            if *state == Attempt::Running {
                *state = Attempt::Abandoned;
                abandoned().insert(&target);
            }
            Err(ConnectError::Unreachable(no_answer(limit)))
        }
    }
}

fn no_answer(limit: Duration) -> String {
    format!("the server accepted the connection but did not answer within {} s", limit.as_secs())
}

fn still_waiting(limit: Duration) -> String {
    format!("{} (an earlier attempt is still waiting for it)", no_answer(limit))
}

/// One connection attempt, as its thread and its caller see it: the caller gives up on a running one
/// (then the server counts as hung until the thread ends), the thread finishes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Attempt {
    Running,
    Abandoned,
    Finished,
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The servers a given-up attempt is still waiting on, so a hung one costs one thread, not one per retry.
struct Abandoned(Mutex<HashSet<String>>);

impl Abandoned {
    fn contains(&self, target: &str) -> bool {
        lock(&self.0).contains(target)
    }

    fn insert(&self, target: &str) {
        lock(&self.0).insert(target.to_string());
    }

    fn remove(&self, target: &str) {
        lock(&self.0).remove(target);
    }
}

fn abandoned() -> &'static Abandoned {
    static ABANDONED: OnceLock<Abandoned> = OnceLock::new();
    ABANDONED.get_or_init(|| Abandoned(Mutex::new(HashSet::new())))
}

fn connect_now(info: &ConnInfo, sources: &Sources) -> Result<postgres::Client, ConnectError> {
    let mut config = info.config.clone();
    let host = info.host();
    let target = Target { host: &host, port: info.port(), database: info.database(), user: info.user() };
    if let Some(password) = pgpass::find(sources, &target)? {
        config.password(password);
    }
    let root_cert = sources.root_cert_file(info.root_cert.as_deref());
    let mode = match info.tls {
        _ if info.is_socket() => TlsMode::Disable,
        // libpq: "if a root CA file exists, the behavior of sslmode=require will be the same as that of
        // verify-ca".
        TlsMode::Require if root_cert.as_deref().is_some_and(|f| f.exists()) => TlsMode::VerifyCa,
        mode => mode,
    };
    let server = |e: postgres::Error| match is_unreachable(&e) {
        true => ConnectError::Unreachable(describe(&e)),
        false => ConnectError::Server(describe(&e)),
    };
    match tls::client_config(mode, root_cert.as_deref())? {
        None => config.ssl_mode(postgres::config::SslMode::Disable).connect(postgres::NoTls).map_err(server),
        Some(rustls) => {
            let ssl_mode = match mode {
                TlsMode::Prefer => postgres::config::SslMode::Prefer,
                _ => postgres::config::SslMode::Require,
            };
            let tls = tokio_postgres_rustls::MakeRustlsConnect::new(rustls);
            config.ssl_mode(ssl_mode).connect(tls).map_err(server)
        }
    }
}

/// The error with its causes: tokio-postgres's top line alone ("error performing TLS handshake") hides
/// what IT needs ("invalid peer certificate: NotValidForName").
fn describe(error: &postgres::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

/// Whether this connection is encrypted, as the server sees it.
pub fn encrypted(client: &mut postgres::Client) -> Result<bool, postgres::Error> {
    let row = client.query_one("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", &[])?;
    row.try_get(0)
}
