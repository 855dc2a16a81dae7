//! The sessions a command or the app works on, wherever config.ron's `store:` keeps them.
//!
//! `Local`: this computer's files, exactly as before office mode. `Office`: the office's server holds every
//! session; this desk's sessions folder keeps what is being worked on here — the journal of every change
//! and the file it folds into — and each write goes there first, then to the server. So a local copy with
//! a journal, or written after the row, holds edits the server has not seen yet, and wins on reading.

use super::lock::{DeskLocks, SessionHold, Taken};
use super::store::OfficeStore;
use crate::config::Config;
use crate::session::{self, Erased, Listed, Purged, Session, SessionStore, StoreError, remove_recorded};
use jiff::Timestamp;
use std::path::Path;

pub enum Sessions {
    Local(SessionStore),
    Office(Box<Office>),
    /// `store: Postgres` with the server out of reach (down, or the network): only this desk's copies —
    /// the sessions open or not yet sent here. Reading works on them; deleting and retention, which need
    /// the whole office, are refused ([`StoreError::Unreachable`]).
    Offline(SessionStore),
}

/// The office's server and this desk's sessions folder (journal, pending copies).
pub struct Office {
    pub local: SessionStore,
    pub server: OfficeStore,
    /// Where the lock connection goes, opened on the first [`Office::hold`] (most commands only read).
    pub url: Option<super::DbUrl>,
}

/// The desk's lock connection (one writer per session, see [`super::lock`]) to the server at `url`.
pub fn desk_locks(url: &super::DbUrl, office_id: &str, desk: &str) -> Result<DeskLocks, StoreError> {
    let office = |message: String| StoreError::Office { message };
    let info = super::ConnInfo::parse(url.expose()).map_err(|e| office(e.to_string()))?;
    let sources = super::pgpass::Sources::from_env();
    DeskLocks::connect(&info, &sources, office_id, desk).map_err(|e| office(e.to_string()))
}

impl Sessions {
    /// The store config.ron names, with `<data_dir>/sessions` for the local side; connects to the server
    /// (and checks its schema) for `store: Postgres`. A server that does not answer is [`Sessions::Offline`];
    /// one that refuses (a password, TLS, the schema) is an error.
    pub fn open(config: &Config, data_dir: &Path) -> Result<Sessions, StoreError> {
        let local = SessionStore::open(data_dir)?;
        match (&config.store, &config.office.id) {
            (super::Store::Postgres { url }, Some(office_id)) => {
                let server = match OfficeStore::connect(url, office_id, &config.desk_name()) {
                    Ok(server) => server,
                    Err(StoreError::Unreachable { .. }) => return Ok(Sessions::Offline(local)),
                    Err(e) => return Err(e),
                };
                Ok(Sessions::Office(Box::new(Office { local, server, url: Some(url.clone()) })))
            }
            // Config::load refuses Postgres without office.id; nothing else reaches here.
            _ => Ok(Sessions::Local(local)),
        }
    }

    /// This desk's sessions folder (the only store in `Local`).
    pub fn local(&self) -> &SessionStore {
        match self {
            Sessions::Local(local) | Sessions::Offline(local) => local,
            Sessions::Office(office) => &office.local,
        }
    }

    /// Whether the office's server did not answer (only this desk's copies are here).
    pub fn is_offline(&self) -> bool {
        matches!(self, Sessions::Offline(_))
    }

    /// Connected to the office's server: its deletion marks applied to this desk's copies (as the app
    /// does when it connects), what that removed. Nothing to do in `Local` or offline.
    pub fn apply_marks(&mut self) -> Result<super::marks::Applied, StoreError> {
        match self {
            Sessions::Office(office) => super::marks::apply(&office.local, &mut office.server),
            Sessions::Local(_) | Sessions::Offline(_) => Ok(super::marks::Applied::default()),
        }
    }

    pub fn list(&mut self) -> Result<Vec<Listed>, StoreError> {
        match self {
            Sessions::Local(local) | Sessions::Offline(local) => local.list(),
            Sessions::Office(office) => list(&office.local, &mut office.server),
        }
    }

    /// The session as last saved or journaled: in `Office`, this desk's copy when it holds edits not yet
    /// on the server, else the row.
    pub fn load(&mut self, id: &str) -> Result<Session, StoreError> {
        match self {
            Sessions::Local(local) | Sessions::Offline(local) => local.load(id),
            Sessions::Office(office) => office.load(id),
        }
    }

    /// Saves here, then (in `Office`) on the server. Offline, here only: a copy this desk sends later.
    pub fn save(&mut self, session: &Session) -> Result<(), StoreError> {
        match self {
            Sessions::Local(local) | Sessions::Offline(local) => local.save(session),
            Sessions::Office(office) => office.save(session),
        }
    }

    /// Deletes the session and the exports it recorded: this desk's files, then (in `Office`) the row.
    pub fn erase(&mut self, id: &str) -> Result<Erased, StoreError> {
        match self {
            Sessions::Local(local) => session::erase(local, id),
            Sessions::Office(office) => office.erase(id),
            Sessions::Offline(_) => Err(offline()),
        }
    }

    /// In `Office`, session `id`'s office-wide lock, held until the hold is dropped: refused with
    /// `StoreError::OpenElsewhere` while another desk has the session open. `None` in `Local`.
    pub fn hold(&mut self, id: &str) -> Result<Option<SessionHold>, StoreError> {
        match self {
            Sessions::Local(_) | Sessions::Offline(_) => Ok(None),
            Sessions::Office(office) => office.hold(id),
        }
    }

    /// Retention: in `Office`, the server's one statement for this office, then this desk's folder.
    pub fn purge(&mut self, days: u32, now: Timestamp) -> Result<Purged, StoreError> {
        match self {
            Sessions::Local(local) => session::purge(local, days, now),
            Sessions::Office(office) => office.purge(days, now),
            Sessions::Offline(_) => Err(offline()),
        }
    }
}

/// What offline refuses with: the whole office is needed, and only this desk's copies are here.
fn offline() -> StoreError {
    StoreError::Unreachable { message: "offline".into() }
}

impl Office {
    pub fn load(&mut self, id: &str) -> Result<Session, StoreError> {
        load(&self.local, &mut self.server, id)
    }

    pub fn save(&mut self, session: &Session) -> Result<(), StoreError> {
        self.local.save(session)?;
        self.server.save(session)
    }

    /// Deletes the session while holding its office-wide lock (refused while it is open at another desk);
    /// the lock's release then removes its `rumbo.session_holders` row.
    pub fn erase(&mut self, id: &str) -> Result<Erased, StoreError> {
        let hold = self.hold(id)?;
        let erased = erase(&self.local, &mut self.server, id);
        drop(hold);
        erased
    }

    /// Session `id`'s office-wide lock, on a lock connection of this command's own (`None` without `url`).
    pub fn hold(&mut self, id: &str) -> Result<Option<SessionHold>, StoreError> {
        let Some(url) = &self.url else { return Ok(None) };
        let locks = desk_locks(url, self.server.office_id(), self.server.desk())?;
        match locks.take(id).map_err(|e| StoreError::Office { message: e.to_string() })? {
            Taken::Mine(hold) => Ok(Some(hold)),
            Taken::Elsewhere(holder) => Err(StoreError::OpenElsewhere { id: id.into(), desk: holder.desk }),
        }
    }

    pub fn purge(&mut self, days: u32, now: Timestamp) -> Result<Purged, StoreError> {
        purge(&self.local, &mut self.server, days, now)
    }
}

/// The office's sessions, and after them any of this desk's copies the server does not have: saved here
/// while sending failed (the app removes a copy once everything in it is sent).
pub fn list(local: &SessionStore, server: &mut OfficeStore) -> Result<Vec<Listed>, StoreError> {
    let mut listed = server.list()?;
    let here = local.list()?;
    let on_server: std::collections::HashSet<String> = listed.iter().map(|l| l.id().to_string()).collect();
    listed.extend(here.into_iter().filter(|l| !on_server.contains(l.id())));
    Ok(listed)
}

/// Kiosk to desk: the office's sessions with the kiosk code `code` (the row's indexed `code`), and this
/// desk's unsent copies with it.
pub fn find_code(
    local: &SessionStore,
    server: &mut OfficeStore,
    code: &str,
) -> Result<Vec<Listed>, StoreError> {
    let mut found = server.find_code(code)?;
    let on_server: std::collections::HashSet<String> = found.iter().map(|l| l.id().to_string()).collect();
    let here = local_with_code(local, code)?;
    found.extend(here.into_iter().filter(|l| !on_server.contains(l.id())));
    Ok(found)
}

/// This computer's sessions with the kiosk code `code` (`store: Local`, or an office desk's unsent copies).
pub fn local_with_code(local: &SessionStore, code: &str) -> Result<Vec<Listed>, StoreError> {
    let code = code.to_lowercase();
    Ok(local.list()?.into_iter().filter(|l| session::has_code(l.id(), &code)).collect())
}

/// The session as last saved or journaled anywhere: this desk's copy when it holds edits the server may
/// lack ([`pending_here`]), else the row.
pub fn load(local: &SessionStore, server: &mut OfficeStore, id: &str) -> Result<Session, StoreError> {
    let row = server.load(id);
    match pending_here(local, id, &row) {
        Some(here) => Ok(here),
        None => row,
    }
}

/// This desk's copy of `id` (journal replayed) when it holds what the server may lack: a journal, or a
/// file changed since it last matched the row ([`conflict::base`](super::conflict::base)); for a copy
/// with no base recorded, a file saved after the row was written. The app removes its copy once a
/// session is closed with everything sent, so a copy left here is usually one that was not.
pub fn pending_here(local: &SessionStore, id: &str, row: &Result<Session, StoreError>) -> Option<Session> {
    let here = local.load(id).ok()?;
    let journal = local.read_journal(id).ok().flatten().is_some();
    let changed = match (super::conflict::base(local, id), row) {
        (Some(base), _) => here.updated != base.updated,
        (None, Ok(row)) => here.updated > row.updated,
        (None, Err(StoreError::NotFound { .. })) => true,
        (None, Err(_)) => false,
    };
    (journal || changed).then_some(here)
}

/// Deletes the session: this desk's files and the exports recorded (in its copy, else in the row), then
/// the row. Refused while the session is open here (its lock), like [`session::erase`].
pub fn erase(local: &SessionStore, server: &mut OfficeStore, id: &str) -> Result<Erased, StoreError> {
    let had_local = local.path_of(id)?.exists();
    let row = server.load(id).ok();
    let mut erased = session::erase(local, id)?;
    if !had_local && let Some(row) = row {
        erased.exports.extend(row.exports.iter().map(remove_recorded));
    }
    server.delete_marked(id)?;
    Ok(erased)
}

/// Retention: the server's one statement for this office, this desk's copies of the rows it removed
/// (with the exports recorded), then whatever else of this desk's folder is past `days`.
pub fn purge(
    local: &SessionStore,
    server: &mut OfficeStore,
    days: u32,
    now: Timestamp,
) -> Result<Purged, StoreError> {
    let rows = server.purge(days)?;
    server.purge_marks(i32::try_from(days.max(session::MIN_DAYS)).unwrap_or(i32::MAX))?;
    let mut purged = Purged { sessions: rows.len(), exports: Vec::new() };
    for row in &rows {
        let had_local = local.path_of(&row.id)?.exists();
        match session::erase(local, &row.id) {
            Ok(erased) if had_local => purged.exports.extend(erased.exports),
            // Open here right now (locked): its copy goes at a later start; the row's exports go now.
            _ => purged.exports.extend(row.exports.iter().map(remove_recorded)),
        }
    }
    let here = session::purge(local, days, now)?;
    purged.exports.extend(here.exports);
    Ok(purged)
}
