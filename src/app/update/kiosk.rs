//! Kiosk mode: what a visitor can and cannot do. Runs before the ordinary key handling and answers
//! everything that must not reach it: no session list, no leaving, no counselor field, the idle clock
//! and the administrator's PIN.

use super::flush;
use super::keys::{is_press, typed};
use super::kiosk_end::welcome;
use crate::app::keymap::{Action, Place};
use crate::app::kiosk::KioskState;
use crate::app::model::{Model, Persistence, Screen};
use crate::app::msg::{Area, Effect, Msg};
use crate::kiosk::lock::PinLock;
use crate::kiosk::pin::Typed;
use crossterm::event::{KeyCode, KeyEvent};

/// `Some(effects)` when kiosk mode handled `msg`; `None` lets the ordinary `update` handle it.
pub fn before(model: &mut Model, msg: &Msg) -> Option<Vec<Effect>> {
    let now = model.now;
    let kiosk = model.kiosk.as_mut()?;
    // Windows terminals report key releases too: here they must not act twice (Enter on the welcome screen
    // would open the form and, released, submit it), nor count as the visitor being there.
    if let Msg::Key(key) = msg
        && !is_press(key)
    {
        return Some(Vec::new());
    }
    let active = !matches!(model.screen, Screen::Welcome);
    let input =
        matches!(msg, Msg::Key(_) | Msg::Mouse(_) | Msg::Clicked { .. } | Msg::Wheel { .. } | Msg::Paste(_));
    if input {
        // Past the deadline the session is over even if the tick that ends it has not come yet (the loop
        // was late, the computer slept): the next visitor's first key must not bring the last one back.
        if active && kiosk.expired(now) {
            return Some(expire(model));
        }
        // Any key cancels the countdown, and does nothing else: it was pressed to stay, not to act.
        let counting = active && kiosk.countdown(now).is_some();
        kiosk.last_input = now;
        if counting {
            return Some(Vec::new());
        }
    }
    match msg {
        Msg::Tick => Some(if active && kiosk.expired(now) { expire(model) } else { Vec::new() }),
        Msg::KioskFinished(outcome) => {
            // Only the "Terminar" that asked for it waits for it; late, it must not bring a code back.
            if matches!(model.screen, Screen::KioskDone(None)) {
                model.screen = Screen::KioskDone(Some(outcome.clone()));
            }
            Some(Vec::new())
        }
        Msg::PinChecked(right) => Some(pin_checked(model, *right)),
        Msg::Key(key) => key_event(model, *key),
        // The visit's code is on disk from its first save: the header shows it from then on.
        Msg::Saved(Ok(())) => {
            if matches!(model.screen, Screen::Workspace(_)) {
                kiosk.visit.saved = true;
            }
            None
        }
        // A click does what the key named beside it does; nothing under the PIN prompt, and nothing of
        // the counselor's panes (a visitor never sees them).
        Msg::Clicked { area: Area::Kiosk(target), row } if kiosk.pin.is_none() => {
            Some(super::kiosk_start::clicked(model, *target, *row))
        }
        Msg::Mouse(_) | Msg::Clicked { .. } | Msg::Wheel { .. } => Some(Vec::new()),
        Msg::Paste(_) if kiosk.pin.is_some() => Some(Vec::new()),
        Msg::Paste(text) if matches!(model.screen, Screen::Workspace(_)) => {
            super::kiosk_visit::paste(kiosk, &model.index, text);
            Some(Vec::new())
        }
        _ => None,
    }
}

fn key_event(model: &mut Model, key: KeyEvent) -> Option<Vec<Effect>> {
    let now = model.now;
    let kiosk = model.kiosk.as_mut()?;
    if kiosk.admin_key.matches(&key) {
        kiosk.pin.get_or_insert_with(Default::default);
        return Some(Vec::new());
    }
    if let Some(prompt) = &mut kiosk.pin {
        // Backspace and the characters are the PIN field's own editing, not actions of the keymap.
        match model.keymap.action(&key, Place::Pin, true) {
            Some(Action::Close) => kiosk.pin = None,
            Some(Action::PinConfirm) => return Some(submit_pin(kiosk, now)),
            _ if key.code == KeyCode::Backspace => {
                prompt.input.pop();
            }
            _ => {
                if let Some(c) = typed(&key).filter(|c| !c.is_control()) {
                    prompt.wrong = false;
                    if prompt.input.chars().count() < 64 {
                        prompt.input.push(c);
                    }
                }
            }
        }
        return Some(Vec::new());
    }
    match &mut model.screen {
        Screen::Welcome => {
            let action = model.keymap.action(&key, Place::Welcome, true);
            super::kiosk_start::welcome(model, action);
            Some(Vec::new())
        }
        // While the summary is being written there is no code yet: Enter would lose it.
        Screen::KioskDone(Some(_))
            if model.keymap.action(&key, Place::Done, true) == Some(Action::KioskAgain) =>
        {
            Some(welcome(model))
        }
        Screen::KioskDone(_) => Some(Vec::new()),
        // No counselor field at a kiosk: the alias and the consent choice only.
        Screen::NewSession(_) => Some(super::kiosk_start::form_key(model, key)),
        // The visitor's own screens, never the counselor's workspace.
        Screen::Workspace(_) => Some(super::kiosk_visit::key(model, key)),
        Screen::Sessions => None,
    }
}

/// Enter in the PIN prompt: the PIN goes to the runtime to be checked (argon2 is slow on purpose), and
/// counts as wrong until it comes back right — written to disk first, so stopping rumbo mid-check never
/// gives a guess for free.
fn submit_pin(kiosk: &mut KioskState, now: jiff::Timestamp) -> Vec<Effect> {
    let Some(prompt) = &mut kiosk.pin else { return Vec::new() };
    // Enter with nothing typed is a slip, not a guess: it must not help lock the administrator out.
    if prompt.input.is_empty() || kiosk.checking {
        return Vec::new();
    }
    let typed = Typed(std::mem::take(&mut prompt.input));
    if kiosk.lock.locked(now).is_some() {
        return Vec::new();
    }
    kiosk.lock.wrong(now);
    kiosk.checking = true;
    vec![
        Effect::SavePinLock(kiosk.lock.clone()),
        Effect::CheckPin { pin: typed, hash: kiosk.pin_hash.clone() },
    ]
}

/// The runtime's answer: the right PIN clears the lock, saves what is pending and ends rumbo; a wrong
/// one stays counted and says so.
fn pin_checked(model: &mut Model, right: bool) -> Vec<Effect> {
    let Some(kiosk) = model.kiosk.as_mut().filter(|k| k.checking) else { return Vec::new() };
    kiosk.checking = false;
    if !right {
        if let Some(prompt) = &mut kiosk.pin {
            prompt.wrong = true;
        }
        return Vec::new();
    }
    kiosk.pin = None;
    kiosk.lock = PinLock::default();
    let mut effects = vec![Effect::SavePinLock(PinLock::default())];
    effects.extend(flush(model));
    effects.push(Effect::Quit);
    model.quitting = true;
    effects
}

/// The idle time ran out: save what there is and, for a visit with consent, write its summary as
/// "Terminar" would (the visitor who walked away can still claim it at the desk by the code they saw in
/// the header); then leave nothing of the visitor on screen or in memory.
fn expire(model: &mut Model) -> Vec<Effect> {
    let mut effects = flush(model);
    if let Screen::Workspace(ws) = &model.screen
        && ws.persistence != Persistence::Unsaved
    {
        effects.push(Effect::KioskFinish(Box::new(ws.session.clone())));
        effects.push(Effect::CloseSession(ws.session.id.clone()));
    }
    effects.extend(welcome(model));
    effects
}
