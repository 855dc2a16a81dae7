//! How a kiosk visit ends: "Terminar" (save, write the summary, show its code) and the way back to the
//! welcome with nothing of the visitor kept. Shared by the kiosk's rules (`kiosk`) and the visitor's
//! screens (`kiosk_visit`), apart from both so neither imports the other's way.

use super::flush;
use crate::app::model::{Model, Persistence, Screen};
use crate::app::msg::Effect;

/// "Terminar": save, write the summary for the desk, and show its code.
pub(super) fn finish(model: &mut Model) -> Vec<Effect> {
    let mut effects = flush(model);
    if let Screen::Workspace(ws) = &model.screen {
        effects.push(Effect::KioskFinish(Box::new(ws.session.clone())));
        if ws.persistence != Persistence::Unsaved {
            effects.push(Effect::CloseSession(ws.session.id.clone()));
        }
        if let Some(kiosk) = &mut model.kiosk {
            kiosk.visit = Default::default();
            kiosk.visit.unsaved = ws.persistence == Persistence::Unsaved;
        }
    }
    model.screen = Screen::KioskDone(None);
    effects
}

/// Back to the welcome screen with nothing of the last visitor kept.
pub(super) fn welcome(model: &mut Model) -> Vec<Effect> {
    // Dropping the workspace drops the session, its notes editor and every copy of their text.
    model.screen = Screen::Welcome;
    model.sessions = Default::default();
    model.counselor.clear();
    if let Some(kiosk) = &mut model.kiosk {
        kiosk.pin = None;
        kiosk.visit = Default::default();
        // The next visitor is greeted in the kiosk's own language.
        if let Some(lang) = kiosk.home_lang.take() {
            model.lang = lang;
        }
    }
    vec![Effect::WipeScreen]
}
