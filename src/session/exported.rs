//! The files rumbo exported from a session, recorded in it so that deleting the session (by hand or
//! by retention) can remove each one — and only those: never a file someone else put in a shared
//! folder, nor one changed since rumbo wrote it (it is no longer rumbo's copy).

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// One exported file: where, and enough to tell whether it is still what rumbo wrote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportRecord {
    pub path: PathBuf,
    pub size: u64,
    /// XXH3-128 of the contents, in hex: a fingerprint against accidental change, not a seal.
    pub hash: String,
}

impl ExportRecord {
    /// The record of `bytes` written to `path`.
    pub fn of(path: &Path, bytes: &[u8]) -> ExportRecord {
        ExportRecord { path: path.to_path_buf(), size: bytes.len() as u64, hash: fingerprint(bytes) }
    }
}

fn fingerprint(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

/// What became of one recorded export when its session was deleted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Removal {
    Removed(PathBuf),
    /// Gone already (handed over, moved, deleted by hand).
    Missing(PathBuf),
    /// Someone changed it after rumbo wrote it: left in place, for a person to decide.
    Changed(PathBuf),
    /// It could not be read or removed (permissions…).
    Failed {
        path: PathBuf,
        detail: String,
    },
}

/// Removes `record`'s file if it is still exactly what rumbo wrote.
pub fn remove_recorded(record: &ExportRecord) -> Removal {
    let path = record.path.clone();
    // Not following links: a link put in its place is not rumbo's file.
    match std::fs::symlink_metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Removal::Missing(path),
        Err(e) => return Removal::Failed { path, detail: e.to_string() },
        Ok(meta) if !meta.is_file() || meta.len() != record.size => return Removal::Changed(path),
        Ok(_) => {}
    }
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => return Removal::Failed { path, detail: e.to_string() },
    };
    if fingerprint(&bytes) != record.hash {
        return Removal::Changed(path);
    }
    match std::fs::remove_file(&path) {
        Ok(()) => Removal::Removed(path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Removal::Missing(path),
        Err(e) => Removal::Failed { path, detail: e.to_string() },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_only_an_unchanged_file() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("rumbo-x.md");
        std::fs::write(&path, "resumen").unwrap();
        let record = ExportRecord::of(&path, b"resumen");
        std::fs::write(&path, "resumen!").unwrap();
        assert_eq!(remove_recorded(&record), Removal::Changed(path.clone()));
        // Same size, other bytes.
        std::fs::write(&path, "RESUMEN").unwrap();
        assert_eq!(remove_recorded(&record), Removal::Changed(path.clone()));
        std::fs::write(&path, "resumen").unwrap();
        assert_eq!(remove_recorded(&record), Removal::Removed(path.clone()));
        assert!(!path.exists());
        assert_eq!(remove_recorded(&record), Removal::Missing(path));
    }
}
