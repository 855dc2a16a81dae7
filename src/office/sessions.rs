//! The sessions a command or the app works on, wherever config.ron's `store:` keeps them.
//!
//! `Local`: this computer's files, exactly as before office mode. `Office`: the office's server holds every
//! session; this desk's sessions folder keeps what is being worked on here — the journal of every change
//! and the file it folds into — and each write goes there first, then to the server. So a local copy with
//! a journal, or written after the row, holds edits the server has not seen yet, and wins on reading.

use super::store::OfficeStore;
use crate::config::Config;
use crate::session::{self, Erased, Listed, Purged, Session, SessionStore, StoreError, remove_recorded};
use jiff::Timestamp;
use std::path::Path;

pub enum Sessions {
    Local(SessionStore),
    Office(Box<Office>),
}

/// The office's server and this desk's sessions folder (journal, pending copies).
pub struct Office {
    pub local: SessionStore,
    pub server: OfficeStore,
}

impl Sessions {
    /// The store config.ron names, with `<data_dir>/sessions` for the local side; connects to the server
    /// (and checks its schema) for `store: Postgres`.
    pub fn open(config: &Config, data_dir: &Path) -> Result<Sessions, StoreError> {
        let local = SessionStore::open(data_dir)?;
        match (&config.store, &config.office.id) {
            (super::Store::Postgres { url }, Some(office_id)) => {
                let server = OfficeStore::connect(url, office_id, &config.desk_name())?;
                Ok(Sessions::Office(Box::new(Office { local, server })))
            }
            // Config::load refuses Postgres without office.id; nothing else reaches here.
            _ => Ok(Sessions::Local(local)),
        }
    }

    /// This desk's sessions folder (the only store in `Local`).
    pub fn local(&self) -> &SessionStore {
        match self {
            Sessions::Local(local) => local,
            Sessions::Office(office) => &office.local,
        }
    }

    pub fn list(&mut self) -> Result<Vec<Listed>, StoreError> {
        match self {
            Sessions::Local(local) => local.list(),
            Sessions::Office(office) => office.server.list(),
        }
    }

    /// The session as last saved or journaled: in `Office`, this desk's copy when it holds edits not yet
    /// on the server, else the row.
    pub fn load(&mut self, id: &str) -> Result<Session, StoreError> {
        match self {
            Sessions::Local(local) => local.load(id),
            Sessions::Office(office) => office.load(id),
        }
    }

    /// Saves here, then (in `Office`) on the server.
    pub fn save(&mut self, session: &Session) -> Result<(), StoreError> {
        match self {
            Sessions::Local(local) => local.save(session),
            Sessions::Office(office) => office.save(session),
        }
    }

    /// Deletes the session and the exports it recorded: this desk's files, then (in `Office`) the row.
    pub fn erase(&mut self, id: &str) -> Result<Erased, StoreError> {
        match self {
            Sessions::Local(local) => session::erase(local, id),
            Sessions::Office(office) => office.erase(id),
        }
    }

    /// Retention: in `Office`, the server's one statement for this office, then this desk's folder.
    pub fn purge(&mut self, days: u32, now: Timestamp) -> Result<Purged, StoreError> {
        match self {
            Sessions::Local(local) => session::purge(local, days, now),
            Sessions::Office(office) => office.purge(days, now),
        }
    }
}

impl Office {
    pub fn load(&mut self, id: &str) -> Result<Session, StoreError> {
        let row = self.server.load(id);
        match self.local_pending(id, &row) {
            Some(local) => Ok(local),
            None => row,
        }
    }

    /// This desk's copy of `id` when it holds what the server may lack: a journal, or a file saved after
    /// the row was (a save whose push failed).
    pub fn local_pending(&self, id: &str, row: &Result<Session, StoreError>) -> Option<Session> {
        let local = self.local.load(id).ok()?;
        let journal = self.local.read_journal(id).ok().flatten().is_some();
        let newer = match row {
            Ok(row) => local.updated > row.updated,
            Err(StoreError::NotFound { .. }) => true,
            Err(_) => false,
        };
        (journal || newer).then_some(local)
    }

    pub fn save(&mut self, session: &Session) -> Result<(), StoreError> {
        self.local.save(session)?;
        self.server.save(session)
    }

    pub fn erase(&mut self, id: &str) -> Result<Erased, StoreError> {
        let had_local = self.local.path_of(id)?.exists();
        let row = self.server.load(id).ok();
        let mut erased = session::erase(&self.local, id)?;
        if !had_local && let Some(row) = row {
            erased.exports.extend(row.exports.iter().map(remove_recorded));
        }
        self.server.delete(id)?;
        Ok(erased)
    }

    pub fn purge(&mut self, days: u32, now: Timestamp) -> Result<Purged, StoreError> {
        let rows = self.server.purge(days)?;
        let mut purged = Purged { sessions: rows.len(), exports: Vec::new() };
        for row in &rows {
            // This desk's copy goes with its row (and the exports recorded in either).
            match session::erase(&self.local, &row.id) {
                Ok(erased) if !erased.files.is_empty() => purged.exports.extend(erased.exports),
                _ => purged.exports.extend(row.exports.iter().map(remove_recorded)),
            }
        }
        let local = session::purge(&self.local, days, now)?;
        purged.exports.extend(local.exports);
        Ok(purged)
    }
}
