//! The new-session form: alias (required), counselor (optional, remembered), consent (Ley 1581 de 2012).

use super::keys::{is_ctrl_c, typed};
use crate::app::keymap::{Action, Place};
use crate::app::model::{CONSENT_VERSION, FormField, Model, NewSessionForm, Persistence, Screen, Workspace};
use crate::app::msg::Effect;
use crate::session::Session;
use crate::text::{is_forbidden, sanitize_line};
use crossterm::event::{KeyCode, KeyEvent};

/// Longest alias or counselor name accepted: a first name or a code, not a document.
const MAX_FIELD: usize = 60;

pub fn key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let Screen::NewSession(form) = &model.screen else { return Vec::new() };
    let action = model.keymap.action(&key, place(form), model.kiosk.is_some());
    let Screen::NewSession(form) = &mut model.screen else { return Vec::new() };
    // Backspace and the characters are the alias and counselor fields' own editing, not actions.
    match (action, key.code) {
        _ if action == Some(Action::Close) || is_ctrl_c(&key) => {
            model.screen = Screen::Sessions;
            return Vec::new();
        }
        (Some(Action::NextField), _) => form.field = next(form.field),
        (Some(Action::PreviousField), _) => form.field = previous(form.field),
        (Some(Action::Start), _) => return submit(model),
        (Some(Action::Consent), _) => form.consent = !form.consent,
        (_, KeyCode::Backspace) => {
            field_text(form).map(String::pop);
        }
        _ => match (form.field, typed(&key)) {
            (_, Some(c)) if !is_forbidden(c) => {
                if let Some(text) = field_text(form)
                    && text.chars().count() < MAX_FIELD
                {
                    text.push(c);
                    form.alias_missing = false;
                }
            }
            _ => {}
        },
    }
    Vec::new()
}

/// The consent box takes no text: its keys are the form's and `consentimiento`.
pub fn place(form: &NewSessionForm) -> Place {
    if form.field == FormField::Consent { Place::Consent } else { Place::Form }
}

pub fn paste(form: &mut NewSessionForm, text: &str) {
    if let Some(field) = field_text(form) {
        let room = MAX_FIELD.saturating_sub(field.chars().count());
        field.extend(sanitize_line(text).chars().take(room));
    }
}

fn field_text(form: &mut NewSessionForm) -> Option<&mut String> {
    match form.field {
        FormField::Alias => Some(&mut form.alias),
        FormField::Counselor => Some(&mut form.counselor),
        FormField::Consent => None,
    }
}

fn next(field: FormField) -> FormField {
    match field {
        FormField::Alias => FormField::Counselor,
        FormField::Counselor => FormField::Consent,
        FormField::Consent => FormField::Alias,
    }
}

fn previous(field: FormField) -> FormField {
    match field {
        FormField::Alias => FormField::Consent,
        FormField::Counselor => FormField::Alias,
        FormField::Consent => FormField::Counselor,
    }
}

/// Enter: starts the session. With consent it is created on disk; without, it runs unsaved.
pub(super) fn submit(model: &mut Model) -> Vec<Effect> {
    let Screen::NewSession(form) = &mut model.screen else { return Vec::new() };
    let Ok(mut session) = Session::new(&form.alias, &form.counselor, model.now, &model.catalog) else {
        form.alias_missing = true;
        form.field = FormField::Alias;
        return Vec::new();
    };
    let consent = form.consent;
    let counselor = session.counselor.clone();
    let mut effects = Vec::new();
    let persistence = if consent {
        session.give_consent(model.now, CONSENT_VERSION);
        effects.push(Effect::CreateSession(Box::new(session.clone())));
        if counselor != model.counselor {
            effects.push(Effect::RememberCounselor(counselor));
        }
        // Pending until the runtime answers the creation with `Msg::Saved`, so a failure is shown.
        Persistence::Pending
    } else {
        Persistence::Unsaved
    };
    model.screen = Screen::Workspace(Box::new(Workspace::new(session, persistence)));
    effects
}
