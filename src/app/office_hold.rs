//! Office mode (issue 15): why an open session is read-only because of the office-wide lock, and the
//! messages that say so. Pure: the runner takes the lock and reports; the header puts it into words.

use super::model::{Model, Persistence, Screen};

/// Why the office's lock keeps the open session read-only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OfficeReadOnly {
    /// Another desk holds it: "abierta en ESCRITORIO-3" (`None`: it did not say which).
    OpenAt(Option<String>),
    /// This desk held it, and its lock connection died: another desk may have taken it since, so this
    /// one stops writing (what was written stays in this desk's copy).
    LockLost,
}

/// What the header says of the open session besides its saving state (office mode).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OfficeNote {
    /// It had changed here and at another desk: both kept, this desk's version as the session `alias`.
    CopyKept { alias: String },
    /// The server cannot be reached: saved on this computer only, other desks may edit meanwhile.
    Offline,
}

/// The runner found session `id` held by another desk (it was opened read-only).
pub fn open_elsewhere(model: &mut Model, id: &str, desk: Option<String>) {
    if let Screen::Workspace(ws) = &mut model.screen
        && ws.session.id == id
    {
        ws.persistence = Persistence::ReadOnly;
        ws.office_read_only = Some(OfficeReadOnly::OpenAt(desk));
    }
}

/// The open session's lock was lost: read-only from now on.
pub fn lock_lost(model: &mut Model, id: &str) {
    if let Screen::Workspace(ws) = &mut model.screen
        && ws.session.id == id
    {
        ws.persistence = Persistence::ReadOnly;
        ws.office_read_only = Some(OfficeReadOnly::LockLost);
    }
}

/// Session `id` had changed here and at another desk: the other's is open, this desk's kept as `copy`.
pub fn copy_kept(model: &mut Model, id: &str, copy: String) {
    if let Screen::Workspace(ws) = &mut model.screen
        && ws.session.id == id
    {
        ws.office_note = Some(OfficeNote::CopyKept { alias: copy });
    }
}

/// A save of session `id`, on this desk, could not go on to the server: shown and retried like a failed
/// save while it is open (its copy here keeps it meanwhile), said on the start screen otherwise.
pub fn send_failed(model: &mut Model, id: &str, failure: super::SaveFailure) -> Vec<super::Effect> {
    model.save_trouble = Some(failure.clone());
    match &mut model.screen {
        Screen::Workspace(ws) if ws.session.id == id && ws.persistence != Persistence::ReadOnly => {
            ws.persistence = Persistence::Failed(failure);
            vec![super::Effect::RetrySave]
        }
        Screen::Sessions => {
            model.sessions.notice = Some(super::Notice::SaveFailed(failure));
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// The office's server answers again, or stopped answering: the start screen and the open session's
/// header say whether what is saved is on this desk only.
pub fn reach(model: &mut Model, online: bool) {
    model.office_offline = !online;
    if let Screen::Workspace(ws) = &mut model.screen {
        match online {
            false => ws.office_note = Some(OfficeNote::Offline),
            true if ws.office_note == Some(OfficeNote::Offline) => ws.office_note = None,
            true => {}
        }
    }
}

/// The open session `id` changed here and at another desk: the workspace goes on as the copy (its id
/// and name), keeping every edit on screen; the next save writes the copy.
pub fn switched_to_copy(model: &mut Model, id: &str, copy: crate::session::Session) {
    if let Screen::Workspace(ws) = &mut model.screen
        && ws.session.id == id
    {
        ws.session.id = copy.id;
        ws.session.alias = copy.alias.clone();
        ws.office_note = Some(OfficeNote::CopyKept { alias: copy.alias });
    }
}
