//! The plan panel's keys (`p`), and the panes' `*` (make the occupation a goal) and `i` (add it to the
//! explored list). Every edit first raises the session to the plan's format (see
//! [`Session::raise_to_plan`]); a read-only session changes nothing and says so.

use super::changed;
use super::keys::typed;
use crate::app::keymap::{Action, Place};
use crate::app::model::{Model, Overlay, Screen, Workspace};
use crate::app::msg::Effect;
use crate::app::plan::{
    CONTACT_ROWS, ContactRow, EditTarget, PlanEdit, PlanMessage, PlanPanel, PlanPart, ProfileRow, StepRow,
    profile_rows, step_rows,
};
use crate::catalog::CatalogSet;
use crate::i18n::Lang;
use crate::session::plan::{self, PlanError};
use crate::session::{Education, Jornada, LanguageLevel, LanguageSkill, StepKind, StepStatus, Who};
use crate::text::{is_forbidden, sanitize_line};
use crossterm::event::{KeyCode, KeyEvent};
use jiff::Timestamp;

/// What an edit needs besides the workspace and the panel.
pub struct Ctx<'a> {
    pub set: &'a CatalogSet,
    pub now: Timestamp,
    pub lang: Lang,
}

/// `p`: the panel, on its first part.
pub fn open(ws: &mut Workspace) {
    ws.overlay = Some(Overlay::Plan(Box::new(PlanPanel::new(PlanPart::Profile, &ws.session))));
}

/// `*` and `i` in the panes, on the occupation in focus. Two goals already: the panel opens on Meta and
/// says why, so one can be taken off there.
pub fn from_pane(model: &mut Model, goal: bool) -> Vec<Effect> {
    let set = model.catalog.clone();
    let now = model.now;
    let Screen::Workspace(ws) = &mut model.screen else { return Vec::new() };
    let Some(id) = ws.current_occupation(&set).map(|o| o.id.clone()) else { return Vec::new() };
    if ws.is_read_only() {
        return Vec::new();
    }
    ws.session.raise_to_plan(&set);
    if goal {
        if let Err(e) = ws.session.toggle_goal(&id) {
            let mut panel = PlanPanel::new(PlanPart::Goals, &ws.session);
            panel.message = Some(PlanMessage::Refused(e));
            ws.overlay = Some(Overlay::Plan(Box::new(panel)));
            return Vec::new();
        }
    } else {
        ws.session.toggle_explored(&id);
    }
    changed(ws, now)
}

pub fn key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let set = model.catalog.clone();
    let ctx = Ctx { set: &set, now: model.now, lang: model.lang };
    let keymap = model.keymap.clone();
    let kiosk = model.kiosk.is_some();
    let Screen::Workspace(ws) = &mut model.screen else { return Vec::new() };
    let Some(Overlay::Plan(mut panel)) = ws.overlay.take() else { return Vec::new() };
    let place = if panel.edit.is_some() { Place::PlanEdit } else { Place::PlanList };
    let action = keymap.action(&key, place, kiosk);
    if action == Some(Action::Close) {
        // Esc leaves the line being typed first, then the panel.
        if panel.edit.take().is_some() {
            panel.message = None;
            ws.overlay = Some(Overlay::Plan(panel));
        }
        return Vec::new();
    }
    let effects = if panel.edit.is_some() {
        typing(ws, &mut panel, action, &key, &ctx)
    } else {
        act(ws, &mut panel, action, &ctx)
    };
    ws.overlay = Some(Overlay::Plan(panel));
    effects
}

/// A paste goes into the line being typed.
pub fn paste(panel: &mut PlanPanel, text: &str) {
    if let Some(edit) = &mut panel.edit {
        edit.text.push_str(&sanitize_line(text));
    }
}

fn typing(
    ws: &mut Workspace,
    panel: &mut PlanPanel,
    action: Option<Action>,
    key: &KeyEvent,
    ctx: &Ctx,
) -> Vec<Effect> {
    let Some(edit) = &mut panel.edit else { return Vec::new() };
    if action == Some(Action::PlanEditDone) {
        let edit = edit.clone();
        return match commit(ws, panel, &edit, ctx) {
            Ok(effects) => {
                panel.edit = None;
                panel.message = None;
                panel.clamp(&ws.session, ctx.set, ctx.lang);
                effects
            }
            Err(message) => {
                panel.message = Some(message);
                Vec::new()
            }
        };
    }
    match (key.code, typed(key)) {
        (KeyCode::Backspace, _) => {
            edit.text.pop();
        }
        (_, Some(c)) if edit.fresh && !is_forbidden(c) => edit.text = c.to_string(),
        (_, Some(c)) if !is_forbidden(c) && edit.text.chars().count() < plan::LINE_MAX_CHARS => {
            edit.text.push(c)
        }
        _ => return Vec::new(),
    }
    edit.fresh = false;
    Vec::new()
}

fn act(ws: &mut Workspace, panel: &mut PlanPanel, action: Option<Action>, ctx: &Ctx) -> Vec<Effect> {
    let parts = PlanPart::ALL;
    let at = crate::app::plan::part_index(panel.part);
    let Some(action) = action else { return Vec::new() };
    match action {
        Action::PlanNext => panel.part = parts[(at + 1) % parts.len()],
        Action::PlanPrevious => panel.part = parts[(at + parts.len() - 1) % parts.len()],
        Action::PlanUp => panel.select(panel.row().saturating_sub(1)),
        Action::PlanDown => {
            let last = panel.len(&ws.session, ctx.set, ctx.lang).saturating_sub(1);
            panel.select((panel.row() + 1).min(last));
        }
        _ if ws.is_read_only() => {
            if matches!(
                action,
                Action::PlanEdit
                    | Action::PlanChange
                    | Action::PlanAccept
                    | Action::PlanWho
                    | Action::PlanDate
                    | Action::PlanBring
                    | Action::PlanNew
                    | Action::PlanRemove
            ) {
                panel.message = Some(PlanMessage::ReadOnly);
            }
            return Vec::new();
        }
        Action::PlanEdit => start_edit(ws, panel, ctx, EditKind::Text),
        Action::PlanDate => start_edit(ws, panel, ctx, EditKind::Date),
        Action::PlanBring => start_edit(ws, panel, ctx, EditKind::Bring),
        Action::PlanNew => {
            let target = match panel.part {
                PlanPart::Steps => EditTarget::NewStep,
                PlanPart::Profile => EditTarget::NewLanguage,
                _ => return Vec::new(),
            };
            panel.edit = Some(PlanEdit { target, text: String::new(), fresh: false });
        }
        Action::PlanChange => return change(ws, panel, ctx),
        Action::PlanAccept => return accept(ws, panel, ctx).1,
        Action::PlanWho => {
            return step_edit(ws, panel, ctx, |s| {
                s.who = if s.who == Who::Persona { Who::Orientador } else { Who::Persona }
            });
        }
        Action::PlanRemove => return remove(ws, panel, ctx),
        _ => {}
    }
    panel.message = None;
    Vec::new()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum EditKind {
    Text,
    Date,
    Bring,
}

/// Enter (text), `f` (date), `l` (Qué llevar) on a row: the line to type, filled with what is there. On a
/// suggestion, the step is accepted first and then edited: one key to accept and change it.
fn start_edit(ws: &mut Workspace, panel: &mut PlanPanel, ctx: &Ctx, kind: EditKind) {
    panel.message = None;
    let s = &ws.session;
    let target = match (panel.part, kind) {
        (PlanPart::Profile, EditKind::Text) => match profile_rows(s).get(panel.row()) {
            Some(ProfileRow::Zones) => Some((EditTarget::Zones, s.profile.zones.join(", "))),
            Some(ProfileRow::AddLanguage) => Some((EditTarget::NewLanguage, String::new())),
            _ => None,
        },
        (PlanPart::Contact, EditKind::Text) => match CONTACT_ROWS.get(panel.row()) {
            Some(ContactRow::Phone) => {
                Some((EditTarget::Phone, s.contact.as_ref().map(|c| c.phone.clone()).unwrap_or_default()))
            }
            Some(ContactRow::Email) => {
                Some((EditTarget::Email, s.contact.as_ref().map(|c| c.email.clone()).unwrap_or_default()))
            }
            _ => None,
        },
        (PlanPart::FollowUp, EditKind::Text | EditKind::Date) => {
            Some((EditTarget::FollowUp, s.follow_up.map(|d| d.to_string()).unwrap_or_default()))
        }
        (PlanPart::Steps, _) => {
            let index = match step_rows(s, ctx.set, ctx.lang).get(panel.row()) {
                Some(StepRow::Step(i)) => Some(*i),
                Some(StepRow::Suggested(_)) => accept(ws, panel, ctx).0,
                None => None,
            };
            index.and_then(|i| {
                let step = ws.session.steps.get(i)?;
                Some(match kind {
                    EditKind::Text => (EditTarget::StepText(i), step.text.clone()),
                    EditKind::Date => {
                        (EditTarget::StepDate(i), step.date.map(|d| d.to_string()).unwrap_or_default())
                    }
                    EditKind::Bring => (EditTarget::Bring(i), step.bring.join(", ")),
                })
            })
        }
        _ => None,
    };
    if let Some((target, text)) = target {
        panel.edit = Some(PlanEdit { fresh: target.is_date() && !text.is_empty(), target, text });
    }
}

/// Enter on the line typed: checks it and puts it into the session.
fn commit(
    ws: &mut Workspace,
    panel: &mut PlanPanel,
    edit: &PlanEdit,
    ctx: &Ctx,
) -> Result<Vec<Effect>, PlanMessage> {
    let refused = PlanMessage::Refused;
    let list =
        |text: &str| -> Vec<String> { text.split(',').map(plan::clip).filter(|x| !x.is_empty()).collect() };
    let date = |text: &str| {
        if text.trim().is_empty() { Ok(None) } else { plan::parse_date(text).map(Some).map_err(refused) }
    };
    // Checked before the session is touched: a refused line changes nothing.
    let parsed_date = if edit.target.is_date() { date(&edit.text)? } else { None };
    let session = &mut ws.session;
    match edit.target {
        EditTarget::Phone | EditTarget::Email => {
            let Some(consent_at) = panel.consent_at else { return Err(PlanMessage::NeedConsent) };
            let (mut phone, mut email) =
                session.contact.as_ref().map(|c| (c.phone.clone(), c.email.clone())).unwrap_or_default();
            if edit.target == EditTarget::Phone {
                phone = edit.text.clone()
            } else {
                email = edit.text.clone()
            }
            let contact = match plan::contact(&phone, &email, consent_at) {
                Ok(contact) => Some(contact),
                // Both emptied: nothing to keep, the consent box stays ticked.
                Err(PlanError::ContactEmpty) => None,
                Err(e) => return Err(refused(e)),
            };
            session.raise_to_plan(ctx.set);
            session.contact = contact;
        }
        EditTarget::NewStep | EditTarget::StepText(_) if plan::clip(&edit.text).is_empty() => {
            return Err(refused(PlanError::EmptyStep));
        }
        _ => {
            session.raise_to_plan(ctx.set);
            match edit.target {
                EditTarget::Zones => session.profile.zones = list(&edit.text),
                EditTarget::NewLanguage => {
                    let language = plan::clip(&edit.text);
                    if language.is_empty() {
                        return Ok(Vec::new());
                    }
                    session.profile.languages.push(LanguageSkill { language, level: LanguageLevel::Basico });
                }
                EditTarget::NewStep => {
                    session.steps.push(crate::session::Step {
                        text: plan::clip(&edit.text),
                        who: Who::Persona,
                        date: None,
                        status: StepStatus::Pendiente,
                        bring: Vec::new(),
                        kind: StepKind::Own,
                    });
                    panel.select(session.steps.len() - 1);
                }
                EditTarget::StepText(i) => set_step(session, i, |s| s.text = plan::clip(&edit.text)),
                EditTarget::Bring(i) => set_step(session, i, |s| s.bring = list(&edit.text)),
                EditTarget::StepDate(i) => set_step(session, i, |s| s.date = parsed_date),
                EditTarget::FollowUp => {
                    session.follow_up = parsed_date;
                    // The follow-up appointment is on the follow-up date.
                    session
                        .steps
                        .iter_mut()
                        .filter(|s| s.kind == StepKind::FollowUp)
                        .for_each(|s| s.date = parsed_date);
                }
                EditTarget::Phone | EditTarget::Email => {}
            }
        }
    }
    Ok(changed(ws, ctx.now))
}

fn set_step(session: &mut crate::session::Session, i: usize, f: impl FnOnce(&mut crate::session::Step)) {
    if let Some(step) = session.steps.get_mut(i) {
        f(step);
    }
}

/// Space: the next value of a choice, the consent box, a goal, a step's status.
fn change(ws: &mut Workspace, panel: &mut PlanPanel, ctx: &Ctx) -> Vec<Effect> {
    panel.message = None;
    let row = panel.row();
    match panel.part {
        PlanPart::Profile => {
            let Some(which) = profile_rows(&ws.session).get(row).copied() else { return Vec::new() };
            if matches!(which, ProfileRow::Zones | ProfileRow::AddLanguage | ProfileRow::PastJobs) {
                return Vec::new();
            }
            ws.session.raise_to_plan(ctx.set);
            let profile = &mut ws.session.profile;
            match which {
                ProfileRow::Education => profile.education = next(&Education::ALL, profile.education),
                ProfileRow::Jornada => profile.jornada = next(&Jornada::ALL, profile.jornada),
                ProfileRow::Language(i) => {
                    if let Some(l) = profile.languages.get_mut(i) {
                        l.level = next(&LanguageLevel::ALL, Some(l.level)).unwrap_or_default();
                    }
                }
                ProfileRow::PlanLanguage => {
                    profile.plan_language = next(&[Lang::Es, Lang::En], profile.plan_language)
                }
                _ => {}
            }
        }
        PlanPart::Contact if row == 0 => {
            if panel.consent_at.is_some() {
                // Consent withdrawn: the contact goes at once.
                panel.consent_at = None;
                if ws.session.contact.take().is_none() {
                    return Vec::new();
                }
            } else {
                panel.consent_at = Some(ctx.now);
                return Vec::new();
            }
        }
        PlanPart::Goals => {
            let Some(id) = plan::explored(&ws.session, ctx.set).get(row).cloned() else { return Vec::new() };
            ws.session.raise_to_plan(ctx.set);
            if let Err(e) = ws.session.toggle_goal(&id) {
                panel.message = Some(PlanMessage::Refused(e));
                return Vec::new();
            }
        }
        PlanPart::Steps => {
            return step_edit(ws, panel, ctx, |s| {
                s.status =
                    if s.status == StepStatus::Hecho { StepStatus::Pendiente } else { StepStatus::Hecho }
            });
        }
        _ => return Vec::new(),
    }
    changed(ws, ctx.now)
}

/// `None` → the first, the last → `None` (the field is optional), else the next.
fn next<T: Copy + PartialEq>(all: &[T], current: Option<T>) -> Option<T> {
    match current.and_then(|c| all.iter().position(|x| *x == c)) {
        None => all.first().copied(),
        Some(i) => all.get(i + 1).copied(),
    }
}

/// A change to the selected step (a suggestion is accepted first).
fn step_edit(
    ws: &mut Workspace,
    panel: &mut PlanPanel,
    ctx: &Ctx,
    f: impl FnOnce(&mut crate::session::Step),
) -> Vec<Effect> {
    if panel.part != PlanPart::Steps {
        return Vec::new();
    }
    let index = match step_rows(&ws.session, ctx.set, ctx.lang).get(panel.row()) {
        Some(StepRow::Step(i)) => *i,
        Some(StepRow::Suggested(_)) => match accept(ws, panel, ctx).0 {
            Some(i) => i,
            None => return Vec::new(),
        },
        None => return Vec::new(),
    };
    ws.session.raise_to_plan(ctx.set);
    set_step(&mut ws.session, index, f);
    changed(ws, ctx.now)
}

/// `a` on a suggestion: it becomes a step as suggested. Returns the step's index.
fn accept(ws: &mut Workspace, panel: &mut PlanPanel, ctx: &Ctx) -> (Option<usize>, Vec<Effect>) {
    if panel.part != PlanPart::Steps {
        return (None, Vec::new());
    }
    let Some(StepRow::Suggested(step)) = step_rows(&ws.session, ctx.set, ctx.lang).get(panel.row()).cloned()
    else {
        return (None, Vec::new());
    };
    ws.session.raise_to_plan(ctx.set);
    ws.session.steps.push(step);
    let index = ws.session.steps.len() - 1;
    panel.select(index);
    (Some(index), changed(ws, ctx.now))
}

/// Supr: the step, the language, the occupation from the explored list, the phone or e-mail, the date.
fn remove(ws: &mut Workspace, panel: &mut PlanPanel, ctx: &Ctx) -> Vec<Effect> {
    panel.message = None;
    let row = panel.row();
    let session = &mut ws.session;
    match panel.part {
        PlanPart::Profile => match profile_rows(session).get(row).copied() {
            Some(ProfileRow::Language(i)) => {
                session.raise_to_plan(ctx.set);
                session.profile.languages.remove(i);
            }
            Some(ProfileRow::Education) => session.profile.education = None,
            Some(ProfileRow::Jornada) => session.profile.jornada = None,
            Some(ProfileRow::Zones) => session.profile.zones.clear(),
            Some(ProfileRow::PlanLanguage) => session.profile.plan_language = None,
            _ => return Vec::new(),
        },
        PlanPart::Contact => {
            let Some(contact) = &session.contact else { return Vec::new() };
            let (phone, email) = match CONTACT_ROWS.get(row) {
                Some(ContactRow::Phone) => ("", contact.email.clone()),
                Some(ContactRow::Email) => (contact.phone.as_str(), String::new()),
                _ => return Vec::new(),
            };
            session.contact = plan::contact(phone, &email, contact.consent_at).ok();
        }
        PlanPart::Goals => {
            let Some(id) = plan::explored(session, ctx.set).get(row).cloned() else { return Vec::new() };
            session.raise_to_plan(ctx.set);
            session.toggle_explored(&id);
        }
        PlanPart::Steps => match step_rows(session, ctx.set, ctx.lang).get(row) {
            Some(StepRow::Step(i)) => {
                session.steps.remove(*i);
            }
            _ => return Vec::new(),
        },
        PlanPart::FollowUp => session.follow_up = None,
    }
    panel.clamp(&ws.session, ctx.set, ctx.lang);
    changed(ws, ctx.now)
}

/// A click on a row of the part in focus selects it.
pub fn clicked(ws: &mut Workspace, set: &CatalogSet, lang: Lang, row: Option<usize>) {
    let Some(Overlay::Plan(panel)) = &mut ws.overlay else { return };
    if let Some(row) = row.filter(|r| *r < panel.len(&ws.session, set, lang)) {
        panel.select(row);
    }
}

/// A click on a part's name in the tab line focuses it.
pub fn clicked_part(ws: &mut Workspace, part: PlanPart) {
    if let Some(Overlay::Plan(panel)) = &mut ws.overlay
        && panel.edit.is_none()
    {
        panel.part = part;
    }
}

/// The wheel moves the selection of the part in focus.
pub fn wheel(ws: &mut Workspace, set: &CatalogSet, lang: Lang, down: bool) {
    let Some(Overlay::Plan(panel)) = &mut ws.overlay else { return };
    let last = panel.len(&ws.session, set, lang).saturating_sub(1);
    let current = panel.row();
    panel.select(if down { (current + 1).min(last) } else { current.saturating_sub(1) });
}
