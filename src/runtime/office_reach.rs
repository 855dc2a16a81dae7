//! Office mode without the server (issue 15, "Nothing lost when the server goes away"). Every change
//! already lands in this desk's journal and file first; when the server cannot be reached the desk goes
//! on with those: the open session stays writable here (no desk can be asked for its lock, so the header
//! says others may edit it meanwhile), the start screen lists the sessions cached on this desk. The runner
//! (not `update`) tries to reconnect every [`RETRY`]; once back, it takes the open session's lock again
//! and sends what is pending — conditionally on the row's revision, so a row another desk changed
//! meanwhile is never overwritten: both are kept ([`crate::office::conflict`]) and the workspace goes on
//! with this desk's version, now a copy.

use super::office::OfficeLink;
use crate::app::Msg;
use crate::office::conflict;
use crate::office::store::{OfficeStore, Sent};
use crate::session::{SessionStore, StoreError};
use jiff::Timestamp;
use std::time::{Duration, Instant};

/// How often an offline desk tries the server again.
pub const RETRY: Duration = Duration::from_secs(5);

/// What it takes to reach the server again.
pub struct Reach {
    pub url: crate::office::DbUrl,
    pub office_id: String,
    pub desk: String,
    /// Whether this desk holds sessions office-wide (not a kiosk): the lock connection is made again too.
    pub locks: bool,
}

impl OfficeLink {
    /// A link whose server could not be reached at start: offline from the first moment.
    pub fn offline(reach: Reach) -> OfficeLink {
        let mut link = OfficeLink::new(None);
        link.reach = Some(reach);
        link.retry_at = Some(Instant::now() + RETRY);
        link
    }

    /// How to reconnect once the server is gone.
    pub fn set_reach(&mut self, reach: Reach) {
        self.reach = Some(reach);
    }

    pub fn is_offline(&self) -> bool {
        self.server.is_none()
    }

    /// The server stopped answering: forget the connections (the server freed this desk's locks with
    /// them), keep every copy here as unsent, and try again in [`RETRY`].
    pub(super) fn went_offline(&mut self) {
        if self.reach.is_none() {
            return; // Nothing to reconnect with: stay on the connection, whose errors tell the rest.
        }
        self.server = None;
        self.locks = None;
        self.holds.clear();
        self.in_step.clear();
        self.retry_at = Some(Instant::now() + RETRY);
    }

    /// When the runner should try the server again (offline only).
    pub fn retry_at(&self) -> Option<Instant> {
        self.retry_at.filter(|_| self.server.is_none())
    }

    /// Whether the server answers on the main connection (a dead lock connection alone is not offline).
    pub(super) fn probe(&mut self) -> bool {
        let up = self.server.as_mut().is_some_and(OfficeStore::reachable);
        if !up {
            self.went_offline();
        }
        up
    }

    /// Tries the server again. Back: takes the locks of the sessions `open` here again and sends what
    /// this desk has of them; the messages say what came of it (`OfficeReach`, and `OpenElsewhere` or
    /// `LockLost` for a session another desk took meanwhile). Still gone: `None`, next try in [`RETRY`].
    pub(super) fn reconnect(&mut self, local: &SessionStore) -> Option<Vec<Msg>> {
        let (open, lang) = (self.open.iter().cloned().collect::<Vec<_>>(), self.lang);
        let reach = self.reach.as_ref()?;
        let connected = OfficeStore::connect(&reach.url, &reach.office_id, &reach.desk).and_then(|server| {
            let locks = match reach.locks {
                true => Some(crate::office::sessions::desk_locks(&reach.url, &reach.office_id, &reach.desk)?),
                false => None,
            };
            Ok((server, locks))
        });
        let Ok((server, locks)) = connected else {
            self.retry_at = Some(Instant::now() + RETRY);
            return None;
        };
        self.server = Some(server);
        self.locks = locks;
        self.retry_at = None;
        let mut msgs = vec![Msg::OfficeReach { online: true }];
        // Sessions deleted elsewhere meanwhile go from here first (not the ones open here: locked).
        if reach_locks(&self.reach) {
            msgs.extend(self.apply_marks(local));
        }
        // A kiosk: the visits kept here while the server was away (one sent twice is left as it was).
        if !reach_locks(&self.reach) {
            for listed in local.list().unwrap_or_default() {
                if let crate::session::Listed::Ok(visit) = listed
                    && visit.consent.is_some()
                {
                    let _ = self.send_visit(&visit);
                }
            }
        }
        for id in &open {
            match self.take(id) {
                Ok(()) => {}
                Err(StoreError::OpenElsewhere { desk, .. }) => {
                    msgs.push(Msg::OpenElsewhere { id: id.clone(), desk });
                    continue;
                }
                Err(_) => {
                    msgs.push(Msg::LockLost { id: id.clone() });
                    continue;
                }
            }
            if let Some(msg) = self.send_pending(local, id, lang) {
                msgs.push(msg);
            }
        }
        // Sessions closed here while offline: sent now, not only when next opened.
        if reach_locks(&self.reach) {
            msgs.extend(self.send_closed(local));
        }
        Some(msgs)
    }

    /// Applies the office's deletion marks to this desk (its copies, journals and recorded exports of
    /// sessions deleted at another desk); what went, for the start screen.
    pub(super) fn apply_marks(&mut self, local: &SessionStore) -> Option<Msg> {
        let applied = crate::office::marks::apply(local, self.server.as_mut()?).ok()?;
        if applied.sessions.is_empty() {
            return None;
        }
        let removed = |e: &crate::session::Erased| {
            e.exports.iter().filter(|r| matches!(r, crate::session::Removal::Removed(_))).count()
        };
        let exports = applied.sessions.iter().map(removed).sum();
        Some(Msg::MarksApplied { sessions: applied.sessions.len(), exports })
    }

    /// Sends this desk's copy of session `id` (journal replayed), if the row is still the one it was
    /// based on. Changed at another desk meanwhile: both are kept — the row stays the session, this
    /// desk's version becomes a copy, and the open workspace goes on with the copy (`SwitchedToCopy`).
    fn send_pending(&mut self, local: &SessionStore, id: &str, lang: crate::i18n::Lang) -> Option<Msg> {
        let session = local.load(id).ok()?;
        let base = conflict::base(local, id).map(|b| b.revision);
        match self.server.as_mut()?.save_from(&session, base) {
            Ok(Sent::Written(revision)) => {
                let _ = conflict::record(local, &session, revision);
                self.in_step.insert(id.to_string());
                None
            }
            Ok(Sent::Changed) => {
                let server = self.server.as_mut()?;
                let kept = server.load_at(id).and_then(|(row, revision)| {
                    let alias =
                        super::office::copy_alias(lang, &session.alias, server.desk(), Timestamp::now());
                    conflict::keep_both(local, server, &session, &row, revision, alias, Timestamp::now())
                });
                match kept {
                    Ok(copy) => {
                        // This desk's copy of the session is the row now: it goes when released. The
                        // desk writes the copy from now on: its lock here, the original's let go at once,
                        // so a save of the original still queued is not sent over the other desk's.
                        self.in_step.insert(id.to_string());
                        self.holds.remove(id);
                        self.open.remove(id);
                        let _ = self.take(&copy.id);
                        self.open.insert(copy.id.clone());
                        Some(Msg::SwitchedToCopy { id: id.to_string(), copy: Box::new(copy) })
                    }
                    // Not both kept (the server went again): nothing sent, read-only until reopened.
                    Err(_) => {
                        self.holds.remove(id);
                        Some(Msg::LockLost { id: id.to_string() })
                    }
                }
            }
            Err(StoreError::Unreachable { .. }) => {
                self.went_offline();
                Some(Msg::OfficeReach { online: false })
            }
            Err(_) => None,
        }
    }
}

/// Whether this is a desk (it holds sessions), not a kiosk.
pub(super) fn reach_locks(reach: &Option<Reach>) -> bool {
    reach.as_ref().is_some_and(|r| r.locks)
}
