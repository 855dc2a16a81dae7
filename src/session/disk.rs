//! The seam between the session store and the file system: every byte the store writes, appends or
//! removes goes through a [`Disk`]. [`RealDisk`] is the only implementation rumbo runs with; tests wrap
//! it in [`FaultyDisk`](super::FaultyDisk) to make chosen operations fail (a full disk, a read-only
//! folder, a crash at a given moment) while everything else still happens on a real folder.

use atomic_write_file::AtomicWriteFile;
use std::fmt::Debug;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// What the store asks of the file system. Paths are absolute or relative to the process; the store
/// decides them. Every file created is private to the user (0600 on Unix), every folder 0700.
pub trait Disk: Send + Sync + Debug {
    /// Replaces `path` whole with `bytes`, atomically: a temporary file in the same folder, fsync,
    /// `before_commit`, rename, fsync of the folder. An error (from the disk or from `before_commit`)
    /// leaves the previous file as it was and removes the temporary one.
    fn write_atomic(
        &self,
        path: &Path,
        bytes: &[u8],
        before_commit: &mut dyn FnMut() -> io::Result<()>,
    ) -> io::Result<()>;

    /// Appends `bytes` at the end of `path`, creating it (0600) if needed. Not fsync'd: what matters is
    /// that the bytes are in the kernel, which keeps them when the process is killed.
    fn append(&self, path: &Path, bytes: &[u8]) -> io::Result<()>;

    /// The whole file.
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;

    /// Removes a file. `NotFound` is reported as such; callers that do not care ignore it.
    fn remove(&self, path: &Path) -> io::Result<()>;

    /// Makes creations, renames and removals in `dir` durable.
    fn sync_dir(&self, dir: &Path) -> io::Result<()>;

    /// Creates `dir` and its parents if missing, and makes it private (0700) either way.
    fn create_dir(&self, dir: &Path) -> io::Result<()>;

    /// Opens (creating, 0600) the file a session lock is taken on. The lock itself is taken on the
    /// returned handle by the caller.
    fn open_lock(&self, path: &Path) -> io::Result<File>;
}

/// The file system as it is.
#[derive(Debug, Default, Clone, Copy)]
pub struct RealDisk;

impl Disk for RealDisk {
    fn write_atomic(
        &self,
        path: &Path,
        bytes: &[u8],
        before_commit: &mut dyn FnMut() -> io::Result<()>,
    ) -> io::Result<()> {
        let mut options = atomic_write_file::OpenOptions::new();
        #[cfg(unix)]
        {
            use atomic_write_file::unix::OpenOptionsExt;
            // Never copy a looser mode or another owner from the file being replaced.
            options.preserve_mode(false).try_preserve_owner(false);
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        }
        let mut file: AtomicWriteFile = options.open(path)?;
        // The creation mode is filtered by the umask; set it outright before any byte is written.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            file.set_permissions(fs::Permissions::from_mode(0o600))?;
        }
        file.write_all(bytes)?;
        file.flush()?;
        before_commit()?;
        // fsync of the file, rename over the old one, fsync of the folder.
        file.commit()
    }

    fn append(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        let mut options = OpenOptions::new();
        options.create(true).append(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        // One write call: a kill between two calls could otherwise leave half a record mid-file.
        options.open(path)?.write_all(bytes)
    }

    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        fs::read(path)
    }

    fn remove(&self, path: &Path) -> io::Result<()> {
        fs::remove_file(path)
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        // Folders cannot be opened as files on Windows.
        #[cfg(unix)]
        File::open(dir)?.sync_all()?;
        #[cfg(not(unix))]
        let _ = dir;
        Ok(())
    }

    fn create_dir(&self, dir: &Path) -> io::Result<()> {
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder.create(dir)?;
        // The folder may predate this rumbo or have been made by hand; it holds personal data either way.
        // Only the group's and others' bits go: a folder made read-only on purpose stays so (rumbo then
        // opens it read-only) rather than being made writable behind the administrator's back.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(dir)?.permissions().mode();
            if mode & 0o077 != 0 {
                fs::set_permissions(dir, fs::Permissions::from_mode(mode & 0o700))?;
            }
        }
        Ok(())
    }

    fn open_lock(&self, path: &Path) -> io::Result<File> {
        let mut options = OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        options.open(path)
    }
}
