//! Saving elsewhere when the data folder cannot take the sessions: the removable drives a copy can go
//! to, and the copies themselves — each the session file exactly as the store writes it, so
//! `rumbo sessions import` brings it back.

use crate::app::Failure;
use crate::session::{Session, to_text};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Mounted removable drives: `/media/*` and `/run/media/*/*` (each user's mounts, as udisks makes them)
/// on Unix, the drive letters other than the system's on Windows. Sorted; none is not an error.
pub fn removable_drives() -> Vec<PathBuf> {
    let mut drives = Vec::new();
    #[cfg(unix)]
    {
        drives.extend(subfolders(Path::new("/media")));
        for user in subfolders(Path::new("/run/media")) {
            drives.extend(subfolders(&user));
        }
        // `/media/<user>/<label>` (Ubuntu): a folder under /media holding the drives, not one itself.
        drives = drives
            .into_iter()
            .flat_map(|d| {
                let inner = subfolders(&d);
                if is_mount_point(&d) || inner.is_empty() { vec![d] } else { inner }
            })
            .collect();
    }
    #[cfg(windows)]
    {
        let system = std::env::var("SystemDrive").unwrap_or_else(|_| "C:".into()).to_uppercase();
        for letter in 'A'..='Z' {
            let root = format!("{letter}:\\");
            if !system.starts_with(letter) && Path::new(&root).is_dir() {
                drives.push(PathBuf::from(root));
            }
        }
    }
    drives.sort();
    drives
}

fn subfolders(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    let mut found: Vec<PathBuf> =
        entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_dir()).collect();
    found.sort();
    found
}

/// A folder on another device than its parent: a drive mounted there.
#[cfg(unix)]
fn is_mount_point(dir: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let dev = |p: &Path| fs::metadata(p).map(|m| m.dev()).ok();
    match (dev(dir), dir.parent().and_then(dev)) {
        (Some(a), Some(b)) => a != b,
        _ => false,
    }
}

/// Writes each session into `dir` as `<id>.ron` (`<id>-2.ron`… when a different file has that name;
/// never over one), private and synced. Returns each id with its file.
pub fn write_copies(dir: &Path, sessions: &[Session]) -> Result<Vec<(String, PathBuf)>, Failure> {
    let mut written = Vec::new();
    for session in sessions {
        let text = to_text(session).map_err(|e| Failure::CopyText(e.to_string()))?;
        let path = write_new(dir, &session.id, &text)
            .map_err(|e| Failure::Copies { dir: dir.to_path_buf(), error: std::sync::Arc::new(e) })?;
        written.push((session.id.clone(), path));
    }
    Ok(written)
}

fn write_new(dir: &Path, id: &str, text: &str) -> io::Result<PathBuf> {
    for n in 1..1000 {
        let name = if n == 1 { format!("{id}.ron") } else { format!("{id}-{n}.ron") };
        let path = dir.join(name);
        // The same text is already there (a second copy of the same thing): nothing to write.
        if fs::read(&path).is_ok_and(|old| old == text.as_bytes()) {
            return Ok(path);
        }
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = match options.open(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        };
        let done = file.write_all(text.as_bytes()).and_then(|()| file.sync_all());
        if let Err(e) = done {
            // A half-written copy would look like a damaged session: better none.
            let _ = fs::remove_file(&path);
            return Err(e);
        }
        return Ok(path);
    }
    Err(io::Error::new(io::ErrorKind::AlreadyExists, format!("{id}.ron")))
}
