//! The runner's side of office mode (`store: Postgres`). The local store stays where every change lands
//! first (the journal, then the file); this sends each save on to the office's server, lists and opens the
//! office's sessions, and removes this desk's copy of a session once it is closed with everything sent, so
//! a copy left in the sessions folder is always one the server may lack (see [`sessions::pending_here`]).
//!
//! Locking: a session is held on this desk by its local lock file (`SessionStore::lock`) and, office-wide,
//! by a session-level advisory lock on the desk's lock connection ([`DeskLocks`]), "abierta en
//! ESCRITORIO-3" to any other desk. The runner takes both in `OpenSession` (the office's one through
//! [`OfficeLink::take`], before [`OfficeLink::fetch`]; held elsewhere → opened read-only, `may_write`
//! false) and drops both in `CloseSession` / `ReleaseLock` before [`OfficeLink::closed`]. Quitting closes
//! the connection, and the server frees its locks. Before a save goes to the server,
//! [`OfficeLink::still_held`] checks the lock connection: if it died, the server freed the lock and another
//! desk may be writing, so the save stays on this desk and the session goes read-only ("solo lectura: se
//! perdió el bloqueo") — it is not retaken behind the counselor's back (docs/office.md).
//!
//! Once the loop runs, the link lives on the office thread ([`super::office_thread`]): every method here
//! may wait on the network, and none of them runs on the loop that reads keys and draws.

use crate::office::conflict;
use crate::office::lock::{DeskLocks, SessionHold, Taken};
use crate::office::sessions;
use crate::office::store::{OfficeStore, Sent};
use crate::session::{Listed, Session, SessionStore, StoreError};
use std::collections::{HashMap, HashSet};

pub struct OfficeLink {
    /// The office's server; `None` while it cannot be reached (see [`super::office_reach`]).
    pub(super) server: Option<OfficeStore>,
    /// How to reach the server again once it is gone (`None`: tests of the store alone, no reconnecting).
    pub(super) reach: Option<super::office_reach::Reach>,
    /// When to try reconnecting next (offline only).
    pub(super) retry_at: Option<std::time::Instant>,
    /// Sessions whose local copy is exactly what the server has (fetched, or sent since its last change).
    pub(super) in_step: HashSet<String>,
    /// The desk's lock connection; `None`: no office-wide locking (a kiosk, tests of the store alone).
    pub(super) locks: Option<DeskLocks>,
    /// The office-wide locks this desk holds, by session id (released when dropped).
    pub(super) holds: HashMap<String, SessionHold>,
    /// The aliases of copies made because a session changed here and at another desk (both kept), not
    /// yet told to the counselor.
    pub(super) kept: Vec<String>,
    /// The sessions held here for writing (open, or left with changes not yet on disk): their locks are
    /// taken again on reconnecting, and what they have is sent then. Others are only sent.
    pub(super) open: HashSet<String>,
    /// The language copies are named in ("copia de …").
    pub(super) lang: crate::i18n::Lang,
}

impl OfficeLink {
    pub fn new(server: Option<OfficeStore>) -> OfficeLink {
        OfficeLink {
            server,
            reach: None,
            retry_at: None,
            in_step: HashSet::new(),
            locks: None,
            holds: HashMap::new(),
            kept: Vec::new(),
            open: HashSet::new(),
            lang: crate::i18n::Lang::Es,
        }
    }

    /// The server, or `StoreError::Unreachable` while offline.
    pub(super) fn server(&mut self) -> Result<&mut OfficeStore, StoreError> {
        self.server.as_mut().ok_or_else(|| StoreError::Unreachable { message: "offline".into() })
    }

    /// From now on sessions are held office-wide on `locks` (one writer per session).
    pub fn set_locks(&mut self, locks: DeskLocks) {
        self.locks = Some(locks);
    }

    /// Takes session `id`'s office-wide lock (kept if this desk holds it already). Refused with
    /// `StoreError::OpenElsewhere` (where) when another desk has it, `StoreError::Office` when the lock
    /// connection fails.
    pub fn take(&mut self, id: &str) -> Result<(), StoreError> {
        // Offline: no desk can be asked; it opens for writing here, and the header says others may too.
        if self.server.is_none() {
            return Ok(());
        }
        let Some(locks) = &self.locks else { return Ok(()) };
        if self.holds.contains_key(id) {
            return Ok(());
        }
        match locks.take(id) {
            Ok(Taken::Mine(hold)) => {
                self.holds.insert(id.to_string(), hold);
                Ok(())
            }
            Ok(Taken::Elsewhere(holder)) => {
                Err(StoreError::OpenElsewhere { id: id.into(), desk: holder.desk })
            }
            Err(e) => Err(StoreError::Office { message: e.to_string() }),
        }
    }

    /// Lets go of session `id`'s office-wide lock, if held here.
    pub fn release(&mut self, id: &str) {
        self.holds.remove(id);
    }

    /// Whether this desk may still send session `id` to the server: it holds the lock and its lock
    /// connection is alive. If not, the lock is forgotten and the local copy marked unsent (kept at close).
    pub fn still_held(&mut self, id: &str) -> bool {
        let Some(locks) = &self.locks else { return true };
        if self.holds.contains_key(id) && locks.is_alive() {
            return true;
        }
        self.holds.remove(id);
        self.in_step.remove(id);
        false
    }

    /// The office's sessions, and this desk's unsent ones. A server that cannot be reached lists none
    /// (as an unreadable sessions folder does); the save paths say why.
    pub fn list(&mut self, local: &SessionStore) -> Vec<Listed> {
        // Offline: the sessions cached on this desk (the start screen says so).
        let Some(server) = &mut self.server else { return local.list().unwrap_or_default() };
        let listed = sessions::list(local, server);
        if matches!(listed, Err(StoreError::Unreachable { .. })) {
            self.went_offline();
            return local.list().unwrap_or_default();
        }
        listed.unwrap_or_default()
    }

    /// Makes session `id` ready to open. `Ok(None)`: the local store now holds it (the row fetched into
    /// it, unless this desk's copy has edits not yet sent), open it from there. `Ok(Some(session))`: open
    /// this, read-only — when this desk may not write it (`may_write` false: its lock is held elsewhere),
    /// or the row is from a newer rumbo (never written here, not even as a copy).
    pub fn fetch(
        &mut self,
        local: &SessionStore,
        id: &str,
        may_write: bool,
        lang: crate::i18n::Lang,
    ) -> Result<Option<Session>, StoreError> {
        let Some(server) = &mut self.server else {
            // Offline: this desk's copy, as cached here.
            return if may_write { Ok(None) } else { local.load(id).map(Some) };
        };
        if !may_write {
            return sessions::load(local, server, id).map(Some);
        }
        let (row, revision) = match server.load_at(id) {
            Err(StoreError::Unreachable { .. }) => {
                self.went_offline();
                return Ok(None);
            }
            Ok((row, revision)) => (Ok(row), Some(revision)),
            Err(e) => (Err(e), None),
        };
        if let Some(here) = sessions::pending_here(local, id, &row) {
            // Edits here the server lacks: sent by the next save — unless another desk wrote the row
            // since this copy was based on it; then both are kept (office::conflict).
            if let (Ok(row), Some(revision)) = (&row, revision)
                && !row.is_newer_format()
                && conflict::both_changed(local, &here, row, revision)
            {
                let alias = copy_alias(lang, &here.alias, server.desk(), now());
                let copy = conflict::keep_both(local, server, &here, row, revision, alias, now())?;
                self.kept.push(copy.alias);
                self.in_step.insert(id.to_string());
            }
            return Ok(None);
        }
        let row = row?;
        if row.is_newer_format() {
            return Ok(Some(row));
        }
        local.save(&row)?;
        if let Some(revision) = revision {
            conflict::record(local, &row, revision)?;
        }
        self.in_step.insert(id.to_string());
        Ok(None)
    }

    /// The names of the copies made since last asked (both versions kept), for the counselor.
    pub fn take_kept(&mut self) -> Vec<String> {
        std::mem::take(&mut self.kept)
    }

    /// A save that reached this desk's store (`saved_here`) goes on to the server; the first error is the
    /// save's.
    pub fn send(
        &mut self,
        local: &SessionStore,
        saved_here: Result<(), StoreError>,
        session: &Session,
    ) -> Result<(), StoreError> {
        let id = &session.id;
        let base = conflict::base(local, id).map(|b| b.revision);
        let sent = saved_here.and_then(|()| self.server()?.save_from(session, base));
        match sent {
            Ok(Sent::Written(revision)) => {
                self.in_step.insert(id.clone());
                conflict::record(local, session, revision)
            }
            // Another desk wrote it since (this desk was cut off meanwhile): kept here, not sent; opening
            // it again keeps both versions.
            Ok(Sent::Changed) => {
                self.in_step.remove(id);
                Err(StoreError::Office { message: format!("session {id} was changed at another desk") })
            }
            Err(e) => {
                self.in_step.remove(id);
                if matches!(e, StoreError::Unreachable { .. }) {
                    self.went_offline();
                }
                Err(e)
            }
        }
    }

    /// A kiosk's visit, once saved here (with consent): written to the server once (the kiosk role may
    /// insert only).
    pub fn send_visit(&mut self, session: &Session) -> Result<(), StoreError> {
        let sent = self.server()?.insert_visit(session);
        if matches!(sent, Err(StoreError::Unreachable { .. })) {
            self.went_offline();
        }
        sent
    }

    /// The session was closed here (its lock released): its copy goes if everything in it is on the
    /// server. Kept otherwise (unsent, or edits journaled since): the next open or save sends it.
    pub fn closed(&mut self, local: &SessionStore, id: &str) {
        let journaled = local.read_journal(id).ok().flatten().is_some();
        if self.in_step.remove(id) && !journaled {
            // Left in place if it cannot go (locked again meanwhile): then it is in step, and harmless.
            if local.delete(id).is_ok() {
                conflict::forget(local, id);
            }
        }
    }

    /// Kiosk to desk: the office's sessions with this kiosk code, and this desk's unsent ones.
    /// Offline, only this desk's copies can be searched.
    pub fn find_code(&mut self, local: &SessionStore, code: &str) -> Result<Vec<Listed>, StoreError> {
        let Some(server) = self.server.as_mut() else { return sessions::local_with_code(local, code) };
        match sessions::find_code(local, server, code) {
            Err(StoreError::Unreachable { .. }) => {
                self.went_offline();
                sessions::local_with_code(local, code)
            }
            found => found,
        }
    }

    /// Deletes session `id`, holding its office-wide lock meanwhile (refused while another desk has it
    /// open); the release that follows removes this desk's `rumbo.session_holders` row.
    pub fn erase(&mut self, local: &SessionStore, id: &str) -> Result<crate::session::Erased, StoreError> {
        let held_before = self.holds.contains_key(id);
        self.take(id)?;
        self.in_step.remove(id);
        let erased = sessions::erase(local, self.server()?, id);
        if !held_before {
            self.release(id);
        }
        erased
    }
}

fn now() -> jiff::Timestamp {
    jiff::Timestamp::now()
}

/// "Marta (copia de ESCRITORIO-3, 2026-12-01 10:42)" (`session_copy_alias`): whose version, and from when
/// (this desk's time zone).
pub fn copy_alias(lang: crate::i18n::Lang, alias: &str, desk: &str, at: jiff::Timestamp) -> String {
    let when = at.to_zoned(jiff::tz::TimeZone::system()).strftime("%Y-%m-%d %H:%M").to_string();
    let template = lang.strings().session_copy_alias;
    crate::i18n::fill(template, &[("alias", &alias), ("desk", &desk), ("when", &when)])
}
