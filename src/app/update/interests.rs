//! «¿Qué le gusta hacer?» (`u`, issue 16): the counselor reads each question, the person answers; `1`–`5`
//! (or a click on an answer button) records the answer and shows the next, Backspace goes back, Tab
//! skips, `r` skips the rest; past the last question come the results, whose suggestions move like a
//! list, filter by competency level (`n`) and sector (`←` `→`) and go to the occupation (Enter). Esc
//! closes, keeping every answer (each is in the session the moment it is given).

use super::changed;
use crate::app::keymap::{Action, Place};
use crate::app::model::{Model, Overlay, Pane, Screen, Workspace};
use crate::app::msg::Effect;
use crate::app::{InterestsPanel, InterestsTarget, next_level, step_sector};
use crate::catalog::CatalogSet;
use crate::interests::Answer;
use crossterm::event::KeyEvent;

/// Rows moved by PgUp/PgDn.
const PAGE: usize = 8;

pub fn open(ws: &mut Workspace) {
    ws.overlay = Some(Overlay::Interests(InterestsPanel::open(&ws.session)));
}

pub fn key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let set = model.catalog.clone();
    let now = model.now;
    let kiosk = model.kiosk.is_some();
    let keymap = model.keymap.clone();
    let Screen::Workspace(ws) = &mut model.screen else { return Vec::new() };
    let Some(Overlay::Interests(panel)) = ws.overlay else { return Vec::new() };
    let place = if panel.showing_results() { Place::InterestsResults } else { Place::InterestsQuestion };
    let action = keymap.action(&key, place, kiosk);
    let target = match action {
        Some(Action::Close) => {
            ws.overlay = None;
            return Vec::new();
        }
        Some(Action::Answer1) => InterestsTarget::Answer(Answer::DislikeMuch),
        Some(Action::Answer2) => InterestsTarget::Answer(Answer::Dislike),
        Some(Action::Answer3) => InterestsTarget::Answer(Answer::Neutral),
        Some(Action::Answer4) => InterestsTarget::Answer(Answer::Like),
        Some(Action::Answer5) => InterestsTarget::Answer(Answer::LikeMuch),
        Some(Action::InterestsBack) => InterestsTarget::Back,
        Some(Action::InterestsSkip) => InterestsTarget::Skip,
        Some(Action::InterestsSkipRest) => InterestsTarget::SkipRest,
        Some(Action::InterestsQuestions) => InterestsTarget::Questions,
        Some(Action::InterestsGo) => return go(ws, &set, panel.selected, now),
        Some(other) => {
            results_key(ws, &set, other);
            return Vec::new();
        }
        None => return Vec::new(),
    };
    act(ws, &set, target, now)
}

/// What a key or a click on the questions (or «volver a las preguntas») does.
fn act(ws: &mut Workspace, set: &CatalogSet, target: InterestsTarget, now: jiff::Timestamp) -> Vec<Effect> {
    let Some(Overlay::Interests(panel)) = &mut ws.overlay else { return Vec::new() };
    let mut effects = Vec::new();
    match target {
        InterestsTarget::Answer(answer) if !panel.showing_results() => {
            // A read-only session shows the questions but takes no answer.
            if ws.persistence == crate::app::Persistence::ReadOnly {
                return Vec::new();
            }
            if panel.quiz.answer(&mut ws.session, set, answer) {
                effects = changed(ws, now);
            }
            if let Some(Overlay::Interests(panel)) = &mut ws.overlay {
                panel.selected = 0;
            }
        }
        InterestsTarget::Back | InterestsTarget::Questions => panel.quiz.back(),
        InterestsTarget::Skip => panel.quiz.skip(),
        InterestsTarget::SkipRest => {
            panel.quiz.skip_rest();
            panel.selected = 0;
        }
        InterestsTarget::Answer(_) | InterestsTarget::Suggestions => {}
    }
    effects
}

/// The results' list and filter keys.
fn results_key(ws: &mut Workspace, set: &CatalogSet, action: Action) {
    let len = ws.interest_suggestions(set).len();
    let last = len.saturating_sub(1);
    let Some(Overlay::Interests(panel)) = &mut ws.overlay else { return };
    let selected = &mut panel.selected;
    match action {
        Action::Up => *selected = selected.saturating_sub(1),
        Action::Down => *selected = (*selected + 1).min(last),
        Action::PageUp => *selected = selected.saturating_sub(PAGE),
        Action::PageDown => *selected = (*selected + PAGE).min(last),
        Action::First => *selected = 0,
        Action::Last => *selected = last,
        Action::InterestsLevel => {
            ws.interest_filter.level = next_level(ws.interest_filter.level);
            *selected = 0;
        }
        Action::InterestsSectorNext | Action::InterestsSectorPrevious => {
            let forward = action == Action::InterestsSectorNext;
            ws.interest_filter.sector = step_sector(set, &ws.interest_filter, forward);
            *selected = 0;
        }
        _ => {}
    }
}

/// A click: an answer or step button, or a suggestion (selects it; on the selected one, goes there).
pub fn clicked(
    ws: &mut Workspace,
    set: &CatalogSet,
    target: InterestsTarget,
    row: Option<usize>,
    now: jiff::Timestamp,
) -> Vec<Effect> {
    if target != InterestsTarget::Suggestions {
        return act(ws, set, target, now);
    }
    let len = ws.interest_suggestions(set).len();
    let Some(Overlay::Interests(panel)) = &mut ws.overlay else { return Vec::new() };
    let Some(row) = row.filter(|r| *r < len) else { return Vec::new() };
    if panel.selected == row {
        return go(ws, set, row, now);
    }
    panel.selected = row;
    Vec::new()
}

pub fn wheel(ws: &mut Workspace, set: &CatalogSet, down: bool) {
    let len = ws.interest_suggestions(set).len();
    let Some(Overlay::Interests(panel)) = &mut ws.overlay else { return };
    panel.selected =
        if down { (panel.selected + 1).min(len.saturating_sub(1)) } else { panel.selected.saturating_sub(1) };
}

/// Enter on a suggestion: close the screen and select that occupation in its sector, focused.
fn go(ws: &mut Workspace, set: &CatalogSet, row: usize, now: jiff::Timestamp) -> Vec<Effect> {
    let id = ws.interest_suggestions(set).get(row).map(|s| s.occupation.id.clone());
    let Some(id) = id else { return Vec::new() };
    ws.overlay = None;
    let effects = super::selection::go_to_occupation(ws, set, &id, now);
    ws.focus = Pane::Occupations;
    effects
}
