//! The office side of carrying out effects: a save that reached this desk goes on to the office's server
//! (unless the lock or the server is gone), a kiosk visit is recorded and sent once, and the office-wide
//! lock and the local copy go when a session closes here.

use super::effects::Runner;
use crate::app::{Failure, Model, Msg};
use crate::session::StoreError;

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
        // Saved here with its summary recorded: the visit then goes to the office, for the desk.
        match &mut self.office {
            // Out of reach: the visit stays on this kiosk, and goes when the server is back.
            Some(office) => match office.send_visit(&session) {
                Err(StoreError::Unreachable { .. }) => Ok(()),
                sent => sent.map_err(Failure::from),
            },
            None => Ok(()),
        }
    }

    /// A save that reached the local store goes on to the office's server, if there is one — but not
    /// from a kiosk, whose role may only insert: its visit is sent once, when it ends
    /// ([`record_kiosk_export`](Self::record_kiosk_export)).
    /// Not sent when this desk no longer holds the session's office lock (its lock connection died):
    /// the save stays here, and the second value tells the model to go read-only (`Msg::LockLost`).
    pub(super) fn send(
        &mut self,
        model: &Model,
        saved_here: Result<(), StoreError>,
        session: &crate::session::Session,
    ) -> (Result<(), StoreError>, Option<Msg>) {
        match &mut self.office {
            Some(office) if model.kiosk.is_none() => {
                let offline = Some(Msg::OfficeReach { online: false });
                // Not on this desk either: that failure is the one to show.
                if saved_here.is_err() || office.is_offline() {
                    return (saved_here, offline.filter(|_| office.is_offline()));
                }
                if !office.still_held(&session.id) {
                    // The whole server gone, not just the lock connection: offline, still writable here.
                    return match office.probe() {
                        true => (saved_here, Some(Msg::LockLost { id: session.id.clone() })),
                        false => (saved_here, offline),
                    };
                }
                match office.send(&self.store, saved_here, session) {
                    // Saved here: what the counselor needs is "sin conexión", not a failure.
                    Err(StoreError::Unreachable { .. }) => (Ok(()), offline),
                    sent => (sent, None),
                }
            }
            _ => (saved_here, None),
        }
    }

    /// The office-wide lock goes with the local one (a session left with unsaved changes keeps both).
    pub(super) fn release_office_lock(&mut self, model: &Model, id: &str) {
        if let Some(office) = &mut self.office
            && model.kiosk.is_none()
            && !self.locks.contains_key(id)
        {
            office.release(id);
        }
    }

    /// A session's lock was released here: in office mode its local copy goes once all of it is sent.
    pub(super) fn closed(&mut self, model: &Model, id: &str) {
        if let Some(office) = &mut self.office
            && model.kiosk.is_none()
            && !self.locks.contains_key(id)
        {
            office.closed(&self.store, id);
        }
    }
}
