//! The header: who the session is for, when, and whether it is saved.

use super::Ui;
use super::list::{clip, width};
use crate::app::{OfficeNote, OfficeReadOnly, Persistence, Workspace};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(model: &Ui, ws: &Workspace, frame: &mut Frame, area: Rect) {
    let s = model.lang.strings();
    let t = &model.theme;
    let (state, style) = match &ws.persistence {
        // Office mode: saved (or journaled) here, and something the counselor must know about the server.
        // Changed here and at another desk: the copy's name is on the start screen.
        Persistence::Saved | Persistence::Pending
            if matches!(ws.office_note, Some(OfficeNote::CopyKept { .. })) =>
        {
            (s.header_copy_kept.to_string(), t.warning)
        }
        // The save reached this desk's journal/file; only the server is missing.
        Persistence::Saved | Persistence::Pending if ws.office_note == Some(OfficeNote::Offline) => {
            (s.header_offline.to_string(), t.warning)
        }
        Persistence::Saved => (s.header_saved.to_string(), t.ok),
        // In the journal: a crash now loses nothing, which is what "guardado" promises.
        Persistence::Pending if ws.journaled => (s.header_saved.to_string(), t.ok),
        Persistence::Pending => (s.header_pending.to_string(), t.dim),
        Persistence::Unsaved => (s.header_unsaved.to_string(), t.warning),
        // Written by a newer rumbo: saving could drop what this one does not know, so it never saves.
        Persistence::ReadOnly if ws.session.is_newer_format() => {
            (s.header_read_only_newer.to_string(), t.warning)
        }
        // Office mode: another desk has it ("abierta en ESCRITORIO-3"), or this desk lost its lock.
        Persistence::ReadOnly if let Some(why) = &ws.office_read_only => match why {
            OfficeReadOnly::OpenAt(desk) => {
                let at = match desk {
                    Some(desk) => crate::i18n::fill(s.session_open_elsewhere, &[("desk", desk)]),
                    None => s.session_open_elsewhere_unknown.to_string(),
                };
                (crate::i18n::fill(s.header_read_only_elsewhere, &[("where", &at)]), t.warning)
            }
            OfficeReadOnly::LockLost => (s.session_lock_lost.to_string(), t.error),
        },
        // The whole data folder, not another rumbo, is why: say that.
        Persistence::ReadOnly if let Some(why) = &model.data_read_only => {
            (crate::i18n::fill(s.data_read_only_banner, &[("detail", why)]), t.warning)
        }
        Persistence::ReadOnly => (s.header_read_only.to_string(), t.warning),
        // At a kiosk the detail (with its file path) is for the desk, not for the visitor's screen.
        Persistence::Failed(_) if model.kiosk.is_some() => (s.kiosk_save_failed.to_string(), t.error),
        Persistence::Failed(failure) => (super::failure::save_header(failure, model.lang), t.error),
    };
    let left = format!(" rumbo · {} · {} ", ws.session.alias, super::local_time(model, ws.session.created));
    // A long state (a save error with its path) may take half the line, or all the alias leaves, but
    // never the whole header: who the session is for stays on screen.
    let total = usize::from(area.width);
    let state_room = total.saturating_sub(width(&left)).max(total / 2).saturating_sub(2);
    let state = format!(" {} ", clip(&state, state_room));
    let room = total.saturating_sub(width(&state));
    let left = clip(&left, room);
    let gap = room.saturating_sub(width(&left));
    let line =
        Line::from(vec![Span::styled(left, t.title), Span::raw(" ".repeat(gap)), Span::styled(state, style)]);
    frame.render_widget(Paragraph::new(line), area);
}
