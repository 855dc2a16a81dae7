//! `Effect::OpenSession`: the session's locks (this desk's lock file, then in office mode the office-wide
//! lock), then its text — from this desk's store, or the office's row — opened for writing only when both
//! locks are held. In office mode the office's part (its lock, its row) runs on the office thread, and the
//! open finishes when it answers ([`Opened`]); meanwhile the start screen stays as it was.

use super::effects::Runner;
use super::journal::JournalWriter;
use super::office_thread::{OfficeAnswer, Opened};
use crate::app::{Model, Msg};
use crate::session::{Session, StoreError};

impl Runner {
    pub(super) fn open(&mut self, model: &Model, id: String, replies: &mut Vec<Msg>) {
        // A read-only data folder gets no lock file: it could not be written anyway.
        let locked = if self.read_only {
            Err(StoreError::Locked { id: id.clone() })
        } else {
            self.locks.remove(&id).map_or_else(|| self.store.lock(&id), Ok)
        };
        let lock = match locked {
            Ok(lock) => Some(lock),
            Err(StoreError::Locked { .. }) => None,
            Err(e) => {
                replies.push(Msg::OpenFailed(e.into()));
                return;
            }
        };
        let may_write = lock.is_some();
        // Held here while the office answers: nothing on this desk opens it meanwhile.
        if let Some(lock) = lock {
            self.locks.insert(id.clone(), lock);
        }
        if self.office.is_none() {
            let opened = Opened { id, fetched: Ok(None), why: None, kept: Vec::new() };
            replies.extend(self.finish_open(opened));
            return;
        }
        // Office mode: held here, the office-wide lock next; held by another desk (or the lock connection
        // gone), read-only, and the model is told where (after it has the session).
        let (kiosk, lang, folder_read_only) = (model.kiosk.is_some(), model.lang, self.read_only);
        replies.extend(self.office_job(
            model,
            Box::new(move |link, store| {
                link.lang = lang;
                let mut why = None;
                if may_write && !kiosk {
                    match link.take(&id) {
                        Ok(()) => {}
                        Err(StoreError::OpenElsewhere { desk, .. }) => {
                            why = Some(Msg::OpenElsewhere { id: id.clone(), desk });
                        }
                        Err(_) => why = Some(Msg::LockLost { id: id.clone() }),
                    }
                }
                let writing = may_write && why.is_none() && !folder_read_only;
                let fetched = link.fetch(store, &id, writing, lang);
                match &fetched {
                    Err(_) => link.release(&id),
                    Ok(_) if writing && !kiosk => {
                        link.open.insert(id.clone());
                    }
                    Ok(_) => {}
                }
                let kept = link.take_kept();
                vec![OfficeAnswer::Opened(Box::new(Opened { id, fetched, why, kept }))]
            }),
        ));
    }

    /// The office's side is done (or there is none): the session opens, from this desk's store unless
    /// the office gave it read-only.
    pub(super) fn finish_open(&mut self, opened: Opened) -> Vec<Msg> {
        let Opened { id, fetched, why, kept } = opened;
        if why.is_some() {
            // Not writing it: this desk's lock file goes too, so nothing here waits on it.
            self.locks.remove(&id);
        }
        let read_only = !self.locks.contains_key(&id);
        let mut replies = Vec::new();
        match fetched.and_then(|given| self.load(&id, read_only, given)) {
            Ok((session, read_only, journal)) => {
                self.journal = journal;
                replies.push(Msg::SessionOpened { session: Box::new(session), read_only });
                replies.extend(why);
                // Changed here and at another desk meanwhile: both kept, the counselor is told.
                replies.extend(kept.into_iter().map(|copy| Msg::CopyKept { id: id.clone(), copy }));
            }
            Err(e) => {
                self.locks.remove(&id);
                replies.push(Msg::OpenFailed(e.into()));
            }
        }
        replies
    }

    /// The session to open, whether read-only, and its journal writer when it may be written.
    fn load(
        &mut self,
        id: &str,
        read_only: bool,
        given: Option<Session>,
    ) -> Result<(Session, bool, Option<JournalWriter>), StoreError> {
        if let Some(session) = given {
            return Ok((session, true, None));
        }
        let (session, replayed) = self.store.load_replayed(id)?;
        let read_only = read_only || self.read_only || session.is_newer_format();
        let journal = (!read_only).then(|| JournalWriter::opened(&self.store, &session, &replayed));
        Ok((session, read_only, journal))
    }
}
