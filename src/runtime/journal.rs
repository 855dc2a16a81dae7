//! The runtime's side of the journal: which session it is for, the state its last line brought the
//! session to, and the appending. What a line says is `session::journal`'s business.

use crate::session::journal::{self, Replayed};
use crate::session::{Session, SessionStore, StoreError};
use std::time::Duration;

/// How long after a change its edits are appended: well inside the 100 ms the journal promises, and
/// rarely enough that fast typing makes one append of several keys.
pub const JOURNAL_DELAY: Duration = Duration::from_millis(50);

#[derive(Debug)]
pub(super) struct JournalWriter {
    /// The session as the file and the journal together hold it.
    base: Session,
    /// The journal file exists (its header is written).
    started: bool,
    /// Appending is off until the next full save: an append failed (a torn line may end the file),
    /// or the journal could not be folded or removed. A full save starts it afresh.
    broken: bool,
}

impl JournalWriter {
    /// For a session just opened for writing (`session` with its journal replayed, as `replayed` says):
    /// a journal found is folded into the file at once, so appending starts on a clean one.
    pub(super) fn opened(store: &SessionStore, session: &Session, replayed: &Replayed) -> JournalWriter {
        let folded = match replayed {
            Replayed::Nothing => Ok(()),
            Replayed::Stale => store.remove_journal(&session.id),
            Replayed::Applied { .. } => store.save(session),
        };
        JournalWriter { base: session.clone(), started: false, broken: folded.is_err() }
    }

    /// For a session just created: its journal works once its file is written.
    pub(super) fn created(session: &Session, saved: bool) -> JournalWriter {
        JournalWriter { base: session.clone(), started: false, broken: !saved }
    }

    /// A full save of `session` ended: on success the journal is gone and starts again from it.
    pub(super) fn saved(&mut self, store: &SessionStore, session: &Session, result: &Result<(), StoreError>) {
        match result {
            Ok(()) => *self = JournalWriter::created(session, true),
            // The file was written but the journal not removed: its base is gone, appends would be lost.
            Err(StoreError::Io { path, .. })
                if store.journal_path(&session.id).ok().as_ref() == Some(path) =>
            {
                self.broken = true;
            }
            Err(_) => {}
        }
    }

    /// Appends what changed from the last state journaled to `session`; whether it is all on disk now.
    pub(super) fn append(&mut self, store: &SessionStore, session: &Session) -> bool {
        if self.broken || self.base.id != session.id {
            return false;
        }
        let Some(line) = journal::record(&self.base, session) else { return true };
        let bytes = if self.started { line } else { [journal::header(&self.base), line].concat() };
        match store.append_journal(&session.id, &bytes) {
            Ok(()) => {
                self.base = session.clone();
                self.started = true;
                true
            }
            Err(_) => {
                self.broken = true;
                false
            }
        }
    }
}
