//! The store's side of the journal: `<id>.journal` beside the session file, appended to and read as
//! bytes. What the bytes say, and how they are replayed, is [`journal`](crate::session::journal)'s.

use super::SessionStore;
use crate::session::error::StoreError;
use crate::session::journal::{self, Replayed};
use crate::session::model::Session;
use std::io;
use std::path::PathBuf;

impl SessionStore {
    /// `<id>.journal`: the edits since the file was last written (see [`journal`](crate::session::journal)).
    pub fn journal_path(&self, id: &str) -> Result<PathBuf, StoreError> {
        self.path_of(id).map(|p| p.with_extension("journal"))
    }

    /// Adds `bytes` (whole journal lines) at the end of the session's journal, creating it 0600. Not
    /// fsync'd: written into the kernel, it survives the process being killed.
    pub fn append_journal(&self, id: &str, bytes: &[u8]) -> Result<(), StoreError> {
        let path = self.journal_path(id)?;
        self.disk.append(&path, bytes).map_err(|e| StoreError::io(&path, e))
    }

    /// The session's journal, if it has one.
    pub fn read_journal(&self, id: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let path = self.journal_path(id)?;
        match self.disk.read(&path) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(StoreError::io(&path, e)),
        }
    }

    /// Removes the session's journal (not an error when there is none).
    pub fn remove_journal(&self, id: &str) -> Result<(), StoreError> {
        self.remove_if_exists(&self.journal_path(id)?).map(drop)
    }

    /// [`load`](Self::load), saying what the journal did.
    pub fn load_replayed(&self, id: &str) -> Result<(Session, Replayed), StoreError> {
        let mut session = self.load_file(id)?;
        let replayed = match self.read_journal(id) {
            Ok(Some(bytes)) => journal::replay(&mut session, &bytes),
            Ok(None) | Err(_) => Replayed::Nothing,
        };
        Ok((session, replayed))
    }
}
