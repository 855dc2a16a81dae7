//! Leaving the workspace for the start screen (`q`, Ctrl+C, or after the export the discard question
//! asked for).

use super::{flush, saving};
use crate::app::model::{Model, Persistence, Screen};
use crate::app::msg::Effect;

/// `q`: back to the start screen, saving first. Nothing to confirm: what cannot be saved yet is kept in
/// memory and retried (see `saving`).
pub(super) fn leave(model: &mut Model) -> Vec<Effect> {
    if model.kiosk.is_none()
        && let Some(effects) = saving::keep_on_leaving(model)
    {
        model.screen = Screen::Sessions;
        return effects;
    }
    let mut effects = flush(model);
    // An unsaved session holds no lock; every other one does, read-only ones included. It is also listed,
    // at the top: the start screen selects it there.
    if let Screen::Workspace(ws) = &model.screen
        && ws.persistence != Persistence::Unsaved
    {
        effects.push(Effect::CloseSession(ws.session.id.clone()));
        model.sessions.follow = Some(ws.session.id.clone());
    }
    effects.push(Effect::ListSessions);
    model.screen = Screen::Sessions;
    effects
}
