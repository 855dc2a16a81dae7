//! Sessions closed on this desk while the server was away are sent as soon as it is back (at start when
//! connected, and on each reconnect), not only when next opened: a copy in the sessions folder that the
//! server lacks ([`sessions::pending_here`]) goes, conditionally on the row revision it is based on
//! (`<id>.base`). Changed at another desk meanwhile: both are kept ([`conflict::keep_both`]), as for an
//! open session. Held at another desk right now: left for a later try (that desk is writing it).
//!
//! Also here: which sessions other desks hold, for the start screen's "abierta en ESCRITORIO-3".

use super::office::OfficeLink;
use crate::app::Msg;
use crate::office::conflict;
use crate::office::sessions;
use crate::office::store::Sent;
use crate::session::{Listed, SessionStore, StoreError};

/// What came of one closed session.
enum Closed {
    Sent,
    /// Changed here and at another desk: this desk's version kept as a new session, this alias.
    Copy(String),
    /// Nothing to send, or not now (held elsewhere, a newer rumbo's row, a refused write).
    Skipped,
    /// The server went away meanwhile: the rest wait for the next reconnect.
    Offline,
}

impl OfficeLink {
    /// Sends every session closed here whose copy the server lacks; what was sent, for the start screen.
    pub(super) fn send_closed(&mut self, local: &SessionStore) -> Option<Msg> {
        self.server.as_ref()?;
        let ids: Vec<String> = local
            .list()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|listed| match listed {
                Listed::Ok(session) => Some(session.id),
                _ => None,
            })
            .filter(|id| !self.open.contains(id))
            .collect();
        let (mut sent, mut copies) = (0, Vec::new());
        for id in ids {
            match self.send_one_closed(local, &id) {
                Closed::Sent => sent += 1,
                Closed::Copy(alias) => copies.push(alias),
                Closed::Skipped => {}
                Closed::Offline => break,
            }
        }
        (sent > 0 || !copies.is_empty()).then_some(Msg::PendingSent { sent, copies })
    }

    fn send_one_closed(&mut self, local: &SessionStore, id: &str) -> Closed {
        // Another rumbo on this computer has it open: it sends it itself.
        let Ok(here_lock) = local.lock(id) else { return Closed::Skipped };
        let held_before = self.holds.contains_key(id);
        let done = match self.take(id) {
            Ok(()) => self.send_closed_held(local, id),
            Err(_) => Closed::Skipped,
        };
        if !held_before {
            self.release(id);
        }
        drop(here_lock);
        // Sent: its copy here goes, as when a session is closed with everything sent.
        self.closed(local, id);
        done
    }

    /// Session `id`'s copy here, sent if the server lacks it (its lock held).
    fn send_closed_held(&mut self, local: &SessionStore, id: &str) -> Closed {
        let lang = self.lang;
        let Some(server) = self.server.as_mut() else { return Closed::Offline };
        let (row, revision) = match server.load_at(id) {
            Ok((row, revision)) => (Ok(row), Some(revision)),
            Err(StoreError::Unreachable { .. }) => {
                self.went_offline();
                return Closed::Offline;
            }
            Err(e) => (Err(e), None),
        };
        let Some(here) = sessions::pending_here(local, id, &row) else { return Closed::Skipped };
        if here.is_newer_format() || row.as_ref().is_ok_and(|r| r.is_newer_format()) {
            return Closed::Skipped;
        }
        if let (Ok(row), Some(revision)) = (&row, revision)
            && conflict::both_changed(local, &here, row, revision)
        {
            let now = jiff::Timestamp::now();
            let alias = super::office::copy_alias(lang, &here.alias, server.desk(), now);
            return match conflict::keep_both(local, server, &here, row, revision, alias, now) {
                Ok(copy) => {
                    // This desk's copy of the session is the row now: it goes below.
                    self.in_step.insert(id.to_string());
                    Closed::Copy(copy.alias)
                }
                Err(StoreError::Unreachable { .. }) => {
                    self.went_offline();
                    Closed::Offline
                }
                Err(_) => Closed::Skipped,
            };
        }
        let base = conflict::base(local, id).map(|b| b.revision);
        match server.save_from(&here, base) {
            Ok(Sent::Written(revision)) => {
                if conflict::record(local, &here, revision).is_ok() {
                    self.in_step.insert(id.to_string());
                }
                Closed::Sent
            }
            Ok(Sent::Changed) => Closed::Skipped,
            Err(StoreError::Unreachable { .. }) => {
                self.went_offline();
                Closed::Offline
            }
            Err(_) => Closed::Skipped,
        }
    }

    /// The sessions other desks hold right now, with where (none offline, or without a lock connection).
    pub(super) fn held_elsewhere(&mut self) -> Vec<(String, String)> {
        match (&self.server, &self.locks) {
            (Some(_), Some(locks)) => locks.held_elsewhere().unwrap_or_default(),
            _ => Vec::new(),
        }
    }
}
