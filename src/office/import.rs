//! `rumbo office import`: a workstation's local sessions copied into the office's store. Each session is
//! written, read back and compared, and only then are its local files removed; a session whose id is on
//! the server with other content (an id clash), or that cannot be written, stays on this computer and is
//! reported. Running it again is harmless: a session already on the server, identical, only has its local
//! files removed (as after an import interrupted between the write and the removal).

use super::store::{OfficeStore, Sent};
use crate::session::{Listed, Session, SessionStore, StoreError, to_text};

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Imported {
    /// Written to the server, read back identical, local files removed.
    pub copied: Vec<String>,
    /// Already on the server, identical: local files removed.
    pub already: Vec<String>,
    /// On the server with different content under the same id: kept here, untouched.
    pub clashes: Vec<String>,
    /// Could not be imported (unreadable, from a newer rumbo, open, refused by the server): id and why.
    pub failed: Vec<(String, String)>,
}

impl Imported {
    /// Whether everything on this computer is now on the server.
    pub fn complete(&self) -> bool {
        self.clashes.is_empty() && self.failed.is_empty()
    }
}

pub fn import(local: &SessionStore, server: &mut OfficeStore) -> Result<Imported, StoreError> {
    let mut done = Imported::default();
    for listed in local.list()? {
        let session = match listed {
            Listed::Ok(session) => session,
            Listed::Corrupt { id, path, line, col, message } => {
                done.failed.push((id, format!("{}:{line}:{col}: {message}", path.display())));
                continue;
            }
            Listed::Unreadable { id, message, .. } => {
                done.failed.push((id, message));
                continue;
            }
        };
        let id = session.id.clone();
        match one(local, server, &session) {
            Ok(Outcome::Copied) => done.copied.push(id),
            Ok(Outcome::Already) => done.already.push(id),
            Ok(Outcome::Clash) => done.clashes.push(id),
            Err(e) => done.failed.push((id, e.to_string())),
        }
    }
    Ok(done)
}

/// What writing one session to the office's server came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Written, and read back identical.
    Copied,
    /// The server had it already, identical: nothing written.
    Already,
    /// The server has another session under this id: nothing written.
    Clash,
}

fn one(local: &SessionStore, server: &mut OfficeStore, session: &Session) -> Result<Outcome, StoreError> {
    // Held while it is copied: a rumbo on this computer with it open keeps it (and its journal) here.
    let lock = local.lock(&session.id)?;
    let outcome = put(server, session)?;
    if outcome == Outcome::Clash {
        return Ok(outcome);
    }
    drop(lock);
    local.delete(&session.id)?;
    Ok(outcome)
}

/// Writes `session` to the server unless a row has its id: the same content is [`Outcome::Already`],
/// other content an [`Outcome::Clash`] (never overwritten). A new row is read back and compared. The
/// insert itself refuses an existing row (a desk that wrote it since the look-up: a clash too).
pub fn put(server: &mut OfficeStore, session: &Session) -> Result<Outcome, StoreError> {
    let id = &session.id;
    let text = to_text(session)?;
    match server.load(id) {
        Ok(row) if to_text(&row)? == text => return Ok(Outcome::Already),
        Ok(_) => return Ok(Outcome::Clash),
        Err(StoreError::NotFound { .. }) => {}
        Err(e) => return Err(e),
    }
    if server.save_from(session, None)? == Sent::Changed {
        return Ok(Outcome::Clash);
    }
    let back = server.load(id)?;
    if to_text(&back)? != text {
        return Err(StoreError::Office { message: format!("session {id} read back different") });
    }
    Ok(Outcome::Copied)
}
