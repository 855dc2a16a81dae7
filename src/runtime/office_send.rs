//! The office side of carrying out effects: a save that reached this desk goes on to the office's server
//! (unless the lock or the server is gone), a kiosk visit is recorded and sent once, and the office-wide
//! lock and the local copy go when a session closes here.

use super::effects::Runner;
use super::office::OfficeLink;
use super::office_thread::OfficeAnswer;
use crate::app::{Failure, Model, Msg, SaveFailure};
use crate::session::{Session, SessionStore, StoreError};

impl Runner {
    /// The kiosk's summary is recorded in the visitor's session (saved at once: the visitor is gone)
    /// so that retention deletes it with the session. A visit without consent has no saved session to
    /// record it in: the office removes those summaries (see README, "Modo quiosco").
    pub(super) fn record_kiosk_export(
        &mut self,
        mut session: crate::session::Session,
        record: crate::session::ExportRecord,
    ) -> Result<(), Failure> {
        if session.consent.is_none() {
            return Ok(());
        }
        let path = record.path.clone();
        session.record_export(record);
        self.store.save(&session).map_err(|e| {
            // Unrecorded, the summary would outlive the session: take it back and say so.
            let _ = std::fs::remove_file(&path);
            Failure::from(e)
        })?;
        // Saved here with its summary recorded: the visit then goes to the office, for the desk, on the
        // office thread. Out of reach (or refused): the visit stays on this kiosk, and goes when the server
        // is back.
        if let Some(office) = &mut self.office {
            let _ = office.submit(
                &self.store,
                Box::new(move |link, _| {
                    let _ = link.send_visit(&session);
                    Vec::new()
                }),
            );
        }
        Ok(())
    }

    /// A save that reached the local store goes on to the office's server, if there is one — but not
    /// from a kiosk, whose role may only insert: its visit is sent once, when it ends
    /// ([`record_kiosk_export`](Self::record_kiosk_export)). On the office thread: `Msg::Saved` has
    /// already said the save is on this desk; what the send comes to follows (`OfficeReach` offline,
    /// `LockLost` when this desk no longer holds the session's office lock, `SendFailed`).
    pub(super) fn send(
        &mut self,
        model: &Model,
        saved_here: &Result<(), StoreError>,
        session: &crate::session::Session,
    ) -> Vec<Msg> {
        if self.office.is_none() || model.kiosk.is_some() || saved_here.is_err() {
            return Vec::new();
        }
        let session = session.clone();
        self.office_job(model, Box::new(move |link, store| send_job(link, store, &session)))
    }

    /// The office-wide lock goes with the local one (a session left with unsaved changes keeps both).
    pub(super) fn release_office_lock(&mut self, model: &Model, id: &str) {
        if self.office.is_some() && model.kiosk.is_none() && !self.locks.contains_key(id) {
            let id = id.to_string();
            let _ = self.office_job(
                model,
                Box::new(move |link, _| {
                    link.release(&id);
                    link.open.remove(&id);
                    Vec::new()
                }),
            );
        }
    }

    /// A session's lock was released here: in office mode its local copy goes once all of it is sent.
    pub(super) fn closed(&mut self, model: &Model, id: &str) {
        if self.office.is_some() && model.kiosk.is_none() && !self.locks.contains_key(id) {
            let id = id.to_string();
            let _ = self.office_job(
                model,
                Box::new(move |link, store| {
                    link.closed(store, &id);
                    Vec::new()
                }),
            );
        }
    }
}

/// On the office thread: session `session`, saved on this desk, goes to the server — unless the server
/// is out of reach, or this desk no longer holds the session's office lock (its lock connection died).
fn send_job(link: &mut OfficeLink, store: &SessionStore, session: &Session) -> Vec<OfficeAnswer> {
    let offline = Msg::OfficeReach { online: false };
    let msg = if link.is_offline() {
        Some(offline)
    } else if !link.still_held(&session.id) {
        // The whole server gone, not just the lock connection: offline, still writable here.
        Some(if link.probe() { Msg::LockLost { id: session.id.clone() } } else { offline })
    } else {
        match link.send(store, Ok(()), session) {
            Ok(()) => None,
            // Saved here: what the counselor needs is "sin conexión", not a failure.
            Err(StoreError::Unreachable { .. }) => Some(offline),
            Err(e) => Some(Msg::SendFailed { id: session.id.clone(), failure: SaveFailure::from_store(e) }),
        }
    };
    msg.into_iter().map(OfficeAnswer::Msg).collect()
}
