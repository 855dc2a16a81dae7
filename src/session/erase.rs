//! The right to deletion and retention: a session goes with every copy rumbo made of it — its file,
//! journal, lock, temporary files and each export it recorded — and retention removes only what
//! sessions recorded, never other files that happen to sit in a shared export folder.

use super::error::StoreError;
use super::exported::{Removal, remove_recorded};
use super::store::{Listed, SessionStore, modified};
use crate::i18n::{Lang, fill};
use crate::text::sanitize_line;
use jiff::{SignedDuration, Timestamp};
use std::path::PathBuf;

/// The shortest retention there is: a session changed in the last day is never purged, whatever the
/// setting (a mistyped `retention_days` must not wipe the day's work).
pub const MIN_DAYS: u32 = 1;
/// The longest: ten years.
pub const MAX_DAYS: u32 = 3650;

/// What deleting one session removed, and what of it could not be.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Erased {
    /// The session's own files (session, journal, temporary files, lock) that were there.
    pub files: Vec<PathBuf>,
    /// Each export the session recorded (and any left in rumbo's own export folder by older versions).
    pub exports: Vec<Removal>,
}

impl Erased {
    /// One line per file removed, then one per recorded export that was missing, had changed or could
    /// not be removed, by name.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let mut lines: Vec<String> =
            self.removed().map(|path| line(lang, &Removal::Removed(path.clone()))).collect();
        lines.extend(self.problems(lang));
        lines
    }

    /// The lines of exports that are still there or could not be found.
    pub fn problems(&self, lang: Lang) -> Vec<String> {
        self.exports.iter().filter(|r| !matches!(r, Removal::Removed(_))).map(|r| line(lang, r)).collect()
    }

    /// Every file removed, session files first.
    pub fn removed(&self) -> impl Iterator<Item = &PathBuf> {
        self.files.iter().chain(self.exports.iter().filter_map(|r| match r {
            Removal::Removed(path) => Some(path),
            _ => None,
        }))
    }
}

/// Deletes session `id` and every copy rumbo recorded of it. Refuses while the session is open
/// (locked), like [`SessionStore::delete`]. A corrupt file still goes; its exports cannot be known.
pub fn erase(store: &SessionStore, id: &str) -> Result<Erased, StoreError> {
    let lock = store.lock(id)?;
    let records = store.load(id).map(|s| s.exports).unwrap_or_default();
    let mut exports: Vec<Removal> = records.iter().map(remove_recorded).collect();
    // Exports written by rumbo versions that did not record them, in rumbo's own fallback folder
    // (`<data>/exports`, never shared): matched by the short id in their name.
    if let Some(dir) = store.dir().parent().map(|data| data.join("exports")) {
        exports.extend(legacy_exports(&dir, id));
    }
    drop(lock);
    let files = store.delete_reporting(id)?;
    Ok(Erased { files, exports })
}

fn line(lang: Lang, removal: &Removal) -> String {
    let s = lang.strings();
    // A path comes from a file a person could edit: shown without control or bidi characters.
    let shown = |path: &std::path::Path| sanitize_line(&path.display().to_string());
    match removal {
        Removal::Removed(path) => fill(s.erased_file, &[("path", &shown(path))]),
        Removal::Missing(path) => fill(s.erased_missing, &[("path", &shown(path))]),
        Removal::Changed(path) => fill(s.erased_changed, &[("path", &shown(path))]),
        Removal::Failed { path, detail } => {
            fill(s.erased_failed, &[("path", &shown(path)), ("detail", detail)])
        }
    }
}

fn legacy_exports(dir: &std::path::Path, id: &str) -> Vec<Removal> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    entries
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_str().is_some_and(|name| crate::export::naming::is_export_of(name, id)))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| match std::fs::remove_file(e.path()) {
            Ok(()) => Removal::Removed(e.path()),
            Err(err) => Removal::Failed { path: e.path(), detail: err.to_string() },
        })
        .collect()
}

/// What a retention purge did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Purged {
    pub sessions: usize,
    pub exports: Vec<Removal>,
}

impl Purged {
    pub fn exports_removed(&self) -> usize {
        self.exports.iter().filter(|r| matches!(r, Removal::Removed(_))).count()
    }
}

/// Deletes every session not changed in the last `days` days, with its recorded exports. "Changed" is
/// the latest of the session's `updated`, its file's and its journal's modification times, so a file
/// just brought back (imported, restored) is not taken for an old one. `days` below [`MIN_DAYS`] counts
/// as [`MIN_DAYS`]. Sessions in use are left for a later run.
pub fn purge(store: &SessionStore, days: u32, now: Timestamp) -> Result<Purged, StoreError> {
    let hours = i64::from(days.max(MIN_DAYS)) * 24;
    let Ok(cutoff) = now.checked_sub(SignedDuration::from_hours(hours)) else {
        return Ok(Purged::default());
    };
    let mut purged = Purged::default();
    for listed in store.list()? {
        let id = listed.id().to_string();
        let file = store.path_of(&id)?;
        let written = [modified(&file), modified(&file.with_extension("journal"))];
        let updated = match &listed {
            Listed::Ok(session) => Some(session.updated),
            Listed::Corrupt { .. } | Listed::Unreadable { .. } => None,
        };
        let changed = written.into_iter().chain([updated]).flatten().max();
        if changed.is_none_or(|when| when >= cutoff) {
            continue;
        }
        match erase(store, &id) {
            Ok(erased) => {
                purged.sessions += 1;
                purged.exports.extend(erased.exports);
            }
            Err(StoreError::Locked { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(purged)
}
