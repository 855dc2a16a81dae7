//! One writer per session: an advisory lock on `<id>.lock`, held for as long as the [`SessionLock`]
//! lives. A second rumbo (or a second handle in this one) finds it taken and opens the session
//! read-only. The OS drops the lock when the process dies, so a crash never leaves a session stuck.
//!
//! The lock file itself is left in place when the lock is released: removing it would let two
//! processes lock two different files of the same name. `SessionStore::delete` removes it.

use super::disk::Disk;
use super::error::StoreError;
use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub struct SessionLock {
    id: String,
    path: PathBuf,
    /// Closing the handle releases the lock; nothing else needs doing on drop.
    _file: File,
}

impl SessionLock {
    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Takes the lock at `path`, waiting at most about 50 ms for it.
///
/// A lock released an instant ago can still look taken for a few milliseconds: a process forked meanwhile
/// by this one (a test harness spawning programs on another thread) shares the open lock file until it
/// execs. So a taken lock is tried again a few times, 10 ms apart, before it counts as held elsewhere
/// — seen as a rare "open in another rumbo" right after leaving a session, in the full test suite.
pub(super) fn acquire(id: &str, path: PathBuf, disk: &dyn Disk) -> Result<SessionLock, StoreError> {
    let file = disk.open_lock(&path).map_err(|e| StoreError::io(&path, e))?;
    let mut tries = 0;
    loop {
        match try_lock(id, &path, &file) {
            Err(StoreError::Locked { .. }) if tries < LOCK_RETRIES => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Err(e) => return Err(e),
            Ok(()) => return Ok(SessionLock { id: id.to_string(), path, _file: file }),
        }
    }
}

/// How many more times a taken lock is tried (see [`acquire`]).
const LOCK_RETRIES: u32 = 5;

/// Whether someone holds the lock at `path`. Probing takes the lock for an instant, so a rumbo
/// locking at that very moment could be told "in use"; the UI's answer to that (open read-only) is
/// harmless.
pub(super) fn is_locked(id: &str, path: &Path) -> Result<bool, StoreError> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(StoreError::io(path, e)),
    };
    match try_lock(id, path, &file) {
        Ok(()) => Ok(false),
        Err(StoreError::Locked { .. }) => Ok(true),
        Err(e) => Err(e),
    }
}

fn try_lock(id: &str, path: &Path, file: &File) -> Result<(), StoreError> {
    match file.try_lock() {
        Ok(()) => Ok(()),
        Err(TryLockError::WouldBlock) => Err(StoreError::Locked { id: id.to_string() }),
        Err(TryLockError::Error(e)) => Err(StoreError::io(path, e)),
    }
}
