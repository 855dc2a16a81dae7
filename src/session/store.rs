//! Sessions on disk: `<data dir>/sessions/<id>.ron`, one file per session, readable only by the user.
//!
//! Writes are atomic (temporary file in the same folder, fsync, rename, fsync of the folder), so a
//! crash or a full disk leaves the previous file whole. A file that does not parse is reported with
//! its line and column and never written over: it may be the only copy of someone's session.

use super::disk::{Disk, RealDisk};
use super::error::StoreError;
use super::id::is_valid_id;
use super::lock::{self, SessionLock};
use super::model::Session;
use jiff::Timestamp;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::{fs, mem};

/// The journal's bytes: where they are kept, appended, read and folded.
mod journal_files;

/// One entry of [`SessionStore::list`].
#[derive(Debug)]
pub enum Listed {
    /// Boxed: a session is several times the size of the other variants.
    Ok(Box<Session>),
    /// The file does not parse; where and why, for the UI to show (and a person to fix by hand).
    Corrupt { id: String, path: PathBuf, line: usize, col: usize, message: String },
    /// The file could not be read at all (permissions, I/O error).
    Unreadable { id: String, path: PathBuf, message: String },
}

impl Listed {
    pub fn id(&self) -> &str {
        match self {
            Listed::Ok(session) => &session.id,
            Listed::Corrupt { id, .. } | Listed::Unreadable { id, .. } => id,
        }
    }
}

#[derive(Debug, Clone)]
pub struct SessionStore {
    dir: PathBuf,
    /// Every write, append and removal goes through it; reads of the folder listing do not.
    disk: Arc<dyn Disk>,
}

impl SessionStore {
    /// Opens (creating if needed) `<data_dir>/sessions`, private to the user on Unix.
    pub fn open(data_dir: &Path) -> Result<SessionStore, StoreError> {
        SessionStore::with_disk(data_dir, Arc::new(RealDisk))
    }

    /// [`open`](Self::open) writing through `disk`: tests pass a [`FaultyDisk`](super::FaultyDisk).
    pub fn with_disk(data_dir: &Path, disk: Arc<dyn Disk>) -> Result<SessionStore, StoreError> {
        let dir = data_dir.join("sessions");
        disk.create_dir(&dir).map_err(|e| StoreError::io(&dir, e))?;
        Ok(SessionStore { dir, disk })
    }

    /// The store of `<data_dir>/sessions` as it is, creating and changing nothing: for a data folder that
    /// cannot be written (see [`probe`](Self::probe)).
    pub fn at(data_dir: &Path) -> SessionStore {
        SessionStore { dir: data_dir.join("sessions"), disk: Arc::new(RealDisk) }
    }

    /// Whether a session could be written now: writes a small file (a few kilobytes, like a session)
    /// the way sessions are written, and removes it. The error's [`cause`](StoreError::cause) says why
    /// not (disk full, read-only, no permission).
    pub fn probe(&self) -> Result<(), StoreError> {
        let path = self.dir.join(format!(".probe-{}", std::process::id()));
        let written = self.disk.write_atomic(&path, &[b'\n'; 4096], &mut || Ok(()));
        written.map_err(|e| StoreError::io(&path, e))?;
        self.disk.remove(&path).map_err(|e| StoreError::io(&path, e))
    }

    /// The sessions folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// What the store writes through, for writes that belong with the session's (a copy elsewhere).
    pub fn disk(&self) -> &Arc<dyn Disk> {
        &self.disk
    }

    /// The file of session `id`; refuses ids that could name anything outside the folder.
    pub fn path_of(&self, id: &str) -> Result<PathBuf, StoreError> {
        if !is_valid_id(id) {
            return Err(StoreError::InvalidId { id: id.to_string() });
        }
        Ok(self.dir.join(format!("{id}.ron")))
    }

    fn lock_path(&self, id: &str) -> Result<PathBuf, StoreError> {
        self.path_of(id).map(|p| p.with_extension("lock"))
    }

    /// Writes the session atomically with mode 0600, then removes its journal: the session saved holds
    /// every edit the journal had (it was loaded with them, and changed since). The caller is expected to
    /// hold its [`SessionLock`]. A journal that cannot be removed fails the save, so it is tried again.
    pub fn save(&self, session: &Session) -> Result<(), StoreError> {
        self.save_with(session, || Ok(()))
    }

    /// [`save`](Self::save) with `before_rename` run once the new text is written to the temporary file
    /// and before it replaces the old one. Tests use it to stand in for a crash at the worst moment; an
    /// error from it abandons the save (the temporary file is removed, the old file untouched).
    pub fn save_with(
        &self,
        session: &Session,
        before_rename: impl FnOnce() -> io::Result<()>,
    ) -> Result<(), StoreError> {
        let mut before_rename = Some(before_rename);
        let mut hook = || before_rename.take().map_or(Ok(()), |f| f());
        let id = &session.id;
        let path = self.path_of(id)?;
        if session.is_newer_format() {
            return Err(StoreError::NewerFormat { id: id.clone(), format: session.format });
        }
        self.check_replaceable(id, &path)?;
        let text = to_text(session)?;
        self.disk.write_atomic(&path, text.as_bytes(), &mut hook).map_err(|e| StoreError::io(&path, e))?;
        self.remove_journal(id)
    }

    /// Refuses to replace a file that is corrupt (it may be recoverable) or from a newer rumbo.
    fn check_replaceable(&self, id: &str, path: &Path) -> Result<(), StoreError> {
        let bytes = match self.disk.read(path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(StoreError::io(path, e)),
        };
        let existing = parse(id, path, &bytes)?;
        if existing.is_newer_format() {
            return Err(StoreError::NewerFormat { id: id.to_string(), format: existing.format });
        }
        Ok(())
    }

    /// Reads a session as last saved or journaled: the file with its journal replayed (a journal that
    /// cannot be read counts as none; the file alone is still the session as last fully saved).
    pub fn load(&self, id: &str) -> Result<Session, StoreError> {
        self.load_replayed(id).map(|(session, _)| session)
    }

    /// Reads the session file alone, without its journal. Its texts are cleaned of control and bidi
    /// characters; the file is not touched. The file's name is authoritative for the id, so a saved
    /// copy goes back to the same file.
    pub fn load_file(&self, id: &str) -> Result<Session, StoreError> {
        let path = self.path_of(id)?;
        let bytes = match self.disk.read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(StoreError::NotFound { id: id.to_string() });
            }
            Err(e) => return Err(StoreError::io(&path, e)),
        };
        let mut session = parse(id, &path, &bytes)?;
        session.id = id.to_string();
        session.sanitize_loaded();
        Ok(session)
    }

    /// Every session file, most recently updated first; corrupt and unreadable ones after them, by id.
    /// Temporary files of interrupted saves, lock files and anything else in the folder are ignored.
    pub fn list(&self) -> Result<Vec<Listed>, StoreError> {
        let entries = fs::read_dir(&self.dir).map_err(|e| StoreError::io(&self.dir, e))?;
        let mut listed = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| StoreError::io(&self.dir, e))?;
            let name = entry.file_name();
            let Some(id) = name.to_str().and_then(|n| n.strip_suffix(".ron")).filter(|id| is_valid_id(id))
            else {
                continue;
            };
            if !entry.file_type().is_ok_and(|t| t.is_file()) {
                continue;
            }
            listed.push(match self.load(id) {
                Ok(session) => Listed::Ok(Box::new(session)),
                // Deleted between read_dir and read: not a session any more.
                Err(StoreError::NotFound { .. }) => continue,
                Err(StoreError::Corrupt { id, path, line, col, message }) => {
                    Listed::Corrupt { id, path, line, col, message }
                }
                Err(e) => {
                    Listed::Unreadable { id: id.to_string(), path: entry.path(), message: e.to_string() }
                }
            });
        }
        listed.sort_by(|a, b| match (a, b) {
            (Listed::Ok(a), Listed::Ok(b)) => b.updated.cmp(&a.updated).then_with(|| a.id.cmp(&b.id)),
            (Listed::Ok(_), _) => std::cmp::Ordering::Less,
            (_, Listed::Ok(_)) => std::cmp::Ordering::Greater,
            _ => a.id().cmp(b.id()),
        });
        Ok(listed)
    }

    /// Takes the session's lock without waiting; `StoreError::Locked` when another holder has it.
    pub fn lock(&self, id: &str) -> Result<SessionLock, StoreError> {
        lock::acquire(id, self.lock_path(id)?, self.disk.as_ref())
    }

    pub fn is_locked(&self, id: &str) -> Result<bool, StoreError> {
        lock::is_locked(id, &self.lock_path(id)?)
    }

    /// Removes the session file, any temporary files of interrupted saves of it, its journal and its
    /// lock file, so nothing of the person is left behind. Refuses while the session is locked, by
    /// anyone — a caller holding the lock itself drops it first. Deleting a session that is not there
    /// is not an error.
    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        self.delete_reporting(id).map(drop)
    }

    /// [`delete`](Self::delete), returning the files it removed.
    pub fn delete_reporting(&self, id: &str) -> Result<Vec<PathBuf>, StoreError> {
        let lock = self.lock(id)?;
        self.delete_locked(lock)
    }

    /// [`delete_reporting`](Self::delete_reporting) of the session whose lock the caller holds (and gives
    /// up: it is released before its file goes).
    pub fn delete_locked(&self, lock: SessionLock) -> Result<Vec<PathBuf>, StoreError> {
        let id = &lock.id().to_string();
        let path = self.path_of(id)?;
        let lock_path = self.lock_path(id)?;
        let mut removed = Vec::new();
        let mut remove = |path: &Path| -> Result<(), StoreError> {
            if self.remove_if_exists(path)? {
                removed.push(path.to_path_buf());
            }
            Ok(())
        };
        remove(&path)?;
        // Office mode: the revision of the office's row this copy was based on (office::conflict).
        remove(&path.with_extension("base"))?;
        // The journal of edits not yet folded into the file.
        remove(&self.journal_path(id)?)?;
        let temp_prefix = format!(".{id}.ron.");
        let entries = fs::read_dir(&self.dir).map_err(|e| StoreError::io(&self.dir, e))?;
        for entry in entries.filter_map(Result::ok) {
            if entry.file_name().to_str().is_some_and(|n| n.starts_with(&temp_prefix)) {
                remove(&entry.path())?;
            }
        }
        mem::drop(lock);
        remove(&lock_path)?;
        self.disk.sync_dir(&self.dir).map_err(|e| StoreError::io(&self.dir, e))?;
        Ok(removed)
    }

    /// Whether there was a file to remove.
    fn remove_if_exists(&self, path: &Path) -> Result<bool, StoreError> {
        match self.disk.remove(path) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(StoreError::io(path, e)),
        }
    }
}

/// The text of a session file (RON, with struct names, as every session file is written).
pub fn to_text(session: &Session) -> Result<String, StoreError> {
    let config = ron::ser::PrettyConfig::new().struct_names(true);
    ron::ser::to_string_pretty(session, config)
        .map_err(|e| StoreError::Serialize { id: session.id.clone(), message: e.to_string() })
}

/// Parses a session file; a syntax or shape error becomes `Corrupt` with ron's position.
pub fn parse(id: &str, path: &Path, bytes: &[u8]) -> Result<Session, StoreError> {
    ron::Options::default().from_bytes::<Session>(bytes).map_err(|e| StoreError::Corrupt {
        id: id.to_string(),
        path: path.to_path_buf(),
        line: e.span.start.line,
        col: e.span.start.col,
        message: e.code.to_string(),
    })
}

/// When the file was last written, if it can be told.
pub(super) fn modified(path: &Path) -> Option<Timestamp> {
    let time = fs::metadata(path).and_then(|m| m.modified()).ok()?;
    Timestamp::try_from(time).ok()
}
