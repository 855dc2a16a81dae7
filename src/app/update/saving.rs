//! Saves that fail: the open session's result, sessions left unsaved (kept in memory and retried every
//! few seconds, or at once with `r`), the question before quitting with any of them, and the copy
//! written elsewhere. A kiosk never keeps a visitor's text: it only learns when it can save again.

use super::keys::{is_ctrl_c, typed};
use crate::app::Failure;
use crate::app::Notice;
use crate::app::keymap::{Action, Place};
use crate::app::model::{Model, Persistence, Screen, Workspace};
use crate::app::msg::Effect;
use crate::app::saving::{CopyDialog, QuitPrompt, SaveFailure, Unsaved};
use crossterm::event::{KeyCode, KeyEvent};
use std::path::PathBuf;

/// `Msg::Saved`: the open session's save finished.
pub fn saved(model: &mut Model, result: Result<(), SaveFailure>) -> Vec<Effect> {
    model.save_trouble = result.as_ref().err().cloned();
    match (&mut model.screen, result) {
        (Screen::Workspace(ws), result)
            if matches!(ws.persistence, Persistence::Pending | Persistence::Failed(_)) =>
        {
            match result {
                Ok(()) => ws.persistence = Persistence::Saved,
                Err(failure) => {
                    ws.persistence = Persistence::Failed(failure);
                    return vec![Effect::RetrySave];
                }
            }
        }
        // A kiosk's last save failed after the visitor was wiped: the welcome screen says so until a probe
        // (on the retry timer) finds the folder writable again.
        (_, Err(_)) if model.kiosk.is_some() => return vec![Effect::RetrySave],
        (Screen::Sessions, Err(failure)) => model.sessions.notice = Some(Notice::SaveFailed(failure)),
        _ => {}
    }
    Vec::new()
}

/// `Msg::LeftSaved`: a session left unsaved is on disk now (its lock goes), or failed again.
pub fn left_saved(model: &mut Model, id: &str, result: Result<(), SaveFailure>) -> Vec<Effect> {
    let Some(i) = model.unsaved.iter().position(|u| u.session.id == id) else { return Vec::new() };
    match result {
        Err(failure) => {
            model.save_trouble = Some(failure.clone());
            model.unsaved[i].failure = Some(failure);
            vec![Effect::RetrySave]
        }
        Ok(()) => {
            model.save_trouble = None;
            model.unsaved.remove(i);
            if let Some(row) = model.sessions.rows.iter_mut().find(|r| r.id == id) {
                row.unsaved = false;
            }
            let mut effects = vec![Effect::ReleaseLock(id.to_string())];
            // Asked to quit and retried: once nothing would be lost, the quit goes ahead.
            if model.sessions.quit_prompt.is_some() && !model.would_lose_text() {
                model.sessions.quit_prompt = None;
                model.quitting = true;
                effects.push(Effect::Quit);
            }
            effects
        }
    }
}

/// `Msg::SaveDue`: what is pending or failed, the open session and every one left unsaved; at a kiosk
/// that could not save and has nothing to write, a probe.
pub fn due(model: &Model) -> Vec<Effect> {
    let mut effects = super::flush(model);
    effects.extend(left_saves(model));
    if effects.is_empty() && model.kiosk.is_some() && model.save_trouble.is_some() {
        effects.push(Effect::ProbeStore);
    }
    effects
}

/// `r`: the same, now.
pub fn retry_now(model: &Model) -> Vec<Effect> {
    due(model)
}

/// A save for each session left unsaved.
pub fn left_saves(model: &Model) -> Vec<Effect> {
    model.unsaved.iter().map(|u| Effect::SaveLeft(Box::new(u.session.clone()))).collect()
}

/// Leaving a workspace whose changes are not on disk: the session goes to `unsaved` (in memory, lock
/// held) and is written from there. `None` when there is nothing to keep.
pub fn keep_on_leaving(model: &mut Model) -> Option<Vec<Effect>> {
    let Screen::Workspace(ws) = &model.screen else { return None };
    let failure = match &ws.persistence {
        Persistence::Pending => None,
        Persistence::Failed(failure) => Some(failure.clone()),
        _ => return None,
    };
    let session = ws.session.clone();
    model.unsaved.retain(|u| u.session.id != session.id);
    model.sessions.follow = Some(session.id.clone());
    model.unsaved.push(Unsaved { session: session.clone(), failure, copied_to: None });
    Some(vec![Effect::SaveLeft(Box::new(session)), Effect::ListSessions])
}

/// Enter on a session left unsaved: it opens from memory, where its latest text is (the file is older).
pub fn reopen(model: &mut Model, id: &str) -> Option<Vec<Effect>> {
    let i = model.unsaved.iter().position(|u| u.session.id == id)?;
    let unsaved = model.unsaved.remove(i);
    let (persistence, effect) = match unsaved.failure {
        Some(failure) => (Persistence::Failed(failure), Effect::RetrySave),
        None => (Persistence::Pending, Effect::ScheduleSave),
    };
    let ws = Workspace::new(unsaved.session, persistence);
    super::selection::show(model, ws);
    Some(vec![effect])
}

/// A session left unsaved is about to be deleted: forget it and release its lock first.
pub fn forget(model: &mut Model, id: &str) -> Vec<Effect> {
    let before = model.unsaved.len();
    model.unsaved.retain(|u| u.session.id != id);
    if model.unsaved.len() == before { Vec::new() } else { vec![Effect::ReleaseLock(id.to_string())] }
}

/// `q` (or Ctrl+C) on the start screen: quit, or ask first when text would be lost.
pub fn quit(model: &mut Model) -> Vec<Effect> {
    if model.would_lose_text() {
        model.sessions.quit_prompt = Some(QuitPrompt::Ask);
        return Vec::new();
    }
    model.quitting = true;
    vec![Effect::Quit]
}

/// A key while the quit question is open. It never quits by itself with text unsaved.
pub fn prompt_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let Some(prompt) = &mut model.sessions.quit_prompt else { return Vec::new() };
    match prompt {
        QuitPrompt::Ask => match model.keymap.action(&key, Place::Popup, false) {
            Some(Action::Retry) => retry_now(model),
            Some(Action::Copy) => {
                *prompt = QuitPrompt::Copy(CopyDialog::default());
                vec![Effect::ListDrives]
            }
            Some(Action::Close) => {
                model.sessions.quit_prompt = None;
                Vec::new()
            }
            _ => Vec::new(),
        },
        QuitPrompt::Copy(dialog) => {
            let rows = dialog.drives.as_ref().map_or(0, Vec::len) + 1;
            // Backspace and the characters are the folder row's own editing, not actions of the keymap.
            match model.keymap.action(&key, Place::Copy, false) {
                Some(Action::Close) => *prompt = QuitPrompt::Ask,
                Some(Action::CopyUp) => dialog.selected = dialog.selected.saturating_sub(1),
                Some(Action::CopyDown) => dialog.selected = (dialog.selected + 1).min(rows - 1),
                Some(Action::CopySave) => {
                    if let Some(dir) = dialog.chosen() {
                        dialog.error = None;
                        let sessions = model.unsaved.iter().map(|u| u.session.clone()).collect();
                        return vec![Effect::SaveCopies { dir, sessions }];
                    }
                }
                _ if key.code == KeyCode::Backspace && dialog.on_typed_row() => {
                    dialog.typed.pop();
                }
                _ if is_ctrl_c(&key) => {}
                _ => {
                    if dialog.on_typed_row()
                        && let Some(c) = typed(&key).filter(|c| !crate::text::is_forbidden(*c))
                    {
                        dialog.typed.push(c);
                    }
                }
            }
            Vec::new()
        }
    }
}

/// `Msg::DrivesListed`.
pub fn drives_listed(model: &mut Model, drives: Vec<PathBuf>) {
    if let Some(QuitPrompt::Copy(dialog)) = &mut model.sessions.quit_prompt {
        dialog.drives = Some(drives);
        dialog.selected = 0;
    }
}

/// `Msg::CopiesSaved`: the copies are written (the counselor is told where, and how to bring them back),
/// or the dialog says why not.
pub fn copies_saved(model: &mut Model, outcome: Result<Vec<(String, PathBuf)>, Failure>) {
    match outcome {
        Ok(files) => {
            let mut places = Vec::new();
            for (id, path) in files {
                places.push(path.clone());
                if let Some(u) = model.unsaved.iter_mut().find(|u| u.session.id == id) {
                    u.copied_to = Some(path);
                }
            }
            model.sessions.quit_prompt = None;
            model.sessions.notice = Some(Notice::Copied(places));
        }
        Err(failure) => {
            if let Some(QuitPrompt::Copy(dialog)) = &mut model.sessions.quit_prompt {
                dialog.error = Some(failure);
            }
        }
    }
}

/// `Msg::StoreProbed` (kiosk): the data folder takes writes again, or still does not.
pub fn probed(model: &mut Model, result: Result<(), SaveFailure>) -> Vec<Effect> {
    match result {
        Ok(()) => {
            model.save_trouble = None;
            Vec::new()
        }
        Err(failure) => {
            model.save_trouble = Some(failure);
            vec![Effect::RetrySave]
        }
    }
}
