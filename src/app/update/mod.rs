//! `update(&mut Model, Msg) -> Vec<Effect>`: the only place the model changes. No I/O happens here.

mod best_fit;
mod equivalents;
mod experience;
mod export;
mod form;
mod full_text;
mod gap;
mod interests;
mod keys;
mod kiosk;
mod kiosk_end;
mod kiosk_likes;
mod kiosk_start;
mod kiosk_visit;
mod leave;
mod mouse;
mod notes;
mod overlays;
mod plan;
mod saving;
mod scroll;
mod selection;
mod sessions;
mod workspace;

use super::model::{Model, Persistence, Screen, Workspace};
use super::msg::{Effect, Msg};

pub use keys::{is_press, typed};

pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    if let Some(effects) = kiosk::before(model, &msg) {
        return effects;
    }
    match msg {
        Msg::Key(key) if !is_press(&key) => Vec::new(),
        Msg::Key(key) => match &model.screen {
            Screen::Sessions => sessions::key(model, key),
            Screen::NewSession(_) => form::key(model, key),
            Screen::Workspace(_) => workspace::key(model, key),
            Screen::Welcome | Screen::KioskDone(_) => Vec::new(),
        },
        // Pointer activity over nothing clickable: only a kiosk's idle clock minds it (`kiosk::before`).
        Msg::Mouse(_) => Vec::new(),
        Msg::Clicked { area, row } => mouse::clicked(model, area, row),
        Msg::Wheel { area, down } => mouse::wheel(model, area, down),
        Msg::Paste(text) => paste(model, &text),
        Msg::Resize(w, h) => {
            model.size = (w, h);
            Vec::new()
        }
        Msg::HelpRoom(room) => {
            overlays::help_room(model, room);
            Vec::new()
        }
        Msg::SessionsListed(listed) => {
            sessions::listed(model, listed);
            Vec::new()
        }
        Msg::CodeFound { code, found } => sessions::code_found(model, &code, found),
        Msg::SessionOpened { session, read_only } => {
            model.sessions.opening = None;
            if matches!(model.sessions.notice, Some(super::Notice::Opening(_))) {
                model.sessions.notice = None;
            }
            workspace::opened(model, *session, read_only)
        }
        Msg::OpenElsewhere { id, desk } => {
            super::office_hold::open_elsewhere(model, &id, desk);
            Vec::new()
        }
        Msg::LockLost { id } => {
            super::office_hold::lock_lost(model, &id);
            Vec::new()
        }
        Msg::OfficeReach { online } => {
            super::office_hold::reach(model, online);
            Vec::new()
        }
        Msg::SendFailed { id, failure } => super::office_hold::send_failed(model, &id, failure),
        Msg::PendingSent { sent, copies } => {
            model.sessions.notice = Some(super::Notice::PendingSent { sent, copies });
            Vec::new()
        }
        Msg::HeldElsewhere(held) => {
            model.sessions.held_elsewhere = held;
            Vec::new()
        }
        Msg::MarksApplied { sessions, exports } => {
            model.sessions.notice = Some(super::Notice::DeletedElsewhere { sessions, exports });
            Vec::new()
        }
        Msg::SwitchedToCopy { id, copy } => {
            super::office_hold::switched_to_copy(model, &id, *copy);
            Vec::new()
        }
        Msg::CopyKept { id, copy } => {
            super::office_hold::copy_kept(model, &id, copy);
            Vec::new()
        }
        Msg::OpenFailed(message) => {
            model.sessions.opening = None;
            model.screen = Screen::Sessions;
            model.sessions.notice = Some(super::Notice::OpenFailed(message));
            Vec::new()
        }
        Msg::JournalDue => match &model.screen {
            Screen::Workspace(ws)
                if !ws.journaled
                    && matches!(ws.persistence, Persistence::Pending | Persistence::Failed(_)) =>
            {
                vec![Effect::AppendJournal(Box::new(ws.session.clone()))]
            }
            _ => Vec::new(),
        },
        Msg::Journaled(ok) => {
            if let Screen::Workspace(ws) = &mut model.screen {
                ws.journaled = ok;
            }
            Vec::new()
        }
        Msg::SaveDue => saving::due(model),
        Msg::Saved(result) => saving::saved(model, result),
        Msg::LeftSaved { id, result } => saving::left_saved(model, &id, result),
        Msg::DrivesListed(drives) => {
            saving::drives_listed(model, drives);
            Vec::new()
        }
        Msg::CopiesSaved(outcome) => {
            saving::copies_saved(model, outcome);
            Vec::new()
        }
        Msg::StoreProbed(result) => saving::probed(model, result),
        Msg::Exported(outcome) => export::finished(model, outcome),
        Msg::Deleted(outcome) => {
            model.sessions.notice = Some(super::Notice::Deleted(outcome));
            Vec::new()
        }
        Msg::CounselorRemembered(name) => {
            model.counselor = name;
            Vec::new()
        }
        // Kiosk messages are answered by `kiosk::before`; outside kiosk mode they mean nothing.
        Msg::Tick | Msg::KioskFinished(_) | Msg::PinChecked(_) => Vec::new(),
        Msg::Shutdown => {
            let mut effects = flush(model);
            effects.extend(saving::left_saves(model));
            effects.push(Effect::Quit);
            model.quitting = true;
            effects
        }
    }
}

/// Bracketed paste goes to whatever is being typed into, cleaned of control, bidi and zero-width characters.
fn paste(model: &mut Model, text: &str) -> Vec<Effect> {
    match &mut model.screen {
        Screen::NewSession(form) => {
            form::paste(form, text);
            Vec::new()
        }
        Screen::Workspace(_) => overlays::paste(model, text),
        Screen::Sessions if model.sessions.filtering => {
            model.sessions.filter.push_str(&crate::text::sanitize_line(text));
            Vec::new()
        }
        Screen::Sessions | Screen::Welcome | Screen::KioskDone(_) => Vec::new(),
    }
}

/// A change to the open session: stamp it and ask for a save, unless nothing may be written.
pub(crate) fn changed(ws: &mut Workspace, now: jiff::Timestamp) -> Vec<Effect> {
    match ws.persistence {
        Persistence::Unsaved | Persistence::ReadOnly => Vec::new(),
        // Still not on disk: the header keeps saying why until a save succeeds.
        Persistence::Failed(_) => {
            ws.session.touch(now);
            ws.journaled = false;
            vec![Effect::ScheduleSave]
        }
        _ => {
            ws.session.touch(now);
            ws.persistence = Persistence::Pending;
            ws.journaled = false;
            vec![Effect::ScheduleSave]
        }
    }
}

/// Writes what is pending now (leaving the workspace, quitting, a signal).
pub(crate) fn flush(model: &Model) -> Vec<Effect> {
    match &model.screen {
        Screen::Workspace(ws) if matches!(ws.persistence, Persistence::Pending | Persistence::Failed(_)) => {
            vec![Effect::SaveSession(Box::new(ws.session.clone()))]
        }
        _ => Vec::new(),
    }
}
