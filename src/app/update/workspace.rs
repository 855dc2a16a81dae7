//! The workspace: four panes, marks, shortlist, sort by fit; `/`, `n`, `g`, `?` open overlays.

use super::keys::is_ctrl_c;
use super::{changed, flush, overlays, saving};
use crate::app::keymap::{Action, Place};
use crate::app::model::{DetailTab, Model, Overlay, Pane, Persistence, Screen, Workspace};
use crate::app::msg::Effect;
use crate::catalog::CatalogSet;
use crate::session::{MarkKind, Session};
use crossterm::event::KeyEvent;

/// Rows moved by PgUp/PgDn.
const PAGE: usize = 8;

pub fn opened(model: &mut Model, session: Session, read_only: bool) -> Vec<Effect> {
    let persistence = if read_only { Persistence::ReadOnly } else { Persistence::Saved };
    show(model, Workspace::new(session, persistence));
    Vec::new()
}

/// Shows `ws`, on the sector and occupation its session was last on.
pub(super) fn show(model: &mut Model, mut ws: Workspace) {
    restore_focus(&mut ws, &model.catalog);
    model.screen = Screen::Workspace(Box::new(ws));
}

/// Puts the selection back on the sector and occupation the session was last on.
fn restore_focus(ws: &mut Workspace, set: &CatalogSet) {
    if let Some(sector) = &ws.session.focus.sector
        && let Some(i) = set.sectors().position(|s| &s.id == sector)
    {
        ws.sector = i;
        ws.focus = Pane::Occupations;
    }
    if let Some(occupation) = ws.session.focus.occupation.clone()
        && let Some(i) = ws.occupations(set).iter().position(|o| o.id == occupation)
    {
        ws.occupation = i;
        ws.focus = Pane::Occupations;
    }
}

pub fn key(model: &mut Model, key: KeyEvent) -> Vec<Effect> {
    let overlay_open = matches!(&model.screen, Screen::Workspace(ws) if ws.overlay.is_some());
    if overlay_open {
        return overlays::key(model, key);
    }
    let kiosk = model.kiosk.is_some();
    let set = model.catalog.clone();
    let now = model.now;
    let keymap = model.keymap.clone();
    let Screen::Workspace(ws) = &mut model.screen else { return Vec::new() };
    ws.hint = None;
    let failing = matches!(ws.persistence, Persistence::Failed(_));
    let Some(action) = keymap.action(&key, Place::of_pane(ws.focus), kiosk) else {
        // Without consent nothing is on disk: leaving would lose the session, so ask first.
        if is_ctrl_c(&key) {
            return leave_or_ask(model);
        }
        // A key that works elsewhere says where, rather than doing nothing silently.
        if let Some(other) = keymap.elsewhere(&key, kiosk) {
            ws.hint = Some(keymap.hint(other, &key, model.lang));
        }
        return Vec::new();
    };
    let len = pane_len(ws, &set, ws.focus);
    let current = selected(ws, ws.focus);
    let moved_to = match action {
        Action::Up => Some(current.saturating_sub(1)),
        Action::Down => Some(current + 1),
        Action::PageUp => Some(current.saturating_sub(PAGE)),
        Action::PageDown => Some(current + PAGE),
        Action::First => Some(0),
        Action::Last => Some(usize::MAX),
        _ => None,
    };
    if let Some(next) = moved_to {
        if len == 0 {
            return Vec::new();
        }
        return select(ws, &set, ws.focus, next.min(len - 1), now);
    }
    match action {
        Action::Retry if failing || !model.unsaved.is_empty() => return saving::retry_now(model),
        Action::NextPane => ws.focus = cycle(ws.focus, 1),
        Action::PreviousPane => ws.focus = cycle(ws.focus, Pane::ALL.len() - 1),
        Action::SwitchTab => {
            ws.tab = match ws.tab {
                DetailTab::Functions => DetailTab::Competencies,
                DetailTab::Competencies => DetailTab::Functions,
            };
        }
        Action::Forward => {
            ws.focus = match ws.focus {
                Pane::Sectors => Pane::Occupations,
                Pane::Occupations => Pane::Functions,
                Pane::Functions | Pane::Programs => Pane::Programs,
            }
        }
        Action::Mark => return toggle(ws, &set, now),
        Action::SortByFit => {
            let current = ws.current_occupation(&set).map(|o| o.id.clone());
            ws.sort_by_fit = !ws.sort_by_fit;
            keep_occupation(ws, &set, current.as_deref());
        }
        Action::Gap if ws.current_occupation(&set).is_some() => ws.overlay = Some(Overlay::Gap),
        Action::Help => ws.overlay = Some(Overlay::Help),
        Action::Search => ws.overlay = Some(Overlay::Search(overlays::new_search())),
        Action::Notes => {
            let occupation = ws.current_occupation(&set).map(|o| o.id.clone());
            ws.overlay = Some(Overlay::Notes(Box::new(super::notes::new_notes(
                &ws.session,
                occupation,
                &model.theme,
            ))));
        }
        Action::Export => ws.overlay = Some(super::export::open(false)),
        Action::Leave => return leave_or_ask(model),
        _ => {}
    }
    Vec::new()
}

/// `q` and Ctrl+C: leave, or, without consent (nothing is on disk), ask first.
fn leave_or_ask(model: &mut Model) -> Vec<Effect> {
    match &mut model.screen {
        Screen::Workspace(ws) if ws.persistence == Persistence::Unsaved => {
            ws.overlay = Some(Overlay::ConfirmDiscard);
            Vec::new()
        }
        _ => leave(model),
    }
}

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

fn cycle(pane: Pane, by: usize) -> Pane {
    let at = Pane::ALL.iter().position(|p| *p == pane).unwrap_or(0);
    Pane::ALL[(at + by) % Pane::ALL.len()]
}

pub fn pane_len(ws: &Workspace, set: &CatalogSet, pane: Pane) -> usize {
    match pane {
        Pane::Sectors => set.sectors().count(),
        Pane::Occupations => ws.occupations(set).len(),
        Pane::Functions => ws.detail_rows(set).len(),
        Pane::Programs => ws.current_occupation(set).map_or(0, |o| set.programs_for(&o.id).len()),
    }
}

pub fn selected(ws: &Workspace, pane: Pane) -> usize {
    match pane {
        Pane::Sectors => ws.sector,
        Pane::Occupations => ws.occupation,
        Pane::Functions => match ws.tab {
            DetailTab::Functions => ws.function,
            DetailTab::Competencies => ws.competency,
        },
        Pane::Programs => ws.program,
    }
}

/// Selects row `index` of `pane`; choosing another sector or occupation resets the panes after it and
/// records the focus in the session, so resuming returns there.
pub fn select(
    ws: &mut Workspace,
    set: &CatalogSet,
    pane: Pane,
    index: usize,
    now: jiff::Timestamp,
) -> Vec<Effect> {
    match pane {
        Pane::Sectors if ws.sector != index => {
            ws.sector = index;
            ws.occupation = 0;
            reset_details(ws);
        }
        Pane::Occupations if ws.occupation != index => {
            ws.occupation = index;
            reset_details(ws);
        }
        Pane::Functions => match ws.tab {
            DetailTab::Functions => ws.function = index,
            DetailTab::Competencies => ws.competency = index,
        },
        Pane::Programs => ws.program = index,
        _ => return Vec::new(),
    }
    record_focus(ws, set, now)
}

fn reset_details(ws: &mut Workspace) {
    ws.function = 0;
    ws.competency = 0;
    ws.program = 0;
}

fn record_focus(ws: &mut Workspace, set: &CatalogSet, now: jiff::Timestamp) -> Vec<Effect> {
    if note_focus(ws, set) { changed(ws, now) } else { Vec::new() }
}

/// Copies the selected sector and occupation into the session; true when they differ from what it had.
fn note_focus(ws: &mut Workspace, set: &CatalogSet) -> bool {
    let sector = set.sectors().nth(ws.sector).map(|s| s.id.clone());
    let occupation = ws.current_occupation(set).map(|o| o.id.clone());
    if ws.session.focus.sector == sector && ws.session.focus.occupation == occupation {
        return false;
    }
    ws.session.focus.sector = sector;
    ws.session.focus.occupation = occupation;
    true
}

/// Puts the occupations pane's selection back on `id` after the list was reordered (sorting by fit, or a
/// mark that changed the fits while sorted), so the counselor stays on the occupation they were on.
fn keep_occupation(ws: &mut Workspace, set: &CatalogSet, id: Option<&str>) {
    if let Some(id) = id
        && let Some(i) = ws.occupations(set).iter().position(|o| o.id == id)
    {
        ws.occupation = i;
    }
}

/// Space: cycles a function's or competency's mark, or shortlists a program.
fn toggle(ws: &mut Workspace, set: &CatalogSet, now: jiff::Timestamp) -> Vec<Effect> {
    if ws.is_read_only() {
        return Vec::new();
    }
    let Some(occupation) = ws.current_occupation(set) else { return Vec::new() };
    match ws.focus {
        Pane::Functions => {
            let index = if ws.tab == DetailTab::Functions { ws.function } else { ws.competency };
            let Some(row) = ws.detail_rows(set).into_iter().nth(index) else { return Vec::new() };
            let occupation_id = (row.kind == MarkKind::Function).then_some(occupation.id.as_str());
            ws.session.cycle_mark(row.kind, &row.id, &row.text, occupation_id);
            // Unmarking an item that left the catalog removes its row: keep the selection on the list.
            let last = ws.detail_rows(set).len().saturating_sub(1);
            let selected = if ws.tab == DetailTab::Functions { &mut ws.function } else { &mut ws.competency };
            *selected = (*selected).min(last);
        }
        Pane::Programs => {
            let programs = set.programs_for(&occupation.id);
            let Some(p) = programs.get(ws.program) else { return Vec::new() };
            ws.session.toggle_shortlist(&p.id, &format!("{} — {}", p.institution, p.name));
        }
        Pane::Sectors | Pane::Occupations => return Vec::new(),
    }
    // A mark changes fits: sorted by fit, the list may have reordered under the selection.
    keep_occupation(ws, set, Some(&occupation.id));
    // The occupation worked on is where a resumed session opens, even if it was never moved to.
    note_focus(ws, set);
    changed(ws, now)
}
