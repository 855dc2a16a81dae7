//! One writer per session on the office's server (issue 15): a session open at one desk is held by a
//! session-level advisory lock (`pg_try_advisory_lock`) on that desk's own lock connection; another desk
//! that asks gets [`Taken::Elsewhere`] with where it is open ("abierta en ESCRITORIO-3") and opens the
//! session read-only.
//!
//! - The key: [`lock_key`], a stable 64-bit hash of office id + session id (see there).
//! - Where it is open: `rumbo.session_holders` (migration 0002), written through `rumbo.hold_session` right
//!   after the lock is taken, and read through `rumbo.session_holder` only when the try-lock failed; that
//!   function believes a row only while its backend still holds the key in `pg_locks`, so the row of a dead
//!   desk never blocks anyone.
//! - Release: dropping a [`SessionHold`] (or [`SessionHold::release`]) unlocks; quitting rumbo closes the
//!   connection, and the server drops every lock of a closed connection, also after a SIGKILL.
//! - A dead workstation (power cut, cable pulled) sends nothing: the server notices only through TCP
//!   keepalives on its side of the socket. The lock connection sets them for itself (they are per-session
//!   settings, so it works whatever postgresql.conf says): first probe after 60 s idle, then every 10 s, 6
//!   unanswered → closed, 60 + 6 × 10 = 120 s; `tcp_user_timeout` 120 s covers a reply in flight (without it
//!   the kernel retransmits for ~15 min). So a dead desk's sessions are free within about 2 minutes. The desk
//!   uses the same numbers on its side to notice a dead server. `idle_session_timeout` is turned off for
//!   this connection: it is idle by design. Over a Unix socket none of this applies (nor is needed).
//! - Why a dedicated connection: the store's connection may be dropped and reopened after an error, which
//!   would silently drop the locks with it; and behind PgBouncer transaction pooling a session-level lock
//!   lands on whichever server connection ran that statement (docs/office.md).

use super::connect::{ConnectError, connect};
use super::conninfo::ConnInfo;
use super::pgpass::Sources;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

pub use super::lock_key::lock_key;

/// TCP keepalives of the lock connection, both ends (see the module comment for the arithmetic).
pub const KEEPALIVE_IDLE: Duration = Duration::from_secs(60);
pub const KEEPALIVE_INTERVAL: Duration = Duration::from_secs(10);
pub const KEEPALIVE_COUNT: u32 = 6;
pub const TCP_USER_TIMEOUT: Duration = Duration::from_secs(120);

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(transparent)]
    Connect(#[from] ConnectError),
    /// The server's words (the lock connection may be gone: every lock it held is gone with it).
    #[error("{0}")]
    Server(String),
}

impl From<postgres::Error> for LockError {
    fn from(e: postgres::Error) -> Self {
        LockError::Server(match e.as_db_error() {
            Some(db) => format!("{}: {}", db.severity(), db.message()),
            None => e.to_string(),
        })
    }
}

/// Where a session is open. `desk` is `None` when the server holds the lock but no one said where (the
/// holder is between its lock and its row, or is an older rumbo).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holder {
    pub desk: Option<String>,
    /// When it was opened there.
    pub since: Option<jiff::Timestamp>,
}

impl Holder {
    /// "abierta en ESCRITORIO-3" (the contract text), or "abierta en otro puesto".
    pub fn message(&self, strings: &crate::i18n::Strings) -> String {
        match &self.desk {
            Some(desk) => crate::i18n::fill(strings.session_open_elsewhere, &[("desk", desk)]),
            None => strings.session_open_elsewhere_unknown.to_string(),
        }
    }
}

/// What asking for a session's lock gave.
#[derive(Debug)]
pub enum Taken {
    /// This desk holds it until the hold is dropped: write away.
    Mine(SessionHold),
    /// Held by another connection: open read-only and say where.
    Elsewhere(Holder),
}

struct State {
    client: postgres::Client,
    /// Keys this connection holds → session id. Advisory locks are re-entrant per connection, so a second
    /// take of the same session here must not stack a second lock; it is answered as held (by this desk).
    held: HashMap<i64, String>,
}

/// The desk's lock connection: one per desk, shared by every session it holds (cheap to clone).
#[derive(Clone)]
pub struct DeskLocks {
    inner: Arc<Inner>,
}

struct Inner {
    state: Mutex<State>,
    office: String,
    desk: String,
}

impl std::fmt::Debug for DeskLocks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeskLocks")
            .field("office", &self.inner.office)
            .field("desk", &self.inner.desk)
            .finish()
    }
}

/// `info` with the lock connection's client-side keepalives (the desk noticing a dead server).
pub fn lock_conn_info(info: &ConnInfo) -> ConnInfo {
    let mut info = info.clone();
    info.config
        .keepalives(true)
        .keepalives_idle(KEEPALIVE_IDLE)
        .keepalives_interval(KEEPALIVE_INTERVAL)
        .keepalives_retries(KEEPALIVE_COUNT)
        .tcp_user_timeout(TCP_USER_TIMEOUT)
        .application_name("rumbo locks");
    info
}

impl DeskLocks {
    /// Opens the desk's lock connection (its own, not the store's).
    pub fn connect(
        info: &ConnInfo,
        sources: &Sources,
        office: &str,
        desk: &str,
    ) -> Result<DeskLocks, LockError> {
        let client = connect(&lock_conn_info(info), sources)?;
        DeskLocks::on(client, office, desk)
    }

    /// Uses `client` as the lock connection (it should be used for nothing else), setting the server's
    /// side of its keepalives.
    pub fn on(mut client: postgres::Client, office: &str, desk: &str) -> Result<DeskLocks, LockError> {
        // set_config through pg_settings: a setting this server lacks (tcp_user_timeout before 12,
        // idle_session_timeout before 14) is skipped instead of failing.
        client.execute(
            "SELECT set_config(s.name, s.value, false)
             FROM (VALUES ('tcp_keepalives_idle', $1), ('tcp_keepalives_interval', $2),
                          ('tcp_keepalives_count', $3), ('tcp_user_timeout', $4),
                          ('idle_session_timeout', '0')) AS s(name, value)
             WHERE s.name IN (SELECT name FROM pg_settings)",
            &[
                &KEEPALIVE_IDLE.as_secs().to_string(),
                &KEEPALIVE_INTERVAL.as_secs().to_string(),
                &KEEPALIVE_COUNT.to_string(),
                &TCP_USER_TIMEOUT.as_millis().to_string(),
            ],
        )?;
        let state = Mutex::new(State { client, held: HashMap::new() });
        Ok(DeskLocks { inner: Arc::new(Inner { state, office: office.into(), desk: desk.into() }) })
    }

    pub fn desk(&self) -> &str {
        &self.inner.desk
    }

    /// Takes `session_id`'s lock if no other desk holds it. Never waits for another desk.
    pub fn take(&self, session_id: &str) -> Result<Taken, LockError> {
        let inner = &self.inner;
        let key = lock_key(&inner.office, session_id);
        let mut state = self.state();
        if state.held.contains_key(&key) {
            return Ok(Taken::Elsewhere(Holder { desk: Some(inner.desk.clone()), since: None }));
        }
        // A failed try-lock and a holder that is gone by the time its row is read: try again, a few times.
        for attempt in 0..3 {
            if attempt > 0 {
                // The holder may be between its lock and its row (two statements apart).
                std::thread::sleep(Duration::from_millis(20));
            }
            let got: bool = state.client.query_one("SELECT pg_try_advisory_lock($1)", &[&key])?.get(0);
            if got {
                let said = state.client.execute(
                    "SELECT rumbo.hold_session($1, $2, $3, $4)",
                    &[&inner.office, &session_id, &inner.desk, &key],
                );
                if let Err(e) = said {
                    let _ = state.client.execute("SELECT pg_advisory_unlock($1)", &[&key]);
                    return Err(e.into());
                }
                state.held.insert(key, session_id.to_string());
                let hold = SessionHold { locks: self.clone(), key, session: session_id.to_string() };
                return Ok(Taken::Mine(hold));
            }
            let row = state.client.query_opt(
                "SELECT desk, since_ms FROM rumbo.session_holder($1, $2)",
                &[&inner.office, &session_id],
            )?;
            if let Some(row) = row {
                let since = jiff::Timestamp::from_millisecond(row.get(1)).ok();
                return Ok(Taken::Elsewhere(Holder { desk: Some(row.get(0)), since }));
            }
        }
        Ok(Taken::Elsewhere(Holder { desk: None, since: None }))
    }

    /// Whether the lock connection is still there (if not, every lock it held is gone: reopen and take
    /// them again, or go read-only).
    pub fn is_alive(&self) -> bool {
        let mut state = self.state();
        !state.client.is_closed() && state.client.simple_query("").is_ok()
    }

    /// The sessions of this office other desks hold now, with where ("abierta en ESCRITORIO-3" on the
    /// start screen): `rumbo.session_holders` rows whose lock is really held (`pg_locks`).
    pub fn held_elsewhere(&self) -> Result<Vec<(String, String)>, LockError> {
        let rows = self
            .state()
            .client
            .query("SELECT session_id, desk FROM rumbo.session_holders_here($1)", &[&self.inner.office])?;
        Ok(rows.iter().map(|row| (row.get(0), row.get(1))).collect())
    }

    /// A setting as the server applies it to the lock connection (`office check`, tests).
    pub fn server_setting(&self, name: &str) -> Result<String, LockError> {
        Ok(self.state().client.query_one("SELECT current_setting($1)", &[&name])?.get(0))
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // A panic while holding it leaves nothing half-done on our side worth refusing the connection for.
        self.inner.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn unlock(&self, key: i64) -> Result<(), LockError> {
        let mut state = self.state();
        let Some(session) = state.held.remove(&key) else { return Ok(()) };
        // The lock first: a row left by a failure here is harmless (believed only while its lock is held),
        // and the function deletes only this connection's row, never that of a desk that took it since.
        state.client.execute("SELECT pg_advisory_unlock($1)", &[&key])?;
        state.client.execute("SELECT rumbo.release_session($1, $2)", &[&self.inner.office, &session])?;
        Ok(())
    }
}

/// This desk's hold on one session: the lock is released when it is dropped.
#[derive(Debug)]
pub struct SessionHold {
    locks: DeskLocks,
    key: i64,
    session: String,
}

impl SessionHold {
    pub fn session_id(&self) -> &str {
        &self.session
    }

    pub fn key(&self) -> i64 {
        self.key
    }

    /// Releases now, saying whether the server heard it (dropping does the same, silently).
    pub fn release(self) -> Result<(), LockError> {
        self.locks.unlock(self.key)
    }
}

impl Drop for SessionHold {
    fn drop(&mut self) {
        // A failure means the connection is gone, and the server dropped the lock with it.
        let _ = self.locks.unlock(self.key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_connection_notices_a_dead_server_within_two_minutes() {
        let info = ConnInfo::parse("postgresql://ana@servidor/rumbo?sslmode=verify-full").unwrap();
        let c = lock_conn_info(&info).config;
        assert!(c.get_keepalives());
        assert_eq!(c.get_keepalives_idle(), KEEPALIVE_IDLE);
        assert_eq!(c.get_keepalives_interval(), Some(KEEPALIVE_INTERVAL));
        assert_eq!(c.get_keepalives_retries(), Some(KEEPALIVE_COUNT));
        assert_eq!(c.get_tcp_user_timeout(), Some(&TCP_USER_TIMEOUT));
        let dead_after = KEEPALIVE_IDLE + KEEPALIVE_INTERVAL * KEEPALIVE_COUNT;
        assert!(dead_after <= Duration::from_secs(120) && TCP_USER_TIMEOUT <= Duration::from_secs(120));
    }

    #[test]
    fn the_holder_says_where_the_session_is_open() {
        let strings = crate::i18n::Lang::Es.strings();
        let at = Holder { desk: Some("ESCRITORIO-3".into()), since: None };
        assert_eq!(at.message(strings), "abierta en ESCRITORIO-3");
        assert_eq!(Holder { desk: None, since: None }.message(strings), "abierta en otro puesto");
        assert_eq!(at.message(crate::i18n::Lang::En.strings()), "open at ESCRITORIO-3");
    }
}
