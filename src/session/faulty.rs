//! A [`Disk`] for tests that wraps a real one and only injects faults: the chosen operations fail (a
//! full disk, a read-only folder…), a crash is stood in for by refusing everything after a given
//! operation, an append can be torn half-way. Everything it lets through happens on the real folder,
//! so what a test then finds on disk is what rumbo would find. It counts what was asked of it.
//!
//! Public (not `cfg(test)`) so the integration tests in `tests/it` can build a store and a `Runner` on it.

use super::disk::{Disk, RealDisk};
use std::collections::HashMap;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

/// The operations of [`Disk`], to choose which ones fail and to count them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DiskOp {
    WriteAtomic,
    Append,
    Read,
    Remove,
    SyncDir,
    CreateDir,
    OpenLock,
}

impl DiskOp {
    /// The operations that need free space: what a full disk refuses.
    pub const WRITES: &[DiskOp] = &[DiskOp::WriteAtomic, DiskOp::Append];
    /// Every operation that changes the folder: what a read-only folder refuses.
    pub const MUTATING: &[DiskOp] = &[
        DiskOp::WriteAtomic,
        DiskOp::Append,
        DiskOp::Remove,
        DiskOp::SyncDir,
        DiskOp::CreateDir,
        DiskOp::OpenLock,
    ];
}

/// The error an injected fault returns: real OS errors where there are such, so messages read as
/// they would on a real full or read-only disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// ENOSPC, "No space left on device" (`ErrorKind::StorageFull`).
    NoSpace,
    /// EROFS, "Read-only file system".
    ReadOnly,
    /// EACCES, "Permission denied".
    PermissionDenied,
    /// Any other I/O error.
    Other,
}

impl Fault {
    pub fn error(self) -> io::Error {
        #[cfg(unix)]
        let raw = match self {
            Fault::NoSpace => Some(28),
            Fault::ReadOnly => Some(30),
            Fault::PermissionDenied => Some(13),
            Fault::Other => None,
        };
        #[cfg(not(unix))]
        let raw: Option<i32> = None;
        match (raw, self) {
            (Some(code), _) => io::Error::from_raw_os_error(code),
            (None, Fault::NoSpace) => io::Error::from(io::ErrorKind::StorageFull),
            (None, Fault::ReadOnly) => io::Error::from(io::ErrorKind::ReadOnlyFilesystem),
            (None, Fault::PermissionDenied) => io::Error::from(io::ErrorKind::PermissionDenied),
            (None, Fault::Other) => io::Error::other("injected fault"),
        }
    }
}

/// One operation asked of the disk, as [`FaultyDisk::log`] reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Logged {
    pub op: DiskOp,
    pub path: PathBuf,
    /// Whether it went through to the real disk (a torn append counts as failed).
    pub ok: bool,
}

#[derive(Debug)]
struct Rule {
    ops: Vec<DiskOp>,
    fault: Fault,
    /// How many more times it fires; `None` until cleared.
    remaining: Option<usize>,
}

#[derive(Debug, Default)]
struct State {
    rules: Vec<Rule>,
    /// After this many more changing operations go through, every further one fails (a crash).
    stop_after: Option<usize>,
    /// The next append writes only this many bytes, then fails.
    tear_next_append: Option<usize>,
    attempts: HashMap<DiskOp, usize>,
    log: Vec<Logged>,
}

#[derive(Debug)]
pub struct FaultyDisk {
    inner: Arc<dyn Disk>,
    state: Mutex<State>,
}

impl Default for FaultyDisk {
    fn default() -> Self {
        FaultyDisk::new()
    }
}

impl FaultyDisk {
    /// Wraps the real file system.
    pub fn new() -> FaultyDisk {
        FaultyDisk::wrap(Arc::new(RealDisk))
    }

    pub fn wrap(inner: Arc<dyn Disk>) -> FaultyDisk {
        FaultyDisk { inner, state: Mutex::new(State::default()) }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // A test that panicked while holding it has already failed; the counts are still good.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// `ops` fail with `fault` until [`clear`](Self::clear).
    pub fn fail(&self, ops: &[DiskOp], fault: Fault) {
        self.state().rules.push(Rule { ops: ops.to_vec(), fault, remaining: None });
    }

    /// The next `times` of `ops` fail with `fault`; later ones go through again.
    pub fn fail_next(&self, ops: &[DiskOp], fault: Fault, times: usize) {
        self.state().rules.push(Rule { ops: ops.to_vec(), fault, remaining: Some(times) });
    }

    /// A full disk: whole-file writes and appends fail with ENOSPC until cleared.
    pub fn fill(&self) {
        self.fail(DiskOp::WRITES, Fault::NoSpace);
    }

    /// Only appends fail (the journal), until cleared.
    pub fn fail_appends(&self, fault: Fault) {
        self.fail(&[DiskOp::Append], fault);
    }

    /// Stands in for a crash: after `n` more changing operations go through, every further one fails
    /// (with [`Fault::Other`]) until cleared, so the folder stays as the process left it at that point.
    pub fn stop_after(&self, n: usize) {
        self.state().stop_after = Some(n);
    }

    /// The next append writes only its first `keep` bytes and fails: a kill in the middle of a write.
    pub fn tear_next_append(&self, keep: usize) {
        self.state().tear_next_append = Some(keep);
    }

    /// Every fault removed: the disk behaves as the real one again. Counts and log are kept.
    pub fn clear(&self) {
        let mut state = self.state();
        state.rules.clear();
        state.stop_after = None;
        state.tear_next_append = None;
    }

    /// How many times `op` was asked for, failed or not.
    pub fn attempts(&self, op: DiskOp) -> usize {
        self.state().attempts.get(&op).copied().unwrap_or(0)
    }

    /// How many times `op` went through to the real disk.
    pub fn done(&self, op: DiskOp) -> usize {
        self.state().log.iter().filter(|l| l.op == op && l.ok).count()
    }

    /// Every operation asked for, in order.
    pub fn log(&self) -> Vec<Logged> {
        self.state().log.clone()
    }

    /// Decides whether `op` on `path` fails; counts it either way.
    fn check(&self, op: DiskOp, path: &Path) -> Result<(), io::Error> {
        let mut state = self.state();
        *state.attempts.entry(op).or_default() += 1;
        let mut fault = None;
        for rule in &mut state.rules {
            if rule.ops.contains(&op) && rule.remaining != Some(0) {
                if let Some(n) = &mut rule.remaining {
                    *n -= 1;
                }
                fault = Some(rule.fault);
                break;
            }
        }
        if fault.is_none() && op != DiskOp::Read {
            match &mut state.stop_after {
                Some(0) => fault = Some(Fault::Other),
                Some(n) => *n -= 1,
                None => {}
            }
        }
        state.log.push(Logged { op, path: path.to_path_buf(), ok: fault.is_none() });
        fault.map_or(Ok(()), |f| Err(f.error()))
    }

    fn record_failure(&self) {
        if let Some(last) = self.state().log.last_mut() {
            last.ok = false;
        }
    }

    /// Runs the real operation after `check`; a real failure is logged as one too.
    fn pass<T>(&self, op: DiskOp, path: &Path, real: impl FnOnce() -> io::Result<T>) -> io::Result<T> {
        self.check(op, path)?;
        real().inspect_err(|_| self.record_failure())
    }
}

impl Disk for FaultyDisk {
    fn write_atomic(
        &self,
        path: &Path,
        bytes: &[u8],
        before_commit: &mut dyn FnMut() -> io::Result<()>,
    ) -> io::Result<()> {
        self.pass(DiskOp::WriteAtomic, path, || self.inner.write_atomic(path, bytes, before_commit))
    }

    fn append(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        self.check(DiskOp::Append, path)?;
        let torn = self.state().tear_next_append.take();
        if let Some(keep) = torn {
            let keep = keep.min(bytes.len());
            self.record_failure();
            self.inner.append(path, &bytes[..keep])?;
            return Err(Fault::Other.error());
        }
        self.inner.append(path, bytes).inspect_err(|_| self.record_failure())
    }

    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        self.pass(DiskOp::Read, path, || self.inner.read(path))
    }

    fn remove(&self, path: &Path) -> io::Result<()> {
        self.pass(DiskOp::Remove, path, || self.inner.remove(path))
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        self.pass(DiskOp::SyncDir, dir, || self.inner.sync_dir(dir))
    }

    fn create_dir(&self, dir: &Path) -> io::Result<()> {
        self.pass(DiskOp::CreateDir, dir, || self.inner.create_dir(dir))
    }

    fn open_lock(&self, path: &Path) -> io::Result<File> {
        self.pass(DiskOp::OpenLock, path, || self.inner.open_lock(path))
    }
}
