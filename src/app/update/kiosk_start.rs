//! Issue 14: a kiosk visit before its session exists — the welcome's language, the alias and the consent
//! as a choice made ("Sí, guardar" / "No guardar"), never Enter's default — and where each click on a
//! kiosk screen goes.

use super::keys::is_ctrl_c;
use crate::app::keymap::Action;
use crate::app::kiosk_visit::{Target, Visit};
use crate::app::model::{FormField, Model, NewSessionForm, Screen};
use crate::app::msg::Effect;
use crate::i18n::Lang;
use crossterm::event::KeyEvent;

/// The welcome screen: the language, then Enter.
pub fn welcome(model: &mut Model, action: Option<Action>) {
    match action {
        Some(Action::KioskSpanish) => set_lang(model, Lang::Es),
        Some(Action::KioskEnglish) => set_lang(model, Lang::En),
        Some(Action::KioskStart) => model.screen = Screen::NewSession(NewSessionForm::default()),
        _ => {}
    }
}

fn set_lang(model: &mut Model, lang: Lang) {
    if let Some(kiosk) = &mut model.kiosk {
        kiosk.home_lang.get_or_insert(model.lang);
    }
    model.lang = lang;
}

/// The alias and the consent choice. Enter moves from the alias to the choice, and starts only once
/// "Sí, guardar" or "No guardar" was chosen: Enter alone never chooses.
pub fn form_key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let Screen::NewSession(form) = &mut model.screen else { return Vec::new() };
    match model.keymap.action(&key, super::form::place(form), true) {
        Some(Action::Close) => model.screen = Screen::Welcome,
        Some(Action::NextField | Action::PreviousField) => {
            form.field = if form.field == FormField::Alias { FormField::Consent } else { FormField::Alias };
        }
        Some(Action::KioskSave) => choose(form, true),
        Some(Action::KioskDontSave) => choose(form, false),
        Some(Action::Start) => return form_continue(model),
        // Space ticks the counselor's box; here consent is said in words, not ticked.
        Some(Action::Consent) => {}
        _ if is_ctrl_c(&key) => {}
        _ if form.field == FormField::Alias => return super::form::key(model, key),
        _ => {}
    }
    Vec::new()
}

fn choose(form: &mut NewSessionForm, consent: bool) {
    form.consent = consent;
    form.consent_chosen = true;
    form.consent_needed = false;
    form.field = FormField::Consent;
}

/// Enter, or a click on "Continuar".
fn form_continue(model: &mut Model) -> Vec<Effect> {
    let Screen::NewSession(form) = &mut model.screen else { return Vec::new() };
    if form.alias.trim().is_empty() {
        form.alias_missing = true;
        form.field = FormField::Alias;
        return Vec::new();
    }
    if !form.consent_chosen {
        form.consent_needed = true;
        form.field = FormField::Consent;
        return Vec::new();
    }
    let effects = super::form::submit(model);
    if let Some(kiosk) = &mut model.kiosk {
        kiosk.visit = Visit::default();
    }
    // The counselor's name is a preference of counselors' computers, not of a kiosk.
    effects.into_iter().filter(|e| !matches!(e, Effect::RememberCounselor(_))).collect()
}

/// A click on a kiosk screen's `target` (list row `row`): what the key named beside it does.
pub fn clicked(model: &mut Model, target: Target, row: Option<usize>) -> Vec<Effect> {
    match (&mut model.screen, target) {
        (Screen::Welcome, Target::Spanish) => welcome(model, Some(Action::KioskSpanish)),
        (Screen::Welcome, Target::English) => welcome(model, Some(Action::KioskEnglish)),
        (Screen::Welcome, Target::Begin) => welcome(model, Some(Action::KioskStart)),
        (Screen::NewSession(form), Target::ConsentYes) => choose(form, true),
        (Screen::NewSession(form), Target::ConsentNo) => choose(form, false),
        (Screen::NewSession(form), Target::Row) => form.field = FormField::Alias,
        (Screen::NewSession(_), Target::Continue) => return form_continue(model),
        (Screen::NewSession(_), Target::Back) => model.screen = Screen::Welcome,
        (Screen::KioskDone(Some(_)), Target::Again) => return super::kiosk_end::welcome(model),
        (Screen::Workspace(_), _) => return super::kiosk_visit::act(model, target, row),
        _ => {}
    }
    Vec::new()
}
