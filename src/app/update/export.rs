//! `e`: exporting the session's summary from the workspace, and the question before leaving a session
//! that is not saved.

use super::changed;
use super::leave::leave;
use crate::app::Failure;
use crate::app::keymap::{Action, Place};
use crate::app::model::{ExportDialog, ExportField, Model, Overlay, Persistence, Screen};
use crate::app::msg::Effect;
use crate::export::{Format, NotesChoice};
use crate::session::ExportRecord;
use crossterm::event::KeyEvent;

pub fn open(then_leave: bool) -> Overlay {
    Overlay::Export(ExportDialog { then_leave, ..ExportDialog::default() })
}

pub fn key(model: &mut Model, mut dialog: ExportDialog, key: KeyEvent) -> Vec<Effect> {
    let action = model.keymap.action(&key, Place::Export, model.kiosk.is_some());
    let Screen::Workspace(ws) = &mut model.screen else { return Vec::new() };
    match action {
        Some(Action::ExportField) => {
            dialog.field = match dialog.field {
                ExportField::Format => ExportField::SessionNotes,
                ExportField::SessionNotes => ExportField::Format,
            };
        }
        Some(Action::ExportPrevious | Action::ExportNext | Action::ExportToggle) => match dialog.field {
            ExportField::Format => {
                dialog.format = cycle(dialog.format, action != Some(Action::ExportPrevious));
                dialog.outcome = None;
            }
            ExportField::SessionNotes => {
                dialog.session_notes = !dialog.session_notes;
                dialog.outcome = None;
            }
        },
        // A read-only session cannot record the file, which would then outlive the session's deletion.
        Some(Action::ExportSave) if ws.is_read_only() => {
            dialog.outcome = Some(Err(Failure::ExportReadOnly));
        }
        Some(Action::ExportSave) => {
            let notes = if dialog.session_notes { NotesChoice::All } else { NotesChoice::Occupations };
            let effect =
                Effect::Export { session: Box::new(ws.session.clone()), format: dialog.format, notes };
            ws.overlay = Some(Overlay::Export(dialog));
            return vec![effect];
        }
        _ => {}
    }
    ws.overlay = Some(Overlay::Export(dialog));
    Vec::new()
}

fn cycle(format: Format, forward: bool) -> Format {
    const ALL: [Format; 3] = [Format::Markdown, Format::Html, Format::Json];
    let at = ALL.iter().position(|f| *f == format).unwrap_or(0);
    ALL[if forward { (at + 1) % 3 } else { (at + 2) % 3 }]
}

pub fn finished(model: &mut Model, outcome: Result<ExportRecord, Failure>) -> Vec<Effect> {
    let now = model.now;
    let Screen::Workspace(ws) = &mut model.screen else { return Vec::new() };
    let leave_now = matches!(&ws.overlay, Some(Overlay::Export(d)) if d.then_leave) && outcome.is_ok();
    // The session remembers the file, so that deleting the session deletes it too.
    let mut effects = Vec::new();
    let outcome = outcome.map(|record| {
        let path = record.path.clone();
        if !matches!(ws.persistence, Persistence::Unsaved | Persistence::ReadOnly) {
            ws.session.record_export(record);
            effects = changed(ws, now);
        }
        path
    });
    if let Some(Overlay::Export(dialog)) = &mut ws.overlay {
        dialog.outcome = Some(outcome);
    }
    if leave_now {
        effects.extend(leave(model));
    }
    effects
}

/// The answer to "leave without saving?": `confirmar` leaves, `exportar_antes` exports first, anything else
/// stays.
pub fn confirm_discard(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    match model.keymap.action(&key, Place::Popup, model.kiosk.is_some()) {
        Some(Action::Confirm) => leave(model),
        Some(Action::ExportFirst) => {
            if let Screen::Workspace(ws) = &mut model.screen {
                ws.overlay = Some(open(true));
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}
