//! "If the session changed on the server meanwhile, both versions are kept" (issue 15). Each copy of a
//! session on this desk records the row's revision it is based on (`<id>.base` beside `<id>.ron`: the
//! revision the desk fetched, or the one its last send made). A copy with edits the server lacks whose row
//! has moved past that revision was changed at two desks: the row stays the session, and this desk's
//! version becomes a new session of its own, named so ("Marta (copia de ESCRITORIO-3, 2026-12-01 10:42)"),
//! saved here and on the server. Nothing is merged, so nothing is lost or silently mixed.

use super::store::{OfficeStore, Sent};
use crate::session::{Session, SessionStore, StoreError, new_id, to_text};
use jiff::Timestamp;
use std::path::PathBuf;

fn base_path(local: &SessionStore, id: &str) -> Result<PathBuf, StoreError> {
    local.path_of(id).map(|p| p.with_extension("base"))
}

/// What this desk's copy of a session was last known to match: the row at `revision`, when the session's
/// `updated` was `updated`. A copy whose `updated` differs has been changed here since (not yet sent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Base {
    pub revision: i64,
    pub updated: Timestamp,
}

/// What this desk's copy of `id` is based on (`None`: never fetched nor sent by this rumbo).
pub fn base(local: &SessionStore, id: &str) -> Option<Base> {
    let path = base_path(local, id).ok()?;
    let text = String::from_utf8(local.disk().read(&path).ok()?).ok()?;
    let mut words = text.split_whitespace();
    let revision = words.next()?.parse().ok()?;
    let updated = words.next()?.parse().ok()?;
    Some(Base { revision, updated })
}

/// Records that this desk's copy of `session` now matches the row at `revision`.
pub fn record(local: &SessionStore, session: &Session, revision: i64) -> Result<(), StoreError> {
    let path = base_path(local, &session.id)?;
    let text = format!("{revision} {}\n", session.updated);
    local.disk().write_atomic(&path, text.as_bytes(), &mut || Ok(())).map_err(|e| StoreError::io(&path, e))
}

/// Forgets the base of `id` (its copy here is gone).
pub fn forget(local: &SessionStore, id: &str) {
    if let Ok(path) = base_path(local, id) {
        let _ = local.disk().remove(&path);
    }
}

/// Whether `here` (this desk's copy, with edits the server lacks) and `row` (at `revision`) were both
/// changed: the row moved past the revision the copy was based on, and they differ.
pub fn both_changed(local: &SessionStore, here: &Session, row: &Session, revision: i64) -> bool {
    let same = matches!((to_text(here), to_text(row)), (Ok(a), Ok(b)) if a == b);
    !same && base(local, &here.id).map(|b| b.revision) != Some(revision)
}

/// Keeps both: `here` becomes a new session named `copy_alias` (saved here, then sent: a failed send
/// leaves it pending here like any unsent save), and this desk's copy of the session becomes `row`.
/// Returns the copy.
pub fn keep_both(
    local: &SessionStore,
    server: &mut OfficeStore,
    here: &Session,
    row: &Session,
    revision: i64,
    copy_alias: String,
    now: Timestamp,
) -> Result<Session, StoreError> {
    let mut copy = here.clone();
    copy.id = new_id(now);
    copy.alias = copy_alias;
    copy.updated = now;
    // The copy is on disk before this desk's version of the session is replaced by the row.
    local.save(&copy)?;
    if let Ok(Sent::Written(rev)) = server.save_from(&copy, None) {
        record(local, &copy, rev)?;
    }
    local.save(row)?;
    record(local, row, revision)?;
    Ok(copy)
}
