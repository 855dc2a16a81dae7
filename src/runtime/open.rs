//! `Effect::OpenSession`: the session's locks (this desk's lock file, then in office mode the office-wide
//! lock), then its text — from this desk's store, or the office's row — opened for writing only when both
//! locks are held.

use super::effects::Runner;
use super::journal::JournalWriter;
use crate::app::{Model, Msg};
use crate::session::StoreError;

impl Runner {
    pub(super) fn open(&mut self, model: &Model, id: String, replies: &mut Vec<Msg>) {
        // A read-only data folder gets no lock file: it could not be written anyway.
        let locked = if self.read_only {
            Err(StoreError::Locked { id: id.clone() })
        } else {
            self.locks.remove(&id).map_or_else(|| self.store.lock(&id), Ok)
        };
        let (mut lock, mut read_only) = match locked {
            Ok(lock) => (Some(lock), false),
            Err(StoreError::Locked { .. }) => (None, true),
            Err(e) => {
                replies.push(Msg::OpenFailed(e.into()));
                return;
            }
        };
        // Office mode: held here, the office-wide lock next; held by another desk (or the lock connection
        // gone), read-only, and the model is told where (after it has the session).
        let mut why = None;
        if let Some(office) = &mut self.office
            && lock.is_some()
            && model.kiosk.is_none()
        {
            match office.take(&id) {
                Ok(()) => {}
                Err(StoreError::OpenElsewhere { desk, .. }) => {
                    why = Some(Msg::OpenElsewhere { id: id.clone(), desk });
                }
                Err(_) => why = Some(Msg::LockLost { id: id.clone() }),
            }
            if why.is_some() {
                // Not writing it: this desk's lock file goes too, so nothing here waits on it.
                lock = None;
                read_only = true;
            }
        }
        let opened = self.load(&id, read_only, model.lang);
        match opened {
            Ok((session, read_only, journal)) => {
                self.journal = journal;
                if let Some(lock) = lock {
                    self.locks.insert(id.clone(), lock);
                }
                replies.push(Msg::SessionOpened { session: Box::new(session), read_only });
                replies.extend(why);
                // Changed here and at another desk meanwhile: both kept, the counselor is told.
                let kept = self.office.as_mut().map(|o| o.take_kept()).unwrap_or_default();
                replies.extend(kept.into_iter().map(|copy| Msg::CopyKept { id: id.clone(), copy }));
            }
            Err(e) => {
                if let Some(office) = &mut self.office {
                    office.release(&id);
                }
                replies.push(Msg::OpenFailed(e.into()));
            }
        }
    }

    /// The session to open, whether read-only, and its journal writer when it may be written.
    fn load(
        &mut self,
        id: &str,
        read_only: bool,
        lang: crate::i18n::Lang,
    ) -> Result<(crate::session::Session, bool, Option<JournalWriter>), StoreError> {
        if let Some(office) = &mut self.office
            && let Some(session) = office.fetch(&self.store, id, !read_only && !self.read_only, lang)?
        {
            return Ok((session, true, None));
        }
        let (session, replayed) = self.store.load_replayed(id)?;
        let read_only = read_only || session.is_newer_format();
        let journal = (!read_only).then(|| JournalWriter::opened(&self.store, &session, &replayed));
        Ok((session, read_only, journal))
    }
}
