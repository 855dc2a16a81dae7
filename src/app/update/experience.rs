//! The Experiencia panel's keys and clicks: type a job title, pick its occupation with Enter (the job is
//! added and its destrezas and conocimientos marked), remove a job with Supr, mark items with Space.

use super::changed;
use super::keys::typed;
use crate::app::experience::{ExperienceField, ExperiencePanel};
use crate::app::keymap::{Action, Place};
use crate::app::model::{Model, Overlay, Screen, Workspace};
use crate::app::msg::Effect;
use crate::catalog::CatalogSet;
use crate::search::SearchIndex;
use crate::session::MarkKind;
use crate::text::{is_forbidden, sanitize_line};
use crossterm::event::{KeyCode, KeyEvent};

/// `l`: the panel, on the first past job if there is one (to see and change what it marked).
pub fn open(ws: &Workspace) -> Overlay {
    let mut panel = ExperiencePanel::default();
    if !ws.session.past_jobs.is_empty() {
        panel.field = ExperienceField::Jobs;
    }
    Overlay::Experience(Box::new(panel))
}

pub fn key(model: &mut Model, mut panel: Box<ExperiencePanel>, key: KeyEvent) -> Vec<Effect> {
    let set = model.catalog.clone();
    let index = model.index.clone();
    let now = model.now;
    let place = match panel.field {
        ExperienceField::Search => Place::ExperienceSearch,
        _ => Place::ExperienceList,
    };
    let action = model.keymap.action(&key, place, model.kiosk.is_some());
    let Screen::Workspace(ws) = &mut model.screen else { return Vec::new() };
    // `v` on a past job: its occupation's whole text, over the panel (which comes back when it closes).
    if action == Some(Action::ViewFull)
        && panel.field == ExperienceField::Jobs
        && panel.job < ws.session.past_jobs.len()
    {
        super::full_text::open(ws, Some(Overlay::Experience(panel)));
        return Vec::new();
    }
    let effects = act(ws, &mut panel, (&set, &index), action, &key, now);
    ws.overlay = Some(Overlay::Experience(panel));
    effects
}

fn act(
    ws: &mut Workspace,
    panel: &mut ExperiencePanel,
    (set, index): (&CatalogSet, &SearchIndex),
    action: Option<Action>,
    key: &KeyEvent,
    now: jiff::Timestamp,
) -> Vec<Effect> {
    let fields = ExperienceField::ALL;
    let at = fields.iter().position(|f| *f == panel.field).unwrap_or(0);
    let field = panel.field;
    match action {
        Some(Action::ExperienceNext) => panel.field = fields[(at + 1) % fields.len()],
        Some(Action::ExperiencePrevious) => panel.field = fields[(at + fields.len() - 1) % fields.len()],
        Some(Action::ExperienceUp) => panel.select(field, panel.selected(field).saturating_sub(1)),
        Some(Action::ExperienceDown) => {
            let last = panel.len(field, &ws.session, set).saturating_sub(1);
            panel.select(field, (panel.selected(field) + 1).min(last));
        }
        Some(Action::ExperienceAdd) => return add(ws, panel, set, now),
        Some(Action::ExperienceRemove) if field == ExperienceField::Jobs => return remove(ws, panel, now),
        Some(Action::ExperienceMark) if field == ExperienceField::Items => return mark(ws, panel, set, now),
        _ if field == ExperienceField::Search => {
            // The title's own editing: letters (Space included) go into it, Backspace takes one back.
            match (key.code, typed(key)) {
                (KeyCode::Backspace, _) => {
                    panel.query.pop();
                }
                (_, Some(c)) if !is_forbidden(c) => panel.query.push(c),
                _ => return Vec::new(),
            }
            panel.rerun(index);
        }
        _ => {}
    }
    Vec::new()
}

/// Enter on a result: the job is added under the title picked, and the panel shows what it marked.
fn add(
    ws: &mut Workspace,
    panel: &mut ExperiencePanel,
    set: &CatalogSet,
    now: jiff::Timestamp,
) -> Vec<Effect> {
    if ws.is_read_only() {
        return Vec::new();
    }
    let Some(found) = panel.results.get(panel.result) else { return Vec::new() };
    let Some(occupation) = set.occupation(&found.occupation) else { return Vec::new() };
    ws.session.add_past_job(&found.title, occupation, set);
    panel.job = ws.session.past_jobs.len() - 1;
    panel.item = 0;
    panel.field = ExperienceField::Items;
    panel.query.clear();
    panel.results.clear();
    changed(ws, now)
}

fn remove(ws: &mut Workspace, panel: &mut ExperiencePanel, now: jiff::Timestamp) -> Vec<Effect> {
    if ws.is_read_only() {
        return Vec::new();
    }
    let Some(job) = ws.session.past_jobs.get(panel.job) else { return Vec::new() };
    ws.session.remove_past_job(job.id);
    panel.job = panel.job.min(ws.session.past_jobs.len().saturating_sub(1));
    panel.item = 0;
    changed(ws, now)
}

/// Space on an item: the same cycle as in the panes (none → in development → has → none). A mark
/// changed here is the counselor's: it no longer goes with the job.
fn mark(
    ws: &mut Workspace,
    panel: &mut ExperiencePanel,
    set: &CatalogSet,
    now: jiff::Timestamp,
) -> Vec<Effect> {
    if ws.is_read_only() {
        return Vec::new();
    }
    let Some(row) = panel.items(&ws.session, set).into_iter().nth(panel.item) else { return Vec::new() };
    let occupation = ws.session.past_jobs.get(panel.job).map(|j| j.occupation.clone());
    let occupation = occupation.filter(|_| row.kind == MarkKind::Function);
    ws.session.cycle_mark(row.kind, &row.id, &row.text, occupation.as_deref());
    changed(ws, now)
}

/// A paste goes into the job title.
pub fn paste(panel: &mut ExperiencePanel, index: &SearchIndex, text: &str) {
    if panel.field == ExperienceField::Search {
        panel.query.push_str(&sanitize_line(text));
        panel.rerun(index);
    }
}

/// A click on a part of the panel focuses it and selects the row under the pointer.
pub fn clicked(ws: &mut Workspace, set: &CatalogSet, field: ExperienceField, row: Option<usize>) {
    let Some(Overlay::Experience(panel)) = &mut ws.overlay else { return };
    panel.field = field;
    if let Some(row) = row.filter(|r| *r < panel.len(field, &ws.session, set)) {
        panel.select(field, row);
    }
}

/// The wheel over a part of the panel moves its selection.
pub fn wheel(ws: &mut Workspace, set: &CatalogSet, field: ExperienceField, down: bool) {
    let Some(Overlay::Experience(panel)) = &mut ws.overlay else { return };
    let current = panel.selected(field);
    let last = panel.len(field, &ws.session, set).saturating_sub(1);
    panel.select(field, if down { (current + 1).min(last) } else { current.saturating_sub(1) });
}
