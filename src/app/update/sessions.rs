//! The start screen "Sesiones": saved sessions, newest first.

use super::keys::{is_ctrl_c, typed};
use super::saving;
use crate::app::keymap::{Action, Place};
use crate::app::model::{Model, NewSessionForm, Screen, SessionRow};
use crate::app::msg::Effect;
use crate::app::{Failure, Notice, RowProblem};
use crate::session::{Listed, best_fit};
use crossterm::event::{KeyCode, KeyEvent};

/// Rows moved by PgUp/PgDn.
const PAGE: usize = 10;

pub fn listed(model: &mut Model, listed: Vec<Listed>) {
    // The list is re-sorted on every read (a session just saved moves to the top): the selection stays on
    // the same session, not on the same row, so Enter opens the one the counselor sees selected.
    let keep = model.sessions.follow.take().or_else(|| {
        let list = &model.sessions;
        list.visible().get(list.selected).map(|&i| list.rows[i].id.clone())
    });
    let rows = listed.into_iter().map(|entry| row_of(model, entry)).collect();
    model.sessions.rows = rows;
    mark_unsaved(model);
    model.sessions.loaded = true;
    let list = &mut model.sessions;
    let visible = list.visible();
    list.selected = keep
        .and_then(|id| visible.iter().position(|&i| list.rows[i].id == id))
        .unwrap_or_else(|| list.selected.min(visible.len().saturating_sub(1)));
}

/// A listed session as a row of the start screen.
fn row_of(model: &Model, entry: Listed) -> SessionRow {
    match entry {
        Listed::Ok(session) => SessionRow {
            id: session.id.clone(),
            alias: session.alias.clone(),
            updated: Some(session.updated),
            best: best_fit(&session, &model.catalog),
            problem: None,
            unsaved: false,
            follow_up: session.follow_up,
        },
        Listed::Corrupt { id, path, line, col, message } => SessionRow {
            id: id.clone(),
            alias: id,
            updated: None,
            best: None,
            // The file name is enough here: every session is in the same folder.
            problem: Some(RowProblem::Corrupt { file: file_name(&path), line, col, message }),
            unsaved: false,
            follow_up: None,
        },
        Listed::Unreadable { id, path, message } => SessionRow {
            id: id.clone(),
            alias: id,
            updated: None,
            best: None,
            problem: Some(RowProblem::Unreadable { path, message }),
            unsaved: false,
            follow_up: None,
        },
    }
}

/// Kiosk to desk: the sessions the code typed at `/` names, looked up in the store just now (a visit
/// sent after the list was read is found too). One opens; several stay listed alone, to choose from; none
/// says so — unless the filter, taken as words, still shows rows (a six-letter alias, not a code).
pub fn code_found(model: &mut Model, code: &str, found: Result<Vec<Listed>, Failure>) -> Vec<Effect> {
    if !matches!(model.screen, Screen::Sessions) {
        return Vec::new();
    }
    let found = match found {
        Ok(found) => found,
        Err(failure) => {
            model.sessions.notice = Some(Notice::OpenFailed(failure));
            return Vec::new();
        }
    };
    let rows: Vec<SessionRow> = found.into_iter().map(|entry| row_of(model, entry)).collect();
    let list = &mut model.sessions;
    for row in &rows {
        if !list.rows.iter().any(|r| r.id == row.id) {
            list.rows.insert(0, row.clone());
        }
    }
    match rows.as_slice() {
        [] => {
            if list.visible().is_empty() {
                list.notice = Some(Notice::CodeNone);
            }
            Vec::new()
        }
        [one] => {
            list.filter.clear();
            list.selected = list.visible().iter().position(|&i| list.rows[i].id == one.id).unwrap_or(0);
            if let Some(problem) = one.problem.clone() {
                list.notice = Some(Notice::Damaged(problem));
                return Vec::new();
            }
            list.notice = None;
            let id = one.id.clone();
            open(model, id)
        }
        _ => {
            let shown = code.to_uppercase();
            list.filter = shown.clone();
            list.selected = 0;
            list.notice = Some(Notice::CodeSeveral(shown));
            Vec::new()
        }
    }
}

/// Sessions left unsaved show what is in memory (newer than their file, or with no file yet), marked.
fn mark_unsaved(model: &mut Model) {
    let catalog = model.catalog.clone();
    for unsaved in &model.unsaved {
        let session = &unsaved.session;
        let row = SessionRow {
            id: session.id.clone(),
            alias: session.alias.clone(),
            updated: Some(session.updated),
            best: best_fit(session, &catalog),
            problem: None,
            unsaved: true,
            follow_up: session.follow_up,
        };
        match model.sessions.rows.iter_mut().find(|r| r.id == session.id) {
            Some(existing) => *existing = row,
            None => model.sessions.rows.insert(0, row),
        }
    }
}

pub fn key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    if model.sessions.quit_prompt.is_some() {
        return saving::prompt_key(model, key);
    }
    // Raw mode turns Ctrl+C into a key: it leaves the workspace there, and quits here.
    if is_ctrl_c(&key) {
        return saving::quit(model);
    }
    let read_only = model.data_read_only.is_some();
    let list = &mut model.sessions;
    if let Some(id) = list.confirm_delete.clone() {
        list.confirm_delete = None;
        return match model.keymap.action(&key, Place::Popup, false) {
            Some(Action::Confirm) => {
                list.notice = None;
                let mut effects = saving::forget(model, &id);
                effects.extend([Effect::DeleteSession(id), Effect::ListSessions]);
                effects
            }
            _ => Vec::new(),
        };
    }
    let keymap = model.keymap.clone();
    if list.filtering {
        // Backspace and the characters are the filter field's own editing, not actions of the keymap.
        match keymap.action(&key, Place::Filter, model.kiosk.is_some()) {
            Some(Action::Close) => {
                list.filtering = false;
                list.filter.clear();
            }
            Some(Action::FilterDone) => {
                list.filtering = false;
                list.selected = 0;
                // A kiosk visitor's code: look it up in the store (the reply opens the visit).
                if let Some(code) = crate::session::typed_code(&list.filter) {
                    list.notice = None;
                    return vec![Effect::FindCode(code)];
                }
            }
            _ if key.code == KeyCode::Backspace => {
                list.filter.pop();
            }
            _ => {
                if let Some(c) = typed(&key).filter(|c| !crate::text::is_forbidden(*c)) {
                    list.filter.push(c);
                }
            }
        }
        list.selected = 0;
        return Vec::new();
    }
    let visible = list.visible();
    let current = visible.get(list.selected).map(|&i| list.rows[i].clone());
    let Some(action) = keymap.action(&key, Place::Sessions, model.kiosk.is_some()) else {
        // A key that works in the workspace says so, rather than doing nothing silently.
        // Never over a notice that says something else (a failed save, a damaged file).
        let free = matches!(list.notice, None | Some(Notice::KeyElsewhere(_)));
        if let Some(hint) = keymap.elsewhere(&key, model.kiosk.is_some()).filter(|_| free) {
            list.notice = Some(Notice::KeyElsewhere(hint));
        }
        return Vec::new();
    };
    let last = visible.len().saturating_sub(1);
    let moved_to = match action {
        Action::Up => Some(list.selected.saturating_sub(1)),
        Action::Down => Some(list.selected + 1),
        Action::PageUp => Some(list.selected.saturating_sub(PAGE)),
        Action::PageDown => Some(list.selected + PAGE),
        Action::First => Some(0),
        Action::Last => Some(last),
        _ => None,
    };
    if let Some(next) = moved_to {
        if !visible.is_empty() {
            list.selected = next.min(last);
        }
        return Vec::new();
    }
    match action {
        Action::Leave => saving::quit(model),
        Action::Retry if !model.unsaved.is_empty() => saving::retry_now(model),
        // A read-only data folder: nothing can be created or deleted there.
        Action::NewSession | Action::Delete if read_only => {
            list.notice = Some(Notice::ReadOnlyRefused);
            Vec::new()
        }
        Action::NewSession => {
            list.notice = None;
            let counselor = model.counselor.clone();
            model.screen = Screen::NewSession(NewSessionForm { counselor, ..NewSessionForm::default() });
            Vec::new()
        }
        Action::Filter => {
            list.filtering = true;
            Vec::new()
        }
        Action::Close => {
            list.filter.clear();
            list.notice = None;
            Vec::new()
        }
        Action::Delete => {
            if let Some(row) = current {
                list.confirm_delete = Some(row.id);
            }
            Vec::new()
        }
        Action::Resume => match current {
            Some(row) if row.problem.is_some() => {
                list.notice = row.problem.map(Notice::Damaged);
                Vec::new()
            }
            Some(row) => {
                list.notice = None;
                open(model, row.id)
            }
            None => Vec::new(),
        },
        _ => Vec::new(),
    }
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Opens session `id` (or goes back to it when it is still open in the background), unless another
/// open is under way.
fn open(model: &mut Model, id: String) -> Vec<Effect> {
    if let Some(effects) = saving::reopen(model, &id) {
        return effects;
    }
    if let Some(opening) = &model.sessions.opening {
        let alias = model
            .sessions
            .rows
            .iter()
            .find(|r| &r.id == opening)
            .map_or(opening.clone(), |r| r.alias.clone());
        model.sessions.notice = Some(Notice::Opening(alias));
        return Vec::new();
    }
    model.sessions.opening = Some(id.clone());
    vec![Effect::OpenSession(id)]
}
